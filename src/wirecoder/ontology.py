"""The CAMEO event ontology: codes, Goldstein scores, quad classes and PLOVER equivalents.

The table lives in ``data/ontology/cameo.tsv`` (its README names the sources and rules).
It is read and checked once; every row error names the file and line.

>>> onto = load_ontology()
>>> onto.get("042").name
'Make a visit'
>>> onto.intent_code_for("073")
'0333'
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from wirecoder.errors import DataFileError

COLUMNS: tuple[str, ...] = (
    "code",
    "name",
    "root",
    "level",
    "goldstein",
    "quad",
    "plover_event",
    "plover_mode",
    "plover_context",
    "intent_of",
)

# The sixteen event types of PLOVER 0.8, in quad order.
PLOVER_EVENTS: frozenset[str] = frozenset(
    (
        *("AGREE", "CONSULT", "SUPPORT", "CONCEDE"),
        *("COOPERATE", "AID", "RETREAT"),
        *("REQUEST", "ACCUSE", "REJECT", "THREATEN"),
        *("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"),
    )
)

QUAD_NAMES: dict[int, str] = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code. ``plover_event`` is None where PLOVER drops the code."""

    code: str
    name: str
    root: str
    level: int
    goldstein: float
    quad: int
    plover_event: str | None
    plover_mode: str | None
    plover_context: tuple[str, ...]
    intent_of: str | None


class Ontology:
    """All CAMEO codes of one table, looked up by code string (``"042"``)."""

    __slots__ = ("_by_intent_target", "_codes", "path", "version")

    def __init__(self, codes: tuple[CameoCode, ...], *, path: Path, version: str) -> None:
        self._codes: dict[str, CameoCode] = {c.code: c for c in codes}
        self._by_intent_target: dict[str, str] = {
            c.intent_of: c.code for c in codes if c.intent_of is not None
        }
        self.path = path
        self.version = version

    def get(self, code: str) -> CameoCode:
        try:
            return self._codes[code]
        except KeyError:
            raise KeyError(self._unknown(code)) from None

    def _unknown(self, code: object) -> str:
        message = f"unknown CAMEO code {code!r} in ontology {self.version} ({self.path})"
        # Spreadsheets and integer columns strip the leading zero of roots 01-09.
        text = str(code).strip()
        if text.isdigit() and "0" + text in self._codes:
            message += f"; did you mean '0{text}'? Codes are strings with leading zeros"
        return message

    def __contains__(self, code: object) -> bool:
        return code in self._codes

    def __iter__(self) -> Iterator[CameoCode]:
        return iter(self._codes.values())

    def __len__(self) -> int:
        return len(self._codes)

    def __repr__(self) -> str:
        return f"Ontology({len(self)} codes, version={self.version!r}, path={str(self.path)!r})"

    def roots(self) -> tuple[CameoCode, ...]:
        return tuple(c for c in self._codes.values() if c.level == 1)

    def parent(self, code: str) -> CameoCode | None:
        """The code one level up (``"0333"`` → ``"033"`` → ``"03"``); None for a root."""
        entry = self.get(code)
        return None if entry.level == 1 else self.get(entry.code[:-1])

    def ancestors(self, code: str) -> tuple[CameoCode, ...]:
        """The code itself, then each parent up to its root."""
        chain = [self.get(code)]
        while (up := self.parent(chain[-1].code)) is not None:
            chain.append(up)
        return tuple(chain)

    def intent_code_for(self, action_code: str) -> str | None:
        """The "express intent" code announcing ``action_code``, or None if CAMEO has none.

        Falls back to the parent act when the act itself has no intent code, so a promise
        to negotiate (``046``) becomes ``036`` through the generic consult code ``040``.
        """
        for entry in self.ancestors(action_code):
            # A root such as "04" stands for its unspecified child "040".
            for candidate in (entry.code, entry.code + "0") if entry.level == 1 else (entry.code,):
                if candidate in self._by_intent_target:
                    return self._by_intent_target[candidate]
        return None

    def governed_code(self, governor: str, act: str) -> str | None:
        """The code of an appeal, demand, refusal or threat whose object is ``act``.

        CAMEO builds the appeal (02), demand (10) and intent (03) families in parallel
        (0253, 1053 and 0353 are the appeal, demand and promise to release someone), and
        rejections (12) and threats (13) by sub-family; "urged X to release Y" is 0253,
        "refused to lift sanctions" 1244, "threatened to impose sanctions" 1312. None when
        ``governor`` is no such family or CAMEO has no code for the pair.
        """
        root = governor[:2]
        intent = self.intent_code_for(act)
        candidates: list[str] = []
        if root in {"02", "10"} and intent is not None:
            candidates = [root + intent[2:], root + intent[2:3]]
        elif root == "12" and intent is not None:
            family = _REJECTION_FAMILY.get(intent[:3])
            if family is not None:
                candidates = (
                    [family + intent[3:], family]
                    if family in {"121", "122", "123", "124"}
                    else [family]
                )
        elif root == "13":
            candidates = [
                c for c in (_THREAT_BY_ACT.get(act[:3]), _THREAT_BY_ACT.get(act[:2])) if c
            ]
        for candidate in candidates:
            if candidate in self._codes and len(candidate) >= 3:
                return candidate
        return None

    def plover(self, code: str) -> tuple[str | None, str | None]:
        """PLOVER (event, mode) for a CAMEO code; (None, None) where PLOVER drops it."""
        entry = self.get(code)
        return entry.plover_event, entry.plover_mode


