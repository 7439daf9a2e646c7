"""Scoring the coder against sentence-level gold events.

Two gold formats, one JSON object a line, each record with ``id``, ``text`` (and optionally
``date``) and ``events``; each record is coded as one article (``Pipeline.code_article``):

- **coded** (the PLOVER gold-standard records): each event has ``plover`` (type), ``source``
  and ``target`` (lists of ``{"code": ISO3 | IGO | NGO | IMG, "sector": …}``);
- **spans** (real wire sentences such as ``plv_dev.jsonl``): each event has ``plover``,
  ``source_text`` and ``target_text``, the spans of the sentence that name the actors.

Older PLOVER type names count as their 2021 successors: ``YIELD`` is CONCEDE or RETREAT,
``DEMAND`` REQUEST, ``DISAPPROVE`` and ``INVESTIGATE`` ACCUSE, ``FIGHT`` ASSAULT.

Measures (``EvalReport``):

- **type recall**: a gold event counts when some non-negated predicted event of its record has
  its PLOVER type;
- **triple recall** (coded gold): the same event must also have a source sharing a gold
  source's country code (or its IGO/NGO/IMG prefix) and — when the gold event has targets — a
  target sharing one of the gold targets';
- **type+source recall** (span gold, reported in the same field): the same event's source
  ``text`` or ``name`` shares a content word with the gold source span;
- **type precision**: non-negated predicted events whose type is one of their record's gold
  types, over all non-negated predicted events;
- **factual precision**: the same over the events the coder claims happened (modality asserted
  or reported), leaving out what it marks as intended, alleged or hypothetical.

``split_of(record_id)`` puts every record, by a hash of its id, into the fixed half ``tune``
(read its errors) or ``check`` (report its figures only); ``tidings eval --split`` scores one.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tidings.errors import InputError
from tidings.records import Actor, Article, Event

_GROUP_PREFIXES = ("IGO", "NGO", "IMG", "MNC")
# older PLOVER names → the 2021 types they count as
_OLD_TYPES: dict[str, tuple[str, ...]] = {
    "YIELD": ("CONCEDE", "RETREAT"),
    "DEMAND": ("REQUEST",),
    "DISAPPROVE": ("ACCUSE",),
    "INVESTIGATE": ("ACCUSE",),
    "FIGHT": ("ASSAULT",),
}
SPLITS = ("tune", "check")
# words that do not make two actor spans the same actor
_FUNCTION_WORDS = frozenset(
    "a an the of and or in on at to for from by with its their his her our this that these those"
    " 's s".split()
)  # fmt: skip
_WORD = re.compile(r"[^\W_]+(?:[.'’-][^\W_]+)*", re.UNICODE)


@dataclass(frozen=True, slots=True)
class GoldEvent:
    plover: str
    sources: tuple[str, ...]  # actor keys: ISO3 country code or IGO/NGO/IMG
    targets: tuple[str, ...]
    source_text: str | None = None  # span gold: the words naming the source
    target_text: str | None = None

    @property
    def types(self) -> tuple[str, ...]:
        """The 2021 PLOVER types a predicted event may have to count for this one."""
        return _OLD_TYPES.get(self.plover, (self.plover,))

    @property
    def by_span(self) -> bool:
        return self.source_text is not None


@dataclass(frozen=True, slots=True)
class GoldRecord:
    id: str
    text: str
    date: str | None
    events: tuple[GoldEvent, ...]


@dataclass(slots=True)
class TypeScore:
    """Counts for one PLOVER type."""

    gold: int = 0
    type_hits: int = 0
    triple_hits: int = 0
    predicted: int = 0
    predicted_right: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold, "type_hits": self.type_hits, "triple_hits": self.triple_hits,
            "predicted": self.predicted, "predicted_right": self.predicted_right,
            "type_recall": _ratio(self.type_hits, self.gold),
            "triple_recall": _ratio(self.triple_hits, self.gold),
            "type_precision": _ratio(self.predicted_right, self.predicted),
        }  # fmt: skip


@dataclass(frozen=True, slots=True)
class Miss:
    """A gold event the coder did not find (by type, or by actors)."""

    record_id: str
    text: str
    gold: GoldEvent
    kind: str  # "type" (no predicted event of the type) or "actors" (type found, actors wrong)
    predicted: tuple[str, ...]  # "TYPE SOURCE->TARGET" of each predicted event


@dataclass(slots=True)
class EvalReport:
    records: int = 0
    gold: int = 0
    type_hits: int = 0
    triple_hits: int = 0
    predicted: int = 0
    predicted_right: int = 0
    factual: int = 0
    factual_right: int = 0
    per_type: dict[str, TypeScore] = field(default_factory=dict)
    misses: list[Miss] = field(default_factory=list)
    versions: dict[str, str] = field(default_factory=dict)
    by_span: bool = False  # span gold: "triple" is type+source
    split: str | None = None

    @property
    def type_recall(self) -> float:
        return _ratio(self.type_hits, self.gold)

    @property
    def triple_recall(self) -> float:
        return _ratio(self.triple_hits, self.gold)

    @property
    def type_precision(self) -> float:
        return _ratio(self.predicted_right, self.predicted)

    @property
    def factual_precision(self) -> float:
        return _ratio(self.factual_right, self.factual)

    def to_dict(self) -> dict[str, Any]:
        return {
            "records": self.records, "gold": self.gold, "predicted": self.predicted,
            "type_recall": self.type_recall, "triple_recall": self.triple_recall,
            "type_precision": self.type_precision, "factual_precision": self.factual_precision,
            "per_type": {k: v.to_dict() for k, v in sorted(self.per_type.items())},
            "triple": "type+source" if self.by_span else "type+source+target",
            "split": self.split, "versions": dict(self.versions),
        }  # fmt: skip


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def split_of(record_id: str) -> str:
    """``tune`` or ``check``: a fixed half of any gold file, by a hash of the record id."""
    digest = hashlib.sha256(record_id.encode("utf-8")).digest()
    return SPLITS[digest[0] & 1]


def content_words(text: str | None) -> frozenset[str]:
    """Lower-cased words of an actor span without function words ("the U.S. Army" → u.s, army)."""
    words = (w.lower().removesuffix("'s").removesuffix("’s") for w in _WORD.findall(text or ""))
    return frozenset(w for w in words if w and w not in _FUNCTION_WORDS)


def _actor_keys(items: Any, where: str) -> tuple[str, ...]:
    if items is None:
        return ()
    if not isinstance(items, list):
        raise InputError("actors must be a list of {code, sector} objects", input=where)
    keys = []
    for item in items:
        code = item.get("code") if isinstance(item, dict) else None
        if code:
            keys.append(str(code).upper()[:3])
    return tuple(keys)


def load_gold(path: str | Path) -> list[GoldRecord]:
    """Read a gold JSONL file; an unreadable line is an InputError naming file:line."""
    path = Path(path)
    if not path.is_file():
        raise InputError("gold file not found", input=str(path))
    records = []
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                data = json.loads(line)
            except json.JSONDecodeError as err:
                raise InputError(f"not JSON ({err.msg})", input=where) from None
            if not isinstance(data, dict) or not isinstance(data.get("text"), str):
                raise InputError("a gold record needs a 'text' string", input=where)
            events = []
            for ev in data.get("events") or []:
                if not isinstance(ev, dict) or not ev.get("plover"):
                    raise InputError("each gold event needs a 'plover' type", input=where)
                spans = [ev.get(k) for k in ("source_text", "target_text")]
                if any(v is not None and not isinstance(v, str) for v in spans):
                    raise InputError("source_text and target_text must be strings", input=where)
                events.append(GoldEvent(
                    str(ev["plover"]).upper(),
                    _actor_keys(ev.get("source"), where),
                    _actor_keys(ev.get("target"), where),
                    source_text=spans[0] if "source_text" in ev else None,
                    target_text=spans[1],
                ))  # fmt: skip
            records.append(GoldRecord(str(data.get("id", number)), data["text"],
                                      data.get("date"), tuple(events)))  # fmt: skip
    return records


def select_split(records: Sequence[GoldRecord], split: str | None) -> list[GoldRecord]:
    """The records of one half (``tune``/``check``), or all of them for ``None``."""
    if split is None:
        return list(records)
    if split not in SPLITS:
        raise ValueError(f"split must be one of {', '.join(SPLITS)}")
    return [r for r in records if split_of(r.id) == split]


def actor_key(actor: Actor | None) -> str | None:
    """What gold compares: the country code, or the IGO/NGO/IMG prefix of a group's code."""
    if actor is None:
        return None
    if actor.code and actor.code[:3] in _GROUP_PREFIXES:
        return actor.code[:3]
    return actor.country or (actor.code[:3] if actor.code else None)


