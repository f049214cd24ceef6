#include "extract/Knowledge.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <fstream>
#include <future>
#include <utility>

#include "core/Error.h"
#include "extract/Segmenter.h"

namespace skein::extract {
namespace {

// One sized read: the data files are a few MB, and a stringstream copy of each showed in
// start-up profiles.
std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) throw InputError(path, "cannot open data file");
  const std::streamoff size = in.tellg();
  if (size < 0) throw InputError(path, "cannot read data file");
  std::string text(static_cast<std::size_t>(size), '\0');
  in.seekg(0);
  if (!in.read(text.data(), size)) throw InputError(path, "cannot read data file");
  return text;
}

// normalize_phrase() without the segmenter for the common case of a plain ASCII word or
// phrase (letters and digits, single spaces): its normal form is its lower case. Anything
// else (periods, apostrophes, hyphens, non-ASCII letters) takes the segmenter's path, so
// text and gazetteer still meet on one normal form.
std::string fast_normalize(std::string_view s) {
  bool plain = !s.empty() && s.front() != ' ' && s.back() != ' ';
  for (std::size_t i = 0; plain && i < s.size(); ++i) {
    const char c = s[i];
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum && !(c == ' ' && s[i - 1] != ' ')) plain = false;
  }
  if (!plain) return normalize_phrase(s);
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

// The fields of `s` between `sep`s into `out` (cleared first; its capacity is reused).
void split_into(std::string_view s, char sep, std::vector<std::string_view>& out) {
  out.clear();
  std::size_t start = 0;
  while (true) {
    const std::size_t pos = s.find(sep, start);
    if (pos == std::string_view::npos) {
      out.push_back(s.substr(start));
      return;
    }
    out.push_back(s.substr(start, pos - start));
    start = pos + 1;
  }
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  split_into(s, sep, out);
  return out;
}

// Calls `row(fields, line_number)` for every data line of a TSV file whose header starts with
// '#' and names at least `columns` fields. Blank lines are skipped.
template <typename Row>
void for_each_row_of(const std::string& text, const std::string& path, std::size_t columns,
                     Row row) {
  std::size_t line_number = 0;
  std::size_t pos = 0;
  bool header_seen = false;
  std::vector<std::string_view> fields;  // one vector for every row: no allocation per row
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + pos, end - pos);
    pos = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    if (line.front() == '#') {
      if (!header_seen) {
        const std::size_t found = split(line, '\t').size();
        if (found < columns) {
          throw InputError(path, line_number,
                           "header names " + std::to_string(found) + " columns, expected " +
                               std::to_string(columns));
        }
        header_seen = true;
      }
      continue;
    }
    if (!header_seen) throw InputError(path, line_number, "missing '#' header line");
    split_into(line, '\t', fields);
    if (fields.size() < columns) {
      throw InputError(path, line_number,
                       "expected " + std::to_string(columns) + " tab-separated fields, found " +
                           std::to_string(fields.size()));
    }
    row(fields, line_number);
  }
  if (!header_seen) throw InputError(path, "empty data file (no '#' header line)");
}

// for_each_row_of() over the file at `path`, read for the call.
template <typename Row>
void for_each_row(const std::string& path, std::size_t columns, Row row) {
  const std::string text = read_file(path);
  for_each_row_of(text, path, columns, row);
}

template <typename Int>
Int parse_number(std::string_view s, const std::string& path, std::size_t line, const char* what) {
  Int value = 0;
  if (s.empty()) return 0;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || ptr != s.data() + s.size()) {
    throw InputError(path, line, std::string("bad ") + what + " '" + std::string(s) + "'");
  }
  return value;
}

bool is_acronym_surface(std::string_view s) {
  int letters = 0;
  for (const char c : s) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
  }
  return letters >= 2;
}

