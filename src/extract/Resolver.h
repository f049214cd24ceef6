#pragma once
// The "resolver" component: turns mentions into entities. People named in full first, so a
// surname or given name alone ("Yoon", "President Yoon") becomes the one full name it fits;
// listed names pick among their gazetteer candidates by kind, population and the countries
// and states the document names unambiguously (an ambiguous city name without context takes
// the city with the strongest prior, recording the others as alternatives; one no prior
// settles stays an unlinked place, or is dropped); text-found people, organisations and
// places get keys that never depend on the document (their normalised name, qualified by a
// country or state where the text gives one), so one name is one node across documents;
// acronyms follow what they abbreviate.
//
// Thread-safety: process() is const; its per-document state lives on its stack.

#include "extract/Component.h"

namespace skein::extract {

class Resolver : public Component {
 public:
  Resolver(std::string name, const ComponentContext& context, const ComponentOptions& options);
  void process(AnnotatedDocument& document) const override;

 private:
  const Knowledge& knowledge_;
};

}  // namespace skein::extract
