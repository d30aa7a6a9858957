"""What an investigation looks into: CAMEO's kinds of investigation (091 crime and
corruption, 092 human rights abuses, 093 military action, 094 war crimes), read from
the words of its subject ("opened an investigation into war crimes" is 094)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

from wirecoder.errors import DataFileError

SUBJECTS = Path(__file__).resolve().parents[1] / "data" / "patterns" / "inquiry_subjects.tsv"
_KINDS = frozenset({"091", "092", "093", "094"})
# Whose inquiries without a named kind are into crimes: police, prosecutors, courts.
_CRIME_INVESTIGATORS = ("COP", "JUD")
_ICC = "IGOJUDICC"


@lru_cache(maxsize=1)
def load_subjects(path: Path = SUBJECTS) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(code, phrase as lemmas) rows, in the file's order."""
    rows: list[tuple[str, tuple[str, ...]]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 2 or fields[0] not in _KINDS or not fields[1].strip():
            raise DataFileError(
                "E101", path=str(path), line=number, reason="expected 'code<TAB>phrase'"
            )
        rows.append((fields[0], tuple(fields[1].split())))
    return tuple(rows)


def inquiry_code(trigger: Token, source_code: str | None) -> str:
    """The 09x code of a generic investigation (090) at `trigger`, by what it looks into
    and who looks: the ICC's are into war crimes, police and courts' into crimes."""
    lemmas = _subject_lemmas(trigger)
    found = {code for code, phrase in load_subjects() if _contains(lemmas, phrase)}
    source = source_code or ""
    for code in ("094", "092"):
        if code in found:
            return code
    if source.startswith(_ICC):
        return "094"  # "the ICC opened an investigation into crimes in Darfur"
    for code in ("093", "091"):
        if code in found:
            return code
    return "091" if source[3:].startswith(_CRIME_INVESTIGATORS) else "090"


def _subject_lemmas(trigger: Token) -> list[str]:
    """The lemmas of what the investigation is into: its object and its "into", "of"
    or "over" phrase, also where the parser hangs "into" on the verb ("opened an
    investigation on Monday into ...")."""
    heads = [c for c in trigger.children if c.dep_ in {"dobj", "nsubjpass"}]
    heads += [c for c in trigger.children if c.dep_ == "prep" and c.lower_ in _INTO]
    if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj":
        heads += [c for c in trigger.head.children if c.dep_ == "prep" and c.lower_ == "into"]
    # (Names are no subject words: "gatherings held in Downing Street".)
    return [t.lemma_.lower() for h in heads for t in h.subtree if t.pos_ != "PROPN"]


_INTO = frozenset({"into", "of", "over", "on"})


def _contains(lemmas: list[str], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(tuple(lemmas[i : i + n]) == phrase for i in range(len(lemmas) - n + 1))
