"""Actor resolution: turn the words of a parsed article into actor mentions (``doc._.actors``).

The spaCy component ``tidings_actors`` does, once per document:

1. **Dictionary matches**: the longest dictionary phrase at each token (countries, nationality
   adjectives, capitals, regions such as US states, organisations, people, sector words,
   titles).  A name with readings in several countries ("Congolese", "Georgia") takes the
   reading the rest of the article supports (its other mentions of either country; for a
   region, its context words and the country's other regions), else the one
   ``ambiguous.tsv`` prefers.  Places that are no actors ("the South China Sea") are matched
   so that the country word inside them is not, and then dropped; so are names after "pro-"
   or before "-backed" ("pro-Russian separatists"), countries owning a relation ("Russia's
   allies"), capitals in brackets after a name ("Association (AKK)") and a known person's
   name inside a longer one ("Hunter Biden").
2. **NER** adds the names the dictionary does not know (PERSON, ORG, GPE, NORP).
3. **Grouping**: matches that modify one another in one noun phrase form one actor —
   "the Chinese foreign minister" (adjective + title → CHNGOV), "Ukrainian troops" (→ UKRMIL),
   "state broadcaster CCTV" (→ CHNMED), "Peru's interim President Dina Boluarte" (→ PERGOV);
   people fleeing a place are its people ("refugees fleeing the war in Liberia" → LBRREF), and
   a person nobody listed is of the place named after "of"/"from" ("King Hassan of Morocco").
   A person resolves by the article date (``Person.actor_code(day)``); a capital alone stands
   for its government ("Beijing denied" → CHNGOV), and so does a region ("California sued" →
   USAGOV); an organisation keeps its own code.
4. **Light coreference** (``tidings.actors.coref``): pronouns, "the two leaders", "the
   ministry", "the country" point back to earlier actors.

Each resolved phrase becomes a :class:`tidings.extensions.Mention`; ``how`` says which rule
resolved it (dictionary, person, capital, title, sector, ner, coref).
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from tidings.actors import coref
from tidings.actors.dictionary import phrase_key
from tidings.events.modality import Cues, load_cues
from tidings.extensions import Mention, register_extensions
from tidings.records import Actor

logger = logging.getLogger(__name__)

# Dependency arcs inside one noun phrase along which actor words combine.
_NOMINAL_MODS = {"compound", "amod", "poss", "appos", "nmod", "flat", "nn", "npadvmod", "case"}
# "officials from China", "militants in the Sahel state of Mali", "a spokesman for the German government"
_LOCATING_PREPS = ("of", "from", "in", "throughout", "across", "for")
_NER_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
# When one phrase has several dictionary readings, this order picks the one to use.
_KIND_ORDER = (
    "person", "org", "place", "country", "capital", "region", "adjective", "title", "sector"
)  # fmt: skip
# Kinds that locate an actor in a country: a name with several of them in different countries
# ("Congo", "Georgia") is resolved with the context.
_PLACED = ("country", "capital", "region", "adjective")
# How many words either side of a region's name count as near it (for its context words).
_NEAR = 3
# A name in "pro-Russian separatists", "anti-American protesters", "Iranian-backed militias"
# says whom the group is for, against or backed by, not whose it is: such a match gives no
# country (the group takes one from the context, as a bare sector word does).  "-led" is left
# out: a "Saudi-led coalition" is the Saudis' own.
_STANCE_PREFIXES = frozenset({"pro", "anti"})
_STANCE_SUFFIXES = frozenset(
    {"backed", "sponsored", "funded", "supported", "allied", "aligned", "trained", "armed",
     "inspired", "leaning", "speaking"}
)  # fmt: skip
_HYPHENS = frozenset({"-", "–", "‐"})
# titles of someone who speaks for a body named with them: the actor is that body's
_VOICES = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokespeople", "representative"})
# "Vietnamese-led forces" (VNMMIL), "a London-based rights group" (GBRHRI), "a Chinese-owned
# company": the name before these participles says whose the group is
_THROUGH = frozenset({"led", "based", "owned", "run", "headquartered"})


@dataclass(frozen=True, slots=True)
class _Blocked:
    """A dictionary match that gives no actor: a name in "pro-Russian", "Iranian-backed"."""

    kind: str = "stance"
    value: None = None


_BLOCKED = _Blocked()


@dataclass(slots=True)
class Part:
    """What one dictionary or NER match contributes to an actor."""

    kind: str  # person, org, country, capital, adjective, title, sector, ner-person, ner
    start: int
    end: int
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    name: str | None = None


@dataclass(slots=True)
class Group:
    parts: list[Part] = field(default_factory=list)

    @property
    def start(self) -> int:
        return min(p.start for p in self.parts)

    @property
    def end(self) -> int:
        return max(p.end for p in self.parts)


@lru_cache(maxsize=8)
def load_dictionary(actor_files: tuple[str, ...] = ()) -> Any:
    """The actor dictionary with the user's extra files, loaded once per process and file set."""
    from tidings.actors.dictionary import ActorDictionary

    return ActorDictionary.load(extra=actor_files)


