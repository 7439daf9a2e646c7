"""What a coder change newly fires on, over a whole corpus (the Wikinews articles by default).

The lexicon is grown by classes of expressions; before a batch is committed, code the corpus
with and without it and read what it adds and removes:

    python benchmarks/corpus_diff.py code /tmp/before.jsonl        # on the old commit
    python benchmarks/corpus_diff.py code /tmp/after.jsonl         # on the new one
    python benchmarks/corpus_diff.py diff /tmp/before.jsonl /tmp/after.jsonl --sample 20

``code`` writes every event as JSON Lines (two processes by default); ``diff`` prints how many
events appeared and disappeared, by rule, and a fixed-seed sample of each side to judge by hand.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
CORPUS = SHARED / "news" / "wikinews_cd2000.jsonl"


def _code_part(args: tuple[str, int, int]) -> list[dict]:
    from tidings.pipeline import Pipeline
    from tidings.records import Article

    path, part, parts = args
    pipe = Pipeline()
    articles = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if n % parts == part:
                d = json.loads(line)
                articles.append(
                    Article(id=str(d["id"]), text=d["text"], date=d.get("date"), language="en")
                )
    out = []
    for result in pipe.code(articles):
        out += [e.to_dict() for e in result.events]
    return out


def code(corpus: Path, out: Path, workers: int) -> None:
    with ProcessPoolExecutor(workers) as pool:
        parts = list(pool.map(_code_part, [(str(corpus), i, workers) for i in range(workers)]))
    events = [e for part in parts for e in part]
    events.sort(key=lambda e: (e["article_id"], e["evidence"]["start"], e["cameo"]))
    with out.open("w", encoding="utf-8") as fh:
        for e in events:
            fh.write(json.dumps(e) + "\n")
    print(f"{len(events)} events from {corpus.name} -> {out}", file=sys.stderr)


def _key(e: dict) -> tuple:
    def code(a: dict | None) -> str | None:
        return None if a is None else a.get("code") or a.get("text")

    return (e["article_id"], e["evidence"]["start"], e["cameo"], code(e["source"]),
            code(e["target"]), e["negated"], e["modality"])  # fmt: skip


def show(e: dict) -> str:
    def who(a: dict | None) -> str:
        return "-" if a is None else f"{a.get('code') or '?'}[{a['text']}]"

    neg = " NOT" if e["negated"] else ""
    return (f"  {e['article_id']}  {e['plover']} {e['cameo']}{neg} {who(e['source'])} -> "
            f"{who(e['target'])}  '{e['evidence']['trigger']}' {e['modality']} "
            f"conf {e.get('confidence')}  ({e['rule']})\n    {e['evidence']['text'][:300]}")  # fmt: skip


def diff(old: Path, new: Path, sample: int, seed: int) -> None:
    def load(p: Path) -> dict[tuple, dict]:
        return {_key(e): e for e in map(json.loads, p.open(encoding="utf-8"))}

    a, b = load(old), load(new)
    gone = [a[k] for k in a.keys() - b.keys()]
    came = [b[k] for k in b.keys() - a.keys()]
    print(f"before {len(a)} events, after {len(b)}: {len(came)} appeared, {len(gone)} disappeared")
    for title, rows in (("appeared", came), ("disappeared", gone)):
        rules = Counter(r["rule"] for r in rows)
        print(f"\n{title}, by rule: " + ", ".join(f"{r} {n}" for r, n in rules.most_common(15)))
        rows.sort(key=lambda e: [str(x) for x in _key(e)])
        picked = random.Random(seed).sample(rows, min(sample, len(rows)))
        print(f"{title}, {len(picked)} sampled (seed {seed}):")
        for e in picked:
            print(show(e))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("code", help="code the corpus into an events file")
    c.add_argument("out", type=Path)
    c.add_argument("--corpus", type=Path, default=CORPUS)
    c.add_argument("--workers", type=int, default=2)
    d = sub.add_parser("diff", help="what appeared and disappeared between two events files")
    d.add_argument("old", type=Path)
    d.add_argument("new", type=Path)
    d.add_argument("--sample", type=int, default=20)
    d.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.cmd == "code":
        if not args.corpus.is_file():
            print(f"skipped: {args.corpus} is not present")
            return 0
        code(args.corpus, args.out, args.workers)
    else:
        diff(args.old, args.new, args.sample, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
