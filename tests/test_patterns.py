"""Event trigger patterns: shipped coverage, lookups, user layers and schema errors."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import pytest

from wirecoder.errors import DataFileError
from wirecoder.events.patterns import Pattern, PatternSet, load_patterns
from wirecoder.ontology import load_ontology


@pytest.fixture(scope="module")
def patterns() -> PatternSet:
    return load_patterns()


def first(
    patterns: PatternSet,
    lemma: str,
    pos: str = "VERB",
    *,
    obj: str | None = None,
    phrase: Iterable[str] = (),
    particle: str | None = None,
    prep: str | None = None,
    complement: str | None = None,
    modifiers: Iterable[str] = (),
) -> Pattern:
    """The pattern a coder would pick for a trigger seen with these parse facts."""
    mods = set(modifiers)
    for p in patterns.for_trigger(lemma, pos):
        if p.particle is not None and p.particle != particle:
            continue
        if p.requires_prep is not None and p.requires_prep != prep:
            continue
        if p.objects and (obj is None or not p.accepts_object(obj, phrase)):
            continue
        if p.modifiers and not mods & set(p.modifiers):
            continue
        if p.complement and complement not in p.complement:
            continue
        return p
    raise AssertionError(f"no pattern for {lemma}/{pos}")


# ---------------------------------------------------------------------------------------
# Coverage


def test_counts(patterns: PatternSet) -> None:
    assert len(patterns) >= 450
    by_root = Counter(p.code[:2] for p in patterns)
    for root in range(1, 21):
        assert by_root[f"{root:02d}"] >= 8, f"root {root:02d} has {by_root[f'{root:02d}']}"
    nouns = [p for p in patterns if p.pos == "NOUN"]
    assert len(nouns) >= 100


def test_every_code_is_in_the_ontology(patterns: PatternSet) -> None:
    onto = load_ontology()
    for p in patterns:
        assert p.code in onto, p.id
        assert p.negated_code is None or p.negated_code in onto, p.id


def test_every_shipped_pattern_has_an_example(patterns: PatternSet) -> None:
    missing = [p.id for p in patterns if not p.example]
    assert missing == []


def test_version_and_files(patterns: PatternSet) -> None:
    assert len(patterns.version) == 12
    assert [Path(f).name for f in patterns.files] == ["verbs.yaml", "nouns.yaml"]
    assert load_patterns() is patterns  # read once


# ---------------------------------------------------------------------------------------
# Spot checks


def test_write_off_debt(patterns: PatternSet) -> None:
    p = first(patterns, "write", particle="off", obj="debt")
    assert (p.id, p.code) == ("write_off.debt", "071")
    assert p.targets == ("prep:of", "object")


def test_visit_noun(patterns: PatternSet) -> None:
    p = patterns.get("visit.n")
    assert (p.pos, p.code, p.target) == ("NOUN", "042", "prep:to")
    assert p.source == ("prep:by", "poss", "compound", "prep:of", "subject")


def test_host_and_visit_verbs(patterns: PatternSet) -> None:
    assert first(patterns, "host").code == "043"
    assert first(patterns, "visit").code == "042"
    assert first(patterns, "welcome", prep="in").code == "043"
    assert first(patterns, "welcome").code == "051"


def test_disapproval(patterns: PatternSet) -> None:
    for lemma in ("criticise", "criticize", "condemn", "denounce"):
        assert first(patterns, lemma).code == "111"
    assert first(patterns, "accuse").code == "112"
    assert first(patterns, "accuse", prep="of", obj="crime", phrase=["war"]).code == "1124"
    assert first(patterns, "blame").code == "112"


def test_sanctions(patterns: PatternSet) -> None:
    p = first(patterns, "impose", obj="sanction")
    assert (p.code, p.targets) == ("163", ("prep:on", "prep:against"))
    assert first(patterns, "impose", obj="curfew").code == "1723"
    assert first(patterns, "impose").code == "170"
    noun = patterns.get("sanction.n")
    assert (noun.code, noun.targets) == ("163", ("prep:on", "prep:against"))


def test_coercion_and_violence(patterns: PatternSet) -> None:
    assert first(patterns, "arrest").code == "173"
    assert first(patterns, "deport").code == "174"
    assert first(patterns, "crack", particle="down").code == "175"
    assert first(patterns, "assassinate").code == "186"
    assert first(patterns, "invade").code == "192"
    assert first(patterns, "shell").code == "194"
    assert first(patterns, "launch", obj="strike", phrase=["air"]).code == "195"
    assert first(patterns, "launch", obj="strike").code == "190"
    assert first(patterns, "massacre").code == "202"


def test_promised_investment_is_coded_directly(patterns: PatternSet) -> None:
    for lemma in ("pledge", "promise"):
        p = first(patterns, lemma, obj="investment")
        assert (p.code, p.intent) == ("0331", False)
    assert first(patterns, "pledge", obj="troop").code == "0334"


def test_intent_verbs_defer_to_the_complement(patterns: PatternSet) -> None:
    onto = load_ontology()
    for lemma in ("pledge", "promise", "vow", "offer", "agree"):
        p = first(patterns, lemma)
        assert p.intent and p.code == "030", lemma
    # "promised to provide humanitarian aid": the complement's act, then its intent code
    act = first(patterns, "provide", obj="aid", phrase=["humanitarian"])
    assert onto.intent_code_for(act.code) == "0333"
    assert first(patterns, "offer", complement="mediate").code == "039"


def test_refusal_and_negation(patterns: PatternSet) -> None:
    assert first(patterns, "refuse").refusal
    assert first(patterns, "decline", complement="comment").code == "011"
    assert first(patterns, "release").negated_code == "1243"
    assert first(patterns, "step", particle="down").negated_code == "1231"
    assert first(patterns, "lift", obj="sanction").negated_code == "1244"
    assert first(patterns, "comment").negated_code == "011"


def test_appeals_and_demands(patterns: PatternSet) -> None:
    assert first(patterns, "ask", complement="withdraw").code == "0256"
    assert first(patterns, "urge", complement="release").code == "0253"
    assert first(patterns, "call", prep="for", obj="ceasefire").code == "0256"
    assert first(patterns, "call", prep="for").code == "020"
    assert first(patterns, "demand", obj="withdrawal").code == "1056"
    assert first(patterns, "demand", complement="withdraw").code == "1056"


def test_statements(patterns: PatternSet) -> None:
    assert first(patterns, "deny", obj="responsibility").code == "016"
    assert first(patterns, "express", obj="concern").code == "012"
    assert first(patterns, "express", obj="optimism").code == "013"
    assert first(patterns, "claim", obj="responsibility").code == "015"


@pytest.mark.parametrize(
    ("pattern_id", "code", "target"),
    [
        ("talk.n", "046", "prep:with"),
        ("attack.n", "190", "prep:on"),
        ("invasion.n", "192", "prep:of"),
        ("protest.n", "141", "prep:against"),
        ("criticism.n", "111", "prep:of"),
        ("aid.n", "070", "prep:to"),
        ("agreement.n", "057", "prep:with"),
        ("ceasefire.n", "0871", "prep:with"),
        ("meeting.n", "040", "prep:with"),
        ("arrest.n", "173", "prep:of"),
    ],
)
def test_noun_events(patterns: PatternSet, pattern_id: str, code: str, target: str) -> None:
    p = patterns.get(pattern_id)
    assert (p.pos, p.code, p.target) == ("NOUN", code, target)


def test_noun_sources(patterns: PatternSet) -> None:
    assert patterns.get("talk.n").source[0] == "prep:between"
    # the possessor is the one arrested, not the one arresting
    arrest = patterns.get("arrest.n")
    assert "poss" in arrest.targets and "poss" not in arrest.source
    assert patterns.get("receive.aid").source == ("prep:from",)


def test_noun_modifiers(patterns: PatternSet) -> None:
    assert first(patterns, "strike", "NOUN", modifiers=["air"]).code == "195"
    assert first(patterns, "strike", "NOUN", modifiers=["hunger"]).code == "142"
    assert first(patterns, "strike", "NOUN").code == "143"
    assert first(patterns, "bombing", "NOUN", modifiers=["suicide"]).code == "1831"
    assert first(patterns, "attack", "NOUN", modifiers=["chemical"]).code == "2041"


# ---------------------------------------------------------------------------------------
# Lookups


def test_specific_patterns_come_first(patterns: PatternSet) -> None:
    for lemma, pos in (
        ("release", "VERB"),
        ("call", "VERB"),
        ("attack", "NOUN"),
        ("withdraw", "VERB"),
    ):
        found = patterns.for_trigger(lemma, pos)
        scores = [p.specificity for p in found]
        assert scores == sorted(scores, reverse=True), lemma
        assert scores[0] > scores[-1]
    launch = [p.id for p in patterns.for_trigger("launch", "VERB")]
    assert launch.index("launch.air_strikes") < launch.index("launch.offensive")
    pull = [p.id for p in patterns.for_trigger("pull", "VERB")]
    assert pull.index("pull_out.troops") < pull.index("pull_out")


def test_no_pattern_shadows_another_of_its_trigger(patterns: PatternSet) -> None:
    """An earlier pattern with the same frame must not claim a later one's words."""
    shadowed = []
    for lemma, pos in {(p.trigger, p.pos) for p in patterns}:
        found = patterns.for_trigger(lemma, pos)
        for i, early in enumerate(found):
            for late in found[i + 1 :]:
                if (early.particle, early.requires_prep) != (late.particle, late.requires_prep):
                    continue
                if early.complement and not set(early.complement) & set(late.complement):
                    continue  # narrower: "sent troops to fight alongside" before "sent troops"
                if early.objects and late.objects and not set(early.objects) & set(late.objects):
                    continue  # "ordered diplomats to leave", "ordered foreigners to leave"
                for field in ("objects", "complement", "modifiers"):
                    words = {w for w in getattr(early, field) if " " not in w}
                    if common := words & set(getattr(late, field)):
                        shadowed.append(f"{early.id} hides {late.id}: {sorted(common)}")
    assert shadowed == []


