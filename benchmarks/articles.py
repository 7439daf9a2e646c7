"""Whole-article gold: must-recall, precision and events per 1,000 words of non-political news.

Sentences that all hold an event hide what whole articles show: background clauses,
coreference, accusations whose content is no fact, and prose with no event at all.  This
benchmark codes the 20 Wikinews articles hand-coded in ``benchmarks/gold/articles.jsonl`` (see
the README there) and prints, overall and per split (``tune``/``check``):

- must-recall: ``must`` events matched by a non-negated predicted event (same PLOVER type, an
  overlapping sentence, the source, the target when the gold gives one, the modality when the
  gold lists some);
- precision: non-negated predicted events that match a ``must`` or ``acceptable`` line;
- forbidden hits, and events per 1,000 words on political and on non-political articles.

    python benchmarks/articles.py [--split tune|check] [--errors]

``--errors`` lists the missed must events and the unmatched predictions (read them on
``tune`` only).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD = HERE / "gold" / "articles.jsonl"
CORPUS = HERE.parents[1] / "shared" / "data" / "news" / "wikinews_cd2000.jsonl"
OLD_TYPES = {"YIELD": ("CONCEDE", "RETREAT")}


def _actor_matches(key: str | None, actor: dict | None) -> bool:
    if key is None:
        return True
    if actor is None:
        return False
    code = actor.get("code") or ""
    return bool(code) and code.startswith(key) or actor.get("country") == key


def matches(gold: dict, event: dict) -> bool:
    """Does the predicted event (an Event dict) say what the gold line says?"""
    types = OLD_TYPES.get(gold["plover"], (gold["plover"],))
    if event["plover"] not in types:
        return False
    ev = event["evidence"]
    if ev["end"] <= gold["start"] or ev["start"] >= gold["end"]:
        return False
    if gold.get("modality") and event["modality"] not in gold["modality"]:
        return False
    if not _actor_matches(gold.get("source"), event["source"]):
        return False
    if gold.get("target") is not None:
        return _actor_matches(gold["target"], event["target"])
    return True


def _code(articles: list[dict]) -> dict[str, list[dict]]:
    from tidings.pipeline import Pipeline
    from tidings.records import Article

    pipe = Pipeline()
    docs = [Article(id=a["id"], text=a["text"], language="en") for a in articles]
    return {r.article.id: [e.to_dict() for e in r.events] for r in pipe.code(docs)}


def _show(e: dict) -> str:
    def who(a: dict | None) -> str:
        return "-" if a is None else f"{a.get('code') or '?'}[{a['text']}]"

    return (f"{e['plover']} {e['cameo']} {who(e['source'])} -> {who(e['target'])} "
            f"'{e['evidence']['trigger']}' {e['modality']} ({e['rule']})")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("tune", "check"))
    parser.add_argument("--errors", action="store_true")
    parser.add_argument("--gold", type=Path, default=GOLD)
    args = parser.parse_args()
    if not CORPUS.is_file():
        print(f"skipped: {CORPUS} is not present")
        return 0
    gold = [json.loads(line) for line in args.gold.open(encoding="utf-8") if line.strip()]
    texts: dict[str, str] = {}
    wanted = {g["id"] for g in gold}
    with CORPUS.open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if d["id"] in wanted:
                texts[d["id"]] = d["text"]
    for g in gold:
        g["text"] = texts[g["id"]]
    coded = _code(gold)
    print(f"gold: {args.gold.name}, {len(gold)} articles, "
          f"{sum(len(g['events']) for g in gold)} lines; corpus {CORPUS.name}")  # fmt: skip
    rows = []
    for split in (None, "tune", "check"):
        if args.split and split not in (None, args.split):
            continue
        part = [g for g in gold if split is None or g["split"] == split]
        c = defaultdict(int)
        for g in part:
            events = [e for e in coded[g["id"]] if not e["negated"]]
            words = len(g["text"].split())
            c["words_pol" if g["political"] else "words_non"] += words
            c["events_pol" if g["political"] else "events_non"] += len(events)
            musts = [x for x in g["events"] if x["kind"] == "must"]
            good = [x for x in g["events"] if x["kind"] in ("must", "acceptable")]
            bad = [x for x in g["events"] if x["kind"] == "forbidden"]
            c["must"] += len(musts)
            for m in musts:
                hit = any(matches(m, e) for e in events)
                c["must_hit"] += hit
                if not hit and args.errors and split == "tune":
                    s = g["text"][m["start"] : m["end"]]
                    print(f"MISSED {g['id']} {m['plover']} {m.get('source')}->{m.get('target')}"
                          f"  ({m.get('note', '')})\n    {s[:240]}")  # fmt: skip
            for e in events:
                c["pred"] += 1
                ok = any(matches(x, e) for x in good)
                c["pred_right"] += ok
                c["forbidden"] += any(matches(x, e) for x in bad)
                if not ok and args.errors and split == "tune":
                    print(f"WRONG  {g['id']} {_show(e)}\n    {e['evidence']['text'][:240]}")
        rows.append((split or "all", c))
    print(f"\n{'split':<6} {'articles':>8} {'must':>5} {'must_rec':>8} {'pred':>5} {'precision':>9} "
          f"{'forbid':>6} {'ev/kw pol':>9} {'ev/kw non':>9}")  # fmt: skip
    for name, c in rows:
        n = sum(1 for g in gold if name == "all" or g["split"] == name)
        rec = c["must_hit"] / c["must"] if c["must"] else 0.0
        prec = c["pred_right"] / c["pred"] if c["pred"] else 0.0
        pol = 1000 * c["events_pol"] / c["words_pol"] if c["words_pol"] else 0.0
        non = 1000 * c["events_non"] / c["words_non"] if c["words_non"] else 0.0
        print(f"{name:<6} {n:>8} {c['must']:>5} {rec:>8.3f} {c['pred']:>5} {prec:>9.3f} "
              f"{c['forbidden']:>6} {pol:>9.2f} {non:>9.2f}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
