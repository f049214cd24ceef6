// skein train: rebuilds a model deterministically from annotated data. The training itself
// lives in the model's module (parse/ for the parser); this file parses options, gathers the
// training files and prints progress and dev scores.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <iomanip>
#include <iostream>

#include "cli/ArgParser.h"
#include "cli/Command.h"
#include "core/Error.h"
#include "parse/DependencyParser.h"
#include "parse/Treebank.h"

namespace skein::cli {
namespace {

namespace fs = std::filesystem;

// Every *.conllu file below `dir` whose file name contains `split`, sorted (deterministic order).
std::vector<std::string> conllu_files(const fs::path& dir, const std::string& split) {
  std::vector<std::string> files;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const auto& path = it->path();
    if (path.extension() == ".conllu" && path.filename().string().find(split) != std::string::npos) {
      files.push_back(path.string());
    }
  }
  if (ec) throw InputError(dir.string(), "cannot list: " + ec.message());
  std::sort(files.begin(), files.end());
  return files;
}

// GUM documents whose text licence lets a shipped model derive from them (doc_manifest.tsv's
// licence_class "permissive"); the non-commercial and unstated ones stay out of what ships.
std::vector<std::string> permissive_gum_files(const fs::path& gum, const std::vector<std::string>& files) {
  const std::string manifest = (gum / "doc_manifest.tsv").string();
  std::ifstream in(manifest);
  if (!in) throw InputError(manifest, "cannot open the GUM document manifest");
  std::set<std::string> permissive;
  std::string line;
  std::getline(in, line);  // header: doc_id split genre staged licence_class ...
  while (std::getline(in, line)) {
    std::vector<std::string> fields;
    std::size_t start = 0;
    for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1) {
      fields.push_back(line.substr(start, tab - start));
    }
    fields.push_back(line.substr(start));
    if (fields.size() >= 5 && fields[4] == "permissive") permissive.insert(fields[0]);
  }
  std::vector<std::string> kept;
  for (const auto& f : files) {
    if (permissive.count(fs::path(f).stem().string()) != 0) kept.push_back(f);
  }
  return kept;
}

std::vector<parse::TreebankSentence> read_all(const std::vector<std::string>& files, std::size_t limit) {
  std::vector<parse::TreebankSentence> sentences;
  for (const auto& file : files) {
    for (auto& s : parse::read_conllu(file)) {
      if (limit != 0 && sentences.size() >= limit) return sentences;
      sentences.push_back(std::move(s));
    }
  }
  return sentences;
}

int train_parser(const std::string& data_dir, const std::string& output, int epochs, int limit) {
  const fs::path data(data_dir);
  // UD English EWT train plus GUM train's permissively licensed documents, as the model card
  // in data/README.md says.
  std::vector<std::string> train = conllu_files(data / "ud_english_ewt", "train");
  for (const auto& f : permissive_gum_files(data / "gum", conllu_files(data / "gum" / "dep" / "train", ""))) {
    train.push_back(f);
  }
  const std::vector<std::string> dev = conllu_files(data / "ud_english_ewt", "dev");
  if (train.empty()) throw InputError(data_dir, "no training treebank found (ud_english_ewt/*train*.conllu)");

  parse::ParserTrainer trainer(read_all(train, static_cast<std::size_t>(limit)));
  std::cerr << "train parser: " << trainer.sentence_count() << " projective sentences from "
            << train.size() << " files (" << trainer.skipped() << " non-projective skipped)\n";
  parse::ParserTrainOptions options;
  options.epochs = epochs;
  const parse::DependencyParser parser = trainer.train(options, [](int epoch, double accuracy) {
    std::cerr << "  epoch " << epoch << ": transition accuracy " << std::fixed << std::setprecision(4)
              << accuracy << "\n";
  });
  parser.save(output);
  std::cerr << "train parser: wrote " << output << " (" << fs::file_size(output) << " bytes)\n";
  if (!dev.empty()) {
    const auto scores = parse::evaluate_parser(parser, read_all(dev, 0));
    std::cout << "UD English EWT dev (gold UPOS): UAS " << std::fixed << std::setprecision(4)
              << scores.uas() << ", LAS " << scores.las() << " over " << scores.words << " words\n";
  }
  return exit_code::kSuccess;
}

int run(const std::vector<std::string>& args) {
  std::vector<std::string> models;
  std::string data_dir = "../shared/dev-data";
  std::string output;
  int epochs = 10;
  int limit = 0;
  ArgParser parser("train MODEL [options]",
                   "Trains a model from the annotated data in ../shared/dev-data, deterministically:\n"
                   "the same data and options give a byte-identical model file.\n"
                   "Models: parser (UD English EWT train + GUM train).");
  parser.option("--data", "DIR", "the annotated data folder", data_dir)
      .option("-o,--output", "FILE", "model file to write (default: data/models/MODEL.model)", output)
      .option("--epochs", "N", "passes over the training data", epochs)
      .option("--limit", "N", "train on the first N sentences only (0: all)", limit)
      .positionals("MODEL", "parser", models, 1, 1)
      .epilog("Example:\n  skein train parser -o data/models/parser.model\n");
  if (!parser.parse(args)) return exit_code::kSuccess;
  if (epochs < 1) throw UsageError("--epochs must be 1 or more");
  if (limit < 0) throw UsageError("--limit must be 0 or more");
  const std::string& model = models.front();
  if (output.empty()) output = "data/models/" + model + ".model";
  if (model == "parser") return train_parser(data_dir, output, epochs, limit);
  throw UsageError("unknown model '" + model + "' (known: parser)");
}

const bool registered = register_command({"train", "train a model from annotated data", run});

}  // namespace
}  // namespace skein::cli
