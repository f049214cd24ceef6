// skein train: rebuilds a learned model from annotated corpora. The taggers' corpora, tag sets
// and scoring live in evaluate/TaggerTraining.h, their engine in learn/; the parser's engine
// and trainer in parse/. This file parses options, names the parser's treebank files and
// prints.

#include <algorithm>
#include <filesystem>
#include <iomanip>
#include <iostream>

#include "cli/ArgParser.h"
#include "cli/Command.h"
#include "core/Error.h"
#include "evaluate/TaggerTraining.h"
#include "extract/Extractor.h"
#include "extract/Knowledge.h"
#include "parse/DependencyParser.h"
#include "parse/Treebank.h"

namespace skein::cli {
namespace {

namespace fs = std::filesystem;

// Every *.conllu file below `dir` whose file name contains `split`, sorted (deterministic).
std::vector<std::string> conllu_files(const fs::path& dir, const std::string& split) {
  std::vector<std::string> files;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const auto& path = it->path();
    if (path.extension() == ".conllu" &&
        path.filename().string().find(split) != std::string::npos) {
      files.push_back(path.string());
    }
  }
  if (ec) throw InputError(dir.string(), "cannot list: " + ec.message());
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<parse::TreebankSentence> read_treebanks(const std::vector<std::string>& files,
                                                    std::size_t limit) {
  std::vector<parse::TreebankSentence> sentences;
  for (const auto& file : files) {
    for (auto& s : parse::read_conllu(file)) {
      if (limit != 0 && sentences.size() >= limit) return sentences;
      sentences.push_back(std::move(s));
    }
  }
  return sentences;
}

// Gives every word the UPOS tag a pos model trained on the other `folds` parts of the
// treebank predicts (evaluate::jackknifed_pos_tags), as the parser will see them at run time.
void jackknife_tags(std::vector<parse::TreebankSentence>& sentences, int folds, bool quiet) {
  std::vector<std::vector<std::string>> words(sentences.size()), upos(sentences.size());
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    for (const auto& w : sentences[i].words) {
      words[i].push_back(w.form);
      upos[i].push_back(w.upos);
    }
  }
  const auto predicted = evaluate::jackknifed_pos_tags(
      words, upos, static_cast<std::size_t>(folds), evaluate::TaggerTrainingOptions{},
      [&](std::size_t fold, double accuracy) {
        if (!quiet)
          std::cerr << "jack-knife fold " << fold << ": tagger accuracy " << accuracy << "\n";
      });
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    for (std::size_t k = 0; k < sentences[i].words.size(); ++k)
      sentences[i].words[k].upos = predicted[i][k];
  }
}

// The parser: UD English EWT train plus GUM train's permissively licensed documents (the
// model card in data/README.md), on gold UPOS or, with `jackknife` folds, on jack-knifed
// tags; scored on EWT dev with its gold UPOS.
int train_parser(const std::string& dev_data, std::string output, int epochs, int limit,
                 int jackknife, bool no_dev, bool quiet) {
  const fs::path data(dev_data);
  std::vector<std::string> train = conllu_files(data / "ud_english_ewt", "train");
  const auto permissive =
      evaluate::permissive_gum_documents((data / "gum" / "doc_manifest.tsv").string());
  for (const auto& f : conllu_files(data / "gum" / "dep" / "train", "")) {
    if (permissive.count(fs::path(f).stem().string()) != 0) train.push_back(f);
  }
  if (train.empty())
    throw InputError(dev_data, "no training treebank found (ud_english_ewt/*train*.conllu)");
  if (output.empty()) output = extract::default_data_dir() + "/models/parser.skm";
  auto sentences = read_treebanks(train, static_cast<std::size_t>(limit));
  if (jackknife != 0) jackknife_tags(sentences, jackknife, quiet);
  parse::ParserTrainer trainer(std::move(sentences));
  std::cerr << "train parser: " << trainer.sentence_count() << " projective sentences from "
            << train.size() << " files (" << trainer.skipped() << " non-projective skipped)\n";
  parse::ParserTrainOptions options;
  options.epochs = epochs;
  const parse::DependencyParser parser = trainer.train(options, [&](int epoch, double accuracy) {
    if (!quiet) std::cerr << "epoch " << epoch << ": transition accuracy " << accuracy << "\n";
  });
  parser.save(output);
  std::cout << "wrote " << output << ": dependency parser, " << parser.relations().size()
            << " relations\n";
  if (!no_dev) {
    const auto scores = parse::evaluate_parser(
        parser, read_treebanks(conllu_files(data / "ud_english_ewt", "dev"), 0));
    std::cout << "UD English EWT dev (gold UPOS): UAS " << std::fixed << std::setprecision(4)
              << scores.uas() << ", LAS " << scores.las() << " over " << scores.words << " words\n";
  }
  return exit_code::kSuccess;
}

