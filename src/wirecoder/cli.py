"""The `wirecoder` command line: a thin layer over the Python API."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from wirecoder.errors import InputError, WirecoderError
from wirecoder.ingest import IngestReport, Outcome, ingest
from wirecoder.model import SourceFailure
from wirecoder.pipeline import code_raw
from wirecoder.sources import SourceLimits, read_sources
from wirecoder.store import Store, default_store_path, open_store
from wirecoder.version import coder_version

app = typer.Typer(
    name="wirecoder",
    help=(
        "Turn news into political event data.\n\n"
        "Start with `wirecoder ingest examples/` to store the example articles in "
        "wirecoder.duckdb, then `wirecoder stats` to see what was stored, or "
        "`wirecoder code FILE --json` to see one article coded without the store."
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="markdown",
)
out = Console()
err = Console(stderr=True)


def _show_version(value: bool) -> None:
    if value:
        out.print(f"wirecoder {coder_version()}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_show_version, is_eager=True, help="Show the coder version."
        ),
    ] = False,
) -> None:
    """Turn news into political event data."""


StoreOption = Annotated[
    Path | None,
    typer.Option(
        "--store",
        envvar="WIRECODER_STORE",
        help="DuckDB file to write to. Default: wirecoder.duckdb in the working folder.",
        show_default=False,
    ),
]
MaxMbOption = Annotated[
    float, typer.Option("--max-mb", min=0.001, help="Largest document accepted, in MB.")
]
TimeoutOption = Annotated[
    float, typer.Option("--timeout", min=0.1, help="Seconds to wait for a URL.")
]


def _limits(max_mb: float, timeout: float, fetch_links: bool = True) -> SourceLimits:
    return SourceLimits(
        max_bytes=int(max_mb * 1024 * 1024), timeout=timeout, fetch_feed_links=fetch_links
    )


@app.command("ingest")
def ingest_command(
    sources: Annotated[
        list[str],
        typer.Argument(
            help=(
                "Files, folders (read recursively), globs, JSONL, WARC(.gz), RSS/Atom feeds, "
                "http(s) URLs, or `-` for standard input."
            ),
            show_default=False,
        ),
    ],
    store: StoreOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    max_mb: MaxMbOption = 10.0,
    timeout: TimeoutOption = 20.0,
    fetch_links: Annotated[
        bool,
        typer.Option(
            "--fetch-links/--no-fetch-links",
            help="Fetch each feed entry's link (else use the entry's own content).",
        ),
    ] = True,
) -> None:
    """Read articles from SOURCES, clean them and store them.

    Each document is stored in its own transaction. A document already in the store is
    left alone; a near-duplicate of one is stored with `duplicate_of` pointing to the
    first copy. Inputs that fail are named on stderr and recorded in `ingest_errors`;
    the run goes on, and the exit status is 1 if anything failed.

    Examples:

        wirecoder ingest examples/
        wirecoder ingest 'news/**/*.html' crawl.warc.gz feed.xml
        cat story.txt | wirecoder ingest -
    """
    store_path = store or default_store_path()
    try:
        with open_store(store_path) as db:
            report = _run_ingest(db, sources, _limits(max_mb, timeout, fetch_links), quiet)
    except WirecoderError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    _print_report(report, store_path)
    raise typer.Exit(0 if report.ok else 1)


def _run_ingest(db: Store, sources: list[str], limits: SourceLimits, quiet: bool) -> IngestReport:
    show = not quiet and err.is_terminal
    counts = {"added": 0, "duplicate": 0, "unchanged": 0, "failed": 0}
    with Progress(
        SpinnerColumn(),
        TextColumn("[bold]{task.completed}[/bold] documents"),
        BarColumn(bar_width=None),
        TextColumn("{task.fields[status]}"),
        TimeElapsedColumn(),
        console=err,
        disable=not show,
        transient=True,
    ) as progress:
        task = progress.add_task("ingest", total=None, status="")

        def on_item(outcome: Outcome, source: str) -> None:
            counts[outcome] += 1
            status = " ".join(f"{k} {v}" for k, v in counts.items() if v)
            progress.update(task, advance=1, status=status)

        report = ingest(sources, db, limits=limits, progress=on_item)
    for failure in report.failures:
        err.print(f"[red]failed[/red] [{failure.code}] {failure.reason}", highlight=False)
    return report


def _print_report(report: IngestReport, store_path: Path) -> None:
    table = Table(title=f"ingest into {store_path}", show_header=False, title_justify="left")
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("new documents", str(report.added))
    table.add_row("near-duplicates linked", str(report.duplicates))
    table.add_row("already stored", str(report.unchanged))
    table.add_row("failed inputs", f"[red]{report.failed}[/red]" if report.failed else "0")
    rate = report.documents / report.seconds if report.seconds else 0.0
    table.add_row("time", f"{report.seconds:.2f} s ({rate:.0f} documents/s)")
    table.add_row("run", report.run_id)
    out.print(table)


@app.command("code")
def code_command(
    source: Annotated[
        str, typer.Argument(help="A file, URL or `-`; every document in it is coded.")
    ],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print JSON (one line per document).")
    ] = False,
    max_mb: MaxMbOption = 10.0,
    timeout: TimeoutOption = 20.0,
) -> None:
    """Code documents and print them, without touching the store.

    With `--json`, each document is one JSON object with `doc_id`, `article` (title,
    authors, published, dateline, source, language, text, removed) and the lists
    `actors`, `events`, `quotes` and `quantities`.
    """
    failed = False
    for item in read_sources([source], limits=_limits(max_mb, timeout)):
        if isinstance(item, SourceFailure):
            err.print(f"[red]error:[/red] [{item.code}] {item.reason}", highlight=False)
            failed = True
            continue
        try:
            coded = code_raw(item)
        except InputError as exc:
            err.print(f"[red]error:[/red] {exc}", highlight=False)
            failed = True
            continue
        if as_json:
            sys.stdout.write(json.dumps(coded.to_dict(), ensure_ascii=False) + "\n")
        else:
            _print_article(coded.to_dict())
    raise typer.Exit(1 if failed else 0)


def _print_article(doc: dict[str, object]) -> None:
    article = doc["article"]
    assert isinstance(article, dict)
    table = Table(show_header=False, title=f"document {doc['doc_id']}", title_justify="left")
    table.add_column("field", style="bold")
    table.add_column("value", overflow="fold")
    dateline = article["dateline"]
    table.add_row("title", str(article["title"] or ""))
    table.add_row("authors", ", ".join(article["authors"]))
    table.add_row("published", str(article["published"] or ""))
    table.add_row(
        "dateline", " / ".join(str(v) for v in dateline.values() if v) if dateline else ""
    )
    table.add_row("language", str(article["language"] or ""))
    table.add_row("source", str(article["source"] or ""))
    text = str(article["text"])
    table.add_row("text", text[:600] + ("…" if len(text) > 600 else ""))
    for removed in article["removed"]:
        table.add_row(f"removed: {removed['reason']}", removed["text"][:120])
    out.print(table)


@app.command("stats")
def stats_command(
    store: StoreOption = None,
    errors: Annotated[int, typer.Option("--errors", help="How many recent errors to list.")] = 10,
) -> None:
    """Show what the store holds: row counts, the last runs, and recent ingest errors."""
    store_path = store or default_store_path()
    if not Path(store_path).exists():
        err.print(f"[red]error:[/red] no store at {store_path} (run `wirecoder ingest` first)")
        raise typer.Exit(2)
    with open_store(store_path, read_only=True) as db:
        counts = db.counts()
        table = Table(title=f"store {store_path}", title_justify="left")
        table.add_column("table")
        table.add_column("rows", justify="right")
        for name, count in counts.items():
            table.add_row(name, str(count))
        out.print(table)
        langs = db.query(
            "SELECT coalesce(language, '?'), count(*), count(duplicate_of) FROM documents"
            " GROUP BY 1 ORDER BY 2 DESC"
        )
        if langs:
            table = Table(title="documents by language", title_justify="left")
            for column in ("language", "documents", "of which near-duplicates"):
                table.add_column(column)
            for row in langs:
                table.add_row(*(str(v) for v in row))
            out.print(table)
        rows = db.query(
            "SELECT source, code, reason FROM ingest_errors ORDER BY failed_at DESC LIMIT ?",
            [errors],
        )
        if rows:
            table = Table(title="recent ingest errors", title_justify="left")
            for column in ("source", "code", "reason"):
                table.add_column(column, overflow="fold")
            for row in rows:
                table.add_row(*(str(v) for v in row))
            out.print(table)
    out.print(f"coder version {coder_version()}")


def main() -> None:
    app()
