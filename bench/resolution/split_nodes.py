#!/usr/bin/python3
"""How fragmented a store's graph is: the "extra nodes" measure of cross-document resolution.

A display name mentioned in two or more documents but spread over several nodes of one label
gives (nodes - 1) extra nodes; the figure is their sum over the store's node count. It also
lists the largest remaining splits, and can draw a seeded random sample of nodes with three or
more distinct surface forms for a by-hand over-merging check.

Usage: split_nodes.py STORE.db [--top N] [--sample N --seed S]
Reads the store through plain SQL on its documented views (schema/README.md), so it measures
any Skein store, whatever version of the resolver made it.
"""
import argparse
import collections
import random
import sqlite3
import sys


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("store")
    ap.add_argument("--top", type=int, default=20, help="largest splits to list")
    ap.add_argument("--sample", type=int, default=0, help="nodes with 3+ surface forms to draw")
    ap.add_argument("--seed", type=int, default=14)
    args = ap.parse_args()
    db = sqlite3.connect(f"file:{args.store}?mode=ro", uri=True)

    total = db.execute("SELECT count(*) FROM nodes").fetchone()[0]
    # (label, name) -> [(node id, key, documents mentioning it)]
    groups = collections.defaultdict(list)
    for node_id, label, key, name, docs in db.execute(
            "SELECT n.id, n.label, n.key, n.name, count(DISTINCT m.document) "
            "FROM nodes n LEFT JOIN mentions m ON m.node = n.id GROUP BY n.id"):
        groups[(label, name.casefold())].append((node_id, key, name, docs))

    # Documents per (label, name) over all its nodes: a name counts when it reaches 2+ documents.
    doc_count = {}
    for (label, folded), nodes in groups.items():
        ids = ",".join(str(n[0]) for n in nodes)
        doc_count[(label, folded)] = db.execute(
            f"SELECT count(DISTINCT document) FROM mentions WHERE node IN ({ids})").fetchone()[0]

    splits = [(len(nodes) - 1, label, nodes) for (label, folded), nodes in groups.items()
              if len(nodes) > 1 and doc_count[(label, folded)] >= 2]
    extra = sum(s[0] for s in splits)
    print(f"nodes {total}; names split over several nodes of one label: {len(splits)}; "
          f"extra nodes {extra} ({100.0 * extra / max(total, 1):.2f}%)")
    splits.sort(key=lambda s: (-s[0], s[1], s[2][0][2]))
    for count, label, nodes in splits[:args.top]:
        keys = ", ".join(f"{n[1]} ({n[3]} docs)" for n in sorted(nodes, key=lambda n: -n[3])[:4])
        print(f"  +{count:<3} {label:<12} {nodes[0][2]:<28} {keys}")

    if args.sample:
        forms = collections.defaultdict(set)
        # Offsets are bytes: slice the text as a blob (substr on TEXT counts characters, which
        # cuts the wrong span from any document with a non-ASCII character before the mention).
        for node_id, surface in db.execute(
                "SELECT m.node, substr(CAST(d.text AS BLOB), m.byte_start + 1, "
                "m.byte_end - m.byte_start) "
                "FROM mentions m JOIN documents d ON d.id = m.document"):
            forms[node_id].add(bytes(surface).decode("utf-8", errors="replace"))
        names = dict(db.execute("SELECT id, label || ' ' || name FROM nodes"))
        pool = sorted(n for n, f in forms.items() if len(f) >= 3)
        rng = random.Random(args.seed)
        print(f"\nsample of {min(args.sample, len(pool))} of {len(pool)} nodes with 3+ surface forms "
              f"(seed {args.seed}):")
        for node_id in sorted(rng.sample(pool, min(args.sample, len(pool)))):
            print(f"  {names[node_id]}: " + " | ".join(sorted(forms[node_id])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
