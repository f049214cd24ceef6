#include "evaluate/TaggerTraining.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>

#include "core/Error.h"
#include "evaluate/Conll04Reader.h"
#include "evaluate/Conll2003Reader.h"
#include "evaluate/ConlluReader.h"
#include "extract/TokenAttributes.h"
#include "learn/DocumentMemory.h"

namespace skein::evaluate {
namespace {

const std::vector<std::string>& upos_tags() {
  static const std::vector<std::string> tags = {"ADJ",   "ADP",   "ADV", "AUX",  "CCONJ", "DET",
                                                "INTJ",  "NOUN",  "NUM", "PART", "PRON",  "PROPN",
                                                "PUNCT", "SCONJ", "SYM", "VERB", "X"};
  return tags;
}

const std::vector<std::string>& ner_tags() {
  static const std::vector<std::string> tags = [] {
    std::vector<std::string> t = {"O"};
    for (const char* label : {"PER", "ORG", "LOC", "MISC"}) {
      for (const char* p : {"B-", "I-", "L-", "U-"}) t.push_back(std::string(p) + label);
    }
    return t;
  }();
  return tags;
}

// The tag set of a model kind ("pos" or "ner").
const std::vector<std::string>& tag_set(const std::string& kind) {
  return kind == "pos" ? upos_tags() : ner_tags();
}

void check_kind(const std::string& kind) {
  if (kind != "pos" && kind != "ner")
    throw UsageError("unknown model kind '" + kind + "' (expected pos or ner)");
}

// The attribute hashes of a sentence's tokens, laid out per token.
class AttributeHasher {
 public:
  explicit AttributeHasher(const extract::Knowledge* knowledge) {
    if (knowledge == nullptr) return;
    attributes_ = std::make_unique<extract::TokenAttributes>(*knowledge);
    for (const std::string& name : extract::TokenAttributes::attribute_names()) {
      hashes_.push_back(learn::attribute_hash(name));
    }
  }
  std::vector<std::vector<std::uint64_t>> of(const std::vector<std::string>& words) {
    std::vector<std::vector<std::uint64_t>> out;
    if (!attributes_) return out;
    attributes_->attributes_of_words(words, scratch_);
    out.resize(words.size());
    for (std::size_t k = 0; k < words.size(); ++k) {
      for (std::uint32_t a = scratch_.offsets[k]; a < scratch_.offsets[k + 1]; ++a) {
        out[k].push_back(hashes_[scratch_.ids[a]]);
      }
    }
    return out;
  }

