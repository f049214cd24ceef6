#!/usr/bin/python3
"""Builds Skein's organisation and people knowledge (data/kb_*.tsv) from ../shared/kb.

The lists in ../shared/kb are openly licensed (each folder's SOURCE.txt names source, commit
and licence); this script turns them into two compact files in the format every data/*.tsv
shares (see data/README.md): one header line starting with '#', tab-separated fields, '|'
between list items, rows sorted by the unique first column.

  kb_organizations.tsv  #key name aliases kind country source
      kinds: party, intergovernmental, government, company, news, club, university
  kb_people.tsv         #key name aliases country party role

Rows that name an organisation data/organizations.tsv (hand-curated, with the colloquial forms
news uses) already has are left out: the curated row wins, so one organisation has one key.
Deterministic: same inputs, same bytes. Run: data/build/build_kb.py [--kb DIR] [--out DIR]
"""
import argparse
import csv
import json
import re
import sys
import unicodedata
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent

# Legal-form words that news leaves out of a company's name ("Deutsche Borse AG" -> "Deutsche
# Borse"); matched as whole trailing (or leading) words after punctuation is dropped.
LEGAL_TAIL = [
    "public joint stock company", "joint stock company", "public company limited",
    "public limited company", "company limited", "co ltd", "co limited", "holdings limited",
    "holdings ltd", "holdings inc", "holdings plc", "group limited", "group plc", "group inc",
    "limited", "ltd", "plc", "inc", "incorporated", "corp", "corporation", "co", "company",
    "ag", "se", "sa", "s a", "nv", "n v", "bv", "spa", "s p a", "ab", "asa", "as", "a s", "oyj",
    "gmbh", "kgaa", "ag co kgaa", "sab de cv", "s a b de c v", "tbk", "pt", "pjsc", "ojsc", "jsc",
    "bhd", "berhad", "pcl", "llc", "lp", "l p", "sarl", "srl", "s r l", "kk", "adr",
    "depositary receipts", "holdings", "holding",
]
LEGAL_HEAD = ["public joint stock company", "joint stock company", "pt", "pjsc", "ojsc", "jsc"]

# openfootball file prefixes that are not ISO 3166-1 alpha-2 codes.
CLUB_PREFIX_COUNTRY = {"eng": "GB", "sco": "GB", "wal": "GB", "nir": "GB", "kos": "XK"}

# Public-body tags for bodies too small or too local for news (parish councils, schools, ...).
PUBLIC_BODY_SKIP_TAGS = {
    "parish_council", "town_council", "school", "academies", "lscb", "imb", "idb", "grammar",
    "pct", "almo", "company", "limited", "companyinscotland", "defunct", "fei", "oxford_college",
}

# The US parties' names as Party Facts writes them, by the congress list's party field.
US_PARTY = {"Democrat": "Democratic Party", "Republican": "Republican Party"}


def fail(msg):
    print(f"build_kb: error: {msg}", file=sys.stderr)
    sys.exit(1)


def clean(s):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s or "")).strip().strip("|").strip()


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def norm(s):
    """Comparison form: folded, lower case, punctuation as spaces, '&' kept."""
    s = fold(s).lower().replace("\u2019", "'")
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9&]+", " ", s)).strip()


def slug(s):
    return "-".join(norm(s).replace("&", " and ").split())[:60].strip("-")


def strip_legal(name):
    """The short form news uses for a company name, or the name itself."""
    words = norm(name).split()
    changed = True
    while changed and len(words) > 1:
        changed = False
        for tail in LEGAL_TAIL:
            t = tail.split()
            if len(words) > len(t) and words[-len(t):] == t:
                words = words[:-len(t)]
                changed = True
                break
        for head in LEGAL_HEAD:
            h = head.split()
            if len(words) > len(h) and words[:len(h)] == h:
                words = words[len(h):]
                changed = True
                break
    if words == norm(name).split():
        return name
    # Keep the source's capitalisation for the words that stay.
    original = re.findall(r"[^\s]+", name)
    kept = [w for w in original if norm(w)]
    out, i = [], 0
    for w in kept:
        if i < len(words) and norm(w) == words[i]:
            out.append(w)
            i += 1
        elif i < len(words) and " ".join(norm(w).split()) == " ".join(words[i:i + len(norm(w).split())]):
            out.append(w)
            i += len(norm(w).split())
        if i == len(words):
            break
    short = " ".join(out).strip(" ,.")
    return short if short and i == len(words) else name


def acronym(s):
    """A short form worth matching: capitals and digits, three or more ("SNP", "UKIP"), not
    the shorthand of a data set ("Con", "Lab", "All")."""
    s = clean(s)
    return s if re.fullmatch(r"[A-Z][A-Z0-9&]{2,}", s) else ""


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        header = f.readline().lstrip("#").rstrip("\n").split("\t")
        return [dict(zip(header, line.rstrip("\n").split("\t"))) for line in f]