def entry_part(entry: Any, start: int, end: int, day: str | None) -> Part:
    """Describe one dictionary Entry (kind + value) as a Part of an actor."""
    kind, value = entry.kind, entry.value
    if kind == "person":
        code, country, sector = value.actor_code(day)
        return Part("person", start, end, country, sector, code, value.name)
    if kind == "org":
        return Part("org", start, end, value.country, value.sector, value.code, value.name)
    if kind in ("country", "adjective", "capital"):
        return Part(kind, start, end, country=value.code)
    if kind == "region":  # the sector a region's name stands for when it acts ("Texas sued": GOV)
        return Part(kind, start, end, country=value.code, sector=value.sector)
    if kind in ("place", "stance"):
        return Part(kind, start, end)
    return Part(kind, start, end, sector=value.sector)  # sector words and titles


class ActorResolver:
    """The ``tidings_actors`` component: writes ``doc._.actors`` (list of Mention)."""

    def __init__(self, dictionary: Any, cues: Cues) -> None:
        self.dictionary = dictionary
        self.cues = cues

    def __call__(self, doc: Doc) -> Doc:
        article = doc._.article
        day = getattr(article, "date", None) if article is not None else None
        parts = self._dictionary_parts(doc, day)
        parts += self._ner_parts(doc, parts)
        # places and stance words are matched only to keep them from NER too: they name no actor
        parts = [p for p in parts if p.kind not in ("place", "stance")]
        places = {i: p.country for p in parts if p.kind == "country" for i in range(p.start, p.end)}
        mentions = [
            self._mention(doc, g, self.cues, places) for g in self._groups(doc, parts, self.cues)
        ]
        mentions = [m for m in mentions if m is not None]
        mentions = coref.resolve(doc, mentions, self.cues)
        doc._.actors = sorted(mentions, key=lambda m: (m.start, m.end))
        return doc

    def _dictionary_parts(self, doc: Doc, day: str | None) -> list[Part]:
        # a possessive token inside a name ("Democratic People 's Republic of Korea") is matched
        # as the apostrophe the dictionary skips: its keys drop possessives
        words = ["'" if t.tag_ == "POS" else t.text for t in doc]
        matches: list[tuple[int, int, list[Any]]] = []
        i = 0
        while i < len(words):
            found = self.dictionary.longest_match(words, i)
            if not found or found[0] <= i or not found[1]:
                i += 1
                continue
            end, entries = found
            if words[i].lower() == "the" and end > i + 1:
                i += 1  # keep the article out of the mention, so its head is the noun phrase's
            if any(e.kind == "person" for e in entries) and _other_person(doc, i, end, entries):
                # "Hunter Biden", "Mohammad Karim Khan": a longer name around the match is
                # someone else; NER gives the whole name instead
                entries = [e for e in entries if e.kind != "person"]
                if not entries:
                    i = end
                    continue
            if _acronym(doc, i, end):
                # "the Municipality Association (AKK)": the letters abbreviate the name before
                # them; they are not the person who goes by them
                entries = [e for e in entries if e.kind != "person"] or [_BLOCKED]
            if _stance(doc, i, end, entries) or _related(doc, i, end, entries):
                # kept as a match that gives no actor, so that NER does not add it back
                matches.append((i, end, [_BLOCKED]))
            else:
                matches.append((i, end, _readings(entries)))
            i = end
        support = _support(matches)
        matches = _surnames_with_support(doc, matches, support, self.dictionary)
        pieces: dict[str, str] = {}  # the article as dictionary pieces, made once if needed
        parts = []
        for start, end, readings in matches:
            entry = readings[0]
            if len(readings) > 1:
                entry = self._choose(doc, start, end, readings, support, pieces)
            parts.append(entry_part(entry, start, end, day))
        return parts

    def _choose(
        self,
        doc: Doc,
        start: int,
        end: int,
        readings: list[Any],
        support: Counter[Any],
        pieces: dict[str, str],
    ) -> Any:
        """The reading of an ambiguous name that the article supports best; on a tie the first
        (the one ``ambiguous.tsv`` prefers)."""
        scores = []
        for entry in readings:
            if entry.kind == "region":
                region = entry.value
                near = doc[max(0, start - _NEAR) : min(len(doc), end + _NEAR)]
                # names (Atlanta) count anywhere in the article, common words (governor) only
                # near the name: "Georgia's central bank governor" is the country's
                names = [c for c in region.context if c[:1].isupper()]
                if names and "doc" not in pieces:
                    pieces["doc"] = _piece_text(doc)
                score = _cues(pieces.get("doc", ""), names)
                score += _cues(_piece_text(near), region.context)
                score += support[("region", region.country)]
            else:
                score = support[("country", entry.country)]
            scores.append(score)
        return readings[scores.index(max(scores))]

    @staticmethod
    def _ner_parts(doc: Doc, parts: list[Part]) -> list[Part]:
        covered = {i for p in parts for i in range(p.start, p.end)}
        extra = []
        for ent in doc.ents:
            if ent.label_ not in _NER_LABELS or any(
                i in covered for i in range(ent.start, ent.end)
            ):
                continue
            kind = "ner-person" if ent.label_ == "PERSON" else "ner"
            name = ent.text if ent.label_ in ("PERSON", "ORG") else None
            extra.append(Part(kind, ent.start, ent.end, name=name))
        return extra

    @staticmethod
    def _groups(doc: Doc, parts: list[Part], cues: Cues) -> list[Group]:
        """Join parts that modify one another inside one noun phrase (union-find)."""
        owner: dict[int, int] = {}
        for n, part in enumerate(parts):
            for i in range(part.start, part.end):
                owner[i] = n
        parent = list(range(len(parts)))

        def find(n: int) -> int:
            while parent[n] != n:
                parent[n] = parent[parent[n]]
                n = parent[n]
            return n

        landing: dict[int, list[int]] = {}
        for n, part in enumerate(parts):
            token = _span_head(doc, part.start, part.end)
            if token.dep_ in ("amod", "compound") and token.head.i not in owner:
                landing.setdefault(token.head.i, []).append(n)
            fled = _fleeing(token) if part.kind in _PLACED else None
            if fled is not None and fled.i in owner and parts[owner[fled.i]].kind == "sector":
                # "refugees fleeing the war in Liberia", "civilians who fled Mariupol": people
                # fleeing a country are that country's (LBRREF, UKRCVL)
                parent[find(n)] = find(owner[fled.i])
                continue
            # climb at most two unmatched nominal tokens ("Russian leader Putin")
            for _ in range(3):
                if token.dep_ not in _NOMINAL_MODS and not (
                    token.dep_ == "pobj" and token.head.lower_ in _LOCATING_PREPS
                    and token.head.head.i in owner
                    and _locatable(doc, parts[owner[token.head.head.i]], cues, token.head.lower_)
                ):  # fmt: skip
                    break
                token = token.head.head if token.dep_ == "pobj" else token.head
                other = owner.get(token.i)
                if other is not None and other != n:
                    parent[find(n)] = find(other)
                    break
                if token.pos_ not in ("NOUN", "PROPN", "ADJ") and token.lower_ not in _THROUGH:
                    break
        for siblings in landing.values():
            # "a Serbian army jet": a country word and a sector word modifying one noun are one
            # actor (SRBMIL); two country words ("the Chinese-Russian border") are not
            placed = [n for n in siblings if parts[n].kind in _PLACED]
            roles = [n for n in siblings if parts[n].kind in ("sector", "title")]
            if len(placed) == 1 and roles:
                for n in roles:
                    parent[find(n)] = find(placed[0])
        groups: dict[int, Group] = {}
        for n, part in enumerate(parts):
            groups.setdefault(find(n), Group()).parts.append(part)
        return sorted(groups.values(), key=lambda g: g.start)

    @staticmethod
    def _mention(
        doc: Doc, group: Group, cues: Cues, places: dict[int, str] | None = None
    ) -> Mention | None:
        start, end = group.start, group.end
        head = _span_head(doc, start, end)
        text = doc[start:end].text
        by_kind: dict[str, Part] = {}
        for part in group.parts:
            by_kind.setdefault(part.kind, part)
        country = next((p.country for p in group.parts if p.country), None)
        minority = any(
            cues.has("minority", t.lower_)
            for p in group.parts
            for t in doc[p.start : p.end].root.lefts
        )
        people = (
            len(group.parts) > 1
            and group.parts[0].kind == "adjective"
            and doc[group.parts[0].start].tag_ in ("NNS", "NNPS")
        )  # "the Hungarians of northern Serbia"
        if minority or people:
            # "ethnic Hungarians in Slovakia": a minority belongs to the country it lives in
            located = [p for p in group.parts if p.country and doc[p.start:p.end].root.i != head.i
                       and doc[p.start:p.end].root.dep_ == "pobj"
                       and doc[p.start:p.end].root.head.lower_ in (("in", "of") if minority else ("of",))]  # fmt: skip
            subject = head
            while subject.dep_ == "pobj" and subject.head.lower_ == "of":
                subject = subject.head.head  # "hundreds of ethnic Albanians"
            if not located and minority and places and subject.dep_ == "nsubj":
                # "ethnic Albanians demonstrated in Serbia": where they act
                located_at = [places[g.i] for c in subject.head.children if c.dep_ == "prep" and c.lower_ == "in"
                              for g in c.children if g.dep_ == "pobj" and g.i in places]  # fmt: skip
                country = located_at[0] if located_at else country
            else:
                country = located[0].country if located else country
        sector = next(
            (p.sector for p in group.parts if p.kind in ("title", "sector") and p.sector), None
        )
        voice = next((p for p in group.parts if p.kind == "title"
                      and doc[p.start:p.end].text.lower() in _VOICES), None)  # fmt: skip
        if voice is not None:
            # "a spokesperson for the US military" (USAMIL), "MEND spokesman Jomo Gbomo" (MEND,
            # whose sector nobody listed): a spokesman is of the body spoken for
            body = next(
                (p for p in group.parts if p is not voice and p.kind in ("sector", "org", "ner")),
                None,
            )
            if body is not None:
                sector = body.sector
        if "title" in by_kind and any(
            c.dep_ == "amod" and cues.has("former", c.lower_)
            for p in group.parts for t in doc[p.start : p.end] for c in t.children
        ):  # fmt: skip
            sector = "ELI"  # "former Secretary of State": an elite out of office
        person = by_kind.get("person")
        org = by_kind.get("org")
        name = next((p.name for p in group.parts if p.name), None)
        if (
            person is not None
            and person.code
            and person.sector == "ELI"
            and sector
            and person.country
        ):
            # out of office, but the text says what they are now ("opposition candidate X")
            actor = Actor(text, person.country + sector, person.country, sector, person.name)
            how = "person"
        elif person is not None and person.code:
            actor = Actor(text, person.code, person.country, person.sector, person.name)
            how = "person"
        elif org is not None and org.code:
            actor = Actor(text, org.code, org.country, org.sector, org.name)
            how = "dictionary"
        elif country is not None:
            if sector is None and len(group.parts) == 1 and group.parts[0].kind == "capital":
                sector, how = "GOV", "capital"  # "Beijing denied" stands for the government
            elif sector is None and len(group.parts) == 1 and group.parts[0].kind == "region":
                if head.dep_ in ("compound", "amod") and head.head.pos_ in ("NOUN", "PROPN"):
                    return None  # where something is: "the Mumbai attacks", "a Shiraz mosque"
                # acting ("California sued", "Texas's lawsuit"), a state stands for its
                # government; elsewhere ("an earthquake hit California") it is a place
                how = "region"
                if head.dep_ in ("nsubj", "poss"):
                    sector = group.parts[0].sector
            elif sector is not None:
                how = "title" if "title" in by_kind else "sector"
            else:
                how = "dictionary"
            actor = Actor(text, country + (sector or ""), country, sector, name)
        elif "title" in by_kind or "sector" in by_kind:
            # a sector without a country ("the ministry"): coreference may supply the country
            how = "title" if "title" in by_kind else "sector"
            actor = Actor(text, None, None, sector, name)
        elif "ner-person" in by_kind:
            actor, how = Actor(text, None, None, None, name), "ner-person"
        elif "ner" in by_kind:
            actor, how = Actor(text, None, None, None, name), "ner"
        else:
            return None
        return Mention(start=start, end=end, head=head.i, actor=actor, how=how)


