#include "extract/PosTaggerComponent.h"

#include <algorithm>

#include "core/Error.h"

namespace skein::extract {
namespace {

struct Scratch {
  std::uint64_t model = 0;
  learn::TaggerWorkspace workspace;
  std::vector<learn::TokenView> views;
  std::vector<std::uint16_t> tags;
  std::vector<float> confidence;
};

}  // namespace

std::vector<bool> sentences_with_entity_pairs(const AnnotatedDocument& document) {
  const Segmentation& seg = document.segmentation;
  // Per sentence: the first entity seen (-1: none), and whether a second, other one was.
  std::vector<int> first(seg.sentences.size(), -1);
  std::vector<bool> out(seg.sentences.size(), false);
  for (const EntityMention& m : document.mentions) {
    if (m.entity < 0 || m.sentence >= first.size()) continue;
    if (first[m.sentence] < 0)
      first[m.sentence] = m.entity;
    else if (first[m.sentence] != m.entity)
      out[m.sentence] = true;
  }
  return out;
}

PosTaggerComponent::PosTaggerComponent(std::string name, const ComponentContext& context,
                                       const ComponentOptions& options)
    : Component(std::move(name), options),
      model_(learn::TaggerModel::load(context.model_path(options, "models/pos.skm"), "pos")) {
  for (const std::string& tag : model_.tags()) upos_of_tag_.push_back(upos::from_name(tag));
  const auto it = options.find("sentences");
  const std::string sentences = it == options.end() ? "auto" : it->second;
  if (sentences != "all" && sentences != "entities" && sentences != "auto")
    throw UsageError("pos.sentences must be auto, all or entities, not '" + sentences + "'");
  if (sentences == "auto") {
    // Entity sentences when a component before this one resolves entities.
    const std::vector<std::string> pipeline =
        context.options.components.empty() ? default_components() : context.options.components;
    for (const std::string& earlier : pipeline) {
      if (earlier == this->name()) break;
      const auto& provides = component_info(earlier).provides;
      if (std::find(provides.begin(), provides.end(), layers::kEntities) != provides.end())
        entity_sentences_only_ = true;
    }
  } else {
    entity_sentences_only_ = sentences == "entities";
  }
}

void PosTaggerComponent::process(AnnotatedDocument& document) const {
  thread_local Scratch s;
  if (s.model != model_.instance()) {  // a workspace caches one model's rows
    s = Scratch{};
    s.model = model_.instance();
  }
  const Segmentation& seg = document.segmentation;
  const std::string& text = document.document.text;
  document.pos.assign(seg.tokens.size(), upos::kNone);
  document.pos_confidence.assign(seg.tokens.size(), 0.0f);
  std::vector<bool> wanted;
  if (entity_sentences_only_) wanted = sentences_with_entity_pairs(document);
  for (std::size_t i = 0; i < seg.sentences.size(); ++i) {
    if (entity_sentences_only_ && !wanted[i]) continue;
    const Sentence& sentence = seg.sentences[i];
    const std::size_t n = sentence.last - sentence.first;
    if (n == 0) continue;
    s.views.resize(n);
    for (std::size_t k = 0; k < n; ++k) {
      const Token& token = seg.tokens[sentence.first + k];
      s.views[k] = {std::string_view(text).substr(token.start, token.end - token.start), nullptr,
                    0};
    }
    model_.tag(s.views.data(), n, s.workspace, s.tags, &s.confidence);
    for (std::size_t k = 0; k < n; ++k) {
      document.pos[sentence.first + k] = upos_of_tag_[s.tags[k]];
      document.pos_confidence[sentence.first + k] = s.confidence[k];
    }
  }
}

}  // namespace skein::extract
