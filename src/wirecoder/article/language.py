"""Language identification (py3langid ships its model inside the package)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

_SAMPLE_CHARS = 3000
_LETTERS = re.compile(r"[^\W\d_]{2,}")


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when the text is too short to tell."""
    sample = text[:_SAMPLE_CHARS]
    if sum(len(word) for word in _LETTERS.findall(sample[:200])) < 20:
        return None
    code, probability = _identifier().classify(sample)
    return str(code) if probability >= 0.5 else None
