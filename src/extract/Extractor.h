#pragma once
// The extraction pipeline: an ordered list of named components (Component.h; by default
// segmentation -> gazetteer matching -> entity recognition -> resolution -> relation rules)
// over one AnnotatedDocument. Turns one Document into a DocumentExtraction (see
// core/Extraction.h for the contract; every offset points into document.text, and the
// document's `excluded` spans are never extracted from).
//
// Construction loads the knowledge resources (data/) and the relation rules (schema/) once;
// it throws InputError naming the file and line when one is missing or malformed.
// extract() is const and thread-safe: one Extractor serves every worker thread.

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/Extraction.h"

namespace skein::extract {

// One component's options, key -> value ("model" -> a model file; see Component.h).
using ComponentOptions = std::map<std::string, std::string>;

struct ExtractorOptions {
  std::string data_dir;   // knowledge resources; empty = default_data_dir()
  std::string rules_dir;  // relation/ontology rule files; empty = default_rules_dir()
  // Negated ("did not meet") and hypothetical ("plans to visit", "if ... met") statements are
  // dropped by default, so the graph holds facts only. When true they are kept with
  // props.modality = "negated" or "hypothetical" and their confidence multiplied by 0.3.
  bool keep_modal_relations = false;
  // The components to run, in order (Component.h lists the known ones); empty = the default
  // pipeline, default_components(). An unknown name is a UsageError listing the known ones.
  std::vector<std::string> components = {};
  // Options per component name, e.g. {"ner", {{"model", "models/ner.bin"}}}.
  std::map<std::string, ComponentOptions> component_options = {};
};

// A relation type as the rule files declare it (schema/*.rules).
struct RelationTypeInfo {
  std::string type;                        // "met-with"
  bool symmetric = false;                  // stored with source < target
  std::vector<std::string> source_labels;  // allowed source labels ("Place.city" = label.kind)
  std::vector<std::string> target_labels;
};

// Resolution order: $SKEIN_DATA_DIR, <exe>/../share/skein/data, the source tree's data/.
std::string default_data_dir();
// Resolution order: $SKEIN_RULES_DIR, <exe>/../share/skein/schema, the source tree's schema/.
std::string default_rules_dir();

class Knowledge;
// The knowledge the pipeline's taggers read their attributes from (TokenAttributes.h): the
// files of `data_dir` with the word lists of the rule files in `rules_dir` (empty: the
// defaults), as the Extractor loads them, so that training and evaluating a tagger alone see
// the attributes it meets in the pipeline. InputError on a bad file, as the Extractor.
std::unique_ptr<Knowledge> tagger_knowledge(const std::string& data_dir,
                                            const std::string& rules_dir);

class Extractor {
 public:
  explicit Extractor(const ExtractorOptions& options = {});
  ~Extractor();
  Extractor(Extractor&&) noexcept;
  Extractor& operator=(Extractor&&) noexcept;

  DocumentExtraction extract(const Document& document) const;
  // The same, adding each component's wall time in seconds to `seconds` (one slot per
  // component, in pipeline order, then one for building the output; resized as needed).
  DocumentExtraction extract(const Document& document, std::vector<double>& seconds) const;

  // The names of the components this extractor runs, in order.
  std::vector<std::string> component_names() const;

  // Every relation type of the loaded rule files, in declaration order.
  std::vector<RelationTypeInfo> relation_types() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace skein::extract
