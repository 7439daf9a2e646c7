"""Negation and modality of a coded predicate, read off the dependency parse.

The cue words live in ``events/data/cues.tsv`` (kind, word, value; documented at the top of
that file).  ``assess(trigger, cues)`` climbs from the trigger through the clauses that embed
it and returns whether the event is negated, its modality (asserted, reported, alleged,
intended, hypothetical) and the verb of saying that reports it, if any:

- "Russia did not attack"                 → negated
- "Russia refused to attack"              → negated (the refusal itself may be an event)
- "Russia could attack"                   → hypothetical (modal auxiliary)
- "would have the power to veto"          → hypothetical (modal on an embedding clause)
- "if Russia attacks"                     → hypothetical (conditional clause)
- "Russia plans to attack"                → intended, intent (the coder makes it a threat, 13x)
- "Russia is expected to attack"          → intended
- "X accused Russia of attacking"         → alleged
- "X said Russia attacked"                → reported, speech verb "said"
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

from tidings.errors import ResourceError

CUES_FILE = Path(__file__).parent / "data" / "cues.tsv"
KINDS = (
    "speech", "allege", "intend", "modal", "condition", "negation", "refuse", "pronoun",
    "anaphor", "group", "willing", "former", "deontic", "minority", "proposal", "appeal", "agent",
    "measure", "clause", "document", "occur", "disaster",
)  # fmt: skip

# Dependency labels through which an embedded predicate inherits the modality of its head.
_EMBEDDING = {"xcomp", "ccomp", "acl", "pcomp", "pobj", "prep", "dobj", "advcl", "relcl", "conj",
              "parataxis", "attr", "oprd", "nsubj", "nsubjpass", "appos", "dative", "acomp"}  # fmt: skip
_CLAUSAL = {"ccomp", "parataxis"}


@dataclass(frozen=True, slots=True)
class Cues:
    """Cue words by kind: ``words[kind][word] = value``."""

    words: dict[str, dict[str, str]] = field(default_factory=dict)

    def has(self, kind: str, word: str) -> bool:
        return word in self.words.get(kind, {})

    def value(self, kind: str, word: str) -> str | None:
        return self.words.get(kind, {}).get(word)


@lru_cache(maxsize=8)
def load_cues(path: str | Path | None = None) -> Cues:
    """Read and validate a cue file (default: the packaged one); errors name file:line."""
    path = Path(path) if path is not None else CUES_FILE
    if not path.is_file():
        raise ResourceError("cue file not found", input=str(path))
    words: dict[str, dict[str, str]] = {kind: {} for kind in KINDS}
    header = False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        where = f"{path}:{number}"
        if not header:
            if cells != ["kind", "word", "value"]:
                raise ResourceError("header must be 'kind word value' (tab-separated)", input=where)
            header = True
            continue
        if len(cells) != 3:
            raise ResourceError(f"expected 3 tab-separated columns, got {len(cells)}", input=where)
        kind, word, value = cells
        if kind not in KINDS:
            raise ResourceError(f"unknown kind {kind!r} (one of {', '.join(KINDS)})", input=where)
        if not word:
            raise ResourceError("empty word", input=where)
        words[kind][word.lower()] = value
    return Cues(words)


@dataclass(frozen=True, slots=True)
class Assessment:
    negated: bool
    modality: str
    speech: Token | None  # the verb of saying whose complement holds the event
    content_of: int | None = None  # the coded predicate whose complement this event is
    future: bool = False  # announced with will/shall: a statement of intent, not the act
    deontic: bool = False  # "must"/"should" on the predicate: an obligation someone states
    planned: bool = False  # under "plans to", "is expected to": the event lies ahead
    # the content of a stated intention ("wants to meet", "vowed to attack", "has no plans to
    # meet"): like "will", the statement is the event (03x, 13x), not the act it announces
    intent: bool = False


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _negated_here(token: Token, cues: Cues) -> bool:
    for child in token.children:
        if child.dep_ == "neg" or (
            child.dep_ in ("det", "advmod") and cues.has("negation", child.lower_)
        ):
            return True
        if child.dep_ in ("nsubj", "nsubjpass") and (
            cues.has("negation", child.lower_)
            or any(d.dep_ == "det" and cues.has("negation", d.lower_) for d in child.children)
        ):
            return True  # "no officials were killed", "nobody was arrested"
    return False


def _modal_here(token: Token, cues: Cues) -> bool:
    for child in token.children:
        if child.dep_ in ("aux", "auxpass") and child.tag_ == "MD":
            value = cues.value("modal", child.lower_)
            if value is not None and value != "asserted":
                return True
    return False


def _conditional_here(token: Token, cues: Cues) -> bool:
    return token.dep_ == "advcl" and any(
        c.dep_ == "mark" and cues.has("condition", c.lower_) for c in token.children
    )


def _alleged_here(token: Token, cues: Cues) -> bool:
    return any(c.dep_ == "advmod" and cues.has("allege", c.lower_) for c in token.children)


def _alleged_noun(token: Token, cues: Cues) -> bool:
    """ "the alleged attack", "alleged crimes (committed by X)": the noun names what is alleged
    (not "suspected militants who attacked": the attack is told as a fact)."""
    return token.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ == "amod" and cues.has("allege", _lemma(c)) for c in token.children
    )


def governor(trigger: Token) -> Token:
    """For an event noun, the verb whose object (or prepositional object) it is; else itself."""
    token = trigger
    if token.pos_ in ("NOUN", "PROPN"):
        if token.dep_ == "pobj" and token.head.dep_ == "prep":
            token = token.head.head
        elif token.dep_ in ("dobj", "nsubjpass", "attr", "oprd"):
            token = token.head
    return token


def _purpose_here(token: Token) -> bool:
    """An infinitive of purpose: "opened fire to disperse the crowd" (the dispersing is aimed at)."""
    return token.dep_ == "advcl" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in token.children)


def assess(trigger: Token, cues: Cues, event_heads: frozenset[int] = frozenset()) -> Assessment:
    """Negation, modality and reporting verb of the event whose trigger is ``trigger``.

    ``event_heads``: token indices of the other predicates coded in the sentence; an event that
    is the complement of one of them ("threatened to impose sanctions", "offered to meet",
    "demanded that X withdraw") is its content, not a fact: intended.
    """
    base = governor(trigger)
    nominal = base.dep_ == "pcomp" and base.head.dep_ == "prep" and base.head.head.pos_ == "NOUN" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "poss") for c in base.children)  # fmt: skip
    if base.tag_ == "VBG" and (base.dep_ in ("csubj", "csubjpass") or nominal):
        # "removing the sanctions is out of the question", "its involvement in killing": a
        # gerund as subject or under a noun names a kind of act, not one that happened
        return Assessment(
            negated=False, modality="hypothetical", speech=None, content_of=base.head.i
        )
    negated = _negated_here(trigger, cues) or (base.i != trigger.i and _negated_here(base, cues))
    modality: str | None = None
    if _reported_future(base, cues):
        modality = "intended"  # "said that Washington would reimpose": a future announced
    elif _modal_here(base, cues) or _conditional_here(base, cues):
        modality = "hypothetical"
    elif _alleged_here(base, cues) or _alleged_here(trigger, cues) or _alleged_noun(trigger, cues):
        modality = "alleged"
    speech: Token | None = None
    content_of: int | None = None
    planned = False
    intent = False
    future = _future_here(base, cues)
    token = base
    # Climb the chain of embedding clauses; the nearest cue decides the modality.
    for _ in range(12):
        head, dep = token.head, token.dep_
        if head.i == token.i or dep not in _EMBEDDING:
            break
        lemma = _lemma(head)
        if dep == "conj":
            future = future or _future_here(head, cues)
            token = head
            continue
        willing = (
            dep in ("xcomp", "prep", "pcomp") and head.pos_ == "ADJ" and cues.has("willing", lemma)
        )
        if willing:
            future = True  # "ready to deepen", "open to working with": a statement of intent
            if cues.value("willing", lemma) == "not":
                negated = not negated  # "unwilling to recognize", "reluctant to meet"
        stated = _states_intent(token, head, cues)
        intent = intent or stated
        if intent and (
            _modal_here(head, cues)
            or _conditional_here(head, cues)
            or _alleged_here(head, cues)
            or dep in ("pcomp", "pobj", "prep", "ccomp", "xcomp") and cues.has("allege", lemma)
        ):  # fmt: skip
            # "if Russia wants to attack", "accused Kyiv of planning to attack": nobody stated
            # that intention
            intent = False
        if (dep == "xcomp" or dep in ("acl", "relcl") and head.pos_ == "NOUN") and cues.has(
            "refuse", lemma
        ):
            # "refused to accept", "its refusal to accept": the acceptance did not happen
            negated = not negated
        elif (dep == "xcomp" or stated) and _negated_here(head, cues):
            negated = True  # "does not want to meet", "has no plans to meet"
        elif willing and head.dep_ == "acomp" and _negated_here(head.head, cues):
            negated = not negated  # "is not ready to meet": the negation sits on the copula
        if modality is None:
            if _modal_here(head, cues) or _conditional_here(head, cues):
                modality = "hypothetical"
            elif dep in ("xcomp",) and cues.has("intend", lemma):
                modality = "intended"
                planned = True
                if head.i in event_heads:
                    # "pledged to withdraw", "tried to kill": the verb's own row codes the
                    # pledge or the attempt; the withdrawal is its content
                    content_of = head.i
            elif (dep in ("acl", "xcomp", "advcl") or dep == "relcl" and any(c.tag_ == "TO" for c in token.children)) and (
                head.pos_ == "NOUN" and cues.has("proposal", lemma)
            ):  # fmt: skip
                modality = "intended"  # "a call for troops to be deployed", "a plan to withdraw"
            elif dep in ("pcomp", "pobj", "prep", "ccomp", "xcomp") and cues.has("allege", lemma):
                modality = "alleged"
            elif _alleged_here(head, cues) or dep == "acl" and _alleged_noun(head, cues):
                modality = "alleged"
            elif (
                dep in ("xcomp", "ccomp")
                and head.i in event_heads
                and not cues.has("speech", lemma)
            ):
                modality = "intended"
                content_of = head.i
            elif _purpose_here(token):
                modality = "intended"
        if content_of is None and event_heads:
            owner = _content_owner(token, head, cues, modality)
            if owner is not None and owner.i in event_heads:
                # "rejected a call for troops to be deployed", "staged rallies to demand
                # reforms", "tortured refugees, whom authorities blame": part of (or what is
                # said about) the event coded there, not an event of its own
                content_of = owner.i
                modality = modality or "intended"
        if dep in _CLAUSAL and cues.has("speech", lemma):
            speech = head
            if modality is None:
                modality = "reported"
            break
        token = head
    deontic = any(c.dep_ == "aux" and cues.has("deontic", c.lower_) for c in base.children)
    return Assessment(negated=negated, modality=modality or "asserted", speech=speech,
                      content_of=content_of, future=future, deontic=deontic, planned=planned,
                      intent=intent)  # fmt: skip


def _states_intent(token: Token, head: Token, cues: Cues) -> bool:
    """``token`` is what its subject says it means to do: the infinitive under a verb of stated
    intention ("wants to meet", "vowed to attack"; cue value ``express`` in cues.tsv) or under
    such a noun ("has no plans to meet", "expressed readiness to resume", "no intention of
    sending")."""
    if cues.value("intend", _lemma(head)) != "express":
        return False
    if token.dep_ == "xcomp":
        return head.pos_ in ("VERB", "AUX")
    if head.pos_ != "NOUN":
        return False
    if token.dep_ == "prep":
        return token.lower_ in ("of", "to")  # "no intention of sending", "commitment to working"
    infinitive = any(c.dep_ == "aux" and c.tag_ == "TO" for c in token.children)
    return token.dep_ in ("acl", "relcl") and infinitive  # "its readiness to resume talks"


def _noun_owner(noun: Token) -> Token:
    """The predicate a noun phrase belongs to: up through "of"/"for" phrases and nouns to the
    verb whose object it is ("rejected a call for troops" → rejected), or the outermost noun."""
    token = noun
    for _ in range(6):
        if token.dep_ in ("pobj", "pcomp") and token.head.dep_ in ("prep", "agent", "dative"):
            token = token.head.head
        elif token.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "dative") and token.head.pos_ in (
            "VERB",
            "AUX",
        ):
            return token.head
        elif token.pos_ in ("VERB", "AUX"):
            return token
        else:
            return token
    return token


