"""GDELT 2.0 exports: the Event table (one row per real-world event) and the Mentions table (one
row per article sentence that reports it), tab-separated, in GDELT's column order.

Checked against GDELT's Event and Mentions codebooks (v2.0) and against published GDELT rows:

* FractionDate is ``YEAR + ((MONTH - 1) * 30 + DAY) / 365`` rounded to 4 decimals, which is what
  GDELT's files hold (20041126 → 2004.8932, 20131124 → 2013.8877); the codebook's wording,
  "(MONTH * 30 + DAY) / 365", would pass 1.0 in December.
* QuadClass follows GDELT's grouping of the CAMEO roots (``GDELT_QUAD_CLASS``): 01–05 verbal
  cooperation, 06–08 material cooperation, 09–13 verbal conflict, 14–20 material conflict.
  GDELT files code 051 "praise" as 1; tidings' own ontology puts root 05 in class 2, and the
  ``events`` table keeps that.
* Country codes of actors are CAMEO's (ISO alpha-3); geography (``ActionGeo_CountryCode``)
  is FIPS 10-4 (``data/fips.tsv``), as GDELT writes it.  A geography GDELT cannot name has
  Type 0 and empty fields.

What stays different is listed in ``DIFFERENCES`` (and in ``tidings export --help``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from functools import lru_cache
from importlib import resources
from typing import IO, Any
from urllib.parse import urlparse

import duckdb

from tidings.store import vocab

# GDELT's QuadClass of each CAMEO root.
GDELT_QUAD_CLASS: dict[str, int] = {
    **dict.fromkeys(("01", "02", "03", "04", "05"), 1),
    **dict.fromkeys(("06", "07", "08"), 2),
    **dict.fromkeys(("09", "10", "11", "12", "13"), 3),
    **dict.fromkeys(("14", "15", "16", "17", "18", "19", "20"), 4),
}

_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
          "Religion2Code", "Type1Code", "Type2Code", "Type3Code")  # fmt: skip
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
EVENT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR), *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{g}_{c}" for g in ("Actor1Geo", "Actor2Geo", "ActionGeo") for c in _GEO),
    "DATEADDED", "SOURCEURL",
)  # fmt: skip
MENTION_COLUMNS: tuple[str, ...] = (
    "GlobalEventID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset",
    "ActionCharOffset", "InRawText", "Confidence", "MentionDocLen", "MentionDocTone",
    "MentionDocTranslationInfo", "Extras",
)  # fmt: skip

# Where tidings' tables differ from GDELT's, column by column: `tidings export --help` prints it.
DIFFERENCES: tuple[str, ...] = (
    "Events without a date (their article had none) have empty SQLDATE, MonthYear, Year and "
    "FractionDate, and each is an event of its own article.",
    "Actor Name is the canonical name when the dictionary has one, else the article's words.",
    "EthnicCode, Religion1Code and Religion2Code are empty; Type1-3Code come from the actor "
    "code's sector parts.",
    "AvgTone and MentionDocTone are empty: tidings measures no tone.",
    "Actor1Geo and Actor2Geo are Type 0 (unknown). ActionGeo is the event's place: Type 1 for "
    "a country (ADM1Code is then its FIPS code), else 3 (US) or 4 (elsewhere), as tidings does "
    "not yet tell a state from a city; ADM2Code and FeatureID are empty.",
    "NumSources counts distinct outlets; an article without one counts as one source.",
    "SOURCEURL and MentionIdentifier are the article's URL, or its tidings id when it has none "
    "(MentionType 2, a citation); MentionSourceName is the outlet, else the URL's host.",
    "Actor1CharOffset and Actor2CharOffset are where the actor's words first occur in the "
    "evidence sentence (-1 when they are not in it: a pronoun resolved elsewhere, or no actor); "
    "ActionCharOffset is the trigger word's; InRawText is 1 when both actors' words are in "
    "the sentence.",
    "Confidence is tidings' event confidence in percent; EventTimeDate and MentionTimeDate are "
    "when the first and this article were stored.",
)

_EVENTS_SQL = """
SELECT id, date, source_code, source_name, source_country, source_sector,
       target_code, target_name, target_country, target_sector, cameo, goldstein, is_root,
       n_mentions, n_sources, n_articles, location_name, location_country, location_lat,
       location_lon, added_at, article_url, article_id
FROM event_groups ORDER BY id
"""
_MENTIONS_SQL = """
SELECT m.event_id, g.added_at AS event_added, m.article_ingested_at, m.article_url,
       m.article_source, m.article_id, m.sentence, m.source_text, m.target_text,
       m.evidence_text, m.evidence_start, m.evidence_trigger, m.confidence, m.article_length
