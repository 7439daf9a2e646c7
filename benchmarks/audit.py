"""The audit of ordinary news: random coded events judged by hand, and what the coder does now.

An analyst feeds tidings whole newspapers, and most sentences of ordinary news hold no
political event; precision on gold sentences that all hold one hides that.  The audit draws
events at random (fixed seed) from coding the Wikinews corpus, and a person judges each one:
right, or wrong in its type, source, target or modality, or no event at all.

    python benchmarks/audit.py draw EVENTS.jsonl --seed 7 --n 100 > benchmarks/gold/audit_seed7.jsonl
    (judge each line by hand: fill "verdict" and "wrong", see benchmarks/gold/README.md)
    python benchmarks/audit.py report benchmarks/gold/audit_seed7.jsonl [--recode]

``report`` prints the share right, precision by confidence band, and the reasons; with
``--recode`` it codes the audited articles again with today's coder and counts how many judged
events it still emits (right ones kept, wrong ones gone).  The judged files name the articles by
id and the sentences by character offsets; the texts stay in ../shared/data.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
CORPUS = SHARED / "news" / "wikinews_cd2000.jsonl"
BANDS = ((0.0, 0.5), (0.5, 0.7), (0.7, 0.85), (0.85, 1.01))
REASONS = ("no-event", "type", "source", "target", "modality", "negation")


def _who(actor: dict | None) -> str | None:
    return None if actor is None else actor.get("code") or None


def draw(events_file: Path, seed: int, n: int) -> None:
    events = [json.loads(line) for line in events_file.open(encoding="utf-8")]
    events.sort(key=lambda e: (e["article_id"], e["evidence"]["start"], e["cameo"],
                               _who(e["source"]) or "", _who(e["target"]) or ""))  # fmt: skip
    for e in random.Random(seed).sample(events, min(n, len(events))):
        row = {
            "article_id": e["article_id"], "start": e["evidence"]["start"],
            "end": e["evidence"]["end"], "trigger": e["evidence"]["trigger"],
            "cameo": e["cameo"], "plover": e["plover"],
            "source": _who(e["source"]), "source_text": e["source"]["text"],
            "target": _who(e["target"]),
            "target_text": None if e["target"] is None else e["target"]["text"],
            "modality": e["modality"], "negated": e["negated"],
            "confidence": e.get("confidence"), "rule": e["rule"],
            "verdict": None, "wrong": [], "note": "",
        }  # fmt: skip
        print(json.dumps(row))


def _load(path: Path) -> list[dict]:
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    unjudged = [r for r in rows if r.get("verdict") not in ("right", "wrong")]
    if unjudged:
        sys.exit(f"{path}: {len(unjudged)} events have no verdict yet")
    return rows


def _band(conf: float | None) -> str:
    c = 0.0 if conf is None else conf
    lo, hi = next(b for b in BANDS if b[0] <= c < b[1])
    return f"[{lo:.2f}, {min(hi, 1.0):.2f}{']' if hi > 1 else ')'}"


def _recode(rows: list[dict]) -> dict[str, list[dict]]:
    from tidings.pipeline import Pipeline
    from tidings.records import Article

    wanted = {r["article_id"] for r in rows}
    texts = {}
    with CORPUS.open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if d["id"] in wanted:
                texts[d["id"]] = d["text"]
    pipe = Pipeline()
    articles = [Article(id=i, text=t, language="en") for i, t in sorted(texts.items())]
    return {r.article.id: [e.to_dict() for e in r.events] for r in pipe.code(articles)}


def _still_there(row: dict, events: list[dict]) -> bool:
    """The same coding of the same sentence (type, source and target codes, negation)."""
    return any(e["evidence"]["start"] == row["start"] and e["cameo"] == row["cameo"]
               and _who(e["source"]) == row["source"] and _who(e["target"]) == row["target"]
               and e["negated"] == row["negated"] for e in events)  # fmt: skip


def report(path: Path, recode: bool) -> None:
    rows = _load(path)
    right = sum(r["verdict"] == "right" for r in rows)
    print(
        f"{path.name}: {len(rows)} events judged by hand, {right} right ({right / len(rows):.0%})"
    )
    bands: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in rows:
        b = bands[_band(r.get("confidence"))]
        b[0] += r["verdict"] == "right"
        b[1] += 1
    print("precision by confidence band:")
    for name in sorted(bands):
        ok, n = bands[name]
        print(f"  {name:<13} {ok:>3} / {n:<3} = {ok / n:.2f}")
    reasons = Counter(w for r in rows if r["verdict"] == "wrong" for w in r.get("wrong") or ["?"])
    print(
        "why the wrong ones are wrong: " + ", ".join(f"{k} {v}" for k, v in reasons.most_common())
    )
    if recode:
        if not CORPUS.is_file():
            print(f"--recode skipped: {CORPUS} is not present")
            return
        now = _recode(rows)
        kept = Counter((r["verdict"], _still_there(r, now.get(r["article_id"], []))) for r in rows)
        print(f"today's coder on the audited sentences: right ones still emitted "
              f"{kept['right', True]} of {right}; wrong ones still emitted "
              f"{kept['wrong', True]} of {len(rows) - right}")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("draw", help="draw events at random from an events file (JSON Lines)")
    d.add_argument("events", type=Path)
    d.add_argument("--seed", type=int, required=True)
    d.add_argument("--n", type=int, default=100)
    r = sub.add_parser("report", help="figures of a judged audit file")
    r.add_argument("files", type=Path, nargs="+")
    r.add_argument("--recode", action="store_true", help="also code the articles again now")
    args = parser.parse_args()
    if args.cmd == "draw":
        draw(args.events, args.seed, args.n)
    else:
        for f in args.files:
            report(f, args.recode)
    return 0


if __name__ == "__main__":
    sys.exit(main())
