"""Actors of states that have since broken up: "Moscow" in 1979 is the Soviet Union
(SUN), "Prague" in 1968 Czechoslovakia (CSK), "Belgrade" in 1999 Serbia and Montenegro
(SCG), as the dated codes of the Phoenix country dictionary have them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml

from wirecoder.errors import DataFileError
from wirecoder.model import Mention

SUCCESSIONS = Path(__file__).resolve().parents[1] / "data" / "actors" / "successions.yaml"
# How a mention names a state by its capital or its national bodies.
_CAPITAL_HOWS = frozenset({"capital", "organisation", "media"})


@dataclass(frozen=True, slots=True)
class Succession:
    code: str
    then: str
    start: date | None
    until: date
    capital_only: bool

    def applies(self, mention: Mention, day: date) -> bool:
        if mention.country != self.code or day >= self.until:
            return False
        if self.start is not None and day < self.start:
            return False
        return not self.capital_only or mention.how in _CAPITAL_HOWS


@lru_cache(maxsize=1)
def load_successions(path: Path = SUCCESSIONS) -> tuple[Succession, ...]:
    text = path.read_text(encoding="utf-8")
    rows = yaml.safe_load(text) or []
    if not isinstance(rows, list):
        raise DataFileError("E101", path=str(path), line=1, reason="expected a list of rows")
    root = yaml.compose(text)
    lines = [n.start_mark.line + 1 for n in root.value] if root is not None else []
    found: list[Succession] = []
    for number, row in zip(lines, rows, strict=True):
        try:
            start = row.get("from")
            found.append(
                Succession(
                    code=str(row["code"]),
                    then=str(row["then"]),
                    start=start if isinstance(start, date) else None,
                    until=row["until"],
                    capital_only=row["scope"] == "capital",
                )
            )
            if not isinstance(row["until"], date) or row["scope"] not in {"capital", "all"}:
                raise ValueError
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise DataFileError(
                "E101",
                path=str(path),
                line=number,
                reason="expected {code, then, until: YYYY-MM-DD, scope: capital|all}",
            ) from exc
    return tuple(found)


def in_era(mentions: Sequence[Mention], day: date) -> list[Mention]:
    """The mentions with the code of the state that existed on `day`."""
    rules = load_successions()
    dated: list[Mention] = []
    for mention in mentions:
        rule = next((r for r in rules if r.applies(mention, day)), None)
        if rule is not None:
            mention = replace(
                mention, code=rule.then + mention.code[len(rule.code) :], country=rule.then
            )
        dated.append(mention)
    return dated
