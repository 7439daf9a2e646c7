"""Actor dictionaries: countries, organisations, sector words, titles and people, and their lookup.

The knowledge lives in TSV files (``tidings/actors/data/``, documented in its ``README.md``);
this module reads and validates them, and answers two questions for the resolver: what does this
exact phrase name (``lookup``), and what is the longest dictionary phrase that starts at this
token (``longest_match``).  It does not decide between competing readings ("Georgia" the country
or the US state, "Jordan" the person or the country): it returns every entry, the reading
``ambiguous.tsv`` prefers first, and the resolver chooses with the context.  Names of places
that are not actors ("South China Sea", ``places.tsv``) are entries too, so that the longest
match covers them and the country word inside is not read as the country.

Matching rules (see the data README for the analyst's version):

* case follows the dictionary: a word written in lower case in the dictionary ("troops",
  "foreign minister", the "al" of "al-Qaeda") matches text in any case; a capitalised word
  ("China", "Turkey", "Malé") matches capitalised or all-capital text but not lower-case text,
  so "turkey" (the bird), "china" (the porcelain) and "male" are not countries; an abbreviation
  of at most three letters written in capitals ("US", "UN", "EU", "U.K.") matches only text
  written in capitals, so "us" and "Us" are not USA;
* dots are ignored ("U.S." = "US", "D.C." = "DC"), and so are apostrophes inside a word
  ("Cote d'Ivoire" = "Cote dIvoire");
* accents and special letters are folded ("Erdoğan" = "Erdogan", "Côte" = "Cote", "ß" = "ss");
* hyphens and spaces are the same ("al-Qaeda" = "al Qaeda"), whether the hyphen is its own token
  (spaCy: "al", "-", "Qaeda") or inside one ("U.S.-led": the match ends inside the token and the
  whole token is covered);
* a leading "the" is optional: entries are stored without it, and ``longest_match`` starting at
  "the" covers it ("the Kremlin" = "Kremlin");
* a possessive "'s" attached to a word ("China's") is ignored; as a token of its own (spaCy
  splits "China's" into "China" + "'s") it is simply not part of the match.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import re
import unicodedata
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from tidings.errors import ResourceError

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent / "data"

# The header of each kind of file: a file's kind is recognised from it, so a user file of any
# kind can be passed by path.
HEADERS: dict[str, tuple[str, ...]] = {
    "countries": ("iso3", "code", "name", "aliases", "adjectives", "capitals", "status"),
    "organizations": ("code", "name", "aliases", "sector", "country"),
    "sectors": ("phrase", "sector", "note"),
    "titles": ("title", "sector", "note"),
    "people": ("name", "aliases", "country", "code", "role", "start", "end"),
    "regions": ("region", "aliases", "country", "sector", "context", "note"),
    "places": ("place", "kind", "note"),
    "ambiguous": ("phrase", "prefer", "note"),
}
# Countries first: the other kinds refer to their ISO codes.
_KIND_ORDER = (
    "countries", "organizations", "sectors", "titles", "people", "regions", "places", "ambiguous"
)  # fmt: skip

# What a place that is not an actor can be (``places.tsv``, column ``kind``).
PLACE_KINDS = frozenset(
    "sea ocean gulf bay strait channel canal lake river basin delta valley peninsula island "
    "mountains desert region".split()
)

STATUSES = frozenset({"member", "observer", "territory", "historical"})

# CAMEO agent (sector) codes as documented in data/README.md.  A sector outside this list is
# accepted with a warning: CAMEO has more specialised codes than we list, but a typo ("GVO")
# should not pass silently.
AGENT_CODES = frozenset(
    "GOV MIL REB OPP PTY COP JUD LEG MED BUS CVL EDU ELI HLH HRI LAB MOD RAD REF REL SPY UAF "
    "CRM AGR DEV ENV IGO NGO IMG MNC INS".split()
)

_ISO3 = re.compile(r"^[A-Z]{3}$")
_CODE = re.compile(r"^[A-Z0-9]{3,}$")
_ARTICLES = frozenset({"the"})
# Letters that NFKD does not decompose into a base letter plus an accent.
_FOLD = str.maketrans(
    {"ı": "i", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ß": "ss", "æ": "ae",
     "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "ð": "d", "ħ": "h"}
)  # fmt: skip
_APOSTROPHES = "'’‘`´ʼ"
_HAS_APOSTROPHE = re.compile(f"[{_APOSTROPHES}]")
_POSSESSIVE = re.compile(f"[{_APOSTROPHES}][sS]$")
_APOSTROPHE = re.compile(f"[{_APOSTROPHES}]")
_SEPARATORS = frozenset({"-", "–", "‐", "'", "’"})
_SPLIT = re.compile(r"[\s\-‐‑‒–—]+")


@dataclass(frozen=True, slots=True)
class Country:
    """A state, observer or territory (``countries.tsv``); ``code`` is its CAMEO country code."""

    iso3: str
    code: str
    name: str
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...]
    capitals: tuple[str, ...]
    status: str


@dataclass(frozen=True, slots=True)
class Org:
    """An IGO, NGO, armed group or media outlet (``organizations.tsv``)."""

    code: str
    name: str
    aliases: tuple[str, ...]
    sector: str | None
    country: str | None


@dataclass(frozen=True, slots=True)
class Role:
    """One role a person held from ``start`` to ``end`` (inclusive; None = open)."""

    role: str
    country: str | None
    code: str
    start: date | None
    end: date | None

    def holds_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def distance(self, day: date) -> int:
        """Days between ``day`` and this role's term (0 inside it)."""
        if self.start is not None and day < self.start:
            return (self.start - day).days
        if self.end is not None and day > self.end:
            return (day - self.end).days
        return 0