 private:
  std::unique_ptr<extract::TokenAttributes> attributes_;
  std::vector<std::uint64_t> hashes_;
  extract::SentenceAttributes scratch_;
};

std::vector<std::string> gold_tags(const std::string& kind, const TaggedSentence& s) {
  return kind == "pos" ? s.upos : entity_tags(s, true);
}

bool usable(const std::string& kind, const TaggedCorpus& corpus) {
  return kind == "pos" ? corpus.has_pos : corpus.has_entities;
}

// Tags one sentence; with `memory` (a model trained with one), each token also gets what the
// memory recalls of its word, and the memory then records the sentence.
std::vector<std::string> predict(const learn::TaggerModel& model,
                                 const std::vector<std::string>& words,
                                 std::vector<std::vector<std::uint64_t>> attributes,
                                 learn::TaggerWorkspace& workspace,
                                 learn::DocumentMemory* memory = nullptr) {
  if (memory != nullptr) {
    attributes.resize(words.size());
    for (std::size_t k = 0; k < words.size(); ++k) memory->recall(words[k], attributes[k]);
  }
  std::vector<learn::TokenView> views(words.size());
  for (std::size_t k = 0; k < words.size(); ++k) {
    views[k].word = words[k];
    if (!attributes.empty()) {
      views[k].attributes = attributes[k].data();
      views[k].attribute_count = static_cast<std::uint32_t>(attributes[k].size());
    }
  }
  std::vector<std::uint16_t> tags;
  model.tag(views.data(), views.size(), workspace, tags);
  if (memory != nullptr) memory->remember(views.data(), tags.data(), views.size());
  std::vector<std::string> out;
  out.reserve(tags.size());
  for (const std::uint16_t t : tags) out.push_back(model.tags()[t]);
  return out;
}

TaggedCorpus gum_permissive(TaggedCorpus corpus, const std::string& manifest_path) {
  const std::set<std::string> permissive = permissive_gum_documents(manifest_path);
  std::erase_if(corpus.documents,
                [&](const TaggedDocument& d) { return permissive.count(d.id) == 0; });
  corpus.source += " (permissive-licence documents)";
  return corpus;
}

bool overlaps(const TokenSpan& a, const TokenSpan& b) {
  return a.first < b.last && b.first < a.last;
}

// One-to-one matching of one label's spans, greedy in gold order (the scoreboard's rule).
std::size_t matches(const std::vector<TokenSpan>& gold, const std::vector<TokenSpan>& pred,
                    bool strict) {
  std::vector<bool> used(pred.size(), false);
  std::size_t tp = 0;
  for (const TokenSpan& g : gold) {
    for (std::size_t i = 0; i < pred.size(); ++i) {
      if (used[i] || pred[i].label != g.label) continue;
      const bool hit =
          strict ? (pred[i].first == g.first && pred[i].last == g.last) : overlaps(pred[i], g);
      if (hit) {
        used[i] = true;
        ++tp;
        break;
      }
    }
  }
  return tp;
}

}  // namespace

namespace {
// GUM: train on the permissive-licence documents only (what ships); score on all of dev.
TaggedCorpus gum(const std::string& dir, const std::string& split) {
  TaggedCorpus corpus = read_conllu(dir + "gum/dep/" + split);
  return split == "train" ? gum_permissive(std::move(corpus), dir + "gum/doc_manifest.tsv")
                          : corpus;
}
}  // namespace

std::vector<TaggedCorpus> tagger_corpora(const std::string& kind, const std::string& split,
                                         const std::string& dev_data_dir) {
  check_kind(kind);
  if (split != "train" && split != "dev")
    throw UsageError("unknown split '" + split + "' (expected train or dev)");
  const std::string dir =
      dev_data_dir.empty() || dev_data_dir.back() == '/' ? dev_data_dir : dev_data_dir + "/";
  std::vector<TaggedCorpus> corpora;
  if (kind == "pos") {
    corpora.push_back(read_conllu(dir + "ud_english_ewt/en_ewt-ud-" + split + ".conllu"));
    corpora.push_back(gum(dir, split));
  } else {
    corpora.push_back(
        read_conll2003(dir + "conll2003/" + (split == "train" ? "eng.train" : "eng.testa")));
    corpora.push_back(
        tagged_from_conll04(read_conll04(dir + "conll04/conll04_" + split + ".json")));
    corpora.push_back(gum(dir, split));
  }
  return corpora;
}

namespace {

// The sentences a model of `kind` trains on: at most `limit` per corpus (0 = all), with the
// knowledge attributes for "ner".
std::vector<learn::TrainingSentence> training_sentences(const std::string& kind,
                                                        const std::vector<TaggedCorpus>& corpora,
                                                        const extract::Knowledge* knowledge,
                                                        std::size_t limit) {
  check_kind(kind);
  const std::vector<std::string>& tags = tag_set(kind);
  AttributeHasher hasher(kind == "ner" ? knowledge : nullptr);
  std::vector<learn::TrainingSentence> sentences;
  std::uint32_t document = 0;
  for (const TaggedCorpus& corpus : corpora) {
    if (!usable(kind, corpus)) {
      throw InputError(corpus.source,
                       "has no " + std::string(kind == "pos" ? "UPOS tags" : "entity annotations") +
                           " to train a " + kind + " model on");
    }
    std::size_t taken = 0;
    for (const TaggedDocument& doc : corpus.documents) {
      ++document;
      for (const TaggedSentence& s : doc.sentences) {
        if (limit != 0 && taken >= limit) break;
        ++taken;
        learn::TrainingSentence t;
        t.document = document;
        t.words = s.words;
        t.attributes = hasher.of(s.words);
        for (const std::string& tag : gold_tags(kind, s)) {
          const auto it = std::find(tags.begin(), tags.end(), tag);
          if (it == tags.end()) {
            throw InputError(corpus.source, s.line,
                             "tag '" + tag + "' is not in the " + kind + " tag set");
          }
          t.tags.push_back(static_cast<std::uint16_t>(it - tags.begin()));
        }
        sentences.push_back(std::move(t));
      }
    }
  }
  return sentences;
}

}  // namespace

learn::TaggerModel train_tagger_model(const std::string& kind,
                                      const std::vector<TaggedCorpus>& corpora,
                                      const extract::Knowledge* knowledge,
                                      const TaggerTrainingOptions& options,
                                      const learn::EpochCallback& on_epoch) {
  const auto sentences = training_sentences(kind, corpora, knowledge, options.limit);
  if (sentences.empty()) throw UsageError("no training sentences");
  const std::vector<std::string>& tags = tag_set(kind);
  return learn::train_tagger(kind, tags, sentences, options.trainer, on_epoch);
}

std::string knowledge_attributes_digest(const std::vector<TaggedCorpus>& corpora,
                                        const extract::Knowledge& knowledge, std::size_t limit) {
  // FNV-1a over the bytes of each attribute hash, with a marker after each token.
  std::uint64_t digest = 1469598103934665603ull;
  const auto mix = [&digest](std::uint64_t value) {
    for (int shift = 0; shift < 64; shift += 8) {
      digest = (digest ^ ((value >> shift) & 0xFFu)) * 1099511628211ull;
    }
  };
  for (const learn::TrainingSentence& s : training_sentences("ner", corpora, &knowledge, limit)) {
    for (const auto& token : s.attributes) {
      for (const std::uint64_t attribute : token) mix(attribute);
      mix(0);
    }
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(digest));
  return hex;
}

std::string knowledge_digest_path(const std::string& model_path) {
  const std::string suffix = ".skm";
  const bool has_suffix =
      model_path.size() > suffix.size() &&
      model_path.compare(model_path.size() - suffix.size(), suffix.size(), suffix) == 0;
  return (has_suffix ? model_path.substr(0, model_path.size() - suffix.size()) : model_path) +
         ".knowledge";
}

void write_knowledge_digest(const std::string& model_path, const std::string& digest) {
  const std::string path = knowledge_digest_path(model_path);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << "# digest of the knowledge attributes " << model_path.substr(model_path.rfind('/') + 1)
      << " was trained with (skein train ner; evaluate/TaggerTraining.h)\n"
      << digest << "\n";
  out.close();
  if (!out) throw InputError(path, "cannot write the knowledge digest");
}

std::string read_knowledge_digest(const std::string& model_path) {
  const std::string path = knowledge_digest_path(model_path);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, "cannot read the knowledge digest");
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    const bool hex =
        line.size() == 16 && line.find_first_not_of("0123456789abcdef") == std::string::npos;
    if (!hex) throw InputError(path, number, "expected a digest of 16 hex digits");
    return line;
  }
  throw InputError(path, "holds no digest");
}

