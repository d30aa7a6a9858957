"""Event dates: every rule of `wirecoder.events.dates`, on sentences written for these
tests with fixed article dates.

Rule tests build a one-sentence Doc by hand in which every word hangs on the main
verb (no model); attachment tests, which need a real parse, are marked `model`.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
import spacy
from spacy.tokens import Doc, Span

from wirecoder.events.dates import EventDate, event_date, time_expressions

_VOCAB = spacy.blank("en").vocab  # lexical attributes (lower_) without a model
_TOKEN = re.compile(r"['’]s\b|\w+|[^\w\s]")

WED = date(2004, 10, 20)  # a Wednesday


def flat(text: str, verb: str, *, aux: tuple[str, ...] = ()) -> Span:
    """`text` as one parsed sentence in which every word hangs on `verb`."""
    matches = list(_TOKEN.finditer(text))
    words = [m.group() for m in matches]
    spaces = [
        (matches[i + 1].start() if i + 1 < len(matches) else len(text)) > m.end()
        for i, m in enumerate(matches)
    ]
    root = words.index(verb)
    deps = ["aux" if w in aux else "dep" for w in words]
    deps[root] = "ROOT"
    pos = ["VERB" if i == root else "X" for i in range(len(words))]
    doc = Doc(_VOCAB, words=words, spaces=spaces, heads=[root] * len(words), deps=deps, pos=pos)
    assert doc.text == text
    return doc[:]


def dated(text: str, verb: str, article: date | None, *, aux: tuple[str, ...] = ()) -> EventDate:
    found = event_date(flat(text, verb, aux=aux), article)
    if found.expression is not None:
        # offsets are into the document text and cover the expression as written
        assert found.start is not None and found.end is not None
        assert text[found.start : found.end] == found.expression
    return found


def triple(found: EventDate) -> tuple[str | None, str | None, bool]:
    return found.date, found.precision, found.historical


# ---------------------------------------------------------------------------------------
# Defaults


def test_no_expression_takes_the_article_date() -> None:
    found = dated("Rebels attacked a police post near the border.", "attacked", WED)
    assert triple(found) == ("2004-10-20", "day", False)
    assert found.rule == "article_date"
    assert found.expression is None and found.start is None


def test_undated_article_and_silent_text_give_no_date() -> None:
    found = dated("Rebels attacked a police post.", "attacked", None)
    assert (found.date, found.precision, found.rule) == (None, None, "undated")


def test_undated_article_still_reads_absolute_dates() -> None:
    found = dated("Rebels attacked the post in 2003.", "attacked", None)
    assert (found.date, found.precision, found.rule) == ("2003", "year", "explicit_year")


def test_undated_article_cannot_place_a_weekday() -> None:
    found = dated("Rebels attacked the post on Monday.", "attacked", None)
    assert (found.date, found.rule, found.expression) == (None, "weekday", "on Monday")


# ---------------------------------------------------------------------------------------
# Days


def test_yesterday_is_the_day_before() -> None:
    found = dated("The two sides signed the accord yesterday.", "signed", WED)
    assert triple(found) == ("2004-10-19", "day", False)
    assert found.rule == "yesterday"


def test_yesterday_crosses_the_year_boundary() -> None:
    found = dated("The two sides signed the accord yesterday.", "signed", date(2005, 1, 1))
    assert found.date == "2004-12-31"


@pytest.mark.parametrize(
    ("article", "expected"),
    [
        (date(2004, 10, 19), "2004-10-18"),  # Tuesday: the day before
        (date(2004, 10, 18), "2004-10-18"),  # Monday: the same day
        (date(2004, 10, 24), "2004-10-18"),  # Sunday: six days back
        (date(2005, 1, 1), "2004-12-27"),  # Saturday, across the new year
    ],
)
def test_on_monday_is_the_last_monday_on_or_before_the_article(
    article: date, expected: str
) -> None:
    found = dated("The ministers met in Dushanbe on Monday.", "met", article)
    assert triple(found) == (expected, "day", False)
    assert (found.rule, found.expression) == ("weekday", "on Monday")


def test_last_monday_in_a_monday_article_is_a_week_back() -> None:
    found = dated("The ministers met last Monday.", "met", date(2004, 10, 18))
    assert found.date == "2004-10-11"


def test_possessive_weekday_dates_its_noun() -> None:
    found = dated("Sunday's bombing killed nine people.", "killed", date(2009, 2, 23))
    assert (found.date, found.expression) == ("2009-02-22", "Sunday's")


def test_weekday_ahead_of_a_will_verb_is_future() -> None:
    found = dated("The ministers will meet on Friday.", "meet", WED, aux=("will",))
    assert (found.date, found.precision, found.historical) == ("2004-10-20", "day", False)
    assert found.rule == "future"


def test_day_and_month_without_a_year_is_the_last_such_date() -> None:
    found = dated("Fighting broke out on Dec. 28.", "broke", date(2005, 1, 3))
    assert triple(found) == ("2004-12-28", "day", False)


@pytest.mark.parametrize(
    "text",
    [
        "Hijackers attacked New York on 11 September 2001.",
        "Hijackers attacked New York on September 11, 2001.",
        "Hijackers attacked New York on Sept. 11, 2001.",
    ],
)
def test_explicit_day(text: str) -> None:
    found = dated(text, "attacked", WED)
    assert triple(found) == ("2001-09-11", "day", True)
    assert found.rule == "explicit_day"


# ---------------------------------------------------------------------------------------
# Weeks


def test_last_week_is_the_monday_of_the_previous_iso_week() -> None:
    found = dated("Troops were sent to the border last week.", "sent", WED)
    assert triple(found) == ("2004-10-11", "week", False)
    assert found.rule == "last_week"


def test_last_week_across_the_year_boundary() -> None:
    found = dated("Troops were sent to the border last week.", "sent", date(2005, 1, 3))
    assert found.date == "2004-12-27"


def test_earlier_this_week_is_the_current_monday() -> None:
    found = dated("Troops were sent to the border earlier this week.", "sent", WED)
    assert triple(found) == ("2004-10-18", "week", False)


@pytest.mark.parametrize(
    ("article", "expected"),
    [(date(2004, 10, 18), "2004-10-11"), (date(2004, 10, 24), "2004-10-18")],
)
def test_weekend_is_the_one_just_past(article: date, expected: str) -> None:
    found = dated("Protesters marched at the weekend.", "marched", article)
    assert (found.date, found.precision, found.rule) == (expected, "week", "weekend")


def test_weeks_ago_have_week_precision() -> None:
    found = dated("The envoy left two weeks ago.", "left", WED)
    assert (found.date, found.precision) == ("2004-10-04", "week")


def test_days_ago_have_day_precision() -> None:
    found = dated("The envoy left three days ago.", "left", WED)
    assert (found.date, found.precision, found.rule) == ("2004-10-17", "day", "ago")


# ---------------------------------------------------------------------------------------
# Months


def test_last_month_in_january_is_the_previous_december() -> None:
    found = dated("Prices rose sharply last month.", "rose", date(2005, 1, 12))
    assert triple(found) == ("2004-12", "month", False)
    assert found.rule == "last_month"


def test_this_month() -> None:
    found = dated("Prices rose sharply this month.", "rose", WED)
    assert triple(found) == ("2004-10", "month", False)


def test_in_march_is_the_last_march_on_or_before_the_article() -> None:
    found = dated("The army took the town in March.", "took", WED)
    assert triple(found) == ("2004-03", "month", True)
    assert found.rule == "in_month"


def test_in_december_before_december_is_last_year() -> None:
    found = dated("The army took the town in December.", "took", WED)
    assert found.date == "2003-12"


def test_in_the_current_month_is_this_month() -> None:
    found = dated("The army took the town in October.", "took", WED)
    assert triple(found) == ("2004-10", "month", False)


def test_last_december_in_a_january_article() -> None:
    found = dated("The army took the town last December.", "took", date(2005, 1, 10))
    assert triple(found) == ("2004-12", "month", False)
    assert found.rule == "last_month_name"


def test_last_march_in_a_march_article_is_a_year_back() -> None:
    found = dated("The army took the town last March.", "took", date(2005, 3, 25))
    assert triple(found) == ("2004-03", "month", True)


def test_month_ahead_of_a_will_verb_is_future() -> None:
    found = dated("Voters will elect a parliament in May.", "elect", WED, aux=("will",))
    assert (found.date, found.rule) == ("2004-10-20", "future")


def test_month_and_year() -> None:
    found = dated("The rebels signed a truce in June 1997.", "signed", WED)
    assert triple(found) == ("1997-06", "month", True)


def test_the_name_may_is_not_a_month() -> None:
    found = dated("May said the talks had failed.", "said", WED)
    assert found.rule == "article_date"


def test_aftermath_gives_the_month_of_that_event() -> None:
    found = dated(
        "Washington tightened airport checks in the aftermath of the 11 September 2001 attacks.",
        "tightened",
        WED,
    )
    assert triple(found) == ("2001-09", "month", True)
    assert found.rule == "aftermath_of"


# ---------------------------------------------------------------------------------------
# Years


def test_in_a_year() -> None:
    found = dated("Russia opened the base in 2001.", "opened", WED)
    assert triple(found) == ("2001", "year", True)
    assert (found.rule, found.expression) == ("explicit_year", "in 2001")


def test_earlier_this_year_is_not_historical() -> None:
    found = dated("Russia opened the base earlier this year.", "opened", WED)
    assert triple(found) == ("2004", "year", False)
    assert found.rule == "this_year"


@pytest.mark.parametrize(
    ("article", "historical"), [(date(2005, 1, 10), False), (date(2005, 3, 10), True)]
)
def test_last_year_is_historical_once_it_ended_a_month_ago(article: date, historical: bool) -> None:
    found = dated("Russia opened the base last year.", "opened", article)
    assert triple(found) == ("2004", "year", historical)


def test_season_of_a_year_has_year_precision() -> None:
    found = dated("Villagers fled in the spring of 1999.", "fled", WED)
    assert (found.date, found.precision, found.rule) == ("1999", "year", "season")


def test_a_decade_is_not_read_as_its_first_year() -> None:
    found = dated("The war began in the 1990s.", "began", WED)
    assert found.rule == "article_date"


# ---------------------------------------------------------------------------------------
# Spans that leave the article date alone


def test_duration_keeps_the_article_date() -> None:
    found = dated("Violence has grown in the past 12 years.", "grown", WED)
    assert triple(found) == ("2004-10-20", "day", False)
    assert (found.rule, found.expression) == ("duration", "in the past 12 years")


def test_since_keeps_the_article_date_and_notes_the_expression() -> None:
    found = dated("The two armies have trained together since 2001.", "trained", WED)
    assert triple(found) == ("2004-10-20", "day", False)
    assert (found.rule, found.expression) == ("since", "since 2001")


@pytest.mark.parametrize("words", ["next week", "in future", "next month", "later this year"])
def test_future_expressions_keep_the_article_date(words: str) -> None:
    found = dated(f"Moscow will reopen the embassy {words}.", "reopen", WED, aux=("will",))
    assert triple(found) == ("2004-10-20", "day", False)
    assert (found.rule, found.expression) == ("future", words)


def test_a_date_after_the_article_is_future() -> None:
    found = dated("Troops will stay until 2010.", "stay", WED, aux=("will",))
    assert (found.date, found.rule) == ("2004-10-20", "future")


# ---------------------------------------------------------------------------------------
# The historical threshold


@pytest.mark.parametrize(("day", "historical"), [(20, False), (19, True)])
def test_historical_means_more_than_thirty_days_before(day: int, historical: bool) -> None:
    found = dated(f"The envoy arrived on {day} September 2004.", "arrived", WED)
    assert found.historical is historical


# ---------------------------------------------------------------------------------------
# Offsets and the finder


def test_offsets_are_document_offsets() -> None:
    doc = Doc(
        _VOCAB,
        words=["Talks", "ended", ".", "Troops", "left", "yesterday", "."],
        spaces=[True, False, True, True, True, False, False],
        heads=[1, 1, 1, 4, 4, 4, 4],
        deps=["dep", "ROOT", "dep", "dep", "ROOT", "dep", "dep"],
        pos=["X", "VERB", "X", "X", "VERB", "X", "X"],
    )
    sentence = list(doc.sents)[1]
    found = event_date(sentence, WED)
    assert found.start is not None and found.end is not None
    assert doc.text[found.start : found.end] == "yesterday"


def test_time_expressions_lists_everything_in_order() -> None:
    sentence = flat("Troops left on Monday, three days after talks ended last week.", "left")
    rules = [e.rule for e in time_expressions(sentence, WED)]
    assert rules == ["weekday", "offset", "last_week"]


# ---------------------------------------------------------------------------------------
# Attachment (real parses)


def parsed(text: str, trigger: str, article: date, context: str | None = None) -> EventDate:
    from wirecoder.nlp import parse

    doc = parse(f"{context} {text}" if context else text)
    sentences = list(doc.sents)
    sentence = sentences[-1]
    token = next(t for t in sentence if t.text == trigger)
    return event_date(sentence, article, trigger=token, context=sentences[0] if context else None)


@pytest.mark.model
def test_each_clause_keeps_its_own_day() -> None:
    text = (
        "Peru said on Sunday it would seek the extradition of the smuggler, "
        "caught by police on Friday, from Bolivia."
    )
    monday = date(2016, 1, 11)
    assert parsed(text, "seek", monday).date == "2016-01-10"
    assert parsed(text, "caught", monday).date == "2016-01-08"


@pytest.mark.model
def test_a_plan_is_dated_the_day_it_was_announced() -> None:
    text = "The prime minister will visit Beijing next week, his office said on Monday."
    found = parsed(text, "visit", WED)
    assert (found.date, found.rule) == ("2004-10-18", "weekday")


@pytest.mark.model
def test_a_noun_event_takes_its_own_possessive_date() -> None:
    text = "A rebel group claimed responsibility on Monday for Sunday's bombing of the depot."
    article = date(2009, 2, 23)
    assert parsed(text, "bombing", article).date == "2009-02-22"
    assert parsed(text, "claimed", article).date == "2009-02-23"


@pytest.mark.model
def test_a_verb_does_not_take_the_date_of_a_noun_in_its_object() -> None:
    text = "Prosecutors have not charged any of the men held over last month's bombing."
    article = date(2009, 1, 15)
    assert parsed(text, "charged", article).rule == "article_date"
    assert parsed(text, "bombing", article).date == "2008-12"


@pytest.mark.model
def test_n_days_after_dates_the_clause_it_introduces() -> None:
    text = "Rebels freed the aid workers on Friday, ten days after they were kidnapped."
    found = parsed(text, "kidnapped", date(2007, 4, 7))
    # 7 April 2007 is a Saturday: freed on the 6th, kidnapped ten days before
    assert (found.date, found.precision, found.rule) == ("2007-03-27", "day", "offset")


@pytest.mark.model
def test_a_when_clause_takes_the_date_it_hangs_on() -> None:
    text = (
        "The two armies have trained together since March 2003, when Kabul opened its "
        "airspace to allied aircraft."
    )
    article = date(2005, 7, 30)
    assert triple(parsed(text, "opened", article)) == ("2003-03", "month", True)
    assert parsed(text, "trained", article).rule == "since"


@pytest.mark.model
def test_a_present_perfect_state_is_not_dated_by_its_reporter() -> None:
    text = "Russia has massed troops near the border, a NATO official said on Tuesday."
    assert parsed(text, "massed", WED).rule == "article_date"


@pytest.mark.model
def test_a_reported_intent_with_a_month_ahead_is_dated_by_the_statement() -> None:
    text = "The junta said on Thursday it would hold a referendum in May."
    found = parsed(text, "hold", date(2008, 2, 9))
    assert (found.date, found.rule) == ("2008-02-07", "weekday")


@pytest.mark.model
def test_context_sentence_dates_a_there_sentence() -> None:
    found = parsed(
        "There he met his Iranian counterpart.",
        "met",
        date(2015, 8, 4),
        context="The foreign minister arrived in Doha on Monday.",
    )
    assert (found.date, found.rule, found.expression) == ("2015-08-03", "context", "on Monday")


@pytest.mark.model
def test_that_year_takes_the_year_of_the_context() -> None:
    found = parsed(
        "Parliament was dissolved that year.",
        "dissolved",
        WED,
        context="The president was elected in May 1998.",
    )
    assert (found.date, found.precision, found.rule) == ("1998", "year", "context")


@pytest.mark.model
def test_context_is_ignored_without_a_pointer_back() -> None:
    found = parsed(
        "Parliament was dissolved.",
        "dissolved",
        WED,
        context="The president was elected in May 1998.",
    )
    assert found.rule == "article_date"


@pytest.mark.parametrize("base", [date(2010, 1, 1), date(2010, 6, 15), date(2004, 10, 20)])
def test_bare_years_and_months_read_as_dateparser_reads_them(base: date) -> None:
    from wirecoder.events.dates import _date_parser, _month, _plain_period, _year

    names = ["January", "May", "June", "July", "October", "December", "1992", "2015"]
    for text in names:
        data = _date_parser(base).get_date_data(text)
        day = data.date_obj.date()
        read = _year(day.year) if data.period == "year" else _month(day.year, day.month)
        assert _plain_period(text, base) == read, text
    assert _plain_period("October 2009", base) is None  # longer forms still go to dateparser
