"""Light coreference inside one article: point pronouns and definite descriptions back to actors.

Resolved, with the cue words from ``events/data/cues.tsv``:

- personal pronouns: he/she/his → the latest person (or titled official); it/its → the latest
  country or organisation (or sector word completed here: "The ministry said it …"); they/their → the latest pair of conjoined actors ("China and Belarus
  … they") or else the latest country or organisation.  First-person pronouns are left to the
  coder, which credits them to the speaker of the quote they stand in.
- "the two leaders", "both countries", "both sides" → the latest two distinct actors.
- "the country", "the ministry", "the army" → the latest actor with a country (plus the sector
  the noun names: "the ministry" after "Ukraine" → UKRGOV).
- a sector word with no country of its own ("the government", "police") takes the country of
  the latest actor with one.

Antecedents are looked for in the same sentence (before the word) and the three sentences
before it; subjects are preferred over other mentions, the nearest over the farther, and any
other actor over a news outlet (a report's source is not what it reports on).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from tidings.events.modality import Cues
from tidings.extensions import Mention
from tidings.records import Actor

WINDOW = 3  # sentences back
# sectors of groups that belong to the country an article is about rather than to the actor
# named last: rebels, insurgents, gunmen, the opposition
_IN_THEATRE = frozenset({"REB", "INS", "UAF", "OPP"})
PERSONISH = {"person", "title", "ner-person"}
COREF_PERSON = "coref-person"  # a pronoun or description that stands for a person
THINGISH = {"dictionary", "capital", "region", "sector"}
_SUBJECT = {"nsubj", "nsubjpass"}
_PERSONAL = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})


def _sentence_index(doc: Doc) -> list[int]:
    index = [0] * len(doc)
    for n, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            index[i] = n
    return index


class _History:
    """Resolved mentions seen so far, with their sentence numbers."""

    def __init__(self, doc: Doc, sentence_of: list[int]) -> None:
        self.doc = doc
        self.sentence_of = sentence_of
        self.items: list[Mention] = []
        self.theatre: Mention | None = None  # the country the article is about, if clear

    def add(self, mention: Mention) -> None:
        if mention.actor.code or mention.how in PERSONISH:
            self.items.append(mention)

    def recent(self, at: int) -> list[Mention]:
        """Mentions before token ``at`` within the window, nearest first."""
        here = self.sentence_of[at]
        found = [
            m for m in self.items if m.end <= at and here - self.sentence_of[m.start] <= WINDOW
        ]
        return found[::-1]

    def pick(self, at: int, hows: set[str] | None, *, need_code: bool = False,
             prefix: str | None = None, exclude_clause: int | None = None) -> Mention | None:  # fmt: skip
        # a co-argument of the same verb is never the antecedent ("The Ukrainian capital was
        # attacked by … drones": the drones are not Ukrainian)
        candidates = [m for m in self.recent(at) if (hows is None or m.how in hows or self._thing(m, hows))
                      and (m.actor.code or not need_code)
                      and (prefix is None or (m.actor.code or "").startswith(prefix))
                      and (exclude_clause is None or not _co_argument(self.doc[m.head], exclude_clause))]  # fmt: skip
        if hows is not PERSONISH and any(m.actor.sector != "MED" for m in candidates):
            # a news outlet is where a report comes from, not what the text goes on about ("a
            # BBC reporter said … The rebels opened fire": the rebels are not British); it is
            # the antecedent only when there is no other ("Xinhua said … The government …")
            candidates = [m for m in candidates if m.actor.sector != "MED"]
        if not candidates:
            return None
        # a place where someone is ("an activist exiled in the United States … the government")
        # is an antecedent only when nothing else is
        settled = [m for m in candidates if not _locative(self.doc[m.head])]
        candidates = settled or candidates
        here = self.sentence_of[at]
        # the nearest subject wins over a nearer object (subjects are what prose continues with),
        # but only within the same or the previous sentence
        for m in candidates:
            if self.doc[m.head].dep_ in _SUBJECT and here - self.sentence_of[m.start] <= 1:
                return m
        return candidates[0]

    def _thing(self, m: Mention, hows: set[str]) -> bool:
        """A sector word completed by coreference ("The government [CHNGOV] said it …") is a
        thing "it" can point back to; a pronoun that stands for a person is not."""
        return hows is THINGISH and m.how == "coref" and self.doc[m.head].lower_ not in _PERSONAL

    def pair(self, at: int) -> list[Mention]:
        """The latest conjoined actors ("China and Belarus", "Macron, Merkel and May"), or []."""
        for m in self.recent(at):
            if not m.actor.code:
                continue
            top = self.doc[m.head]
            while top.dep_ == "conj":
                top = top.head
            members = {
                t.i for t in top.subtree if t.i == top.i or (t.dep_ == "conj" and _conj_of(t, top))
            }
            group = [
                o
                for o in self.items
                if o.head in members and o.actor.code and not o.how.startswith("coref")
            ]
            if len(group) > 1:
                return sorted(group, key=lambda x: x.start)
        return []

    def distinct(
        self, at: int, hows: set[str] | None, n: int, *, by_country: bool = False
    ) -> list[Mention]:
        chosen: list[Mention] = []
        for m in self.recent(at):
            if by_country and not m.actor.country:
                continue
            key = (lambda x: x.actor.country) if by_country else (lambda x: x.actor.code)
            if (
                m.actor.code
                and (hows is None or m.how in hows)
                and all(key(m) != key(c) for c in chosen)
            ):
                chosen.append(m)
                if len(chosen) == n:
                    return chosen[::-1]
        return []


_LOCATIVE = frozenset({"in", "at", "near", "inside", "outside", "across", "throughout", "around"})


def _locative(token: Token) -> bool:
    """A place in the description of someone ("an activist exiled in the United States", "the
    embassy in Kabul"), not the scene of a clause ("access was cut across Belarus")."""
    if token.dep_ != "pobj" or token.head.lower_ not in _LOCATIVE:
        return False
    holder = token.head.head
    return holder.pos_ in ("NOUN", "PROPN") or holder.dep_ in ("acl", "relcl")


def _conj_of(token: Token, top: Token) -> bool:
    """True when ``token`` is reached from ``top`` through conj arcs only."""
    while token.dep_ == "conj" and token.i != top.i:
        token = token.head
    return token.i == top.i


def _copy(target: Mention, start: int, end: int, head: int, text: str, sector: str | None = None,
          *, keep_person: bool = True) -> Mention:  # fmt: skip
    a = target.actor
    # a person keeps their own code ("the two leaders" → RUSGOV, CHNGOV); a bare country or an
    # organisation of that country takes the sector the anaphor names
    if sector and a.country and (target.how not in PERSONISH or not keep_person):
        actor = Actor(text, a.country + sector, a.country, sector, None)
    else:
        # a pronoun or description carries what it stands for: "it" after "Hungary" is
        # Hungary (the antecedent's name, else its words)
        actor = Actor(text, a.code, a.country, a.sector, a.name or (a.text if not sector else None))
    person = target.how in PERSONISH or target.how == COREF_PERSON
    return Mention(start=start, end=end, head=head, actor=actor,
                   how=COREF_PERSON if person and actor.name else "coref")  # fmt: skip


def _phrase_start(token: Token) -> int:
    return min(
        [token.i] + [c.i for c in token.lefts if c.dep_ in ("det", "predet", "nummod", "amod")]
    )


_GROUP_SIZES = {
    "both": 2,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "2": 2,
    "3": 3,
    "4": 4,
    "5": 5,
}


def _group_size(token: Token) -> int:
    return next((_GROUP_SIZES[c.lower_] for c in token.children if c.lower_ in _GROUP_SIZES), 0)


def _group_anaphor(token: Token, cues: Cues) -> bool:
    """ "the two leaders", "both countries", "the three governments"."""
    return (
        cues.has("group", token.lemma_.lower())
        and token.tag_ in ("NNS", "NNPS")
        and _group_size(token) > 0
    )


def _definite_anaphor(token: Token, cues: Cues) -> bool:
    return (
        token.pos_ == "NOUN"
        and cues.has("anaphor", token.lemma_.lower())
        and token.tag_ == "NN"
        and any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in token.children)
        and not any(c.dep_ in ("amod", "compound", "poss") for c in token.children)
    )


