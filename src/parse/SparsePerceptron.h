#pragma once
// A multiclass averaged perceptron over hashed sparse features, in two forms:
//  - PerceptronTrainer: mutable weights with the running sums that averaging needs (Collins
//    2002; the lazy "timestamp" form, so an update costs O(features), not O(weights)).
//  - PerceptronModel: the averaged weights, frozen, pruned and stored compactly for scoring:
//    a sorted table of feature hashes, each pointing at the few (class, weight) pairs the
//    feature ever scored, found through an open-addressing index. Most features only ever meet a
//    handful of classes, so this is far smaller than dense rows when there are many classes
//    (labelled parser transitions).
//
// Features are 64-bit hashes (see feature_hash); the caller builds them. Scores are added
// into a caller-owned array of class_count() floats, so scoring allocates nothing.
//
// Thread-safety: a PerceptronModel is immutable after construction and may be shared by any
// number of threads. A PerceptronTrainer is single-threaded.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace skein::parse {

// FNV-1a over the bytes, then mixed; `seed` separates feature templates.
std::uint64_t feature_hash(std::uint64_t seed, std::string_view text);
// Combines two hashes (template conjunctions).
std::uint64_t feature_mix(std::uint64_t a, std::uint64_t b);

class PerceptronModel {
 public:
  PerceptronModel() = default;

  std::size_t class_count() const { return class_count_; }
  std::size_t feature_count() const { return keys_.size(); }
  // Adds every feature's weights into scores[0 .. class_count()).
  void score(std::span<const std::uint64_t> features, std::span<float> scores) const;

  // A copy without the weights whose magnitude is below `min_weight` (and without features
  // left with none): smaller, at some cost in accuracy.
  PerceptronModel pruned(float min_weight) const;

  // Appends the model to `out` in a portable little-endian layout, and reads it back from
  // `in` (advancing it). read() returns false on a truncated or inconsistent layout.
  void write(std::string& out) const;
  bool read(std::string_view& in);

 private:
  friend class PerceptronTrainer;
  void build_index();  // fills slots_ from keys_

  struct Slot {
    std::uint64_t key = 0;
    std::uint32_t row = kEmpty;
  };
  static constexpr std::uint32_t kEmpty = 0xFFFFFFFFu;

  std::size_t class_count_ = 0;
  std::vector<Slot> slots_;             // open addressing over keys_, at most half full
  std::vector<std::uint64_t> keys_;     // sorted feature hashes
  std::vector<std::uint32_t> offsets_;  // keys_.size() + 1 offsets into classes_/weights_
  std::vector<std::uint16_t> classes_;
  std::vector<float> weights_;
};

class PerceptronTrainer {
 public:
  explicit PerceptronTrainer(std::size_t class_count);

  std::size_t class_count() const { return class_count_; }
  // Scores with the current (not averaged) weights.
  void score(std::span<const std::uint64_t> features, std::span<float> scores) const;
  // One perceptron step: +1 to `truth`, -1 to `guess` for every feature. Call tick() once per
  // training decision (example), whether or not it updated.
  void update(std::span<const std::uint64_t> features, std::size_t truth, std::size_t guess);
  void tick() { ++clock_; }

  // The averaged weights; weights whose magnitude is below `min_weight` are pruned.
  PerceptronModel average(float min_weight) const;

 private:
  struct Cell {
    float weight = 0;
    double total = 0;         // sum of the weight over all ticks up to `stamp`
    std::uint64_t stamp = 0;  // clock when `total` was last brought up to date
  };
  std::size_t class_count_;
  std::uint64_t clock_ = 0;
  std::unordered_map<std::uint64_t, std::vector<std::pair<std::uint16_t, Cell>>> rows_;
};

}  // namespace skein::parse
