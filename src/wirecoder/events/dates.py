"""When an event happened: the article's date, moved by the time expressions of its sentence.

`time_expressions` finds every time expression in a sentence (weekdays, "yesterday",
"last week", "in March", "on 11 September 2001", "since 2001", "next week" ...) and
resolves it against the article date; `event_date` picks the one that governs the
trigger in the dependency tree and turns it into an `EventDate`.

Conventions (the gold set's): day and week dates are written YYYY-MM-DD (a week by its
Monday), months YYYY-MM, years YYYY. A weekday is the most recent such day on or before
the article date; "last week" and a past weekend are the previous ISO week. An event is
historical when its period ends more than 30 days before the article date. Future
expressions and durations ("next week", "in the past 12 years", "since 2001") never
move the date away from the article's: the date of an intended event is the day the
intent was voiced, and an ongoing state takes the article date.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Literal

from dateparser.date import DateDataParser  # type: ignore[import-untyped]
from spacy.tokens import Doc, Span, Token

from wirecoder.nlp import entities_in, sentence_of, span_text
from wirecoder.quotes.lexicon import default_lexicon

__all__ = [
    "EventDate",
    "Precision",
    "TimeExpression",
    "clause_distance",
    "event_date",
    "time_expressions",
]

Precision = Literal["day", "week", "month", "year"]
Mode = Literal["date", "keep", "future", "offset"]

HISTORICAL_DAYS = 30


@dataclass(frozen=True, slots=True)
class EventDate:
    date: str | None  # "2004-10-20", "2001-09", "2001"; None when nothing dates the event
    precision: Precision | None
    historical: bool
    expression: str | None  # the time expression that decided, as written
    start: int | None  # its character offsets in the document text
    end: int | None
    rule: str


@dataclass(frozen=True, slots=True)
class Period:
    """A stretch of days and the precision it is reported at."""

    first: date
    last: date
    precision: Precision

    @property
    def label(self) -> str:
        if self.precision == "year":
            return f"{self.first.year:04d}"
        if self.precision == "month":
            return f"{self.first.year:04d}-{self.first.month:02d}"
        return self.first.isoformat()


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A time expression of a sentence, resolved against the article date.

    ``mode`` says how it bears on an event: ``date`` moves the event's date to
    ``period``; ``keep`` (since, durations) and ``future`` leave the article date;
    ``offset`` ("two weeks after they were seized") dates the clause it introduces from
    the date of the clause above it, ``amount`` units of ``unit`` earlier (or later).
    ``period`` is None when it cannot be resolved (an undated article, a duration).
    """

    text: str
    start: int
    end: int
    rule: str
    mode: Mode
    period: Period | None
    amount: int = 0
    unit: str = ""


# ---------------------------------------------------------------------------------------
# Calendar arithmetic


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _day(day: date) -> Period:
    return Period(day, day, "day")


def _week(day: date) -> Period:
    monday = _monday(day)
    return Period(monday, monday + timedelta(days=6), "week")


def _month(year: int, month: int) -> Period:
    last = calendar.monthrange(year, month)[1]
    return Period(date(year, month, 1), date(year, month, last), "month")


def _year(year: int) -> Period:
    return Period(date(year, 1, 1), date(year, 12, 31), "year")


def _shift_months(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _valid_day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------
# Vocabulary (calendar names come from the standard library, in English)

_MONTHS: dict[str, int] = {}
for _index in range(1, 13):
    _MONTHS[calendar.month_name[_index].lower()] = _index
    _MONTHS[calendar.month_abbr[_index].lower()] = _index
_MONTHS["sept"] = 9

_WEEKDAYS = {calendar.day_name[i].lower(): i for i in range(7)}

_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "a couple of": 2,
}

# Seasons of the northern hemisphere, where most wire copy is written.
# Winter is taken as its January and February, the part that carries the year's number.
_SEASONS = {
    "winter": (1, 2),
    "spring": (3, 5),
    "summer": (6, 8),
    "autumn": (9, 11),
    "fall": (9, 11),
}

# Month names are matched case-sensitively ("May" the month, not "may" the verb).
_MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?"
    r"|Dec\.?)"
)
_WEEKDAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR_RE = r"(?:1[6-9]\d\d|20\d\d)"
_YEAR = re.compile(_YEAR_RE)
_DAYNUM_RE = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_NUMBER_RE = (
    r"(?i:\d+|a couple of|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
)
_PREP_RE = r"(?i:on|in|since|by|until|till|during|through|throughout|from|over|of|at|before|after)"
_PART_RE = r"(?i:early|late|mid-?|the\s+(?:end|beginning|start|middle)\s+of)"
_POSS = r"(?:['’]s)?"


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


