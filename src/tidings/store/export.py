"""Exports of the stored events: JSONL, CSV, Parquet, a GDELT-style table and PLOVER JSON.

``jsonl``    one Event record per line, as ``tidings code`` prints them (``Event.from_dict``
             reads them back), plus the row ``id`` and the article's ``article_source`` and
             ``article_url``.
``csv``      the ``events`` table, flat, with a header.
``parquet``  the ``events`` table as a directory partitioned by month
             (``year_month=YYYY-MM/…parquet``; ``year_month=unknown`` for undated events).
``gdelt``    GDELT 2.0 event table columns (61, in GDELT's order, tab-separated, with a header
             line), one row per real-world event from the ``event_groups`` view, so
             NumMentions/NumSources/NumArticles count its reports.  Columns tidings does not
             know (ethnic, religion and known-group codes, actor geography, AvgTone) are empty;
             country codes are ISO alpha-3 as in CAMEO actor codes, not GDELT's FIPS geography.
``plover``   POLECAT-style JSON Lines: one record per event with id, date, event_type, mode,
             context, source/target actor name, country, sector, event_text, story_id ….
Negated events ("did not attack") are kept in the raw exports (with ``negated`` true) and left
out of ``gdelt`` and ``plover``, which list events that happened.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import duckdb

from tidings.errors import StoreError

FORMATS = ("jsonl", "csv", "parquet", "gdelt", "plover")

_ACTOR_SQL = (
    "CASE WHEN {p}_text IS NULL AND {p}_code IS NULL THEN NULL ELSE "
    "{{'text': {p}_text, 'code': {p}_code, 'country': {p}_country, 'sector': {p}_sector, "
    "'name': {p}_name}} END AS {p}"
)

JSONL_SQL = f"""
SELECT id, article_id, sentence, date::VARCHAR AS date,
       {_ACTOR_SQL.format(p="source")}, {_ACTOR_SQL.format(p="target")},
       cameo, cameo_name, plover, plover_mode, goldstein, quad_class, negated, modality,
       {_ACTOR_SQL.format(p="speaker")},
       CASE WHEN location_name IS NULL THEN NULL ELSE
         {{'name': location_name, 'country': location_country, 'lat': location_lat,
          'lon': location_lon}} END AS location,
       {{'text': evidence_text, 'start': evidence_start, 'end': evidence_end,
        'trigger': evidence_trigger}} AS evidence,
       rule, confidence, article_source, article_url
FROM events ORDER BY id
"""

PLOVER_SQL = """
SELECT e.id::VARCHAR AS id, e.date::VARCHAR AS date, e.plover AS event_type,
       e.plover_mode AS mode, NULL AS context,
       coalesce(e.source_name, e.source_text) AS source_actor, e.source_country,
       e.source_sector, e.source_code,
       coalesce(e.target_name, e.target_text) AS target_actor, e.target_country,
       e.target_sector, e.target_code,
       e.cameo AS cameo_code, e.goldstein, e.quad_class AS quad_code, e.modality,
       e.evidence_text AS event_text, e.evidence_trigger AS trigger,
       e.location_name AS location, e.location_country, e.location_lat, e.location_lon,
       e.article_id AS story_id, a.title AS headline, a.date::VARCHAR AS story_date,
       a.source AS publisher, a.url, a.language, a.duplicate_of AS story_duplicate_of
