CREATE TABLE territory (
  id         bigserial PRIMARY KEY,
  code       varchar(40)  NOT NULL UNIQUE,
  name       varchar(200) NOT NULL,
  level      varchar(20)  NOT NULL CHECK (level IN ('DISTRICT', 'CORREGIMIENTO', 'BARRIO')),
  parent_id  bigint REFERENCES territory (id),
  CHECK ((level = 'DISTRICT') = (parent_id IS NULL))
);
CREATE INDEX territory_parent_idx ON territory (parent_id);

-- Denominators for rates: population of one sex in one territory and year. The total is F + M.
CREATE TABLE territory_population (
  territory_id bigint  NOT NULL REFERENCES territory (id) ON DELETE CASCADE,
  year         integer NOT NULL CHECK (year BETWEEN 1900 AND 2200),
  sex          varchar(2) NOT NULL CHECK (sex IN ('F', 'M')),
  population   bigint  NOT NULL CHECK (population >= 0),
  source       varchar(400),
  illustrative boolean NOT NULL DEFAULT false,
  PRIMARY KEY (territory_id, year, sex)
);
