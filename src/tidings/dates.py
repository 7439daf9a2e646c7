"""Dates named in a sentence, resolved against the article's date.

``find_dates(text, base)`` returns every date expression it understands in ``text`` with its
character span and the ISO day it stands for; ``resolve_date(text, base)`` returns the first.
News prose is about the past, so "on Tuesday" is the latest Tuesday on or before the article
date (unless ``future=True``, for clauses in the future tense).  Understood:

- today, yesterday, tomorrow, tonight, "N days/weeks ago"
- "last week/month/year" (seven days, one month, one year earlier)
- weekdays: "Tuesday", "on Tuesday", "last Tuesday", "next Tuesday"
- "March 3", "March 3, 2022", "3 March 2022", "March 2022" (the 1st), ISO "2022-03-03"

Anything else ("the next three years") is left to the article date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_DAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "a": 1}  # fmt: skip

_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<weekday>" + "|".join(_DAYS) + r")"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")),
    ("mdy", re.compile(rf"\b{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{{4}}))?\b", re.I)),
    ("dmy", re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+(?P<y>\d{{4}}))?\b", re.I)),
    ("my", re.compile(rf"\b{_MONTH}\s+(?P<y>\d{{4}})\b", re.I)),
    ("weekday", re.compile(rf"\b(?:(?P<rel>last|next|this|on|early|late)\s+)?{_DAY}\b", re.I)),
    ("ago", re.compile(r"\b(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|a)\s+(?P<unit>day|week)s?\s+ago\b", re.I)),
    ("last", re.compile(r"\b(?P<rel>last|next)\s+(?P<unit>week|month|year)\b", re.I)),
    ("word", re.compile(r"\b(?P<word>today|yesterday|tomorrow|tonight)\b", re.I)),
]  # fmt: skip


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    text: str
    date: str  # ISO YYYY-MM-DD


def parse_iso(value: str | None) -> dt.date | None:
    """The date of an ISO string (time part ignored), or None when it is not one."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _shift_months(day: dt.date, months: int) -> dt.date:
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _resolve(kind: str, m: re.Match[str], base: dt.date | None, future: bool) -> dt.date | None:
    g = m.groupdict()
    if kind == "iso":
        return _safe(int(g["y"]), int(g["m"]), int(g["d"]))
    if kind in ("mdy", "dmy", "my"):
        month = _MONTHS[g["month"].lower()]
        day = int(g["d"]) if g.get("d") else 1
        if g.get("y"):
            return _safe(int(g["y"]), month, day)
        if base is None:
            return None
        # a month and day without a year: the latest such day not after the article (or the
        # next one for future clauses)
        guess = _safe(base.year, month, day)
        if guess is None:
            return None
        if not future and guess > base:
            guess = _safe(base.year - 1, month, day)
        elif future and guess < base:
            guess = _safe(base.year + 1, month, day)
        return guess
    if base is None:
        return None
    if kind == "weekday":
        target = _DAYS[g["weekday"].lower()]
        rel = (g.get("rel") or "").lower()
        if rel == "next" or (future and rel != "last"):
            delta = (target - base.weekday()) % 7 or 7
            return base + dt.timedelta(days=delta)
        delta = (base.weekday() - target) % 7
        if rel == "last" and delta == 0:
            delta = 7
        return base - dt.timedelta(days=delta)
    if kind == "ago":
        raw = g["n"].lower()
        n = int(raw) if raw.isdigit() else _NUMBERS[raw]
        return base - dt.timedelta(days=n * (7 if g["unit"].lower() == "week" else 1))
    if kind == "last":
        sign = -1 if g["rel"].lower() == "last" else 1
        unit = g["unit"].lower()
        if unit == "week":
            return base + dt.timedelta(days=7 * sign)
        return _shift_months(base, sign * (1 if unit == "month" else 12))
    if kind == "word":
        word = g["word"].lower()
        offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[word]
        return base + dt.timedelta(days=offset)
    return None


def find_dates(text: str, base: str | None, *, future: bool = False) -> list[DateMention]:
    """Every date expression in ``text`` that resolves, in text order (overlaps removed)."""
    base_day = parse_iso(base)
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:  # earlier patterns are more specific and win overlaps
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            day = _resolve(kind, m, base_day, future)
            if day is None:
                continue
            taken.append((m.start(), m.end()))
            found.append(DateMention(m.start(), m.end(), m.group(0), day.isoformat()))
    return sorted(found, key=lambda d: d.start)


