#pragma once
// The "ner" component: the learned named-entity tagger (data/models/ner.skm, trained by
// `skein train ner`) decides where names are and whether each is a person, an organisation or
// a location; the knowledge and the rule recogniser decide the rest. It runs after the
// "recognizer" (or, without it, straight after the gazetteer) and rewrites the mention layer:
//
//  - A tagged PER/ORG/LOC span that a rule mention covers exactly, with a compatible kind
//    (person, organisation or known organisation or acronym, place or country), keeps the rule
//    mention: it carries what the rules know (the state of "Bethany, Conn.", the country of
//    "Chinese Foreign Ministry").
//  - Any other tagged span becomes a mention of this component: a person; an organisation (a
//    listed one when the gazetteer names exactly this span as one); a location, which is the
//    listed place or country when the gazetteer names exactly this span (resolution then
//    decides Country or Place), else an unlisted place (keyed by its name, one node across
//    documents).
//  - Before that, the spans are mended where the model is reliably wrong: names it ran
//    together come apart (a party before a person's name, "and" inside a person's name, a comma
//    before a lower-case word); an institution named after a place comes together ("Royal
//    Bank" + "of" + "Scotland"); words that are never part of a name are trimmed from the edges
//    (days, pronouns, titles and party words around a person, a leading "The" before two words
//    or more); a listed organisation the model cut comes together ("Swiss" + "Re", with
//    kb_organizations.tsv); a religion or its followers' word alone is no entity, nor is the
//    title of a work after a kind of work ("the drama Vera Drake") or a group named by a
//    title's plural ("Labour MPs"); and where the knowledge is sure of the kind it overrules the
//    model's label (a party's own words or a listed organisation that is no place are an
//    organisation; a listed country, demonym or national capital is no person, a capital unless
//    it is also a surname). Then one name takes one label per document (the model's most
//    confident reading overall).
//    The words around a span correct its label too: an unlisted "place" where someone works ("a
//    trader at Mellon Financial") is an organisation, a place opening on an honorific ("Lord
//    Woolf") a person, a place kb_organizations.tsv names an organisation ("Plaid Cymru").
//    The words an acronym in brackets spells out are one name ("Standard & Poor's (S&P)",
//    "China Aviation Oil (CAO)"), and a person's name ends before "of" and a listed country
//    ("King Abdullah of Jordan"). A name tagged once is that name where else in the document
//    its words stand whole and untagged.
//  - Rule mentions that overlap a tagged span without matching it are dropped: the model wins
//    the span and the type, unless the rule mention is a fallback rule's or a gazetteer name
//    of two words or more holding whole tagged pieces of its kind ("New South Wales" over a
//    tagged "South Wales"), or a fallback rule's organisation opening on a tagged place
//    ("China Aviation Oil Holding Company" over a tagged "China"). MISC spans ("British", "Islam",
//    "Christmas") are not entities, but a listed demonym exactly on one stays (it names its
//    country).
//  - Rule mentions where the model found no name are kept only for the rules listed in the
//    "fallback-rules" option (default kDefaultFallbackRules: rules precise enough to add what
//    the model misses). Acronyms that stand for a dropped mention follow their replacement.
//  - Unexplained capitalised words inside a tagged span are no longer pending short forms.
//
// Mentions this component makes record component "ner", rule "model <file name>" (or
// "model+gazetteer ..." when the knowledge picked the entity) and the model's confidence: the
// lowest per-token probability in the span.
//
// Options: "model" (default models/ner.skm under the data directory), "fallback-rules"
// (recogniser rule names separated by "," or "+" — the command line splits option values on
// commas, so write "a+b" there — "none" for none, "all" for all), "min-confidence"
// (tagged spans below it are ignored; default 0). A missing, truncated or foreign model file
// throws InputError naming the file when the component is built.
//
// Thread-safety: process() is const; per-document state lives on its stack and in the
// tagger's per-thread scratch (LearnedTaggers.h).

#include <string>
#include <vector>

#include "extract/Component.h"
#include "extract/LearnedTaggers.h"
#include "extract/TokenAttributes.h"
#include "learn/TaggerModel.h"

namespace skein::extract {

// The recogniser rules kept where the model finds no name, unless "fallback-rules" says
// otherwise. Chosen on the dev splits (CoNLL-2003, CoNLL04, GUM) one rule at a time: each
// of these adds or keeps F1; the person rules, "gazetteer-name" and "unlisted-acronym" cost
// precision where the model saw no name ("acronym-kind" is the precise part of
// "unlisted-acronym": an acronym before a lower-case institution word, "UFJ bank").
inline constexpr const char* kDefaultFallbackRules =
    "ap-state,acronym,acronym-definition,source-line,org-head,org-suffix,qualified-place,"
    "gazetteer-inside,acronym-kind";

class NerComponent : public Component {
 public:
  NerComponent(std::string name, const ComponentContext& context, const ComponentOptions& options);
  void process(AnnotatedDocument& document) const override;

 private:
  bool keeps_rule(const char* rule) const;

  const Knowledge& knowledge_;
  const RuleSet& rules_;
  learn::TaggerModel model_;
  TokenAttributes attributes_;
  DocumentTagger tagger_;  // borrows model_ and attributes_: declared after them
  std::int32_t person_ = -1, organization_ = -1, location_ = -1, misc_ = -1;  // label ids
  std::vector<std::string> fallback_rules_;
  bool all_rules_ = false;
  float min_confidence_ = 0;
  std::string model_rule_;      // "model ner.skm"
  std::string knowledge_rule_;  // "model+gazetteer ner.skm"
};

}  // namespace skein::extract
