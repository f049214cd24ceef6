// skein train: rebuilds a learned tagger's model from annotated corpora. The corpora, tag
// sets and scoring live in evaluate/TaggerTraining.h, the engine in learn/; this file only
// parses options and prints.

#include <iostream>

#include "cli/ArgParser.h"
#include "cli/Command.h"
#include "core/Error.h"
#include "evaluate/TaggerTraining.h"
#include "extract/Extractor.h"
#include "extract/Knowledge.h"

namespace skein::cli {
namespace {

int run(const std::vector<std::string>& args) {
  std::vector<std::string> kinds;
  std::string dev_data = "../shared/dev-data";
  std::string output, knowledge_dir;
  int epochs = static_cast<int>(learn::TrainerOptions{}.epochs);
  int limit = 0;
  int prune = learn::TrainerOptions{}.prune_below;
  bool no_dev = false;
  bool quiet = false;
  ArgParser parser("train [options] pos|ner",
                   "Trains the part-of-speech (pos) or named-entity (ner) tagger from the annotated\n"
                   "corpora under --data and writes its model file. Training is deterministic: the\n"
                   "same corpora and options give a byte-identical file. Then scores the new model\n"
                   "alone on the dev splits.");
  parser.option("--data", "DIR", "annotated corpora (default: ../shared/dev-data)", dev_data)
      .option("-o,--output", "FILE", "model file to write (default: data/models/KIND.skm)", output)
      .option("--epochs", "N", "passes over the training data", epochs)
      .option("--limit", "N", "at most N sentences from each training corpus (0: all)", limit)
      .option("--prune", "Q", "drop feature rows whose largest quantised weight is below Q (of 32767)", prune)
      .option("--knowledge", "DIR", "knowledge resources for the ner attributes (default: the bundled data/)",
              knowledge_dir)
      .flag("--no-dev", "do not score the model on the dev splits", no_dev)
      .flag("-q,--quiet", "print no progress", quiet)
      .positionals("KIND", "pos or ner", kinds, 1, 1)
      .epilog("Examples:\n"
              "  skein train pos\n"
              "  skein train ner --epochs 4 --limit 500 -o /tmp/ner.skm\n"
              "  scripts/train-models.sh   (rebuilds every model)\n");
  if (!parser.parse(args)) return exit_code::kSuccess;
  const std::string& kind = kinds.front();
  if (kind != "pos" && kind != "ner") throw UsageError("unknown model kind '" + kind + "' (expected pos or ner)");
  if (epochs < 1) throw UsageError("--epochs must be 1 or more");
  if (limit < 0) throw UsageError("--limit must be 0 or more");
  if (prune < 0 || prune > 32767) throw UsageError("--prune must be between 0 and 32767");
  const std::string data_dir = knowledge_dir.empty() ? extract::default_data_dir() : knowledge_dir;
  if (output.empty()) output = learn::default_model_path(data_dir, kind);

  std::unique_ptr<extract::Knowledge> knowledge;
  if (kind == "ner") knowledge = std::make_unique<extract::Knowledge>(data_dir);
  const auto corpora = evaluate::tagger_corpora(kind, "train", dev_data);
  evaluate::TaggerTrainingOptions options;
  options.trainer.epochs = static_cast<std::size_t>(epochs);
  options.limit = static_cast<std::size_t>(limit);
  options.trainer.prune_below = prune;
  const learn::TaggerModel model = evaluate::train_tagger_model(
      kind, corpora, knowledge.get(), options, [&](std::size_t epoch, double accuracy) {
        if (!quiet) std::cerr << "epoch " << epoch << ": training accuracy " << accuracy << "\n";
      });
  model.save(output);
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

const bool registered = register_command({"train", "train the part-of-speech or named-entity tagger", run});

}  // namespace
}  // namespace skein::cli
