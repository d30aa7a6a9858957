"""Quotes with their speakers: direct quotes and reported speech.

`extract_quotes(doc, mentions, removed=...)` reads a parsed article (the parse of
`Article.text`) and the actor mentions resolved on it, and returns `Quote` records
in text order. Conventions (shared with eval/quotes_gold.jsonl):

- a direct quote's span is the text between its marks (a trailing comma or full stop
  inside the marks included); a quote over several paragraphs gives one Quote per
  paragraph, all with one speaker; a split quote ("A," X said. "B.") gives two;
- a quote paragraph with no attribution belongs to the speaker named just before;
- a pull quote repeated in the body is one Quote, with `also_at` pointing at the other
  copy (`Location(start, end)`), or at the copy the cleaner removed
  (`Location(removed=i)`, the index in `Article.removed`);
- names, titles, slogans and scare quotes between marks are not quotes, and neither is
  a quoted fragment of the reporter's own sentence that no speaker frames (the
  newspaper's words "greatly increasing its military presence ..." at the end of the
  seed article: its sentence has no speech verb, and its subject is Moscow, so a
  speaker would be a guess);
- reported speech spans the reported content; its speaker is the subject of the
  speech verb, or the source after "according to".
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from wirecoder.model import Location, Mention, Quote, Removed, Speaker
from wirecoder.quotes.direct import DirectFinder, Draft
from wirecoder.quotes.lexicon import QuoteLexicon, default_lexicon, load_lexicon
from wirecoder.quotes.marks import (
    Segment,
    chains,
    find_segments,
    normal_key,
    paragraphs,
    word_count,
)
from wirecoder.quotes.reported import ReportedFinder, Statement
from wirecoder.quotes.speakers import Speakers
from wirecoder.quotes.tokens import TokenIndex

__all__ = ["QuoteLexicon", "default_lexicon", "extract_quotes", "load_lexicon"]

# How far back (in paragraphs) a quote paragraph looks for the speaker named before it.
_CONTEXT_PARAGRAPHS = 2
# A removed pull quote matches a body quote when they share this many words at least.
_MIN_PULL_WORDS = 4


def extract_quotes(
    doc: Doc,
    mentions: Sequence[Mention],
    *,
    removed: Sequence[Removed] = (),
    lexicon: QuoteLexicon | None = None,
) -> tuple[Quote, ...]:
    """Every direct quote and reported statement in a parsed article, in text order."""
    lex = lexicon or default_lexicon()
    text = doc.text
    segments = find_segments(text)
    speech = [s for s in segments if word_count(text[s.start : s.end]) > lex.max_short_words]

    def in_speech(at: int) -> bool:
        return any(s.open_at <= at < s.outer_end for s in speech)

    index = TokenIndex(doc)
    speakers = Speakers(doc, mentions, quoted=in_speech)
    direct = DirectFinder(doc, lex, index, speakers).run(chains(segments))
    taken = [seg for d in direct.drafts for seg in d.segments]
    taken += [seg for chain in direct.pending for seg in chain]

    # A partial quote ("said the plan "will fail"") stays inside the statement around it.
    framed = [s for d in direct.drafts if d.rules[0] != "direct.partial" for s in d.segments]
    framed += [seg for chain in direct.pending for seg in chain]

    def in_direct(at: int) -> bool:
        return any(s.open_at <= at < s.outer_end for s in taken)

    def in_framed(at: int) -> bool:
        return any(s.open_at <= at < s.outer_end for s in framed)

    statements = ReportedFinder(
        doc, lex, speakers, quoted=in_direct, framed=in_framed, skip_verbs=direct.verbs
    ).run()
    starts = [p.start for p in paragraphs(text)]
    drafts = _follow_on(direct.drafts, direct.pending, statements, speakers, starts)
    quotes = [_direct_quotes(text, d) for d in _merge_copies(text, drafts)]
    result = [q for group in quotes for q in group]
    result = _removed_copies(result, removed)
    result += [
        Quote(text[s.start : s.end], "reported", s.start, s.end, s.speaker, rule=s.rule)
        for s in statements
    ]
    return tuple(sorted(result, key=lambda q: (q.start, q.end)))


def _follow_on(
    drafts: list[Draft],
    pending: list[list[Segment]],
    statements: list[Statement],
    speakers: Speakers,
    starts: list[int],
) -> list[Draft]:
    """Quote sentences with no attribution take the speaker named just before them."""
    done = list(drafts)
    for chain in pending:
        first = chain[0]
        floor = starts[max(0, first.paragraph - _CONTEXT_PARAGRAPHS)]
        previous = _latest_before(first, floor, done, statements)
        after = previous.end if previous is not None else floor
        # A person made the subject since the last quote is the one "named just before".
        named = speakers.person_subject_between(after, first.open_at)
        other = speakers.for_subject(named) if named is not None else None
        speaker: Speaker | None
        if other is not None and not _same_person(other, previous):
            rule, speaker = "direct.followon", other
        elif isinstance(previous, Draft):
            same_paragraph = previous.segments[-1].paragraph == first.paragraph
            rule = "direct.split" if same_paragraph else "direct.followon"
            speaker = previous.speaker
        elif isinstance(previous, Statement):
            rule, speaker = "direct.followon", previous.speaker
        else:
            rule = "direct.followon"
            speaker = speakers.before(first.open_at, floor=floor)
        done.append(Draft(chain, speaker, [rule] * len(chain)))
    return sorted(done, key=lambda d: d.start)


def _same_person(speaker: Speaker, previous: Draft | Statement | None) -> bool:
    """Whether a subject found after a quote is just that quote's own speaker."""
    before = previous.speaker if previous is not None else None
    if before is None:
        return False
    if before.start <= speaker.start < before.end:
        return True
    return speaker.name is not None and speaker.name == before.name