# Ordered: the first pattern to claim characters keeps them.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # Decades and spans that are not event dates; claimed so that their years are not read.
    ("decade", _rx(r"(?i:\b(?:the\s+)?(?:1[6-9]|20)\d0['’]?s\b)")),
    (
        "duration",
        _rx(
            r"(?i:\b(?:in|over|during|for|within)\s+the\s+(?:past|last|previous|next|coming)"
            r"\s+(?:(?:\d+|few|several|two|three|four|five|six|seven|eight|nine|ten|eleven"
            r"|twelve|twenty|thirty|forty|fifty)\s+)?(?:days?|weeks?|months?|years?|decades?"
            r"|centur(?:y|ies))\b)"
        ),
    ),
    (
        "future",
        _rx(
            r"(?i:\b(?:in\s+(?:the\s+)?future|in\s+the\s+coming\s+(?:days|weeks|months|years)"
            r"|(?:the\s+day\s+after\s+)?tomorrow|next\s+(?:week|weekend|month|year)"
            r"|(?:early|later?)\s+next\s+(?:week|month|year)|later\s+this\s+(?:week|month|year)"
            r"|later\s+today|tonight)\b)"
            r"|(?i:\bnext\s+)" + _WEEKDAY_RE + r"\b"
        ),
    ),
    (
        "offset",
        _rx(
            r"(?i:\b(?:(?:nearly|almost|about|some|more\s+than|less\s+than|just|only|barely"
            r"|exactly|over)\s+)?)(?P<n>" + _NUMBER_RE + r")\s+(?i:(?P<unit>day|week|month|year)s?"
            r"\s+(?P<dir>after|before|later|earlier)\b)"
        ),
    ),
    (
        "ago",
        _rx(
            r"(?i:\b(?P<n>\d+|a\s+couple\s+of|an?|one|two|three|four|five|six|seven|eight|nine"
            r"|ten|eleven|twelve|a\s+few|several)\s+(?P<unit>day|week|month|year)s?\s+ago\b)"
        ),
    ),
    (
        "aftermath_of",
        _rx(
            r"(?i:\b(?:in\s+)?the\s+(?:immediate\s+)?(?:aftermath|wake)\s+of\s+(?:the\s+)?)"
            r"(?:(?P<d1>"
            + _DAYNUM_RE
            + r")\s+(?P<m1>"
            + _MONTH_RE
            + r"),?\s+(?P<y1>"
            + _YEAR_RE
            + r")|(?P<m2>"
            + _MONTH_RE
            + r")\s+(?P<d2>"
            + _DAYNUM_RE
            + r"),?\s+(?P<y2>"
            + _YEAR_RE
            + r")|(?P<m3>"
            + _MONTH_RE
            + r"),?\s+(?P<y3>"
            + _YEAR_RE
            + r")|(?P<y4>"
            + _YEAR_RE
            + r"))\b"
        ),
    ),
    (
        "explicit_day",
        _rx(
            r"(?:\b" + _PREP_RE + r"\s+)?(?:(?:" + _WEEKDAY_RE + r"),?\s+)?(?:the\s+)?"
            r"(?:(?P<d1>"
            + _DAYNUM_RE
            + r")\s+(?:of\s+)?(?P<m1>"
            + _MONTH_RE
            + r"),?\s+(?P<y1>"
            + _YEAR_RE
            + r")|(?P<m2>"
            + _MONTH_RE
            + r")\s+(?P<d2>"
            + _DAYNUM_RE
            + r"),?\s+(?P<y2>"
            + _YEAR_RE
            + r"))\b"
        ),
    ),
    (
        "explicit_month",
        _rx(
            r"(?:\b" + _PREP_RE + r"\s+)?(?:" + _PART_RE + r"\s*)?(?P<m>" + _MONTH_RE + r"),?\s+"
            r"(?:of\s+)?(?P<y>" + _YEAR_RE + r")\b" + _POSS
        ),
    ),
    (
        "season",
        _rx(
            r"(?i:\b(?:(?:in|during|by|since)\s+)?(?:(?:the\s+)?(?:early|late)\s+)?(?:the\s+)?"
            r"(?P<s>spring|summer|autumn|fall|winter)\s+(?:of\s+)?)(?P<y>" + _YEAR_RE + r")\b"
            r"|(?i:\b(?:(?:in|during|by|since)\s+)?(?P<rel>last|this)\s+(?P<s2>spring|summer"
            r"|autumn|fall|winter)\b)"
        ),
    ),
    (
        "day_month",
        _rx(
            r"(?:\b" + _PREP_RE + r"\s+)?(?:(?:" + _WEEKDAY_RE + r"),?\s+)?(?:the\s+)?"
            r"(?:(?P<d1>" + _DAYNUM_RE + r")\s+(?:of\s+)?(?P<m1>" + _MONTH_RE + r")"
            r"|(?P<m2>" + _MONTH_RE + r")\s+(?P<d2>" + _DAYNUM_RE + r"))\b(?![,\s]*\d)" + _POSS
        ),
    ),
    (
        "yesterday",
        _rx(
            r"(?i:\b(?:the\s+day\s+before\s+yesterday|yesterday|last\s+night|today"
            r"|this\s+(?:morning|afternoon|evening)|earlier\s+today)\b)" + _POSS
        ),
    ),
    (
        "weekend",
        _rx(
            r"(?i:\b(?:(?:at|over|during|on)\s+the|last|this(?:\s+past)?|the\s+past)\s+"
            r"weekend\b)" + _POSS
        ),
    ),
    (
        "relative_period",
        _rx(
            r"(?i:\b(?P<lead>(?:(?:early|earlier|late)\s+)?(?:last|this|the\s+previous)|earlier"
            r"\s+this|(?:early|late)\s+last)\s+(?P<unit>week|month|year)\b)" + _POSS
        ),
    ),
    (
        "weekday",
        _rx(
            r"(?:\b(?i:(?P<lead>last|on|this|since|by|until|from|late|early)\s+))?"
            r"(?P<wd>" + _WEEKDAY_RE + r")" + _POSS + r"(?:\s+(?i:morning|afternoon|evening"
            r"|night))?\b"
        ),
    ),
    (
        "in_month",
        _rx(
            r"(?:\b(?P<lead>(?i:last|this|next|in|since|by|until|till|during|through|from"
            r"|before|after|early|late|mid-?|the\s+end\s+of|the\s+beginning\s+of|the\s+start"
            r"\s+of|the\s+middle\s+of|earlier\s+in|later\s+in))\s*(?:(?i:early|late|mid-?)\s*)?"
            r"(?P<m>" + _MONTH_RE + r")\b" + _POSS + r"|\b(?P<m2>" + _MONTH_RE + r")['’]s)"
        ),
    ),
    (
        "explicit_year",
        _rx(
            r"(?:\b(?:(?i:in|by|since|until|during)\s+)?(?P<lead>"
            + _PREP_RE
            + r"|(?i:early|late|mid-?|the\s+end\s+of|the\s+beginning"
            r"\s+of|the\s+start\s+of|the\s+middle\s+of))\s*)(?P<y>" + _YEAR_RE + r")\b(?![-–]\d)"
        ),
    ),
)

