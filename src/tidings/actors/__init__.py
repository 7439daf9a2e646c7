"""Actors: who the mentions in a text stand for.

``tidings.actors.dictionary`` loads the actor dictionaries (countries, organisations, sector
words, titles, people with date-bounded roles; TSV files documented in ``data/README.md``) and
looks phrases up in them; the resolver and light coreference build on that.
"""

from tidings.actors.dictionary import (
    ActorDictionary,
    Country,
    Entry,
    Org,
    Person,
    Place,
    Region,
    Role,
    Sector,
    Title,
)

__all__ = [
    "ActorDictionary", "Country", "Entry", "Org", "Person", "Place", "Region", "Role", "Sector",
    "Title",
]  # fmt: skip