def _stance(doc: Doc, start: int, end: int, entries: list[Any]) -> bool:
    """True when doc[start:end] is what a "pro-"/"anti-" prefix or a "-backed" suffix is about
    ("pro-Russian", "anti-government", "Iranian-backed", "U.S.-backed").  A sector phrase of
    several words is a name of its own: "anti-riot police" are police."""
    if end - start > 1 and all(e.kind in ("sector", "title") for e in entries):
        return False
    if start >= 2 and doc[start - 1].text in _HYPHENS and doc[start - 2].lower_ in _STANCE_PREFIXES:
        return True
    last = doc[end - 1].lower_
    if "-" in last and last.rsplit("-", 1)[1] in _STANCE_SUFFIXES:
        return True  # one token: "U.S.-backed"
    return (
        end + 1 < len(doc) and doc[end].text in _HYPHENS and doc[end + 1].lower_ in _STANCE_SUFFIXES
    )


# "Russia's allies", "the allies of Iran", "Israel's militia ally": the group named is related
# to the country, not of it
_RELATIONS = frozenset(
    {"ally", "proxy", "partner", "client", "enemy", "foe", "rival", "adversary", "opponent",
     "neighbour", "neighbor", "backer", "patron"}
)  # fmt: skip


def _related(doc: Doc, start: int, end: int, entries: list[Any]) -> bool:
    """True when the place name doc[start:end] owns a relation noun ("Russia's allies") or
    completes one with "of" ("the allies of Iran")."""
    if not any(e.kind in _PLACED for e in entries):
        return False
    root = doc[start:end].root
    if root.dep_ == "poss":
        return root.head.lemma_.lower() in _RELATIONS
    if root.dep_ == "pobj" and root.head.lower_ == "of":
        return root.head.head.lemma_.lower() in _RELATIONS
    return False