def _sector_of(code: str) -> str:
    """The sector part of an actor code: "USAGOV" → "GOV", "IGOUNO" → "IGO"."""
    if code[:3] in {"IGO", "NGO", "IMG", "MNC"}:
        return code[:3]
    return code[3:6]


def _as_date(day: date | str | None) -> date | None:
    """A date from an article's ISO date string ("2024-03-01" or a longer timestamp)."""
    if day is None or isinstance(day, date):
        return day
    try:
        return date.fromisoformat(day[:10])
    except ValueError:
        log.debug("not an ISO date: %r; using the latest roles", day)
        return None


@dataclass(frozen=True, slots=True)
class Person:
    """A person with date-bounded roles (rows of the same ``name`` in ``people/*.tsv``)."""

    name: str
    aliases: tuple[str, ...]
    roles: tuple[Role, ...]

    def _latest(self) -> Role | None:
        # A role without a start counts as the oldest; an open end as the newest.
        return max(
            self.roles,
            key=lambda r: (r.start or date.min, r.end or date.max),
            default=None,
        )

    def role_on(self, day: date | str | None) -> Role | None:
        """The role held on ``day`` (the latest-starting one if several); None when out of office.

        ``day`` may be an ISO date string (an article's ``date``).  With ``day`` None (an undated
        article, or a date string that is not ISO) the latest role is taken.
        """
        day = _as_date(day)
        if day is None:
            return self._latest()
        held = [r for r in self.roles if r.holds_on(day)]
        return max(held, key=lambda r: r.start or date.min, default=None)

    def actor_code(self, day: date | str | None) -> tuple[str, str | None, str]:
        """(code, country, sector) for this person on ``day``.

        In office: the role's code.  Out of office: ``{country}ELI`` (an elite without office),
        with the country of the role nearest in time.
        """
        day = _as_date(day)
        role = self.role_on(day)
        if role is not None:
            return role.code, role.country, _sector_of(role.code)
        assert day is not None  # role_on(None) only fails for a person without roles
        nearest = min(
            self.roles, key=lambda r: (r.distance(day), -(r.start or date.min).toordinal())
        )
        country = nearest.country
        return f"{country or ''}ELI", country, "ELI"


