#include "extract/LearnedTaggers.h"

#include <algorithm>

namespace skein::extract {
namespace {

// Scratch of one thread for one model.
struct Scratch {
  std::uint64_t model = 0;  // TaggerModel::instance()
  learn::TaggerWorkspace workspace;
  std::vector<learn::TokenView> views;
  std::vector<std::string_view> norms;
  std::vector<std::uint64_t> attributes;
  SentenceAttributes sentence_attributes;
  std::vector<std::uint16_t> tags;
  std::vector<float> confidence;
};

Scratch& scratch_for(const learn::TaggerModel& model) {
  thread_local std::vector<Scratch> all;  // a handful of models at most
  for (Scratch& s : all) {
    if (s.model == model.instance()) return s;
  }
  if (all.size() >= 8) all.erase(all.begin());  // models come and go in tests; keep a few
  all.emplace_back();
  all.back().model = model.instance();
  return all.back();
}

}  // namespace

DocumentTagger::DocumentTagger(const learn::TaggerModel& model, const TokenAttributes* attributes)
    : model_(model), attributes_(attributes) {
  if (attributes_ != nullptr) {
    for (const std::string& name : TokenAttributes::attribute_names()) {
      attribute_hashes_.push_back(learn::attribute_hash(name));
    }
  }
  for (const std::string& tag : model_.tags()) {
    const bool scheme =
        tag.size() > 2 && tag[1] == '-' && std::string("BILU").find(tag[0]) != std::string::npos;
    if (!scheme) {
      label_of_tag_.push_back(-1);
      prefix_of_tag_.push_back(0);
      continue;
    }
    const std::string label = tag.substr(2);
    auto it = std::find(labels_.begin(), labels_.end(), label);
    if (it == labels_.end()) it = labels_.insert(labels_.end(), label);
    label_of_tag_.push_back(static_cast<std::int32_t>(it - labels_.begin()));
    prefix_of_tag_.push_back(tag[0]);
  }
  const std::uint32_t o = model_.tag_index("O");
  outside_ = o == learn::kNoTag ? 0 : static_cast<std::uint16_t>(o);
}

void DocumentTagger::tag(std::string_view text, const Segmentation& segmentation,
                         std::vector<std::uint16_t>& tags, std::vector<float>& confidence) const {
  tag_near(text, segmentation, {}, 0, tags, confidence);
}

void DocumentTagger::tag_near(std::string_view text, const Segmentation& segmentation,
                              const std::vector<std::uint8_t>& near, std::uint32_t radius,
                              std::vector<std::uint16_t>& tags,
                              std::vector<float>& confidence) const {
  Scratch& s = scratch_for(model_);
  const bool windows = !near.empty();
  tags.assign(segmentation.tokens.size(), outside_);
  confidence.assign(segmentation.tokens.size(), 1.0f);
  // Words and knowledge attributes of tokens [first, first + n) into s.views[0, n): the
  // attributes see only these tokens, as the tagger does.
  auto prepare = [&](std::size_t first, std::size_t n) {
    s.views.resize(n);
    for (std::size_t k = 0; k < n; ++k) {
      const Token& token = segmentation.tokens[first + k];
      s.views[k] = {text.substr(token.start, token.end - token.start), nullptr, 0};
    }
    if (attributes_ == nullptr) return;
    s.norms.resize(n);
    for (std::size_t k = 0; k < n; ++k)
      s.norms[k] = segmentation.norm_of(segmentation.tokens[first + k]);
    attributes_->attributes_of(s.norms.data(), n, s.sentence_attributes);
    const auto& ids = s.sentence_attributes.ids;
    s.attributes.resize(ids.size());
    for (std::size_t a = 0; a < ids.size(); ++a) s.attributes[a] = attribute_hashes_[ids[a]];
    for (std::size_t k = 0; k < n; ++k) {
      const std::uint32_t from = s.sentence_attributes.offsets[k];
      s.views[k].attributes = s.attributes.data() + from;
      s.views[k].attribute_count = s.sentence_attributes.offsets[k + 1] - from;
    }
  };
  auto run = [&](std::size_t first, std::size_t n) {
    prepare(first, n);
    model_.tag(s.views.data(), n, s.workspace, s.tags, &s.confidence);
    std::copy(s.tags.begin(), s.tags.end(), tags.begin() + static_cast<std::ptrdiff_t>(first));
    std::copy(s.confidence.begin(), s.confidence.end(),
              confidence.begin() + static_cast<std::ptrdiff_t>(first));
  };
  for (const Sentence& sentence : segmentation.sentences) {
    const std::size_t n = sentence.last - sentence.first;
    if (n == 0) continue;
    if (!windows) {
      run(sentence.first, n);
      continue;
    }
    std::size_t k = 0;
    while (k < n) {
      if (!near[sentence.first + k]) {
        ++k;
        continue;
      }
      // A window: from `radius` before this flagged token to `radius` after the last flagged
      // token that follows within 2 * radius (so neighbouring windows merge).
      const std::size_t from = k >= radius ? k - radius : 0;
      std::size_t last_flag = k;
      for (std::size_t j = k + 1; j < n && j <= last_flag + std::size_t{2} * radius; ++j) {
        if (near[sentence.first + j]) last_flag = j;
      }
      const std::size_t to = std::min(n, last_flag + radius + 1);
      run(sentence.first + from, to - from);
      k = to;
    }
  }
}

std::vector<TaggedSpan> DocumentTagger::spans(const std::vector<std::uint16_t>& tags,
                                              const std::vector<float>& confidence) const {
  std::vector<TaggedSpan> out;
  bool open = false;
  for (std::uint32_t i = 0; i < tags.size(); ++i) {
    const std::int32_t label = label_of_tag_[tags[i]];
    const char prefix = prefix_of_tag_[tags[i]];
    if (label < 0) {
      open = false;
      continue;
    }
    const bool continues = open && (prefix == 'I' || prefix == 'L') &&
                           out.back().label == static_cast<std::uint32_t>(label);
    if (continues) {
      out.back().last = i + 1;
      out.back().confidence = std::min(out.back().confidence, confidence[i]);
    } else {
      out.push_back({i, i + 1, static_cast<std::uint32_t>(label), confidence[i]});
    }
    open = prefix == 'B' || prefix == 'I';
  }
  return out;
}

}  // namespace skein::extract
