#pragma once
// The knowledge resources of data/ (see data/README for the file formats), loaded once into
// flat hash tables keyed by normalised phrases (Segmenter.h's normalize_phrase), so the
// recogniser meets text and gazetteer on the same normal form.
//
// Two tables serve every lookup:
//  - the lexicon: one normalised token -> a bit set of what it can be (common word, given
//    name, surname, the first word of some gazetteer phrase, an organisation suffix, ...), so a
//    token costs one hash lookup whatever it turns out to be;
//  - the phrase table: a normalised phrase -> its candidates (country, demonym, subdivision,
//    city, region, organisation, title), with a flag telling whether a longer phrase starts
//    with it, so longest-match needs one lookup per token of the match.
//
// Loading throws InputError("path:line: reason") for a missing file, a wrong header or a
// malformed line. It uses one helper thread (the word lists load beside the gazetteer).
// After construction everything is read-only: thread-safe to share.

#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/LargeTable.h"

namespace skein::extract {

namespace lexicon_flags {
inline constexpr std::uint32_t kCommon = 1u << 0;  // a lower-case English word
inline constexpr std::uint32_t kGivenName = 1u << 1;
inline constexpr std::uint32_t kSurname = 1u << 2;
inline constexpr std::uint32_t kSurnameFirst = 1u << 3;   // East Asian surname: "Wang Yi"
inline constexpr std::uint32_t kPhraseStart = 1u << 4;    // first token of a gazetteer phrase
inline constexpr std::uint32_t kTitleStart = 1u << 5;     // first token of a title phrase
inline constexpr std::uint32_t kOrgSuffix = 1u << 6;      // "agency", "institute", "corp"
inline constexpr std::uint32_t kOrgHead = 1u << 7;        // "bank" in "Bank of Korea"
inline constexpr std::uint32_t kConnector = 1u << 8;      // "of", "and", "de" inside names
inline constexpr std::uint32_t kSpeechVerb = 1u << 9;     // "said", "told": a speaker is near
inline constexpr std::uint32_t kPersonPrefix = 1u << 10;  // name particles: "van", "al", "bin"
inline constexpr std::uint32_t kDemonymWord = 1u << 11;   // any token of a demonym phrase
inline constexpr std::uint32_t kPlaceSuffix = 1u << 12;   // "street", "county": ends a place name
inline constexpr std::uint32_t kMaleName = 1u << 13;      // a given name listed as a man's only
inline constexpr std::uint32_t kFemaleName = 1u << 14;    // a given name listed as a woman's only
}  // namespace lexicon_flags

enum class CandidateKind : std::uint8_t {
  kCountry,       // index into countries
  kDemonym,       // index into countries: "Chinese" names China
  kSubdivision,   // index into subdivisions
  kCity,          // index into cities
  kRegion,        // index into regions
  kOrganization,  // index into organizations
  kTitle,         // index into titles
};

namespace candidate_flags {
// The listed surface is all capitals ("ROK"), or in organizations.tsv capitals and digits ("G8").
inline constexpr std::uint8_t kAcronym = 1u << 0;
}  // namespace candidate_flags

struct Candidate {
  CandidateKind kind;
  std::uint8_t flags = 0;
  std::uint32_t index = 0;
};

struct PhraseEntry {
  std::vector<Candidate> candidates;       // empty when the phrase is only a prefix
  bool is_prefix = false;                  // some longer phrase starts with this one
  bool ambiguous = false;                  // listed in ambiguous.tsv: link only with context
  std::vector<std::string> ambiguous_ids;  // the ids ambiguous.tsv names (may be empty)
};

// `aliases` fields hold the file's alias column as written ('|'-separated): the names an
// entity card lists besides the canonical one (see known_aliases()).
struct CountryInfo {
  std::string iso2, iso3, name, official_name, capital, region, subregion;
  std::string aliases;
  std::uint32_t capital_geonames = 0;
};
struct SubdivisionInfo {
  std::string code, country, name, full_name, type;
  std::string aliases;
};
struct CityInfo {
  std::uint32_t geonames = 0;
  std::string name, country, subdivision;  // subdivision: ISO 3166-2 code or empty
  std::string ascii_name;  // the listed ASCII spelling of a non-ASCII name, or empty
  std::uint64_t population = 0;
  bool capital = false;  // national capital
};
struct RegionInfo {
  std::string key, name, kind, parent;
};
struct OrganizationInfo {
  std::string key, name, kind, country;
  std::string aliases;
};

// The distinct names in `name` and the '|'-separated `aliases` (then `more`) other than
// `name` itself, in file order: "Republic of Korea", "ROK", ... for South Korea.
std::vector<std::string> known_aliases(std::string_view name, std::string_view aliases,
                                       std::string_view more = {});
struct TitleInfo {
  std::string phrase, kind;
};
// kb_organizations.tsv: organisations from ../shared/kb (parties, public bodies, companies,
// clubs, universities...). Not in the phrase table: they only name organisations the text
// already found, so they never add mentions of their own.
struct KbOrganizationInfo {
  std::string_view key, name, kind, country;  // views into the file text Knowledge keeps
};
// kb_people.tsv: legislators with their party's organisation key (organizations.tsv or
// kb_organizations.tsv; empty when unknown).
struct KbPersonInfo {
  std::string_view key, name, country, party, role;  // views into the file text Knowledge keeps
};

struct TransparentHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept {
    // FNV-1a: short keys dominate, and it needs no setup.
    std::uint64_t h = 1469598103934665603ull;
    for (const char c : s) {
      h ^= static_cast<unsigned char>(c);
      h *= 1099511628211ull;
    }
    return static_cast<std::size_t>(h ^ (h >> 29));
  }
};
// Open-addressing string -> uint32 table: keys live in one arena, slots are 24 bytes, probing
// is linear. Lookups are the extractor's hot path (one per token), and a node-based
// std::unordered_map spends most of that time chasing pointers.
class FlatStringMap {
 public:
  static std::uint64_t hash(std::string_view s) noexcept {
    std::uint64_t h = 0x9E3779B97F4A7C15ull ^ s.size();
    const char* p = s.data();
    std::size_t n = s.size();
    while (n >= 8) {
      std::uint64_t v;
      std::memcpy(&v, p, 8);
      h = (h ^ v) * 0xBF58476D1CE4E5B9ull;
      h ^= h >> 31;
      p += 8;
      n -= 8;
    }
    if (n > 0) {
      std::uint64_t v = 0;
      std::memcpy(&v, p, n);
      h = (h ^ v) * 0x94D049BB133111EBull;
      h ^= h >> 29;
    }
    h = (h ^ (h >> 32)) * 0xD6E8FEB86659FD93ull;
    return (h ^ (h >> 32)) | 1u;  // 0 marks an empty slot
  }