@dataclass(frozen=True, slots=True)
class Sector:
    """A sector word or phrase ("troops" → MIL) from ``sectors.tsv``."""

    phrase: str
    sector: str


@dataclass(frozen=True, slots=True)
class Title:
    """A title before or after a name ("Foreign Minister" → GOV) from ``titles.tsv``."""

    phrase: str
    sector: str


@dataclass(frozen=True, slots=True)
class Region:
    """A part of a country whose name stands for that country's actors (``regions.tsv``): a US
    state, a Canadian province.  ``code`` is the country's CAMEO code; ``sector`` what the bare
    name stands for as an actor ("California sued" → the state government, GOV); ``context``
    words that, near the name or in the article, show the region is meant where its name is
    also a country's ("Atlanta" for Georgia)."""

    name: str
    aliases: tuple[str, ...]
    country: str
    code: str
    sector: str | None
    context: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Place:
    """A geographic name that is not an actor though it holds a country's name ("South China
    Sea", "Gulf of Mexico"), from ``places.tsv``: matching it keeps the country word inside it
    from being read as the country."""

    phrase: str
    kind: str


@dataclass(frozen=True, slots=True)
class Entry:
    """What a phrase names.

    ``kind``: "country" (a name or alias), "adjective" (adjective or demonym), "capital" (a
    capital or seat of government standing for the government), "org", "person", "sector",
    "title", "region" (a part of a country: a US state), "place" (a geographic name that is no
    actor: a sea, a gulf).
    """

    kind: str
    value: Country | Org | Person | Sector | Title | Region | Place

    @property
    def country(self) -> str | None:
        """The ISO code of the country this entry belongs to, if any."""
        value = self.value
        if isinstance(value, Country):
            return value.iso3
        if isinstance(value, Org | Region):
            return value.country
        return None


# ---------------------------------------------------------------------------------------------
# Normalisation


def _fold(text: str) -> str:
    """Strip accents and fold special letters, keeping case."""
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(c for c in text if not unicodedata.combining(c))


def _pieces(text: str) -> list[str]:
    """A word or phrase as comparable pieces, case kept: split on spaces and hyphens, dots and
    apostrophes removed, a trailing possessive dropped.  Punctuation-only pieces vanish."""
    out = []
    for raw in _SPLIT.split(_fold(text)):
        piece = raw.replace(".", "")
        if _HAS_APOSTROPHE.search(piece):
            piece = _APOSTROPHE.sub("", _POSSESSIVE.sub("", piece))
        if any(c.isalnum() for c in piece):
            out.append(piece)
    return out


# How a piece's case constrains the text it matches (see the module docstring).
_ANY, _CAPITAL, _UPPER = 0, 1, 2


@functools.lru_cache(maxsize=1 << 16)
def _word(word: str) -> tuple[tuple[str, int], ...]:
    """A text token as (lower-case piece, case level) pairs; cached: news repeats its words."""
    return tuple((p.casefold(), _case_level(p)) for p in _pieces(word))


def _caps_only(pieces: list[str]) -> bool:
    """An abbreviation of at most three letters written in capitals ("US", "U.N.", "the UN")."""
    letters = "".join(pieces)
    return 0 < len(letters) <= 3 and letters.isalpha() and letters.isupper()


def _case_level(piece: str) -> int:
    """What a text piece offers: _UPPER (all capitals), _CAPITAL (starts with one), else _ANY."""
    if piece.isupper():
        return _UPPER
    first = piece[0] if piece[0].isalpha() else next((c for c in piece if c.isalpha()), None)
    if first is None:
        return _UPPER  # digits satisfy every case requirement
    return _CAPITAL if first.isupper() else _ANY


def _phrase_pieces(phrase: str) -> list[str]:
    """The pieces of a dictionary phrase, case kept, without a leading "the"."""
    pieces = _pieces(phrase)
    while len(pieces) > 1 and pieces[0].casefold() in _ARTICLES:
        pieces = pieces[1:]
    return pieces