std::vector<std::vector<std::string>> jackknifed_pos_tags(
    const std::vector<std::vector<std::string>>& words,
    const std::vector<std::vector<std::string>>& upos, std::size_t folds,
    const TaggerTrainingOptions& options,
    const std::function<void(std::size_t fold, double accuracy)>& on_fold) {
  if (folds < 2) throw UsageError("jack-knifing needs 2 or more folds");
  if (words.size() != upos.size()) throw UsageError("jack-knifing: words and tags differ");
  const std::vector<std::string>& tags = upos_tags();
  std::vector<learn::TrainingSentence> examples(words.size());
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i].size() != upos[i].size())
      throw UsageError("jack-knifing: a sentence's words and tags differ in length");
    examples[i].words = words[i];
    for (const std::string& tag : upos[i]) {
      const auto it = std::find(tags.begin(), tags.end(), tag);
      if (it == tags.end()) throw UsageError("jack-knifing: tag '" + tag + "' is not a UPOS tag");
      examples[i].tags.push_back(static_cast<std::uint16_t>(it - tags.begin()));
    }
  }
  std::vector<std::vector<std::string>> predicted(words.size());
  learn::TaggerWorkspace workspace;
  for (std::size_t fold = 0; fold < folds; ++fold) {
    std::vector<learn::TrainingSentence> rest;
    for (std::size_t i = 0; i < examples.size(); ++i) {
      if (i % folds != fold) rest.push_back(examples[i]);
    }
    const learn::TaggerModel model = learn::train_tagger("pos", tags, rest, options.trainer);
    std::size_t total = 0, correct = 0;
    for (std::size_t i = fold; i < words.size(); i += folds) {
      predicted[i] = predict(model, words[i], {}, workspace);
      for (std::size_t k = 0; k < words[i].size(); ++k) correct += predicted[i][k] == upos[i][k];
      total += words[i].size();
    }
    if (on_fold)
      on_fold(fold + 1, total ? static_cast<double>(correct) / static_cast<double>(total) : 0);
  }
  return predicted;
}

