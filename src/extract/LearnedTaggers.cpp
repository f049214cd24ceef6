#include "extract/LearnedTaggers.h"

#include <algorithm>
#include <optional>

namespace skein::extract {
namespace {

// Scratch of one thread for one model.
struct Scratch {
  std::uint64_t model = 0;  // TaggerModel::instance()
  learn::TaggerWorkspace workspace;
  std::vector<learn::TokenView> views;
  std::vector<std::string_view> norms;
  std::vector<std::uint32_t> word_starts;  // first token of each word, relative; then the end
  std::vector<std::uint64_t> attributes;
  std::vector<std::uint32_t> attribute_ends;  // per word: the end of its attributes
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

DocumentTagger::DocumentTagger(const learn::TaggerModel& model, const TokenAttributes* attributes,
                               Compounds compounds)
    : model_(model),
      attributes_(attributes),
      memory_prototype_(model.tags()),
      compounds_(compounds) {
  if (attributes_ != nullptr) {
    for (const std::string& name : TokenAttributes::attribute_names()) {
      attribute_hashes_.push_back(learn::attribute_hash(name));
    }
  }
  label_of_tag_ = learn::span_labels(model_.tags(), labels_);
  for (std::size_t tag = 0; tag < model_.tags().size(); ++tag)
    prefix_of_tag_.push_back(label_of_tag_[tag] < 0 ? '\0' : model_.tags()[tag][0]);
  const std::uint32_t o = model_.tag_index("O");
  outside_ = o == learn::kNoTag ? 0 : static_cast<std::uint16_t>(o);
  // The tag of the same label with another prefix, or `fallback` when the scheme has none.
  auto with_prefix = [&](std::size_t tag, char prefix, std::uint16_t fallback) {
    const std::uint32_t index = model_.tag_index(prefix + model_.tags()[tag].substr(1));
    return index == learn::kNoTag ? fallback : static_cast<std::uint16_t>(index);
  };
  for (std::size_t tag = 0; tag < model_.tags().size(); ++tag) {
    auto same = static_cast<std::uint16_t>(tag);
    std::uint16_t first = same, middle = same, last = same;
    if (prefix_of_tag_[tag] != 0) {
      middle = with_prefix(tag, 'I', same);
      const char prefix = prefix_of_tag_[tag];
      if (prefix == 'U') first = with_prefix(tag, 'B', same);
      if (prefix == 'L') first = middle;
      if (prefix == 'B') last = middle;
      if (prefix == 'U') last = with_prefix(tag, 'L', middle);
    }
    first_part_.push_back(first);
    middle_part_.push_back(middle);
    last_part_.push_back(last);
  }
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
  // What was tagged earlier in this document, for a model trained with it.
  std::optional<learn::DocumentMemory> memory;
  if (model_.document_memory()) memory.emplace(memory_prototype_);
  tags.assign(segmentation.tokens.size(), outside_);
  confidence.assign(segmentation.tokens.size(), 1.0f);
  // Words and knowledge attributes of tokens [first, first + n) into s.views: one word per
  // token, or per compound with Compounds::kOneWord (s.word_starts says which tokens). The
  // attributes see only these words, as the tagger does.
  auto prepare = [&](std::size_t first, std::size_t n) {
    s.word_starts.clear();
    for (std::size_t k = 0; k < n;) {
      s.word_starts.push_back(static_cast<std::uint32_t>(k));
      std::size_t end = k + 1;
      bool lower = segmentation.tokens[first + k].has(token_flags::kLower);
      while (compounds_ == Compounds::kOneWord && end < n &&
             segmentation.continues_compound(first + end)) {
        lower = lower || segmentation.tokens[first + end].has(token_flags::kLower);
        ++end;
      }
      if (lower) end = k + 1;  // "Oscar-winner", "al-Qaeda": parts, as before
      k = end;
    }
    const std::size_t words = s.word_starts.size();
    s.word_starts.push_back(static_cast<std::uint32_t>(n));
    s.views.resize(words);
    for (std::size_t w = 0; w < words; ++w) {
      const Token& from = segmentation.tokens[first + s.word_starts[w]];
      const Token& to = segmentation.tokens[first + s.word_starts[w + 1] - 1];
      s.views[w] = {text.substr(from.start, to.end - from.start), nullptr, 0};
    }
    if (attributes_ == nullptr && !memory) return words;
    if (attributes_ != nullptr) {
      // A compound's normalised form is its parts' forms with the spaces between them
      // ("saint - gall"), as the gazetteer keys it and TokenAttributes::attributes_of_words
      // normalises a hyphenated corpus word.
      s.norms.resize(words);
      for (std::size_t w = 0; w < words; ++w) {
        s.norms[w] = segmentation.phrase(static_cast<std::uint32_t>(first + s.word_starts[w]),
                                         static_cast<std::uint32_t>(first + s.word_starts[w + 1]));
      }
      attributes_->attributes_of(s.norms.data(), words, s.sentence_attributes);
    }
    // Each word's knowledge attributes, then what the document memory recalls of it.
    s.attributes.clear();
    s.attribute_ends.clear();
    for (std::size_t w = 0; w < words; ++w) {
      if (attributes_ != nullptr) {
        const auto& sa = s.sentence_attributes;
        for (std::uint32_t a = sa.offsets[w]; a < sa.offsets[w + 1]; ++a)
          s.attributes.push_back(attribute_hashes_[sa.ids[a]]);
      }
      if (memory) memory->recall(s.views[w].word, s.attributes);
      s.attribute_ends.push_back(static_cast<std::uint32_t>(s.attributes.size()));
    }
    for (std::size_t w = 0; w < words; ++w) {
      const std::uint32_t from = w == 0 ? 0 : s.attribute_ends[w - 1];
      s.views[w].attributes = s.attributes.data() + from;
      s.views[w].attribute_count = s.attribute_ends[w] - from;
    }
    return words;
  };
  auto run = [&](std::size_t first, std::size_t n) {
    const std::size_t words = prepare(first, n);
    model_.tag(s.views.data(), words, s.workspace, s.tags, &s.confidence);
    if (memory) memory->remember(s.views.data(), s.tags.data(), words);
    for (std::size_t w = 0; w < words; ++w) {
      const std::uint32_t from = s.word_starts[w], to = s.word_starts[w + 1];
      const std::uint16_t tag = s.tags[w];
      for (std::uint32_t k = from; k < to; ++k) {
        const bool one_part = to - from == 1;
        tags[first + k] = one_part      ? tag
                          : k == from   ? first_part_[tag]
                          : k + 1 == to ? last_part_[tag]
                                        : middle_part_[tag];
        confidence[first + k] = s.confidence[w];
      }
    }
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
