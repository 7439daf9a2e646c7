"""Checks of the packaged people dictionary (``actors/data/people/*.tsv``).

These read the TSV files with ``csv`` only, so they hold the data to its documented format
whatever state the loader is in: well-formed rows, valid dates, plausible codes, no overlapping
terms, unambiguous aliases, continuous coverage of the offices we promise, and a table of facts.
The last two tests check that the loader accepts the files (skipped where it is absent).
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest

import tidings

PEOPLE_DIR = Path(tidings.__file__).resolve().parent / "actors" / "data" / "people"
HEADER = ["name", "aliases", "country", "code", "role", "start", "end"]
# "Still in office" is read as in office on this day (the data's as-of date).
AS_OF = date(2026, 11, 28)
SINCE = date(2000, 1, 1)
MAX_GAP = timedelta(days=120)

_ISO3 = re.compile(r"^[A-Z]{3}$")
# Country + sector, optionally followed by a group id (PSEREBHMS: Hamas).
_STATE_CODE = re.compile(r"^[A-Z]{3}[A-Z]{3}[A-Z0-9]{0,6}$")
_IGO_CODE = re.compile(r"^(IGO|NGO|IMG)[A-Z]{3,}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SECTORS = set("GOV MIL REB OPP PTY SPY ELI LEG JUD REL IGO NGO IMG".split())
# Countries whose CAMEO code differs from the ISO alpha-3 code (see countries.tsv).
CAMEO_PREFIX = {"XKX": "KSV"}
# Aliases that may not stand alone (README.md, "Alias rules"): surnames shared by too many people,
# and single words that name something else ("The Hague", "El Chapo", Surin province).
NOT_ALONE = {
    "Lee", "Kim", "Park", "Choi", "Khan", "Singh", "Smith", "Ali", "Ahmed", "Hassan", "Hussein",
    "Mohammed", "Muhammad", "Wang", "Li", "Zhang", "Liu", "Chen", "Tsai", "Nguyen", "Ivanov",
    "Kumar", "Sharif", "Johnson", "Brown", "Jones", "Martin", "Garcia", "Fernandez", "Fernández",
    "Rodriguez", "Castro", "Kirchner", "Koizumi", "Kono", "Tanaka", "Kawaguchi", "Abdullah",
    "Salman", "Gandhi", "Bhutto", "Clinton", "Cheney", "Hamad", "Khalifa", "Said", "Gul", "Aziz",
    "Aoun", "Hariri", "Kabila", "Traoré", "Traore", "Rajapaksa", "Shinawatra", "Barzani",
    "Sargsyan", "Sinwar", "Patrushev", "Qureshi", "Cardoso", "Bennett", "May", "Ban", "Rice",
    "Hague", "Chapo", "Surin", "Sheeran",
}  # fmt: skip

HEAD = {
    "President", "Acting President", "Interim President", "Transitional President", "Head of State",
    "Prime Minister", "Acting Prime Minister", "Caretaker Prime Minister", "Chancellor", "Premier",
    "King", "Queen", "Emperor", "Emir", "Supreme Leader", "Chief Executive", "De facto leader",
    "Leader of the Revolution", "Head of the Military Junta", "President of Yugoslavia",
    "President of Serbia and Montenegro", "President of the Government of Southern Sudan",
    "Chairman of the Interim Administration", "Chairman of the National Transitional Council",
    "Chairman of the Presidential Council", "Chairman of the Presidential Leadership Council",
    "Chairman of the Sovereignty Council", "Chairman of the Transitional Military Council",
    "Chairman of the Supreme Council of the Armed Forces",
    "Chairman of the State Peace and Development Council",
    "Chairman of the State Administration Council", "Chairman of the National Defence Commission",
    "Chairman of the Supreme Council for the Restoration of Democracy",
    "Chairman of the National Council for the Safeguard of the Homeland",
    "Chairman of the National Committee for the Salvation of the People",
    "President of the Transitional Presidential Council", "Sultan", "Chief Adviser", "Co-President",
    "Interim Prime Minister", "Chairman of the Transitional Government",
    "Chairman of the Council of Ministers", "Chairman of the Interim Election Council",
}  # fmt: skip
FOREIGN = {
    "Foreign Minister", "Acting Foreign Minister", "Secretary of State", "Acting Secretary of State",
    "Foreign Secretary",
}  # fmt: skip
DEFENCE = {
    "Defence Minister", "Acting Defence Minister", "Secretary of Defense",
    "Acting Secretary of Defense", "Defence Secretary", "Secretary of National Defense",
}  # fmt: skip
CATEGORIES = {"head": HEAD, "foreign": FOREIGN, "defence": DEFENCE}

G20 = ["ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "MEX", "RUS",
       "SAU", "ZAF", "KOR", "TUR", "GBR", "USA"]  # fmt: skip
# States in conflict or crisis (conflicts.tsv): heads are covered for all of them, foreign
# ministers for those listed in CONFLICT_FOREIGN.
CONFLICT = ["AFG", "ARE", "ARM", "AZE", "BFA", "BLR", "CAF", "COD", "COL", "CUB", "EGY", "ERI",
            "ETH", "FIN", "GEO", "HTI", "IRN", "IRQ", "ISR", "JOR", "KHM", "LBN", "LBY", "LKA",
            "MLI", "MMR", "NER", "NGA", "PAK", "POL", "PRK", "PSE", "QAT", "RWA", "SCG", "SDN",
            "SOM", "SRB", "SSD", "SWE", "SYR", "THA", "TWN", "UKR", "VEN", "XKX", "YEM",
            "YUG", "TUN", "BHR", "OMN", "DZA", "MAR", "TCD", "UGA", "KEN", "ZWE", "CIV", "LBR",
            "MOZ", "NPL", "PHL", "NIC", "MDA", "KAZ", "KGZ", "BGD"]  # fmt: skip
CONFLICT_FOREIGN = ["AFG", "ARE", "ARM", "AZE", "BLR", "CUB", "EGY", "ETH", "FIN", "GEO", "IRN",
                    "IRQ", "ISR", "JOR", "LBN", "LKA", "MMR", "NGA", "PAK", "POL", "PRK", "QAT",
                    "SCG", "SRB", "SWE", "SYR", "THA", "TWN", "UKR", "VEN", "YEM",
                    "YUG"]  # fmt: skip
# Conflict states whose defence ministers are complete since 2000.
CONFLICT_DEFENCE = ["AZE", "COL", "EGY", "IRN", "ISR", "POL", "SYR", "UKR"]
# The span in which a state existed (or had its own institutions), where not all of 2000-now.
STATE_SPAN = {
    "YUG": (SINCE, date(2003, 3, 7)),  # became Serbia and Montenegro
    "SCG": (date(2003, 3, 7), date(2006, 6, 5)),  # dissolved into Serbia and Montenegro
    "SSD": (date(2005, 7, 9), AS_OF),  # autonomous government, independent 2011
    "XKX": (date(2002, 3, 4), AS_OF),  # first provisional institutions under UN administration
}
# (country, category) -> (windows in which an uncovered stretch is expected, why).
D = date
GAP_ALLOWED: dict[tuple[str, str], tuple[list[tuple[date, date]], str]] = {
    ("IRQ", "head"): ([(D(2003, 4, 9), D(2004, 6, 28))], "Coalition Provisional Authority"),
    ("IRQ", "foreign"): (
        [(D(2003, 4, 9), D(2003, 9, 3))],
        "no Iraqi government after the invasion",
    ),
    ("SOM", "head"): ([(SINCE, D(2000, 8, 27))], "no central government before the TNG"),
    ("SRB", "foreign"): ([(SINCE, D(2006, 6, 5))], "foreign affairs were federal (YUG, SCG rows)"),
    ("AFG", "foreign"): ([(D(2019, 1, 1), D(2020, 3, 1))], "acting ministers not listed"),
    ("PAK", "foreign"): (
        [
            (D(2002, 6, 1), D(2002, 11, 23)),
            (D(2007, 11, 15), D(2008, 3, 31)),
            (D(2011, 2, 9), D(2011, 7, 20)),
            (D(2013, 3, 16), D(2017, 8, 4)),
        ],
        "caretaker cabinets; 2013-2017 the prime minister kept the portfolio (Sartaj Aziz adviser)",
    ),  # fmt: skip
    ("PRK", "foreign"): ([(D(2007, 1, 2), D(2007, 5, 18))], "vacancy after Paek Nam-sun's death"),
    ("NGA", "foreign"): (
        [(D(2013, 9, 11), D(2014, 3, 11)), (D(2015, 5, 29), D(2015, 11, 11))],
        "portfolio held by ministers of state between cabinets",
    ),
}


def _allowed(country: str, category: str, gap: tuple[date, date]) -> bool:
    windows, _ = GAP_ALLOWED.get((country, category), ([], ""))
    return any(lo <= gap[0] and gap[1] <= hi for lo, hi in windows)


@dataclass(frozen=True)
class Row:
    file: str
    line: int
    name: str
    aliases: tuple[str, ...]
    country: str
    code: str
    role: str
    start: str
    end: str

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"

    @property
    def span(self) -> tuple[date, date]:
        return date.fromisoformat(self.start), date.fromisoformat(self.end) if self.end else AS_OF


def _read(path: Path) -> tuple[list[str] | None, list[tuple[int, list[str]]]]:
    header: list[str] | None = None
    rows: list[tuple[int, list[str]]] = []
    with path.open(encoding="utf-8", newline="") as f:
        for n, cells in enumerate(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE), 1):
            if not cells or not "".join(cells).strip() or cells[0].startswith("#"):
                continue
            if header is None:
                header = cells
            else:
                rows.append((n, cells))
    return header, rows


FILES = sorted(PEOPLE_DIR.glob("*.tsv"))


def _rows() -> list[Row]:
    out = []
    for path in FILES:
        _, rows = _read(path)
        for n, c in rows:
            if len(c) != len(HEADER):
                continue  # reported by test_every_row_has_seven_columns
            aliases = tuple(a.strip() for a in c[1].split(";") if a.strip())
            out.append(Row(path.name, n, c[0], aliases, c[2], c[3], c[4], c[5], c[6]))
    return out


ROWS = _rows()


def _people() -> dict[str, list[Row]]:
    people: dict[str, list[Row]] = defaultdict(list)
    for r in ROWS:
        people[r.name].append(r)
    return people


def test_the_folder_has_the_three_files():
    assert {p.name for p in FILES} >= {"g20.tsv", "conflicts.tsv", "igos.tsv"}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_header(path: Path):
    header, _ = _read(path)
    assert header == HEADER, f"{path.name}: header {header}"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_row_has_seven_columns(path: Path):
    _, rows = _read(path)
    bad = [f"{path.name}:{n} has {len(c)} columns" for n, c in rows if len(c) != len(HEADER)]
    assert not bad, "\n".join(bad)


def test_no_cell_has_stray_spaces_or_empty_required_fields():
    bad = []
    for r in ROWS:
        for field in ("name", "country", "code", "role", "start", "end"):
            value = getattr(r, field)
            if value != value.strip() or "  " in value:
                bad.append(f"{r.where}: {field} {value!r}")
        for field in ("name", "code", "role", "start"):
            if not getattr(r, field):
                bad.append(f"{r.where}: empty {field}")
    assert not bad, "\n".join(bad)


def _date_error(value: str) -> str | None:
    if not _DATE.match(value):
        return f"date {value!r} is not YYYY-MM-DD"
    try:
        date.fromisoformat(value)
    except ValueError:
        return f"no such day {value!r}"
    return None


def test_dates_are_iso_and_ordered():
    bad = []
    for r in ROWS:
        errors = [e for v in (r.start, r.end) if v and (e := _date_error(v))]
        bad += [f"{r.where}: {e}" for e in errors]
        if errors:
            continue
        if r.end and r.start > r.end:
            bad.append(f"{r.where}: start {r.start} after end {r.end}")
        if r.start > AS_OF.isoformat():
            bad.append(f"{r.where}: start {r.start} is after the as-of date {AS_OF}")
    assert not bad, "\n".join(bad)


def test_codes_and_countries():
    bad = []
    for r in ROWS:
        if _IGO_CODE.match(r.code):
            if r.country:
                bad.append(f"{r.where}: IGO/NGO code {r.code} with country {r.country}")
            continue
        if not _STATE_CODE.match(r.code):
            bad.append(f"{r.where}: code {r.code!r} is neither XXXSSS nor IGO…/NGO…")
            continue
        if not _ISO3.match(r.country):
            bad.append(f"{r.where}: country {r.country!r} is not ISO alpha-3")
            continue
        if r.code[:3] != CAMEO_PREFIX.get(r.country, r.country):
            bad.append(f"{r.where}: code {r.code} does not start with {r.country}'s code")
        if r.code[3:6] not in SECTORS:
            bad.append(f"{r.where}: sector {r.code[3:6]} of {r.code} is not a known sector")
    assert not bad, "\n".join(bad)


def test_no_duplicate_rows():
    seen: dict[tuple, str] = {}
    bad = []
    for r in ROWS:
        key = (r.name, r.country, r.code, r.role, r.start, r.end)
        if key in seen:
            bad.append(f"{r.where}: duplicate of {seen[key]}")
        seen[key] = r.where
    assert not bad, "\n".join(bad)


def test_no_overlapping_terms_of_one_person_in_one_role():
    bad = []
    for rows in _people().values():
        by_role: dict[tuple[str, str], list[Row]] = defaultdict(list)
        for r in rows:
            by_role[(r.role, r.code)].append(r)
        for terms in by_role.values():
            terms.sort(key=lambda r: r.start)
            for a, b in zip(terms, terms[1:], strict=False):
                if b.span[0] < a.span[1]:
                    bad.append(f"{b.where}: {b.name} {b.role} overlaps {a.where}")
    assert not bad, "\n".join(bad)


def test_aliases_are_unambiguous():
    """An alias names one person only, is not the canonical name, and is not a bare common
    surname ("Lee", "Singh")."""
    owner: dict[str, str] = {}
    names = {r.name.casefold(): r.name for r in ROWS}
    bad = []
    for r in ROWS:
        for alias in r.aliases:
            key = alias.casefold()
            if alias == r.name:
                bad.append(f"{r.where}: alias {alias!r} repeats the name")
            if alias in NOT_ALONE:
                bad.append(f"{r.where}: alias {alias!r} may not stand alone; use the full name")
            if key in names and names[key] != r.name:
                bad.append(f"{r.where}: alias {alias!r} is the name of {names[key]}")
            if owner.setdefault(key, r.name) != r.name:
                bad.append(f"{r.where}: alias {alias!r} also belongs to {owner[key]}")
    assert not bad, "\n".join(bad)


def _gaps(spans: list[tuple[date, date]], since: date, until: date) -> list[tuple[date, date]]:
    """Stretches of more than MAX_GAP in [since, until] that no span covers."""
    gaps = []
    covered_to = since
    for start, end in sorted(spans):
        if start - covered_to > MAX_GAP:
            gaps.append((covered_to, start))
        covered_to = max(covered_to, end)
    if until - covered_to > MAX_GAP:
        gaps.append((covered_to, until))
    return gaps


COVERAGE = (
    [(c, cat) for c in G20 for cat in ("head", "foreign", "defence")]
    + [(c, "head") for c in CONFLICT]
    + [(c, "foreign") for c in CONFLICT_FOREIGN]
    + [(c, "defence") for c in CONFLICT_DEFENCE]
)


@pytest.mark.parametrize(("country", "category"), COVERAGE, ids=lambda v: str(v))
def test_offices_are_held_without_long_gaps(country: str, category: str):
    roles = CATEGORIES[category]
    spans = [r.span for r in ROWS if r.country == country and r.role in roles]
    assert spans, f"no {category} rows for {country}"
    since, until = STATE_SPAN.get(country, (SINCE, AS_OF))
    gaps = [g for g in _gaps(spans, since, until) if not _allowed(country, category, g)]
    assert not gaps, f"{country} {category}: uncovered " + ", ".join(f"{a}..{b}" for a, b in gaps)


def test_every_allowed_gap_is_still_needed():
    """An allowance that no longer matches a gap (the data was completed) must be removed."""
    stale = []
    for (country, category), (windows, _) in GAP_ALLOWED.items():
        spans = [r.span for r in ROWS if r.country == country and r.role in CATEGORIES[category]]
        since, until = STATE_SPAN.get(country, (SINCE, AS_OF))
        gaps = _gaps(spans, since, until)
        stale += [
            f"{country} {category} {lo}..{hi}"
            for lo, hi in windows
            if not any(lo <= a and b <= hi for a, b in gaps)
        ]
    assert not stale, "stale allowances: " + ", ".join(stale)


def _held(surface: str, day: date) -> list[Row]:
    """The rows of the person called ``surface`` (name or alias) in force on ``day``."""
    people = _people()
    matches = [
        name
        for name, rows in people.items()
        if surface == name or any(surface in r.aliases for r in rows)
    ]
    assert len(matches) == 1, f"{surface!r} names {matches}"
    return [
        r
        for r in people[matches[0]]
        if r.span[0] <= day < r.span[1] or (day == AS_OF and not r.end)
    ]


FACTS = [
    # surface, day, code (None: out of office), role
    ("Biden", "2012-06-01", "USAGOV", "Vice President"),
    ("Biden", "2023-06-01", "USAGOV", "President"),
    ("Biden", "2025-06-01", None, None),
    ("Xi Jinping", "2023-03-01", "CHNGOV", "President"),
    ("Lukashenko", "2023-03-01", "BLRGOV", "President"),
    ("Zelenskyy", "2023-03-01", "UKRGOV", "President"),
    ("Zelensky", "2018-01-01", None, None),
    ("Guterres", "2023-01-01", "IGOUNO", "Secretary-General"),
    ("Merkel", "2023-01-01", None, None),
    ("Merkel", "2010-01-01", "DEUGOV", "Chancellor"),
    ("Putin", "2010-01-01", "RUSGOV", "Prime Minister"),
    ("Erdogan", "2010-01-01", "TURGOV", "Prime Minister"),
    ("Erdoğan", "2020-01-01", "TURGOV", "President"),
    ("Lavrov", "2003-01-01", None, None),
    ("Rubio", "2025-06-01", "USAGOV", "Secretary of State"),
    ("Stoltenberg", "2020-01-01", "IGONAT", "NATO Secretary-General"),
    ("Modi", "2020-01-01", "INDGOV", "Prime Minister"),
    ("Kishida", "2015-01-01", "JPNGOV", "Foreign Minister"),
    ("Netanyahu", "2007-01-01", None, None),
    ("Netanyahu", "2024-01-01", "ISRGOV", "Prime Minister"),
]


@pytest.mark.parametrize(("surface", "day", "code", "role"), FACTS, ids=lambda v: str(v))
def test_facts(surface: str, day: str, code: str | None, role: str | None):
    held = _held(surface, date.fromisoformat(day))
    if code is None:
        assert held == [], f"{surface} on {day}: {[r.where for r in held]}"
    else:
        assert (code, role) in {(r.code, r.role) for r in held}, f"{surface} on {day}: {held}"


def test_size():
    """The dictionary promises breadth: G20, conflict states and IGOs since 2000."""
    assert len(ROWS) >= 1500
    assert len(_people()) >= 1000


def test_the_loader_accepts_the_data():
    """The loader validates against countries.tsv too; every person here must come through it."""
    dictionary = pytest.importorskip("tidings.actors.dictionary")
    loaded = {p.name: p for p in dictionary.ActorDictionary.load().people}
    people = _people()
    assert set(people) <= set(loaded)
    for name, rows in people.items():
        assert len(loaded[name].roles) == len(rows), name


@pytest.mark.parametrize(("surface", "day", "code"), [
    ("Biden", date(2012, 6, 1), "USAGOV"),
    ("Biden", date(2026, 1, 1), "USAELI"),
    ("Zelensky", date(2023, 3, 1), "UKRGOV"),
    ("Jolani", date(2020, 1, 1), "SYRREBHTS"),
    ("Hemedti", date(2024, 1, 1), "SDNREBRSF"),
    ("Guterres", date(2023, 1, 1), "IGOUNO"),
])  # fmt: skip
def test_the_loader_resolves_people_by_date(surface: str, day: date, code: str):
    dictionary = pytest.importorskip("tidings.actors.dictionary")
    found = [
        e.value for e in dictionary.ActorDictionary.load().lookup(surface) if e.kind == "person"
    ]
    assert len(found) == 1, found
    assert found[0].actor_code(day)[0] == code
