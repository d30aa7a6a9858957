"""Quantities: money, counts, percentages and durations, what they measure, and flags.

The first tests build parses by hand (no trained model, as spaCy's own tests do); the
ones marked `model` run the English pipeline on sentences written for these tests.
"""

from __future__ import annotations

import doctest
import shutil
from pathlib import Path

import pytest
import spacy
import yaml
from spacy.tokens import Doc

from wirecoder.actors import load_dictionary
from wirecoder.errors import DataFileError
from wirecoder.model import Quantity
from wirecoder.quantities import (
    extract_quantities,
    lexicon,
    load_lexicon,
    load_reference,
    numerals,
    read_lexicon,
    read_reference,
    reference,
)
from wirecoder.quantities.finder import Found
from wirecoder.quantities.lexicon import data_folder
from wirecoder.quantities.numerals import read_number
from wirecoder.quantities.plausibility import Context, Plausibility

# ---------------------------------------------------------------------------------------
# Data files


@pytest.mark.parametrize("module", [lexicon, numerals, reference])
def test_doctests(module: object) -> None:
    assert doctest.testmod(module).failed == 0  # type: ignore[arg-type]


def test_every_dictionary_country_has_reference_figures() -> None:
    ref = load_reference()
    codes = {c.code for c in load_dictionary().countries}
    assert set(ref.name) == codes
    assert set(ref.forces) == codes
    with_gdp = {code for code, years in ref.gdp.items() if years}
    # Only places with no economy of their own in the tables, and states gone before
    # the tables' first year, lack a GDP.
    assert codes - with_gdp == {"VAT", "ESH", "SUN", "CSK", "DDR", "YUG"}


def test_gdp_is_of_the_right_order_of_magnitude() -> None:
    ref = load_reference()
    for years in ref.gdp.values():
        for value in years.values():
            assert 1e7 <= value <= 3e13
    assert ref.gdp["USA"][2005] > ref.gdp["CHN"][2005] > ref.gdp["RUS"][2005]
    assert ref.gdp["CHN"][2020] > ref.gdp["JPN"][2020]
    assert 1e9 < ref.gdp["TJK"][2005] < 5e9
    assert ref.forces["CHN"] > ref.forces["TJK"] > 0
    assert ref.forces["ISL"] == 0


@pytest.mark.parametrize(
    ("year", "expected"),
    [(2004, 2005), (2002, 2000), (1990, 1995), (2024, 2020), (2013, 2015), (None, 2020)],
)
def test_gdp_uses_the_nearest_reference_year(year: int | None, expected: int) -> None:
    hit = load_reference().gdp_in("RUS", year)
    assert hit is not None and hit[1] == expected


def test_gdp_falls_back_to_the_nearest_year_with_a_figure() -> None:
    ref = load_reference()
    assert ref.gdp_in("AFG", 1995) == (ref.gdp["AFG"][2005], 2005)
    assert ref.gdp_in("VAT", 2005) is None
    assert ref.gdp_in("XXX", 2005) is None


def test_currencies_name_known_countries_and_positive_rates() -> None:
    codes = {c.code for c in load_dictionary().countries}
    lex = load_lexicon()
    seen = set()
    for currency in lex.currencies:
        assert currency.code not in seen
        seen.add(currency.code)
        assert set(currency.countries) <= codes, currency.code
        assert all(rate > 0 for rate in currency.per_usd.values())
    expected = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB"}
    for symbol, code in expected.items():
        assert lex.currency_symbols[symbol].code == code


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("dollars", "USD"),
        ("euro", "EUR"),
        ("pounds", "GBP"),
        ("roubles", "RUB"),
        ("rubles", "RUB"),
        ("yen", "JPY"),
        ("yuan", "CNY"),
        ("renminbi", "CNY"),
        ("somoni", "TJS"),
        ("som", "KGS"),
        ("rupees", "INR"),
    ],
)
def test_currency_names(name: str, code: str) -> None:
    options = load_lexicon().currency_names.get([name])
    assert options is not None and options[0].code == code


