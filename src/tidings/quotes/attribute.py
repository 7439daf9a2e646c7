"""Quotes from a parsed ``Doc``: passages in quote marks and reported speech, with speakers.

Direct and partial quotes come from ``marks.find_marked`` (characters); their speaker comes from
the nearest speech cue in the same sentence ("…," Xi said / said Xi / Xi said: "…"), from a
dash and a name after the quote ('"…" ― Jane Doe'), from the subject of the clause around a
partial quote, or, for a bare follow-up quote, from the speaker named in the sentence before.
Indirect quotes come from the parse: a cue verb with a clausal complement ("X said that …",
"X told reporters …", "economists suspect …"), a closing or parenthetical cue ("the plan will
fail, he said" / "the plan, he said, will fail"), "according to X", a speech act and its object
("X likened the tax to a fine"), a passive with its agent ("the deal was criticized by X as …"),
a noun of saying ("X's claim that …", "X's position is that …"), and any verb or adjective with
a subject and a that-clause ("voters are afraid that …").  Speakers are noun phrases resolved
to actors through ``doc._.actors`` when the actors component ran, pronouns to the last fitting
person; "I" and "we" outside quote marks are the writer.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from tidings.extensions import Mention
from tidings.quotes.lexicon import Cue, CueLexicon, default_cues
from tidings.quotes.marks import Marked, find_marked, paragraphs
from tidings.records import Actor, Quote

log = logging.getLogger(__name__)

_SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
# how a cue verb without its own subject hangs off the verb that has one
# ("…, adding that", "Xi smiled and said", "quoted X as saying")
_CLIMB = {"advcl", "xcomp", "conj", "pcomp", "prep", "ccomp"}
_NP_DROP = {"relcl", "acl", "appos", "punct", "cc", "parataxis", "advcl"}
_PERSONAL = {"he", "him", "she", "her"}
_IMPERSONAL = {"it"}
# words that name no speaker: generic "you", the "us" of "let's", relatives and pronouns of
# things.  "I" and "we" do: outside quote marks they are the writer ("I believe the council
# erred" in a column), and inside them a cue is never looked for.
_NO_SPEAKER = {"you", "'s", "’s", "who", "that", "which", "this", "there", "what"}
_PERSON_LABELS = {"PERSON"}
_GROUP_LABELS = {"ORG", "NORP", "GPE"}
# partial quotes this short without a cue are names or scare quotes ("so-called 'reform'")
_MIN_PARTIAL_WORDS = 3
# '"…," said the Foreign Minister of France, Jean Dupont. "…"' at most
_MAX_INTERRUPTION_WORDS = 14
# indirect content shorter than this is not a claim ("he said so")
_MIN_CLAUSE_TOKENS = 3
# dependents of a speech-act verb after its object that go on with the content
_OBJECT_TAIL = {
    "dobj",
    "oprd",
    "xcomp",
    "ccomp",
    "acomp",
    "relcl",
    "acl",
    "appos",
    "npadvmod",
    "dep",
}
# prepositions after an object that carry what was said of it ("criticized X for Y",
# "accused X of Y")
_REASON_PREPS = {"for", "as", "over", "of"}
# entity types of a name before a noun cue that says whose it is ("a Reuters report")
_NAMED_SPEAKERS = {"PERSON", "ORG", "NORP", "GPE"}
# entity types of a phrase that says when or where something was said
_WHEN_WHERE = {"DATE", "TIME", "GPE", "LOC", "FAC", "EVENT"}
# the dashes that sign a quote with its speaker's name ('"…" ― Jane Doe')
_DASHES = {"―", "—", "–", "-"}
# what may follow a closing "X said": when, where, how ("…, the bank said on Monday in a report.")
_SAID_WHEN_WHERE = {"prep", "npadvmod", "advmod", "punct", "agent"}
# conjunctions of a reason, concession or condition that goes on with a reported clause
_REASON_MARKS = {"because", "since", "although", "though", "whereas", "unless", "if", "so"}
# "Pat Caddell:", "SEN. WARREN:" — a longer run before a colon is a heading or a sentence
_MAX_COLON_NAME = 4


@dataclass(slots=True)
class _Found:
    """A quote being built, with the token evidence the speaker came from."""

    start: int
    end: int
    kind: str
    speaker: Actor | None
    cue: str | None
    sent: int  # index of the sentence where the quote ends
    outer: tuple[int, int] = (0, 0)  # the quote marks around the content
    cue_at: int = -1  # character offset of the cue word, -1 when none
    parts: tuple[str, ...] = ()  # the content pieces of a quote interrupted by its attribution


class _Finder:
    def __init__(self, doc: Doc, lexicon: CueLexicon, article_id: str) -> None:
        self.doc = doc
        self.text = doc.text
        self.lexicon = lexicon
        self.article_id = article_id
        self.sents = list(doc.sents)
        self.sent_of = [0] * len(doc)
        for n, sent in enumerate(self.sents):
            for i in range(sent.start, sent.end):
                self.sent_of[i] = n
        self.paras = paragraphs(self.text)
        self.marked = [m for m in find_marked(self.text) if self.text[m.start : m.end].strip()]
        self.quote_of = [-1] * len(doc)  # index into self.marked of the quote holding each token
        for q, m in enumerate(self.marked):
            for tok in self._tokens(m.outer_start, m.outer_end):
                # nested single quotes come later and sit inside: keep the outer quote's index
                if self.quote_of[tok.i] == -1:
                    self.quote_of[tok.i] = q
        self.mentions: list[Mention] = list(getattr(doc._, "actors", None) or [])
        self.full_names = self._full_names()

    # -- tokens and spans ------------------------------------------------------------------
    def _tokens(self, start: int, end: int) -> list[Token]:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return list(span) if span is not None else []

    def _in_quote(self, tok: Token) -> bool:
        return self.quote_of[tok.i] != -1

    # -- cues ------------------------------------------------------------------------------
    def cue_at(self, tok: Token) -> tuple[Cue, str] | None:
        """The cue that starts at ``tok`` and its surface text, or None."""
        for key in {tok.lemma_.lower(), tok.lower_}:
            for cue in self.lexicon.by_first.get(key, ()):
                words = self._cue_words(tok, cue)
                if words is not None:
                    return cue, words
        return None

    def _cue_words(self, tok: Token, cue: Cue) -> str | None:
        if len(cue.words) == 1:
            # verbs, and nouns only when listed as such: "a quote" or "the say" are not cues
            if tok.pos_ in ("VERB", "AUX") and (cue.direct or cue.indirect or cue.object):
                return tok.text
            return tok.text if cue.noun and tok.pos_ == "NOUN" else None
        rest = cue.words[1:]
        if cue.noun and not (cue.direct or cue.indirect or cue.object) and tok.pos_ != "NOUN":
            return None  # "comments about" is a noun cue; "commented about" is not this one
        following = [t.lower_ for t in self.doc[tok.i + 1 : tok.i + 1 + len(rest)]]
        if tuple(following) == rest:
            return " ".join(
                [tok.text, *(t.text for t in self.doc[tok.i + 1 : tok.i + 1 + len(rest)])]
            )
        particles = tuple(c.lower_ for c in tok.children if c.dep_ == "prt")
        if particles == rest and tok.pos_ == "VERB":
            return f"{tok.text} {' '.join(rest)}"
        # "spoke emotionally of", "speaks often in public about" (but "called X for Y" is no
        # "call for": with an object between, the preposition belongs to something else)
        if (
            len(rest) == 1
            and tok.pos_ == "VERB"
            and any(c.dep_ == "prep" and c.lower_ == rest[0] and c.i > tok.i for c in tok.children)
            and not any(c.dep_ in ("dobj", "dative", "ccomp", "xcomp") for c in tok.children)
        ):
            return f"{tok.text} {rest[0]}"
        return None

    # -- speakers --------------------------------------------------------------------------
    def speaker_token(self, cue: Token) -> tuple[Token | None, str]:
        """The head token of whoever speaks through ``cue``, and the cue's text for the record."""
        if cue.lower_ == "according":
            for child in cue.children:
                if child.lower_ == "to":
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            return obj, "according to"
            nxt = self.doc[cue.i + 1 : cue.i + 2]
            if len(nxt) and nxt[0].lower_ == "to":
                for obj in nxt[0].children:
                    if obj.dep_ == "pobj":
                        return obj, "according to"
            return None, "according to"
        if cue.pos_ == "NOUN":
            return self._noun_speaker(cue), cue.text
        verb = cue
        for _ in range(5):
            quoted = self._quoted_as_saying(verb, cue)
            if quoted is not None:
                return quoted
            passive = verb.i == cue.i and any(c.dep_ == "nsubjpass" for c in verb.children)
            for child in verb.children:
                if child.dep_ in _SUBJECTS and child.lower_ not in ("that", "which", "who"):
                    if passive and child.dep_ == "nsubjpass":
                        continue  # "He was told that …", "The plan was announced": not the speaker
                    return child, cue.text
                if child.dep_ == "agent":
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            return obj, cue.text
            if (
                verb.dep_ in ("relcl", "acl")
                and verb.head.pos_ in ("NOUN", "PROPN", "PRON")
                and not (verb.dep_ == "acl" and verb.tag_ == "VBN")
            ):
                # "Smith, who said …" / "a statement saying …"; but in "a group called X" or
                # "a plan praised by the mayor" the noun is what was spoken of
                return verb.head, cue.text
            if (verb.dep_ in _CLIMB or verb.dep_ == "acomp") and verb.head.i != verb.i:
                verb = verb.head  # "the senator has been critical of …": the subject of "be"
                continue
            break
        return self._misparsed_subject(cue), cue.text

    def _misparsed_subject(self, cue: Token) -> Token | None:
        """A name right before a subject-less cue verb ("… of the Post Trump said that …").

        The parser sometimes hangs the speaker off a preceding phrase; a noun or name directly
        before the cue (an adverb such as "also" may stand between) is then the speaker.
        """
        if cue.pos_ != "VERB" or cue.dep_ not in ("ROOT", "ccomp", "conj"):
            return None
        i = cue.i - 1
        while i >= 0 and self.doc[i].pos_ in ("ADV", "AUX", "PART") and cue.i - i < 3:
            i -= 1
        if i < 0 or self.sent_of[i] != self.sent_of[cue.i]:
            return None
        tok = self.doc[i]
        if (
            tok.pos_ in ("PROPN", "NOUN")
            and not self._in_quote(tok)
            and tok.dep_ in ("pobj", "dobj", "conj", "appos")
        ):
            return tok
        return None

    def _noun_speaker(self, noun: Token) -> Token | None:
        """Whose claim: "Trump's claim", "a Reuters report", "Russian claims", or the subject of
        "made the claim", "said in a statement"."""
        for child in noun.children:
            if child.dep_ == "poss":
                return child
        named = [
            c
            for c in noun.children
            if c.dep_ in ("compound", "amod") and c.ent_type_ in _NAMED_SPEAKERS and c.i < noun.i
        ]
        if named:
            return named[-1]
        verb = noun.head
        if noun.dep_ == "pobj" and verb.dep_ == "prep":
            verb = verb.head
        elif noun.dep_ != "dobj":
            return None
        if verb.pos_ not in ("VERB", "AUX") or verb.i == noun.i:
            return None
        for child in verb.children:
            if child.dep_ in _SUBJECTS:
                return child
        return None

    def _quoted_as_saying(self, verb: Token, cue: Token) -> tuple[Token, str] | None:
        """ "X quoted Y as saying": the speaker is Y (the object), X is only the channel."""
        if verb.lemma_.lower() not in ("quote", "cite") or verb.i == cue.i:
            return None
        for child in verb.children:
            if child.dep_ in ("dobj", "nsubjpass"):
                return child, f"{verb.text} … as {cue.text}"
        return None

    def noun_phrase(self, head: Token) -> Span:
        """The speaker's words: the head's subtree without clauses and appositions."""
        keep = {head.i}
        stack = [head]
        while stack:
            tok = stack.pop()
            for child in tok.children:
                if child.dep_ in _NP_DROP or self._in_quote(child) != self._in_quote(head):
                    continue
                keep.add(child.i)
                stack.append(child)
        lo, hi = min(keep), max(keep) + 1
        # a possessive or compound may have pulled in punctuation at the edges
        while lo < head.i and (self.doc[lo].is_punct or self.doc[lo].is_space):
            lo += 1
        while hi - 1 > head.i and (self.doc[hi - 1].is_punct or self.doc[hi - 1].is_space):
            hi -= 1
        if hi - 1 > lo and self.doc[hi - 1].dep_ == "case":  # "Trump's claim": the speaker is Trump
            hi -= 1
        return self.doc[lo:hi]

    def _mention_for(self, span: Span, head: Token) -> Mention | None:
        best = None
        for m in self.mentions:
            if m.start < span.end and span.start < m.end:
                if m.start <= head.i < m.end:
                    return m
                best = best or m
        return best

    def _full_names(self) -> dict[str, str]:
        """Surname → the longest full name seen for it ("Clinton" → "Hillary Clinton")."""
        names: dict[str, str] = {}
        for ent in self.doc.ents:
            if ent.label_ in _PERSON_LABELS and len(ent) > 1:
                last = ent[-1].text
                if len(ent.text) > len(names.get(last, "")):
                    names[last] = ent.text
        return names

    def _person_name(self, span: Span, head: Token | None = None) -> str | None:
        for ent in span.ents:
            if ent.label_ in _PERSON_LABELS:
                text = ent.text.removesuffix("'s").removesuffix("’s")
                return self.full_names.get(text, text) if len(ent) == 1 else text
        if head is not None and head.pos_ == "PROPN" and not head.ent_type_:
            # the small model misses some names ("Xi Jinping"): a short run of proper nouns
            # that NER left untyped is taken as one
            lo = head.i
            while (
                lo > span.start
                and self.doc[lo - 1].pos_ == "PROPN"
                and not self.doc[lo - 1].ent_type_
            ):
                lo -= 1
            if head.i - lo < 3:
                text = self.doc[lo : head.i + 1].text
                return self.full_names.get(text, text)
        return None

    def _antecedent(self, pron: Token) -> Token | None:
        """The last fitting entity before a pronoun: in each earlier sentence, a subject first."""
        labels = _PERSON_LABELS if pron.lower_ in _PERSONAL else _GROUP_LABELS
        first = self.sent_of[pron.i]
        for n in range(first, max(-1, first - 4), -1):
            sent = self.sents[n]
            ents = [
                e for e in self.doc.ents
                if e.label_ in labels and sent.start <= e.start and e.end <= min(sent.end, pron.i)
                and not self._in_quote(e.root)
            ]  # fmt: skip
            if not ents:
                continue
            subjects = [e for e in ents if e.root.dep_ in _SUBJECTS]
            return (subjects or ents)[-1].root
        return None

    def actor(self, head: Token) -> Actor | None:
        """The speaker as an Actor: the words as written, resolved through doc._.actors."""
        if head.lower_ in _NO_SPEAKER:
            return None
        span = self.noun_phrase(head)
        name = self._person_name(span, head)
        mention = self._mention_for(span, head)
        if head.pos_ == "PRON" and (head.lower_ in _PERSONAL or head.lower_ in _IMPERSONAL):
            ante = self._antecedent(head)
            if ante is not None:
                ante_span = self.noun_phrase(ante)
                name = self._person_name(ante_span, ante) or (
                    ante_span.text if head.lower_ in _IMPERSONAL else None
                )
                mention = mention or self._mention_for(ante_span, ante)
        if mention is not None:
            a = mention.actor
            return Actor(
                text=span.text, code=a.code, country=a.country, sector=a.sector, name=a.name or name
            )
        return Actor(text=span.text, name=name)

    # -- direct and partial quotes ---------------------------------------------------------
    def _sentences_of(self, m: Marked) -> range:
        toks = self._tokens(m.start, m.end)
        if not toks:
            return range(0)
        return range(self.sent_of[toks[0].i], self.sent_of[toks[-1].i] + 1)

    def _cue_candidates(self, m: Marked, sents: range) -> list[Token]:
        tokens: list[Token] = []
        for n in sents:
            tokens.extend(self.sents[n])
        last = self.sents[sents[-1]]
        after_close = self.text[m.outer_end : last.end_char].strip()
        if sents[-1] + 1 < len(self.sents) and not any(ch.isalnum() for ch in after_close):
            # "…," closing the sentence split: the cue opens the next one ("Xi said.")
            tokens.extend(list(self.sents[sents[-1] + 1])[:8])
        # the parser may join paragraphs into one sentence; a cue never reaches across them
        lo, hi = self._paragraph_bounds(m)
        return [t for t in tokens if not self._in_quote(t) and lo <= t.idx < hi]

    def _paragraph_bounds(self, m: Marked) -> tuple[int, int]:
        lo, hi = 0, len(self.text)
        for p_start, p_end in self.paras:
            if p_start <= m.outer_start:
                lo = p_start
            if p_end >= m.outer_end:
                hi = p_end
                break
        return lo, hi

    def _best_cue(self, m: Marked, sents: range) -> tuple[Token, str] | None:
        inside = {t.i for t in self._tokens(m.start, m.end)}
        best: tuple[int, Token, str] | None = None
        for tok in self._cue_candidates(m, sents):
            found = self.cue_at(tok)
            if found is None or not found[0].direct:
                continue
            if tok.idx >= m.outer_end:
                gap = tok.idx - m.outer_end
            else:
                gap = m.outer_start - (tok.idx + len(tok))
            # a cue the parse links to the quote beats a nearer one that it does not
            linked = any(c.i in inside for c in tok.subtree)
            score = gap - (40 if linked else 0)
            if best is None or score < best[0]:
                best = (score, tok, found[1])
        return (best[1], best[2]) if best else None

    def _is_partial(self, m: Marked, sents: range) -> bool:
        content = self.text[m.start : m.end].lstrip("'‘\"“ ")
        if content[:1].islower():
            return True
        sent_start = self.sents[sents[0]].start_char if sents else 0
        before = self.text[max(sent_start, m.outer_start - 40) : m.outer_start].rstrip()
        if not before or not before[-1].isalnum():
            return False
        # a word before the mark: fine only when it is a cue ("Xi said "We …"")
        prev = self.doc.char_span(m.outer_start, m.outer_start + 1, alignment_mode="expand")
        if prev is None or prev.start == 0:
            return False
        word = self.doc[prev.start - 1]
        return self.cue_at(word) is None

    def _governing_subject(self, m: Marked) -> tuple[Token | None, Token | None]:
        """For a partial quote: the subject and verb of the clause the quote sits in."""
        toks = self._tokens(m.start, m.end)
        inside = {t.i for t in toks}
        for tok in toks:  # a verb in the quote whose subject is outside ("he 'fully agrees'")
            for child in tok.children:
                if child.dep_ in _SUBJECTS and child.i not in inside and not self._in_quote(child):
                    return child, tok
        if not toks:
            return None, None
        node = toks[0]
        while node.head.i != node.i and node.i in inside:
            node = node.head
        for _ in range(4):
            if node.pos_ in ("VERB", "AUX") and not self._in_quote(node):
                spk, _cue = self.speaker_token(node)
                return spk, node
            if node.head.i == node.i:
                break
            node = node.head
        return None, None

    def _follow_up(self, sents: range, previous: list[_Found]) -> Actor | None:
        """A bare quote's speaker: who spoke, or was the subject, in the sentence before."""
        if not sents:
            return None
        first = sents[0]
        for q in reversed(previous):
            if q.speaker is not None and first - 1 <= q.sent <= first:
                return q.speaker
            if q.sent < first - 1:
                break
        if first == 0:
            return None
        before = self.sents[first - 1]
        for tok in before:
            if tok.dep_ in _SUBJECTS and tok.head.dep_ == "ROOT" and not self._in_quote(tok):
                if tok.ent_type_ in _PERSON_LABELS or self._mention_for(
                    self.doc[tok.i : tok.i + 1], tok
                ):
                    return self.actor(tok)
        return None

    def marked_quotes(self) -> list[_Found]:
        out: list[_Found] = []
        for q, m in enumerate(self.marked):
            toks = self._tokens(m.start, m.end)
            if toks and self.quote_of[toks[0].i] != q:
                continue  # nested inside another quote: part of it
            sents = self._sentences_of(m)
            partial = self._is_partial(m, sents)
            kind = "partial" if partial else "direct"
            speaker: Actor | None = None
            cue_text: str | None = None
            best = self._best_cue(m, sents)
            cue_at = best[0].idx if best is not None else -1
            signed = self._signed(m) if best is None else None
            if signed is not None:  # '"…" ― Jane Doe'
                speaker = self.actor(signed.root)
                cue_text = self.text[m.outer_end : signed.start_char].strip()
                partial, kind = False, "direct"
            elif best is not None:
                head, cue_text = self.speaker_token(best[0])
                if cue_text == best[0].text:
                    cue_text = best[1]  # the whole cue, "pointed out", "called for"
                speaker = self.actor(head) if head is not None else None
            elif partial:
                head, verb = self._governing_subject(m)
                if head is not None:
                    speaker = self.actor(head)
                    cue_text = verb.text if verb is not None else None
            else:
                speaker = self._follow_up(sents, out)
            words = self.text[m.start : m.end]
            if best is None and (
                _is_title(words) or partial and _words(words) < _MIN_PARTIAL_WORDS
            ):
                continue  # a name, a title or a scare quote, not speech
            inline = partial or self._mid_sentence(m)
            if (
                inline
                and (_is_title(words) or _words(words) < 2)
                or not any(ch.isalpha() for ch in words)
            ):
                continue  # a show's name or one word, even next to a cue ("told 'Fox News Sunday'")
            sent = sents[-1] if sents else 0
            found = _Found(
                m.start, m.end, kind, speaker, cue_text, sent, (m.outer_start, m.outer_end), cue_at
            )
            if out and self._continues(out[-1], found):
                out[-1] = self._joined(out[-1], found)
            else:
                out.append(found)
        return out

    def _signed(self, m: Marked) -> Span | None:
        """'"…" ― Jane Doe' ending a line: a quote signed with a dash and a name."""
        line_end = self.text.find("\n", m.outer_end)
        after = self.text[m.outer_end : len(self.text) if line_end < 0 else line_end]
        lead = len(after) - len(after.lstrip())
        if after[lead : lead + 1] not in _DASHES:
            return None
        while lead < len(after) and (after[lead] in _DASHES or after[lead].isspace()):
            lead += 1
        end = len(after.rstrip().rstrip(".").rstrip())
        if end <= lead:
            return None
        name = self.doc.char_span(m.outer_end + lead, m.outer_end + end, alignment_mode="expand")
        if name is None or not 0 < len(name) <= _MAX_COLON_NAME + 1:
            return None
        return name if all(_name_like(t) for t in name) else None

    def _mid_sentence(self, m: Marked) -> bool:
        """Words run on both sides of the marks: 'told "Meet the Press" that …'."""
        before = self.text[max(0, m.outer_start - 2) : m.outer_start].strip()
        after = self.text[m.outer_end : m.outer_end + 2].strip()
        return bool(before) and before[-1].isalnum() and bool(after) and after[0].isalnum()

    def _continues(self, first: _Found, second: _Found) -> bool:
        """Is ``second`` the rest of ``first``, interrupted by its attribution?

        '"We are ready," he said. "We will not wait."' is one quote in two pieces: only the
        attribution stands between them, and the second piece has no speaker of its own.  The
        joined quote's text is the pieces with " … " where the attribution was.
        """
        if first.kind != "direct" or second.kind == "indirect":
            return False
        between = self.text[first.outer[1] : second.outer[0]]
        if "\n" in between.strip() or len(between.split()) > _MAX_INTERRUPTION_WORDS:
            return False
        if not first.outer[1] <= first.cue_at < second.outer[0]:
            return False  # the words between are not the attribution
        return second.cue_at == -1 or second.cue_at == first.cue_at

    def _joined(self, first: _Found, second: _Found) -> _Found:
        parts = (first.parts or (self.text[first.start : first.end],)) + (
            self.text[second.start : second.end],
        )
        return _Found(
            first.start, second.end, "direct" if "direct" in (first.kind, second.kind) else first.kind,
            first.speaker or second.speaker, first.cue or second.cue, second.sent,
            (first.outer[0], second.outer[1]), first.cue_at, parts,
        )  # fmt: skip

    # -- indirect speech -------------------------------------------------------------------
    def _object(self, cue: Token, entry: Cue) -> list[Token]:
        """What a speech act is about: its object(s) and infinitive ("urged Japan to stop")."""
        heads = [c for c in cue.children if c.dep_ in ("dobj", "xcomp", "oprd", "ccomp")]
        if any(c.dep_ == "agent" for c in cue.children):
            # "The deal was criticized by the opposition as a giveaway": the passive subject is
            # what was spoken of (only with a "by" phrase naming who spoke)
            heads += [c for c in cue.children if c.dep_ == "nsubjpass" and c.pos_ != "PRON"]
        if len(entry.words) > 1:
            for child in cue.children:  # "called for talks", "pointed to the polls"
                if child.dep_ in ("prep", "prt") and child.lower_ == entry.words[-1]:
                    heads.extend(c for c in child.children if _topic(c))
                    heads.extend(
                        c
                        for c in cue.children
                        if c.dep_ == "prep" and c.lower_ == entry.words[-1] and c.i != child.i
                    )
        if any(h.dep_ in ("dobj", "nsubjpass") for h in heads):
            # "criticized X for Y", "cited X as Y", "attacked X over Y": the reason is said too
            heads.extend(
                c
                for c in cue.children
                if c.dep_ == "prep"
                and c.lower_ in _REASON_PREPS
                and c.i > cue.i
                and c.lower_ not in entry.words
            )
        tokens = [t for h in heads for t in h.subtree]
        if len(entry.words) > 1:
            # "call on X to do": the object of the preposition and its infinitive
            tokens = [t for t in tokens if t.lower_ != entry.words[-1] or t.head.i != cue.i]
        if heads:
            # what the parse hangs off the verb after its object still belongs to what was said
            # ("cited the remarks Trump had made as examples …", "wants to triple X, grow Y and …")
            last = max(h.i for h in heads)
            tail = [c for c in cue.children if c.i > last and c.dep_ in _OBJECT_TAIL]
            # "likened the levy to a fine", "offers loans to farmers": a preposition after the
            # object completes it, unless it says when or where ("… in Ohio on Friday")
            tail += [
                c
                for c in cue.children
                if c.i > last and c.dep_ in ("prep", "dative") and not _circumstance(c)
            ]
            tail += self._continued(cue, self.doc[last])
            tokens += [t for c in tail for t in c.subtree]
        return tokens

    def _clause(self, cue: Token, entry: Cue | None = None) -> list[Token]:
        """The reported clause a cue introduces, or [] when it has none."""
        if cue.lower_ == "according":
            head = cue.head
            if head.i == cue.i:  # parsed as the sentence's root: what follows its comma
                return self._after_comma(cue)
            skip = {t.i for t in cue.subtree}
            sent = self.sents[self.sent_of[cue.i]]
            before = self.doc[cue.i - 1] if cue.i > sent.start else None
            if (
                before is not None
                and before.text == ","
                and all(t.is_punct for t in self.doc[cue.right_edge.i + 1 : sent.end])
            ):
                # "…, according to X." closes the sentence: all of it is X's account, whichever
                # clause the parse hung the phrase on
                return [t for t in sent if t.i < before.i]
            return [t for t in head.subtree if t.i not in skip]
        if cue.pos_ == "NOUN":  # "the claim that …": a clause with "that" hanging off the noun
            holders = [cue]
            if cue.dep_ == "nsubj" and cue.head.lemma_ == "be":
                holders.append(cue.head)  # "The mayor's argument is that …"
            comps = [
                c
                for h in holders
                for c in h.children
                if c.dep_ in ("acl", "ccomp", "relcl")
                and c.i > cue.i
                and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            ]
            if entry is not None and len(entry.words) > 1:  # "his comments about X": X
                comps += [
                    o
                    for p in cue.children
                    if p.dep_ == "prep" and p.lower_ == entry.words[-1]
                    for o in p.children
                    if _topic(o)
                ]
            return [t for c in comps for t in c.subtree]
        if entry is not None and entry.indirect:
            closing = self._closing_attribution(cue)
            if closing:
                return closing
        comps = [c for c in cue.children if c.dep_ == "ccomp"]
        if comps and (entry is None or entry.indirect):
            # "The problem, she told me, is that …" parsed with "The problem" left dangling
            dangling = [
                c
                for c in cue.children
                if c.dep_ == "dep" and c.i < cue.i and c.pos_ in ("NOUN", "PROPN")
            ]
            more = self._continued(cue, comps[-1]) + self._reasons(cue, comps[-1])
            return [t for c in dangling + comps + more for t in c.subtree]
        if entry is not None and entry.object:
            obj = self._object(cue, entry)
            # "The plan, he told me, will fail": a pronoun object is the listener, not the content
            if obj and (cue.dep_ != "parataxis" or any(t.pos_ != "PRON" for t in obj)):
                return obj
        if cue.dep_ == "ROOT" and entry is not None and entry.indirect:
            return self._rest_of_sentence(cue)
        # "The deal, as the minister put it, changes everything": the sentence around the cue
        as_clause = cue.dep_ != "ROOT" and any(
            c.dep_ == "mark" and c.lower_ == "as" for c in cue.children
        )
        if (
            cue.dep_ == "parataxis" or as_clause
        ) and cue.head.i != cue.i:  # "The plan, he said, will fail."
            host = self.sents[self.sent_of[cue.i]].root if as_clause else cue.head
            if host.dep_ in _SUBJECTS and host.head.i != host.i:
                host = host.head  # "The difference, he said, is …": the whole clause
            # "X is vague, experts say, including Y": what the parse hangs off the cue after
            # a comma goes on with the host sentence
            goes_on = [
                c
                for c in cue.children
                if c.i > cue.i
                and c.dep_ in ("prep", "advcl", "conj")
                and self._comma_before(c)
                and self.cue_at(c) is None
            ]
            keep = {t.i for c in goes_on for t in c.subtree}
            skip = {t.i for t in cue.subtree} - keep
            return [t for t in host.subtree if t.i not in skip]
        return []

    def _comma_before(self, node: Token) -> bool:
        """Is the phrase ``node`` heads set off by a comma before it?"""
        i = node.left_edge.i - 1
        return i >= 0 and self.doc[i].text == ","

    def _closing_attribution(self, cue: Token) -> list[Token]:
        """A closing "X said" takes everything before its comma, however the parse hung it.

        "…, but the council overruled the request, the source added.": the whole sentence
        up to the comma is the report.
        """
        sent = self.sents[self.sent_of[cue.i]]
        subjects = [c for c in cue.children if c.dep_ == "nsubj" and c.i < cue.i]
        if not subjects or cue.i == sent.start:
            return []
        subject = subjects[0]
        comma = subject.left_edge.i - 1
        if comma <= sent.start or self.doc[comma].text != ",":
            return []
        between = self.doc[subject.right_edge.i + 1 : cue.i]
        if any(t.dep_ not in ("aux", "advmod", "neg") for t in between):
            return []
        if any(
            c.i > cue.i
            and (c.dep_ not in _SAID_WHEN_WHERE or not c.is_punct and self._comma_before(c))
            for c in cue.children
        ):
            # "In a statement, X said that …": the report follows the cue; "…, experts say,
            # including …": the sentence goes on after it
            return []
        tail = {t.i for t in cue.subtree}
        if any(t.i not in tail and not t.is_punct for t in self.doc[cue.i + 1 : sent.end]):
            return []  # the sentence goes on after the cue: not a closing attribution
        if any(self.cue_at(self.doc[i]) is not None for i in tail if i > cue.i):
            return []  # "…, he said, adding that …": the rest is a report of its own
        report = [t for t in self.doc[sent.start : comma] if not t.is_space]
        if not any(
            t.dep_ in ("nsubj", "nsubjpass", "expl") and sent.start <= t.head.i < comma
            for t in report
        ):
            return []  # "Speaking to students, X said …": a phrase, not a reported clause
        return report

    def _after_comma(self, cue: Token) -> list[Token]:
        """'According to X, the move reeks of fear' parsed as one noun phrase: after the comma."""
        sent = self.sents[self.sent_of[cue.i]]
        comma = next((t.i for t in sent if t.i > cue.i and t.text == ","), None)
        return [] if comma is None else list(self.doc[comma + 1 : sent.end])

    def _rest_of_sentence(self, cue: Token) -> list[Token]:
        """A root speech verb the parse gave no clause ("The mayor said after the vote she would …",
        "Though X was calm, he said, replacing Y would …"): the rest of its sentence is the report."""
        sent = self.sents[self.sent_of[cue.i]]
        skip = {cue.i}
        for child in cue.children:
            if child.dep_ in _SUBJECTS or child.dep_ in (
                "dobj",
                "dative",
                "aux",
                "neg",
                "advmod",
                "npadvmod",
            ):
                skip.update(t.i for t in child.subtree)
        rest = [t for t in sent if t.i not in skip and not self._in_quote(t)]
        if not any(t.dep_ in _SUBJECTS and t.head.pos_ in ("VERB", "AUX") for t in rest):
            return []  # no clause of its own: "He said so in Paris on Monday"
        return rest

    def _report_opens(self, first: Token, start: int) -> int:
        """Where a report ending in "…, he said." begins: earlier sentences of its paragraph too.

        'The plant will close. Two hundred jobs will go, the union said.' reports both
        sentences.  A sentence with quote marks or a speech cue of its own ends the walk back.
        """
        lo = next((p for p, e in self.paras if p <= start < e), 0)
        n = self.sent_of[first.i]
        while n > 0:
            prev = self.sents[n - 1]
            if prev.start_char < lo or any(
                self._in_quote(t) or self.cue_at(t) is not None for t in prev
            ):
                break
            start, n = prev.start_char, n - 1
        return start

    def _continued(self, cue: Token, comp: Token) -> list[Token]:
        """Clauses joined to the cue verb that go on with the report.

        "The mayor says she hopes to win, but she has …" / "She said she wanted to meet
        the strikers and hear them out …": a conjunct after the reported clause whose subject is a
        pronoun, or missing, and which is no speech cue itself (that one reports on its own).
        When the attribution stands inside the report ("Prices rose, the agency said, and wages
        fell"), a conjunct after the cue goes on with the report whatever its subject.
        """
        inverted = comp.i < cue.i
        out = []
        for conj in cue.children:
            if conj.dep_ != "conj" or conj.i < comp.i or conj.pos_ not in ("VERB", "AUX"):
                continue
            if self.cue_at(conj) is not None:
                continue
            subjects = [c for c in conj.children if c.dep_ in _SUBJECTS]
            if inverted and conj.i > cue.i and subjects:
                out.append(conj)
            elif all(c.lower_ in _PERSONAL | {"they"} for c in subjects):
                out.append(conj)
        return out

    def _reasons(self, cue: Token, comp: Token) -> list[Token]:
        """A reason or condition set off by a comma after the reported clause goes on with it.

        "The senator said the bill was doomed, because the governor had promised a veto": the
        parse may hang the because-clause off "said", but it is part of what was said.  Clauses
        of time ("…, when asked", "…, after the meeting") are the circumstances of the speaking
        and stay out.
        """
        if comp.i < cue.i:
            return []
        return [
            c
            for c in cue.children
            if c.dep_ == "advcl"
            and c.i > comp.i
            and self._comma_before(c)
            and any(m.dep_ == "mark" and m.lower_ in _REASON_MARKS for m in c.children)
            and self.cue_at(c) is None
        ]

    def _that_clause(self, tok: Token) -> tuple[list[Token], Token | None]:
        """Any verb or adjective with a subject and a "that"-clause reports a stance.

        "Polls indicated that …"; "Farmers are afraid that …", "Protesters were frustrated that
        …": the one who holds the stance is the subject (of the copula, for an adjective).
        Returns the clause and, where it is not the verb's own active subject, that holder.
        """
        holder: Token | None = None
        if tok.pos_ == "VERB":
            subjects = [c for c in tok.children if c.dep_ == "nsubj"]
            if not subjects:
                subjects = [c for c in tok.children if c.dep_ == "nsubjpass"]
                holder = subjects[0] if subjects else None
        elif tok.pos_ == "ADJ" and tok.dep_ == "acomp":
            subjects = [c for c in tok.head.children if c.dep_ == "nsubj"]
            holder = subjects[0] if subjects else None
        else:
            return [], None
        if not subjects or subjects[0].lower_ in ("it", "this", "that", "which", "there", "what"):
            return [], None
        comps = [
            c
            for c in tok.children
            if c.dep_ == "ccomp"
            and c.i > tok.i
            and any(
                m.dep_ == "mark" and m.lower_ == "that" and m.i == c.left_edge.i for m in c.children
            )
        ]
        return [t for c in comps for t in c.subtree], holder

    def indirect_quotes(self, marked: Sequence[_Found]) -> list[_Found]:
        out: list[_Found] = []
        for tok in self.doc:
            if self._in_quote(tok):
                continue
            found = self.cue_at(tok)
            if found is None:
                if _ANY_THAT.words[0] not in self.lexicon.by_first:
                    continue
                that_clause, holder = self._that_clause(tok)
                clause = self._trim(that_clause)
                if not clause:
                    continue
                found = (_ANY_THAT, tok.text)
            elif not (found[0].indirect or found[0].object or found[0].noun):
                continue
            else:
                clause, holder = self._trim(self._clause(tok, found[0])), None
            if not self._is_content(clause, found[0]):
                continue
            start, end = clause[0].idx, clause[-1].idx + len(clause[-1])
            if self._mostly_quoted(start, end, marked):
                continue  # the quote marks already gave this passage, with this cue
            head, cue_text = (holder, tok.text) if holder is not None else self.speaker_token(tok)
            if cue_text == tok.text:
                cue_text = found[1]
            speaker = self.actor(head) if head is not None else None
            if speaker is None:
                continue  # "how to want …", "by asking prosecutors …": no one is reported
            if clause[-1].i < tok.i and clause[0].i == self.sents[self.sent_of[clause[0].i]].start:
                start = self._report_opens(clause[0], start)
            out.append(
                _Found(start, end, "indirect", speaker, cue_text, self.sent_of[clause[-1].i])
            )
        return out

    def colon_quotes(self) -> list[_Found]:
        """'Pence: Flowers won't be at the debate' and transcript lines 'WALLACE: Let's start …'.

        A paragraph (or a quote mark opening one) that begins with a short name and a colon
        attributes the rest of the paragraph to that name.  The name must be proper nouns or a
        named person or organisation, so "Two questions:" or "Update:" do not count.
        """
        out: list[_Found] = self._block_quotes()
        for p_start, p_end in self.paras:
            head = self.text[p_start:p_end]
            lead = len(head) - len(head.lstrip(" \t\"“'‘"))
            colon = head.find(":", lead, lead + 40)
            if colon < 0:
                continue
            name = self.doc.char_span(p_start + lead, p_start + colon, alignment_mode="expand")
            if (
                name is None
                or not 0 < len(name) <= _MAX_COLON_NAME
                or not all(_name_like(t) for t in name)
            ):
                continue
            start = p_start + colon + 1
            while start < p_end and self.text[start] in " \t\"“'‘":
                start += 1
            end = p_end
            while end > start and (self.text[end - 1].isspace() or self.text[end - 1] in "\"”'’"):
                end -= 1
            if _words(self.text[start:end]) < _MIN_PARTIAL_WORDS:
                continue
            kind = (
                "direct"
                if self._in_quote(name[0]) or self.text[start - 1] in "\"“'‘"
                else "indirect"
            )
            speaker = self.actor(name.root)
            toks = self._tokens(start, end)
            sent = self.sent_of[toks[-1].i] if toks else 0
            out.append(_Found(start, end, kind, speaker, ":", sent))
        return out

    def _block_quotes(self) -> list[_Found]:
        """'The governor added:' closing a paragraph, and the next paragraph, unmarked, is what he said."""
        out: list[_Found] = []
        for (p_start, p_end), (n_start, n_end) in zip(self.paras, self.paras[1:], strict=False):
            if (
                not self.text[p_start:p_end].rstrip().endswith(":")
                or self.text[n_start] in "\"“'‘«„"
            ):
                continue
            colon = self.doc.char_span(
                self.text.rindex(":", 0, p_end), p_end, alignment_mode="expand"
            )
            if colon is None or colon.start == 0:
                continue
            cue = None
            for tok in self.doc[max(0, colon.start - 4) : colon.start]:
                found = self.cue_at(tok)
                if found is not None and found[0].direct and not self._in_quote(tok):
                    cue = tok
            if cue is None:
                continue
            head, cue_text = self.speaker_token(cue)
            speaker = self.actor(head) if head is not None else None
            end = n_end  # without the full stop, as the parse may also give it as a clause
            while end > n_start and (self.text[end - 1].isspace() or self.text[end - 1] in ".!"):
                end -= 1
            toks = self._tokens(n_start, end)
            if speaker is None or _words(self.text[n_start:end]) < _MIN_PARTIAL_WORDS or not toks:
                continue
            out.append(_Found(n_start, end, "direct", speaker, cue_text, self.sent_of[toks[-1].i]))
        return out

    @staticmethod
    def _is_content(clause: list[Token], entry: Cue) -> bool:
        if not clause:
            return False
        if any(t.pos_ in ("VERB", "AUX") for t in clause) and len(clause) >= _MIN_CLAUSE_TOKENS:
            return True
        # an object of a speech act ("criticized the plan") needs no verb, but some substance
        takes_object = entry.object or entry.noun and len(entry.words) > 1  # "comments about X"
        return (
            takes_object
            and any(t.pos_ in ("NOUN", "PROPN") for t in clause)
            and not all(t.pos_ == "PRON" or t.is_punct for t in clause)
        )

    def _trim(self, tokens: Iterable[Token]) -> list[Token]:
        toks = sorted(tokens, key=lambda t: t.i)
        while (
            toks
            and (
                toks[0].is_punct
                or toks[0].dep_ == "mark"
                or toks[0].is_space
                # the "that" of a that-clause the parse took for an object ("reported that the army …")
                or toks[0].lower_ == "that"
                and toks[0].dep_ == "dobj"
                and any(t.dep_ in ("nsubj", "nsubjpass") for t in toks[1:4])
            )
        ):
            toks.pop(0)
        while toks and (toks[-1].is_punct or toks[-1].is_space):
            toks.pop()
        return toks

    @staticmethod
    def _mostly_quoted(start: int, end: int, marked: Sequence[_Found]) -> bool:
        """Is most of a reported clause a direct quote?  (A partial one stays inside the clause.)"""
        covered = 0
        for f in marked:
            if f.kind == "direct":
                lo, hi = max(start, f.outer[0]), min(end, f.outer[1])
                covered += max(0, hi - lo)
        return covered * 2 > end - start

    def quotes(self) -> list[Quote]:
        marked = self.marked_quotes()
        indirect = self.indirect_quotes(marked) + self.colon_quotes()
        # a partial quote inside a reported clause is part of that clause's quote
        kept = [
            f for f in marked
            if not (f.kind == "partial" and any(i.start <= f.start and f.end <= i.end for i in indirect))
        ]  # fmt: skip
        seen: set[tuple[int, int]] = set()
        quotes: list[Quote] = []
        for f in sorted(kept + indirect, key=lambda f: (f.start, f.end)):
            if (f.start, f.end) in seen:
                continue
            seen.add((f.start, f.end))
            quotes.append(
                Quote(
                    article_id=self.article_id,
                    speaker=f.speaker,
                    text=" … ".join(f.parts) if f.parts else self.text[f.start : f.end],
                    kind=f.kind,
                    start=f.start,
                    end=f.end,
                    cue=f.cue,
                )  # fmt: skip
            )
        return quotes


