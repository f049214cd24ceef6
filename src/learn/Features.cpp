#include "learn/Features.h"

namespace skein::learn {
namespace {

// Per-token hashes, kWordHashCount of them per token in FeatureBuffer::word_hashes.
enum WordHash : std::size_t {
  kForm,
  kLower,
  kShape,
  kPrefix1,
  kPrefix2,
  kPrefix3,
  kSuffix1,
  kSuffix2,
  kSuffix3,
  kSuffix4,
  kWordHashCount
};

// Template ids: a feature is mix(template, value). Appending a template changes the hashes of
// none of the others, but any change here is a new kFeatureTemplateVersion.
enum Template : std::uint64_t {
  tBias = 1,
  tForm,
  tLower,
  tShape,
  tPrefix1,
  tPrefix2,
  tPrefix3,
  tSuffix1,
  tSuffix2,
  tSuffix3,
  tSuffix4,
  tLowerM1,
  tLowerM2,
  tLowerP1,
  tLowerP2,
  tShapeM1,
  tShapeP1,
  tSuffix3M1,
  tSuffix3P1,
  tBigramM1,
  tBigramP1,
  tShapeTrigram,
  tAttr,
  tAttrM1,
  tAttrP1,
  tTag1,
  tTag12,
  tTag1Lower,
  tTag1Shape,
  tFormM1,
  tFormP1,
  tAttrShape,
  tLowerShape,
  tPrefix3P1
};

constexpr std::uint64_t kFnvOffset = 1469598103934665603ull;
constexpr std::uint64_t kFnvPrime = 1099511628211ull;

inline std::uint64_t fnv_step(std::uint64_t h, unsigned char c) { return (h ^ c) * kFnvPrime; }

inline unsigned char lower_byte(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return static_cast<unsigned char>(c + ('a' - 'A'));
  if (c >= '0' && c <= '9') return '0';  // numbers generalise by length and layout
  return c;
}

inline unsigned char shape_byte(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return 'X';
  if (c >= 'a' && c <= 'z') return 'x';
  if (c >= '0' && c <= '9') return 'd';
  if (c >= 0x80) return 'u';  // any byte of a non-ASCII letter or mark
  return c;
}

void word_hashes(std::string_view word, std::uint64_t* out) {
  std::uint64_t form = kFnvOffset;
  std::uint64_t lower = kFnvOffset;
  std::uint64_t shape = kFnvOffset;
  unsigned char last_shape = 0;
  int run = 0;
  const std::size_t n = word.size();
  for (std::size_t i = 0; i < n; ++i) {
    const auto c = static_cast<unsigned char>(word[i]);
    form = fnv_step(form, c);
    lower = fnv_step(lower, lower_byte(c));
    const unsigned char s = shape_byte(c);
    run = s == last_shape ? run + 1 : 1;
    last_shape = s;
    if (run <= 2) shape = fnv_step(shape, s);  // "London" -> "Xxx", "1996" -> "dd"
    if (i + 1 == 1) out[kPrefix1] = lower;
    if (i + 1 == 2) out[kPrefix2] = lower;
    if (i + 1 == 3) out[kPrefix3] = lower;
  }
  // Shorter words repeat their whole form as the longer prefixes and suffixes.
  if (n < 1) out[kPrefix1] = lower;
  if (n < 2) out[kPrefix2] = lower;
  if (n < 3) out[kPrefix3] = lower;
  for (std::size_t k = 1; k <= 4; ++k) {
    std::uint64_t h = kFnvOffset;
    for (std::size_t i = n > k ? n - k : 0; i < n; ++i) {
      h = fnv_step(h, lower_byte(static_cast<unsigned char>(word[i])));
    }
    out[kSuffix1 + k - 1] = h;
  }
  out[kForm] = form;
  out[kLower] = lower;
  out[kShape] = shape;
}

// Stand-ins for the words before the start and after the end of a sentence.
constexpr std::uint64_t kBefore1 = 0x5EED0001ull;
constexpr std::uint64_t kBefore2 = 0x5EED0002ull;
constexpr std::uint64_t kAfter1 = 0x5EED0003ull;
constexpr std::uint64_t kAfter2 = 0x5EED0004ull;

}  // namespace

std::uint64_t attribute_hash(std::string_view attribute) {
  std::uint64_t h = kFnvOffset;
  for (const char c : attribute) h = fnv_step(h, static_cast<unsigned char>(c));
  return h;
}

void static_features(const TokenView* tokens, std::size_t count, FeatureBuffer& out) {
  out.hashes.clear();
  out.offsets.clear();
  out.local_ends.clear();
  out.local_keys.clear();
  out.word_hashes.resize(count * kWordHashCount);
  for (std::size_t i = 0; i < count; ++i) {
    word_hashes(tokens[i].word, &out.word_hashes[i * kWordHashCount]);
  }
  const auto at = [&](std::ptrdiff_t j, std::size_t which, std::uint64_t before2,
                      std::uint64_t before1, std::uint64_t after1, std::uint64_t after2) {
    if (j < -1) return before2;
    if (j < 0) return before1;
    if (static_cast<std::size_t>(j) >= count + 1) return after2;
    if (static_cast<std::size_t>(j) >= count) return after1;
    return out.word_hashes[static_cast<std::size_t>(j) * kWordHashCount + which];
  };
  for (std::size_t i = 0; i < count; ++i) {
    out.offsets.push_back(static_cast<std::uint32_t>(out.hashes.size()));
    const auto k = static_cast<std::ptrdiff_t>(i);
    const std::uint64_t* w = &out.word_hashes[i * kWordHashCount];
    const auto lower_at = [&](std::ptrdiff_t j) {
      return at(j, kLower, kBefore2, kBefore1, kAfter1, kAfter2);
    };
    const auto shape_at = [&](std::ptrdiff_t j) {
      return at(j, kShape, kBefore2, kBefore1, kAfter1, kAfter2);
    };
    const auto suffix3_at = [&](std::ptrdiff_t j) {
      return at(j, kSuffix3, kBefore2, kBefore1, kAfter1, kAfter2);
    };
    std::vector<std::uint64_t>& h = out.hashes;
    // Token-local features first (they depend on this token alone, so a tagger may cache
    // their sum per distinct token: see local_keys), then the context features.
    std::uint64_t local_key = w[kForm];
    h.push_back(mix(tBias, 0));
    h.push_back(mix(tForm, w[kForm]));
    h.push_back(mix(tLower, w[kLower]));
    h.push_back(mix(tShape, w[kShape]));
    h.push_back(mix(tPrefix1, w[kPrefix1]));
    h.push_back(mix(tPrefix2, w[kPrefix2]));
    h.push_back(mix(tPrefix3, w[kPrefix3]));
    h.push_back(mix(tSuffix1, w[kSuffix1]));
    h.push_back(mix(tSuffix2, w[kSuffix2]));
    h.push_back(mix(tSuffix3, w[kSuffix3]));
    h.push_back(mix(tSuffix4, w[kSuffix4]));
    h.push_back(mix(tLowerShape, mix(w[kLower], w[kShape])));
    for (std::uint32_t a = 0; a < tokens[i].attribute_count; ++a) {
      h.push_back(mix(tAttr, tokens[i].attributes[a]));
      h.push_back(mix(tAttrShape, mix(tokens[i].attributes[a], w[kShape])));
      local_key = mix(local_key, tokens[i].attributes[a]);
    }
    out.local_ends.push_back(static_cast<std::uint32_t>(h.size()));
    out.local_keys.push_back(local_key);
    h.push_back(mix(tLowerM1, lower_at(k - 1)));
    h.push_back(mix(tLowerM2, lower_at(k - 2)));
    h.push_back(mix(tLowerP1, lower_at(k + 1)));
    h.push_back(mix(tLowerP2, lower_at(k + 2)));
    h.push_back(mix(tShapeM1, shape_at(k - 1)));
    h.push_back(mix(tShapeP1, shape_at(k + 1)));
    h.push_back(mix(tSuffix3M1, suffix3_at(k - 1)));
    h.push_back(mix(tSuffix3P1, suffix3_at(k + 1)));
    h.push_back(mix(tBigramM1, mix(lower_at(k - 1), w[kLower])));
    h.push_back(mix(tBigramP1, mix(w[kLower], lower_at(k + 1))));
    h.push_back(mix(tShapeTrigram, mix(mix(shape_at(k - 1), w[kShape]), shape_at(k + 1))));
    h.push_back(mix(tFormM1, at(k - 1, kForm, kBefore2, kBefore1, kAfter1, kAfter2)));
    h.push_back(mix(tFormP1, at(k + 1, kForm, kBefore2, kBefore1, kAfter1, kAfter2)));
    h.push_back(mix(tPrefix3P1, at(k + 1, kPrefix3, kBefore2, kBefore1, kAfter1, kAfter2)));
    if (i > 0) {
      for (std::uint32_t a = 0; a < tokens[i - 1].attribute_count; ++a) {
        h.push_back(mix(tAttrM1, tokens[i - 1].attributes[a]));
      }
    }
    if (i + 1 < count) {
      for (std::uint32_t a = 0; a < tokens[i + 1].attribute_count; ++a) {
        h.push_back(mix(tAttrP1, tokens[i + 1].attributes[a]));
      }
    }
  }
  out.offsets.push_back(static_cast<std::uint32_t>(out.hashes.size()));
}

void tag_history_features(std::uint32_t previous, std::uint32_t before_previous,
                          std::uint64_t* out) {
  out[0] = mix(tTag1, previous);
  out[1] = mix(tTag12, mix(previous, before_previous));
}

void word_history_features(const FeatureBuffer& buffer, std::size_t i, std::uint32_t previous,
                           std::uint64_t* out) {
  const std::uint64_t* w = &buffer.word_hashes[i * kWordHashCount];
  out[0] = mix(tTag1Lower, mix(previous, w[kLower]));
  out[1] = mix(tTag1Shape, mix(previous, w[kShape]));
}

void dynamic_features(const FeatureBuffer& buffer, std::size_t i, std::uint32_t previous,
                      std::uint32_t before_previous, std::uint64_t* out) {
  tag_history_features(previous, before_previous, out);
  word_history_features(buffer, i, previous, out + kTagHistoryFeatureCount);
}

}  // namespace skein::learn
