"""Every export format, written through the CLI and the API and read back."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from tidings.cli import main
from tidings.records import Event, Result
from tidings.store import open_store
from tidings.store.gdelt import EVENT_COLUMNS

FIXTURES = Path(__file__).parent / "fixtures" / "store"


def load_results() -> list[Result]:
    with (FIXTURES / "results.jsonl").open(encoding="utf-8") as f:
        return [Result.from_dict(json.loads(line)) for line in f]


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("export") / "t.duckdb"
    open_store(path, create=True).add(load_results())
    return path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_jsonl_gives_back_the_event_records(db):
    code, out, _ = run("export", "--db", str(db), "--format", "jsonl")
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    exported = {
        (r["article_id"], r["evidence"]["start"], r["cameo"], r["source"]["code"]): Event.from_dict(
            r
        )
        for r in records
    }
    original = {
        (e.article_id, e.evidence.start, e.cameo, e.source.code): e
        for r in load_results()
        for e in r.events
    }
    assert exported == original
    assert all(r["article_source"] for r in records) and len({r["id"] for r in records}) == 12


def test_csv_is_the_flat_events_table(db, tmp_path):
    out = tmp_path / "events.csv"
    code, _, err = run("export", "--db", str(db), "--format", "csv", "--out", str(out))
    assert code == 0 and "exported 12 rows" in err
    df = pd.read_csv(out)
    assert len(df) == 12
    assert {"source_code", "target_country", "speaker_name", "evidence_text", "article_url"} <= set(
        df.columns
    )
    assert df[df["cameo"] == 195]["location_name"].dropna().tolist() == ["Kharkiv", "Kharkiv"]


def test_parquet_is_partitioned_by_month(db, tmp_path):
    out = tmp_path / "pq"
    code, _, _ = run("export", "--db", str(db), "--format", "parquet", "--out", str(out))
    assert code == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "year_month=2018-05",
        "year_month=2022-03",
        "year_month=2023-03",
    ]
    df = pd.read_parquet(out)
    assert len(df) == 12
    assert df.groupby(df["year_month"].astype(str)).size().to_dict() == {
        "2018-05": 2,
        "2022-03": 7,
        "2023-03": 3,
    }


@pytest.mark.parametrize("where", ["stdout", "non-empty-dir"])
def test_parquet_needs_a_new_directory(db, tmp_path, where):
    args = ["export", "--db", str(db), "--format", "parquet"]
    if where == "non-empty-dir":
        (tmp_path / "keep.txt").write_text("mine")
        args += ["--out", str(tmp_path)]
    code, _, err = run(*args)
    assert code == 1 and err.startswith("error: ") and len(err.strip().splitlines()) == 1
    if where == "non-empty-dir":
        assert (tmp_path / "keep.txt").read_text() == "mine"


def test_gdelt_table_has_one_row_per_real_event(db):
    code, out, _ = run("export", "--db", str(db), "--format", "gdelt")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out), delimiter="\t"))
    header, body = rows[0], rows[1:]
    assert header == list(EVENT_COLUMNS) and all(len(r) == 61 for r in body)
    # 12 mentions, one negated and one only intended (not real-world events), grouped into 7
    assert len(body) == 7
    strike = next(dict(zip(header, r, strict=True)) for r in body if r[26] == "195")
    assert (strike["NumMentions"], strike["NumArticles"], strike["NumSources"]) == ("3", "2", "3")


def test_plover_records_are_polecat_style(db, tmp_path):
    out = tmp_path / "plover.jsonl"
    assert open_store(db).export("plover", out) == 11  # the negated event is left out
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    keys = {"id", "date", "event_type", "mode", "context", "source_actor", "source_country", "source_sector",
            "target_actor", "target_country", "target_sector", "event_text", "story_id", "publisher", "url"}  # fmt: skip
    assert all(keys <= set(r) for r in records)
    aid = next(r for r in records if r["event_type"] == "AID")
    assert (aid["source_actor"], aid["source_country"], aid["target_country"], aid["mode"]) == (
        "Joe Biden",
        "USA",
        "UKR",
        "military",
    )
    assert aid["story_id"] == "biden-aid" and aid["event_text"].startswith("WASHINGTON")
    assert sorted({r["event_type"] for r in records}) == [
        "ACCUSE",
        "AGREE",
        "AID",
        "ASSAULT",
        "CONSULT",
        "REQUEST",
        "THREATEN",
    ]


def test_unknown_format_is_refused(db):
    code, _, err = run("export", "--db", str(db), "--format", "xml")
    assert code == 2 and "xml" in err
