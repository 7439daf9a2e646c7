"""A look at the inputs before reading them: how many articles to expect, which files are left out.

``survey(paths)`` walks directories as ``iter_articles`` does and counts cheaply: a text or HTML
file is one article, a JSON Lines file one per non-blank line, a CSV file one per line after the
header (a field with line breaks makes that an overcount).  For WARC files, feeds, ``.json``
documents and stdin the number is not known without reading them, so ``total`` is None and
progress shows no ETA.  Files a directory walk leaves out are listed with the reason, so that
a run can say what it ignored instead of skipping silently.
"""

from __future__ import annotations

import gzip
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tidings.read.source import EXTENSIONS, Source

_CHUNK = 1 << 20
_COUNTED = {"text": "file", "html": "file", "jsonl": "lines", "csv": "rows"}


@dataclass(slots=True)
class Survey:
    """``files``: input files that will be read; ``total``: articles expected, or None when some
    input cannot be counted cheaply; ``ignored``: (path, reason) for files a directory walk
    leaves out."""

    files: int = 0
    total: int | None = 0
    ignored: list[tuple[str, str]] = field(default_factory=list)

    def add(self, count: int | None) -> None:
        self.files += 1
        self.total = None if self.total is None or count is None else self.total + count


def ignored_because(path: Path) -> str | None:
    """Why a directory walk leaves ``path`` out, or None when it is read."""
    if path.name.startswith("."):
        return "hidden file"
    if EXTENSIONS.get(Source(str(path), path).stem_suffix()) is None:
        suffix = "".join(path.suffixes[-2:])
        return f"not an input extension: {suffix}" if suffix else "no file extension"
    return None


def survey(paths: Iterable[str | Path]) -> Survey:
    """What ``iter_articles(paths)`` is about to read (see the module docstring)."""
    found = Survey()
    for name in map(str, paths):
        path = Path(name)
        if name == "-":
            found.add(None)
        elif path.is_dir():
            for directory, subdirs, files in os.walk(path):
                subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
                for file in sorted(files):
                    child = Path(directory, file)
                    reason = ignored_because(child)
                    if reason is None:
                        found.add(_count(child))
                    else:
                        found.ignored.append((str(child), reason))
        elif path.is_file():
            found.add(_count(path))
    return found


def _count(path: Path) -> int | None:
    source = Source(str(path), path)
    kind = EXTENSIONS.get(source.stem_suffix())
    how = _COUNTED.get(kind or "")
    if how is None or source.stem_suffix() == ".json":
        return None
    if how == "file":
        return 1
    try:
        lines = _lines(path)
    except (OSError, EOFError, gzip.BadGzipFile):
        return 0  # the reader reports what is wrong with it
    return max(lines - 1, 0) if how == "rows" else lines


def _lines(path: Path) -> int:
    """Non-blank lines, reading in 1 MB chunks (gzip looked through)."""
    opener = gzip.open if path.suffix.lower() == ".gz" else open
    count, last = 0, b"\n"
    blank = 0
    with opener(path, "rb") as f:
        while chunk := f.read(_CHUNK):
            count += chunk.count(b"\n")
            blank += chunk.count(b"\n\n") + (1 if last == b"\n" and chunk[:1] == b"\n" else 0)
            last = chunk[-1:]
    if last != b"\n":
        count += 1  # a last line without a newline
    return count - blank
