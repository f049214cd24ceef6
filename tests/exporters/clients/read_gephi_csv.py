"""Reads the Gephi spreadsheet CSVs with Python's csv module (RFC 4180) and prints them as JSON.

usage: read_gephi_csv.py DIR
"""
import csv
import json
import os
import sys

directory = sys.argv[1]
with open(os.path.join(directory, "nodes.csv"), "rb") as raw:
    bom = raw.read(3) == b"\xef\xbb\xbf"
with open(os.path.join(directory, "nodes.csv"), newline="", encoding="utf-8") as f:
    nodes = list(csv.DictReader(f))
with open(os.path.join(directory, "edges.csv"), newline="", encoding="utf-8") as f:
    edges = list(csv.DictReader(f))
print(json.dumps({
    "bom": bom,
    "node_columns": list(nodes[0].keys()) if nodes else [],
    "edge_columns": list(edges[0].keys()) if edges else [],
    "nodes": len(nodes),
    "edges": len(edges),
    "names": [row["Label"] for row in nodes],
    "aliases": [json.loads(row["aliases"]) for row in nodes],
    "types": sorted({row["Type"] for row in edges}),
    # Per edge (when the export has evidence): the count and the sentence list.
    "evidence_counts": [int(row["evidence_count"]) for row in edges if "evidence_count" in row],
    "sentences": [json.loads(row["evidence_sentences"]) for row in edges
                  if "evidence_sentences" in row],
}))
