"""`wirecoder eval quotes FILE`: quote spans and speakers against a gold file.

Gold file: JSON lines `{"id", "date", "text", "quotes": [{"text", "start", "end",
"kind", "speaker", "speaker_code", "affiliation", "also_at"}], "not_quotes": [...]}`;
ids starting with "_" are notes, not items.

A predicted quote matches a gold one when the kinds are equal and the spans overlap by
at least half of the shorter span; each gold quote matches at most one prediction.
Direct quotes and reported speech are scored apart. Speaker accuracy is the share of
matched quotes whose predicted speaker is the gold one: their words overlap (the
predicted text or the resolved name against the gold speaker) or the names are equal.
A not-quote (a name or scare quote) counts as emitted when a predicted direct quote
covers half of it or more.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from wirecoder.actors import ActorResolver, default_resolver, resolve
from wirecoder.evaluation.scoring import Score, load_gold, match_items
from wirecoder.model import Quote, Speaker
from wirecoder.nlp import parse_many
from wirecoder.quotes import extract_quotes

_MIN_OVERLAP = 0.5
_WORD = re.compile(r"[^\W_]+")
# Words too common to tell two speakers apart.
_FUNCTION_WORDS = frozenset({"the", "a", "an", "of", "in", "for", "and", "s", "on", "at", "to"})


@dataclass(slots=True)
class QuoteReport:
    direct: Score = field(default_factory=Score)
    reported: Score = field(default_factory=Score)
    speaker_right: int = 0
    speaker_total: int = 0
    direct_speaker_right: int = 0
    direct_speaker_total: int = 0
    exact_spans: int = 0
    also_at_right: int = 0
    also_at_total: int = 0
    not_quotes: int = 0
    not_quotes_emitted: int = 0
    items: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.speaker_total if self.speaker_total else 0.0

    @property
    def direct_speaker_accuracy(self) -> float:
        total = self.direct_speaker_total
        return self.direct_speaker_right / total if total else 0.0

    def as_dict(self) -> dict[str, Any]:
        overall = Score()
        overall.add(self.direct)
        overall.add(self.reported)
        return {
            "items": self.items,
            "direct": self.direct.as_dict(),
            "reported": self.reported.as_dict(),
            "overall": overall.as_dict(),
            "speaker_accuracy": round(self.speaker_accuracy, 4),
            "speaker_matched": self.speaker_total,
            "direct_speaker_accuracy": round(self.direct_speaker_accuracy, 4),
            "exact_spans": self.exact_spans,
            "also_at": {"right": self.also_at_right, "total": self.also_at_total},
            "not_quotes": {"total": self.not_quotes, "emitted": self.not_quotes_emitted},
            "errors": len(self.errors),
        }


def overlaps_enough(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """Overlap of at least half of the shorter span."""
    shared = min(a_end, b_end) - max(a_start, b_start)
    shorter = min(a_end - a_start, b_end - b_start)
    return shorter > 0 and shared >= _MIN_OVERLAP * shorter


def _same_quote(gold: dict[str, Any], quote: Quote) -> bool:
    return gold["kind"] == quote.kind and overlaps_enough(
        int(gold["start"]), int(gold["end"]), quote.start, quote.end
    )


def _words(text: str | None) -> set[str]:
    return {w for w in _WORD.findall((text or "").lower()) if w not in _FUNCTION_WORDS}


def same_speaker(gold: str | None, predicted: Speaker | None) -> bool:
    """Surface overlap (text or resolved name) with the gold speaker, or the same name."""
    if not gold or predicted is None:
        return False
    if predicted.name and predicted.name.lower() == gold.lower():
        return True
    return bool(_words(gold) & (_words(predicted.text) | _words(predicted.name)))


def _emitted(text: str, phrase: str, quotes: list[Quote]) -> bool:
    for found in re.finditer(re.escape(phrase), text):
        start, end = found.span()
        for quote in quotes:
            shared = min(end, quote.end) - max(start, quote.start)
            if quote.kind == "direct" and shared >= _MIN_OVERLAP * (end - start):
                return True
    return False


def evaluate_quotes(path: Path, *, resolver: ActorResolver | None = None) -> QuoteReport:
    resolver = resolver or default_resolver()
    items = load_gold(path)
    report = QuoteReport(items=len(items))
    docs = parse_many(item["text"] for item in items)
    for item, doc in zip(items, docs, strict=True):
        day = date.fromisoformat(item["date"])
        mentions = resolve(doc, day=day, resolver=resolver)
        predicted = list(extract_quotes(doc, mentions))
        _score_item(report, item, predicted)
    return report


def _score_item(report: QuoteReport, item: dict[str, Any], predicted: list[Quote]) -> None:
    for kind, score in (("direct", report.direct), ("reported", report.reported)):
        gold = [g for g in item["quotes"] if g["kind"] == kind]
        mine = [q for q in predicted if q.kind == kind]
        matching = match_items(gold, mine, _same_quote)
        score.add(Score(len(matching.pairs), len(matching.spurious), len(matching.missed)))
        for gi, pi in matching.pairs:
            _score_pair(report, gold[gi], mine[pi])
            right = same_speaker(gold[gi].get("speaker"), mine[pi].speaker)
            report.speaker_total += 1
            report.speaker_right += right
            if kind == "direct":
                report.direct_speaker_total += 1
                report.direct_speaker_right += right
            if not right:
                speaker = mine[pi].speaker
                report.errors.append(
                    {
                        "id": item["id"],
                        "kind": "speaker",
                        "text": gold[gi]["text"],
                        "gold": gold[gi].get("speaker"),
                        "predicted": speaker.text if speaker else None,
                    }
                )
        for gi in matching.missed:
            report.errors.append(
                {"id": item["id"], "kind": f"missed_{kind}", "text": gold[gi]["text"]}
            )
        for pi in matching.spurious:
            report.errors.append(
                {
                    "id": item["id"],
                    "kind": f"spurious_{kind}",
                    "text": mine[pi].text,
                    "rule": mine[pi].rule,
                }
            )
    for phrase in item.get("not_quotes", []):
        report.not_quotes += 1
        if _emitted(item["text"], phrase, predicted):
            report.not_quotes_emitted += 1
            report.errors.append({"id": item["id"], "kind": "not_quote_emitted", "text": phrase})


def _score_pair(report: QuoteReport, gold: dict[str, Any], quote: Quote) -> None:
    """Exact spans, and whether the other copies (`also_at`) were found."""
    if (int(gold["start"]), int(gold["end"])) == (quote.start, quote.end):
        report.exact_spans += 1
    wanted = gold.get("also_at") or []
    if not wanted:
        return
    report.also_at_total += 1
    found = [(loc.start, loc.end) for loc in quote.also_at if loc.removed is None]
    if all(
        any(s is not None and e is not None and overlaps_enough(g[0], g[1], s, e) for s, e in found)
        for g in wanted
    ):
        report.also_at_right += 1
