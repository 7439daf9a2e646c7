"""The speech-cue lexicon: which words mark reported speech, read from a documented TSV file.

The format is described at the top of ``data/cues.tsv``.  Loading validates every line and
names ``file:line`` in errors, so an analyst can add cues without reading Python.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from tidings.errors import ResourceError

DEFAULT_CUES = Path(__file__).parent / "data" / "cues.tsv"
USES = ("direct", "indirect", "object", "noun")


@dataclass(frozen=True, slots=True)
class Cue:
    """One cue: ``words[0]`` matches a lemma or lower-case text, the rest follow it."""

    words: tuple[str, ...]
    direct: bool
    indirect: bool
    object: bool = False
    noun: bool = False


@dataclass(frozen=True, slots=True)
class CueLexicon:
    """Cues keyed by their first word, for a quick look-up per token."""

    by_first: dict[str, tuple[Cue, ...]]

    def __len__(self) -> int:
        return sum(len(v) for v in self.by_first.values())


def _parse_line(line: str, where: str) -> Cue:
    cols = line.split("\t")
    if len(cols) != 2:
        raise ResourceError(
            f"expected 2 tab-separated columns (cue, uses), got {len(cols)}", input=where
        )
    words = tuple(cols[0].strip().lower().split())
    if not words:
        raise ResourceError("empty cue", input=where)
    uses = {u.strip() for u in cols[1].split(",") if u.strip()}
    unknown = uses - set(USES)
    if unknown or not uses:
        raise ResourceError(
            f"uses must be one or more of {', '.join(USES)}, got {cols[1].strip()!r}", input=where
        )
    return Cue(
        words=words,
        direct="direct" in uses,
        indirect="indirect" in uses,
        object="object" in uses,
        noun="noun" in uses,
    )


def load_cues(path: str | Path) -> CueLexicon:
    """Read a cue file (format: see ``data/cues.tsv``); errors name ``file:line``."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise ResourceError(
            f"cannot read cue file ({err.__class__.__name__})", input=str(path)
        ) from err
    by_first: dict[str, list[Cue]] = {}
    seen: dict[tuple[str, ...], int] = {}
    for number, raw in enumerate(lines, start=1):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        where = f"{path}:{number}"
        cue = _parse_line(line, where)
        if cue.words in seen:
            raise ResourceError(
                f"cue {' '.join(cue.words)!r} already listed on line {seen[cue.words]}", input=where
            )
        seen[cue.words] = number
        by_first.setdefault(cue.words[0], []).append(cue)
    if not seen:
        raise ResourceError("no cues in file", input=str(path))
    # longest cues first, so "point out" wins over a plain "point" when both are listed
    return CueLexicon(
        {k: tuple(sorted(v, key=lambda c: -len(c.words))) for k, v in by_first.items()}
    )


@lru_cache(maxsize=1)
def default_cues() -> CueLexicon:
    """The cues shipped with tidings (loaded once per process)."""
    return load_cues(DEFAULT_CUES)
