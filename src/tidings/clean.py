"""Cleaning scraped article text: unicode repair, page-furniture removal, language detection.

Scraped text carries site furniture at the top (menus, breadcrumbs, bylines, dates), at the
bottom (tags, related and most-popular lists, copyright, footer links) and in between (photo
credits, "Read more:" lines, advertisement markers).  ``clean_text`` removes it paragraph by
paragraph:

1. the text is split into *units*: paragraphs, or the single lines of a block of short lines;
2. each unit is matched against the rules in ``data/junk.tsv`` (``junk``, ``section``,
   ``end``, ``keep``; the file documents its format) and scored for furniture-like features
   (link-like, bullet list of headlines, repeated within the text);
3. units that read as sentences ("body" units) anchor the article: the article is the densest
   stretch of them (sentence words count for it, words of other units against it, see
   ``_main_stretch``); everything before and after that stretch is dropped, and units inside it
   only when a rule or the score says so.  A wire credit line right after it is kept.

A unit that reads as a sentence is never dropped by the score, only by an explicit rule, so real
text survives even when a page is unusual.  The output is final: character offsets of events and
quotes refer to it.
"""

from __future__ import annotations

import functools
import logging
import re
from collections import Counter
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

import ftfy

from tidings.errors import ResourceError
from tidings.records import Article

log = logging.getLogger(__name__)

RULE_KINDS = ("junk", "section", "end", "keep")
# How much a non-sentence word weighs against a sentence word when finding the article's stretch.
# 0.5 on 60 WCXB pages: 8 points more junk removed than 0 for 0.5 points more real text lost;
# 1.0 removes more junk but starts to cut sentences off list-heavy pages.
STRETCH_PENALTY = 0.5
JUNK_FILE = "data/junk.tsv"

# Unicode repair without changing what the author wrote: curly quotes and full-width forms stay
# (quote detection reads them); mojibake, HTML entities and control characters are fixed.
_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False, fix_character_width=False, explain=False)

