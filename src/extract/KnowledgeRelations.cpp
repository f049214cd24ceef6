#include "extract/KnowledgeRelations.h"

#include <string>
#include <unordered_map>

#include "extract/KnowledgeEntities.h"
#include "extract/TokenHelpers.h"

namespace skein::extract {

KnowledgeRelations::KnowledgeRelations(std::string name, const ComponentContext& context,
                                       const ComponentOptions& options)
    : Component(std::move(name), options), k_(context.knowledge), rules_(context.rules) {}

// A legislator kb_people.tsv lists with a party: affiliated-with that party, basis
// "knowledge", role as listed, evidence the person's first mention (rule "kb-party"). The party
// is an entity of the document even when the text never names it.
void KnowledgeRelations::add_party_affiliations(
    AnnotatedDocument& d, const TokenView& v,
    const std::unordered_map<std::string, int>& first_mention) const {
  const int affiliated = rules_.type_index("affiliated-with");
  if (affiliated < 0) return;
  KnowledgeEntities known(d, k_);
  const std::size_t count = d.entities.size();
  for (std::size_t e = 0; e < count; ++e) {
    if (d.entities[e].kb_person < 0) continue;
    const auto mention = first_mention.find(d.entities[e].out.id);
    if (mention == first_mention.end()) continue;
    const KbPersonInfo& person = k_.kb_people()[d.entities[e].kb_person];
    if (person.party.empty()) continue;
    const EntityMention& m = d.mentions[mention->second];
    const int party = known.organization_entity_with_key(std::string(person.party), m.first);
    if (party < 0) continue;
    d.entities[party].keep_without_mentions = true;
    Evidence ev;
    ev.span = {v.tok(m.first).start, v.tok(m.last - 1).end};
    ev.component = name();
    ev.rule = "kb-party";
    ev.text = v.text().substr(ev.span.start, ev.span.size());
    ev.confidence = 0.95;
    d.add_relation(rules_.types[affiliated].name, rules_.types[affiliated].symmetric,
                   d.entities[e].out.id, d.entities[party].out.id, basis::kKnowledge, ev,
                   std::string(person.role), "");
  }
}

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
    if (m.entity < 0 || m.coref != CorefKind::kNone) continue;
    auto [it, inserted] = first_mention.emplace(d.entities[m.entity].out.id, static_cast<int>(i));
    if (!inserted && d.mentions[it->second].first > m.first) it->second = static_cast<int>(i);
  }
  const std::size_t count = d.entities.size();
  add_party_affiliations(d, v, first_mention);
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
