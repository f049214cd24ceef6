#pragma once
// The "relation-rules" component: matches the patterns of the rule files (schema/*.rules, see
// Rules.h) over each sentence seen as units - an entity mention, a title phrase, or one token
// - and adds a relation with one piece of evidence per sentence. Checks label constraints
// (a capital may stand for its country where only a country fits), lists of names, the
// located-in facts the gazetteer contradicts, and negation or hypothetical cues near the match
// or, in a sentence the parser parsed, on the verbs that govern its words (schema/
// README-rules.md, Modality; dropped, or kept with a lowered confidence when
// ExtractorOptions::keep_modal_relations). Runs after the parser when both are in the
// pipeline; without a parse it reads the words alone. Evidence rows
// name this component and the rule, with the rule's confidence.
//
// Thread-safety: process() is const; its per-document state lives on its stack.

#include <vector>

#include "extract/Component.h"

namespace skein::extract {

class RelationMatcher : public Component {
 public:
  RelationMatcher(std::string name, const ComponentContext& context,
                  const ComponentOptions& options);
  void process(AnnotatedDocument& document) const override;

 private:
  const Knowledge& knowledge_;
  const RuleSet& rules_;
  bool keep_modal_relations_;
  std::vector<std::vector<const RelationRule*>> rules_by_type_;  // per relation type, in order
};

}  // namespace skein::extract
