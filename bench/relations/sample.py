#!/usr/bin/env python3
"""Draws text-basis relations at random from a Skein store, each with one supporting sentence,
for checking precision by hand (issue #15: 50 relations of the whole BBC corpus).

usage: bench/relations/sample.py STORE [--n 50] [--seed 15] [--type TYPE]

Prints a numbered list: type, source -> target, the rule, and the evidence sentence (the first
text-basis evidence row of the relation, cut to 300 characters). The draw is uniform over
relations (edges), not over evidence rows, and fixed by the seed.
"""
import argparse
import random
import sqlite3


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("store")
    parser.add_argument("--n", type=int, default=50)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--type", default=None)
    args = parser.parse_args()
    db = sqlite3.connect(f"file:{args.store}?mode=ro", uri=True)
    query = "SELECT id FROM edges WHERE text_basis = 1"
    params = ()
    if args.type:
        query += " AND type = ?"
        params = (args.type,)
    ids = [row[0] for row in db.execute(query + " ORDER BY id", params)]
    picked = random.Random(args.seed).sample(ids, min(args.n, len(ids)))
    print(f"{len(ids)} text-basis relations; {len(picked)} drawn with seed {args.seed}")
    for number, edge in enumerate(picked, 1):
        kind, src, dst = db.execute(
            "SELECT e.type, s.name, d.name FROM edges e JOIN nodes s ON s.id = e.src "
            "JOIN nodes d ON d.id = e.dst WHERE e.id = ?", (edge,)).fetchone()
        rule, uri, sentence = db.execute(
            # substr() of a TEXT counts characters; the offsets are bytes, so cut the blob.
            "SELECT v.rule, doc.uri, "
            "substr(CAST(doc.text AS BLOB), v.byte_start + 1, v.byte_end - v.byte_start) "
            "FROM evidence v JOIN documents doc ON doc.id = v.document "
            "WHERE v.edge = ? AND v.basis = 'text' ORDER BY v.id LIMIT 1", (edge,)).fetchone()
        sentence = " ".join(sentence.decode("utf-8", "replace").split())
        if len(sentence) > 300:
            sentence = sentence[:297] + "..."
        where = "/".join(uri.rsplit("/", 2)[-2:])
        print(f"{number}. {kind}: {src} -> {dst}  [{rule}; {where}]")
        print(f"   {sentence}")


if __name__ == "__main__":
    main()