def _signature(pieces: list[str]) -> tuple[int, ...]:
    """What each piece of a dictionary phrase requires of the text."""
    if _caps_only(pieces):
        return tuple(_UPPER for _ in pieces)
    return tuple(min(_case_level(p), _CAPITAL) for p in pieces)


def _key(phrase: str) -> tuple[str, ...]:
    """The lookup key of a dictionary phrase: lower-case pieces without a leading "the"."""
    return tuple(p.casefold() for p in _phrase_pieces(phrase))


def phrase_key(phrase: str) -> tuple[str, ...]:
    """A phrase as the lower-case pieces the matching rules compare ("U.S.-led" → ("us",
    "led")): dots and possessives dropped, hyphens = spaces, accents folded."""
    return tuple(p.casefold() for p in _pieces(phrase))


# ---------------------------------------------------------------------------------------------
# Reading files


@dataclass
class _Row:
    path: str
    line: int
    cells: dict[str, str]

    def where(self) -> str:
        return f"{self.path}:{self.line}"

    def fail(self, reason: str) -> ResourceError:
        return ResourceError(f"{self.where()}: {reason}")

    def get(self, column: str) -> str:
        return self.cells[column]

    def required(self, column: str) -> str:
        value = self.cells[column]
        if not value:
            raise self.fail(f"empty '{column}' (required)")
        return value

    def items(self, column: str) -> tuple[str, ...]:
        return tuple(v.strip() for v in self.cells[column].split(";") if v.strip())

    def day(self, column: str) -> date | None:
        value = self.cells[column]
        if not value:
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise self.fail(f"bad date in '{column}': {value!r} (expected YYYY-MM-DD)") from None


@dataclass
class _File:
    path: str
    kind: str
    rows: list[_Row]
    digest: bytes


def _read_tsv(path: Path) -> _File:
    """Read one dictionary file, recognising its kind from the header line."""
    try:
        data = path.read_bytes()
        text = data.decode("utf-8-sig")
    except OSError as exc:
        raise ResourceError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except UnicodeDecodeError as exc:
        raise ResourceError(f"{path}: not UTF-8 (byte {exc.start})") from None
    name = str(path)
    kind: str | None = None
    columns: tuple[str, ...] = ()
    rows: list[_Row] = []
    for number, line in enumerate(text.splitlines(), start=1):
        # Only the line break is stripped: a trailing tab is an empty last cell.
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if kind is None:
            header = tuple(c.lower() for c in cells)
            kind = next((k for k, cols in HEADERS.items() if cols == header), None)
            if kind is None:
                known = "; ".join(" ".join(cols) for cols in HEADERS.values())
                raise ResourceError(
                    f"{name}:{number}: unknown header {' '.join(cells)!r} (expected one of: {known})"
                )
            columns = HEADERS[kind]
            continue
        if len(cells) > len(columns):
            raise ResourceError(
                f"{name}:{number}: {len(cells)} columns, the {kind} header has {len(columns)}"
            )
        # Editors that trim trailing whitespace eat empty last cells: treat missing ones as empty.
        cells += [""] * (len(columns) - len(cells))
        rows.append(_Row(name, number, dict(zip(columns, cells, strict=True))))
    if kind is None:
        raise ResourceError(f"{name}: no header line (an empty dictionary file?)")
    return _File(name, kind, rows, hashlib.sha1(data).digest())


def _expand(paths: Iterable[str | Path]) -> list[Path]:
    """Files named by the user: a directory stands for every ``*.tsv`` below it."""
    out: list[Path] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            out.extend(sorted(path.rglob("*.tsv")))
        elif path.is_file():
            out.append(path)
        else:
            raise ResourceError(f"{path}: no such dictionary file or folder")
    return out


def _packaged_files() -> list[Path]:
    names = (
        "countries", "organizations", "sectors", "titles", "regions", "cities", "places", "ambiguous"
    )  # fmt: skip
    files = [DATA_DIR / f"{k}.tsv" for k in names]
    return [f for f in files if f.is_file()] + sorted((DATA_DIR / "people").glob("*.tsv"))