TaggerScore score_tagger(const learn::TaggerModel& model, const TaggedCorpus& corpus,
                         const extract::Knowledge* knowledge) {
  TaggerScore score;
  score.kind = model.kind();
  if (!usable(score.kind, corpus)) {
    throw InputError(corpus.source,
                     "has no " +
                         std::string(score.kind == "pos" ? "UPOS tags" : "entity annotations") +
                         " to score a " + score.kind + " model against");
  }
  AttributeHasher hasher(score.kind == "ner" ? knowledge : nullptr);
  learn::TaggerWorkspace workspace;
  static const std::vector<std::string> labels = {"PER", "ORG", "LOC"};
  learn::DocumentMemory memory(model.tags());
  for (const TaggedDocument& doc : corpus.documents) {
    memory.clear();
    for (const TaggedSentence& s : doc.sentences) {
      ++score.sentences;
      score.tokens += s.words.size();
      const std::vector<std::string> predicted =
          predict(model, s.words, hasher.of(s.words), workspace,
                  model.document_memory() ? &memory : nullptr);
      if (score.kind == "pos") {
        for (std::size_t k = 0; k < s.words.size(); ++k)
          score.tokens_correct += predicted[k] == s.upos[k] ? 1 : 0;
        continue;
      }
      std::vector<TokenSpan> gold, ignored = s.unscored, pred;
      for (const TokenSpan& e : s.entities) (e.label == "MISC" ? ignored : gold).push_back(e);
      for (const TokenSpan& p : spans_from_tags(predicted)) {
        if (p.label == "MISC") continue;
        const bool on_gold = std::any_of(gold.begin(), gold.end(),
                                         [&](const TokenSpan& g) { return overlaps(g, p); });
        const bool on_ignored = std::any_of(ignored.begin(), ignored.end(),
                                            [&](const TokenSpan& g) { return overlaps(g, p); });
        if (on_gold || !on_ignored) pred.push_back(p);
      }
      for (const std::string& label : labels) {
        std::vector<TokenSpan> g, p;
        for (const auto& x : gold)
          if (x.label == label) g.push_back(x);
        for (const auto& x : pred)
          if (x.label == label) p.push_back(x);
        for (auto* counts : {&score.strict, &score.lenient}) {
          const bool strict = counts == &score.strict;
          const std::size_t tp = matches(g, p, strict);
          for (const std::string& key : {label, std::string("ALL")}) {
            SpanCounts& c = (*counts)[key];
            c.true_positives += tp;
            c.predicted += p.size();
            c.gold += g.size();
          }
        }
      }
      for (const TokenSpan& g : gold) {
        const auto exact = std::find_if(pred.begin(), pred.end(), [&](const TokenSpan& p) {
          return p.first == g.first && p.last == g.last;
        });
        if (exact != pred.end()) {
          if (exact->label != g.label) ++score.confusion[g.label][exact->label];
          continue;
        }
        const bool partial = std::any_of(pred.begin(), pred.end(),
                                         [&](const TokenSpan& p) { return overlaps(p, g); });
        ++score.confusion[g.label][partial ? "partial" : "missed"];
      }
      for (const TokenSpan& p : pred) {
        if (std::none_of(gold.begin(), gold.end(),
                         [&](const TokenSpan& g) { return overlaps(p, g); })) {
          ++score.confusion["-"]["spurious " + p.label];
        }
      }
    }
  }
  return score;
}

std::string format_tagger_score(const TaggerScore& score, const std::string& source) {
  std::ostringstream out;
  char line[200];
  out << source << ": " << score.kind << " tagger alone, " << score.sentences << " sentences, "
      << score.tokens << " tokens\n";
  if (score.kind == "pos") {
    std::snprintf(line, sizeof(line), "  UPOS accuracy %.4f (%zu of %zu)\n", score.accuracy(),
                  score.tokens_correct, score.tokens);
    out << line;
    return out.str();
  }
  for (const char* label : {"ALL", "PER", "ORG", "LOC"}) {
    const auto s = score.strict.count(label) ? score.strict.at(label) : SpanCounts{};
    const auto l = score.lenient.count(label) ? score.lenient.at(label) : SpanCounts{};
    std::snprintf(
        line, sizeof(line),
        "  %-4s strict P %.3f R %.3f F1 %.3f | lenient P %.3f R %.3f F1 %.3f  (gold %zu)\n", label,
        s.precision(), s.recall(), s.f1(), l.precision(), l.recall(), l.f1(), s.gold);
    out << line;
  }
  out << "  confusion (gold label: unmatched spans):\n";
  for (const auto& [gold, row] : score.confusion) {
    out << "    " << gold << ":";
    for (const auto& [what, n] : row) out << " " << what << " " << n << ";";
    out << "\n";
  }
  return out.str();
}

std::set<std::string> permissive_gum_documents(const std::string& manifest_path) {
  std::ifstream in(manifest_path);
  if (!in) throw InputError(manifest_path, "cannot open file");
  std::set<std::string> permissive;
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    std::vector<std::string> cols;
    std::stringstream fields(line);
    for (std::string col; std::getline(fields, col, '\t');) cols.push_back(col);
    if (cols.size() < 5)
      throw InputError(manifest_path, number, "expected at least 5 tab-separated columns");
    if (number == 1) {
      if (cols[0] != "doc_id" || cols[4] != "licence_class") {
        throw InputError(manifest_path, 1, "expected a header starting doc_id ... licence_class");
      }
      continue;
    }
    if (cols[4] == "permissive") permissive.insert(cols[0]);
  }
  return permissive;
}

}  // namespace skein::evaluate
