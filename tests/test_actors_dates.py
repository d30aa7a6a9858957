"""People are coded by the role they hold on the article's date."""

from __future__ import annotations

from pathlib import Path

import pytest

import wirecoder
from wirecoder.actors import build_resolver, default_resolver

pytestmark = pytest.mark.model

USER_FILE = """
people:
  - name: Amina Testova
    aliases: [Testova]
    country: KAZ
    roles:
      - {code: KAZGOV, title: Foreign Minister, start: 2010-01-01, end: 2014-12-31}
      - {code: IGOUNO, title: UN envoy, start: 2016-01-01, end: 2018-12-31}
"""


def code_of(text: str, published: str, **kwargs: object) -> list[str]:
    doc = wirecoder.code(text, published=published, **kwargs)  # type: ignore[arg-type]
    return [m.code for m in doc.actors]


def test_same_name_before_during_and_after_a_term() -> None:
    sentence = "Hillary Clinton met officials in Jakarta on Tuesday."
    assert code_of(sentence, "2010-06-01")[0] == "USAGOV"
    assert code_of(sentence, "2015-06-01")[0] == "USAELI"


def test_user_file_roles_by_date(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(USER_FILE, encoding="utf-8")
    resolver = build_resolver([path])
    sentence = "Amina Testova criticised the decision. Testova said talks would go on."
    assert code_of(sentence, "2005-03-01", resolver=resolver) == ["KAZELI", "KAZELI"]
    assert code_of(sentence, "2012-03-01", resolver=resolver) == ["KAZGOV", "KAZGOV"]
    assert code_of(sentence, "2015-06-01", resolver=resolver) == ["KAZELI", "KAZELI"]
    assert code_of(sentence, "2017-03-01", resolver=resolver) == ["IGOUNO", "IGOUNO"]
    # The shipped resolver does not know her: she is no actor without a title.
    assert default_resolver() is not resolver


def test_out_of_office_person_takes_the_title_the_text_gives() -> None:
    codes = code_of("Opposition leader Raila Odinga called for protests.", "2008-01-02")
    assert codes[0] == "KENOPP"
    former = code_of("Former president Bill Clinton said the plan would work.", "2005-05-05")
    assert former[0] == "USAELI"
