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
#include "learn/BeamSearch.h"

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

// sums[t] += row[t] for t < n: one feature's weights added to a position's tag scores.
inline void add_weights(std::int32_t* sums, const std::int16_t* row, std::size_t n) {
  for (std::size_t t = 0; t < n; ++t) sums[t] += row[t];
}

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
  const std::size_t states = tags_.size() + 1;
  const auto tag_of = [&](std::size_t state) {
    return state == tags_.size() ? kNoTag : static_cast<std::uint32_t>(state);
  };
  history_rows_.assign(states * states * kTagHistoryFeatureCount, kNoRow);
  for (std::size_t previous = 0; previous < states; ++previous) {
    for (std::size_t before = 0; before < states; ++before) {
      std::uint64_t keys[kTagHistoryFeatureCount];
      tag_history_features(tag_of(previous), tag_of(before), keys);
      for (std::size_t k = 0; k < kTagHistoryFeatureCount; ++k) {
        if (const std::int16_t* r = row(keys[k])) {
          history_rows_[(previous * states + before) * kTagHistoryFeatureCount + k] =
              static_cast<std::uint32_t>(r - weights_.data());
        }
      }
    }
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
    add_weights(sums, r, n_tags);
  };
  TaggerWorkspace::PositionRows& current = workspace.current;
  TaggerWorkspace::PositionRows& next = workspace.next;
  // Sums the static rows of position i (resolved in `current`) into out[0 .. n_tags): its
  // token-local ones from the cache (filled first when it lacks them), then its context ones.
  const auto static_sum = [&](std::size_t i, std::int32_t* out) {
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
    std::copy(local, local + n_tags, out);
    for (const std::int16_t* r : current.context) add_row(out, r);
  };
  prefetch_slots(0);
  prefetch_slots(1);
  resolve(0, current);
  if (beam_ > 1) {
    // The beam steps go along with the static sums, so the table's misses of a step's
    // previous-tag features (prefetched by the step before) overlap the next position's sums.
    // Per position: the previous-tag rows are looked up (their slots prefetched at the end of
    // the position before, ahead of its resolve()) and prefetched, the static sum is made while
    // they arrive, then the beam steps and prefetches the next position's slots.
    workspace.static_scores.resize(count * n_tags);
    start_beam(count, workspace);
    for (std::size_t i = 0; i < count; ++i) {
      find_word_history(workspace);
      static_sum(i, &workspace.static_scores[i * n_tags]);
      beam_step(i, count, workspace);
      prefetch_slots(i + 2);
      resolve(i + 1, next);
      std::swap(current, next);
    }
    finish_beam(count, workspace, tags_out, confidence_out);
    return;
  }
  std::uint64_t dynamic[kDynamicFeatureCount];
  const auto prefetch_dynamic = [&](std::size_t i, std::uint32_t previous,
                                    std::uint32_t before_previous) {
    if (i >= count) return;
    dynamic_features(fb, i, previous, before_previous, dynamic);
    for (const std::uint64_t key : dynamic) __builtin_prefetch(&slots_[home(key)]);
  };
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
    static_sum(i, scores.data());
    for (std::size_t k = 0; k < dynamic_found; ++k) add_row(scores.data(), dynamic_rows[k]);
    std::uint32_t best = kNoTag;
    for (std::uint32_t t = 0; t < n_tags; ++t) {
      if (!transitions_.allowed(prev, t)) continue;
      if (best == kNoTag || scores[t] > scores[best]) best = t;
    }
    if (best == kNoTag) best = 0;  // no allowed tag: cannot happen for a consistent scheme
    if (i + 1 == count) best = transitions_.closing(best);
    prefetch_dynamic(i + 1, best, prev);
    if (confidence_out != nullptr) (*confidence_out)[i] = probability(scores.data(), best, prev);
    tags_out[i] = static_cast<std::uint16_t>(best);
    prev2 = prev;
    prev = best;
    std::swap(current, next);
  }
}

