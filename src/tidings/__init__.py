"""tidings: turn news into political event data — who did what to whom, when and where.

The library logs through ``logging`` and never prints; the ``tidings`` command is a thin skin
over these functions.  Heavy modules (spaCy, DuckDB) load lazily, on first use.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from tidings.errors import InputError, ResourceError, StoreError, TidingsError
from tidings.records import Actor, Article, Event, Evidence, Location, Quote, Result

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())

if TYPE_CHECKING:  # pragma: no cover
    from tidings.pipeline import Pipeline, code_text
    from tidings.quotes import quotes_in
    from tidings.read import read_articles
    from tidings.store import open_store

# name -> module that defines it; imported on first access so `import tidings` stays fast.
_LAZY = {
    "Pipeline": "tidings.pipeline",
    "code_text": "tidings.pipeline",
    "quotes_in": "tidings.quotes",
    "read_articles": "tidings.read",
    "open_store": "tidings.store",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'tidings' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)


__all__ = [
    "Actor", "Article", "Event", "Evidence", "Location", "Quote", "Result",
    "TidingsError", "InputError", "ResourceError", "StoreError",
    "Pipeline", "code_text", "quotes_in", "read_articles", "open_store", "__version__",
]  # fmt: skip
