"""Opening the store and writing documents, runs and ingest errors."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb

from wirecoder.errors import StoreError
from wirecoder.model import CodedDocument, Event, Mention, Quantity, Quote, SourceFailure
from wirecoder.store.schema import SCHEMA_VERSION, TABLES

DEFAULT_STORE = "wirecoder.duckdb"
ENV_STORE = "WIRECODER_STORE"


def default_store_path() -> Path:
    """`$WIRECODER_STORE`, else `wirecoder.duckdb` in the working folder."""
    return Path(os.environ.get(ENV_STORE) or DEFAULT_STORE)


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Store:
    """A DuckDB file holding documents and everything coded from them."""

    def __init__(self, path: Path, connection: duckdb.DuckDBPyConnection) -> None:
        self.path = path
        self.db = connection

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    # -- runs ---------------------------------------------------------------------
    def start_run(self, *, command: str, coder_version: str) -> str:
        run_id = uuid.uuid4().hex[:12]
        self.db.execute(
            "INSERT INTO runs (run_id, command, coder_version, started_at) VALUES (?, ?, ?, ?)",
            [run_id, command, coder_version, _now()],
        )
        return run_id

    def finish_run(
        self, run_id: str, *, added: int, duplicates: int, unchanged: int, failed: int
    ) -> None:
        self.db.execute(
            "UPDATE runs SET finished_at = ?, documents_added = ?, duplicates = ?,"
            " unchanged = ?, failed = ? WHERE run_id = ?",
            [_now(), added, duplicates, unchanged, failed, run_id],
        )

    # -- documents ------------------------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        row = self.db.execute("SELECT 1 FROM documents WHERE doc_id = ?", [doc_id]).fetchone()
        return row is not None

    def write_document(
        self,
        coded: CodedDocument,
        *,
        run_id: str,
        coder_version: str,
        minhash: list[int] | None = None,
        duplicate_of: str | None = None,
        similarity: float | None = None,
    ) -> bool:
        """Store one document in one transaction; False when it was already stored."""
        art = coded.article
        try:
            self.db.begin()
            if self.has_document(coded.doc_id):
                self.db.rollback()
                return False
            self.db.execute(
                "INSERT INTO documents VALUES"
                " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    coded.doc_id,
                    art.source,
                    art.url,
                    art.title,
                    list(art.authors),
                    art.published,
                    art.dateline.place,
                    art.dateline.date,
                    art.dateline.agency,
                    art.site,
                    art.language,
                    art.text,
                    len(art.text),
                    duplicate_of,
                    similarity,
                    minhash,
                    coder_version,
                    run_id,
                    _now(),
                ],
            )
            doc_id = coded.doc_id
            self._insert(
                "removed_segments",
                [(doc_id, seq, r.reason, r.text) for seq, r in enumerate(art.removed)],
            )
            self._insert(
                "mentions", [_mention_row(doc_id, n, m) for n, m in enumerate(coded.actors)]
            )
            self._insert("events", [_event_row(doc_id, n, e) for n, e in enumerate(coded.events)])
            self._insert("quotes", [_quote_row(doc_id, n, q) for n, q in enumerate(coded.quotes)])
            self._insert(
                "quantities",
                [_quantity_row(doc_id, n, q) for n, q in enumerate(coded.quantities)],
            )
            self.db.commit()
        except duckdb.Error as exc:
            self._rollback_quietly()
            raise StoreError("E202", doc_id=coded.doc_id, reason=str(exc)) from exc
        return True

    def _insert(self, table: str, rows: Sequence[Sequence[Any]]) -> None:
        """One multi-row statement: executemany prepares each row anew in DuckDB."""
        if not rows:
            return
        row = "(" + ", ".join(["?"] * len(rows[0])) + ")"
        self.db.execute(
            f"INSERT INTO {table} VALUES {', '.join([row] * len(rows))}",
            [value for values in rows for value in values],
        )

    def _rollback_quietly(self) -> None:
        # A failed statement may already have ended the transaction.
        try:
            self.db.rollback()
        except duckdb.Error:
            return

    def signatures(self) -> Iterator[tuple[str, list[int], str | None]]:
        """(doc_id, minhash values, duplicate_of) for every stored document, oldest first."""
        cursor = self.db.execute(
            "SELECT doc_id, minhash, duplicate_of FROM documents"
            " WHERE minhash IS NOT NULL ORDER BY ingested_at, doc_id"
        )
        while rows := cursor.fetchmany(1000):
            yield from rows

    # -- errors and summaries ---------------------------------------------------------
    def record_error(self, run_id: str, failure: SourceFailure) -> None:
        self.db.execute(
            "INSERT INTO ingest_errors VALUES (?, ?, ?, ?, ?)",
            [run_id, failure.source, failure.code, failure.reason, _now()],
        )

    def counts(self) -> dict[str, int]:
        counts = {}
        for table in TABLES:
            if table == "meta":
                continue
            row = self.db.execute(f"SELECT count(*) FROM {table}").fetchone()
            counts[table] = int(row[0]) if row else 0
        return counts

    def query(self, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
        return self.db.execute(sql, params or []).fetchall()


def _mention_row(doc_id: str, seq: int, m: Mention) -> tuple[Any, ...]:
    return (
        doc_id,
        seq,
        m.text,
        m.start,
        m.end,
        m.code,
        m.name,
        m.country,
        m.sector,
        m.how,
        m.entity,
        m.affiliation,
    )


def _quote_row(doc_id: str, seq: int, q: Quote) -> tuple[Any, ...]:
    speaker = q.speaker
    return (
        doc_id,
        seq,
        q.text,
        q.kind,
        speaker.text if speaker else None,
        speaker.code if speaker else None,
        speaker.name if speaker else None,
        speaker.affiliation if speaker else None,
        q.start,
        q.end,
        q.rule,
    )


def _quantity_row(doc_id: str, seq: int, q: Quantity) -> tuple[Any, ...]:
    return (
        doc_id,
        seq,
        q.text,
        q.value,
        q.unit,
        q.qualifier,
        q.refers_to,
        list(q.flags),
        q.start,
        q.end,
    )


def _event_row(doc_id: str, seq: int, e: Event) -> list[Any]:
    place = e.place
    return [
        doc_id,
        seq,
        e.source.code if e.source else None,
        e.source.text if e.source else None,
        e.target.code if e.target else None,
        e.target.text if e.target else None,
        e.cameo,
        e.root,
        e.quad,
        e.goldstein,
        e.plover,
        e.modality,
        e.date,
        e.date_precision,
        e.historical,
        place.name if place else None,
        place.country if place else None,
        place.latitude if place else None,
        place.longitude if place else None,
        e.sentence,
        e.start,
        e.end,
        e.trigger,
        e.rule,
    ]


def open_store(path: Path | str | None = None, *, read_only: bool = False) -> Store:
    """Open (and create, unless read-only) the store at `path` or the default place."""
    store_path = Path(path) if path is not None else default_store_path()
    try:
        if store_path.parent != Path(""):
            store_path.parent.mkdir(parents=True, exist_ok=True)
        connection = duckdb.connect(str(store_path), read_only=read_only)
        if not read_only:
            for ddl in TABLES.values():
                connection.execute(ddl)
            connection.execute(
                "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION]
            )
    except (duckdb.Error, OSError) as exc:
        raise StoreError("E201", path=store_path, reason=str(exc)) from exc
    return Store(store_path, connection)
