"""The event coder per CAMEO root, per modality and per date rule, driven by
`event_cases.yaml` (sentences written for these tests; see its header for the fields).

Each case is one test with a readable id ("root-04-visit", "modality-negated-...",
"date-last-week"); it passes when some coded event of the sentence matches every
expected field the case gives. A failure prints every event the coder found.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

import wirecoder
from wirecoder.errors import DataFileError
from wirecoder.model import Event, EventActor

CASES = Path(__file__).with_name("event_cases.yaml")
SECTIONS = {"roots": "root", "modalities": "modality", "dates": "date"}
MODALITIES = ("asserted", "intended", "negated", "hypothetical", "claimed")
PRECISIONS = ("day", "week", "month", "year")
# What each case must say, and which expected fields it may give, by section.
REQUIRED = {
    "roots": {"id", "text", "published", "root", "source", "target"},
    "modalities": {"id", "text", "published", "source", "modality"},
    "dates": {"id", "rule", "text", "published", "date", "precision", "historical"},
}
EXPECTED = ("root", "cameo", "source", "target", "modality", "date", "precision", "historical")
ALLOWED = {"id", "text", "published", "rule", "known_gap", *EXPECTED}


@dataclass(frozen=True, slots=True)
class Case:
    section: str
    id: str
    text: str
    published: str
    rule: str | None
    expected: tuple[tuple[str, str | bool | None], ...]
    line: int
    known_gap: str | None = None

    @property
    def test_id(self) -> str:
        return f"{SECTIONS[self.section]}-{self.id}"


def _check(case: dict[str, Any], section: str, path: Path, line: int) -> None:
    def fail(reason: str) -> None:
        raise DataFileError("E101", path=path, line=line, reason=reason)

    missing = REQUIRED[section] - case.keys()
    if missing:
        fail(f"{section} case lacks {sorted(missing)}")
    if unknown := case.keys() - ALLOWED:
        fail(f"unknown fields {sorted(unknown)}")
    if "root" not in case and "cameo" not in case and section != "dates":
        fail("give a root or a cameo code")
    for key in ("id", "text", "published", "root", "cameo", "source", "date", "rule"):
        if key in case and not isinstance(case[key], str):
            fail(f"{key} must be a quoted string, not {case[key]!r}")
    if "target" in case and not (case["target"] is None or isinstance(case["target"], str)):
        fail(f"target must be a code or null, not {case['target']!r}")
    if "root" in case and not (len(case["root"]) == 2 and case["root"].isdigit()):
        fail(f"root must be two digits, not {case['root']!r}")
    if "cameo" in case and "root" in case and not case["cameo"].startswith(case["root"]):
        fail(f"cameo {case['cameo']} is not under root {case['root']}")
    if case.get("modality", "asserted") not in MODALITIES:
        fail(f"unknown modality {case['modality']!r}")
    if case.get("precision", "day") not in PRECISIONS:
        fail(f"unknown precision {case['precision']!r}")
    if "historical" in case and not isinstance(case["historical"], bool):
        fail("historical must be true or false")


def load_cases(path: Path = CASES) -> list[Case]:
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    # The composed node tree gives each case its line, for errors that point at it.
    root = yaml.compose(text)
    if not isinstance(data, dict) or set(data) != set(SECTIONS) or root is None:
        raise DataFileError("E101", path=path, line=1, reason=f"top level must be {set(SECTIONS)}")
    lines = {
        key.value: [item.start_mark.line + 1 for item in value.value] for key, value in root.value
    }
    cases = []
    for section in SECTIONS:
        for raw, line in zip(data[section], lines[section], strict=True):
            if not isinstance(raw, dict):
                raise DataFileError("E101", path=path, line=line, reason="a case is a mapping")
            _check(raw, section, path, line)
            cases.append(
                Case(
                    section=section,
                    id=raw["id"],
                    text=raw["text"],
                    published=raw["published"],
                    rule=raw.get("rule"),
                    expected=tuple((key, raw[key]) for key in EXPECTED if key in raw),
                    line=line,
                    known_gap=raw.get("known_gap"),
                )
            )
    return cases


ALL_CASES = load_cases()


def _code(actor: EventActor | None) -> str | None:
    # An act without a recipient may come out as no actor, an unresolved one or "".
    return (actor.code or None) if actor is not None else None


def _fields(event: Event) -> dict[str, str | bool | None]:
    return {
        "root": event.root,
        "cameo": event.cameo,
        "source": _code(event.source),
        "target": _code(event.target),
        "modality": event.modality,
        "date": event.date,
        "precision": event.date_precision,
        "historical": event.historical,
    }


def _matches(event: Event, expected: tuple[tuple[str, str | bool | None], ...]) -> bool:
    fields = _fields(event)
    return all(fields[key] == value for key, value in expected)


def describe(event: Event) -> str:
    """One event on one line, as the failure list shows it."""
    f = _fields(event)
    history = " historical" if f["historical"] else ""
    return (
        f"{f['cameo']} {f['source']}->{f['target']} {f['modality']} "
        f"{f['date']}/{f['precision']}{history} [{event.trigger}: {event.rule}]"
    )


def _marks(case: Case) -> list[pytest.MarkDecorator]:
    marks = [pytest.mark.model]
    if case.known_gap:
        marks.append(pytest.mark.xfail(reason=case.known_gap, strict=True))
    return marks


@pytest.mark.parametrize(
    "case", [pytest.param(c, id=c.test_id, marks=_marks(c)) for c in ALL_CASES]
)
def test_event_case(case: Case) -> None:
    events = wirecoder.code(case.text, published=case.published).events
    wanted = ", ".join(f"{key}={value}" for key, value in case.expected)
    seen = "; ".join(describe(e) for e in events) or "no events"
    assert any(_matches(e, case.expected) for e in events), f"want {wanted}; got {seen}"


def test_cases_cover_every_root_modality_and_date_rule() -> None:
    ids = Counter(c.test_id for c in ALL_CASES)
    assert [i for i, n in ids.items() if n > 1] == []
    roots = Counter(dict(c.expected)["root"] for c in ALL_CASES if c.section == "roots")
    assert {f"{r:02d}" for r in range(1, 21)} <= {r for r, n in roots.items() if n >= 2}
    modalities = Counter(
        dict(c.expected)["modality"] for c in ALL_CASES if c.section == "modalities"
    )
    assert all(modalities[m] >= 3 for m in MODALITIES), modalities
    rules = Counter(c.rule for c in ALL_CASES if c.section == "dates")
    assert len(rules) >= 10 and min(rules.values()) >= 2, rules
