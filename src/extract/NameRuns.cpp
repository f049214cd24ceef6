#include "extract/NameRuns.h"

namespace skein::extract {
namespace {

namespace tf = token_flags;
namespace lf = lexicon_flags;

// AP style abbreviations of US states (AP Stylebook, "state names"), as the segmenter
// normalises them (periods dropped), with their ISO 3166-2 codes. Facts, not tuning.
constexpr std::pair<std::string_view, std::string_view> kApStates[] = {
    {"ala", "US-AL"},  {"ariz", "US-AZ"}, {"ark", "US-AR"},  {"calif", "US-CA"}, {"colo", "US-CO"},
    {"conn", "US-CT"}, {"del", "US-DE"},  {"fla", "US-FL"},  {"ga", "US-GA"},    {"ill", "US-IL"},
    {"ind", "US-IN"},  {"kan", "US-KS"},  {"kans", "US-KS"}, {"ky", "US-KY"},    {"la", "US-LA"},
    {"md", "US-MD"},   {"mass", "US-MA"}, {"mich", "US-MI"}, {"minn", "US-MN"},  {"miss", "US-MS"},
    {"mo", "US-MO"},   {"mont", "US-MT"}, {"neb", "US-NE"},  {"nebr", "US-NE"},  {"nev", "US-NV"},
    {"nh", "US-NH"},   {"nj", "US-NJ"},   {"nm", "US-NM"},   {"ny", "US-NY"},    {"nc", "US-NC"},
    {"nd", "US-ND"},   {"okla", "US-OK"}, {"ore", "US-OR"},  {"oreg", "US-OR"},  {"pa", "US-PA"},
    {"penn", "US-PA"}, {"ri", "US-RI"},   {"sc", "US-SC"},   {"sd", "US-SD"},    {"tenn", "US-TN"},
    {"tex", "US-TX"},  {"vt", "US-VT"},   {"va", "US-VA"},   {"wash", "US-WA"},  {"wva", "US-WV"},
    {"wis", "US-WI"},  {"wisc", "US-WI"}, {"wyo", "US-WY"}};

}  // namespace

std::string_view ap_state_code(std::string_view norm) {
  for (const auto& [abbreviation, code] : kApStates) {
    if (abbreviation == norm) return code;
  }
  return {};
}

bool NameRuns::honorific_title(const GazetteerSpan& span) const {
  return k_.lists_title_of_kind(*span.entry, [](std::string_view kind) {
    return kind.find("honorific") != std::string_view::npos ||
           kind.find("courtesy") != std::string_view::npos;
  });
}

// A US state in AP style after a comma ("Bethany, Conn.", "Chisholm, Minn ."): the
// subdivision's knowledge index, or -1. The comma and the period keep "Miss", "Ind" and
// "La" as words everywhere else.
int NameRuns::ap_state_at(std::uint32_t i) const {
  if (i == 0 || norm(i - 1) != "," || !tok(i).has(tf::kCapital)) return -1;
  const bool period = tok(i).has(tf::kAbbrev) || (i + 1 < token_count() && norm(i + 1) == ".");
  if (!period) return -1;
  const std::string_view code = ap_state_code(norm(i));
  return code.empty() ? -1 : k_.subdivision_index(code);
}

// The US state or the country named right after a comma that follows [.., j): a place's
// own qualifier ("Aiken, S.C.", "Saint-Gall, Switzerland,"). Sets `country` or `state`.
bool NameRuns::qualifier_after(std::uint32_t j, std::uint32_t last, int& state,
                               int& country) const {
  state = country = -1;
  if (j + 1 >= last || norm(j) != ",") return false;
  if ((state = ap_state_at(j + 1)) >= 0) return true;
  if (!is_name_span(j + 1)) return false;
  const GazetteerSpan& span = spans_[span_at_[j + 1]];
  // The qualifier ends the phrase: "..., Texas," or "..., Ohio." but not "..., Texas officials".
  const std::uint32_t after = span.last;
  if (after < last) {
    const std::string_view w = norm(after);
    if (w != "," && w != "." && w != "(" && w != ";" && w != "-" && w != ":" && w != "\"")
      return false;
  }
  // An ambiguous qualifier qualifies nothing ("Atlanta, Georgia" and "Tbilisi, Georgia"): the
  // place before it resolves as listed, and gives the qualifier its context.
  if (span.entry->ambiguous) return false;
  for (const Candidate& c : span.entry->candidates) {
    if (c.kind == CandidateKind::kSubdivision && k_.subdivisions()[c.index].country == "US")
      state = static_cast<int>(c.index);
    if (c.kind == CandidateKind::kCountry) country = static_cast<int>(c.index);
  }
  if (state >= 0) country = -1;
  return state >= 0 || country >= 0;
}

bool NameRuns::starts_run(std::uint32_t i, std::uint32_t sentence_last) const {
  if (is_name_span(i)) return true;
  if (!tok(i).has(tf::kWord)) return false;
  if (!capish(i)) return false;
  if (tok(i).has(tf::kNumber) || is_code(i)) return false;
  if ((lex(i) & lf::kConnector) != 0 && initial_position(i)) return false;
  // "The" starts no name the gazetteer does not list ("think-tank The Brookings Institution"),
  // as the annotated corpora read it.
  if (norm(i) == "the") return false;
  // An article opening a sentence ("A South Wales Police spokeswoman"), not an initial ("A
  // Smith").
  if ((norm(i) == "a" || norm(i) == "an") && initial_position(i) && i + 1 < sentence_last &&
      (lex(i + 1) & (lf::kGivenName | lf::kSurname)) == 0)
    return false;
  // A sentence's first word starts an organisation named for what it is when a title follows
  // the name ("Salvation Army spokesman Jonathan Lomax", "Home Office minister Fiona
  // Mactaggart"; not "Yesterday Council officials").
  if (i + 2 < sentence_last && tok(i + 1).has(tf::kCapital) && institution_word(i + 1) &&
      is_title_span(i + 2))
    return true;
  return !positional_capital(i, sentence_last);
}

// The lower-case second syllable of a hyphenated East Asian given name after a surname
// ("Han Ji-woo", "Kim Min-ho"): short, and an English word only by accident. Compounds
// such as "-based" or "-led" are longer or end in "ed".
bool NameRuns::korean_given_name_part(std::uint32_t run_first, std::uint32_t k) const {
  if ((lex(run_first) & lf::kSurnameFirst) == 0 || k < run_first + 3) return false;
  const std::string_view w = norm(k);
  if (w.size() > 4 || (w.size() >= 2 && w.substr(w.size() - 2) == "ed")) return false;
  // The syllable before the hyphen is a capitalised short word right after the surname.
  return k == run_first + 3 && tok(run_first + 1).has(tf::kCapital) &&
         norm(run_first + 1).size() <= 4;
}

std::uint32_t NameRuns::extend_run(std::uint32_t i, std::uint32_t last) const {
  std::uint32_t j = i;
  bool org_context = false;  // after "Bank", "Center": "of"/"for" may follow
  bool of_seen = false;      // after "Bank of": "and"/"the" may follow
  while (j < last) {
    if (is_title_span(j) && !title_inside_name(i, j, last)) break;
    if (is_title_span(j)) {
      j = spans_[span_at_[j]].last;
      continue;
    }
    if (is_name_span(j)) {
      j = spans_[span_at_[j]].last;
      continue;
    }
    const Token& t = tok(j);
    if (t.has(tf::kWord) && (capish(j) || t.has(tf::kInitial)) && !t.has(tf::kNumber) &&
        !is_code(j)) {
      if (institution_word(j)) org_context = true;
      ++j;
      continue;
    }
    if (t.has(tf::kJoined) && j > i && tok(j - 1).has(tf::kJoined) && t.has(tf::kWord) &&
        ((lex(j) & lf::kCommon) == 0 || korean_given_name_part(i, j))) {
      ++j;  // "Suk-yeol", "Jin-gon": lower-case part of a capitalised compound ("-based" is not)
      continue;
    }
    if (t.has(tf::kJoined) && !t.has(tf::kWord) && j > i && j + 1 < last &&
        tok(j + 1).has(tf::kJoined) && tok(j + 1).has(tf::kWord) &&
        (capish(j + 1) || (lex(j + 1) & lf::kCommon) == 0 || korean_given_name_part(i, j + 1))) {
      ++j;  // the hyphen itself
      continue;
    }
    if (t.has(tf::kNumber) && t.has(tf::kJoined) && j > i) {
      ++j;  // "COVID-19"
      continue;
    }
    const std::string_view w = norm(j);
    if (j > i && (w == "&" || ((lex(j) & lf::kConnector) != 0 && t.has(tf::kLower)))) {
      // A connector joins only when a capitalised word follows (after at most one more
      // connector), and "of"/"for"/"and" only inside an organisation name.
      // "of"/"for" continue an organisation name ("Bank of Korea"); "and"/"the" only after
      // one of them ("Center for Strategic and International Studies").
      if ((w == "of" || w == "for") && !org_context) break;
      if ((w == "and" || w == "the") && !of_seen) break;
      if (w == "of" || w == "for") of_seen = true;
      std::uint32_t k = j + 1;
      if (k < last && (lex(k) & lf::kConnector) != 0 && tok(k).has(tf::kLower)) ++k;
      if (k < last && (is_name_span(k) || (capish(k) && tok(k).has(tf::kWord))) &&
          !is_title_span(k)) {
        j = k;
        continue;
      }
    }
    break;
  }
  // A trailing hyphen or connector never ends a name.
  while (j > i && (!tok(j - 1).has(tf::kWord) ||
                   ((lex(j - 1) & lf::kConnector) != 0 && tok(j - 1).has(tf::kLower)))) {
    --j;
  }
  return j == i ? i + 1 : j;
}

// What only follows a person: an age (", 53 ,") or ", who".
bool NameRuns::person_apposition_after(std::uint32_t j, std::uint32_t last) const {
  if (j + 2 >= last || norm(j) != ",") return false;
  if (norm(j + 1) == "who") return true;
  return tok(j + 1).has(tf::kNumber) && tok(j + 1).end - tok(j + 1).start <= 3 &&
         norm(j + 2) == ",";
}

// Title after the run: ", a former visiting fellow at", ", director of".
bool NameRuns::apposition_after(std::uint32_t j, std::uint32_t last) const {
  if (j >= last || norm(j) != ",") return false;
  std::uint32_t k = j + 1;
  // ", India's finance minister": a listed name and a possessive may come first.
  if (k + 1 < last && is_name_span(k) && spans_[span_at_[k]].last < last &&
      tok(spans_[span_at_[k]].last).has(tf::kPossessive)) {
    k = spans_[span_at_[k]].last + 1;
  }
  for (int skipped = 0; k < last && skipped < 4; ++skipped, ++k) {
    if (is_title_span(k)) return !honorific_title(spans_[span_at_[k]]);
    if (!tok(k).has(tf::kLower) && !tok(k).has(tf::kNumber)) return false;
  }
  return false;
}

bool NameRuns::person_evidence(std::uint32_t i, std::uint32_t j, int anchor,
                               std::uint32_t last) const {
  const std::size_t n = word_count(i, j);
  // A lone common word between two titles is an adjective ("dissident Soviet historian").
  if (n == 1 && j < last && is_title_span(j) && (lex(i) & lf::kCommon) != 0) return false;
  if (anchor >= 0) {
    // "President Yoon", "Foreign Minister Wang Yi"; but not "President Obama's Washington".
    if (n >= 2 || !is_name_span(i)) return true;
  }
  if (n < 2 || n > 5) return false;
  // First and last word tokens.
  std::uint32_t first = i;
  std::uint32_t final = j - 1;
  while (final > i && (tok(final).has(tf::kJoined) && tok(final - 1).has(tf::kJoined))) --final;
  const std::uint32_t lf_first = lex(first);
  const std::uint32_t lf_last = lex(final);
  bool inner_common = false;
  for (std::uint32_t t = i + 1; t < j; ++t) {
    if (!tok(t).has(tf::kWord) || tok(t).has(tf::kLower)) continue;
    const std::uint32_t l = lex(t);
    if ((l & lf::kCommon) != 0 && (l & (lf::kSurname | lf::kGivenName)) == 0) inner_common = true;
    if ((l & (lf::kOrgSuffix)) != 0) inner_common = true;
  }
  if (tok(first).has(tf::kAllCaps) && !tok(first).has(tf::kInitial)) return false;
  if ((lf_first & lf::kGivenName) != 0 && !inner_common) return true;
  if (tok(first).has(tf::kInitial) && !inner_common) return true;
  if ((lf_first & lf::kSurnameFirst) != 0 && n <= 3 && !inner_common) return true;
  if ((lf_last & lf::kSurname) != 0 && !inner_common && (lf_first & lf::kCommon) == 0 &&
      !is_name_span(first)) {
    return true;
  }
  if (inner_common || is_name_span(first)) return false;
  if ((lf_first & lf::kCommon) != 0) return false;
  if (j < last && (lex(j) & lf::kSpeechVerb) != 0) return true;
  if (i > 0 && (lex(i - 1) & lf::kSpeechVerb) != 0) return true;
  if (apposition_after(j, last)) return true;
  return false;
}

// Headlines and datelines in capitals say nothing about acronyms.
bool NameRuns::sentence_all_caps(std::uint32_t sentence) const {
  const Sentence& s = seg_.sentences[sentence];
  std::size_t words = 0, caps = 0;
  for (std::uint32_t t = s.first; t < s.last; ++t) {
    if (!tok(t).has(tf::kWord) || tok(t).has(tf::kNumber)) continue;
    ++words;
    caps += tok(t).has(tf::kAllCaps);
  }
  return words > 0 && caps * 2 > words;
}

bool NameRuns::not_an_organization_acronym(std::string_view w) {
  static constexpr std::string_view kList[] = {
      "gmt",   "utc", "est", "edt",  "cst",  "cdt",  "mst",  "mdt",   "pst", "pdt",  "am",
      "pm",    "bc",  "ad",  "ceo",  "cfo",  "coo",  "cto",  "gdp",   "gnp", "cpi",  "tv",
      "ok",    "id",  "dna", "rna",  "hiv",  "aids", "ufo",  "mp",    "mps", "ii",   "iii",
      "iv",    "vi",  "vii", "viii", "ix",   "xi",   "xii",  "usa",   "us",  "uk",   "eu",
      "mph",   "kg",  "km",  "mm",   "cm",   "ft",   "lb",   "lbs",   "oz",  "pc",   "it",
      "ai",    "vip", "faq", "pdf",  "pr",   "rip",  "sos",  "vs",    "jr",  "sr",   "phd",
      "md",    "ma",  "ba",  "bs",   "msc",  "a",    "i",    "o",     "tnt", "icbm", "icbms",
      "awacs", "rpg", "atm", "suv",  "suvs", "gps",  "sars", "covid", "led", "lcd",  "dvd",
      "cd",    "cds", "usb", "www",  "http", "html", "ny",   "la",    "dc"};
  for (const std::string_view x : kList) {
    if (x == w) return true;
  }
  return false;
}

bool NameRuns::is_institution_word(std::string_view w) {
  return w == "congress" || w == "senate" || w == "parliament" || w == "navy" || w == "army" ||
         w == "pentagon" || w == "kremlin" || w == "legislature" || w == "politburo" ||
         w == "cabinet";
}

// Whether some city or subdivision candidate of `entry` lies in the state (or country).
bool NameRuns::listed_in(const PhraseEntry& entry, int state, int country) const {
  const std::string_view code =
      state >= 0 ? std::string_view(k_.subdivisions()[state].code) : std::string_view();
  const std::string_view iso2 = state >= 0 ? std::string_view(k_.subdivisions()[state].country)
                                           : std::string_view(k_.countries()[country].iso2);
  for (const Candidate& c : entry.candidates) {
    if (c.kind == CandidateKind::kCity) {
      const CityInfo& city = k_.cities()[c.index];
      if (state >= 0 ? city.subdivision == code : city.country == iso2) return true;
    } else if (c.kind == CandidateKind::kSubdivision) {
      if (k_.subdivisions()[c.index].country == iso2) return true;
    }
  }
  return false;
}

// Whether city [i, k) and the capitalised words [k, j) after it form a source line: at the
// start of a sentence or after a document code, and followed by "in <language>" or, for a
// name in capitals after a city that is not, nothing at all. "New York Times reported" is
// no source line.
bool NameRuns::source_line_at(std::uint32_t i, std::uint32_t k, std::uint32_t j,
                              std::uint32_t last) const {
  if (!(tok(i).has(tf::kSentenceStart) || i == 0 || is_code(i - 1))) return false;
  // "in Spanish", "in English": a capitalised word after "in" and then a number or the end.
  if (j + 1 < last && norm(j) == "in" && tok(j + 1).has(tf::kCapital) &&
      (j + 2 >= last || tok(j + 2).has(tf::kNumber) || (i > 0 && is_code(i - 1)))) {
    return true;
  }
  if (j != last && !(j + 1 == last && !tok(j).has(tf::kWord))) return false;
  if (tok(i).has(tf::kAllCaps)) return false;
  for (std::uint32_t t = k; t < j; ++t) {
    if (tok(t).has(tf::kWord) && !tok(t).has(tf::kAllCaps)) return false;
  }
  return true;
}

// A run that names a person on its own: a known given name or an initial first.
bool NameRuns::strong_person(std::uint32_t i, std::uint32_t j) const {
  return word_count(i, j) >= 2 && ((lex(i) & lf::kGivenName) != 0 || tok(i).has(tf::kInitial)) &&
         (lex(i) & lf::kCommon) == 0;
}

}  // namespace skein::extract
