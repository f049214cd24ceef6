#pragma once
// The multiclass averaged perceptron that both learned components train (the taggers here, the
// dependency parser in parse/), over hashed sparse features, in two forms:
//  - PerceptronTrainer: mutable weights with the running sums that averaging needs (Collins
//    2002; the lazy "timestamp" form, so an update costs O(features), not O(weights)).
//  - PerceptronModel: the averaged weights, frozen, pruned and stored compactly for scoring:
//    a sorted table of feature hashes, each pointing at the few (class, weight) pairs the
//    feature ever scored, found through an open-addressing index. Most features only ever meet a
//    handful of classes, so this is far smaller than dense rows when there are many classes
//    (labelled parser transitions).
//
// Features are 64-bit hashes; the caller builds them (learn/Features.h for the taggers,
// parse/ArcEager.h for the parser). Scores are added into a caller-owned array of
// class_count() floats, so scoring allocates nothing.
//
// Thread-safety: a PerceptronModel is immutable after construction and may be shared by any
// number of threads. A PerceptronTrainer is single-threaded.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/LargeTable.h"

namespace skein::learn {

class PerceptronModel {
 public:
  PerceptronModel() = default;

  std::size_t class_count() const { return class_count_; }
  std::size_t feature_count() const { return keys_.size(); }
  // Adds every feature's weights into scores[0 .. class_count()), in the features' order (so
  // the sums are exactly those of adding one feature after the other; a score of -0.0 may
  // come back as +0.0).
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

  // A slot holds its row's cell range itself, so scoring a feature reads the slot, then the
  // row's cells.
  struct Slot {
    std::uint64_t key = 0;
    std::uint32_t begin = kEmpty;  // cells [begin, end) are the row's; kEmpty: a free slot
    std::uint32_t end = 0;         // kDenseRow: the row is dense_[begin, begin + dense_width_)
  };
  static constexpr std::uint32_t kEmpty = 0xFFFFFFFFu;
  static constexpr std::uint32_t kDenseRow = 0xFFFFFFFEu;
  // Up to this many classes, scoring reads each cell's class from byte_classes_: 5 bytes a
  // cell instead of 6 (the parser, at 104 classes, is bound by reading cells).
  static constexpr std::size_t kByteClassLimit = 256;
  // Up to this many classes, a row of at least kDenseRowCells cells is also kept dense (zero
  // for the classes it lacks) and added as whole vectors, with no per-cell address: the
  // parser's most frequent features (tags, frequent words) have rows of 16 to 61 cells, most
  // of the cells it adds. Adding 0 leaves a sum unchanged, so the scores stay the same.
  static constexpr std::size_t kDenseClassLimit = 128;
  static constexpr std::uint32_t kDenseRowCells = 16;

  template <typename ClassIndex>
  void add_rows(const ClassIndex* classes, const std::uint32_t* begins, const std::uint32_t* ends,
                std::size_t rows, float* scores) const;

  std::size_t class_count_ = 0;
  LargeTable<Slot> slots_;              // open addressing over keys_, at most 2/3 full
  std::vector<std::uint64_t> keys_;     // sorted feature hashes
  std::vector<std::uint32_t> offsets_;  // keys_.size() + 1 offsets into the cells
  // The cells, one (class, weight) pair per index, in two arrays (as the file stores them).
  std::vector<std::uint16_t> classes_;
  LargeTable<float> weights_;
  // classes_ narrowed to bytes when class_count_ <= kByteClassLimit (else empty); built with
  // slots_.
  LargeTable<std::uint8_t> byte_classes_;
  // The dense rows (see kDenseRowCells), dense_width_ floats each: class_count_ rounded up to
  // a multiple of 8. Built with slots_.
  LargeTable<float> dense_;
  std::size_t dense_width_ = 0;
};

class PerceptronTrainer {
 public:
  explicit PerceptronTrainer(std::size_t class_count);

  std::size_t class_count() const { return class_count_; }
  // Features updated so far (those for_each_average visits).
  std::size_t feature_count() const { return dense_ ? dense_rows_.size() : rows_.size(); }
  // Scores with the current (not averaged) weights.
  void score(std::span<const std::uint64_t> features, std::span<float> scores) const;
  // One perceptron step: +1 to `truth`, -1 to `guess` for every feature. Call tick() once per
  // training decision (example), whether or not it updated.
  void update(std::span<const std::uint64_t> features, std::size_t truth, std::size_t guess);
  // Adds `delta` to class `cls` of every feature: one side of a structured update, whose gold
  // and predicted sequences may differ in features (the tag history), not just in class.
  void adjust(std::span<const std::uint64_t> features, std::size_t cls, float delta);
  void tick() { ++clock_; }

  // The averaged weights; weights whose magnitude is below `min_weight` are pruned.
  PerceptronModel average(float min_weight) const;
  // Visits the averaged weights at full precision, for callers that store them their own way
  // (the tagger quantises them): features in ascending hash order, each with the classes it
  // ever updated, in ascending class order. A class absent from a feature's list has weight 0.
  // The average is over the ticks so far (at least one).
  using AverageVisitor = std::function<void(
      std::uint64_t feature, std::span<const std::pair<std::uint16_t, double>> class_weights)>;
  void for_each_average(const AverageVisitor& visit) const;

 private:
  // Two layouts under the same arithmetic (bump, averaged_total), chosen by the class count:
  //  - dense, for at most kDenseClassLimit classes (the taggers): one row of class_count cells
  //    per feature, each field in its own array, so scoring adds contiguous floats;
  //  - sparse, for more (the parser's labelled transitions): per feature, the (class, cell)
  //    pairs it ever updated.
  // Both give the same scores and the same averages.
  static constexpr std::size_t kDenseClassLimit = 64;
  static constexpr std::uint64_t kNever = ~std::uint64_t{0};  // stamp of a cell never updated

  struct Cell {
    float weight = 0;
    double total = 0;              // sum of the weight over all ticks up to `stamp`
    std::uint64_t stamp = kNever;  // clock when `total` was last brought up to date
  };
  // The lazy averaging (Collins 2002): bring `total` up to `clock`, then add `delta`.
  static void bump(float& weight, double& total, std::uint64_t& stamp, float delta,
                   std::uint64_t clock);
  // The sum of the weight over every tick up to `clock`.
  static double averaged_total(float weight, double total, std::uint64_t stamp,
                               std::uint64_t clock);

  std::size_t class_count_;
  bool dense_;
  std::uint64_t clock_ = 0;
  // dense
  std::unordered_map<std::uint64_t, std::uint32_t> dense_rows_;  // feature -> row
  std::vector<float> dense_weight_;                              // row * class_count_ + class
  std::vector<double> dense_total_;
  std::vector<std::uint64_t> dense_stamp_;
  // sparse
  std::unordered_map<std::uint64_t, std::vector<std::pair<std::uint16_t, Cell>>> rows_;
};

}  // namespace skein::learn
