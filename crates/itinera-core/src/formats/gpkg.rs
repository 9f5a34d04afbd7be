//! GeoPackage (OGC 12-128, version 1.3), QGIS's native format: one SQLite file with two
//! feature layers, `legs` (MULTILINESTRING, each leg along its geodesic, in parts where it
//! crosses ±180°) and `stops` (POINT), with typed columns (distances as REAL, order as
//! integers, days as DATE, times with an offset as DATETIME in UTC) in WGS 84 (EPSG:4326).
//!
//! The file holds what the spec requires and nothing more: the application id and user version
//! pragmas, `gpkg_spatial_ref_sys` with its three required rows, `gpkg_contents`,
//! `gpkg_geometry_columns` and the two feature tables (no spatial index: trips are small).
//! It is built in memory with SQLite (bundled, through `rusqlite`) and its bytes written out
//! whole, so it goes through the same atomic outputs as every other format. `last_change` is
//! the time of writing, or `SOURCE_DATE_EPOCH` when set (reproducible files).
//!
//! Facts from the spec (geopackage.org/spec131): Req 2 (application_id 0x47504B47, user_version
//! 10300), Annex C (table definitions), 2.1.3 (the geometry blob: "GP", version 0, flags,
//! srs_id, envelope `[minx, maxx, miny, maxy]`, then ISO WKB).

use std::io::Write;

use geo::Coord;
use jiff::civil::DateTime;
use jiff::tz::Offset;
use rusqlite::{Connection, params};

use super::{Described, ExportOptions, RouteWriter};
use crate::error::{Error, Result};
use crate::route::{Route, split_antimeridian};
use crate::trip::Date;

/// GeoPackage.
pub struct GeoPackage;

impl Described for GeoPackage {
    fn name(&self) -> &'static str {
        "gpkg"
    }
    fn extensions(&self) -> &'static [&'static str] {
        &["gpkg"]
    }
    fn about(&self) -> &'static str {
        "GeoPackage (QGIS, GDAL): layers `legs` and `stops` with typed columns"
    }
}

impl RouteWriter for GeoPackage {
    fn write(&self, routes: &[Route], o: &ExportOptions<'_>, w: &mut dyn Write) -> Result<()> {
        let encode = |e: rusqlite::Error| Error::Encode {
            what: "GeoPackage",
            source: Box::new(e),
        };
        let mut db = database(routes, o.title).map_err(encode)?;
        // The database's own pages, written without a copy.
        let bytes = db.serialize("main").map_err(encode)?;
        w.write_all(&bytes).map_err(|e| Error::Write {
            path: "GeoPackage".into(),
            source: e,
        })
    }
}

/// "GPKG", GeoPackage's SQLite application id (Req 2).
pub const APPLICATION_ID: i64 = 0x4750_4B47;
/// GeoPackage 1.3 (Req 2): what GDAL 3.3 and later read without a warning.
pub const USER_VERSION: i64 = 10300;
/// WGS 84 longitude/latitude.
const SRS_ID: i32 = 4326;

/// The tables every GeoPackage has, with the spec's definitions (Annex C), and its layers.
const SCHEMA: &str = "
CREATE TABLE gpkg_spatial_ref_sys (
  srs_name TEXT NOT NULL,
  srs_id INTEGER PRIMARY KEY,
  organization TEXT NOT NULL,
  organization_coordsys_id INTEGER NOT NULL,
  definition TEXT NOT NULL,
  description TEXT
);
CREATE TABLE gpkg_contents (
  table_name TEXT NOT NULL PRIMARY KEY,
  data_type TEXT NOT NULL,
  identifier TEXT UNIQUE,
  description TEXT DEFAULT '',
  last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE,
  srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id)
);
CREATE TABLE gpkg_geometry_columns (
  table_name TEXT NOT NULL,
  column_name TEXT NOT NULL,
  geometry_type_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL,
  z TINYINT NOT NULL,
  m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
  CONSTRAINT uk_gc_table_name UNIQUE (table_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id)
);
INSERT INTO gpkg_spatial_ref_sys VALUES
  ('Undefined Cartesian SRS', -1, 'NONE', -1, 'undefined',
   'undefined Cartesian coordinate reference system'),
  ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined',
   'undefined geographic coordinate reference system'),
  ('WGS 84 geodetic', 4326, 'EPSG', 4326,
   'GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AXIS[\"Latitude\",NORTH],AXIS[\"Longitude\",EAST],AUTHORITY[\"EPSG\",\"4326\"]]',
   'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid');