# ---------------------------------------------------------------------------------------------
# Parsing rows into values


def _check_sector(row: _Row, column: str) -> str:
    sector = row.required(column)
    if not re.fullmatch(r"[A-Z]{3}", sector):
        raise row.fail(f"bad sector {sector!r} (three capital letters, e.g. GOV)")
    if sector not in AGENT_CODES:
        log.warning("%s: sector %s is not one of the documented agent codes", row.where(), sector)
    return sector


def _country_ref(row: _Row, column: str, countries: dict[str, Country]) -> str | None:
    iso3 = row.get(column)
    if not iso3:
        return None
    if not _ISO3.match(iso3):
        raise row.fail(f"bad ISO code in '{column}': {iso3!r} (three capital letters)")
    if iso3 not in countries:
        raise row.fail(f"unknown country {iso3!r} in '{column}' (not in any countries file)")
    return iso3


def _parse_country(row: _Row) -> Country:
    iso3 = row.required("iso3")
    if not _ISO3.match(iso3):
        raise row.fail(f"bad ISO code {iso3!r} (three capital letters)")
    code = row.get("code") or iso3
    if not _CODE.match(code):
        raise row.fail(f"bad code {code!r} (capital letters and digits)")
    status = row.required("status")
    if status not in STATUSES:
        raise row.fail(f"bad status {status!r} (one of {', '.join(sorted(STATUSES))})")
    return Country(
        iso3=iso3,
        code=code,
        name=row.required("name"),
        aliases=row.items("aliases"),
        adjectives=row.items("adjectives"),
        capitals=row.items("capitals"),
        status=status,
    )


def _parse_org(row: _Row, countries: dict[str, Country]) -> Org:
    code = row.required("code")
    if not _CODE.match(code):
        raise row.fail(f"bad code {code!r} (capital letters and digits)")
    return Org(
        code=code,
        name=row.required("name"),
        aliases=row.items("aliases"),
        sector=_check_sector(row, "sector") if row.get("sector") else None,
        country=_country_ref(row, "country", countries),
    )


def _parse_region(row: _Row, countries: dict[str, Country]) -> Region:
    iso3 = _country_ref(row, "country", countries)
    if iso3 is None:
        raise row.fail("empty 'country' (required)")
    return Region(
        name=row.required("region"),
        aliases=row.items("aliases"),
        country=iso3,
        code=countries[iso3].code,
        sector=_check_sector(row, "sector") if row.get("sector") else None,
        context=row.items("context"),
    )


def _parse_place(row: _Row) -> Place:
    kind = row.required("kind")
    if kind not in PLACE_KINDS:
        raise row.fail(f"bad kind {kind!r} (one of {', '.join(sorted(PLACE_KINDS))})")
    return Place(row.required("place"), kind)


@dataclass(frozen=True, slots=True)
class _Preference:
    phrase: str
    prefer: str
    where: str


def _parse_preference(row: _Row, countries: dict[str, Country]) -> _Preference:
    prefer = _country_ref(row, "prefer", countries)
    if prefer is None:
        raise row.fail("empty 'prefer' (required)")
    return _Preference(row.required("phrase"), prefer, row.where())


def _parse_role(row: _Row, countries: dict[str, Country]) -> Role:
    code = row.required("code")
    if not _CODE.match(code) or len(code) < 6:
        raise row.fail(f"bad code {code!r} (an actor code such as USAGOV or IGOUNO)")
    start, end = row.day("start"), row.day("end")
    if start and end and start > end:
        raise row.fail(f"start {start} is after end {end}")
    return Role(
        role=row.required("role"),
        country=_country_ref(row, "country", countries),
        code=code,
        start=start,
        end=end,
    )


def _unique(rows: list[_Row], column: str, seen: dict[str, str]) -> None:
    """Raise on a value of ``column`` repeated within one file."""
    for row in rows:
        value = row.get(column)
        if value in seen:
            raise row.fail(f"duplicate {column} {value!r} (first at {seen[value]})")
        seen[value] = row.where()


