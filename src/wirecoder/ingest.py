"""Ingestion: sources → article → identity → store, one transaction per document.

A bad input never stops the run: its failure is recorded in `ingest_errors` and
reported; documents already stored are never changed or duplicated.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, BinaryIO, Literal

import httpx

from wirecoder.errors import InputError, StoreError

if TYPE_CHECKING:
    from wirecoder.actors import ActorResolver
from wirecoder.identity import (
    NearDuplicateIndex,
    signature,
    signature_from_values,
    signature_values,
)
from wirecoder.model import RawDocument, SourceFailure
from wirecoder.pipeline import code_raw
from wirecoder.sources import SourceLimits, read_sources
from wirecoder.store import Store
from wirecoder.version import coder_version

Outcome = Literal["added", "duplicate", "unchanged", "failed"]
ProgressCallback = Callable[[Outcome, str], None]


@dataclass(slots=True)
class IngestReport:
    run_id: str
    added: int = 0
    duplicates: int = 0
    unchanged: int = 0
    failures: list[SourceFailure] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failed(self) -> int:
        return len(self.failures)

    @property
    def documents(self) -> int:
        return self.added + self.duplicates + self.unchanged

    @property
    def ok(self) -> bool:
        return not self.failures


def load_index(store: Store) -> NearDuplicateIndex:
    index = NearDuplicateIndex()
    index.add_many(
        (doc_id, signature_from_values(values), duplicate_of)
        for doc_id, values, duplicate_of in store.signatures()
    )
    return index


def ingest(
    specs: Iterable[str],
    store: Store,
    *,
    limits: SourceLimits | None = None,
    client: httpx.Client | None = None,
    stdin: BinaryIO | None = None,
    command: str = "ingest",
    progress: ProgressCallback | None = None,
    nlp: bool = True,
    resolver: ActorResolver | None = None,
) -> IngestReport:
    """Read every source into the store and report what happened to each document."""
    started = time.perf_counter()
    version = coder_version()
    report = IngestReport(run_id=store.start_run(command=command, coder_version=version))
    index = load_index(store)
    items = read_sources(specs, limits=limits or SourceLimits(), client=client, stdin=stdin)
    for item in items:
        if isinstance(item, SourceFailure):
            outcome: Outcome = _fail(store, report, item)
        else:
            outcome = _store_one(store, report, index, item, version, nlp, resolver)
        if progress is not None:
            progress(outcome, item.source)
    report.seconds = time.perf_counter() - started
    store.finish_run(
        report.run_id,
        added=report.added,
        duplicates=report.duplicates,
        unchanged=report.unchanged,
        failed=report.failed,
    )
    return report


def _fail(store: Store, report: IngestReport, failure: SourceFailure) -> Outcome:
    store.record_error(report.run_id, failure)
    report.failures.append(failure)
    return "failed"


def _store_one(
    store: Store,
    report: IngestReport,
    index: NearDuplicateIndex,
    raw: RawDocument,
    version: str,
    nlp: bool,
    resolver: ActorResolver | None,
) -> Outcome:
    try:
        coded = code_raw(raw, nlp=nlp, resolver=resolver)
    except InputError as exc:
        return _fail(store, report, SourceFailure(raw.source, exc.code, exc.reason))
    # The index holds every stored id, which spares a query per document.
    if coded.doc_id in index:
        report.unchanged += 1
        return "unchanged"
    minhash = signature(coded.article.text)
    match = index.match(minhash)
    duplicate_of, similarity = match if match is not None else (None, None)
    try:
        added = store.write_document(
            coded,
            run_id=report.run_id,
            coder_version=version,
            minhash=signature_values(minhash),
            duplicate_of=duplicate_of,
            similarity=similarity,
        )
    except StoreError as exc:
        return _fail(store, report, SourceFailure(raw.source, exc.code, exc.reason))
    if not added:
        report.unchanged += 1
        return "unchanged"
    index.add(coded.doc_id, minhash, duplicate_of=duplicate_of)
    if duplicate_of is not None:
        report.duplicates += 1
        return "duplicate"
    report.added += 1
    return "added"
