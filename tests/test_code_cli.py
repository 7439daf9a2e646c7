"""`tidings code`: inputs in, one event per line out (JSONL or CSV), bad inputs reported."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tidings.cli import main
from tidings.cli.code import CSV_COLUMNS

STORY = "On Tuesday, Egypt called on Israel to halt its offensive in Gaza."


@pytest.fixture()
def inputs(tmp_path: Path) -> Path:
    (tmp_path / "story.txt").write_text(STORY + "\n", encoding="utf-8")
    (tmp_path / "wire.jsonl").write_text(
        json.dumps(
            {
                "id": "wire-7",
                "date": "2023-01-05",
                "text": "Kenya and Uganda signed a border agreement.",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    return tmp_path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["code", *args])
    return result.exit_code, result.stdout, result.stderr


def test_jsonl_output(inputs: Path) -> None:
    code, out, err = run(str(inputs / "story.txt"), "--date", "2023-01-05")
    assert code == 0, err
    events = [json.loads(line) for line in out.splitlines()]
    request = [e for e in events if e["plover"] == "REQUEST"]
    assert (
        request and request[0]["source"]["code"] == "EGY" and request[0]["target"]["code"] == "ISR"
    )
    assert request[0]["date"] == "2023-01-03"  # "on Tuesday" before Thursday 2023-01-05
    assert request[0]["evidence"]["text"] == STORY


def test_jsonl_input_keeps_its_id(inputs: Path) -> None:
    code, out, _ = run(str(inputs / "wire.jsonl"))
    assert code == 0
    events = [json.loads(line) for line in out.splitlines()]
    assert {e["article_id"] for e in events} == {"wire-7"}
    assert {e["source"]["code"] for e in events} >= {"KEN", "UGA"}


def test_csv_output_flattens_actors(inputs: Path) -> None:
    code, out, _ = run(str(inputs / "wire.jsonl"), "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert tuple(rows[0].keys()) == CSV_COLUMNS
    assert {r["source_code"] for r in rows} >= {"KEN", "UGA"}
    assert all(r["evidence_text"].startswith("Kenya") for r in rows)


def test_bad_input_is_reported_and_the_rest_coded(inputs: Path) -> None:
    code, out, err = run(str(inputs / "missing.txt"), str(inputs / "story.txt"), "-q")
    assert code == 1
    assert "missing.txt" in err and "Traceback" not in err
    assert any(json.loads(line)["plover"] == "REQUEST" for line in out.splitlines())


def test_user_actor_file(inputs: Path, tmp_path: Path) -> None:
    people = tmp_path / "people.tsv"
    people.write_text(
        "name\taliases\tcountry\tcode\trole\tstart\tend\n"
        "Mara Kellen\tKellen\tEST\tESTGOV\tForeign Minister\t2021-01-01\t\n",
        encoding="utf-8",
    )
    story = tmp_path / "kellen.txt"
    story.write_text("Kellen called on Russia to withdraw its troops.\n", encoding="utf-8")
    code, out, _ = run(str(story), "--actors", str(people), "--date", "2023-01-05")
    assert code == 0
    assert any(json.loads(line)["source"]["code"] == "ESTGOV" for line in out.splitlines())


def test_help_has_an_example() -> None:
    result = CliRunner().invoke(main, ["code", "--help"])
    assert result.exit_code == 0 and "Example:" in result.output and "--actors" in result.output
