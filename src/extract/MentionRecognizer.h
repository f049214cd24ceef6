#pragma once
// The "recognizer" component: the rule cascade that finds entity mentions in runs of
// capitalised words - people (given names, surnames, titles, speech verbs, appositions),
// organisations (heads, suffixes, institutions, unlisted acronyms), places (place words,
// state and country qualifiers, compass regions, source lines), listed gazetteer names and
// acronyms defined in the text ("Long Form (LF)") - and title phrases as roles. Each mention
// records this component and the rule of the cascade that made it.
//
// Thread-safety: process() is const; its per-document state lives on its stack.

#include "extract/Component.h"

namespace skein::extract {

class MentionRecognizer : public Component {
 public:
  MentionRecognizer(std::string name, const ComponentContext& context,
                    const ComponentOptions& options);
  void process(AnnotatedDocument& document) const override;

 private:
  const Knowledge& knowledge_;
  const RuleSet& rules_;
};

}  // namespace skein::extract