def test_multi_word_objects_win(patterns: PatternSet) -> None:
    assert first(patterns, "detonate", obj="bomb", phrase=["nuclear"]).code == "2042"
    assert first(patterns, "detonate", obj="bomb", phrase=["car"]).code == "1832"
    assert first(patterns, "detonate", obj="bomb").code == "183"
    assert first(patterns, "call", prep="for", obj="freedom", phrase=["press"]).code == "0243"
    assert first(patterns, "call", prep="for", obj="removal", phrase=["of", "sanction"]).code == (
        "0254"
    )
    assert first(patterns, "call", prep="for", obj="removal").code == "0241"
    assert first(patterns, "threaten", complement="strike").code == "133"


def test_lookup_misses(patterns: PatternSet) -> None:
    assert patterns.for_trigger("say", "VERB") == ()
    assert patterns.for_trigger("visit", "ADJ") == ()
    assert patterns.for_trigger("VISIT", "VERB") == patterns.for_trigger("visit", "VERB")
    assert "visit.n" in patterns and "nothing.here" not in patterns
    with pytest.raises(KeyError, match=r"nothing\.here"):
        patterns.get("nothing.here")
    assert "visit" in patterns.triggers("NOUN") and "say" not in patterns.triggers("VERB")


def test_for_token_repairs_bad_lemmas(patterns: PatternSet) -> None:
    # en_core_web_sm gives these lemmas for "staged", "waged", "raped", "forgave"
    assert patterns.for_token("staged", "stag", "VERB")[0].trigger == "stage"
    assert patterns.for_token("waging", "wag", "VERB")[0].trigger == "wage"
    assert patterns.for_token("raped", "rap", "VERB")[0].code == "1821"
    assert patterns.for_token("forgave", "forgave", "VERB")[0].trigger == "forgive"
    assert patterns.for_token("rapped", "rap", "VERB") == ()
    assert patterns.for_token("visited", "visit", "VERB") == patterns.for_trigger("visit", "VERB")


