"""Choose Wikinews sentences to label for the event-type model (tidings_typer).

Round 1 draws at random (fixed seed) from three strata of the coded corpus, so the labels teach
both what is an event and what is not:

- ``event``: sentences where today's coder emits a non-negated event;
- ``actors``: sentences with a coded actor but no event;
- ``plain``: other sentences with a finite verb.

Later rounds (``--round 2``) draw the sentences a trained model is least sure of (active
learning), from those not labeled yet.  Each line written is one sentence to label: the article
id and the sentence's character offsets in the article text (the text stays in ../shared), the
stratum and the round.

    python training/pick.py --round 1 --out training/labels/round1_todo.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parents[1] / "shared" / "data" / "news" / "wikinews_cd2000.jsonl"
QUOTAS = {"event": 700, "actors": 500, "plain": 100}


def sentences() -> list[dict]:
    from tidings.nlp import has_finite_verb
    from tidings.pipeline import Pipeline
    from tidings.records import Article

    pipe = Pipeline()
    arts = [json.loads(line) for line in CORPUS.open(encoding="utf-8")]
    out = []
    docs = pipe.nlp.pipe(
        pipe._doc(Article(id=a["id"], text=a["text"], language="en")) for a in arts
    )
    for a, doc in zip(arts, docs, strict=True):
        events = [e for e in doc._.events or [] if not e.negated]
        for sent in doc.sents:
            text = sent.text.strip()
            if len(text.split()) < 5 or not has_finite_verb(sent):
                continue
            start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
            end = start + len(text)
            has_event = any(e.evidence.start == sent.start_char for e in events)
            has_actor = any(
                m.actor.code for m in doc._.actors or [] if sent.start <= m.start < sent.end
            )
            stratum = "event" if has_event else "actors" if has_actor else "plain"
            out.append({"article_id": a["id"], "start": start, "end": end, "stratum": stratum})
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--round", type=int, default=1)
    parser.add_argument("--seed", type=int, default=20261204)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    if not CORPUS.is_file():
        print(f"skipped: {CORPUS} is not present")
        return 0
    if args.round != 1:
        sys.exit("rounds after the first are drawn by training/train.py --select (active learning)")
    pool = sentences()
    rng = random.Random(args.seed)
    picked = []
    for stratum, n in QUOTAS.items():
        rows = [r for r in pool if r["stratum"] == stratum]
        picked += rng.sample(rows, min(n, len(rows)))
    rng.shuffle(picked)
    with args.out.open("w", encoding="utf-8") as fh:
        for n, r in enumerate(picked):
            fh.write(json.dumps({"id": f"r1-{n:04d}", **r, "round": 1}) + "\n")
    print(f"{len(picked)} sentences from {len(pool)} -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
