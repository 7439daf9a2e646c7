"""Relative and absolute date expressions resolved against the article date (tidings.dates)."""

from __future__ import annotations

import pytest

from tidings.dates import find_dates, resolve_date

# 2023-05-10 is a Wednesday
BASE = "2023-05-10"


@pytest.mark.parametrize(
    ("text", "future", "expected"),
    [
        ("The talks ended on Tuesday.", False, "2023-05-09"),
        ("The talks ended on Wednesday.", False, "2023-05-10"),
        ("The talks ended last Wednesday.", False, "2023-05-03"),
        ("The talks will resume on Tuesday.", True, "2023-05-16"),
        ("The talks resume next Friday.", False, "2023-05-12"),
        ("He left yesterday.", False, "2023-05-09"),
        ("He arrives tomorrow.", False, "2023-05-11"),
        ("She spoke today.", False, "2023-05-10"),
        ("The blast happened two days ago.", False, "2023-05-08"),
        ("They met 3 weeks ago.", False, "2023-04-19"),
        ("The plan was published last week.", False, "2023-05-03"),
        ("The deal was signed last month.", False, "2023-04-10"),
        ("The ministry spoke last year.", False, "2022-05-10"),
        ("The vote was held on March 3.", False, "2023-03-03"),
        ("The vote is due on June 3.", False, "2022-06-03"),
        ("The vote is due on June 3.", True, "2023-06-03"),
        ("The vote was held on March 3, 2021.", False, "2021-03-03"),
        ("It began on 24 February 2022.", False, "2022-02-24"),
        ("It began in February 2022.", False, "2022-02-01"),
        ("It began on 2022-02-24.", False, "2022-02-24"),
    ],
)
def test_resolve_date(text: str, future: bool, expected: str) -> None:
    assert resolve_date(text, BASE, future=future) == expected


@pytest.mark.parametrize(
    "text",
    ["He may go.", "The next three years", "in the spring", "March on, soldiers", "no date here"],
)
def test_no_date(text: str) -> None:
    assert resolve_date(text, BASE) is None


def test_relative_dates_need_an_article_date() -> None:
    assert resolve_date("He left yesterday.", None) is None
    assert resolve_date("It began on 24 February 2022.", None) == "2022-02-24"


def test_spans_point_into_the_text() -> None:
    text = "Talks began on Monday and ended on 12 May 2023."
    found = find_dates(text, BASE)
    assert [text[d.start : d.end] for d in found] == ["on Monday", "12 May 2023"]
    assert [d.date for d in found] == ["2023-05-08", "2023-05-12"]
