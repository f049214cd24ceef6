#pragma once
// The "gazetteer" component: longest-match lookup of the knowledge's phrase table over each
// sentence, keeping names only where their capitalisation makes them names ("Turkey" yes,
// "March" and a sentence-initial "Bay" no) and title phrases ("Foreign Minister") anywhere.
// Fills AnnotatedDocument::gazetteer_spans and span_at.
//
// Thread-safety: process() is const and reads only the Knowledge.

#include "extract/Component.h"

namespace skein::extract {

class GazetteerComponent : public Component {
 public:
  GazetteerComponent(std::string name, const ComponentContext& context,
                     const ComponentOptions& options);
  void process(AnnotatedDocument& document) const override;

 private:
  const Knowledge& knowledge_;
};

}  // namespace skein::extract
