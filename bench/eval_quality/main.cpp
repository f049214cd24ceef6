// bench_eval_quality: how well the extractor does on annotated data, against the project's
// targets. A report, not a test: it prints PASS/FAIL lines and exits 0 either way, so a
// regression shows in the output without breaking a build.
//
//   bench_eval_quality [--errors N] [CONLL04_DIR] [EXAMPLES_GOLD]
//
// CoNLL04 dev is the headline (the targets apply to it); train is reported separately as a
// larger sample that rules were not tuned on sentence by sentence; examples/gold.jsonl shows
// the relation types CoNLL04 lacks (met-with, trades-with).

#include <chrono>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "core/Error.h"
#include "evaluate/Evaluation.h"
#include "evaluate/ReportWriter.h"
#include "extract/Extractor.h"

namespace {

namespace evaluate = skein::evaluate;

constexpr double kEntityStrictF1Target = 0.75;
constexpr double kLocatedInF1Target = 0.55;

evaluate::Report run(const std::string& path, const std::string& format,
                     const skein::extract::Extractor& extractor, std::size_t examples) {
  const auto started = std::chrono::steady_clock::now();
  const evaluate::Dataset dataset = evaluate::read_dataset(path, format);
  evaluate::ScorerOptions options;
  options.max_examples = examples;
  evaluate::Report report = evaluate::evaluate(dataset, extractor, options);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << "==== " << path << "\n";
  evaluate::write_text_report(std::cout, report, examples);
  std::printf("(%zu documents in %.2f s)\n\n", report.documents, seconds);
  return report;
}

void target_line(const char* what, double value, double target) {
  std::printf("%s  %-36s %.3f (target >= %.2f)\n", value >= target ? "PASS" : "FAIL", what, value,
              target);
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t examples = 3;
  std::vector<std::string> positional;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--errors" && i + 1 < argc)
      examples = std::stoul(argv[++i]);
    else
      positional.push_back(arg);
  }
  const std::string conll_dir =
      positional.size() > 0 ? positional[0] : SKEIN_SHARED_DIR "/dev-data/conll04";
  const std::string examples_gold =
      positional.size() > 1 ? positional[1] : SKEIN_SOURCE_DIR "/examples/gold.jsonl";

  try {
    const auto started = std::chrono::steady_clock::now();
    const skein::extract::Extractor extractor;
    std::printf("Extractor start-up: %.0f ms\n\n", std::chrono::duration<double, std::milli>(
                                                       std::chrono::steady_clock::now() - started)
                                                       .count());

    const evaluate::Report dev =
        run(conll_dir + "/conll04_dev.json", "conll04", extractor, examples);
    const evaluate::Report train = run(conll_dir + "/conll04_train.json", "conll04", extractor, 0);
    std::string examples_entity_f1 = "n/a", examples_relation_f1 = "n/a";
    if (std::filesystem::exists(examples_gold)) {
      const evaluate::Report gold = run(examples_gold, "gold", extractor, examples);
      char buffer[32];
      std::snprintf(buffer, sizeof buffer, "%8.3f", gold.entity_micro.strict.f1());
      examples_entity_f1 = buffer;
      std::snprintf(buffer, sizeof buffer, "%8.3f", gold.relation_micro.strict.f1());
      examples_relation_f1 = buffer;
    }

    std::cout << "==== Summary (strict)\n";
    std::printf("%-30s %8s %8s %8s\n", "", "dev", "train", "examples");
    auto located = [](const evaluate::Report& r) {
      return r.relation_row("located-in")->strict.f1();
    };
    auto affiliated = [](const evaluate::Report& r) {
      return r.relation_row("affiliated-with")->strict.f1();
    };
    std::printf("%-30s %8.3f %8.3f %8s\n", "entity micro F1", dev.entity_micro.strict.f1(),
                train.entity_micro.strict.f1(), examples_entity_f1.c_str());
    std::printf("%-30s %8.3f %8.3f\n", "located-in F1", located(dev), located(train));
    std::printf("%-30s %8.3f %8.3f\n", "affiliated-with F1 (Work_For)", affiliated(dev),
                affiliated(train));
    std::printf("%-30s %8.3f %8.3f %8s\n", "relation micro F1 (covered)",
                dev.relation_micro.strict.f1(), train.relation_micro.strict.f1(),
                examples_relation_f1.c_str());
    std::cout << "\nTargets (CoNLL04 dev):\n";
    target_line("entity strict F1", dev.entity_micro.strict.f1(), kEntityStrictF1Target);
    target_line("located-in strict F1", located(dev), kLocatedInF1Target);
  } catch (const std::exception& error) {
    std::cerr << "bench_eval_quality: " << error.what() << "\n";
    return 2;  // could not measure at all (missing data, extractor failed to load)
  }
  return 0;
}
