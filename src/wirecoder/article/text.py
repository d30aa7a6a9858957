"""Cleaning scraped plain text into an article body, keeping every removed segment.

The steps, in order: split into paragraphs; drop site furniture at the head and the
appended notices at the tail (data/boilerplate.yaml); take the headline; split a
byline from the lead it runs into; parse a dateline; keep a repeated pull quote once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from wirecoder.article.byline import find_byline
from wirecoder.article.dateline import find_dateline
from wirecoder.article.rules import BoilerplateRule, default_rules, lead_starters, title_words
from wirecoder.model import Dateline, Removed

_WHITESPACE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_PULL_QUOTE = re.compile(
    r"^[\"“](?P<quote>.{20,}?)[\"”]\s*(?:--|—|–|-)\s*(?P<who>[A-Z][^.!?]{2,150})$"
)
_HEADLINE_MAX_WORDS = 25


@dataclass(slots=True)
class CleanText:
    paragraphs: list[str]
    title: str | None = None
    authors: tuple[str, ...] = ()
    dateline: Dateline = field(default_factory=Dateline)
    removed: list[Removed] = field(default_factory=list)


def normalise(text: str) -> str:
    """Unify newlines and horizontal whitespace; keep paragraph breaks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [_WHITESPACE.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(lines)


def split_paragraphs(text: str) -> list[str]:
    """Blank lines separate blocks; inside a block, lines are paragraphs unless hard-wrapped."""
    paragraphs: list[str] = []
    for block in re.split(r"\n\s*\n", normalise(text)):
        lines = [line for line in block.split("\n") if line]
        if not lines:
            continue
        if _is_hard_wrapped(lines):
            paragraphs.append(" ".join(lines))
        else:
            paragraphs.extend(lines)
    return paragraphs


def _is_hard_wrapped(lines: list[str]) -> bool:
    if len(lines) < 3:
        return False
    body = lines[:-1]
    if max(len(line) for line in body) > 100:
        return False
    open_ended = sum(1 for line in body if not re.search(r"[.!?\"”:]$", line))
    return open_ended >= 0.6 * len(body)


def _matching_rule(
    paragraph: str, rules: tuple[BoilerplateRule, ...], allowed: frozenset[str]
) -> BoilerplateRule | None:
    for rule in rules:
        if rule.where in allowed and rule.matches(paragraph):
            return rule
    return None


def _looks_like_headline(paragraph: str) -> bool:
    words = paragraph.split()
    return (
        0 < len(words) <= _HEADLINE_MAX_WORDS
        and not paragraph.endswith((".", ",", ";"))
        and not paragraph.lower().startswith("by ")
        and not paragraph.startswith(('"', "“"))
    )


def _normal_key(text: str) -> str:
    return re.sub(r"[^\w]+", " ", text.lower()).strip()


def clean_text(
    text: str,
    *,
    title: str | None = None,
    published: date | None = None,
    rules: tuple[BoilerplateRule, ...] | None = None,
    lead_words: frozenset[str] | None = None,
) -> CleanText:
    """Clean scraped text. `title`, when known (HTML metadata), is removed, not guessed."""
    rules = default_rules() if rules is None else rules
    lead_words = lead_starters() if lead_words is None else lead_words
    paragraphs = split_paragraphs(text)
    result = CleanText(paragraphs=[])
    removed = result.removed

    # Head: furniture before the first paragraph of content.
    head = 0
    while head < len(paragraphs):
        rule = _matching_rule(paragraphs[head], rules, frozenset({"head", "anywhere"}))
        if rule is None:
            break
        removed.append(Removed(paragraphs[head], rule.reason))
        head += 1
    # Tail: notices appended after the last paragraph of content.
    tail = len(paragraphs)
    while tail > head:
        rule = _matching_rule(paragraphs[tail - 1], rules, frozenset({"tail", "anywhere"}))
        if rule is None:
            break
        tail -= 1
    tail_removed = [
        Removed(p, r.reason)
        for p in paragraphs[tail:]
        if (r := _matching_rule(p, rules, frozenset({"tail", "anywhere"}))) is not None
    ]
    body: list[str] = []
    for paragraph in paragraphs[head:tail]:
        rule = _matching_rule(paragraph, rules, frozenset({"anywhere"}))
        if rule is not None:
            removed.append(Removed(paragraph, rule.reason))
        else:
            body.append(paragraph)

    # Headline: the known title, or a short first line that reads like one.
    if body and title is not None and _normal_key(body[0]) == _normal_key(title):
        removed.append(Removed(body.pop(0), "title"))
        result.title = title
    elif body and title is None and len(body) > 1 and _looks_like_headline(body[0]):
        result.title = body.pop(0)
        removed.append(Removed(result.title, "title"))
    else:
        result.title = title

    # Byline, possibly running into the lead.
    for index in range(min(3, len(body))):
        byline = find_byline(body[index], lead_words, title_words())
        if byline is None:
            continue
        result.authors = byline.authors
        removed.append(Removed(byline.text, "byline"))
        if byline.rest:
            body[index] = byline.rest
        else:
            body.pop(index)
        break

    # Dateline at the start of one of the first paragraphs.
    default_year = published.year if published else None
    for index in range(min(4, len(body))):
        found = find_dateline(body[index], default_year=default_year)
        if found is None:
            continue
        result.dateline = found.dateline
        removed.append(Removed(found.text, "dateline"))
        body[index] = body[index][found.end :].strip()
        if not body[index]:
            body.pop(index)
        break

    result.paragraphs = _drop_repeats(body, removed)
    removed.extend(tail_removed)
    return result


def _drop_repeats(body: list[str], removed: list[Removed]) -> list[str]:
    """Keep a pull quote once (the attributed body copy) and drop repeated paragraphs."""
    keys = [_normal_key(p) for p in body]
    kept: list[str] = []
    seen: set[str] = set()
    for index, paragraph in enumerate(body):
        key = keys[index]
        if key in seen:
            removed.append(Removed(paragraph, "duplicate_paragraph"))
            continue
        pull = _PULL_QUOTE.match(paragraph)
        if pull is not None:
            quote_key = _normal_key(pull.group("quote"))
            if any(quote_key in other for j, other in enumerate(keys) if j != index):
                removed.append(Removed(paragraph, "pull_quote"))
                continue
        seen.add(key)
        kept.append(paragraph)
    return kept
