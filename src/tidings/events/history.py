"""History is not news: an act the text places years before the article is not coded as
happening on the article's date.

News retells the past ("in 2000 he became the first North Korean officer to enter the Pentagon",
"the 1989 crackdown", "China has threatened to use them in the past"), and a coder that takes
every clause as today's news fills the event tables with acts of other decades.  A clause is
historical when it names a year at least two years before the article's year (the article date,
or when it has none the latest year the article names), or says it happened "in the past",
"previously", "formerly".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Token

_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
_PAST_WORDS = frozenset({"previously", "formerly", "historically"})
GAP = 2  # years before the article's year that make a clause history


def reference_year(
    doc: Doc, date: str | None, *, estimated: bool = False
) -> tuple[int, int] | None:
    """The year the article speaks from and the gap that makes a year history: its date's
    year and ``GAP``, else (or when the date is itself an estimate) the latest year it names
    and one more year."""
    if date and _YEAR.match(date[:4]):
        return int(date[:4]), GAP + estimated
    years = [int(t.text) for t in doc if _YEAR.match(t.text) and t.pos_ == "NUM"]
    return (max(years), GAP + 1) if years else None


def historical(predicate: Token, clause: Iterable[Token], year: tuple[int, int] | None) -> bool:
    """A clause in the past tense whose own words place it in the past: an old year, or "in the
    past" ("will host the 2014 World Cup" is no history)."""
    if not _past(predicate):
        return False
    for t in clause:
        if (
            year is not None and _YEAR.match(t.text) and t.pos_ == "NUM"
            and int(t.text) <= year[0] - year[1] and _times(t, predicate)
        ):  # fmt: skip
            return True
        if t.dep_ == "advmod" and t.lower_ in _PAST_WORDS and t.head.pos_ in ("VERB", "AUX"):
            return True  # "had previously entertained" (not "a previously unannounced visit")
        if t.lower_ == "past" and t.dep_ == "pobj" and t.head.lower_ == "in" and any(
            c.lower_ == "the" for c in t.children
        ):  # fmt: skip
            return True
    return False


def _past(predicate: Token) -> bool:
    """Past or perfect: "met", "had met", "has threatened", "was arrested" (not "will host")."""
    verbs = [predicate, *(c for c in predicate.children if c.dep_ in ("aux", "auxpass"))]
    if any(v.lower_ in ("will", "would", "shall", "'ll") or v.tag_ == "MD" for v in verbs):
        return False
    return any(v.tag_ in ("VBD", "VBN") for v in verbs)


def _times(year: Token, predicate: Token) -> bool:
    """The year dates the predicate ("was arrested in 2004", "in the 2000 case, prosecutors
    charged"), not a noun of its object ("defended the decisions leading up to the invasion
    of Iraq in 2003")."""
    token = year
    while token.i != predicate.i and token.head.i != token.i:
        if token.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "appos", "acl", "relcl"):
            return False
        token = token.head
    return token.i == predicate.i
