"""The store's tables. Bump SCHEMA_VERSION when a table changes."""

from __future__ import annotations

SCHEMA_VERSION = "5"

TABLES: dict[str, str] = {
    "meta": """
        CREATE TABLE IF NOT EXISTS meta (
            key VARCHAR PRIMARY KEY,
            value VARCHAR NOT NULL
        )""",
    "runs": """
        CREATE TABLE IF NOT EXISTS runs (
            run_id VARCHAR PRIMARY KEY,
            command VARCHAR NOT NULL,
            coder_version VARCHAR NOT NULL,
            started_at TIMESTAMP NOT NULL,
            finished_at TIMESTAMP,
            documents_added INTEGER DEFAULT 0,
            duplicates INTEGER DEFAULT 0,
            unchanged INTEGER DEFAULT 0,
            failed INTEGER DEFAULT 0
        )""",
    "documents": """
        CREATE TABLE IF NOT EXISTS documents (
            doc_id VARCHAR PRIMARY KEY,
            source VARCHAR,
            url VARCHAR,
            title VARCHAR,
            authors VARCHAR[],
            published DATE,
            dateline_place VARCHAR,
            dateline_date DATE,
            dateline_agency VARCHAR,
            site VARCHAR,
            language VARCHAR,
            text VARCHAR NOT NULL,
            chars INTEGER NOT NULL,
            duplicate_of VARCHAR,
            similarity DOUBLE,
            minhash UBIGINT[],
            coder_version VARCHAR NOT NULL,
            run_id VARCHAR NOT NULL,
            ingested_at TIMESTAMP NOT NULL
        )""",
    "removed_segments": """
        CREATE TABLE IF NOT EXISTS removed_segments (
            doc_id VARCHAR NOT NULL,
            seq INTEGER NOT NULL,
            reason VARCHAR NOT NULL,
            text VARCHAR NOT NULL,
            PRIMARY KEY (doc_id, seq)
        )""",
    "mentions": """
        CREATE TABLE IF NOT EXISTS mentions (
            doc_id VARCHAR NOT NULL,
            seq INTEGER NOT NULL,
            text VARCHAR NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            code VARCHAR NOT NULL,
            name VARCHAR,
            country VARCHAR,
            sector VARCHAR,
            how VARCHAR NOT NULL,
            entity INTEGER NOT NULL,
            affiliation VARCHAR,
            PRIMARY KEY (doc_id, seq)
        )""",
    "events": """
        CREATE TABLE IF NOT EXISTS events (
            doc_id VARCHAR NOT NULL,
            seq INTEGER NOT NULL,
            source_code VARCHAR,
            source_text VARCHAR,
            target_code VARCHAR,
            target_text VARCHAR,
            cameo VARCHAR NOT NULL,
            root VARCHAR NOT NULL,
            quad INTEGER NOT NULL,
            goldstein DOUBLE NOT NULL,
            plover VARCHAR,
            modality VARCHAR NOT NULL,
            event_date VARCHAR,
            date_precision VARCHAR,
            historical BOOLEAN NOT NULL,
            place VARCHAR,
            place_country VARCHAR,
            latitude DOUBLE,
            longitude DOUBLE,
            sentence INTEGER NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            trigger VARCHAR NOT NULL,
            rule VARCHAR NOT NULL,
            PRIMARY KEY (doc_id, seq)
        )""",
    "quotes": """
        CREATE TABLE IF NOT EXISTS quotes (
            doc_id VARCHAR NOT NULL,
            seq INTEGER NOT NULL,
            text VARCHAR NOT NULL,
            kind VARCHAR NOT NULL,
            speaker VARCHAR,
            speaker_code VARCHAR,
            speaker_name VARCHAR,
            affiliation VARCHAR,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            rule VARCHAR NOT NULL,
            PRIMARY KEY (doc_id, seq)
        )""",
    "quantities": """
        CREATE TABLE IF NOT EXISTS quantities (
            doc_id VARCHAR NOT NULL,
            seq INTEGER NOT NULL,
            text VARCHAR NOT NULL,
            value DOUBLE NOT NULL,
            unit VARCHAR NOT NULL,
            qualifier VARCHAR,
            refers_to VARCHAR,
            flags VARCHAR[],
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            PRIMARY KEY (doc_id, seq)
        )""",
    "ingest_errors": """
        CREATE TABLE IF NOT EXISTS ingest_errors (
            run_id VARCHAR NOT NULL,
            source VARCHAR NOT NULL,
            code VARCHAR NOT NULL,
            reason VARCHAR NOT NULL,
            failed_at TIMESTAMP NOT NULL
        )""",
}
