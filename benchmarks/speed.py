"""Coding speed against a bare spaCy parse of the same texts, in the same run.

    python benchmarks/speed.py --limit 300
    python benchmarks/speed.py --limit 100 --repeat 3
    python benchmarks/speed.py path/to/articles.jsonl --limit 200 --batch-size 32

Prints the corpus, pipeline start-up time, the baseline (``nlp.pipe`` with the bare model),
tidings' time (the full Pipeline: actors, quotes, events), and the ratio.  The default corpus is
``../shared/data/news/wikinews_cd2000.jsonl`` (read only; not part of the project).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "news" / "wikinews_cd2000.jsonl"


def load_texts(path: Path, limit: int) -> list[str]:
    texts = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line).get("text") or ""
            if text.strip():
                texts.append(text)
            if len(texts) >= limit:
                break
    return texts


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=300, help="number of articles (default 300)")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument(
        "--repeat", type=int, default=2, help="alternating runs, best of each (default 2)"
    )
    args = parser.parse_args()
    if not args.corpus.is_file():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2

    from tidings.nlp import load_nlp
    from tidings.pipeline import Pipeline
    from tidings.records import Article

    texts = load_texts(args.corpus, args.limit)
    words = sum(len(t.split()) for t in texts)
    print(f"corpus     {args.corpus.name}: {len(texts)} articles, {words:,} words")

    started = time.perf_counter()
    pipeline = Pipeline()
    startup = time.perf_counter() - started
    print(f"startup    {startup:.2f} s (spaCy, dictionaries, ontology, lexicon)")

    bare = load_nlp()
    bare("warm up")
    pipeline.code_text("Warm up: Kenya and Uganda signed a deal.")

    articles = [Article(id=str(i), text=t, language="en") for i, t in enumerate(texts)]
    baseline = ours = float("inf")
    events = 0
    # alternate the two and keep each one's best time: the machine may be shared
    for _ in range(args.repeat):
        started = time.perf_counter()
        for _ in bare.pipe(texts, batch_size=args.batch_size):
            pass
        baseline = min(baseline, time.perf_counter() - started)
        started = time.perf_counter()
        events = sum(len(r.events) for r in pipeline.code(articles, batch_size=args.batch_size))
        ours = min(ours, time.perf_counter() - started)

    print(f"baseline   {baseline:.2f} s  bare nlp.pipe parse ({words / baseline:,.0f} words/s)")
    print(
        f"tidings    {ours:.2f} s  Pipeline.code ({words / ours:,.0f} words/s, {len(texts) / ours:.1f} articles/s, {events} events)"
    )
    print(
        f"ratio      {ours / baseline:.3f}  (coding adds {100 * (ours / baseline - 1):.1f} % to the parse)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
