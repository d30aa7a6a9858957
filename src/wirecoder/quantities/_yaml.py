"""Reading the quantity data files with the file and line in every error."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import yaml

from wirecoder.errors import DataFileError

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlFile:
    """One YAML file's node tree; every schema problem becomes a DataFileError."""

    def __init__(self, path: Path) -> None:
        self.path = str(path)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise DataFileError("E101", path=self.path, line=0, reason=str(exc)) from exc
        try:
            root = yaml.compose(text, Loader=_LOADER)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark is not None else 0
            reason = f"not valid YAML: {exc.problem}"
            raise DataFileError("E101", path=self.path, line=line, reason=reason) from exc
        if root is None:
            raise DataFileError("E101", path=self.path, line=0, reason="the file is empty")
        self.root: yaml.Node = root

    def error(self, node: yaml.Node, reason: str) -> DataFileError:
        return DataFileError("E101", path=self.path, line=node.start_mark.line + 1, reason=reason)

    def mapping(self, node: yaml.Node, what: str) -> Iterator[tuple[str, yaml.Node]]:
        if not isinstance(node, yaml.MappingNode):
            raise self.error(node, f"{what} must be a mapping")
        seen: set[str] = set()
        for key, value in node.value:
            name = self.text(key, f"a key of {what}")
            if name in seen:
                raise self.error(key, f"{what} has {name!r} twice")
            seen.add(name)
            yield name, value

    def section(self, node: yaml.Node, name: str) -> yaml.Node:
        """A required key of a mapping node."""
        for key, value in self.mapping(node, "the file"):
            if key == name:
                return value
        raise self.error(node, f"missing the section {name!r}")

    def sequence(self, node: yaml.Node, what: str) -> list[yaml.Node]:
        if not isinstance(node, yaml.SequenceNode):
            raise self.error(node, f"{what} must be a list")
        return list(node.value)

    def text(self, node: yaml.Node, what: str) -> str:
        if not isinstance(node, yaml.ScalarNode) or node.tag.endswith(":null"):
            raise self.error(node, f"{what} must be text")
        value = str(node.value).strip()
        if not value:
            raise self.error(node, f"{what} is empty")
        return value

    def texts(self, node: yaml.Node, what: str) -> tuple[str, ...]:
        return tuple(self.text(item, what) for item in self.sequence(node, what))

    def number(self, node: yaml.Node, what: str) -> float:
        value = self.text(node, what)
        try:
            number = float(value)
        except ValueError:
            raise self.error(node, f"{what} {value!r} is not a number") from None
        if number < 0:
            raise self.error(node, f"{what} {value!r} is negative")
        return number