CREATE TABLE legs (
  fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  geom MULTILINESTRING,
  trip TEXT NOT NULL,
  leg MEDIUMINT NOT NULL,
  from_stop TEXT NOT NULL,
  to_stop TEXT NOT NULL,
  mode TEXT NOT NULL,
  distance_m DOUBLE NOT NULL,
  distance_km DOUBLE NOT NULL,
  bearing_deg DOUBLE NOT NULL,
  from_date TEXT,
  to_date TEXT,
  from_day DATE,
  to_day DATE,
  departs DATETIME,
  arrives DATETIME,
  color TEXT NOT NULL
);
CREATE TABLE stops (
  fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  geom POINT,
  trip TEXT NOT NULL,
  stop_order MEDIUMINT NOT NULL,
  name TEXT NOT NULL,
  matched TEXT,
  country TEXT,
  admin1 TEXT,
  geonameid INTEGER,
  lat DOUBLE NOT NULL,
  lon DOUBLE NOT NULL,
  date TEXT,
  day DATE,
  time DATETIME,
  note TEXT,
  places BOOLEAN NOT NULL,
  color TEXT NOT NULL
);
";

/// The GeoPackage of `routes`, in memory.
fn database(routes: &[Route], title: Option<&str>) -> rusqlite::Result<Connection> {
    let mut db = Connection::open_in_memory()?;
    db.pragma_update(None, "application_id", APPLICATION_ID)?;
    db.pragma_update(None, "user_version", USER_VERSION)?;
    let tx = db.transaction()?;
    tx.execute_batch(SCHEMA)?;
    let legs = insert_legs(&tx, routes)?;
    let stops = insert_stops(&tx, routes)?;
    let changed = utc_text(last_change());
    for (table, kind, extent) in [("legs", "MULTILINESTRING", legs), ("stops", "POINT", stops)] {
        let [min_x, min_y, max_x, max_y] = match extent.finish() {
            Some(b) => b.map(Some),
            None => [None; 4],
        };
        tx.execute(
            "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, \
             last_change, min_x, min_y, max_x, max_y, srs_id) \
             VALUES (?1, 'features', ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                table,
                title.unwrap_or(""),
                changed,
                min_x,
                min_y,
                max_x,
                max_y,
                SRS_ID
            ],
        )?;
        tx.execute(
            "INSERT INTO gpkg_geometry_columns VALUES (?1, 'geom', ?2, ?3, 0, 0)",
            params![table, kind, SRS_ID],
        )?;
    }
    tx.commit()?;
    Ok(db)
}

/// Writes a row per leg; returns the layer's extent.
fn insert_legs(tx: &rusqlite::Transaction<'_>, routes: &[Route]) -> rusqlite::Result<Extent> {
    let mut st = tx.prepare(
        "INSERT INTO legs (geom, trip, leg, from_stop, to_stop, mode, distance_m, distance_km, \
         bearing_deg, from_date, to_date, from_day, to_day, departs, arrives, color) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
    )?;
    let mut extent = Extent::default();
    for r in routes {
        for (i, leg) in r.legs.iter().enumerate() {
            let parts = split_antimeridian(&leg.line());
            let mut own = Extent::default();
            for c in parts.iter().flatten() {
                own.add(*c);
                extent.add(*c);
            }
            let (from, to) = (&r.stops[leg.from], &r.stops[leg.to]);
            st.execute(params![
                multi_line_blob(&parts, &own),
                r.name,
                i as i64 + 1,
                from.label,
                to.label,
                leg.mode.as_str(),
                leg.metres,
                leg.metres / 1000.0,
                leg.bearing_deg,
                from.date.map(|d| d.to_string()),
                to.date.map(|d| d.to_string()),
                from.date.and_then(|d| day_text(&d)),
                to.date.and_then(|d| day_text(&d)),
                from.date.and_then(|d| utc_time(&d)),
                to.date.and_then(|d| utc_time(&d)),
                r.color.to_string(),
            ])?;
        }
    }
    Ok(extent)
}

