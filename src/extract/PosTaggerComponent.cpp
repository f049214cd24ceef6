#include "extract/PosTaggerComponent.h"

namespace skein::extract {

PosTaggerComponent::PosTaggerComponent(std::string name, const ComponentContext& context,
                                       const ComponentOptions& options)
    : Component(std::move(name), options),
      model_(learn::TaggerModel::load(context.model_path(options, "models/pos.skm"), "pos")),
      tagger_(model_, nullptr) {
  for (const std::string& tag : model_.tags()) upos_of_.push_back(upos::from_name(tag));
}

void PosTaggerComponent::process(AnnotatedDocument& document) const {
  std::vector<std::uint16_t> tags;
  tagger_.tag(document.document.text, document.segmentation, tags, document.pos_confidence);
  document.pos.resize(tags.size());
  for (std::size_t i = 0; i < tags.size(); ++i) document.pos[i] = upos_of_[tags[i]];
}

}  // namespace skein::extract
