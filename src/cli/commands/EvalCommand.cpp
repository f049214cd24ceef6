// skein eval: measures extraction quality against annotated documents (CoNLL04 JSON or
// Skein's gold JSONL, see docs/gold-format.md). The logic lives in the evaluate module; this
// file only parses options and prints.

#include <algorithm>
#include <iostream>
#include <memory>

#include "cli/ArgParser.h"
#include "cli/Command.h"
#include "cli/ComponentOptions.h"
#include "core/Error.h"
#include "evaluate/Evaluation.h"
#include "evaluate/ParserEvaluation.h"
#include "evaluate/ReportWriter.h"
#include "evaluate/TaggerTraining.h"
#include "extract/Extractor.h"

namespace skein::cli {
namespace {

int run(const std::vector<std::string>& args) {
  std::vector<std::string> paths;
  std::string format = "auto";
  std::string data_dir, rules_dir;
  ComponentFlags component_flags;  // the pipeline scored: the default one unless named
  bool json = false;
  bool verbose = false;
  bool non_asserted = false;
  bool knowledge = false;
  int errors = 3;
  std::string tagger, model_path;
  ArgParser parser("eval [options] FILE",
                   "Runs the extractor over annotated documents and reports entity and relation\n"
                   "precision, recall and F1 per label and type, strict (exact span) and lenient\n"
                   "(overlapping span), with an error breakdown for tuning.");
  parser
      .option("--format", "NAME",
              "conll04, gold, conll2003, conllu, or auto (by name: .json conll04, .jsonl gold,\n"
              "eng.* or .conll conll2003, .conllu or a folder conllu)",
              format)
      .option("--tagger", "KIND",
              "score the pos or ner tagger, or the parser (gold and predicted\n"
              "UPOS), alone on the file's gold tokens",
              tagger)
      .option("--model", "FILE",
              "the tagger's or parser's model file (default: data/models/KIND.skm)", model_path)
      .flag("--json", "print the report as one JSON object", json)
      .option("--errors", "N", "examples shown per error class (0: counts only)", errors)
      .flag("-v,--verbose", "show 20 examples per error class", verbose)
      .flag("--non-asserted", "also score relations marked negated or hypothetical", non_asserted)
      .flag("--knowledge", "also score relations taken from knowledge rather than the text",
            knowledge)
      .option("--data", "DIR", "knowledge resources (default: the bundled data/)", data_dir)
      .option("--rules", "DIR", "relation rule files (default: the bundled schema/)", rules_dir)
      .positionals("FILE", "CoNLL04 JSON, gold JSONL, CoNLL-2003 or CoNLL-U file (or folder)",
                   paths, 1, 1)
      .epilog(
          "Examples:\n"
          "  skein eval ../shared/dev-data/conll04/conll04_dev.json\n"
          "  skein eval --format gold examples/gold.jsonl --errors 10\n"
          "  skein eval ../shared/dev-data/conll2003/eng.testa\n"
          "  skein eval --tagger pos ../shared/dev-data/ud_english_ewt/en_ewt-ud-dev.conllu\n"
          "  skein eval --tagger ner ../shared/dev-data/gum/dep/dev\n"
          "  skein eval --tagger parser ../shared/dev-data/ud_english_ewt/en_ewt-ud-dev.conllu\n");
  add_component_options(parser, component_flags);
  if (!parser.parse(args)) return exit_code::kSuccess;
  if (errors < 0) throw UsageError("--errors must be 0 or more");
  const std::size_t examples = verbose ? std::max<std::size_t>(20, static_cast<std::size_t>(errors))
                                       : static_cast<std::size_t>(errors);

  if (tagger == "parser") {
    const std::string data = data_dir.empty() ? extract::default_data_dir() : data_dir;
    const parse::DependencyParser dependency_parser = parse::DependencyParser::load(
        model_path.empty() ? data + "/models/parser.skm" : model_path);
    const learn::TaggerModel pos =
        learn::TaggerModel::load(learn::default_model_path(data, "pos"), "pos");
    std::cout << evaluate::format_parser_evaluation(
        evaluate::evaluate_parser_on(paths.front(), dependency_parser, pos));
    std::cout.flush();
    if (!std::cout) throw Error("cannot write to stdout");
    return exit_code::kSuccess;
  }
  if (!tagger.empty()) {
    if (tagger != "pos" && tagger != "ner") throw UsageError("--tagger must be pos, ner or parser");
    const std::string data = data_dir.empty() ? extract::default_data_dir() : data_dir;
    const learn::TaggerModel model = learn::TaggerModel::load(
        model_path.empty() ? learn::default_model_path(data, tagger) : model_path, tagger);
    std::unique_ptr<extract::Knowledge> gazetteers;
    if (tagger == "ner") gazetteers = extract::tagger_knowledge(data, rules_dir);
    const evaluate::TaggedCorpus corpus = evaluate::read_tagged_corpus(paths.front(), format);
    std::cout << evaluate::format_tagger_score(
        evaluate::score_tagger(model, corpus, gazetteers.get()), corpus.source);
    std::cout.flush();
    if (!std::cout) throw Error("cannot write to stdout");
    return exit_code::kSuccess;
  }
  if (!model_path.empty()) throw UsageError("--model needs --tagger pos|ner|parser");

  const evaluate::Dataset dataset = evaluate::read_dataset(paths.front(), format);
  const extract::Extractor extractor(extractor_options(data_dir, rules_dir, component_flags));
  evaluate::ScorerOptions options;
  options.max_examples = examples;
  options.score_non_asserted = non_asserted;
  options.score_knowledge_relations = knowledge;
  const evaluate::Report report = evaluate::evaluate(dataset, extractor, options);

  if (json) {
    std::cout << evaluate::to_json(report, examples) << "\n";
  } else {
    evaluate::write_text_report(std::cout, report, examples);
  }
  std::cout.flush();
  if (!std::cout) throw Error("cannot write to stdout");
  return exit_code::kSuccess;
}

const bool registered =
    register_command({"eval", "measure extraction quality against annotated documents", run});

}  // namespace
}  // namespace skein::cli
