"""The store's Python API: adding coded articles, idempotence, duplicates, queries, schema safety.

Coded articles come from ``fixtures/store/results.jsonl`` (Result records written for these
tests: 7 articles, one of them a republished copy, 12 events, one negated).
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from tidings.errors import StoreError
from tidings.records import Article, Result
from tidings.store import SCHEMA_VERSION, open_store

FIXTURES = Path(__file__).parent / "fixtures" / "store"
TABLES = ("articles", "events", "quotes", "actors", "article_bands")


def load_results() -> list[Result]:
    with (FIXTURES / "results.jsonl").open(encoding="utf-8") as f:
        return [Result.from_dict(json.loads(line)) for line in f]


def counts(store) -> dict[str, int]:
    return {t: int(store.query(f"SELECT count(*) AS n FROM {t}")["n"][0]) for t in TABLES}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = open_store(tmp_path_factory.mktemp("store") / "t.duckdb", create=True)
    s.add(load_results(), batch_size=3)
    return s


def test_add_stores_every_article_once_and_again_adds_nothing(tmp_path):
    s = open_store(tmp_path / "t.duckdb", create=True)
    first = s.add(load_results(), batch_size=2)
    assert (first.stored, first.events, first.quotes, first.duplicates) == (7, 12, 1, 1)
    before = counts(s)
    again = s.add(load_results(), batch_size=5)
    assert (again.stored, again.skipped, again.events) == (0, 7, 0)
    assert counts(s) == before


def test_same_id_twice_in_one_batch_is_stored_once(tmp_path):
    s = open_store(tmp_path / "t.duckdb", create=True)
    r = load_results()[3]
    stats = s.add([r, r])
    assert (stats.stored, stats.skipped) == (1, 1)
    assert counts(s)["events"] == len(r.events)


def test_republished_copy_is_flagged_but_still_stored(store):
    df = store.query("SELECT id, duplicate_of FROM articles ORDER BY id")
    flagged = dict(zip(df["id"], df["duplicate_of"], strict=True))
    assert flagged["kyiv-strikes-copy"] == "kyiv-strikes"
    assert {k for k, v in flagged.items() if isinstance(v, str)} == {"kyiv-strikes-copy"}


def _long_story(extra: str = "") -> str:
    paragraphs = [
        "GENEVA (Tidings Wire) — Negotiators from both sides met for a third day on Thursday, "
        "trading proposals on prisoner exchanges, humanitarian corridors and the withdrawal of heavy "
        "weapons from the front line, according to two diplomats briefed on the talks.",
        "The mediators said the atmosphere had improved since Monday, when one delegation walked out "
        "after a dispute over the agenda, but warned that no agreement was expected before the "
        "weekend and that several questions remained open.",
        "A spokesman for the hosts said the sessions would continue behind closed doors and that a "
        "joint statement might be issued once the delegations had consulted their capitals.",
    ]
    return "\n\n".join(paragraphs) + extra


@pytest.mark.parametrize(
    ("second_text", "flagged"),
    [
        (
            _long_story(" Reporting by Ana Ruiz; editing by Tom Hale."),
            True,
        ),  # republished, byline added
        (_long_story().replace("third day", "fourth day"), True),  # lightly edited copy
        (
            "Rebels seized the airport of the northern city on Sunday after two days of fighting. "
            * 3,
            False,
        ),
        ("Too short to judge.", False),
    ],
)
def test_near_duplicates_are_found_across_runs(tmp_path, second_text, flagged):
    s = open_store(tmp_path / "t.duckdb", create=True)
    s.add([Result(Article(id="first", text=_long_story(), date="2024-05-02"))])
    stats = s.add([Result(Article(id="second", text=second_text, date="2024-05-02"))])
    dup = s.query("SELECT duplicate_of FROM articles WHERE id = 'second'")["duplicate_of"][0]
    assert (dup == "first") is flagged
    assert stats.duplicates == int(flagged)


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, 12),
        ({"actor": "RUS"}, 4),  # code prefix: RUS and RUSMIL, either side
        ({"actor": "RUSMIL"}, 3),
        ({"actor": "zelensky"}, 2),  # a name, any case
        ({"actor": "russian"}, 3),  # the words in the article
        ({"source_country": "IRN"}, 2),
        ({"target_country": "ukr"}, 5),
        ({"type": "AGREE"}, 2),
        ({"cameo": "19"}, 4),
        ({"cameo": "0256"}, 2),
        ({"since": "2022-03-02"}, 4),
        ({"until": "2018-12-31"}, 2),
        ({"since": "2022-03-01", "until": "2022-03-01"}, 6),
        ({"text": "kharkiv tuesday"}, 3),
        ({"include_negated": False}, 11),
        ({"unique_articles": True}, 10),
        ({"actor": "RUS", "type": "ASSAULT", "include_negated": False}, 3),
    ],
)
def test_event_filters(store, filters, expected):
    assert len(store.events(**filters)) == expected


def test_events_keep_every_record_field_flattened(store):
    row = store.events(cameo="195", text="shelled").iloc[0]
    assert (row.source_code, row.source_country, row.source_sector, row.source_text) == (
        "RUSMIL",
        "RUS",
        "MIL",
        "Russian forces",
    )
    assert (row.location_name, row.location_lat, row.modality, row.evidence_trigger) == (
        "Kharkiv",
        49.99,
        "reported",
        "shelled",
    )
    assert row.article_source == "Tidings Wire" and row.article_url.endswith("/kyiv")
    assert row.evidence_text.startswith("KYIV")


@pytest.mark.parametrize("bad", [{"since": "March 2022"}, {"colour": "red"}])
def test_bad_filters_are_user_errors(store, bad):
    with pytest.raises(StoreError):
        store.events(**bad)


def test_event_groups_count_mentions_articles_and_sources(store):
    g = store.query(
        "SELECT n_mentions, n_articles, n_sources, is_root FROM event_groups WHERE cameo = '195'"
    ).iloc[0]
    # a, its republished copy, and another outlet's story: 3 reports, 2 articles, 3 outlets
    assert (g.n_mentions, g.n_articles, g.n_sources, bool(g.is_root)) == (3, 2, 3, True)
    # 12 events: one negated and one only intended are not real-world events (schema 3)
    assert store.summary()["unique_events"] == 7
    intended = store.query("SELECT count(*) AS n FROM event_groups WHERE cameo = '138'")
    assert int(intended["n"][0]) == 0


@pytest.mark.parametrize(
    ("by", "period", "source", "target", "events", "reports", "mean"),
    [
        ("month", "2022-03-01", "RUS", "UKR", 1, 3, -10.0),
        ("month", "2023-03-01", "CHN", "BLR", 2, 2, 4.95),
        ("day", "2022-03-01", "UKR", "IGOUNO", 1, 2, 3.0),
        ("week", "2022-03-14", "USA", "UKR", 1, 1, 8.3),
        ("year", "2018-01-01", "IRN", "USA", 1, 1, -2.0),
    ],
)
def test_dyads(store, by, period, source, target, events, reports, mean):
    df = store.dyads(by=by)
    row = df[
        (df["period"].astype(str) == period) & (df["source"] == source) & (df["target"] == target)
    ]
    assert len(row) == 1
    r = row.iloc[0]
    assert (r.events, r.reports, r.mean_goldstein) == (events, reports, pytest.approx(mean))
    assert r.q1 + r.q2 + r.q3 + r.q4 == events


def test_dyads_rejects_an_unknown_period(store):
    with pytest.raises(StoreError, match="--by"):
        store.dyads(by="fortnight")


def test_actors_are_ranked_with_roles_and_dictionary_name(store):
    df = store.actors(limit=None).set_index("code")
    assert (
        df.loc["RUSMIL", "events"],
        df.loc["RUSMIL", "as_source"],
        df.loc["RUSMIL", "as_target"],
    ) == (3, 3, 0)
    assert (
        df.loc["CHNGOV", "as_source"],
        df.loc["CHNGOV", "as_target"],
        df.loc["CHNGOV", "name"],
    ) == (2, 1, "China government")
    # the name is what the code stands for; the article's words are listed beside it
    assert df.loc["IGOUNO", "name"] == "United Nations"
    assert "Xi Jinping" in df.loc["CHNGOV", "written"]
    assert list(store.actors(limit=3)["events"]) == sorted(
        store.actors(limit=3)["events"], reverse=True
    )
    assert set(store.actors(since="2023-01-01", limit=None)["code"]) == {"CHNGOV", "BLRGOV"}


def test_actor_catalogue_keeps_codes_with_names(store):
    df = store.query("SELECT code, name, events FROM actors WHERE code = 'UKRGOV' ORDER BY name")
    assert list(df["name"]) == ["", "Volodymyr Zelensky"]
    assert list(df["events"]) == [1, 2]


def test_summary(store):
    s = store.summary()
    assert {k: s[k] for k in ("articles", "duplicates", "events", "quotes", "failed")} == {
        "articles": 7, "duplicates": 1, "events": 12, "quotes": 1, "failed": 0,
    }  # fmt: skip
    assert (s["first_date"], s["last_date"]) == ("2018-05-09", "2023-03-01")
    assert s["by_type"].set_index("type")["events"]["ASSAULT"] == 1


@pytest.mark.parametrize(
    "sql",
    [
        "INSERT INTO articles (id, text) VALUES ('x', 'y')",
        "DROP TABLE events",
        "DELETE FROM actors",
    ],
)
def test_query_is_read_only(store, sql):
    before = store.path.read_bytes()
    with pytest.raises(StoreError, match="read-only"):
        store.query(sql)
    assert store.path.read_bytes() == before


def test_query_reads(store):
    df = store.query(
        "SELECT plover, count(*) AS n FROM events GROUP BY ALL ORDER BY n DESC, plover"
    )
    assert df.iloc[0].tolist() == ["ASSAULT", 4]


# -- schema versions and files that are not ours ------------------------------------------------
def test_an_older_store_is_migrated_and_keeps_its_rows(tmp_path):
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute((FIXTURES / "schema_v1.sql").read_text(encoding="utf-8"))
    con.close()
    s = open_store(path)
    assert s.query("SELECT value FROM tidings_meta WHERE key = 'schema_version'")["value"][
        0
    ] == str(SCHEMA_VERSION)
    assert s.events(actor="INDMIL")["evidence_trigger"].tolist() == ["struck"]
    assert s.query("SELECT duplicate_of FROM articles")["duplicate_of"].isna().all()
    s.add(load_results()[:1])  # new rows go in beside the old ones, with fresh event ids
    assert sorted(s.query("SELECT id FROM events")["id"]) == [1, 2, 3]
    assert s.summary()["unique_events"] == 3


def _newer_store(path: Path) -> None:
    open_store(path, create=True)
    con = duckdb.connect(str(path))
    con.execute("UPDATE tidings_meta SET value = '99' WHERE key = 'schema_version'")
    con.close()


def _foreign_duckdb(path: Path) -> None:
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE invoices (id INTEGER, total DOUBLE)")
    con.close()


def _corrupted_store(path: Path) -> None:
    open_store(path, create=True).add(load_results())
    data = bytearray(path.read_bytes())
    data[4096:4196] = b"\xff" * 100  # the database headers after the magic bytes
    data[8192:8292] = b"\xff" * 100
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.write_text("id,name\n1,Ana\n"), "not a DuckDB file"),
        (lambda p: p.write_bytes(b""), "empty file"),
        (lambda p: p.write_bytes(b"\x00" * 8 + b"DUCKgarbage" * 500), "corrupted|cannot open"),
        (_corrupted_store, "corrupted|cannot open"),
        (_foreign_duckdb, "not a tidings store"),
        (_newer_store, "newer tidings"),
    ],
    ids=["text", "empty", "fake-magic", "corrupted", "foreign-duckdb", "newer"],
)
def test_foreign_or_broken_files_are_refused_untouched(tmp_path, make, message):
    path = tmp_path / "db.duckdb"
    make(path)
    before = path.read_bytes()
    for create in (False, True):
        with pytest.raises(StoreError, match=message) as info:
            open_store(path, create=create)
        assert str(path) in str(info.value) and "\n" not in str(info.value)
    assert path.read_bytes() == before
    assert not (tmp_path / "db.duckdb.wal").exists()


def test_a_missing_store_is_created_only_when_asked(tmp_path):
    with pytest.raises(StoreError, match="no such store"):
        open_store(tmp_path / "none.duckdb")
    assert not (tmp_path / "none.duckdb").exists()
    assert open_store(tmp_path / "new.duckdb", create=True).summary()["articles"] == 0


def test_examples_prefer_actors_written_as_names(tmp_path):
    from tidings.pipeline import default_pipeline

    text = (
        "Poland's prime minister met his Lithuanian counterpart in Vilnius on Monday.\n\n"
        "It criticized Germany over the pipeline deal.\n\n"
        "Poland criticized Germany over the pipeline deal, and France condemned Italy."
    )
    article = Article(id="named", text=text, date="2024-03-04")
    s = open_store(tmp_path / "t.duckdb", create=True)
    s.add([default_pipeline().code_article(article)])
    criticisms = s.query("SELECT count(*) AS n FROM event_groups WHERE plover = 'ACCUSE'")
    assert criticisms["n"][0] >= 2  # the pronoun one and the named ones are all there
    shown = s.examples(limit=10).set_index("type")
    assert shown.loc["ACCUSE", "source"][0].isupper()
    assert shown.loc["ACCUSE", "source"] != "It"
