"""The `wirecoder` command line: a thin layer over the Python API."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from wirecoder.actors.resolver import ActorResolver
from wirecoder.errors import InputError, WirecoderError
from wirecoder.ingest import IngestReport, Outcome, ingest
from wirecoder.model import CodedDocument, EventActor, RawDocument, SourceFailure
from wirecoder.pipeline import code_raw
from wirecoder.sources import SourceLimits, read_sources
from wirecoder.store import Store, default_store_path, open_store
from wirecoder.version import coder_version

if TYPE_CHECKING:
    from wirecoder.explain import DocumentExplanation, SentenceExplanation

_T = TypeVar("_T")

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
GoldFile = Annotated[
    Path, typer.Argument(help="Gold JSONL (see eval/README.md).", exists=True, dir_okay=False)
]
ActorsOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--actors",
        help="Your own actor file (YAML, same format as the shipped ones); repeatable.",
        exists=True,
        dir_okay=False,
    ),
]
TimeoutOption = Annotated[
    float, typer.Option("--timeout", min=0.1, help="Seconds to wait for a URL.")
]


def _resolver(actors: list[Path] | None) -> ActorResolver | None:
    if not actors:
        return None
    from wirecoder.actors import build_resolver

    return build_resolver(actors)


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
    nlp: Annotated[
        bool, typer.Option("--nlp/--no-nlp", help="Resolve actors (spaCy); off stores text only.")
    ] = True,
    actors: ActorsOption = None,
    processes: Annotated[
        int, typer.Option("--processes", min=1, help="Worker processes for the spaCy pass.")
    ] = 1,
) -> None:
    """Read articles from SOURCES, clean them, code them and store them.

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
            report = _run_ingest(
                db,
                sources,
                _limits(max_mb, timeout, fetch_links),
                quiet,
                nlp,
                _resolver(actors),
                processes,
            )
    except WirecoderError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    _print_report(report, store_path)
    raise typer.Exit(0 if report.ok else 1)


def _run_ingest(
    db: Store,
    sources: list[str],
    limits: SourceLimits,
    quiet: bool,
    nlp: bool,
    resolver: ActorResolver | None,
    processes: int,
) -> IngestReport:
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

        report = ingest(
            sources,
            db,
            limits=limits,
            progress=on_item,
            nlp=nlp,
            resolver=resolver,
            processes=processes,
        )
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
    actors: ActorsOption = None,
) -> None:
    """Code documents and print them, without touching the store.

    With `--json`, each document is one JSON object with `doc_id`, `article` (title,
    authors, published, dateline, source, language, text, removed) and the lists
    `actors`, `events`, `quotes` and `quantities`.
    """
    failed = False
    for coded in _coded(source, _limits(max_mb, timeout), _resolver(actors)):
        if coded is None:
            failed = True
            continue
        if as_json:
            sys.stdout.write(json.dumps(coded.to_dict(), ensure_ascii=False) + "\n")
        else:
            _print_article(coded.to_dict())
    raise typer.Exit(1 if failed else 0)


def _coded(
    source: str, limits: SourceLimits, resolver: ActorResolver | None
) -> Iterator[CodedDocument | None]:
    """Each document of SOURCE coded, or None (after printing why) when it failed."""
    return _each(source, limits, lambda raw: code_raw(raw, resolver=resolver))


def _each(
    source: str, limits: SourceLimits, work: Callable[[RawDocument], _T]
) -> Iterator[_T | None]:
    """`work` done on each document of SOURCE, or None (after printing why) when the
    document could not be read or holds no article."""
    for item in read_sources([source], limits=limits):
        if isinstance(item, SourceFailure):
            err.print(f"[red]error:[/red] [{item.code}] {item.reason}", highlight=False)
            yield None
            continue
        try:
            yield work(item)
        except InputError as exc:
            err.print(f"[red]error:[/red] {exc}", highlight=False)
            yield None


