#!/usr/bin/python3
"""Checks skein's outputs for a store of hostile names (see InjectionTest.cpp).

usage: check_outputs.py NAMES.json OUTDIR

NAMES.json lists the entity names exactly as stored. OUTDIR holds the files the test wrote.
Each check parses an output with a real reader (xmllint, json, csv, networkx) and looks for
every hostile name, decoded, in what it read: a name that comes back different was mangled,
one that breaks the parse was not escaped. Prints one line per problem; exit 1 if any.
"""
import csv
import json
import os
import subprocess
import sys

problems = []


def problem(message):
    problems.append(message)


def read(path, mode="r"):
    with open(path, mode, **({} if "b" in mode else {"encoding": "utf-8", "newline": ""})) as f:
        return f.read()


def expect_names(where, found, written=lambda name: name):
    """Every hostile name, as `written` says the format must carry it, is among `found`."""
    found = set(found)
    for name in NAMES:
        if written(name) not in found:
            problem(f"{where}: name {name!r} not found as {written(name)!r}")


def as_xml(name):
    """XML 1.0 cannot carry C0 controls other than tab, LF, CR, even as references: the
    exporters write U+FFFD for each (src/exporters/Escape.h)."""
    return "".join("\ufffd" if ord(c) < 0x20 and c not in "\t\n\r" else c for c in name)


def as_neo4j(name):
    """neo4j-admin splits arrays on U+001F (the --array-delimiter the export uses): the
    exporter removes it from every value, by design."""
    return name.replace("\x1f", "")


def check_xml(path, schema=None):
    command = ["xmllint", "--noout"]
    if schema:
        command += ["--relaxng", schema]
    result = subprocess.run(command + [path], capture_output=True, text=True)
    if result.returncode != 0:
        problem(f"{os.path.basename(path)}: xmllint: {result.stderr.strip()[:500]}")


def check_no_raw_controls(where, text):
    for i, ch in enumerate(text):
        if (ord(ch) < 0x20 and ch not in "\n\t") or ord(ch) == 0x7F or 0x80 <= ord(ch) <= 0x9F:
            problem(f"{where}: raw control character U+{ord(ch):04X} at {i}")
            return


def networkx_names(path, reader):
    import networkx

    graph = reader(path)
    names = []
    for _, data in graph.nodes(data=True):
        names.append(data.get("label", ""))
    return names


def cypher_literals(text):
    """String literals of a Cypher script, decoded; fails on an unterminated one."""
    literals, i, n = [], 0, len(text)
    escapes = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "'": "'", '"': '"', "\\": "\\"}
    while i < n:
        c = text[i]
        if c == "/" and text.startswith("//", i):
            i = text.find("\n", i)
            i = n if i < 0 else i
            continue
        if c == "`":
            end = text.find("`", i + 1)
            while end >= 0 and text.startswith("``", end):
                end = text.find("`", end + 2)
            if end < 0:
                problem("cypher: unterminated backtick identifier")
                return literals
            i = end + 1
            continue
        if c in "'\"":
            quote, j, value = c, i + 1, []
            while j < n and text[j] != quote:
                if text[j] == "\\":
                    nxt = text[j + 1] if j + 1 < n else ""
                    if nxt == "u":
                        value.append(chr(int(text[j + 2:j + 6], 16)))
                        j += 6
                        continue
                    if nxt not in escapes:
                        problem(f"cypher: unknown escape \\{nxt}")
                    value.append(escapes.get(nxt, nxt))
                    j += 2
                    continue
                if text[j] == "\n":
                    problem("cypher: raw newline inside a string literal")
                value.append(text[j])
                j += 1
            if j >= n:
                problem("cypher: unterminated string literal")
                return literals
            literals.append("".join(value))
            i = j + 1
            continue
        i += 1
    return literals


def combine_surrogates(values):
    out = []
    for v in values:
        try:
            out.append(v.encode("utf-16", "surrogatepass").decode("utf-16"))
        except UnicodeError:
            out.append(v)
    return out


NAMES = json.loads(read(sys.argv[1]))
OUT = sys.argv[2]

# XML formats: well-formed (GEXF also valid against the RELAX NG schema), names round trip.
check_xml(os.path.join(OUT, "graph.svg"))
check_xml(os.path.join(OUT, "graph.graphml"))
gexf_schema = os.environ.get("GEXF_RNG")
check_xml(os.path.join(OUT, "graph.gexf"), gexf_schema if gexf_schema and os.path.exists(gexf_schema) else None)
try:
    import networkx

    expect_names("graphml (networkx)", networkx_names(os.path.join(OUT, "graph.graphml"), networkx.read_graphml), as_xml)
    expect_names("gexf (networkx)", networkx_names(os.path.join(OUT, "graph12.gexf"), networkx.read_gexf), as_xml)
except Exception as error:  # a parse failure is the finding
    problem(f"networkx: {type(error).__name__}: {error}")
svg = read(os.path.join(OUT, "graph.svg"))
if "<script" in svg.lower():
    problem("svg: a raw <script element")

# DOT: Graphviz itself must parse it.
result = subprocess.run(["dot", "-Tcanon", os.path.join(OUT, "graph.dot")], capture_output=True, text=True)
if result.returncode != 0:
    problem(f"graph.dot: dot: {result.stderr.strip()[:500]}")

# PNG: the signature.
if read(os.path.join(OUT, "graph.png"), "rb")[:8] != b"\x89PNG\r\n\x1a\n":
    problem("graph.png: not a PNG")

# JSON formats.
for style in ("cytoscape", "d3", "jgf"):
    path = os.path.join(OUT, f"graph-{style}.json")
    try:
        data = json.loads(read(path))
    except ValueError as error:
        problem(f"{style} json: {error}")
        continue
    text = json.dumps(data, ensure_ascii=False)
    for name in NAMES:
        if json.dumps(name, ensure_ascii=False) not in text:
            problem(f"{style} json: name {name!r} not found as written")

# CSV formats: Python's csv module, then exact names.
for sub, column in (("csv/nodes.csv", "Label"),):
    with open(os.path.join(OUT, sub), encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    expect_names(sub, [r.get(column, "") for r in rows])
neo4j_dir = os.path.join(OUT, "neo4j")
found = []
for name in sorted(os.listdir(neo4j_dir)):
    if not name.endswith(".csv"):
        continue
    with open(os.path.join(neo4j_dir, name), encoding="utf-8", newline="") as f:
        try:
            rows = list(csv.reader(f))
        except csv.Error as error:
            problem(f"neo4j/{name}: {error}")
            continue
    widths = {len(r) for r in rows if r}
    if len(widths) > 1 and not name.endswith("header.csv"):
        problem(f"neo4j/{name}: rows of different widths {sorted(widths)}")
    for r in rows:
        found.extend(r)
expect_names("neo4j csv", found, as_neo4j)

# Cypher: every literal terminates, and the names come back from the decoded literals.
cypher = read(os.path.join(OUT, "graph.cypher"))
literals = combine_surrogates(cypher_literals(cypher))
expect_names("cypher", literals)

# Terminal tables and JSON listings.
for name in ("entities.txt", "relations.txt", "show.txt", "path.txt", "stats.txt"):
    check_no_raw_controls(name, read(os.path.join(OUT, name)))
for name in ("entities.json", "relations.json", "show.json"):
    try:
        json.loads(read(os.path.join(OUT, name)))
    except ValueError as error:
        problem(f"{name}: {error}")
entities = json.loads(read(os.path.join(OUT, "entities.json")))
expect_names("entities --json", [e["name"] for e in entities["entities"]])

for line in problems:
    print(line)
sys.exit(1 if problems else 0)
