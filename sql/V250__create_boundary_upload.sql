-- A boundary file checked by a dry run and waiting for its uploader's confirmation: nothing reaches territory_boundary
-- until confirmed. Kept in the database (not one replica's memory); a day-old upload nobody confirmed is dropped.
CREATE TABLE boundary_upload (
  id          bigserial    PRIMARY KEY,
  file_name   varchar(400) NOT NULL,
  content     bytea        NOT NULL,
  uploaded_by varchar(200) NOT NULL,
  uploaded_at timestamptz  NOT NULL DEFAULT now()
);
