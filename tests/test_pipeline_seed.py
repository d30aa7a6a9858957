"""`wirecoder.code()` carries every stage's output for the seed article."""

from __future__ import annotations

import pytest

import wirecoder

pytestmark = pytest.mark.model


def test_code_fills_quantities(seed_text: str) -> None:
    doc = wirecoder.code(seed_text)
    by_text = {q.text: q for q in doc.quantities}
    debt = by_text["$330 billion"]
    assert (debt.value, debt.unit) == (3.3e11, "USD")
    assert debt.flags and "Tajikistan" in debt.flags[0]
    assert by_text["5,000 soldiers"].value == 5000
    share = by_text["over 50 percent"]
    assert (share.value, share.qualifier) == (50.0, ">")
    data = doc.to_dict()["quantities"]
    assert {q["text"] for q in data} >= {"$330 billion", "5,000 soldiers"}
    for q in doc.quantities:
        assert doc.article.text[q.start : q.end] == q.text
