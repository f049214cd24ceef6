#pragma once
// The "knowledge-relations" component: located-in facts the gazetteer knows about the places
// a document names - a city in its subdivision (or else its country), a subdivision in its
// country - when both ends are mentioned and the text did not already place it. The relation
// has basis "knowledge"; its evidence is the source's first mention, rule "gazetteer".
//
// Thread-safety: process() is const and reads only the Knowledge and rules.

#include "extract/Component.h"

namespace skein::extract {

class KnowledgeRelations : public Component {
 public:
  KnowledgeRelations(std::string name, const ComponentContext& context,
                     const ComponentOptions& options);
  void process(AnnotatedDocument& document) const override;

 private:
  const Knowledge& k_;
  const RuleSet& rules_;
};

}  // namespace skein::extract
