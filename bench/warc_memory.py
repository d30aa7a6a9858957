"""Memory stays bounded when reading a large WARC: peak RSS against archive size.

Writes an uncompressed WARC of about --gb gigabytes (HTML response records of ~50 KB,
plus request records), then streams it through `read_sources` and reports the number
of documents, the time, and the peak resident memory of the process before and after.

    python bench/warc_memory.py [--gb 1.0] [--out bench/out]
"""

from __future__ import annotations

import argparse
import io
import resource
import time
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from wirecoder.model import RawDocument
from wirecoder.sources import read_sources

PARAGRAPH = (
    "<p>Officials in the capital said on {day} that talks between the government and "
    "the opposition over the disputed election of {year} would resume next week, and "
    "that both sides had agreed to release {n} detainees held since the protests.</p>\n"
)


def page(n: int, size: int) -> bytes:
    parts = [f"<html><head><title>Story {n}</title></head><body><article><h1>Story {n}</h1>"]
    total = 0
    i = 0
    while total < size:
        line = PARAGRAPH.format(day=f"day {n}-{i}", year=1990 + i % 30, n=i)
        parts.append(line)
        total += len(line)
        i += 1
    parts.append("</article></body></html>")
    return "".join(parts).encode("utf-8")


def write_warc(path: Path, gigabytes: float, record_size: int = 50_000) -> int:
    target = int(gigabytes * 1e9)
    records = 0
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=False)
        while fh.tell() < target:
            url = f"https://news.example.org/story/{records}"
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(page(records, record_size)),
                http_headers=headers,
            )
            writer.write_record(record)
            records += 1
    return records


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gb", type=float, default=1.0)
    parser.add_argument("--out", type=Path, default=Path("bench/out"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / "big.warc"
    if not path.exists() or path.stat().st_size < args.gb * 1e9 * 0.95:
        records = write_warc(path, args.gb)
        print(f"wrote {path}: {records} records, {path.stat().st_size / 1e9:.2f} GB")
    before = peak_rss_mb()
    start = time.perf_counter()
    documents = chars = 0
    for item in read_sources([str(path)]):
        if isinstance(item, RawDocument):
            documents += 1
            chars += len(item.content)
    elapsed = time.perf_counter() - start
    print(f"read {documents} documents ({chars / 1e9:.2f} G chars) in {elapsed:.1f} s")
    print(f"peak RSS before: {before:.0f} MB, after: {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
