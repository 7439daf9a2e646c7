"""The query commands (`events`, `dyads`, `actors`, `query`) through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from tidings.cli import main
from tidings.records import Result
from tidings.store import open_store

FIXTURES = Path(__file__).parent / "fixtures" / "store"


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "t.duckdb"
    with (FIXTURES / "results.jsonl").open(encoding="utf-8") as f:
        results = [Result.from_dict(json.loads(line)) for line in f]
    open_store(path, create=True).add(results)
    return path


def run(*args: str) -> tuple[int, str, str]:
    # A wide terminal, so that table cells are not folded across lines.
    result = CliRunner().invoke(main, list(args), env={"COLUMNS": "240"})
    return result.exit_code, result.stdout, result.stderr


def jsonl(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], 12),
        (["--actor", "IRN"], 2),
        (["--actor", "Lukashenko"], 1),
        (["--source-country", "RUS", "--type", "ASSAULT"], 4),
        (["--target-country", "UKR", "--cameo", "07"], 1),
        (["--since", "2022-03-01", "--until", "2022-03-31"], 7),
        (["--text", "aid"], 1),
        (["--limit", "3"], 3),
    ],
)
def test_events_filters(db, args, expected):
    code, out, _ = run("events", "--db", str(db), "--format", "jsonl", *args)
    assert code == 0
    rows = jsonl(out)
    assert len(rows) == expected
    assert all("evidence_text" in r and "source_code" in r for r in rows)


def test_events_table_shows_who_did_what_to_whom_with_evidence(db):
    code, out, _ = run("events", "--db", str(db), "--type", "AID")
    assert code == 0
    for text in ("Joe Biden [USAGOV]", "AID 0712", "[UKRGOV]", "$800 million"):
        assert text in out


def test_events_csv(db, tmp_path):
    code, out, _ = run("events", "--db", str(db), "--format", "csv", "--cameo", "19")
    assert code == 0
    (tmp_path / "e.csv").write_text(out)
    assert len(pd.read_csv(tmp_path / "e.csv")) == 4


@pytest.mark.parametrize(
    ("by", "period"),
    [
        ("day", "2022-03-01"),
        ("week", "2022-02-28"),
        ("month", "2022-03-01"),
        ("year", "2022-01-01"),
    ],
)
def test_dyads(db, by, period):
    code, out, _ = run("dyads", "--db", str(db), "--by", by, "--format", "jsonl")
    assert code == 0
    data = jsonl(out)
    assert len(data) == 6
    rus = next(r for r in data if (r["source"], r["target"]) == ("RUS", "UKR"))
    assert (rus["events"], rus["reports"], rus["mean_goldstein"], rus["q4"]) == (1, 3, -10.0, 1)
    assert rus["period"].startswith(period)


def test_actors(db):
    code, out, _ = run("actors", "--db", str(db), "--limit", "4", "--format", "jsonl")
    assert code == 0
    data = jsonl(out)
    assert len(data) == 4 and data[0]["events"] >= data[-1]["events"]
    code, out, _ = run("actors", "--db", str(db))
    assert code == 0 and "RUSMIL" in out


def test_query_formats(db):
    sql = "SELECT plover, count(*) AS n FROM events GROUP BY ALL ORDER BY n DESC, plover LIMIT 2"
    code, out, _ = run("query", "--db", str(db), sql, "--format", "csv")
    assert code == 0 and out.splitlines() == ["plover,n", "ASSAULT,4", "AGREE,2"]
    code, out, _ = run("query", "--db", str(db), sql)
    assert code == 0 and "ASSAULT" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["query", "DELETE FROM events"], "read-only"),
        (["query", "SELECT nope FROM events"], "nope"),
        (["events", "--since", "yesterday"], "ISO date"),
        (["dyads", "--db", "missing.duckdb"], "no such store"),
    ],
)
def test_user_errors_are_one_line(db, args, message):
    if "--db" not in args:
        args = [*args, "--db", str(db)]
    before = db.read_bytes()
    code, _, err = run(*args)
    assert code == 1
    assert err.startswith("error: ") and message in err and len(err.strip().splitlines()) == 1
    assert db.read_bytes() == before


@pytest.mark.parametrize(
    "command", ["ingest", "events", "dyads", "actors", "query", "export", "demo"]
)
def test_help_has_an_example(command):
    code, out, _ = run(command, "--help")
    assert code == 0 and "Example:" in out and "--debug" in out
