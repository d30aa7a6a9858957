"""Reading inputs into RawDocument records: every input kind, every failure code, laziness.

All fixtures are built here in tmp_path; the HTTP tests use a server on 127.0.0.1.
"""

from __future__ import annotations

import io
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import httpx
import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import wirecoder.sources
from wirecoder.model import RawDocument, SourceFailure
from wirecoder.sources import SourceLimits, files, read_sources

Items = list[RawDocument | SourceFailure]

STORY = (
    "Border guards from both countries held talks in Khorog on Tuesday and agreed "
    "to open a second crossing before the harvest season, officials said."
)
HTML_STORY = (
    f"<!DOCTYPE html><html><head><title>Talks</title></head><body><p>{STORY}</p></body></html>"
)


def read(*specs: str, **options: object) -> Items:
    return list(read_sources(specs, **options))  # type: ignore[arg-type]


def docs(items: Items) -> list[RawDocument]:
    return [item for item in items if isinstance(item, RawDocument)]


def fails(items: Items) -> list[SourceFailure]:
    return [item for item in items if isinstance(item, SourceFailure)]


def only_failure(items: Items) -> SourceFailure:
    assert len(items) == 1 and isinstance(items[0], SourceFailure), items
    return items[0]


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


# ---------------------------------------------------------------- files and decoding


def test_public_api_is_exactly_the_documented_names() -> None:
    assert sorted(wirecoder.sources.__all__) == ["SourceLimits", "read_sources"]


def test_plain_text_file(tmp_path: Path) -> None:
    path = write(tmp_path / "story.txt", STORY + "\n")
    [doc] = read(str(path))
    assert doc == RawDocument(str(path), STORY + "\n", "text")


def test_text_with_utf8_bom_and_no_extension(tmp_path: Path) -> None:
    path = write(tmp_path / "STORY", b"\xef\xbb\xbf" + "Dushanbe — talks ended.".encode())
    [doc] = docs(read(str(path)))
    assert doc.content == "Dushanbe — talks ended." and doc.kind == "text"


def test_html_file_utf8(tmp_path: Path) -> None:
    path = write(tmp_path / "page.html", HTML_STORY.replace("Khorog", "Khorog’s"))
    [doc] = docs(read(str(path)))
    assert doc.kind == "html" and "Khorog’s" in doc.content


@pytest.mark.parametrize(
    "meta",
    [
        '<meta charset="windows-1252">',
        '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">',
    ],
)
def test_html_meta_charset_is_honoured(tmp_path: Path, meta: str) -> None:
    story = "Caf\xe9 owners \u201cwelcomed\u201d it."
    body = f"<html><head>{meta}</head><body><p>{story}</p></body></html>"
    path = write(tmp_path / "legacy.htm", body.encode("cp1252"))
    [doc] = docs(read(str(path)))
    assert "Café owners “welcomed” it." in doc.content


@pytest.mark.parametrize("label", ["no-such-charset", "base64", "utf-16"])
def test_unusable_declared_charset_falls_back_to_utf8(tmp_path: Path, label: str) -> None:
    body = f'<html><head><meta charset="{label}"></head><body><p>Café.</p></body></html>'
    path = write(tmp_path / "odd.html", body)
    [doc] = docs(read(str(path)))
    assert "Café." in doc.content


def test_unlabelled_file_is_sniffed_as_html(tmp_path: Path) -> None:
    path = write(tmp_path / "download", "\n  <!-- saved -->\n" + HTML_STORY)
    [doc] = docs(read(str(path)))
    assert doc.kind == "html"


def test_text_starting_with_angle_bracket_stays_text(tmp_path: Path) -> None:
    path = write(tmp_path / "wire.txt", "<Reuters> " + STORY)
    [doc] = docs(read(str(path)))
    assert doc.kind == "text"


