#pragma once
// Annotated documents to score extraction against, in one shape whatever file they came from
// (CoNLL04 JSON, Skein's gold JSONL; see Conll04Reader.h, GoldJsonlReader.h and
// docs/gold-format.md).
//
// Model: a gold *mention* is a span with a label class; mentions sharing a `group` are one
// real-world entity (coreference), so "President Moreau" and a later "Moreau" can both be
// endpoints of the same gold relation. A gold relation joins two groups; a predicted relation
// matches it when its endpoint entities have mentions matching some mention of each group.
//
// Label classes: a dataset scores a fixed list of classes, each accepting one or more Skein
// labels. CoNLL04's Loc becomes the class "Location", which accepts Country and Place, because
// the corpus does not tell countries from cities. Predicted entities whose label no class
// accepts are not scored (the dataset did not annotate them).
//
// All values; no thread-safety concerns beyond those of std containers.

#include <cstddef>
#include <string>
#include <vector>

#include "core/Document.h"

namespace skein::evaluate {

struct LabelClass {
  std::string name;                  // as shown in reports: "Person", "Location", ...
  std::vector<std::string> accepts;  // Skein labels counted as this class: {"Country", "Place"}
};

struct ScoredRelationType {
  std::string name;        // Skein relation type ("located-in") or the dataset's own name
  bool symmetric = false;  // direction ignored when matching (met-with, trades-with)
  // Skein produces this type. Gold relations of uncovered types (CoNLL04's Live_In, Kill) are
  // counted and listed but kept out of the micro averages: no prediction could match them.
  bool covered = true;
};

struct GoldMention {
  ByteSpan span;          // into the document's text, after the reader's span normalisation
  ByteSpan as_written;    // the span as the file marks it (== span unless normalised)
  std::string label;      // a LabelClass name of the dataset
  std::string name;       // the entity this mention refers to (the mention text by default)
  std::size_t group = 0;  // index of the entity (coreference group) within the document
  // Borderline: a prediction matching it is neither right nor wrong, and missing it is no
  // miss (the file's "optional": true).
  bool optional = false;
};

struct GoldRelation {
  std::string type;           // a ScoredRelationType name of the dataset
  std::size_t source = 0;     // group index (see GoldMention::group)
  std::size_t target = 0;     // group index
  std::string original_type;  // the dataset's own type name (OrgBased_In), for recall by origin
  // Borderline: neither rewarded nor penalised, and missing it is no miss ("optional": true).
  bool optional = false;
  // A party is only a pronoun or description in the evidence sentence, so finding it needs
  // coreference ("coref": true); the report counts these found and missed per type.
  bool coref = false;
};

// A span the gold marks as an entity of a class that is not scored (CoNLL04's Other).
// Predictions overlapping it are false positives, reported in their own error class.
struct UnscoredSpan {
  ByteSpan span;
  std::string label;  // "Other"
};

struct GoldDocument {
  Document document;                  // what the extractor is given
  std::vector<GoldMention> mentions;  // sorted by span start
  std::vector<UnscoredSpan> unscored;
  std::vector<GoldRelation> relations;
  std::size_t group_count = 0;  // groups are 0 .. group_count-1
  std::size_t line = 0;         // line of the source file it came from (0 = none)
};

struct Dataset {
  std::string source;                              // the file it was read from
  std::string format;                              // "conll04" or "gold"
  std::vector<LabelClass> label_classes;           // scored entity classes, in report order
  std::vector<ScoredRelationType> relation_types;  // scored relation types, in report order
  std::vector<GoldDocument> documents;
  // Scoring policy the reader sets for its corpus.
  //  - scores_demonyms: false when the corpus tags adjective/people-noun mentions ("Chinese",
  //    "Americans") as an unscored class (CoNLL04's Other). Predicted mentions of kind
  //    "demonym" are then left out of entity scoring and counted in the report's notes.
  //  - span_normalization: one line saying how gold spans were normalised ("" = not at all);
  //    the report then also shows the figures against the spans as written.
  //  - unscored_spans_neutral: true when a predicted mention overlapping unscored gold spans
  //    (and no scored mention) counts neither way, as CoNLL-2003's MISC and GUM's non-name
  //    mentions are scored by ../shared/tools/scoreboard.py; false (CoNLL04's Other, Skein's
  //    gold) makes it a false positive of the class "spurious-unscored".
  bool scores_demonyms = true;
  std::string span_normalization;
  bool unscored_spans_neutral = false;

  // The class accepting a Skein label, or nullptr when the dataset does not score it.
  const LabelClass* class_of(const std::string& skein_label) const;
  const ScoredRelationType* relation_type(const std::string& name) const;
};

// Skein's own relation types with their symmetry, read from the ontology (the *.rules files
// of `rules_dir`, schema/ by default): the one place that says which types are symmetric.
// Throws InputError when the rules cannot be read.
std::vector<ScoredRelationType> skein_relation_types(const std::string& rules_dir);
std::vector<ScoredRelationType> skein_relation_types();  // from extract::default_rules_dir()

}  // namespace skein::evaluate
