"""Reading numbers as news writes them: "5,000", "1.2 million", "two thousand", "3.5bn".

``parse_number`` is the one place a numeral is turned into a value; a library such as
number-parser would plug in there.

>>> from wirecoder.quantities.lexicon import load_lexicon
>>> lexicon = load_lexicon()
>>> read = read_number(["nearly", "1.2", "million", "refugees"], 1, lexicon)
>>> read.value, read.end
(1200000.0, 3)
>>> read = read_number(["€", "5", "m"], 1, lexicon)
>>> read.value, read.abbreviation, read.abbreviation_end
(5.0, 1000000.0, 3)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from wirecoder.quantities.lexicon import Lexicon

_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+")
_DIGITS_WITH_SUFFIX = re.compile(r"(\d[\d,]*(?:\.\d+)?)([A-Za-z]+)")
_HYPHENS = {"-", "\u2010", "\u2011", "\u2013"}


@dataclass(frozen=True, slots=True)
class NumberRead:
    value: float  # with scale words applied, not the abbreviation
    end: int  # index of the first word after the number, without the abbreviation
    abbreviation: float | None  # "bn", "m" glued on or right after: for money only
    abbreviation_end: int  # the first word after the abbreviation (= end without one)
    words: bool  # written in words ("five"), not digits
    scale: float = 1.0  # what the scale words multiplied the number by


def parse_number(text: str, lexicon: Lexicon) -> float | None:
    """The value of one numeral written in digits ("5,000", "1.2") or as a word ("five")."""
    if _DIGITS.fullmatch(text):
        return float(text.replace(",", ""))
    return lexicon.number_words.get(text.lower())


def _word_number(words: Sequence[str], start: int, lexicon: Lexicon) -> tuple[float, int] | None:
    """A number in words: "five", "twenty-five", "twenty - five", "a million", "half a"."""
    first = words[start].lower()
    following = words[start + 1].lower() if start + 1 < len(words) else ""
    if first in ("a", "an") and following in lexicon.scales:
        return 1.0, start + 1
    if first == "half" and following in ("a", "an"):
        after = words[start + 2].lower() if start + 2 < len(words) else ""
        return (0.5, start + 2) if after in lexicon.scales else None
    if first == "half":
        return None
    parts = re.split(r"[-\u2010\u2011\u2013]", first)
    if len(parts) == 2 and all(p in lexicon.number_words for p in parts):
        tens, units = (lexicon.number_words[p] for p in parts)
        return (tens + units, start + 1) if tens >= 20 and units < 10 else None
    value = lexicon.number_words.get(first)
    if value is None:
        return None
    if (
        value >= 20
        and following in _HYPHENS
        and start + 2 < len(words)
        and (ones := lexicon.number_words.get(words[start + 2].lower())) is not None
        and ones < 10
    ):
        return value + ones, start + 3
    return value, start + 1


def read_number(words: Sequence[str], start: int, lexicon: Lexicon) -> NumberRead | None:
    """The number that begins at ``words[start]``, with its scale words, if one does."""
    text = words[start]
    abbreviation: float | None = None
    in_words = False
    glued = _DIGITS_WITH_SUFFIX.fullmatch(text)
    value = parse_number(text, lexicon) if not glued else None
    end = start + 1
    if glued:
        abbreviation = lexicon.abbreviations.get(glued.group(2).lower())
        if abbreviation is None or not _DIGITS.fullmatch(glued.group(1)):
            return None
        # The abbreviation is inside the token, so without money there is no number.
        value = float(glued.group(1).replace(",", ""))
        return NumberRead(value, end, abbreviation, end, False)
    if value is None or not _DIGITS.fullmatch(text):
        spelled = _word_number(words, start, lexicon)
        if spelled is None:
            return None
        value, end = spelled
        in_words = True
    scale = 1.0
    while end < len(words) and words[end].lower() in lexicon.scales:
        scale *= lexicon.scales[words[end].lower()]
        end += 1
    abbreviation_end = end
    if end < len(words) and end == start + 1 and not in_words:
        abbreviation = lexicon.abbreviations.get(words[end].lower())
        if abbreviation is not None:
            abbreviation_end = end + 1
    return NumberRead(value * scale, end, abbreviation, abbreviation_end, in_words, scale)
