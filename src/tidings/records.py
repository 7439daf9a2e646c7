"""The records every layer of tidings exchanges: Article, Actor, Event, Quote, Location.

Field names are a public contract (see DESIGN.md, "Records"): they are what `tidings extract`,
`tidings code` and `tidings quotes` print as JSON Lines, what the store keeps and what exports
read.  Every record turns into plain JSON-ready dicts with ``to_dict()`` and back with
``from_dict()``; ``from_dict(to_dict(r)) == r`` holds for every record.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields
from typing import Any, ClassVar, Literal

Modality = Literal["asserted", "reported", "alleged", "intended", "hypothetical"]
QuoteKind = Literal["direct", "indirect", "partial"]

MODALITIES: tuple[str, ...] = ("asserted", "reported", "alleged", "intended", "hypothetical")
QUOTE_KINDS: tuple[str, ...] = ("direct", "indirect", "partial")


def _known(cls: type, data: dict[str, Any]) -> dict[str, Any]:
    """Keep only the keys that are fields of ``cls`` (readers may carry extra keys)."""
    names = {f.name for f in fields(cls)}
    return {k: v for k, v in data.items() if k in names}


def article_id(*, source: str | None, url: str | None, text: str) -> str:
    """A stable id for an article that came without one: a hash of source, URL and text."""
    h = hashlib.sha1()
    for part in (source or "", url or "", text):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Article:
    """One news article after reading and cleaning.

    ``id``: given by the input (JSONL ``id``, file name, feed entry id) or else a stable hash of
    source, URL and text.  ``date``: publication date, ISO ``YYYY-MM-DD`` or None.
    ``estimated_date``: only for an article without ``date``: a day estimated from the years
    its text names (``tidings.dates.estimate_date``), at which people's roles are read; it is
    never an event's date, so undated articles stay undated.
    ``language``: ISO 639-1 code detected from the text ("en", "fr", …) or None when unknown.
    ``text``: the clean body, paragraphs separated by a blank line.
    """

    id: str
    text: str
    title: str | None = None
    date: str | None = None
    source: str | None = None
    url: str | None = None
    language: str | None = None
    estimated_date: str | None = None

    FIELDS: ClassVar[tuple[str, ...]] = (
        "id", "title", "date", "estimated_date", "source", "url", "language", "text",
    )  # fmt: skip

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.FIELDS}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        return cls(**_known(cls, data))


@dataclass(frozen=True, slots=True)
class Actor:
    """Who acts or is acted upon.

    ``text``: the words in the article ("the Chinese foreign minister").  ``code``: CAMEO-style
    code, country ISO alpha-3 plus sector codes (``CHNGOV``, ``USAMIL``, ``UKRREB``) or an
    IGO/NGO code (``IGOUNO``, ``IGONAT``).  ``country``: ISO alpha-3 or None.  ``sector``: GOV,
    MIL, REB, OPP, MED, BUS, CVL, JUD, LEG, COP, PTY, NGO, IGO, ELI … or None.  ``name``:
    canonical person or organisation name, or None.
    """

    text: str
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    name: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Actor:
        return cls(**_known(cls, data))


@dataclass(frozen=True, slots=True)
class Location:
    """Where an event happened: a place name with its country and coordinates when known."""

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Location:
        return cls(**_known(cls, data))


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why an event exists: the sentence, its character offsets in ``Article.text``, the trigger."""

    text: str
    start: int
    end: int
    trigger: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Evidence:
        return cls(**_known(cls, data))


@dataclass(frozen=True, slots=True)
class Event:
    """One coded political event: who did what to whom, when and where, and why we think so.

    ``sentence``: index of the sentence in the article.  ``cameo``: full CAMEO code as a string
    ("0256").  ``plover``: one of the 16 PLOVER 2021 types; ``plover_mode`` its mode or None.
    ``quad_class``: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material
    conflict.  ``modality``: asserted, reported, alleged, intended or hypothetical.  ``speaker``:
    the actor whose quote or reported speech contains the event.  ``rule``: the lexicon entry
    that fired.  ``confidence``: 0..1.
    """

    article_id: str
    sentence: int
    date: str | None
    source: Actor
    target: Actor | None
    cameo: str
    cameo_name: str
    plover: str
    plover_mode: str | None
    goldstein: float
    quad_class: int
    evidence: Evidence
    rule: str
    negated: bool = False
    modality: str = "asserted"
    speaker: Actor | None = None
    location: Location | None = None
    confidence: float = 1.0

    FIELDS: ClassVar[tuple[str, ...]] = (
        "article_id", "sentence", "date", "source", "target", "cameo", "cameo_name", "plover",
        "plover_mode", "goldstein", "quad_class", "negated", "modality", "speaker", "location",
        "evidence", "rule", "confidence",
    )  # fmt: skip
    _NESTED: ClassVar[dict[str, type]] = {
        "source": Actor, "target": Actor, "speaker": Actor, "location": Location,
        "evidence": Evidence,
    }  # fmt: skip

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in self.FIELDS:
            value = getattr(self, name)
            out[name] = value.to_dict() if name in self._NESTED and value is not None else value
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        kwargs = _known(cls, data)
        for name, kind in cls._NESTED.items():
            if isinstance(kwargs.get(name), dict):
                kwargs[name] = kind.from_dict(kwargs[name])
        return cls(**kwargs)


@dataclass(frozen=True, slots=True)
class Quote:
    """Something someone said, with who said it.

    ``speaker``: Actor-like (``text``, ``name``, ``code``, ``country``) or None when unknown.
    ``text``: the quoted content.  ``kind``: direct, partial or indirect.  ``start``/``end``:
    character offsets of the content in ``Article.text``.  ``cue``: the verb or phrase that marks
    the speech ("said", "told", "quoted … as saying", "according to").
    """

    article_id: str
    speaker: Actor | None
    text: str
    kind: str
    start: int
    end: int
    cue: str | None = None

    FIELDS: ClassVar[tuple[str, ...]] = (
        "article_id", "speaker", "text", "kind", "start", "end", "cue",
    )  # fmt: skip

    def to_dict(self) -> dict[str, Any]:
        out = {name: getattr(self, name) for name in self.FIELDS}
        if self.speaker is not None:
            out["speaker"] = self.speaker.to_dict()
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quote:
        kwargs = _known(cls, data)
        if isinstance(kwargs.get("speaker"), dict):
            kwargs["speaker"] = Actor.from_dict(kwargs["speaker"])
        return cls(**kwargs)


@dataclass(frozen=True, slots=True)
class Result:
    """What coding one article gives: the article, its events and quotes, and any notes.

    ``notes`` explains articles that produced nothing on purpose, e.g. "skipped: language fr".
    """

    article: Article
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article.to_dict(),
            "events": [e.to_dict() for e in self.events],
            "quotes": [q.to_dict() for q in self.quotes],
            "notes": list(self.notes),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Result:
        return cls(
            article=Article.from_dict(data["article"]),
            events=[Event.from_dict(e) for e in data.get("events", [])],
            quotes=[Quote.from_dict(q) for q in data.get("quotes", [])],
            notes=list(data.get("notes", [])),
        )
