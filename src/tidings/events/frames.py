"""Political frames: which coded acts are political events at all.

Ordinary news is mostly not political events.  A fire that "swept the suburbs", a player who
"attacked" the goal, a firm that "released" an album or a man who shot a neighbour are acts the
lexicon's verbs describe, but no analyst of political events codes them.  The coder keeps an
event only when a political actor takes part (``political.tsv``): a government, armed forces,
police, a court, a party, rebels, an IGO or NGO, a state named by its country, or — for a
protest or a demand — any group of people; or the act crosses a border.  Meeting or working
with the press is no cooperation.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from tidings.errors import ResourceError
from tidings.records import Actor

POLITICAL_FILE = Path(__file__).parent / "data" / "political.tsv"
_VALUES = ("yes", "protest", "no")
_GROUP_PREFIXES = ("IGO", "NGO", "IMG")


# CAMEO roots by which a group of people acts politically: demands (10) and protests (14)
_CONTENTIOUS = ("10", "14")
# CAMEO roots of talking and working with someone (consult 04, cooperate 06): aimed at the
# press, they are reporting, not politics
_TALKS = ("04", "06")


@dataclass(frozen=True, slots=True)
class Political:
    """Sector code → ``yes`` | ``protest`` | ``no``, and the sectors no cooperation is aimed
    at (political.tsv)."""

    sectors: dict[str, str]
    no_cooperation: frozenset[str] = frozenset()

    def actor(self, actor: Actor | None, *, protest: bool = False) -> bool:
        """Is ``actor`` a political actor (for a protest or demand when ``protest``)?"""
        if actor is None or not (actor.code or actor.sector):
            return False
        if actor.code and actor.code[:3] in _GROUP_PREFIXES:
            return True
        if not actor.sector:
            return True  # a state ("China") or an organisation coded without a sector
        value = self.sectors.get(actor.sector, "no")
        return value == "yes" or (protest and value == "protest")

    def event(
        self, source: Actor | None, target: Actor | None, cameo: str, *, protest: bool = False
    ) -> bool:
        """A political actor acts, or is acted upon; a group of people protests or demands
        (or ``protest``: the act is about a protest); or the act crosses a border.

        When nobody is named as the source ("officers were stabbed", "a visa was revoked"), the
        target must be a political body by its sector: a country alone is then mostly the
        place where it happened ("twelve were injured in a hotel fire in Manila")."""
        if target is not None and target.sector in self.no_cooperation and cameo[:2] in _TALKS:
            return False  # "the minister worked with reporters", "spoke to journalists"
        contentious = protest or cameo[:2] in _CONTENTIOUS
        if self.actor(source, protest=contentious):
            return True
        if source is None or not (source.code or source.sector or source.text):
            return (
                target is not None
                and bool(target.sector)
                and self.sectors.get(target.sector or "", "no") == "yes"
            )
        if target is not None and source.country and target.country:
            if source.country != target.country:
                return True  # "Israeli settlers injured Palestinian farmers"
        return self.actor(target)


@lru_cache(maxsize=4)
def load_political(path: str | Path | None = None) -> Political:
    """Read and validate ``political.tsv`` (default: the packaged one); errors name file:line."""
    path = Path(path) if path is not None else POLITICAL_FILE
    if not path.is_file():
        raise ResourceError("political sectors file not found", input=str(path))
    sectors: dict[str, str] = {}
    no_cooperation: set[str] = set()
    header = False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        where = f"{path}:{number}"
        if not header:
            if cells[:3] != ["sector", "political", "cooperates"]:
                raise ResourceError(
                    "header must be 'sector political cooperates note'", input=where
                )
            header = True
            continue
        if len(cells) < 3 or cells[1] not in _VALUES:
            raise ResourceError(f"political must be one of {', '.join(_VALUES)}", input=where)
        if cells[2] not in ("yes", "no"):
            raise ResourceError("cooperates must be yes or no", input=where)
        sectors[cells[0]] = cells[1]
        if cells[2] == "no":
            no_cooperation.add(cells[0])
    return Political(sectors, frozenset(no_cooperation))
