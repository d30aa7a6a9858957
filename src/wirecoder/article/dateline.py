"""Datelines such as "Prague, 20 October 2004 (RFE/RL) -" or "KABUL (AP) —"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from wirecoder.model import Dateline

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE = (
    rf"(?:\d{{1,2}} {_MONTH},? \d{{4}}"
    rf"|{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?(?:,? \d{{4}})?"
    r"|\d{4}-\d{2}-\d{2})"
)
_PLACE = r"[A-Z][A-Za-zÀ-ÿ.'’ -]{1,40}?(?:, [A-Z][A-Za-zÀ-ÿ.'’ -]{1,30}?)?"
_DATELINE = re.compile(
    rf"^(?P<place>{_PLACE})"
    rf"(?:,\s+(?P<date>{_DATE}))?"
    r"(?:\s*\((?P<agency>[^()]{2,40})\))?"
    r"\s*(?:--?|—|–|:)\s+"
)

_FORMATS = (
    "%d %B %Y",
    "%d %b %Y",
    "%B %d %Y",
    "%b %d %Y",
    "%Y-%m-%d",
    "%B %d",
    "%b %d",
)


@dataclass(frozen=True, slots=True)
class DatelineMatch:
    dateline: Dateline
    text: str  # the dateline as printed, removed from the paragraph
    end: int


def parse_date(text: str, *, default_year: int | None = None) -> date | None:
    """Parse the date forms used in datelines; None when it is not a date."""
    cleaned = re.sub(r"(?<=\d)(st|nd|rd|th)\b", "", text.replace(",", " ").replace(".", " "))
    cleaned = " ".join(cleaned.split())
    if cleaned.lower().startswith("sept "):
        cleaned = "Sep " + cleaned[5:]
    for fmt in _FORMATS:
        try:
            parsed = datetime.strptime(cleaned, fmt)
        except ValueError:
            continue
        if "%Y" not in fmt:
            if default_year is None:
                return None
            return parsed.replace(year=default_year).date()
        return parsed.date()
    return None


def find_dateline(paragraph: str, *, default_year: int | None = None) -> DatelineMatch | None:
    """A dateline at the start of a paragraph, or None.

    A bare "Place -" counts only when the place is in capitals ("WASHINGTON —"), so an
    ordinary sentence such as "Russia - which ..." is never taken for a dateline.
    """
    m = _DATELINE.match(paragraph)
    if m is None:
        return None
    place = m.group("place").strip()
    raw_date, agency = m.group("date"), m.group("agency")
    if raw_date is None and agency is None and not (place.split(",")[0].isupper()):
        return None
    if len(place.split()) > 5:
        return None
    parsed = parse_date(raw_date, default_year=default_year) if raw_date else None
    if raw_date and parsed is None:
        return None
    city = place.split(",")[0].strip()
    if city.isupper():
        city = city.title()
    return DatelineMatch(
        dateline=Dateline(
            place=city,
            date=parsed.isoformat() if parsed else None,
            agency=agency.strip() if agency else None,
        ),
        text=m.group(0).strip(),
        end=m.end(),
    )
