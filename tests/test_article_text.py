"""Rules for cleaning scraped plain text, one behaviour per test."""

from __future__ import annotations

from datetime import date

import pytest

from wirecoder.article.byline import find_byline
from wirecoder.article.dateline import find_dateline, parse_date
from wirecoder.article.rules import lead_starters, load_boilerplate_rules, title_words
from wirecoder.article.text import clean_text, split_paragraphs
from wirecoder.errors import DataFileError

LEAD = lead_starters()
TITLES = title_words()


def test_paragraphs_split_on_blank_lines_and_lines() -> None:
    text = "First paragraph here.\n\nSecond one.\nThird one on its own line."
    assert split_paragraphs(text) == [
        "First paragraph here.",
        "Second one.",
        "Third one on its own line.",
    ]


def test_hard_wrapped_block_is_joined() -> None:
    block = (
        "The minister said on Monday that the talks would resume\n"
        "next week in Geneva, after a pause of several months, and\n"
        "that both sides had agreed to the agenda."
    )
    assert split_paragraphs(block) == [" ".join(block.split("\n"))]


@pytest.mark.parametrize(
    ("paragraph", "authors", "rest"),
    [
        ("By Jane Roe Russian President Boris Yeltsin said", ("Jane Roe",), "Russian President"),
        ("By Jane Roe", ("Jane Roe",), ""),
        ("By Jane Roe and John Doe", ("Jane Roe", "John Doe"), ""),
        ("By Ahmed al-Rashid, Reuters", ("Ahmed al-Rashid",), ""),
        ("By Pieter van der Berg The government fell", ("Pieter van der Berg",), "The government"),
        ("By Maria Lopez Kyrgyz President Askar Akayev", ("Maria Lopez",), "Kyrgyz President"),
        ("By Tom Hill Pakistan's army said", ("Tom Hill",), "Pakistan's army"),
    ],
)
def test_byline(paragraph: str, authors: tuple[str, ...], rest: str) -> None:
    byline = find_byline(paragraph, LEAD, TITLES)
    assert byline is not None
    assert byline.authors == authors
    assert byline.rest.startswith(rest)


def test_byline_not_found_in_ordinary_sentence() -> None:
    assert find_byline("By Monday the talks had collapsed.", LEAD, TITLES) is None
    assert find_byline("Officials said by phone that talks failed.", LEAD, TITLES) is None


@pytest.mark.parametrize(
    ("paragraph", "place", "day", "agency"),
    [
        ("Prague, 20 October 2004 (RFE/RL) - Putin's visit", "Prague", "2004-10-20", "RFE/RL"),
        ("MOSCOW, Oct. 20, 2004 (Reuters) - The Kremlin", "Moscow", "2004-10-20", "Reuters"),
        ("KABUL, Afghanistan (AP) — Gunmen attacked", "Kabul", None, "AP"),
        ("WASHINGTON — The Senate voted", "Washington", None, None),
        ("Geneva, March 5 (AFP) - Talks", "Geneva", "2011-03-05", "AFP"),
    ],
)
def test_dateline(paragraph: str, place: str, day: str | None, agency: str | None) -> None:
    found = find_dateline(paragraph, default_year=2011)
    assert found is not None
    assert found.dateline.place == place
    assert found.dateline.date == day
    assert found.dateline.agency == agency
    assert not paragraph[found.end :].startswith(("-", "—", " "))


@pytest.mark.parametrize(
    "paragraph",
    ["Russia - which denies it - said no.", "Officials, 20 people in all, met."],
)
def test_not_a_dateline(paragraph: str) -> None:
    assert find_dateline(paragraph) is None


def test_parse_date_forms() -> None:
    assert parse_date("20 October 2004") == date(2004, 10, 20)
    assert parse_date("Sept. 11, 2001") == date(2001, 9, 11)
    assert parse_date("March 5") is None
    assert parse_date("March 5", default_year=1999) == date(1999, 3, 5)


def test_furniture_and_notices_removed_with_reasons() -> None:
    text = "\n\n".join(
        [
            "Skip to content",
            "Breaking News",
            "Leaders Agree To Talks",
            "The two leaders agreed on Tuesday to hold talks next month in Vienna.",
            "Advertisement",
            "Officials said the agenda would include trade and security.",
            "Share this article",
            "© 2010 Example News. All rights reserved.",
            "To read more, click here.",
        ]
    )
    cleaned = clean_text(text)
    assert cleaned.title == "Leaders Agree To Talks"
    assert cleaned.paragraphs == [
        "The two leaders agreed on Tuesday to hold talks next month in Vienna.",
        "Officials said the agenda would include trade and security.",
    ]
    reasons = {r.text: r.reason for r in cleaned.removed}
    assert reasons["Skip to content"] == "navigation"
    assert reasons["Advertisement"] == "advertisement"
    assert reasons["© 2010 Example News. All rights reserved."] == "legal_notice"
    assert reasons["To read more, click here."] == "site_notice"
    assert reasons["Leaders Agree To Talks"] == "title"


def test_long_paragraph_mentioning_cookies_is_kept() -> None:
    sentence = (
        "The regulator said the company had told users that this website uses cookies "
        "only for security, a claim that investigators in three countries have disputed "
        "for years, according to documents seen by reporters and several officials "
        "familiar with the inquiry, who spoke on condition of anonymity because the "
        "matter is before the courts."
    )
    cleaned = clean_text("Body first.\n\n" + sentence)
    assert sentence in cleaned.paragraphs


def test_pull_quote_kept_once() -> None:
    text = "\n\n".join(
        [
            "The minister arrived in the capital on Monday for two days of talks.",
            '"We will not give up our claim to the islands." -- Jane Roe, a senator',
            "Opposition figures were less optimistic about the outcome of the talks.",
            '"We will not give up our claim to the islands," Roe said.',
        ]
    )
    cleaned = clean_text(text)
    body = "\n".join(cleaned.paragraphs)
    assert body.count("We will not give up our claim") == 1
    assert [r.reason for r in cleaned.removed] == ["pull_quote"]


def test_repeated_paragraph_kept_once() -> None:
    para = "The council met for three hours and adopted the resolution unanimously."
    cleaned = clean_text(f"{para}\n\nSomething else happened later that day.\n\n{para}")
    assert cleaned.paragraphs.count(para) == 1
    assert cleaned.removed[0].reason == "duplicate_paragraph"


def test_rules_file_errors_name_the_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "rules.yaml"
    bad.write_text(
        "rules:\n  - id: x\n    reason: y\n    pattern: '('\n    max_words: 3\n"
        "    where: anywhere\n"
    )
    with pytest.raises(DataFileError, match=r"rules\.yaml"):
        load_boilerplate_rules(bad)
    bad.write_text("rules: [\n")
    with pytest.raises(DataFileError, match=r"rules\.yaml:"):
        load_boilerplate_rules(bad)
