"""The texts the NLP benchmarks run on: the example articles, cleaned, and one gold set."""

from __future__ import annotations

import json
from pathlib import Path

from wirecoder.model import RawDocument
from wirecoder.pipeline import code_raw
from wirecoder.sources import read_sources

REPO = Path(__file__).resolve().parents[1]


def texts(gold: str) -> list[str]:
    """The clean text of every example article, then every item of `eval/<gold>`."""
    found = []
    for item in read_sources([str(REPO / "examples")]):
        if isinstance(item, RawDocument):
            found.append(code_raw(item, nlp=False).article.text)
    for line in (REPO / "eval" / gold).read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        if not item["id"].startswith("_"):
            found.append(item["text"])
    return found


def gold_size(gold: str) -> int:
    """How many items `eval/<gold>` holds (the tail of `texts(gold)`)."""
    lines = (REPO / "eval" / gold).read_text(encoding="utf-8").splitlines()
    return sum(1 for line in lines if not json.loads(line)["id"].startswith("_"))