// One word of capitals and digits, at least one of each, no lower-case letter: "G8", "G20".
bool is_coded_acronym_surface(std::string_view s) {
  bool capital = false, digit = false;
  for (const char c : s) {
    if (c >= 'A' && c <= 'Z') {
      capital = true;
    } else if (c >= '0' && c <= '9') {
      digit = true;
    } else {
      return false;
    }
  }
  return capital && digit;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

// Lexicon flags for many words: `flags` ORed into each word's entry, in order. Loading is
// mostly inserts that miss the cache: each word's slot is prefetched a few words ahead.
using WordFlags = std::vector<std::pair<std::string, std::uint32_t>>;
void or_flags(FlatStringMap& lexicon, const WordFlags& words) {
  constexpr std::size_t kAhead = 8;
  std::vector<std::uint64_t> hashes(words.size());
  for (std::size_t i = 0; i < words.size(); ++i) hashes[i] = FlatStringMap::hash(words[i].first);
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i + kAhead < words.size()) lexicon.prefetch(hashes[i + kAhead]);
    lexicon.get_or_insert(words[i].first, hashes[i], 0) |= words[i].second;
  }
}

}  // namespace

void Knowledge::add_lexicon_flags(std::string_view norm_token, std::uint32_t flags) {
  if (deferred_ != nullptr) {
    deferred_->emplace_back(norm_token, flags);
    return;
  }
  lexicon_.get_or_insert(norm_token, 0) |= flags;
}

PhraseEntry& Knowledge::phrase_entry(std::string_view norm_phrase, std::uint64_t hash) {
  std::uint32_t& index =
      phrase_index_.get_or_insert(norm_phrase, hash, static_cast<std::uint32_t>(phrases_.size()));
  if (index == phrases_.size()) phrases_.emplace_back();
  return phrases_[index];
}

void Knowledge::add_phrase(std::string_view surface, Candidate candidate) {
  std::string norm = fast_normalize(surface);
  // "The Gambia", "the United States": the article is matched outside the name.
  if (norm.rfind("the ", 0) == 0) norm.erase(0, 4);
  if (norm.empty()) return;
  if (is_acronym_surface(surface)) candidate.flags |= candidate_flags::kAcronym;
  // An organisation's name hyphenated between words is written with a space too ("Mercedes
  // Benz", "Agence France Presse"): both forms name it. (Not a place's: "Radio Monte Carlo" is
  // no place.)
  if (candidate.kind == CandidateKind::kOrganization && norm.find(" - ") != std::string::npos) {
    std::string spaced = norm;
    for (std::size_t at = spaced.find(" - "); at != std::string::npos; at = spaced.find(" - ", at))
      spaced.erase(at, 2);
    queued_phrases_.emplace_back(std::move(spaced), candidate);
  }
  queued_phrases_.emplace_back(std::move(norm), candidate);
}

void Knowledge::insert_queued_phrases() {
  constexpr std::size_t kAhead = 8;  // the table's cache misses overlap
  const std::size_t count = queued_phrases_.size();
  std::vector<std::uint64_t> hashes(count);
  for (std::size_t i = 0; i < count; ++i) hashes[i] = FlatStringMap::hash(queued_phrases_[i].first);
  for (std::size_t i = 0; i < count; ++i) {
    if (i + kAhead < count) phrase_index_.prefetch(hashes[i + kAhead]);
    insert_phrase(queued_phrases_[i].first, hashes[i], queued_phrases_[i].second);
  }
  queued_phrases_ = {};
}

void Knowledge::insert_phrase(std::string_view norm, std::uint64_t norm_hash, Candidate candidate) {
  std::size_t tokens = 1;
  std::size_t space = norm.find(' ');
  const std::string_view first = norm.substr(0, space);
  add_lexicon_flags(first, candidate.kind == CandidateKind::kTitle
                               ? lexicon_flags::kPhraseStart | lexicon_flags::kTitleStart
                               : lexicon_flags::kPhraseStart);
  // Every proper prefix is marked so longest-match knows to keep reading.
  while (space != std::string::npos) {
    ++tokens;
    phrase_entry(norm.substr(0, space)).is_prefix = true;
    space = norm.find(' ', space + 1);
  }
  if (candidate.kind == CandidateKind::kDemonym) {
    for (const std::string_view word : split(norm, ' ')) {
      add_lexicon_flags(word, lexicon_flags::kDemonymWord);
    }
  }
  if (tokens > max_phrase_tokens_) max_phrase_tokens_ = tokens;
  auto& entry = phrase_entry(norm, norm_hash);
  // A country's name that is also its demonym ("Thai", "Saudi", "Lao") is one sense, not a
  // tie between two: the demonym, which says how the word is used.
  const auto same_country = [&](const Candidate& c) {
    return c.index == candidate.index &&
           (c.kind == CandidateKind::kCountry || c.kind == CandidateKind::kDemonym) &&
           (candidate.kind == CandidateKind::kCountry || candidate.kind == CandidateKind::kDemonym);
  };
  for (Candidate& c : entry.candidates) {
    if (c.kind == candidate.kind && c.index == candidate.index) return;  // listed twice
    if (same_country(c)) {
      if (candidate.kind == CandidateKind::kDemonym) c = candidate;
      return;
    }
  }
  entry.candidates.push_back(candidate);
}

