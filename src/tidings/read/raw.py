"""What readers hand over before cleaning: a ``Raw`` article, and reading options."""

from __future__ import annotations

import datetime as dt
import logging
import re
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


def normalize_date(value: object) -> str | None:
    """A publication date as ``YYYY-MM-DD``, or None when absent or unreadable (logged)."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%Y-%m-%d")
    text = str(value).strip()
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


_HEAD_DATE = re.compile(
    r"\b(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}"
    r"|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{4}"
    r"|\d{4}-\d{2}-\d{2})\b",
    re.IGNORECASE,
)


def date_in_head(lines: tuple[str, ...]) -> str | None:
    """The first full date on a line above the article (the dateline of a scraped page)."""
    for line in lines:
        if match := _HEAD_DATE.search(line):
            return normalize_date(match.group(0))
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
