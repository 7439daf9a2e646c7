"""The event coder: from a parsed, actor-resolved sentence to CAMEO/PLOVER events.

For each verb or event noun whose lemma is in the lexicon (``tidings.events.lexicon``) the
coder picks the most specific lexicon entry whose conditions hold (particle/preposition,
object lemma), then reads the actors off the dependency parse:

- **source**: the subject; the ``by`` agent of a passive; for an infinitive or gerund without
  a subject, the controller ("Libya offered to hand over …" → Libya; "urged X to stop" → X;
  "accused X of sending" → X); for a conjoined verb, the first verb's subject ("agrees with
  and supports"); for a relative clause, the noun it modifies; inside a quote or reported
  speech, when the clause has no actor of its own, the speaker.
- **target**: as the entry says (``dobj``, ``prep:with`` …), else the indirect object, the
  object, then the objects of with/against/on/to; for a passive, its subject.
- **protests** (CAMEO 14): an unnamed crowd ("protesters", "inmates") takes the country of the
  place it acts in; a protest with no target is aimed at the government of the place, or, when
  it names no place, of the protesters' own country (groups with a sector: students, the
  opposition); a government or an IGO that "protested", and anyone who "protested that
  …", made a complaint (114); "demonstrated that …" is no protest at all.

An act announced for the future ("will meet"), with readiness ("is ready to meet") or as a
stated intention ("wants to meet", "vowed to attack") is coded as the intent or threat
(``intent.tsv``), and announced as not happening as the refusal (``refusal.tsv``).

Compound actors ("China and Belarus") give one event per source-target pair.  Negation and
modality come from ``tidings.events.modality``; the date from the clause's own date
expression ("on Tuesday", resolved against the article date) or else the article date.
Sentences without a finite verb (tag lists, page furniture) are never coded.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from tidings.dates import find_dates
from tidings.events.confidence import clause_kind, score
from tidings.events.frames import load_political
from tidings.events.history import historical, reference_year
from tidings.events.lexicon import (
    INTENT_FILE,
    REFUSAL_FILE,
    Lexicon,
    NounEntry,
    VerbEntry,
    load_code_map,
    mapped_code,
)  # fmt: skip
from tidings.events.modality import Cues, assess, governor, load_cues
from tidings.extensions import Mention, register_extensions
from tidings.nlp import has_finite_verb
from tidings.records import Actor, Event, Evidence, Quote

logger = logging.getLogger(__name__)

_SUBJECTS = ("nsubj", "csubj")
_DEFAULT_TARGET_PREPS = ("with", "against", "on", "to", "for", "at", "between")
# Branches of a noun phrase that can hold the actor it stands for ("officials from China").
_ACTOR_PREPS = {"of", "from", "by"}
_STOP_DEPS = {"relcl", "acl", "ccomp", "advcl", "xcomp", "parataxis", "punct", "cc", "det",
              "prep", "mark", "aux", "neg", "case"}  # fmt: skip
_CONTROL_PREPS = ("on", "upon")
_PLACE_PREPS = ("in", "into")
_CONDITION_MARKS = ("if", "unless", "until")
_NESTED_TARGET_PREPS = ("against", "with", "on")
DEMAND_CODE = "100"  # CAMEO "Demand" (PLOVER REQUEST): what an obligation stated by a speaker is
_OBLIGATION_RULE = "cues.tsv deontic"
APPEAL_CODE = "020"  # CAMEO "Make an appeal or request" (PLOVER REQUEST)
_APPEAL_RULE = "cues.tsv appeal"
_CIRCUMSTANCE_PREPS = ("after", "during", "following", "amid", "before")
# Nouns of a phrase that names whom an act is *for*, never whom it is aimed at: "in support of
# X", "in solidarity with X", "on behalf of X", "in defence of X", "in memory of X".
_BENEFICIARY_NOUNS = frozenset({"support", "solidarity", "behalf", "favor", "favour", "defense",
                                "defence", "memory", "honor", "honour", "name"})  # fmt: skip
_VISITS = ("042", "043")  # CAMEO make / host a visit
# codes whose place is their target: visits (the host), restrictions such as curfews and states
# of emergency, and their easing (the people of the place), asylum sought (its host)
_PLACE_IS_TARGET = (*_VISITS, "172", "081", "0233")
_VIOLENCE = ("18", "19", "20")  # CAMEO assault, fight, mass violence
# restrictions (curfew, state of emergency) and suspensions that answer a disaster (an official
# inquiry into an accident stays an investigation, as PLOVER codes it)
_DISASTER_RESPONSES = ("172", "087")
_ARMED = ("MIL", "REB", "INS", "COP")
_STREET_PROTEST = ("140", "141")  # CAMEO dissent, demonstrate or rally
_COMPLAINT = "114"  # CAMEO complain officially (PLOVER ACCUSE)
_OFFICIAL = ("GOV", "IGO")  # who complain rather than take to the streets (NGOs do both)
_LOCATIVE_PREPS = ("in", "into", "at", "outside", "near", "across", "throughout", "inside")
# nouns that take their meaning from a compound before them ("mediation effort", "peace talks")
_LIGHT_NOUNS = (
    "effort",
    "efforts",
    "bid",
    "initiative",
    "mission",
    "process",
    "campaign",
    "operation",
)
# craft whose owner acts through them ("a Turkish air force jet shot down a drone")
_VESSELS = frozenset({"ship", "vessel", "boat", "warship", "frigate", "destroyer", "carrier",
                      "gunboat", "plane", "aircraft", "warplane", "bomber", "helicopter", "gunship"})  # fmt: skip
_COUNT_NOUNS = (
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    "scores",
    "number",
)  # "called on X to …": X does the infinitive


@dataclass(frozen=True, slots=True)
class Candidate:
    trigger: Token  # the verb or noun that fired
    predicate: Token  # the verb whose arguments hold the actors (the noun's governor for nouns)
    entry: VerbEntry | NounEntry
    trigger_text: str


@lru_cache(maxsize=8)
def load_lexicon(verb_files: tuple[str, ...] | None, noun_files: tuple[str, ...] | None) -> Lexicon:
    return Lexicon.load(verbs=verb_files, nouns=noun_files)


@lru_cache(maxsize=1)
def load_ontology_cached():  # type: ignore[no-untyped-def]
    from tidings.events.ontology import load_ontology

    return load_ontology()


class EventCoder:
    """The ``tidings_events`` component: writes ``doc._.events`` (list of Event)."""

    def __init__(self, lexicon: Lexicon, ontology: object, cues: Cues) -> None:
        self.intents = load_code_map(INTENT_FILE)
        self.refusals = load_code_map(REFUSAL_FILE)
        self.political = load_political()
        self.measures = frozenset(cues.words.get("measure", {}))
        # nouns whose owner did what they name: documents ("the government's plan calls for")
        # and the lexicon's event nouns ("US missile strikes killed")
        self.owned = (frozenset(cues.words.get("document", {})) | frozenset(lexicon.nouns)
                      | lexicon.classes.get("arms", frozenset()) | _VESSELS)  # fmt: skip
        self.protest_nouns = frozenset(
            lemma for lemma, entries in lexicon.nouns.items()
            if any(e.cameo.startswith("14") for e in entries)
        )  # fmt: skip
        self.lexicon = lexicon
        self.ontology = ontology
        self.cues = cues

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = list(self.code_doc(doc))
        return doc

    # -- finding predicates ---------------------------------------------------------------
    def candidates(self, sent: Span) -> Iterable[Candidate]:
        fired: set[int] = set()
        nouns: list[Token] = []
        # tokens inside an actor mention: what the built-in @actor class matches
        self._covered = {i for m in sent.doc._.actors or () if m.start < sent.end and m.end > sent.start
                         for i in range(m.start, m.end)}  # fmt: skip
        for token in sent:
            lemma = token.lemma_.lower()
            # participles used as adjectives ("the visiting king", "armed men") describe, they
            # do not report an event
            found = None
            if token.pos_ == "VERB" and lemma in self.lexicon.verbs and token.dep_ != "amod":
                found = self._match_verb(token, self.lexicon.verbs[lemma])
                if found is not None and self._statement(token, found.entry):
                    found = None
                if found is not None:
                    fired.add(token.i)
                    yield found
            if found is not None:
                continue
            if token.pos_ in ("VERB", "AUX") and self._stated_obligation(token):
                # "France repeated that Mali must free the hostages": whatever the
                # verb, an obligation a speaker lays on someone else is a demand
                fired.add(token.i)
                entry = VerbEntry(
                    DEMAND_CODE, lemma, None, frozenset(), "none", "", _OBLIGATION_RULE
                )
                yield Candidate(token, token, entry, token.text)
            elif token.pos_ == "VERB" and self._wanted_of_another(token):
                # "Kyiv wants Berlin to send tanks": what one actor wants another to do is an
                # appeal to it; the sending is its content
                fired.add(token.i)
                entry = VerbEntry(APPEAL_CODE, lemma, None, frozenset(), "-", "", _APPEAL_RULE)
                yield Candidate(token, token, entry, token.text)
            elif (
                token.pos_ in ("NOUN", "PROPN")
                and token.lower_ in self.lexicon.nouns
                or (token.pos_ == "NOUN" and lemma in self.lexicon.nouns)
            ):
                nouns.append(token)
        for token in nouns:
            found = self._match_noun(token, fired)
            if found is not None:
                yield found

    def _fits(self, obj: Token, lemmas: frozenset[str]) -> bool:
        """The object is one the row allows: a listed lemma (through quantities and parts),
        or, for ``@actor``, someone: an actor mention, a noun of ``agent``, a person's name, a
        pronoun, a number of people ("killed 30")."""
        if _object_fits(obj, lemmas, self.measures):
            return True
        return "@actor" in lemmas and self._actorish(obj)

    def _actorish(self, token: Token) -> bool:
        near = [
            token,
            *(
                c
                for c in token.children
                if c.dep_ in ("compound", "amod", "appos", "poss", "conj", "nummod")
            ),
        ]
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is not None and _child(of, "pobj") is not None:
            near.append(_child(of, "pobj"))  # "members of the opposition", "dozens of soldiers"
        for t in near:
            if t.i in self._covered or self.cues.has("agent", t.lemma_.lower()):
                return True
        if token.tag_ in ("PRP", "NNP", "NNPS") and token.ent_type_ not in (
            "DATE",
            "TIME",
            "MONEY",
            "PERCENT",
        ):
            return True
        return token.like_num or token.pos_ == "NUM"

    def _statement(self, verb: Token, entry: VerbEntry | NounEntry) -> bool:
        """A verb whose default row codes an act, said of a clause, states something instead
        (cue kind ``clause``): "agreed that the rival cheated", "recognized that mistakes were
        made", "conceded she would lose"; "warned that …" only threatens when the clause
        announces what will happen ("would be met with consequences")."""
        value = self.cues.value("clause", verb.lemma_.lower())
        if value is None or not isinstance(entry, VerbEntry) or entry.objects or entry.prep:
            return False
        clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")
                       and not any(a.tag_ == "TO" for a in c.children)), None)  # fmt: skip
        if clause is None or _child(verb, "dobj") is not None:
            return False
        if value == "future":
            # "warned that it would be a mistake": a judgement, not an act announced
            copula = clause.lemma_ == "be" and any(
                c.dep_ in ("attr", "acomp") for c in clause.children
            )
            return copula or not any(
                a.dep_ == "aux" and (a.tag_ == "MD" or a.lower_ in ("will", "would", "'ll"))
                for a in clause.children
            )  # fmt: skip
        return True

    def _wanted_of_another(self, verb: Token) -> bool:
        """A verb of wanting (cues.tsv ``appeal``) whose infinitive clause has its own subject."""
        if not self.cues.has("appeal", verb.lemma_.lower()):
            return False
        for c in verb.children:
            if c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children):
                subj = _child(c, "nsubj")
                return subj is not None and subj.pos_ in ("NOUN", "PROPN")
        return False

    def _stated_obligation(self, verb: Token) -> bool:
        """A verb outside the lexicon under "must"/"should", in what a speaker says."""
        if verb.dep_ != "ccomp" or not self.cues.has("speech", verb.head.lemma_.lower()):
            return False
        if not any(c.dep_ == "aux" and self.cues.has("deontic", c.lower_) for c in verb.children):
            return False
        return not any(c.dep_ == "neg" for c in verb.children) and _child(verb, "nsubj") is not None

    def _match_verb(self, verb: Token, entries: Sequence[VerbEntry]) -> Candidate | None:
        # particles come as prt, or as advmod ("stepped down", "walked away")
        preps = {
            c.lower_: c
            for c in verb.children
            if c.dep_ in ("prep", "prt", "agent", "dative", "advmod") and not _dated(c)
        }
        dobj = _child(verb, "dobj") or _child(verb, "nsubjpass")
        if dobj is None and verb.dep_ == "acl" and verb.tag_ == "VBN":
            dobj = verb.head  # "a statement released by his office": the noun is the object
        if dobj is not None and dobj.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
            dobj = verb.head  # "civilians who were shot by troops": the noun is the object
        if dobj is None:
            # "killing and capturing dozens of soldiers": conjoined verbs share the object
            dobj = next(
                (o for c in verb.conjuncts if c.i > verb.i for o in [_child(c, "dobj")] if o), None
            )
        # "pledged to send troops", "refused to hold talks": the infinitive's own object, tried
        # only when no row names the infinitive itself (so "pledged to withdraw its troops" is
        # a pledge to withdraw, not one of troops)
        inner_objs = [
            o for c in verb.children if c.dep_ == "xcomp" for o in [_child(c, "dobj")] if o
        ]
        deferred: Candidate | None = None
        for entry in entries:
            if entry.prep is not None and entry.prep not in preps:
                continue
            if not entry.objects and deferred is not None:
                return deferred
            if entry.objects:
                # the object may be a noun ("sign an agreement"), the noun after the entry's
                # preposition ("agree to a ceasefire") or a verb complement ("offered to mediate")
                objs = [dobj] if dobj is not None else []
                if entry.prep is not None:
                    p = preps[entry.prep]
                    inner = _child(p, "prep")  # "pulled out of the deal"
                    objs += [
                        _child(p, "pobj"),
                        _child(p, "pcomp"),
                        _child(inner, "pobj") if inner is not None else None,
                    ]
                objs += [c for c in verb.children if c.dep_ in ("xcomp", "ccomp") or (
                    c.dep_ == "advcl" and any(a.tag_ == "TO" for a in c.children))]  # fmt: skip
                if "@infinitive" in entry.objects and _infinitive_of_another(verb):
                    text = (
                        verb.text if entry.prep is None else f"{verb.text} {preps[entry.prep].text}"
                    )
                    return Candidate(verb, verb, entry, text)
                if not any(o is not None and self._fits(o, entry.objects) for o in objs):
                    if deferred is None and any(self._fits(o, entry.objects) for o in inner_objs):
                        text = (
                            verb.text
                            if entry.prep is None
                            else f"{verb.text} {preps[entry.prep].text}"
                        )
                        deferred = Candidate(verb, verb, entry, text)
                    continue
            text = verb.text if entry.prep is None else f"{verb.text} {preps[entry.prep].text}"
            return Candidate(verb, verb, entry, text)
        return deferred

    def _match_noun(self, noun: Token, fired: set[int]) -> Candidate | None:
        entries = self.lexicon.nouns.get(noun.lemma_.lower()) or self.lexicon.nouns.get(
            noun.lower_, []
        )
        gov = governor(noun)
        governed = gov.i != noun.i and gov.pos_ in ("VERB", "AUX")
        # "clashes between Turkish and Syrian forces continued", "protests erupted in Cairo":
        # an event noun as the subject of a verb of occurrence (cues.tsv occur) happened
        occurs = (
            noun.dep_ == "nsubj" and noun.head.pos_ == "VERB"
            and self.cues.has("occur", noun.head.lemma_.lower())
        )  # fmt: skip
        best: Candidate | None = None
        for entry in entries:
            if occurs and "@occur" in entry.governors:
                return Candidate(noun, noun, entry, f"{noun.text} {noun.head.text}")
            if entry.governors:
                if governed and gov.lemma_.lower() in entry.governors:
                    if gov.i in fired:
                        return None  # the verb already coded this ("impose sanctions")
                    return Candidate(noun, gov, entry, f"{gov.text} {noun.text}")
            elif best is None:
                best = Candidate(noun, noun, entry, noun.text)
        if best is not None and governed and gov.i in fired:
            return None
        return best

    # -- coding ---------------------------------------------------------------------------
    def code_doc(self, doc: Doc) -> Iterable[Event]:
        article = doc._.article
        article_id = getattr(article, "id", "") or ""
        base_date = getattr(article, "date", None)
        mentions = doc._.actors or []
        at: dict[int, list[Mention]] = defaultdict(list)
        for m in mentions:
            for i in range(m.start, m.end):
                at[i].append(m)
        quotes: list[Quote] = list(doc._.quotes or [])
        year = reference_year(
            doc, base_date, estimated=getattr(article, "estimated_date", None) is not None
        )
        told: set[tuple] = set()  # events already emitted in this article
        for n, sent in enumerate(doc.sents):
            if not has_finite_verb(sent):
                continue
            seen: set[tuple] = set()
            disaster = any(self.cues.has("disaster", t.lemma_.lower()) for t in sent)
            cands = self._drop_bare_intentions(list(self.candidates(sent)))
            heads = frozenset(c.predicate.i for c in cands)
            for cand in cands:
                pred = cand.predicate
                if historical(pred, _own_clause(pred), year):
                    continue  # "in 2000 he met …", "has threatened in the past": not today's news
                if cand.entry.cameo.startswith(_DISASTER_RESPONSES) and disaster:
                    continue  # "declared a state of emergency after the tsunami"
                for event in self._events(cand, n, sent, at, quotes, article_id, base_date, heads):
                    key = (event.source.code or event.source.text,
                           event.target.code if event.target else None,
                           event.cameo, cand.predicate.i)  # fmt: skip
                    if key in seen:
                        continue
                    seen.add(key)
                    # the headline and the lead, a quote and its paraphrase: one event, told
                    # once per article
                    # once per article (between two named parties: without a target, two
                    # statements alike are more often two statements)
                    if event.source.code and event.target is not None and event.target.code:
                        again = (event.source.code, event.target.code, event.cameo,
                                 event.negated, event.modality, event.date)  # fmt: skip
                        if again in told:
                            continue
                        told.add(again)
                    yield event

    def _drop_bare_intentions(self, cands: list[Candidate]) -> list[Candidate]:
        """ "Iran vowed to attack Israel", "Iraq sought to improve relations": a verb of stated
        intention coded only by its bare row (vow → 030, seek → 020) gives way
        to the act it announces, which the coder turns into the intent or threat it is."""
        acts = {c.predicate.i for c in cands if not c.entry.cameo.startswith("01")}
        kept = []
        for cand in cands:
            entry, verb = cand.entry, cand.trigger
            bare = isinstance(entry, VerbEntry) and entry.prep is None and not entry.objects
            chain = _xcomp_chain(verb)
            if (
                bare
                and self.cues.value("intend", verb.lemma_.lower()) == "express"
                and (any(c.i in acts for c in chain) or chain and entry.cameo.startswith("02"))
            ):
                # ("Russia sought to expand its presence": seeking to do something is trying,
                # not an appeal, which asks someone for something)
                continue
            kept.append(cand)
        return kept

    def _events(
        self, cand: Candidate, n: int, sent: Span, at: dict[int, list[Mention]],
        quotes: list[Quote], article_id: str, base_date: str | None, heads: frozenset[int],
    ) -> Iterable[Event]:  # fmt: skip
        verdict = assess(cand.trigger, self.cues, heads - {cand.predicate.i})
        if verdict.content_of is not None:
            # "threatened to impose sanctions": the imposing is what the threat is about; the
            # threat is the event, and it takes its target from here (see target())
            return
        cameo = cand.entry.cameo
        negated, modality = verdict.negated, verdict.modality
        # "will meet", "is ready to meet", "wants to meet", "vowed to strike": the statement of
        # intent is the event (intent.tsv), asserted (or reported) like any statement
        expressed = verdict.future or verdict.intent
        # "said it would blockade Paris", "said South Africa would give Nigeria aid": the future
        # seen from a past statement is announced like "will"
        expressed = expressed or (
            modality == "intended" and verdict.speech is not None and _modal_future(cand.predicate)
        )
        # the statement happened: asserted, or reported when a verb of saying relays it ("said
        # it wants to meet", like "said it is ready to meet")
        stated = "reported" if verdict.speech is not None else "asserted"
        announced = expressed or modality == "intended" and _modal_future(cand.predicate)
        if announced and negated and modality in ("asserted", "reported", "intended"):
            refusal = mapped_code(self.refusals, cameo)  # "will not accept" → a rejection
            if refusal is not None:
                cameo, negated, modality = (
                    refusal,
                    False,
                    stated if modality == "intended" else modality,
                )
        elif (
            (announced and modality in ("asserted", "reported", "intended")
             or modality == "hypothetical" and _may(cand.predicate))
            and _threat_condition(cand.predicate, cameo)
        ):  # fmt: skip
            # ("may halt mediation if …": a conflictual act held out on a condition threatens too)
            # "will withdraw … unless X …", "will strike if X …": a threat (a cooperative act
            # offered "if X …" stays an offer, below)
            threat = mapped_code(self.intents, cameo) or ""
            cameo = (
                cameo if cameo.startswith("13") else threat if threat.startswith("13") else "130"
            )
            modality = stated if modality in ("intended", "hypothetical") else modality
        elif (expressed or announced and _condition(cand.predicate, self.cues)) and modality in (
            "asserted", "reported", "intended", "hypothetical",
        ):  # fmt: skip
            intended = mapped_code(self.intents, cameo)  # "will support" → intent
            if intended is not None or not verdict.intent or verdict.future:
                cameo = intended or cameo
                modality = stated if modality in ("intended", "hypothetical") else modality
            # else "wants to condemn": CAMEO has no intent code for it; it stays intended
        finder = _ActorFinder(at, self.cues, owned=self.owned)
        kinds = finder.kinds
        speaker = self._speaker(cand.trigger, verdict.speech, quotes, finder)
        sources = finder.source(cand)
        if not sources and cand.entry.cameo.startswith("14"):
            # "protesters rioted in Lagos": an unnamed crowd protesting somewhere is, by the
            # CAMEO convention, that country's
            sources = finder.crowd_in_place(cand.predicate)
        rule = cand.entry.rule
        if (
            verdict.deontic
            and not negated
            and speaker is not None
            and speaker.code
            and sources
            and all(s.code != speaker.code for s in sources)
        ):
            # "Britain said Libya must hand over the suspects": a demand by the speaker on the
            # clause's actor; what is demanded is its content (as with "demanded that …")
            targets_of_demand = [s for s in sources if s.code]
            cameo, rule, modality = DEMAND_CODE, f"{rule} (must: demand)", "asserted"
            sources, forced_targets = [speaker], targets_of_demand
        else:
            forced_targets = None
            if rule == _OBLIGATION_RULE:
                return  # an obligation the clause's own actor states is no demand on anyone
        code = self.ontology.find(cameo)  # type: ignore[attr-defined]
        if code is None or code.plover is None:
            return
        # ("police said the attack occurred": the speaker of a bare event noun did not do it)
        free_noun = isinstance(cand.entry, NounEntry) and cand.trigger.i == cand.predicate.i
        if (
            not sources
            and speaker is not None
            and not free_noun
            and finder.takes_speaker(cand.predicate)
        ):
            sources = [speaker]
            kinds[id(speaker)] = "speaker"
            if modality == "reported":
                modality = "asserted"  # the speaker performs it by saying it ("We call for…")
        if (
            speaker is not None
            and modality == "asserted"
            and sources
            and all(s.code != speaker.code for s in sources)
        ):
            modality = "reported"  # someone else's action, in the speaker's words
        targets = forced_targets if forced_targets is not None else finder.target(cand)
        patient = _child(cand.predicate, "nsubjpass")
        if (
            cameo[:2] == "15" and not sources and patient is not None
            and _agentless_passive(cand.predicate)
        ):  # fmt: skip
            # "the aircraft was deployed over Libya": what is deployed is the deployer's own
            # force, not the target of the deployment (which is where it goes)
            loose_moved = _ActorFinder(at, self.cues, lenient=True, kinds=kinds)
            moved = finder.actors_in(patient) or loose_moved.actors_in(patient)
            if moved:
                sources = moved
                homes = {m.country for m in moved}
                places = finder._place_target(cand.predicate)
                targets = [t for t in places if t.country not in homes]
        if not sources:
            # never drop an event for want of a code: the subject's own words, and the country
            # of the place where it happened when the clause names one
            sources = _ActorFinder(
                at, self.cues, lenient=True, kinds=kinds, owned=self.owned
            ).source(cand)
        agent = _child(cand.predicate, "agent")
        cause = _child(agent, "pobj") if agent is not None else None
        if cause is not None and self.cues.has("disaster", cause.lemma_.lower()):
            return  # "isolated by flooding", "struck by a train": an accident, not an act
        if not sources and _agentless_passive(cand.predicate, finder):
            # "six soldiers were killed in Kandahar": by someone the text does not name; but an
            # arrest, an expulsion or a ban is the state's act, the authorities of the place
            # where it happened ("a journalist was arrested in Iran")
            state = cameo[:2] in _STATE_ACTS and finder._place_target(
                cand.predicate, authority=True
            )
            sources = state or [UNKNOWN]
            kinds[id(UNKNOWN)] = "unknown"
        if not sources:
            return
        sources = [s if s.code else _role_as(s, finder, cand) or _placed_actor(s, finder, cand)
                   for s in sources]  # fmt: skip
        for s in sources:
            kinds.setdefault(id(s), "context" if s.code else "text")
        date = self._date(cand, sent, base_date, future=verdict.future or verdict.planned)
        sentence = sent.text.rstrip()  # a sentence span keeps the blank line after it
        evidence = Evidence(
            sentence, sent.start_char, sent.start_char + len(sentence), cand.trigger_text
        )
        domestic = None if targets else finder.object_phrase(cand)
        # whom it was aimed at, when no dictionary knows them: "arrested a student", "met
        # rebel leaders" (kept with their words and no code)
        loose_finder = _ActorFinder(at, self.cues, lenient=True, kinds=kinds, owned=self.owned)
        loose = [] if targets or forced_targets is not None else loose_finder.target(cand)
        about_protest = self._about_protest(cand)
        clause = clause_kind(cand.predicate, verdict.speech)
        if cameo[:2] == "05" and not targets and _own_thing(cand.predicate, self.owned):
            return  # "the government defended its actions": no one else is supported
        if (
            clause == "background"
            and _told_in_passing(cand.predicate, protest=cameo.startswith("14"), at=at)
            and not self._document_content(cand.predicate)
        ):
            # "rebels who agreed to stop fighting", "people opposed to the president": a clause
            # that describes someone tells no news of its own (a resolution's or a statement's
            # content — "a resolution criticizing Nicaragua" — is its author's act)
            return
        rule_kind = _rule_kind(cand.entry, rule)
        says = any(c.dep_ == "ccomp" for c in cand.trigger.children)  # "protested that …"
        if says and code.code in _STREET_PROTEST and cand.trigger.lemma_.lower() == "demonstrate":
            return  # "Russia demonstrated that it could strike": it showed, it did not protest
        if says and not targets and code.code in _STREET_PROTEST:
            targets = finder._complement_target(cand.predicate)  # "… that Croatia was failing"
        for source in sources:
            if code.code[:3] in _VISITS and source.sector in _ARMED:
                continue  # troops arriving somewhere are no diplomatic visit
            # unknown targets and the source itself are no target
            kept = [t for t in targets if t.code and t.code != source.code]
            if not kept and not targets and code.code[:2] in _JOINT:
                # "Kenya and Uganda signed a treaty", "the two leaders met": a joint act is
                # one event each way (the ICEWS and Phoenix convention)
                kept = [o for o in sources if o.code and o.code != source.code]
            if not kept and targets and forced_targets is None:
                # "Chile opened its border to allow deliveries to Bolivia": the object only
                # names the source's own things; look further for whom the act concerns
                kept = finder.further_targets(cand, source)
            if kept and all(t.country == source.country for t in kept):
                # "Syria offered its troops to Lebanon": a foreign actor is the likelier target
                # ("pledged to withdraw its troops from Georgia": in the complement)
                foreign = [
                    t
                    for t in finder.other_targets(cand) or finder.complement_prep_targets(cand)
                    if t.country and t.country != source.country
                ]
                kept = foreign or kept
            if not kept and loose:
                kept = [t for t in loose if t.text != source.text]
                if source.country and source.code != source.country:
                    # an unnamed group of a sector ("police opened fire on demonstrators"): by
                    # the CAMEO convention, of the country of the state body acting on it
                    kept = [
                        finder._mark([Actor(t.text, source.country + t.sector, source.country, t.sector, t.name)], "context")[0]
                        if t.sector and not t.country and t.sector not in _OWN_BODIES else t
                        for t in kept
                    ]  # fmt: skip
            if domestic is not None and source.country and source.code != source.country:
                # an unnamed domestic group ("Turkish police dispersed the demonstrators"): by
                # the CAMEO convention it belongs to the source's country
                sector = domestic.actor.sector
                kept = finder._mark([
                    Actor(
                        domestic.actor.text, source.country + sector, source.country, sector, None
                    )
                ], "context")  # fmt: skip
            if (
                not kept
                and not targets
                and code.code.startswith("14")
                and _domestic(source)
                and not _placed(cand.predicate)
            ):
                # "Indonesian students staged demonstrations": a protest that names no target
                # and no place is aimed at the protesters' own rulers (as "in Serbia" is; a
                # place the dictionaries do not know may lie in another country)
                kept = finder._mark([
                    Actor("its government", source.country + "GOV", source.country, "GOV", None)
                ], "context")  # fmt: skip
            this = code
            if code.code in _STREET_PROTEST and (source.sector in _OFFICIAL or says):
                # "Beijing protested …", "Amnesty protested that …": a government's or an IGO's
                # protest, or one that says something, is a complaint
                this = self.ontology.find(_COMPLAINT) or code  # type: ignore[attr-defined]
            for target in kept or [None]:
                if target is None and not source.code and this.code[:2] == "04":
                    continue  # "officials met on Monday": nobody the reader can place
                # where it happened makes no act political ("a man shot his neighbour in Ohio")
                placed = finder.is_place(target) or loose_finder.is_place(target)
                if placed and this.code in _VISITS and target.country == source.country:
                    continue  # "Karzai arrived in Kabul": a trip home is no visit
                aimed = None if placed and not this.code.startswith(_PLACE_IS_TARGET) else target
                if not self.political.event(source, aimed, this.code, protest=about_protest):
                    continue  # no political actor takes part: a crime, a fire, a match
                yield Event(
                    article_id=article_id, sentence=n, date=date, source=source, target=target,
                    cameo=this.code, cameo_name=this.name, plover=this.plover,
                    plover_mode=this.plover_mode, goldstein=this.goldstein,
                    quad_class=this.quad_class, evidence=evidence, rule=rule,
                    negated=negated, modality=modality, speaker=speaker,
                    confidence=score(rule=rule_kind, clause=clause, source=finder.kind(source),
                                     target=finder.kind(target), modality=modality),
                )  # fmt: skip

    def _document_content(self, pred: Token) -> bool:
        """The predicate describes a document or decision noun ("a resolution criticizing X",
        "a declaration demanding Y", "a law banning Z")."""
        token = pred
        while token.dep_ in ("conj", "xcomp") and token.head.i != token.i:
            token = token.head
        # also what a noun of intention or proposal says will be done ("its readiness to
        # resume talks", "a plan to withdraw")
        head = token.head.lemma_.lower()
        kinds = ("document", "intend", "proposal", "willing")
        return token.dep_ in ("acl", "relcl") and any(self.cues.has(k, head) for k in kinds)

    def _about_protest(self, cand: Candidate) -> bool:
        """The act concerns a protest: its object (or its complement's) is a noun the lexicon
        codes as a protest ("called off their strike", "threatened a walkout")."""
        pred = cand.predicate
        objs = [cand.trigger, _child(pred, "dobj"), *(
            _child(c, "dobj") for c in pred.children if c.dep_ == "xcomp")]  # fmt: skip
        objs += [_child(c, "pobj") for c in pred.children if c.dep_ == "prep"]
        return any(o is not None and o.lemma_.lower() in self.protest_nouns for o in objs)

    def _speaker(
        self, trigger: Token, speech: Token | None, quotes: list[Quote], finder: _ActorFinder
    ) -> Actor | None:
        idx = trigger.idx
        # the innermost quote: "CCTV reported that Lukashenko said …" → Lukashenko
        inside = [q for q in quotes if q.start <= idx < q.end and q.speaker is not None]
        if inside:
            return min(inside, key=lambda q: q.end - q.start).speaker
        if speech is not None:
            found = finder.subject(speech)
            if found:
                return found[0]
        return None

    def _date(
        self, cand: Candidate, sent: Span, base_date: str | None, *, future: bool
    ) -> str | None:
        pred = cand.predicate
        found = find_dates(sent.text, base_date, future=future)
        if not found:
            return base_date
        offset = sent.start_char
        clause = {t.i for t in pred.subtree if not _inside_other_clause(t, pred)}
        doc = sent.doc
        for d in found:
            span = doc.char_span(offset + d.start, offset + d.end, alignment_mode="expand")
            if span is not None and any(t.i in clause for t in span):
                return d.date
        return base_date


UNKNOWN = Actor("", None, None, None, None)  # the source of an agentless passive


def _rule_kind(entry: VerbEntry | NounEntry, rule: str) -> str:
    """What kind of rule coded an event (confidence.RULE)."""
    if rule.startswith("cues.tsv") or "(must" in rule:
        return "cue"
    if isinstance(entry, NounEntry):
        return "noun"
    return "specific" if entry.objects or entry.prep else "default"


# CAMEO roots only a state does (16 reduce relations, sanction; 17 coerce: arrest, expel, ban):
# done without a named agent, they are the authorities' of the place where they happen
_STATE_ACTS = ("16", "17")
# sectors of bodies an unnamed mention may be of another country or none ("the agency" may be
# a UN agency, "the army" another country's): they do not take the source's country
_OWN_BODIES = frozenset({"GOV", "MIL", "NGO", "IGO", "LEG", "JUD", "SPY"})
# CAMEO roots of acts two parties do together: intents and agreements (03), meetings (04),
# diplomatic and material cooperation (05, 06), mutual concessions such as a truce (08), fighting (19)
_JOINT = ("03", "04", "05", "06", "08", "19")


def _agentless_passive(verb: Token, finder: _ActorFinder | None = None) -> bool:
    """ "were killed", "was arrested in Lebanon": a passive with no "by" agent, or one that is
    a thing ("killed by an improvised explosive device")."""
    passive = _child(verb, "nsubjpass") is not None or _child(verb, "auxpass") is not None
    agent = _child(verb, "agent")
    if agent is None or finder is None:
        return passive and agent is None
    pobj = _child(agent, "pobj")
    return passive and (pobj is None or not finder.actors_in(pobj) and not finder._unresolved(pobj))


def _role_as(actor: Actor, finder: _ActorFinder, cand: Candidate) -> Actor | None:
    """The role the clause gives someone no dictionary knows: "Suharto resigned as president
    of Indonesia" (IDNGOV), "he served as the army's chief of staff"."""
    for c in cand.predicate.children:
        if c.dep_ == "prep" and c.lower_ == "as":
            role = [a for a in finder.actors_in(_child(c, "pobj")) if a.code and a.sector]
            if len(role) == 1:
                r = role[0]
                return Actor(actor.text, r.code, r.country, r.sector, actor.name or actor.text)
    return None


def _placed_actor(actor: Actor, finder: _ActorFinder, cand: Candidate) -> Actor:
    """An actor without a code takes the country of the place the clause names ("police
    arrested 40 students in Nairobi" → KENCOP); with no sector it keeps no code."""
    places = finder._place_target(cand.predicate)
    countries = {a.country for a in places if a.country}
    if len(countries) != 1:
        return actor
    country = countries.pop()
    code = country + actor.sector if actor.sector else None
    return Actor(actor.text, code, country, actor.sector, actor.name)


def _xcomp_chain(verb: Token) -> list[Token]:
    """The verbs of a chain of infinitive complements ("vowed to keep fighting": keep, fighting)."""
    out: list[Token] = []
    token = verb
    for _ in range(4):
        token = _child(token, "xcomp")  # type: ignore[assignment]
        if token is None:
            break
        out.append(token)
    return out


def _placed(pred: Token) -> bool:
    """The clause says where it happened ("rallied in Donetsk", "marched outside parliament")."""
    obj = _child(pred, "dobj")
    heads = [pred, *([obj] if obj is not None else [])]
    return any(c.dep_ == "prep" and c.lower_ in _LOCATIVE_PREPS for h in heads for c in h.children)


def _domestic(actor: Actor) -> bool:
    """A country's people or groups ("students", "the opposition"), not its government or the
    country itself ("China protested": the state)."""
    return bool(actor.country and actor.sector) and actor.sector not in ("GOV", "IGO", "NGO")


def _passive_participle(verb: Token) -> bool:
    """A reduced passive relative ("migrants expelled from Libya"), not a main verb the
    parser hung under a noun because the sentence has no verbal root ("Youths resorted to …")."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or _child(verb, "dobj") is not None:
        return False
    if verb.sent.root.pos_ not in ("VERB", "AUX"):
        return False
    # with a "by" agent, or on a noun in object position ("… to West Africans ordered out")
    return _child(verb, "agent") is not None or verb.head.dep_ in ("pobj", "dobj", "attr", "appos")


def _modal_future(pred: Token) -> bool:
    """ "would"/"will" on the predicate (the reported future: "said it would not attend")."""
    return any(
        c.dep_ == "aux" and c.lower_ in ("will", "would", "shall", "'ll", "wo")
        for c in pred.children
    )


_OWN = frozenset({"its", "their", "his", "her", "our", "my", "own", "itself", "themselves",
                  "himself", "herself", "ourselves"})  # fmt: skip


def _own_thing(pred: Token, acts: frozenset[str]) -> bool:
    """The object is the subject's own ("defended its actions", "praised its own record") or
    the subject itself ("defended themselves"); not an act it expresses ("declared his full
    support")."""
    obj = _child(pred, "dobj")
    if obj is None or obj.lemma_.lower() in acts:
        return False
    return obj.lower_ in _OWN or any(
        c.lower_ in _OWN for c in obj.children if c.dep_ in ("poss", "amod")
    )


def _told_in_passing(
    pred: Token, *, protest: bool = False, at: dict[int, list[Mention]] | None = None
) -> bool:
    """A clause describing someone in a sentence whose main verb is elsewhere ("rebels who
    agreed to stop fighting", "people opposed to the president").  Not: a passive that names
    its doer ("civilians who were shot by British troops"); a clause set off by a comma about a
    named actor ("Netanyahu, who last week accused Iran"); a crowd named by what it does
    ("students protesting the results"); a main verb the parser hung under a noun (a sentence
    with no verbal root, a dateline read as the subject)."""
    if pred.sent.root.pos_ not in ("VERB", "AUX") or pred.sent.root.i == pred.i:
        return False
    agent = _child(pred, "agent")
    if agent is not None and _child(agent, "pobj") is not None:
        return False
    token = pred
    while token.dep_ in ("conj", "xcomp") and token.head.i != token.i:
        token = token.head
    if protest and token.dep_ == "acl" and token.tag_ == "VBG":
        return False
    named = at is not None and any(m.actor.code for m in at.get(token.head.i, ()))
    comma = token.left_edge.i > 0 and token.doc[token.left_edge.i - 1].text == ","
    return not (token.dep_ == "relcl" and named and comma)


def _may(pred: Token) -> bool:
    """ "may", "might", "could" on the predicate."""
    return any(c.dep_ == "aux" and c.lower_ in ("may", "might", "could") for c in pred.children)


def _threat_condition(pred: Token, cameo: str) -> bool:
    """ "unless X …" makes any announced act a threat; "if X …" only a conflictual one."""
    marks = {
        m.lower_ for c in pred.children if c.dep_ == "advcl" for m in c.children if m.dep_ == "mark"
    }
    conflictual = cameo[:2] >= "09"
    return "unless" in marks or (conflictual and "if" in marks)


def _condition(pred: Token, cues: Cues) -> bool:
    """The predicate carries a condition clause ("… unless X agrees", "if X attacks")."""
    return any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and cues.has("condition", m.lower_) and m.lower_ != "whether"
                                  for m in c.children)
        for c in pred.children
    )  # fmt: skip


