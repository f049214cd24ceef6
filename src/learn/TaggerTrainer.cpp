#include "learn/TaggerTrainer.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <span>

#include "core/Error.h"
#include "learn/BeamSearch.h"
#include "learn/DocumentMemory.h"
#include "learn/SparsePerceptron.h"

namespace skein::learn {

namespace {

// The averaged weights of one training run (one shuffling seed): key -> dense row of n_tags.
using WeightRows = std::map<std::uint64_t, std::vector<double>>;

void check_sentences(std::size_t n_tags, const std::vector<TrainingSentence>& sentences) {
  if (n_tags == 0 || n_tags > 1024) throw UsageError("a tagger needs between 1 and 1024 tags");
  for (const TrainingSentence& s : sentences) {
    if (s.words.size() != s.tags.size() ||
        (!s.attributes.empty() && s.attributes.size() != s.words.size())) {
      throw UsageError("training sentence: words, attributes and tags differ in length");
    }
    for (const std::uint16_t t : s.tags) {
      if (t >= n_tags) throw UsageError("training sentence: tag index out of range");
    }
  }
}

// Trains one averaged perceptron with sentences shuffled by `seed`, adding `share` times its
// averaged weights into `sum`.
void train_one(const std::vector<std::string>& tags, const std::vector<TrainingSentence>& sentences,
               const TrainerOptions& options, std::uint64_t seed, double share, WeightRows& sum,
               const EpochCallback& on_epoch) {
  const std::size_t n_tags = tags.size();
  const TagTransitions transitions(tags);
  PerceptronTrainer weights(n_tags);
  weights.tick();  // the clock starts at 1: averages are over every position seen, plus one
  // The units shuffled: single sentences, or with a document memory whole documents (their
  // sentences in order, so the memory holds what came before).
  std::vector<std::pair<std::size_t, std::size_t>> order;
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    if (options.document_memory && !order.empty() &&
        sentences[order.back().first].document == sentences[i].document) {
      order.back().second = i + 1;
    } else {
      order.emplace_back(i, i + 1);
    }
  }
  std::mt19937_64 rng(seed);
  FeatureBuffer fb;
  std::vector<TokenView> views;
  std::vector<float> scores(n_tags);
  std::vector<std::uint64_t> features;
  DocumentMemory memory(tags);
  std::vector<std::vector<std::uint64_t>> recalled;  // per token: its attributes and memory
  std::vector<std::uint16_t> guesses;
  std::size_t right = 0, total = 0;  // this epoch's decisions
  // The token views of sentence `s`, with the memory's attributes when training with one.
  auto prepare = [&](const TrainingSentence& s) {
    views.resize(s.words.size());
    if (options.document_memory) recalled.resize(s.words.size());
    for (std::size_t k = 0; k < s.words.size(); ++k) {
      views[k].word = s.words[k];
      views[k].attributes =
          s.attributes.empty() || s.attributes[k].empty() ? nullptr : s.attributes[k].data();
      views[k].attribute_count =
          s.attributes.empty() ? 0 : static_cast<std::uint32_t>(s.attributes[k].size());
      if (!options.document_memory) continue;
      recalled[k].assign(views[k].attributes, views[k].attributes + views[k].attribute_count);
      memory.recall(views[k].word, recalled[k]);
      views[k].attributes = recalled[k].empty() ? nullptr : recalled[k].data();
      views[k].attribute_count = static_cast<std::uint32_t>(recalled[k].size());
    }
    guesses.resize(s.words.size());
    static_features(views.data(), views.size(), fb);
  };
  // Tags sentence `s` greedily with the current weights, updating them where a tag is wrong,
  // and records its words in the memory when training with one.
  auto learn_sentence = [&](const TrainingSentence& s) {
    prepare(s);
    std::uint32_t prev = kNoTag, prev2 = kNoTag;
    for (std::size_t k = 0; k < views.size(); ++k) {
      features.assign(fb.hashes.begin() + fb.offsets[k], fb.hashes.begin() + fb.offsets[k + 1]);
      std::uint64_t dynamic[kDynamicFeatureCount];
      dynamic_features(fb, k, prev, prev2, dynamic);
      features.insert(features.end(), dynamic, dynamic + kDynamicFeatureCount);
      std::fill(scores.begin(), scores.end(), 0.0f);
      weights.score(features, scores);
      std::uint32_t guess = kNoTag;
      for (std::uint32_t t = 0; t < n_tags; ++t) {
        if (!transitions.allowed(prev, t)) continue;
        if (guess == kNoTag || scores[t] > scores[guess]) guess = t;
      }
      if (guess == kNoTag) guess = 0;
      const std::uint32_t gold = s.tags[k];
      weights.update(features, gold, guess);
      if (guess == gold) ++right;
      ++total;
      weights.tick();
      guesses[k] = static_cast<std::uint16_t>(guess);
      prev2 = prev;
      prev = guess;
    }
    if (options.document_memory) memory.remember(views.data(), guesses.data(), views.size());
  };
  std::vector<float> static_scores;          // per position: its static features' scores
  std::vector<std::vector<BeamItem>> steps;  // per position: the beam after it
  std::vector<double> item_scores;
  std::uint64_t dynamic[kDynamicFeatureCount];
  // The scores of every tag at position k after the tags `previous` and `before_previous`.
  const auto path_score = [&](std::size_t k, std::uint32_t previous, std::uint32_t before_previous,
                              std::span<float> out) {
    std::copy_n(static_scores.begin() + static_cast<std::ptrdiff_t>(k * n_tags), n_tags,
                out.begin());
    dynamic_features(fb, k, previous, before_previous, dynamic);
    weights.score(std::span<const std::uint64_t>(dynamic, kDynamicFeatureCount), out);
  };
  // Tags sentence `s` with a beam search under the current weights and makes one max-violation
  // update: at the position where the beam's best path outscores the gold prefix most, the
  // gold prefix's features gain and the best path's lose.
  auto learn_sentence_beam = [&](const TrainingSentence& s) {
    prepare(s);
    const std::size_t n = views.size();
    if (n == 0) return;
    static_scores.assign(n * n_tags, 0.0f);
    for (std::size_t k = 0; k < n; ++k) {
      features.assign(fb.hashes.begin() + fb.offsets[k], fb.hashes.begin() + fb.offsets[k + 1]);
      weights.score(features, std::span<float>(&static_scores[k * n_tags], n_tags));
    }
    steps.resize(n);
    const std::vector<BeamItem> start{BeamItem{0, kNoTag, kNoTag, 0, true}};
    double gold_score = 0, worst_violation = -1;
    std::size_t update_at = n;  // none
    for (std::size_t k = 0; k < n; ++k) {
      const std::vector<BeamItem>& before = k == 0 ? start : steps[k - 1];
      extend_beam(
          before, n_tags, transitions, options.beam, k + 1 == n,
          [&](std::size_t b, std::vector<double>& out) {
            path_score(k, before[b].tag, before[b].previous, scores);
            std::copy(scores.begin(), scores.end(), out.begin());
          },
          item_scores, steps[k]);
      for (BeamItem& item : steps[k]) item.gold = before[item.parent].gold && item.tag == s.tags[k];
      path_score(k, k > 0 ? s.tags[k - 1] : kNoTag, k > 1 ? s.tags[k - 2] : kNoTag, scores);
      gold_score += scores[s.tags[k]];
      const double violation = steps[k].front().score - gold_score;
      if (!steps[k].front().gold && violation >= 0 && violation > worst_violation) {
        worst_violation = violation;
        update_at = k;
      }
      weights.tick();
    }
    // The best path, read back from the last step.
    for (std::size_t k = n, item = 0; k-- > 0;) {
      guesses[k] = static_cast<std::uint16_t>(steps[k][item].tag);
      item = steps[k][item].parent;
    }
    for (std::size_t k = 0; k < n; ++k) right += guesses[k] == s.tags[k] ? 1 : 0;
    total += n;
    if (update_at < n) {
      // The predicted prefix is the best path of step update_at, not of the last step.
      std::vector<std::uint32_t> predicted(update_at + 1);
      for (std::size_t k = update_at + 1, item = 0; k-- > 0;) {
        predicted[k] = steps[k][item].tag;
        item = steps[k][item].parent;
      }
      const auto tag_at = [](const auto& path, std::size_t k, std::size_t back) -> std::uint32_t {
        return k >= back ? static_cast<std::uint32_t>(path[k - back]) : kNoTag;
      };
      for (std::size_t k = 0; k <= update_at; ++k) {
        const std::uint32_t gold = s.tags[k], guess = predicted[k];
        const std::uint32_t gold1 = tag_at(s.tags, k, 1), gold2 = tag_at(s.tags, k, 2);
        const std::uint32_t guess1 = tag_at(predicted, k, 1), guess2 = tag_at(predicted, k, 2);
        if (gold == guess && gold1 == guess1 && gold2 == guess2) continue;
        features.assign(fb.hashes.begin() + fb.offsets[k], fb.hashes.begin() + fb.offsets[k + 1]);
        weights.update(features, gold, guess);
        dynamic_features(fb, k, gold1, gold2, dynamic);
        weights.adjust(std::span<const std::uint64_t>(dynamic, kDynamicFeatureCount), gold, 1.0f);
        dynamic_features(fb, k, guess1, guess2, dynamic);
        weights.adjust(std::span<const std::uint64_t>(dynamic, kDynamicFeatureCount), guess, -1.0f);
      }
    }
    if (options.document_memory) memory.remember(views.data(), guesses.data(), views.size());
  };
  for (std::size_t epoch = 1; epoch <= options.epochs; ++epoch) {
    for (std::size_t i = order.size(); i > 1; --i) {
      std::swap(order[i - 1], order[static_cast<std::size_t>(rng() % i)]);
    }
    right = total = 0;
    for (const auto& [unit_begin, unit_end] : order) {
      memory.clear();
      for (std::size_t index = unit_begin; index < unit_end; ++index) {
        if (options.beam > 1) {
          learn_sentence_beam(sentences[index]);
        } else {
          learn_sentence(sentences[index]);
        }
      }
    }
    if (on_epoch)
      on_epoch(epoch, total == 0 ? 0.0 : static_cast<double>(right) / static_cast<double>(total));
  }
  weights.for_each_average(
      [&](std::uint64_t key, std::span<const std::pair<std::uint16_t, double>> tag_weights) {
        std::vector<double>& row = sum[key];
        row.resize(n_tags, 0.0);
        for (const auto& [tag, weight] : tag_weights) row[tag] += share * weight;
      });
}

}  // namespace