FROM events AS e JOIN articles AS a ON a.id = e.article_id
WHERE NOT e.negated
ORDER BY e.id
"""

# GDELT 2.0 event table, column by column (empty string where tidings has no value).
_ACTOR_GDELT = (
    ("Code", "{p}_code"), ("Name", "upper({p}_name)"), ("CountryCode", "{p}_country"),
    ("KnownGroupCode", None), ("EthnicCode", None), ("Religion1Code", None),
    ("Religion2Code", None), ("Type1Code", "{p}_sector"), ("Type2Code", None),
    ("Type3Code", None),
)  # fmt: skip
_GEO_GDELT = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
_ACTION_GEO = {
    "Type": "CASE WHEN location_name IS NULL THEN NULL ELSE 1 END",  # 1: country-level or unknown
    "FullName": "location_name", "CountryCode": "location_country",
    "Lat": "location_lat", "Long": "location_lon",
}  # fmt: skip


def gdelt_columns() -> list[tuple[str, str | None]]:
    """(GDELT column name, SQL expression over ``event_groups`` or None) in GDELT's order."""
    cols: list[tuple[str, str | None]] = [
        ("GLOBALEVENTID", "id"),
        ("SQLDATE", "strftime(date, '%Y%m%d')"),
        ("MonthYear", "strftime(date, '%Y%m')"),
        ("Year", "year(date)"),
        ("FractionDate", "round(year(date) + (dayofyear(date) - 1) / 365.0, 4)"),
    ]
    for n, prefix in ((1, "source"), (2, "target")):
        for suffix, expr in _ACTOR_GDELT:
            cols.append((f"Actor{n}{suffix}", expr.format(p=prefix) if expr else None))
    cols += [
        ("IsRootEvent", "CASE WHEN is_root THEN 1 ELSE 0 END"),
        ("EventCode", "cameo"),
        ("EventBaseCode", "left(cameo, 3)"),
        ("EventRootCode", "left(cameo, 2)"),
        ("QuadClass", "quad_class"),
        ("GoldsteinScale", "goldstein"),
        ("NumMentions", "n_mentions"),
        ("NumSources", "n_sources"),
        ("NumArticles", "n_articles"),
        ("AvgTone", None),
    ]
    for geo in ("Actor1Geo", "Actor2Geo", "ActionGeo"):
        for suffix in _GEO_GDELT:
            cols.append(
                (f"{geo}_{suffix}", _ACTION_GEO.get(suffix) if geo == "ActionGeo" else None)
            )
    cols += [("DATEADDED", "strftime(added_at, '%Y%m%d%H%M%S')"), ("SOURCEURL", "article_url")]
    return cols


def gdelt_sql() -> str:
    parts = [f"coalesce(({expr})::VARCHAR, '') AS \"{name}\"" if expr else f"'' AS \"{name}\""
             for name, expr in gdelt_columns()]  # fmt: skip
    return f"SELECT {', '.join(parts)} FROM event_groups ORDER BY id"


def _rows(con: duckdb.DuckDBPyConnection, sql: str) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
    cur = con.execute(sql)
    names = [d[0] for d in cur.description or []]

    def gen() -> Iterator[tuple[Any, ...]]:
        while chunk := cur.fetchmany(2048):
            yield from chunk

    return names, gen()


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    return value


def write_jsonl(con: duckdb.DuckDBPyConnection, sql: str, out: IO[str]) -> int:
    names, rows = _rows(con, sql)
    n = 0
    for row in rows:
        record = {k: _jsonable(v) for k, v in zip(names, row, strict=True)}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(
    con: duckdb.DuckDBPyConnection, sql: str, out: IO[str], *, delimiter: str = ","
) -> int:
    names, rows = _rows(con, sql)
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(names)
    n = 0
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
        n += 1
    return n


def write_gdelt(con: duckdb.DuckDBPyConnection, out: IO[str]) -> int:
    names, rows = _rows(con, gdelt_sql())
    out.write("\t".join(names) + "\n")
    n = 0
    for row in rows:
        # GDELT fields never contain tabs or newlines; keep the table parseable line by line.
        out.write("\t".join(v.replace("\t", " ").replace("\n", " ") for v in row) + "\n")
        n += 1
    return n


def write_parquet(con: duckdb.DuckDBPyConnection, out: Path) -> int:
    """Write the events table into ``out``/year_month=YYYY-MM/… (``out`` must not hold files)."""
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise StoreError(
            "exists and is not an empty directory; give a new directory for Parquet", input=str(out)
        )
    count = con.execute("SELECT count(*) FROM events").fetchone()
    assert count is not None
    if count[0] == 0:
        out.mkdir(parents=True, exist_ok=True)
        return 0
    path = str(out).replace("'", "''")
    con.execute(
        f"""COPY (SELECT *, coalesce(strftime(date, '%Y-%m'), 'unknown') AS year_month
                  FROM events ORDER BY id)
            TO '{path}' (FORMAT PARQUET, PARTITION_BY (year_month))"""
    )
    return int(count[0])


def export(con: duckdb.DuckDBPyConnection, fmt: str, out: IO[str] | Path) -> int:
    """Write the events in ``fmt`` to ``out`` (a text stream, or a directory for parquet)."""
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        if not isinstance(out, Path):
            raise StoreError("Parquet export needs a directory: give --out DIR")
        return write_parquet(con, out)
    if isinstance(out, Path):
        with out.open("w", encoding="utf-8", newline="") as f:
            return export(con, fmt, f)
    if fmt == "jsonl":
        return write_jsonl(con, JSONL_SQL, out)
    if fmt == "plover":
        return write_jsonl(con, PLOVER_SQL, out)
    if fmt == "csv":
        return write_csv(con, "SELECT * FROM events ORDER BY id", out)
    return write_gdelt(con, out)
