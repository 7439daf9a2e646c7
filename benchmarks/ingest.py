"""Ingest throughput: `tidings ingest` on a generated corpus with 1 and 2 workers, same run.

    .venv/bin/python benchmarks/ingest.py                   # 5,000 articles
    .venv/bin/python benchmarks/ingest.py --articles 500    # a quick look

The corpus comes from ``benchmarks/make_corpus.py`` (written to a temporary folder).  Each
configuration ingests it into a fresh store with the real command (``tidings ingest -q``, so
the wall time includes loading the pipeline in every worker); the baseline is bare spaCy
(``nlp.pipe`` with the same model, all components, one process) over the first
``--baseline-articles`` articles of the same corpus.  Prints articles/s, events, the store's
size on disk, the time spent writing to the store (as the command reports it), and the time a
second, idempotent run takes.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_corpus import make_corpus  # noqa: E402

TIDINGS = Path(sys.executable).with_name("tidings")


def ingest(corpus: Path, db: Path, workers: int) -> tuple[float, float]:
    """Wall seconds of one `tidings ingest` run, and the seconds it says it spent writing."""
    start = time.perf_counter()
    done = subprocess.run(
        [str(TIDINGS), "ingest", str(corpus), "--db", str(db), "--workers", str(workers)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    seconds = time.perf_counter() - start
    found = re.search(r"\(([\d.]+) s writing\)", done.stderr)
    return seconds, float(found.group(1)) if found else float("nan")


def store_counts(db: Path) -> dict[str, int]:
    from tidings.store import open_store

    s = open_store(db).summary()
    return {k: s[k] for k in ("articles", "duplicates", "events", "unique_events", "quotes")}


def spacy_baseline(texts: list[str]) -> float:
    """Articles per second for bare spaCy parsing (same model, one process)."""
    import spacy

    from tidings.nlp import model_name

    nlp = spacy.load(model_name(None))
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    return len(texts) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--baseline-articles", type=int, default=500)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="tidings-bench-") as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        articles = make_corpus(args.articles)
        corpus.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
        words = sum(len(a["text"].split()) for a in articles)
        print(
            f"corpus: {len(articles)} articles, {words} words (benchmarks/make_corpus.py, seed 7)"
        )

        texts = [a["text"] for a in articles[: args.baseline_articles]]
        base = spacy_baseline(texts)
        print(
            f"baseline  bare spaCy nlp.pipe, 1 process, {len(texts)} articles: {base:7.1f} articles/s"
        )

        for workers in args.workers:
            db = Path(tmp) / f"w{workers}.duckdb"
            seconds, writing = ingest(corpus, db, workers)
            rerun, _ = ingest(corpus, db, workers)
            counts = store_counts(db)
            size = db.stat().st_size / 1e6
            rate = len(articles) / seconds
            print(
                f"ingest --workers {workers}: {seconds:6.1f} s, {rate:6.1f} articles/s "
                f"({rate / base:.2f}× bare spaCy; {writing:.1f} s of it writing to the store), "
                f"{counts['events']} events "
                f"({counts['unique_events']} distinct), {counts['quotes']} quotes, "
                f"{counts['duplicates']} near-duplicate articles, store {size:.1f} MB; "
                f"idempotent re-run {rerun:.1f} s"
            )


if __name__ == "__main__":
    main()
