"""Scoring the event coder on PLOVER-labelled sets (`wirecoder eval plover` / `eval zsp`).

Events are compared by PLOVER type only: `Event.plover`, the type our CAMEO→PLOVER map
gives the coded CAMEO code. Names that differ between label sets and our ontology
(PLOVER 0.5 `DEMAND`, the single `YIELD` of the zero-shot set, ...) are renamed on both
sides through `data/ontology/plover_renames.tsv`. An event counts as predicted unless its
modality is `negated` (PLOVER drops negated events); hypothetical, intended and claimed
events count, as PLOVER codes them with their type and only notes the modality.
Each distinct text is parsed and coded once, alone.

Gold-standard records (`evaluate_plover_records`): a JSON array of records, each with a
`text` and one gold `event` type; records with the same text form one sentence. Per
sentence, gold is the set of its records' types and predicted the set of types of every
event coded in it; the sets give TP, FP and FN (precision, recall, F1). Sentence accuracy
is the share of sentences whose gold types are all predicted. Confusion cells: a matched
type is (type, type); a missed gold type is paired with each type predicted instead in
that sentence, or with "-" when there is none; an extra type in a sentence with no
missed type is ("-", type).

Zero-shot pairs (`evaluate_zsp_pairs`): a TSV with `sentence`, `marked_sentence` (source
in `<s>..</s>`, target in `<t>..</t>`; a mark may repeat or be absent) and `gold_root`.
An event belongs to the pair when its source overlaps a marked source span and its target
overlaps a marked target span (an absent mark does not constrain its side). Direction is
not reversed here: the coder itself codes symmetric acts (talks, agreements, clashes)
both ways; `reversed` counts the other pairs that a swap would have made right. A pair is
correct when a belonging event has the gold type, wrong when events belong but none has
it, missed when none belongs. Precision = correct / (correct + wrong); recall = accuracy
= correct / pairs (one gold type per pair). Looser figures: `source_only` ignores the
target mark; `sentence` asks only that some event in the sentence has the gold type.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from wirecoder.actors import ActorResolver, default_resolver, resolve
from wirecoder.errors import DataFileError
from wirecoder.evaluation.scoring import Score, match_items
from wirecoder.events.coder import EventCoder, Seen, default_coder
from wirecoder.model import Event, EventActor, Mention, Modality
from wirecoder.nlp import parse_many
from wirecoder.ontology import PLOVER_EVENTS

RECORDS_SCHEME = "plover-0.5"
ZSP_SCHEME = "zsp"
# The gold-standard records carry no real dates; their CAMEO-manual stories are 1990s-2000s.
RECORDS_DAY = date(2000, 1, 1)
EXCLUDED_MODALITIES: frozenset[Modality] = frozenset({"negated"})
NONE = "-"

Span = tuple[int, int]


# -- renames ------------------------------------------------------------------------------
def _renames_path() -> Path:
    return Path(str(resources.files("wirecoder") / "data" / "ontology" / "plover_renames.tsv"))


def load_renames(scheme: str, path: Path | None = None) -> dict[str, str]:
    """`name → scored_as` for one scheme of the renames table."""
    return dict(_read_renames(path or _renames_path()).get(scheme, {}))


@lru_cache(maxsize=4)
def _read_renames(path: Path) -> dict[str, dict[str, str]]:
    tables: dict[str, dict[str, str]] = {}
    header_seen = False
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        fields = [f.strip() for f in raw.split("\t")]
        if not header_seen:
            if fields != ["scheme", "name", "scored_as"]:
                reason = "header must be the tab-separated columns scheme, name, scored_as"
                raise DataFileError("E101", path=path, line=number, reason=reason)
            header_seen = True
            continue
        if len(fields) != 3 or not all(fields):
            reason = "expected three non-empty tab-separated fields: scheme, name, scored_as"
            raise DataFileError("E101", path=path, line=number, reason=reason)
        scheme, name, scored_as = fields
        if name in tables.setdefault(scheme, {}):
            reason = f"{name} is listed twice for scheme {scheme}"
            raise DataFileError("E101", path=path, line=number, reason=reason)
        tables[scheme][name] = scored_as
    return tables


class _Names:
    """Turns any type name into the name it is scored as, and checks gold names."""

    def __init__(self, scheme: str) -> None:
        self.renames = load_renames(scheme)
        self.known = PLOVER_EVENTS | frozenset(self.renames.values())

    def __call__(self, name: str) -> str:
        return self.renames.get(name, name)

    def gold(self, name: str, *, path: Path, line: int, where: str) -> str:
        scored = self(name.strip())
        if scored not in self.known:
            reason = f"{where}: {name!r} is neither a PLOVER type nor renamed in {_renames_path()}"
            raise DataFileError("E101", path=path, line=line, reason=reason)
        return scored


# -- report -------------------------------------------------------------------------------
@dataclass(slots=True)
class PloverReport:
    """Scores of one PLOVER set; `kind` says which figures apply (see the module doc)."""

    kind: Literal["records", "pairs"]
    items: int = 0
    sentences: int = 0
    score: Score = field(default_factory=Score)
    sentences_right: int = 0  # records: sentences whose gold types were all predicted
    correct: int = 0  # pairs
    wrong: int = 0
    missed: int = 0
    source_only: int = 0
    sentence_level: int = 0
    reversed: int = 0
    per_type: dict[str, Score] = field(default_factory=dict)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    errors: list[dict[str, Any]] = field(default_factory=list)

    def confusion_table(self) -> list[tuple[str, str, int]]:
        """(gold type, predicted type, count), most frequent first."""
        cells = sorted(self.confusion.items(), key=lambda c: (-c[1], c[0]))
        return [(g, p, n) for (g, p), n in cells]

    def type_score(self, name: str) -> Score:
        return self.per_type.setdefault(name, Score())

    def as_dict(self) -> dict[str, Any]:
        def share(n: int, of: int) -> float:
            return round(n / of, 4) if of else 0.0

        out: dict[str, Any] = {
            "kind": self.kind,
            "items": self.items,
            "sentences": self.sentences,
            "score": self.score.as_dict(),
        }
        if self.kind == "records":
            out["sentence_accuracy"] = share(self.sentences_right, self.sentences)
        else:
            out |= {
                "correct": self.correct,
                "wrong": self.wrong,
                "missed": self.missed,
                "accuracy": share(self.correct, self.items),
                "source_only_accuracy": share(self.source_only, self.items),
                "sentence_accuracy": share(self.sentence_level, self.items),
                "reversed": self.reversed,
            }
        out["per_type"] = {k: v.as_dict() for k, v in sorted(self.per_type.items())}
        out["confusion"] = [
            {"gold": g, "predicted": p, "count": n} for g, p, n in self.confusion_table()
        ]
        return out


# -- coding -------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Coded:
    events: tuple[Event, ...]
    seen: tuple[Seen, ...]
    mentions: tuple[Mention, ...]


def _code_texts(
    texts: Sequence[str], *, day: date | None, coder: EventCoder, resolver: ActorResolver
) -> Iterable[_Coded]:
    for doc in parse_many(texts):
        mentions = resolve(doc, day=day, resolver=resolver)
        events, seen = coder.code(doc, mentions, article_date=day)
        yield _Coded(events, seen, mentions)


def _counted(events: Iterable[Event]) -> list[Event]:
    return [e for e in events if e.plover and e.modality not in EXCLUDED_MODALITIES]


def _actor(actor: EventActor | None) -> str:
    return f"{actor.text}={actor.code}" if actor else NONE


def _diagnostics(coded: _Coded) -> dict[str, Any]:
    """What the lead needs to see why a sentence went wrong."""
    return {
        "events": [
            f"{e.plover or NONE} {e.cameo} {e.modality} '{e.trigger}' "
            f"{_actor(e.source)} -> {_actor(e.target)} [{e.rule}]"
            for e in coded.events
        ],
        "seen": [f"'{s.trigger}' [{s.rule}] {s.reason}" for s in coded.seen],
        "mentions": [f"{m.text}={m.code}" for m in coded.mentions],
    }


# -- gold-standard records ----------------------------------------------------------------
def _load_records(path: Path, names: _Names) -> dict[str, list[str]]:
    """Text → gold types of its records, in file order."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise DataFileError("E101", path=path, line=1, reason="expected a JSON array of records")
    groups: dict[str, list[str]] = {}
    for index, record in enumerate(data):
        if not isinstance(record, dict):
            reason = f"record {index} is not a JSON object"
            raise DataFileError("E101", path=path, line=0, reason=reason)
        where = f"record {index} ({record.get('id', 'no id')})"
        if record.get("event") == "DOCUMENT":
            continue
        if not record.get("text") or not record.get("event"):
            reason = f"{where}: needs a text and an event"
            raise DataFileError("E101", path=path, line=0, reason=reason)
        gold = names.gold(record["event"], path=path, line=0, where=where)
        groups.setdefault(record["text"], []).append(gold)
    return groups


