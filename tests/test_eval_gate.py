"""Quality gate: the coder's scores on our gold sets never fall below eval/floors.json."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from wirecoder.evaluation.actors import evaluate_actors
from wirecoder.evaluation.events import evaluate_events
from wirecoder.evaluation.plover import evaluate_plover_records
from wirecoder.evaluation.quotes import evaluate_quotes

REPO = Path(__file__).resolve().parents[1]
FLOORS = json.loads((REPO / "eval" / "floors.json").read_text(encoding="utf-8"))


def _fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


@pytest.mark.model
def test_actor_scores_hold_their_floors() -> None:
    floor = FLOORS["actors"]
    gold = REPO / floor["gold"]
    assert _fingerprint(gold) == floor["sha256"], "gold set changed: update eval/floors.json"
    score = evaluate_actors(gold).overall
    measured = {"precision": score.precision, "recall": score.recall, "f1": score.f1}
    for name, minimum in floor["mention_code"].items():
        assert measured[name] >= minimum, f"actors {name} {measured[name]:.3f} < floor {minimum}"


@pytest.mark.model
def test_quote_scores_hold_their_floors() -> None:
    floor = FLOORS["quotes"]
    gold = REPO / floor["gold"]
    assert _fingerprint(gold) == floor["sha256"], "gold set changed: update eval/floors.json"
    report = evaluate_quotes(gold)
    assert report.direct.f1 >= floor["direct_f1"]
    assert report.reported.f1 >= floor["reported_f1"]
    assert report.speaker_accuracy >= floor["speaker_accuracy"]


@pytest.mark.model
@pytest.mark.parametrize(
    "name",
    [
        "events",
        "events_dev2",
        "events_dev3",
        "events_dev4",
        "events_dev5",
        "events_dev6",
        "events_dev7",
        "events_dev8",
        "events_heldout8",
        "events_heldout9",
    ],
)
def test_event_scores_hold_their_floors(name: str) -> None:
    floor = FLOORS[name]
    gold = REPO / floor["gold"]
    assert _fingerprint(gold) == floor["sha256"], "gold set changed: update eval/floors.json"
    report = evaluate_events(gold)
    assert report.root.f1 >= floor["root_f1"]
    assert report.code.f1 >= floor["code_f1"]


@pytest.mark.model
def test_plover_record_scores_hold_their_floor() -> None:
    floor = FLOORS["plover_records"]
    gold = (REPO / floor["gold"]).resolve()
    if not gold.exists():
        pytest.skip(f"public PLOVER records not found at {gold} (../shared is absent here)")
    assert evaluate_plover_records(gold).score.f1 >= floor["type_f1"]