# Modals look ahead too ("talks may resume in May"), unless followed by "have".
_FUTURE_AUX = {"will", "'ll", "wo", "shall", "would", "may", "might", "could", "should", "must"}
# Lemmas whose complement lies ahead: "planned for April", "agreed to meet in May".
_FUTURE_HEADS = {"plan", "schedule", "expect", "due", "intend", "slate"}
_INTENT_HEADS = {
    "agree",
    "promise",
    "pledge",
    "vow",
    "decide",
    "want",
    "aim",
    "prepare",
    "hope",
    "threaten",
    "offer",
    "propose",
    "seek",
    "urge",
    "ask",
    "call",
}
# A noun event after one of these is past ("after Friday's massacre"), before one ahead.
_PAST_LINKS = {"after", "following", "since"}
_AHEAD_LINKS = {"ahead", "before", "until"}
_SINCE = {"since"}


# What every match of a rule contains: a cheap test before the costly pattern. Words are
# looked up as substrings (lower-cased text for "fold" gates), which is many times faster
# than a regular expression of alternatives; digits need a pattern.
@dataclass(frozen=True, slots=True)
class _Gate:
    words: tuple[str, ...] = ()
    fold: bool = True
    pattern: re.Pattern[str] | None = None

    def opens(self, text: str, lowered: str) -> bool:
        if self.pattern is not None:
            return self.pattern.search(text) is not None
        haystack = lowered if self.fold else text
        return any(word in haystack for word in self.words)


_MONTHS_GATE = _Gate(tuple(calendar.month_abbr[1:]), fold=False)  # "Jan" ... "Dec"
_RELATIVE_GATE = _Gate(("past", "last", "previous", "next", "coming"))
_GATES: dict[str, _Gate] = {
    "decade": _Gate(pattern=re.compile(r"\d0['’]?s")),
    "duration": _RELATIVE_GATE,
    "future": _Gate(("future", "coming", "tomorrow", "next", "later", "tonight")),
    "offset": _Gate(("after", "before", "later", "earlier")),
    "ago": _Gate(("ago",)),
    "aftermath_of": _Gate(("aftermath", "wake")),
    "explicit_day": _MONTHS_GATE,
    "explicit_month": _MONTHS_GATE,
    "season": _Gate(("spring", "summer", "autumn", "fall", "winter")),
    "day_month": _MONTHS_GATE,
    "yesterday": _Gate(("yesterday", "night", "today", "morning", "afternoon", "evening")),
    "weekend": _Gate(("weekend",)),
    "relative_period": _Gate(("week", "month", "year")),
    "weekday": _Gate(tuple(calendar.day_name), fold=False),
    "in_month": _MONTHS_GATE,
    "explicit_year": _Gate(pattern=_YEAR),
}

# Each rule with its gate, in pattern order; a rule without a gate fails at import.
_GATED_PATTERNS = tuple((rule, _GATES[rule], pattern) for rule, pattern in _PATTERNS)

# ---------------------------------------------------------------------------------------
# Finding and resolving expressions


def time_expressions(sentence: Span, article_date: date | None) -> list[TimeExpression]:
    """Every time expression of the sentence, in text order, resolved where possible."""
    text = span_text(sentence)
    base = sentence.start_char
    taken = [False] * len(text)
    found: list[TimeExpression] = []
    lowered = text.lower()
    gates: dict[int, bool] = {}  # several rules share one gate
    for rule, gate, pattern in _GATED_PATTERNS:
        # Most sentences hold a weekday at most: a word every match of the rule must
        # contain rules it out before its costly pattern runs (a third of coding time).
        open_ = gates.get(id(gate))
        if open_ is None:
            open_ = gates[id(gate)] = gate.opens(text, lowered)
        if not open_:
            continue
        for match in pattern.finditer(text):
            start, end = match.span()
            if start == end or any(taken[start:end]):
                continue
            expression = _resolve(rule, match, sentence, base, article_date)
            for i in range(start, end):
                taken[i] = True
            if expression is not None:
                found.append(expression)
    found.extend(_date_entities(sentence, article_date, taken))
    found.sort(key=lambda e: e.start)
    return found