  const std::uint32_t* find(std::string_view key) const { return find(key, hash(key)); }
  // find() for a key whose hash() the caller has: with prefetch(), a caller looking up many
  // keys asks for the slot of a later one before it looks up this one, so the misses overlap.
  const std::uint32_t* find(std::string_view key, std::uint64_t h) const {
    if (slots_.empty()) return nullptr;
    for (std::size_t i = home(h);; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.hash == 0) return nullptr;
      if (s.hash == h && s.key_size == key.size() && same(keys_.data() + s.key_start, key)) {
        return &s.value;
      }
    }
  }

  void prefetch(std::uint64_t h) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[home(h)]);
  }

  // The value for `key`, inserted as `initial` when absent.
  std::uint32_t& get_or_insert(std::string_view key, std::uint32_t initial) {
    return get_or_insert(key, hash(key), initial);
  }
  // get_or_insert() for a key whose hash() the caller has: with prefetch(), a loader
  // inserting many keys asks for a later key's slot first, so the cache misses overlap.
  std::uint32_t& get_or_insert(std::string_view key, std::uint64_t h, std::uint32_t initial) {
    if ((size_ + 1) * 2 > slots_.size()) grow();
    for (std::size_t i = home(h);; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.hash == 0) {
        s.hash = h;
        s.key_start = static_cast<std::uint32_t>(keys_.size());
        s.key_size = static_cast<std::uint32_t>(key.size());
        s.value = initial;
        keys_.append(key);
        ++size_;
        return s.value;
      }
      if (s.hash == h && s.key_size == key.size() &&
          std::memcmp(keys_.data() + s.key_start, key.data(), key.size()) == 0) {
        return s.value;
      }
    }
  }

  std::size_t size() const { return size_; }

  // Makes room for `count` keys holding `key_bytes` bytes in all, so loading never rehashes.
  void reserve(std::size_t count, std::size_t key_bytes) {
    std::size_t slots = 1024;
    while (slots < count * 2) slots *= 2;
    if (slots > slots_.size()) rehash(slots);
    keys_.reserve(key_bytes);
  }

 private:
  // The home slot of a hash. Bit 0 of every stored hash is forced to 1 (0 marks an empty
  // slot), so the low bit must not pick the slot: using it left every even slot without a
  // home (on the bundled word lists: 1.47 probes per insert on average, 1.32 without it).
  std::size_t home(std::uint64_t h) const { return static_cast<std::size_t>(h >> 1) & mask_; }
  // Keys are short words: a plain loop beats a memcmp call.
  static bool same(const char* stored, std::string_view key) {
    for (std::size_t i = 0; i < key.size(); ++i) {
      if (stored[i] != key[i]) return false;
    }
    return true;
  }
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t key_start = 0;
    std::uint32_t key_size = 0;
    std::uint32_t value = 0;
  };
  void grow() { rehash(slots_.empty() ? 1024 : slots_.size() * 2); }
  // Moves every entry into a table of `slots` slots (a power of two).
  void rehash(std::size_t slots) {
    LargeTable<Slot> old = std::move(slots_);
    slots_.assign(slots, Slot{});
    mask_ = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.hash == 0) continue;
      std::size_t i = home(s.hash);
      while (slots_[i].hash != 0) i = (i + 1) & mask_;
      slots_[i] = s;
    }
  }
  LargeTable<Slot> slots_;
  std::string keys_;
  std::size_t size_ = 0;
  std::size_t mask_ = 0;
};

