"""Near-duplicate articles: the same wire story republished under another id.

Each article gets a MinHash signature (datasketch, 64 permutations) over its word 5-shingles.
The signature is cut into 16 bands of 4 values; articles sharing a band are candidates (with
these numbers a pair with Jaccard similarity 0.8 shares a band 99.9 % of the time, a pair at
0.3 about 12 %), and a candidate counts as a duplicate when the signatures agree on at least
``THRESHOLD`` of their values.  The bands are stored (``article_bands``), so duplicates are
found across ingest runs, not only within one.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

import numpy as np
from datasketch import MinHash

NUM_PERM = 64
BANDS = 16
ROWS = NUM_PERM // BANDS
SHINGLE = 5
THRESHOLD = 0.8
# Fixed seed: signatures must be comparable across runs and processes.
_SEED = 17
_WORD = re.compile(r"\w+")


def signature(text: str) -> np.ndarray | None:
    """The MinHash signature of ``text`` (uint32 values), or None when it is too short to judge."""
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE * 2:
        return None
    shingles = {
        " ".join(words[i : i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)
    }
    mh = MinHash(num_perm=NUM_PERM, seed=_SEED)
    mh.update_batch(list(shingles))
    return mh.hashvalues.astype(np.uint32)


def to_blob(sig: np.ndarray) -> bytes:
    return sig.astype("<u4").tobytes()


def from_blob(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u4")


def band_keys(sig: np.ndarray) -> list[tuple[int, int]]:
    """(band number, 64-bit key) for each band of the signature."""
    raw = sig.astype("<u4")
    keys = []
    for band in range(BANDS):
        digest = hashlib.blake2b(
            raw[band * ROWS : (band + 1) * ROWS].tobytes(), digest_size=8
        ).digest()
        keys.append((band, int.from_bytes(digest, "little", signed=True)))
    return keys


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.mean(a == b))


def best_match(sig: np.ndarray, candidates: Iterable[tuple[str, np.ndarray]]) -> str | None:
    """The id of the most similar candidate at or above ``THRESHOLD`` (ties: the smallest id)."""
    ranked = sorted(candidates, key=lambda c: c[0])
    if not ranked:
        return None
    sims = np.mean(np.stack([c[1] for c in ranked]) == sig, axis=1)
    best = int(np.argmax(sims))  # the first maximum: the smallest id among equals
    return ranked[best][0] if sims[best] >= THRESHOLD else None
