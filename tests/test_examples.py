"""The demo folder ingests cleanly: every article stored, the near-duplicate linked."""

from __future__ import annotations

from pathlib import Path

from wirecoder.ingest import ingest
from wirecoder.store import open_store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_examples_ingest_without_failures(tmp_path: Path) -> None:
    with open_store(tmp_path / "demo.duckdb") as store:
        report = ingest([str(EXAMPLES)], store)
        rows = store.query(
            "SELECT d.source, o.source FROM documents d JOIN documents o"
            " ON d.duplicate_of = o.doc_id"
        )
        undated = store.query("SELECT source FROM documents WHERE published IS NULL")
        mentions = store.query("SELECT count(*), count(DISTINCT doc_id) FROM mentions")[0]
        quantities = store.query("SELECT count(*) FROM quantities")[0][0]
        quotes = store.query("SELECT count(*) FROM quotes WHERE kind = 'direct'")[0][0]
        events = store.query("SELECT count(*) FROM events")[0][0]
        no_title = store.query("SELECT source FROM documents WHERE title IS NULL")
    assert report.ok, report.failures
    assert report.added >= 8
    assert report.duplicates == 1
    assert len(rows) == 1
    assert undated == [] and no_title == []
    assert mentions[0] > 50 and mentions[1] == report.added + report.duplicates
    assert quantities > 10 and quotes > 10 and events > 10


def test_examples_have_authors_and_datelines(tmp_path: Path) -> None:
    with open_store(tmp_path / "demo.duckdb") as store:
        ingest([str(EXAMPLES)], store, nlp=False)
        missing = store.query(
            "SELECT source FROM documents WHERE source NOT LIKE '%.jsonl#%'"
            " AND (len(authors) = 0 OR dateline_place IS NULL)"
        )
    assert missing == []
