"""The CAMEO/PLOVER ontology table and its loader."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from wirecoder.errors import DataFileError
from wirecoder.ontology import (
    ONTOLOGY_VERSION,
    PLOVER_EVENTS,
    CameoCode,
    Ontology,
    load_ontology,
)

# The reference tables the data file was derived from, beside the repository (as in conftest).
REPO = Path(__file__).resolve().parents[1]
REFERENCE = Path(os.environ.get("WIRECODER_SHARED", REPO.parent / "shared")) / "reference"


@pytest.fixture(scope="module")
def onto() -> Ontology:
    return load_ontology()


def _reference(name: str) -> Path:
    path = REFERENCE / name
    if not path.exists():
        pytest.skip(f"reference file not found at {path} (../shared is absent here)")
    return path


# --- shape of the table ------------------------------------------------------------------


def test_counts(onto: Ontology) -> None:
    assert [r.code for r in onto.roots()] == [f"{n:02d}" for n in range(1, 21)]
    assert 290 <= len(onto) <= 320
    by_level = {level: sum(1 for c in onto if c.level == level) for level in (1, 2, 3)}
    assert by_level[1] == 20
    assert by_level[2] > by_level[3] > 50


def test_every_row_is_consistent(onto: Ontology) -> None:
    for entry in onto:
        assert entry.root == entry.code[:2]
        assert entry.level == len(entry.code) - 1
        assert -10.0 <= entry.goldstein <= 10.0
        if entry.level > 1:
            parent = onto.parent(entry.code)
            assert parent is not None and parent.code == entry.code[:-1]


def test_quad_follows_root(onto: Ontology) -> None:
    for entry in onto:
        root = int(entry.root)
        expected = 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4
        assert entry.quad == expected, entry.code


# --- known facts -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("042", "make a visit"),
        ("043", "host a visit"),
        ("057", "sign formal agreement"),
        ("071", "provide economic aid"),
        ("031", "intent to engage in material cooperation"),
        ("0311", "intent to cooperate economically"),
        ("190", "use conventional military force"),
        ("183", "bombing"),
        ("1832", "car bombing"),
        ("173", "arrest"),
        ("14", "protest"),
    ],
)
def test_names(onto: Ontology, code: str, words: str) -> None:
    assert words in onto.get(code).name.lower()


@pytest.mark.parametrize(
    ("code", "score"),
    [("190", -10.0), ("057", 8.0), ("042", 1.9), ("010", 0.0), ("0874", 10.0), ("016", -2.0)],
)
def test_goldstein(onto: Ontology, code: str, score: float) -> None:
    assert onto.get(code).goldstein == score


def test_goldstein_extremes(onto: Ontology) -> None:
    scores = [c.goldstein for c in onto]
    assert min(scores) == -10.0
    assert max(scores) == 10.0


@pytest.mark.parametrize(
    ("code", "event", "mode"),
    [
        ("042", "CONSULT", "visit"),
        ("041", "CONSULT", "phone"),
        ("057", "SUPPORT", None),
        ("0333", "AGREE", None),
        ("0871", "RETREAT", "ceasefire"),
        ("081", "CONCEDE", None),
        ("1121", "ACCUSE", "allege"),
        ("141", "PROTEST", "demo"),
        ("163", "COERCE", "restrict"),
        ("173", "COERCE", "arrest"),
        ("1831", "ASSAULT", "suicide-attack"),
        ("192", "COERCE", "seize"),
        ("19", "ASSAULT", None),
        ("010", None, None),
        ("02", None, None),
    ],
)
def test_plover(onto: Ontology, code: str, event: str | None, mode: str | None) -> None:
    assert onto.plover(code) == (event, mode)


def test_plover_context(onto: Ontology) -> None:
    assert onto.get("091").plover_context == ("crime", "corruption")
    assert onto.get("0811").plover_context == ("pro_democracy",)
    assert onto.get("040").plover_context == ()


def test_plover_events_are_valid_and_dropped_only_for_statements_and_appeals(
    onto: Ontology,
) -> None:
    for entry in onto:
        if entry.root in {"01", "02"}:
            assert entry.plover_event is None, entry.code
        else:
            assert entry.plover_event in PLOVER_EVENTS, entry.code


def test_plover_matches_reference_map(onto: Ontology) -> None:
    path = _reference("cameo_to_plover_2021.txt")
    mapped: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^(\d+):\s*([A-Z]+)", line)
        if match:
            mapped.setdefault(match.group(1), match.group(2))
    checked = 0
    for code, event in mapped.items():
        if code in onto:
            assert onto.get(code).plover_event == event, code
            checked += 1
    assert checked >= 270


def test_goldstein_matches_gdelt_table(onto: Ontology) -> None:
    path = _reference("gdelt_cameo_goldstein.txt")
    rows = [line.split() for line in path.read_text(encoding="utf-8").splitlines()[1:]]
    table = {code: float(score) for code, score in (r for r in rows if r)}
    assert set(table) <= {c.code for c in onto}
    for code, score in table.items():
        assert onto.get(code).goldstein == score, code


# --- intent codes ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("action", "intent"),
    [
        ("071", "0331"),  # economic aid
        ("073", "0333"),  # humanitarian aid
        ("070", "033"),
        ("07", "033"),  # a root stands for its unspecified child
        ("061", "0311"),
        ("060", "031"),
        ("050", "032"),
        ("057", "032"),  # no own intent code: the parent's
        ("042", "036"),  # through the root 04 -> 040
        ("046", "036"),
        ("045", "039"),
        ("0841", "0353"),  # release persons, through 084
        ("0871", "0356"),
        ("0832", "0342"),
        ("190", None),
        ("010", None),
    ],
)
def test_intent_code_for(onto: Ontology, action: str, intent: str | None) -> None:
    assert onto.intent_code_for(action) == intent


def test_intent_codes_live_in_root_03_and_point_outside_it(onto: Ontology) -> None:
    intents = [c for c in onto if c.intent_of is not None]
    assert len(intents) >= 25
    for entry in intents:
        assert entry.root == "03"
        assert entry.intent_of is not None
        assert onto.get(entry.intent_of).root in {"04", "05", "06", "07", "08"}
        assert onto.intent_code_for(entry.intent_of) == entry.code


# --- navigation and lookups --------------------------------------------------------------


def test_parent_chain(onto: Ontology) -> None:
    parent = onto.parent("1832")
    assert parent is not None and parent.code == "183"
    grand = onto.parent("183")
    assert grand is not None and grand.code == "18"
    assert onto.parent("18") is None
    assert [c.code for c in onto.ancestors("0333")] == ["0333", "033", "03"]


def test_lookup_protocols(onto: Ontology) -> None:
    assert "042" in onto
    assert "42" not in onto
    assert 42 not in onto
    first = next(iter(onto))
    assert isinstance(first, CameoCode) and first.code == "01"


def test_unknown_code_raises_helpful_key_error(onto: Ontology) -> None:
    with pytest.raises(KeyError, match="did you mean '042'"):
        onto.get("42")
    with pytest.raises(KeyError, match="unknown CAMEO code '999'"):
        onto.get("999")
    with pytest.raises(KeyError):
        onto.parent("999")


def test_records_are_frozen(onto: Ontology) -> None:
    with pytest.raises(AttributeError):
        onto.get("042").goldstein = 0.0  # type: ignore[misc]


# --- loading, caching, versions ----------------------------------------------------------


def test_default_is_cached_and_versioned(onto: Ontology) -> None:
    assert load_ontology() is onto
    digest = hashlib.sha256(onto.path.read_bytes()).hexdigest()[:12]
    assert onto.version == ONTOLOGY_VERSION == digest
    assert re.fullmatch(r"[0-9a-f]{12}", ONTOLOGY_VERSION)


def test_explicit_path_loads_a_copy_with_the_same_version(onto: Ontology, tmp_path: Path) -> None:
    copy = tmp_path / "cameo.tsv"
    copy.write_bytes(onto.path.read_bytes())
    other = load_ontology(copy)
    assert other is not onto
    assert other.version == onto.version
    assert [c.code for c in other] == [c.code for c in onto]
    copy.write_bytes(onto.path.read_bytes() + b"# a trailing note\n")
    assert load_ontology(copy).version != onto.version


# --- validation: each bad table names its line -------------------------------------------

Edit = Callable[[list[str]], int]  # changes the lines in place, returns the bad line (1-based)


def _row_index(lines: list[str], code: str) -> int:
    return next(i for i, line in enumerate(lines) if line.split("\t")[0] == code)


def _set_field(code: str, column: int, value: str) -> Edit:
    def edit(lines: list[str]) -> int:
        i = _row_index(lines, code)
        fields = lines[i].split("\t")
        fields[column] = value
        lines[i] = "\t".join(fields)
        return i + 1

    return edit


def _drop_parent(lines: list[str]) -> int:
    del lines[_row_index(lines, "183")]
    return _row_index(lines, "1831") + 1


def _repeat_row(lines: list[str]) -> int:
    i = _row_index(lines, "042")
    lines.append(lines[i])
    return len(lines)


def _short_row(lines: list[str]) -> int:
    i = _row_index(lines, "057")
    lines[i] = "\t".join(lines[i].split("\t")[:5])
    return i + 1


def _bad_header(lines: list[str]) -> int:
    i = _row_index(lines, "code")
    lines[i] = lines[i].replace("goldstein", "score")
    return i + 1


def _bad_intent(lines: list[str]) -> int:
    return _set_field("0333", 9, "0999")(lines)


def _twice_announced(lines: list[str]) -> int:
    return _set_field("0334", 9, "073")(lines)


@pytest.mark.parametrize(
    ("edit", "reason"),
    [
        (_set_field("042", 2, "05"), "first two digits"),
        (_set_field("190", 4, "-11"), "outside -10..10"),
        (_set_field("190", 4, "minus ten"), "not a number"),
        (_set_field("0333", 3, "2"), "level"),
        (_set_field("141", 5, "5"), "quad"),
        (_set_field("141", 5, "4"), "differs from its parent"),
        (_set_field("141", 6, "MARCH"), "not a PLOVER event"),
        (_set_field("010", 7, "visit"), "without a PLOVER event"),
        (_set_field("042", 0, "42x"), "not 2 to 4 digits"),
        (_set_field("042", 1, ""), "empty name"),
        (_drop_parent, "parent code 183 is missing"),
        (_repeat_row, "repeats line"),
        (_short_row, "expected 10 tab-separated fields"),
        (_bad_header, "header"),
        (_bad_intent, "not in the table"),
        (_twice_announced, "already announced by 0333"),
    ],
)
def test_bad_table_names_file_and_line(
    onto: Ontology, tmp_path: Path, edit: Edit, reason: str
) -> None:
    lines = onto.path.read_text(encoding="utf-8").splitlines()
    bad_line = edit(lines)
    bad = tmp_path / "bad.tsv"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_ontology(bad)
    assert info.value.code == "E101"
    assert info.value.fields["line"] == bad_line
    assert info.value.fields["path"] == bad
    assert reason in str(info.value)
    assert f"bad.tsv:{bad_line}:" in str(info.value)


def test_invalid_utf8_names_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_bytes(b"# comment\n\xff\xfe\n")
    with pytest.raises(DataFileError, match=r"bad.tsv:2: not valid UTF-8"):
        load_ontology(bad)


def test_empty_table_is_an_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty.tsv"
    empty.write_text("# nothing here\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="no CAMEO codes"):
        load_ontology(empty)
