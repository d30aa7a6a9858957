"""Every error wirecoder raises, with a greppable code.

Hierarchy::

    WirecoderError
     ├── InputError      a source could not be read or decoded (the run goes on)
     ├── DataFileError   a shipped or user data file is malformed (file and line named)
     └── StoreError      the store could not be opened or written

Only the CLI prints errors; library code raises them.
"""

from __future__ import annotations


class Errors:
    """Message templates. Format with keyword arguments."""

    E001 = "input not found: {source}"
    E002 = "input is empty: {source}"
    E003 = "input looks binary (not text or HTML): {source}"
    E004 = "input is not valid UTF-8 and no other encoding fits: {source}"
    E005 = "input is larger than the {limit_mb} MB limit: {source}"
    E006 = "could not fetch {source}: {reason}"
    E007 = "HTTP {status} from {source}"
    E008 = "feed is not valid RSS/Atom XML: {source} ({reason})"
    E009 = "JSONL line {line} of {source}: {reason}"
    E010 = "WARC archive could not be read: {source} ({reason})"
    E011 = "HTML has no extractable article text: {source}"
    E012 = "input has no text after cleaning: {source}"
    E013 = "unsupported input: {source} ({reason})"
    E014 = "glob matched no files: {source}"
    E015 = "could not read {source}: {reason}"
    E101 = "{path}:{line}: {reason}"
    E201 = "could not open store {path}: {reason}"
    E202 = "could not write document {doc_id} to the store: {reason}"


class WirecoderError(Exception):
    """Base class of all wirecoder errors."""

    code = "E000"

    def __init__(self, code: str, **fields: object) -> None:
        template: str = getattr(Errors, code)
        self.code = code
        self.fields = fields
        super().__init__(f"[{code}] " + template.format(**fields))

    @property
    def reason(self) -> str:
        """The message without its code, as stored in `ingest_errors.reason`."""
        return str(self).split("] ", 1)[1]


class InputError(WirecoderError):
    """A source could not be turned into an article."""

    def __init__(self, code: str, *, source: str, **fields: object) -> None:
        self.source = source
        super().__init__(code, source=source, **fields)


class DataFileError(WirecoderError):
    """A data file (shipped or the user's) does not match its schema."""


class StoreError(WirecoderError):
    """The store could not be opened or written."""