def _theatre(mentions: list[Mention]) -> Mention | None:
    """The country the article is about, when one clearly is: named (by any of its names,
    cities or adjectives) at least three times and half again as often as any other."""
    counts: dict[str, int] = {}
    first: dict[str, Mention] = {}
    for m in mentions:
        country = m.actor.country
        if country and m.actor.code == country or m.how in ("capital", "region"):
            if country:
                counts[country] = counts.get(country, 0) + 1
                first.setdefault(country, m)
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < 3:
        return None
    if len(ranked) > 1 and ranked[0][1] < 1.5 * ranked[1][1]:
        return None
    return first[ranked[0][0]]


def resolve(doc: Doc, mentions: list[Mention], cues: Cues) -> list[Mention]:
    """Return ``mentions`` with sector-only actors completed plus one Mention per resolved anaphor."""
    sentence_of = _sentence_index(doc)
    history = _History(doc, sentence_of)
    history.theatre = _theatre(mentions)
    starts = {m.start: m for m in sorted(mentions, key=lambda m: m.start)}
    covered = {i for m in mentions for i in range(m.start, m.end)}
    out: list[Mention] = []
    for token in doc:
        i = token.i
        mention = starts.get(i)
        if mention is not None:
            if (
                mention.actor.code is None
                and mention.actor.sector
                and mention.how in ("title", "sector")
            ):
                completed = _complete(doc[mention.head], mention, cues, history, mentions)
                out.extend(completed)
                for m in completed:
                    history.add(m)
                if completed:
                    continue
            out.append(mention)
            history.add(mention)
            continue
        if i in covered or token.pos_ not in ("PRON", "NOUN"):
            continue  # only pronouns and common nouns can be anaphors
        found = _anaphor(token, cues, history)
        out.extend(found)
        for m in found:
            history.add(m)
    return out


