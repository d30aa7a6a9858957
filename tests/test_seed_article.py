"""The seed article (a real 2004 wire page scraped as text) comes out clean."""

from __future__ import annotations

import wirecoder


def test_seed_article_fields(seed_text: str) -> None:
    doc = wirecoder.code(seed_text).to_dict()
    article = doc["article"]
    assert article["title"] == (
        "Central Asia: Putin Visit Takes Russian-Tajik Relations To New Level"
    )
    assert article["authors"] == ["Massoumeh Torfeh"]
    assert article["published"] == "2004-10-20"
    assert article["dateline"] == {"place": "Prague", "date": "2004-10-20", "agency": "RFE/RL"}
    assert article["language"] == "en"


def test_seed_body_starts_at_lead_and_has_no_furniture(seed_text: str) -> None:
    text = wirecoder.code(seed_text).article.text
    assert text.startswith("Russian President Vladimir Putin has asserted in clear terms")
    assert text.rstrip().endswith('greatly increasing its military presence in Central Asia."')
    for furniture in (
        "Accessibility links",
        "Breaking News",
        "By Massoumeh",
        "Prague, 20 October 2004",
        "undesirable organization",
        "could face fines",
        "click here",
    ):
        assert furniture not in text, furniture
    assert "Putin's visit re-launches Russia's presence" in text


def test_seed_pull_quote_kept_once(seed_text: str) -> None:
    doc = wirecoder.code(seed_text)
    assert doc.article.text.count("finally Tajikistan was fully and completely sold off") == 1
    reasons = [r.reason for r in doc.article.removed]
    assert reasons.count("pull_quote") == 1
    # The attributed copy in the body is the one kept.
    assert 'sold off to Russia," Attaullah said.' in doc.article.text


def test_seed_removed_segments_account_for_everything(seed_text: str) -> None:
    doc = wirecoder.code(seed_text)
    reasons = {r.reason for r in doc.article.removed}
    assert {"navigation", "title", "byline", "dateline", "pull_quote", "legal_notice"} <= reasons
    assert "site_notice" in reasons
    every_word = set(seed_text.split())
    kept = set(doc.article.text.split()) | {w for r in doc.article.removed for w in r.text.split()}
    assert every_word <= kept, sorted(every_word - kept)[:10]


def test_seed_is_stable(seed_text: str) -> None:
    first = wirecoder.code(seed_text)
    second = wirecoder.code(seed_text.replace("\n", "\r\n"))
    assert first.doc_id == second.doc_id
