"""Versions stored on every row: the package version plus a hash of the shipped data."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path


def package_version() -> str:
    try:
        return metadata.version("wirecoder")
    except metadata.PackageNotFoundError:
        return "0+unknown"


@lru_cache(maxsize=1)
def data_hash() -> str:
    """First 12 hex digits of SHA-256 over every shipped data file (path and bytes)."""
    root = Path(str(resources.files("wirecoder") / "data"))
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def coder_version() -> str:
    return f"{package_version()}+data.{data_hash()}"
