#pragma once
// A trained sequence tagger: an averaged structured perceptron over hashed features (see
// Features.h), decoded greedily left to right with the two previous tags as features.
//
// Weights: each kept feature hash owns one contiguous row of per-tag weights, quantised to
// int16 with one scale for the whole model, in an open-addressing table keyed by the hash, so
// scoring a position is one probe and one row addition per feature, with no allocation.
//
// A model trained with a beam (TrainerOptions::beam > 1) is decoded with a beam of that width
// instead (learn/BeamSearch.h): the best whole tag path the beam finds.
//
// Tag sets in a BIO or BILOU scheme (tags "O", "B-X", "I-X", "L-X", "U-X") are decoded under
// their transition constraints: an I-X or L-X only continues a B-X or I-X, and a sentence
// never ends inside a name. Other tag sets (UPOS) are unconstrained.
//
// Model file (written by save(), little-endian):
//   "SKEINTAG" | u32 format version | str kind | u32 feature template version |
//   [format 2: u32 flags] | [flag kFlagBeam: u32 beam width] |
//   u32 tag count, str tag... | f32 scale | u64 row count | u64 key... (ascending) |
//   i16 weight... (row-major, tag count per row) | 64 hex digits: SHA-256 of all before
// where str = u32 byte length + bytes. The same weights always give the same bytes.
//
// Loading a missing, truncated, foreign (wrong magic), corrupt (checksum), out-of-date
// (format or template version) or wrong-kind file throws InputError naming the file and the
// reason on one line; it never crashes.
//
// Thread-safety: a loaded model is immutable; tag() is const and may run on any number of
// threads at once, each with its own TaggerWorkspace.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/LargeTable.h"
#include "learn/Features.h"

namespace skein::learn {

inline constexpr std::uint32_t kModelFormatVersion = 1;
// Format 2 adds a u32 of flags after the feature template version; a model without flags is
// still written as format 1 (so its bytes do not change).
inline constexpr std::uint32_t kModelFormatWithFlags = 2;
inline constexpr std::uint32_t kFlagDocumentMemory = 1;  // trained with a DocumentMemory
inline constexpr std::uint32_t kFlagBeam = 2;            // decoded with a beam (width follows)
inline constexpr std::size_t kMaxBeam = 64;              // the widest beam a model may have

// Where a model of `kind` lives under a data folder: "<data_dir>/models/<kind>.skm".
std::string default_model_path(const std::string& data_dir, std::string_view kind);

// The span label of each tag in a BILOU or BIO scheme ("B-PER" -> "PER"): an index into
// `labels`, which gets each label once in the order first seen, or -1 for a tag outside the
// scheme ("O", UPOS tags).
std::vector<std::int32_t> span_labels(const std::vector<std::string>& tags,
                                      std::vector<std::string>& labels);

// Which tag may follow which, derived from the tag names (see above).
class TagTransitions {
 public:
  TagTransitions() = default;
  explicit TagTransitions(const std::vector<std::string>& tags);
  // `previous` is kNoTag at the sentence start.
  bool allowed(std::uint32_t previous, std::uint32_t tag) const {
    if (size_ == 0) return true;
    return previous == kNoTag ? start_[tag] != 0 : allowed_[previous * size_ + tag] != 0;
  }
  // The tag to end a sentence with instead of `tag` (B-X -> U-X, I-X -> L-X in BILOU;
  // unchanged otherwise).
  std::uint32_t closing(std::uint32_t tag) const { return size_ == 0 ? tag : closing_[tag]; }