# Which rejection sub-family refuses which intent family (CAMEO 12 against 03).
_REJECTION_FAMILY = {
    "031": "121",
    "033": "122",
    "034": "123",
    "035": "124",
    "036": "125",
    "037": "127",
    "038": "126",
}
# Which threat announces which act: by 3-digit act first, then by root.
_THREAT_BY_ACT = {
    "161": "1313",
    "163": "1312",
    "162": "1311",
    "172": "132",
    "14": "133",
    "16": "131",
    "17": "137",
    "15": "138",
    "18": "1383",
    "19": "1384",
    "20": "1385",
}


def _default_path() -> Path:
    return Path(str(resources.files("wirecoder") / "data" / "ontology" / "cameo.tsv"))


def _version(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:12]


def _optional(value: str) -> str | None:
    return value or None


def _parse_row(fields: list[str], *, path: Path, line: int) -> CameoCode:
    def fail(reason: str) -> DataFileError:
        return DataFileError("E101", path=path, line=line, reason=reason)

    if len(fields) != len(COLUMNS):
        raise fail(f"expected {len(COLUMNS)} tab-separated fields, found {len(fields)}")
    row = dict(zip(COLUMNS, (f.strip() for f in fields), strict=True))
    code = row["code"]
    if not (code.isdigit() and 2 <= len(code) <= 4):
        raise fail(f"code {code!r} is not 2 to 4 digits")
    if not 1 <= int(code[:2]) <= 20:
        raise fail(f"code {code!r}: root {code[:2]} is outside 01..20")
    if row["root"] != code[:2]:
        raise fail(f"code {code}: root {row['root']!r} is not its first two digits")
    if not row["name"]:
        raise fail(f"code {code}: empty name")
    if row["level"] != str(len(code) - 1):
        raise fail(f"code {code}: level {row['level']!r}, expected {len(code) - 1}")
    try:
        goldstein = float(row["goldstein"])
    except ValueError:
        raise fail(f"code {code}: goldstein {row['goldstein']!r} is not a number") from None
    if not -10.0 <= goldstein <= 10.0:
        raise fail(f"code {code}: goldstein {goldstein} is outside -10..10")
    if row["quad"] not in {"1", "2", "3", "4"}:
        raise fail(f"code {code}: quad {row['quad']!r} is not 1, 2, 3 or 4")
    event = _optional(row["plover_event"])
    if event is not None and event not in PLOVER_EVENTS:
        raise fail(f"code {code}: {event!r} is not a PLOVER event")
    mode = _optional(row["plover_mode"])
    context = tuple(c.strip() for c in row["plover_context"].split(";") if c.strip())
    if event is None and (mode or context):
        raise fail(f"code {code}: PLOVER mode or context without a PLOVER event")
    intent_of = _optional(row["intent_of"])
    if intent_of is not None and not intent_of.isdigit():
        raise fail(f"code {code}: intent_of {intent_of!r} is not a code")
    return CameoCode(
        code=code,
        name=row["name"],
        root=code[:2],
        level=len(code) - 1,
        goldstein=goldstein,
        quad=int(row["quad"]),
        plover_event=event,
        plover_mode=mode,
        plover_context=context,
        intent_of=intent_of,
    )


def _link_problem(entry: CameoCode, codes: dict[str, CameoCode]) -> str | None:
    if entry.level > 1:
        parent = codes.get(entry.code[:-1])
        if parent is None:
            return f"parent code {entry.code[:-1]} is missing"
        if parent.quad != entry.quad:
            return f"quad {entry.quad} differs from its parent's ({parent.quad})"
    if entry.intent_of is not None and entry.intent_of not in codes:
        return f"intent_of {entry.intent_of} is not in the table"
    return None


def _check_links(codes: dict[str, CameoCode], lines: dict[str, int], path: Path) -> None:
    """Checks that need the whole table: parents, one quad per root, intent targets."""
    announced: dict[str, str] = {}
    for code, entry in codes.items():
        problem = _link_problem(entry, codes)
        if problem is None and entry.intent_of is not None:
            first = announced.setdefault(entry.intent_of, code)
            if first != code:
                problem = f"act {entry.intent_of} is already announced by {first}"
        if problem is not None:
            raise DataFileError(
                "E101", path=path, line=lines[code], reason=f"code {code}: {problem}"
            )


def _parse(data: bytes, path: Path) -> Ontology:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DataFileError("E101", path=path, line=line, reason="not valid UTF-8") from exc
    header_seen = False
    codes: dict[str, CameoCode] = {}
    lines: dict[str, int] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        fields = raw.split("\t")
        if not header_seen:
            if tuple(f.strip() for f in fields) != COLUMNS:
                reason = f"header must be the tab-separated columns {', '.join(COLUMNS)}"
                raise DataFileError("E101", path=path, line=number, reason=reason)
            header_seen = True
            continue
        entry = _parse_row(fields, path=path, line=number)
        if entry.code in codes:
            reason = f"code {entry.code} repeats line {lines[entry.code]}"
            raise DataFileError("E101", path=path, line=number, reason=reason)
        codes[entry.code] = entry
        lines[entry.code] = number
    if not codes:
        raise DataFileError("E101", path=path, line=0, reason="no CAMEO codes in the file")
    _check_links(codes, lines, path)
    return Ontology(tuple(codes.values()), path=path, version=_version(data))


@lru_cache(maxsize=1)
def _default_ontology() -> Ontology:
    path = _default_path()
    return _parse(path.read_bytes(), path)


def load_ontology(path: Path | None = None) -> Ontology:
    """The shipped ontology (read once, cached), or the table at ``path`` (read each call)."""
    if path is None:
        return _default_ontology()
    return _parse(Path(path).read_bytes(), Path(path))


ONTOLOGY_VERSION: str = _version(_default_path().read_bytes())