float TaggerModel::probability(const std::int32_t* scores, std::uint32_t tag,
                               std::uint32_t previous) const {
  // Softmax of the chosen tag; tags more than 16 nats below it add under 1e-7 each.
  float total = 0;
  const float top = static_cast<float>(scores[tag]) * scale_;
  for (std::uint32_t t = 0; t < tags_.size(); ++t) {
    const float gap = static_cast<float>(scores[t]) * scale_ - top;
    if (gap > -16.0f && transitions_.allowed(previous, t)) total += std::exp(gap);
  }
  return total > 0 ? 1.0f / total : 1.0f;
}

namespace {
// A tag's state index in the tables of previous tags: the tag, or the tag count before the
// sentence (kNoTag).
inline std::size_t state_of(std::uint32_t tag, std::size_t tag_count) {
  return tag == kNoTag ? tag_count : tag;
}
}  // namespace

void TaggerModel::start_beam(std::size_t count, TaggerWorkspace& workspace) const {
  const std::size_t states = tags_.size() + 1;
  if (workspace.steps.size() < count) workspace.steps.resize(count);
  workspace.word_history_rows.resize(states * kWordHistoryFeatureCount);
  workspace.word_history_position.assign(states, 0);
  workspace.beam_start.assign(1, BeamItem{});
  prefetch_word_history(0, workspace);
}

void TaggerModel::prefetch_word_history(std::size_t i, TaggerWorkspace& workspace) const {
  const std::vector<BeamItem>& before = i == 0 ? workspace.beam_start : workspace.steps[i - 1];
  workspace.word_history_keys.clear();
  workspace.word_history_states.clear();
  for (const BeamItem& item : before) {
    const std::size_t state = state_of(item.tag, tags_.size());
    if (workspace.word_history_position[state] == i + 1) continue;
    workspace.word_history_position[state] = i + 1;
    std::uint64_t keys[kWordHistoryFeatureCount];
    word_history_features(workspace.features, i, item.tag, keys);
    for (const std::uint64_t key : keys) {
      __builtin_prefetch(&slots_[home(key)]);
      workspace.word_history_keys.push_back(key);
    }
    workspace.word_history_states.push_back(state);
  }
}

void TaggerModel::find_word_history(TaggerWorkspace& workspace) const {
  for (std::size_t d = 0; d < workspace.word_history_states.size(); ++d) {
    for (std::size_t k = 0; k < kWordHistoryFeatureCount; ++k) {
      const std::int16_t* r = row(workspace.word_history_keys[d * kWordHistoryFeatureCount + k]);
      if (r != nullptr) __builtin_prefetch(r);
      workspace.word_history_rows[workspace.word_history_states[d] * kWordHistoryFeatureCount + k] =
          r;
    }
  }
}

void TaggerModel::history_scores(const std::int32_t* statics, std::uint32_t previous,
                                 std::uint32_t before_previous,
                                 const std::int16_t* const* word_rows, std::int32_t* out) const {
  const std::size_t n_tags = tags_.size();
  std::copy_n(statics, n_tags, out);
  const std::size_t history =
      state_of(previous, n_tags) * (n_tags + 1) + state_of(before_previous, n_tags);
  for (std::size_t k = 0; k < kTagHistoryFeatureCount; ++k) {
    const std::uint32_t at = history_rows_[history * kTagHistoryFeatureCount + k];
    if (at != kNoRow) add_weights(out, &weights_[at], n_tags);
  }
  for (std::size_t k = 0; k < kWordHistoryFeatureCount; ++k) {
    if (word_rows[k] != nullptr) add_weights(out, word_rows[k], n_tags);
  }
}

