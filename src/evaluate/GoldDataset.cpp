#include "evaluate/GoldDataset.h"

#include <algorithm>

#include "extract/Extractor.h"
#include "extract/Rules.h"

namespace skein::evaluate {

const LabelClass* Dataset::class_of(const std::string& skein_label) const {
  for (const auto& label_class : label_classes) {
    if (std::find(label_class.accepts.begin(), label_class.accepts.end(), skein_label) !=
        label_class.accepts.end()) {
      return &label_class;
    }
  }
  return nullptr;
}

const ScoredRelationType* Dataset::relation_type(const std::string& name) const {
  for (const auto& type : relation_types) {
    if (type.name == name) return &type;
  }
  return nullptr;
}

std::vector<ScoredRelationType> skein_relation_types() {
  return skein_relation_types(extract::default_rules_dir());
}

std::vector<ScoredRelationType> skein_relation_types(const std::string& rules_dir) {
  std::vector<ScoredRelationType> types;
  for (const auto& type : extract::load_rules(rules_dir).types) {
    types.push_back({type.name, type.symmetric, true});
  }
  return types;
}

}  // namespace skein::evaluate
