#include "parse/SparsePerceptron.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace skein::parse {
namespace {

template <typename T>
void put(std::string& out, T value) {
  char bytes[sizeof(T)];
  std::memcpy(bytes, &value, sizeof(T));  // the build targets little-endian machines only
  out.append(bytes, sizeof(T));
}

template <typename T>
bool take(std::string_view& in, T& value) {
  if (in.size() < sizeof(T)) return false;
  std::memcpy(&value, in.data(), sizeof(T));
  in.remove_prefix(sizeof(T));
  return true;
}

template <typename T>
bool take_array(std::string_view& in, std::vector<T>& values, std::size_t count) {
  if (count > in.size() / sizeof(T)) return false;
  values.resize(count);
  if (count > 0) std::memcpy(values.data(), in.data(), count * sizeof(T));
  in.remove_prefix(count * sizeof(T));
  return true;
}

}  // namespace

std::uint64_t feature_hash(std::uint64_t seed, std::string_view text) {
  std::uint64_t h = 1469598103934665603ULL ^ (seed * 0x9E3779B97F4A7C15ULL);
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return feature_mix(h, seed);
}

std::uint64_t feature_mix(std::uint64_t a, std::uint64_t b) {
  std::uint64_t h = a ^ (b + 0x9E3779B97F4A7C15ULL + (a << 6) + (a >> 2));
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDULL;
  h ^= h >> 33;
  return h;
}

void PerceptronModel::build_index() {
  std::size_t size = 16;
  while (size < 2 * keys_.size()) size *= 2;
  slots_.assign(size, Slot{});
  const std::size_t mask = size - 1;
  for (std::size_t row = 0; row < keys_.size(); ++row) {
    std::size_t slot = keys_[row] & mask;
    while (slots_[slot].row != kEmpty) slot = (slot + 1) & mask;
    slots_[slot] = Slot{keys_[row], static_cast<std::uint32_t>(row)};
  }
}

void PerceptronModel::score(std::span<const std::uint64_t> features,
                            std::span<float> scores) const {
  if (slots_.empty()) return;
  const std::size_t mask = slots_.size() - 1;
  for (std::uint64_t f : features) {
    std::size_t slot = f & mask;
    while (slots_[slot].row != kEmpty && slots_[slot].key != f) slot = (slot + 1) & mask;
    const std::uint32_t row = slots_[slot].row;
    if (row == kEmpty) continue;
    for (std::uint32_t i = offsets_[row]; i < offsets_[row + 1]; ++i) {
      scores[classes_[i]] += weights_[i];
    }
  }
}

PerceptronModel PerceptronModel::pruned(float min_weight) const {
  PerceptronModel m;
  m.class_count_ = class_count_;
  m.offsets_.push_back(0);
  for (std::size_t row = 0; row < keys_.size(); ++row) {
    const std::size_t before = m.classes_.size();
    for (std::uint32_t i = offsets_[row]; i < offsets_[row + 1]; ++i) {
      if (std::fabs(weights_[i]) < min_weight) continue;
      m.classes_.push_back(classes_[i]);
      m.weights_.push_back(weights_[i]);
    }
    if (m.classes_.size() == before) continue;
    m.keys_.push_back(keys_[row]);
    m.offsets_.push_back(static_cast<std::uint32_t>(m.classes_.size()));
  }
  m.build_index();
  return m;
}

void PerceptronModel::write(std::string& out) const {
  put<std::uint32_t>(out, static_cast<std::uint32_t>(class_count_));
  put<std::uint64_t>(out, keys_.size());
  put<std::uint64_t>(out, classes_.size());
  out.append(reinterpret_cast<const char*>(keys_.data()), keys_.size() * sizeof(std::uint64_t));
  out.append(reinterpret_cast<const char*>(offsets_.data()),
             offsets_.size() * sizeof(std::uint32_t));
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
  for (std::uint16_t c : m.classes_) {
    if (c >= classes) return false;
  }
  for (float w : m.weights_) {
    if (!std::isfinite(w)) return false;
  }
  m.build_index();
  *this = std::move(m);
  return true;
}

PerceptronTrainer::PerceptronTrainer(std::size_t class_count) : class_count_(class_count) {}

void PerceptronTrainer::score(std::span<const std::uint64_t> features,
                              std::span<float> scores) const {
  for (std::uint64_t f : features) {
    const auto it = rows_.find(f);
    if (it == rows_.end()) continue;
    for (const auto& [c, cell] : it->second) scores[c] += cell.weight;
  }
}

void PerceptronTrainer::update(std::span<const std::uint64_t> features, std::size_t truth,
                               std::size_t guess) {
  if (truth == guess) return;
  auto bump = [this](std::vector<std::pair<std::uint16_t, Cell>>& row, std::size_t c, float delta) {
    auto it = std::find_if(row.begin(), row.end(), [c](const auto& p) { return p.first == c; });
    if (it == row.end()) {
      row.emplace_back(static_cast<std::uint16_t>(c), Cell{0, 0, clock_});
      it = row.end() - 1;
    }
    Cell& cell = it->second;
    cell.total += static_cast<double>(cell.weight) * static_cast<double>(clock_ - cell.stamp);
    cell.stamp = clock_;
    cell.weight += delta;
  };
  for (std::uint64_t f : features) {
    auto& row = rows_[f];
    bump(row, truth, 1.0f);
    bump(row, guess, -1.0f);
  }
}

PerceptronModel PerceptronTrainer::average(float min_weight) const {
  PerceptronModel m;
  m.class_count_ = class_count_;
  std::vector<std::uint64_t> keys;
  keys.reserve(rows_.size());
  for (const auto& [f, row] : rows_) keys.push_back(f);
  std::sort(keys.begin(), keys.end());  // determinism: the hash map's order is not stable
  const double ticks = clock_ == 0 ? 1.0 : static_cast<double>(clock_);
  m.offsets_.push_back(0);
  std::vector<std::pair<std::uint16_t, float>> cells;
  for (std::uint64_t f : keys) {
    cells.clear();
    for (const auto& [c, cell] : rows_.at(f)) {
      const double total =
          cell.total + static_cast<double>(cell.weight) * static_cast<double>(clock_ - cell.stamp);
      const auto average = static_cast<float>(total / ticks);
      if (std::fabs(average) >= min_weight) cells.emplace_back(c, average);
    }
    if (cells.empty()) continue;
    std::sort(cells.begin(), cells.end());
    m.keys_.push_back(f);
    for (const auto& [c, w] : cells) {
      m.classes_.push_back(c);
      m.weights_.push_back(w);
    }
    m.offsets_.push_back(static_cast<std::uint32_t>(m.classes_.size()));
  }
  m.build_index();
  return m;
}

}  // namespace skein::parse
