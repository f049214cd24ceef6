#include "extract/Extractor.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
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
  explicit Impl(const ExtractorOptions& extractor_options)
      : options(extractor_options),
        data_dir(options.data_dir.empty() ? default_data_dir() : options.data_dir),
        rules(load_rules(options.rules_dir.empty() ? default_rules_dir() : options.rules_dir)),
        knowledge(data_dir, rules.word_lists),
        components(make_pipeline(options.components,
                                 ComponentContext{knowledge, rules, options, data_dir})) {}

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
