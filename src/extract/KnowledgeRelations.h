#pragma once
// The "knowledge-relations" component: located-in facts the gazetteer knows about the places
// a document names - a city in its subdivision (or else its country), a subdivision in its
// country - when both ends are mentioned and the text did not already place it (evidence the
// source's first mention, rule "gazetteer"); and the party of each legislator kb_people.tsv
// lists (affiliated-with, rule "kb-party"), whether or not the text names the party. These
// relations have basis "knowledge", never mixed with text evidence.
//
// Thread-safety: process() is const and reads only the Knowledge and rules.

#include <string>
#include <unordered_map>

#include "extract/Component.h"
#include "extract/TokenHelpers.h"

namespace skein::extract {

class KnowledgeRelations : public Component {
 public:
  KnowledgeRelations(std::string name, const ComponentContext& context,
                     const ComponentOptions& options);
  void process(AnnotatedDocument& document) const override;

 private:
  void add_party_affiliations(AnnotatedDocument& d, const TokenView& v,
                              const std::unordered_map<std::string, int>& first_mention) const;

  const Knowledge& k_;
  const RuleSet& rules_;
};

}  // namespace skein::extract