def test_accepts_object() -> None:
    p = Pattern(
        id="t", trigger="declare", pos="VERB", code="1724", target="none", source=("subject",),
        objects=("curfew", "state of emergency", "air strike"),
    )  # fmt: skip
    assert p.accepts_object("curfew")
    assert p.accepts_object("state", ["a", "state", "of", "emergency"])
    assert not p.accepts_object("state", ["the", "state"])
    assert p.accepts_object("strike", ["air", "strike"])
    assert not p.accepts_object("strike")
    bare = Pattern(id="b", trigger="x", pos="VERB", code="010", target="none", source=())
    assert bare.accepts_object("anything")


# ---------------------------------------------------------------------------------------
# User files


def write(tmp_path: Path, text: str, name: str = "my.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


USER = """\
- id: visit.n
  trigger: visit
  pos: NOUN
  code: "043"
  target: prep:to
- id: mine.attack
  trigger: attack
  pos: VERB
  code: "193"
  target: object
"""


def test_user_file_adds_and_replaces(patterns: PatternSet, tmp_path: Path) -> None:
    mine = load_patterns([write(tmp_path, USER)])
    assert len(mine) == len(patterns) + 1
    assert mine.get("visit.n").code == "043"
    assert mine.get("visit.n").origin.endswith("my.yaml:1")
    assert mine.get("mine.attack").code == "193"
    attack = [p.id for p in mine.for_trigger("attack", "VERB")]
    # a user pattern comes before a shipped one of equal specificity, after more specific
    assert attack.index("mine.attack") < attack.index("attack")
    assert attack.index("attack.policy") < attack.index("mine.attack")
    assert [p.id for p in mine.for_trigger("visit", "NOUN")] == ["visit.n"]
    assert mine.version != patterns.version
    assert Path(mine.files[-1]).name == "my.yaml"
    # the shipped set is untouched
    assert load_patterns().get("visit.n").code == "042"


def test_later_user_file_wins(tmp_path: Path) -> None:
    one = write(tmp_path, USER, "one.yaml")
    two = write(tmp_path, USER.replace('"043"', '"040"'), "two.yaml")
    assert load_patterns([one, two]).get("visit.n").code == "040"


def test_missing_user_file(tmp_path: Path) -> None:
    with pytest.raises(DataFileError) as info:
        load_patterns([tmp_path / "absent.yaml"])
    assert info.value.fields["line"] == 0
    assert "absent.yaml" in str(info.value)


# ---------------------------------------------------------------------------------------
# Schema errors: each names the file and the line (marked "# <-" below)

GOOD = """\
- id: good.one
  trigger: meet
  pos: VERB
  code: "040"
  target: prep:with
"""

BAD: dict[str, tuple[str, str]] = {
    "unknown field": (
        GOOD + "  colour: red  # <-\n",
        "unknown pattern field 'colour'",
    ),
    "bad pos": (
        GOOD.replace("pos: VERB", "pos: ADV  # <-"),
        "pos 'ADV' is not VERB, NOUN or ADJ",
    ),
    "unknown code": (
        GOOD.replace('code: "040"', 'code: "999"  # <-'),
        "code '999' is not a CAMEO code",
    ),
    "code without its zero": (
        GOOD.replace('code: "040"', "code: 71  # <-"),
        'did you mean "071"',
    ),
    "bad negated code": (
        GOOD + '  negated_code: "0999"  # <-\n',
        "negated_code '0999'",
    ),
    "bad target syntax": (
        GOOD.replace("target: prep:with", "target: prep with  # <-"),
        "target 'prep with' is not a VERB slot",
    ),
    "noun slot on a verb": (
        GOOD.replace("target: prep:with", "target: poss  # <-"),
        "target 'poss' is not a VERB slot",
    ),
    "bad source": (
        GOOD + "  source: prep:by | someone  # <-\n",
        "source 'someone'",
    ),
    "none among slots": (
        GOOD + "  source: [subject, none]  # <-\n",
        "'none' cannot be combined",
    ),
    "duplicate id": (
        GOOD + GOOD.replace("- id: good.one", "- id: good.one  # <-"),
        "pattern id 'good.one' repeats line 1",
    ),
    "missing field": (
        "- id: no.code  # <-\n  trigger: meet\n  pos: VERB\n  target: object\n",
        "missing the required field 'code'",
    ),
    "bad id": (
        GOOD.replace("- id: good.one", "- id: Good One  # <-"),
        "id 'Good One' is not",
    ),
    "particle on a noun": (
        GOOD.replace("pos: VERB", "pos: NOUN") + "  particle: up  # <-\n",
        "only VERB patterns take a particle",
    ),
    "intent and refusal": (
        GOOD + "  intent: true  # <-\n  refusal: true\n",
        "both intent and refusal",
    ),
    "bad flag": (
        GOOD + "  intent: maybe  # <-\n",
        "intent must be true or false",
    ),
    "bad object": (
        GOOD + "  objects: [debt, Air-Strike]  # <-\n",
        "objects 'Air-Strike'",
    ),
    "empty objects": (
        GOOD + "  objects: []  # <-\n",
        "objects is an empty list",
    ),
    "field given twice": (
        GOOD + '  code: "041"  # <-\n',
        "field 'code' is given twice",
    ),
    "not a list": (
        "id: lonely  # <-\ntrigger: meet\n",
        "must be a list of patterns",
    ),
    "entry not a mapping": (
        GOOD + "- just text  # <-\n",
        "each pattern must be a mapping",
    ),
    "invalid yaml": (
        GOOD + "  example: @reserved  # <-\n",
        "not valid YAML",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_schema_errors_name_file_and_line(case: str, tmp_path: Path) -> None:
    text, message = BAD[case]
    line = next(n for n, row in enumerate(text.splitlines(), start=1) if "# <-" in row)
    path = write(tmp_path, text)
    with pytest.raises(DataFileError) as info:
        load_patterns([path])
    error = info.value
    assert error.code == "E101"
    assert error.fields["path"] == str(path)
    assert error.fields["line"] == line, str(error)
    assert message in str(error)
    assert str(error).startswith(f"[E101] {path}:{line}: ")


def test_empty_file_is_an_error(tmp_path: Path) -> None:
    for text in ("", "[]\n", "# only a comment\n"):
        with pytest.raises(DataFileError, match="holds no patterns"):
            load_patterns([write(tmp_path, text)])


def test_codes_are_checked_against_the_given_ontology(tmp_path: Path) -> None:
    # A table without 0874 (retreat) rejects the shipped patterns that use it.
    table = load_ontology().path.read_text(encoding="utf-8")
    kept = [row for row in table.splitlines() if not row.startswith("0874\t")]
    smaller = load_ontology(write(tmp_path, "\n".join(kept) + "\n", "cameo.tsv"))
    with pytest.raises(DataFileError, match="code '0874' is not a CAMEO code") as info:
        load_patterns(ontology=smaller)
    assert Path(str(info.value.fields["path"])).name == "verbs.yaml"


# ---------------------------------------------------------------------------------------
# Examples parse with their frame (loads the spaCy model)


@pytest.mark.model
def test_examples_contain_their_trigger(patterns: PatternSet) -> None:
    from wirecoder.nlp import load_nlp

    shipped = list(patterns)
    docs = load_nlp().pipe([p.example or "" for p in shipped], batch_size=64)
    problems = []
    for p, doc in zip(shipped, docs, strict=True):
        tokens = [t for t in doc if p in patterns.for_token(t.text, t.lemma_, t.pos_)]
        if not tokens:
            problems.append(f"{p.id}: no {p.pos} {p.trigger!r} in {p.example!r}")
            continue
        near = {c.lower_ for t in tokens for c in t.children}
        near |= {g.lower_ for t in tokens for c in t.children for g in c.children}
        for word in (p.particle, p.requires_prep):
            if word is not None and word not in near:
                problems.append(f"{p.id}: {word!r} not attached in {p.example!r}")
    assert problems == []


@pytest.mark.model
def test_every_pattern_fits_its_own_example(patterns: PatternSet) -> None:
    """The matcher (slots.fits) reads each frame as the README says: a pattern whose
    conditions never hold on its own example would be dead data."""
    from wirecoder.events.slots import fits
    from wirecoder.nlp import load_nlp

    shipped = list(patterns)
    docs = load_nlp().pipe([p.example or "" for p in shipped], batch_size=64)
    dead = []
    for p, doc in zip(shipped, docs, strict=True):
        tokens = [t for t in doc if p in patterns.for_token(t.text, t.lemma_, t.pos_)]
        if not any(fits(p, t) for t in tokens):
            dead.append(f"{p.id}: {p.example!r}")
    assert dead == []


def test_inquiry_subjects_reject_a_malformed_row(tmp_path: Path) -> None:
    from wirecoder.events.inquiries import load_subjects

    bad = tmp_path / "subjects.tsv"
    bad.write_text("# code\tphrase\n094\twar crime\n099\tsomething\n", encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load_subjects(bad)
    assert caught.value.fields["line"] == 3


def test_inquiry_subjects_ship_every_kind() -> None:
    from wirecoder.events.inquiries import load_subjects

    assert {code for code, _ in load_subjects()} == {"091", "092", "093", "094"}