def _latest_before(
    seg: Segment, floor: int, drafts: list[Draft], statements: list[Statement]
) -> Draft | Statement | None:
    """The quote or statement that ends last before `seg`, from `floor` on."""
    best: Draft | Statement | None = None
    best_end = floor - 1
    for draft in drafts:
        end = draft.segments[-1].outer_end
        if best_end < end <= seg.open_at:
            best, best_end = draft, end
    for statement in statements:
        if best_end < statement.end <= seg.open_at:
            best, best_end = statement, statement.end
    return best


def _merge_copies(text: str, drafts: list[Draft]) -> list[Draft]:
    """One quote given twice (a pull quote and its body copy) → one draft with `also`."""
    kept: list[Draft] = []
    for draft in drafts:
        if len(draft.segments) != 1:
            kept.append(draft)
            continue
        key = normal_key(text[draft.start : draft.end])
        twin = next(
            (
                k
                for k in kept
                if len(k.segments) == 1
                and _copies(draft, key, k, normal_key(text[k.start : k.end]))
            ),
            None,
        )
        if twin is None:
            kept.append(draft)
            continue
        primary, copy = (draft, twin) if _rank(draft) > _rank(twin) else (twin, draft)
        if primary is draft:
            kept[kept.index(twin)] = draft
        primary.also.extend([copy.segments[0], *copy.also])
        if primary.speaker is None:
            primary.speaker = copy.speaker
    return kept


def _copies(a: Draft, a_key: str, b: Draft, b_key: str) -> bool:
    """The same words twice; a pull quote may also be a cut of its body copy."""
    if word_count(a_key) < _MIN_PULL_WORDS or word_count(b_key) < _MIN_PULL_WORDS:
        return False
    if a_key == b_key:
        return True
    pulls = (a.rules[0] == "direct.pull", b.rules[0] == "direct.pull")
    return (pulls[0] and _within(a_key, b_key)) or (pulls[1] and _within(b_key, a_key))


def _within(part: str, whole: str) -> bool:
    return f" {part} " in f" {whole} "


def _rank(draft: Draft) -> int:
    """Which copy of a repeated quote is kept: the attributed body copy first."""
    rule = draft.rules[0]
    if rule in {"direct.attributed", "direct.continued"}:
        return 3
    return 1 if rule == "direct.pull" else 2


def _direct_quotes(text: str, draft: Draft) -> list[Quote]:
    also = tuple(Location(start=s.start, end=s.end) for s in draft.also)
    return [
        Quote(
            text[seg.start : seg.end],
            "direct",
            seg.start,
            seg.end,
            draft.speaker,
            also_at=also,
            rule=rule,
        )
        for seg, rule in zip(draft.segments, draft.rules, strict=True)
    ]


def _removed_copies(quotes: list[Quote], removed: Sequence[Removed]) -> list[Quote]:
    """Point a body quote at the pull-quote copy the cleaner removed."""
    pulls = [
        (i, normal_key(_inside_marks(r.text)))
        for i, r in enumerate(removed)
        if r.reason == "pull_quote"
    ]
    if not pulls:
        return quotes
    result = []
    for quote in quotes:
        key = normal_key(quote.text)
        # The pull quote may be a cut of the body quote, or span both halves of a split.
        extra = tuple(
            Location(removed=i)
            for i, pull in pulls
            if quote.kind == "direct"
            and min(word_count(pull), word_count(key)) >= _MIN_PULL_WORDS
            and (_within(pull, key) or _within(key, pull))
        )
        if extra:
            quote = Quote(
                quote.text,
                quote.kind,
                quote.start,
                quote.end,
                quote.speaker,
                also_at=quote.also_at + extra,
                rule=quote.rule,
            )
        result.append(quote)
    return result


def _inside_marks(text: str) -> str:
    """The quoted words of a removed pull quote ("..." -- Name → ...)."""
    segments = find_segments(text)
    return text[segments[0].start : segments[0].end] if segments else text