Knowledge::Knowledge(const std::string& data_dir, const WordLists& word_lists) {
  const std::string dir = data_dir.empty() || data_dir.back() == '/' ? data_dir : data_dir + "/";
  // Start-up is mostly hash-table inserts that miss the cache, in two independent halves: the
  // word lists (given names, surnames, common words) fill the lexicon and the kb's
  // organisations their tables on a second thread while this one builds the phrase table and
  // the kb's people (the halves take about as long). Lexicon flags that phrases add (first
  // words, demonym words) wait in `deferred` and are applied once the word lists are in.
  lexicon_.reserve(1 << 17, 1 << 20);
  auto words = std::async(std::launch::async, [this, &dir] {
    load_word_lists(dir);
    load_kb_organizations(dir);
  });
  std::vector<std::pair<std::string, std::uint32_t>> deferred;
  deferred.reserve(1 << 16);
  deferred_ = &deferred;
  try {
    load_gazetteer(dir);
    load_kb_people(dir);
  } catch (...) {
    deferred_ = nullptr;
    try {
      words.get();
    } catch (...) {
    }  // the gazetteer's error is the one to report
    throw;
  }
  deferred_ = nullptr;
  words.get();  // rethrows the word lists' InputError
  or_flags(lexicon_, deferred);
  load_ambiguous(dir);
  // The rule files' word lists become lexicon flags.
  for (const auto& [list, list_words] : word_lists) {
    const std::uint32_t flag = list == "org-suffix"    ? lexicon_flags::kOrgSuffix
                               : list == "org-head"    ? lexicon_flags::kOrgHead
                               : list == "connector"   ? lexicon_flags::kConnector
                               : list == "speech-verb" ? lexicon_flags::kSpeechVerb
                               : list == "place-suffix"
                                   ? lexicon_flags::kPlaceSuffix
                                   : lexicon_flags::kPersonPrefix | lexicon_flags::kConnector;
    for (const std::string& w : list_words) add_lexicon_flags(w, flag);
  }
}

std::vector<std::string> known_aliases(std::string_view name, std::string_view aliases,
                                       std::string_view more) {
  std::vector<std::string> out;
  for (const std::string_view list : {more, aliases}) {
    for (const std::string_view alias : split(list, '|')) {
      if (alias.empty() || alias == name || std::find(out.begin(), out.end(), alias) != out.end())
        continue;
      out.emplace_back(alias);
    }
  }
  return out;
}

