"""The public Python API: exactly these names, and `code()` returning the JSON contract."""

from __future__ import annotations

import wirecoder


def test_exported_members() -> None:
    assert set(wirecoder.__all__) == {
        "Article",
        "CodedDocument",
        "DataFileError",
        "Dateline",
        "InputError",
        "RawDocument",
        "Removed",
        "StoreError",
        "WirecoderError",
        "__version__",
        "code",
        "open_store",
    }
    for name in wirecoder.__all__:
        assert hasattr(wirecoder, name)


def test_code_to_dict_contract() -> None:
    doc = wirecoder.code(
        "<html><body><article><p>Officials in Nairobi said on Monday that talks between "
        "the government and the opposition would resume next week.</p></article></body></html>",
        url="https://example.org/story",
        published="2019-06-03",
    )
    data = doc.to_dict()
    assert list(data) == ["doc_id", "article", "actors", "events", "quotes", "quantities"]
    assert data["article"]["published"] == "2019-06-03"
    assert data["article"]["url"] == "https://example.org/story"
    assert data["article"]["source"] == "https://example.org/story"
    assert data["doc_id"] == doc.doc_id


def test_errors_carry_codes() -> None:
    error = wirecoder.InputError("E002", source="a.txt")
    assert error.code == "E002"
    assert str(error) == "[E002] input is empty: a.txt"
    assert error.reason == "input is empty: a.txt"
    assert isinstance(error, wirecoder.WirecoderError)
