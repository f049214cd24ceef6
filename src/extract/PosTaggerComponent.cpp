#include "extract/PosTaggerComponent.h"

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
  std::vector<std::uint8_t> count(seg.sentences.size(), 0);
  for (const EntityMention& m : document.mentions) {
    if (m.entity >= 0 && m.sentence < count.size() && count[m.sentence] < 2) ++count[m.sentence];
  }
  std::vector<bool> out(seg.sentences.size());
  for (std::size_t s = 0; s < out.size(); ++s) out[s] = count[s] >= 2;
  return out;
}

PosTaggerComponent::PosTaggerComponent(std::string name, const ComponentContext& context,
                                       const ComponentOptions& options)
    : Component(std::move(name), options),
      model_(learn::TaggerModel::load(context.model_path(options, "models/pos.skm"), "pos")) {
  for (const std::string& tag : model_.tags()) upos_of_tag_.push_back(upos::from_name(tag));
  const auto it = options.find("sentences");
  if (it != options.end()) {
    if (it->second != "all" && it->second != "entities")
      throw UsageError("pos.sentences must be 'all' or 'entities', not '" + it->second + "'");
    entity_sentences_only_ = it->second == "entities";
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
