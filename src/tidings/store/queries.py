"""The SQL behind the store's questions: filtered events, dyads, active actors, a summary.

Each function takes an open connection and returns a pandas DataFrame.  Filters are bound as
parameters, never pasted into SQL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import duckdb
import pandas as pd

from tidings.errors import StoreError
from tidings.store import vocab

PERIODS = ("day", "week", "month", "year")
# A side of a dyad: its country, or its code when it has none (IGOs, NGOs).
_SIDE = "coalesce(g.{p}_country, g.{p}_code)"
# An actor filter written like a code (capitals and digits) is a code prefix, else a name.
_CODE = re.compile(r"[A-Z0-9]{3,}")

# What `tidings events` shows by default (all columns with `select="*"`).
EVENT_SUMMARY_COLUMNS = (
    "id", "date", "source_code", "source_name", "source_text", "cameo", "cameo_name", "plover",
    "target_code", "target_name", "target_text", "goldstein", "quad_class", "modality", "negated", "evidence_text",
    "evidence_trigger", "article_id", "article_source", "article_url",
)  # fmt: skip


@dataclass(frozen=True, slots=True, kw_only=True)
class EventFilter:
    """Filters for ``Store.events``; every one optional, all of them combined with AND.

    ``actor``: an actor code prefix when written in capitals (``USA`` matches ``USAGOV``), else
    a fragment of an actor's name or words, case-insensitive; either side of the event.  ``source_country``/``target_country``: ISO alpha-3.  ``type``:
    PLOVER type.  ``cameo``: CAMEO code prefix (``19`` is every FIGHT code).  ``since``/
    ``until``: ISO dates, inclusive.  ``text``: whole words that must all appear in the
    evidence sentence (any case).  ``include_negated``: also events the article says did not happen.
    """

    actor: str | None = None
    source_country: str | None = None
    target_country: str | None = None
    type: str | None = None
    cameo: str | None = None
    since: str | None = None
    until: str | None = None
    text: str | None = None
    include_negated: bool = True
    unique_articles: bool = False

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if self.actor and _CODE.fullmatch(self.actor):
            clauses.append("(starts_with(e.source_code, ?) OR starts_with(e.target_code, ?))")
            params += [self.actor, self.actor]
        elif self.actor:
            clauses.append(
                "(e.source_name ILIKE ? OR e.target_name ILIKE ? OR e.source_text ILIKE ?"
                " OR e.target_text ILIKE ?)"
            )
            params += [f"%{self.actor}%"] * 4
        if self.source_country:
            clauses.append("upper(e.source_country) = upper(?)")
            params.append(self.source_country)
        if self.target_country:
            clauses.append("upper(e.target_country) = upper(?)")
            params.append(self.target_country)
        if self.type:
            clauses.append("upper(e.plover) = upper(?)")
            params.append(self.type)
        if self.cameo:
            clauses.append("starts_with(e.cameo, ?)")
            params.append(self.cameo)
        if self.since:
            clauses.append("e.date >= ?::DATE")
            params.append(self.since)
        if self.until:
            clauses.append("e.date <= ?::DATE")
            params.append(self.until)
        for word in (self.text or "").split():
            clauses.append("regexp_matches(e.evidence_text, ?)")
            params.append(rf"(?i)\b{re.escape(word)}\b")
        if not self.include_negated:
            clauses.append("NOT e.negated")
        if self.unique_articles:
            clauses.append("e.article_id IN (SELECT id FROM articles WHERE duplicate_of IS NULL)")
        return (" AND ".join(clauses) or "TRUE"), params


def _df(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> pd.DataFrame:
    return con.execute(sql, params or []).df()


def _check_date(value: str | None, name: str) -> None:
    if value is None:
        return
    import datetime as dt

    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise StoreError(f"{name} must be an ISO date such as 2024-03-01, not {value!r}") from None


def stored_codes(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [row[0] for row in con.execute("SELECT DISTINCT code FROM actors").fetchall()]


def check_filters(con: duckdb.DuckDBPyConnection, f: EventFilter) -> EventFilter:
    """``f`` with its codes checked (an unknown type or code is an error listing valid ones)."""
    from dataclasses import replace

    _check_date(f.since, "since")
    _check_date(f.until, "until")
    changes: dict[str, Any] = {}
    if f.type:
        changes["type"] = vocab.check_type(f.type)
    if f.cameo:
        changes["cameo"] = vocab.check_cameo(f.cameo)
    for name in ("source_country", "target_country"):
        if getattr(f, name):
            changes[name] = vocab.check_country(getattr(f, name))
    if f.actor and _CODE.fullmatch(f.actor):
        vocab.check_actor_code(f.actor, stored_codes(con))
    return replace(f, **changes)


def events(con: duckdb.DuckDBPyConnection, f: EventFilter, *, limit: int | None = None,
           columns: tuple[str, ...] | None = None) -> pd.DataFrame:  # fmt: skip
    f = check_filters(con, f)
    where, params = f.where()
    select = ", ".join(f"e.{c}" for c in columns) if columns else "e.*"
    sql = f"SELECT {select} FROM events AS e WHERE {where} ORDER BY e.date NULLS LAST, e.id"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    return _df(con, sql, params)


def _period(by: str) -> str:
    if by not in PERIODS:
        raise StoreError(f"--by must be one of {', '.join(PERIODS)}, not {by!r}")
    return f"strftime(date_trunc('{by}', g.date), '%Y-%m-%d')"


def dyads(con: duckdb.DuckDBPyConnection, *, by: str = "month", since: str | None = None,
          until: str | None = None, limit: int | None = None, actor: str | None = None,
          country: str | None = None, type: str | None = None,
          international: bool = False) -> pd.DataFrame:  # fmt: skip
    """Events per source-target pair per period, from the de-duplicated ``event_groups`` view.

    A side's label is its country, or its actor code when it has none (IGOs, NGOs).
    ``events`` counts real-world events (one per date, actors and CAMEO code), ``reports`` the
    event mentions behind them; ``q1``…``q4`` are counts per quad class.  Events without a date
    are counted in a last period called ``undated`` (left out when ``since`` or ``until`` is
    given).  ``actor``: an actor code prefix or name, either side; ``country``: ISO alpha-3,
    either side; ``type``: PLOVER type; ``international``: only pairs of two different
    countries or organisations.
    """
    f = check_filters(con, EventFilter(actor=actor, type=type, since=since, until=until))
    clauses, params = ["g.target_code IS NOT NULL"], []
    if f.since:
        clauses.append("g.date >= ?::DATE")
        params.append(f.since)
    if f.until:
        clauses.append("g.date <= ?::DATE")
        params.append(f.until)
    if f.type:
        clauses.append("g.plover = ?")
        params.append(f.type)
    if f.actor and _CODE.fullmatch(f.actor):
        clauses.append("(starts_with(g.source_code, ?) OR starts_with(g.target_code, ?))")
        params += [f.actor, f.actor]
    elif f.actor:
        clauses.append("(g.source_name ILIKE ? OR g.target_name ILIKE ?)")
        params += [f"%{f.actor}%"] * 2
    if country:
        clauses.append("(g.source_country = ? OR g.target_country = ?)")
        params += [vocab.check_country(country)] * 2
    if international:
        clauses.append(f"{_SIDE.format(p='source')} <> {_SIDE.format(p='target')}")
    sql = f"""
        SELECT coalesce({_period(by)}, 'undated') AS period,
               {_SIDE.format(p="source")} AS source,
               {_SIDE.format(p="target")} AS target,
               count(*) AS events,
               sum(g.n_mentions)::BIGINT AS reports,
               round(avg(g.goldstein), 2) AS mean_goldstein,
               count(*) FILTER (WHERE g.quad_class = 1) AS q1,
               count(*) FILTER (WHERE g.quad_class = 2) AS q2,
               count(*) FILTER (WHERE g.quad_class = 3) AS q3,
               count(*) FILTER (WHERE g.quad_class = 4) AS q4
        FROM event_groups AS g
        WHERE {" AND ".join(clauses)}
        GROUP BY 1, 2, 3
        ORDER BY period = 'undated', period, events DESC, source, target"""
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    return _df(con, sql, params)


def top_dyads(con: duckdb.DuckDBPyConnection, *, limit: int = 5) -> pd.DataFrame:
    """The busiest pairs between two countries (or IGOs) over all time, for ``summary``.

    Events inside one country (government against its opposition) are left out here; ``dyads``
    has them.
    """
    return _df(
        con,
        """SELECT coalesce(source_country, source_code) AS source,
                  coalesce(target_country, target_code) AS target,
                  count(*) AS events, round(avg(goldstein), 2) AS mean_goldstein,
                  count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation,
                  count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict
           FROM event_groups
           WHERE target_code IS NOT NULL
             AND coalesce(source_country, source_code) <> coalesce(target_country, target_code)
           GROUP BY ALL ORDER BY events DESC, source, target LIMIT ?""",
        [limit],
    )


def actors(con: duckdb.DuckDBPyConnection, *, limit: int | None = 20, since: str | None = None,
           until: str | None = None) -> pd.DataFrame:  # fmt: skip
    """The most active actor codes: events as source and as target, the dictionary's name for
    the code ("United States government" for USAGOV; else the most frequent canonical name) and
    the three words articles most often write for it (``written``)."""
    _check_date(since, "since")
    _check_date(until, "until")
    clauses, params = ["NOT negated"], []
    if since:
        clauses.append("date >= ?::DATE")
        params.append(since)
    if until:
        clauses.append("date <= ?::DATE")
        params.append(until)
    where = " AND ".join(clauses)
    sql = f"""
        WITH sides AS (
            SELECT source_code AS code, source_name AS name, source_text AS text,
                   source_country AS country, source_sector AS sector, 'source' AS role, goldstein
            FROM events WHERE {where} AND source_code IS NOT NULL
            UNION ALL
            SELECT target_code, target_name, target_text, target_country, target_sector,
                   'target', goldstein
            FROM events WHERE {where} AND target_code IS NOT NULL),
        forms AS (
            SELECT code, text, count(*) AS n,
                   row_number() OVER (PARTITION BY code ORDER BY count(*) DESC, text) AS rank
            FROM sides WHERE text IS NOT NULL GROUP BY code, text),
        written AS (
            SELECT code, string_agg(text, '; ' ORDER BY n DESC, text) AS written
            FROM forms WHERE rank <= 3 GROUP BY code)
        SELECT s.code, mode(s.name) AS name, any_value(s.country) AS country,
               any_value(s.sector) AS sector, count(*) AS events,
               count(*) FILTER (WHERE s.role = 'source') AS as_source,
               count(*) FILTER (WHERE s.role = 'target') AS as_target,
               round(avg(s.goldstein), 2) AS mean_goldstein, any_value(w.written) AS written
        FROM sides AS s LEFT JOIN written AS w USING (code)
        GROUP BY s.code ORDER BY events DESC, s.code"""
    params = params + params
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    df = _df(con, sql, params)
    # The dictionary's name says what the code stands for; a person's name or "they" does not.
    df["name"] = [
        vocab.actor_name(code) or name for code, name in zip(df["code"], df["name"], strict=True)
    ]
    return df


def summary(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """Counts a newcomer wants first: articles, duplicates, events, quotes, failures, dates."""
    one = con.execute(
        """SELECT (SELECT count(*) FROM articles),
                  (SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL),
                  (SELECT count(*) FROM events),
                  (SELECT count(*) FROM event_groups),
                  (SELECT count(*) FROM quotes),
                  (SELECT count(DISTINCT code) FROM actors),
                  (SELECT count(*) FROM ingest_log WHERE status = 'failed'),
                  (SELECT min(date)::VARCHAR FROM events),
                  (SELECT max(date)::VARCHAR FROM events)"""
    ).fetchone()
    assert one is not None
    keys = ("articles", "duplicates", "events", "unique_events", "quotes", "actors", "failed",
            "first_date", "last_date")  # fmt: skip
    out: dict[str, Any] = dict(zip(keys, one, strict=True))
    out["by_type"] = _df(
        con,
        """SELECT plover AS type, count(*) AS events, round(avg(goldstein), 2) AS mean_goldstein
           FROM event_groups GROUP BY plover ORDER BY events DESC, type""",
    )
    out["top_dyads"] = top_dyads(con)
    return out
