"""What an analyst asks the store from the command line: dyad filters, errors that list the
valid values, actors under their dictionary names, tables that fit the terminal (issue 12)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tidings.cli import main
from tidings.records import Result
from tidings.store import open_store

FIXTURES = Path(__file__).parent / "fixtures" / "store"


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("analyst") / "a.duckdb"
    with (FIXTURES / "results.jsonl").open(encoding="utf-8") as f:
        open_store(path, create=True).add([Result.from_dict(json.loads(line)) for line in f])
    return path


def run(*args: str, columns: int = 240) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), env={"COLUMNS": str(columns)})
    return result.exit_code, result.stdout, result.stderr


def dyads(db: Path, *args: str) -> list[tuple[str, str]]:
    code, out, err = run("dyads", "--db", str(db), "--format", "jsonl", *args)
    assert code == 0, err
    return [(r["source"], r["target"]) for r in map(json.loads, out.splitlines())]


def test_dyad_filters(db):
    assert set(dyads(db, "--country", "UKR")) == {("RUS", "UKR"), ("UKR", "IGOUNO"), ("USA", "UKR")}
    assert dyads(db, "--type", "assault") == [("RUS", "UKR")]
    assert dyads(db, "--actor", "IGOUNO") == [("UKR", "IGOUNO")]
    assert dyads(db, "--actor", "Lukashenko") == [("CHN", "BLR")]
    assert set(dyads(db, "--international")) == set(dyads(db))  # every pair here crosses a border


def test_international_leaves_out_pairs_inside_one_country(tmp_path):
    from tidings.records import Actor, Article, Event, Evidence

    def event(aid: str, source: str, target: str) -> Event:
        return Event(
            article_id=aid, sentence=0, date="2022-05-02", source=Actor(source, source, source[:3]),
            target=Actor(target, target, target[:3]), cameo="111", cameo_name="", plover="ACCUSE",
            plover_mode=None, goldstein=-2.0, quad_class=3, evidence=Evidence("x", 0, 1, "x"),
            rule="test",
        )  # fmt: skip

    path = tmp_path / "d.duckdb"
    open_store(path, create=True).add([
        Result(Article(id="home", text="x", date="2022-05-02"), [event("home", "USAGOV", "USAOPP")]),
        Result(Article(id="away", text="x", date="2022-05-02"), [event("away", "USAGOV", "CHNGOV")]),
    ])  # fmt: skip
    assert set(dyads(path)) == {("USA", "USA"), ("USA", "CHN")}
    assert dyads(path, "--international") == [("USA", "CHN")]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["dyads", "--type", "FIGHT"], ["ASSAULT", "AGREE", "COERCE"]),  # the 2021 name, and all
        (["events", "--type", "FIGHT"], ["ASSAULT", "SANCTION"]),
        (["events", "--cameo", "99"], ["19 Fight", "01 Make public statement"]),
        (["dyads", "--country", "UK"], ["GBR (United Kingdom)"]),
        (["events", "--source-country", "Britain"], ["GBR"]),
        (["events", "--actor", "IRNGVO"], ["IRNGOV"]),
    ],
)
def test_unknown_types_and_codes_are_errors_listing_valid_ones(db, args, expected):
    code, out, err = run(*args, "--db", str(db))
    assert code == 1 and out == ""
    assert err.startswith("error: ") and len(err.strip().splitlines()) == 1
    assert all(word in err for word in expected), err


def test_actors_show_the_dictionary_name_and_the_words_used(db):
    code, out, _ = run("actors", "--db", str(db), "--format", "jsonl", "--limit", "0")
    assert code == 0 and out == ""
    code, out, _ = run("actors", "--db", str(db), "--format", "jsonl")
    rows = {r["code"]: r for r in map(json.loads, out.splitlines())}
    assert rows["USAGOV"]["name"] == "United States government"
    assert rows["IGOUNO"]["name"] == "United Nations"
    assert rows["RUSMIL"]["name"] == "Russia military"
    assert "Russian forces" in rows["RUSMIL"]["written"]


@pytest.mark.parametrize("width", [60, 80, 120])
@pytest.mark.parametrize("command", ["events", "dyads", "actors"])
def test_tables_fit_the_terminal_and_print_dates_as_dates(db, command, width):
    code, out, _ = run(command, "--db", str(db), columns=width)
    assert code == 0
    assert max(len(line.rstrip()) for line in out.splitlines()) <= width
    assert "00:00:00" not in out
    if command == "events":
        assert "2022-03-01" in out and "Zelensky" in out
