"""The verb and noun lexicon: which predicates code to which CAMEO events.

Two tab-separated files with a header line (``#`` starts a comment line; blank lines are
ignored), documented in ``events/data/README.md``:

``verbs.tsv``  ``cameo  lemma  prep  object  target  example``
    ``lemma`` verb lemma; ``prep`` a particle/preposition that must attach to the verb or ``-``;
    ``object`` ``|``-separated lemmas one of which must head the verb's object (its dobj, or —
    when ``prep`` is given and there is no dobj — the pobj of that prep), ``@class`` names
    standing for the lemmas of an argument class of ``classes.tsv`` (``@money``), or ``-``; ``target``
    ``dobj``, ``prep:with`` (or on/against/to/from/of/for), ``none`` or ``-`` (the coder's
    default); ``example`` a sentence that must code to this entry.
``nouns.tsv``  ``cameo  lemma  governor  example``
    event nouns; ``governor`` ``|``-separated verb lemmas that must take the noun as object
    ("hold talks") or ``-`` when the noun codes on its own.

The loader validates every line and names ``file:line`` in its errors.  Entries are indexed by
lemma so the coder only looks at tokens whose lemma can fire.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tidings.errors import ResourceError

DATA = Path(__file__).parent / "data"
VERB_COLUMNS = ("cameo", "lemma", "prep", "object", "target", "example")
NOUN_COLUMNS = ("cameo", "lemma", "governor", "example")
TARGET_PREPS = ("with", "on", "against", "to", "from", "of", "for", "at", "into", "over")
_CAMEO = re.compile(r"^\d{2,4}$")


@dataclass(frozen=True, slots=True)
class VerbEntry:
    """One row of verbs.tsv.  ``rule`` is ``file:line lemma`` (what the Event records)."""

    cameo: str
    lemma: str
    prep: str | None
    objects: frozenset[str]
    target: str | None  # None: the coder's default order; "none": no target
    example: str
    rule: str
    broad: bool = False  # the object cell names a class: a row listing the lemma itself wins

    @property
    def specificity(self) -> int:
        # an object condition says more than a particle ("fire shells" 194 over "fire at" 193)
        return (self.prep is not None) + 2 * bool(self.objects)


@dataclass(frozen=True, slots=True)
class NounEntry:
    """One row of nouns.tsv."""

    cameo: str
    lemma: str
    governors: frozenset[str]
    example: str
    rule: str


@dataclass(slots=True)
class Lexicon:
    """Verb and noun entries indexed by lemma; ``version`` is a hash of the files' contents."""

    verbs: dict[str, list[VerbEntry]] = field(default_factory=dict)
    nouns: dict[str, list[NounEntry]] = field(default_factory=dict)
    version: str = ""
    files: tuple[str, ...] = ()
    classes: dict[str, frozenset[str]] = field(default_factory=dict)  # classes.tsv

    @classmethod
    def load(
        cls, verbs: Sequence[str | Path] | None = None, nouns: Sequence[str | Path] | None = None
    ) -> Lexicon:
        """Load the packaged lexicon (or the given files) and validate every line."""
        verb_files = [Path(p) for p in verbs] if verbs is not None else [DATA / "verbs.tsv"]
        noun_files = [Path(p) for p in nouns] if nouns is not None else [DATA / "nouns.tsv"]
        lex = cls()
        digest = hashlib.sha1()
        classes = load_classes(CLASSES_FILE, digest)
        lex.classes = classes
        for path in verb_files:
            for entry in _read_verbs(path, digest, classes):
                lex.verbs.setdefault(entry.lemma, []).append(entry)
        for path in noun_files:
            for entry in _read_nouns(path, digest):
                lex.nouns.setdefault(entry.lemma, []).append(entry)
        for entries in lex.verbs.values():
            # most specific first, so the first entry whose conditions hold is the best one; at
            # equal specificity a row that lists the object lemma beats one naming a class
            entries.sort(key=lambda e: (-e.specificity, e.broad))
        lex.version = digest.hexdigest()[:12]
        lex.files = tuple(str(p) for p in (*verb_files, *noun_files))
        return lex

    def all_entries(self) -> Iterable[VerbEntry | NounEntry]:
        for entries in self.verbs.values():
            yield from entries
        for nentries in self.nouns.values():
            yield from nentries


def _rows(
    path: Path, columns: tuple[str, ...], digest: hashlib._Hash
) -> Iterable[tuple[int, list[str]]]:
    """Yield (line number, cells) for each data line, checking the header and column count."""
    if not path.is_file():
        raise ResourceError("lexicon file not found", input=str(path))
    raw = path.read_bytes()
    digest.update(raw)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise ResourceError(f"not UTF-8 ({err.reason})", input=str(path)) from None
    header_seen = False
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if not header_seen:
            header_seen = True
            if tuple(c.lower() for c in cells) != columns:
                raise ResourceError(
                    f"header must be {' '.join(columns)!r} (tab-separated), got {' '.join(cells)!r}",
                    input=f"{path}:{number}",
                )
            continue
        if len(cells) != len(columns):
            raise ResourceError(
                f"expected {len(columns)} tab-separated columns, got {len(cells)}",
                input=f"{path}:{number}",
            )
        yield number, cells


def _check_common(where: str, cameo: str, lemma: str) -> None:
    if not _CAMEO.match(cameo):
        raise ResourceError(f"CAMEO code must be 2-4 digits, got {cameo!r}", input=where)
    if not lemma or lemma == "-":
        raise ResourceError("lemma is empty", input=where)


