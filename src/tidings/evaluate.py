"""Scoring the coder against sentence-level gold events (PLOVER gold-standard JSONL).

Gold format: one JSON object a line with ``id``, ``text``, ``date`` and ``events``, each event
with ``plover`` (type), ``source`` and ``target`` (lists of ``{"code": ISO3 | IGO | NGO | IMG,
"sector": …}``).  Each record is coded as one article (``Pipeline.code_article``).

Measures (``EvalReport``):

- **type recall**: a gold event counts when some non-negated predicted event of its record has
  its PLOVER type;
- **triple recall**: the same event must also have a source sharing a gold source's country
  code (or its IGO/NGO/IMG prefix) and — when the gold event has targets — a target sharing
  one of the gold targets';
- **type precision**: non-negated predicted events whose type is one of their record's gold
  types, over all non-negated predicted events;
- **factual precision**: the same over the events the coder claims happened (modality asserted
  or reported), leaving out what it marks as intended, alleged or hypothetical.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tidings.errors import InputError
from tidings.records import Actor, Article, Event

_GROUP_PREFIXES = ("IGO", "NGO", "IMG", "MNC")


@dataclass(frozen=True, slots=True)
class GoldEvent:
    plover: str
    sources: tuple[str, ...]  # actor keys: ISO3 country code or IGO/NGO/IMG
    targets: tuple[str, ...]


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
            "versions": dict(self.versions),
        }  # fmt: skip


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


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
                events.append(GoldEvent(
                    str(ev["plover"]).upper(),
                    _actor_keys(ev.get("source"), where),
                    _actor_keys(ev.get("target"), where),
                ))  # fmt: skip
            records.append(GoldRecord(str(data.get("id", number)), data["text"],
                                      data.get("date"), tuple(events)))  # fmt: skip
    return records


def actor_key(actor: Actor | None) -> str | None:
    """What gold compares: the country code, or the IGO/NGO/IMG prefix of a group's code."""
    if actor is None:
        return None
    if actor.code and actor.code[:3] in _GROUP_PREFIXES:
        return actor.code[:3]
    return actor.country or (actor.code[:3] if actor.code else None)


def _describe(event: Event) -> str:
    target = actor_key(event.target) or "-"
    return f"{event.plover} {actor_key(event.source)}->{target}" + (
        " (negated)" if event.negated else ""
    )


def score(records: Sequence[GoldRecord], predictions: Iterable[list[Event]]) -> EvalReport:
    """Score predicted events (one list per gold record, same order) against the gold."""
    report = EvalReport()
    for record, events in zip(records, predictions, strict=True):
        report.records += 1
        claimed = [e for e in events if not e.negated]
        gold_types = {g.plover for g in record.events}
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
            row = report.per_type.setdefault(g.plover, TypeScore())
            row.gold += 1
            report.gold += 1
            same_type = [e for e in claimed if e.plover == g.plover]
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
