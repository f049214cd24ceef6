#include "extract/Component.h"

#include <algorithm>

#include "core/Error.h"
#include "extract/Coreference.h"
#include "extract/GazetteerComponent.h"
#include "extract/KnowledgeRelations.h"
#include "extract/MentionRecognizer.h"
#include "extract/NerComponent.h"
#include "extract/ParserComponent.h"
#include "extract/PosTaggerComponent.h"
#include "extract/RelationMatcher.h"
#include "extract/Resolver.h"
#include "extract/SegmenterComponent.h"
#include "extract/SyntaxRelations.h"

namespace skein::extract {
namespace {

template <typename T>
ComponentFactory factory_of(const char* name) {
  return [name](const ComponentContext& context,
                const ComponentOptions& options) -> std::unique_ptr<Component> {
    return std::make_unique<T>(name, context, options);
  };
}

std::string known_names() {
  std::string out;
  for (const ComponentInfo& info : component_registry()) {
    if (!out.empty()) out += ", ";
    out += info.name;
  }
  return out;
}

}  // namespace

std::string ComponentContext::model_path(const ComponentOptions& component_options,
                                         const std::string& fallback) const {
  const auto it = component_options.find("model");
  const std::string& name =
      it == component_options.end() || it->second.empty() ? fallback : it->second;
  if (name.empty() || name.front() == '/') return name;
  return data_dir.empty() || data_dir.back() == '/' ? data_dir + name : data_dir + "/" + name;
}

namespace {

std::vector<ComponentInfo>& registry_storage() {
  using namespace layers;
  // Add a component here: name, description, needs, provides, option keys, factory.
  static std::vector<ComponentInfo> registry = {
      {"segmenter",
       "tokens, sentences and lexicon flags",
       {},
       {kTokens},
       {},
       factory_of<SegmenterComponent>("segmenter")},
      {"gazetteer",
       "longest-match gazetteer names and title phrases",
       {kTokens},
       {kGazetteer},
       {},
       factory_of<GazetteerComponent>("gazetteer")},
      {"recognizer",
       "rule-based mentions of people, organisations, places and acronyms, and roles",
       {kTokens, kGazetteer},
       {kMentions},
       {},
       factory_of<MentionRecognizer>("recognizer")},
      {"ner",
       "learned named-entity tagger (models/ner.skm): decides name spans and person, "
       "organisation or location; keeps the rule mentions it agrees with",
       {kTokens, kGazetteer},
       {kMentions},
       {"model", "fallback-rules", "min-confidence"},
       factory_of<NerComponent>("ner")},
      {"resolver",
       "mentions to entities: gazetteer ids, short forms, keys shared across documents",
       {kMentions},
       {kEntities},
       {},
       factory_of<Resolver>("resolver")},
      {"coref",
       "pronouns and descriptions (\"he\", \"the firm\", \"the Pakistani president\") as mentions "
       "of the one entity named before that fits, for relation arguments (schema/coref.rules)",
       {kEntities},
       {kMentions},
       {},
       factory_of<Coreference>("coref")},
      {"pos",
       "universal part-of-speech tags from the learned tagger (models/pos.skm)",
       {kTokens},
       {kPos},
       {"model", "sentences"},
       factory_of<PosTaggerComponent>("pos"),
       /*builds_without_knowledge=*/true},
      {"parser",
       "dependency heads and relations of the sentences a syntax path could relate two entities of "
       "(models/parser.skm)",
       {kPos, kEntities},
       {kDependencies},
       {"model", "sentences"},
       factory_of<ParserComponent>("parser"),
       /*builds_without_knowledge=*/true},
      {"relation-rules",
       "relations from the patterns of the rule files (schema/)",
       {kEntities},
       {kRelations},
       {},
       factory_of<RelationMatcher>("relation-rules")},
      {"syntax-relations",
       "relations from predicate-argument paths of the parse (word sets in schema/syntax.rules)",
       {kDependencies, kEntities},
       {kRelations},
       {},
       factory_of<SyntaxRelations>("syntax-relations")},
      {"knowledge-relations",
       "located-in facts the gazetteer knows about the places named",
       {kEntities},
       {kRelations},
       {},
       factory_of<KnowledgeRelations>("knowledge-relations")},
  };
  return registry;
}

}  // namespace

const std::vector<ComponentInfo>& component_registry() { return registry_storage(); }

void register_component(ComponentInfo info) {
  for (const ComponentInfo& known : registry_storage()) {
    if (known.name == info.name)
      throw UsageError("extraction component '" + info.name + "' is already registered");
  }
  registry_storage().push_back(std::move(info));
}

std::vector<std::string> default_components() {
  return {"segmenter",
          "gazetteer",
          "recognizer",
          "ner",
          "resolver",
          "coref",
          "pos",
          "parser",
          "relation-rules",
          "syntax-relations",
          "knowledge-relations"};
}

const ComponentInfo& component_info(std::string_view name) {
  for (const ComponentInfo& info : component_registry()) {
    if (info.name == name) return info;
  }
  throw UsageError("unknown extraction component '" + std::string(name) +
                   "' (known: " + known_names() + ")");
}

void set_component_option(ExtractorOptions& options, std::string_view assignment) {
  const std::size_t dot = assignment.find('.');
  const std::size_t equals = assignment.find('=');
  if (dot == std::string_view::npos || equals == std::string_view::npos || dot == 0 ||
      equals < dot + 2) {
    throw UsageError("component option '" + std::string(assignment) + "' is not NAME.KEY=VALUE");
  }
  const std::string name(assignment.substr(0, dot));
  component_info(name);
  options.component_options[name][std::string(assignment.substr(dot + 1, equals - dot - 1))] =
      std::string(assignment.substr(equals + 1));
}

void check_pipeline(const std::vector<std::string>& names, const ExtractorOptions& options) {
  const std::vector<std::string> list = names.empty() ? default_components() : names;
  std::vector<std::string> provided;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const ComponentInfo& info = component_info(list[i]);
    const auto begin = list.begin(), here = list.begin() + static_cast<std::ptrdiff_t>(i);
    if (std::find(begin, here, list[i]) != here) {
      throw UsageError("extraction component '" + list[i] + "' is listed twice");
    }
    for (const std::string& need : info.needs) {
      if (std::find(provided.begin(), provided.end(), need) == provided.end()) {
        throw UsageError("extraction component '" + info.name + "' needs " + need +
                         ", which no component before it provides");
      }
    }
    provided.insert(provided.end(), info.provides.begin(), info.provides.end());
  }
  for (const auto& [name, component_options] : options.component_options) {
    const ComponentInfo& info = component_info(name);  // an unknown name says so first
    if (std::find(list.begin(), list.end(), name) == list.end()) {
      throw UsageError("options given for extraction component '" + name +
                       "', which is not in the pipeline");
    }
    for (const auto& [key, value] : component_options) {
      if (std::find(info.option_keys.begin(), info.option_keys.end(), key) !=
          info.option_keys.end())
        continue;
      std::string takes;
      for (const std::string& k : info.option_keys) takes += (takes.empty() ? "" : ", ") + k;
      throw UsageError("extraction component '" + name + "' has no option '" + key +
                       "' (it takes " + (takes.empty() ? std::string("none") : takes) + ")");
    }
  }
}

