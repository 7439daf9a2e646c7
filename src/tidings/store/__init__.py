"""The embedded event store: a DuckDB file with articles, events, quotes, actors and a log.

>>> from tidings.store import open_store
>>> store = open_store("tidings.duckdb")
>>> store.events(actor="IRN", type="ACCUSE", since="2018-01-01")   # a pandas DataFrame
>>> store.dyads(by="week")
>>> store.query("SELECT plover, count(*) FROM events GROUP BY ALL")
>>> store.export("gdelt", Path("events.tsv"))

Tables (see ``data/*.sql`` for every column): ``articles`` (one row per article id, with
``duplicate_of`` for republished copies), ``events`` (every Event field, actors flattened to
``source_code``/``source_country``/``source_sector``/``source_name``/``source_text`` and the same
for ``target_`` and ``speaker_``, plus ``article_source`` and ``article_url``), ``quotes``,
``actors`` (codes seen with their names), ``ingest_log`` (each input: stored or failed, timings,
versions) and the view ``event_groups`` (one row per real-world event with its number of
mentions, sources and articles; only events the articles say happened — asserted or reported,
not negated — so intended, hypothetical and alleged events stay in ``events`` alone).

Every method opens the file for as long as it needs and closes it again, so several processes
can share one store: see ``tidings.store.schema`` for what DuckDB allows.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable, Mapping
from contextlib import AbstractContextManager
from pathlib import Path
from typing import IO, Any

import duckdb
import pandas as pd

from tidings.errors import StoreError
from tidings.records import Result
from tidings.store import export as _export
from tidings.store import queries
from tidings.store.queries import EventFilter
from tidings.store.schema import SCHEMA_VERSION, connection, prepare
from tidings.store.write import AddStats, BatchWriter, Coded, Failed

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

DEFAULT_DB = "tidings.duckdb"

__all__ = [
    "DEFAULT_DB", "SCHEMA_VERSION", "AddStats", "Coded", "EventFilter", "Failed", "Store",
    "open_store",
]  # fmt: skip


class Store:
    """A tidings store file.  Build it with ``open_store``; reading methods return DataFrames."""

    def __init__(self, path: Path, *, timeout: float = 60.0) -> None:
        self.path = path
        self.timeout = timeout

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r})"

    # -- connections ---------------------------------------------------------------------------
    def reader(self) -> AbstractContextManager[duckdb.DuckDBPyConnection]:
        """A read-only connection (context manager); writes through it fail."""
        return connection(self.path, read_only=True, timeout=self.timeout)

    def writer(self) -> AbstractContextManager[duckdb.DuckDBPyConnection]:
        """A read-write connection (context manager) holding the file's only write lock."""
        return connection(self.path, read_only=False, timeout=self.timeout)

    # -- writing -------------------------------------------------------------------------------
    def add(self, items: Iterable[Result | Coded | Failed], *, batch_size: int = 64,
            versions: Mapping[str, str] | None = None, run_id: str | None = None) -> AddStats:  # fmt: skip
        """Store coded articles, one transaction per ``batch_size``; ids already stored are skipped."""
        writer = BatchWriter(self.path, run_id=run_id or uuid.uuid4().hex[:12], versions=versions,
                             timeout=self.timeout)  # fmt: skip
        total = AddStats()
        batch: list[Result | Coded | Failed] = []
        for item in items:
            batch.append(item)
            if len(batch) >= batch_size:
                total.merge(writer.add(batch))
                batch = []
        if batch:
            total.merge(writer.add(batch))
        return total

    def article_ids(self) -> set[str]:
        with self.reader() as con:
            return {r[0] for r in con.execute("SELECT id FROM articles").fetchall()}

    # -- reading -------------------------------------------------------------------------------
    def events(self, *, limit: int | None = None, columns: tuple[str, ...] | None = None,
               **filters: Any) -> pd.DataFrame:  # fmt: skip
        """Stored events matching ``filters`` (the fields of ``EventFilter``), oldest first."""
        try:
            f = EventFilter(**filters)
        except TypeError as err:
            raise StoreError(f"unknown event filter: {err}") from None
        with self.reader() as con:
            return queries.events(con, f, limit=limit, columns=columns)

    def dyads(self, *, by: str = "month", since: str | None = None, until: str | None = None,
              limit: int | None = None, actor: str | None = None, country: str | None = None,
              type: str | None = None, international: bool = False) -> pd.DataFrame:  # fmt: skip
        """Events and mean Goldstein per source-target pair per day, week, month or year, with
        undated events in a period of their own (``undated``); filters as ``queries.dyads``."""
        with self.reader() as con:
            return queries.dyads(con, by=by, since=since, until=until, limit=limit, actor=actor,
                                 country=country, type=type, international=international)  # fmt: skip

    def actors(self, *, limit: int | None = 20, since: str | None = None,
               until: str | None = None) -> pd.DataFrame:  # fmt: skip
        """The most active actor codes, with the dictionary's name, country, sector and the
        words articles most often write for them."""
        with self.reader() as con:
            return queries.actors(con, limit=limit, since=since, until=until)

    def query(self, sql: str, params: list[Any] | None = None) -> pd.DataFrame:
        """Run read-only SQL; statements that write fail with a ``StoreError``."""
        with self.reader() as con:
            try:
                return con.execute(sql, params or []).df()
            except duckdb.Error as err:
                message = str(err).strip().splitlines()[0]
                if "read-only" in message or "read only" in message:
                    message = (
                        f"the store is opened read-only, so this statement cannot run ({message})"
                    )
                raise StoreError(message, input="query") from None

    def summary(self) -> dict[str, Any]:
        """Counts (articles, duplicates, events, unique events, quotes, actors, failed inputs),
        the date range, events per PLOVER type and the top dyads."""
        with self.reader() as con:
            return queries.summary(con)

    def examples(self, *, limit: int = 5) -> pd.DataFrame:
        """A few clear events with their evidence sentences, for a first look at a store.

        One per PLOVER type (the most frequent types first), between two known actors of
        different countries, from a short sentence; actors written as names ("Qatar", not "it" or
        "both sides") first, then the most reported.
        """
        with self.reader() as con:
            return con.execute(
                """WITH candidates AS (
                       SELECT *, count(*) OVER (PARTITION BY plover) AS type_events,
                              (regexp_matches(source_name, '^\\p{Lu}')
                               AND regexp_matches(target_name, '^\\p{Lu}')
                               AND lower(source_name) NOT IN (SELECT unnest(?::VARCHAR[]))
                               AND lower(target_name) NOT IN (SELECT unnest(?::VARCHAR[])))
                                AS named
                       FROM event_groups
                       WHERE source_code IS NOT NULL AND target_code IS NOT NULL
                         AND coalesce(source_country, source_code)
                             <> coalesce(target_country, target_code)
                         AND length(evidence_text) <= 240)
                   SELECT date::VARCHAR AS date, source_name AS source, source_code, plover AS type,
                          cameo, cameo_name, target_name AS target, target_code, evidence_text,
                          trigger, n_mentions, article_id
                   FROM candidates
                   QUALIFY row_number() OVER (
                       PARTITION BY plover
                       ORDER BY named DESC, n_mentions DESC, length(evidence_text), id) = 1
                   ORDER BY type_events DESC, type LIMIT ?""",
                [list(_PRONOUNS), list(_PRONOUNS), limit],
            ).df()

    def export(self, fmt: str, out: IO[str] | Path, *, header: bool = True) -> int:
        """Export events as jsonl, csv, parquet (``out`` a directory), gdelt, gdelt-mentions or
        plover; return the number of rows.  ``header=False``: no column names (csv, gdelt)."""
        with self.reader() as con:
            return _export.export(con, fmt, out, header=header)


_PRONOUNS = ("it", "its", "he", "she", "they", "them", "we", "us", "i", "you", "this", "that")


def open_store(
    path: str | Path = DEFAULT_DB, *, create: bool = False, timeout: float = 60.0
) -> Store:
    """Open the tidings store at ``path``, migrating an older schema.

    ``create``: make the file when it does not exist (``tidings ingest`` does; queries do not).
    A file that is not a tidings store, is corrupted, or was written by a newer tidings raises
    ``StoreError`` and is left byte-for-byte untouched.
    """
    path = Path(path)
    prepare(path, create=create, timeout=timeout)
    return Store(path, timeout=timeout)