_FLEE = frozenset({"flee", "escape"})


def _fleeing(token: Token) -> Token | None:
    """The people fleeing the place ``token`` names: "refugees fleeing Syria", "civilians
    fleeing the fighting in Sudan", "families who fled from Mosul"; else None."""
    if token.dep_ == "pobj" and token.head.lower_ in ("in", "from"):
        token = token.head.head  # "fled from Mosul", "the fighting in Sudan", "fleeing … in X"
    if token.dep_ == "dobj":
        token = token.head
    if token.lemma_ not in _FLEE or token.pos_ != "VERB":
        return None
    if token.dep_ in ("acl", "relcl"):
        return token.head  # "refugees fleeing …", "families who fled …"
    return next((c for c in token.children if c.dep_ == "nsubj"), None)  # "civilians fleeing"


def _other_person(doc: Doc, start: int, end: int, entries: list[Any]) -> bool:
    """True when the person name doc[start:end] lies inside a longer PERSON name with a word
    none of the matched people's names has: "Hunter Biden" is not Joe Biden, "Michelle Obama"
    not Barack Obama; "Barack Hussein Obama" is."""
    if doc[start].ent_type_ != "PERSON":
        return False
    first, last = start, end  # the PERSON entity around the match, from the token tags
    while first > 0 and doc[first].ent_iob_ == "I":
        first -= 1
    while last < len(doc) and doc[last].ent_iob_ == "I":
        last += 1
    extra = {
        piece
        for t in doc[first:last]
        if not start <= t.i < end and t.pos_ == "PROPN"
        for piece in phrase_key(t.text)
    }
    if not extra:
        return False
    for entry in entries:
        if entry.kind == "person":
            person = entry.value
            names = {p for n in (person.name, *person.aliases) for p in phrase_key(n)}
            if extra <= names:
                return False
    return True


