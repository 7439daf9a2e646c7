"""The spaCy ``Doc`` extensions through which tidings components talk to each other.

Each step that needs the parse is a spaCy component (see ``tidings.nlp``) that reads and
writes these attributes; records are made from the finished ``Doc`` in one place
(``tidings.pipeline``).  The order is fixed: actors → quotes → events.

``doc._.actors``  list[Mention]  actor mentions, in token order (written by ``tidings_actors``)
``doc._.quotes``  list[Quote]    quotes with their speakers (written by ``tidings_quotes``)
``doc._.events``  list[Event]    coded events (written by ``tidings_events``)
``doc._.article`` Article|None   the article being coded (date, id), set by the pipeline
"""

from __future__ import annotations

from dataclasses import dataclass

from tidings.records import Actor


@dataclass(frozen=True, slots=True)
class Mention:
    """One resolved actor mention: tokens ``doc[start:end]`` stand for ``actor``.

    ``how`` says which rule resolved it: "dictionary", "title", "ner", "coref" ("coref-person"
    when it stands for a person), "sector"….
    ``head`` is the index of the mention's syntactic head token (what the parse attaches to
    verbs), so the coder can go from a subject token to its actor.
    """

    start: int
    end: int
    head: int
    actor: Actor
    how: str = "dictionary"


def register_extensions() -> None:
    """Declare the ``Doc._`` attributes once per process (idempotent)."""
    from spacy.tokens import Doc

    for name in ("actors", "quotes", "events"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    if not Doc.has_extension("article"):
        Doc.set_extension("article", default=None)
