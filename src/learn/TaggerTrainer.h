#pragma once
// Trains a TaggerModel: averaged structured perceptron, decoding left to right with the two
// previous (predicted) tags as features, so training sees the same history the tagger will see
// at run time. Decoding is greedy (beam 1: an update at every wrong tag) or a beam search
// (TrainerOptions::beam > 1: one update per sentence, at the prefix where the best item of the
// beam outscores the gold prefix most, the "max-violation" update of Huang, Fayong and Guo
// 2012); the model records its beam, and tags with the same one.
//
// Deterministic: sentences are visited in an order shuffled by a fixed-seed Mersenne Twister
// (its output is fixed by the C++ standard) and a Fisher-Yates shuffle written here, for a
// fixed number of epochs (and runs); weights are averaged, pruned (rows whose largest quantised
// weight falls below `prune_below`) and quantised to int16 with one scale. The same examples and
// options give a byte-identical model file.
//
// Thread-safety: a trainer is used by one thread; separate trainers are independent.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "learn/TaggerModel.h"

namespace skein::learn {

struct TrainerOptions {
  std::size_t epochs = 8;         // passes over the training sentences
  std::uint64_t seed = 20261201;  // shuffling seed; fixed so training is reproducible
  // Independent training runs, shuffled by seeds seed, seed + 1, ...; the model's weights are
  // the mean of their averaged weights (for a linear scorer, the same as averaging the runs'
  // scores), which evens out how much one shuffle's luck sways the model.
  std::size_t runs = 1;
  // Train with a DocumentMemory: documents (TrainingSentence::document) are shuffled whole and
  // their sentences tagged in order, each token seeing what was tagged before it.
  bool document_memory = false;
  // Rows whose largest absolute quantised weight is below this are dropped (0 keeps all).
  int prune_below = 2;
  // Beam width of the decoder, in training and in the model (1: greedy).
  std::size_t beam = 1;
};

// One training sentence: tokens (with their attribute hashes) and one tag index per token.
struct TrainingSentence {
  std::vector<std::string> words;
  std::vector<std::vector<std::uint64_t>> attributes;  // per token; may be empty
  std::vector<std::uint16_t> tags;
  std::uint32_t document = 0;  // sentences of one document are consecutive and share this
};

// Per-epoch progress: epoch number (1-based) and the token accuracy of the decoder on
// the training data during that epoch.
using EpochCallback = std::function<void(std::size_t epoch, double train_accuracy)>;

// `tags` is the tag set (indices in the sentences refer to it). Throws UsageError when a
// sentence holds a tag index out of range or words and tags differ in length.
TaggerModel train_tagger(const std::string& kind, const std::vector<std::string>& tags,
                         const std::vector<TrainingSentence>& sentences,
                         const TrainerOptions& options = {}, const EpochCallback& on_epoch = {});

}  // namespace skein::learn