def _acronym(doc: Doc, start: int, end: int) -> bool:
    """True for capital letters in brackets right after a noun: "Workers' Union (SSS)"."""
    return (
        start >= 2
        and end < len(doc)
        and doc[start - 1].text == "("
        and doc[end].text == ")"
        and doc[start - 2].pos_ in ("PROPN", "NOUN")
        and doc[start:end].text.replace(".", "").isupper()
    )


def _readings(entries: list[Any]) -> list[Any]:
    """The entry to use for a match, or, for a name placed in several countries, one entry per
    country in the dictionary's order (the preferred reading first)."""
    top = min(entries, key=lambda e: _KIND_ORDER.index(e.kind) if e.kind in _KIND_ORDER else 99)
    if top.kind not in _PLACED:
        return [top]
    by_code: dict[str, Any] = {}
    for entry in entries:
        if entry.kind in _PLACED:
            by_code.setdefault(entry.value.code, entry)
    return list(by_code.values()) if len(by_code) > 1 else [top]


COMMON_NAMES_FILE = Path(__file__).parent / "data" / "common_names.tsv"


@lru_cache(maxsize=1)
def common_names() -> frozenset[str]:
    """One-word names of listed people that are also common words or names (common_names.tsv)."""
    lines = COMMON_NAMES_FILE.read_text(encoding="utf-8").splitlines()
    rows = [
        line.split("\t")[0].strip() for line in lines if line.strip() and not line.startswith("#")
    ]
    return frozenset(rows[1:])  # after the header


