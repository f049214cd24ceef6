#include "learn/SparsePerceptron.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "learn/ModelBytes.h"

namespace skein::learn {

using bytes::put;
using bytes::take;
using bytes::take_array;

void PerceptronModel::build_index() {
  std::size_t size = 16;
  while (2 * size < 3 * keys_.size()) size *= 2;  // 1/3 to 2/3 full: a smaller table misses the
  // cache less often than its longer probes (mostly within one cache line) cost
  slots_.assign(size, Slot{});
  const std::size_t mask = size - 1;
  // Dense rows need kDenseRow free as a marker: no cell range may end there.
  const bool dense = class_count_ <= kDenseClassLimit && weights_.size() < kDenseRow;
  dense_width_ = dense ? (class_count_ + 7) / 8 * 8 : 0;
  dense_.clear();
  constexpr std::size_t kAhead = 8;  // slots prefetched ahead: the inserts' misses overlap
  for (std::size_t row = 0; row < keys_.size(); ++row) {
    if (row + kAhead < keys_.size()) __builtin_prefetch(&slots_[keys_[row + kAhead] & mask], 1);
    std::size_t slot = keys_[row] & mask;
    while (slots_[slot].begin != kEmpty) slot = (slot + 1) & mask;
    slots_[slot] = Slot{keys_[row], offsets_[row], offsets_[row + 1]};
    if (dense && offsets_[row + 1] - offsets_[row] >= kDenseRowCells &&
        dense_.size() + dense_width_ < kDenseRow) {
      const std::size_t at = dense_.size();
      dense_.resize(at + dense_width_, 0.0f);
      for (std::uint32_t i = offsets_[row]; i < offsets_[row + 1]; ++i)
        dense_[at + classes_[i]] = weights_[i];
      slots_[slot] = Slot{keys_[row], static_cast<std::uint32_t>(at), kDenseRow};
    }
  }
  byte_classes_.clear();
  if (class_count_ <= kByteClassLimit) {
    byte_classes_.reserve(classes_.size());
    for (const std::uint16_t c : classes_) byte_classes_.push_back(static_cast<std::uint8_t>(c));
  }
}

namespace {

// sums[c] += row[c] for every c < width. On x86-64 with GCC or Clang it is also compiled for
// AVX2 (8 floats an instruction instead of SSE2's 4), picked at load time when the CPU has it;
// the same additions, so the same sums.
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
__attribute__((target_clones("avx2", "default")))
#endif
void add_dense(float* sums, const float* row, std::size_t width) {
  for (std::size_t c = 0; c < width; ++c) sums[c] += row[c];
}

}  // namespace

template <typename ClassIndex>
void PerceptronModel::add_rows(const ClassIndex* classes, const std::uint32_t* begins,
                               const std::uint32_t* ends, std::size_t rows, float* scores) const {
  const float* weights = weights_.data();
  for (std::size_t k = 0; k < rows; ++k) {
    if (ends[k] == kDenseRow) {
      add_dense(scores, &dense_[begins[k]], dense_width_);
      continue;
    }
    for (std::uint32_t i = begins[k]; i < ends[k]; ++i) scores[classes[i]] += weights[i];
  }
}

void PerceptronModel::score(std::span<const std::uint64_t> features,
                            std::span<float> scores) const {
  if (slots_.empty()) return;
  const std::size_t mask = slots_.size() - 1;
  // Scoring is bound by memory latency (a parser model is megabytes of scattered rows), so each
  // chunk of features goes in two stages, each prefetching what the next one reads: the slots,
  // then the cells they point at. The additions keep the features' order, so the scores are
  // the same as one feature at a time.
  const bool byte_classes = !byte_classes_.empty();
  // With dense rows, the sums gather in a buffer padded to whole vectors of classes.
  alignas(64) float padded[kDenseClassLimit];
  float* sums = scores.data();
  if (dense_width_ > 0) {
    std::copy_n(scores.begin(), class_count_, padded);
    std::fill(padded + class_count_, padded + dense_width_, 0.0f);
    sums = padded;
  }
  constexpr std::size_t kChunk = 128;
  std::uint32_t begins[kChunk], ends[kChunk];
  for (std::size_t from = 0; from < features.size(); from += kChunk) {
    const std::size_t to = std::min(features.size(), from + kChunk);
    for (std::size_t k = from; k < to; ++k) __builtin_prefetch(&slots_[features[k] & mask]);
    std::size_t found = 0;
    for (std::size_t k = from; k < to; ++k) {
      const std::uint64_t f = features[k];
      std::size_t slot = f & mask;
      while (slots_[slot].begin != kEmpty && slots_[slot].key != f) slot = (slot + 1) & mask;
      if (slots_[slot].begin == kEmpty) continue;
      begins[found] = slots_[slot].begin;
      ends[found] = slots_[slot].end;
      if (ends[found] == kDenseRow) {
        __builtin_prefetch(&dense_[begins[found]]);
        ++found;
        continue;
      }
      if (byte_classes) {
        __builtin_prefetch(&byte_classes_[begins[found]]);
      } else {
        __builtin_prefetch(&classes_[begins[found]]);
      }
      __builtin_prefetch(&weights_[begins[found]]);
      ++found;
    }
    if (byte_classes) {
      add_rows(byte_classes_.data(), begins, ends, found, sums);
    } else {
      add_rows(classes_.data(), begins, ends, found, sums);
    }
  }
  if (sums != scores.data()) std::copy_n(sums, class_count_, scores.begin());
}

PerceptronModel PerceptronModel::pruned(float min_weight) const {
  PerceptronModel m;
  m.class_count_ = class_count_;
  m.offsets_.push_back(0);
  for (std::size_t row = 0; row < keys_.size(); ++row) {
    const std::size_t before = m.weights_.size();
    for (std::uint32_t i = offsets_[row]; i < offsets_[row + 1]; ++i) {
      if (std::fabs(weights_[i]) < min_weight) continue;
      m.classes_.push_back(classes_[i]);
      m.weights_.push_back(weights_[i]);
    }
    if (m.weights_.size() == before) continue;
    m.keys_.push_back(keys_[row]);
    m.offsets_.push_back(static_cast<std::uint32_t>(m.weights_.size()));
  }
  m.build_index();
  return m;
}

void PerceptronModel::write(std::string& out) const {
  put<std::uint32_t>(out, static_cast<std::uint32_t>(class_count_));
  put<std::uint64_t>(out, keys_.size());
  put<std::uint64_t>(out, weights_.size());
  out.append(reinterpret_cast<const char*>(keys_.data()), keys_.size() * sizeof(std::uint64_t));
  out.append(reinterpret_cast<const char*>(offsets_.data()),
             offsets_.size() * sizeof(std::uint32_t));
  // The file keeps the classes, then the weights (the layout of model format 2).
  out.append(reinterpret_cast<const char*>(classes_.data()),
             classes_.size() * sizeof(std::uint16_t));
  out.append(reinterpret_cast<const char*>(weights_.data()), weights_.size() * sizeof(float));
}

bool PerceptronModel::read(std::string_view& in) {
  std::uint32_t classes = 0;
  std::uint64_t keys = 0, cells = 0;
  if (!take(in, classes) || !take(in, keys) || !take(in, cells)) return false;
  if (classes == 0 || classes > 65535 || cells > 0xFFFFFFFFULL) return false;
  PerceptronModel m;
  m.class_count_ = classes;
  if (!take_array(in, m.keys_, keys) || !take_array(in, m.offsets_, keys + 1) ||
      !take_array(in, m.classes_, cells) || !take_array(in, m.weights_, cells)) {
    return false;
  }
  // Consistency: offsets rise from 0 to cells, keys ascend, classes are in range.
  if (m.offsets_.front() != 0 || m.offsets_.back() != cells) return false;
  for (std::size_t i = 0; i + 1 < m.offsets_.size(); ++i) {
    if (m.offsets_[i] > m.offsets_[i + 1]) return false;
  }
  for (std::size_t i = 1; i < m.keys_.size(); ++i) {
    if (m.keys_[i - 1] >= m.keys_[i]) return false;
  }
  for (std::size_t i = 0; i < cells; ++i) {
    if (m.classes_[i] >= classes || !std::isfinite(m.weights_[i])) return false;
  }
  m.build_index();
  *this = std::move(m);
  return true;
}

PerceptronTrainer::PerceptronTrainer(std::size_t class_count)
    : class_count_(class_count), dense_(class_count <= kDenseClassLimit) {}

void PerceptronTrainer::bump(float& weight, double& total, std::uint64_t& stamp, float delta,
                             std::uint64_t clock) {
  if (stamp != kNever) {
    total += static_cast<double>(weight) * static_cast<double>(clock - stamp);
  }
  stamp = clock;
  weight += delta;
}

double PerceptronTrainer::averaged_total(float weight, double total, std::uint64_t stamp,
                                         std::uint64_t clock) {
  return total + static_cast<double>(weight) * static_cast<double>(clock - stamp);
}

void PerceptronTrainer::score(std::span<const std::uint64_t> features,
                              std::span<float> scores) const {
  if (dense_) {
    for (std::uint64_t f : features) {
      const auto it = dense_rows_.find(f);
      if (it == dense_rows_.end()) continue;
      const float* weights = &dense_weight_[static_cast<std::size_t>(it->second) * class_count_];
      for (std::size_t c = 0; c < class_count_; ++c) scores[c] += weights[c];
    }
    return;
  }
  for (std::uint64_t f : features) {
    const auto it = rows_.find(f);
    if (it == rows_.end()) continue;
    for (const auto& [c, cell] : it->second) scores[c] += cell.weight;
  }
}

void PerceptronTrainer::update(std::span<const std::uint64_t> features, std::size_t truth,
                               std::size_t guess) {
  if (truth == guess) return;
  adjust(features, truth, 1.0f);
  adjust(features, guess, -1.0f);
}

void PerceptronTrainer::adjust(std::span<const std::uint64_t> features, std::size_t cls,
                               float delta) {
  if (dense_) {
    for (std::uint64_t f : features) {
      const auto [it, fresh] =
          dense_rows_.try_emplace(f, static_cast<std::uint32_t>(dense_rows_.size()));
      if (fresh) {
        dense_weight_.resize(dense_weight_.size() + class_count_, 0.0f);
        dense_total_.resize(dense_total_.size() + class_count_, 0.0);
        dense_stamp_.resize(dense_stamp_.size() + class_count_, kNever);
      }
      const std::size_t at = static_cast<std::size_t>(it->second) * class_count_ + cls;
      bump(dense_weight_[at], dense_total_[at], dense_stamp_[at], delta, clock_);
    }
    return;
  }
  for (std::uint64_t f : features) {
    auto& row = rows_[f];
    auto it = std::find_if(row.begin(), row.end(), [cls](const auto& p) { return p.first == cls; });
    if (it == row.end()) {
      row.emplace_back(static_cast<std::uint16_t>(cls), Cell{});
      it = row.end() - 1;
    }
    bump(it->second.weight, it->second.total, it->second.stamp, delta, clock_);
  }
}

void PerceptronTrainer::for_each_average(const AverageVisitor& visit) const {
  std::vector<std::uint64_t> keys;
  if (dense_) {
    keys.reserve(dense_rows_.size());
    for (const auto& [f, row] : dense_rows_) keys.push_back(f);
  } else {
    keys.reserve(rows_.size());
    for (const auto& [f, row] : rows_) keys.push_back(f);
  }
  std::sort(keys.begin(), keys.end());  // determinism: the hash map's order is not stable
  const double ticks = clock_ == 0 ? 1.0 : static_cast<double>(clock_);
  std::vector<std::pair<std::uint16_t, double>> cells;
  for (std::uint64_t f : keys) {
    cells.clear();
    if (dense_) {
      const std::size_t row = static_cast<std::size_t>(dense_rows_.at(f)) * class_count_;
      for (std::size_t c = 0; c < class_count_; ++c) {
        const std::size_t i = row + c;
        if (dense_stamp_[i] == kNever) continue;
        cells.emplace_back(
            static_cast<std::uint16_t>(c),
            averaged_total(dense_weight_[i], dense_total_[i], dense_stamp_[i], clock_) / ticks);
      }
    } else {
      for (const auto& [c, cell] : rows_.at(f)) {
        cells.emplace_back(c, averaged_total(cell.weight, cell.total, cell.stamp, clock_) / ticks);
      }
      std::sort(cells.begin(), cells.end(),
                [](const auto& a, const auto& b) { return a.first < b.first; });
    }
    visit(f, cells);
  }
}

PerceptronModel PerceptronTrainer::average(float min_weight) const {
  PerceptronModel m;
  m.class_count_ = class_count_;
  m.offsets_.push_back(0);
  for_each_average([&](std::uint64_t f, std::span<const std::pair<std::uint16_t, double>> cells) {
    const std::size_t before = m.weights_.size();
    for (const auto& [c, weight] : cells) {
      const auto average = static_cast<float>(weight);
      if (std::fabs(average) < min_weight) continue;
      m.classes_.push_back(c);
      m.weights_.push_back(average);
    }
    if (m.weights_.size() == before) return;
    m.keys_.push_back(f);
    m.offsets_.push_back(static_cast<std::uint32_t>(m.weights_.size()));
  });
  m.build_index();
  return m;
}

}  // namespace skein::learn