// Normalised names -> rows of one kb file, several rows per name allowed: one flat table and
// one array of rows, so tens of thousands of names cost a few allocations, not one each.
class KbNameIndex {
 public:
  void add(std::string_view norm_name, std::uint32_t row) {
    pending_.push_back({static_cast<std::uint32_t>(names_.size()),
                        static_cast<std::uint32_t>(norm_name.size()), row});
    names_ += norm_name;
  }
  void finish();  // builds the table from what add() collected
  // The rows named `norm_name`, in file order; empty when none.
  std::span<const std::uint32_t> rows(std::string_view norm_name) const {
    const std::uint32_t* start = start_.find(norm_name);
    if (start == nullptr) return {};
    std::size_t end = *start;
    while (rows_[end] != kEnd) ++end;
    return {rows_.data() + *start, end - *start};
  }

 private:
  static constexpr std::uint32_t kEnd = UINT32_MAX;
  struct Pending {
    std::uint32_t start, size, row;  // the name is names_[start, start + size)
  };
  std::string names_;  // while loading: every normalised name, back to back
  std::vector<Pending> pending_;
  FlatStringMap start_;              // name -> index into rows_ of its first row
  std::vector<std::uint32_t> rows_;  // each name's rows, then kEnd
};

template <typename V>
using PhraseMap = std::unordered_map<std::string, V, TransparentHash, std::equal_to<>>;

// Named word lists from the rule files (RuleSet::word_lists): list name and normalised words.
using WordLists = std::vector<std::pair<std::string, std::vector<std::string>>>;

class Knowledge {
 public:
  // Loads every file of `data_dir`, then gives the words of `word_lists` their lexicon flags
  // (org-suffix, org-head, connector, speech-verb, place-suffix; any other list marks name
  // particles). Throws InputError.
  explicit Knowledge(const std::string& data_dir, const WordLists& word_lists = {});

  std::uint32_t lexicon(std::string_view norm_token) const {
    return lexicon(norm_token, FlatStringMap::hash(norm_token));
  }
  // lexicon() for many tokens: prefetch_lexicon(FlatStringMap::hash(token)) a few tokens ahead
  // of lexicon(token, hash), so the table's cache misses overlap.
  std::uint32_t lexicon(std::string_view norm_token, std::uint64_t hash) const {
    const std::uint32_t* flags = lexicon_.find(norm_token, hash);
    return flags == nullptr ? 0u : *flags;
  }
  void prefetch_lexicon(std::uint64_t hash) const { lexicon_.prefetch(hash); }
  const PhraseEntry* phrase(std::string_view norm_phrase) const {
    const std::uint32_t* index = phrase_index_.find(norm_phrase);
    return index == nullptr ? nullptr : &phrases_[*index];
  }
  const std::vector<CountryInfo>& countries() const { return countries_; }
  const std::vector<SubdivisionInfo>& subdivisions() const { return subdivisions_; }
  const std::vector<CityInfo>& cities() const { return cities_; }
  const std::vector<RegionInfo>& regions() const { return regions_; }
  const std::vector<OrganizationInfo>& organizations() const { return organizations_; }
  const std::vector<KbOrganizationInfo>& kb_organizations() const { return kb_organizations_; }
  const std::vector<KbPersonInfo>& kb_people() const { return kb_people_; }
  // Indices of the kb organisations / people whose name or an alias has this normalised form
  // (a leading "the" dropped); null when none. Both files are optional: a data directory
  // without them knows no such names.
  std::span<const std::uint32_t> kb_organizations_named(std::string_view norm_name) const {
    return kb_organization_names_.rows(norm_name);
  }
  // Indices of the kb clubs with an alias of this normalised form that is a name of two words
  // or more ("man utd", "manchester united" for Manchester United FC). Kept apart from
  // kb_organizations_named: a club's alias may also be a region's name ("New England"), so it
  // may resolve a name already read as an organisation, but make one only in a sports report.
  std::span<const std::uint32_t> kb_clubs_aliased(std::string_view norm_name) const {
    return kb_club_aliases_.rows(norm_name);
  }
  // The same for the aliases of one word ("newcastle" for Newcastle United FC, "spurs"): a
  // town's or a common word too, for a sports report's names only.
  std::span<const std::uint32_t> kb_clubs_aliased_by_word(std::string_view norm_word) const {
    return kb_club_word_aliases_.rows(norm_word);
  }
  std::span<const std::uint32_t> kb_people_named(std::string_view norm_name) const {
    return kb_person_names_.rows(norm_name);
  }
  // Some title candidate of `entry` has a kind (titles.tsv's kind column: "government",
  // "honorific", ...) that `accepts`.
  bool lists_title_of_kind(const PhraseEntry& entry, bool (*accepts)(std::string_view kind)) const;
  // Index into organizations() of the entry with this key, or -1 (a scan: the list is short
  // and the callers ask rarely).
  int organization_index(std::string_view key) const;
  // Index into kb_organizations of the row with this key, or -1.
  int kb_organization_index(std::string_view key) const {
    const std::uint32_t* index = kb_organization_by_key_.find(key);
    return index == nullptr ? -1 : static_cast<int>(*index);
  }

