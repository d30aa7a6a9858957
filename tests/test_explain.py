"""`wirecoder explain`: events under the sentence that told them, triggers seen but not
coded with the coder's reason, the JSON shape and the exit codes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from wirecoder import cli
from wirecoder.article import extract_article
from wirecoder.cli import app
from wirecoder.explain import DocumentExplanation, Retold, explain_document
from wirecoder.model import RawDocument
from wirecoder.pipeline import code_raw

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
runner = CliRunner()

# Sentence 0 codes an accusation and the act it alleges (a claim); sentence 1 has a
# trigger with no actor; sentence 2 has no trigger at all; sentence 3 tells the accusation
# again, which the coder keeps once.
STORY = (
    "TASHKENT, 12 March 2019 (Example Wire) - Uzbekistan accused Kazakhstan on Tuesday "
    "of closing a border crossing without warning.\n\n"
    "Fighting broke out near the crossing on Wednesday.\n\n"
    "The weather in the capital stayed mild.\n\n"
    "Uzbekistan also accused Kazakhstan of holding up cotton shipments."
)


def _raw(text: str, source: str = "story.txt") -> RawDocument:
    return RawDocument(source=source, content=text, kind="text")


def _example(name: str) -> RawDocument:
    path = EXAMPLES / name
    kind = "html" if path.suffix == ".html" else "text"
    return RawDocument(source=str(path), content=path.read_text(encoding="utf-8"), kind=kind)


# -- without the model ------------------------------------------------------------------


def test_missing_file_names_it(tmp_path: Path) -> None:
    result = runner.invoke(app, ["explain", str(tmp_path / "missing.txt")])
    assert result.exit_code == 1
    assert "missing.txt" in result.stderr
    assert result.stdout == ""


def test_empty_file_names_it(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["explain", str(path), "--json"])
    assert result.exit_code == 1
    assert "E002" in result.stderr and "empty.txt" in result.stderr


def test_help_teaches_columns_and_a_real_example() -> None:
    result = runner.invoke(app, ["explain", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    text = result.stdout
    for word in ("trigger", "rule", "source", "target", "modality", "slots", "reason"):
        assert word in text
    assert "--json" in text and "--all" in text
    examples = re.findall(r"wirecoder explain (examples/\S+)", text)
    assert examples, text
    for example in examples:
        assert (REPO / example).is_file(), example


# -- with the model ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def story() -> DocumentExplanation:
    return explain_document(_raw(STORY))


@pytest.mark.model
def test_events_sit_under_their_sentence_with_their_rule(story: DocumentExplanation) -> None:
    first = story.sentences[0]
    assert first.text.startswith("Uzbekistan accused Kazakhstan")
    accusation, alleged = first.events
    assert (alleged.event.source, alleged.event.modality) == (accusation.event.target, "claimed")
    coded = accusation
    event = coded.event
    assert (event.rule, event.trigger, event.cameo) == ("accuse", "accused", "112")
    assert event.source and event.source.code == "UZB"
    assert event.target and event.target.code == "KAZ"
    assert coded.name == "Accuse"
    assert coded.pattern is not None
    assert coded.pattern.source_slots == ("subject",)
    assert "object" in coded.pattern.target_slots
    assert re.search(r"verbs\.yaml:\d+$", coded.pattern.origin)
    assert (event.modality, event.date, event.date_precision) == ("asserted", "2019-03-12", "day")
    assert [m.code for m in first.actors] == ["UZB", "KAZ"]
    assert all(not s.events for s in story.sentences[1:])


@pytest.mark.model
def test_trigger_without_actor_is_seen_with_reason(story: DocumentExplanation) -> None:
    second = story.sentences[1]
    assert second.text.startswith("Fighting broke out")
    assert not second.events and not second.actors
    (item,) = second.seen
    assert (item.seen.trigger, item.seen.rule) == ("Fighting", "fighting.n")
    assert item.seen.reason.startswith("no actor")
    assert item.pattern is not None and item.pattern.id == "fighting.n"


@pytest.mark.model
def test_offsets_point_into_the_article(story: DocumentExplanation) -> None:
    text = extract_article(_raw(STORY)).text
    assert len(story.sentences) == 4
    for sentence in story.sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        for actor in sentence.actors:
            assert text[actor.start : actor.end] == actor.text
        for item in sentence.seen:
            assert text[item.seen.start : item.seen.end] == item.seen.trigger
            assert sentence.start <= item.seen.start < sentence.end


@pytest.mark.model
def test_quiet_and_retold_sentences(story: DocumentExplanation) -> None:
    quiet, retold = story.sentences[2], story.sentences[3]
    assert quiet.text.startswith("The weather") and not quiet.has_findings
    assert [s.index for s in story.shown()] == [0, 1, 3]
    assert [s.index for s in story.shown(everything=True)] == [0, 1, 2, 3]
    assert retold.retold == (Retold(index=0, sentence=0),)
    assert not retold.events


@pytest.mark.model
def test_explain_and_code_agree(story: DocumentExplanation) -> None:
    """The same stages: every coded event appears once, under its own sentence."""
    coded = code_raw(_raw(STORY))
    listed = [e for s in story.sentences for e in s.events]
    assert [e.index for e in listed] == list(range(len(coded.events)))
    assert tuple(e.event for e in listed) == coded.events
    assert story.doc_id == coded.doc_id
    assert all(e.event.sentence == s.index for s in story.sentences for e in s.events)


@pytest.mark.model
def test_example_articles() -> None:
    eu = explain_document(_example("eu_belarus_visa_ban_2006.txt"))
    first = eu.sentences[0]
    assert "banned" in first.text and "Lukashenko" in first.text
    ban = next(c.event for c in first.events if c.event.rule == "ban")
    assert ban.source and ban.source.code == "IGOEUREEC"
    assert ban.target and ban.target.code == "BLRGOV"
    assert eu.seen_count > 0 and eu.event_count == sum(len(s.events) for s in eu.sentences)

    japan = explain_document(_example("japan_rohingya_aid_2017.txt"))
    tour = [s for s in japan.sentences if "toured Kutupalong" in s.text]
    assert len(tour) == 1
    # ... and the families' account of relatives shot in Rakhine: violence against
    # Myanmar's civilians by unidentified attackers.
    rules = [(c.event.rule, c.event.cameo) for c in tour[0].events]
    assert rules == [("tour", "042"), ("shoot", "193")]
    assert tour[0].events[0].event.source is not None
    assert tour[0].events[0].event.source.code == "JPNGOV"
    shot = tour[0].events[1].event
    assert shot.target is not None and shot.target.code == "MMRCVL"


# -- the command ------------------------------------------------------------------------


@pytest.mark.model
def test_json_shape(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    result = runner.invoke(app, ["explain", str(path), "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert set(doc) == {
        *("source", "doc_id", "title", "published", "home", "patterns_version"),
        *("sentence_count", "event_count", "seen_count", "sentences"),
    }
    assert (doc["source"], doc["published"], doc["home"]) == (str(path), "2019-03-12", "UZB")
    assert (doc["sentence_count"], doc["event_count"], doc["seen_count"]) == (4, 2, 2)
    assert [s["index"] for s in doc["sentences"]] == [0, 1, 3]
    first, second, fourth = doc["sentences"]
    assert set(first) == {"index", "start", "end", "text", "actors", "events", "seen", "retold"}
    assert first["actors"][0] == {
        "text": "Uzbekistan",
        "code": "UZB",
        "how": "country",
        "start": 0,
        "end": 10,
    }
    event, _alleged = first["events"]
    assert event["rule"] == "accuse" and event["index"] == 0 and event["sentence"] == 0
    assert event["source"]["code"] == "UZB" and event["target"]["code"] == "KAZ"
    assert set(event["pattern"]) == {"id", "origin", "source_slots", "target_slots"}
    assert {"modality", "date", "date_precision", "historical", "reported_by", "place"} <= set(
        event
    )
    (seen,) = second["seen"]
    assert set(seen) == {"trigger", "start", "end", "rule", "reason", "pattern"}
    assert (seen["trigger"], seen["rule"]) == ("Fighting", "fighting.n")
    assert seen["reason"].startswith("no actor")
    assert fourth["retold"] == [{"event": 0, "sentence": 0}]

    everything = runner.invoke(app, ["explain", str(path), "--json", "--all"])
    assert everything.exit_code == 0, everything.output
    assert [s["index"] for s in json.loads(everything.stdout)["sentences"]] == [0, 1, 2, 3]


@pytest.mark.model
def test_table_shows_rule_and_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "out", Console(width=200))
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    result = runner.invoke(app, ["explain", str(path)])
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "sentence 0 (chars 0-" in text and "sentence 1 (chars" in text
    assert "sentence 2 " not in text and "The weather" not in text
    assert re.search(r"│ accuse\s+│", text) and "Uzbekistan UZB" in text
    assert "seen, not coded" in text and "no actor" in text
    assert "retold: event #0, kept at sentence 0" in text
    everything = runner.invoke(app, ["explain", str(path), "--all"])
    assert "sentence 2 " in everything.stdout and "The weather" in everything.stdout


@pytest.mark.model
def test_every_document_of_a_feed() -> None:
    result = runner.invoke(app, ["explain", str(EXAMPLES / "wire_feed.jsonl"), "--json"])
    assert result.exit_code == 0, result.output
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(docs) == 3
    assert all(d["source"].startswith(str(EXAMPLES / "wire_feed.jsonl")) for d in docs)