@app.command("actors")
def actors_command(
    source: Annotated[str, typer.Argument(help="A file, URL or `-`.")],
    actors: ActorsOption = None,
    max_mb: MaxMbOption = 10.0,
    timeout: TimeoutOption = 20.0,
) -> None:
    """Show every actor mention of each document: its code and how it was resolved.

    Codes are CAMEO-style: country + sector (`RUSGOV`, `TJKOPP`, `USAMIL`) or an
    international organisation (`IGOWSTNAT` for NATO). People are coded by the role
    they held on the article's date. Mentions of one actor share an entity number.
    """
    failed = False
    for coded in _coded(source, _limits(max_mb, timeout), _resolver(actors)):
        if coded is None:
            failed = True
            continue
        table = Table(title=f"actors in {coded.article.source}", title_justify="left")
        for column in ("chars", "text", "code", "name", "how", "entity", "affiliation"):
            table.add_column(column, overflow="fold")
        for m in coded.actors:
            table.add_row(
                f"{m.start}-{m.end}",
                m.text,
                m.code,
                m.name or "",
                m.how,
                str(m.entity),
                m.affiliation or "",
            )
        out.print(table)
    raise typer.Exit(1 if failed else 0)


@app.command("events")
def events_command(
    source: Annotated[str, typer.Argument(help="A file, URL or `-`.")],
    actors: ActorsOption = None,
    max_mb: MaxMbOption = 10.0,
    timeout: TimeoutOption = 20.0,
) -> None:
    """Show who did what to whom: each event's CAMEO code, actors, modality, date, place
    and the pattern that coded it (first version of the coder: see the README's figures).
    """
    failed = False
    for coded in _coded(source, _limits(max_mb, timeout), _resolver(actors)):
        if coded is None:
            failed = True
            continue
        rows = [
            (
                e.source.code if e.source else "",
                e.cameo,
                e.target.code if e.target else "",
                e.modality,
                e.date or "",
                e.place.name if e.place else "",
                e.trigger,
                e.rule,
            )
            for e in coded.events
        ]
        _print_rows(
            f"events in {coded.article.source}",
            ("source", "cameo", "target", "modality", "date", "place", "trigger", "rule"),
            rows,
        )
    raise typer.Exit(1 if failed else 0)


@app.command("explain")
def explain_command(
    source: Annotated[str, typer.Argument(help="A file, URL or `-`; every document is explained.")],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print JSON (one line per document).")
    ] = False,
    show_all: Annotated[
        bool, typer.Option("--all", help="Also list sentences where nothing was coded or seen.")
    ] = False,
    max_mb: MaxMbOption = 10.0,
    timeout: TimeoutOption = 20.0,
    actors: ActorsOption = None,
) -> None:
    """Show, sentence by sentence, which events were coded and why, and which triggers
    were seen but not coded and why.

    Each sentence is printed with its number, its characters in the article text and
    the actor mentions found in it (text and code). Then:

    - **coded**: `#` the event's position in `wirecoder code --json`; `trigger` the word
      that matched; `rule` the pattern id, with its file and line; `cameo` the code and
      its name; `source` and `target` the actor text and code, with the slots the
      pattern reads them from (subject, object, dative, speaker, poss, compound, prep:WORD; all
      are listed, first tried first); `modality` asserted, intended, negated,
      hypothetical or claimed, and who it was reported by; `date` with its precision
      (and "historical" for a past event recalled); `place`.

    - **seen, not coded**: a trigger whose pattern matched but gave no event: `trigger`,
      `chars` (offsets in the article text), `rule` with its file and line, `slots`
      (source slots → target slots) and `reason`, the coder's own words.

    - **retold**: an event told again here, kept once where it was first told.

    By default only sentences with something coded, seen or retold are shown.

    Examples:

        wirecoder explain examples/kyrgyz_tajik_ceasefire_2021.txt
        wirecoder explain examples/eu_belarus_visa_ban_2006.txt --all
        wirecoder explain examples/wire_feed.jsonl --json
    """
    from wirecoder.explain import explain_document

    resolver = _resolver(actors)
    failed = False
    for explained in _each(
        source, _limits(max_mb, timeout), lambda raw: explain_document(raw, resolver=resolver)
    ):
        if explained is None:
            failed = True
            continue
        if as_json:
            data = explained.to_dict(everything=show_all)
            sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
        else:
            _print_explanation(explained, everything=show_all)
    raise typer.Exit(1 if failed else 0)