_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_TERMINAL = re.compile(r"""[.!?…:;]["'”’)\]]*$""")
_INNER_SENTENCE_END = re.compile(r"[a-z0-9]{2}[.!?][\"'”’)]?\s+[\"“]?[A-Z]")
_BULLET = re.compile(r"^(?:[-•*·▪►–—]\s+|\d{1,2}[.)]\s+)")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
_MINOR = frozenset(
    "a an and as at but by for from in into nor of on or the to vs via with".split()
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Rule:
    """One line of a junk-rules file."""

    kind: str
    pattern: re.Pattern[str]
    where: str  # "file:line", for debugging which rule removed what


@dataclass(frozen=True, slots=True)
class Cleaned:
    """What cleaning found: the body text and, when the head of the text had one, a title."""

    text: str
    title: str | None
    removed: tuple[str, ...]
    head: tuple[str, ...] = ()  # the units before the first sentence (title, byline, date line)


def load_rules(path: str | Path | None = None) -> tuple[Rule, ...]:
    """Read a junk-rules file (default: the packaged ``data/junk.tsv``).

    Raises ``ResourceError`` naming ``file:line`` for an unknown kind, a missing column or a
    regex that does not compile.
    """
    if path is None:
        source = resources.files("tidings").joinpath(JUNK_FILE)
        name, content = f"tidings/{JUNK_FILE}", source.read_text(encoding="utf-8")
    else:
        name, content = str(path), Path(path).read_text(encoding="utf-8")
    rules = []
    for number, line in enumerate(content.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        where = f"{name}:{number}"
        kind, sep, regex = line.partition("\t")
        if not sep or not regex.strip():
            raise ResourceError(f"{where}: expected KIND<TAB>REGEX")
        if kind not in RULE_KINDS:
            raise ResourceError(f"{where}: unknown kind {kind!r} (one of {', '.join(RULE_KINDS)})")
        try:
            pattern = re.compile(regex.strip(), re.IGNORECASE)
        except re.error as err:
            raise ResourceError(f"{where}: invalid regex: {err}") from None
        rules.append(Rule(kind, pattern, where))
    return tuple(rules)


@functools.cache
def _default_rules() -> tuple[Rule, ...]:
    return load_rules()


def repair(text: str) -> str:
    """Fix mojibake, HTML entities, odd spaces and line endings; keep the author's characters."""
    text = ftfy.fix_text(text, _FTFY)
    text = _ZERO_WIDTH.sub("", text)
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(lines)


def _words(unit: str) -> list[str]:
    return _WORD.findall(unit)


def _is_sentence(unit: str) -> bool:
    """Does the unit read as running text of the article (not a headline, label or button)?"""
    words = _words(unit)
    if len(words) >= 25:
        return True
    if len(words) >= 10 and _INNER_SENTENCE_END.search(unit):
        return True  # a paragraph cut off mid-sentence still holds whole sentences
    if len(words) >= 15 and _capitalised(words) < 0.4:
        return True  # running text cut off before its full stop
    if len(words) < 3 or not _TERMINAL.search(unit):
        return False
    if len(words) >= 6 and not unit.endswith(":"):
        return True  # a lede full of names ("… FIBA World Championship … Istanbul on Friday.")
    # Short lines and lines ending in a colon: headlines and labels capitalise most words.
    return _capitalised(words) < 0.6


def _capitalised(words: list[str]) -> float:
    """Share of capitalised content words after the first (high in headlines and menus)."""
    content = [w for w in words[1:] if w.lower() not in _MINOR]
    return sum(1 for w in content if w[0].isupper()) / len(content) if content else 0.0


def _split_units(text: str) -> list[list[str]]:
    """Paragraphs (blank-line separated) as lists of units.

    A block of lines is either one hard-wrapped paragraph (joined with spaces) or a stack of
    separate short lines (menus, headline lists, bylines), each its own unit.
    """
    blocks = []
    for block in re.split(r"\n\s*\n", text):
        lines = [line for line in block.split("\n") if line]
        if not lines:
            continue
        if len(lines) > 1 and _hard_wrapped(lines):
            blocks.append([" ".join(lines)])
        else:
            blocks.append(lines)
    return blocks


def _hard_wrapped(lines: list[str]) -> bool:
    """Lines of one paragraph broken at a fixed width: long, and mostly without a sentence end
    or continuing in lower case."""
    body = lines[:-1]
    long = sum(1 for line in body if len(line) >= 50)
    continued = sum(
        1 for line, nxt in zip(lines, lines[1:], strict=False)
        if not _TERMINAL.search(line) or nxt[:1].islower()
    )  # fmt: skip
    return long >= 0.8 * len(body) and continued >= 0.5 * len(body)


def _match(rules: tuple[Rule, ...], unit: str) -> Rule | None:
    for rule in rules:
        if rule.pattern.fullmatch(unit):
            return rule
    return None


def _furniture_score(unit: str, repeats: int) -> int:
    """Features of page furniture; 2 or more means furniture when the unit is not a sentence."""
    words = _words(unit)
    score = 0
    if repeats > 1 and len(words) < 12:
        score += 2
    if re.search(r"https?://|www\.|\S+@\S+\.\w+", unit):
        score += 2
    if unit.count("|") >= 2 or unit.count("»") >= 2 or unit.count(" > ") >= 2:
        score += 2
    if len(words) <= 3 and not re.search(r"\d", unit) and unit.upper() == unit and words:
        score += 1  # SHARE, MENU, ADVERTISEMENT
    if not words:
        score += 2  # "$1,299", "4.9", "×": prices, ratings and icons of page widgets
    return score


def clean_parts(text: str, *, rules: tuple[Rule, ...] | None = None, trim: bool = True) -> Cleaned:
    """Clean ``text`` and return the body, a title found in its head, and what was removed.

    ``trim=False`` keeps everything around the first and last sentence that no rule removes (for
    text that an HTML extractor already cut to the article).
    """
    rules = _default_rules() if rules is None else rules
    blocks = _split_units(repair(text))
    units = [(b, unit) for b, block in enumerate(blocks) for unit in block]
    counts = Counter(unit.lower() for _, unit in units)
    labels: list[str] = []  # body, keep, junk, end, section, other
    for _, unit in units:
        rule = _match(rules, unit)
        sentence = _is_sentence(unit)
        if rule is not None and rule.kind != "keep":
            labels.append(rule.kind)
        elif rule is not None:
            labels.append("keep")
        elif sentence:
            labels.append("body")
        elif trim and _furniture_score(unit, counts[unit.lower()]) >= 2:
            # (not for text an extractor already cut to the article: there, repeated lines are
            # subheadings and "|" lines are tables)
            labels.append("junk")
        else:
            labels.append("other")
    keep = _decide(labels, [len(_words(unit)) for _, unit in units], trim=trim)
    kept = [units[i] for i in range(len(units)) if keep[i]]
    removed = tuple(units[i][1] for i in range(len(units)) if not keep[i])
    title = _title(units, labels)
    first = labels.index("body") if "body" in labels else len(labels)
    return Cleaned(_join(kept), title, removed, tuple(unit for _, unit in units[:first]))


def _decide(labels: list[str], sizes: list[int], *, trim: bool) -> list[bool]:
    """Which units stay, given their labels (see the module docstring)."""
    body = [i for i, label in enumerate(labels) if label == "body"]
    if not body:
        # Nothing reads as a sentence: keep what no rule removed rather than return nothing.
        return [label in ("other", "keep") for label in labels]
    first, last = body[0], body[-1]
    end = next((i for i in range(first + 1, len(labels)) if labels[i] == "end"), None)
    if end is not None:
        last = max((i for i in body if i < end), default=first)
    if trim:
        first, last = _main_stretch(labels, sizes, first, last)
    keep = [False] * len(labels)
    in_section = False
    for i, label in enumerate(labels):
        if end is not None and i >= end:
            break
        if label == "section":
            in_section = True
            continue
        if label == "body":
            in_section = False
        outside = i < first or i > last
        if label == "keep":
            keep[i] = not (outside and i < first and trim)
        elif label == "body":
            keep[i] = not (trim and outside)
        elif label == "other":
            keep[i] = not in_section and not (trim and outside)
    if trim:
        _keep_credit_after(labels, keep, last, end)
    return keep


def _main_stretch(labels: list[str], sizes: list[int], first: int, last: int) -> tuple[int, int]:
    """The stretch of units between ``first`` and ``last`` that holds the article.

    A whole scraped page has sentences outside the article too (teasers, blurbs in menus and
    footers).  Each sentence counts its words, each unit that is neither a sentence nor removed by
    a rule counts against, and the stretch with the highest total wins (maximum subarray): the
    article is the densest run of running text.
    """
    best, best_span = float("-inf"), (first, last)
    total, start = 0.0, first
    for i in range(first, last + 1):
        if labels[i] == "body":
            weight = float(sizes[i])
        elif labels[i] == "other":
            weight = -STRETCH_PENALTY * max(sizes[i], 1)
        else:
            weight = 0.0
        if total <= 0:
            total, start = 0.0, i
        total += weight
        if total > best and labels[i] == "body":
            best, best_span = total, (start, i)
    return best_span


def _keep_credit_after(labels: list[str], keep: list[bool], last: int, end: int | None) -> None:
    """A wire credit line right after the last sentence stays; nothing junk after it does."""
    stop = len(labels) if end is None else end
    for i in range(last + 1, stop):
        if labels[i] == "keep":
            keep[i] = True
        elif labels[i] != "junk":
            break


def _title(units: list[tuple[int, str]], labels: list[str]) -> str | None:
    """The longest headline-like unit before the first sentence (scraped pages put it there)."""
    head = []
    for (_, unit), label in zip(units, labels, strict=True):
        if label == "body":
            break
        furniture = _BULLET.match(unit) or re.search(r"[|>»•]", unit)
        if label == "other" and 3 <= len(_words(unit)) <= 30 and not furniture:
            head.append(unit)
    return max(head, key=len) if head else None


def _join(units: list[tuple[int, str]]) -> str:
    """Paragraphs separated by a blank line; lines of a list block stay on their own lines."""
    out: list[str] = []
    previous = None
    for block, unit in units:
        if (
            out
            and block == previous
            and _BULLET.match(unit)
            and _BULLET.match(out[-1].split("\n")[-1])
        ):
            out[-1] += "\n" + unit
        else:
            out.append(unit)
        previous = block
    return "\n\n".join(out)


def clean_text(text: str, *, trim: bool = True) -> str:
    """Repair unicode and remove page furniture; paragraphs separated by ``"\\n\\n"``."""
    return clean_parts(text, trim=trim).text


@functools.cache
def _identifier():  # type: ignore[no-untyped-def]
    import py3langid.langid as langid

    return langid.LanguageIdentifier.from_model_file(langid.MODEL_FILE, norm_probs=True)


def detect_language(text: str, *, min_letters: int = 40, min_confidence: float = 0.5) -> str | None:
    """ISO 639-1 code of the text's language, or None when too short or unsure."""
    sample = text[:5000]
    if sum(ch.isalpha() for ch in sample) < min_letters:
        return None
    language, confidence = _identifier().classify(sample)
    return str(language) if confidence >= min_confidence else None


def clean_article(article: Article, *, trim: bool = True) -> Article:
    """The article with cleaned text, a title from the text's head when it had none, and its
    language."""
    parts = clean_parts(article.text, trim=trim)
    title = article.title or parts.title
    return replace(article, text=parts.text, title=title, language=detect_language(parts.text))
