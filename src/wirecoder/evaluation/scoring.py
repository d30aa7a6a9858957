"""Precision, recall and F1 with one-to-one matching of predicted to gold items."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

G = TypeVar("G")
P = TypeVar("P")


def load_gold(path: Path) -> list[dict[str, Any]]:
    """The items of a gold JSONL file; a line whose id starts with "_" is a note."""
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            if not str(item.get("id", "")).startswith("_"):
                items.append(item)
    return items


@dataclass(slots=True)
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass(slots=True)
class Matching:
    pairs: list[tuple[int, int]] = field(default_factory=list)  # (gold index, predicted index)
    missed: list[int] = field(default_factory=list)  # gold indices
    spurious: list[int] = field(default_factory=list)  # predicted indices


def match_items(
    gold: Sequence[G], predicted: Sequence[P], same: Callable[[G, P], bool]
) -> Matching:
    """Greedy one-to-one matching in order: each gold item takes the first free prediction."""
    taken: set[int] = set()
    result = Matching()
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if pi not in taken and same(g, p):
                taken.add(pi)
                result.pairs.append((gi, pi))
                break
        else:
            result.missed.append(gi)
    result.spurious = [pi for pi in range(len(predicted)) if pi not in taken]
    return result
