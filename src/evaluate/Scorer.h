#pragma once
// Scores predicted extractions against a gold Dataset: entity and relation precision, recall
// and F1 per label class / relation type, strict and lenient, with micro averages and an
// error breakdown for tuning.
//
// Entities are scored per mention. A predicted mention (span, label) matches a gold mention
//  - strict:  same byte span and the gold class accepts the predicted label;
//  - lenient: overlapping spans and the gold class accepts the predicted label.
// Matching is one-to-one (greedy in text order; lenient prefers the largest overlap).
// Predicted entities whose label the dataset does not score are ignored and counted, and so
// are mentions of kind "demonym" where the dataset does not score demonyms
// (Dataset::scores_demonyms; CoNLL04 tags "Chinese" as Other): those are counted in the notes,
// split by whether they overlap an unscored gold span, a scored one, or nothing.
//
// A predicted relation matches a gold relation of the same type when its source entity has a
// mention matching some mention of the gold source group, and likewise for the target; for
// symmetric types either orientation matches. Strict: a mention matches as above (same span,
// accepted label). Lenient: any overlap, whatever the label (the entity table scores labels;
// this asks whether the right things are related). Recall is one-to-one; a prediction that
// matches only gold another prediction already took counts as right for precision
// (Counts::matched_again). These are the definitions of ../shared/tools/scoreboard.py, so
// the lenient located-in figure on CoNLL04 dev is the scoreboard's.
// Not scored, and counted in the report's notes: relations of types the dataset does not
// score, relations with an endpoint that has no mention in the text (knowledge-only
// entities: no annotator could have marked them), and, unless options say otherwise,
// relations whose basis is "knowledge" and relations whose "modality" property is "negated"
// or "hypothetical" (not asserted by the text).
//
// Optional gold (GoldMention/GoldRelation::optional) is borderline: predictions are matched to
// required gold first; one that matches only an optional item is neither a true nor a false
// positive (counted in the notes), and an unmatched optional item is not a false negative.
// Gold relations marked coref are scored like the rest and also counted found/missed per type.
//
// Error breakdown (strict matching). False positives: wrong label (overlaps gold of another
// class), wrong boundary (overlaps gold of its class, other span), spurious, spurious-unscored
// (overlaps an unscored span such as CoNLL04's Other). False negatives: wrong label, wrong
// boundary, missed. Relations: wrong direction, wrong type, endpoint not in gold / endpoint
// missed, spurious / missed.
//
// Thread-safety: a Scorer is not thread-safe; call add() from one thread. report() is const.

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/Extraction.h"
#include "evaluate/GoldDataset.h"

namespace skein::evaluate {

struct Counts {
  std::size_t tp = 0;
  std::size_t fp = 0;
  std::size_t fn = 0;
  // Relations only: predictions that match a gold relation another prediction already took
  // (two entities overlapping one gold span, each related). Right, so not false positives,
  // but no second hit for recall.
  std::size_t matched_again = 0;

  std::size_t gold() const { return tp + fn; }
  std::size_t predicted() const { return tp + matched_again + fp; }
  // 0 when undefined (nothing predicted / nothing in gold), so empty rows read as zero.
  double precision() const {
    return predicted() == 0 ? 0.0 : double(tp + matched_again) / double(predicted());
  }
  double recall() const { return gold() == 0 ? 0.0 : double(tp) / double(gold()); }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r == 0.0 ? 0.0 : 2.0 * p * r / (p + r);
  }
  Counts& operator+=(const Counts& other) {
    tp += other.tp;
    fp += other.fp;
    fn += other.fn;
    matched_again += other.matched_again;
    return *this;
  }
};

struct ScoreRow {
  std::string name;  // label class or relation type; "micro" for the average row
  Counts strict;
  Counts lenient;
};

struct RelationRow : ScoreRow {
  bool symmetric = false;
  bool covered = true;
  // Strict recall split by the dataset's own type name (Located_In / OrgBased_In), when the
  // dataset maps several of its types onto this one. tp and fn only.
  std::map<std::string, Counts> by_original_type;
  // Gold relations marked coref (a party only a pronoun or description in the evidence
  // sentence): tp = found, fn = missed; strict and lenient. Also counted in the row above.
  Counts coref;
  Counts coref_lenient;
};

enum class ErrorKind {
  // entities
  kWrongLabel,
  kWrongBoundary,
  kSpurious,
  kSpuriousUnscored,
  kMissed,
  // relations
  kWrongDirection,
  kWrongType,
  kEndpointNotGold,
  kEndpointMissed,
  kRelationSpurious,
  kRelationMissed,
};
// Stable lower-case names for reports and JSON: "wrong-label", "spurious-unscored", ...
const char* to_string(ErrorKind kind);

struct ErrorExample {
  std::string document;   // document uri
  std::string text;       // the mention text, or "source -> target" for relations
  std::string predicted;  // predicted label or type ("" for false negatives)
  std::string gold;       // gold class or type ("" for spurious predictions)
  std::string context;    // the surrounding line of the text, cut to a readable length
};

struct ErrorGroup {
  ErrorKind kind{};
  bool false_positive = true;  // else a false negative
  std::size_t count = 0;
  std::vector<ErrorExample> examples;  // the first ScorerOptions::max_examples
};

struct Report {
  std::string source;
  std::string format;
  std::size_t documents = 0;
  std::vector<ScoreRow> entities;  // one per label class, dataset order
  ScoreRow entity_micro;
  std::vector<RelationRow> relations;     // one per relation type, dataset order
  ScoreRow relation_micro;                // over covered types only
  std::vector<ErrorGroup> entity_errors;  // non-empty groups only, FPs first
  std::vector<ErrorGroup> relation_errors;
  // Things left out of the scores, by reason: "predicted mentions with unscored label
  // Title" -> 12, "relations with an endpoint without mentions" -> 3, ...
  std::map<std::string, std::size_t> notes;
  // Set when the dataset normalises gold spans (Dataset::span_normalization): the policy line,
  // how many gold mentions it changed, and the entity rows against the spans as written.
  std::string span_normalization;
  std::size_t normalized_gold_mentions = 0;
  std::vector<ScoreRow> entities_as_written;
  ScoreRow entity_micro_as_written;

  const ScoreRow* entity_row(const std::string& name) const;
  const RelationRow* relation_row(const std::string& name) const;
};

struct ScorerOptions {
  std::size_t max_examples = 5;     // examples kept per error group
  bool score_non_asserted = false;  // also score relations with modality negated/hypothetical
  // Also score relations whose basis is "knowledge" (from the gazetteer, e.g. a city's country)
  // rather than the text. Gold annotations record what the text states, so by default such
  // relations are counted in the notes instead of being scored as false positives.
  bool score_knowledge_relations = false;
  // Score against gold spans as the file marks them, ignoring the reader's span normalisation
  // (Dataset::span_normalization). evaluate() uses it for the report's "as written" figures.
  bool as_written_spans = false;
};

class Scorer {
 public:
  // `dataset` is borrowed for its label classes and relation types; it must outlive the Scorer.
  explicit Scorer(const Dataset& dataset, ScorerOptions options = {});
  ~Scorer();
  Scorer(Scorer&&) noexcept;
  Scorer& operator=(Scorer&&) noexcept;

  // Scores one document. `predicted` offsets must point into gold.document.text (the
  // extractor is run on exactly that text).
  void add(const GoldDocument& gold, const DocumentExtraction& predicted);

  Report report() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace skein::evaluate
