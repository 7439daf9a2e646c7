"""What the store's filters and tables may name: PLOVER types, CAMEO codes, countries, actors.

A filter with a typo ("--type FIGHT", "--country UK") would otherwise answer with an empty
table, which reads as "nothing happened".  ``check_type``, ``check_cameo``, ``check_country`` and
``check_actor_code`` raise a ``StoreError`` that lists the valid values (or the closest ones)
instead.  ``actor_name`` gives the dictionary's name for an actor code ("United States
government" for USAGOV) and ``known_group`` the organisation part GDELT calls KnownGroupCode.

The knowledge comes from the packaged ontology and actor dictionaries, and from two small tables
beside the migrations: ``data/agents.tsv`` (sector labels) and ``data/regions.tsv``.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import Any

from tidings.errors import StoreError

# Older PLOVER names people still type, and the 2021 types that replaced them.
_OLD_TYPES = {
    "FIGHT": "ASSAULT", "DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
    "YIELD": "CONCEDE or RETREAT", "ENGAGE": "COOPERATE", "DEMONSTRATE": "PROTEST",
}  # fmt: skip
_PREFIXES = ("IGO", "NGO", "IMG", "MNC")


def _table(name: str) -> dict[str, str]:
    """A two-column TSV of ``data/`` as a dict (comments and the header skipped)."""
    text = resources.files("tidings.store").joinpath("data", name).read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return {row[0]: row[1] for row in rows[1:]}


@lru_cache(maxsize=1)
def agent_labels() -> dict[str, str]:
    return _table("agents.tsv")


@lru_cache(maxsize=1)
def region_codes() -> frozenset[str]:
    return frozenset(_table("regions.tsv"))


@lru_cache(maxsize=1)
def _dictionary() -> Any:
    from tidings.actors.dictionary import ActorDictionary

    return ActorDictionary.load()


@lru_cache(maxsize=1)
def _countries_by_code() -> dict[str, Any]:
    """CAMEO country code (the first three letters of an actor code) → Country."""
    countries = _dictionary().countries.values()
    return {c.code: c for c in countries} | {c.iso3: c for c in countries}


def country_name(code: str) -> str | None:
    """The dictionary's name of a country, by ISO alpha-3 or CAMEO code."""
    country = _countries_by_code().get(code)
    return str(country.name) if country is not None else None


def plover_types() -> tuple[str, ...]:
    from tidings.events.ontology import PLOVER_TYPES

    return PLOVER_TYPES


def check_type(value: str) -> str:
    """``value`` as a PLOVER 2021 type (any case), or an error listing the 16 types."""
    wanted = value.strip().upper()
    types = plover_types()
    if wanted in types:
        return wanted
    hint = f" (PLOVER 2021 calls it {_OLD_TYPES[wanted]})" if wanted in _OLD_TYPES else ""
    raise StoreError(f"unknown event type {value!r}{hint}; the PLOVER types are {', '.join(types)}")


def check_cameo(prefix: str) -> str:
    """``prefix`` as a CAMEO code prefix some code has, or an error listing the 20 roots."""
    from tidings.events.ontology import load_ontology

    onto = load_ontology()
    if prefix.isdigit() and any(c.code.startswith(prefix) for c in onto):
        return prefix
    roots = ", ".join(f"{r.code} {r.name}" for r in onto.roots)
    raise StoreError(f"no CAMEO code starts with {prefix!r}; the roots are {roots}")


def check_country(value: str) -> str:
    """``value`` as a country's ISO alpha-3 code, or an error with the closest codes."""
    wanted = value.strip().upper()
    by_code = _countries_by_code()
    if wanted in by_code:
        return wanted
    raise StoreError(
        f"unknown country code {value!r}{_suggest(value)}. Country codes are ISO 3166 alpha-3 "
        "(USA, GBR, CHN …); `tidings actors` lists the most active in the store"
    )


def check_actor_code(value: str, stored: Iterable[str]) -> str:
    """An actor code prefix (USA, IRNGOV, IGOUNO): known when some stored or dictionary code
    starts with it, or it is a country code followed by sector codes (USAGOVMIL); else an error
    naming the closest codes."""
    known = {*stored, *_countries_by_code(), *_dictionary().orgs}
    rest = value[3:]
    composed = (
        value[:3] in _countries_by_code()
        and len(rest) % 3 == 0
        and all(chunk in agent_labels() for chunk in _chunks(rest))
    )
    if composed or any(code.startswith(value) for code in known):
        return value
    close = difflib.get_close_matches(value, sorted(known), n=5, cutoff=0.6)
    also = f" (did you mean {', '.join(close)}?)" if close else ""
    raise StoreError(
        f"unknown actor code {value!r}{also}. Codes start with a country's ISO alpha-3 code "
        "(USAGOV) or IGO/NGO (IGOUNO); `tidings actors` lists the most active in the store"
    )


def _suggest(value: str) -> str:
    """ " (did you mean GBR (United Kingdom)?)" from the dictionary's names and codes."""
    found = []
    for entry in _dictionary().lookup(value):
        if entry.country and entry.country not in found:
            found.append(entry.country)
    if not found:
        found = difflib.get_close_matches(value.upper(), sorted(_countries_by_code()), n=3)
    if not found:
        return ""
    names = [f"{c} ({_countries_by_code()[c].name})" for c in found if c in _countries_by_code()]
    return f" (did you mean {' or '.join(names)}?)" if names else ""


def _chunks(code: str) -> list[str]:
    return [code[i : i + 3] for i in range(0, len(code), 3)]


def actor_name(code: str) -> str | None:
    """The dictionary's name for an actor code: an organisation's name ("United Nations"), or the
    country's name and its sector labels ("United States government"); None when unknown."""
    dictionary = _dictionary()
    if code in dictionary.orgs:
        return str(dictionary.orgs[code].name)
    labels = agent_labels()
    country = _countries_by_code().get(code[:3])
    if country is None and code[:3] not in labels:
        return None
    words = [country.name] if country is not None else [labels[code[:3]]]
    rest = code[3:]
    if len(rest) % 3:
        return " ".join(words) if not rest else None
    for chunk in _chunks(rest):
        if chunk not in labels:
            return None
        words.append(labels[chunk])
    return " ".join(words)


def known_group(code: str | None) -> str | None:
    """GDELT's KnownGroupCode: the organisation part of an IGO, NGO, IMG or armed-group code
    (IGOUNO → UNO, IGONAT → NAT, IGOEUREEC → EEC, AFGREBTAL → TAL); None for other actors.

    The part is the last three-letter piece that is no country, sector or region code (the first
    such piece for the longer codes whose length is not a multiple of three, IGOUNOUNSC → UNO).
    """
    if not code or len(code) <= 3:
        return None
    pieces = _chunks(code)
    head = pieces[0]
    armed = head in _countries_by_code() and len(pieces) > 1 and pieces[1] in ("REB", "INS")
    if head not in _PREFIXES and not armed:
        return None
    skip = set(agent_labels()) | region_codes() | set(_countries_by_code())
    candidates = [p for p in pieces[1:] if len(p) == 3 and p not in skip]
    if not candidates:
        return None
    return candidates[-1] if len(code) % 3 == 0 else candidates[0]
