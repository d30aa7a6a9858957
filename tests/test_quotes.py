"""Quotes with their speakers: marks, direct quotes, not-quotes, reported speech.

Sentences are written for these tests in wire style. The model-backed cases are parsed
once per module (one batch) and shared.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from pathlib import Path

import pytest

from wirecoder.errors import DataFileError
from wirecoder.evaluation.quotes import evaluate_quotes, overlaps_enough, same_speaker
from wirecoder.model import Location, Quote, Removed, Speaker
from wirecoder.quotes import extract_quotes, load_lexicon
from wirecoder.quotes.lexicon import data_dir, default_lexicon
from wirecoder.quotes.marks import chains, find_segments, normal_key, sentence_initial

DAY = date(2022, 6, 1)

# -- the text alone: marks and paragraphs ---------------------------------------------


def test_straight_and_curly_marks_give_the_words_inside() -> None:
    text = 'He said "we will stay," and she said “we will go.”'
    found = [text[s.start : s.end] for s in find_segments(text)]
    assert found == ["we will stay,", "we will go."]


def test_single_marks_inside_a_quote_stay_part_of_it() -> None:
    text = "“My mother told me, ‘Stay home,’ and I did,” he said. Russia's army didn't move."
    (seg,) = find_segments(text)
    assert text[seg.start : seg.end] == "My mother told me, ‘Stay home,’ and I did,"


def test_an_unclosed_paragraph_continues_where_the_next_one_reopens() -> None:
    text = '"First part of the quote.\n\n"Second part," she said.\n\n"A new quote."'
    segments = find_segments(text)
    assert [s.closed for s in segments] == [False, True, True]
    grouped = chains(segments)
    assert [len(c) for c in grouped] == [2, 1]
    assert text[segments[0].start : segments[0].end] == "First part of the quote."


def test_sentence_initial_marks() -> None:
    text = 'Officials met. "We agreed," he said. The so-called "deal" failed.'
    first, second = find_segments(text)
    assert sentence_initial(text, first)
    assert not sentence_initial(text, second)


def test_copies_of_a_quote_share_a_key_across_punctuation() -> None:
    assert normal_key("They have earned them.") == normal_key("they have earned them,")


# -- the data files ---------------------------------------------------------------------


def test_shipped_lexicon_has_the_speech_verbs_of_the_issue() -> None:
    lex = default_lexicon()
    for verb in ("say", "tell", "add", "assert", "warn", "argue", "reaffirm", "insist", "note"):
        assert verb in lex.reported
    assert "call" in lex.characterise
    assert "newspaper" in lex.name_cues
    assert "on" in lex.connectors  # a YAML boolean unless quoted


def _copy_data(tmp_path: Path) -> Path:
    source = data_dir()
    for name in ("verbs.yaml", "not_quotes.yaml"):
        (tmp_path / name).write_text((source / name).read_text(encoding="utf-8"))
    return tmp_path


def test_malformed_yaml_names_file_and_line(tmp_path: Path) -> None:
    folder = _copy_data(tmp_path)
    (folder / "verbs.yaml").write_text("reported:\n  - say\n direct_only: [\n", encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load_lexicon(folder)
    assert err.value.code == "E101"
    assert "verbs.yaml" in str(err.value)


def test_a_list_of_non_words_is_rejected_with_its_line(tmp_path: Path) -> None:
    folder = _copy_data(tmp_path)
    text = (folder / "not_quotes.yaml").read_text(encoding="utf-8")
    (folder / "not_quotes.yaml").write_text(text.replace("  - newspaper\n", "  - 12\n"))
    with pytest.raises(DataFileError) as err:
        load_lexicon(folder)
    assert "name_cues" in str(err.value)
    line = text.splitlines().index("name_cues:") + 1
    assert f"not_quotes.yaml:{line}:" in str(err.value)


# -- the scorer's matching rules ----------------------------------------------------------


def test_overlap_is_measured_against_the_shorter_span() -> None:
    assert overlaps_enough(0, 100, 10, 20)
    assert overlaps_enough(0, 10, 5, 30)
    assert not overlaps_enough(0, 10, 6, 30)


def test_speakers_match_on_words_or_name() -> None:
    assert same_speaker("Sergei Lavrov", Speaker("Lavrov", 0, 6))
    assert same_speaker("Lavrov", Speaker("he", 0, 2, name="Sergei Lavrov"))
    assert not same_speaker("Lavrov", Speaker("the ministry", 0, 12))
    assert not same_speaker("Lavrov", None)


# -- parsed cases ---------------------------------------------------------------------------

CASES: dict[str, str] = {
    "split_straight": (
        "Russian Foreign Minister Sergei Lavrov met his Turkish counterpart on Monday.\n\n"
        '"Nobody wants a new war in the region," Lavrov told reporters in Ankara. '
        '"We are ready to talk to anyone who is ready to listen."'
    ),
    "split_curly": (
        "“The alliance is stronger than ever,” NATO Secretary-General Jens Stoltenberg said "
        "on Tuesday. “Every ally will be defended.”"
    ),
    "said_before": "“The alliance has no quarrel with Russia,” said Jens Stoltenberg.",
    "paragraphs": (
        "Jens Stoltenberg opened the summit in Madrid on Wednesday.\n\n"
        "“This is a turning point for our alliance. We face the gravest crisis in decades.\n\n"
        "“We will defend every inch of allied territory,” Stoltenberg told the leaders."
    ),
    "follow_on": (
        "Sergei Lavrov told reporters in Moscow that the sanctions had failed.\n\n"
        "“Nobody can isolate a country of this size,” he said.\n\n"
        "“We have other partners, and they are waiting for us.”"
    ),
    "colon": (
        "Speaking at the border crossing, Lavrov said: “Nobody wants a war, but we will "
        "defend our interests.”"
    ),
    "pull_in_text": (
        "“The era of quiet diplomacy is over for good.” -- Jens Stoltenberg, NATO chief\n\n"
        "Allied leaders met in Brussels on Thursday.\n\n"
        "“The era of quiet diplomacy is over for good,” Stoltenberg told a news conference."
    ),
    "pull_removed": (
        "“Our patience with these provocations has run out,” Lavrov told a news conference "
        "in Moscow on Friday."
    ),
    "pull_cut": (
        "“We will never give up this land.” -- Sergei Lavrov\n\n"
        "“Our fathers fought here. We will never give up this land,” Lavrov said on Monday."
    ),
    "pull_removed_split": (
        "“The talks are over,” Lavrov said on Friday. “Now the soldiers will decide.”"
    ),
    "named_since": (
        "Lavrov told reporters that the talks had failed.\n\n"
        "NATO Secretary-General Jens Stoltenberg, speaking in Brussels, was more hopeful.\n\n"
        "“There is still room for diplomacy, and we will use every hour of it.”"
    ),
    "partial": (
        "Lavrov said the plan “will not survive the winter” and left the room. "
        "Stoltenberg said the alliance was “deeply concerned” by the drills."
    ),
    "called": "Lavrov called the referendum “a cynical farce” on Thursday.",
    "scare_quotes": (
        "The government has launched what it calls a “war on corruption”. "
        "The Kremlin calls the fighters “volunteers”. "
        "The move came as Washington pressed its “war on terror” in the region."
    ),
    "label": "The prosecutor's office declared the charity an “undesirable organization”.",
    "newspaper": "The newspaper “Vedomosti” reported that the steel plant would close in May.",
    "journal": "Analyst Maria Petrova of “Eastern Defence Review” said the drill was routine.",
    "agreement": "The two sides signed the “Black Sea Grain Initiative” in Istanbul.",
    "operation": "The army said the offensive, codenamed “Northern Shield”, would last weeks.",
    "slogan": "Demonstrators chanted “Freedom for all prisoners” outside the court.",
    "reported_verbs": (
        "Stoltenberg warned that the fighting could last for years. "
        "Lavrov insisted that Moscow had no plans to attack. "
        "The Russian government reaffirmed that the border would remain closed. "
        "Lavrov argued that the sanctions had failed. "
        "Stoltenberg asserted that the alliance was united. "
        "Lavrov told reporters that the talks had reached a dead end."
    ),
    "says": "Stoltenberg says the alliance will send more troops to the east.",
    "according_to": (
        "According to the Ukrainian military, 30 drones were shot down overnight. "
        "Two soldiers were killed near the border, according to the defence ministry."
    ),
    "inverted": "Three civilians were wounded in the shelling, the regional governor said.",
    "inverted_aside": (
        "The two sides agreed to reopen the crossing, officials in both capitals said, "
        "after a week of talks."
    ),
    "not_statements": (
        "Lavrov did not say whether the talks would resume. "
        "He declined to say when the troops would leave."
    ),
    "pronoun": (
        "Stoltenberg arrived in Kyiv on Friday for talks with the government. "
        "He said the alliance would stand with Ukraine for as long as it takes."
    ),
    "affiliation": "Maria Petrova of the Carnegie Endowment said the drill was routine.",
    "newspaper_speaker": "The newspaper Kommersant reported that the deal had collapsed.",
    "this_coupling": (
        "Lavrov said this mix of trade and security ties is increasingly the Russian model."
    ),
}

REMOVED: Mapping[str, tuple[Removed, ...]] = {
    "pull_removed": (
        Removed("Moscow, 3 June (AP) -", "dateline"),
        Removed(
            "“Our patience with these provocations has run out.” -- Sergei Lavrov", "pull_quote"
        ),
    ),
    "pull_removed_split": (
        Removed(
            "“The talks are over. Now the soldiers will decide.” -- Sergei Lavrov", "pull_quote"
        ),
    ),
}


@pytest.fixture(scope="module")
def found() -> dict[str, tuple[Quote, ...]]:
    from wirecoder.actors import resolve
    from wirecoder.nlp import parse_many

    names = list(CASES)
    result = {}
    for name, doc in zip(names, parse_many(CASES[n] for n in names), strict=True):
        mentions = resolve(doc, day=DAY)
        result[name] = extract_quotes(doc, mentions, removed=REMOVED.get(name, ()))
    return result


def direct(quotes: tuple[Quote, ...]) -> list[Quote]:
    return [q for q in quotes if q.kind == "direct"]


def reported(quotes: tuple[Quote, ...]) -> list[Quote]:
    return [q for q in quotes if q.kind == "reported"]


def speaker_text(quote: Quote) -> str:
    assert quote.speaker is not None, quote
    return quote.speaker.text


@pytest.mark.model
def test_offsets_point_into_the_text(found: dict[str, tuple[Quote, ...]]) -> None:
    for name, quotes in found.items():
        for quote in quotes:
            assert CASES[name][quote.start : quote.end] == quote.text
            if quote.speaker is not None:
                speaker = quote.speaker
                assert CASES[name][speaker.start : speaker.end] == speaker.text


@pytest.mark.model
def test_split_quote_with_straight_marks(found: dict[str, tuple[Quote, ...]]) -> None:
    first, second = direct(found["split_straight"])
    assert first.text == "Nobody wants a new war in the region,"
    assert second.text == "We are ready to talk to anyone who is ready to listen."
    assert (first.rule, second.rule) == ("direct.attributed", "direct.split")
    assert speaker_text(first) == speaker_text(second) == "Lavrov"
    assert first.speaker is not None and first.speaker.code == "RUSGOV"


@pytest.mark.model
def test_split_quote_with_curly_marks(found: dict[str, tuple[Quote, ...]]) -> None:
    first, second = direct(found["split_curly"])
    assert first.text == "The alliance is stronger than ever,"
    assert second.text == "Every ally will be defended."
    assert first.speaker == second.speaker
    assert first.speaker is not None and first.speaker.code == "IGOWSTNAT"


@pytest.mark.model
def test_said_before_the_speaker(found: dict[str, tuple[Quote, ...]]) -> None:
    (quote,) = direct(found["said_before"])
    assert quote.rule == "direct.attributed"
    assert speaker_text(quote) == "Jens Stoltenberg"


@pytest.mark.model
def test_quote_over_two_paragraphs_is_one_quote_per_paragraph(
    found: dict[str, tuple[Quote, ...]],
) -> None:
    first, second = direct(found["paragraphs"])
    assert first.text == (
        "This is a turning point for our alliance. We face the gravest crisis in decades."
    )
    assert first.rule == "direct.continued" and second.rule == "direct.attributed"
    assert speaker_text(first) == speaker_text(second) == "Stoltenberg"


@pytest.mark.model
def test_unattributed_quote_paragraph_follows_the_speaker_before(
    found: dict[str, tuple[Quote, ...]],
) -> None:
    first, second = direct(found["follow_on"])
    assert second.rule == "direct.followon"
    assert second.speaker == first.speaker
    assert first.speaker is not None and first.speaker.name == "Sergei Lavrov"


@pytest.mark.model
def test_colon_introduces_a_quote(found: dict[str, tuple[Quote, ...]]) -> None:
    (quote,) = direct(found["colon"])
    assert quote.rule == "direct.attributed"
    assert speaker_text(quote) == "Lavrov"


@pytest.mark.model
def test_pull_quote_in_the_text_is_one_quote_with_also_at(
    found: dict[str, tuple[Quote, ...]],
) -> None:
    (quote,) = direct(found["pull_in_text"])
    text = CASES["pull_in_text"]
    assert quote.start == text.rindex("The era of quiet")
    assert quote.rule == "direct.attributed"
    (copy,) = quote.also_at
    assert copy.start == 1 and text[copy.start : copy.end].endswith("over for good.")
    assert speaker_text(quote) == "Stoltenberg"


@pytest.mark.model
def test_pull_quote_removed_by_the_cleaner_is_pointed_at(
    found: dict[str, tuple[Quote, ...]],
) -> None:
    (quote,) = direct(found["pull_removed"])
    assert quote.also_at == (Location(removed=1),)
    assert quote.to_dict()["also_at"] == [{"removed": 1}]


@pytest.mark.model
def test_pull_quote_cut_from_the_body_quote(found: dict[str, tuple[Quote, ...]]) -> None:
    (quote,) = direct(found["pull_cut"])
    assert quote.text.startswith("Our fathers fought here.")
    pull = "We will never give up this land."
    start = CASES["pull_cut"].index(pull)
    assert [(loc.start, loc.end) for loc in quote.also_at] == [(start, start + len(pull))]


@pytest.mark.model
def test_removed_pull_quote_over_both_halves_of_a_split(
    found: dict[str, tuple[Quote, ...]],
) -> None:
    quotes = direct(found["pull_removed_split"])
    assert len(quotes) == 2
    assert all(q.also_at == (Location(removed=0),) for q in quotes)


@pytest.mark.model
def test_a_person_named_after_the_last_quote_takes_the_quote_paragraph(
    found: dict[str, tuple[Quote, ...]],
) -> None:
    (quote,) = direct(found["named_since"])
    assert quote.rule == "direct.followon"
    assert quote.speaker is not None and quote.speaker.name == "Jens Stoltenberg"


@pytest.mark.model
def test_partial_quotes_inside_a_statement(found: dict[str, tuple[Quote, ...]]) -> None:
    quotes = found["partial"]
    assert [(q.text, q.rule) for q in direct(quotes)] == [
        ("will not survive the winter", "direct.partial"),
        ("deeply concerned", "direct.partial"),
    ]
    assert [speaker_text(q) for q in direct(quotes)] == ["Lavrov", "Stoltenberg"]
    # The statement around a partial quote is still reported speech.
    assert len(reported(quotes)) == 2


@pytest.mark.model
def test_a_persons_verdict_in_marks_is_their_quote(found: dict[str, tuple[Quote, ...]]) -> None:
    (quote,) = direct(found["called"])
    assert quote.text == "a cynical farce"
    assert quote.rule == "direct.called"
    assert speaker_text(quote) == "Lavrov"


@pytest.mark.parametrize(
    ("case", "phrase"),
    [
        ("scare_quotes", "war on corruption"),  # what it calls "..."
        ("scare_quotes", "volunteers"),  # an institution's label
        ("scare_quotes", "war on terror"),  # a slogan in the reporter's sentence
        ("label", "undesirable organization"),
        ("newspaper", "Vedomosti"),  # a paper's name after "newspaper"
        ("journal", "Eastern Defence Review"),  # "X of "Y" said"
        ("agreement", "Black Sea Grain Initiative"),
        ("operation", "Northern Shield"),
        ("slogan", "Freedom for all prisoners"),
    ],
)
@pytest.mark.model
def test_names_and_scare_quotes_are_not_quotes(
    found: dict[str, tuple[Quote, ...]], case: str, phrase: str
) -> None:
    assert not [q for q in direct(found[case]) if phrase in q.text]


@pytest.mark.model
def test_reported_speech_verbs(found: dict[str, tuple[Quote, ...]]) -> None:
    quotes = reported(found["reported_verbs"])
    assert [q.text for q in quotes] == [
        "the fighting could last for years",
        "Moscow had no plans to attack",
        "the border would remain closed",
        "the sanctions had failed",
        "the alliance was united",
        "the talks had reached a dead end",
    ]
    assert {q.rule for q in quotes} == {"reported.said_that"}
    codes = [q.speaker.code if q.speaker else None for q in quotes]
    assert codes == ["IGOWSTNAT", "RUSGOV", "RUSGOV", "RUSGOV", "IGOWSTNAT", "RUSGOV"]


@pytest.mark.model
def test_says_without_that(found: dict[str, tuple[Quote, ...]]) -> None:
    (quote,) = reported(found["says"])
    assert quote.text == "the alliance will send more troops to the east"
    assert speaker_text(quote) == "Stoltenberg"


@pytest.mark.model
def test_according_to_before_and_after(found: dict[str, tuple[Quote, ...]]) -> None:
    first, second = reported(found["according_to"])
    assert first.text == "30 drones were shot down overnight"
    assert "Ukrainian military" in speaker_text(first)
    assert second.text == "Two soldiers were killed near the border"
    assert "defence ministry" in speaker_text(second)
    assert first.rule == second.rule == "reported.according_to"


@pytest.mark.model
def test_statement_before_its_verb(found: dict[str, tuple[Quote, ...]]) -> None:
    (quote,) = reported(found["inverted"])
    assert quote.text == "Three civilians were wounded in the shelling"
    assert quote.rule == "reported.inverted"
    assert "regional governor" in speaker_text(quote)


@pytest.mark.model
def test_statement_before_a_verb_in_an_aside(found: dict[str, tuple[Quote, ...]]) -> None:
    (quote,) = reported(found["inverted_aside"])
    assert quote.text == "The two sides agreed to reopen the crossing"
    assert speaker_text(quote) == "officials in both capitals"


@pytest.mark.model
def test_negated_and_declined_speech_is_not_a_statement(
    found: dict[str, tuple[Quote, ...]],
) -> None:
    assert found["not_statements"] == ()


@pytest.mark.model
def test_pronoun_subject_speaks_for_the_person_named_before(
    found: dict[str, tuple[Quote, ...]],
) -> None:
    (quote,) = reported(found["pronoun"])
    assert speaker_text(quote) == "Stoltenberg"
    assert quote.speaker is not None and quote.speaker.code == "IGOWSTNAT"


@pytest.mark.model
def test_affiliation_of_the_speaker(found: dict[str, tuple[Quote, ...]]) -> None:
    (quote,) = reported(found["affiliation"])
    assert quote.speaker is not None
    assert quote.speaker.affiliation == "Carnegie Endowment"
    assert "Maria Petrova" in quote.speaker.text


@pytest.mark.model
def test_a_newspaper_can_speak(found: dict[str, tuple[Quote, ...]]) -> None:
    (quote,) = reported(found["newspaper_speaker"])
    assert quote.text == "the deal had collapsed"
    assert quote.speaker is not None and "Kommersant" in quote.speaker.text
    assert quote.speaker.code is not None and quote.speaker.code.endswith("MED")


@pytest.mark.model
def test_said_with_a_clause_and_no_that(found: dict[str, tuple[Quote, ...]]) -> None:
    (quote,) = reported(found["this_coupling"])
    assert quote.text.startswith("this mix of trade and security ties is")
    assert speaker_text(quote) == "Lavrov"


@pytest.mark.model
def test_evaluator_scores_a_small_gold_file(tmp_path: Path) -> None:
    text = CASES["split_straight"]
    start = text.index("Nobody")
    item = {
        "id": "t1",
        "date": DAY.isoformat(),
        "text": text,
        "quotes": [
            {
                "text": "Nobody wants a new war in the region,",
                "start": start,
                "end": start + len("Nobody wants a new war in the region,"),
                "kind": "direct",
                "speaker": "Sergei Lavrov",
                "speaker_code": "RUSGOV",
                "affiliation": None,
                "also_at": [],
            }
        ],
        "not_quotes": [],
    }
    path = tmp_path / "gold.jsonl"
    note = {"id": "_conventions", "text": "notes"}
    path.write_text(json.dumps(note) + "\n" + json.dumps(item) + "\n", encoding="utf-8")
    report = evaluate_quotes(path)
    figures = report.as_dict()
    assert figures["items"] == 1
    assert figures["direct"]["tp"] == 1 and figures["direct"]["fp"] == 1  # the split half
    assert figures["speaker_accuracy"] == 1.0


@pytest.mark.model
def test_without_a_mention_the_of_phrase_gives_the_affiliation() -> None:
    from wirecoder.nlp import parse
    from wirecoder.quotes.speakers import Speakers

    doc = parse("Maria Petrova of the Carnegie Endowment said the drill was routine.")
    verb = next(t for t in doc if t.text == "said")
    speaker = Speakers(doc, []).for_verb(verb)
    assert speaker == Speaker("Maria Petrova", 0, 13, affiliation="Carnegie Endowment")
