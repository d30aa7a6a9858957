"""Scoring on PLOVER-labelled sets: renames, marks, and the matching rules on tiny files."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from wirecoder.errors import DataFileError
from wirecoder.evaluation.plover import (
    evaluate_plover_records,
    evaluate_zsp_pairs,
    load_pairs,
    load_renames,
    read_marks,
)
from wirecoder.ontology import PLOVER_EVENTS

ZSP_COLUMNS = ["", "sentence_id", "sentence", "marked_sentence", "source", "target", "gold_root"]


def _records(path: Path, records: list[tuple[str, str]]) -> Path:
    data: list[dict[str, object]] = [{"id": "NOTE-0001", "event": "DOCUMENT", "comment": "x"}]
    data += [{"id": f"R{i}", "event": e, "text": t} for i, (e, t) in enumerate(records)]
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _pairs(path: Path, rows: list[tuple[str, str]]) -> Path:
    """Rows of (marked sentence, gold type); the plain sentence is the marked one unmarked."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t")
        writer.writerow(ZSP_COLUMNS)
        for i, (marked, gold) in enumerate(rows):
            plain = read_marks(marked)[0]
            writer.writerow([i, 100 + i, plain, marked, "", "", gold])
    return path


def test_renames_point_at_plover_types() -> None:
    old = load_renames("plover-0.5")
    assert old == {
        "DEMAND": "REQUEST",
        "DISAPPROVE": "ACCUSE",
        "INVESTIGATE": "ACCUSE",
        "FIGHT": "ASSAULT",
    }
    assert set(old.values()) <= PLOVER_EVENTS
    assert load_renames("zsp") == {"CONCEDE": "YIELD", "RETREAT": "YIELD"}
    assert load_renames("no-such-scheme") == {}


def test_marks_give_spans_of_the_plain_sentence() -> None:
    marked = (
        "<s><t>Serbian</t> police </s>detained <t>two Kosovo officials</t>"
        " near <t>Serbian</t> posts."
    )
    plain, sources, targets = read_marks(marked)
    assert plain == "Serbian police detained two Kosovo officials near Serbian posts."
    assert [plain[s:e] for s, e in sources] == ["Serbian police"]
    assert [plain[s:e] for s, e in targets] == ["Serbian", "two Kosovo officials", "Serbian"]
    assert sources == ((0, 14),)
    assert targets == ((0, 7), (24, 44), (50, 57))


@pytest.mark.parametrize(
    "marked", ["<s>Chad</s> met <t>Niger.", "Chad</s> met Niger.", "<s>Chad met</t> Niger."]
)
def test_unbalanced_marks_are_refused(marked: str) -> None:
    with pytest.raises(ValueError):
        read_marks(marked)


def test_pair_file_errors_name_the_line(tmp_path: Path) -> None:
    path = _pairs(tmp_path / "p.tsv", [("<s>Chad</s> met <t>Niger</t>.", "CONSULT")])
    text = path.read_text(encoding="utf-8").replace("Chad met Niger.", "Chad met Mali.")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError, match=r"p\.tsv:2: marked_sentence without its marks"):
        load_pairs(path)


def test_unknown_gold_type_is_an_error(tmp_path: Path) -> None:
    path = _records(tmp_path / "r.json", [("GOSSIP", "Chad met Niger.")])
    with pytest.raises(DataFileError, match="'GOSSIP' is neither a PLOVER type"):
        evaluate_plover_records(path)
    # Renames belong to one scheme: the 0.5 name is unknown in the zero-shot set.
    bad = _pairs(tmp_path / "p.tsv", [("<s>Chad</s> met <t>Niger</t>.", "DISAPPROVE")])
    with pytest.raises(DataFileError, match=r"p\.tsv:2: gold_root: 'DISAPPROVE'"):
        load_pairs(bad)


def test_pairs_limit_keeps_the_first_rows(tmp_path: Path) -> None:
    rows = [
        ("<s>Chad</s> met <t>Niger</t>.", "CONSULT"),
        ("<s>Mali</s> hit <t>Chad</t>.", "ASSAULT"),
    ]
    pairs = load_pairs(_pairs(tmp_path / "p.tsv", rows), limit=1)
    assert [(p.id, p.gold, p.sources, p.targets) for p in pairs] == [
        ("100", "CONSULT", ((0, 4),), ((9, 14),))
    ]