def evaluate_plover_records(
    path: Path, *, coder: EventCoder | None = None, resolver: ActorResolver | None = None
) -> PloverReport:
    names = _Names(RECORDS_SCHEME)
    groups = _load_records(Path(path), names)
    coder = coder or default_coder()
    resolver = resolver or default_resolver()
    texts = list(groups)
    report = PloverReport("records", sum(map(len, groups.values())), len(texts))
    coded_texts = _code_texts(texts, day=RECORDS_DAY, coder=coder, resolver=resolver)
    for text, coded in zip(texts, coded_texts, strict=True):
        gold = sorted(set(groups[text]))
        predicted = sorted({names(e.plover) for e in _counted(coded.events) if e.plover})
        found = match_items(gold, predicted, lambda g, p: g == p)
        missed = [gold[i] for i in found.missed]
        extra = [predicted[i] for i in found.spurious]
        report.score.add(Score(len(found.pairs), len(extra), len(missed)))
        report.sentences_right += not missed
        for gi, _ in found.pairs:
            report.type_score(gold[gi]).tp += 1
            report.confusion[(gold[gi], gold[gi])] += 1
        for g in missed:
            report.type_score(g).fn += 1
            for p in extra or [NONE]:
                report.confusion[(g, p)] += 1
        for p in extra:
            report.type_score(p).fp += 1
            if not missed:
                report.confusion[(NONE, p)] += 1
        if missed or extra:
            report.errors.append(
                {"text": text, "gold": gold, "predicted": predicted, **_diagnostics(coded)}
            )
    return report