def _content_owner(token: Token, head: Token, cues: Cues, modality: str | None) -> Token | None:
    """The predicate whose part an embedded clause is: a purpose infinitive ("opened fire to
    disperse"), a condition ("threatened to strike unless X pays"), the complement of a
    predicate ("agreed that they should cooperate", "demanded that X cancel plans to sell"),
    a clause modifying the object of a predicate ("rejected plans to sell", "an appeal to lay
    down arms", "migrants expelled from …", "a bill meant to widen the embargo")."""
    dep = token.dep_
    if head.pos_ in ("VERB", "AUX"):
        if dep == "advcl" and (_purpose_here(token) or any(
            c.dep_ == "mark" and (cues.has("condition", c.lower_) or c.lower_ == "until") for c in token.children
        )):  # fmt: skip
            return head
        lemma = _lemma(head)
        if dep in ("ccomp", "xcomp") and not any(
            cues.has(kind, lemma) for kind in ("speech", "intend", "willing", "allege")
        ):  # fmt: skip
            return head
        return None
    if dep == "relcl" and modality == "intended" and head.pos_ in ("NOUN", "PROPN"):
        return _noun_owner(head)
    infinitive = any(c.dep_ == "aux" and c.tag_ == "TO" for c in token.children)
    # "refugees expelled by Togo" states an expulsion; "militiamen armed with machetes",
    # "migrants expelled from Libya" only describe whom the main event concerns
    reduced_passive = (
        dep == "acl" and token.tag_ == "VBN" and not any(c.dep_ == "agent" for c in token.children)
    )
    # a participle naming what a law or resolution does ("a law recognizing X") is its act
    if (
        dep in ("acl", "relcl")
        and (infinitive or reduced_passive)
        and head.pos_ in ("NOUN", "PROPN", "PRON")
    ):
        owner = _noun_owner(head)
        if owner.pos_ in ("VERB", "AUX") and cues.has("speech", _lemma(owner)):
            return None  # "said the rebels who …": the saying is no event of the clause
        return owner
    return None


def _reported_future(token: Token, cues: Cues) -> bool:
    """ "would" in the complement of a verb of saying is the future seen from the past."""
    if not any(c.dep_ == "aux" and c.lower_ in ("would", "'d") for c in token.children):
        return False
    while token.dep_ == "conj":
        token = token.head
    return token.dep_ == "ccomp" and cues.has("speech", token.head.lemma_.lower())


def _future_here(token: Token, cues: Cues) -> bool:
    if (
        token.dep_ == "xcomp"
        and token.head.lemma_ == "be"
        and any(c.dep_ == "aux" and c.tag_ == "TO" for c in token.children)
    ):
        return True  # "the two countries are to sign a treaty": announced like "will"
    return any(
        c.dep_ == "aux" and cues.value("modal", c.lower_) == "asserted" for c in token.children
    )
