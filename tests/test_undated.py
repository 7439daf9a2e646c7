"""Articles without dates, and corpora that mix dated and undated articles (issue 12).

An undated article's events stay undated and never group with another article's events; runs
say how many articles had no date; a year the text names is used to read people's roles, marked
as an estimate; dates come from the input wherever it carries one.  Every text here was written
for these tests.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tidings import Article, Pipeline
from tidings.cli import main
from tidings.dates import estimate_date
from tidings.read import iter_articles
from tidings.store import open_store

# The same claim in two unrelated undated stories, and a third story that names its year.
STRIKE = "The United States attacked Iraq."
UNDATED = [
    {"id": "memo-a", "text": f"{STRIKE} Officials gave no further details."},
    {"id": "memo-b", "text": "The United States attacked Iraq, officials told reporters."},
    {"id": "memo-c", "text": "Tony Blair met George W. Bush at the White House. The talks came "
                             "after the 2005 election, which Blair won."},
]  # fmt: skip
DATED = [
    {"id": "wire-1", "published": "2021-05-04T09:00:00Z", "text": STRIKE},
    {"id": "wire-2", "pubdate": "May 4, 2021", "text": f"{STRIKE} The Pentagon confirmed it."},
]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


# -- the estimate -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ministry said on March 3, 2009 that talks would resume.", "2009-03-03"),
        ("Troops have been deployed there since 2003. In 2006 the mission grew.", "2006-07-01"),
        ("The accord was signed in March 2010 and ratified in 2008.", "2010-03-01"),
        ("After the 2005 election the coalition held.", "2005-07-01"),
        ("The minister pledged to cut emissions by 2030.", None),  # a target, not the present
        ("The army sent 2000 troops to the border.", None),  # a number, not a year
        ("Nothing here names a year.", None),
    ],
)
def test_estimate_is_the_latest_year_the_text_names(text, expected):
    found = estimate_date(text)
    assert (found.date if found else None) == expected


def test_roles_are_read_at_the_estimated_year_and_marked(pipeline):
    text = "Tony Blair met George W. Bush at the White House. The visit came in 2005."
    early = pipeline.code_article(Article(id="x", text=text))
    late = pipeline.code_article(Article(id="y", text=text.replace("2005", "2012")))
    assert early.article.date is None and early.article.estimated_date == "2005-07-01"
    blair = {e.source.code for e in early.events if e.source.name == "Tony Blair"}
    assert blair == {"GBRGOV"}  # prime minister in 2005
    assert {e.source.code for e in late.events if e.source.name == "Tony Blair"} == {"GBRELI"}
    # the estimate never dates an event
    assert all(e.date is None for e in early.events + late.events)


def test_only_a_date_the_sentence_names_in_full_dates_an_undated_articles_event(pipeline):
    text = ("On March 3, 2009, Russia accused Georgia of provocations. "
            "On Tuesday, Georgia rejected the accusation.")  # fmt: skip
    result = pipeline.code_article(Article(id="z", text=text))
    dates = {e.cameo[:2]: e.date for e in result.events}
    assert dates.get("11") == "2009-03-03"  # "On March 3, 2009"
    assert all(e.date is None for e in result.events if e.sentence == 1)  # "On Tuesday" of when?


def test_pipeline_can_leave_roles_unestimated():
    result = Pipeline(estimate_dates=False).code_article(
        Article(id="x", text="Tony Blair met George W. Bush in 2005.")
    )
    assert result.article.estimated_date is None


# -- dates from the input ---------------------------------------------------------------------
def test_date_fields_of_json_lines_and_csv(tmp_path):
    records = [
        {"id": "a", "published": "2021-05-04T09:00:00Z", "text": STRIKE},
        {"id": "b", "pubdate": "May 4, 2021", "text": STRIKE},
        {"id": "c", "timestamp": 1620118800, "text": STRIKE},
        {"id": "d", "publishedAt": "2021-05-04", "text": STRIKE},
        {"id": "e", "seendate": "20210504T091500Z", "text": STRIKE},
    ]
    jsonl = write_jsonl(tmp_path / "a.jsonl", records)
    table = tmp_path / "b.csv"
    table.write_text(f'id,publish_date,text\nf,2021-05-04,"{STRIKE}"\n', encoding="utf-8")
    dates = {a.id: a.date for a in iter_articles([jsonl, table])}
    assert dates == dict.fromkeys("abcdef", "2021-05-04")


@pytest.mark.parametrize(
    "opening",
    [
        "WASHINGTON, May 4, 2021 (Tidings Wire) — ",
        "BAGHDAD, Iraq, Tuesday 4 May 2021: ",
        "May 4, 2021 — ",
    ],
)
def test_dateline_dates_an_article(tmp_path, opening):
    path = tmp_path / "story.txt"
    path.write_text(opening + STRIKE + " Officials confirmed the raid.\n", encoding="utf-8")
    (article,) = iter_articles([path])
    assert article.date == "2021-05-04" and article.estimated_date is None


def test_date_option_fills_only_articles_without_one(tmp_path):
    corpus = write_jsonl(tmp_path / "mixed.jsonl", [*DATED, *UNDATED])
    dates = {a.id: a.date for a in iter_articles([corpus], date="2020-01-01")}
    assert dates["wire-1"] == "2021-05-04" and dates["memo-a"] == "2020-01-01"


# -- the store and the commands ---------------------------------------------------------------
@pytest.fixture(scope="module")
def mixed(tmp_path_factory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("mixed")
    corpus = write_jsonl(folder / "mixed.jsonl", [*DATED, *UNDATED])
    db = folder / "mixed.duckdb"
    code, _, err = run("ingest", str(corpus), "--db", str(db))
    assert code == 0, err
    return db, err


def test_ingest_reports_articles_without_a_date(mixed):
    _, err = mixed
    assert "3 articles had no date" in err and "1 of them were coded at a year" in err


def test_undated_events_never_group_across_articles(mixed):
    db, _ = mixed
    groups = open_store(db).query(
        "SELECT coalesce(date::VARCHAR, 'undated') AS date, n_articles FROM event_groups"
        " WHERE cameo = '190' AND source_code = 'USA' ORDER BY date NULLS LAST"
    )
    # the two dated reports of 4 May are one event; the two undated reports stay two
    assert groups.to_dict("records") == [
        {"date": "2021-05-04", "n_articles": 2},
        {"date": "undated", "n_articles": 1},
        {"date": "undated", "n_articles": 1},
    ]
    estimated = open_store(db).query(
        "SELECT id, estimated_date::VARCHAR AS e FROM articles WHERE estimated_date IS NOT NULL"
    )
    assert estimated.to_dict("records") == [{"id": "memo-c", "e": "2005-07-01"}]


def test_dyads_count_undated_events_in_a_period_of_their_own(mixed):
    db, _ = mixed
    code, out, _ = run(
        "dyads", "--db", str(db), "--format", "jsonl", "--actor", "USA", "--type", "ASSAULT"
    )
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["period"], r["source"], r["target"], r["events"]) for r in rows] == [
        ("2021-05-01", "USA", "IRQ", 1), ("undated", "USA", "IRQ", 2),
    ]  # fmt: skip
    code, out, _ = run("dyads", "--db", str(db), "--format", "jsonl", "--since", "2000-01-01")
    assert "undated" not in out


def test_code_reports_articles_without_a_date(tmp_path):
    corpus = write_jsonl(tmp_path / "undated.jsonl", UNDATED)
    code, out, err = run("code", str(corpus))
    assert code == 0
    assert "3 articles had no date" in err
    events = [json.loads(line) for line in out.splitlines()]
    assert events and all(e["date"] is None for e in events)