# ---------------------------------------------------------------------------------------------
# The dictionary


class _Node:
    __slots__ = ("children", "entries")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        # (entry, signature): the case each piece of the entry's phrase requires of the text.
        self.entries: list[tuple[Entry, tuple[int, ...]]] = []


@dataclass
class ActorDictionary:
    """Every loaded dictionary file, indexed for phrase lookup.  Build it with ``load()``."""

    version: str
    files: tuple[str, ...]
    countries: dict[str, Country]
    orgs: dict[str, Org]
    people: tuple[Person, ...]
    sectors: tuple[Sector, ...] = ()
    titles: tuple[Title, ...] = ()
    regions: dict[str, Region] = field(default_factory=dict)
    places: tuple[Place, ...] = ()
    # phrase key → the ISO code of the reading to prefer when the context does not choose
    preferences: dict[tuple[str, ...], str] = field(default_factory=dict)
    max_phrase_words: int = 0
    _root: _Node = field(default_factory=_Node, repr=False)

    def __repr__(self) -> str:
        return (
            f"ActorDictionary(version={self.version!r}, countries={len(self.countries)}, "
            f"orgs={len(self.orgs)}, people={len(self.people)}, sectors={len(self.sectors)}, "
            f"titles={len(self.titles)}, regions={len(self.regions)}, places={len(self.places)}, "
            f"files={len(self.files)})"
        )

    # -- loading -----------------------------------------------------------------------------

    @classmethod
    def load(cls, extra: Sequence[str | Path] = ()) -> ActorDictionary:
        """The packaged dictionaries plus the user's files or folders in ``extra``.

        A user file's kind is recognised from its header.  A row whose key (ISO code, org code,
        phrase) an earlier file already defined replaces it, so users can correct packaged
        entries; within one file a repeated key is an error.  The default (no ``extra``) is
        loaded once per process; with ``extra``, the same files unchanged on disk (same size and
        modification time) give the same object back.
        """
        if not extra:
            return _load_default()
        paths = _packaged_files() + _expand(extra)
        return _load_files(tuple((str(p), _stamp(p)) for p in paths))

    @classmethod
    def _build(cls, paths: list[Path]) -> ActorDictionary:
        files = [_read_tsv(p) for p in paths]
        by_kind = {k: [f for f in files if f.kind == k] for k in _KIND_ORDER}
        countries = _merge(by_kind["countries"], "iso3", _parse_country, lambda c: c.iso3)
        orgs = _merge(
            by_kind["organizations"], "code", lambda r: _parse_org(r, countries), lambda o: o.code
        )
        sectors = _merge(
            by_kind["sectors"],
            "phrase",
            lambda r: Sector(r.required("phrase"), _check_sector(r, "sector")),
            lambda v: _key(v.phrase),  # a user's spelling variant replaces ours
        )
        titles = _merge(
            by_kind["titles"],
            "title",
            lambda r: Title(r.required("title"), _check_sector(r, "sector")),
            lambda v: _key(v.phrase),
        )
        people = _people(by_kind["people"], countries)
        regions = _merge(
            by_kind["regions"], "region", lambda r: _parse_region(r, countries), lambda v: v.name
        )
        places = _merge(by_kind["places"], "place", _parse_place, lambda v: _key(v.phrase))
        preferences = _merge(
            by_kind["ambiguous"],
            "phrase",
            lambda r: _parse_preference(r, countries),
            lambda v: _key(v.phrase),
        )
        digest = hashlib.sha1()
        for f in files:
            digest.update(f.digest)
        d = cls(
            version=digest.hexdigest()[:12],
            files=tuple(f.path for f in files),
            countries=countries,
            orgs=orgs,
            people=people,
            sectors=tuple(sectors.values()),
            titles=tuple(titles.values()),
            regions=regions,
            places=tuple(places.values()),
        )
        d._index()
        d._prefer(list(preferences.values()))
        log.info(
            "actor dictionary %s: %d countries, %d organisations, %d people, %d sector words, "
            "%d titles, %d regions, %d places from %d files",
            d.version, len(countries), len(orgs), len(people), len(sectors), len(titles),
            len(regions), len(places), len(files),
        )  # fmt: skip
        return d

    # -- indexing ----------------------------------------------------------------------------

    def _add(self, phrase: str, entry: Entry) -> None:
        pieces = _phrase_pieces(phrase)
        if not pieces:
            return
        node = self._root
        for piece in pieces:
            node = node.children.setdefault(piece.casefold(), _Node())
        signature = _signature(pieces)
        # The same value under two spellings of one key ("US" and "U.S.") is one entry; it
        # matches whatever either spelling matches.
        for i, (old, sig) in enumerate(node.entries):
            if (old.kind == entry.kind and old.value is entry.value) or _same_word(old, entry):
                node.entries[i] = (old, tuple(map(min, sig, signature)))
                return
        node.entries.append((entry, signature))
        self.max_phrase_words = max(self.max_phrase_words, len(pieces))

    def _index(self) -> None:
        for c in self.countries.values():
            for phrase in (c.name, *c.aliases):
                self._add(phrase, Entry("country", c))
            for phrase in c.adjectives:
                self._add(phrase, Entry("adjective", c))
            for phrase in c.capitals:
                self._add(phrase, Entry("capital", c))
        for o in self.orgs.values():
            for phrase in (o.name, *o.aliases):
                self._add(phrase, Entry("org", o))
        for p in self.people:
            for phrase in (p.name, *p.aliases):
                self._add(phrase, Entry("person", p))
        for s in self.sectors:
            self._add(s.phrase, Entry("sector", s))
        for t in self.titles:
            self._add(t.phrase, Entry("title", t))
        for r in self.regions.values():
            for phrase in (r.name, *r.aliases):
                self._add(phrase, Entry("region", r))
        for place in self.places:
            self._add(place.phrase, Entry("place", place))

    def _prefer(self, preferences: list[_Preference]) -> None:
        """Put the preferred reading of each ambiguous phrase first (``ambiguous.tsv``)."""
        for pref in preferences:
            key = _key(pref.phrase)
            node: _Node | None = self._root
            for piece in key:
                node = node.children.get(piece) if node else None
            if node is None or not any(e.country == pref.prefer for e, _ in node.entries):
                raise ResourceError(
                    f"{pref.where}: no reading of {pref.phrase!r} belongs to {pref.prefer} "
                    "(the phrase must be a name, adjective, capital or region of that country)"
                )
            node.entries.sort(key=lambda item: item[0].country != pref.prefer)
            self.preferences[key] = pref.prefer

    # -- queries -----------------------------------------------------------------------------

    def country(self, iso3: str) -> Country | None:
        return self.countries.get(iso3)

    def lookup(self, phrase: str) -> list[Entry]:
        """Every entry whose phrase is ``phrase`` (normalised as the matching rules say).

        Of several readings of an ambiguous name ("Congolese": COD, COG) the one
        ``ambiguous.tsv`` prefers comes first; ``longest_match`` orders them the same way."""
        pieces = _pieces(phrase)
        while len(pieces) > 1 and pieces[0].casefold() in _ARTICLES:
            pieces = pieces[1:]
        node: _Node | None = self._root
        for piece in pieces:
            node = node.children.get(piece.casefold()) if node else None
        if node is None or not pieces:
            return []
        return _fitting(node, [_case_level(p) for p in pieces])

    def longest_match(self, words: Sequence[str], start: int) -> tuple[int, list[Entry]] | None:
        """The longest dictionary phrase that begins at ``words[start]``.

        ``words`` are token texts.  Returns ``(end, entries)`` with ``words[start:end]`` the
        match (a leading "the" included), or None.  Separator tokens ("-", "'") inside a phrase
        are skipped; a match may end inside a hyphenated token ("U.S.-led"), which it covers.
        """
        if not 0 <= start < len(words):
            return None
        first = start
        # A leading article is covered by the match but not part of the key.
        if words[start].casefold() in _ARTICLES and start + 1 < len(words):
            first = start + 1
        best: tuple[int, list[Entry]] | None = None
        node = self._root
        levels: list[int] = []
        for i in range(first, len(words)):
            pieces = _word(words[i])
            if not pieces:
                if i == first or words[i].strip() not in _SEPARATORS:
                    break
                continue  # a separator token inside a phrase: "al", "-", "Qaeda"
            for piece, level in pieces:
                nxt = node.children.get(piece)
                if nxt is None:
                    return best
                node = nxt
                levels.append(level)
                found = _fitting(node, levels)
                if found:
                    best = (i + 1, found)
        return best


