"""Scoring against sentence-level gold (tidings.evaluate) and the `tidings eval` command; the
PLOVER dev figures are pinned as floors (a floor only goes down with a written reason)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tidings.cli import main
from tidings.errors import InputError
from tidings.evaluate import GoldEvent, GoldRecord, evaluate, load_gold, score
from tidings.records import Actor, Event, Evidence

# Measured 2026-11-28 (third pass: stated intentions, protests' actors) with the packaged
# dictionaries and lexicon: type recall 0.791, triple recall 0.656, type precision 0.768, factual
# precision 0.832.  Floors sit a little under the measurement so unrelated data edits do not flap;
# raise them as the coder improves.
DEV_FLOORS = {
    "type_recall": 0.83,
    "triple_recall": 0.64,
    "type_precision": 0.76,
    # 0.82 -> 0.81 (2026-12-04): "said it would X" is now the statement of intent or threat
    # (asserted/reported), as "will X" is, so more announced acts count as factual; type
    # precision over all events rose (0.768 -> 0.771)
    "factual_precision": 0.81,
}


def event(
    plover: str,
    source: str | None,
    target: str | None = None,
    *,
    negated: bool = False,
    modality: str = "asserted",
) -> Event:
    def actor(code: str | None) -> Actor | None:
        if code is None:
            return None
        country = None if code[:3] in ("IGO", "NGO") else code[:3]
        return Actor(code, code, country)

    return Event(
        article_id="r", sentence=0, date=None, source=actor(source), target=actor(target),  # type: ignore[arg-type]
        cameo="010", cameo_name="x", plover=plover, plover_mode=None, goldstein=0.0, quad_class=1,
        evidence=Evidence("s", 0, 1, "t"), rule="r", negated=negated, modality=modality,
    )  # fmt: skip


RECORDS = [
    GoldRecord("1", "a", None, (GoldEvent("ACCUSE", ("USA",), ("CHN",)),)),
    GoldRecord("2", "b", None, (GoldEvent("AGREE", ("HUN", "ROU"), ()),)),
    GoldRecord("3", "c", None, (GoldEvent("REJECT", ("IGO",), ("SRB",)),)),
    GoldRecord("4", "d", None, (GoldEvent("ASSAULT", ("RUS",), ("UKR",)),)),
]


@pytest.mark.parametrize(
    ("predictions", "type_recall", "triple_recall", "type_precision"),
    [
        ([[], [], [], []], 0.0, 0.0, 0.0),
        # right type and actors everywhere (country of CHNGOV, IGO prefix, no gold target)
        (
            [
                [event("ACCUSE", "USAGOV", "CHNGOV")],
                [event("AGREE", "ROU")],
                [event("REJECT", "IGOUNO", "SRB")],
                [event("ASSAULT", "RUSMIL", "UKR")],
            ],
            1.0,
            1.0,
            1.0,
        ),
        # right types, wrong actors; one extra wrong type
        (
            [
                [event("ACCUSE", "CHN", "USA")],
                [event("AGREE", "FRA")],
                [event("REJECT", "SRB", "IGO")],
                [event("ASSAULT", "RUS", None), event("AID", "RUS")],
            ],
            1.0,
            0.0,
            0.8,
        ),
        # a negated event counts for nothing
        ([[event("ACCUSE", "USA", "CHN", negated=True)], [], [], []], 0.0, 0.0, 0.0),
    ],
    ids=["nothing", "all-right", "actors-wrong", "negated"],
)
def test_score(
    predictions, type_recall: float, triple_recall: float, type_precision: float
) -> None:  # type: ignore[no-untyped-def]
    report = score(RECORDS, predictions)
    assert (report.type_recall, report.triple_recall, report.type_precision) == (
        type_recall, triple_recall, type_precision,
    )  # fmt: skip
    assert sum(r.gold for r in report.per_type.values()) == 4
    assert len(report.misses) == 4 - round(triple_recall * 4)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"text": "x", "events": []}\nnot json\n', ":2: not JSON"),
        ('{"events": []}\n', ":1: a gold record needs a 'text'"),
        ('{"text": "x", "events": [{"source": []}]}\n', ":1: each gold event needs a 'plover'"),
    ],
)
def test_bad_gold_lines_name_file_and_line(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_gold(path)


def test_factual_precision_leaves_out_what_did_not_happen() -> None:
    predictions = [[event("ACCUSE", "USA", "CHN"), event("ASSAULT", "USA", "CHN", modality="hypothetical")],
                   [event("AGREE", "HUN"), event("AID", "HUN", modality="intended")], [], []]  # fmt: skip
    report = score(RECORDS, predictions)
    assert report.type_precision == 0.5
    assert report.factual_precision == 1.0


def test_eval_command_on_own_gold(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    records = [
        {"id": "g1", "date": "2023-01-02", "text": "Egypt called on Israel to halt its offensive in Gaza.",
         "events": [{"plover": "REQUEST", "source": [{"code": "EGY"}], "target": [{"code": "ISR"}]}]},
        {"id": "g2", "date": "2023-01-02", "text": "Kenya and Uganda held talks in Kampala.",
         "events": [{"plover": "PROTEST", "source": [{"code": "KEN"}], "target": []}]},
    ]  # fmt: skip
    gold.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(gold), "--errors"])
    assert result.exit_code == 0, result.output
    assert "type recall     0.500" in result.output
    assert "triple recall   0.500" in result.output
    assert "g2  missed PROTEST KEN->- (type)" in result.output
    as_json = json.loads(CliRunner().invoke(main, ["eval", str(gold), "--json"]).output)
    assert as_json["per_type"]["REQUEST"]["triple_hits"] == 1


def test_eval_command_missing_file() -> None:
    result = CliRunner().invoke(main, ["eval", "no/such/gold.jsonl"])
    assert result.exit_code == 1
    assert "gold file not found" in result.output and "Traceback" not in result.output


def test_plover_dev_quality_gate(shared_data: Path) -> None:
    from tidings.pipeline import default_pipeline

    records = load_gold(shared_data / "plover" / "plover_gsr_dev.jsonl")
    report = evaluate(default_pipeline(), records)
    measured = {
        "type_recall": report.type_recall,
        "triple_recall": report.triple_recall,
        "type_precision": report.type_precision,
        "factual_precision": report.factual_precision,
    }
    for name, floor in DEV_FLOORS.items():
        assert measured[name] >= floor, f"{name} {measured[name]:.3f} fell below its floor {floor}"


SPAN_RECORDS = [
    GoldRecord("s1", "a", None, (GoldEvent("YIELD", (), (), "the rebel army", "Chad"),)),
    GoldRecord("s2", "b", None, (GoldEvent("ACCUSE", (), (), "Kenyan officials", "Sudan"),)),
]


def named(plover: str, text: str, name: str | None = None) -> Event:
    import dataclasses

    return dataclasses.replace(event(plover, None), source=Actor(text, None, None, None, name))


@pytest.mark.parametrize(
    ("predictions", "type_recall", "source_recall"),
    [
        # YIELD is CONCEDE or RETREAT; a shared content word is the same source
        ([[named("RETREAT", "rebels of the army")], [named("ACCUSE", "the officials")]], 1.0, 1.0),
        ([[named("CONCEDE", "the government")], [named("ACCUSE", "Nairobi", "Kenyan Government")]], 1.0, 0.5),
        # function words alone do not match ("the"), and another type is no hit
        ([[named("RETREAT", "the")], [named("REJECT", "Kenyan officials")]], 0.5, 0.0),
    ],
    ids=["old-name-and-overlap", "name-counts", "function-words"],
)
def test_score_span_gold(predictions, type_recall: float, source_recall: float) -> None:  # type: ignore[no-untyped-def]
    report = score(SPAN_RECORDS, predictions)
    assert (report.type_recall, report.triple_recall) == (type_recall, source_recall)
    assert report.by_span


def test_split_is_fixed_and_halves_the_file() -> None:
    from tidings.evaluate import select_split, split_of

    ids = [f"rec-{i}" for i in range(2000)]
    tune = {i for i in ids if split_of(i) == "tune"}
    assert 900 < len(tune) < 1100
    assert split_of("rec-7") == split_of("rec-7")  # a hash, not a random draw
    records = [GoldRecord(i, "t", None, ()) for i in ids]
    halves = [select_split(records, s) for s in ("tune", "check")]
    assert {r.id for r in halves[0]} == tune
    assert len(halves[0]) + len(halves[1]) == len(records)
    with pytest.raises(ValueError):
        select_split(records, "train")


def test_eval_command_reads_span_gold_and_splits(tmp_path: Path) -> None:
    gold = tmp_path / "spans.jsonl"
    records = [
        {"id": f"p{i}", "text": "Norway condemned the attack on the embassy in Oslo.",
         "events": [{"plover": "ACCUSE", "source_text": "Norway", "target_text": "attack"}]}
        for i in range(8)
    ]  # fmt: skip
    gold.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    whole = CliRunner().invoke(main, ["eval", str(gold)])
    assert whole.exit_code == 0, whole.output
    assert "type+source     1.000" in whole.output
    halves = [
        json.loads(CliRunner().invoke(main, ["eval", str(gold), "--split", s, "--json"]).output)
        for s in ("tune", "check")
    ]
    assert sum(h["records"] for h in halves) == 8
    assert halves[0]["triple"] == "type+source" and halves[0]["split"] == "tune"
