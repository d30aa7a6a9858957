"""Boilerplate rules and lead-starter words, loaded once from the package's data files."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml

from wirecoder.errors import DataFileError

Where = Literal["anywhere", "head", "tail"]
_WHERE: frozenset[str] = frozenset({"anywhere", "head", "tail"})


@dataclass(frozen=True, slots=True)
class BoilerplateRule:
    id: str
    reason: str
    pattern: re.Pattern[str]
    max_words: int
    where: Where

    def matches(self, paragraph: str) -> bool:
        return len(paragraph.split()) <= self.max_words and bool(
            self.pattern.search(paragraph.strip())
        )


def _data_path(name: str) -> Path:
    return Path(str(resources.files("wirecoder") / "data" / name))


def _read_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 0
        raise DataFileError("E101", path=path, line=line, reason=str(exc)) from exc


def load_boilerplate_rules(path: Path | None = None) -> tuple[BoilerplateRule, ...]:
    path = path or _data_path("boilerplate.yaml")
    data = _read_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise DataFileError("E101", path=path, line=1, reason="expected a mapping with 'rules'")
    rules = []
    for index, item in enumerate(data["rules"]):
        where = f"rule {index + 1}"
        if not isinstance(item, dict):
            raise DataFileError("E101", path=path, line=0, reason=f"{where}: not a mapping")
        missing = {"id", "reason", "pattern", "max_words", "where"} - item.keys()
        if missing:
            raise DataFileError(
                "E101", path=path, line=0, reason=f"{where}: missing {sorted(missing)}"
            )
        if item["where"] not in _WHERE:
            raise DataFileError(
                "E101", path=path, line=0, reason=f"{item['id']}: bad where {item['where']!r}"
            )
        try:
            pattern = re.compile(str(item["pattern"]), re.IGNORECASE)
        except re.error as exc:
            raise DataFileError(
                "E101", path=path, line=0, reason=f"{item['id']}: bad pattern: {exc}"
            ) from exc
        rules.append(
            BoilerplateRule(
                id=str(item["id"]),
                reason=str(item["reason"]),
                pattern=pattern,
                max_words=int(item["max_words"]),
                where=item["where"],
            )
        )
    return tuple(rules)


@lru_cache(maxsize=1)
def default_rules() -> tuple[BoilerplateRule, ...]:
    return load_boilerplate_rules()


def _word_list(key: str) -> frozenset[str]:
    path = _data_path("lead_starters.yaml")
    data = _read_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        raise DataFileError("E101", path=path, line=1, reason=f"expected a list '{key}'")
    return frozenset(str(w).lower() for w in data[key])


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """Lower-cased title and role words that follow a country adjective in a lead."""
    return _word_list("titles")


@lru_cache(maxsize=1)
def lead_starters() -> frozenset[str]:
    """Lower-cased words that can open a lead sentence, incl. country names and adjectives."""
    words = set(_word_list("words") | title_words())
    countries = _data_path("actors/countries.yaml")
    if countries.exists():
        for entry in _read_yaml(countries) or []:
            for key in ("names", "adjectives"):
                for name in entry.get(key, []) or []:
                    words.add(str(name).split()[0].lower())
    return frozenset(words)
