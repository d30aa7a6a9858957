"""The command line: exit codes, JSON contract, help that teaches."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wirecoder.cli import app

runner = CliRunner()
STORY = (
    "By Jane Roe Kenyan police fired tear gas on Tuesday at opposition supporters.\n\n"
    "NAIROBI, 4 June 2019 (Example Wire) - At least forty people were arrested in clashes "
    "that lasted into the evening, a police spokesman told reporters."
)
JSON_KEYS = {"doc_id", "article", "actors", "events", "quotes", "quantities"}
ARTICLE_KEYS = {
    "title",
    "authors",
    "published",
    "dateline",
    "source",
    "language",
    "text",
    "removed",
}


def test_code_json_contract(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    result = runner.invoke(app, ["code", str(path), "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc.keys() >= JSON_KEYS
    assert doc["article"].keys() >= ARTICLE_KEYS
    assert doc["article"]["authors"] == ["Jane Roe"]
    assert doc["article"]["published"] == "2019-06-04"
    assert doc["article"]["dateline"] == {
        "place": "Nairobi",
        "date": "2019-06-04",
        "agency": "Example Wire",
    }
    tear_gas, arrests = doc["events"]
    assert (tear_gas["source"]["code"], tear_gas["cameo"][:2], tear_gas["target"]["code"]) == (
        "KENCOP",
        "17",
        "KENOPP",
    )
    # Arrests with no doer named are the dateline's state's (Nairobi: Kenya).
    assert (arrests["source"]["code"], arrests["cameo"]) == ("KENCOP", "173")
    (quote,) = doc["quotes"]
    assert quote["kind"] == "reported" and quote["speaker"]["text"] == "a police spokesman"
    (forty,) = doc["quantities"]
    assert (forty["value"], forty["unit"], forty["qualifier"]) == (40.0, "person", ">=")
    actor = doc["actors"][0]
    assert actor["text"] == "Kenyan police" and actor["code"] == "KENCOP"
    assert doc["article"]["text"][actor["start"] : actor["end"]] == actor["text"]
    assert not (tmp_path / "wirecoder.duckdb").exists()


def test_code_reads_stdin() -> None:
    result = runner.invoke(app, ["code", "-", "--json"], input=STORY)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["article"]["source"] == "-"


def test_code_missing_file_names_it(tmp_path: Path) -> None:
    result = runner.invoke(app, ["code", str(tmp_path / "missing.txt"), "--json"])
    assert result.exit_code == 1
    assert "missing.txt" in result.stderr


def test_ingest_exit_status_and_summary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "story.txt").write_text(STORY, encoding="utf-8")
    ok = runner.invoke(app, ["ingest", "in", "--quiet"])
    assert ok.exit_code == 0, ok.output
    assert "new documents" in ok.stdout
    assert (tmp_path / "wirecoder.duckdb").exists()
    (tmp_path / "in" / "empty.txt").write_text("", encoding="utf-8")
    bad = runner.invoke(app, ["ingest", "in", "--store", "other.duckdb", "-q"])
    assert bad.exit_code == 1
    assert "empty.txt" in bad.stderr
    stats = runner.invoke(app, ["stats", "--store", "other.duckdb"])
    assert stats.exit_code == 0, stats.output
    assert "documents" in stats.stdout and "E002" in stats.stdout


def test_store_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    monkeypatch.setenv("WIRECODER_STORE", str(tmp_path / "env.duckdb"))
    assert runner.invoke(app, ["ingest", "story.txt", "-q"]).exit_code == 0
    assert (tmp_path / "env.duckdb").exists()


def test_stats_without_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["stats"])
    assert result.exit_code == 2
    assert "wirecoder ingest" in result.stderr


@pytest.mark.parametrize("command", ["ingest", "code", "stats"])
def test_every_command_has_help(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert len(result.stdout.split()) > 30


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.startswith("wirecoder ")
    assert "+data." in result.stdout


@pytest.mark.parametrize("kind", ["events", "actors", "quotes", "plover", "zsp"])
def test_eval_given_a_directory_says_so(kind: str, tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", kind, str(tmp_path)])
    assert result.exit_code == 2
    # Rich boxes and wraps the message: read it as plain words.
    words = " ".join(result.output.replace("│", " ").split())
    assert "is a directory" in words