def _lemmas(
    cell: str, classes: dict[str, frozenset[str]] | None = None, where: str = ""
) -> frozenset[str]:
    """The lemmas of a |-separated cell; ``@name`` stands for the lemmas of a class."""
    if cell in ("", "-"):
        return frozenset()
    out: set[str] = set()
    for word in (w.strip().lower() for w in cell.split("|")):
        if not word:
            continue
        if word in BUILT_IN_CLASSES:
            out.add(word)  # the coder matches these on the parse, not on a lemma
        elif word.startswith("@"):
            if classes is None or word[1:] not in classes:
                known = ", ".join(f"@{k}" for k in sorted(classes or ()))
                raise ResourceError(f"unknown class {word!r} (known: {known})", input=where)
            out |= classes[word[1:]]
        else:
            out.add(word)
    return frozenset(out)


CLASSES_FILE = DATA / "classes.tsv"
# Classes the coder recognises on the parse: "@infinitive" is a to-infinitive complement with
# its own doer, the verb's object ("asked Britain to return the artefacts") or, for a passive,
# its subject ("was asked to resign") — not the subject's own plan ("asked not to be named").
# "@actor" is someone: an actor mention, a noun of someone who can act, a name, a pronoun, a
# number of people ("killed 30") — not a thing ("hit a roadblock", "met the deadline").
BUILT_IN_CLASSES = frozenset({"@infinitive", "@actor"})
# In nouns.tsv, the governor "@occur": the noun is the subject of a verb of occurrence (cues.tsv
# ``occur``): "clashes erupted", "talks resumed".
NOUN_GOVERNOR_CLASSES = frozenset({"@occur"})


def load_classes(
    path: str | Path = CLASSES_FILE, digest: hashlib._Hash | None = None
) -> dict[str, frozenset[str]]:
    """Read the argument classes (``classes.tsv``: class, |-separated lemmas, note)."""
    path = Path(path)
    digest = digest if digest is not None else hashlib.sha1()
    classes: dict[str, frozenset[str]] = {}
    for number, (name, lemmas, _note) in _rows(path, ("class", "lemmas", "note"), digest):
        where = f"{path}:{number}"
        if not re.fullmatch(r"[a-z]+", name):
            raise ResourceError(f"class name must be lower-case letters, got {name!r}", input=where)
        if name in classes:
            raise ResourceError(f"class {name!r} is defined twice", input=where)
        classes[name] = _lemmas(lemmas)
    return classes


def _read_verbs(
    path: Path, digest: hashlib._Hash, classes: dict[str, frozenset[str]]
) -> Iterable[VerbEntry]:
    for number, (cameo, lemma, prep, obj, target, example) in _rows(path, VERB_COLUMNS, digest):
        where = f"{path}:{number}"
        _check_common(where, cameo, lemma)
        target = target.lower()
        if target in ("", "-"):
            target_value: str | None = None
        elif target in ("dobj", "none") or (
            target.startswith("prep:") and target[5:] in TARGET_PREPS
        ):
            target_value = target
        else:
            raise ResourceError(
                f"target must be dobj, none, -, or prep:{'|'.join(TARGET_PREPS)}, got {target!r}",
                input=where,
            )
        yield VerbEntry(
            cameo=cameo,
            lemma=lemma.lower(),
            prep=None if prep in ("", "-") else prep.lower(),
            objects=_lemmas(obj, classes, where),
            broad="@" in obj,
            target=target_value,
            example=example,
            rule=f"{path.name}:{number} {lemma.lower()}",
        )


def _read_nouns(path: Path, digest: hashlib._Hash) -> Iterable[NounEntry]:
    for number, (cameo, lemma, governor, example) in _rows(path, NOUN_COLUMNS, digest):
        where = f"{path}:{number}"
        _check_common(where, cameo, lemma)
        yield NounEntry(
            cameo=cameo,
            lemma=lemma.lower(),
            governors=frozenset(
                g for g in governor.lower().split("|") if g in NOUN_GOVERNOR_CLASSES
            )
            | _lemmas(
                "|".join(g for g in governor.split("|") if g.lower() not in NOUN_GOVERNOR_CLASSES)
                or "-"
            ),
            example=example,
            rule=f"{path.name}:{number} {lemma.lower()}",
        )


INTENT_FILE = DATA / "intent.tsv"
REFUSAL_FILE = DATA / "refusal.tsv"


def load_code_map(path: str | Path) -> dict[str, str]:
    """Read a CAMEO code map (``intent.tsv``, ``refusal.tsv``: code prefix → code it becomes)."""
    path = Path(path)
    digest = hashlib.sha1()
    out: dict[str, str] = {}
    for number, (code, becomes, _note) in _rows(path, ("code", "becomes", "note"), digest):
        where = f"{path}:{number}"
        for value in (code, becomes):
            if not _CAMEO.match(value):
                raise ResourceError(f"CAMEO code must be 2-4 digits, got {value!r}", input=where)
        out[code] = becomes
    return out


def mapped_code(mapping: dict[str, str], code: str) -> str | None:
    """The code ``code`` becomes by its longest listed prefix, or None."""
    for n in range(len(code), 1, -1):
        found = mapping.get(code[:n])
        if found is not None:
            return found
    return None