def _complete(
    head: Token, mention: Mention, cues: Cues, history: _History, later: list[Mention]
) -> list[Mention]:
    """A sector word without a country: "the two leaders", "the ministry", "the government"."""
    sector = mention.actor.sector
    text = mention.actor.text
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    if owner is not None:  # "its troops": the possessor resolved just before
        found = [m for m in history.items if m.start <= owner.i < m.end and m.actor.country]
        if found:
            return [_copy(found[-1], mention.start, mention.end, mention.head, text, sector)]
        return []
    if _group_anaphor(head, cues):
        return _group(head, mention.start, mention.end, text, sector, history)
    # a sector word without a country of its own ("the ministry", "police", "opposition
    # candidate Svetlana Tikhanovskaya") belongs to the country the text is talking about: the
    # latest actor with a country, within the coreference window
    # "Russian missiles and drones": a conjoined sector word shares its partner's country
    partner = head.head if head.dep_ == "conj" else None
    if partner is not None:
        found = [m for m in history.items if m.start <= partner.i < m.end and m.actor.country]
        if found:
            return [
                _copy(
                    found[-1],
                    mention.start,
                    mention.end,
                    mention.head,
                    text,
                    sector,
                    keep_person=False,
                )
            ]
    theatre = history.theatre if sector in _IN_THEATRE else None
    if theatre is not None:
        # rebels, militants, opponents with no country of their own are of the country the
        # article is about, not of whoever was named last ("Obama said … a spokesman for the
        # rebels" in a story about Libya is Libyan)
        return [
            _copy(
                theatre, mention.start, mention.end, mention.head, text, sector, keep_person=False
            )
        ]
    target = history.pick(head.i, None, need_code=True, exclude_clause=_clause(head))
    if target is None and not history.recent(head.i) and head.dep_ in ("nsubj", "nsubjpass"):
        # nothing before it: "The army council imposed a curfew across Niger" —
        # an unnamed authority acting in a country is that country's
        target = _place_of_clause(head, later)
    if target is not None and target.actor.country:
        return [
            _copy(target, mention.start, mention.end, mention.head, text, sector, keep_person=False)
        ]
    return []


