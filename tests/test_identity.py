"""Document ids and near-duplicate detection."""

from __future__ import annotations

from wirecoder.identity import (
    NearDuplicateIndex,
    document_id,
    signature,
    signature_from_values,
    signature_values,
)

STORY = (
    "Foreign ministers from the five Central Asian states met in Almaty on Thursday and "
    "agreed to set up a joint commission on water sharing, officials said. The commission "
    "will meet every three months and report to the heads of state, according to a joint "
    "statement. Kazakhstan's foreign minister said the deal ended years of disputes over "
    "the rivers that cross the region, while Uzbek officials called it a first step."
)


def test_document_id_ignores_case_spacing_and_punctuation() -> None:
    variant = STORY.upper().replace(" ", "  ").replace(",", " ,").replace("'", "’")
    assert document_id(STORY) == document_id(variant)
    assert len(document_id(STORY)) == 16


def test_document_id_changes_with_words() -> None:
    assert document_id(STORY) != document_id(STORY.replace("Thursday", "Friday"))


def test_near_duplicate_links_to_first_copy() -> None:
    index = NearDuplicateIndex()
    index.add("first", signature(STORY))
    edited = STORY.replace("Thursday", "Friday")
    match = index.match(signature(edited))
    assert match is not None
    assert match[0] == "first"
    assert match[1] >= 0.8
    # A copy of the copy still points at the first one.
    index.add("second", signature(edited), duplicate_of="first")
    again = index.match(signature(edited + " The talks will continue."))
    assert again is not None and again[0] == "first"


def test_different_story_is_not_a_duplicate() -> None:
    index = NearDuplicateIndex()
    index.add("first", signature(STORY))
    other = (
        "Police in Nairobi fired tear gas at hundreds of protesters who marched on "
        "parliament on Tuesday to oppose a new finance bill, witnesses said, and at least "
        "forty people were arrested in clashes that lasted into the evening."
    )
    assert index.match(signature(other)) is None


def test_signature_round_trips_through_values() -> None:
    original = signature(STORY)
    restored = signature_from_values(signature_values(original))
    assert restored.jaccard(original) == 1.0