FROM event_mentions AS m JOIN event_groups AS g ON g.id = m.event_id
ORDER BY m.event_id, m.id
"""


@lru_cache(maxsize=1)
def fips_codes() -> dict[str, str]:
    """ISO alpha-3 → FIPS 10-4 country code (``data/fips.tsv``; '' when there is none)."""
    text = resources.files("tidings.store").joinpath("data", "fips.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return {row[0]: row[1] for row in rows[1:]}


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}" if value != int(value) or abs(value) >= 1e15 else f"{value:.1f}"
    return " ".join(str(value).split())  # GDELT fields hold no tabs or line breaks


def _stamp(value: Any) -> str:
    return value.strftime("%Y%m%d%H%M%S") if isinstance(value, dt.datetime) else ""


def _date_columns(day: dt.date | None) -> list[str]:
    if day is None:
        return ["", "", "", ""]
    fraction = day.year + ((day.month - 1) * 30 + day.day) / 365
    return [day.strftime("%Y%m%d"), day.strftime("%Y%m"), str(day.year), f"{fraction:.4f}"]


def _types(code: str | None, sector: str | None) -> list[str]:
    """Type1-3Code: the sector parts of the actor code (RUSMIL → MIL), else its sector."""
    labels = vocab.agent_labels()
    parts = [] if not code else [code[i : i + 3] for i in range(0, len(code), 3)]
    found = [p for p in parts if p in labels]
    if not found and sector:
        found = [sector]
    return (found + ["", "", ""])[:3]


def _actor(r: Mapping[str, Any], p: str) -> list[str]:
    code, name = r[f"{p}_code"], r[f"{p}_name"]
    return [
        _text(code),
        _text(name).upper(),
        _text(r[f"{p}_country"]),
        _text(vocab.known_group(code)),
        "",
        "",
        "",
        *_types(code, r[f"{p}_sector"]),
    ]


def _action_geo(r: Mapping[str, Any]) -> list[str]:
    name, iso3 = r["location_name"], r["location_country"]
    if not name:
        return ["0", "", "", "", "", "", "", ""]
    fips = fips_codes().get(iso3 or "", "")
    country = vocab.country_name(iso3) if iso3 else None
    is_country = country is not None and name.casefold() == country.casefold()
    kind = "1" if is_country else ("3" if iso3 == "USA" else "4")
    full = name if is_country or not country else f"{name}, {country}"
    return [kind, _text(full), fips, fips if is_country else "", "",
            _text(r["location_lat"]), _text(r["location_lon"]), ""]  # fmt: skip


def event_row(r: Mapping[str, Any]) -> list[str]:
    """One GDELT Event row from an ``event_groups`` row."""
    cameo = r["cameo"]
    return [
        str(r["id"]),
        *_date_columns(r["date"]),
        *_actor(r, "source"),
        *_actor(r, "target"),
        "1" if r["is_root"] else "0",
        cameo,
        cameo[:3],
        cameo[:2],
        str(GDELT_QUAD_CLASS[cameo[:2]]),
        _text(r["goldstein"]),
        str(r["n_mentions"]),
        str(r["n_sources"]),
        str(r["n_articles"]),
        "",
        *["0", "", "", "", "", "", "", ""] * 2,
        *_action_geo(r),
        _stamp(r["added_at"]),
        _text(r["article_url"] or r["article_id"]),
    ]


def _offset(sentence: str, start: int, words: str | None) -> int:
    if not words:
        return -1
    at = sentence.find(words)
    return -1 if at < 0 else start + at


def mention_row(r: Mapping[str, Any]) -> list[str]:
    """One GDELT Mentions row from an ``event_mentions`` row."""
    sentence, start = r["evidence_text"] or "", r["evidence_start"] or 0
    url = r["article_url"]
    outlet = r["article_source"] or (urlparse(url).hostname if url else None)
    actor1 = _offset(sentence, start, r["source_text"])
    actor2 = _offset(sentence, start, r["target_text"])
    in_raw = actor1 >= 0 and (actor2 >= 0 or not r["target_text"])
    confidence = r["confidence"] if r["confidence"] is not None else 1.0
    return [
        str(r["event_id"]),
        _stamp(r["event_added"]),
        _stamp(r["article_ingested_at"]),
        "1" if url else "2",
        _text(outlet),
        _text(url or r["article_id"]),
        str((r["sentence"] or 0) + 1),
        str(actor1),
        str(actor2),
        str(_offset(sentence, start, r["evidence_trigger"])),
        "1" if in_raw else "0",
        str(round(100 * confidence)),
        str(r["article_length"]),
        "",
        "",
        "",
    ]


def _records(con: duckdb.DuckDBPyConnection, sql: str) -> Iterator[dict[str, Any]]:
    cur = con.execute(sql)
    names = [d[0] for d in cur.description or []]
    while chunk := cur.fetchmany(2048):
        for row in chunk:
            yield dict(zip(names, row, strict=True))


def write(con: duckdb.DuckDBPyConnection, table: str, out: IO[str], *, header: bool = True) -> int:
    """Write the ``events`` or ``mentions`` table; return the number of rows."""
    columns, sql, make = (
        (EVENT_COLUMNS, _EVENTS_SQL, event_row)
        if table == "events"
        else (MENTION_COLUMNS, _MENTIONS_SQL, mention_row)
    )
    if header:
        out.write("\t".join(columns) + "\n")
    n = 0
    for record in _records(con, sql):
        out.write("\t".join(make(record)) + "\n")
        n += 1
    return n
