#pragma once
// The "pos" component: tags tokens with Universal POS tags using the learned tagger
// (learn/TaggerModel.h, model "models/pos.skm" under the data directory unless the "model"
// option names another). Fills AnnotatedDocument::pos and pos_confidence, one entry per token.
//
// Options:
//   model      the tagger's model file (default models/pos.skm); a missing or foreign file is
//              an InputError naming it when the pipeline is built
//   sentences  "all": every sentence; "entities": only sentences naming two or more
//              different resolved entities, the ones relations can come from (run it after
//              the resolver then; tokens of other sentences keep upos::kNone); "auto"
//              (default): "entities" when a component before it in the pipeline provides
//              entities, else "all"
//
// Thread-safety: the model is immutable; per-thread scratch is thread_local.

#include "extract/Component.h"
#include "learn/TaggerModel.h"

namespace skein::extract {

class PosTaggerComponent : public Component {
 public:
  PosTaggerComponent(std::string name, const ComponentContext& context,
                     const ComponentOptions& options);
  void process(AnnotatedDocument& document) const override;

 private:
  learn::TaggerModel model_;
  std::vector<upos::Tag> upos_of_tag_;  // the model's tag index -> UPOS id
  bool entity_sentences_only_ = false;
};

// Per sentence of `document`, whether its mentions resolved to two or more different entities:
// the sentences relation components read (and so the ones worth tagging and parsing).
std::vector<bool> sentences_with_entity_pairs(const AnnotatedDocument& document);

}  // namespace skein::extract