@dataclass(frozen=True, slots=True)
class _Match:
    """One pattern match, with what its resolver needs."""

    rule: str
    text: str
    start: int  # document offsets
    end: int
    groups: dict[str, str]
    article: date | None
    future: bool  # the expression hangs on a verb that looks ahead

    @property
    def lead(self) -> str:
        return (self.groups.get("lead") or self.text.split()[0]).lower()

    def made(self, rule: str, mode: Mode, period: Period | None) -> TimeExpression:
        return TimeExpression(self.text, self.start, self.end, rule, mode, period)

    def dated(self, rule: str, period: Period | None) -> TimeExpression:
        """A past date, unless the wording (since) or the date itself (future) says
        it leaves the article date alone."""
        if self.lead in _SINCE:
            return self.made("since", "keep", period)
        if period is not None and self.article is not None and period.first > self.article:
            return self.made(rule, "future", period)
        return self.made(rule, "date", period)


def _resolve(
    rule: str, match: re.Match[str], sentence: Span, base: int, article: date | None
) -> TimeExpression | None:
    start, end = base + match.start(), base + match.end()
    groups = {k: v for k, v in match.groupdict().items() if v is not None}
    found = _Match(
        rule,
        match.group(0),
        start,
        end,
        groups,
        article,
        _future_context(sentence.doc, start, end),
    )
    if rule in _RELATIVE and article is None:
        return found.dated(rule, None)
    return _RESOLVERS[rule](found)


def _decade(m: _Match) -> TimeExpression | None:
    return None  # claimed only so that "the 1990s" is not read as the year 1990


def _duration(m: _Match) -> TimeExpression | None:
    return m.made("duration", "keep", None)


def _future(m: _Match) -> TimeExpression | None:
    return m.made("future", "future", None)


def _offset(m: _Match) -> TimeExpression | None:
    sign = -1 if m.groups["dir"].lower() in ("before", "earlier") else 1
    amount = _number(m.groups["n"])
    if amount < 0:
        return None  # "a few days after": too vague to count back from
    unit = m.groups["unit"].lower()
    return TimeExpression(m.text, m.start, m.end, "offset", "offset", None, amount * sign, unit)


def _ago(m: _Match) -> TimeExpression | None:
    assert m.article is not None
    amount = _number(m.groups["n"])
    unit = m.groups["unit"].lower()
    fuzzy = amount < 0  # "a few days ago": a week around three days back
    return m.made("ago", "date", _back(m.article, abs(amount), unit, fuzzy=fuzzy))


def _absolute_date(m: _Match) -> TimeExpression | None:
    period = _absolute(m.groups)
    if period is None:
        return None
    if m.rule == "aftermath_of" and period.precision == "day":
        # The aftermath of a dated event is the weeks after it, not that day.
        period = _month(period.first.year, period.first.month)
    found = m.dated(m.rule, period)
    return replace(found, rule="future") if found.mode == "future" else found


def _season_date(m: _Match) -> TimeExpression | None:
    return m.made("season", "date", _season(m.groups, m.article))


def _day_month_date(m: _Match) -> TimeExpression | None:
    assert m.article is not None
    day = int(re.sub(r"\D", "", m.groups.get("d1") or m.groups.get("d2") or "0"))
    month = _month_number(m.groups.get("m1") or m.groups.get("m2") or "")
    period = _day_month(m.article, month, day, future=m.future)
    return None if period is None else m.dated("day_month", period)


def _yesterday(m: _Match) -> TimeExpression | None:
    assert m.article is not None
    lowered = m.text.lower()
    if "before yesterday" in lowered:
        return m.made("yesterday", "date", _day(m.article - timedelta(days=2)))
    if "yesterday" in lowered:
        return m.made("yesterday", "date", _day(m.article - timedelta(days=1)))
    if "last night" in lowered:
        return m.made("last_night", "date", _day(m.article - timedelta(days=1)))
    return m.made("today", "date", _day(m.article))


def _weekend(m: _Match) -> TimeExpression | None:
    """The weekend just past is the previous ISO week; on a Saturday or Sunday, this one."""
    assert m.article is not None
    words = m.text.lower().split()
    saturday_or_sunday = m.article.weekday() >= 5
    if "this" in words and "past" not in words and not saturday_or_sunday:
        return m.made("weekend", "future", None)
    if saturday_or_sunday and words[0] != "last":
        return m.made("weekend", "date", _week(m.article))
    return m.made("weekend", "date", _week(m.article - timedelta(days=7)))