void Knowledge::load_gazetteer(const std::string& dir) {
  phrases_.reserve(1 << 17);
  // Sized for the bundled data (about 130k lexicon words, 100k phrases and prefixes), so the
  // tables never rehash while loading; smaller data wastes a little memory, larger grows.
  phrase_index_.reserve(1 << 17, 2 << 20);

  {
    const std::string path = dir + "countries.tsv";
    for_each_row(path, 10, [&](const std::vector<std::string_view>& f, std::size_t line) {
      CountryInfo c;
      c.iso2 = f[0];
      c.iso3 = f[1];
      c.name = f[2];
      c.official_name = f[3];
      c.capital = f[6];
      c.capital_geonames = parse_number<std::uint32_t>(f[7], path, line, "capital_geonames");
      c.region = f[8];
      c.subregion = f[9];
      c.aliases = f[4];
      if (c.iso2.size() != 2) throw InputError(path, line, "iso2 must have two letters");
      const auto index = static_cast<std::uint32_t>(countries_.size());
      add_phrase(c.name, {CandidateKind::kCountry, 0, index});
      if (!c.official_name.empty())
        add_phrase(c.official_name, {CandidateKind::kCountry, 0, index});
      for (const std::string_view alias : split(f[4], '|')) {
        if (!alias.empty()) add_phrase(alias, {CandidateKind::kCountry, 0, index});
      }
      for (const std::string_view demonym : split(f[5], '|')) {
        if (!demonym.empty()) add_phrase(demonym, {CandidateKind::kDemonym, 0, index});
      }
      country_by_iso2_.emplace(c.iso2, static_cast<int>(index));
      if (c.capital_geonames != 0)
        country_by_capital_.emplace(c.capital_geonames, static_cast<int>(index));
      countries_.push_back(std::move(c));
    });
  }
  {
    const std::string path = dir + "subdivisions.tsv";
    for_each_row(path, 7, [&](const std::vector<std::string_view>& f, std::size_t line) {
      SubdivisionInfo s;
      s.code = f[0];
      s.country = f[1];
      s.name = f[2];
      s.full_name = f[3];
      s.type = f[4];
      s.aliases = f[5];
      if (s.code.find('-') == std::string::npos) {
        throw InputError(path, line, "code '" + s.code + "' is not an ISO 3166-2 code");
      }
      const auto index = static_cast<std::uint32_t>(subdivisions_.size());
      add_phrase(s.name, {CandidateKind::kSubdivision, 0, index});
      if (!s.full_name.empty()) add_phrase(s.full_name, {CandidateKind::kSubdivision, 0, index});
      for (const std::string_view alias : split(f[5], '|')) {
        if (!alias.empty()) add_phrase(alias, {CandidateKind::kSubdivision, 0, index});
      }
      subdivision_by_code_.emplace(s.code, static_cast<int>(index));
      subdivisions_.push_back(std::move(s));
    });
  }
  {
    const std::string path = dir + "cities.tsv";
    for_each_row(path, 7, [&](const std::vector<std::string_view>& f, std::size_t line) {
      CityInfo c;
      c.geonames = parse_number<std::uint32_t>(f[0], path, line, "geonames_id");
      c.name = f[1];
      c.country = f[3];
      c.subdivision = f[4];
      c.population = parse_number<std::uint64_t>(f[5], path, line, "population");
      c.capital = !f[6].empty() && f[6] != "0" && f[6] != "false" && f[6] != "no";
      const auto index = static_cast<std::uint32_t>(cities_.size());
      add_phrase(c.name, {CandidateKind::kCity, 0, index});
      const bool ascii =
          std::all_of(c.name.begin(), c.name.end(), [](char ch) { return (ch & 0x80) == 0; });
      for (const std::string_view alias : split(f[2], '|')) {
        if (alias.empty()) continue;
        add_phrase(alias, {CandidateKind::kCity, 0, index});
        if (!ascii && c.ascii_name.empty() &&
            std::all_of(alias.begin(), alias.end(), [](char ch) { return (ch & 0x80) == 0; })) {
          c.ascii_name = alias;
        }
      }
      cities_.push_back(std::move(c));
    });
  }
  {
    const std::string path = dir + "regions.tsv";
    for_each_row(path, 5, [&](const std::vector<std::string_view>& f, std::size_t) {
      RegionInfo r{std::string(f[0]), std::string(f[1]), std::string(f[3]), std::string(f[4])};
      const auto index = static_cast<std::uint32_t>(regions_.size());
      add_phrase(r.name, {CandidateKind::kRegion, 0, index});
      for (const std::string_view alias : split(f[2], '|')) {
        if (!alias.empty()) add_phrase(alias, {CandidateKind::kRegion, 0, index});
      }
      regions_.push_back(std::move(r));
    });
  }
  {
    const std::string path = dir + "organizations.tsv";
    for_each_row(path, 5, [&](const std::vector<std::string_view>& f, std::size_t) {
      OrganizationInfo o{std::string(f[0]), std::string(f[1]), std::string(f[3]), std::string(f[4]),
                         std::string(f[2])};
      const auto index = static_cast<std::uint32_t>(organizations_.size());
      // This list writes acronyms in capitals, some with digits ("G8", "G20"): such a name is
      // an acronym too. (Not so in the kb lists, where a capital and digits is as often a
      // road or a product: "M3", "F5".)
      const auto add = [&](std::string_view surface) {
        Candidate candidate{CandidateKind::kOrganization, 0, index};
        if (is_coded_acronym_surface(surface)) candidate.flags |= candidate_flags::kAcronym;
        add_phrase(surface, candidate);
      };
      add(o.name);
      for (const std::string_view alias : split(f[2], '|')) {
        if (!alias.empty()) add(alias);
      }
      organizations_.push_back(std::move(o));
    });
  }
  {
    const std::string path = dir + "titles.tsv";
    for_each_row(path, 2, [&](const std::vector<std::string_view>& f, std::size_t) {
      TitleInfo t{lower_ascii(f[0]), std::string(f[1])};
      const auto index = static_cast<std::uint32_t>(titles_.size());
      add_phrase(t.phrase, {CandidateKind::kTitle, 0, index});
      titles_.push_back(std::move(t));
    });
  }
  insert_queued_phrases();
}

