#include "learn/TaggerTrainer.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <unordered_map>

#include "core/Error.h"

namespace skein::learn {
namespace {

// Weights while training: float weights, their running totals for averaging (updated lazily:
// each weight remembers the step it last changed at), one row per feature hash.
class Weights {
 public:
  explicit Weights(std::size_t tag_count) : tags_(tag_count) {}

  // The row of a feature, or -1 when it was never updated.
  std::int64_t find(std::uint64_t key) const {
    const auto it = rows_.find(key);
    return it == rows_.end() ? -1 : static_cast<std::int64_t>(it->second);
  }
  void score(std::uint64_t key, std::vector<float>& scores) const {
    const std::int64_t r = find(key);
    if (r < 0) return;
    const float* w = &weight_[static_cast<std::size_t>(r) * tags_];
    for (std::size_t t = 0; t < tags_; ++t) scores[t] += w[t];
  }
  void update(std::uint64_t key, std::size_t tag, float delta, std::uint64_t step) {
    auto [it, fresh] = rows_.try_emplace(key, static_cast<std::uint32_t>(rows_.size()));
    if (fresh) {
      weight_.resize(weight_.size() + tags_, 0.0f);
      total_.resize(total_.size() + tags_, 0.0);
      stamp_.resize(stamp_.size() + tags_, 0);
    }
    const std::size_t i = static_cast<std::size_t>(it->second) * tags_ + tag;
    total_[i] += static_cast<double>(step - stamp_[i]) * weight_[i];
    stamp_[i] = step;
    weight_[i] += delta;
  }
  // Averaged weights over `steps` steps, keyed by feature, rows in ascending key order.
  void average(std::uint64_t steps, std::vector<std::uint64_t>& keys,
               std::vector<double>& rows) const {
    keys.clear();
    for (const auto& kv : rows_) keys.push_back(kv.first);
    std::sort(keys.begin(), keys.end());
    rows.assign(keys.size() * tags_, 0.0);
    for (std::size_t k = 0; k < keys.size(); ++k) {
      const std::size_t r = rows_.at(keys[k]);
      for (std::size_t t = 0; t < tags_; ++t) {
        const std::size_t i = r * tags_ + t;
        const double total = total_[i] + static_cast<double>(steps - stamp_[i]) * weight_[i];
        rows[k * tags_ + t] = total / static_cast<double>(steps);
      }
    }
  }

 private:
  std::size_t tags_;
  std::unordered_map<std::uint64_t, std::uint32_t> rows_;
  std::vector<float> weight_;
  std::vector<double> total_;
  std::vector<std::uint64_t> stamp_;
};

}  // namespace

TaggerModel train_tagger(const std::string& kind, const std::vector<std::string>& tags,
                         const std::vector<TrainingSentence>& sentences,
                         const TrainerOptions& options, const EpochCallback& on_epoch) {
  const std::size_t n_tags = tags.size();
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
  const TagTransitions transitions(tags);
  Weights weights(n_tags);
  std::vector<std::size_t> order(sentences.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 rng(options.seed);
  FeatureBuffer fb;
  std::vector<TokenView> views;
  std::vector<float> scores(n_tags);
  std::vector<std::uint64_t> features;
  std::uint64_t step = 1;
  for (std::size_t epoch = 1; epoch <= options.epochs; ++epoch) {
    for (std::size_t i = order.size(); i > 1; --i) {
      std::swap(order[i - 1], order[static_cast<std::size_t>(rng() % i)]);
    }
    std::size_t right = 0, total = 0;
    for (const std::size_t index : order) {
      const TrainingSentence& s = sentences[index];
      views.resize(s.words.size());
      for (std::size_t k = 0; k < s.words.size(); ++k) {
        views[k].word = s.words[k];
        views[k].attributes =
            s.attributes.empty() || s.attributes[k].empty() ? nullptr : s.attributes[k].data();
        views[k].attribute_count =
            s.attributes.empty() ? 0 : static_cast<std::uint32_t>(s.attributes[k].size());
      }
      static_features(views.data(), views.size(), fb);
      std::uint32_t prev = kNoTag, prev2 = kNoTag;
      for (std::size_t k = 0; k < views.size(); ++k) {
        features.assign(fb.hashes.begin() + fb.offsets[k], fb.hashes.begin() + fb.offsets[k + 1]);
        std::uint64_t dynamic[kDynamicFeatureCount];
        dynamic_features(fb, k, prev, prev2, dynamic);
        features.insert(features.end(), dynamic, dynamic + kDynamicFeatureCount);
        std::fill(scores.begin(), scores.end(), 0.0f);
        for (const std::uint64_t f : features) weights.score(f, scores);
        std::uint32_t guess = kNoTag;
        for (std::uint32_t t = 0; t < n_tags; ++t) {
          if (!transitions.allowed(prev, t)) continue;
          if (guess == kNoTag || scores[t] > scores[guess]) guess = t;
        }
        if (guess == kNoTag) guess = 0;
        const std::uint32_t gold = s.tags[k];
        if (guess != gold) {
          for (const std::uint64_t f : features) {
            weights.update(f, gold, 1.0f, step);
            weights.update(f, guess, -1.0f, step);
          }
        } else {
          ++right;
        }
        ++total;
        ++step;
        prev2 = prev;
        prev = guess;
      }
    }
    if (on_epoch)
      on_epoch(epoch, total == 0 ? 0.0 : static_cast<double>(right) / static_cast<double>(total));
  }
  std::vector<std::uint64_t> keys;
  std::vector<double> averaged;
  weights.average(step, keys, averaged);
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
  return TaggerModel(kind, tags, static_cast<float>(scale), std::move(kept_keys), std::move(kept));
}

}  // namespace skein::learn
