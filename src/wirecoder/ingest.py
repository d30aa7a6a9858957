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
from wirecoder.model import CodedDocument, SourceFailure
from wirecoder.pipeline import code_nlp, code_raw
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


DEFAULT_BATCH_SIZE = 32


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
    batch_size: int = DEFAULT_BATCH_SIZE,
    processes: int = 1,
) -> IngestReport:
    """Read every source into the store and report what happened to each document.

    Articles are built one by one; those not yet stored go through the spaCy stages in
    batches of `batch_size` (`processes` > 1 parses in worker processes); each document
    is then written in its own transaction.
    """
    started = time.perf_counter()
    version = coder_version()
    report = IngestReport(run_id=store.start_run(command=command, coder_version=version))
    index = load_index(store)
    run = _Run(store, report, index, version, progress)
    pending: list[CodedDocument] = []

    def flush() -> None:
        coded = code_nlp(pending, resolver=resolver, processes=processes) if nlp else pending
        for document in coded:
            run.store(document)
        pending.clear()

    items = read_sources(specs, limits=limits or SourceLimits(), client=client, stdin=stdin)
    for item in items:
        if isinstance(item, SourceFailure):
            run.fail(item)
            continue
        try:
            document = code_raw(item, nlp=False)
        except InputError as exc:
            run.fail(SourceFailure(item.source, exc.code, exc.reason))
            continue
        # The index holds every stored id, which spares a query per document.
        if document.doc_id in index or any(d.doc_id == document.doc_id for d in pending):
            report.unchanged += 1
            run.tell("unchanged", item.source)
            continue
        pending.append(document)
        if len(pending) >= batch_size:
            flush()
    flush()
    report.seconds = time.perf_counter() - started
    store.finish_run(
        report.run_id,
        added=report.added,
        duplicates=report.duplicates,
        unchanged=report.unchanged,
        failed=report.failed,
    )
    return report


class _Run:
    """What one ingestion run writes and counts."""

    def __init__(
        self,
        store: Store,
        report: IngestReport,
        index: NearDuplicateIndex,
        version: str,
        progress: ProgressCallback | None,
    ) -> None:
        self.db = store
        self.report = report
        self.index = index
        self.version = version
        self.progress = progress

    def tell(self, outcome: Outcome, source: str) -> None:
        if self.progress is not None:
            self.progress(outcome, source)

    def fail(self, failure: SourceFailure) -> None:
        self.db.record_error(self.report.run_id, failure)
        self.report.failures.append(failure)
        self.tell("failed", failure.source)

    def store(self, coded: CodedDocument) -> None:
        source = coded.article.source or coded.doc_id
        minhash = signature(coded.article.text)
        match = self.index.match(minhash)
        duplicate_of, similarity = match if match is not None else (None, None)
        try:
            added = self.db.write_document(
                coded,
                run_id=self.report.run_id,
                coder_version=self.version,
                minhash=signature_values(minhash),
                duplicate_of=duplicate_of,
                similarity=similarity,
            )
        except StoreError as exc:
            self.fail(SourceFailure(source, exc.code, exc.reason))
            return
        if not added:
            self.report.unchanged += 1
            self.tell("unchanged", source)
            return
        self.index.add(coded.doc_id, minhash, duplicate_of=duplicate_of)
        if duplicate_of is not None:
            self.report.duplicates += 1
            self.tell("duplicate", source)
        else:
            self.report.added += 1
            self.tell("added", source)
