"""Document identity: a stable id from normalised content, and near-duplicate detection.

The id hashes the article text after case folding and collapsing punctuation and
whitespace, so the same story re-scraped with other spacing or quote marks keeps its
id. Near-duplicates (one wire story on several sites) are found with MinHash over word
5-shingles and an LSH index; a near-duplicate points to the first copy seen.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE_WORDS = 5
NEAR_DUPLICATE_THRESHOLD = 0.8
# LSH only proposes candidates; a lower banding threshold than the decision threshold
# keeps it from missing true near-duplicates, and each candidate is then checked.
_CANDIDATE_THRESHOLD = 0.5
_SEED = 1
_SCHEME = "affine32"
_TOKEN = re.compile(r"\w+")


def normalised_tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.casefold())


def document_id(text: str) -> str:
    """16 hex characters of SHA-256 over the normalised text."""
    joined = " ".join(normalised_tokens(text))
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    tokens = normalised_tokens(text)
    if len(tokens) <= size:
        return {" ".join(tokens).encode("utf-8")}
    return {" ".join(tokens[i : i + size]).encode("utf-8") for i in range(len(tokens) - size + 1)}


def signature(text: str) -> MinHash:
    minhash = MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME)
    minhash.update_batch(list(shingles(text)))
    return minhash


def signature_values(minhash: MinHash) -> list[int]:
    return [int(v) for v in minhash.hashvalues]


def signature_from_values(values: Sequence[int]) -> MinHash:
    return MinHash(
        num_perm=NUM_PERM,
        seed=_SEED,
        scheme=_SCHEME,
        hashvalues=np.asarray(values, dtype=np.uint64),
    )


class NearDuplicateIndex:
    """LSH over the signatures of every stored document; `match` finds the first copy."""

    def __init__(self, threshold: float = NEAR_DUPLICATE_THRESHOLD) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=min(threshold, _CANDIDATE_THRESHOLD), num_perm=NUM_PERM)
        self._signatures: dict[str, MinHash] = {}
        self._order: dict[str, int] = {}
        self._original: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._signatures

    def add(self, doc_id: str, minhash: MinHash, *, duplicate_of: str | None = None) -> None:
        if doc_id in self._signatures:
            return
        self._lsh.insert(doc_id, minhash)
        self._signatures[doc_id] = minhash
        self._order[doc_id] = len(self._order)
        self._original[doc_id] = duplicate_of or doc_id

    def add_many(self, items: Iterable[tuple[str, MinHash, str | None]]) -> None:
        for doc_id, minhash, duplicate_of in items:
            self.add(doc_id, minhash, duplicate_of=duplicate_of)

    def match(self, minhash: MinHash) -> tuple[str, float] | None:
        """The first-seen original this signature nearly duplicates, with the estimate."""
        best: tuple[int, str, float] | None = None
        for candidate in self._lsh.query(minhash):
            similarity = float(minhash.jaccard(self._signatures[candidate]))
            if similarity < self.threshold:
                continue
            original = self._original[candidate]
            rank = self._order[original]
            if best is None or rank < best[0]:
                best = (rank, original, similarity)
        return None if best is None else (best[1], best[2])