def _own_clause(pred: Token) -> list[Token]:
    """The words of the predicate's clause with its infinitives, without the clauses it embeds
    or is joined to ("threatened to use them in the past": all of it)."""
    out, stack = [pred], list(pred.children)
    while stack:
        t = stack.pop()
        if t.dep_ in ("ccomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj"):
            continue
        out.append(t)
        stack.extend(t.children)
    return out


def _inside_other_clause(token: Token, pred: Token) -> bool:
    """True when ``token`` belongs to a clause embedded under ``pred`` (its own date)."""
    while token.i != pred.i and token.head.i != token.i:
        if token.dep_ in ("ccomp", "advcl", "relcl", "xcomp", "conj", "parataxis"):
            return True
        token = token.head
    return False


def _phrase(token: Token) -> str:
    """The words of a noun phrase without its clauses and prepositional branches."""
    words = [token] + [t for c in token.lefts if c.dep_ not in ("punct", "cc") for t in c.subtree]
    return " ".join(t.text for t in sorted(words, key=lambda t: t.i))


def _nominal_chain(obj: Token | None) -> list[Token]:
    """The object and the noun of its "of" phrase ("a wave of strikes on Kyiv": wave, strikes)."""
    if obj is None:
        return []
    # "directed drone, tank and artillery fire at X": conjoined objects too
    out = [obj, *(c for c in obj.conjuncts if c.i > obj.i)]
    of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    inner = _child(of, "pobj") if of is not None else None
    if inner is not None:
        out.append(inner)
    return out