# -- zero-shot pairs ----------------------------------------------------------------------
_MARK = re.compile(r"</?([st])>")


@dataclass(frozen=True, slots=True)
class MarkedPair:
    """One labelled pair: the plain sentence and the spans of its marked actors."""

    id: str
    sentence: str
    sources: tuple[Span, ...]
    targets: tuple[Span, ...]
    gold: str


def read_marks(marked: str) -> tuple[str, tuple[Span, ...], tuple[Span, ...]]:
    """The sentence without marks, and the source and target spans (edge spaces trimmed).

    >>> read_marks("<s>Oslo</s> hosted <t>Kyiv's envoy </t>.")
    ("Oslo hosted Kyiv's envoy .", ((0, 4),), ((12, 24),))
    """
    parts: list[str] = []
    length = 0
    opened: dict[str, list[int]] = {"s": [], "t": []}
    raw: dict[str, list[Span]] = {"s": [], "t": []}
    position = 0
    for mark in _MARK.finditer(marked):
        parts.append(marked[position : mark.start()])
        length += mark.start() - position
        position = mark.end()
        tag = mark.group(1)
        if not mark.group(0).startswith("</"):
            opened[tag].append(length)
        elif opened[tag]:
            raw[tag].append((opened[tag].pop(), length))
        else:
            raise ValueError(f"</{tag}> without <{tag}> in {marked!r}")
    if opened["s"] or opened["t"]:
        raise ValueError(f"unclosed mark in {marked!r}")
    plain = "".join(parts) + marked[position:]

    def trimmed(spans: list[Span]) -> tuple[Span, ...]:
        out = []
        for start, end in sorted(spans):
            text = plain[start:end]
            start += len(text) - len(text.lstrip())
            end -= len(text) - len(text.rstrip())
            if start < end:
                out.append((start, end))
        return tuple(out)

    return plain, trimmed(raw["s"]), trimmed(raw["t"])