def resolve_date(text: str, base: str | None, *, future: bool = False) -> str | None:
    """The ISO date of the first date expression in ``text``, or None when there is none."""
    dates = find_dates(text, base, future=future)
    return dates[0].date if dates else None


# -- a reference date for undated articles ---------------------------------------------------
# A year counts when it is written like one: in a full date ("March 3, 2009", "3 March 2009",
# "2009-03-03"), after a month ("March 2009"), after a word that introduces a time ("in 2009",
# "since 2009"), before a word for an event ("the 2009 election", "the 2008 war"; not any noun:
# "2000 troops" is a number), or followed by punctuation ("…, 2009.", "(2009)").  "by 2030" and
# "until 2040" name targets and deadlines, not the time of writing, so they do not count.
_YEAR = r"(?P<y>1[89]\d\d|20\d\d)"
_YEAR_BEFORE = re.compile(
    r"\b(?:in|since|of|during|from|through|to|after|before|early|mid|late|year|summer|winter|"
    r"spring|autumn|fall)[\s-]+" + _YEAR + r"\b",
    re.I,
)
_YEAR_EVENT = re.compile(
    r"\b" + _YEAR + r"\s+(?:presidential\s+|general\s+|parliamentary\s+|local\s+)?"
    r"(?:elections?|war|summit|olympics|world\s+cup|census|budget|agreement|treaty|accord|crisis|"
    r"attacks?|campaign|season|games|earthquake|tsunami|floods?|invasion|coup|revolution|"
    r"uprising|referendum|vote|talks|conference|protests?|ceasefire|truce)\b",
    re.I,
)
_YEAR_AFTER_PUNCT = re.compile(r"(?<![\d,.$£€])\b" + _YEAR + r"(?=\s*[.,;:)\]]|\s*$)", re.M)
_NOT_WRITING_TIME = re.compile(r"\b(?:by|until|till|before)\s+$", re.I)


@dataclass(frozen=True, slots=True)
class DateEstimate:
    """A reference day for an article without a date, and why (``years``: each year the text
    names and how often, the latest first)."""

    date: str
    years: tuple[tuple[int, int], ...]


def estimate_date(text: str) -> DateEstimate | None:
    """A day to resolve people's roles at, for an article whose date is unknown.

    The year is the latest the text names: news is written after what it looks back on (on the
    dated pages of the WCXB extraction benchmark this is the publication year for 45 % of the
    pages that name a year, and within a year of it for 67 %; picking the most named year does
    slightly worse).  The day is the latest full date the text names in that year, else the
    first of the latest month it names, else 1 July.  None when the text names no year.  The
    estimate is for reading roles ("Blair" in a 2005 story is the prime minister), never the
    date of an event.

    >>> estimate_date("In 2005 talks broke down; on March 3, 2009 they resumed.").date
    '2009-03-03'
    >>> estimate_date("No year here.") is None
    True
    """
    counts: dict[int, int] = {}
    days: dict[int, list[dt.date]] = {}
    taken: list[tuple[int, int]] = []

    def count(year: int, start: int, end: int) -> None:
        if any(start < e and s < end for s, e in taken):
            return
        taken.append((start, end))
        counts[year] = counts.get(year, 0) + 1

    for kind in ("iso", "mdy", "dmy", "my"):
        pattern = dict(_PATTERNS)[kind]
        for m in pattern.finditer(text):
            year = m.groupdict().get("y")
            if not year or not 1800 <= int(year) <= 2099:
                continue
            day = _resolve(kind, m, None, False)
            if day is None:
                continue
            count(day.year, m.start(), m.end())
            days.setdefault(day.year, []).append(day)
    for pattern in (_YEAR_BEFORE, _YEAR_EVENT, _YEAR_AFTER_PUNCT):
        for m in pattern.finditer(text):
            if _NOT_WRITING_TIME.search(text[max(0, m.start("y") - 8) : m.start("y")]):
                continue
            count(int(m.group("y")), m.start("y"), m.end("y"))
    if not counts:
        return None
    ranked = sorted(counts.items(), reverse=True)
    year = ranked[0][0]
    named = days.get(year)
    day = max(named) if named else dt.date(year, 7, 1)
    return DateEstimate(day.isoformat(), tuple(ranked))
