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


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Moscow protested on Monday.", "1979-12-31", "SUN"),
        ("Moscow protested on Monday.", "2004-10-18", "RUS"),
        ("The Kremlin protested on Monday.", "1983-09-05", "SUNGOV"),
        ("Prague protested on Monday.", "1968-08-26", "CSK"),
        ("Prague protested on Monday.", "2000-03-01", "CZE"),
        ("Belgrade protested on Monday.", "1991-06-28", "YUG"),
        ("Belgrade protested on Monday.", "1999-03-29", "SCG"),
        ("Belgrade protested on Monday.", "2010-03-01", "SRB"),
        ("Soviet troops withdrew on Monday.", "1989-02-15", "SUNMIL"),
        ("East German border guards fired on Monday.", "1962-08-20", "DDRMIL"),
        ("Leonid Brezhnev spoke on Monday.", "1979-12-31", "SUNGOV"),
    ],
)
def test_states_that_broke_up_are_coded_as_they_were_that_day(
    text: str, published: str, expected: str
) -> None:
    assert code_of(text, published)[0] == expected


def test_a_malformed_succession_row_names_its_line(tmp_path: Path) -> None:
    from wirecoder.actors.eras import load_successions
    from wirecoder.errors import DataFileError

    bad = tmp_path / "successions.yaml"
    bad.write_text("- {code: RUS, then: SUN, until: 1991-12-26, scope: capital}\n- {code: CZE}\n")
    with pytest.raises(DataFileError) as caught:
        load_successions(bad)
    assert caught.value.fields["line"] == 2


def test_a_succession_file_that_is_no_list_is_rejected(tmp_path: Path) -> None:
    from wirecoder.actors.eras import load_successions
    from wirecoder.errors import DataFileError

    bad = tmp_path / "successions.yaml"
    bad.write_text("code: RUS\n")
    with pytest.raises(DataFileError):
        load_successions(bad)