def test_currency_rate_uses_the_nearest_year() -> None:
    rub = load_lexicon().currency_symbols["₽"]
    assert rub.rate(2004) == rub.per_usd[2005]
    assert load_lexicon().currency_symbols["TJS"].rate(1995) == 2.08  # first year kept


@pytest.mark.parametrize(
    ("words", "start", "value", "end"),
    [
        (["5,000", "soldiers"], 0, 5000.0, 1),
        (["$", "330", "billion"], 1, 3.3e11, 3),
        (["nearly", "1.2", "million"], 1, 1.2e6, 3),
        (["two", "thousand", "troops"], 0, 2000.0, 2),
        (["twenty", "-", "five"], 0, 25.0, 3),
        (["twenty-five"], 0, 25.0, 1),
        (["a", "million", "people"], 0, 1e6, 2),
        (["half", "a", "million"], 0, 5e5, 3),
        (["two", "dozen"], 0, 24.0, 2),
        ([".5"], 0, 0.5, 1),
    ],
)
def test_read_number(words: list[str], start: int, value: float, end: int) -> None:
    read = read_number(words, start, load_lexicon())
    assert read is not None
    assert read.value == pytest.approx(value)
    assert read.end == end


@pytest.mark.parametrize("words", [["first"], ["a", "man"], ["half"], ["5.5.5"], ["x1"]])
def test_not_numbers(words: list[str]) -> None:
    assert read_number(words, 0, load_lexicon()) is None


def test_abbreviations_are_reported_not_applied() -> None:
    lex = load_lexicon()
    glued = read_number(["3.5bn"], 0, lex)
    assert glued is not None and (glued.value, glued.abbreviation) == (3.5, 1e9)
    apart = read_number(["5", "m"], 0, lex)
    assert apart is not None and (apart.end, apart.abbreviation_end) == (1, 2)


@pytest.fixture()
def data_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "quantities"
    shutil.copytree(data_folder(), folder)
    return folder


