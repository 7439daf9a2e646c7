"""The CAMEO event ontology: every code with its name, Goldstein score, quad class and PLOVER type.

The knowledge lives in two data files beside this module (their format is documented in
``data/README.md``, "Ontology files"):

- ``data/cameo.tsv``: ``code  name  goldstein  quad_class``, one CAMEO code a line;
- ``data/plover.tsv``: ``cameo  plover  mode``, the CAMEO -> PLOVER 2021 map.

``load_ontology()`` reads and validates both once per process and returns an :class:`Ontology`;
any problem is a :class:`~tidings.errors.ResourceError` naming ``file:line`` and the reason.

>>> onto = load_ontology()
>>> onto.get("0256").plover, onto.get("0256").plover_mode
('REQUEST', 'yield')
>>> onto.root("1823").name
'Assault'
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from tidings.errors import ResourceError

logger = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent / "data"
CAMEO_FILE = DATA_DIR / "cameo.tsv"
PLOVER_FILE = DATA_DIR / "plover.tsv"

# The 16 PLOVER 2021 event types, in the order of the PLOVER manual (cooperation to conflict).
PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip

QUAD_CLASSES: dict[int, str] = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}

_CAMEO_COLUMNS = ("code", "name", "goldstein", "quad_class")
_PLOVER_COLUMNS = ("cameo", "plover", "mode")
_CODE_RE = re.compile(r"^(0[1-9]|1[0-9]|20)[0-9]{0,2}$")
_MODE_RE = re.compile(r"^[a-z][a-z_-]*$")


def quad_class_of_root(root: str) -> int:
    """GDELT's quad class of a two-digit CAMEO root: 01-04 → 1, 05-08 → 2, 09-13 → 3, 14-20 → 4."""
    number = int(root)
    if number <= 4:
        return 1
    if number <= 8:
        return 2
    if number <= 13:
        return 3
    return 4


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event category.

    ``code``: the code as text, leading zero kept ("0256"); 2 digits for a root ("02"), 3 for a
    base code ("025"), 4 for a detail code ("0256").  ``goldstein``: -10 (most conflictual) to
    +10 (most cooperative).  ``quad_class``: 1 verbal cooperation, 2 material cooperation,
    3 verbal conflict, 4 material conflict.  ``plover``: the PLOVER 2021 type, or None for the
    statements of root 01 that PLOVER does not code as events.  ``plover_mode``: the PLOVER mode
    ("visit", "ceasefire", …) or None.
    """

    code: str
    name: str
    goldstein: float
    quad_class: int
    plover: str | None
    plover_mode: str | None

    @property
    def root(self) -> str:
        """The two-digit root code ("18" for "1823")."""
        return self.code[:2]

    @property
    def parent(self) -> str | None:
        """The code one level up ("182" for "1823", "18" for "182"), None for a root."""
        return None if len(self.code) == 2 else self.code[:-1]

    @property
    def is_root(self) -> bool:
        return len(self.code) == 2

    def event_fields(self) -> dict[str, str | float | int | None]:
        """The values an ``Event`` copies from its code: ``cameo``, ``cameo_name``, ``plover``,
        ``plover_mode``, ``goldstein``, ``quad_class`` (``plover`` None: emit no event)."""
        return {
            "cameo": self.code,
            "cameo_name": self.name,
            "plover": self.plover,
            "plover_mode": self.plover_mode,
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
        }


class Ontology:
    """All CAMEO codes, looked up by code; built by :func:`load_ontology`."""

    def __init__(self, codes: list[CameoCode]) -> None:
        self._by_code = {c.code: c for c in codes}

    @property
    def codes(self) -> tuple[CameoCode, ...]:
        """Every code, in file order (each root, then its base and detail codes)."""
        return tuple(self._by_code.values())

    @property
    def roots(self) -> tuple[CameoCode, ...]:
        """The 20 two-digit roots, "01" to "20"."""
        return tuple(c for c in self._by_code.values() if c.is_root)

    def __len__(self) -> int:
        return len(self._by_code)

    def __iter__(self) -> Iterator[CameoCode]:
        return iter(self._by_code.values())

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code.strip() in self._by_code

    def find(self, code: str) -> CameoCode | None:
        """The entry for ``code``, or None when there is no such CAMEO code."""
        return self._by_code.get(code.strip())

    def get(self, code: str) -> CameoCode:
        """The entry for ``code``; KeyError naming the code when there is none."""
        entry = self.find(code)
        if entry is None:
            raise KeyError(f"unknown CAMEO code {code!r}")
        return entry

    def root(self, code: str) -> CameoCode:
        """The root entry of ``code`` ("18", Assault, for "1823")."""
        return self.get(self.get(code).root)

    def parent(self, code: str) -> CameoCode | None:
        """The entry one level up, None for a root."""
        up = self.get(code).parent
        return None if up is None else self.get(up)

    def children(self, code: str) -> tuple[CameoCode, ...]:
        """The codes one level below ``code`` ("181" … "186" for "18")."""
        self.get(code)
        return tuple(c for c in self._by_code.values() if c.parent == code)

    def with_plover(self, plover: str) -> tuple[CameoCode, ...]:
        """Every code that maps to the PLOVER type ``plover``."""
        if plover not in PLOVER_TYPES:
            raise KeyError(f"unknown PLOVER type {plover!r}; known: {', '.join(PLOVER_TYPES)}")
        return tuple(c for c in self._by_code.values() if c.plover == plover)


@lru_cache(maxsize=4)
def load_ontology(
    cameo_path: Path | str | None = None, plover_path: Path | str | None = None
) -> Ontology:
    """Read and validate the CAMEO table and the PLOVER map (once per process and pair of paths).

    The defaults are the files shipped with tidings; pass other paths to try edited copies.
    Raises :class:`~tidings.errors.ResourceError` with ``file:line: reason`` on any bad line.
    """
    cameo_file = Path(cameo_path) if cameo_path is not None else CAMEO_FILE
    plover_file = Path(plover_path) if plover_path is not None else PLOVER_FILE
    rows = _read_cameo(cameo_file)
    plover = _read_plover(plover_file, rows)
    codes = [
        CameoCode(code, name, goldstein, quad, *plover[code])
        for code, (name, goldstein, quad, _line) in rows.items()
    ]
    logger.debug("loaded %d CAMEO codes from %s and %s", len(codes), cameo_file, plover_file)
    return Ontology(codes)


def _lines(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[int, list[str]]]:
    """Yield (line number, fields) of a TSV data file after checking its header row.

    Blank lines and lines starting with ``#`` are comments.  The first other line must be the
    header naming ``columns``; every later line must have exactly that many tab-separated fields.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ResourceError(f"cannot read ontology file: {exc}", input=str(path)) from exc
    header_seen = False
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        fields = [f.strip() for f in raw.split("\t")]
        if not header_seen:
            if tuple(fields) != columns:
                raise _error(path, number, f"header must be {' / '.join(columns)} (tab-separated)")
            header_seen = True
            continue
        if len(fields) != len(columns):
            raise _error(
                path, number, f"expected {len(columns)} tab-separated fields, found {len(fields)}"
            )
        yield number, fields
    if not header_seen:
        raise _error(path, 1, f"no header row ({' / '.join(columns)})")


