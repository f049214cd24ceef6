#!/usr/bin/env python3
"""Writes a synthetic news-like JSONL corpus for Skein's scale benchmark.

    make_corpus.py N OUT.jsonl [--seed S]

Documents are assembled from sentence templates filled with names from Skein's own knowledge
files (data/: countries, cities, given names, surnames, titles) and filler sentences taken
from the bundled example articles, so they exercise the real extraction paths: people with
titles, meetings, trade, places in places, affiliations. About 1 KB of text per document,
so N = 1,000,000 gives roughly 1 GB. Deterministic for a given seed.
"""
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))


def column(path, index, limit=None, keep=lambda row: True):
    values = []
    with open(os.path.join(ROOT, "data", path), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            row = line.rstrip("\n").split("\t")
            if keep(row):
                values.append(row[index])
            if limit and len(values) >= limit:
                break
    return values


def filler_sentences():
    sentences = []
    folder = os.path.join(ROOT, "examples", "articles")
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            body = f.read().split("\n", 1)[-1]
        for part in body.replace("\n", " ").split(". "):
            part = part.strip()
            if 40 < len(part) < 220 and part[0].isupper():
                sentences.append(part.rstrip(".") + ".")
    return sentences


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    count = int(sys.argv[1])
    out = sys.argv[2]
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 7
    rng = random.Random(seed)

    countries = column("countries.tsv", 2)
    cities = column("cities.tsv", 1, keep=lambda r: r[5].isdigit() and int(r[5]) > 300000)
    given = [n.title() for n in column("given_names.tsv", 0, limit=3000)]
    surnames = [n.title() for n in column("surnames.tsv", 0, limit=3000)]
    titles = ["Foreign Minister", "President", "Prime Minister", "Trade Minister",
              "Ambassador", "Governor", "chief executive", "Mayor"]
    goods = ["soybeans", "cars", "steel", "lithium", "wheat", "semiconductors", "coffee", "gas"]
    orgs = ["Institute for Policy Studies", "Trade Council", "Development Bank",
            "Energy Agency", "Ocean Research Center", "Press Association"]
    filler = filler_sentences()

    def person():
        return f"{rng.choice(given)} {rng.choice(surnames)}"

    templates = [
        lambda c1, c2, city: f"{c1}'s {rng.choice(titles)} {person()} met with {person()} of {c2} in {city} on Tuesday.",
        lambda c1, c2, city: f"{c1} exports {rng.choice(goods)} to {c2}, and bilateral trade between {c1} and {c2} grew last year.",
        lambda c1, c2, city: f"{c2} was {c1}'s largest trading partner in 2023.",
        lambda c1, c2, city: f"The {city} {rng.choice(orgs)}, based in {city}, {c1}, published the figures.",
        lambda c1, c2, city: f"{person()}, director of the {c2} {rng.choice(orgs)}, said talks would continue.",
        lambda c1, c2, city: f"Talks between {person()} and {person()} were held in {city}.",
    ]

    written = 0
    with open(out, "w", encoding="utf-8") as f:
        for i in range(count):
            c1, c2 = rng.sample(countries, 2)
            city = rng.choice(cities)
            sentences = [rng.choice(templates)(c1, c2, city) for _ in range(3)]
            sentences += rng.sample(filler, 4)
            rng.shuffle(sentences)
            text = " ".join(sentences[:4]) + "\n\n" + " ".join(sentences[4:]) + "\n"
            doc = {"id": str(i), "title": f"{c1} and {c2}: report {i}", "text": text,
                   "published": f"20{rng.randint(10, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                   "url": f"https://news.example/{i}"}
            line = json.dumps(doc, ensure_ascii=False)
            f.write(line + "\n")
            written += len(line) + 1
    print(f"wrote {count} documents, {written / 1e6:.1f} MB to {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
