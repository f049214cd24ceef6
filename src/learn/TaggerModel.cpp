#include "learn/TaggerModel.h"

#include <algorithm>
#include <atomic>
#include <bit>
#include <cmath>
#include <cstring>
#include <iterator>

#include "core/Error.h"
#include "core/MappedFile.h"
#include "core/Sha256.h"

namespace skein::learn {
namespace {

constexpr std::string_view kMagic = "SKEINTAG";
constexpr std::size_t kChecksumSize = 64;

void put_u32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFFu));
}
void put_u64(std::string& out, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFFu));
}
void put_str(std::string& out, std::string_view s) {
  put_u32(out, static_cast<std::uint32_t>(s.size()));
  out.append(s);
}

// Reads the fields of a model file in order; every read checks the bounds first.
class Reader {
 public:
  Reader(std::string_view bytes, const std::string& source) : bytes_(bytes), source_(source) {}
  std::uint64_t uint(int size) {
    need(static_cast<std::size_t>(size));
    std::uint64_t v = 0;
    for (int i = 0; i < size; ++i) {
      v |= static_cast<std::uint64_t>(
               static_cast<unsigned char>(bytes_[pos_ + static_cast<std::size_t>(i)]))
           << (8 * i);
    }
    pos_ += static_cast<std::size_t>(size);
    return v;
  }
  std::string str() {
    const auto n = static_cast<std::size_t>(uint(4));
    need(n);
    std::string s(bytes_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  void need(std::size_t n) const {
    if (n > bytes_.size() - pos_) throw InputError(source_, "model file is truncated");
  }
  std::size_t remaining() const { return bytes_.size() - pos_; }
  // `n` raw bytes (bounds checked), for arrays copied in one go.
  const char* take(std::size_t n) {
    need(n);
    const char* p = bytes_.data() + pos_;
    pos_ += n;
    return p;
  }

 private:
  std::string_view bytes_;
  const std::string& source_;
  std::size_t pos_ = 0;
};

bool has_prefix(std::string_view tag, char c) {
  return tag.size() > 2 && tag[0] == c && tag[1] == '-';
}

}  // namespace

std::string default_model_path(const std::string& data_dir, std::string_view kind) {
  const std::string dir = data_dir.empty() || data_dir.back() == '/' ? data_dir : data_dir + "/";
  return dir + "models/" + std::string(kind) + ".skm";
}

std::vector<std::int32_t> span_labels(const std::vector<std::string>& tags,
                                      std::vector<std::string>& labels) {
  std::vector<std::int32_t> label_of_tag;
  for (const std::string& tag : tags) {
    const bool scheme = tag.size() > 2 && tag[1] == '-' &&
                        std::string_view("BILU").find(tag[0]) != std::string_view::npos;
    if (!scheme) {
      label_of_tag.push_back(-1);
      continue;
    }
    const std::string label = tag.substr(2);
    auto it = std::find(labels.begin(), labels.end(), label);
    if (it == labels.end()) it = labels.insert(labels.end(), label);
    label_of_tag.push_back(static_cast<std::int32_t>(it - labels.begin()));
  }
  return label_of_tag;
}

TagTransitions::TagTransitions(const std::vector<std::string>& tags) {
  bool scheme = !tags.empty();
  bool bilou = false;
  for (const std::string& t : tags) {
    if (t == "O") continue;
    if (has_prefix(t, 'L') || has_prefix(t, 'U')) bilou = true;
    if (!(has_prefix(t, 'B') || has_prefix(t, 'I') || has_prefix(t, 'L') || has_prefix(t, 'U')))
      scheme = false;
  }
  if (!scheme) return;
  size_ = tags.size();
  allowed_.assign(size_ * size_, 0);
  start_.assign(size_, 0);
  closing_.resize(size_);
  const auto inside = [&](const std::string& t) {
    return has_prefix(t, 'B') || has_prefix(t, 'I');
  };
  const auto continues = [&](const std::string& t) {
    return has_prefix(t, 'I') || has_prefix(t, 'L');
  };
  for (std::size_t b = 0; b < size_; ++b) {
    const std::string& cur = tags[b];
    // BIO: I-X may start a name only in IOB1-like data; here it must continue one.
    const bool needs_open = bilou ? continues(cur) : has_prefix(cur, 'I');
    start_[b] = needs_open ? 0 : 1;
    closing_[b] = static_cast<std::uint32_t>(b);
    if (bilou && inside(cur)) {
      const std::string want = std::string(has_prefix(cur, 'B') ? "U-" : "L-") + cur.substr(2);
      for (std::size_t k = 0; k < size_; ++k) {
        if (tags[k] == want) closing_[b] = static_cast<std::uint32_t>(k);
      }
    }
    for (std::size_t a = 0; a < size_; ++a) {
      const std::string& prev = tags[a];
      const bool open = bilou ? inside(prev) : (has_prefix(prev, 'B') || has_prefix(prev, 'I'));
      bool ok;
      if (needs_open) {
        ok = open && prev.substr(2) == cur.substr(2);
      } else {
        ok = bilou ? !open : true;  // in BILOU an open name must be continued
      }
      allowed_[a * size_ + b] = ok ? 1 : 0;
    }
  }
}

TaggerModel::TaggerModel(std::string kind, std::vector<std::string> tags, float scale,
                         std::vector<std::uint64_t> keys, std::vector<std::int16_t> weights)
    : TaggerModel(WeightTable{}, std::move(kind), std::move(tags), scale, std::move(keys),
                  LargeTable<std::int16_t>(weights.begin(), weights.end())) {}

TaggerModel::TaggerModel(WeightTable, std::string kind, std::vector<std::string> tags, float scale,
                         std::vector<std::uint64_t> keys, LargeTable<std::int16_t> weights)
    : kind_(std::move(kind)),
      tags_(std::move(tags)),
      scale_(scale),
      keys_(std::move(keys)),
      weights_(std::move(weights)),
      transitions_(tags_) {
  static std::atomic<std::uint64_t> next_instance{1};
  instance_ = next_instance++;
  build_table();
}

namespace {
// Never 0, so 0 can mark an empty slot.
inline std::uint32_t check_of(std::uint64_t key) {
  return static_cast<std::uint32_t>(key >> 32) | 1u;
}
}  // namespace

void TaggerModel::build_table() {
  std::size_t capacity = 16;
  while (capacity < keys_.size() * 2) capacity *= 2;  // load factor at most 1/2: short probes
  slots_.assign(capacity, Slot{});
  mask_ = capacity - 1;
  constexpr std::size_t kAhead = 8;  // slots prefetched ahead: the inserts' misses overlap
  for (std::size_t r = 0; r < keys_.size(); ++r) {
    if (r + kAhead < keys_.size()) __builtin_prefetch(&slots_[home(keys_[r + kAhead])], 1);
    std::size_t i = home(keys_[r]);
    while (slots_[i].check != 0) i = (i + 1) & mask_;
    slots_[i] = {check_of(keys_[r]), static_cast<std::uint32_t>(r * tags_.size())};
  }
}

const std::int16_t* TaggerModel::row(std::uint64_t key, std::size_t from_slot) const {
  const std::uint32_t check = check_of(key);
  for (std::size_t i = from_slot;; i = (i + 1) & mask_) {
    const Slot& slot = slots_[i];
    if (slot.check == check) return &weights_[slot.row];
    if (slot.check == 0) return nullptr;
  }
}

std::uint32_t TaggerModel::tag_index(std::string_view tag) const {
  for (std::size_t i = 0; i < tags_.size(); ++i) {
    if (tags_[i] == tag) return static_cast<std::uint32_t>(i);
  }
  return kNoTag;
}

void TaggerModel::tag(const TokenView* tokens, std::size_t count, TaggerWorkspace& workspace,
                      std::vector<std::uint16_t>& tags_out,
                      std::vector<float>* confidence_out) const {
  tags_out.resize(count);
  if (confidence_out != nullptr) confidence_out->resize(count);
  if (count == 0) return;
  static_features(tokens, count, workspace.features);
  const FeatureBuffer& fb = workspace.features;
  const std::size_t n_tags = tags_.size();
  std::vector<std::int32_t>& scores = workspace.scores;
  scores.resize(n_tags);
  constexpr std::size_t kCacheSlots = 4096;
  if (workspace.cache_owner != instance_ || workspace.cache_rows.size() != kCacheSlots * n_tags) {
    workspace.cache_owner = instance_;
    workspace.cache_keys.assign(kCacheSlots, 0);
    workspace.cache_rows.assign(kCacheSlots * n_tags, 0);
  }
  const auto cache_slot = [&](std::size_t i) {
    return static_cast<std::size_t>(fb.local_keys[i] >> 7) & (kCacheSlots - 1);
  };
  const auto cached = [&](std::size_t i) {
    return workspace.cache_keys[cache_slot(i)] == (fb.local_keys[i] | 1u);
  };
  // Scoring is bound by memory latency (one table slot and one row per feature), so positions
  // go through a pipeline: the table slots of position i + 2 are prefetched; the rows of
  // position i + 1 are looked up and prefetched (its token-local ones only when the cache
  // lacks their sum); position i is scored from rows that had a position's work to arrive.
  // Its previous-tag features (known only once position i - 1 is tagged) have their slots
  // prefetched as soon as that tag is chosen, their rows looked up and prefetched first thing
  // at position i and added last. Scores are integer sums: the order of additions is free.
  // The home slot of every feature is kept for its lookup (storing it also keeps the compiler
  // from deleting the loop: one with nothing but prefetches has no effect it must keep, and
  // GCC drops it).
  std::vector<std::uint32_t>& homes = workspace.homes;
  homes.resize(fb.hashes.size());
  const auto prefetch_slots = [&](std::size_t i) {
    if (i >= count) return;
    const std::uint32_t from = cached(i) ? fb.local_ends[i] : fb.offsets[i];
    for (std::uint32_t f = fb.offsets[i]; f < fb.offsets[i + 1]; ++f) {
      homes[f] = static_cast<std::uint32_t>(home(fb.hashes[f]));
      if (f >= from) __builtin_prefetch(&slots_[homes[f]]);
    }
  };
  const auto find_rows = [&](std::uint32_t from, std::uint32_t to,
                             std::vector<const std::int16_t*>& out) {
    for (std::uint32_t f = from; f < to; ++f) {
      if (const std::int16_t* r = row(fb.hashes[f], homes[f])) {
        __builtin_prefetch(r);
        __builtin_prefetch(r + n_tags - 1);  // a row may straddle two cache lines
        out.push_back(r);
      }
    }
  };
  const auto resolve = [&](std::size_t i, TaggerWorkspace::PositionRows& out) {
    out.local.clear();
    out.context.clear();
    out.has_local = false;
    if (i >= count) return;
    if (!cached(i)) {
      find_rows(fb.offsets[i], fb.local_ends[i], out.local);
      out.has_local = true;
    }
    find_rows(fb.local_ends[i], fb.offsets[i + 1], out.context);
  };
  const auto add_row = [n_tags](std::int32_t* sums, const std::int16_t* r) {
    for (std::size_t t = 0; t < n_tags; ++t) sums[t] += r[t];
  };
  std::uint64_t dynamic[kDynamicFeatureCount];
  const auto prefetch_dynamic = [&](std::size_t i, std::uint32_t previous,
                                    std::uint32_t before_previous) {
    if (i >= count) return;
    dynamic_features(fb, i, previous, before_previous, dynamic);
    for (const std::uint64_t key : dynamic) __builtin_prefetch(&slots_[home(key)]);
  };
  TaggerWorkspace::PositionRows& current = workspace.current;
  TaggerWorkspace::PositionRows& next = workspace.next;
  prefetch_slots(0);
  prefetch_slots(1);
  resolve(0, current);
  std::uint32_t prev = kNoTag;
  std::uint32_t prev2 = kNoTag;
  prefetch_dynamic(0, prev, prev2);
  for (std::size_t i = 0; i < count; ++i) {
    const std::int16_t* dynamic_rows[kDynamicFeatureCount];
    std::size_t dynamic_found = 0;
    for (const std::uint64_t key : dynamic) {
      if (const std::int16_t* r = row(key)) {
        __builtin_prefetch(r);
        __builtin_prefetch(r + n_tags - 1);
        dynamic_rows[dynamic_found++] = r;
      }
    }
    prefetch_slots(i + 2);
    resolve(i + 1, next);
    const std::size_t slot = cache_slot(i);
    std::int32_t* local = &workspace.cache_rows[slot * n_tags];
    if (workspace.cache_keys[slot] != (fb.local_keys[i] | 1u)) {
      // Not cached when position i was resolved either, unless an earlier position's entry
      // has evicted it since.
      if (!current.has_local) find_rows(fb.offsets[i], fb.local_ends[i], current.local);
      std::fill(local, local + n_tags, 0);
      for (const std::int16_t* r : current.local) add_row(local, r);
      workspace.cache_keys[slot] = fb.local_keys[i] | 1u;
    }
    std::copy(local, local + n_tags, scores.begin());
    for (const std::int16_t* r : current.context) add_row(scores.data(), r);
    for (std::size_t k = 0; k < dynamic_found; ++k) add_row(scores.data(), dynamic_rows[k]);
    std::uint32_t best = kNoTag;
    for (std::uint32_t t = 0; t < n_tags; ++t) {
      if (!transitions_.allowed(prev, t)) continue;
      if (best == kNoTag || scores[t] > scores[best]) best = t;
    }
    if (best == kNoTag) best = 0;  // no allowed tag: cannot happen for a consistent scheme
    if (i + 1 == count) best = transitions_.closing(best);
    prefetch_dynamic(i + 1, best, prev);
    if (confidence_out != nullptr) {
      // Softmax of the chosen tag; tags more than 16 nats below it add under 1e-7 each.
      float total = 0;
      const float top = static_cast<float>(scores[best]) * scale_;
      for (std::uint32_t t = 0; t < n_tags; ++t) {
        const float gap = static_cast<float>(scores[t]) * scale_ - top;
        if (gap > -16.0f && transitions_.allowed(prev, t)) total += std::exp(gap);
      }
      (*confidence_out)[i] = total > 0 ? 1.0f / total : 1.0f;
    }
    tags_out[i] = static_cast<std::uint16_t>(best);
    prev2 = prev;
    prev = best;
    std::swap(current, next);
  }
}

std::string TaggerModel::serialize() const {
  std::string out(kMagic);
  put_u32(out, document_memory_ ? kModelFormatWithFlags : kModelFormatVersion);
  put_str(out, kind_);
  put_u32(out, kFeatureTemplateVersion);
  if (document_memory_) put_u32(out, kFlagDocumentMemory);
  put_u32(out, static_cast<std::uint32_t>(tags_.size()));
  for (const std::string& t : tags_) put_str(out, t);
  std::uint32_t scale_bits = 0;
  static_assert(sizeof(scale_bits) == sizeof(scale_));
  std::memcpy(&scale_bits, &scale_, sizeof(scale_bits));
  put_u32(out, scale_bits);
  put_u64(out, keys_.size());
  for (const std::uint64_t k : keys_) put_u64(out, k);
  for (const std::int16_t w : weights_) {
    const auto u = static_cast<std::uint16_t>(w);
    out.push_back(static_cast<char>(u & 0xFFu));
    out.push_back(static_cast<char>(u >> 8));
  }
  out += sha256_hex(out);
  return out;
}

void TaggerModel::save(const std::string& path) const {
  // Replaced whole, never rewritten in place: a process may have the old file mapped (load).
  if (!replace_file(path, serialize())) throw InputError(path, "cannot write the model file");
}

TaggerModel TaggerModel::load(const std::string& path, std::string_view expected_kind) {
  // Mapped, not copied: the arrays are copied once, from the page cache into the model.
  const MappedFile file(path);
  if (!file.opened()) throw InputError(path, "cannot open the model file (missing or unreadable)");
  if (!file.ok()) throw InputError(path, "cannot read the model file");
  return parse(file.bytes(), path, expected_kind);
}

TaggerModel TaggerModel::parse(std::string_view bytes, const std::string& source,
                               std::string_view expected_kind) {
  if (bytes.size() < kMagic.size() || bytes.substr(0, kMagic.size()) != kMagic) {
    throw InputError(source, "not a Skein tagger model (wrong magic)");
  }
  if (bytes.size() < kMagic.size() + kChecksumSize)
    throw InputError(source, "model file is truncated");
  const std::string_view body = bytes.substr(0, bytes.size() - kChecksumSize);
  if (sha256_hex(body) != bytes.substr(body.size())) {
    throw InputError(source, "model file is truncated or corrupt (checksum mismatch)");
  }
  Reader in(body.substr(kMagic.size()), source);
  const auto version = static_cast<std::uint32_t>(in.uint(4));
  if (version != kModelFormatVersion && version != kModelFormatWithFlags) {
    throw InputError(source, "model format version " + std::to_string(version) +
                                 " is not supported (expected " +
                                 std::to_string(kModelFormatVersion) + " or " +
                                 std::to_string(kModelFormatWithFlags) + "): retrain it");
  }
  std::string kind = in.str();
  if (kind != expected_kind) {
    throw InputError(
        source, "wrong model kind: expected " + std::string(expected_kind) + ", found " + kind);
  }
  const auto templates = static_cast<std::uint32_t>(in.uint(4));
  if (templates != kFeatureTemplateVersion) {
    throw InputError(source, "feature template version " + std::to_string(templates) +
                                 " does not match this program's " +
                                 std::to_string(kFeatureTemplateVersion) + ": retrain it");
  }
  const auto flags = version == kModelFormatWithFlags ? static_cast<std::uint32_t>(in.uint(4)) : 0u;
  if ((flags & ~kFlagDocumentMemory) != 0)
    throw InputError(source, "unknown model flags " + std::to_string(flags) + ": retrain it");
  const auto tag_count = static_cast<std::size_t>(in.uint(4));
  if (tag_count == 0 || tag_count > 1024)
    throw InputError(source, "bad tag count " + std::to_string(tag_count));
  std::vector<std::string> tags;
  for (std::size_t i = 0; i < tag_count; ++i) tags.push_back(in.str());
  const auto scale_bits = static_cast<std::uint32_t>(in.uint(4));
  float scale = 0;
  std::memcpy(&scale, &scale_bits, sizeof(scale));
  if (!std::isfinite(scale) || scale <= 0) throw InputError(source, "bad weight scale");
  const std::uint64_t rows = in.uint(8);
  if (rows > in.remaining() / (8 + 2 * tag_count) || in.remaining() != rows * (8 + 2 * tag_count)) {
    throw InputError(source, "weight table size does not match the row count");
  }
  std::vector<std::uint64_t> keys(static_cast<std::size_t>(rows));
  LargeTable<std::int16_t> weights(static_cast<std::size_t>(rows) * tag_count);
  if constexpr (std::endian::native == std::endian::little) {
    // The file is little-endian: copy the arrays whole (start-up time is a target).
    std::memcpy(keys.data(), in.take(keys.size() * 8), keys.size() * 8);
    std::memcpy(weights.data(), in.take(weights.size() * 2), weights.size() * 2);
  } else {
    for (auto& k : keys) k = in.uint(8);
    for (auto& w : weights) w = static_cast<std::int16_t>(static_cast<std::uint16_t>(in.uint(2)));
  }
  if (std::find(keys.begin(), keys.end(), std::uint64_t{0}) != keys.end()) {
    throw InputError(source, "bad feature key");
  }
  if (!std::is_sorted(keys.begin(), keys.end()) ||
      std::adjacent_find(keys.begin(), keys.end()) != keys.end()) {
    throw InputError(source, "feature keys are not ascending");
  }
  TaggerModel model(WeightTable{}, std::move(kind), std::move(tags), scale, std::move(keys),
                    std::move(weights));
  model.document_memory_ = (flags & kFlagDocumentMemory) != 0;
  return model;
}

}  // namespace skein::learn
