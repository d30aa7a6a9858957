"""Reading the project's YAML data files as node trees, with the file and line in errors.

Node trees (not plain objects) keep each value's line, so a schema check can name the
line of the entry it rejects.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import yaml

from wirecoder.errors import DataFileError

# libyaml composes large files several times faster; its marks are the same.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
NULL_TAG = "tag:yaml.org,2002:null"


def compose_yaml(path: str, data: bytes) -> yaml.Node | None:
    """The node tree of a UTF-8 YAML file (None when empty)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DataFileError("E101", path=path, line=line, reason="not valid UTF-8") from exc
    try:
        root: yaml.Node | None = yaml.compose(text, Loader=LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 0
        raise DataFileError(
            "E101", path=path, line=line, reason=f"not valid YAML: {exc.problem}"
        ) from exc
    except yaml.YAMLError as exc:
        raise DataFileError("E101", path=path, line=0, reason=f"not valid YAML: {exc}") from exc
    return root


def node_error(path: str, node: yaml.Node | None, reason: str) -> DataFileError:
    """An error at the node's line (line 0 when there is no node)."""
    line = node.start_mark.line + 1 if node is not None else 0
    return DataFileError("E101", path=path, line=line, reason=reason)


def is_null(node: yaml.Node | None) -> bool:
    """An absent value: no node, or YAML's null (`~`, `null`, nothing after the colon)."""
    return node is None or (isinstance(node, yaml.ScalarNode) and node.tag == NULL_TAG)


class NodeReader:
    """One YAML file's node tree and the checks every data file needs; each problem
    becomes a DataFileError naming the file and the line of the offending node."""

    def __init__(self, path: str, data: bytes) -> None:
        self.path = path
        self.root: yaml.Node | None = compose_yaml(path, data)

    def error(self, node: yaml.Node | None, reason: str) -> DataFileError:
        return node_error(self.path, node, reason)

    def fields(
        self, node: yaml.Node, what: str, required: Iterable[str], optional: Iterable[str]
    ) -> dict[str, yaml.Node]:
        """The fields of a mapping, each known, none twice, every required one given."""
        if not isinstance(node, yaml.MappingNode):
            raise self.error(node, f"each {what} must be a mapping of fields")
        allowed = {*required, *optional}
        found: dict[str, yaml.Node] = {}
        for key, value in node.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else None
            if name not in allowed:
                known = ", ".join(sorted(allowed))
                raise self.error(key, f"unknown {what} field {name!r} (known: {known})")
            if name in found:
                raise self.error(key, f"{what} field {name!r} is given twice")
            found[name] = value
        for name in required:
            if name not in found:
                raise self.error(node, f"{what} is missing the required field {name!r}")
        return found

    def text(self, node: yaml.Node, name: str) -> str:
        if not isinstance(node, yaml.ScalarNode) or node.tag == NULL_TAG:
            raise self.error(node, f"{name} must be text")
        value = str(node.value).strip()
        if not value:
            raise self.error(node, f"{name} is empty")
        return value

    def optional_text(self, node: yaml.Node | None, name: str) -> str | None:
        return None if node is None or is_null(node) else self.text(node, name)

    def matching(self, node: yaml.Node, name: str, pattern: re.Pattern[str], form: str) -> str:
        """Text that must match `pattern` in full; `form` says what it should look like."""
        value = self.text(node, name)
        if not pattern.fullmatch(value):
            raise self.error(node, f"{name} {value!r} is not {form}")
        return value

    def flag(self, node: yaml.Node | None, name: str) -> bool:
        if node is None:
            return False
        value = self.text(node, name).lower()
        if value not in ("true", "false"):
            raise self.error(node, f"{name} must be true or false")
        return value == "true"
