-- Restricted plans: a plan with members is, while it is not published, readable and writable only
-- by its members and administrators; everyone else gets "not found", as for a plan that does not
-- exist. A plan without members is open to all signed-in staff, as before.
CREATE TABLE plan_member (
  plan_id  bigint NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
  username varchar(80) NOT NULL REFERENCES app_user (username) ON DELETE CASCADE,
  PRIMARY KEY (plan_id, username)
);
CREATE INDEX plan_member_username_idx ON plan_member (username);