def _same_word(a: Entry, b: Entry) -> bool:
    """Two spellings of one sector word or title ("secretary-general", "secretary general")."""
    return (
        a.kind == b.kind
        and isinstance(a.value, Sector | Title)
        and isinstance(b.value, Sector | Title)
        and a.value.sector == b.value.sector
    )


def _fitting(node: _Node, levels: list[int]) -> list[Entry]:
    """The entries at ``node`` whose case requirements the text's pieces meet."""
    return [
        e
        for e, sig in node.entries
        if all(have >= need for have, need in zip(levels, sig, strict=True))
    ]


def _merge(
    files: list[_File],
    column: str,
    parse: Callable[[_Row], Any],
    key: Callable[[Any], Hashable],
) -> dict[Hashable, Any]:
    """Parse the rows of several files of one kind; a later file replaces an earlier file's key."""
    out: dict[Hashable, Any] = {}
    source: dict[Hashable, str] = {}
    for f in files:
        _unique(f.rows, column, {})
        for row in f.rows:
            value = parse(row)
            k = key(value)
            if k in source and source[k] != f.path:
                log.info(
                    "%s: %s %r replaces the entry of %s",
                    row.where(),
                    column,
                    row.get(column),
                    source[k],
                )
            out[k] = value
            source[k] = f.path
    if column == "iso3":
        _unique_codes(files, out)
    return out