def write_tsv(path, columns, rows):
    for row in rows:
        for value in row:
            if any(c in value for c in "\t\r\n"):
                fail(f"{path.name}: field with a tab or line break: {value!r}")
    rows = sorted(rows, key=lambda r: r[0])
    for a, b in zip(rows, rows[1:]):
        if a[0] == b[0]:
            fail(f"{path.name}: duplicate key {a[0]}")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("#" + "\t".join(columns) + "\n")
        for row in rows:
            f.write("\t".join(row) + "\n")
    print(f"build_kb: {path.name}: {len(rows)} rows", file=sys.stderr)


class Registry:
    """Organisations by key, deduplicated by (country, normalised name or alias)."""

    def __init__(self, curated, common_words):
        self.rows = {}
        self.taken = {}  # (country, norm) -> key; country "" holds every name too
        self.common = common_words
        for org in curated:
            for name in [org["name"]] + [a for a in org["aliases"].split("|") if a]:
                self.claim(org["country"], name, org["key"])

    def claim(self, country, name, key):
        self.taken.setdefault((country, norm(name)), key)
        self.taken.setdefault(("", norm(name)), key)

    def usable_alias(self, alias, name):
        a = clean(alias)
        if len(a) < 2 or norm(a) == norm(name) or "|" in a:
            return None
        if norm(a) in self.common:  # "Next", "Target", "Reading": words, not names
            return None
        return a

    def add(self, kind, name, aliases, country, source):
        """The key of the organisation: an existing one with this name (or, for the main
        name, a listed alias) in the same country, else a new row."""
        name = clean(name)
        if not name or not norm(name):
            return None
        for n in [name] + [clean(a) for a in aliases if a and len(clean(a)) > 3]:
            hit = self.taken.get((country, norm(n)))
            if hit:
                return hit
        key = f"{kind}-{slug(name)}" + (f"-{country.lower()}" if country else "")
        base, k = key, 2
        while key in self.rows:
            key = f"{base}-{k}"
            k += 1
        clean_aliases = []
        for a in aliases:
            a = self.usable_alias(a, name)
            if a and a not in clean_aliases and (country, norm(a)) not in self.taken and \
                    ("", norm(a)) not in self.taken:
                clean_aliases.append(a)
        self.rows[key] = [key, name, "|".join(clean_aliases), kind, country, source]
        for n in [name] + clean_aliases:
            self.claim(country, n, key)
        return key


def country_maps(repo):
    iso3, by_name = {}, {}
    for c in read_tsv(repo / "data" / "countries.tsv"):
        iso3[c["iso3"]] = c["iso2"]
        for n in [c["name"], c["official_name"]] + c["aliases"].split("|"):
            if n:
                by_name[norm(n)] = c["iso2"]
    return iso3, by_name


