#include "extract/KnowledgeRelations.h"

#include <string>
#include <unordered_map>

#include "extract/TokenHelpers.h"

namespace skein::extract {

KnowledgeRelations::KnowledgeRelations(std::string name, const ComponentContext& context,
                                       const ComponentOptions& options)
    : Component(std::move(name), options), k_(context.knowledge), rules_(context.rules) {}

// Gazetteer facts about places the document names: a city in its subdivision (or else its
// country), a subdivision in its country, when both ends are mentioned and the text did not
// already say so. Evidence is the source's first mention.
void KnowledgeRelations::process(AnnotatedDocument& d) const {
  const TokenView v(d);
  const int located = rules_.type_index("located-in");
  if (located < 0) return;
  std::unordered_map<std::string, int> first_mention;
  for (std::size_t i = 0; i < d.mentions.size(); ++i) {
    const EntityMention& m = d.mentions[i];
    if (m.entity < 0) continue;
    auto [it, inserted] = first_mention.emplace(d.entities[m.entity].out.id, static_cast<int>(i));
    if (!inserted && d.mentions[it->second].first > m.first) it->second = static_cast<int>(i);
  }
  const std::size_t count = d.entities.size();
  for (std::size_t e = 0; e < count; ++e) {
    const ResolvedEntity& b = d.entities[e];
    if (b.label != EntityLabel::kPlace || first_mention.count(b.out.id) == 0) continue;
    std::string target;
    if (b.city >= 0 && b.subdivision >= 0) {
      const std::string sub = "Place:" + k_.subdivisions()[b.subdivision].code;
      if (first_mention.count(sub) != 0) target = sub;
    }
    if (target.empty() && (b.city >= 0 || b.subdivision >= 0) && b.country >= 0) {
      const std::string country = "Country:" + k_.countries()[b.country].iso2;
      if (first_mention.count(country) != 0) target = country;
    }
    if (target.empty()) continue;
    const std::string& type = rules_.types[located].name;
    if (d.has_relation(type, b.out.id, target)) continue;
    // Also skip when the text already placed it somewhere more specific.
    bool stated = false;
    for (const Relation& r : d.relations) {
      if (r.type == type && r.source == b.out.id && r.basis == basis::kText) stated = true;
    }
    if (stated) continue;
    const EntityMention& m = d.mentions[first_mention[b.out.id]];
    Evidence ev;
    ev.span = {v.tok(m.first).start, v.tok(m.last - 1).end};
    ev.component = name();
    ev.rule = "gazetteer";
    ev.text = v.text().substr(ev.span.start, ev.span.size());
    ev.confidence = 0.95;
    d.add_relation(type, rules_.types[located].symmetric, b.out.id, target, basis::kKnowledge, ev,
                   "", "");
  }
}

}  // namespace skein::extract