def _unique_codes(files: list[_File], countries: dict[str, Country]) -> None:
    """Two countries must not share a CAMEO code (the code is what events carry)."""
    seen: dict[str, str] = {}
    rows = {row.get("iso3"): row for f in files for row in f.rows}
    for iso3, c in countries.items():
        if c.code in seen and seen[c.code] != iso3:
            raise rows[iso3].fail(f"duplicate code {c.code!r} (also used by {seen[c.code]})")
        seen[c.code] = iso3


def _people(files: list[_File], countries: dict[str, Country]) -> tuple[Person, ...]:
    """Group role rows by canonical name; aliases may sit on any row of the person."""
    names: dict[str, tuple[list[str], list[Role]]] = {}
    for f in files:
        for row in f.rows:
            name = row.required("name")
            aliases, roles = names.setdefault(name, ([], []))
            for alias in row.items("aliases"):
                if alias not in aliases:
                    aliases.append(alias)
            role = _parse_role(row, countries)
            if role not in roles:  # a user file may repeat a packaged row
                roles.append(role)
    return tuple(
        Person(name, tuple(aliases), tuple(sorted(roles, key=lambda r: r.start or date.min)))
        for name, (aliases, roles) in names.items()
    )


@functools.cache
def _load_default() -> ActorDictionary:
    return ActorDictionary._build(_packaged_files())


def _stamp(path: Path) -> tuple[int, int]:
    try:
        st = path.stat()
    except OSError:
        return (-1, -1)  # _read_tsv reports the error
    return (st.st_mtime_ns, st.st_size)


@functools.lru_cache(maxsize=8)
def _load_files(stamped: tuple[tuple[str, tuple[int, int]], ...]) -> ActorDictionary:
    # The stamps are part of the cache key, so an edited file is read again.
    return ActorDictionary._build([Path(p) for p, _ in stamped])
