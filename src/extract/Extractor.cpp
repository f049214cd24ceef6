#include "extract/Extractor.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <unordered_map>

#include "core/Error.h"
#include "extract/AnnotatedDocument.h"
#include "extract/Component.h"
#include "extract/ExtractionBuilder.h"
#include "extract/Knowledge.h"
#include "extract/Rules.h"

#ifndef SKEIN_SOURCE_DIR
#define SKEIN_SOURCE_DIR "."
#endif

namespace skein::extract {
namespace {

std::string executable_dir() {
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::string() : exe.parent_path().string();
}

std::string resolve_dir(const char* env, const char* share_name, const char* source_name) {
  if (const char* value = std::getenv(env); value != nullptr && *value != '\0') return value;
  const std::string exe = executable_dir();
  if (!exe.empty()) {
    std::string installed = exe + "/../share/skein/" + share_name;
    if (std::filesystem::is_directory(installed)) return installed;
  }
  return std::string(SKEIN_SOURCE_DIR) + "/" + source_name;
}

}  // namespace

std::string default_data_dir() { return resolve_dir("SKEIN_DATA_DIR", "data", "data"); }
std::string default_rules_dir() { return resolve_dir("SKEIN_RULES_DIR", "schema", "schema"); }

std::unique_ptr<Knowledge> tagger_knowledge(const std::string& data_dir,
                                            const std::string& rules_dir) {
  const RuleSet rules = load_rules(rules_dir.empty() ? default_rules_dir() : rules_dir);
  return std::make_unique<Knowledge>(data_dir.empty() ? default_data_dir() : data_dir,
                                     rules.word_lists);
}

struct Extractor::Impl {
  // Start-up: the rules first, then the components that build without the knowledge (the
  // POS tagger's and the parser's models) on a second thread while this one loads the
  // knowledge (itself on two threads), then the rest of the pipeline.
  explicit Impl(const ExtractorOptions& extractor_options)
      : options(extractor_options),
        data_dir(options.data_dir.empty() ? default_data_dir() : options.data_dir),
        rules(load_rules(options.rules_dir.empty() ? default_rules_dir() : options.rules_dir)),
        built_without_knowledge(start_building_without_knowledge()),
        knowledge(data_dir, rules.word_lists),
        components(finish_pipeline()) {}

  // The context the components are built with. Its knowledge is the member below, which the
  // components built without it (ComponentInfo::builds_without_knowledge) may refer to but
  // do not read while it loads.
  ComponentContext context() { return ComponentContext{knowledge, rules, options, data_dir}; }

  std::vector<std::unique_ptr<Component>> finish_pipeline() {
    PartialPipeline with_knowledge = build_components(options.components, context(), false);
    return join_pipeline(built_without_knowledge.get(), std::move(with_knowledge));
  }

  std::future<PartialPipeline> start_building_without_knowledge() {
    check_pipeline(options.components, options);  // a usage error before any loading
    return std::async(std::launch::async,
                      [this] { return build_components(options.components, context(), true); });
  }

  DocumentExtraction run(const Document& document, std::vector<double>* seconds) const {
    AnnotatedDocument annotated(document);
    if (seconds == nullptr) {
      for (const auto& component : components) component->process(annotated);
      return build_extraction(annotated);
    }
    if (seconds->size() < components.size() + 1) seconds->resize(components.size() + 1, 0.0);
    auto last = std::chrono::steady_clock::now();
    auto lap = [&](std::size_t slot) {
      const auto now = std::chrono::steady_clock::now();
      (*seconds)[slot] += std::chrono::duration<double>(now - last).count();
      last = now;
    };
    for (std::size_t i = 0; i < components.size(); ++i) {
      components[i]->process(annotated);
      lap(i);
    }
    DocumentExtraction out = build_extraction(annotated);
    lap(components.size());
    return out;
  }

  ExtractorOptions options;
  std::string data_dir;
  RuleSet rules;
  // Before the knowledge: if loading the knowledge throws, the future's destructor waits for
  // the thread, which never reads the knowledge.
  std::future<PartialPipeline> built_without_knowledge;
  Knowledge knowledge;  // after the rules: their word lists become lexicon flags
  std::vector<std::unique_ptr<Component>> components;
};

Extractor::Extractor(const ExtractorOptions& options) : impl_(std::make_unique<Impl>(options)) {}
Extractor::~Extractor() = default;
Extractor::Extractor(Extractor&&) noexcept = default;
Extractor& Extractor::operator=(Extractor&&) noexcept = default;

DocumentExtraction Extractor::extract(const Document& document) const {
  return impl_->run(document, nullptr);
}

DocumentExtraction Extractor::extract(const Document& document,
                                      std::vector<double>& seconds) const {
  return impl_->run(document, &seconds);
}

std::vector<std::string> Extractor::component_names() const {
  std::vector<std::string> out;
  for (const auto& component : impl_->components) out.push_back(component->name());
  return out;
}

std::vector<RelationTypeInfo> Extractor::relation_types() const {
  std::vector<RelationTypeInfo> out;
  auto names = [](const std::vector<LabelSpec>& specs) {
    std::vector<std::string> v;
    v.reserve(specs.size());
    for (const LabelSpec& s : specs) v.push_back(s.kind.empty() ? s.label : s.label + "." + s.kind);
    return v;
  };
  for (const RelationTypeDef& t : impl_->rules.types) {
    out.push_back({t.name, t.symmetric, names(t.source), names(t.target)});
  }
  return out;
}

}  // namespace skein::extract
