"""The embedded DuckDB store: one transaction per document, idempotent by document id."""

from wirecoder.store.writer import DEFAULT_STORE, Store, default_store_path, open_store

__all__ = ["DEFAULT_STORE", "Store", "default_store_path", "open_store"]