def _print_explanation(doc: DocumentExplanation, *, everything: bool) -> None:
    shown = doc.shown(everything=everything)
    out.print(
        f"[bold]explain {escape(doc.source)}[/bold] (document {doc.doc_id}, published "
        f"{doc.published or '?'}, home country {doc.home or '?'}): {doc.event_count} events "
        f"coded, {doc.seen_count} triggers seen but not coded; {len(shown)} of "
        f"{len(doc.sentences)} sentences shown",
        highlight=False,
    )
    for sentence in shown:
        _print_sentence(sentence)


def _slots(slots: tuple[str, ...]) -> str:
    return " | ".join(slots)


def _origin(origin: str) -> str:
    """`verbs.yaml:908` for `/long/path/verbs.yaml:908`: the file name is enough to find
    the rule, and the full path is in the JSON."""
    path, _, line = origin.rpartition(":")
    return f"{Path(path).name}:{line}" if path else origin


def _print_sentence(sentence: SentenceExplanation) -> None:
    out.print()
    out.print(
        f"[bold]sentence {sentence.index}[/bold] (chars {sentence.start}-{sentence.end})",
        highlight=False,
    )
    out.print(escape(sentence.text.strip()), highlight=False)
    if sentence.actors:
        listed = ", ".join(f"{a.text} {a.code}" for a in sentence.actors)
        out.print(f"[dim]actors:[/dim] {escape(listed)}", highlight=False)
    if sentence.events:
        table = Table(title="coded", title_justify="left")
        for column in ("#", "trigger", "rule", "cameo", "source", "target"):
            table.add_column(column, overflow="fold")
        for column in ("modality", "date", "place"):
            table.add_column(column, overflow="fold")
        for coded in sentence.events:
            e, p = coded.event, coded.pattern
            modality = e.modality + (f"\nby {e.reported_by.text}" if e.reported_by else "")
            date = " ".join(
                v for v in (e.date, e.date_precision, "historical" if e.historical else "") if v
            )
            cells = (
                str(coded.index),
                e.trigger,
                e.rule + (f"\n{_origin(p.origin)}" if p else ""),
                f"{e.cameo} {coded.name}",
                _actor_cell(e.source, p.source_slots if p else ()),
                _actor_cell(e.target, p.target_slots if p else ()),
                modality,
                date,
                e.place.name if e.place else "",
            )
            table.add_row(*(escape(c) for c in cells))
        out.print(table)
    if sentence.seen:
        table = Table(title="seen, not coded", title_justify="left")
        for column in ("trigger", "chars", "rule", "slots", "reason"):
            table.add_column(column, overflow="fold")
        for item in sentence.seen:
            s, p = item.seen, item.pattern
            rule = s.rule + (f"\n{_origin(p.origin)}" if p else "")
            slots = f"{_slots(p.source_slots)} → {_slots(p.target_slots)}" if p else ""

            row = (s.trigger, f"{s.start}-{s.end}", rule, slots, s.reason)
            table.add_row(*(escape(c) for c in row))
        out.print(table)
    for retold in sentence.retold:
        out.print(
            f"[dim]retold:[/dim] event #{retold.index}, kept at sentence {retold.sentence}",
            highlight=False,
        )


def _actor_cell(actor: EventActor | None, slots: tuple[str, ...]) -> str:
    where = f"\n({_slots(slots)})" if slots else ""
    if actor is None:
        return "—" + where
    return f"{actor.text} {actor.code or '?'}{where}"


@app.command("quotes")
def quotes_command(
    source: Annotated[str, typer.Argument(help="A file, URL or `-`.")],
    actors: ActorsOption = None,
    max_mb: MaxMbOption = 10.0,
    timeout: TimeoutOption = 20.0,
) -> None:
    """Show who said what: every direct quote and reported statement with its speaker.

    Direct quotes are the words inside the quotation marks (split quotes and follow-on
    paragraphs keep their speaker; a repeated pull quote is listed once); reported
    speech is the content of "X said that ...", "according to X, ...". Speakers are
    resolved through the actor layer (code, name, affiliation).
    """
    failed = False
    for coded in _coded(source, _limits(max_mb, timeout), _resolver(actors)):
        if coded is None:
            failed = True
            continue
        rows = [
            (
                q.kind,
                q.speaker.text if q.speaker else "",
                (q.speaker.code or "") if q.speaker else "",
                (q.speaker.affiliation or "") if q.speaker else "",
                q.text,
            )
            for q in coded.quotes
        ]
        _print_rows(
            f"quotes in {coded.article.source}",
            ("kind", "speaker", "code", "affiliation", "quote"),
            rows,
        )
    raise typer.Exit(1 if failed else 0)


