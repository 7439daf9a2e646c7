"""What readers hand over before cleaning: a ``Raw`` article, and reading options."""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass

from tidings.read.source import DEFAULT_MAX_BYTES

log = logging.getLogger(__name__)

_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True, slots=True)
class Options:
    """How to read: defaults for missing metadata, cleaning, and the per-input size limit."""

    date: str | None = None
    source: str | None = None
    clean: bool = True
    max_bytes: int = DEFAULT_MAX_BYTES


@dataclass(frozen=True, slots=True)
class Raw:
    """One article as a reader found it.

    Exactly one of ``text`` and ``html`` is set.  ``where`` locates it inside its input ("line 3",
    "entry 2", "record 7") for error messages; ``trim`` says whether the cleaner should cut
    everything around the first and last sentence (scraped text) or only remove furniture that
    rules name (text an extractor has already cut to the article).
    """

    text: str | None = None
    html: str | None = None
    id: str | None = None
    title: str | None = None
    date: str | None = None
    source: str | None = None
    url: str | None = None
    where: str | None = None
    trim: bool = True


# The names under which JSON Lines records and CSV columns carry the publication date, in order
# of preference (compared ignoring case, "-" and "_"): what news APIs, scrapers and archives use.
DATE_FIELDS: tuple[str, ...] = (
    "date", "published", "publishedat", "publishdate", "publisheddate", "publicationdate",
    "pubdate", "datepublished", "datepub", "timestamp", "datetime", "time", "createdat",
    "created", "seendate", "firstseen", "crawldate", "datecreated", "updated", "modified",
)  # fmt: skip


def _field_key(name: str) -> str:
    return name.lower().replace("_", "").replace("-", "").replace(" ", "")


def date_field(names: Iterable[str]) -> str | None:
    """Of a record's field or column names, the one that holds the publication date."""
    by_key = {_field_key(n): n for n in names}
    for wanted in DATE_FIELDS:
        if wanted in by_key:
            return by_key[wanted]
    return None


def _epoch(value: float) -> dt.date | None:
    """Seconds (or, above 10^11, milliseconds) since 1970 in UTC."""
    seconds = value / 1000 if abs(value) >= 1e11 else value
    try:
        return dt.datetime.fromtimestamp(seconds, dt.UTC).date()
    except (OverflowError, OSError, ValueError):
        return None


def normalize_date(value: object) -> str | None:
    """A publication date as ``YYYY-MM-DD``, or None when absent or unreadable (logged).

    Reads ISO dates and timestamps, ``20230301`` and ``20230301T120000Z``, Unix timestamps in
    seconds or milliseconds (numbers, or 9 to 13 digits), and what ``dateutil`` parses
    ("March 3, 2023", "Fri, 03 Mar 2023 10:00:00 GMT").
    """
    if value is None or value == "" or isinstance(value, bool):
        return None
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, int | float):
        day = _epoch(float(value))
        return day.isoformat() if day else None
    text = str(value).strip()
    if re.fullmatch(r"\d{9,13}(\.\d+)?", text) and not re.fullmatch(r"(19|20)\d{6}", text):
        day = _epoch(float(text))
        return day.isoformat() if day else None
    if match := _ISO_DAY.match(text):
        try:
            return dt.date(*map(int, match.groups())).isoformat()
        except ValueError:
            pass
    from dateutil import parser

    try:
        return parser.parse(text, default=dt.datetime(1, 1, 1)).date().isoformat()
    except (ValueError, OverflowError):
        log.warning("ignoring unreadable date %r", text)
        return None


_FULL_DATE = (
    r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}"
    r"|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{4}"
    r"|\d{4}-\d{2}-\d{2})"
)
_HEAD_DATE = re.compile(r"\b" + _FULL_DATE + r"\b", re.IGNORECASE)


def date_in_head(lines: tuple[str, ...]) -> str | None:
    """The first full date on a line above the article (the dateline of a scraped page)."""
    for line in lines:
        if match := _HEAD_DATE.search(line):
            return normalize_date(match.group(0))
    return None


# A dateline opens the body: "WASHINGTON, March 3, 2023 (Reuters) - …", "March 3, 2023 — …",
# "KYIV, Ukraine, Tuesday 3 March 2023: …".  Place names are capitalised words with commas.
_DATELINE = re.compile(
    r"\A[\s\W]{0,3}(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*,?\s+){0,4}?"
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?P<date>(?i:" + _FULL_DATE + r"))"
    r"\s*(?:\([^)\n]{1,40}\)\s*)?(?:[-–—:|]|\n)"
)


def date_in_dateline(text: str) -> str | None:
    """The date of a dateline at the start of an article body, or None."""
    if match := _DATELINE.match(text[:200]):
        return normalize_date(match.group("date"))
    return None


def valid_day(value: str) -> bool:
    """Is ``value`` exactly an ISO day (``YYYY-MM-DD``)?"""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True
