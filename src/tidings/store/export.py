"""Exports of the stored events: JSONL, CSV, Parquet, a GDELT-style table and PLOVER JSON.

``jsonl``    one Event record per line, as ``tidings code`` prints them (``Event.from_dict``
             reads them back), plus the row ``id`` and the article's ``article_source`` and
             ``article_url``.
``csv``      the ``events`` table, flat, with a header.
``parquet``  the ``events`` table as a directory partitioned by month
             (``year_month=YYYY-MM/…parquet``; ``year_month=unknown`` for undated events).
``gdelt``    GDELT 2.0 Event table (61 columns in GDELT's order, tab-separated), one row per
             real-world event from the ``event_groups`` view, so NumMentions/NumSources/
             NumArticles count its reports (``tidings.store.gdelt`` has the details and every
             difference from GDELT's own files).
``gdelt-mentions``  GDELT 2.0 Mentions table (16 columns): one row per event mention, with its
             sentence number and the character offsets of actors and trigger.
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
from tidings.store import gdelt

FORMATS = ("jsonl", "csv", "parquet", "gdelt", "gdelt-mentions", "plover")

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
    con: duckdb.DuckDBPyConnection, sql: str, out: IO[str], *, delimiter: str = ",",
    header: bool = True,
) -> int:  # fmt: skip
    names, rows = _rows(con, sql)
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    if header:
        writer.writerow(names)
    n = 0
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
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


def export(
    con: duckdb.DuckDBPyConnection, fmt: str, out: IO[str] | Path, *, header: bool = True
) -> int:
    """Write the events in ``fmt`` to ``out`` (a text stream, or a directory for parquet).
    ``header=False`` leaves out the column names of csv, gdelt and gdelt-mentions (raw GDELT
    files have none)."""
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        if not isinstance(out, Path):
            raise StoreError("Parquet export needs a directory: give --out DIR")
        return write_parquet(con, out)
    if isinstance(out, Path):
        with out.open("w", encoding="utf-8", newline="") as f:
            return export(con, fmt, f, header=header)
    if fmt == "jsonl":
        return write_jsonl(con, JSONL_SQL, out)
    if fmt == "plover":
        return write_jsonl(con, PLOVER_SQL, out)
    if fmt == "csv":
        return write_csv(con, "SELECT * FROM events ORDER BY id", out, header=header)
    table = "mentions" if fmt == "gdelt-mentions" else "events"
    return gdelt.write(con, table, out, header=header)
