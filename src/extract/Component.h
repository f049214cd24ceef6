#pragma once
// Extraction as a pipeline of named components over one AnnotatedDocument.
//
// The Extractor runs an ordered list of components on every document, then builds the
// DocumentExtraction from what they annotated (ExtractionBuilder.h). The list comes from
// ExtractorOptions::components (empty = default_components()); a component is switched off
// by leaving it out and replaced by naming another in its place. Each component states the
// layers of the AnnotatedDocument it needs and the ones it provides; building a pipeline
// whose component needs a layer no earlier component provides, or naming an unknown
// component, throws UsageError with the known names.
//
// The built-in components, in default order (name: needs -> provides):
//   segmenter            tokens, sentences, lexicon flags              - -> tokens
//   gazetteer            longest-match gazetteer and title spans       tokens -> gazetteer
//   recognizer           rule-based mentions (people, organisations,   tokens, gazetteer ->
//                        places, acronyms) and title roles             mentions
//   ner                  the learned NER tagger (models/ner.skm): spans tokens, gazetteer,
//                        and PER/ORG/LOC; the gazetteer decides Country  mentions -> mentions
//                        or Place; precise rules fill what it misses
//   resolver             mentions -> entities (gazetteer ids, short    mentions -> entities
//                        forms, document-local keys)
//   coref                pronouns and descriptions as mentions of the  entities -> mentions
//                        one entity named before that fits (for
//                        relation arguments only; Coreference.h)
//   pos                  UPOS tags from models/pos.skm (after the      tokens -> pos
//                        resolver: only sentences naming two entities)
//   parser               dependency heads from models/parser.skm of    pos, entities ->
//                        the sentences a syntax path could relate      dependencies
//                        two entities of
//   relation-rules       relations from the patterns of schema/*.rules entities -> relations
//   syntax-relations     relations from predicate-argument paths of    dependencies, entities
//                        the parse (word sets in schema/syntax.rules)  -> relations
//   knowledge-relations  located-in facts the gazetteer knows about    entities -> relations
//                        places the text names
//
// Adding a component (a tagger, a learned recogniser): derive from Component, put its class in
// its own file, and add one ComponentInfo row to the table in Component.cpp (name, one-line
// description, needs, provides, option keys, factory). Its options arrive in ComponentOptions from
// ExtractorOptions::component_options[name]; by convention a model file is the "model" option
// (ComponentContext::model_path resolves it, relative names against the data directory).
// Evidence rows and mentions a component adds name it (Component::name()) and the rule or
// model that decided, with the model's confidence.
//
// Thread-safety: components are built once, then process() is const and must keep all
// per-document state in the AnnotatedDocument or on its stack: one pipeline serves every
// worker thread.

#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extract/AnnotatedDocument.h"
#include "extract/Extractor.h"
#include "extract/Knowledge.h"
#include "extract/Rules.h"

namespace skein::extract {

// Layer names a component may need or provide (see AnnotatedDocument.h).
namespace layers {
inline constexpr const char* kTokens = "tokens";
inline constexpr const char* kPos = "pos";
inline constexpr const char* kDependencies = "dependencies";
inline constexpr const char* kGazetteer = "gazetteer";
inline constexpr const char* kMentions = "mentions";
inline constexpr const char* kEntities = "entities";
inline constexpr const char* kRelations = "relations";
}  // namespace layers

// What every component may read while it is built; all of it outlives the component.
struct ComponentContext {
  const Knowledge& knowledge;
  const RuleSet& rules;
  const ExtractorOptions& options;
  std::string data_dir;  // the resolved knowledge directory

  // A model file named by the "model" option ("" = `fallback`), relative to data_dir unless
  // absolute. Loading it, and a clear InputError naming it when it is bad, is the component's.
  std::string model_path(const ComponentOptions& component_options,
                         const std::string& fallback) const;
};

class Component {
 public:
  Component(std::string name, ComponentOptions options)
      : name_(std::move(name)), options_(std::move(options)) {}
  virtual ~Component() = default;
  Component(const Component&) = delete;
  Component& operator=(const Component&) = delete;

  // The registry name ("recognizer"): what evidence rows and mentions record as `component`.
  const std::string& name() const { return name_; }
  const ComponentOptions& options() const { return options_; }

  // Reads the layers it needs from `document` and adds its own. Const and thread-safe.
  virtual void process(AnnotatedDocument& document) const = 0;

 private:
  std::string name_;
  ComponentOptions options_;
};

using ComponentFactory =
    std::function<std::unique_ptr<Component>(const ComponentContext&, const ComponentOptions&)>;

struct ComponentInfo {
  std::string name;
  std::string description;               // one line, for --help and --components list
  std::vector<std::string> needs;        // layers (layers::) that must be there before it runs
  std::vector<std::string> provides;     // layers it fills
  std::vector<std::string> option_keys;  // the options it takes ("model"); others are an error
  ComponentFactory make;
  // True when building the component reads nothing of ComponentContext::knowledge (it loads
  // its own model file): the Extractor builds such components on a second thread while the
  // knowledge loads, so their constructors may keep the reference but must not use it.
  bool builds_without_knowledge = false;
};

// Every known component: the built-in ones in default order, then any registered.
const std::vector<ComponentInfo>& component_registry();
// Adds a component to the registry (a component compiled outside this module, or a test's).
// Throws UsageError when the name is taken. Not thread-safe: register before building any
// Extractor.
void register_component(ComponentInfo info);
// The names of the default pipeline.
std::vector<std::string> default_components();
// The registry entry of `name`; throws UsageError listing the known names when there is none.
const ComponentInfo& component_info(std::string_view name);

// Sets one component option from "name.key=value" ("ner.model=models/ner.bin") in `options`.
// Throws UsageError for a malformed assignment or an unknown component name.
void set_component_option(ExtractorOptions& options, std::string_view assignment);

// Checks a pipeline without building it: throws UsageError for an unknown or repeated name,
// a component whose needs no earlier one provides, options for a component not in it, or an
// option key the component does not take.
void check_pipeline(const std::vector<std::string>& names, const ExtractorOptions& options);

// Builds the components `names` (empty = default_components()) in order. Throws UsageError for
// an unknown or repeated name, or one whose needs no earlier component provides; options for a
// component that is not in the list are an error too (a typo would be silently ignored).
std::vector<std::unique_ptr<Component>> make_pipeline(const std::vector<std::string>& names,
                                                      const ComponentContext& context);

// make_pipeline() in two halves, so that the components that build without the knowledge
// (ComponentInfo::builds_without_knowledge) can be built while it loads. build_components()
// builds the components of `names` (empty = default_components()) whose flag equals
// `without_knowledge`, in order, leaving null slots for the others; a constructor's exception
// is kept at its component's position, and building goes on with the next. The caller has
// run check_pipeline(). join_pipeline() puts two halves of one pipeline together and throws
// the error of the first component in pipeline order that failed, so the error is the one
// make_pipeline() would throw.
struct PartialPipeline {
  std::vector<std::unique_ptr<Component>> components;  // by position in the pipeline
  std::vector<std::exception_ptr> errors;              // by position; null where built or left
};
PartialPipeline build_components(const std::vector<std::string>& names,
                                 const ComponentContext& context, bool without_knowledge);
std::vector<std::unique_ptr<Component>> join_pipeline(PartialPipeline first,
                                                      PartialPipeline second);

}  // namespace skein::extract
