#include "evaluate/GoldDataset.h"

#include <algorithm>

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

const RelationTypeInfo* Dataset::relation_type(const std::string& name) const {
  for (const auto& type : relation_types) {
    if (type.name == name) return &type;
  }
  return nullptr;
}

std::vector<RelationTypeInfo> skein_relation_types() {
  // Mirrors the ontology's symmetry flags; evaluate cannot read schema/ without depending on
  // the extractor's rule loader, and these four are fixed by the contract.
  return {{"met-with", true, true},
          {"trades-with", true, true},
          {"located-in", false, true},
          {"affiliated-with", false, true}};
}

}  // namespace skein::evaluate