def load_pairs(path: Path, *, limit: int | None = None) -> list[MarkedPair]:
    names = _Names(ZSP_SCHEME)
    pairs: list[MarkedPair] = []
    with Path(path).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t")
        for row in reader:
            line = reader.line_num
            if limit is not None and len(pairs) >= limit:
                break
            missing = [c for c in ("sentence", "marked_sentence", "gold_root") if not row.get(c)]
            if missing:
                reason = f"empty or missing column(s): {', '.join(missing)}"
                raise DataFileError("E101", path=path, line=line, reason=reason)
            try:
                plain, sources, targets = read_marks(row["marked_sentence"])
            except ValueError as exc:
                raise DataFileError("E101", path=path, line=line, reason=str(exc)) from exc
            if plain != row["sentence"]:
                reason = "marked_sentence without its marks differs from sentence"
                raise DataFileError("E101", path=path, line=line, reason=reason)
            if not sources and not targets:
                raise DataFileError("E101", path=path, line=line, reason="no <s> or <t> mark")
            gold = names.gold(row["gold_root"], path=path, line=line, where="gold_root")
            pair_id = row.get("sentence_id") or str(line)
            pairs.append(MarkedPair(pair_id, row["sentence"], sources, targets, gold))
    return pairs


def _overlaps(actor: EventActor | None, spans: Sequence[Span]) -> bool:
    return actor is not None and any(s < actor.end and actor.start < e for s, e in spans)


def _belongs(event: Event, sources: Sequence[Span], targets: Sequence[Span]) -> bool:
    return (not sources or _overlaps(event.source, sources)) and (
        not targets or _overlaps(event.target, targets)
    )


def evaluate_zsp_pairs(
    path: Path,
    *,
    coder: EventCoder | None = None,
    resolver: ActorResolver | None = None,
    limit: int | None = None,
) -> PloverReport:
    names = _Names(ZSP_SCHEME)
    pairs = load_pairs(Path(path), limit=limit)
    coder = coder or default_coder()
    resolver = resolver or default_resolver()
    texts = list(dict.fromkeys(p.sentence for p in pairs))
    coded_by_text = dict(
        zip(texts, _code_texts(texts, day=None, coder=coder, resolver=resolver), strict=True)
    )
    report = PloverReport("pairs", len(pairs), len(texts))
    for pair in pairs:
        coded = coded_by_text[pair.sentence]
        events = _counted(coded.events)

        def types(chosen: Iterable[Event]) -> set[str]:
            return {names(e.plover) for e in chosen if e.plover}

        belonging = types(e for e in events if _belongs(e, pair.sources, pair.targets))
        outcome = "correct" if pair.gold in belonging else "wrong" if belonging else "missed"
        report.source_only += pair.gold in types(e for e in events if _belongs(e, pair.sources, ()))
        report.sentence_level += pair.gold in types(events)
        if outcome == "correct":
            report.correct += 1
            report.score.add(Score(tp=1))
            report.type_score(pair.gold).tp += 1
            report.confusion[(pair.gold, pair.gold)] += 1
            continue
        report.reversed += pair.gold in types(
            e for e in events if _belongs(e, pair.targets, pair.sources)
        )
        report.type_score(pair.gold).fn += 1
        if outcome == "wrong":
            report.wrong += 1
            report.score.add(Score(fp=1, fn=1))
        else:
            report.missed += 1
            report.score.add(Score(fn=1))
        for p in sorted(belonging) or [NONE]:
            report.confusion[(pair.gold, p)] += 1
            if p != NONE:
                report.type_score(p).fp += 1
        report.errors.append(
            {
                "id": pair.id,
                "text": pair.sentence,
                "sources": [pair.sentence[s:e] for s, e in pair.sources],
                "targets": [pair.sentence[s:e] for s, e in pair.targets],
                "gold": pair.gold,
                "outcome": outcome,
                "predicted": sorted(belonging),
                **_diagnostics(coded),
            }
        )
    return report