eval_app = typer.Typer(
    help="Score the coder on a gold file (precision, recall, F1).", no_args_is_help=True
)
app.add_typer(eval_app, name="eval")


@eval_app.command("actors")
def eval_actors_command(
    gold: GoldFile,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    errors: Annotated[int, typer.Option("--errors", help="List this many errors.")] = 0,
    actors: ActorsOption = None,
) -> None:
    """Mention → code precision, recall and F1: a prediction counts when its span
    overlaps a gold mention and its code is the gold code."""
    from wirecoder.evaluation.actors import evaluate_actors

    report = evaluate_actors(gold, resolver=_resolver(actors))
    data = report.as_dict()
    if as_json:
        sys.stdout.write(json.dumps(data, indent=2) + "\n")
        return
    table = Table(title=f"actors: {gold} ({report.items} paragraphs)", title_justify="left")
    for column in ("measure", "precision", "recall", "F1", "tp", "fp", "fn"):
        table.add_column(column, justify="right")
    for name, score in (("mention → code", report.overall), ("mention span", report.span_only)):
        table.add_row(
            name,
            f"{score.precision:.3f}",
            f"{score.recall:.3f}",
            f"{score.f1:.3f}",
            str(score.tp),
            str(score.fp),
            str(score.fn),
        )
    out.print(table)
    by_how = Table(title="recall by case", title_justify="left")
    by_how.add_column("how")
    by_how.add_column("recall", justify="right")
    for how, recall in data["recall_by_how"].items():
        by_how.add_row(how, f"{recall:.3f}")
    out.print(by_how)
    for error in report.errors[:errors]:
        out.print(error, highlight=False)


@eval_app.command("events")
def eval_events_command(
    gold: GoldFile,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    top: Annotated[int, typer.Option("--top", help="Confusion cells to show.")] = 15,
) -> None:
    """Root-level and full-code precision, recall and F1, with source, target and
    modality accuracy over the matched pairs and a confusion by root."""
    from wirecoder.evaluation.events import evaluate_events

    data = evaluate_events(gold).as_dict()
    if as_json:
        sys.stdout.write(json.dumps(data, indent=2) + "\n")
        return
    _print_scores(
        f"events: {gold} ({data['items']} sentences)",
        "level",
        {"root": data["root"], "full code": data["code"]},
    )
    out.print(
        f"source accuracy {data['source_accuracy']:.3f}, target accuracy "
        f"{data['target_accuracy']:.3f}, modality accuracy {data['modality_accuracy']:.3f}"
    )
    cells = sorted(data["confusion_by_root"], key=lambda c: -int(c["count"]))
    _print_rows(
        "confusion by root (gold, predicted; '-' = none), most frequent first",
        ("gold", "predicted", "count"),
        [(c["gold"], c["predicted"], c["count"]) for c in cells[:top]],
    )


TopOption = Annotated[int, typer.Option("--top", help="Confusion cells to show.")]


