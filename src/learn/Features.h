#pragma once
// Feature extraction for the sequence tagger: every feature is a 64-bit hash, computed without
// building strings. Per token, the word's own hashes (form, lower case, shape, prefixes,
// suffixes) are computed once; per position, the templates below combine them with the
// neighbours' (±2) and with caller-supplied attribute hashes. The features that depend on the
// previous tags are added by the decoder, one position at a time (see dynamic_features).
//
// The template list is versioned: kFeatureTemplateVersion is written into every model file,
// and a model trained under another version is refused on load. Change the templates (or the
// hashing) => bump the version and retrain.
//
// Pure functions; thread-safe. FeatureBuffer is scratch owned by one caller at a time.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace skein::learn {

inline constexpr std::uint32_t kFeatureTemplateVersion = 1;

// A token as the tagger sees it: its text, plus attribute hashes the caller computed once with
// attribute_hash() (gazetteer membership such as "gaz=country", a word cluster, ...). The
// pointed-to hashes must outlive the call that uses them.
struct TokenView {
  std::string_view word;
  const std::uint64_t* attributes = nullptr;
  std::uint32_t attribute_count = 0;
};

// The hash of an attribute string, as TokenView::attributes expects it.
std::uint64_t attribute_hash(std::string_view attribute);

// Mixes two hashes (splitmix64 finaliser over their combination). Exposed for the decoder.
inline std::uint64_t mix(std::uint64_t a, std::uint64_t b) {
  std::uint64_t h = a * 0x9E3779B97F4A7C15ull ^ (b + 0x632BE59BD9B4E019ull + (a << 6) + (a >> 2));
  h ^= h >> 30;
  h *= 0xBF58476D1CE4E5B9ull;
  h ^= h >> 27;
  h *= 0x94D049BB133111EBull;
  h ^= h >> 31;
  return h | 1u;  // 0 marks an empty slot in the weight table
}

// Reusable buffers: the static features of every position of a sentence, laid out as
// offsets[i] .. offsets[i+1] into `hashes`. Cleared, not freed, between sentences.
struct FeatureBuffer {
  std::vector<std::uint64_t> hashes;
  std::vector<std::uint32_t> offsets;
  // Position i's token-local features (those that depend on its word and attributes alone)
  // are hashes[offsets[i] .. local_ends[i]); local_keys[i] identifies that word-and-attributes
  // combination, so their summed weights can be cached per distinct token.
  std::vector<std::uint32_t> local_ends;
  std::vector<std::uint64_t> local_keys;
  // per-token word hashes: kWordHashCount per token
  std::vector<std::uint64_t> word_hashes;
};

// Fills `out` with the static features of every position of `tokens[0..count)`.
void static_features(const TokenView* tokens, std::size_t count, FeatureBuffer& out);

// The features of position `i` that depend on the two previous tags (tag indices, or
// kNoTag before the sentence start). Writes kDynamicFeatureCount hashes to `out`.
inline constexpr std::uint32_t kNoTag = 0xFFFFu;
inline constexpr std::size_t kDynamicFeatureCount = 4;
void dynamic_features(const FeatureBuffer& buffer, std::size_t i, std::uint32_t previous,
                      std::uint32_t before_previous, std::uint64_t* out);
// The same features in their two kinds: those of the two tags alone, the same at every
// position (kTagHistoryFeatureCount hashes, dynamic_features' first), and those of the previous
// tag with the word at i (the rest).
inline constexpr std::size_t kTagHistoryFeatureCount = 2;
inline constexpr std::size_t kWordHistoryFeatureCount =
    kDynamicFeatureCount - kTagHistoryFeatureCount;
void tag_history_features(std::uint32_t previous, std::uint32_t before_previous,
                          std::uint64_t* out);
void word_history_features(const FeatureBuffer& buffer, std::size_t i, std::uint32_t previous,
                           std::uint64_t* out);

}  // namespace skein::learn
