"""`tidings.read_articles`: Articles only, errors to a list, a function or the log (issue 12)."""

from __future__ import annotations

import logging

import tidings
from tidings import Article, InputError


def inputs(tmp_path):
    (tmp_path / "good.txt").write_text("Kenya and Uganda signed a border agreement.\n")
    (tmp_path / "lines.jsonl").write_text('{"id": "a", "text": "Chile thanked Peru."}\nnot json\n')
    return [tmp_path / "good.txt", tmp_path / "lines.jsonl", tmp_path / "missing.txt"]


def test_errors_go_to_a_list(tmp_path):
    errors: list[InputError] = []
    articles = list(tidings.read_articles(inputs(tmp_path), on_error=errors))
    assert all(isinstance(a, Article) for a in articles) and len(articles) == 2
    assert [type(e) for e in errors] == [InputError, InputError]
    assert "line 2" in str(errors[0]) and "missing.txt" in str(errors[1])


def test_errors_go_to_a_function_and_reading_goes_on(tmp_path):
    seen: list[str] = []
    articles = list(
        tidings.read_articles(inputs(tmp_path), on_error=lambda e: seen.append(e.input))
    )
    assert len(articles) == 2 and len(seen) == 2


def test_without_on_error_errors_are_logged(tmp_path, caplog):
    with caplog.at_level(logging.WARNING, logger="tidings.read"):
        articles = list(tidings.read_articles(inputs(tmp_path)))
    assert len(articles) == 2 and "missing.txt" in caplog.text


def test_one_path_and_reading_options(tmp_path):
    (tmp_path / "story.txt").write_text("Kenya and Uganda signed a border agreement.\n")
    (article,) = tidings.read_articles(tmp_path / "story.txt", date="2024-02-01", source="Wire")
    assert (article.date, article.source) == ("2024-02-01", "Wire")
