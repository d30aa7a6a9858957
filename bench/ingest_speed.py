"""Ingestion speed without NLP: documents per second on a generated corpus.

Generates N wire-style plain-text articles (default 10,000) from sentence templates,
with site furniture, bylines and datelines so the cleaning rules do real work, then
runs `wirecoder ingest` on the folder into a fresh store and reports documents/s. A
second pass over the same folder measures the idempotent path (nothing new stored).

    python bench/ingest_speed.py [--docs 10000] [--out bench/out]
"""

from __future__ import annotations

import argparse
import random
import shutil
import time
from pathlib import Path

from wirecoder.ingest import ingest
from wirecoder.store import open_store

COUNTRIES = [
    ("Russian", "Moscow"),
    ("Ukrainian", "Kyiv"),
    ("Kenyan", "Nairobi"),
    ("Brazilian", "Brasilia"),
    ("Indian", "New Delhi"),
    ("French", "Paris"),
    ("Turkish", "Ankara"),
    ("Egyptian", "Cairo"),
    ("Japanese", "Tokyo"),
    ("Mexican", "Mexico City"),
    ("Polish", "Warsaw"),
    ("Iraqi", "Baghdad"),
]
ACTORS = ["foreign minister", "defence minister", "president", "opposition leader", "police chief"]
VERBS = [
    "met his counterpart",
    "criticised the decision",
    "promised new investment",
    "accused rebels of attacking a convoy",
    "called for talks",
    "signed a trade agreement",
    "denied sending troops",
    "welcomed the ceasefire",
    "threatened new sanctions",
]
FURNITURE_HEAD = ["Skip to content", "Breaking News", "Share this article"]
FURNITURE_TAIL = [
    "Advertisement",
    "© 2020 Example Wire. All rights reserved.",
    "To subscribe to our newsletter, click here.",
]
MONTHS = ["January", "March", "May", "July", "September", "November"]


def make_article(rng: random.Random, n: int) -> str:
    adjective, capital = rng.choice(COUNTRIES)
    other, _ = rng.choice(COUNTRIES)
    day, month, year = rng.randint(1, 28), rng.choice(MONTHS), rng.randint(1995, 2024)
    lines = list(FURNITURE_HEAD)
    lines.append(f"{adjective} {rng.choice(ACTORS).title()} Speaks On Crisis {n}")
    lead = (
        f"By Jane Roe {adjective} {rng.choice(ACTORS)} Alex Example{n} "
        f"{rng.choice(VERBS)} on Monday, officials said."
    )
    lines.append(lead)
    lines.append(
        f"{capital}, {day} {month} {year} (Example Wire) - The {other} side "
        f"{rng.choice(VERBS)} after talks that lasted {rng.randint(2, 12)} hours."
    )
    for _ in range(rng.randint(6, 14)):
        lines.append(
            f"The {rng.choice([adjective, other])} {rng.choice(ACTORS)} {rng.choice(VERBS)}, "
            f"according to a statement issued in {capital} on day {rng.randint(1, 9999)}, and "
            f"{rng.randint(10, 5000)} people were reported to have gathered in the city."
        )
    lines.extend(FURNITURE_TAIL)
    return "\n\n".join(lines)


def generate(folder: Path, docs: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(docs):
        sub = folder / f"{n // 1000:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"article_{n:06d}.txt").write_text(make_article(rng, n), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--out", type=Path, default=Path("bench/out"))
    args = parser.parse_args()
    corpus, store_path = args.out / "corpus", args.out / "bench.duckdb"
    if corpus.exists():
        shutil.rmtree(corpus)
    store_path.unlink(missing_ok=True)
    generate(corpus, args.docs)
    size_mb = sum(p.stat().st_size for p in corpus.rglob("*.txt")) / 1e6
    print(f"corpus: {args.docs} documents, {size_mb:.1f} MB")
    with open_store(store_path) as store:
        start = time.perf_counter()
        first = ingest([str(corpus)], store, nlp=False)
        first_s = time.perf_counter() - start
        start = time.perf_counter()
        second = ingest([str(corpus)], store, nlp=False)
        second_s = time.perf_counter() - start
    print(
        f"first pass:  {first.added} added, {first.duplicates} near-duplicates, "
        f"{first.failed} failed in {first_s:.1f} s = {first.documents / first_s:.0f} docs/s"
    )
    print(
        f"second pass: {second.unchanged} unchanged in {second_s:.1f} s = "
        f"{second.documents / second_s:.0f} docs/s"
    )


if __name__ == "__main__":
    main()
