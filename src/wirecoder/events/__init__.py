"""The event layer: trigger patterns now; the CAMEO event coder builds on them."""

from __future__ import annotations

from wirecoder.events.patterns import Pattern, PatternSet, load_patterns

__all__ = ["Pattern", "PatternSet", "load_patterns"]