def _break_line(path: Path, old: str, new: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(n for n, line in enumerate(lines, 1) if old in line)
    lines[number - 1] = lines[number - 1].replace(old, new)
    path.write_text("".join(lines), encoding="utf-8")
    return number


def test_malformed_gdp_row_names_file_and_line(data_copy: Path) -> None:
    line = _break_line(data_copy / "gdp.tsv", "2.3e9", "lots")
    with pytest.raises(DataFileError) as caught:
        read_reference(data_copy)
    assert caught.value.code == "E101"
    assert caught.value.fields["line"] == line
    assert str(caught.value.fields["path"]).endswith("gdp.tsv")


def test_short_armed_forces_row_is_an_error(data_copy: Path) -> None:
    line = _break_line(data_copy / "armed_forces.tsv", "Tajikistan\t9000", "Tajikistan")
    with pytest.raises(DataFileError, match=f"armed_forces.tsv:{line}: expected 3"):
        read_reference(data_copy)


def test_unknown_qualifier_symbol_names_its_line(data_copy: Path) -> None:
    line = _break_line(data_copy / "qualifiers.yaml", '"~": [nearly', '"about": [nearly')
    with pytest.raises(DataFileError, match=f"qualifiers.yaml:{line}: unknown qualifier"):
        read_lexicon(data_copy)


def test_bad_currency_code_names_its_line(data_copy: Path) -> None:
    line = _break_line(data_copy / "currencies.yaml", "code: TJS", "code: tjs")
    with pytest.raises(DataFileError, match=f"currencies.yaml:{line}: code 'tjs'"):
        read_lexicon(data_copy)


def test_every_data_file_is_valid_yaml_or_tsv_with_a_header() -> None:
    for path in sorted(data_folder().iterdir()):
        text = path.read_text(encoding="utf-8")
        assert text.startswith("# "), path.name
        if path.suffix == ".yaml":
            assert yaml.safe_load(text) is not None


# ---------------------------------------------------------------------------------------
# Hand-built parses: the rules without a trained model

# word, head, dep, pos, tag, lemma
Row = tuple[str, int, str, str, str, str]


def make_doc(rows: list[Row]) -> Doc:
    vocab = spacy.blank("en").vocab
    words = [r[0] for r in rows]
    glued = [
        w == "$" or (i + 1 < len(rows) and rows[i + 1][0] in ".,") for i, w in enumerate(words)
    ]
    spaces = [not g for g in glued[:-1]] + [False]
    return Doc(
        vocab,
        words=words,
        spaces=spaces,
        heads=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        pos=[r[3] for r in rows],
        tags=[r[4] for r in rows],
        lemmas=[r[5] for r in rows],
    )


DEBTS: list[Row] = [
    ("Russia", 2, "nsubj", "PROPN", "NNP", "Russia"),
    ("will", 2, "aux", "AUX", "MD", "will"),
    ("write", 2, "ROOT", "VERB", "VB", "write"),
    ("off", 2, "prt", "ADP", "RP", "off"),
    ("$", 6, "quantmod", "SYM", "$", "$"),
    ("330", 6, "compound", "NUM", "CD", "330"),
    ("billion", 2, "dobj", "NUM", "CD", "billion"),
    ("of", 6, "prep", "ADP", "IN", "of"),
    ("Tajik", 9, "amod", "ADJ", "JJ", "tajik"),
    ("debts", 7, "pobj", "NOUN", "NNS", "debt"),
    (".", 2, "punct", "PUNCT", ".", "."),
]

SHARE: list[Row] = [
    ("They", 1, "nsubj", "PRON", "PRP", "they"),
    ("sought", 1, "ROOT", "VERB", "VBD", "seek"),
    ("over", 3, "quantmod", "ADP", "IN", "over"),
    ("50", 4, "nummod", "NUM", "CD", "50"),
    ("percent", 5, "npadvmod", "NOUN", "NN", "percent"),
    ("Russian", 6, "amod", "ADJ", "JJ", "russian"),
    ("share", 1, "dobj", "NOUN", "NN", "share"),
    (".", 1, "punct", "PUNCT", ".", "."),
]

TROOPS: list[Row] = [
    ("Tajikistan", 1, "nsubj", "PROPN", "NNP", "Tajikistan"),
    ("sent", 1, "ROOT", "VERB", "VBD", "send"),
    ("200,000", 3, "nummod", "NUM", "CD", "200,000"),
    ("troops", 1, "dobj", "NOUN", "NNS", "troop"),
    ("for", 1, "prep", "ADP", "IN", "for"),
    ("five", 6, "nummod", "NUM", "CD", "five"),
    ("years", 4, "pobj", "NOUN", "NNS", "year"),
    (".", 1, "punct", "PUNCT", ".", "."),
]


def test_money_with_scale_and_what_it_measures_by_hand() -> None:
    doc = make_doc(DEBTS)
    (debt,) = extract_quantities(doc, year=2004)
    assert (debt.text, debt.value, debt.unit) == ("$330 billion", 3.3e11, "USD")
    assert debt.refers_to == "Tajik debts"
    assert doc.text[debt.start : debt.end] == debt.text
    assert debt.event is None
    (flag,) = debt.flags
    assert flag.startswith("implausible: 3.3e+11 USD is 143x Tajikistan's GDP")
    assert flag.endswith("(~2.3e+09 USD in 2005)")


def test_debt_compared_with_the_country_it_refers_to_not_the_lender() -> None:
    # Russia's GDP would make the amount look fine; the debts are Tajik.
    (debt,) = extract_quantities(make_doc(DEBTS), year=2004)
    assert "Tajikistan" in debt.flags[0] and "Russia" not in debt.flags[0]


def test_percent_with_qualifier_by_hand() -> None:
    (share,) = extract_quantities(make_doc(SHARE))
    assert (share.text, share.value, share.unit, share.qualifier) == (
        "over 50 percent",
        50.0,
        "percent",
        ">",
    )
    assert share.refers_to == "Russian share"
    assert share.flags == ()


def test_troops_and_duration_by_hand() -> None:
    troops, years = extract_quantities(make_doc(TROOPS), year=2010)
    assert (troops.value, troops.unit, troops.refers_to) == (200000.0, "troop", "troops")
    (flag,) = troops.flags
    assert flag == ("implausible: 200,000 troops is 22x Tajikistan's active armed forces (~9,000)")
    assert (years.value, years.unit, years.refers_to) == (5.0, "year", "troops")


def test_flags_never_change_the_value() -> None:
    (debt,) = extract_quantities(make_doc(DEBTS), year=2004)
    assert debt.value == 3.3e11 and debt.flags


def test_home_country_is_the_last_resort() -> None:
    rows: list[Row] = [
        ("They", 1, "nsubj", "PRON", "PRP", "they"),
        ("spent", 1, "ROOT", "VERB", "VBD", "spend"),
        ("$", 4, "quantmod", "SYM", "$", "$"),
        ("40", 4, "compound", "NUM", "CD", "40"),
        ("billion", 1, "dobj", "NUM", "CD", "billion"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    (alone,) = extract_quantities(make_doc(rows), year=2005)
    assert alone.flags == ()
    (at_home,) = extract_quantities(make_doc(rows), home="KGZ", year=2005)
    assert "Kyrgyzstan's GDP" in at_home.flags[0]
    (big_home,) = extract_quantities(make_doc(rows), home="USA", year=2005)
    assert big_home.flags == ()


# ---------------------------------------------------------------------------------------
# Plausibility on its own


def _money(value: float, code: str) -> Found:
    currency = load_lexicon().currency_symbols[code]
    return Found("money", value, code, 0, 1, 0, 1, currency=currency)


def _troops(value: float) -> Found:
    return Found("count", value, "soldier", 0, 1, 0, 1, noun=0, count_kind="military")


def test_money_in_another_currency_is_converted_before_comparing() -> None:
    check = Plausibility(load_reference())
    # 2 billion roubles is about $70 million: fine even for Tajikistan.
    assert check.flags(_money(2e9, "RUB"), "", Context(sentence=["TJK"]), 2005) == ()
    (flag,) = check.flags(_money(2e12, "RUB"), "", Context(sentence=["TJK"]), 2005)
    assert flag.startswith("implausible: 2e+12 RUB (~7.07e+10 USD) is 31x Tajikistan's GDP")


def test_debts_get_a_wider_margin() -> None:
    check = Plausibility(load_reference())
    japan = Context(refers_to=["JPN"], measured_words=frozenset({"public", "debt"}))
    three_years_of_gdp = 3 * load_reference().gdp["JPN"][2020]
    assert check.flags(_money(three_years_of_gdp, "USD"), "", japan, 2020) == ()
    spending = Context(refers_to=["JPN"], measured_words=frozenset({"spending"}))
    assert check.flags(_money(three_years_of_gdp, "USD"), "", spending, 2020)


def test_the_largest_country_in_the_sentence_decides() -> None:
    check = Plausibility(load_reference())
    context = Context(sentence=["TJK", "RUS"])
    assert check.flags(_money(5e10, "USD"), "", context, 2005) == ()
    assert check.flags(_troops(200_000), "", context, 2005) == ()


def test_troop_counts_outside_any_force_are_flagged() -> None:
    check = Plausibility(load_reference())
    (flag,) = check.flags(_troops(9e6), "9 million soldiers", Context(), None)
    assert flag == (
        "implausible: 9 million soldiers is outside the range of any one force (1-4,000,000)"
    )


def test_small_states_still_host_foreign_forces() -> None:
    check = Plausibility(load_reference())
    assert check.flags(_troops(15_000), "", Context(sentence=["ISL"]), None) == ()
    (flag,) = check.flags(_troops(50_000), "50,000 soldiers", Context(sentence=["ISL"]), None)
    assert "more than Iceland's active armed forces (~0)" in flag


def test_no_currency_rate_means_no_money_check() -> None:
    check = Plausibility(load_reference())
    assert check.flags(_money(1e15, "BYN"), "", Context(sentence=["BLR"]), 2005) == ()


# ---------------------------------------------------------------------------------------
# The English pipeline on sentences written for these tests


def quantities(text: str, **options: object) -> tuple[Quantity, ...]:
    from wirecoder.nlp import parse

    found = extract_quantities(parse(text), **options)  # type: ignore[arg-type]
    for q in found:
        assert text[q.start : q.end] == q.text
        assert q.event is None
    return found


def one(text: str, **options: object) -> Quantity:
    (found,) = quantities(text, **options)
    return found


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "amount", "value", "unit"),
    [
        ("Moscow will write off $330 billion of debts.", "$330 billion", 3.3e11, "USD"),
        ("The donors pledged 2 billion dollars to rebuild.", "2 billion dollars", 2e9, "USD"),
        ("The bank lent the firm €5m last week.", "€5m", 5e6, "EUR"),
        ("The treasury raised £3.5bn in bonds.", "£3.5bn", 3.5e9, "GBP"),
        ("Washington pledged US$40 million in aid.", "US$40 million", 4e7, "USD"),
        ("The ministry allotted 2 billion roubles.", "2 billion roubles", 2e9, "RUB"),
        ("Tokyo approved a ¥1.5 trillion stimulus.", "¥1.5 trillion", 1.5e12, "JPY"),
        ("Beijing offered 150 million yuan in credit.", "150 million yuan", 1.5e8, "CNY"),
        ("Each family got 10,000 somoni.", "10,000 somoni", 1e4, "TJS"),
        ("Bishkek borrowed 3 million som.", "3 million som", 3e6, "KGS"),
        ("New Delhi set aside 5 billion rupees.", "5 billion rupees", 5e9, "INR"),
        ("The fund holds 800 million Swiss francs.", "800 million Swiss francs", 8e8, "CHF"),
        ("The pipeline will cost $2.5bn to build.", "$2.5bn", 2.5e9, "USD"),
        ("The loan was worth USD 5 million.", "USD 5 million", 5e6, "USD"),
    ],
)
def test_money(text: str, amount: str, value: float, unit: str) -> None:
    q = one(text)
    assert (q.text, q.unit) == (amount, unit)
    assert q.value == pytest.approx(value)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "value", "unit", "refers_to"),
    [
        ("The base will house 5,000 soldiers.", 5000, "soldier", "soldiers"),
        ("Nearly 1.2 million Syrian refugees have fled.", 1.2e6, "refugee", "Syrian refugees"),
        ("Two thousand troops were sent north.", 2000, "troop", "troops"),
        ("About 300 people were killed.", 300, "person", "people"),
        ("Some 20,000 Ukrainian servicemen remained.", 20000, "serviceman", "Ukrainian servicemen"),
        ("The army lost 200 tanks in the offensive.", 200, "tank", "tanks"),
        ("Ankara deployed 30 F-16 jets.", 30, "jet", "jets"),
    ],
)
def test_counts(text: str, value: float, unit: str, refers_to: str) -> None:
    q = one(text)
    assert (q.value, q.unit, q.refers_to) == (value, unit, refers_to)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "value", "qualifier", "refers_to"),
    [
        ("There was talk of over 50 percent Russian share.", 50, ">", "Russian share"),
        ("The party won 12 percent of the vote.", 12, None, "vote"),
        ("Unemployment rose to 7.5 per cent in May.", 7.5, None, "Unemployment"),
        ("The state sold a 25% stake.", 25, None, "stake"),
        ("More than 40 per cent of voters stayed home.", 40, ">", "voters"),
        ("Turnout was below 30 percent.", 30, "<", None),
    ],
)
def test_percentages(text: str, value: float, qualifier: str | None, refers_to: str | None) -> None:
    q = one(text)
    assert (q.value, q.unit, q.qualifier) == (value, "percent", qualifier)
    assert q.refers_to == refers_to


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("At least 40 civilians died in the shelling.", ">="),
        ("Up to 700 peacekeepers will deploy.", "<="),
        ("Nearly 900 refugees crossed on Monday.", "~"),
        ("Almost 900 refugees crossed on Monday.", "~"),
        ("Roughly 900 refugees crossed on Monday.", "~"),
        ("Fewer than 100 hostages were freed.", "<"),
        ("They freed 100 hostages or more.", ">="),
    ],
)
def test_qualifiers(text: str, qualifier: str) -> None:
    assert one(text).qualifier == qualifier


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "value", "unit", "refers_to"),
    [
        ("The sides agreed a six-month ceasefire.", 6, "month", "ceasefire"),
        ("They signed a 10-year agreement.", 10, "year", "agreement"),
        ("The talks lasted for three years.", 3, "year", "talks"),
        ("The siege lasted 18 months.", 18, "month", "siege"),
    ],
)
def test_durations(text: str, value: float, unit: str, refers_to: str) -> None:
    q = one(text)
    assert (q.value, q.unit, q.refers_to) == (value, unit, refers_to)


