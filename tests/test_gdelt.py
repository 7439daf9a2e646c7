"""The GDELT exports read back column by column: what GDELT's codebook and files say each column
holds, for events written here in our own words (dated and undated, named and unnamed outlets,
IGOs, armed groups, a country and a city as places)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from tidings.cli import main
from tidings.records import Actor, Article, Event, Evidence, Location, Result
from tidings.store import open_store
from tidings.store.gdelt import EVENT_COLUMNS, MENTION_COLUMNS

UN = Actor("the United Nations", "IGOUNO", None, "IGO", "United Nations")
NATO = Actor("NATO", "IGONAT", None, "IGO", "North Atlantic Treaty Organization")
TALIBAN = Actor("the Taliban", "AFGREBTAL", "AFG", "REB", "Taliban")
PERU = Actor("Peru", "PER", "PER", None, None)
CHILE_GOV = Actor("the Chilean government", "CHLGOV", "CHL", "GOV", None)


def event(aid: str, text: str, source: Actor, target: Actor | None, cameo: str, *,
          date: str | None, start: int = 0, trigger: str = "", sentence: int = 0,
          location: Location | None = None, quad: int = 1) -> Event:  # fmt: skip
    return Event(
        article_id=aid, sentence=sentence, date=date, source=source, target=target, cameo=cameo,
        cameo_name="", plover="", plover_mode=None, goldstein=3.4, quad_class=quad,
        evidence=Evidence(text, start, start + len(text), trigger), rule="test",
        location=location, confidence=0.8,
    )  # fmt: skip


def article(aid: str, text: str, *, date: str | None, source: str | None = None,
            url: str | None = None) -> Article:  # fmt: skip
    return Article(id=aid, text=text, date=date, source=source, url=url, language="en")


PRAISE = "Peru praised the Chilean government for the border deal."
TALKS = "The Taliban held talks with NATO envoys."
LEAD = "Lima, a quiet week.\n\n"


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("gdelt") / "g.duckdb"
    results = [
        # a dated article with an outlet and a URL: praise (051) at a country-level place
        Result(
            article(
                "lima-1",
                PRAISE,
                date="2004-11-26",
                source="Andes Wire",
                url="https://andes.example/1",
            ),
            [
                event(
                    "lima-1",
                    PRAISE,
                    PERU,
                    CHILE_GOV,
                    "051",
                    date="2004-11-26",
                    trigger="praised",
                    location=Location("Chile", "CHL", -33.4, -70.6),
                    quad=2,
                )
            ],
        ),  # fmt: skip
        # the same event in a second outlet, not in the lead paragraph: one GDELT row, 2 sources
        Result(
            article(
                "lima-2",
                LEAD + PRAISE,
                date="2004-11-26",
                source="Pacific Post",
                url="https://pacific.example/2",
            ),
            [
                event(
                    "lima-2",
                    PRAISE,
                    PERU,
                    CHILE_GOV,
                    "051",
                    date="2004-11-26",
                    sentence=1,
                    start=len(LEAD),
                    trigger="praised",
                    location=Location("Chile", "CHL", -33.4, -70.6),
                    quad=2,
                )
            ],
        ),  # fmt: skip
        # two undated articles without outlet or URL report the same talks in a German city:
        # two events, never one
        *(
            Result(
                article(f"undated-{n}", TALKS, date=None),
                [
                    event(
                        f"undated-{n}",
                        TALKS,
                        TALIBAN,
                        NATO,
                        "043",
                        date=None,
                        trigger="talks",
                        location=Location("Bonn", "DEU", 50.73, 7.1),
                    )
                ],
            )  # fmt: skip
            for n in (1, 2)
        ),
        # an appeal to the UN by a pronoun the sentence does not name
        Result(
            article(
                "un-1",
                "It urged the United Nations to act.",
                date="2013-11-24",
                source="Andes Wire",
                url="https://andes.example/3",
            ),
            [
                event(
                    "un-1",
                    "It urged the United Nations to act.",
                    PERU,
                    UN,
                    "0256",
                    date="2013-11-24",
                    trigger="urged",
                )
            ],
        ),  # fmt: skip
    ]
    open_store(path, create=True).add(results)
    return path


def export(db: Path, fmt: str, *extra: str) -> list[dict[str, str]]:
    result = CliRunner().invoke(main, ["export", "--db", str(db), "--format", fmt, *extra])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout), delimiter="\t"))
    columns = EVENT_COLUMNS if fmt == "gdelt" else MENTION_COLUMNS
    assert rows[0] == list(columns)
    assert all(len(r) == len(columns) for r in rows)
    return [dict(zip(columns, r, strict=True)) for r in rows[1:]]


@pytest.fixture(scope="module")
def events(db) -> dict[str, list[dict[str, str]]]:
    by_code: dict[str, list[dict[str, str]]] = {}
    for row in export(db, "gdelt"):
        by_code.setdefault(row["EventCode"], []).append(row)
    return by_code


def test_one_row_per_real_world_event_and_undated_events_stay_apart(events):
    assert len(events["051"]) == 1  # two articles, one event
    assert len(events["043"]) == 2  # two undated articles: two events


def test_date_columns(events):
    praise = events["051"][0]
    assert (praise["SQLDATE"], praise["MonthYear"], praise["Year"]) == (
        "20041126",
        "200411",
        "2004",
    )
    # GDELT's files: YEAR + ((MONTH - 1) * 30 + DAY) / 365
    assert praise["FractionDate"] == "2004.8932"
    assert events["0256"][0]["FractionDate"] == "2013.8877"
    for row in events["043"]:
        assert (row["SQLDATE"], row["MonthYear"], row["Year"], row["FractionDate"]) == ("",) * 4
    assert len(praise["DATEADDED"]) == 14 and praise["DATEADDED"].isdigit()


def test_actor_columns(events):
    praise, talks, appeal = events["051"][0], events["043"][0], events["0256"][0]
    assert (praise["Actor1Code"], praise["Actor1Name"], praise["Actor1CountryCode"]) == (
        "PER", "PERU", "PER",
    )  # fmt: skip
    assert (praise["Actor2Code"], praise["Actor2CountryCode"], praise["Actor2Type1Code"]) == (
        "CHLGOV", "CHL", "GOV",
    )  # fmt: skip
    # KnownGroupCode: the organisation part of IGO and armed-group codes
    assert (talks["Actor1KnownGroupCode"], talks["Actor1Type1Code"]) == ("TAL", "REB")
    assert (talks["Actor2KnownGroupCode"], talks["Actor2Type1Code"]) == ("NAT", "IGO")
    assert appeal["Actor2KnownGroupCode"] == "UNO" and appeal["Actor1KnownGroupCode"] == ""
    for column in ("EthnicCode", "Religion1Code", "Religion2Code", "Type2Code", "Type3Code"):
        assert praise[f"Actor1{column}"] == praise[f"Actor2{column}"] == ""


def test_event_columns(events):
    praise, appeal = events["051"][0], events["0256"][0]
    assert (praise["EventCode"], praise["EventBaseCode"], praise["EventRootCode"]) == (
        "051", "051", "05",
    )  # fmt: skip
    assert (appeal["EventCode"], appeal["EventBaseCode"], appeal["EventRootCode"]) == (
        "0256", "025", "02",
    )  # fmt: skip
    # GDELT's QuadClass for root 05 is verbal cooperation, whatever our ontology says (2 here)
    assert praise["QuadClass"] == "1" and appeal["QuadClass"] == "1"
    assert (praise["GoldsteinScale"], praise["AvgTone"]) == ("3.4", "")
    assert praise["IsRootEvent"] == "1"  # the first article has it in its lead


def test_count_columns(events):
    praise, talks = events["051"][0], events["043"][0]
    assert (praise["NumMentions"], praise["NumSources"], praise["NumArticles"]) == ("2", "2", "2")
    # an article without an outlet is still one source
    assert (talks["NumMentions"], talks["NumSources"], talks["NumArticles"]) == ("1", "1", "1")


def test_geography_columns(events):
    praise, talks, appeal = events["051"][0], events["043"][0], events["0256"][0]
    for row in (praise, talks, appeal):
        assert [row[f"Actor1Geo_{c}"] for c in ("Type", "FullName", "CountryCode")] == ["0", "", ""]
    # a country: Type 1, FIPS code (Chile is CI in FIPS 10-4), ADM1 the country
    assert [praise[f"ActionGeo_{c}"] for c in
            ("Type", "FullName", "CountryCode", "ADM1Code", "Lat", "Long")] == [
        "1", "Chile", "CI", "CI", "-33.4", "-70.6"]  # fmt: skip
    # a city outside the US: Type 4, FIPS GM for Germany (ISO DEU)
    assert [talks[f"ActionGeo_{c}"] for c in ("Type", "FullName", "CountryCode", "ADM1Code")] == [
        "4", "Bonn, Germany", "GM", ""]  # fmt: skip
    assert appeal["ActionGeo_Type"] == "0" and appeal["ActionGeo_CountryCode"] == ""


def test_source_url(events):
    assert events["051"][0]["SOURCEURL"] == "https://andes.example/1"
    assert {r["SOURCEURL"] for r in events["043"]} == {"undated-1", "undated-2"}


def test_no_header_gives_raw_gdelt_lines(db):
    result = CliRunner().invoke(
        main, ["export", "--db", str(db), "--format", "gdelt", "--no-header"]
    )
    lines = result.stdout.splitlines()
    assert len(lines) == 4 and not lines[0].startswith("GLOBALEVENTID")
    assert all(len(line.split("\t")) == 61 for line in lines)


def test_mentions_table_has_one_row_per_mention(db, events):
    mentions = export(db, "gdelt-mentions")
    assert len(mentions) == 5
    praise_id = events["051"][0]["GLOBALEVENTID"]
    praise = [m for m in mentions if m["GlobalEventID"] == praise_id]
    assert len(praise) == 2
    first, second = sorted(praise, key=lambda m: m["MentionIdentifier"])
    assert (first["MentionType"], first["MentionSourceName"], first["MentionIdentifier"]) == (
        "1", "Andes Wire", "https://andes.example/1",
    )  # fmt: skip
    assert (first["SentenceID"], second["SentenceID"]) == ("1", "2")
    # offsets into the article text: "Peru" opens the sentence, "the Chilean government" follows
    assert (first["Actor1CharOffset"], first["Actor2CharOffset"]) == (
        "0",
        str(PRAISE.index("the Chilean")),
    )
    assert second["Actor1CharOffset"] == str(len(LEAD))
    assert first["ActionCharOffset"] == str(PRAISE.index("praised"))
    assert (first["InRawText"], first["Confidence"], first["MentionDocLen"]) == (
        "1",
        "80",
        str(len(PRAISE)),
    )
    assert (
        first["EventTimeDate"] == events["051"][0]["DATEADDED"]
        and len(first["MentionTimeDate"]) == 14
    )
    assert (first["MentionDocTone"], first["MentionDocTranslationInfo"], first["Extras"]) == (
        "",
        "",
        "",
    )
    # an undated article without URL: a citation (type 2) naming the article
    undated = [m for m in mentions if m["MentionIdentifier"].startswith("undated-")]
    assert {m["MentionType"] for m in undated} == {"2"} and len(undated) == 2
    # "It" is not in the sentence as the source's words: offset -1, not in the raw text
    appeal = next(m for m in mentions if m["GlobalEventID"] == events["0256"][0]["GLOBALEVENTID"])
    assert (appeal["Actor1CharOffset"], appeal["InRawText"]) == ("-1", "0")
