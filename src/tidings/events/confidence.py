"""How sure the coder is of an event: ``Event.confidence`` from what was certain about it.

The score multiplies a few factors, each for one thing that can go wrong, so that an event
coded from a specific lexicon row, in the main clause, between actors the dictionaries know,
scores high, and one read off a bare verb in a relative clause with a subject nobody could
resolve scores low.  The factors were set on hand-judged development events (the Wikinews audit
pool and the tune half of the wire sentences, `benchmarks/gold/`); the audit report prints
precision by confidence band, which should rise with the score.

- **rule**: a row with an object or particle condition says more than a verb's default row;
  event nouns and rules from cue words are less sure still.
- **clause**: the main clause (or what a speaker says) states the news; an infinitive or a
  coordinated verb is nearly as sure; a participle that elaborates the main act ("…, killing
  17") a little less; a circumstance ("after X attacked", "by sending") less; a relative clause
  or a participle describing a noun ("rebels who agreed to stop fighting") is background.
- **source**, **target**: an actor the dictionaries resolved in place beats one found through
  coreference, which beats a country taken from the place, which beats words no dictionary knows.
- **modality**: what did not happen (intended, hypothetical) or is only alleged is less sure to
  be coded right.
"""

from __future__ import annotations

from spacy.tokens import Token

RULE = {"specific": 0.95, "default": 0.85, "noun": 0.8, "cue": 0.7}
CLAUSE = {
    "main": 1.0, "said": 1.0, "complement": 0.9, "coordinated": 0.9, "elaboration": 0.85,
    "circumstance": 0.6, "background": 0.45,
}  # fmt: skip
ACTOR = {
    "dictionary": 1.0, "coref": 0.9, "speaker": 0.95, "context": 0.8, "text": 0.6,
    "unknown": 0.65, "none": 0.95,
}  # fmt: skip
MODALITY = {"asserted": 1.0, "reported": 1.0, "alleged": 0.8, "intended": 0.6, "hypothetical": 0.6}
# subordinators of a clause that sets the scene for the main one
_SCENE_MARKS = frozenset({"after", "before", "when", "while", "as", "since", "until", "because",
                          "once", "though", "although", "whereas", "whenever"})  # fmt: skip


def clause_kind(predicate: Token, speech: Token | None = None) -> str:
    """Where the predicate stands: main, said, complement, coordinated, elaboration,
    circumstance or background (the first embedding met on the way up decides)."""
    token = predicate
    kind = "main"
    for _ in range(12):
        dep, head = token.dep_, token.head
        if head.i == token.i or dep == "ROOT":
            return kind
        if dep in ("relcl", "acl"):
            return "background"
        if dep == "advcl":
            marks = {c.lower_ for c in token.children if c.dep_ == "mark"}
            if marks & _SCENE_MARKS:
                return "circumstance"
            if token.tag_ == "VBG" and not marks:
                kind = "elaboration" if kind == "main" else kind
            else:
                kind = "complement" if kind == "main" else kind
        elif dep == "pcomp":
            return "circumstance"
        elif dep == "ccomp":
            if speech is not None and head.i == speech.i:
                return "said" if kind == "main" else kind
            kind = "complement" if kind == "main" else kind
        elif dep == "xcomp":
            kind = "complement" if kind == "main" else kind
        elif dep == "conj":
            kind = "coordinated" if kind == "main" else kind
        elif dep in ("dobj", "pobj", "nsubj", "nsubjpass", "attr", "appos", "prep"):
            return "background" if token.pos_ in ("VERB", "AUX") else kind
        token = head
    return kind


def score(*, rule: str, clause: str, source: str, target: str, modality: str) -> float:
    """The confidence of an event from its factors (names as in the tables above)."""
    value = RULE[rule] * CLAUSE[clause] * ACTOR[source] * ACTOR[target] * MODALITY[modality]
    return round(value, 2)