void Knowledge::load_word_lists(const std::string& dir) {
  // Runs beside load_gazetteer(): it alone writes the lexicon until the constructor joins it.
  WordFlags words;
  words.reserve(1 << 17);
  for_each_row(dir + "given_names.tsv", 1,
               [&](const std::vector<std::string_view>& f, std::size_t) {
                 std::uint32_t flags = lexicon_flags::kGivenName;
                 if (f.size() > 1 && f[1] == "m") flags |= lexicon_flags::kMaleName;
                 if (f.size() > 1 && f[1] == "f") flags |= lexicon_flags::kFemaleName;
                 words.emplace_back(fast_normalize(f[0]), flags);
               });
  for_each_row(dir + "surnames.tsv", 1, [&](const std::vector<std::string_view>& f, std::size_t) {
    std::uint32_t flags = lexicon_flags::kSurname;
    if (f.size() > 1) {
      const std::string origin = lower_ascii(f[1]);
      if (origin.find("chinese") != std::string::npos ||
          origin.find("korean") != std::string::npos ||
          origin.find("vietnamese") != std::string::npos) {
        flags |= lexicon_flags::kSurnameFirst;
      }
    }
    words.emplace_back(fast_normalize(f[0]), flags);
  });
  for_each_row(dir + "common_words.tsv", 1,
               [&](const std::vector<std::string_view>& f, std::size_t) {
                 words.emplace_back(fast_normalize(f[0]), lexicon_flags::kCommon);
               });
  or_flags(lexicon_, words);
}

void Knowledge::load_ambiguous(const std::string& dir) {
  for_each_row(dir + "ambiguous.tsv", 3, [&](const std::vector<std::string_view>& f, std::size_t) {
    std::string norm = fast_normalize(f[0]);
    if (norm.rfind("the ", 0) == 0) norm.erase(0, 4);
    const std::uint32_t* index = phrase_index_.find(norm);
    if (index == nullptr) return;  // nothing to link anyway
    PhraseEntry& entry = phrases_[*index];
    entry.ambiguous = true;
    for (const std::string_view id : split(f[2], '|')) {
      if (!id.empty()) entry.ambiguous_ids.emplace_back(id);
    }
  });
}

