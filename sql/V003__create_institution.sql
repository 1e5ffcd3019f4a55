CREATE TABLE institution (
  id      bigserial PRIMARY KEY,
  code    varchar(40)  NOT NULL UNIQUE,
  name    varchar(300) NOT NULL,
  acronym varchar(40),
  kind    varchar(20)  NOT NULL
          CHECK (kind IN ('NATIONAL', 'MUNICIPAL', 'CIVIL_SOCIETY', 'INTERNATIONAL', 'PRIVATE', 'ACADEMIC'))
);
