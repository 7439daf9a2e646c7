"""`tidings ingest` and `tidings demo` end to end: the real reader, pipeline and store.

The pipeline is loaded once for the module (the ``ingested`` fixture); re-runs over stored
inputs do not load it at all.  The SIGKILL test runs the command in a subprocess.
"""

from __future__ import annotations

import json
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from tidings.cli import main
from tidings.read import iter_articles
from tidings.records import Article
from tidings.store import open_store

FIXTURES = Path(__file__).parent / "fixtures" / "store"
TABLES = ("articles", "events", "quotes", "actors", "article_bands", "ingest_log")
TIDINGS = Path(sys.executable).with_name("tidings")

COUNTRIES = (
    "France",
    "Germany",
    "Japan",
    "Brazil",
    "Kenya",
    "India",
    "Canada",
    "Egypt",
    "Peru",
    "Chile",
)
SENTENCES = (
    "{a} accused {b} of violating the ceasefire on {day}.",
    "{a} and {b} signed a trade agreement on {day}.",
    "{a} imposed sanctions on {b} on {day}.",
    "The foreign minister of {a} met his counterpart from {b} on {day}.",
    "{a} urged {b} to release the detained journalists.",
)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


def wire_corpus(path: Path, n: int) -> list[str]:
    """``n`` short wire-style articles as JSON Lines, composed from the templates above."""
    ids = []
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            a, b = COUNTRIES[i % 10], COUNTRIES[(i * 7 + 3) % 10]
            if a == b:
                b = COUNTRIES[(i + 1) % 10]
            text = "\n\n".join(
                SENTENCES[(i + k) % 5].format(a=a, b=b, day=DAYS[(i + k) % 5]) for k in range(3)
            )
            ids.append(f"story-{i:04d}")
            f.write(json.dumps({"id": ids[-1], "date": f"2021-{1 + i % 12:02d}-{1 + i % 28:02d}",
                                "source": "Tidings Wire", "language": "en", "text": text}) + "\n")  # fmt: skip
    return ids


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def counts(db: Path) -> dict[str, int]:
    s = open_store(db)
    return {t: int(s.query(f"SELECT count(*) AS n FROM {t}")["n"][0]) for t in TABLES}


@pytest.fixture(scope="module")
def ingested(tmp_path_factory, examples_dir) -> tuple[Path, int, str]:
    db = tmp_path_factory.mktemp("ingest") / "examples.duckdb"
    code, _, err = run("ingest", str(examples_dir), "--db", str(db))
    return db, code, err


@pytest.fixture(scope="module")
def example_ids(examples_dir) -> list[str]:
    return [a.id for a in iter_articles([examples_dir]) if isinstance(a, Article)]


def test_examples_are_coded_and_stored(ingested, example_ids):
    db, code, err = ingested
    assert code == 0, err
    s = open_store(db)
    assert sorted(s.query("SELECT id FROM articles")["id"]) == sorted(set(example_ids))
    summary = s.summary()
    assert summary["events"] > len(example_ids) and summary["failed"] == 0
    log = s.query("SELECT status, count(*) AS n, count(DISTINCT article_id) AS ids, "
                  "min(tidings_version) AS v, min(model) AS model FROM ingest_log GROUP BY ALL")  # fmt: skip
    assert log.to_dict("records") == [{"status": "stored", "n": len(example_ids), "ids": len(example_ids),
                                        "v": log["v"][0], "model": log["model"][0]}]  # fmt: skip
    assert log["v"][0] and log["model"][0]
    # every stored event points into its article's text
    bad = s.query("""SELECT count(*) AS n FROM events e JOIN articles a ON a.id = e.article_id
                     WHERE substr(a.text, e.evidence_start + 1, e.evidence_end - e.evidence_start)
                           <> e.evidence_text""")  # fmt: skip
    assert bad["n"][0] == 0
    assert f"stored {len(example_ids)} articles" in err


def test_ingesting_again_adds_nothing(ingested, example_ids, examples_dir):
    db, _, _ = ingested
    before = counts(db)
    code, _, err = run("ingest", str(examples_dir), "--db", str(db))
    assert code == 0
    assert "stored 0 articles" in err and f"skipped {len(example_ids)} already stored" in err
    assert counts(db) == before


def test_bad_inputs_are_reported_and_good_ones_stored(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_text(
        "Kenya and Tanzania signed an agreement on border trade on Tuesday in Nairobi.\n",
        encoding="utf-8",
    )
    (inputs / "empty.txt").write_text("", encoding="utf-8")
    (inputs / "binary.txt").write_bytes(bytes(range(256)) * 20)
    db = tmp_path / "t.duckdb"
    missing = tmp_path / "missing.html"
    code, _, err = run("ingest", str(inputs), str(missing), "--db", str(db), "--date", "2021-06-01",
                       "--source", "Harbour Times")  # fmt: skip
    assert code == 1
    errors = [line for line in err.splitlines() if line.startswith("error: ")]
    assert len(errors) == 3
    for name in ("empty.txt", "binary.txt", "missing.html"):
        assert sum(name in line for line in errors) == 1
    s = open_store(db)
    stored = s.query("SELECT date::VARCHAR AS date, source, text FROM articles")
    assert stored.to_dict("records")[0]["date"] == "2021-06-01"
    assert stored["source"].tolist() == ["Harbour Times"] and "Kenya" in stored["text"][0]
    failed = s.query("SELECT input, error FROM ingest_log WHERE status = 'failed' ORDER BY input")
    assert len(failed) == 3 and all(isinstance(e, str) and e for e in failed["error"])
    assert s.summary()["failed"] == 3


def test_user_actor_files_are_passed_to_the_coder(tmp_path):
    text = tmp_path / "gsw.txt"
    text.write_text("Green Shore Watch accused Kenya of polluting Lake Victoria on Tuesday.\n")
    db = tmp_path / "t.duckdb"
    args = ["ingest", str(text), "--db", str(db), "--date", "2022-01-04"]
    code, _, err = run(*args, "--actors", str(FIXTURES / "user_actors.tsv"))
    assert code == 0, err
    code, out, _ = run("events", "--db", str(db), "--format", "jsonl", "--actor", "NGOENVGSW")
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["source_name"], r["target_code"], r["date"]) for r in rows] == [
        ("Green Shore Watch", "KEN", "2022-01-04")
    ]


