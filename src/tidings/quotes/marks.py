"""Find passages in quote marks in raw text, robustly.

Works on characters, before and independently of the parse, so odd marks can never crash the
parser's view of the text.  Handles straight and curly double marks, « guillemets », „low
marks“, ``LaTeX-style'' pairs, a quote that runs over several paragraphs with the opening mark
repeated at each new paragraph (the wire convention), and single-mark quotes outside double
ones (British style, or "he 'fully agrees' …").  Apostrophes ("the country's", "'90s",
"rock 'n' roll") are not quote marks.  A quote that is never closed ends at its paragraph's
end, so one stray mark cannot swallow the rest of an article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Two-character LaTeX marks first, so "''" is not read as two single marks.
_DOUBLE_MARK = re.compile(r"``|''|[\"“”„«»]")
_SINGLE_MARK = re.compile(r"['‘’‛]")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")

_OPENERS = {"“", "„", "«", "``"}
_CLOSERS = {"”", "»", "''"}
# what may stand right before an opening mark / right after a closing mark
_BEFORE_OPEN = set(" \t\n([{—–-/:;,\u00a0") | _OPENERS | {'"'}
_AFTER_CLOSE = set(" \t\n)]}.,;:!?—–-/\u00a0…") | _CLOSERS | {'"'}


@dataclass(frozen=True, slots=True)
class Marked:
    """A passage in quote marks: content is ``text[start:end]``; marks span ``outer_start:outer_end``.

    ``closed`` is False when no closing mark was found and the passage was cut at its paragraph's
    end.  ``single`` is True for a passage in single marks.
    """

    start: int
    end: int
    outer_start: int
    outer_end: int
    closed: bool = True
    single: bool = False


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph; paragraphs are separated by blank lines."""
    spans, pos = [], 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _char(text: str, i: int) -> str:
    return text[i] if 0 <= i < len(text) else " "


def _looks_open(text: str, start: int, end: int) -> bool:
    return _char(text, start - 1) in _BEFORE_OPEN and not _char(text, end).isspace()


def _looks_close(text: str, start: int, end: int) -> bool:
    return not _char(text, start - 1).isspace() and _char(text, end) in _AFTER_CLOSE


def _role(text: str, mark: re.Match[str], is_open: bool) -> str:
    """'open', 'close' or 'none' (ignore) for one double mark, given whether a quote is open."""
    sym, s, e = mark.group(), mark.start(), mark.end()
    if not is_open and sym not in ("«", "»") and _char(text, e).isspace():
        return "none"  # nothing opens on a space (French « » excepted): a stray mark
    if sym in _OPENERS:
        # a curly opener used as a closer (a common typesetting slip)
        if is_open and _looks_close(text, s, e) and not _looks_open(text, s, e):
            return "close"
        return "open"
    if sym in _CLOSERS:
        if not is_open and _looks_open(text, s, e) and not _looks_close(text, s, e):
            return "open"
        return "close"
    # a straight mark: its context decides when it can, else it toggles
    if _looks_open(text, s, e) and not _looks_close(text, s, e):
        return "open"
    if _looks_close(text, s, e) and not _looks_open(text, s, e):
        return "close"
    return "close" if is_open else "open"


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Content without surrounding space, nor the comma that US style puts inside the marks."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def _double_quotes(text: str, paras: list[tuple[int, int]]) -> list[Marked]:
    found: list[Marked] = []
    open_at: int | None = None  # index of the opening mark of the quote now open
    open_len = 0
    prev_end = 0
    for p_start, p_end in paras:
        marks = list(_DOUBLE_MARK.finditer(text, p_start, p_end))
        if open_at is not None:
            first = marks[0] if marks else None
            continues = (
                first is not None
                and not text[p_start : first.start()].strip()
                and _role(text, first, False) == "open"
            )
            if continues:
                marks = marks[1:]  # the repeated opening mark of a continued quote
            else:  # never closed: the quote ends with its paragraph
                s, e = _trimmed(text, open_at + open_len, prev_end)
                if e > s:
                    found.append(Marked(s, e, open_at, prev_end, closed=False))
                open_at = None
        for mark in marks:
            role = _role(text, mark, open_at is not None)
            if role == "open":
                # an opener inside an open quote: the earlier mark was stray, start again here
                open_at, open_len = mark.start(), len(mark.group())
            elif role == "close" and open_at is not None:
                s, e = _trimmed(text, open_at + open_len, mark.start())
                if e > s:
                    found.append(Marked(s, e, open_at, mark.end()))
                open_at = None
            # a closer with nothing open is stray: ignore it
        prev_end = p_end
    if open_at is not None:
        s, e = _trimmed(text, open_at + open_len, prev_end)
        if e > s:
            found.append(Marked(s, e, open_at, prev_end, closed=False))
    return found


def _single_role(text: str, s: int) -> str | None:
    """'open', 'close' or None (an apostrophe) for a single mark at ``s``."""
    before, after = _char(text, s - 1), _char(text, s + 1)
    if before.isalnum() and after.isalnum():
        return None  # the country's, don't, rock'n'roll
    if after.isdigit():
        return None  # '90s
    if before in _BEFORE_OPEN and after.isalpha():
        return "open"
    if not before.isspace() and after in _AFTER_CLOSE:
        return "close"
    return None


def _inside(pos: int, spans: list[Marked]) -> bool:
    return any(m.outer_start <= pos < m.outer_end for m in spans)


def _single_quotes(text: str, paras: list[tuple[int, int]], doubles: list[Marked]) -> list[Marked]:
    taken = {m.outer_start for m in doubles} | {m.outer_end - 1 for m in doubles}
    found: list[Marked] = []
    for p_start, p_end in paras:
        open_at: int | None = None
        for mark in _SINGLE_MARK.finditer(text, p_start, p_end):
            s = mark.start()
            if s in taken or _inside(s, doubles):
                continue  # part of a LaTeX '' mark, or a quote nested inside a double quote
            role = _single_role(text, s)
            if role == "open" and open_at is None:
                open_at = s
            elif role == "close" and open_at is not None:
                cs, ce = _trimmed(text, open_at + 1, s)
                # content must hold a word and must not cross a double quote
                if (
                    ce > cs
                    and any(ch.isalpha() for ch in text[cs:ce])
                    and not any(open_at < m.outer_start < s for m in doubles)
                ):
                    found.append(Marked(cs, ce, open_at, s + 1, single=True))
                open_at = None
        # an unclosed single mark is most likely an apostrophe ('em, goin'): no quote
    return found


def find_marked(text: str) -> list[Marked]:
    """All passages in quote marks, in text order (nested quotes stay inside their outer one)."""
    paras = paragraphs(text)
    doubles = _double_quotes(text, paras)
    singles = _single_quotes(text, paras, doubles)
    return sorted(doubles + singles, key=lambda m: m.start)