def _read_cameo(path: Path) -> dict[str, tuple[str, float, int, int]]:
    """code -> (name, goldstein, quad_class, line) in file order, every line validated."""
    rows: dict[str, tuple[str, float, int, int]] = {}
    for number, (code, name, goldstein_text, quad_text) in _lines(path, _CAMEO_COLUMNS):
        if not _CODE_RE.match(code):
            raise _error(path, number, f"bad CAMEO code {code!r} (2-4 digits, root 01-20)")
        if code in rows:
            raise _error(path, number, f"duplicate code {code} (first on line {rows[code][3]})")
        if not name:
            raise _error(path, number, f"code {code} has no name")
        goldstein = _goldstein(path, number, code, goldstein_text)
        quad = _quad_class(path, number, code, quad_text)
        rows[code] = (name, goldstein, quad, number)
    for code, (_name, _g, _q, number) in rows.items():
        # A detail code without its base (or a base without its root) means a typo in the code.
        if len(code) > 2 and code[:-1] not in rows:
            raise _error(path, number, f"code {code} has no parent code {code[:-1]} in the file")
    return rows


def _goldstein(path: Path, number: int, code: str, text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise _error(path, number, f"Goldstein score of {code} is not a number: {text!r}") from None
    if not -10.0 <= value <= 10.0:
        raise _error(path, number, f"Goldstein score of {code} is {value}, outside -10..10")
    return value


def _quad_class(path: Path, number: int, code: str, text: str) -> int:
    expected = quad_class_of_root(code[:2])
    if text != str(expected):
        raise _error(
            path,
            number,
            f"quad class of {code} is {text!r}; root {code[:2]} has quad class {expected}",
        )
    return expected


def _read_plover(
    path: Path, cameo: dict[str, tuple[str, float, int, int]]
) -> dict[str, tuple[str | None, str | None]]:
    """cameo code -> (PLOVER type or None, mode or None); every CAMEO code must have one line."""
    mapping: dict[str, tuple[str | None, str | None]] = {}
    seen_on: dict[str, int] = {}
    for number, (code, plover, mode) in _lines(path, _PLOVER_COLUMNS):
        if code not in cameo:
            raise _error(path, number, f"CAMEO code {code!r} is not in {CAMEO_FILE.name}")
        if code in seen_on:
            raise _error(path, number, f"duplicate code {code} (first on line {seen_on[code]})")
        if plover and plover not in PLOVER_TYPES:
            raise _error(
                path, number, f"unknown PLOVER type {plover!r}; known: {', '.join(PLOVER_TYPES)}"
            )
        if mode and not plover:
            raise _error(path, number, f"code {code} has a mode ({mode}) but no PLOVER type")
        if mode and not _MODE_RE.match(mode):
            raise _error(path, number, f"bad PLOVER mode {mode!r} (lower-case word, - or _)")
        seen_on[code] = number
        mapping[code] = (plover or None, mode or None)
    for code, (_name, _g, _q, number) in cameo.items():
        if code not in mapping:
            raise _error(path, 0, f"no line for CAMEO code {code} (cameo.tsv line {number})")
    return mapping


def _error(path: Path, line: int, reason: str) -> ResourceError:
    where = f"{path}:{line}" if line else str(path)
    return ResourceError(reason, input=where)