def _circumstance(prep: Token) -> bool:
    """A prepositional phrase of time or place ("on Friday", "in Ohio", "at the rally")."""
    return any(
        o.dep_ == "pobj" and o.ent_type_ in _WHEN_WHERE for o in prep.children
    ) or prep.lower_ in ("during", "after", "before", "since", "while")


def _topic(tok: Token) -> bool:
    """The object of a cue's preposition as what was spoken about: not a date ("remarks on Saturday")."""
    return tok.dep_ in ("pobj", "pcomp") and tok.ent_type_ not in ("DATE", "TIME")


def _name_like(tok: Token) -> bool:
    """Part of a speaker's name before a colon: a proper noun or a person / organisation."""
    if tok.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT"):
        return False
    return (
        tok.pos_ == "PROPN"
        or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        or (tok.is_punct and tok.text in ".-'’")
    )


# the entry standing for a verb or adjective outside the lexicon that takes a "that"-clause
_ANY_THAT = Cue(words=("*",), direct=False, indirect=True)

_TITLE_GLUE = {"a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"}


def _is_title(text: str) -> bool:
    """A short Title Case passage ("Fox News Sunday", 'Suffering and Delight'): a name, not speech."""
    words = [w.strip(".,;:!?'\"“”‘’()") for w in text.split()]
    words = [w for w in words if w]
    if not words or len(words) > 8 or not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _TITLE_GLUE for w in words)


def _words(text: str) -> int:
    return sum(1 for w in text.split() if any(ch.isalnum() for ch in w))


def find_quotes(
    doc: Doc, *, article_id: str = "", lexicon: CueLexicon | None = None
) -> list[Quote]:
    """Quotes in a parsed ``Doc`` with their speakers, in text order.

    Reads ``doc._.actors`` (may be None) to give speakers codes.  Offsets are those of the
    quoted content (without the marks) in ``doc.text``.
    """
    if len(doc) == 0:
        return []
    return _Finder(doc, lexicon or default_cues(), article_id).quotes()
