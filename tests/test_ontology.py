"""The CAMEO/PLOVER ontology: completeness, spot facts, agreement with the reference, validation."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

import tidings.events.ontology as ontology_module
from tidings.errors import ResourceError
from tidings.events.ontology import (
    CAMEO_FILE,
    PLOVER_FILE,
    PLOVER_TYPES,
    QUAD_CLASSES,
    CameoCode,
    load_ontology,
)


@pytest.fixture(scope="module")
def onto():
    return load_ontology()


def test_counts(onto):
    assert len(onto) >= 280
    assert [r.code for r in onto.roots] == [f"{n:02d}" for n in range(1, 21)]
    assert sum(1 for c in onto if len(c.code) == 3) == 147
    assert sum(1 for c in onto if len(c.code) == 4) == 148


def test_every_code_is_complete(onto):
    for c in onto:
        assert c.name and c.name[0].isupper(), c
        assert -10.0 <= c.goldstein <= 10.0, c
        assert c.quad_class in QUAD_CLASSES, c
        assert c.plover in PLOVER_TYPES or (c.plover is None and c.root == "01"), c
        assert c.plover_mode is None or c.plover is not None, c


def test_plover_types_are_the_sixteen_of_2021():
    assert len(PLOVER_TYPES) == len(set(PLOVER_TYPES)) == 16
    assert PLOVER_TYPES[0] == "AGREE" and PLOVER_TYPES[-1] == "ASSAULT"
    for old_name in ("DEMAND", "DISAPPROVE", "INVESTIGATE", "FIGHT"):
        assert old_name not in PLOVER_TYPES


def test_every_plover_type_is_reachable(onto):
    for plover in PLOVER_TYPES:
        assert onto.with_plover(plover), plover


@pytest.mark.parametrize(
    ("code", "name_part", "goldstein", "quad", "plover", "mode"),
    [
        ("010", "statement", 0.0, 1, None, None),
        ("016", "Deny responsibility", -2.0, 1, "REJECT", None),
        ("0256", "de-escalation of military", -0.3, 1, "REQUEST", "yield"),
        ("036", "meet or negotiate", 4.0, 1, "AGREE", None),
        ("042", "Make a visit", 1.9, 1, "CONSULT", "visit"),
        ("043", "Host a visit", 2.8, 1, "CONSULT", "visit"),
        ("051", "Praise or endorse", 3.4, 2, "SUPPORT", None),
        ("057", "Sign formal agreement", 8.0, 2, "SUPPORT", None),
        ("072", "military aid", 8.3, 2, "AID", None),
        ("0871", "ceasefire", 9.0, 2, "RETREAT", "ceasefire"),
        ("0874", "surrender", 10.0, 2, "RETREAT", "disarm"),
        ("090", "Investigate", -2.0, 3, "ACCUSE", "investigate"),
        ("1056", "de-escalation", -5.0, 3, "REQUEST", "yield"),
        ("111", "Criticize or denounce", -2.0, 3, "ACCUSE", "disapprove"),
        ("112", "Accuse", -2.0, 3, "ACCUSE", "disapprove"),
        ("1123", "aggression", -2.0, 3, "ACCUSE", "allege"),
        ("129", "Veto", -5.0, 3, "REJECT", "yield"),
        ("138", "military force", -7.0, 3, "THREATEN", "violence"),
        ("141", "Demonstrate or rally", -6.5, 4, "PROTEST", "demo"),
        ("154", "armed forces", -7.2, 4, "MOBILIZE", "troops"),
        ("163", "embargo, boycott, or sanctions", -8.0, 4, "COERCE", "restrict"),
        ("173", "Arrest", -5.0, 4, "COERCE", "arrest"),
        ("1823", "Kill", -10.0, 4, "ASSAULT", None),
        ("190", "conventional military force", -10.0, 4, "ASSAULT", None),
        ("195", "aerial weapons", -10.0, 4, "ASSAULT", "heavy-weapons"),
        ("2042", "nuclear", -10.0, 4, "ASSAULT", "unconventional"),
    ],
)
def test_spot_facts(onto, code, name_part, goldstein, quad, plover, mode):
    c = onto.get(code)
    assert name_part.lower() in c.name.lower()
    assert (c.goldstein, c.quad_class, c.plover, c.plover_mode) == (goldstein, quad, plover, mode)


@pytest.mark.parametrize(
    ("code", "root", "parent", "root_name"),
    [
        ("1823", "18", "182", "Assault"),
        ("182", "18", "18", "Assault"),
        ("18", "18", None, "Assault"),
        ("0256", "02", "025", "Appeal"),
        ("1951", "19", "195", "Fight"),
    ],
)
def test_hierarchy(onto, code, root, parent, root_name):
    assert onto.root(code).code == root
    assert onto.root(code).name == root_name
    assert (onto.parent(code).code if onto.parent(code) else None) == parent


def test_children_and_quad_classes_follow_roots(onto):
    assert [c.code for c in onto.children("18")] == [f"18{n}" for n in range(0, 7)]
    assert [c.code for c in onto.children("183")] == ["1831", "1832", "1833"]
    for c in onto:
        assert c.quad_class == onto.root(c.code).quad_class
    assert {r.code: r.quad_class for r in onto.roots if r.code in ("04", "05", "13", "14")} == {
        "04": 1, "05": 2, "13": 3, "14": 4,
    }  # fmt: skip


@pytest.mark.parametrize("code", ["999", "0", "", "21", "1829", "abc"])
def test_unknown_codes(onto, code):
    assert onto.find(code) is None
    assert code not in onto
    with pytest.raises(KeyError, match="unknown CAMEO code"):
        onto.get(code)


def test_lookup_trims_whitespace_and_keeps_leading_zeros(onto):
    assert onto.get(" 0871\n").code == "0871"
    assert onto.find("871") is None  # a dropped leading zero is not silently guessed


def test_loading_is_cached_and_records_are_frozen(onto):
    assert load_ontology() is onto
    with pytest.raises(AttributeError):
        onto.get("010").goldstein = 5.0  # type: ignore[misc]
    assert isinstance(onto.codes[0], CameoCode)


def test_event_fields_fill_an_event(onto):
    from tidings.records import Actor, Event, Evidence

    fields = onto.get("0871").event_fields()
    event = Event(
        article_id="a", sentence=0, date=None, source=Actor(text="Hezbollah"), target=None,
        evidence=Evidence(text="Hezbollah declared a ceasefire.", start=0, end=31, trigger="declared"),
        rule="verb:declare+ceasefire", **fields,
    )  # fmt: skip
    assert (event.cameo, event.plover, event.plover_mode, event.quad_class) == (
        "0871", "RETREAT", "ceasefire", 2,
    )  # fmt: skip
    assert event.cameo_name == "Declare truce, ceasefire" and event.goldstein == 9.0


def test_unknown_plover_type_lookup(onto):
    with pytest.raises(KeyError, match="unknown PLOVER type 'FIGHT'"):
        onto.with_plover("FIGHT")


def test_module_examples_run():
    assert doctest.testmod(ontology_module).failed == 0


# --- agreement with the reference table (skipped when ../shared/data is absent) -------------

# Deliberate differences from CAMEO2PLOVER-2021.txt, each explained in data/README.md.
_NOT_IN_REFERENCE_ROOTS = ("01", "02")
_MODE_CHANGES = {"175": None}  # the reference puts the context "pro_autocracy" in the mode slot
# resignations are RETREAT (mode resign) in the 2025 PLOVER codebook; the 2021 table says CONCEDE
_TYPE_CHANGES = {"0831": ("RETREAT", "resign")}


def _reference_rows(shared_data: Path) -> dict[str, tuple[str, str | None]]:
    rows = {}
    text = (shared_data / "plover" / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        m = re.match(r"^(\d{3,4}):\s*([A-Z]+)\s*,([^,#]*),", line)
        if m:
            rows[m.group(1)] = (m.group(2), m.group(3).strip() or None)
    return rows


def test_plover_map_agrees_with_reference(onto, shared_data):
    reference = _reference_rows(shared_data)
    assert len(reference) >= 250
    differences = []
    for code, (plover, mode) in reference.items():
        mine = onto.get(code)
        expected = _TYPE_CHANGES.get(code, (plover, _MODE_CHANGES.get(code, mode)))
        if (mine.plover, mine.plover_mode) != expected:
            differences.append((code, plover, mode, mine.plover, mine.plover_mode))
    assert differences == []
    # Codes the reference leaves out: roots 01 and 02, and the detail codes that inherit their base.
    missing = {c.code for c in onto if len(c.code) > 2 and c.code not in reference}
    assert {c for c in missing if c[:2] not in _NOT_IN_REFERENCE_ROOTS} == {"1951", "1952"}
    for code in ("1951", "1952"):
        assert (onto.get(code).plover, onto.get(code).plover_mode) == reference["195"]


def test_appeals_map_like_demands(onto):
    # Root 02 is absent from the reference; PLOVER REQUEST covers both appeals (02) and demands (10).
    for c in onto:
        if c.root == "02" and len(c.code) > 2 and c.code != "020":
            demand = onto.get("10" + c.code[2:])
            assert (c.plover, c.plover_mode) == (demand.plover, demand.plover_mode), c.code


def test_names_and_scores_agree_with_reference(onto, shared_data):
    scores = {}
    lines = (shared_data / "cameo" / "CAMEO.goldsteinscale.txt").read_text().splitlines()[1:]
    for line in lines:
        code, score = line.split("\t")
        scores[code] = float(score)
    assert {code for code in scores if code not in onto} == set()
    for code, score in scores.items():
        assert onto.get(code).goldstein == score, code
    # Codes missing from GDELT's scale take their base code's score.
    for code in {c.code for c in onto} - set(scores):
        assert onto.get(code).goldstein == onto.get(code[:3]).goldstein, code


# --- validation with file:line errors --------------------------------------------------------

_CAMEO_HEADER = "code\tname\tgoldstein\tquad_class\n"
_PLOVER_HEADER = "cameo\tplover\tmode\n"


def _write(tmp_path: Path, cameo_rows: str, plover_rows: str) -> tuple[Path, Path]:
    cameo = tmp_path / "cameo.tsv"
    plover = tmp_path / "plover.tsv"
    cameo.write_text("# test table\n" + _CAMEO_HEADER + cameo_rows, encoding="utf-8")
    plover.write_text(_PLOVER_HEADER + plover_rows, encoding="utf-8")
    return cameo, plover


_GOOD_CAMEO = "18\tAssault\t-9.0\t4\n182\tPhysically assault\t-9.5\t4\n"
_GOOD_PLOVER = "18\tASSAULT\t\n182\tASSAULT\tbeat\n"


def test_small_valid_files_load(tmp_path):
    onto = load_ontology(*_write(tmp_path, _GOOD_CAMEO, _GOOD_PLOVER))
    assert [c.code for c in onto] == ["18", "182"]
    assert onto.get("182").plover_mode == "beat"


@pytest.mark.parametrize(
    ("cameo_rows", "plover_rows", "where", "reason"),
    [
        (_GOOD_CAMEO + "182\tAgain\t-9.5\t4\n", _GOOD_PLOVER, "cameo.tsv:5", "duplicate code 182 (first on line 4)"),
        ("18\tAssault\t-11\t4\n", "18\tASSAULT\t\n", "cameo.tsv:3", "outside -10..10"),
        ("18\tAssault\tlow\t4\n", "18\tASSAULT\t\n", "cameo.tsv:3", "not a number: 'low'"),
        ("18\tAssault\t-9.0\t2\n", "18\tASSAULT\t\n", "cameo.tsv:3", "root 18 has quad class 4"),
        ("18\tAssault\t-9.0\t4\n1823\tKill\t-10\t4\n", "18\tASSAULT\t\n", "cameo.tsv:4", "no parent code 182"),
        ("181\tAbduct\t-9.0\t4\n", "181\tASSAULT\t\n", "cameo.tsv:3", "no parent code 18"),
        ("25\tNope\t1.0\t4\n", "", "cameo.tsv:3", "bad CAMEO code '25'"),
        ("18\t\t-9.0\t4\n", "", "cameo.tsv:3", "code 18 has no name"),
        ("18\tAssault\t-9.0\n", "", "cameo.tsv:3", "expected 4 tab-separated fields, found 3"),
        (_GOOD_CAMEO, "18\tASSAULT\t\n182\tFIGHT\t\n", "plover.tsv:3", "unknown PLOVER type 'FIGHT'"),
        (_GOOD_CAMEO, _GOOD_PLOVER + "18\tASSAULT\t\n", "plover.tsv:4", "duplicate code 18 (first on line 2)"),
        (_GOOD_CAMEO, _GOOD_PLOVER + "190\tASSAULT\t\n", "plover.tsv:4", "'190' is not in cameo.tsv"),
        (_GOOD_CAMEO, "18\tASSAULT\t\n", "plover.tsv", "no line for CAMEO code 182 (cameo.tsv line 4)"),
        (_GOOD_CAMEO, "18\t\tbeat\n182\tASSAULT\t\n", "plover.tsv:2", "has a mode (beat) but no PLOVER type"),
        (_GOOD_CAMEO, "18\tASSAULT\tBeat It\n182\tASSAULT\t\n", "plover.tsv:2", "bad PLOVER mode 'Beat It'"),
    ],
)  # fmt: skip
def test_bad_lines_name_file_and_line(tmp_path, cameo_rows, plover_rows, where, reason):
    with pytest.raises(ResourceError) as info:
        load_ontology(*_write(tmp_path, cameo_rows, plover_rows))
    message = str(info.value)
    assert "\n" not in message
    assert f"{where}:" in message or message.startswith(str(tmp_path / where))
    assert reason in message


def test_missing_header_and_missing_file(tmp_path):
    cameo = tmp_path / "cameo.tsv"
    cameo.write_text("18\tAssault\t-9.0\t4\n", encoding="utf-8")
    with pytest.raises(ResourceError, match=r"cameo\.tsv:1: header must be code / name"):
        load_ontology(cameo, PLOVER_FILE)
    with pytest.raises(ResourceError, match="cannot read ontology file"):
        load_ontology(tmp_path / "absent.tsv", PLOVER_FILE)


def test_shipped_files_are_documented():
    readme = (CAMEO_FILE.parent / "README.md").read_text(encoding="utf-8")
    assert "## Ontology files" in readme
    for name in ("cameo.tsv", "plover.tsv", "quad_class", "Goldstein"):
        assert name in readme
