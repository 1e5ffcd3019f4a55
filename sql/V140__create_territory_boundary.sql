-- A territory's boundary as WKT text in WGS84 (no PostGIS here; readable in an open export), with where it came from and
-- whether it is illustrative: every map drawn from an illustrative boundary says so.
CREATE TABLE territory_boundary (
  territory_id bigint       PRIMARY KEY REFERENCES territory (id) ON DELETE CASCADE,
  wkt          text         NOT NULL,
  source       varchar(400) NOT NULL,
  illustrative boolean      NOT NULL DEFAULT false,
  imported_at  timestamptz  NOT NULL DEFAULT now(),
  imported_by  varchar(200)
);
