#pragma once
// The "pos" component: the learned part-of-speech tagger (data/models/pos.skm, trained by
// `skein train pos`) tags every token of the segmentation with a UPOS tag. Fills
// AnnotatedDocument::pos and pos_confidence (the model's probability of the chosen tag), one
// per token; a tag the model knows but upos:: does not is kNone.
//
// Options: "model" (default models/pos.skm under the data directory). A missing, truncated or
// foreign model file throws InputError naming the file when the component is built.
//
// Not in the default pipeline: the NER model does not use POS tags. Components that read
// them (a parser) name it before themselves: `--components segmenter,pos,...`.
//
// Thread-safety: process() is const; scratch lives in the tagger's per-thread workspace.

#include <vector>

#include "extract/Component.h"
#include "extract/LearnedTaggers.h"
#include "learn/TaggerModel.h"

namespace skein::extract {

class PosTaggerComponent : public Component {
 public:
  PosTaggerComponent(std::string name, const ComponentContext& context,
                     const ComponentOptions& options);
  void process(AnnotatedDocument& document) const override;

 private:
  learn::TaggerModel model_;
  DocumentTagger tagger_;           // borrows model_: declared after it
  std::vector<upos::Tag> upos_of_;  // model tag index -> UPOS id
};

}  // namespace skein::extract