/// Writes a row per stop; returns the layer's extent.
fn insert_stops(tx: &rusqlite::Transaction<'_>, routes: &[Route]) -> rusqlite::Result<Extent> {
    let mut st = tx.prepare(
        "INSERT INTO stops (geom, trip, stop_order, name, matched, country, admin1, geonameid, \
         lat, lon, date, day, time, note, places, color) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
    )?;
    let mut extent = Extent::default();
    for r in routes {
        for (i, s) in r.stops.iter().enumerate() {
            extent.add(s.coord());
            let place = s.place.as_ref();
            st.execute(params![
                point_blob(s.coord()),
                r.name,
                i as i64 + 1,
                s.label,
                place.map(|p| p.name.as_ref()),
                place.map(|p| p.country.as_ref()),
                place.and_then(|p| p.admin1_name()),
                place.and_then(|p| p.geonameid),
                s.lat,
                s.lon,
                s.date.map(|d| d.to_string()),
                s.date.and_then(|d| day_text(&d)),
                s.date.and_then(|d| utc_time(&d)),
                s.note,
                r.kind.places_flag(),
                r.color.to_string(),
            ])?;
        }
    }
    Ok(extent)
}

/// The planar box of some coordinates, as the blob's envelope and `gpkg_contents` give it.
#[derive(Debug, Clone, Copy, Default)]
struct Extent(Option<[f64; 4]>);

impl Extent {
    fn add(&mut self, c: Coord) {
        self.0 = Some(match self.0 {
            None => [c.x, c.y, c.x, c.y],
            Some([x0, y0, x1, y1]) => [x0.min(c.x), y0.min(c.y), x1.max(c.x), y1.max(c.y)],
        });
    }

    /// `[min_x, min_y, max_x, max_y]`, if any coordinate was added.
    fn finish(self) -> Option<[f64; 4]> {
        self.0
    }
}

/// The header of a geometry blob (2.1.3): "GP", version 0, flags (little-endian; envelope
/// `[minx, maxx, miny, maxy]` when given), the SRS id.
fn blob_header(envelope: Option<[f64; 4]>) -> Vec<u8> {
    let flags = if envelope.is_some() {
        0b0000_0011
    } else {
        0b0000_0001
    };
    let mut b = vec![b'G', b'P', 0, flags];
    b.extend_from_slice(&SRS_ID.to_le_bytes());
    if let Some([x0, y0, x1, y1]) = envelope {
        for v in [x0, x1, y0, y1] {
            b.extend_from_slice(&v.to_le_bytes());
        }
    }
    b
}

/// A POINT blob (no envelope, as GDAL writes points).
fn point_blob(c: Coord) -> Vec<u8> {
    let mut b = blob_header(None);
    b.push(1);
    b.extend_from_slice(&1u32.to_le_bytes());
    b.extend_from_slice(&c.x.to_le_bytes());
    b.extend_from_slice(&c.y.to_le_bytes());
    b
}

/// A MULTILINESTRING blob with its envelope: one part, or one per side of ±180°.
fn multi_line_blob(parts: &[Vec<Coord>], extent: &Extent) -> Vec<u8> {
    let mut b = blob_header(extent.finish());
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX).to_le_bytes();
    b.push(1);
    b.extend_from_slice(&5u32.to_le_bytes());
    b.extend_from_slice(&count(parts.len()));
    for part in parts {
        b.push(1);
        b.extend_from_slice(&2u32.to_le_bytes());
        b.extend_from_slice(&count(part.len()));
        for c in part {
            b.extend_from_slice(&c.x.to_le_bytes());
            b.extend_from_slice(&c.y.to_le_bytes());
        }
    }
    b
}

