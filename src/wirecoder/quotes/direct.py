"""Direct quotes: the words inside the marks, and who said them.

Each quote (a chain of segments when it runs over several paragraphs) is tried against
these rules in order; the rule that takes it is recorded in `Quote.rule`:

- direct.pull: a paragraph that is only a quote, a dash and a name ("..." -- X, ...);
- direct.attributed: a speech verb right after the closing mark ("...," X said /
  "...," said X), or an introduction before the opening mark (X said: "..." /
  X said, "..." / X spoke from a balcony: "...");
- direct.continued: the other paragraphs of a quote attributed at one end;
- direct.called: a phrase a person gives as a verdict (X called the deal "a mistake",
  X dismissed them as "sheep");
- direct.partial: a clause-like fragment inside someone's reported statement
  (X said the plan "will not survive the winter").

A sentence that is all quote and has none of these is left `pending` until reported
speech is known: it belongs to the speaker named just before (direct.split inside one
paragraph, direct.followon across paragraphs; see `wirecoder.quotes`). Everything else
between marks is left out: names of papers, operations, agreements and slogans, labels
given by institutions, and scare quotes. A quoted fragment inside the reporter's own
sentence that no speaker frames is left out too, since a speaker would be a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from wirecoder.model import Speaker
from wirecoder.quotes.lexicon import QuoteLexicon
from wirecoder.quotes.marks import Segment, sentence_initial, word_count
from wirecoder.quotes.speakers import Speakers
from wirecoder.quotes.tokens import FINITE_TAGS, SENTENCE_END, TokenIndex, roots_of

_PULL_TAIL = re.compile(r"\s*(?:--|—|–|-)\s*(?P<who>\S.*?)\s*$")
_WORDS = re.compile(r"[\w'’-]+")
# Sentence punctuation inside a span: after a lower-case letter, so "U.S." does not count.
_INNER_STOP = re.compile(r"[a-z0-9][.!?;](?:\s|$)")
_TRAILING_PUNCT = ",.;:!?…—–- "
# What may end a quote that is attributed after its closing mark.
_OPEN_ENDINGS = frozenset(",!?…—–-")
_VERBS = frozenset({"VERB", "AUX"})
_WINDOW = 40


@dataclass(slots=True)
class Draft:
    """A direct quote found so far: its segments, speaker and rules."""

    segments: list[Segment]
    speaker: Speaker | None
    rules: list[str]
    verb: int | None = None
    also: list[Segment] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.segments[0].start

    @property
    def end(self) -> int:
        return self.segments[-1].end


@dataclass(slots=True)
class DirectResult:
    drafts: list[Draft] = field(default_factory=list)
    pending: list[list[Segment]] = field(default_factory=list)
    verbs: set[int] = field(default_factory=set)


class DirectFinder:
    def __init__(
        self, doc: Doc, lexicon: QuoteLexicon, index: TokenIndex, speakers: Speakers
    ) -> None:
        self.doc = doc
        self.text = doc.text
        self.lex = lexicon
        self.index = index
        self.speakers = speakers
        self._segments: list[Segment] = []

    def run(self, chains: list[list[Segment]]) -> DirectResult:
        self._segments = [seg for chain in chains for seg in chain]
        result = DirectResult()
        for chain in chains:
            draft = self._attribute(chain)
            if draft is not None:
                result.drafts.append(draft)
                if draft.verb is not None:
                    result.verbs.add(draft.verb)
            elif self._stands_alone(chain):
                result.pending.append(chain)
        return result

    # -- the rules ------------------------------------------------------------------
    def _attribute(self, chain: list[Segment]) -> Draft | None:
        first, last = chain[0], chain[-1]
        if len(chain) == 1:
            pulled = self._pull(first)
            if pulled is not None:
                return pulled
        if self.name_like(last) or (len(chain) == 1 and self.name_like(first)):
            return None
        verb = self._trailing_verb(last)
        if verb is not None:
            rules = ["direct.continued"] * (len(chain) - 1) + ["direct.attributed"]
            return Draft(chain, self.speakers.for_verb(verb), rules, verb.i)
        verb = self._leading_verb(first)
        if verb is not None:
            rules = ["direct.attributed"] + ["direct.continued"] * (len(chain) - 1)
            return Draft(chain, self.speakers.for_verb(verb), rules, verb.i)
        if len(chain) > 1:
            return None
        verb = self._characterising_verb(first)
        if verb is not None:
            return Draft(chain, self.speakers.for_verb(verb), ["direct.called"], verb.i)
        verb = self._reporting_verb(first)
        if verb is not None:
            return Draft(chain, self.speakers.for_verb(verb), ["direct.partial"])
        return None

    def _pull(self, seg: Segment) -> Draft | None:
        if seg.close_at is None or seg.open_at != seg.paragraph_start:
            return None
        tail = _PULL_TAIL.match(self.text, seg.close_at + 1, seg.paragraph_end)
        if tail is None or not tail.group("who")[:1].isupper():
            return None
        start, end = tail.span("who")
        mentions = self.speakers.mentions_within(start, end)
        if mentions:
            speaker: Speaker | None = self.speakers.for_mention(mentions[0])
        else:
            name = self.text[start:end].split(",")[0].strip()
            speaker = Speaker(name, start, start + len(name))
        return Draft([seg], speaker, ["direct.pull"])

    def _trailing_verb(self, seg: Segment) -> Token | None:
        if seg.close_at is None:
            return None
        words = self.text[seg.start : seg.end].rstrip()
        ends_open = not words or words[-1] in _OPEN_ENDINGS or words[-1].isalnum()
        between: list[Token] = []
        for token in self.index.after(seg.close_at + 1)[:_WINDOW]:
            if token.idx >= seg.paragraph_end or self._in_segment(token.idx):
                return None
            if token.text in SENTENCE_END:
                return None
            if token.pos_ in _VERBS and token.lemma_.lower() in self.lex.direct:
                if not ends_open and between:
                    return None  # "...." X said: a new sentence, not this quote's frame
                if not all(token in b.ancestors for b in between if not b.is_punct):
                    return None
                subject = self.speakers.subject(token)
                if subject is not None and self._covers(subject, seg):
                    return None  # the quote names the speaker's paper: X of "Y" said
                return token
            between.append(token)
        return None

    def _leading_verb(self, seg: Segment) -> Token | None:
        at = seg.open_at - 1
        while at >= seg.paragraph_start and self.text[at].isspace():
            at -= 1
        if at < seg.paragraph_start or self.text[at] not in ":,":
            return None
        mark = self.text[at]
        token = self.index.before(at)
        if token is None or token.idx < seg.paragraph_start:
            return None
        for _ in range(5):
            if token.pos_ in _VERBS:
                break
            if token.head.i == token.i:
                return None
            token = token.head
        if token.pos_ not in _VERBS or token.idx >= seg.open_at:
            return None
        lemma = token.lemma_.lower()
        if mark == "," and lemma not in self.lex.direct:
            return None
        if lemma in self.lex.naming_verbs or self.speakers.subject(token) is None:
            return None
        return token

    def _characterising_verb(self, seg: Segment) -> Token | None:
        for root in roots_of(self.index.within(seg.start, seg.end)):
            verb = root.head
            if not seg.paragraph_start <= verb.idx < seg.paragraph_end:
                continue
            if root.dep_ == "pobj" and verb.lower_ == "as":
                verb = verb.head
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in self.lex.characterise:
                continue
            if any(c.dep_ == "dobj" and c.lower_ in self.lex.free_relatives for c in verb.children):
                return None  # "what it calls "..."": the subject's name for it, a scare quote
            subject = self.speakers.subject(verb)
            if subject is not None and self.speakers.is_person(subject):
                return verb
            return None
        return None

    def _reporting_verb(self, seg: Segment) -> Token | None:
        for root in roots_of(self.index.within(seg.start, seg.end)):
            below = root
            for ancestor in root.ancestors:
                if not seg.paragraph_start <= ancestor.idx < seg.paragraph_end:
                    break
                if self._in_segment(ancestor.idx):
                    below = ancestor
                    continue
                lemma = ancestor.lemma_.lower()
                if lemma in self.lex.characterise or lemma in self.lex.naming_verbs:
                    return None  # "what it calls "X"": framed by that verb, not the statement
                if ancestor.pos_ == "VERB" and lemma in self.lex.reported:
                    # A clause under the verb, not a small clause ("declared X "Y"").
                    finite = below.pos_ in _VERBS or any(
                        c.dep_ in {"aux", "auxpass"} for c in below.children
                    )
                    clause = below.dep_ in {"ccomp", "xcomp"} and finite
                    if clause and self.speakers.subject(ancestor):
                        return ancestor
                    return None
                below = ancestor
        return None

    def _stands_alone(self, chain: list[Segment]) -> bool:
        """A sentence that is all quote, with words enough to be someone's speech."""
        first = chain[0]
        if not sentence_initial(self.text, first):
            return False
        if any(self.name_like(seg) for seg in chain):
            return False
        return any(self.clause_like(seg) for seg in chain)

    # -- what the words look like ---------------------------------------------------
    def words(self, seg: Segment) -> str:
        return self.text[seg.start : seg.end]

    def short(self, seg: Segment) -> bool:
        words = self.words(seg).rstrip(_TRAILING_PUNCT)
        return word_count(words) <= self.lex.max_short_words and not _INNER_STOP.search(words)

    def clause_like(self, seg: Segment) -> bool:
        if not self.short(seg):
            return True
        return any(t.tag_ in FINITE_TAGS for t in self.index.within(seg.start, seg.end))

    def name_like(self, seg: Segment) -> bool:
        """A name, title or scare quote: "Jane's Defence Weekly", the "Rose Revolution"."""
        words = self.words(seg).rstrip()
        if not words or _INNER_STOP.search(words.rstrip(_TRAILING_PUNCT)):
            return False
        if words[-1] not in ",.!?" and self._title_case(words):
            return True
        if not self.short(seg):
            return False
        before = self._words_before(seg)
        if any(w in self.lex.name_cues for w in before[-3:]):
            return True
        if before and before[-1] == "the":
            return True
        return self._modifies_next_noun(seg)

    def _title_case(self, words: str) -> bool:
        found = _WORDS.findall(words)
        if not found or not (found[0][0].isupper() or found[0][0].isdigit()):
            return False
        return all(
            w[0].isupper() or w[0].isdigit() or w.lower() in self.lex.connectors for w in found
        )

    def _words_before(self, seg: Segment) -> list[str]:
        window = self.text[max(seg.paragraph_start, seg.open_at - 60) : seg.open_at]
        stop = max(window.rfind(". "), window.rfind("? "), window.rfind("! "))
        if stop >= 0:
            window = window[stop + 2 :]
        return [w.lower() for w in _WORDS.findall(window)]

    def _modifies_next_noun(self, seg: Segment) -> bool:
        if seg.close_at is None:
            return False
        following = self.index.after(seg.close_at + 1)
        if not following or following[0].pos_ not in {"NOUN", "PROPN"}:
            return False
        noun = following[0]
        return any(r.head.i == noun.i for r in roots_of(self.index.within(seg.start, seg.end)))

    def _covers(self, head: Token, seg: Segment) -> bool:
        return any(seg.start <= t.idx < seg.end for t in head.subtree)

    def _in_segment(self, at: int) -> bool:
        return any(s.open_at <= at < s.outer_end for s in self._segments)