@pytest.mark.model
def test_records_score_type_sets_per_sentence(tmp_path: Path) -> None:
    path = _records(
        tmp_path / "gsr.json",
        [
            ("DISAPPROVE", "Kenya condemned Uganda on Tuesday."),  # renamed to ACCUSE: right
            ("DISAPPROVE", "Germany criticized Poland and praised Austria."),  # SUPPORT extra
            ("AID", "Chile sent troops to Peru."),  # coded MOBILIZE
            ("FIGHT", "Egypt did not attack Libya."),  # negated: nothing predicted
            ("SUPPORT", "Vietnam could sign a trade pact with Thailand."),  # hypothetical counts
            ("CONSULT", "Turkey met Greece on Monday."),
            ("CONSULT", "Turkey met Greece on Monday."),  # same text: one sentence
        ],
    )
    report = evaluate_plover_records(path)
    assert (report.items, report.sentences) == (7, 6)
    assert (report.score.tp, report.score.fp, report.score.fn) == (4, 2, 2)
    assert report.sentences_right == 4
    out = report.as_dict()
    assert out["sentence_accuracy"] == 0.6667
    assert out["score"]["precision"] == 0.6667
    assert out["score"]["recall"] == 0.6667
    assert report.confusion_table() == [
        ("ACCUSE", "ACCUSE", 2),
        ("-", "SUPPORT", 1),
        ("AID", "MOBILIZE", 1),
        ("ASSAULT", "-", 1),
        ("CONSULT", "CONSULT", 1),
        ("SUPPORT", "SUPPORT", 1),
    ]
    per_type = {k: (v.tp, v.fp, v.fn) for k, v in report.per_type.items()}
    assert per_type == {
        "ACCUSE": (2, 0, 0),
        "SUPPORT": (1, 1, 0),
        "AID": (0, 0, 1),
        "MOBILIZE": (0, 1, 0),
        "ASSAULT": (0, 0, 1),
        "CONSULT": (1, 0, 0),
    }
    assert len(report.errors) == 3


@pytest.mark.model
def test_pairs_need_an_event_between_the_marked_actors(tmp_path: Path) -> None:
    path = _pairs(
        tmp_path / "zsp.tsv",
        [
            ("<s>Kenya</s> condemned <t>Uganda</t> on Tuesday.", "ACCUSE"),  # correct
            # The same sentence with the roles swapped: missed, and counted in `reversed`.
            ("<t>Kenya</t> condemned <s>Uganda</s> on Tuesday.", "ACCUSE"),
            ("<s>Chile</s> sent troops to <t>Peru</t>.", "AID"),  # MOBILIZE belongs: wrong
            # RETREAT is scored as YIELD, but the event has no target: missed.
            ("<s>Brazil</s> released <t>the seized cargo</t> on Friday.", "YIELD"),
            ("<s>Turkey</s> met Greece on Monday.", "CONSULT"),  # no target mark: correct
            ("<s>Egypt</s> did not attack <t>Libya</t>.", "ASSAULT"),  # negated: missed
        ],
    )
    report = evaluate_zsp_pairs(path)
    assert (report.items, report.sentences) == (6, 5)
    assert (report.correct, report.wrong, report.missed) == (2, 1, 3)
    assert (report.score.tp, report.score.fp, report.score.fn) == (2, 1, 4)
    assert (report.source_only, report.sentence_level, report.reversed) == (3, 4, 1)
    out = report.as_dict()
    assert out["accuracy"] == 0.3333
    assert out["score"]["precision"] == 0.6667
    assert out["score"]["recall"] == out["accuracy"]
    assert out["source_only_accuracy"] == 0.5
    assert out["sentence_accuracy"] == 0.6667
    assert report.confusion_table() == [
        ("ACCUSE", "-", 1),
        ("ACCUSE", "ACCUSE", 1),
        ("AID", "MOBILIZE", 1),
        ("ASSAULT", "-", 1),
        ("CONSULT", "CONSULT", 1),
        ("YIELD", "-", 1),
    ]
    assert [e["outcome"] for e in report.errors] == ["missed", "wrong", "missed", "missed"]
    assert report.errors[0]["sources"] == ["Uganda"]
    assert report.errors[0]["targets"] == ["Kenya"]


@pytest.mark.model
def test_pairs_limit_scores_only_the_first_rows(tmp_path: Path) -> None:
    rows = [
        ("<s>Kenya</s> condemned <t>Uganda</t> on Tuesday.", "ACCUSE"),
        ("<s>Chile</s> sent troops to <t>Peru</t>.", "AID"),
    ]
    report = evaluate_zsp_pairs(_pairs(tmp_path / "zsp.tsv", rows), limit=1)
    assert (report.items, report.correct, report.wrong, report.missed) == (1, 1, 0, 0)
