// Training of the arc-eager parser: each epoch walks the (shuffled) training sentences; at
// every state the perceptron's best valid action is compared with the best zero-cost action
// under the dynamic oracle, and the weights are updated when they differ. After the first
// epochs the walk follows the model's own (possibly wrong) action with some probability, so
// the parser learns to recover from its mistakes (Goldberg & Nivre 2012).

#include <algorithm>
#include <map>
#include <random>
#include <set>

#include "core/Error.h"
#include "parse/ArcEager.h"
#include "parse/DependencyParser.h"

namespace skein::parse {

ParserTrainer::ParserTrainer(std::vector<TreebankSentence> sentences) {
  std::set<std::string> labels;
  for (auto& s : sentences) {
    if (!is_projective(s)) {
      ++skipped_;
      continue;
    }
    for (const auto& w : s.words) labels.insert(w.relation);
    sentences_.push_back(std::move(s));
  }
  if (sentences_.empty())
    throw InputError("parser training data", "no projective sentence to train on");
  // "root" first and "dep" second: the transition system relies on both positions.
  relations_ = {"root", "dep"};
  for (const auto& l : labels) {
    if (l != "root" && l != "dep") relations_.push_back(l);
  }
}

DependencyParser ParserTrainer::train(const ParserTrainOptions& options,
                                      const std::function<void(int, double)>& progress) const {
  std::map<std::string, int> relation_index;
  for (std::size_t i = 0; i < relations_.size(); ++i)
    relation_index[relations_[i]] = static_cast<int>(i);
  const std::size_t actions = detail::action_count(relations_.size());
  learn::PerceptronTrainer weights(actions);
  std::mt19937_64 random(options.seed);
  std::vector<std::size_t> order(sentences_.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;

  detail::State state;
  std::vector<std::uint64_t> word_hash, tag_hash, features;
  std::vector<float> scores(actions);
  std::vector<std::string_view> words, tags;
  std::vector<int> gold_head, gold_relation;
  std::vector<int> costs(actions);
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), random);
    std::size_t decisions = 0, correct = 0;
    for (std::size_t index : order) {
      const auto& sentence = sentences_[index];
      const int n = static_cast<int>(sentence.words.size());
      words.clear();
      tags.clear();
      gold_head.assign(static_cast<std::size_t>(n) + 1, -1);
      gold_relation.assign(static_cast<std::size_t>(n) + 1, -1);
      for (int i = 1; i <= n; ++i) {
        const auto& w = sentence.words[static_cast<std::size_t>(i - 1)];
        words.push_back(w.form);
        tags.push_back(w.upos);
        gold_head[static_cast<std::size_t>(i)] = w.head;
        gold_relation[static_cast<std::size_t>(i)] = relation_index.at(w.relation);
      }
      detail::hash_sentence(words, tags, word_hash, tag_hash);
      const detail::SentenceHashes hashes{&word_hash, &tag_hash};
      state.reset(n);
      while (!state.terminal()) {
        detail::state_features(state, hashes, features);
        std::fill(scores.begin(), scores.end(), 0.0f);
        weights.score(features, scores);
        const detail::ValidActions valid = state.valid_actions();
        std::size_t guess = actions, truth = actions;
        for (std::size_t a = 0; a < actions; ++a) {
          if (!valid.allows(a)) continue;
          costs[a] = detail::action_cost(state, a, gold_head, gold_relation);
          if (guess == actions || scores[a] > scores[guess]) guess = a;
          if (costs[a] == 0 && (truth == actions || scores[a] > scores[truth])) truth = a;
        }
        if (truth == actions) break;  // no zero-cost action: the gold tree is out of reach
        ++decisions;
        if (costs[guess] == 0) {
          ++correct;
        } else {
          weights.update(features, truth, guess);
        }
        weights.tick();
        const bool explore =
            epoch > options.explore_after &&
            std::uniform_real_distribution<double>(0, 1)(random) < options.explore_probability;
        state.apply(costs[guess] == 0 || explore ? guess : truth);
      }
    }
    if (progress)
      progress(epoch,
               decisions ? static_cast<double>(correct) / static_cast<double>(decisions) : 0);
  }
  DependencyParser parser;
  parser.relations_ = relations_;
  parser.model_ = weights.average(options.prune_below);
  return parser;
}

}  // namespace skein::parse
