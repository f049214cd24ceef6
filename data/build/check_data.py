#!/usr/bin/python3
"""Checks data/*.tsv against the format contract in data/README.md.

Usage: /usr/bin/python3 data/build/check_data.py [data-dir]

Reads only the committed files (no network, no npm), so CI can run it. Each
check prints one line on failure; the last line is 'N passed, N failed' and
the exit status is non-zero when anything failed.
"""
import re
import sys
import unicodedata
from pathlib import Path

HEADERS = {
    "countries.tsv": ["iso2", "iso3", "name", "official_name", "aliases", "demonyms",
                      "capital", "capital_geonames", "region", "subregion"],
    "subdivisions.tsv": ["code", "country", "name", "full_name", "type", "aliases",
                         "geonames_admin1"],
    "cities.tsv": ["geonames_id", "name", "aliases", "country", "subdivision",
                   "population", "capital"],
    "regions.tsv": ["key", "name", "aliases", "kind", "parent"],
    "organizations.tsv": ["key", "name", "aliases", "kind", "country"],
    "given_names.tsv": ["name", "gender", "count_or_rank"],
    "surnames.tsv": ["name", "origin"],
    "common_words.tsv": ["word"],
    "titles.tsv": ["phrase", "kind"],
    "ambiguous.tsv": ["phrase", "reason", "candidates"],
}
LIST_FIELDS = {"aliases", "demonyms", "origin", "candidates"}
REQUIRED = {"iso2", "iso3", "name", "code", "geonames_id", "key", "kind", "phrase", "word",
            "gender", "origin", "reason", "candidates", "population", "full_name"}
# Fields required in one file only (the same name is optional elsewhere).
REQUIRED_IN = {"subdivisions.tsv": {"country", "type"},
               "cities.tsv": {"country", "capital"}}

passed = 0
failed = 0


def check(ok, msg):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"FAIL: {msg}")


def load(data, name):
    """Returns rows as dicts; checks the structural contract on the way."""
    path = data / name
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        check(False, f"{name}: not UTF-8 ({e})")
        return []
    check(not text.startswith("\ufeff"), f"{name}: starts with a BOM")
    check(text.endswith("\n") and "\r" not in text, f"{name}: lines must end in LF only")
    lines = text.split("\n")[:-1]
    header = HEADERS[name]
    check(lines[0] == "#" + "\t".join(header), f"{name}:1: header is {lines[0]!r}")
    rows = []
    bad_width = bad_list = bad_req = bad_nfc = 0
    for lineno, line in enumerate(lines[1:], start=2):
        cols = line.split("\t")
        if len(cols) != len(header):
            bad_width += 1
            if bad_width <= 3:
                print(f"  {name}:{lineno}: {len(cols)} fields")
            continue
        row = dict(zip(header, cols))
        for f, v in row.items():
            if unicodedata.normalize("NFC", v) != v:
                bad_nfc += 1
            if f in LIST_FIELDS and v and any(x == "" or x != x.strip() for x in v.split("|")):
                bad_list += 1
                if bad_list <= 3:
                    print(f"  {name}:{lineno}: bad list {v!r}")
            if (f in REQUIRED or f in REQUIRED_IN.get(name, ())) and not v:
                bad_req += 1
                if bad_req <= 3:
                    print(f"  {name}:{lineno}: empty {f}")
        row["_line"] = lineno
        rows.append(row)
    check(bad_width == 0, f"{name}: {bad_width} rows with the wrong number of fields")
    check(bad_list == 0, f"{name}: {bad_list} list fields with empty or padded items")
    check(bad_req == 0, f"{name}: {bad_req} required fields empty")
    check(bad_nfc == 0, f"{name}: {bad_nfc} fields not in NFC")
    return rows


def sorted_by(rows, name, keyf):
    keys = [keyf(r) for r in rows]
    check(keys == sorted(keys), f"{name}: rows are not sorted")
    check(len(set(keys)) == len(keys), f"{name}: duplicate keys")


