"""The DuckDB store: schema, one transaction per document, idempotence, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

import wirecoder
from wirecoder.errors import StoreError
from wirecoder.model import SourceFailure
from wirecoder.store import open_store

TEXT = (
    "KYIV, 3 May 2014 (AP) - Ukrainian troops moved on Saturday against separatists who "
    "had seized buildings in the eastern city of Sloviansk, the defence ministry said."
)


def test_write_is_idempotent(tmp_path: Path) -> None:
    coded = wirecoder.code(TEXT)
    with open_store(tmp_path / "s.duckdb") as store:
        run = store.start_run(command="test", coder_version="x")
        assert store.write_document(coded, run_id=run, coder_version="x") is True
        assert store.write_document(coded, run_id=run, coder_version="x") is False
        counts = store.counts()
    assert counts["documents"] == 1
    assert counts["removed_segments"] == len(coded.article.removed) == 1


def test_document_round_trips(tmp_path: Path) -> None:
    coded = wirecoder.code(TEXT)
    with open_store(tmp_path / "s.duckdb") as store:
        run = store.start_run(command="test", coder_version="x")
        store.write_document(coded, run_id=run, coder_version="x", minhash=[1, 2, 3])
        row = store.query(
            "SELECT text, dateline_place, dateline_agency, CAST(published AS VARCHAR), minhash"
            " FROM documents WHERE doc_id = ?",
            [coded.doc_id],
        )[0]
    assert row == (coded.article.text, "Kyiv", "AP", "2014-05-03", [1, 2, 3])


def test_failed_write_leaves_nothing_behind(tmp_path: Path) -> None:
    coded = wirecoder.code(TEXT)
    with open_store(tmp_path / "s.duckdb") as store:
        run = store.start_run(command="test", coder_version="x")
        store.db.execute("ALTER TABLE removed_segments ADD COLUMN must_fill VARCHAR NOT NULL")
        with pytest.raises(StoreError, match=coded.doc_id):
            store.write_document(coded, run_id=run, coder_version="x")
        assert store.counts()["documents"] == 0


def test_errors_are_recorded(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.duckdb") as store:
        run = store.start_run(command="test", coder_version="x")
        store.record_error(run, SourceFailure("a.txt", "E002", "input is empty: a.txt"))
        assert store.query("SELECT source, code FROM ingest_errors") == [("a.txt", "E002")]


def test_unopenable_store_raises_store_error(tmp_path: Path) -> None:
    (tmp_path / "dir.duckdb").mkdir()
    with pytest.raises(StoreError, match=r"dir\.duckdb"):
        open_store(tmp_path / "dir.duckdb")


def test_store_path_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WIRECODER_STORE", str(tmp_path / "env.duckdb"))
    with open_store() as store:
        assert store.path == tmp_path / "env.duckdb"
    assert (tmp_path / "env.duckdb").exists()
