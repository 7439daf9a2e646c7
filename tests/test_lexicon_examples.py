"""Every lexicon entry's example sentence codes to that entry (or to an entry with the same
CAMEO code: an event noun's example is often coded by the equivalent verb row first, e.g.
"hold talks").  Entries of CAMEO root 01 have no PLOVER type and are never emitted.

Known failures are listed with their reason instead of being deleted; the pass rate is printed
by ``test_pass_rate_floor``.
"""

from __future__ import annotations

import pytest

from tidings.events.lexicon import Lexicon
from tidings.records import Article

LEXICON = Lexicon.load()
KNOWN_FAILURES: dict[str, str] = {
    # rule -> why it does not code to itself yet (none at the moment)
}


def _emitted(entry) -> bool:  # type: ignore[no-untyped-def]
    from tidings.events.coder import load_ontology_cached

    code = load_ontology_cached().find(entry.cameo)
    return code is not None and code.plover is not None


ENTRIES = [e for e in LEXICON.all_entries() if _emitted(e)]


@pytest.fixture(scope="module")
def coded() -> dict[str, list]:
    from tidings.pipeline import default_pipeline

    articles = [
        Article(id=e.rule, text=e.example, date="2023-03-15", language="en") for e in ENTRIES
    ]
    return {r.article.id: r.events for r in default_pipeline().code(articles, batch_size=64)}


@pytest.mark.parametrize(
    "entry",
    [
        pytest.param(
            e,
            id=e.rule,
            marks=[pytest.mark.xfail(reason=KNOWN_FAILURES[e.rule], strict=True)]
            if e.rule in KNOWN_FAILURES
            else [],
        )  # fmt: skip
        for e in ENTRIES
    ],
)
def test_example_codes_to_its_entry(entry, coded: dict[str, list]) -> None:  # type: ignore[no-untyped-def]
    events = [e for e in coded[entry.rule] if not e.negated]
    assert any(e.rule == entry.rule or e.cameo == entry.cameo for e in events), (
        f"{entry.example!r} -> {[(e.rule, e.cameo, e.source.code) for e in events]}"
    )


def test_pass_rate_floor(coded: dict[str, list]) -> None:
    passed = sum(
        any(e.rule == x.rule or e.cameo == x.cameo for e in coded[x.rule] if not e.negated)
        for x in ENTRIES
    )
    assert passed / len(ENTRIES) >= 0.98