TaggerModel train_tagger(const std::string& kind, const std::vector<std::string>& tags,
                         const std::vector<TrainingSentence>& sentences,
                         const TrainerOptions& options, const EpochCallback& on_epoch) {
  const std::size_t n_tags = tags.size();
  check_sentences(n_tags, sentences);
  if (options.runs == 0) throw UsageError("a tagger needs at least one training run");
  if (options.beam == 0 || options.beam > kMaxBeam)
    throw UsageError("a tagger's beam is 1 to " + std::to_string(kMaxBeam) + " wide");
  WeightRows sum;
  for (std::size_t run = 0; run < options.runs; ++run) {
    train_one(tags, sentences, options, options.seed + run, 1.0 / static_cast<double>(options.runs),
              sum, on_epoch);
  }
  // Dense rows in ascending key order (std::map), untouched tags 0.
  std::vector<std::uint64_t> keys;
  std::vector<double> averaged;
  keys.reserve(sum.size());
  averaged.reserve(sum.size() * n_tags);
  for (const auto& [key, row] : sum) {
    keys.push_back(key);
    averaged.insert(averaged.end(), row.begin(), row.end());
  }
  sum.clear();
  double largest = 0;
  for (const double w : averaged) largest = std::max(largest, std::fabs(w));
  const double scale = largest > 0 ? largest / 32767.0 : 1.0;
  std::vector<std::uint64_t> kept_keys;
  std::vector<std::int16_t> kept;
  for (std::size_t k = 0; k < keys.size(); ++k) {
    long peak = 0;
    const std::size_t at = kept.size();
    for (std::size_t t = 0; t < n_tags; ++t) {
      const long q = std::lround(averaged[k * n_tags + t] / scale);
      peak = std::max(peak, std::labs(q));
      kept.push_back(static_cast<std::int16_t>(q));
    }
    if (peak < options.prune_below || peak == 0) {
      kept.resize(at);
    } else {
      kept_keys.push_back(keys[k]);
    }
  }
  TaggerModel model(kind, tags, static_cast<float>(scale), std::move(kept_keys), std::move(kept));
  model.set_document_memory(options.document_memory);
  model.set_beam(options.beam);
  return model;
}

}  // namespace skein::learn