@pytest.mark.model
def test_money_over_a_period_is_tied_to_what_it_pays_for() -> None:
    money, years = quantities(
        "Moscow says it will provide investment amounting to $ 2 billion over the next five years."
    )
    assert (money.value, money.unit, money.refers_to) == (2e9, "USD", "investment")
    assert (years.value, years.unit, years.qualifier) == (5, "year", None)
    assert years.refers_to == "investment"


@pytest.mark.model
def test_ranges_share_the_unit_and_scale() -> None:
    low, high = quantities("Between 3,000 and 5,000 troops will stay.")
    assert (low.value, low.unit, high.value, high.unit) == (3000, "troop", 5000, "troop")
    low, high = quantities("The floods displaced 2 to 3 million people.")
    assert (low.value, low.unit, high.value) == (2e6, "person", 3e6)
    low, high = quantities("Moscow offered $3 to $5 billion in loans.")
    assert (low.value, low.unit, high.value, high.refers_to) == (3e9, "USD", 5e9, "loans")


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The talks opened on 20 October 2004 in the capital.",
        "A 45-year-old man was detained.",
        "The base was closed two years ago.",
        "One of the ministers resigned.",
        "The 2004 elections were disputed.",
        "The runway is 5m wide.",
    ],
)
def test_numbers_that_are_not_quantities(text: str) -> None:
    assert quantities(text) == ()