void KbNameIndex::finish() {
  // Grouped by hashing, not by sorting the names (a stable sort of the 100k names was a fifth
  // of the kb's start-up): each distinct name is a group, its rows one run of rows_ in file
  // order (a row named twice in a row kept once), then kEnd.
  auto name = [this](const Pending& p) { return std::string_view(names_).substr(p.start, p.size); };
  start_.reserve(pending_.size(), names_.size());
  constexpr std::size_t kAhead = 8;  // slots prefetched ahead, so the cache misses overlap
  std::vector<std::uint64_t> hashes(pending_.size());
  for (std::size_t i = 0; i < pending_.size(); ++i)
    hashes[i] = FlatStringMap::hash(name(pending_[i]));
  std::vector<std::uint32_t> group_of(pending_.size()), group_size, first_pending;
  for (std::size_t i = 0; i < pending_.size(); ++i) {
    if (i + kAhead < pending_.size()) start_.prefetch(hashes[i + kAhead]);
    const auto next = static_cast<std::uint32_t>(group_size.size());
    const std::uint32_t group = start_.get_or_insert(name(pending_[i]), hashes[i], next);
    if (group == next) {
      group_size.push_back(0);
      first_pending.push_back(static_cast<std::uint32_t>(i));
    }
    ++group_size[group];
    group_of[i] = group;
  }
  // Each group's first slot in rows_, with room for all its rows and its kEnd.
  std::vector<std::uint32_t> first_slot(group_size.size());
  std::size_t slots = 0;
  for (std::size_t g = 0; g < group_size.size(); ++g) {
    first_slot[g] = static_cast<std::uint32_t>(slots);
    slots += group_size[g] + 1;
  }
  rows_.assign(slots, kEnd);  // a dropped repeat leaves a spare kEnd after its group's end
  std::vector<std::uint32_t> next_slot = first_slot;
  for (std::size_t i = 0; i < pending_.size(); ++i) {
    const std::uint32_t group = group_of[i];
    std::uint32_t& slot = next_slot[group];
    if (slot > first_slot[group] && rows_[slot - 1] == pending_[i].row) continue;
    rows_[slot++] = pending_[i].row;
  }
  // The names map to their groups so far: now to the groups' first slots.
  for (std::size_t g = 0; g < first_pending.size(); ++g) {
    if (g + kAhead < first_pending.size()) start_.prefetch(hashes[first_pending[g + kAhead]]);
    const std::size_t i = first_pending[g];
    start_.get_or_insert(name(pending_[i]), hashes[i], 0) = first_slot[g];
  }
  pending_ = {};
  names_ = {};
}

namespace {

// Adds a kb row's name or alias to `index` in its normal form, without a leading "the".
void index_name(KbNameIndex& index, std::string_view name, std::uint32_t row) {
  if (name.empty()) return;
  const std::string norm = fast_normalize(name);
  // A name with punctuation glued to a word ("McDonald's", "AT&T") is also found under the
  // key a span of text gets (TokenView::key_of: no space where the text has none).
  // (Letters, digits and spaces alone key the same either way: most of the 100,000 names
  // start-up reads.)
  const bool marks = std::any_of(name.begin(), name.end(), [](char c) {
    return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
             c == ' ');
  });
  const std::string written =
      marks && norm.find(' ') != std::string::npos ? normalize_phrase(name, true) : std::string();
  for (const std::string* key : {&norm, &written}) {
    if (key == &written && (written.empty() || written == norm)) continue;
    std::string_view view = *key;
    if (view.rfind("the ", 0) == 0) view.remove_prefix(4);
    if (!view.empty()) index.add(view, row);
  }
}

// The words of a club's alias whose words are each capitalised, with no digit or mark beyond
// a period, hyphen or apostrophe: a name, not an address ("Fritz-Walter-Str. 1 // 67663"), a
// founding year ("Heidenheim 1846") or a note ("[en]"); 0 for any other alias.
int club_alias_name_words(std::string_view alias) {
  int words = 0;
  bool word_start = true;
  for (const char c : alias) {
    const auto u = static_cast<unsigned char>(c);
    if (c == ' ') {
      word_start = true;
      continue;
    }
    if (word_start) {
      if (u < 0x80 && !(c >= 'A' && c <= 'Z')) return 0;
      ++words;
      word_start = false;
    }
    if ((c >= '0' && c <= '9') ||
        (u < 0x80 && !std::isalpha(u) && c != '.' && c != '-' && c != '\''))
      return 0;
  }
  return words;
}

}  // namespace

