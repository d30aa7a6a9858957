"""Whole ingestion runs: every document in its own transaction, failures recorded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wirecoder.ingest import ingest
from wirecoder.store import open_store

STORY = (
    "NAIROBI, 4 June 2019 (Example Wire) - Kenyan police fired tear gas on Tuesday at "
    "hundreds of opposition supporters who marched on parliament to protest against a new "
    "finance bill, witnesses said. At least forty people were arrested in clashes that "
    "lasted into the evening, a police spokesman told reporters. The opposition leader "
    "said the protests would continue until the bill was withdrawn, and called on "
    "supporters to gather again on Thursday outside the national assembly buildings."
)
OTHER = (
    "ANKARA, 2 March 2016 (Example Wire) - Turkey's foreign minister met his Greek "
    "counterpart on Wednesday to discuss the flow of migrants across the Aegean Sea, and "
    "the two agreed to set up a joint working group, officials said. The group will meet "
    "monthly and report to both governments, according to a joint statement."
)
PAGE = (
    "<html><head><title>Talks in Geneva</title></head><body><nav>Home | World</nav>"
    "<article><h1>Talks in Geneva</h1><p>Diplomats from Iran and six world powers resumed "
    "talks in Geneva on Monday on the future of Tehran's nuclear programme, officials said, "
    "with both sides reporting progress on the sequencing of sanctions relief.</p>"
    "<p>The talks are expected to last three days, according to a spokesman for the "
    "European Union, which coordinates the negotiations for the six powers.</p>"
    "</article><footer>All rights reserved.</footer></body></html>"
)


def make_corpus(folder: Path) -> Path:
    folder.mkdir()
    (folder / "story.txt").write_text(STORY, encoding="utf-8")
    (folder / "nested").mkdir()
    (folder / "nested" / "page.html").write_text(PAGE, encoding="utf-8")
    lines = [
        json.dumps({"text": OTHER, "url": "https://example.org/a", "published": "2016-03-02"}),
        "this line is not json",
    ]
    (folder / "items.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 10)
    (folder / "latin1.txt").write_bytes("Caf\xe9 talks in Bogot\xe1 ended.".encode("latin-1"))
    return folder


def table_counts(store_path: Path) -> dict[str, int]:
    with open_store(store_path) as store:
        counts = store.counts()
    counts.pop("runs")
    counts.pop("ingest_errors")
    return counts


def test_run_stores_good_inputs_and_records_bad_ones(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    missing = str(tmp_path / "nope.txt")
    with open_store(tmp_path / "s.duckdb") as store:
        report = ingest([str(corpus), missing], store, nlp=False)
        errors = store.query("SELECT source, code, reason FROM ingest_errors ORDER BY source")
        docs = store.query("SELECT source FROM documents ORDER BY source")
    assert report.added == 3
    assert not report.ok
    codes = {code for _, code, _ in errors}
    assert {"E001", "E002", "E003", "E004", "E009"} <= codes
    for source, _, reason in errors:
        assert Path(source.split("#")[0]).name in reason or source in reason
    assert len(docs) == 3


def test_ingesting_twice_changes_nothing(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    store_path = tmp_path / "s.duckdb"
    with open_store(store_path) as store:
        ingest([str(corpus)], store, nlp=False)
    before = table_counts(store_path)
    with open_store(store_path) as store:
        second = ingest([str(corpus)], store, nlp=False)
    assert second.added == 0 and second.duplicates == 0
    assert second.unchanged == 3
    assert table_counts(store_path) == before


def test_near_duplicate_is_linked_not_new(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    copy = "Breaking News\n\n" + STORY.replace("(Example Wire)", "(Other Wire)").replace(
        "a police spokesman told reporters", "a police spokesman said"
    )
    (tmp_path / "b.txt").write_text(copy, encoding="utf-8")
    with open_store(tmp_path / "s.duckdb") as store:
        report = ingest([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], store, nlp=False)
        rows = store.query("SELECT source, duplicate_of FROM documents ORDER BY ingested_at")
        first_id = store.query("SELECT doc_id FROM documents WHERE duplicate_of IS NULL")[0][0]
    assert (report.added, report.duplicates) == (1, 1)
    assert rows[1][1] == first_id


def test_progress_callback_sees_every_item(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    seen: list[str] = []
    with open_store(tmp_path / "s.duckdb") as store:
        report = ingest(
            [str(corpus)], store, nlp=False, progress=lambda outcome, _: seen.append(outcome)
        )
    assert len(seen) == report.documents + report.failed
    assert seen.count("failed") == report.failed


@pytest.mark.parametrize("text", ["   \n\n  ", "Advertisement\n\nShare this article"])
def test_text_with_nothing_left_after_cleaning(tmp_path: Path, text: str) -> None:
    (tmp_path / "x.txt").write_text(text, encoding="utf-8")
    with open_store(tmp_path / "s.duckdb") as store:
        report = ingest([str(tmp_path / "x.txt")], store, nlp=False)
    assert report.failed == 1
    assert report.failures[0].code in {"E002", "E012"}
    assert "x.txt" in report.failures[0].reason


def _closed_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_every_kind_of_bad_input_is_recorded_and_the_rest_stored(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(STORY, encoding="utf-8")
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as fh:  # sparse: 50 MB on paper, nothing read
        fh.truncate(50 * 1024 * 1024)
    (tmp_path / "broken.html").write_text("<html><body><p>Unclosed <b>x <div>" + "<td>" * 40)
    (tmp_path / "feed.rss").write_text("this is not xml at all {", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "bad.txt").write_bytes(b"Talks \xff\xfe ended in Minsk.")
    url = f"http://127.0.0.1:{_closed_port()}/story"
    specs = [
        str(tmp_path / name)
        for name in ("empty.txt", "binary.txt", "bad.txt", "huge.txt", "broken.html", "feed.rss")
    ]
    specs += [str(tmp_path / "missing.txt"), url, str(good)]
    with open_store(tmp_path / "s.duckdb") as store:
        report = ingest(specs, store, nlp=False)
        errors = dict(store.query("SELECT source, code FROM ingest_errors"))
        stored = store.query("SELECT source FROM documents")
    assert stored == [(str(good),)]
    assert report.added == 1 and report.failed == 8
    expected = {"E002", "E003", "E004", "E005", "E011", "E008", "E001", "E006"}
    assert set(errors.values()) == expected
    for failure in report.failures:
        assert failure.source in failure.reason or Path(failure.source).name in failure.reason


@pytest.mark.model
@pytest.mark.parametrize("processes", [1, 2])
def test_nlp_runs_in_batches_and_stores_mentions(tmp_path: Path, processes: int) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    with open_store(tmp_path / "s.duckdb") as store:
        report = ingest([str(corpus)], store, batch_size=2, processes=processes)
        rows = store.query(
            "SELECT d.source, m.text, m.code FROM mentions m JOIN documents d USING (doc_id)"
        )
        texts = dict(store.query("SELECT doc_id, text FROM documents"))
        spans = store.query("SELECT doc_id, start_char, end_char, text FROM mentions")
    assert report.added == 3
    assert "Kenyan police" in {text for _, text, _ in rows}
    assert {code for _, text, code in rows if text == "Kenyan police"} == {"KENCOP"}
    for doc_id, start, end, text in spans:
        assert texts[doc_id][start:end] == text