def _surnames_with_support(
    doc: Doc, matches: list[tuple[int, int, list[Any]]], support: Counter[Any], dictionary: Any
) -> list[tuple[int, int, list[Any]]]:
    """A listed person named by one common word only ("Bush", "Sharon": common_names.tsv) is
    that person when the article backs it: their fuller name elsewhere, a title just before the word ("President
    Bush"), their country named (by any of its names, people or organisations other than this
    word), or another listed person; else the word is someone else's name — a footballer, a singer — and NER may
    give it as an unknown person."""
    fuller = {id(e.value) for s, e_, r in matches if e_ - s > 1 for e in r if e.kind == "person"}
    listed = {id(r[0].value) for _, _, r in matches if r and all(e.kind == "person" for e in r)}
    common = common_names()
    out = []
    for start, end, readings in matches:
        people = [e for e in readings if e.kind == "person"]
        if (
            people
            and end - start == 1
            and len(readings) == len(people)
            and doc[start].text in common
        ):
            person = people[0].value
            country = person.actor_code(None)[1]
            before = doc[start - 1] if start > 0 else None
            titled = (
                before is not None
                and before.is_title
                and any(e.kind == "title" for e in dictionary.lookup(before.text))
            )
            others = support[("country", country)] - 1 if country else 0
            # two listed people back each other ("Putin met Xi")
            if not (id(person) in fuller or titled or others > 0 or len(listed - {id(person)}) > 0):
                continue  # NER still sees the name
        out.append((start, end, readings))
    return out


def _support(matches: list[tuple[int, int, list[Any]]]) -> Counter[Any]:
    """How often the article names each country (any unambiguous name, adjective, capital,
    person or organisation of it) and each country's regions."""
    support: Counter[Any] = Counter()
    for _, _, readings in matches:
        if len(readings) != 1:
            continue
        entry = readings[0]
        if entry.kind == "region":
            support[("region", entry.country)] += 1
        elif entry.kind in _PLACED or entry.kind == "org" and entry.country:
            support[("country", entry.country)] += 1  # ISO codes throughout
        elif entry.kind == "person":
            country = entry.value.actor_code(None)[1]
            if country:
                support[("country", country)] += 1
    return support


def _piece_text(span: Doc | Span) -> str:
    """A text as the dictionary compares phrases (lower case; dots and hyphens aside), padded."""
    return " " + " ".join(p for t in span for p in phrase_key(t.text)) + " "


def _cues(text: str, phrases: Sequence[str]) -> int:
    """How many of ``phrases`` occur in ``text`` (made by ``_piece_text``)."""
    return sum(text.count(" " + " ".join(phrase_key(c)) + " ") for c in phrases)


def _locatable(doc: Doc, part: Part, cues: Cues, prep: str = "in") -> bool:
    """A part a place phrase after ``prep`` can complete: a title or sector word ("police in
    Belarus"), a minority ("ethnic Albanians in Serbia"), a person nobody listed, if the place
    says where they are from ("Sen. Ted Cruz of Texas", not "Cruz in Texas")."""
    if part.kind in ("title", "sector"):
        return True
    if part.kind == "ner-person":
        return prep in ("of", "from")
    if part.kind == "adjective" and doc[part.start].tag_ in ("NNS", "NNPS"):
        return True  # a people: "the Hungarians of northern Serbia"
    return part.kind == "adjective" and any(
        cues.has("minority", t.lower_) for t in doc[part.start : part.end].root.lefts
    )


def _span_head(doc: Doc, start: int, end: int) -> Token:
    """The token of doc[start:end] whose head lies outside the span (the span's root)."""
    return doc[start:end].root


@Language.factory("tidings_actors", default_config={"actor_files": []})
def make_actor_resolver(nlp: Language, name: str, actor_files: Sequence[str]) -> ActorResolver:
    register_extensions()
    return ActorResolver(load_dictionary(tuple(actor_files)), load_cues())
