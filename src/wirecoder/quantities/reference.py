"""Reference figures for plausibility checks: GDP, armed-forces sizes and thresholds.

Read once from ``gdp.tsv``, ``armed_forces.tsv`` and ``plausibility.yaml`` in
``wirecoder/data/quantities``; the headers of those files name their sources. All of
it is approximate, kept for order-of-magnitude checks only.

>>> ref = load_reference()
>>> ref.gdp_in("TJK", 2004)
(2300000000.0, 2005)
>>> ref.name["TJK"], ref.forces["TJK"]
('Tajikistan', 9000.0)
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from wirecoder.errors import DataFileError
from wirecoder.quantities._yaml import YamlFile
from wirecoder.quantities.lexicon import data_folder

REFERENCE_YEARS = (1995, 2000, 2005, 2010, 2015, 2020)


@dataclass(frozen=True, slots=True)
class Thresholds:
    max_gdp_ratio: float
    max_debt_gdp_ratio: float
    debt_words: frozenset[str]
    troops_min: float
    troops_max: float
    max_forces_ratio: float
    min_forces_ceiling: float


@dataclass(frozen=True, slots=True)
class Reference:
    gdp: Mapping[str, Mapping[int, float]]  # ISO3 -> year -> current US dollars
    forces: Mapping[str, float]  # ISO3 -> active armed forces
    name: Mapping[str, str]  # ISO3 -> English short name
    thresholds: Thresholds

    def gdp_in(self, country: str, year: int | None) -> tuple[float, int] | None:
        """GDP in the reference year nearest ``year`` that has a figure, and that year.

        Without a year the latest figure is used: the largest as a rule, so the check
        stays on the side of not flagging.
        """
        by_year = self.gdp.get(country)
        if not by_year:
            return None
        chosen = max(by_year) if year is None else _nearest(by_year, year)
        return by_year[chosen], chosen


def _nearest(years: Mapping[int, float], year: int) -> int:
    """The year nearest ``year``; of two as near, the later."""
    return min(years, key=lambda y: (abs(y - year), -y))


def _rows(path: Path) -> list[tuple[int, list[str]]]:
    """(line number, cells) of a TSV file, without its comment lines."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError("E101", path=str(path), line=0, reason=str(exc)) from exc
    numbered = [(n, line) for n, line in enumerate(lines, 1) if line and not line.startswith("#")]
    cells = csv.reader((line for _, line in numbered), delimiter="\t")
    return [(n, row) for (n, _), row in zip(numbered, cells, strict=True)]


def _figure(path: Path, line: int, text: str) -> float | None:
    if text == "-":
        return None
    try:
        value = float(text)
    except ValueError:
        reason = f"{text!r} is not a number (or - for none)"
        raise DataFileError("E101", path=str(path), line=line, reason=reason) from None
    if value < 0:
        raise DataFileError("E101", path=str(path), line=line, reason=f"{text} is negative")
    return value


def _table(path: Path, columns: tuple[str, ...]) -> list[tuple[int, str, str, list[str]]]:
    rows = _rows(path)
    if not rows or tuple(rows[0][1]) != columns:
        line = rows[0][0] if rows else 0
        reason = f"the column header must be {' '.join(columns)}"
        raise DataFileError("E101", path=str(path), line=line, reason=reason)
    out = []
    seen: set[str] = set()
    for line, row in rows[1:]:
        if len(row) != len(columns):
            reason = f"expected {len(columns)} tab-separated columns, found {len(row)}"
            raise DataFileError("E101", path=str(path), line=line, reason=reason)
        code = row[0]
        if len(code) != 3 or not code.isupper() or code in seen:
            reason = f"{code!r} is not a new ISO3 country code"
            raise DataFileError("E101", path=str(path), line=line, reason=reason)
        seen.add(code)
        out.append((line, code, row[1], row[2:]))
    return out


def _thresholds(path: Path) -> Thresholds:
    f = YamlFile(path)
    money = dict(f.mapping(f.section(f.root, "money"), "money"))
    troops = dict(f.mapping(f.section(f.root, "troops"), "troops"))
    try:
        return Thresholds(
            max_gdp_ratio=f.number(money["max_gdp_ratio"], "max_gdp_ratio"),
            max_debt_gdp_ratio=f.number(money["max_debt_gdp_ratio"], "max_debt_gdp_ratio"),
            debt_words=frozenset(w.lower() for w in f.texts(money["debt_words"], "debt_words")),
            troops_min=f.number(troops["min"], "min"),
            troops_max=f.number(troops["max"], "max"),
            max_forces_ratio=f.number(troops["max_forces_ratio"], "max_forces_ratio"),
            min_forces_ceiling=f.number(troops["min_forces_ceiling"], "min_forces_ceiling"),
        )
    except KeyError as exc:
        raise f.error(f.root, f"missing the setting {exc.args[0]!r}") from None


def read_reference(folder: Path) -> Reference:
    gdp_path = folder / "gdp.tsv"
    gdp: dict[str, Mapping[int, float]] = {}
    names: dict[str, str] = {}
    header = ("code", "name", *map(str, REFERENCE_YEARS))
    for line, code, name, cells in _table(gdp_path, header):
        names[code] = name
        figures = {
            year: value
            for year, cell in zip(REFERENCE_YEARS, cells, strict=True)
            if (value := _figure(gdp_path, line, cell)) is not None
        }
        gdp[code] = MappingProxyType(figures)
    forces_path = folder / "armed_forces.tsv"
    forces: dict[str, float] = {}
    for line, code, name, (cell,) in _table(forces_path, ("code", "name", "active")):
        names.setdefault(code, name)
        value = _figure(forces_path, line, cell)
        if value is not None:
            forces[code] = value
    return Reference(
        gdp=MappingProxyType(gdp),
        forces=MappingProxyType(forces),
        name=MappingProxyType(names),
        thresholds=_thresholds(folder / "plausibility.yaml"),
    )


@lru_cache(maxsize=1)
def load_reference() -> Reference:
    """The shipped reference figures, read and checked once per process."""
    return read_reference(data_folder())