 private:
  std::size_t size_ = 0;  // 0 = unconstrained
  std::vector<std::uint8_t> allowed_;
  std::vector<std::uint8_t> start_;
  std::vector<std::uint32_t> closing_;
};

// A path of a beam search over tags (learn/BeamSearch.h), summed up by what decides its future:
// its score and its last two tags.
struct BeamItem {
  double score = 0;                 // the sum of the tag scores along the path
  std::uint32_t tag = kNoTag;       // the path's last tag (kNoTag: the start item)
  std::uint32_t previous = kNoTag;  // the tag before it
  std::uint32_t parent = 0;         // the item it extends, in the previous step's beam
  bool gold = false;                // training only: the path is the gold tags' prefix
};

// Scratch for tag(); one per thread, reused across sentences. It also caches, per distinct
// token (word and attributes), the summed weights of its token-local features, so frequent
// words cost a few lookups instead of a dozen: keep one workspace per model (using it with
// another model empties the cache).
struct TaggerWorkspace {
  FeatureBuffer features;
  std::vector<std::int32_t> scores;
  // The weight rows of a position's features: its token-local ones (when has_local; they
  // are skipped when the cache had their sum) and its context ones.
  struct PositionRows {
    std::vector<const std::int16_t*> local;
    std::vector<const std::int16_t*> context;
    bool has_local = false;
  };
  PositionRows current, next;        // the position being scored and the one after it
  std::vector<std::uint32_t> homes;  // per feature of the sentence: its home slot
  // Beam decoding: per position, the static features' summed row and the beam after it.
  std::vector<std::int32_t> static_scores;
  std::vector<std::vector<BeamItem>> steps;
  std::vector<double> item_scores;
  std::vector<BeamItem> beam_start;  // the one item before the first position
  // Per previous tag (its state: the tag, or tag count before the sentence), the rows of the
  // features of that tag with the current word, and the position + 1 they were found for;
  // the features of the next position's distinct previous tags, and those tags' states.
  std::vector<const std::int16_t*> word_history_rows;
  std::vector<std::size_t> word_history_position;
  std::vector<std::uint64_t> word_history_keys;
  std::vector<std::size_t> word_history_states;
  // The best path's two previous tags per position, and its previous-tag rows.
  std::vector<std::uint32_t> path_previous;
  std::vector<const std::int16_t*> path_rows;
  std::uint64_t cache_owner = 0;          // TaggerModel::instance() the cache belongs to
  std::vector<std::uint64_t> cache_keys;  // direct-mapped: local key (0 = empty)
  std::vector<std::int32_t> cache_rows;   // per slot, one summed row of the model's tags
};

class TaggerModel {
 public:
  // `keys` ascending and distinct, `weights` keys.size() * tags.size() values; `scale` turns
  // a weight back into a score. Built by the trainer (or by tests).
  TaggerModel(std::string kind, std::vector<std::string> tags, float scale,
              std::vector<std::uint64_t> keys, std::vector<std::int16_t> weights);

  // Reads and checks a model file; `expected_kind` ("pos", "ner") must match the file's.
  static TaggerModel load(const std::string& path, std::string_view expected_kind);
  // The same from bytes; `source` names them in errors.
  static TaggerModel parse(std::string_view bytes, const std::string& source,
                           std::string_view expected_kind);
  std::string serialize() const;
  // Writes serialize() to `path`; throws InputError when it cannot.
  void save(const std::string& path) const;

  const std::string& kind() const { return kind_; }
  // Trained with a DocumentMemory (TrainerOptions::document_memory): a caller must give each
  // token the memory's attributes after its own, tagging a document's sentences in order.
  bool document_memory() const { return document_memory_; }
  // Set by the trainer before the model is used or shared.
  void set_document_memory(bool on) { document_memory_ = on; }
  // The decoder's beam width (1: greedy); set by the trainer, 1 to kMaxBeam.
  std::size_t beam() const { return beam_; }
  void set_beam(std::size_t width) { beam_ = width; }
  const std::vector<std::string>& tags() const { return tags_; }
  std::size_t row_count() const { return keys_.size(); }
  // A number no other model built by this process has (copies share it: same weights), so
  // scratch keyed by it never outlives its model's meaning, unlike an address.
  std::uint64_t instance() const { return instance_; }
  // The index of a tag name, or kNoTag.
  std::uint32_t tag_index(std::string_view tag) const;

