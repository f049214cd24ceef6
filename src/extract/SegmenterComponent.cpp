#include "extract/SegmenterComponent.h"

namespace skein::extract {

SegmenterComponent::SegmenterComponent(std::string name, const ComponentContext& context,
                                       const ComponentOptions& options)
    : Component(std::move(name), options), knowledge_(context.knowledge) {
  const Knowledge* k = &knowledge_;
  hooks_.is_common_word = [k](std::string_view word) {
    return (k->lexicon(word) & lexicon_flags::kCommon) != 0;
  };
}

void SegmenterComponent::process(AnnotatedDocument& document) const {
  Segmentation& seg = document.segmentation;
  segment(document.document.text, document.document.excluded, hooks_, seg);
  for (Token& t : seg.tokens) {
    if (t.has(token_flags::kWord) || t.has(token_flags::kPossessive))
      t.lexicon = knowledge_.lexicon(seg.norm_of(t));
  }
}

}  // namespace skein::extract
