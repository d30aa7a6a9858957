"""`wirecoder eval events FILE`: how well events are coded, at root and full-code level.

Gold file: JSON lines `{"id", "date", "context", "text", "events": [{"source", "target",
"cameo", "modality", ...}]}`; ids starting with "_" are notes. Each sentence is coded
alone (its `context` sentence before it, events read only from `text`). A predicted
event matches a gold event at root level when the roots agree; among the matched pairs
the full code, source, target and modality are compared. Matching is one-to-one, gold
events taking predictions whose source and target agree first.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from wirecoder.actors import ActorResolver, default_resolver, resolve
from wirecoder.evaluation.scoring import Score, load_gold, match_items
from wirecoder.events.coder import EventCoder, default_coder
from wirecoder.model import Event
from wirecoder.nlp import parse_many


@dataclass(slots=True)
class EventReport:
    items: int = 0
    root: Score = field(default_factory=Score)
    code: Score = field(default_factory=Score)
    matched: int = 0
    source_right: int = 0
    target_right: int = 0
    modality_right: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    errors: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        share = (lambda n: round(n / self.matched, 4)) if self.matched else (lambda n: 0.0)
        return {
            "items": self.items,
            "root": self.root.as_dict(),
            "code": self.code.as_dict(),
            "matched_pairs": self.matched,
            "source_accuracy": share(self.source_right),
            "target_accuracy": share(self.target_right),
            "modality_accuracy": share(self.modality_right),
            "confusion_by_root": [
                {"gold": g, "predicted": p, "count": n}
                for (g, p), n in sorted(self.confusion.items())
            ],
        }


def _root(code: str) -> str:
    return code[:2]


def code_sentence(
    item: dict[str, Any], doc: Any, *, coder: EventCoder, resolver: ActorResolver
) -> list[Event]:
    day = date.fromisoformat(item["date"])
    mentions = resolve(doc, day=day, resolver=resolver)
    events, _ = coder.code(doc, mentions, article_date=day)
    offset = len(item.get("context") or "") + 1 if item.get("context") else 0
    return [e for e in events if e.start >= offset or e.end > offset]


def evaluate_events(
    path: Path, *, coder: EventCoder | None = None, resolver: ActorResolver | None = None
) -> EventReport:
    coder = coder or default_coder()
    resolver = resolver or default_resolver()
    items = load_gold(path)
    report = EventReport(items=len(items))
    texts = [f"{i['context']} {i['text']}" if i.get("context") else i["text"] for i in items]
    for item, doc in zip(items, parse_many(texts), strict=True):
        predicted = code_sentence(item, doc, coder=coder, resolver=resolver)
        gold = item["events"]

        def same_root(g: dict[str, Any], p: Event) -> bool:
            return _root(g["cameo"]) == p.root

        def same_pair(g: dict[str, Any], p: Event) -> bool:
            return (
                same_root(g, p)
                and p.source is not None
                and p.source.code == g["source"]
                and (p.target.code if p.target else "") == (g.get("target") or "")
            )

        strict = match_items(gold, predicted, same_pair)
        rest_gold = [gold[i] for i in strict.missed]
        rest_pred = [predicted[i] for i in strict.spurious]
        loose = match_items(rest_gold, rest_pred, same_root)
        pairs = [(gold[g], predicted[p]) for g, p in strict.pairs] + [
            (rest_gold[g], rest_pred[p]) for g, p in loose.pairs
        ]
        report.root.add(Score(len(pairs), len(loose.spurious), len(loose.missed)))
        exact = match_items(gold, predicted, lambda g, p: g["cameo"] == p.cameo)
        report.code.add(Score(len(exact.pairs), len(exact.spurious), len(exact.missed)))
        for g, p in pairs:
            report.matched += 1
            report.source_right += p.source is not None and p.source.code == g["source"]
            target = p.target.code if p.target else ""
            report.target_right += target == (g.get("target") or "")
            report.modality_right += p.modality == g.get("modality", "asserted")
        for gi in loose.missed:
            g = rest_gold[gi]
            report.confusion[(_root(g["cameo"]), "-")] += 1
            report.errors.append({"id": item["id"], "kind": "missed", "gold": g})
        for pi in loose.spurious:
            p = rest_pred[pi]
            report.confusion[("-", p.root)] += 1
            report.errors.append({"id": item["id"], "kind": "spurious", "predicted": p.to_dict()})
        for g, p in pairs:
            report.confusion[(_root(g["cameo"]), p.root)] += 1
    return report
