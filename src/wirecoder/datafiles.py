"""Reading the project's YAML data files as node trees, with the file and line in errors.

Node trees (not plain objects) keep each value's line, so a schema check can name the
line of the entry it rejects.
"""

from __future__ import annotations

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
