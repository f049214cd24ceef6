#pragma once
// The "segmenter" component: splits the document into tokens and sentences (Segmenter.h) and
// looks every word up in the lexicon once, so later components read Token::lexicon.
//
// Thread-safety: process() is const; the hooks only read the Knowledge.

#include "extract/Component.h"

namespace skein::extract {

class SegmenterComponent : public Component {
 public:
  SegmenterComponent(std::string name, const ComponentContext& context,
                     const ComponentOptions& options);
  void process(AnnotatedDocument& document) const override;

 private:
  const Knowledge& knowledge_;
  SegmenterHooks hooks_;
};

}  // namespace skein::extract