def main():
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent
    t = {name: load(data, name) for name in HEADERS}

    countries = {r["iso2"]: r for r in t["countries.tsv"]}
    subs = {r["code"]: r for r in t["subdivisions.tsv"]}
    cities = {r["geonames_id"]: r for r in t["cities.tsv"]}
    regions = {r["key"]: r for r in t["regions.tsv"]}
    orgs = {r["key"]: r for r in t["organizations.tsv"]}

    sorted_by(t["countries.tsv"], "countries.tsv", lambda r: r["iso2"])
    sorted_by(t["subdivisions.tsv"], "subdivisions.tsv", lambda r: r["code"])
    sorted_by(t["cities.tsv"], "cities.tsv", lambda r: int(r["geonames_id"]))
    sorted_by(t["regions.tsv"], "regions.tsv", lambda r: r["key"])
    sorted_by(t["organizations.tsv"], "organizations.tsv", lambda r: r["key"])
    sorted_by(t["given_names.tsv"], "given_names.tsv", lambda r: r["name"])
    sorted_by(t["surnames.tsv"], "surnames.tsv", lambda r: r["name"])
    sorted_by(t["common_words.tsv"], "common_words.tsv", lambda r: r["word"])
    sorted_by(t["titles.tsv"], "titles.tsv", lambda r: r["phrase"])

    # Sizes the contract promises.
    # The 249 ISO 3166-1 entries plus XK (Kosovo, user-assigned).
    check(len(countries) == 250 and "XK" in countries,
          f"countries.tsv: {len(countries)} rows, want ISO 3166-1's 249 plus XK")
    check(all(re.fullmatch(r"[A-Z]{2}", c) for c in countries), "countries.tsv: bad iso2")
    check(all(re.fullmatch(r"[A-Z]{3}", r["iso3"]) for r in countries.values()),
          "countries.tsv: bad iso3")
    check(len(subs) > 3000, f"subdivisions.tsv: only {len(subs)} rows")
    check(len(cities) > 20000, f"cities.tsv: only {len(cities)} rows")
    check(100 <= len(regions), f"regions.tsv: only {len(regions)} rows")
    check(200 <= len(orgs), f"organizations.tsv: only {len(orgs)} rows")
    check(len(t["titles.tsv"]) >= 200, "titles.tsv: fewer than 200 rows")
    check(len(t["surnames.tsv"]) >= 2000, "surnames.tsv: fewer than 2000 rows")
    check(len(t["common_words.tsv"]) >= 20000, "common_words.tsv: fewer than 20000 rows")

    # Referential integrity.
    check(all(r["capital_geonames"] in cities for r in countries.values()
              if r["capital_geonames"]), "countries.tsv: capital_geonames not in cities.tsv")
    check(all(cities[r["capital_geonames"]]["capital"] == "1" for r in countries.values()
              if r["capital_geonames"]), "countries.tsv: capital city not flagged capital=1")
    check(all(r["country"] in countries and r["code"].startswith(r["country"] + "-")
              for r in subs.values()), "subdivisions.tsv: code/country mismatch")
    check(all(re.fullmatch(r"[A-Z]{2}\.[0-9A-Za-z]+", r["geonames_admin1"])
              for r in subs.values() if r["geonames_admin1"]),
          "subdivisions.tsv: malformed geonames_admin1")
    admin1 = [r["geonames_admin1"] for r in subs.values() if r["geonames_admin1"]]
    check(len(admin1) == len(set(admin1)), "subdivisions.tsv: a GeoNames admin1 used twice")
    check(all(r["country"] in countries for r in cities.values()), "cities.tsv: unknown country")
    check(all(r["subdivision"] in subs and subs[r["subdivision"]]["country"] == r["country"]
              for r in cities.values() if r["subdivision"]),
          "cities.tsv: subdivision unknown or in another country")
    check(all(int(r["population"]) >= 15000 or r["capital"] == "1" for r in cities.values()),
          "cities.tsv: a non-capital city below 15000")
    check(all(r["capital"] in ("0", "1") for r in cities.values()), "cities.tsv: capital not 0/1")
    check(all(not r["parent"] or r["parent"] in regions or r["parent"] in countries
              for r in regions.values()), "regions.tsv: unknown parent")
    check(all(not r["country"] or r["country"] in countries for r in orgs.values()),
          "organizations.tsv: unknown country")
    check(all(r["gender"] in ("f", "m", "u") for r in t["given_names.tsv"]),
          "given_names.tsv: gender not f/m/u")
    check(all(r["name"] == r["name"].lower() for r in t["given_names.tsv"] + t["surnames.tsv"]),
          "names must be lowercase")
    words = {r["word"] for r in t["common_words.tsv"]}
    check(all(w == w.lower() and len(w) >= 2 and "'" not in w for w in words),
          "common_words.tsv: uppercase, short or possessive entry")
    check(all(r["phrase"] == r["phrase"].lower() for r in t["titles.tsv"]),
          "titles.tsv: phrase not lowercase")

    known = {f"Country:{c}" for c in countries} | {f"Place:{c}" for c in subs}
    known |= {f"Place:geonames:{c}" for c in cities} | {f"Place:{k}" for k in regions}
    known |= {f"Organization:{k}" for k in orgs} | {"Person:*", "Word:*"}
    amb = t["ambiguous.tsv"]
    for r in amb:
        for c in r["candidates"].split("|"):
            check(c in known, f"ambiguous.tsv:{r['_line']}: unknown candidate {c}")
    amb_keys = {r["phrase"].lower() for r in amb}
    leaked = [(r["iso2"], a) for r in countries.values() for a in r["aliases"].split("|")
              if a and a.lower() in amb_keys]
    check(not leaked, f"countries.tsv: ambiguous phrases still used as aliases: {leaked[:5]}")

    # Spot checks named in the brief.
    kr = countries.get("KR", {})
    kr_aliases = kr.get("aliases", "").split("|")
    check(kr.get("name") == "South Korea", "KR name is South Korea")
    check("ROK" in kr_aliases and "Republic of Korea" in kr_aliases,
          "KR aliases include ROK and Republic of Korea")
    check("Chinese" in countries.get("CN", {}).get("demonyms", "").split("|"),
          "CN demonyms include Chinese")
    check(all(x in countries.get("US", {}).get("aliases", "").split("|")
              for x in ("U.S.", "US", "USA")), "US aliases include U.S., US, USA")
    check(all(x in countries.get("GB", {}).get("aliases", "").split("|")
              for x in ("UK", "Britain", "Great Britain")), "GB aliases include UK, Britain")
    check(subs.get("CN-SD", {}).get("name") == "Shandong", "CN-SD is Shandong")
    check(subs.get("CN-SN", {}).get("name") == "Shaanxi"
          and subs.get("CN-SX", {}).get("name") == "Shanxi", "Shaanxi/Shanxi not swapped")
    by_name = {}
    for r in cities.values():
        by_name.setdefault((r["name"], r["country"]), []).append(r)
    qd = by_name.get(("Qingdao", "CN"), [{}])[0]
    check(qd.get("subdivision") == "CN-SD", "Qingdao is in CN-SD")
    xa = by_name.get(("Xi\u2019an", "CN"), [{}])[0]
    check(xa.get("subdivision") == "CN-SN", "Xi'an is in CN-SN (Shaanxi)")
    check("Xi'an" in xa.get("aliases", "").split("|"), "Xi'an has the ASCII apostrophe alias")
    seoul = by_name.get(("Seoul", "KR"), [{}])[0]
    check(seoul.get("capital") == "1" and seoul.get("subdivision") == "KR-11",
          "Seoul is a capital in KR-11")
    amb_by = {r["phrase"]: r["candidates"].split("|") for r in amb}
    check({"Country:GE", "Place:US-GA"} <= set(amb_by.get("Georgia", [])),
          "Georgia is ambiguous between GE and US-GA")
    check({"Country:KR", "Country:KP"} <= set(amb_by.get("Korean", [])),
          "Korean is ambiguous between KR and KP")
    check("Washington" in amb_by, "Washington is ambiguous")

    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