void TaggerModel::beam_step(std::size_t i, std::size_t count, TaggerWorkspace& workspace) const {
  const std::size_t n_tags = tags_.size();
  const std::vector<BeamItem>& before = i == 0 ? workspace.beam_start : workspace.steps[i - 1];
  const std::vector<const std::int16_t*>& word_rows = workspace.word_history_rows;
  std::vector<std::int32_t>& scores = workspace.scores;
  const std::int32_t* statics = &workspace.static_scores[i * n_tags];
  extend_beam(
      before, n_tags, transitions_, beam_, i + 1 == count,
      [&](std::size_t b, std::vector<double>& out) {
        const std::size_t previous = state_of(before[b].tag, n_tags);
        history_scores(statics, before[b].tag, before[b].previous,
                       &word_rows[previous * kWordHistoryFeatureCount], scores.data());
        for (std::size_t t = 0; t < n_tags; ++t) out[t] = scores[t];
      },
      workspace.item_scores, workspace.steps[i]);
  if (i + 1 < count) prefetch_word_history(i + 1, workspace);
}

void TaggerModel::finish_beam(std::size_t count, TaggerWorkspace& workspace,
                              std::vector<std::uint16_t>& tags_out,
                              std::vector<float>* confidence_out) const {
  const std::size_t n_tags = tags_.size();
  const std::vector<std::vector<BeamItem>>& steps = workspace.steps;
  // The best path, read back from the last step; per position, the two tags before it.
  std::vector<std::uint32_t>& previous = workspace.path_previous;
  previous.assign(2 * count, kNoTag);
  for (std::size_t i = count, item = 0; i-- > 0;) {
    const BeamItem& chosen = steps[i][item];
    tags_out[i] = static_cast<std::uint16_t>(chosen.tag);
    previous[2 * i] = chosen.previous;
    if (i > 0) previous[2 * i + 1] = steps[i - 1][chosen.parent].previous;
    item = chosen.parent;
  }
  if (confidence_out == nullptr) return;
  // Each position's scores again under the chosen path, its features looked up in two sweeps
  // (slots, then rows) so their misses overlap.
  std::vector<std::uint64_t>& keys = workspace.word_history_keys;
  keys.resize(count * kWordHistoryFeatureCount);
  for (std::size_t i = 0; i < count; ++i) {
    word_history_features(workspace.features, i, previous[2 * i],
                          &keys[i * kWordHistoryFeatureCount]);
    for (std::size_t k = 0; k < kWordHistoryFeatureCount; ++k)
      __builtin_prefetch(&slots_[home(keys[i * kWordHistoryFeatureCount + k])]);
  }
  std::vector<const std::int16_t*>& rows = workspace.path_rows;
  rows.resize(keys.size());
  for (std::size_t f = 0; f < keys.size(); ++f) {
    rows[f] = row(keys[f]);
    if (rows[f] != nullptr) __builtin_prefetch(rows[f]);
  }
  std::vector<std::int32_t>& scores = workspace.scores;
  for (std::size_t i = 0; i < count; ++i) {
    history_scores(&workspace.static_scores[i * n_tags], previous[2 * i], previous[2 * i + 1],
                   &rows[i * kWordHistoryFeatureCount], scores.data());
    (*confidence_out)[i] = probability(scores.data(), tags_out[i], previous[2 * i]);
  }
}

std::string TaggerModel::serialize() const {
  std::string out(kMagic);
  const std::uint32_t flags =
      (document_memory_ ? kFlagDocumentMemory : 0u) | (beam_ > 1 ? kFlagBeam : 0u);
  put_u32(out, flags != 0 ? kModelFormatWithFlags : kModelFormatVersion);
  put_str(out, kind_);
  put_u32(out, kFeatureTemplateVersion);
  if (flags != 0) put_u32(out, flags);
  if ((flags & kFlagBeam) != 0) put_u32(out, static_cast<std::uint32_t>(beam_));
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
  if ((flags & ~(kFlagDocumentMemory | kFlagBeam)) != 0)
    throw InputError(source, "unknown model flags " + std::to_string(flags) + ": retrain it");
  const auto beam = (flags & kFlagBeam) != 0 ? static_cast<std::size_t>(in.uint(4)) : 1u;
  if (beam < 1 || beam > kMaxBeam)
    throw InputError(source, "bad beam width " + std::to_string(beam));
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
  model.beam_ = beam;
  return model;
}

}  // namespace skein::learn