/// A DATE value (`YYYY-MM-DD`) when the date names a day.
fn day_text(d: &Date) -> Option<String> {
    d.day().map(|day| day.to_string())
}

/// A DATETIME value in UTC when the date has a time and an offset from UTC; a local time
/// without one is no instant (it stays in the TEXT column). An instant whose UTC date falls
/// outside the years 1 to 9999 has no DATETIME form (`YYYY` is four digits): NULL too.
fn utc_time(d: &Date) -> Option<String> {
    match d {
        Date::Offset(t, offset) => offset
            .to_timestamp(*t)
            .ok()
            .map(|ts| Offset::UTC.to_datetime(ts))
            .filter(|utc| (1..=9999).contains(&utc.year()))
            .map(utc_text),
        _ => None,
    }
}

/// `YYYY-MM-DDTHH:MM:SS.SSSZ`, the only form a GeoPackage DATETIME takes.
fn utc_text(t: DateTime) -> String {
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
        t.year(),
        t.month(),
        t.day(),
        t.hour(),
        t.minute(),
        t.second(),
        t.subsec_nanosecond() / 1_000_000
    )
}

/// When the layers changed: now, or `SOURCE_DATE_EPOCH` (seconds) for reproducible files.
fn last_change() -> DateTime {
    let epoch = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|s| jiff::Timestamp::from_second(s).ok());
    Offset::UTC.to_datetime(epoch.unwrap_or_else(jiff::Timestamp::now))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_point_blob_is_what_gdal_writes() {
        // The spec's worked example as GDAL 3.6 writes it (docs/research/geopackage.md).
        let b = point_blob(Coord { x: 13.4, y: 52.5 });
        let hex: String = b.iter().map(|x| format!("{x:02X}")).collect();
        assert_eq!(
            hex,
            "47500001E61000000101000000CDCCCCCCCCCC2A400000000000404A40"
        );
    }

    #[test]
    fn a_line_blob_has_its_envelope_in_x_then_y_order() {
        let part = vec![Coord { x: 13.4, y: 52.5 }, Coord { x: 2.35, y: 48.85 }];
        let mut e = Extent::default();
        part.iter().for_each(|c| e.add(*c));
        let b = multi_line_blob(std::slice::from_ref(&part), &e);
        assert_eq!(&b[..4], b"GP\x00\x03");
        let f = |at: usize| f64::from_le_bytes(b[at..at + 8].try_into().unwrap_or_default());
        assert_eq!([f(8), f(16), f(24), f(32)], [2.35, 13.4, 48.85, 52.5]);
        // WKB: little-endian MultiLineString of one LineString of two points.
        assert_eq!(&b[40..49], &[1, 5, 0, 0, 0, 1, 0, 0, 0]);
        assert_eq!(b.len(), 40 + 9 + 9 + 32);
    }

    #[test]
    fn times_with_an_offset_are_utc_and_local_times_are_none() {
        let d: Date = "2011-08-20T10:00+10:00".parse().unwrap_or(Date::Year(0));
        assert_eq!(utc_time(&d).as_deref(), Some("2011-08-20T00:00:00.000Z"));
        let local: Date = "2011-08-20T10:00".parse().unwrap_or(Date::Year(0));
        assert_eq!(utc_time(&local), None);
        assert_eq!(day_text(&local).as_deref(), Some("2011-08-20"));
        assert_eq!(day_text(&Date::Month(2011, 8)), None);
        // Year 0 in UTC is no GeoPackage DATETIME (the probe's "-001-12-31T23:30:00.000Z").
        let early: Date = "0000-01-01T00:30+01:00".parse().unwrap_or(Date::Year(0));
        assert_eq!(utc_time(&early), None);
        let late: Date = "9999-12-30T12:00Z".parse().unwrap_or(Date::Year(0));
        assert_eq!(utc_time(&late).as_deref(), Some("9999-12-30T12:00:00.000Z"));
    }
}