@eval_app.command("plover")
def eval_plover_command(
    gold: Annotated[
        Path,
        typer.Argument(
            help="PLOVER gold-standard records (JSON array), e.g. "
            "../shared/eval/plover_gold_records_cameo.json.",
            exists=True,
            dir_okay=False,
        ),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    top: TopOption = 15,
) -> None:
    """Score the coder against PLOVER gold-standard records (one event type each).

    Our CAMEO codes are mapped to PLOVER types with the shipped CAMEO->PLOVER table; per
    sentence, the set of gold types is compared with the set of types we code (negated
    events left out): precision, recall, F1, sentence accuracy and a confusion by type.
    """
    from wirecoder.evaluation.plover import evaluate_plover_records

    report = evaluate_plover_records(gold)
    _print_plover(report.as_dict(), report.confusion_table(), gold, as_json, top)


@eval_app.command("zsp")
def eval_zsp_command(
    pairs: Annotated[
        Path,
        typer.Argument(
            help="Source-target pairs with a PLOVER type (TSV with <s>/<t> marks), e.g. "
            "../shared/eval/zsp_plover_pairs_train.tsv.",
            exists=True,
            dir_okay=False,
        ),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    limit: Annotated[int | None, typer.Option("--limit", help="Score the first N.")] = None,
    top: TopOption = 15,
) -> None:
    """Score the coder on marked source-target pairs: a pair is right when an event we
    code between the marked source and target has the gold PLOVER type."""
    from wirecoder.evaluation.plover import evaluate_zsp_pairs

    report = evaluate_zsp_pairs(pairs, limit=limit)
    _print_plover(report.as_dict(), report.confusion_table(), pairs, as_json, top)


def _print_plover(
    data: dict[str, Any],
    confusion: Sequence[tuple[str, str, int]],
    path: Path,
    as_json: bool,
    top: int,
) -> None:
    if as_json:
        sys.stdout.write(json.dumps(data, indent=2) + "\n")
        return
    _print_scores(f"PLOVER: {path} ({data['items']} items)", "level", {"type": data["score"]})
    figures = [f"sentence accuracy {data['sentence_accuracy']:.3f}"]
    if data["kind"] == "pairs":
        figures[:0] = [
            f"pair accuracy {data['accuracy']:.3f}",
            f"source-only {data['source_only_accuracy']:.3f}",
        ]
    out.print(", ".join(figures))
    _print_rows(
        "confusion by type (gold, predicted; '-' = none)",
        ("gold", "predicted", "count"),
        [(g, p, n) for g, p, n in confusion[:top]],
    )


@eval_app.command("quotes")
def eval_quotes_command(
    gold: GoldFile,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    actors: ActorsOption = None,
) -> None:
    """Quote span precision, recall and F1 (direct and reported apart) and speaker
    accuracy: a quote counts when its kind matches and it overlaps at least half of the
    shorter of the two spans."""
    from wirecoder.evaluation.quotes import evaluate_quotes

    data = evaluate_quotes(gold, resolver=_resolver(actors)).as_dict()
    if as_json:
        sys.stdout.write(json.dumps(data, indent=2) + "\n")
        return
    _print_scores(
        f"quotes: {gold} ({data['items']} snippets)",
        "kind",
        {"direct": data["direct"], "reported": data["reported"]},
    )
    out.print(f"speaker accuracy {data['speaker_accuracy']:.3f}")


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
        _print_rows(
            "documents by language",
            ("language", "documents", "of which near-duplicates"),
            db.query(
                "SELECT coalesce(language, '?'), count(*), count(duplicate_of) FROM documents"
                " GROUP BY 1 ORDER BY 2 DESC"
            ),
        )
        _print_rows(
            "most mentioned actors",
            ("code", "name", "mentions", "documents"),
            db.query(
                "SELECT code, name, count(*), count(DISTINCT doc_id) FROM mentions"
                " GROUP BY code, name ORDER BY 3 DESC, 1 LIMIT 10"
            ),
        )
        _print_rows(
            "recent ingest errors",
            ("source", "code", "reason"),
            db.query(
                "SELECT source, code, reason FROM ingest_errors ORDER BY failed_at DESC LIMIT ?",
                [errors],
            ),
        )
    out.print(f"coder version {coder_version()}")


def _print_scores(title: str, label: str, scores: dict[str, dict[str, Any]]) -> None:
    """A table of precision, recall, F1 and right answers, one row per score."""
    rows = [
        (name, f"{s['precision']:.3f}", f"{s['recall']:.3f}", f"{s['f1']:.3f}", str(s["tp"]))
        for name, s in scores.items()
    ]
    _print_rows(title, (label, "precision", "recall", "F1", "right"), rows)


def _print_rows(title: str, columns: tuple[str, ...], rows: Sequence[tuple[object, ...]]) -> None:
    if not rows:
        return
    table = Table(title=title, title_justify="left")
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(str(v) for v in row))
    out.print(table)
