#pragma once
// A transition-based dependency parser: arc-eager transitions (Nivre 2003) with labelled arcs,
// greedy decoding, scored by an averaged perceptron over hashed features of the stack, the
// buffer and the partial tree (in the manner of Zhang & Nivre 2011), trained with the dynamic
// oracle and error exploration of Goldberg & Nivre (2012).
//
// Input: the words of one sentence and their UPOS tags (from the POS tagger, or gold when
// training). Output: each word's head (1-based; 0 = root) and relation (UD labels as the
// training treebank writes them, subtypes kept). Every word gets a head and exactly one word
// is the root's dependent.
//
// Model file ("data/models/parser.model"): magic "SKEINDEP", a format version, the relation
// labels, the weights and a checksum. load() throws InputError naming the file for a missing,
// truncated, foreign or corrupt file; it never crashes on one.
//
// Thread-safety: a loaded DependencyParser is immutable; parse() is const and may run on any
// number of threads at once (its working state lives in a caller-owned ParseScratch).

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "learn/SparsePerceptron.h"
#include "parse/Treebank.h"

namespace skein::parse {

struct ParsedWord {
  int head = 0;                // 1-based head index, 0 for the root's dependent
  std::uint16_t relation = 0;  // index into DependencyParser::relations()
};

// Reusable working memory for parse(), one per thread, so parsing allocates nothing once
// the scratch has grown to the longest sentence.
class ParseScratch {
 public:
  ParseScratch();
  ~ParseScratch();
  ParseScratch(ParseScratch&&) noexcept;
  ParseScratch& operator=(ParseScratch&&) noexcept;

  struct Impl;
  Impl& impl() { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

class DependencyParser {
 public:
  DependencyParser() = default;
  // Reads a model file; InputError naming `path` when it cannot be used.
  static DependencyParser load(const std::string& path);
  // Writes the model; InputError naming `path` when it cannot be written.
  void save(const std::string& path) const;

  bool empty() const { return relations_.empty(); }
  // A copy whose weights below `min_weight` in magnitude are dropped (smaller file, some cost
  // in accuracy; skein train reports both).
  DependencyParser pruned(float min_weight) const;
  const std::vector<std::string>& relations() const { return relations_; }

  // Parses one sentence; words.size() == tags.size(). `out` gets one entry per word.
  void parse(std::span<const std::string_view> words, std::span<const std::string_view> tags,
             ParseScratch& scratch, std::vector<ParsedWord>& out) const;

 private:
  friend class ParserTrainer;
  std::vector<std::string> relations_;
  learn::PerceptronModel model_;
};

struct ParserTrainOptions {
  int epochs = 10;                   // passes over the training sentences
  std::uint64_t seed = 20261201;     // shuffling and exploration; same seed, same model
  int explore_after = 1;             // epochs with the static path before following predictions
  double explore_probability = 0.9;  // chance of following a wrong prediction when exploring
  float prune_below = 1.5f;  // averaged weights smaller than this are dropped (11.5 MB, -0.3 UAS)
};

class ParserTrainer {
 public:
  // Non-projective sentences cannot be reached by arc-eager transitions and are skipped
  // (counted in skipped()).
  explicit ParserTrainer(std::vector<TreebankSentence> sentences);

  std::size_t sentence_count() const { return sentences_.size(); }
  std::size_t skipped() const { return skipped_; }

  // Trains; `progress` (may be empty) is told each finished epoch and its training accuracy.
  DependencyParser train(const ParserTrainOptions& options,
                         const std::function<void(int epoch, double accuracy)>& progress) const;

 private:
  std::vector<TreebankSentence> sentences_;
  std::vector<std::string> relations_;
  std::size_t skipped_ = 0;
};

// Attachment scores of a parser on gold trees: UAS and LAS over every word, punctuation
// included (as the CoNLL 2018 shared task counts them), with relations compared in full.
struct AttachmentScores {
  std::size_t words = 0, head_correct = 0, labelled_correct = 0;
  double uas() const {
    return words ? static_cast<double>(head_correct) / static_cast<double>(words) : 0;
  }
  double las() const {
    return words ? static_cast<double>(labelled_correct) / static_cast<double>(words) : 0;
  }
};

// Parses every sentence of `gold` with the given tags per sentence (gold tags when `tags` is
// empty) and scores it.
AttachmentScores evaluate_parser(const DependencyParser& parser,
                                 const std::vector<TreebankSentence>& gold,
                                 const std::vector<std::vector<std::string>>& tags = {});

}  // namespace skein::parse
