#pragma once
// The dependency tree of one parsed sentence as the relation paths read it (SyntaxRelations.h):
// each token's children, its UD relation with and without subtype ("nmod:poss", "nmod"), its
// head, the case word of a nominal, and the modality of a trigger's clause. Tokens are indices
// into the document's segmentation; every query takes a token of the current sentence.
//
// Thread-safety: a per-run object; it borrows the document, which must outlive it and keep its
// parse while it is used.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/AnnotatedDocument.h"
#include "extract/Rules.h"
#include "extract/TokenHelpers.h"

namespace skein::extract {

class SentenceTree : public TokenView {
 public:
  explicit SentenceTree(const AnnotatedDocument& document) : TokenView(document), doc_(document) {}

  // Makes `sentence` (a parsed sentence of the document) the current one.
  void set_sentence(const Sentence& sentence);

  const std::vector<std::uint32_t>& children(std::uint32_t t) const {
    return children_[t - first_];
  }
  std::string_view relation(std::uint32_t t) const { return doc_.dependency_relation[t]; }
  // The relation without its subtype: "nmod" for "nmod:poss".
  std::string_view base(std::uint32_t t) const {
    const std::string_view r = relation(t);
    return r.substr(0, r.find(':'));
  }
  // The head token, or -1 at the root.
  std::int64_t head(std::uint32_t t) const { return doc_.dependency_head[t]; }
  // The word of a nominal's or oblique's "case" child ("with", "of"), or "".
  std::string_view case_of(std::uint32_t t) const;
  // Where a nominal's phrase starts: its "case" child ("of" in "of S&P"), or the nominal.
  std::uint32_t phrase_start(std::uint32_t t) const;
  bool has_child(std::uint32_t t, std::string_view base_relation) const;

  // The modality of the clause of `trigger`, read up the chain of verbs that govern it through
  // xcomp, ccomp, conj, advcl and acl (SyntaxRelations.h): "negated", "hypothetical", or "".
  // Besides the rule files' cues, an infinitive after "be" ("is to meet") or standing as the
  // sentence's main clause (a headline's "X to meet Y") is hypothetical: planned.
  std::string modality(std::uint32_t trigger, const RuleSet& rules) const;

 private:
  const AnnotatedDocument& doc_;
  std::uint32_t first_ = 0;
  std::vector<std::vector<std::uint32_t>> children_;  // per token of the sentence
};

}  // namespace skein::extract
