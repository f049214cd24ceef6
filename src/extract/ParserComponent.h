#pragma once
// The "parser" component: a dependency parse (parse/DependencyParser.h, model
// "models/parser.skm" unless the "model" option names another) of the sentences relations can
// come from. Fills AnnotatedDocument::dependency_head and dependency_relation, one entry per
// token: the head's token index (-1 for the sentence root's dependent) and its UD relation.
// Tokens of sentences it did not parse get head kNotParsed and relation "".
//
// Which sentences ("sentences" option):
//   entities (default)  sentences of at most 120 tokens from which the syntax-relations
//                       component could read a relation (SyntaxRelations::sentences_to_parse:
//                       two entities that fit a relation's ends, and a trigger word where the
//                       relation is an event): parsing is ~10x slower than the rest of
//                       extraction per word, and no other component reads the parse
//   all                 every sentence of at most 120 tokens
// A sentence the "pos" component did not tag is not parsed either.
//
// Thread-safety: the model is immutable; each thread parses with its own thread_local scratch.

#include <cstdint>

#include "extract/Component.h"
#include "extract/SyntaxRelations.h"
#include "parse/DependencyParser.h"

namespace skein::extract {

class ParserComponent : public Component {
 public:
  static constexpr std::int32_t kNotParsed = -2;
  static constexpr std::uint32_t kMaxSentenceTokens = 120;

  ParserComponent(std::string name, const ComponentContext& context,
                  const ComponentOptions& options);
  void process(AnnotatedDocument& document) const override;

 private:
  parse::DependencyParser parser_;
  const RuleSet& rules_;
  SyntaxRelations::ParseTriggers triggers_;  // they choose the sentences
  bool all_sentences_ = false;
};

}  // namespace skein::extract