void Knowledge::load_kb_organizations(const std::string& dir) {
  // Runs on the word-list thread: it alone writes these tables until the constructor joins.
  const std::string organizations = dir + "kb_organizations.tsv";
  if (std::ifstream(organizations).good()) {
    kb_organizations_text_ = read_file(organizations);
    kb_organizations_.reserve(static_cast<std::size_t>(
        std::count(kb_organizations_text_.begin(), kb_organizations_text_.end(), '\n')));
    for_each_row_of(kb_organizations_text_, organizations, 6,
                    [&](const std::vector<std::string_view>& f, std::size_t) {
                      const auto row = static_cast<std::uint32_t>(kb_organizations_.size());
                      kb_organizations_.push_back({f[0], f[1], f[3], f[4]});
                      index_name(kb_organization_names_, f[1], row);
                      // Club aliases are fans' and sources' shorthand ("UNAM" for Pumas UNAM,
                      // "Union", addresses even): a club is known by its name, and apart by
                      // the aliases that are names (kb_clubs_aliased for two words or more,
                      // kb_clubs_aliased_by_word for one).
                      for (const std::string_view alias : split(f[2], '|')) {
                        if (f[3] != "club") {
                          index_name(kb_organization_names_, alias, row);
                          continue;
                        }
                        const int words = club_alias_name_words(alias);
                        if (words >= 2) index_name(kb_club_aliases_, alias, row);
                        if (words == 1) index_name(kb_club_word_aliases_, alias, row);
                      }
                      kb_organization_by_key_.get_or_insert(f[0], row);
                    });
  }
  kb_organization_names_.finish();
  kb_club_aliases_.finish();
  kb_club_word_aliases_.finish();
}

void Knowledge::load_kb_people(const std::string& dir) {
  // Runs on the constructor's thread, after the gazetteer, while the word lists load.
  const std::string people = dir + "kb_people.tsv";
  if (std::ifstream(people).good()) {
    kb_people_text_ = read_file(people);
    for_each_row_of(kb_people_text_, people, 6,
                    [&](const std::vector<std::string_view>& f, std::size_t) {
                      const auto row = static_cast<std::uint32_t>(kb_people_.size());
                      kb_people_.push_back({f[0], f[1], f[3], f[4], f[5]});
                      index_name(kb_person_names_, f[1], row);
                      for (const std::string_view alias : split(f[2], '|')) {
                        index_name(kb_person_names_, alias, row);
                      }
                    });
  }
  kb_person_names_.finish();
}

int Knowledge::city_index(std::uint32_t geonames) const {
  const auto it =
      std::lower_bound(cities_.begin(), cities_.end(), geonames,
                       [](const CityInfo& city, std::uint32_t id) { return city.geonames < id; });
  if (it != cities_.end() && it->geonames == geonames)
    return static_cast<int>(it - cities_.begin());
  // A data directory whose cities are not sorted (test fixtures): search it all.
  for (std::size_t i = 0; i < cities_.size(); ++i) {
    if (cities_[i].geonames == geonames) return static_cast<int>(i);
  }
  return -1;
}

bool Knowledge::lists_title_of_kind(const PhraseEntry& entry,
                                    bool (*accepts)(std::string_view kind)) const {
  return std::any_of(entry.candidates.begin(), entry.candidates.end(), [&](const Candidate& c) {
    return c.kind == CandidateKind::kTitle && accepts(titles_[c.index].kind);
  });
}

int Knowledge::organization_index(std::string_view key) const {
  const auto it = std::find_if(organizations_.begin(), organizations_.end(),
                               [&](const OrganizationInfo& o) { return o.key == key; });
  return it == organizations_.end() ? -1 : static_cast<int>(it - organizations_.begin());
}

int Knowledge::country_index(std::string_view iso2) const {
  const auto it = country_by_iso2_.find(iso2);
  return it == country_by_iso2_.end() ? -1 : it->second;
}

int Knowledge::subdivision_index(std::string_view code) const {
  const auto it = subdivision_by_code_.find(code);
  return it == subdivision_by_code_.end() ? -1 : it->second;
}

int Knowledge::country_of_capital(std::uint32_t geonames) const {
  const auto it = country_by_capital_.find(geonames);
  return it == country_by_capital_.end() ? -1 : it->second;
}

}  // namespace skein::extract
