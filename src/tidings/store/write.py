"""Writing coded articles into the store: one batch, one transaction.

A batch holds the articles, their events, quotes, actor updates, duplicate bands and ingest-log
rows, and commits them together: a process killed at any moment leaves either the whole batch
or none of it, so the next run (which skips stored article ids) finishes the rest with no
duplicates.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from tidings.records import Actor, Event, Quote, Result
from tidings.store import dedup
from tidings.store.schema import connection

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Coded:
    """A coded article on its way to the store, with where it came from and what it cost."""

    result: Result
    input: str | None = None
    read_s: float | None = None
    code_s: float | None = None


@dataclass(frozen=True, slots=True)
class Failed:
    """An input or article that could not be read or coded; logged, never stored."""

    input: str | None
    error: str
    article_id: str | None = None


@dataclass(slots=True)
class AddStats:
    """What adding a batch did."""

    stored: int = 0
    skipped: int = 0
    duplicates: int = 0
    events: int = 0
    quotes: int = 0
    failed: int = 0

    def merge(self, other: AddStats) -> None:
        for name in ("stored", "skipped", "duplicates", "events", "quotes", "failed"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def _actor_cols(prefix: str, actor: Actor | None) -> dict[str, Any]:
    a = actor or Actor(text="")
    return {
        f"{prefix}_code": a.code,
        f"{prefix}_country": a.country,
        f"{prefix}_sector": a.sector,
        f"{prefix}_name": a.name,
        f"{prefix}_text": a.text if actor is not None else None,
    }


def event_row(
    event: Event, n: int, *, article_date: str | None, source: str | None, url: str | None
) -> dict[str, Any]:
    """One ``events`` row: every Event field, actors, location and evidence flattened."""
    loc = event.location
    row: dict[str, Any] = {
        "article_id": event.article_id,
        "n": n,
        "sentence": event.sentence,
        "date": event.date or article_date,
    }
    row |= _actor_cols("source", event.source)
    row |= _actor_cols("target", event.target)
    row |= {
        "cameo": event.cameo,
        "cameo_name": event.cameo_name,
        "plover": event.plover,
        "plover_mode": event.plover_mode,
        "goldstein": event.goldstein,
        "quad_class": event.quad_class,
        "negated": bool(event.negated),
        "modality": event.modality,
    }
    row |= _actor_cols("speaker", event.speaker)
    row |= {
        "location_name": loc.name if loc else None,
        "location_country": loc.country if loc else None,
        "location_lat": loc.lat if loc else None,
        "location_lon": loc.lon if loc else None,
        "evidence_text": event.evidence.text,
        "evidence_start": event.evidence.start,
        "evidence_end": event.evidence.end,
        "evidence_trigger": event.evidence.trigger,
        "rule": event.rule,
        "confidence": event.confidence,
        "article_source": source,
        "article_url": url,
    }
    return row


def quote_row(quote: Quote, n: int) -> dict[str, Any]:
    sp = quote.speaker
    return {
        "article_id": quote.article_id,
        "n": n,
        "speaker_text": sp.text if sp else None,
        "speaker_code": sp.code if sp else None,
        "speaker_country": sp.country if sp else None,
        "speaker_sector": sp.sector if sp else None,
        "speaker_name": sp.name if sp else None,
        "text": quote.text,
        "kind": quote.kind,
        "start": quote.start,
        "end": quote.end,
        "cue": quote.cue,
    }


_ACTOR = ("code", "country", "sector", "name", "text")
EVENT_COLUMNS = [
    "article_id", "n", "sentence", "date",
    *(f"source_{c}" for c in _ACTOR), *(f"target_{c}" for c in _ACTOR),
    "cameo", "cameo_name", "plover", "plover_mode", "goldstein", "quad_class", "negated", "modality",
    *(f"speaker_{c}" for c in _ACTOR),
    "location_name", "location_country", "location_lat", "location_lon",
    "evidence_text", "evidence_start", "evidence_end", "evidence_trigger", "rule", "confidence",
    "article_source", "article_url",
]  # fmt: skip
QUOTE_COLUMNS = [
    "article_id", "n", "speaker_text", "speaker_code", "speaker_country", "speaker_sector",
    "speaker_name", "text", "kind", "start", "end", "cue",
]  # fmt: skip
LOG_COLUMNS = [
    "run_id", "logged_at", "input", "article_id", "status", "error", "read_s", "code_s",
    "n_events", "tidings_version", "dictionaries_version", "lexicon_version", "model",
]  # fmt: skip


class BatchWriter:
    """Adds batches of coded articles to the store at ``path`` (one transaction per batch)."""

    def __init__(self, path: Path, *, run_id: str, versions: Mapping[str, str] | None = None,
                 timeout: float = 60.0) -> None:  # fmt: skip
        self.path = path
        self.run_id = run_id
        self.versions = dict(versions or {})
        self.timeout = timeout

    def add(self, items: Sequence[Coded | Failed | Result]) -> AddStats:
        coded = [Coded(i) if isinstance(i, Result) else i for i in items]
        with connection(self.path, read_only=False, timeout=self.timeout) as con:
            con.execute("BEGIN TRANSACTION")
            try:
                stats = self._add(con, coded)
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
        return stats

    # -- the parts of one batch ----------------------------------------------------------------
    def _add(self, con: duckdb.DuckDBPyConnection, items: list[Coded | Failed]) -> AddStats:
        stats = AddStats()
        results = [i for i in items if isinstance(i, Coded)]
        wanted = list(dict.fromkeys(c.result.article.id for c in results))
        stored = self._existing(con, wanted)
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        fresh: list[Coded] = []
        for c in results:
            aid = c.result.article.id
            if aid in stored:
                stats.skipped += 1
                continue
            stored.add(aid)
            fresh.append(c)
        duplicate_of, sigs = self._duplicates(con, fresh)
        self._insert_articles(con, fresh, duplicate_of, sigs, now)
        events = self._insert_events(con, fresh)
        self._insert_quotes(con, fresh)
        self._update_actors(con, events)
        self._insert_log(con, items, fresh, now)
        stats.stored = len(fresh)
        stats.duplicates = sum(1 for c in fresh if duplicate_of.get(c.result.article.id))
        stats.events = len(events)
        stats.quotes = sum(len(c.result.quotes) for c in fresh)
        stats.failed = sum(1 for i in items if isinstance(i, Failed))
        return stats

    @staticmethod
    def _existing(con: duckdb.DuckDBPyConnection, ids: list[str]) -> set[str]:
        if not ids:
            return set()
        rows = con.execute(
            "SELECT id FROM articles WHERE id IN (SELECT unnest(?))", [ids]
        ).fetchall()
        return {r[0] for r in rows}

    @staticmethod
    def _duplicates(
        con: duckdb.DuckDBPyConnection, fresh: list[Coded]
    ) -> tuple[dict[str, str | None], dict[str, Any]]:
        """Find, for each new article, the stored (or earlier in this batch) story it repeats."""
        sigs = {c.result.article.id: dedup.signature(c.result.article.text) for c in fresh}
        keys = {aid: dedup.band_keys(sig) for aid, sig in sigs.items() if sig is not None}
        found: dict[str, str | None] = {}
        if not keys:
            return found, sigs
        flat = pd.DataFrame(
            [(aid, band, key) for aid, ks in keys.items() for band, key in ks],
            columns=["new_id", "band", "key"],
        )
        con.register("new_bands", flat)
        rows = con.execute(
            """SELECT DISTINCT n.new_id, a.id, coalesce(a.duplicate_of, a.id), a.minhash
               FROM new_bands n JOIN article_bands b USING (band, key)
               JOIN articles a ON a.id = b.article_id"""
        ).fetchall()
        con.unregister("new_bands")
        stored: dict[str, list[tuple[str, Any]]] = {}
        roots: dict[str, str] = {}
        for new_id, old_id, root, blob in rows:
            stored.setdefault(new_id, []).append((old_id, dedup.from_blob(blob)))
            roots[old_id] = root
        # Earlier articles of this batch are candidates too (same band key).
        seen: dict[tuple[int, int], list[str]] = {}
        for c in fresh:
            aid = c.result.article.id
            if aid not in keys:
                continue
            cands = list(stored.get(aid, []))
            batch_ids = {i for k in keys[aid] for i in seen.get(k, [])}
            cands += [(i, sigs[i]) for i in batch_ids]
            match = dedup.best_match(sigs[aid], cands)
            if match is not None:
                found[aid] = roots.get(match) or found.get(match) or match
            for k in keys[aid]:
                seen.setdefault(k, []).append(aid)
        bands = pd.DataFrame(
            [(band, key, aid) for aid, ks in keys.items() for band, key in ks],
            columns=["band", "key", "article_id"],
        )
        con.register("bands_df", bands)
        con.execute("INSERT INTO article_bands SELECT band, key, article_id FROM bands_df")
        con.unregister("bands_df")
        return found, sigs

    @staticmethod
    def _insert_articles(con: duckdb.DuckDBPyConnection, fresh: list[Coded], duplicate_of: dict[str, str | None],
                         sigs: dict[str, Any], now: dt.datetime) -> None:  # fmt: skip
        if not fresh:
            return
        rows = []
        for c in fresh:
            a, r = c.result.article, c.result
            sig = sigs.get(a.id)
            rows.append({
                "id": a.id, "title": a.title, "date": a.date, "estimated_date": a.estimated_date,
                "source": a.source, "url": a.url,
                "language": a.language, "text": a.text, "input": c.input,
                "n_events": len(r.events), "n_quotes": len(r.quotes), "notes": list(r.notes),
                "ingested_at": now, "duplicate_of": duplicate_of.get(a.id),
                "minhash": dedup.to_blob(sig) if sig is not None else None,
            })  # fmt: skip
        df = pd.DataFrame(rows)
        con.register("articles_df", df)
        con.execute(
            """INSERT INTO articles (id, title, date, estimated_date, source, url, language, text,
                   input, n_events, n_quotes, notes, ingested_at, duplicate_of, minhash)
               SELECT id, title, try_cast(date AS DATE), try_cast(estimated_date AS DATE), source,
                   url, language, text, input, n_events, n_quotes, notes::VARCHAR[], ingested_at,
                   duplicate_of, minhash::BLOB
               FROM articles_df"""
        )
        con.unregister("articles_df")

    @staticmethod
    def _insert_events(con: duckdb.DuckDBPyConnection, fresh: list[Coded]) -> pd.DataFrame:
        rows = []
        for c in fresh:
            a = c.result.article
            for n, event in enumerate(c.result.events):
                rows.append(event_row(event, n, article_date=a.date, source=a.source, url=a.url))
        df = pd.DataFrame(rows, columns=EVENT_COLUMNS)
        if df.empty:
            return df
        df = df.astype({"negated": bool})
        con.register("events_df", df)
        cols = ", ".join(EVENT_COLUMNS)
        select = ", ".join("try_cast(date AS DATE)" if c == "date" else c for c in EVENT_COLUMNS)
        con.execute(
            f"INSERT INTO events (id, {cols}) SELECT nextval('event_ids'), {select} FROM events_df"
        )
        con.unregister("events_df")
        return df

    @staticmethod
    def _insert_quotes(con: duckdb.DuckDBPyConnection, fresh: list[Coded]) -> None:
        rows = [quote_row(q, n) for c in fresh for n, q in enumerate(c.result.quotes)]
        if not rows:
            return
        con.register("quotes_df", pd.DataFrame(rows, columns=QUOTE_COLUMNS))
        cols = ", ".join(f'"{c}"' for c in QUOTE_COLUMNS)
        con.execute(f"INSERT INTO quotes ({cols}) SELECT {cols} FROM quotes_df")
        con.unregister("quotes_df")

    @staticmethod
    def _update_actors(con: duckdb.DuckDBPyConnection, events: pd.DataFrame) -> None:
        """Upsert the actor catalogue: codes seen, their names, how often and when."""
        if events.empty:
            return
        parts = []
        for role in ("source", "target"):
            part = events[
                [f"{role}_code", f"{role}_name", f"{role}_country", f"{role}_sector", "date"]
            ]
            parts.append(part.set_axis(["code", "name", "country", "sector", "date"], axis=1))
        seen = pd.concat(parts, ignore_index=True)
        seen = seen[seen["code"].notna()]
        if seen.empty:
            return
        seen = seen.assign(name=seen["name"].fillna(""))
        con.register("actors_df", seen)
        # Aggregate first: ON CONFLICT may not touch one row twice in a statement.
        con.execute(
            """INSERT INTO actors
               SELECT code, name, any_value(country), any_value(sector), count(*),
                      min(try_cast(date AS DATE)), max(try_cast(date AS DATE))
               FROM actors_df GROUP BY code, name
               ON CONFLICT (code, name) DO UPDATE SET
                   events = actors.events + excluded.events,
                   country = coalesce(actors.country, excluded.country),
                   sector = coalesce(actors.sector, excluded.sector),
                   first_date = least(actors.first_date, excluded.first_date),
                   last_date = greatest(actors.last_date, excluded.last_date)"""
        )
        con.unregister("actors_df")

    def _insert_log(self, con: duckdb.DuckDBPyConnection, items: list[Coded | Failed], fresh: list[Coded],
                    now: dt.datetime) -> None:  # fmt: skip
        fresh_ids = {id(c) for c in fresh}
        v = self.versions
        common = [v.get("tidings"), v.get("dictionaries"), v.get("lexicon"), v.get("model")]
        rows = []
        for item in items:
            if isinstance(item, Failed):
                rows.append(
                    [
                        self.run_id,
                        now,
                        item.input,
                        item.article_id,
                        "failed",
                        item.error,
                        None,
                        None,
                        None,
                        *common,
                    ]
                )
            elif id(item) in fresh_ids:
                r = item.result
                rows.append([self.run_id, now, item.input, r.article.id, "stored", None, item.read_s,
                             item.code_s, len(r.events), *common])  # fmt: skip
        if not rows:
            return
        con.register("log_df", pd.DataFrame(rows, columns=LOG_COLUMNS))
        con.execute(f"INSERT INTO ingest_log SELECT {', '.join(LOG_COLUMNS)} FROM log_df")
        con.unregister("log_df")