def _dated(prep: Token) -> bool:
    """A preposition of time ("on Friday", "in March"): no particle of the verb's meaning
    ("called on Friday" is no "call on")."""
    pobj = _child(prep, "pobj")
    return pobj is not None and pobj.ent_type_ in ("DATE", "TIME")


def _infinitive_of_another(verb: Token) -> bool:
    """A to-infinitive complement whose doer is the verb's object, or its subject when the verb
    is passive: "asked Britain to return", "was asked to resign" (not "asked not to be named")."""
    passive = _child(verb, "nsubjpass") is not None or _child(verb, "auxpass") is not None
    if _child(verb, "dobj") is None and not passive:
        return False
    return any(
        c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX")
        and any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children)
        for c in verb.children
    )  # fmt: skip


def _object_fits(
    obj: Token, lemmas: frozenset[str], measures: frozenset[str] = frozenset()
) -> bool:
    """The object's lemma is listed, or — for a partitive ("the first of four systems", "some
    of the weapons", "dozens of tanks") — that of its "of" phrase."""
    if obj.lemma_.lower() in lemmas or obj.lower_ in lemmas:
        return True
    if (obj.lemma_.lower() in _LIGHT_NOUNS or obj.lemma_.lower() in measures) and any(
        c.dep_ == "compound" and c.lemma_.lower() in lemmas for c in obj.children
    ):  # fmt: skip
        return True  # "launched a mediation effort", "an aid package": the aid
    partitive = (
        obj.pos_ in ("ADJ", "NUM", "PRON", "DET")
        or obj.like_num
        or obj.lower_ in _COUNT_NOUNS
        or obj.lemma_.lower() in measures  # "700 tonnes of flour", "$5 million worth of drugs"
    )
    if not partitive:
        return False
    of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    inner = _child(of, "pobj") if of is not None else None
    return inner is not None and (inner.lemma_.lower() in lemmas or inner.lower_ in lemmas)


