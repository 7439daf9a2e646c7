"""Counting what a run read and coded, for progress lines and end-of-run summaries.

``Tally.add(result)`` counts one article's ``Result``: read, coded or skipped (and for which
language), undated (and whether a reference year was estimated for it), events and quotes.
``tidings code``, ``tidings quotes`` and ``tidings.store.ingest`` keep one each.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from tidings.records import Result

_LANGUAGE = "skipped: language "


@dataclass(slots=True)
class Tally:
    """``read``: articles seen; ``coded``: of those, coded (not skipped); ``languages``: skipped
    articles per language code; ``undated``: coded articles without a date; ``estimated``: of
    those, coded at a day estimated from the years they name; ``events``/``quotes``: found."""

    read: int = 0
    coded: int = 0
    languages: Counter[str] = field(default_factory=Counter)
    undated: int = 0
    estimated: int = 0
    events: int = 0
    quotes: int = 0

    def add(self, result: Result) -> None:
        self.read += 1
        language = next((n for n in result.notes if n.startswith(_LANGUAGE)), None)
        if language is not None:
            self.languages[language.removeprefix(_LANGUAGE)] += 1
            return
        if any(n.startswith("skipped:") for n in result.notes):
            return
        self.coded += 1
        if result.article.date is None:
            self.undated += 1
            self.estimated += result.article.estimated_date is not None
        self.events += len(result.events)
        self.quotes += len(result.quotes)
