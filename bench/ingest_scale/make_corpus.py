#!/usr/bin/env python3
"""Writes a synthetic news-like JSONL corpus for Skein's scale benchmark.

    make_corpus.py N OUT.jsonl [--seed S]

Documents are assembled from sentence templates filled with names from Skein's own knowledge
files (data/: countries, cities, given names, surnames, titles) and filler sentences taken
from the bundled example articles, so they exercise the real extraction paths: people with
titles, meetings, trade, places in places, affiliations. About 1 KB of JSON per document,
so N = 1,000,000 gives roughly 0.85 GB. Deterministic for a given seed.

Names follow news, not uniform chance: people, cities and countries are drawn from fixed pools
with Zipf weights (rank r has weight 1/r), so a few names recur in many documents and most
appear rarely. The people pool grows with N the way named entities grow in real news (Heaps'
law, V = K * N^0.6, with K fitted to the BBC corpus: 2,225 articles name 5,611 people), which
gives about 220k people for a million documents; drawing every person fresh instead would
invent ~4M people, five times more than the extrapolation from BBC allows.
"""
import bisect
import itertools
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


# Connective prose with no names in it, written for this generator: news articles are mostly
# this, with names and relations spread thinly through it. Without it every sentence would
# name several entities, which no newspaper does.
PROSE = [
    "Officials said the measures would take effect at the start of next year.",
    "The details of the agreement have not been made public.",
    "Analysts expect the figures to be revised once the final data are in.",
    "The announcement came after several weeks of negotiations behind closed doors.",
    "Critics argue that the plan does too little to address rising costs for households.",
    "A spokesperson declined to comment on the timing of the decision.",
    "The committee is due to publish its full report later this month.",
    "Prices for the goods have risen sharply since the beginning of the year.",
    "Local businesses said they had not yet seen any change in demand.",
    "The proposal still needs the approval of parliament before it can become law.",
    "Several smaller firms have warned that they may have to cut jobs.",
    "The talks were described as constructive by people familiar with the matter.",
    "Shipping costs have fallen from last year's peak but remain above their long-term average.",
    "The government has promised to review the policy if the economy slows further.",
    "Independent experts said it was too early to judge the effect of the changes.",
    "Opposition members called for a public inquiry into how the contracts were awarded.",
    "The central bank left interest rates unchanged at its most recent meeting.",
    "Farmers have complained about delays at the border during the harvest season.",
    "The new rules are expected to cost the industry several million a year to implement.",
    "Both sides said they hoped to reach a final deal before the end of the summer.",
    "Unemployment edged down slightly in the third quarter, according to the latest survey.",
    "The report found that fewer than half of the projects had been completed on time.",
    "Energy companies said the cold winter had pushed demand to a record high.",
    "Negotiators will meet again next week to discuss the remaining issues.",
    "The company said its profits had been hit by higher costs for raw materials.",
    "Residents have been asked to save water until the reservoirs recover.",
    "The scheme has been extended for another two years after strong demand.",
    "Union leaders said their members would vote on the offer in the coming days.",
    "Investors reacted cautiously, and shares closed slightly lower on the day.",
    "The ministry said that inspections would be stepped up over the coming months.",
    "Researchers said the results were encouraging but needed to be confirmed.",
    "Traffic was disrupted for several hours while the road was cleared.",
    "The organisers said attendance had been higher than in previous years.",
    "Exports of manufactured goods fell for the second month in a row.",
    "The decision was welcomed by environmental groups but criticised by industry.",
    "Most of the funding will go to schools and hospitals in rural areas.",
    "The court is expected to deliver its ruling early next year.",
    "Consumer confidence improved modestly, helped by lower fuel prices.",
    "The delegation is also expected to visit a port and an industrial park.",
    "No agreement was reached on the question of fishing rights.",
]


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    count = int(sys.argv[1])
    out = sys.argv[2]
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 7
    rng = random.Random(seed)

    countries = column("countries.tsv", 2)
    big = lambda r: r[5].isdigit() and int(r[5]) > 300000
    # Most populous first: the Zipf pickers below make rank 1 the most frequent.
    populations = column("cities.tsv", 5, keep=big)
    cities = [c for _, c in sorted(zip(populations, column("cities.tsv", 1, keep=big)),
                                   key=lambda pair: -int(pair[0]))]
    given = [n.title() for n in column("given_names.tsv", 0, limit=3000)]
    surnames = [n.title() for n in column("surnames.tsv", 0, limit=3000)]
    titles = ["Foreign Minister", "President", "Prime Minister", "Trade Minister",
              "Ambassador", "Governor", "chief executive", "Mayor"]
    goods = ["soybeans", "cars", "steel", "lithium", "wheat", "semiconductors", "coffee", "gas"]
    orgs = ["Institute for Policy Studies", "Trade Council", "Development Bank",
            "Energy Agency", "Ocean Research Center", "Press Association"]
    filler = filler_sentences()
    rng.shuffle(countries)  # which countries are frequent: by chance, not alphabet

    # Heaps' law fitted to BBC (5,611 people in 2,225 articles), exponent 0.6.
    pool_size = max(100, int(5611 * (max(count, 1) / 2225) ** 0.6))
    people = [f"{rng.choice(given)} {rng.choice(surnames)}" for _ in range(pool_size)]

    def zipf_picker(values):
        cumulative = list(itertools.accumulate(1.0 / rank for rank in range(1, len(values) + 1)))
        total = cumulative[-1]
        return lambda: values[bisect.bisect_left(cumulative, rng.random() * total)]

    person = zipf_picker(people)
    city_of = zipf_picker(cities)
    country_of = zipf_picker(countries)

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
            c1 = country_of()
            c2 = country_of()
            while c2 == c1:
                c2 = country_of()
            city = city_of()
            # One named sentence, one from the examples, the rest plain prose: mentions and
            # relations per kilobyte then come out near the BBC corpus's (bench/README.md).
            sentences = [rng.choice(templates)(c1, c2, city) for _ in range(1)]
            sentences += rng.sample(filler, 1) + rng.sample(PROSE, 8)
            rng.shuffle(sentences)
            text = " ".join(sentences[:5]) + "\n\n" + " ".join(sentences[5:]) + "\n"
            doc = {"id": str(i), "title": f"{c1} and {c2}: report {i}", "text": text,
                   "published": f"20{rng.randint(10, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                   "url": f"https://news.example/{i}"}
            line = json.dumps(doc, ensure_ascii=False)
            f.write(line + "\n")
            written += len(line) + 1
    print(f"wrote {count} documents, {written / 1e6:.1f} MB to {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
