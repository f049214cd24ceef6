#pragma once
// Trains and scores the learned taggers from annotated corpora: the one place that knows
// which corpora feed which model, how their annotations become tags, and how a tagger alone
// is scored on gold tokens. `skein train` and `skein eval --model` only call these.
//
//  - "pos": UPOS tags, from UD English EWT train and GUM train (dep/train).
//    GUM train is restricted to the documents whose text licence is "permissive" in
//    gum/doc_manifest.tsv (the dev-data README: train shipped models on those only); GUM dev
//    is scored whole.
//  - "ner": BILOU tags over PER, ORG, LOC, MISC, from CoNLL-2003 train, CoNLL04 train and GUM
//    train (named person/place/organisation mentions; see ConlluReader.h). Tokens carry the
//    knowledge attributes of extract/TokenAttributes.h (the same function the tagger
//    components use at run time).
//
// Scoring a tagger alone (tokens as the corpus gives them):
//  - POS: token accuracy against UPOS.
//  - NER: per label (PER, ORG, LOC) and micro over all three, strict (same tokens, same label)
//    and lenient (overlapping, same label), one-to-one matching as ../shared/tools/scoreboard.py
//    does. Gold MISC and unscored spans are not scored: a predicted span overlapping only such
//    spans counts neither way, and predicted MISC spans are dropped. The confusion summary
//    counts, per gold label, exact-span predictions with another label, partial overlaps and
//    misses.
//
// Thread-safety: pure functions of their arguments.

#include <cstddef>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "evaluate/TaggedCorpus.h"
#include "extract/Knowledge.h"
#include "learn/TaggerModel.h"
#include "learn/TaggerTrainer.h"

namespace skein::evaluate {

// The corpora of one split ("train" or "dev") for a model kind ("pos" or "ner") under
// `dev_data_dir` (../shared/dev-data). Throws UsageError for an unknown kind or split and
// InputError for missing or malformed files.
std::vector<TaggedCorpus> tagger_corpora(const std::string& kind, const std::string& split,
                                         const std::string& dev_data_dir);

// The GUM documents (doc ids) whose text licence lets a model trained on them ship:
// licence_class "permissive" in gum/doc_manifest.tsv. The one home of that rule, for the
// taggers and the parser alike. InputError with file:line for a malformed manifest.
std::set<std::string> permissive_gum_documents(const std::string& manifest_path);

struct TaggerTrainingOptions {
  learn::TrainerOptions trainer;  // epochs, seed, pruning
  std::size_t limit = 0;          // at most this many sentences from each corpus (0 = all)
};

// Trains a model of `kind` on `corpora`. `knowledge` is needed for "ner" (its attributes).
learn::TaggerModel train_tagger_model(const std::string& kind,
                                      const std::vector<TaggedCorpus>& corpora,
                                      const extract::Knowledge* knowledge,
                                      const TaggerTrainingOptions& options,
                                      const learn::EpochCallback& on_epoch = {});

// What the knowledge tells a "ner" model in training: a digest (16 hex digits) of the
// attributes (extract/TokenAttributes.h) of every token of the sentences train_tagger_model
// would train on (`limit` as in TaggerTrainingOptions). The model's bytes follow from the
// corpora, the program and these attributes, so a shipped model whose recorded digest differs
// from today's was trained on other lists and no longer rebuilds: retrain it.
std::string knowledge_attributes_digest(const std::vector<TaggedCorpus>& corpora,
                                        const extract::Knowledge& knowledge, std::size_t limit = 0);

// Where that digest is kept beside a model file: "ner.skm" -> "ner.knowledge". The file is
// one comment line and the digest; `skein train ner` writes it, and read_knowledge_digest()
// returns the digest (InputError naming the file when it is missing or malformed).
std::string knowledge_digest_path(const std::string& model_path);
void write_knowledge_digest(const std::string& model_path, const std::string& digest);
std::string read_knowledge_digest(const std::string& model_path);

// Jack-knifed UPOS tags for sentences given as words and gold tags: the sentences are dealt
// into `folds` parts (sentence i into part i % folds), and each part is tagged by a pos model
// trained with `options` on the other parts. A model trained on the result (the parser) then
// sees tags as wrong as the run-time tagger's are on text it never saw. Returns one tag per
// word, sentence by sentence. UsageError when folds < 2 or the two inputs differ in shape.
std::vector<std::vector<std::string>> jackknifed_pos_tags(
    const std::vector<std::vector<std::string>>& words,
    const std::vector<std::vector<std::string>>& upos, std::size_t folds,
    const TaggerTrainingOptions& options,
    const std::function<void(std::size_t fold, double accuracy)>& on_fold = {});

struct SpanCounts {
  std::size_t true_positives = 0;  // matched predictions (= matched gold, one-to-one)
  std::size_t predicted = 0;
  std::size_t gold = 0;
  double precision() const {
    return predicted == 0 ? 0.0
                          : static_cast<double>(true_positives) / static_cast<double>(predicted);
  }
  double recall() const {
    return gold == 0 ? 0.0 : static_cast<double>(true_positives) / static_cast<double>(gold);
  }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
  }
};

struct TaggerScore {
  std::string kind;
  std::size_t sentences = 0;
  std::size_t tokens = 0;
  std::size_t tokens_correct = 0;            // POS only
  std::map<std::string, SpanCounts> strict;  // "PER", "ORG", "LOC", "ALL"
  std::map<std::string, SpanCounts> lenient;
  // gold label -> what happened to its unmatched spans ("ORG" = same span labelled ORG,
  // "partial" = overlapped with the wrong extent, "missed") -> count; plus "spurious" under "-".
  std::map<std::string, std::map<std::string, std::size_t>> confusion;
  double accuracy() const {
    return tokens == 0 ? 0.0 : static_cast<double>(tokens_correct) / static_cast<double>(tokens);
  }
};

TaggerScore score_tagger(const learn::TaggerModel& model, const TaggedCorpus& corpus,
                         const extract::Knowledge* knowledge);

// A plain-text report of a score, a few lines, for the terminal.
std::string format_tagger_score(const TaggerScore& score, const std::string& source);

}  // namespace skein::evaluate
