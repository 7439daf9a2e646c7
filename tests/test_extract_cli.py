"""`tidings extract`: JSON Lines out, one stderr line per bad input, the rest still read, exit 1."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from tidings.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "read"
GOOD = FIXTURES / "feed.atom"  # one article


def run(*args: str, input: bytes | None = None):
    return CliRunner().invoke(main, ["extract", *args], input=input)


def lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_scraped_article_with_junk_at_both_ends_returns_exactly_the_body():
    result = run(str(FIXTURES / "scraped.txt"), "--source", "Harbour Courier")
    assert result.exit_code == 0, result.output
    (article,) = lines(result.stdout)
    assert list(article) == [
        "id", "title", "date", "estimated_date", "source", "url", "language", "text",
    ]  # fmt: skip
    assert article["text"] == (FIXTURES / "scraped.expected").read_text(encoding="utf-8").strip()
    assert (article["source"], article["language"], article["date"]) == (
        "Harbour Courier",
        "en",
        "2024-04-03",
    )


def test_date_option_fills_missing_dates_only():
    result = run(str(FIXTURES / "articles.jsonl"), "--date", "2001-02-03", "-q")
    assert [a["date"] for a in lines(result.stdout)] == ["2017-05-31", "2017-06-02", "2001-02-03"]


def test_bad_date_option_is_a_usage_error():
    result = run(str(GOOD), "--date", "yesterday")
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


def test_stdin(tmp_path):
    text = "RIGA (Harbour Courier) — Latvia's president signed the defence budget on Friday, his office said."
    result = run("-", input=text.encode("utf-8"))
    assert result.exit_code == 0
    assert lines(result.stdout)[0]["text"] == text


def _sparse(path: Path, size: int) -> None:
    with open(path, "wb") as out:
        out.truncate(size)


@pytest.mark.parametrize(
    ("name", "make", "reason"),
    [
        ("empty.txt", lambda p: p.write_bytes(b""), "empty file"),
        ("binary.bin", lambda p: p.write_bytes(bytes(range(256)) * 16), "binary file"),
        (
            "huge.txt",
            lambda p: _sparse(p, 200 * 1024 * 1024),
            "too big (200 MB; the limit is 50 MB",
        ),
        (
            "cut.jsonl.gz",
            lambda p: p.write_bytes(gzip.compress(b'{"text": "x"}\n' * 5000, mtime=0)[:100]),
            "truncated gzip file",
        ),
        (
            "broken.html",
            lambda p: p.write_bytes(b"<html><body><div><span></div></p></html"),
            "no article text",
        ),
        (
            "titles.rss",
            lambda p: p.write_bytes((FIXTURES / "feed_titles_only.rss").read_bytes()),
            "feed has no entries with content",
        ),
        ("missing.txt", lambda p: None, "no such file or directory"),
    ],
)
def test_bad_input_gives_one_line_and_the_others_are_still_read(tmp_path, name, make, reason):
    bad = tmp_path / name
    make(bad)
    result = run(str(FIXTURES / "scraped.txt"), str(bad), str(GOOD))
    assert result.exit_code == 1
    assert len(lines(result.stdout)) == 2
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 1 and errors[0].startswith(f"error: {bad}: {reason}"), result.stderr
    assert "Traceback" not in result.stderr


def test_invalid_json_line_names_the_line_and_carries_on(tmp_path):
    path = tmp_path / "a.jsonl"
    good = json.dumps(
        {
            "id": "ok",
            "text": "TALLINN (Harbour Courier) — Estonia's government resigned on Monday, the prime minister said.",
        }
    )
    path.write_text(f"{good}\nnot json\n{good}\n", encoding="utf-8")
    result = run(str(path))
    assert result.exit_code == 1
    assert [a["id"] for a in lines(result.stdout)] == ["ok", "ok"]
    assert (
        result.stderr.strip()
        == f"error: {path}: line 2: invalid JSON (Expecting value at column 1)"
    )


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read files without permission")
def test_unreadable_file(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("x", encoding="utf-8")
    path.chmod(0)
    result = run(str(path), str(GOOD))
    assert result.exit_code == 1 and f"error: {path}: permission denied" in result.stderr


def test_directory_of_mixed_files(tmp_path):
    (tmp_path / "a.txt").write_text(
        (FIXTURES / "scraped.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (tmp_path / "b.html").write_bytes((FIXTURES / "page.html").read_bytes())
    (tmp_path / "c.jsonl").write_text('{"id": 1, "text": ""}\n', encoding="utf-8")
    (tmp_path / "d.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "e.txt").write_bytes(b"")
    result = run(str(tmp_path))
    assert result.exit_code == 1
    assert len(lines(result.stdout)) == 2
    assert sorted(result.stderr.strip().splitlines()) == [
        f"error: {tmp_path / 'c.jsonl'}: line 1: empty text",
        f"error: {tmp_path / 'e.txt'}: empty file",
    ]


def test_all_good_exits_zero_and_quiet_prints_nothing_on_stderr():
    result = run(str(FIXTURES / "page.html"), str(GOOD), "-q")
    assert result.exit_code == 0 and result.stderr == ""
    assert len(lines(result.stdout)) == 2


def test_debug_shows_the_traceback(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    quiet = run(str(path))
    assert "Traceback" not in quiet.stderr
    result = run(str(path), "--debug")
    assert result.exit_code == 1
    assert (
        f"error: {path}: empty file" in result.stderr
        and "Traceback (most recent call last)" in result.stderr
    )


def test_gzipped_stdin():
    text = "RIGA (Harbour Courier) — Latvia's president signed the defence budget on Friday, his office said."
    result = run("-", "-q", input=gzip.compress(text.encode("utf-8"), mtime=0))
    assert result.exit_code == 0 and lines(result.stdout)[0]["text"] == text


def test_help_has_an_example():
    result = run("--help")
    assert result.exit_code == 0 and "Example:" in result.output and "--date" in result.output
