"""Long runs off a terminal (logs, CI, nohup): progress lines with a total and the time left, an
end-of-run summary, and what an interrupt kept (issue 12).  The commands run as subprocesses
whose stderr is a pipe, as in a log."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tidings.store import open_store

TIDINGS = Path(sys.executable).with_name("tidings")
PAIRS = (("Kenya", "Uganda"), ("Chile", "Peru"), ("Norway", "Sweden"), ("Ghana", "Togo"))


def corpus(path: Path, n: int) -> Path:
    """``n`` short dated wire stories of our own, as JSON Lines."""
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            a, b = PAIRS[i % len(PAIRS)]
            text = (f"{a} and {b} signed a fisheries agreement on Monday. "
                    f"The foreign minister of {a} later criticised {b} over border delays.")  # fmt: skip
            f.write(json.dumps({"id": f"story-{i}", "date": f"2022-06-0{1 + i % 9}",
                                "text": text}) + "\n")  # fmt: skip
    return path


def tidings(*args: str, every: str = "0") -> subprocess.Popen[str]:
    env = dict(os.environ, TIDINGS_PROGRESS_SECONDS=every)
    return subprocess.Popen(
        [str(TIDINGS), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )


@pytest.fixture()
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    corpus(folder / "wire.jsonl", 6)
    (folder / "fr.txt").write_text(
        "Le Kenya et l'Ouganda ont signé lundi un accord sur la pêche dans le lac Victoria.\n",
        encoding="utf-8",
    )
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4 not read")
    (folder / "broken.html").write_text("<html><body></body></html>", encoding="utf-8")
    return folder


def test_progress_off_a_terminal_has_a_total_and_time_left(inputs):
    proc = tidings("code", str(inputs))
    out, err = proc.communicate(timeout=300)
    lines = err.splitlines()
    progress = [line for line in lines if line.startswith("coding: ")]
    # 6 stories + the French page + the broken page: 8 expected, 7 readable
    assert progress and progress[0].startswith("coding: 1 of 8 articles (12%)")
    assert "articles/s" in progress[0] and "left" in progress[0]
    assert progress[-1].startswith("coding: 7 of 8 articles")
    assert out.count("\n") > 6


def test_summary_says_what_was_read_skipped_ignored_and_written(inputs):
    proc = tidings("code", str(inputs), every="3600")
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 1  # the broken page failed
    assert not any(line.startswith("coding: ") for line in err.splitlines())  # not due yet
    assert "read 7 articles; coded 6; skipped 1 not in English (1 fr)" in err
    assert f"ignored 1 file: {inputs / 'notes.pdf'} (not an input extension: .pdf)" in err
    assert "1 input failed" in err and "broken.html" in err
    assert f"wrote {out.count(chr(10))} events" in err


def test_quiet_says_nothing_but_errors(inputs):
    proc = tidings("code", str(inputs), "-q")
    _, err = proc.communicate(timeout=300)
    assert err.splitlines() == [line for line in err.splitlines() if line.startswith("error: ")]


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process")
def test_interrupted_ingest_says_what_is_stored_and_resumes(tmp_path):
    stories = corpus(tmp_path / "many.jsonl", 160)
    db = tmp_path / "run.duckdb"
    proc = tidings("ingest", str(stories), "--db", str(db), "--batch-size", "8")
    assert proc.stderr is not None
    deadline = time.monotonic() + 240
    for line in proc.stderr:  # wait until some batches are written
        if line.startswith("ingesting: ") and int(line.split()[1].replace(",", "")) >= 48:
            break
        assert time.monotonic() < deadline, "no progress"
    proc.send_signal(signal.SIGINT)
    rest = proc.stderr.read()
    proc.wait(timeout=120)
    assert proc.returncode == 130, rest
    stored = len(open_store(db).article_ids())
    assert 0 < stored < 160
    assert f"interrupted: {stored} articles of this run are stored in {db}" in rest
    assert "Run the same command again to resume" in rest
    # the re-run codes only what is missing
    again = tidings("ingest", str(stories), "--db", str(db), "-q")
    again.communicate(timeout=300)
    assert again.returncode == 0
    assert len(open_store(db).article_ids()) == 160
