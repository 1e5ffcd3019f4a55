-- Places women report as unsafe (the guide's "mapas de riesgo de sitios inseguros para las mujeres"):
-- a point already generalised to a grid of 0.001 degrees (about 110 m) — the exact point is never
-- stored — with its kind, where the report came from, its date and the corregimiento it falls in. No
-- address or free text is kept: nothing here may point at a home. Owned by org.atalaya.risk.
CREATE TABLE unsafe_place (
  id           bigserial PRIMARY KEY,
  territory_id bigint NOT NULL REFERENCES territory (id),
  kind         varchar(12) NOT NULL
               CHECK (kind IN ('STREET', 'PARK', 'STOP', 'VACANT_LOT', 'PATH', 'MARKET', 'OTHER')),
  source       varchar(8) NOT NULL CHECK (source IN ('RECORD', 'SURVEY', 'WALK')),
  reported_on  date NOT NULL,
  lat          numeric(7, 3) NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lon          numeric(7, 3) NOT NULL CHECK (lon BETWEEN -180 AND 180),
  illustrative boolean NOT NULL DEFAULT false,
  created_at   timestamptz NOT NULL DEFAULT now(),
  created_by   varchar(100) NOT NULL
);
CREATE INDEX unsafe_place_territory ON unsafe_place (territory_id, reported_on);

CREATE TRIGGER unsafe_place_data_changed AFTER INSERT OR UPDATE OR DELETE ON unsafe_place
  FOR EACH STATEMENT EXECUTE FUNCTION atalaya_data_changed();