def _relative_period(m: _Match) -> TimeExpression | None:
    assert m.article is not None
    article = m.article
    lead = " ".join(m.groups["lead"].lower().split())
    unit = m.groups["unit"].lower()
    last = "last" in lead or "previous" in lead
    current: Mode = "future" if m.future else "date"
    if unit == "week":
        if last:
            return m.made("last_week", "date", _week(article - timedelta(days=7)))
        return m.made("this_week", current, _week(article))
    if unit == "month":
        if last:
            return m.made("last_month", "date", _month(*_shift_months(article, -1)))
        return m.made("this_month", current, _month(article.year, article.month))
    if last:
        return m.made("last_year", "date", _year(article.year - 1))
    return m.made("this_year", current, _year(article.year))


def _weekday(m: _Match) -> TimeExpression | None:
    """The most recent such day on or before the article date ("last": before it); the
    next one when the verb looks ahead ("will meet on Monday")."""
    assert m.article is not None
    weekday = _WEEKDAYS[m.groups["wd"].lower()]
    back = (m.article.weekday() - weekday) % 7
    if m.lead == "last":
        back = back or 7
    elif m.future and back:
        return m.made("weekday", "future", _day(m.article + timedelta(days=7 - back)))
    return m.dated("weekday", _day(m.article - timedelta(days=back)))


def _in_month(m: _Match) -> TimeExpression | None:
    """The most recent such month up to the article's ("last": before it); the next
    one when the verb looks ahead ("will hold a referendum in May")."""
    assert m.article is not None
    article = m.article
    month = _month_number(m.groups.get("m") or m.groups.get("m2") or "")
    lead = (m.groups.get("lead") or "").lower()
    if lead == "next":
        return m.made("future", "future", None)
    if lead == "last":
        year = article.year if month < article.month else article.year - 1
        return m.made("last_month_name", "date", _month(year, month))
    if m.future and month != article.month:
        year = article.year if month > article.month else article.year + 1
        return m.made("in_month", "future", _month(year, month))
    year = article.year if month <= article.month else article.year - 1
    return m.dated("in_month", _month(year, month))


_RESOLVERS: dict[str, Callable[[_Match], TimeExpression | None]] = {
    "decade": _decade,
    "duration": _duration,
    "future": _future,
    "offset": _offset,
    "ago": _ago,
    "aftermath_of": _absolute_date,
    "explicit_day": _absolute_date,
    "explicit_month": _absolute_date,
    "explicit_year": _absolute_date,
    "season": _season_date,
    "day_month": _day_month_date,
    "yesterday": _yesterday,
    "weekend": _weekend,
    "relative_period": _relative_period,
    "weekday": _weekday,
    "in_month": _in_month,
}
# Rules that count from the article date, so resolve to nothing in an undated article.
_RELATIVE = {
    "ago",
    "day_month",
    "yesterday",
    "weekend",
    "relative_period",
    "weekday",
    "in_month",
}


def _number(words: str) -> int:
    """An amount as a number; vague amounts ("a few", "several") come back negative."""
    words = " ".join(words.lower().split())
    if words.isdigit():
        return int(words)
    if words in ("a few", "several"):
        return -3
    return _NUMBERS.get(words, 1)


def _back(article: date, amount: int, unit: str, *, fuzzy: bool) -> Period:
    if unit == "day":
        then = article - timedelta(days=amount)
        return _week(then) if fuzzy else _day(then)
    if unit == "week":
        then = article - timedelta(days=7 * amount)
        return _month(then.year, then.month) if fuzzy else _week(then)
    if unit == "month":
        year, month = _shift_months(article, -amount)
        return _year(year) if fuzzy else _month(year, month)
    return _year(article.year - amount)


def _month_number(name: str) -> int:
    return _MONTHS[name.rstrip(".").lower()]


def _absolute(groups: dict[str, str]) -> Period | None:
    year_text = next((groups[k] for k in ("y1", "y2", "y3", "y4", "y") if k in groups), None)
    if year_text is None:
        return None
    year = int(year_text)
    month_text = next((groups[k] for k in ("m1", "m2", "m3", "m") if k in groups), None)
    if month_text is None:
        return _year(year)
    month = _month_number(month_text)
    day_text = next((groups[k] for k in ("d1", "d2") if k in groups), None)
    if day_text is None:
        return _month(year, month)
    day = _valid_day(year, month, int(re.sub(r"\D", "", day_text)))
    return _day(day) if day else None


def _day_month(article: date, month: int, day: int, *, future: bool) -> Period | None:
    """The latest such date on or before the article (the first on or after it when the
    verb looks ahead)."""
    years = range(article.year - 2, article.year + 2)
    dates = [d for d in (_valid_day(y, month, day) for y in years) if d is not None]
    if future:
        ahead = [d for d in dates if d >= article]
        return _day(min(ahead)) if ahead else None
    behind = [d for d in dates if d <= article]
    return _day(max(behind)) if behind else None


def _season(groups: dict[str, str], article: date | None) -> Period | None:
    """A season, reported at year precision; its own months decide `historical`."""
    name = (groups.get("s") or groups.get("s2") or "").lower()
    first, last = _SEASONS[name]
    if "y" in groups:
        year = int(groups["y"])
    elif article is None:
        return None
    elif groups.get("rel", "").lower() == "last":
        # the latest such season that is over
        year = article.year if article.month > last else article.year - 1
    else:
        year = article.year
    return Period(date(year, first, 1), _month(year, last).last, "year")


