"""Extraction quality on the WCXB article pages: tidings vs trafilatura, and the text cleaner.

Two measurements on ``../shared/data/extraction/wcxb_articles/dev`` (HTML pages with gold
``main_content``):

1. **Pages**: token-level (bag of lower-cased words) precision, recall and F1 of what
   ``tidings extract`` returns for each page (``tidings.read.read_path``, the function the command
   is a thin skin over) against the gold text, next to trafilatura's own ``extract()`` with its
   defaults and with ``favor_precision=True``, in the same run.  Scores are averaged over pages
   (macro), as the benchmark's authors do.
2. **Scraped text**: each page's full visible text (menus, footers and all, as a scraper would
   save it) goes through ``tidings.clean.clean_text``.  Reported: the share of junk tokens (page
   tokens not in the gold) that cleaning removes, the share of gold tokens present in the page that
   it loses, and P/R/F1 before and after cleaning (micro: summed over pages).

Usage:
    .venv/bin/python benchmarks/extraction.py [--limit N] [--data DIR]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

import trafilatura

from tidings.clean import clean_text
from tidings.read import read_path
from tidings.read.html import fragment_text
from tidings.records import Article

DATA = (
    Path(__file__).resolve().parents[2] / "shared" / "data" / "extraction" / "wcxb_articles" / "dev"
)
_TOKEN = re.compile(r"\w+")


def tokens(text: str | None) -> Counter[str]:
    return Counter(_TOKEN.findall((text or "").lower()))


def prf(out: Counter[str], gold: Counter[str]) -> tuple[float, float, float]:
    hit = sum((out & gold).values())
    p = hit / sum(out.values()) if out else 0.0
    r = hit / sum(gold.values()) if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def ours(path: Path) -> str:
    texts = [item.text for item in read_path(path) if isinstance(item, Article)]
    return "\n\n".join(texts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages")
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()
    pages = sorted((args.data / "html").glob("*.html.gz"))[: args.limit]
    if not pages:
        print(f"no pages under {args.data}", file=sys.stderr)
        return 1
    systems = {
        "tidings extract": lambda path, html: ours(path),
        "trafilatura extract()": lambda path, html: trafilatura.extract(html),
        "trafilatura extract(favor_precision)": lambda path, html: trafilatura.extract(
            html, favor_precision=True
        ),
    }
    scores: dict[str, list[tuple[float, float, float]]] = {name: [] for name in systems}
    seconds: dict[str, float] = dict.fromkeys(systems, 0.0)
    scraped = Counter({"junk": 0, "junk_left": 0, "real": 0, "real_lost": 0})
    before, after, gold_all = Counter[str](), Counter[str](), Counter[str]()
    skipped = 0
    for path in list(pages):
        truth = json.loads(
            (args.data / "ground-truth" / path.name.replace(".html.gz", ".json")).read_text()
        )
        if "main_content" not in truth["ground_truth"]:  # one page has no gold text
            pages.remove(path)
            skipped += 1
            continue
        gold = tokens(truth["ground_truth"]["main_content"])
        html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        for name, run in systems.items():
            start = time.perf_counter()
            text = run(path, html)
            seconds[name] += time.perf_counter() - start
            scores[name].append(prf(tokens(text), gold))
        page = tokens(fragment_text(html))
        cleaned = tokens(clean_text(fragment_text(html)))
        junk, real = page - gold, page & gold
        scraped["junk"] += sum(junk.values())
        scraped["junk_left"] += sum((cleaned - gold).values())
        scraped["real"] += sum(real.values())
        scraped["real_lost"] += sum((real - cleaned).values())
        before += page
        after += cleaned
        gold_all += gold
        # micro P/R/F1 need per-page overlaps, not the union of bags
        scraped["hit_before"] += sum((page & gold).values())
        scraped["hit_after"] += sum((cleaned & gold).values())
        scraped["n_before"] += sum(page.values())
        scraped["n_after"] += sum(cleaned.values())
        scraped["n_gold"] += sum(gold.values())
    n = len(pages)
    print(
        f"WCXB article pages (dev): {n} pages from {args.data} ({skipped} without gold text skipped)"
    )
    print(f"{'system':40s} {'P':>6s} {'R':>6s} {'F1':>6s} {'s/page':>7s}")
    for name, rows in scores.items():
        p, r, f = (sum(col) / n for col in zip(*rows, strict=True))
        print(f"{name:40s} {p:6.3f} {r:6.3f} {f:6.3f} {seconds[name] / n:7.3f}")
    print()
    print("Scraped text (full visible page text) through tidings.clean.clean_text:")
    print(
        f"  junk tokens removed:      {1 - scraped['junk_left'] / max(scraped['junk'], 1):6.1%}"
        f"  ({scraped['junk'] - scraped['junk_left']:,} of {scraped['junk']:,})"
    )
    print(
        f"  real (gold) tokens lost:  {scraped['real_lost'] / max(scraped['real'], 1):6.1%}"
        f"  ({scraped['real_lost']:,} of {scraped['real']:,})"
    )
    for label, hit, total in (
        ("before cleaning", "hit_before", "n_before"),
        ("after cleaning", "hit_after", "n_after"),
    ):
        p = scraped[hit] / max(scraped[total], 1)
        r = scraped[hit] / max(scraped["n_gold"], 1)
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"  {label:16s} P {p:6.3f}  R {r:6.3f}  F1 {f:6.3f} (micro)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