  // Index of the country with this ISO alpha-2 code, or -1.
  int country_index(std::string_view iso2) const;
  int subdivision_index(std::string_view code) const;
  // Index into cities of the city with this GeoNames id, or -1 (a binary search, as cities.tsv
  // is sorted by id; a scan for data that is not).
  int city_index(std::uint32_t geonames) const;
  // The country whose capital is this GeoNames id, or -1.
  int country_of_capital(std::uint32_t geonames) const;
  std::size_t max_phrase_tokens() const { return max_phrase_tokens_; }

 private:
  void load_gazetteer(const std::string& dir);   // countries ... titles: the phrase table
  void load_word_lists(const std::string& dir);  // given names, surnames, common words
  void load_ambiguous(const std::string& dir);   // marks phrases; needs the phrase table
  // kb_organizations.tsv and kb_people.tsv, when present: on different threads.
  void load_kb_organizations(const std::string& dir);
  void load_kb_people(const std::string& dir);
  // Queues a gazetteer name in its normal form; insert_queued_phrases() adds the queue to the
  // phrase table in order, each phrase's slot prefetched a few phrases ahead.
  void add_phrase(std::string_view surface, Candidate candidate);
  void insert_queued_phrases();
  void insert_phrase(std::string_view norm, std::uint64_t norm_hash, Candidate candidate);
  PhraseEntry& phrase_entry(std::string_view norm_phrase) {
    return phrase_entry(norm_phrase, FlatStringMap::hash(norm_phrase));
  }
  PhraseEntry& phrase_entry(std::string_view norm_phrase, std::uint64_t hash);
  void add_lexicon_flags(std::string_view norm_token, std::uint32_t flags);

  FlatStringMap lexicon_;
  FlatStringMap phrase_index_;  // normalised phrase -> index into phrases_
  std::vector<PhraseEntry> phrases_;
  std::vector<CountryInfo> countries_;
  std::vector<SubdivisionInfo> subdivisions_;
  std::vector<CityInfo> cities_;
  std::vector<RegionInfo> regions_;
  std::vector<OrganizationInfo> organizations_;
  std::vector<TitleInfo> titles_;
  std::string kb_organizations_text_, kb_people_text_;  // the kb rows are views into these
  std::vector<KbOrganizationInfo> kb_organizations_;
  std::vector<KbPersonInfo> kb_people_;
  KbNameIndex kb_organization_names_, kb_club_aliases_, kb_club_word_aliases_, kb_person_names_;
  FlatStringMap kb_organization_by_key_;  // key -> index into kb_organizations_
  PhraseMap<int> country_by_iso2_;
  PhraseMap<int> subdivision_by_code_;
  std::unordered_map<std::uint32_t, int> country_by_capital_;
  std::size_t max_phrase_tokens_ = 1;
  // While loading: lexicon flags from phrases, applied after the word lists (see the
  // constructor); null afterwards.
  std::vector<std::pair<std::string, std::uint32_t>>* deferred_ = nullptr;
  // While loading the gazetteer: its phrases, normalised, in file order (see add_phrase).
  std::vector<std::pair<std::string, Candidate>> queued_phrases_;
};

}  // namespace skein::extract
