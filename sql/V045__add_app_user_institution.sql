-- The institution a person works for: under the "other-institution" validation rule an analyst may
-- validate only figures that another institution reported. Null: the person belongs to none.
ALTER TABLE app_user ADD COLUMN institution_id bigint REFERENCES institution (id);