def _child(token: Token, dep: str) -> Token | None:
    for c in token.children:
        if c.dep_ == dep:
            return c
    return None


class _ActorFinder:
    """Reads actors off the parse, through the mentions index ``at`` (token → mentions).

    ``lenient``: a phrase no dictionary resolved still stands for an actor if it names someone
    who can act (a sector word without a country, a name NER found, a noun of ``agent`` in
    cues.tsv, a personal pronoun): the actor has the phrase's words and no code.
    """

    def __init__(
        self, at: dict[int, list[Mention]], cues: Cues, *, lenient: bool = False,
        kinds: dict[int, str] | None = None, owned: frozenset[str] = frozenset(),
    ) -> None:  # fmt: skip
        self.at = at
        self.owned = owned  # nouns whose owner is their doer: documents and event nouns
        self.agents = cues
        self.lenient = lenient
        self.places: list[Actor] = []  # actors made from where something happened
        # how each actor handed out was found (confidence.ACTOR), by the actor's id
        self.kinds: dict[int, str] = {} if kinds is None else kinds

    def kind(self, actor: Actor | None) -> str:
        return "none" if actor is None else self.kinds.get(id(actor), "dictionary")

    def _mark(self, actors: list[Actor], kind: str) -> list[Actor]:
        for a in actors:
            self.kinds.setdefault(id(a), kind)
        return actors

    def is_place(self, actor: Actor | None) -> bool:
        return actor is not None and any(actor is p for p in self.places)

    def actors_in(self, token: Token | None) -> list[Actor]:
        """The actors a noun phrase stands for: its own mention, else the nearest ones inside."""
        if token is None:
            return []
        best: list[Mention] = []
        best_cost = 99
        frontier = [(token, 0)]
        seen = {token.i}
        while frontier:
            node, cost = frontier.pop(0)
            if cost > best_cost:
                continue
            # mentions without a code ("tanks" with no country) do not stop the search for a
            # resolved one ("Israeli helicopters and tanks" → Israeli)
            here = [m for m in self.at.get(node.i, ()) if m.actor.code]
            if here:
                if cost < best_cost:
                    best, best_cost = [], cost
                best.extend(m for m in here if m not in best)
            for child in node.children:
                if child.i in seen:
                    continue
                if child.dep_ == "conj":
                    step = 0
                elif child.dep_ == "prep" and child.lower_ in _ACTOR_PREPS:
                    step = 1
                elif child.dep_ == "pobj" and node.dep_ == "prep":
                    step = 1
                elif here and child.i in {i for m in here for i in range(m.start, m.end)}:
                    step = 0
                elif (
                    child.dep_ == "acl"
                    and child.tag_ == "VBN"
                    and _child(child, "agent") is not None
                ):
                    # "the march organised by farmers": whoever did what the noun names
                    agent = _child(child, "agent")
                    pobj = _child(agent, "pobj")
                    if pobj is not None and pobj.i not in seen:
                        seen.add(pobj.i)
                        frontier.append((pobj, cost + 1))
                    continue
                elif child.dep_ in _STOP_DEPS:
                    continue
                else:
                    step = 1
                seen.add(child.i)
                frontier.append((child, cost + step))
            frontier.sort(key=lambda x: x[1])
        if not best and self.lenient:
            return self._mark(self._unresolved(token), "text")
        out: list[Actor] = []
        for m in best:
            if m.actor not in out:
                out.append(m.actor)
                self.kinds.setdefault(
                    id(m.actor), "coref" if m.how.startswith("coref") else "dictionary"
                )
        # "a Serbian army jet": the country word and the sector word name one actor (SRBMIL),
        # not two
        return [a for a in out if not any(
            b.code and a.code and b.code != a.code and b.code.startswith(a.code) and b.country == a.country
            for b in out)]  # fmt: skip

    def _unresolved(self, token: Token) -> list[Actor]:
        """The actor a phrase no dictionary resolved stands for, with no code: its mention
        without a code ("police", a name NER found), else its own words when it names someone
        who can act ("a spokesman", "the group", "they"); else nothing ("the report")."""
        if token.dep_ == "conj" or token.tag_ in ("WP", "WDT"):
            return []
        if any(self.agents.has("disaster", t.lemma_.lower()) for t in (token, *token.children)):
            return []  # "Hurricane Earl", "the storm": forces of nature do not act
        near = (token.i, *(c.i for c in token.children if c.dep_ in ("compound", "amod", "appos")))
        own = [m for i in near for m in self.at.get(i, ()) if m.start <= i < m.end or m.head == i]
        if own:
            m = own[0]
            return [Actor(m.actor.text, None, None, m.actor.sector, m.actor.name)]
        lemma = token.lemma_.lower()
        if token.tag_ == "PRP":
            if token.lower_ in ("he", "she", "they"):
                return [Actor(token.text, None, None, None, None)]
            return []
        if token.pos_ == "PROPN" or token.ent_type_ in ("PERSON", "ORG", "NORP"):
            if token.ent_type_ in ("GPE", "LOC", "FAC", "DATE", "TIME", "MONEY", "CARDINAL"):
                return []
            return [Actor(_phrase(token), None, None, None, None)]
        if token.pos_ == "NOUN" and self.agents.has("agent", lemma):
            sector = self.agents.value("agent", lemma)
            return [
                Actor(_phrase(token), None, None, None if sector in (None, "-") else sector, None)
            ]
        return []

    def _attribute_only(self, token: Token) -> bool:
        """A subject naming one thing that merely belongs somewhere ("the Guatemalan
        constitution", "China's largest meat processor", "the Afghan airline"): its country is
        an attribute, not who acted (a plural names people or vessels of the country).  Someone who can act (a sector word, a name, a noun of
        ``agent``), a quantity of them ("hundreds of protesters") or a document or act whose
        owner acted ("the government's plan", "US missile strikes") lets the owner through."""
        if token.pos_ != "NOUN" or token.tag_ != "NN" or self.at.get(token.i):
            return False  # "Belgian dockers", "Chinese ships": people (and vessels) of a country
        lemma = token.lemma_.lower()
        if lemma in self.owned or token.lower_ in _COUNT_NOUNS or lemma in _LIGHT_NOUNS:
            return False
        if self.agents.has("agent", lemma) or self.agents.has("measure", lemma):
            return False
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
            return False
        # "Arab intellectuals and activists": any conjunct who can act will do
        return not any(self.at.get(c.i) or self.agents.has("agent", c.lemma_.lower())
                       for c in token.conjuncts)  # fmt: skip

    def subject(self, verb: Token, depth: int = 0) -> list[Actor]:
        """The actors doing ``verb``: subject, passive agent, or the controller of a bare verb."""
        if depth > 6:
            return []
        for c in verb.children:
            if c.dep_ in _SUBJECTS:
                if self._attribute_only(c):
                    return []
                found = self.actors_in(c)
                if (
                    found
                    or c.tag_ in ("PRP", "WP", "WDT", "EX")
                    and c.lower_ not in ("we", "i", "who", "which", "that")
                ):
                    return found
                if c.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
                    return self.actors_in(verb.head)
                return found
        if _child(verb, "nsubjpass") is not None or _child(verb, "auxpass") is not None:
            agent = _child(verb, "agent")
            if agent is not None:
                # "killed by an explosive device": a thing is no doer (the doer is unknown)
                return self.actors_in(_child(agent, "pobj"))
            # no agent: nobody named did it; the place where it happened is no source ("six
            # soldiers were killed in Kandahar" was not done by Afghanistan)
            return []
        return self._controller(verb, depth)

    def takes_speaker(self, verb: Token, depth: int = 0) -> bool:
        """The speaker may stand in for a missing or first-person subject ("'We call for
        peace,' Xi said"), not for a third party the coder could not resolve."""
        if depth > 6:
            return True
        subj = _child(verb, "nsubj") or _child(verb, "nsubjpass")
        if subj is not None:
            return subj.lower_ in ("we", "i")
        head = verb.head
        if head.i == verb.i or verb.dep_ in ("ccomp", "parataxis"):
            return True
        if verb.dep_ in ("conj", "xcomp", "advcl", "acomp", "pcomp", "prep") or head.pos_ in (
            "ADP",
            "ADJ",
        ):
            return self.takes_speaker(
                head if head.pos_ in ("VERB", "AUX") else head.head, depth + 1
            )
        return True

    def _controller(self, verb: Token, depth: int) -> list[Actor]:
        head, dep = verb.head, verb.dep_
        if head.i == verb.i:
            return []
        if dep == "conj":
            patient = _child(head, "nsubjpass")
            if patient is not None and verb.tag_ != "VBN" and _child(verb, "auxpass") is None:
                # "was indicted by the court and will resign": the one indicted resigns
                return self.actors_in(patient)
            return self.subject(head, depth + 1)
        if dep in ("acomp", "attr", "oprd") or (dep == "pcomp" and head.head.pos_ == "ADJ"):
            # "Minsk was ready to deepen", "open to working with": up to the clause's subject
            return self.subject(head, depth + 1)
        if dep == "advcl" and any(a.tag_ == "TO" for a in verb.children):
            # a purpose is its subject's: "the agency sent a team to investigate" (the agency
            # investigates), "troops arrived in Nepal to help" (the troops help)
            return self.subject(head, depth + 1)
        if dep in ("xcomp", "advcl"):
            # object control: "urged X to stop", "called on X to stop" -> X
            obj = _child(head, "dobj")
            if obj is None and dep == "xcomp":
                # "called on X to stop"; not a purpose ("converged on Nairobi to protest": the
                # crowd protests)
                for c in head.children:
                    if c.dep_ == "prep" and c.lower_ in _CONTROL_PREPS:
                        obj = _child(c, "pobj")
            if obj is not None:
                found = self.actors_in(obj)
                if found:
                    return found
            raised = _child(head, "nsubjpass")
            if raised is not None and dep == "xcomp":
                return self.actors_in(raised)  # "Zarif is expected to travel": Zarif travels
            return self.subject(head, depth + 1)
        if dep == "prep" and head.pos_ == "ADJ":
            return self.subject(head, depth + 1)
        if dep == "pcomp" and head.dep_ == "prep":
            # "accused X of sending aid" -> X sends; "by sending" -> the main subject
            main = head.head
            obj = _child(main, "dobj") if head.lower_ != "by" else None
            found = self.actors_in(obj) if obj is not None else []
            return found or (self.subject(main, depth + 1) if main.pos_ in ("VERB", "AUX") else [])
        if _passive_participle(verb):
            # "migrants expelled from Libya": a passive participle's noun is its patient
            agent = _child(verb, "agent")
            return self.actors_in(_child(agent, "pobj")) if agent is not None else []
        if dep in ("acl", "relcl"):
            found = self.actors_in(head)
            if found:
                return found
            if head.dep_ in ("dobj", "attr") and head.head.pos_ in ("VERB", "AUX"):
                return self.subject(head.head, depth + 1)
        return []

    def source(self, cand: Candidate) -> list[Actor]:
        pred = cand.predicate
        if cand.trigger.i != pred.i or isinstance(cand.entry, VerbEntry):
            return self.subject(pred)
        # a free-standing event noun: "Russia's invasion", "the attack by rebels", "clashes
        # between Turkish and Syrian forces" (each side; a joint act goes both ways)
        noun = cand.trigger
        for c in noun.children:
            if c.dep_ == "poss":
                return self.actors_in(c)
            if c.dep_ == "prep" and c.lower_ in ("by", "between"):
                return self.actors_in(_child(c, "pobj"))
        for c in noun.children:  # "Russian air strikes": an actor word modifying the noun
            if c.dep_ in ("amod", "compound") and self.at.get(c.i):
                return self.actors_in(c)
        gov = governor(noun)
        if gov.i != noun.i and gov.pos_ in ("VERB", "AUX") and noun.dep_ in ("dobj",):
            return self.subject(gov)
        return []

    def target(self, cand: Candidate) -> list[Actor]:
        pred, entry = cand.predicate, cand.entry
        spec = entry.target if isinstance(entry, VerbEntry) else None
        if _passive_participle(pred) and isinstance(entry, VerbEntry):
            found = self.actors_in(pred.head)  # "the Libyans suspected by Britain": the Libyans
            if found:
                return found
        passive = _child(pred, "nsubjpass") is not None
        obj = _child(pred, "nsubjpass") if passive else _child(pred, "dobj")
        holders = (
            [pred] + ([cand.trigger] if cand.trigger.i != pred.i else []) + _nominal_chain(obj)
        )
        if spec == "none":
            # no object is a target ("staged a rally"), but "against X" always names one, and
            # a protest or exercise without one is aimed at the country where it happens
            # "staged rallies to demand reforms by the government": whom the protest is for
            # ("rallied outside the French embassy": France)
            return (self._prep_object(holders, ("against", "outside")) or self._purpose_target(pred)
                    or self._circumstance_target(pred) or self._place_target(pred, authority=True))  # fmt: skip
        if spec == "dobj":
            found = self.actors_in(obj)
            if found:
                return found
        elif spec and spec.startswith("prep:"):
            found = self._prep_object(holders, (spec[5:],))
            if found:
                return found
        # the entry's preferred slot is empty: fall back to the default order
        if isinstance(entry, NounEntry) and cand.trigger.i == pred.i:
            return self._prep_object([cand.trigger], ("of", "against", "on", "with", "to", "for"))
        dative = _child(pred, "dative")
        if dative is not None:
            found = self.actors_in(_child(dative, "pobj") or dative)
            if found:
                return found
        if obj is not None and not (cand.trigger.i != pred.i and obj.i == cand.trigger.i):
            found = self.actors_in(obj)
            if found:
                return found
        # where something happens is no party to it ("met in Geneva" is not aimed at
        # Switzerland, "arrested 40 students in Nairobi" not at Kenya); but a visit's place is
        # its host ("arrived in Amman" → JOR), and a curfew's its people ("imposed a curfew in
        # Cizre" → TUR)
        # Attacks on a place are on its country ("fired at targets in Jericho" → PSE), but not
        # when they name whom they hit ("a man was shot in Lanarkshire")
        placed = entry.cameo.startswith(_PLACE_IS_TARGET) or (
            entry.cameo[:2] in _VIOLENCE and (obj is None or not self._unresolved(obj))
        )
        return (
            self._prep_object(holders, _DEFAULT_TARGET_PREPS)
            or self._complement_target(pred)
            or (self._place_target(pred) if placed else [])
            or self._circumstance_target(pred)
        )

    def crowd_in_place(self, pred: Token) -> list[Actor]:
        """The country where an unnamed group ("protesters", "hundreds of inmates") acts: the
        subject is a common noun that resolved to no actor, and the clause names a place."""
        subj = _child(pred, "nsubj")
        if subj is None and pred.dep_ == "acl" and pred.tag_ == "VBG":
            subj = pred.head  # "demonstrators protesting the results in Monrovia"
        if subj is None or subj.pos_ != "NOUN" or self.actors_in(subj):
            return []
        return self._place_target(pred)

    def _place_target(self, pred: Token, *, authority: bool = False) -> list[Actor]:
        """Last resort: the country where it happens ("arrived in Amman" → JOR), as a country;
        with ``authority``, its government (a protest in Serbia is aimed at Serbia's rulers)."""
        obj = _child(pred, "dobj")
        # "clashed at a stadium in southern Peru": also one preposition down
        nested = [g for c in pred.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"
                  and p.lemma_.lower() not in _BENEFICIARY_NOUNS for g in p.children]  # fmt: skip
        for c in [*pred.children, *(obj.children if obj is not None else ()), *nested]:
            if c.dep_ == "prep" and c.lower_ in _PLACE_PREPS:
                pobj = _child(c, "pobj")
                if pobj is not None and pobj.lemma_.lower() in _BENEFICIARY_NOUNS:
                    continue  # "attacked ships in support of the Palestinians"
                found = [a for a in self.actors_in(pobj) if a.country]
                if found:
                    sector = "GOV" if authority else None
                    made = [
                        Actor(a.text, a.country + (sector or ""), a.country, sector, None)
                        for a in found
                    ]
                    self.places += made
                    return self._mark(made, "context")
        return []

    def _complement_target(self, pred: Token) -> list[Actor]:
        """The target hidden in a complement: "threatened to cut off power to X" → X,
        "demanded that X withdraw" → X, "threatened to strike unless X pays" → X."""
        for c in pred.children:
            purpose = c.dep_ == "advcl" and any(
                a.dep_ == "aux" and a.tag_ == "TO" for a in c.children
            )
            if (c.dep_ == "xcomp" or purpose) and c.pos_ in ("VERB", "AUX"):
                # "opened the bridge to allow deliveries to Afghanistan": the purpose names
                # whom the act is for
                found = self._objects(c) or self._condition_target(c) or self._place_target(c)
                if found:
                    return found
            elif c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX"):
                subj = _child(c, "nsubj") or _child(c, "nsubjpass")
                found = self.actors_in(subj) if subj is not None else []
                if found:
                    return found
        return self._condition_target(pred)

    def complement_prep_targets(self, cand: Candidate) -> list[Actor]:
        """The prepositional objects of the predicate's infinitive complement ("pledged to
        withdraw its troops from Georgia" → Georgia)."""
        found: list[Actor] = []
        for c in cand.predicate.children:
            if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX"):
                holders = [c, *_nominal_chain(_child(c, "dobj"))]
                found += self._prep_object(holders, (*_DEFAULT_TARGET_PREPS, "from"))
        return found

    def further_targets(self, cand: Candidate, source: Actor) -> list[Actor]:
        """Targets past the object, other than ``source``: prepositional objects, then the
        objects of complements and purposes ("closed a highway to vent their fury at X")."""
        pred = cand.predicate
        slots = [lambda: self.other_targets(cand)]
        for c in pred.children:
            if c.pos_ in ("VERB", "AUX") and (c.dep_ in ("xcomp", "ccomp") or c.dep_ == "advcl" and any(
                a.dep_ == "aux" and a.tag_ == "TO" for a in c.children)
            ):  # fmt: skip
                obj = _child(c, "dobj")
                slots += [
                    lambda c=c, obj=obj: self.actors_in(obj),
                    lambda c=c, obj=obj: self._prep_object(
                        [c] + _nominal_chain(obj), _DEFAULT_TARGET_PREPS
                    ),
                ]
        slots.append(lambda: self._circumstance_target(pred))
        for slot in slots:
            found = [t for t in slot() if t.code and t.code != source.code]
            if found:
                return found
        return []

    def _circumstance_target(self, pred: Token) -> list[Actor]:
        """The other party of the occasion: "called off the strike after talks with the
        government", "threw stones during protests against the army" → that party."""
        for c in pred.children:
            if c.dep_ == "prep" and c.lower_ in _CIRCUMSTANCE_PREPS:
                pobj = _child(c, "pobj")
                for g in pobj.children if pobj is not None else ():
                    if g.dep_ == "prep" and g.lower_ in _NESTED_TARGET_PREPS:
                        found = self.actors_in(_child(g, "pobj"))
                        if found:
                            return found
        return []

    def _purpose_target(self, pred: Token) -> list[Actor]:
        """The actor a purpose infinitive acts on ("closed a highway to vent their fury at X")."""
        for c in pred.children:
            if (
                c.dep_ == "advcl"
                and c.pos_ in ("VERB", "AUX")
                and any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children)
            ):
                found = self._objects(c)
                if found:
                    return found
        return []

    def _condition_target(self, verb: Token) -> list[Actor]:
        """Whoever must meet a condition ("… unless Baghdad accepts", "if the United States
        goes ahead") is who a threat or demand is aimed at."""
        for c in verb.children:
            if c.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in _CONDITION_MARKS for m in c.children
            ):
                subj = _child(c, "nsubj") or _child(c, "nsubjpass")
                found = self.actors_in(subj) if subj is not None else []
                if found:
                    return found
        return []

    def _objects(self, verb: Token) -> list[Actor]:
        dative = _child(verb, "dative")
        if dative is not None:
            found = self.actors_in(_child(dative, "pobj") or dative)
            if found:
                return found
        obj = _child(verb, "dobj")
        found = self.actors_in(obj) if obj is not None else []
        holders = [verb] + ([obj] if obj is not None else [])
        return found or self._prep_object(holders, _DEFAULT_TARGET_PREPS)

    def object_phrase(self, cand: Candidate) -> Mention | None:
        """The noun heading what the predicate acts on, when it is a noun phrase."""
        pred = cand.predicate
        obj = (
            _child(pred, "nsubjpass")
            if _child(pred, "nsubjpass") is not None
            else _child(pred, "dobj")
        )
        if obj is not None and obj.i == cand.trigger.i:
            obj = None
        if obj is None:
            for c in pred.children:
                if c.dep_ == "prep" and c.lower_ in _DEFAULT_TARGET_PREPS:
                    obj = _child(c, "pobj")
                    if obj is not None:
                        break
        if obj is None or obj.pos_ not in ("NOUN", "PROPN"):
            return None
        # only people named by a sector word without a country ("the demonstrators", "rebels"),
        # not things ("the report")
        for t in obj.subtree:
            for m in self.at.get(t.i, ()):
                if not m.actor.code and m.actor.sector:
                    return m
        return None

    def other_targets(self, cand: Candidate) -> list[Actor]:
        """The actors of the predicate's prepositional objects (any of the default preps)."""
        pred = cand.predicate
        holders = (
            [pred]
            + ([cand.trigger] if cand.trigger.i != pred.i else [])
            + _nominal_chain(_child(pred, "dobj"))
        )
        found: list[Actor] = []
        for prep in (*_DEFAULT_TARGET_PREPS, "from"):
            for holder in holders:
                for c in holder.children:
                    if c.dep_ in ("prep", "dative") and c.lower_ == prep:
                        found += self.actors_in(_child(c, "pobj"))
        return found

    def _prep_object(self, holders: list[Token], preps: Sequence[str]) -> list[Actor]:
        for prep in preps:
            for holder in holders:
                for c in holder.children:
                    if c.dep_ in ("prep", "dative") and c.lower_ == prep:
                        pobj = _child(c, "pobj")
                        before = c.doc[c.i - 1] if c.i > 0 else None
                        if (pobj is not None and pobj.lemma_.lower() in _BENEFICIARY_NOUNS) or (
                            before is not None and before.lemma_.lower() in _BENEFICIARY_NOUNS
                        ):
                            # "protested on behalf of the miners", "in solidarity with X" (also
                            # when the parser hangs "with X" on the verb): not aimed at them
                            continue
                        found = self.actors_in(pobj)
                        if not found and pobj is not None:
                            # "for a new offensive against the rebels": the event noun's own target
                            found = next((self.actors_in(_child(g, "pobj")) for g in pobj.children
                                          if g.dep_ == "prep" and g.lower_ in _NESTED_TARGET_PREPS
                                          and self.actors_in(_child(g, "pobj"))), [])  # fmt: skip
                        if found:
                            # "to Beijing and then to Moscow": conjoined prepositions too
                            siblings = [
                                *c.children,
                                *(h for h in holder.children if h.lower_ == prep),
                            ]
                            for sib in siblings:
                                if sib.dep_ == "conj" and sib.pos_ == "ADP":
                                    found += [
                                        a
                                        for a in self.actors_in(_child(sib, "pobj"))
                                        if a not in found
                                    ]
                            return found
        return []


@Language.factory("tidings_events", default_config={"verb_files": None, "noun_files": None})
def make_event_coder(
    nlp: Language, name: str, verb_files: list[str] | None, noun_files: list[str] | None
) -> EventCoder:
    register_extensions()
    lexicon = load_lexicon(
        None if verb_files is None else tuple(verb_files),
        None if noun_files is None else tuple(noun_files),
    )
    return EventCoder(lexicon, load_ontology_cached(), load_cues())