def _future_context(doc: Doc, start: int, end: int) -> bool:
    """True when the expression hangs on a verb that looks ahead (will, would, planned)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    token, nominal = _governor(span)
    if nominal and token.head != token and token.dep_ == "pobj":
        link = token.head.lower_
        if link in _PAST_LINKS:
            return False
        if link in _AHEAD_LINKS:
            return True
    for _step in range(6):
        if token.lemma_ in _FUTURE_HEADS:
            return True
        if token.pos_ in ("VERB", "AUX"):
            return _looks_ahead(token)
        if token.head == token:
            return False
        token = token.head
    return False


def _looks_ahead(verb: Token) -> bool:
    children = list(verb.children)
    if any(c.lower_ == "have" and c.dep_ == "aux" for c in children):
        return False
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in _FUTURE_AUX for c in children):
        return True
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in children):
        # an infinitive under a verb of planning or promising ("agreed to meet in May")
        return verb.head != verb and verb.head.lemma_ in _FUTURE_HEADS | _INTENT_HEADS
    return False


# Only absolute forms go to dateparser: a year, a month name or a numeric date. Spans of
# time ("100 days", "two decades") are not dates.
_ABSOLUTE = re.compile(_YEAR_RE + "|" + _MONTH_RE + r"|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b")
_SPAN_WORDS = re.compile(r"(?i)\b(?:days?|weeks?|months?|years?|decades?|centur(?:y|ies)|ago)\b")

_PARSER_SETTINGS = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}


@lru_cache(maxsize=64)
def _date_parser(base: date) -> DateDataParser:
    settings = dict(_PARSER_SETTINGS, RELATIVE_BASE=datetime(base.year, base.month, base.day))
    return DateDataParser(languages=["en"], settings=settings)


_MONTH_NAMES = frozenset(calendar.month_name[1:])  # written in full: "October"


def _plain_period(text: str, base: date) -> Period | None:
    """A bare year or month name read as dateparser reads it (a month is the last one
    on or before the base date), without its cost of milliseconds per call."""
    if _YEAR.fullmatch(text):
        return _year(int(text))
    if text not in _MONTH_NAMES:
        return None
    month = _month_number(text)
    return _month(base.year if month <= base.month else base.year - 1, month)


def _date_entities(
    sentence: Span, article: date | None, taken: list[bool]
) -> Iterator[TimeExpression]:
    """spaCy DATE entities the patterns missed, read by dateparser (absolute forms only)."""
    base = sentence.start_char
    for ent in entities_in(sentence):
        if ent.label_ != "DATE" or not _ABSOLUTE.search(ent.text) or _SPAN_WORDS.search(ent.text):
            continue
        start, end = ent.start_char - base, ent.end_char - base
        if any(taken[start:end]):
            continue
        period = _plain_period(ent.text, article or date.today())
        if period is None:
            data = _date_parser(article or date.today()).get_date_data(ent.text)
            if data.date_obj is None:
                continue
            day = data.date_obj.date()
            period = {
                "day": _day(day),
                "week": _week(day),
                "month": _month(day.year, day.month),
                "year": _year(day.year),
            }.get(data.period)
        if period is None:
            continue
        if article is None and not _YEAR.search(ent.text):
            continue
        mode: Mode = "future" if article is not None and period.first > article else "date"
        yield TimeExpression(ent.text, ent.start_char, ent.end_char, "dateparser", mode, period)


# ---------------------------------------------------------------------------------------
# Which expression governs the trigger

# Dependencies that open a clause: an expression below one belongs to that clause.
_CLAUSAL = {
    "ccomp",
    "xcomp",
    "advcl",
    "relcl",
    "acl",
    "csubj",
    "csubjpass",
    "parataxis",
    "pcomp",
}
# Dependencies by which a date describes a noun ("Sunday's bombing", "the 2006 killing",
# "the downing last November").
_NOMINAL = {"poss", "compound", "nummod", "amod", "nmod", "npadvmod", "tmod"}
_REPORTED = {"ccomp", "parataxis"}
_VERBAL = {"VERB", "AUX", "ADJ"}
_ADVERBIAL = {"prep", "npadvmod", "advmod", "pobj", "tmod", "obl"}


def _governor(span: Span) -> tuple[Token, bool]:
    """The word an expression modifies, and whether it modifies it as a noun modifier."""
    root = span.root
    before = span.doc[span.start - 1] if span.start > sentence_of(span[0]).start else None
    if before is not None and before.pos_ == "VERB" and root.dep_ in _ADVERBIAL:
        # "said on Tuesday it would ...": the small parser often hangs the day on the
        # reported verb; an expression right after a verb belongs to that verb.
        return before, False
    head = root.head
    while head != head.head and (head.pos_ == "ADP" or head.dep_ in ("prep", "agent")):
        head = head.head
    if head == root:
        return root, False
    nominal = root.dep_ in _NOMINAL and head.pos_ in ("NOUN", "PROPN")
    return head, nominal


def clause_distance(
    trigger: Token, governor: Token, *, nominal: bool = False, strict: bool = False
) -> float | None:
    """How far `governor` is from `trigger` for the purpose of modifying it, or None.

    An expression on the trigger itself costs 0; on an ancestor, one per step up (the
    clause above dates a clause below that has no date of its own); on a descendant,
    one per step down plus a half. A verbal trigger does not reach into a clause of its
    own (a relative, adverbial or complement clause) except an infinitive or participle
    complement at a higher cost and a reporting clause that follows it ("..., officials
    said on Monday"); nor into a noun modifier of one of its arguments ("suspects in
    last November's attacks" does not date the handing over). Conjuncts share cheaply.
    `strict` keeps to the trigger's own statement, as places need: no reporting clause
    above or below it (where something was said is not where it happened) and no
    participle clause of an argument.
    """
    reach = _reach(trigger, governor, nominal=nominal, strict=strict)
    return None if reach is None else reach[0]


def _reach(
    trigger: Token, governor: Token, *, nominal: bool, strict: bool = False
) -> tuple[float, bool] | None:
    """`clause_distance` and whether the path crosses into another clause."""
    if governor == trigger:
        return 0.0, False
    if governor.is_ancestor(trigger):
        crossed = False
        previous = trigger
        for steps, ancestor in enumerate(trigger.ancestors, start=1):
            if strict and previous.dep_ in _REPORTED:
                return None
            crossed = crossed or previous.dep_ in _CLAUSAL
            if ancestor == governor:
                return float(steps), crossed
            previous = ancestor
    if not trigger.is_ancestor(governor):
        return None
    verbal = trigger.pos_ in _VERBAL
    if verbal and nominal:
        return None
    cost, crossed = 0.5, False
    token = governor
    while token != trigger:
        dep = token.dep_
        if dep == "conj":
            cost += 0.25
        elif not verbal or dep not in _CLAUSAL:
            cost += 1.0
        elif dep == "xcomp" or (dep == "acl" and not strict):
            cost += 2.0
        elif dep in _REPORTED and not strict and token.i > trigger.i and _reporting(token):
            cost += 1.0
            crossed = True
        else:
            return None
        token = token.head
    return cost, crossed


def _reporting(token: Token) -> bool:
    return token.lemma_.lower() in default_lexicon().reported


def _ongoing(trigger: Token) -> bool:
    """A present perfect ("has massed troops") reports a state that runs to the article
    date, so it takes no date from the clause that reports it."""
    if trigger.tag_ != "VBN":
        return False
    return any(c.dep_ == "aux" and c.lower_ in ("has", "have", "'ve") for c in trigger.children)


def _below_expression(trigger: Token, span: Span) -> int | None:
    """Steps from the trigger up to the expression when the trigger's clause hangs on it
    ("October 2001, when Tashkent let ..."), else None."""
    previous = trigger
    for steps, ancestor in enumerate(trigger.ancestors, start=1):
        if ancestor in span:
            return steps if previous.dep_ in ("relcl", "acl", "advcl") else None
        previous = ancestor
    return None


@dataclass(frozen=True, slots=True)
class _Choice:
    cost: float
    gap: int
    expression: TimeExpression
    period: Period | None
    rule: str


def _choose(
    expressions: Sequence[TimeExpression],
    trigger: Token,
    article: date | None,
    sentence: Span,
) -> _Choice | None:
    doc = trigger.doc
    ongoing = _ongoing(trigger)
    choices: list[_Choice] = []
    for expression in expressions:
        span = doc.char_span(expression.start, expression.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        gap = abs(trigger.idx - expression.start)
        if trigger in span:
            choices.append(_choice(0.0, gap, expression))
            continue
        if expression.mode == "offset":
            choice = _offset_choice(expression, span, trigger, article, sentence)
            if choice is not None:
                choices.append(choice)
            continue
        below = _below_expression(trigger, span)
        if below is not None and expression.period is not None:
            choices.append(_Choice(below - 0.5, gap, expression, expression.period, "when_clause"))
            continue
        governor, nominal = _governor(span)
        reach = _reach(trigger, governor, nominal=nominal)
        if reach is None or (reach[1] and ongoing):
            continue
        if expression.mode == "future" and trigger.is_ancestor(governor):
            continue  # "agreed to meet in December": the plan's date, not the agreement's
        choices.append(_choice(reach[0], gap, expression))
    if not choices:
        return None
    return min(choices, key=lambda c: (c.cost, c.gap))


def _choice(cost: float, gap: int, expression: TimeExpression) -> _Choice:
    if expression.mode == "future":
        # A future expression dates the plan, not the event: any past or present
        # expression that reaches the trigger (the day it was announced) wins over it.
        cost += 100.0
    return _Choice(cost, gap, expression, expression.period, expression.rule)


def _offset_choice(
    expression: TimeExpression,
    span: Span,
    trigger: Token,
    article: date | None,
    sentence: Span,
) -> _Choice | None:
    """'two weeks after they were seized': the seizure is two weeks before the release."""
    link = next((t for t in span if t.lower_ in ("after", "before", "later", "earlier")), None)
    if link is None:
        return None
    if link.dep_ == "mark" or link.lower_ in ("later", "earlier"):
        inner = link.head
        outer = inner.head if inner.dep_ in _CLAUSAL or inner.dep_ == "conj" else None
    else:
        inner = next((c for c in link.children if c.dep_ in ("pobj", "pcomp")), link)
        outer = link.head
        while outer in span and outer.head != outer:
            outer = outer.head
    if link.lower_ in ("later", "earlier"):
        # "Two days later, troops ..." dates its own clause from the one before it.
        return None
    if outer is None or outer == inner or not (trigger == inner or inner.is_ancestor(trigger)):
        return None
    reference = event_date(sentence, article, trigger=outer)
    if reference.date is None or reference.precision is None:
        return None
    anchor = _period_of(reference)
    if anchor is None:
        return None
    amount = -expression.amount
    unit = expression.unit
    if unit == "day":
        period = _day(anchor.first + timedelta(days=amount))
    elif unit == "week":
        period = _week(anchor.first + timedelta(days=7 * amount))
    elif unit == "month":
        year, month = _shift_months(anchor.first, amount)
        period = _month(year, month)
    else:
        period = _year(anchor.first.year + amount)
    gap = abs(trigger.idx - expression.start)
    return _Choice(0.0, gap, expression, period, "offset")


def _period_of(found: EventDate) -> Period | None:
    if found.date is None:
        return None
    if found.precision == "year":
        return _year(int(found.date))
    if found.precision == "month":
        year, month = found.date.split("-")
        return _month(int(year), int(month))
    day = date.fromisoformat(found.date)
    return _week(day) if found.precision == "week" else _day(day)


# ---------------------------------------------------------------------------------------
# The event's date

_ANAPHORA = re.compile(
    r"(?i)\b(?:(?:that|the\s+same)\s+(?P<unit>day|week|month|year)|at\s+(?:the|that)\s+time"
    r"|(?P<next>the\s+(?:next|following)\s+day|a\s+day\s+later))\b"
)


def event_date(
    sentence: Span,
    article_date: date | None,
    *,
    trigger: Token | None = None,
    context: Span | None = None,
    expressions: Sequence[TimeExpression] | None = None,
) -> EventDate:
    """The date of the event `trigger` names (or the sentence's main event).

    `context` (the sentence before) is read only when this sentence has no time
    expression of its own but points back to one ("that year", "at the time", "There
    he met ...", "the next day"). `expressions` are the sentence's time expressions when
    the caller has them already (several events of one sentence share them).
    """
    anchor = trigger if trigger is not None else sentence.root
    if expressions is None:
        expressions = time_expressions(sentence, article_date)
    choice = _choose(expressions, anchor, article_date, sentence)
    if choice is not None:
        return _from_choice(choice, article_date)
    if context is not None and not expressions:
        found = _from_context(sentence, context, article_date)
        if found is not None:
            return found
    return _default(article_date)


def _default(article: date | None) -> EventDate:
    if article is None:
        return EventDate(None, None, False, None, None, None, "undated")
    return EventDate(article.isoformat(), "day", False, None, None, None, "article_date")


def _from_choice(choice: _Choice, article: date | None) -> EventDate:
    expression = choice.expression
    where = (expression.text, expression.start, expression.end)
    if expression.mode in ("keep", "future") and choice.rule != "when_clause":
        base = _default(article)
        rule = "future" if expression.mode == "future" else choice.rule
        return EventDate(base.date, base.precision, False, *where, rule)
    period = choice.period
    if period is None:
        return EventDate(None, None, False, *where, choice.rule)
    return EventDate(
        period.label, period.precision, _historical(period, article), *where, choice.rule
    )


def _historical(period: Period, article: date | None) -> bool:
    return article is not None and (article - period.last).days > HISTORICAL_DAYS


def _opened_the_past(context: Span, before: EventDate) -> bool:
    """ "In the aftermath of the 2001 attacks, the president ... . He was supportive of
    ...": the sentence before opened with a past date, which a past-tense sentence (the
    caller checks its tense first, as it is cheaper) goes on in."""
    if not before.historical or before.start is None:
        return False
    return before.start - context.start_char <= 40


def _from_context(sentence: Span, context: Span, article: date | None) -> EventDate | None:
    match = _ANAPHORA.search(span_text(sentence))
    there = any(t.lower_ == "there" and t.dep_ == "advmod" for t in sentence)
    pointed = match is not None or there
    if not pointed and sentence.root.tag_ != "VBD":
        return None  # nothing points back and the sentence is not told in the past
    before = event_date(context, article)
    if before.rule in ("article_date", "undated") or before.date is None:
        return None
    if not pointed and not _opened_the_past(context, before):
        return None
    period = _period_of(before)
    if period is None or before.precision is None:
        return None
    if match is not None and match.group("next"):
        if period.precision != "day":
            return None
        period = _day(period.first + timedelta(days=1))
    elif match is not None and match.group("unit"):
        unit = match.group("unit").lower()
        if unit == "year":
            period = _year(period.first.year)
        elif unit == "month" and period.precision in ("day", "week"):
            period = _month(period.first.year, period.first.month)
        elif unit == "week" and period.precision == "day":
            period = _week(period.first)
    return EventDate(
        period.label,
        period.precision,
        _historical(period, article),
        before.expression,
        before.start,
        before.end,
        "context",
    )
