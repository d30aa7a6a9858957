"""`wirecoder eval actors FILE`: mention → code precision, recall and F1.

Gold file: JSON lines `{"id", "date", "text", "mentions": [{"text", "start", "end",
"code", "how"}]}`; ids starting with "_" are notes, not items. A predicted mention is
right when its span overlaps a gold span and its code is the gold code; each gold
mention matches at most one prediction.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from wirecoder.actors import ActorResolver, default_resolver, resolve
from wirecoder.article.dateline import find_dateline
from wirecoder.evaluation.scoring import Score, load_gold, match_items
from wirecoder.model import Mention
from wirecoder.nlp import parse_many


@dataclass(slots=True)
class ActorReport:
    overall: Score = field(default_factory=Score)
    span_only: Score = field(default_factory=Score)
    recall_by_how: dict[str, Score] = field(default_factory=dict)
    errors: list[dict[str, Any]] = field(default_factory=list)
    wrong_codes: Counter[tuple[str, str]] = field(default_factory=Counter)
    items: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "items": self.items,
            "mention_code": self.overall.as_dict(),
            "mention_span": self.span_only.as_dict(),
            "recall_by_how": {k: round(v.recall, 4) for k, v in sorted(self.recall_by_how.items())},
            "top_wrong_codes": [
                {"gold": g, "predicted": p, "count": n}
                for (g, p), n in self.wrong_codes.most_common(15)
            ],
        }


def _overlaps(gold: dict[str, Any], mention: Mention) -> bool:
    return int(gold["start"]) < mention.end and mention.start < int(gold["end"])


def _blank_dateline(text: str, year: int) -> str:
    """Datelines are cut off before coding; blanking keeps the gold offsets valid."""
    found = find_dateline(text, default_year=year)
    return text if found is None else " " * found.end + text[found.end :]


def evaluate_actors(path: Path, *, resolver: ActorResolver | None = None) -> ActorReport:
    resolver = resolver or default_resolver()
    items = load_gold(path)
    report = ActorReport(items=len(items))
    docs = parse_many(_blank_dateline(i["text"], int(i["date"][:4])) for i in items)
    for item, doc in zip(items, docs, strict=True):
        day = date.fromisoformat(item["date"])
        dateline = find_dateline(item["text"], default_year=day.year)
        place = dateline.dateline.place if dateline else None
        predicted = list(resolve(doc, day=day, place=place, resolver=resolver))
        gold = item["mentions"]
        exact = match_items(gold, predicted, lambda g, p: _overlaps(g, p) and g["code"] == p.code)
        spans = match_items(gold, predicted, _overlaps)
        report.overall.add(Score(len(exact.pairs), len(exact.spurious), len(exact.missed)))
        report.span_only.add(Score(len(spans.pairs), len(spans.spurious), len(spans.missed)))
        matched = {gi for gi, _ in exact.pairs}
        for gi, g in enumerate(gold):
            score = report.recall_by_how.setdefault(g.get("how", "?"), Score())
            if gi in matched:
                score.tp += 1
            else:
                score.fn += 1
        for gi, pi in spans.pairs:
            if gold[gi]["code"] != predicted[pi].code:
                report.wrong_codes[(gold[gi]["code"], predicted[pi].code)] += 1
        for gi in exact.missed:
            g = gold[gi]
            report.errors.append(
                {
                    "id": item["id"],
                    "kind": "missed",
                    "text": g["text"],
                    "gold": g["code"],
                    "how": g.get("how"),
                }
            )
        for pi in exact.spurious:
            p = predicted[pi]
            report.errors.append(
                {
                    "id": item["id"],
                    "kind": "spurious",
                    "text": p.text,
                    "predicted": p.code,
                    "how": p.how,
                }
            )
    return report