  // Tags `tokens[0..count)`: `tags_out` gets one tag index per token. `confidence_out`, when
  // given, gets the model's probability of each chosen tag (softmax over the tag scores).
  void tag(const TokenView* tokens, std::size_t count, TaggerWorkspace& workspace,
           std::vector<std::uint16_t>& tags_out,
           std::vector<float>* confidence_out = nullptr) const;

 private:
  // The public constructor with the weights already in their table: parse() reads them
  // straight into it (one copy of the file's weights, not two).
  struct WeightTable {};
  TaggerModel(WeightTable, std::string kind, std::vector<std::string> tags, float scale,
              std::vector<std::uint64_t> keys, LargeTable<std::int16_t> weights);

  // The slot of a key in the table (its probe sequence's end when absent).
  std::size_t home(std::uint64_t key) const { return static_cast<std::size_t>(key >> 1) & mask_; }
  // The weight row of `key`, or nullptr, probing from `from_slot` (its home).
  const std::int16_t* row(std::uint64_t key, std::size_t from_slot) const;
  const std::int16_t* row(std::uint64_t key) const { return row(key, home(key)); }
  void build_table();

  // The model's probability of `tag` after `previous` (softmax over the allowed tags' scores).
  float probability(const std::int32_t* scores, std::uint32_t tag, std::uint32_t previous) const;
  // tag() with a beam wider than one, one position at a time along with the static sums
  // (workspace.static_scores): start_beam() once; for each position in order,
  // find_word_history() then beam_step(); finish_beam() for the best path's tags (and their
  // probabilities).
  void start_beam(std::size_t count, TaggerWorkspace& workspace) const;
  void beam_step(std::size_t i, std::size_t count, TaggerWorkspace& workspace) const;
  void finish_beam(std::size_t count, TaggerWorkspace& workspace,
                   std::vector<std::uint16_t>& tags_out, std::vector<float>* confidence_out) const;
  // out[0 .. tag count) = a position's static sums plus the weights of its previous-tag
  // features after `previous` and `before_previous`: the tag-history rows (history_rows_) and
  // `word_rows`, kWordHistoryFeatureCount rows of the word's (nullptr where the model has none).
  void history_scores(const std::int32_t* statics, std::uint32_t previous,
                      std::uint32_t before_previous, const std::int16_t* const* word_rows,
                      std::int32_t* out) const;
  // Prefetches the table slots of the features of position i's word with each distinct
  // previous tag of the beam before it; find_word_history() then finds (and prefetches) their
  // rows.
  void prefetch_word_history(std::size_t i, TaggerWorkspace& workspace) const;
  void find_word_history(TaggerWorkspace& workspace) const;

  std::uint64_t instance_ = 0;
  bool document_memory_ = false;
  std::size_t beam_ = 1;
  std::string kind_;
  std::vector<std::string> tags_;
  float scale_ = 1.0f;
  std::vector<std::uint64_t> keys_;   // ascending, as in the file
  LargeTable<std::int16_t> weights_;  // row-major, as in the file
  TagTransitions transitions_;
  // Lookup table, 8 bytes a slot so a probe touches one cache line: the key's upper 32 bits
  // (0 = empty; the slot index already fixes most of the lower bits) and the row's start in
  // weights_. Keys are 64-bit hashes, so a false match needs 32 more bits to collide.
  struct Slot {
    std::uint32_t check = 0;
    std::uint32_t row = 0;
  };
  LargeTable<Slot> slots_;
  std::size_t mask_ = 0;
  // The rows of the tag-history features (tag_history_features) of every pair of states
  // (previous, before previous; a state is a tag, or tag count for the sentence start), found
  // once by build_table: offsets into weights_, kTagHistoryFeatureCount per pair, or kNoRow.
  static constexpr std::uint32_t kNoRow = 0xFFFFFFFFu;
  std::vector<std::uint32_t> history_rows_;
};

}  // namespace skein::learn