def _place_of_clause(subject: Token, mentions: list[Mention]) -> Mention | None:
    verb = subject.head
    holders = {verb.i} | {
        c.i for c in verb.children if c.dep_ == "dobj"
    }  # "declared a siege in Haiti"
    for m in mentions:
        token = subject.doc[m.head]
        if (
            m.actor.country
            and token.dep_ == "pobj"
            and token.head.lower_ == "in"
            and token.head.head.i in holders
        ):
            return m
    return None


def _co_argument(token: Token, verb: int) -> bool:
    """True when ``token`` is an argument of ``verb`` or the subject of a clause above it
    ("Russia launched strikes, killing 11 people": the people are not Russian)."""
    if _clause(token) == verb:
        return True
    doc = token.doc
    head = doc[verb]
    while head.dep_ in ("advcl", "conj", "xcomp", "ccomp") and head.head.i != head.i:
        head = head.head
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if any(s.left_edge.i <= token.i <= s.right_edge.i for s in subjects):
            return True
    return False


def _clause(token: Token) -> int:
    """The verb whose argument ``token`` is (its nearest verbal ancestor), as a token index."""
    for anc in token.ancestors:
        if anc.pos_ in ("VERB", "AUX"):
            return anc.i
    return -1


def _group(
    head: Token, start: int, end: int, text: str, sector: str | None, history: _History
) -> list[Mention]:
    """ "the two leaders", "both countries": the latest two distinct actors."""
    lemma = head.lemma_.lower()
    size = _group_size(head) or 2
    if lemma in ("country", "nation"):
        chosen = history.distinct(head.i, None, size, by_country=True)
        return [Mention(start=start, end=end, head=head.i, how="coref",
                        actor=Actor(text, m.actor.country, m.actor.country, None, None))
                for m in chosen]  # fmt: skip
    chosen = (
        history.distinct(head.i, PERSONISH, size)
        if lemma in ("leader", "minister", "president")
        else []
    )
    conjoined = history.pair(head.i)  # "Macron, Merkel and May … the three governments"
    if not chosen and len(conjoined) == size:
        chosen = conjoined
    chosen = chosen or history.distinct(head.i, None, size, by_country=True)
    return [_copy(m, start, end, head.i, text, sector) for m in chosen]


def _anaphor(token: Token, cues: Cues, history: _History) -> list[Mention]:
    lower = token.lower_
    if token.tag_ in ("PRP", "PRP$") and cues.has("pronoun", lower):
        kind = cues.value("pronoun", lower)
        text = token.text
        if kind == "person":
            target = history.pick(token.i, PERSONISH)
        elif kind == "thing":
            target = history.pick(token.i, THINGISH, need_code=True)
        elif kind == "plural":
            pair = history.pair(token.i)
            if pair:
                return [_copy(m, token.i, token.i + 1, token.i, text) for m in pair]
            target = history.pick(token.i, THINGISH, need_code=True)
        else:
            return []  # first person: the coder credits it to the quote's speaker
        return [] if target is None else [_copy(target, token.i, token.i + 1, token.i, text)]
    if _group_anaphor(token, cues):
        start = _phrase_start(token)
        text = token.doc[start : token.i + 1].text
        return _group(token, start, token.i + 1, text, None, history)
    if _definite_anaphor(token, cues):
        if cues.value("anaphor", token.lemma_.lower()) == "IGO":
            igo = history.pick(token.i, None, need_code=True, prefix="IGO")
            start = _phrase_start(token)
            text = token.doc[start : token.i + 1].text
            return [] if igo is None else [_copy(igo, start, token.i + 1, token.i, text)]
        target = history.pick(token.i, None, need_code=True)
        if target is None or not target.actor.country:
            return []
        sector = cues.value("anaphor", token.lemma_.lower())
        start = _phrase_start(token)
        text = token.doc[start : token.i + 1].text
        if sector in (None, "-"):
            a = target.actor
            actor = Actor(text, a.country, a.country, None, None)
            return [Mention(start=start, end=token.i + 1, head=token.i, actor=actor, how="coref")]
        return [_copy(target, start, token.i + 1, token.i, text, sector)]
    return []
