"""Actor resolution against the spaCy pass it runs on: the issue's bar is ≤ 10%.

Parses the example articles (and the eval paragraphs) several times over with the
spaCy model, then resolves actors on the parsed documents, and reports both times and
their ratio. The ratio is what to compare across machines.

    python bench/actors_speed.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import time
from datetime import date

from corpus import texts

from wirecoder.actors import default_resolver, resolve
from wirecoder.nlp import load_nlp, parse_many


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    corpus = texts("actors_gold.jsonl") * args.repeat
    load_nlp()
    resolver = default_resolver()
    start = time.perf_counter()
    docs = list(parse_many(corpus))
    parse_s = time.perf_counter() - start
    start = time.perf_counter()
    mentions = 0
    for doc in docs:
        mentions += len(resolve(doc, day=date(2010, 1, 1), resolver=resolver))
    resolve_s = time.perf_counter() - start
    chars = sum(len(t) for t in corpus)
    print(f"{len(corpus)} documents, {chars / 1e6:.2f} M characters, {mentions} mentions")
    print(f"spaCy pass: {parse_s:.2f} s ({len(corpus) / parse_s:.1f} docs/s)")
    print(f"resolution: {resolve_s:.2f} s = {100 * resolve_s / parse_s:.1f}% of the spaCy pass")


if __name__ == "__main__":
    main()
