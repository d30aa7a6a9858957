"""Event trigger patterns: which word, in which frame, codes which CAMEO event.

The shipped patterns live in ``wirecoder/data/patterns`` (``verbs.yaml``, ``nouns.yaml``;
the README there describes every field). They are read once and checked against the
CAMEO ontology; users layer their own files over them (``--patterns my.yaml``, same
format), where an entry whose ``id`` already exists replaces that pattern. Every schema
error is a DataFileError naming the file and line.

>>> patterns = load_patterns()
>>> [p.code for p in patterns.for_trigger("write", "VERB")][:1]
['071']
>>> patterns.get("visit.n").targets
('prep:to',)
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal, cast

import yaml

from wirecoder.datafiles import NodeReader, is_null
from wirecoder.errors import DataFileError
from wirecoder.ontology import Ontology, load_ontology

Pos = Literal["VERB", "NOUN", "ADJ"]

PACKAGED_FILES: tuple[str, ...] = ("verbs.yaml", "nouns.yaml")

_REQUIRED = ("id", "trigger", "pos", "code", "target")
_OPTIONAL = (
    *("source", "also_target", "particle", "objects", "modifiers", "requires_prep"),
    *("complement", "negated_code", "intent", "refusal", "armed", "forms", "example"),
)
_ID = re.compile(r"[a-z0-9][a-z0-9_.\-]*")
_WORD = re.compile(r"[a-z]+")
# "<place>" as an object stands for any named place ("seized *Damascus*").
PLACE_OBJECT = "<place>"
_PHRASE = re.compile(r"<place>|[a-z]+(?: [a-z]+)*")
_PREP_SLOT = re.compile(r"prep:([a-z]+)")
# Where an actor can be found around a trigger; "prep:<word>" is checked separately.
_SLOTS: dict[str, frozenset[str]] = {
    "VERB": frozenset(("subject", "object", "dative", "speaker", "complement_object")),
    "NOUN": frozenset(("subject", "poss", "compound", "parties")),
    "ADJ": frozenset(("subject",)),  # "was supportive of", "is opposed to"
}
_DEFAULT_SOURCE: dict[str, tuple[str, ...]] = {
    "VERB": ("subject",),
    "NOUN": ("poss", "compound", "prep:by", "subject", "prep:between"),
    "ADJ": ("subject",),
}


@dataclass(frozen=True, slots=True)
class Pattern:
    """One trigger pattern. Slots (``source``, ``target``) are ``subject``, ``object``,
    ``dative`` (verbs), ``poss``, ``compound`` (nouns), ``prep:<word>`` or ``none``."""

    id: str
    trigger: str
    pos: Pos
    code: str
    target: str
    source: tuple[str, ...]
    also_target: tuple[str, ...] = ()
    particle: str | None = None
    objects: tuple[str, ...] = ()
    modifiers: tuple[str, ...] = ()
    requires_prep: str | None = None
    complement: tuple[str, ...] = ()
    negated_code: str | None = None
    intent: bool = False
    refusal: bool = False
    armed: bool = False  # only armed forces (or a state) do this: "crossed into", "entered"
    forms: tuple[str, ...] = ()  # irregular surface forms the lemmatizer misses
    example: str | None = None
    origin: str = field(default="", compare=False)  # "file:line", for explain and errors

    @property
    def targets(self) -> tuple[str, ...]:
        """The target slots in the order the coder tries them."""
        return (self.target, *self.also_target)

    @property
    def conditions(self) -> bool:
        """Whether the pattern asks more of its trigger than the word itself."""
        return bool(
            self.particle or self.objects or self.modifiers or self.requires_prep or self.complement
        )

    @property
    def specificity(self) -> int:
        """How many conditions the pattern adds to its trigger; higher is tried first.

        A multi-word object ("air strike") counts once more than a bare one, so that
        "launch air strikes" is tried before "launch strikes".
        """
        conditions = (self.particle, self.objects, self.modifiers, self.requires_prep)
        score = sum(1 for c in (*conditions, self.complement) if c)
        return score + any(" " in o for o in self.objects)

    def accepts_object(self, head: str, phrase: Iterable[str] = ()) -> bool:
        """True if an object whose head lemma is ``head`` fits ``objects``.

        ``phrase`` holds the words of the object's phrase (its subtree; lemmas and
        lower-cased text). With no ``objects`` any object fits. A one-word entry must be
        the head; a multi-word entry ("air strike", "state of emergency") must contain
        the head, and its other words must all be in the phrase.
        """
        if not self.objects:
            return True
        head = head.lower()
        return self.accepts_words(head, {w.lower() for w in phrase} | {head})

    def accepts_words(self, head: str, words: AbstractSet[str]) -> bool:
        """`accepts_object` for a lower-cased head and its phrase's lower-cased words
        (the head among them), read once for every pattern tried on a trigger."""
        for entry in self.objects:
            parts = entry.split(" ")
            if head in parts and all(part in words for part in parts):
                return True
        return False


class PatternSet:
    """All patterns, looked up by (lemma, pos) with the most specific first.

    Among patterns of equal specificity, a user file's come before the shipped ones
    (later files first), then file order.
    """

    __slots__ = ("_by_id", "_by_token", "_by_trigger", "_forms", "files", "version")

    def __init__(
        self, layers: Sequence[Sequence[Pattern]], *, version: str, files: tuple[str, ...]
    ) -> None:
        self._by_id: dict[str, Pattern] = {p.id: p for layer in layers for p in layer}
        ranked: dict[tuple[str, str], list[tuple[int, int, int, Pattern]]] = {}
        for rank, layer in enumerate(layers):
            for position, pattern in enumerate(layer):
                key = (pattern.trigger, pattern.pos)
                ranked.setdefault(key, []).append((-pattern.specificity, -rank, position, pattern))
        self._by_trigger: dict[tuple[str, str], tuple[Pattern, ...]] = {
            key: tuple(entry[3] for entry in sorted(found, key=lambda e: e[:3]))
            for key, found in ranked.items()
        }
        self._forms: dict[tuple[str, str], str] = {
            (form, p.pos): p.trigger for p in self._by_id.values() for form in p.forms
        }
        self.version = version
        self.files = files
        # for_token's answers: a news vocabulary repeats, and most words have no pattern.
        self._by_token: dict[tuple[str, str, str], tuple[Pattern, ...]] = {}

    def for_trigger(self, lemma: str, pos: str) -> tuple[Pattern, ...]:
        return self._by_trigger.get((lemma.lower(), pos), ())

    def for_token(self, text: str, lemma: str, pos: str) -> tuple[Pattern, ...]:
        """Patterns for a token: by its lemma, else by its surface form.

        en_core_web_sm lemmatizes some e-final verbs wrongly ("staged" -> "stag",
        "waged" -> "wag") and misses some irregular forms ("forgave"); when the lemma
        has no pattern, a ``forms`` entry or a regular de-inflection of the text is tried.
        """
        key = (text, lemma, pos)
        found = self._by_token.get(key)
        if found is None:
            if len(self._by_token) > _TOKEN_CACHE_SIZE:
                self._by_token.clear()
            found = self._by_token[key] = self._lookup(text, lemma, pos)
        return found

    def _lookup(self, text: str, lemma: str, pos: str) -> tuple[Pattern, ...]:
        found = self.for_trigger(lemma, pos)
        if found:
            return found
        word = text.lower()
        irregular = self._forms.get((word, pos))
        if irregular is not None:
            return self.for_trigger(irregular, pos)
        for base in _base_forms(word):
            if base == lemma.lower() != word:
                break  # "aides" -> "aide", as the model says: not "aid"
            found = self.for_trigger(base, pos)
            if found:
                return found
        return ()

    def triggers(self, pos: str) -> frozenset[str]:
        """Every trigger lemma with at least one pattern of this part of speech."""
        return frozenset(lemma for lemma, p in self._by_trigger if p == pos)

    def get(self, pattern_id: str) -> Pattern:
        try:
            return self._by_id[pattern_id]
        except KeyError:
            raise KeyError(f"no pattern {pattern_id!r} in pattern set {self.version}") from None

    def __contains__(self, pattern_id: object) -> bool:
        return pattern_id in self._by_id

    def __iter__(self) -> Iterator[Pattern]:
        return iter(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)

    def __repr__(self) -> str:
        return f"PatternSet({len(self)} patterns, version={self.version!r})"


_TOKEN_CACHE_SIZE = 100_000


def _base_forms(word: str) -> Iterator[str]:
    """Candidate lemmas of an inflected English word, most likely first."""
    yield word
    for suffix, replacements in _SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            for replacement in replacements:
                yield stem + replacement
            if len(stem) > 2 and stem[-1] == stem[-2]:
                yield stem[:-1]  # "planned" -> "plan"


_SUFFIXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ies", ("y",)),
    ("ied", ("y",)),
    ("ing", ("e", "")),
    ("ed", ("e", "")),
    ("es", ("e", "")),
    ("s", ("",)),
)


# ---------------------------------------------------------------------------------------
# Reading one file


class _Reader(NodeReader):
    """One pattern file, checked against the ontology."""

    def __init__(self, path: str, data: bytes, ontology: Ontology) -> None:
        super().__init__(path, data)
        self.ontology = ontology

    def patterns(self) -> list[Pattern]:
        root = self.root
        if root is None or is_null(root):
            raise self.error(root, "the file holds no patterns")
        if not isinstance(root, yaml.SequenceNode):
            raise self.error(root, "a pattern file must be a list of patterns")
        if not root.value:
            raise self.error(root, "the file holds no patterns")
        seen: dict[str, int] = {}
        found = []
        for node in root.value:
            pattern = self.pattern(node)
            if pattern.id in seen:
                reason = f"pattern id {pattern.id!r} repeats line {seen[pattern.id]}"
                raise self.error(node, reason)
            seen[pattern.id] = node.start_mark.line + 1
            found.append(pattern)
        return found

    def pattern(self, node: yaml.Node) -> Pattern:
        got = self.fields(node, "pattern", _REQUIRED, _OPTIONAL)
        pattern_id = self.matching(got["id"], "id", _ID, "lower-case letters, digits, . _ -")
        pos_text = self.text(got["pos"], "pos")
        if pos_text not in _SLOTS:
            raise self.error(got["pos"], f"pos {pos_text!r} is not VERB, NOUN or ADJ")
        pos = cast(Pos, pos_text)
        intent, refusal = (
            self.flag(got.get("intent"), "intent"),
            self.flag(got.get("refusal"), "refusal"),
        )
        if intent and refusal:
            raise self.error(got["intent"], "a pattern cannot be both intent and refusal")
        particle = self.optional_word(got.get("particle"), "particle")
        if particle is not None and pos != "VERB":
            raise self.error(got["particle"], "only VERB patterns take a particle")
        return Pattern(
            id=pattern_id,
            trigger=self.matching(got["trigger"], "trigger", _WORD, "one lower-case lemma"),
            pos=pos,
            code=self.code(got["code"], "code"),
            target=self.target(got["target"], pos),
            source=self.source(got.get("source"), pos),
            also_target=self.slots(got.get("also_target"), "also_target", pos),
            particle=particle,
            objects=self.words(got.get("objects"), "objects", _PHRASE),
            modifiers=self.words(got.get("modifiers"), "modifiers", _WORD),
            requires_prep=self.optional_word(got.get("requires_prep"), "requires_prep"),
            complement=self.words(got.get("complement"), "complement", _WORD),
            negated_code=self.optional_code(got.get("negated_code"), "negated_code"),
            intent=intent,
            refusal=refusal,
            armed=self.flag(got.get("armed"), "armed"),
            forms=self.words(got.get("forms"), "forms", _WORD),
            example=self.optional_text(got.get("example"), "example"),
            origin=f"{self.path}:{node.start_mark.line + 1}",
        )

    # -- scalars -----------------------------------------------------------------------

    def optional_word(self, node: yaml.Node | None, name: str) -> str | None:
        if node is None:
            return None
        return self.matching(node, name, _WORD, "one lower-case word")

    def code(self, node: yaml.Node, name: str) -> str:
        # The text as written: an unquoted 071 still reads "071", a bare 71 gets the hint.
        value = self.text(node, name)
        if value not in self.ontology:
            reason = f"{name} {value!r} is not a CAMEO code in the ontology"
            if value.isdigit() and "0" + value in self.ontology:
                reason += f'; did you mean "0{value}"? Codes are strings with leading zeros'
            raise self.error(node, reason)
        return value

    def optional_code(self, node: yaml.Node | None, name: str) -> str | None:
        return None if node is None else self.code(node, name)

    # -- lists -------------------------------------------------------------------------

    def items(self, node: yaml.Node | None, name: str) -> list[yaml.Node]:
        """A list, or one scalar standing for a one-item list."""
        if node is None or is_null(node):
            return []
        if isinstance(node, yaml.ScalarNode):
            return [node]
        if not isinstance(node, yaml.SequenceNode):
            raise self.error(node, f"{name} must be a list")
        return list(node.value)

    def words(self, node: yaml.Node | None, name: str, pattern: re.Pattern[str]) -> tuple[str, ...]:
        form = "lower-case words" if pattern is _PHRASE else "one lower-case word"
        values = [self.matching(item, name, pattern, form) for item in self.items(node, name)]
        if node is not None and not values:
            raise self.error(node, f"{name} is an empty list")
        return tuple(dict.fromkeys(values))

    # -- slots -------------------------------------------------------------------------

    def slot(self, node: yaml.Node, text: str, name: str, pos: Pos) -> str:
        if text in _SLOTS[pos] or _PREP_SLOT.fullmatch(text):
            return text
        known = " | ".join((*sorted(_SLOTS[pos]), "prep:<word>", "none"))
        raise self.error(node, f"{name} {text!r} is not a {pos} slot ({known})")

    def slot_list(self, node: yaml.Node, name: str, pos: Pos) -> tuple[str, ...]:
        """Slots written as a list or as one text with ``|`` between alternatives."""
        texts: list[tuple[yaml.Node, str]] = []
        for item in self.items(node, name):
            texts.extend((item, part.strip()) for part in self.text(item, name).split("|"))
        if not texts:
            raise self.error(node, f"{name} is an empty list")
        if any(text == "none" for _, text in texts):
            if len(texts) > 1:
                raise self.error(node, f"{name} 'none' cannot be combined with other slots")
            return ("none",)
        return tuple(dict.fromkeys(self.slot(item, text, name, pos) for item, text in texts))

    def target(self, node: yaml.Node, pos: Pos) -> str:
        text = self.text(node, "target")
        return "none" if text == "none" else self.slot(node, text, "target", pos)

    def source(self, node: yaml.Node | None, pos: Pos) -> tuple[str, ...]:
        if node is None:
            return _DEFAULT_SOURCE[pos]
        return self.slot_list(node, "source", pos)

    def slots(self, node: yaml.Node | None, name: str, pos: Pos) -> tuple[str, ...]:
        if node is None:
            return ()
        found = self.slot_list(node, name, pos)
        if found == ("none",):
            raise self.error(node, f"{name} cannot be 'none'; leave it out instead")
        return found


# ---------------------------------------------------------------------------------------
# Loading


@dataclass(frozen=True, slots=True)
class _File:
    name: str  # for the version hash: the packaged name, or the user file's name
    path: str
    data: bytes


def _packaged_files() -> list[_File]:
    folder = resources.files("wirecoder") / "data" / "patterns"
    files = []
    for name in PACKAGED_FILES:
        entry = folder / name
        try:
            data = entry.read_bytes()
        except OSError as exc:
            raise DataFileError("E101", path=str(entry), line=0, reason=str(exc)) from exc
        files.append(_File(name, str(entry), data))
    return files


def _user_file(path: Path) -> _File:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DataFileError("E101", path=path, line=0, reason=exc.strerror or str(exc)) from exc
    return _File(path.name, str(path), data)


def _version(files: Iterable[_File]) -> str:
    digest = hashlib.sha256()
    for f in files:
        digest.update(f.name.encode("utf-8") + b"\0" + f.data + b"\0")
    return digest.hexdigest()[:12]


def _build(shipped: Sequence[_File], extra: Sequence[_File], ontology: Ontology) -> PatternSet:
    # The shipped files form one layer: an id may appear in only one of them.
    base: list[Pattern] = []
    where: dict[str, str] = {}
    for f in shipped:
        for pattern in _Reader(f.path, f.data, ontology).patterns():
            if pattern.id in where:
                line = int(pattern.origin.rsplit(":", 1)[1])
                reason = f"pattern id {pattern.id!r} is already used at {where[pattern.id]}"
                raise DataFileError("E101", path=f.path, line=line, reason=reason)
            where[pattern.id] = pattern.origin
            base.append(pattern)
    layers: list[list[Pattern]] = [base]
    for f in extra:
        added = _Reader(f.path, f.data, ontology).patterns()
        replaced = {p.id for p in added}
        layers = [[p for p in layer if p.id not in replaced] for layer in layers]
        layers.append(added)
    files = tuple(f.path for f in (*shipped, *extra))
    return PatternSet(layers, version=_version((*shipped, *extra)), files=files)


@lru_cache(maxsize=1)
def _shipped_files() -> tuple[_File, ...]:
    return tuple(_packaged_files())


@lru_cache(maxsize=1)
def _shipped_patterns() -> PatternSet:
    return _build(_shipped_files(), (), load_ontology())


def load_patterns(extra: Sequence[Path] = (), *, ontology: Ontology | None = None) -> PatternSet:
    """The shipped patterns (read once), with the user's ``extra`` files layered over them.

    Extra files are read on every call, in order; each may add patterns or replace the
    pattern with the same id. Codes are checked against ``ontology`` (default: the
    shipped CAMEO table).
    """
    if not extra and ontology is None:
        return _shipped_patterns()
    users = [_user_file(Path(p)) for p in extra]
    return _build(_shipped_files(), users, ontology or load_ontology())