def _describe(event: Event) -> str:
    def who(actor: Actor | None) -> str:
        return "-" if actor is None else f"{actor.code or '?'}[{actor.text}]"

    return (f"{event.plover} {event.cameo} {who(event.source)}->{who(event.target)} "
            f"'{event.evidence.trigger}' {event.modality}") + (" (negated)" if event.negated else "")  # fmt: skip


def score(records: Sequence[GoldRecord], predictions: Iterable[list[Event]]) -> EvalReport:
    """Score predicted events (one list per gold record, same order) against the gold."""
    report = EvalReport()
    for record, events in zip(records, predictions, strict=True):
        report.records += 1
        claimed = [e for e in events if not e.negated]
        gold_types = {t for g in record.events for t in g.types}
        for e in claimed:
            row = report.per_type.setdefault(e.plover, TypeScore())
            row.predicted += 1
            report.predicted += 1
            factual = e.modality in ("asserted", "reported")
            report.factual += factual
            if e.plover in gold_types:
                row.predicted_right += 1
                report.predicted_right += 1
                report.factual_right += factual
        for g in record.events:
            report.by_span |= g.by_span
            row = report.per_type.setdefault(g.plover, TypeScore())
            row.gold += 1
            report.gold += 1
            same_type = [e for e in claimed if e.plover in g.types]
            if same_type:
                row.type_hits += 1
                report.type_hits += 1
            if any(_triple_match(e, g) for e in same_type):
                row.triple_hits += 1
                report.triple_hits += 1
            else:
                report.misses.append(Miss(record.id, record.text, g,
                                          "actors" if same_type else "type",
                                          tuple(_describe(e) for e in events)))  # fmt: skip
    return report


def _triple_match(event: Event, gold: GoldEvent) -> bool:
    if gold.by_span:
        source = event.source
        said = content_words(source.text) | content_words(source.name) if source else frozenset()
        return bool(said & content_words(gold.source_text))
    if actor_key(event.source) not in gold.sources:
        return False
    return not gold.targets or actor_key(event.target) in gold.targets


def evaluate(pipeline: Any, records: Sequence[GoldRecord], *, batch_size: int = 32) -> EvalReport:
    """Code every gold record's text with ``pipeline`` and score the events."""
    articles = (Article(id=r.id, text=r.text, date=r.date, language="en") for r in records)
    predictions = (result.events for result in pipeline.code(articles, batch_size=batch_size))
    report = score(records, predictions)
    report.versions = dict(getattr(pipeline, "versions", {}))
    return report
