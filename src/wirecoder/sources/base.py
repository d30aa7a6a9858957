"""What every source reader shares: the limits it honours and the items it yields."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeAlias

from wirecoder.errors import InputError
from wirecoder.model import RawDocument, SourceFailure
from wirecoder.version import package_version

Item: TypeAlias = RawDocument | SourceFailure


def _user_agent() -> str:
    return f"wirecoder/{package_version()} (news event coder; +https://pypi.org/project/wirecoder/)"


@dataclass(frozen=True, slots=True)
class SourceLimits:
    """Bounds on what one run reads; `max_bytes` applies to each document, not a container."""

    max_bytes: int = 10 * 1024 * 1024
    timeout: float = 20.0
    max_redirects: int = 5
    user_agent: str = field(default_factory=_user_agent)
    fetch_feed_links: bool = True


def too_large(source: str, limits: SourceLimits) -> InputError:
    return InputError("E005", source=source, limit_mb=f"{limits.max_bytes / 1048576:g}")


def failure(exc: InputError, source: str | None = None) -> SourceFailure:
    """The record of a failed input; `source` overrides the error's own (items in containers)."""
    return SourceFailure(source or exc.source, exc.code, exc.reason)
