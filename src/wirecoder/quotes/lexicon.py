"""The word lists behind quote finding, loaded once from data/quotes/*.yaml."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from wirecoder.errors import DataFileError


@dataclass(frozen=True, slots=True)
class QuoteLexicon:
    reported: frozenset[str]
    direct_only: frozenset[str]
    characterise: frozenset[str]
    blocking_heads: frozenset[str]
    name_cues: frozenset[str]
    connectors: frozenset[str]
    naming_verbs: frozenset[str]
    free_relatives: frozenset[str]
    max_short_words: int

    @property
    def direct(self) -> frozenset[str]:
        """Every verb that can attribute a direct quote."""
        return self.reported | self.direct_only


def data_dir() -> Path:
    """The folder of the shipped quote data files."""
    return Path(str(resources.files("wirecoder") / "data" / "quotes"))


def _read(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 0
        raise DataFileError("E101", path=path, line=line, reason=str(exc)) from exc
    if not isinstance(data, dict):
        raise DataFileError("E101", path=path, line=1, reason="expected a mapping of lists")
    return data


def _words(path: Path, data: dict[str, Any], key: str) -> frozenset[str]:
    value = data.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        line = _line_of(path, key)
        raise DataFileError("E101", path=path, line=line, reason=f"{key!r}: expected a word list")
    return frozenset(v.strip().lower() for v in value)


def _line_of(path: Path, key: str) -> int:
    """The line a top-level key starts on, so a bad list is easy to find."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith(f"{key}:"):
            return number
    return 0


def load_lexicon(directory: Path | None = None) -> QuoteLexicon:
    """Read verbs.yaml and not_quotes.yaml from `directory` (default: the shipped data)."""
    directory = directory or data_dir()
    verbs_path = directory / "verbs.yaml"
    cues_path = directory / "not_quotes.yaml"
    verbs = _read(verbs_path)
    cues = _read(cues_path)
    max_short = cues.get("max_short_words")
    if not isinstance(max_short, int) or max_short < 1:
        raise DataFileError(
            "E101",
            path=cues_path,
            line=_line_of(cues_path, "max_short_words"),
            reason="'max_short_words': expected a positive integer",
        )
    return QuoteLexicon(
        reported=_words(verbs_path, verbs, "reported"),
        direct_only=_words(verbs_path, verbs, "direct_only"),
        characterise=_words(verbs_path, verbs, "characterise"),
        blocking_heads=_words(verbs_path, verbs, "blocking_heads"),
        name_cues=_words(cues_path, cues, "name_cues"),
        connectors=_words(cues_path, cues, "connectors"),
        naming_verbs=_words(cues_path, cues, "naming_verbs"),
        free_relatives=_words(cues_path, cues, "free_relatives"),
        max_short_words=max_short,
    )


@lru_cache(maxsize=1)
def default_lexicon() -> QuoteLexicon:
    return load_lexicon()