std::vector<std::unique_ptr<Component>> make_pipeline(const std::vector<std::string>& names,
                                                      const ComponentContext& context) {
  check_pipeline(names, context.options);
  PartialPipeline without = build_components(names, context, true);
  return join_pipeline(std::move(without), build_components(names, context, false));
}

PartialPipeline build_components(const std::vector<std::string>& names,
                                 const ComponentContext& context, bool without_knowledge) {
  const std::vector<std::string> list = names.empty() ? default_components() : names;
  PartialPipeline out;
  out.components.resize(list.size());
  out.errors.resize(list.size());
  for (std::size_t i = 0; i < list.size(); ++i) {
    const ComponentInfo& info = component_info(list[i]);
    if (info.builds_without_knowledge != without_knowledge) continue;
    const auto options = context.options.component_options.find(info.name);
    try {
      out.components[i] =
          info.make(context, options == context.options.component_options.end() ? ComponentOptions{}
                                                                                : options->second);
    } catch (...) {
      out.errors[i] = std::current_exception();
    }
  }
  return out;
}

std::vector<std::unique_ptr<Component>> join_pipeline(PartialPipeline first,
                                                      PartialPipeline second) {
  std::vector<std::unique_ptr<Component>> out(first.components.size());
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (first.errors[i]) std::rethrow_exception(first.errors[i]);
    if (i < second.errors.size() && second.errors[i]) std::rethrow_exception(second.errors[i]);
    out[i] =
        first.components[i] ? std::move(first.components[i]) : std::move(second.components.at(i));
  }
  return out;
}

}  // namespace skein::extract