def test_a_foreign_db_is_refused_untouched(tmp_path, examples_dir):
    db = tmp_path / "notes.duckdb"
    db.write_text("my notes, not a database\n")
    code, _, err = run("ingest", str(examples_dir), "--db", str(db))
    assert code == 1 and "not a DuckDB file" in err and len(err.strip().splitlines()) == 1
    assert db.read_text() == "my notes, not a database\n"


def test_workers_give_the_same_rows_as_one_process(tmp_path):
    corpus = tmp_path / "c.jsonl"
    wire_corpus(corpus, 12)
    cols = "article_id, n, cameo, source_code, target_code, evidence_start, evidence_end, modality"
    rows = {}
    for workers in (1, 2):
        db = tmp_path / f"w{workers}.duckdb"
        code, _, err = run(
            "ingest", str(corpus), "--db", str(db), "--workers", str(workers), "--batch-size", "5"
        )
        assert code == 0, err
        rows[workers] = (
            open_store(db)
            .query(f"SELECT {cols} FROM events ORDER BY article_id, n")
            .to_dict("records")
        )
    assert rows[1] and rows[1] == rows[2]


def test_demo_prints_a_summary(ingested, tmp_path):
    db = tmp_path / "demo.duckdb"
    shutil.copy(ingested[0], db)  # stored already: the demo's ingest skips every article
    code, out, _ = run("demo", "--db", str(db), str(Path(__file__).parents[1] / "examples"))
    assert code == 0
    for text in ("articles", "distinct events", "Events by PLOVER type", "Busiest dyads",
                 "sentences behind them", "“"):  # fmt: skip
        assert text in out


def _poll_articles(db: Path) -> int:
    try:
        return int(open_store(db, timeout=5).query("SELECT count(*) AS n FROM articles")["n"][0])
    except Exception:  # not created yet, or busy: try again
        return 0


def test_sigkill_mid_ingest_then_resume_stores_every_article_once(tmp_path):
    """Kill -9 while two reader processes query the store; the re-run finishes the rest."""
    corpus = tmp_path / "c.jsonl"
    ids = wire_corpus(corpus, 400)
    db, stop = tmp_path / "t.duckdb", tmp_path / "stop"
    cmd = [str(TIDINGS), "-q", "ingest", str(corpus), "--db", str(db), "--batch-size", "4"]
    # --debug logs one line per committed batch: the kill comes after a few of them, whatever
    # the machine's speed (polling the file is no good: the writer holds its lock most of the time)
    proc = subprocess.Popen([*cmd, "--debug"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True)  # fmt: skip
    committed = queue.Queue()

    def watch() -> None:
        for line in proc.stderr:
            found = re.search(r"committed a batch: (\d+) articles stored", line)
            if found:
                committed.put(int(found.group(1)))

    threading.Thread(target=watch, daemon=True).start()
    readers: list[subprocess.Popen] = []
    try:
        stored = 0
        while stored < 12:
            stored += committed.get(timeout=240)  # raises queue.Empty when no progress
            if not readers:  # the store exists: readers query while the ingest goes on
                reader = [sys.executable, str(FIXTURES / "reader.py"), str(db), str(stop)]
                readers = [
                    subprocess.Popen(reader, stdout=subprocess.PIPE, text=True) for _ in range(2)
                ]
        assert proc.poll() is None, "ingest ended before it could be killed"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        killed_at = _poll_articles(db)
        assert 0 < killed_at < len(ids)
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr
    finally:
        stop.touch()
        proc.kill()
    reports = [json.loads(r.communicate(timeout=60)[0]) for r in readers]
    assert all(r["errors"] == [] for r in reports), reports
    assert all(r["ok"] > 0 for r in reports)
    s = open_store(db)
    assert sorted(s.query("SELECT id FROM articles")["id"]) == ids
    per_article = s.query(
        """SELECT a.id, a.n_events, count(e.id) AS stored FROM articles a
           LEFT JOIN events e ON e.article_id = a.id GROUP BY ALL HAVING a.n_events <> stored"""
    )
    assert per_article.empty  # no article lost or doubled its events
    logged = s.query(
        "SELECT article_id, count(*) AS n FROM ingest_log WHERE status = 'stored' GROUP BY ALL"
    )
    assert len(logged) == len(ids) and set(logged["n"]) == {1}
    assert s.query("SELECT count(*) - count(DISTINCT id) AS d FROM events")["d"][0] == 0