int run(const std::vector<std::string>& args) {
  std::vector<std::string> kinds;
  std::string dev_data = "../shared/dev-data";
  std::string output, knowledge_dir, rules_dir;
  int epochs = static_cast<int>(learn::TrainerOptions{}.epochs);
  int limit = 0;
  int jackknife = 0;
  int prune = learn::TrainerOptions{}.prune_below;
  int seed = static_cast<int>(learn::TrainerOptions{}.seed);
  int runs = static_cast<int>(learn::TrainerOptions{}.runs);
  int beam = static_cast<int>(learn::TrainerOptions{}.beam);
  bool document_memory = false;
  bool no_dev = false;
  bool quiet = false;
  ArgParser parser(
      "train [options] pos|ner|parser",
      "Trains the part-of-speech (pos) or named-entity (ner) tagger, or the dependency\n"
      "parser, from the annotated corpora under --data and writes its model file.\n"
      "Training is deterministic: the same corpora and options give a byte-identical\n"
      "file. Then scores the new model alone on the dev splits.");
  parser.option("--data", "DIR", "annotated corpora (default: ../shared/dev-data)", dev_data)
      .option("-o,--output", "FILE", "model file to write (default: data/models/KIND.skm)", output)
      .option("--epochs", "N", "passes over the training data", epochs)
      .option("--limit", "N", "at most N sentences from each training corpus (0: all)", limit)
      .option("--jackknife", "K",
              "parser: train on UPOS tags predicted by K pos models, each trained on the other "
              "parts (0: gold tags)",
              jackknife)
      .option("--seed", "N", "the shuffling seed of the pos and ner taggers", seed)
      .option("--runs", "N",
              "pos and ner: train N times, shuffled by seeds SEED .. SEED+N-1, and average the "
              "weights",
              runs)
      .option("--beam", "K",
              "pos and ner: train and tag with a beam of K paths (1: greedy; max-violation "
              "updates)",
              beam)
      .flag("--document-memory",
            "pos and ner: each token also sees the labels its word got earlier in the document",
            document_memory)
      .option("--prune", "Q",
              "drop feature rows whose largest quantised weight is below Q (of 32767)", prune)
      .option("--knowledge", "DIR",
              "knowledge resources for the ner attributes (default: the bundled data/)",
              knowledge_dir)
      .option("--rules", "DIR",
              "rule files whose word lists are ner attributes too (default: the bundled schema/)",
              rules_dir)
      .flag("--no-dev", "do not score the model on the dev splits", no_dev)
      .flag("-q,--quiet", "print no progress", quiet)
      .positionals("KIND", "pos, ner or parser", kinds, 1, 1)
      .epilog(
          "Examples:\n"
          "  skein train pos\n"
          "  skein train ner --epochs 4 --limit 500 -o /tmp/ner.skm\n"
          "  skein train parser\n"
          "  scripts/train-models.sh   (rebuilds every model)\n");
  if (!parser.parse(args)) return exit_code::kSuccess;
  const std::string& kind = kinds.front();
  if (kind != "pos" && kind != "ner" && kind != "parser") {
    throw UsageError("unknown model kind '" + kind + "' (expected pos, ner or parser)");
  }
  if (epochs < 1) throw UsageError("--epochs must be 1 or more");
  if (limit < 0) throw UsageError("--limit must be 0 or more");
  if (jackknife < 0 || jackknife == 1) throw UsageError("--jackknife must be 0 or 2 or more");
  if (jackknife != 0 && kind != "parser") throw UsageError("--jackknife is for the parser only");
  if (kind == "parser")
    return train_parser(dev_data, output, epochs, limit, jackknife, no_dev, quiet);
  if (prune < 0 || prune > 32767) throw UsageError("--prune must be between 0 and 32767");
  const std::string data_dir = knowledge_dir.empty() ? extract::default_data_dir() : knowledge_dir;
  if (output.empty()) output = learn::default_model_path(data_dir, kind);

  std::unique_ptr<extract::Knowledge> knowledge;
  if (kind == "ner") knowledge = extract::tagger_knowledge(data_dir, rules_dir);
  const auto corpora = evaluate::tagger_corpora(kind, "train", dev_data);
  evaluate::TaggerTrainingOptions options;
  options.trainer.epochs = static_cast<std::size_t>(epochs);
  options.limit = static_cast<std::size_t>(limit);
  options.trainer.prune_below = prune;
  if (seed < 0) throw UsageError("--seed must be 0 or more");
  options.trainer.seed = static_cast<std::uint64_t>(seed);
  if (runs < 1) throw UsageError("--runs must be 1 or more");
  options.trainer.runs = static_cast<std::size_t>(runs);
  options.trainer.document_memory = document_memory;
  if (beam < 1 || beam > 64) throw UsageError("--beam must be between 1 and 64");
  options.trainer.beam = static_cast<std::size_t>(beam);
  const learn::TaggerModel model = evaluate::train_tagger_model(
      kind, corpora, knowledge.get(), options, [&](std::size_t epoch, double accuracy) {
        if (!quiet) std::cerr << "epoch " << epoch << ": training accuracy " << accuracy << "\n";
      });
  model.save(output);
  if (kind == "ner") {
    evaluate::write_knowledge_digest(
        output, evaluate::knowledge_attributes_digest(corpora, *knowledge, options.limit));
  }
  std::cout << "wrote " << output << ": " << kind << " model, " << model.tags().size() << " tags, "
            << model.row_count() << " feature rows\n";
  if (!no_dev) {
    for (const auto& corpus : evaluate::tagger_corpora(kind, "dev", dev_data)) {
      const auto score = evaluate::score_tagger(model, corpus, knowledge.get());
      std::cout << evaluate::format_tagger_score(score, corpus.source);
    }
  }
  std::cout.flush();
  if (!std::cout) throw Error("cannot write to stdout");
  return exit_code::kSuccess;
}

const bool registered = register_command(
    {"train", "train the part-of-speech or named-entity tagger, or the parser", run});

}  // namespace
}  // namespace skein::cli
