"""The docs cannot drift: every command is in the README, and its examples run."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from typer.main import get_command

import wirecoder
from wirecoder.actors import build_resolver
from wirecoder.cli import app

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")


def _command_names() -> list[str]:
    root = get_command(app)
    names = []
    for name, command in root.commands.items():  # type: ignore[attr-defined]
        sub = getattr(command, "commands", None)
        if sub:
            names.extend(f"{name} {s}" for s in sub)
        else:
            names.append(name)
    return names


@pytest.mark.parametrize("command", _command_names())
def test_every_command_is_in_the_readme(command: str) -> None:
    assert f"wirecoder {command}" in README


def test_readme_starts_with_the_two_commands() -> None:
    quick_start = README.split("## Quick start", 1)[1]
    first_block = quick_start.split("```", 2)[1]
    assert [line.split("#")[0].strip() for line in first_block.strip().splitlines()[1:]] == [
        "make demo",
        "make test",
    ]


@pytest.mark.model
def test_example_actor_file_changes_what_is_resolved() -> None:
    resolver = build_resolver([REPO / "docs" / "my_actors.yaml"])
    text = "Deputy Foreign Minister Nodira Karimova spoke to the Dushanbe Evening Post."
    doc = wirecoder.code(text, published="2020-05-05", resolver=resolver)
    codes = {m.text: m.code for m in doc.actors}
    assert codes["Nodira Karimova"] == "UZBGOV"
    assert codes["Dushanbe Evening Post"] == "TJKMED"
    assert datetime.date(2020, 5, 5).isoformat() == doc.article.published