@pytest.mark.model
def test_sentence_countries_and_mentions_choose_the_economy() -> None:
    text = "Dushanbe said the dam deal is worth $40 billion."
    (deal,) = quantities(text, year=2005)
    assert deal.refers_to == "dam deal"
    assert deal.flags and "Tajikistan's GDP" in deal.flags[0]
    (fine,) = quantities("Moscow and Dushanbe said the dam deal is worth $40 billion.", year=2005)
    assert fine.flags == ()


@pytest.mark.model
def test_currencies_sharing_a_name_follow_the_home_country() -> None:
    assert one("The court fined him 5 million pesos.").unit == "MXN"
    assert one("The court fined him 5 million pesos.", home="PHL").unit == "PHP"


@pytest.mark.model
def test_points_and_words_that_count_nothing() -> None:
    (points,) = quantities("The index fell 2.5 percentage points on Friday.")
    assert (points.value, points.unit, points.refers_to) == (2.5, "percentage point", "index")
    (index,) = quantities("The index fell 3 points on Friday.")
    assert index.unit == "point"
    (one_soldier,) = quantities("One soldier was killed and four others were wounded.")
    assert (one_soldier.value, one_soldier.unit) == (1, "soldier")


@pytest.mark.model
def test_to_dict_round_trip() -> None:
    q = one("Over 50 percent of the plant is Russian-owned.")
    data = q.to_dict()
    assert data["value"] == 50 and data["qualifier"] == ">" and data["flags"] == []
