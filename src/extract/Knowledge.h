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
// malformed line. After construction everything is read-only: thread-safe to share.

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace skein::extract {

namespace lexicon_flags {
inline constexpr std::uint32_t kCommon = 1u << 0;       // a lower-case English word
inline constexpr std::uint32_t kGivenName = 1u << 1;
inline constexpr std::uint32_t kSurname = 1u << 2;
inline constexpr std::uint32_t kSurnameFirst = 1u << 3; // East Asian surname: "Wang Yi"
inline constexpr std::uint32_t kPhraseStart = 1u << 4;  // first token of a gazetteer phrase
inline constexpr std::uint32_t kTitleStart = 1u << 5;   // first token of a title phrase
inline constexpr std::uint32_t kOrgSuffix = 1u << 6;    // "agency", "institute", "corp"
inline constexpr std::uint32_t kOrgHead = 1u << 7;      // "bank" in "Bank of Korea"
inline constexpr std::uint32_t kConnector = 1u << 8;    // "of", "and", "de" inside names
inline constexpr std::uint32_t kSpeechVerb = 1u << 9;   // "said", "told": a speaker is near
inline constexpr std::uint32_t kPersonPrefix = 1u << 10; // name particles: "van", "al", "bin"
inline constexpr std::uint32_t kDemonymWord = 1u << 11;  // any token of a demonym phrase
}  // namespace lexicon_flags

enum class CandidateKind : std::uint8_t {
  kCountry,      // index into countries
  kDemonym,      // index into countries: "Chinese" names China
  kSubdivision,  // index into subdivisions
  kCity,         // index into cities
  kRegion,       // index into regions
  kOrganization, // index into organizations
  kTitle,        // index into titles
};

namespace candidate_flags {
inline constexpr std::uint8_t kAcronym = 1u << 0;  // the listed surface is all capitals ("ROK")
}

struct Candidate {
  CandidateKind kind;
  std::uint8_t flags = 0;
  std::uint32_t index = 0;
};

struct PhraseEntry {
  std::vector<Candidate> candidates;  // empty when the phrase is only a prefix
  bool is_prefix = false;             // some longer phrase starts with this one
  bool ambiguous = false;             // listed in ambiguous.tsv: link only with context
  std::vector<std::string> ambiguous_ids;  // the ids ambiguous.tsv names (may be empty)
};

struct CountryInfo {
  std::string iso2, iso3, name, official_name, capital, region, subregion;
  std::uint32_t capital_geonames = 0;
};
struct SubdivisionInfo {
  std::string code, country, name, full_name, type;
};
struct CityInfo {
  std::uint32_t geonames = 0;
  std::string name, country, subdivision;  // subdivision: ISO 3166-2 code or empty
  std::uint64_t population = 0;
  bool capital = false;  // national capital
};
struct RegionInfo {
  std::string key, name, kind, parent;
};
struct OrganizationInfo {
  std::string key, name, kind, country;
};
struct TitleInfo {
  std::string phrase, kind;
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
template <typename V>
using PhraseMap = std::unordered_map<std::string, V, TransparentHash, std::equal_to<>>;

class Knowledge {
 public:
  // Loads every file of `data_dir`. Throws InputError.
  explicit Knowledge(const std::string& data_dir);

  std::uint32_t lexicon(std::string_view norm_token) const {
    const auto it = lexicon_.find(norm_token);
    return it == lexicon_.end() ? 0u : it->second;
  }
  const PhraseEntry* phrase(std::string_view norm_phrase) const {
    const auto it = phrases_.find(norm_phrase);
    return it == phrases_.end() ? nullptr : &it->second;
  }
  // Adds lexicon flags (organisation suffixes and heads come from the rule files).
  void add_lexicon_flags(std::string_view norm_token, std::uint32_t flags);

  const std::vector<CountryInfo>& countries() const { return countries_; }
  const std::vector<SubdivisionInfo>& subdivisions() const { return subdivisions_; }
  const std::vector<CityInfo>& cities() const { return cities_; }
  const std::vector<RegionInfo>& regions() const { return regions_; }
  const std::vector<OrganizationInfo>& organizations() const { return organizations_; }
  const std::vector<TitleInfo>& titles() const { return titles_; }

  // Index of the country with this ISO alpha-2 code, or -1.
  int country_index(std::string_view iso2) const;
  int subdivision_index(std::string_view code) const;
  // The country whose capital is this GeoNames id, or -1.
  int country_of_capital(std::uint32_t geonames) const;
  std::size_t max_phrase_tokens() const { return max_phrase_tokens_; }

 private:
  void add_phrase(std::string_view surface, Candidate candidate);

  PhraseMap<std::uint32_t> lexicon_;
  PhraseMap<PhraseEntry> phrases_;
  std::vector<CountryInfo> countries_;
  std::vector<SubdivisionInfo> subdivisions_;
  std::vector<CityInfo> cities_;
  std::vector<RegionInfo> regions_;
  std::vector<OrganizationInfo> organizations_;
  std::vector<TitleInfo> titles_;
  PhraseMap<int> country_by_iso2_;
  PhraseMap<int> subdivision_by_code_;
  std::unordered_map<std::uint32_t, int> country_by_capital_;
  std::size_t max_phrase_tokens_ = 1;
};

}  // namespace skein::extract
