"""Reading the quantity data files with the file and line in every error."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import yaml

from wirecoder.datafiles import NodeReader
from wirecoder.errors import DataFileError


class YamlFile(NodeReader):
    """One quantity data file, read from disk; it must not be empty."""

    root: yaml.Node  # never None once built

    def __init__(self, path: Path) -> None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise DataFileError("E101", path=str(path), line=0, reason=str(exc)) from exc
        super().__init__(str(path), data)
        if self.root is None:
            raise DataFileError("E101", path=self.path, line=0, reason="the file is empty")

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