def test_directory_walk_is_recursive_sorted_and_skips_hidden_and_unknown(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    write(root / "b.txt", "Second story text.")
    write(root / "a.html", HTML_STORY)
    write(root / "nested" / "deeper" / "c.TXT", "Third story text.")
    write(root / "nested" / "d.text", "Fourth story text.")
    write(root / ".hidden.txt", "Hidden story text.")
    write(root / ".cache" / "e.txt", "Cached story text.")
    write(root / "photo.png", b"\x89PNG\r\n\x1a\n\x00\x00")
    write(root / "notes.md", "Not a known extension.")
    items = read(str(root))
    assert [item.source for item in items] == [
        str(root / "a.html"),
        str(root / "b.txt"),
        str(root / "nested" / "d.text"),
        str(root / "nested" / "deeper" / "c.TXT"),
    ]
    assert not fails(items)


def test_glob_matches_recursively_and_reports_no_match(tmp_path: Path) -> None:
    write(tmp_path / "x" / "one.txt", "First story text.")
    write(tmp_path / "x" / "y" / "two.txt", "Second story text.")
    write(tmp_path / "x" / "skip.html", HTML_STORY)
    items = read(str(tmp_path / "x" / "**" / "*.txt"))
    assert [item.source for item in items] == [
        str(tmp_path / "x" / "one.txt"),
        str(tmp_path / "x" / "y" / "two.txt"),
    ]
    pattern = str(tmp_path / "nothing" / "*.txt")
    failure = only_failure(read(pattern))
    assert failure.code == "E014" and pattern in failure.reason


def test_stdin_text_and_html() -> None:
    [doc] = read("-", stdin=io.BytesIO(STORY.encode()))
    assert doc == RawDocument("-", STORY, "text")
    [page] = docs(read("-", stdin=io.BytesIO(HTML_STORY.encode())))
    assert page.kind == "html" and page.source == "-"


def test_stdin_over_the_limit() -> None:
    limits = SourceLimits(max_bytes=100)
    failure = only_failure(read("-", stdin=io.BytesIO(b"a" * 101), limits=limits))
    assert failure.code == "E005" and failure.source == "-"


# ---------------------------------------------------------------- JSONL


def test_jsonl_good_lines_come_and_bad_lines_fail_by_line_number(tmp_path: Path) -> None:
    lines = [
        '{"text": "First story text.", "url": "https://example.org/1", "title": "One",'
        ' "published": "2004-03-02"}',
        "",
        "{not json",
        '["an", "array"]',
        '{"title": "no body"}',
        '{"text": "   "}',
        '{"html": "<p>Second story text.</p>"}',
        '{"text": 42}',
    ]
    path = write(tmp_path / "batch.jsonl", "\n".join(lines) + "\n")
    items = read(str(path))
    assert docs(items) == [
        RawDocument(
            f"{path}#L1",
            "First story text.",
            "text",
            url="https://example.org/1",
            title="One",
            published="2004-03-02",
        ),
        RawDocument(f"{path}#L7", "<p>Second story text.</p>", "html"),
    ]
    failures = fails(items)
    assert [(f.source, f.code) for f in failures] == [
        (f"{path}#L{n}", "E009") for n in (3, 4, 5, 6, 8)
    ]
    assert all(
        f"line {n} of {path}" in f.reason for n, f in zip((3, 4, 5, 6, 8), failures, strict=True)
    )
    assert "not valid JSON" in failures[0].reason
    assert "no 'text' or 'html' field" in failures[2].reason


def test_jsonl_line_over_the_limit_fails_alone(tmp_path: Path) -> None:
    long_line = '{"text": "' + "x" * 500 + '"}'
    path = write(tmp_path / "big.ndjson", f'{long_line}\n{{"text": "Short story text."}}\n')
    items = read(str(path), limits=SourceLimits(max_bytes=200))
    assert [(item.source, type(item).__name__) for item in items] == [
        (f"{path}#L1", "SourceFailure"),
        (f"{path}#L2", "RawDocument"),
    ]
    assert fails(items)[0].code == "E005"


# ---------------------------------------------------------------- WARC


def write_warc(path: Path, *, compress: bool, big_body: bytes | None = None) -> None:
    def response(uri: str, content_type: str, body: bytes, status: str = "200 OK") -> None:
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            uri, "response", payload=io.BytesIO(body), length=len(body), http_headers=headers
        )
        writer.write_record(record)

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=compress)
        request = StatusAndHeaders(
            "GET /one HTTP/1.1", [("Host", "news.example.org")], is_http_request=True
        )
        writer.write_record(
            writer.create_warc_record(
                "https://news.example.org/one",
                "request",
                payload=io.BytesIO(b""),
                length=0,
                http_headers=request,
            )
        )
        response("https://news.example.org/one", "text/html; charset=utf-8", HTML_STORY.encode())
        response("https://news.example.org/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" * 20)
        if big_body is not None:
            response("https://news.example.org/huge", "text/html", big_body)
        response("https://news.example.org/moved", "text/html", b"<p>Moved</p>", "301 Moved")
        response(
            "https://news.example.org/two",
            "text/html; charset=iso-8859-1",
            "<html><body><p>Caf\xe9 owners reopened on Monday.</p></body></html>".encode("latin-1"),
        )


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_yields_only_html_responses(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    write_warc(path, compress=name.endswith(".gz"))
    items = read(str(path))
    assert not fails(items)
    assert [doc.url for doc in docs(items)] == [
        "https://news.example.org/one",
        "https://news.example.org/two",
    ]
    first, second = docs(items)
    assert first.kind == "html" and STORY in first.content
    assert "Café owners" in second.content
    assert all(doc.source.startswith(f"{path}#urn:uuid:") for doc in (first, second))


def test_warc_record_over_the_limit_fails_and_the_rest_come(tmp_path: Path) -> None:
    path = tmp_path / "big.warc.gz"
    write_warc(path, compress=True, big_body=b"<p>" + b"y" * 5000 + b"</p>")
    items = read(str(path), limits=SourceLimits(max_bytes=2000))
    assert [type(item).__name__ for item in items] == [
        "RawDocument",
        "SourceFailure",
        "RawDocument",
    ]
    assert fails(items)[0].code == "E005" and "#urn:uuid:" in fails(items)[0].source


@pytest.mark.parametrize("name", ["cut.warc", "cut.warc.gz"])
def test_truncated_warc_keeps_earlier_documents_then_fails(tmp_path: Path, name: str) -> None:
    whole = tmp_path / ("whole" + name.removeprefix("cut"))
    write_warc(whole, compress=name.endswith(".gz"))
    data = whole.read_bytes()
    path = write(tmp_path / name, data[: len(data) - 40])
    items = read(str(path))
    assert [doc.url for doc in docs(items)] == ["https://news.example.org/one"]
    assert isinstance(items[-1], SourceFailure)
    assert items[-1].code == "E010" and str(path) in items[-1].reason


def test_file_that_is_not_a_warc(tmp_path: Path) -> None:
    path = write(tmp_path / "notes.warc", "These are meeting notes, not an archive.\n" * 5)
    failure = only_failure(read(str(path)))
    assert failure.code == "E010" and str(path) in failure.reason
    gz = write(tmp_path / "junk.warc.gz", b"\x1f\x8b\x08garbage")
    assert only_failure(read(str(gz))).code == "E010"


# ---------------------------------------------------------------- feeds on disk


RSS_OFFLINE = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Wire</title><link>https://news.example.org/</link>
<description>Latest</description>
<item><title>Ministers meet</title><link>https://news.example.org/m</link>
<pubDate>Tue, 02 Mar 2004 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Foreign ministers met in Dushanbe on Tuesday.&lt;/p&gt;</description></item>
<item><title>Empty</title></item>
</channel></rss>
"""


def test_feed_file_without_fetching_uses_entry_content(tmp_path: Path) -> None:
    path = write(tmp_path / "wire.rss", RSS_OFFLINE)
    items = read(str(path), limits=SourceLimits(fetch_feed_links=False))
    [doc] = docs(items)
    assert doc.source == f"{path}#1" and doc.kind == "html"
    assert doc.title == "Ministers meet" and doc.published == "2004-03-02"
    assert doc.url == "https://news.example.org/m"
    assert "Foreign ministers met in Dushanbe" in doc.content
    [failure] = fails(items)
    assert failure.source == f"{path}#2" and failure.code == "E002"


def test_feed_that_is_not_xml(tmp_path: Path) -> None:
    path = write(tmp_path / "broken.rss", "This feed went missing; see the website.\n")
    failure = only_failure(read(str(path)))
    assert failure.code == "E008" and str(path) in failure.reason
    html = write(tmp_path / "page.xml", HTML_STORY)
    assert only_failure(read(str(html))).code == "E008"


# ---------------------------------------------------------------- bad inputs


def test_bad_inputs_fail_with_their_codes_and_name_the_input(tmp_path: Path) -> None:
    cases = {
        "E002": [write(tmp_path / "empty.txt", b""), write(tmp_path / "blank.html", " \n\t\n")],
        "E003": [
            write(tmp_path / "nul.txt", b"text\x00with a NUL byte"),
            write(tmp_path / "ctl.txt", bytes(range(1, 9)) * 10 + b"some words"),
        ],
        "E004": [write(tmp_path / "latin.txt", "Caf\xe9 reopened.".encode("latin-1"))],
    }
    for code, paths in cases.items():
        for path in paths:
            failure = only_failure(read(str(path)))
            assert (failure.code, failure.source) == (code, str(path))
            assert str(path) in failure.reason
    missing = str(tmp_path / "absent.txt")
    failure = only_failure(read(missing))
    assert failure.code == "E001" and missing in failure.reason


def test_huge_file_is_refused_without_reading_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as out:
        out.truncate(50 * 1024 * 1024)  # sparse: no 50 MB written to disk

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was opened")

    monkeypatch.setattr(files, "open", refuse, raising=False)
    failure = only_failure(read(str(path)))
    assert failure.code == "E005" and str(path) in failure.reason
    assert "10 MB" in failure.reason


def test_unsupported_url_scheme() -> None:
    failure = only_failure(read("ftp://news.example.org/story.txt"))
    assert failure.code == "E013"


def test_mixed_run_yields_every_good_input(tmp_path: Path) -> None:
    good_text = write(tmp_path / "good.txt", STORY)
    good_html = write(tmp_path / "good.html", HTML_STORY)
    empty = write(tmp_path / "empty.txt", "")
    binary = write(tmp_path / "bin.txt", b"\x00\x01\x02")
    jsonl = write(tmp_path / "b.jsonl", '{"text": "Line story text."}\nnope\n')
    specs = [str(empty), str(good_text), str(tmp_path / "missing"), str(binary)]
    specs += [str(jsonl), str(good_html)]
    items = read(*specs)
    assert [d.source for d in docs(items)] == [str(good_text), f"{jsonl}#L1", str(good_html)]
    assert [f.code for f in fails(items)] == ["E002", "E001", "E003", "E009"]


# ---------------------------------------------------------------- laziness


def test_directory_is_read_lazily(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "First story text.")
    later = write(tmp_path / "b.txt", "Original second story.")
    items = read_sources([str(tmp_path)])
    first = next(items)
    assert isinstance(first, RawDocument) and first.content == "First story text."
    later.write_text("Second story written after the first was read.", encoding="utf-8")
    second = next(items)
    assert isinstance(second, RawDocument)
    assert second.content == "Second story written after the first was read."


def test_specs_are_consumed_one_at_a_time(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", STORY)
    consumed: list[str] = []

    def specs() -> Iterator[str]:
        for spec in (str(path), str(path), str(path)):
            consumed.append(spec)
            yield spec

    items = read_sources(specs())
    next(items)
    assert len(consumed) == 1


# ---------------------------------------------------------------- HTTP (local server)


class Handler(BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, tuple[int, dict[str, str], bytes]]] = {}
    agents: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.agents.append(self.headers.get("User-Agent", ""))
        missing = (404, {"Content-Type": "text/html"}, b"<p>Not found</p>")
        status, headers, body = self.routes.get(self.path, missing)
        self.send_response(status)
        for name, value in headers.items():
            if name != "X-No-Length":
                self.send_header(name, value)
        if "X-No-Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # clients hang up early on purpose (size cap)


def article(text: str) -> bytes:
    return f"<html><head><title>Site title</title></head><body><p>{text}</p></body></html>".encode()


def rss(base: str) -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Wire</title><link>{base}/</link><description>News</description>
<item><title>Talks open</title><link>{base}/a1.html</link>
<pubDate>Tue, 02 Mar 2004 10:00:00 GMT</pubDate><description>Teaser only.</description></item>
<item><title>Page gone</title><link>{base}/gone.html</link>
<pubDate>Wed, 03 Mar 2004 09:30:00 GMT</pubDate>
<description>&lt;p&gt;Officials confirmed the crossing would reopen in April.&lt;/p&gt;
</description></item>
<item><title>Nothing here</title><pubDate>Thu, 04 Mar 2004 08:00:00 GMT</pubDate></item>
<item><title>Dead link</title><link>{base}/dead.html</link></item>
</channel></rss>""".encode()


ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>tag:wire,2004:feed</id>
<updated>2004-03-05T12:00:00Z</updated>
<entry><title>Relative link</title><id>tag:wire,2004:1</id><link href="a2.html"/>
<updated>2004-03-05T11:00:00Z</updated></entry>
<entry><title>Inline only</title><id>tag:wire,2004:2</id><updated>2004-03-06T07:00:00Z</updated>
<content type="html">&lt;p&gt;The commission published its findings on Saturday.&lt;/p&gt;
</content></entry>
</feed>"""


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = QuietServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    html = {"Content-Type": "text/html; charset=utf-8"}
    Handler.routes = {
        "/page.html": (
            200,
            {"Content-Type": "text/html; charset=iso-8859-1"},
            "<html><body><p>Caf\xe9 owners reopened.</p></body></html>".encode("latin-1"),
        ),
        "/plain": (200, {"Content-Type": "text/plain; charset=utf-8"}, STORY.encode()),
        "/old": (302, {"Location": "/page.html"}, b""),
        "/loop": (302, {"Location": "/loop"}, b""),
        "/big": (200, html, b"<p>" + b"z" * 20_000 + b"</p>"),
        "/big-stream": (200, {**html, "X-No-Length": "1"}, b"<p>" + b"z" * 20_000 + b"</p>"),
        "/error": (500, html, b"<p>Server error</p>"),
        "/logo.png": (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n"),
        "/a1.html": (200, html, article("Negotiators from both sides opened talks on Tuesday.")),
        "/a2.html": (200, html, article("Election monitors arrived in the capital on Friday.")),
        "/feed.rss": (200, {"Content-Type": "application/rss+xml"}, rss(base)),
        "/atom.xml": (200, {"Content-Type": "application/atom+xml"}, ATOM),
        "/notfeed.rss": (200, {"Content-Type": "application/rss+xml"}, b"not xml at all"),
    }
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield base
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=5.0) as own:
        yield own


@pytest.mark.network
def test_url_html_page_uses_the_header_charset(server: str, client: httpx.Client) -> None:
    [doc] = read(f"{server}/page.html", client=client)
    assert isinstance(doc, RawDocument)
    assert (doc.kind, doc.url, doc.source) == ("html", f"{server}/page.html", f"{server}/page.html")
    assert "Café owners reopened." in doc.content


@pytest.mark.network
def test_url_text_plain(server: str, client: httpx.Client) -> None:
    [doc] = read(f"{server}/plain", client=client)
    assert isinstance(doc, RawDocument) and (doc.kind, doc.content) == ("text", STORY)


@pytest.mark.network
def test_redirect_is_followed_and_final_url_kept(server: str) -> None:
    [doc] = read(f"{server}/old")  # no client: one is made, with our User-Agent
    assert isinstance(doc, RawDocument)
    assert doc.url == f"{server}/page.html" and doc.source == f"{server}/old"
    assert Handler.agents[-1].startswith("wirecoder/")


@pytest.mark.network
def test_http_failures(server: str, client: httpx.Client) -> None:
    limits = SourceLimits(max_bytes=10_000, max_redirects=3)
    expected = {"/big": "E005", "/big-stream": "E005", "/error": "E007", "/logo.png": "E013"}
    for path, code in expected.items():
        url = server + path
        failure = only_failure(read(url, client=client, limits=limits))
        assert (failure.code, failure.source) == (code, url)
        assert url in failure.reason
    assert "HTTP 500" in only_failure(read(f"{server}/error", client=client)).reason
    loop = only_failure(read(f"{server}/loop", limits=limits))
    assert loop.code == "E006" and "redirects" in loop.reason


@pytest.mark.network
def test_unreachable_url_fails_quickly() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/"
    failure = only_failure(read(url, limits=SourceLimits(timeout=3.0)))
    assert failure.code == "E006" and url in failure.reason


def test_timeout_is_reported_as_fetch_failure() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("read timed out", request=request)

    with httpx.Client(transport=httpx.MockTransport(handler)) as mock:
        failure = only_failure(read("https://news.example.org/slow", client=mock))
    assert failure.code == "E006" and "timed out" in failure.reason


@pytest.mark.network
def test_rss_feed_fetches_links_and_falls_back_to_content(
    server: str, client: httpx.Client
) -> None:
    feed = f"{server}/feed.rss"
    items = read(feed, client=client)
    assert [item.source for item in items] == [f"{feed}#{n}" for n in (1, 2, 3, 4)]
    fetched, fallback = docs(items)
    assert fetched.url == f"{server}/a1.html" and fetched.title == "Talks open"
    assert "Negotiators from both sides" in fetched.content and fetched.published == "2004-03-02"
    assert fallback.url == f"{server}/gone.html" and fallback.published == "2004-03-03"
    assert "crossing would reopen in April" in fallback.content
    empty, dead = fails(items)
    assert empty.code == "E002"
    assert dead.code == "E007" and f"{server}/dead.html" in dead.reason


@pytest.mark.network
def test_atom_feed_resolves_relative_links(server: str, client: httpx.Client) -> None:
    items = read(f"{server}/atom.xml", client=client)
    linked, inline = docs(items)
    assert linked.url == f"{server}/a2.html" and "Election monitors" in linked.content
    assert linked.title == "Relative link" and linked.published == "2004-03-05"
    assert inline.url is None and "commission published its findings" in inline.content
    assert inline.published == "2004-03-06"


@pytest.mark.network
def test_url_feed_that_is_not_xml(server: str, client: httpx.Client) -> None:
    failure = only_failure(read(f"{server}/notfeed.rss", client=client))
    assert failure.code == "E008" and f"{server}/notfeed.rss" in failure.reason