def parties(kb, reg, iso3):
    """Party Facts core parties (MIT); ParlGov adds English short names (CC0)."""
    by_pf = {}
    with open(kb / "partyfacts" / "elecglob__partyfacts-core-parties.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            last = r["year_last"]
            if r["technical"] or (last and last.isdigit() and int(last) < 1980):
                continue
            country = iso3.get(r["country"], "")
            english = [clean(x) for x in r["name_english"].split(" / ") if clean(x)]
            name = english[0] if english else clean(r["name"])
            aliases = english[1:] + [clean(r["name"])] + [acronym(r["name_short"])]
            key = reg.add("party", name, aliases, country, "partyfacts")
            if key:
                by_pf[r["partyfacts_id"]] = key
    return by_pf


def international(kb, reg):
    data = yaml.safe_load(open(kb / "supraverden" / "general_list.yaml", encoding="utf-8"))
    for title in sorted(data):
        entry = data[title] or {}
        name = clean(str(entry.get("Name_en") or title))
        aliases = [clean(str(entry.get("Abbreviation_en") or ""))]
        reg.add("intergovernmental", name, aliases, "", "supraverden")


def public_bodies(kb, reg):
    for code in ("gb", "us", "eu", "nz"):
        with open(kb / "publicbodies" / f"{code}.csv", encoding="utf-8") as f:
            for r in csv.DictReader(f):
                tags = set(r["tags"].split())
                if tags & PUBLIC_BODY_SKIP_TAGS or r["dissolution_date"]:
                    continue
                kind = "news" if "media" in tags else ("university" if "university" in tags else "government")
                country = "" if code == "eu" else code.upper()
                aliases = [r["abbreviation"]] + [x for x in r["other_names"].split("|")]
                reg.add(kind, r["name"], aliases, country, "publicbodies")


def companies(kb, reg, by_name):
    with open(kb / "sp500-companies" / "constituents.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            name = clean(r["Security"])
            reg.add("company", strip_legal(name), [name], "US", "sp500-companies")
    with open(kb / "financedatabase" / "equities_large_mid_small.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["market_cap"] not in ("Mega Cap", "Large Cap", "Mid Cap") or r["delisted"] == "True":
                continue
            name = clean(re.sub(r"\(publ\.?\)", "", r["name"]))
            if re.search(r"\b(ETF|ETN|ETC|Fund|Index)\b", name):
                continue
            country = by_name.get(norm(r["country"]), "")
            reg.add("company", strip_legal(name), [name], country, "financedatabase")


def media(kb, reg):
    with open(kb / "fundus-publishers" / "publishers.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            reg.add("news", r["name"], [], r["country_code"].upper(), "fundus-publishers")


def clubs(kb, reg):
    root = kb / "openfootball-clubs"
    for path in sorted(root.glob("*/*/*.clubs.txt")):
        prefix = path.name.split(".")[0]
        country = CLUB_PREFIX_COUNTRY.get(prefix, prefix.upper() if len(prefix) == 2 else "")
        current = None
        for line in open(path, encoding="utf-8"):
            body = line.split("#")[0].rstrip()
            if not body.strip() or body.lstrip().startswith("="):
                continue
            if body.startswith(" ") or body.lstrip().startswith("|"):
                if current is not None:
                    current[1].extend(clean(a) for a in body.strip().strip("|").split("|"))
                continue
            if current:
                reg.add("club", current[0], current[1], country, "openfootball-clubs")
            name = clean(body.split(",")[0])
            current = (name, [])
        if current:
            reg.add("club", current[0], current[1], country, "openfootball-clubs")


def universities(kb, reg):
    data = json.load(open(kb / "university-domains" / "world_universities_and_domains.json", encoding="utf-8"))
    for u in sorted(data, key=lambda u: (u.get("alpha_two_code") or "", u["name"])):
        reg.add("university", u["name"], [], (u.get("alpha_two_code") or "").upper(), "university-domains")


def people(kb, reg, pf_party, iso3):
    rows = {}

    def add(name, country, party_key, role):
        name = clean(name)
        if len(name.split()) < 2:
            return
        key = f"{country.lower()}-{slug(name)}" if country else slug(name)
        key = "person-" + key
        if key in rows:  # the same name twice: keep the latest row's party only if the same
            if rows[key][4] != party_key:
                rows[key][4] = ""
            return
        rows[key] = [key, name, "", country, party_key, role]

    with open(kb / "partyfacts" / "parlspeech__parlspeech-mps.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            # ParlSpeech uses AUS for Austria (see kb/README.md).
            code = "AT" if r["iso3country"] == "AUS" else iso3.get(r["iso3country"], "")
            if r["date_last"][:4] < "1990":
                continue
            add(r["speaker"], code, pf_party.get(r["party.facts.id"], ""), "member of parliament")
    us_party = {}
    for org_key, row in reg.rows.items():
        if row[3] == "party" and row[4] == "US" and row[1] in US_PARTY.values():
            us_party[row[1]] = org_key
    for file_name in ("legislators-current.csv", "legislators-historical.csv"):
        with open(kb / "us-congress-legislators" / file_name, encoding="utf-8") as f:
            for r in csv.DictReader(f):
                if (r["birthday"] or "0000")[:4] < "1910":
                    continue
                name = r["full_name"] or f"{r['first_name']} {r['last_name']}"
                party = us_party.get(US_PARTY.get(r["party"], ""), "")
                add(name, "US", party, "senator" if r["type"] == "sen" else "representative")
    return list(rows.values())


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kb", default=str(REPO.parent / "shared" / "kb"))
    ap.add_argument("--out", default=str(REPO / "data"))
    args = ap.parse_args()
    kb, out = Path(args.kb), Path(args.out)
    if not (kb / "README.md").exists():
        fail(f"{kb}: not the shared kb folder")
    curated = read_tsv(REPO / "data" / "organizations.tsv")
    common = {line.split("\t")[0] for line in open(REPO / "data" / "common_words.tsv", encoding="utf-8")
              if not line.startswith("#")}
    iso3, by_name = country_maps(REPO)
    reg = Registry(curated, common)
    pf_party = parties(kb, reg, iso3)
    international(kb, reg)
    public_bodies(kb, reg)
    media(kb, reg)
    clubs(kb, reg)
    universities(kb, reg)
    companies(kb, reg, by_name)
    write_tsv(out / "kb_organizations.tsv", ["key", "name", "aliases", "kind", "country", "source"],
              list(reg.rows.values()))
    write_tsv(out / "kb_people.tsv", ["key", "name", "aliases", "country", "party", "role"],
              people(kb, reg, pf_party, iso3))


if __name__ == "__main__":
    main()
