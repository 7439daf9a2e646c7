"""Records are the public contract: field names and JSON round trips."""

from __future__ import annotations

import json

import pytest

from tidings.records import Actor, Article, Event, Evidence, Location, Quote, Result, article_id


def _event() -> Event:
    return Event(
        article_id="a1", sentence=2, date="2023-03-01",
        source=Actor(text="Xi", code="CHNGOV", country="CHN", sector="GOV", name="Xi Jinping"),
        target=Actor(text="Belarus", code="BLR", country="BLR"),
        cameo="036", cameo_name="Express intent to meet or negotiate", plover="CONSULT",
        plover_mode=None, goldstein=4.0, quad_class=1,
        evidence=Evidence(text="Xi wants to meet Lukashenko.", start=10, end=38, trigger="meet"),
        rule="verb:meet", modality="intended", location=Location(name="Beijing", country="CHN"),
    )  # fmt: skip


@pytest.mark.parametrize(
    "record",
    [
        Article(
            id="x", text="Body.", title="T", date="2023-03-01", source="S", url="u", language="en"
        ),
        Actor(text="the Chinese government", code="CHNGOV", country="CHN", sector="GOV"),
        Location(name="Minsk", country="BLR", lat=53.9, lon=27.56),
        _event(),
        Quote(
            article_id="a1",
            speaker=Actor(
                text="Lukashenko", name="Alexander Lukashenko", code="BLRGOV", country="BLR"
            ),
            text="fully agrees with and supports",
            kind="partial",
            start=5,
            end=35,
            cue="said",
        ),
        Quote(article_id="a1", speaker=None, text="We want peace.", kind="direct", start=0, end=14),
        Result(article=Article(id="x", text="Body."), events=[_event()], notes=["n"]),
    ],
)
def test_round_trip_through_json(record):
    data = json.loads(json.dumps(record.to_dict()))
    assert type(record).from_dict(data) == record


def test_event_fields_are_the_documented_contract():
    keys = list(_event().to_dict())
    assert keys == [
        "article_id", "sentence", "date", "source", "target", "cameo", "cameo_name", "plover",
        "plover_mode", "goldstein", "quad_class", "negated", "modality", "speaker", "location",
        "evidence", "rule", "confidence",
    ]  # fmt: skip
    assert set(_event().to_dict()["evidence"]) == {"text", "start", "end", "trigger"}


def test_article_fields_are_the_documented_contract():
    assert list(Article(id="x", text="t").to_dict()) == [
        "id", "title", "date", "estimated_date", "source", "url", "language", "text",
    ]  # fmt: skip


def test_article_id_is_stable_and_depends_on_content():
    a = article_id(source="VOA", url="http://x", text="Hello")
    assert a == article_id(source="VOA", url="http://x", text="Hello")
    assert a != article_id(source="VOA", url="http://x", text="Hello!")
    assert len(a) == 16
