#include "extract/KnowledgeEntities.h"

#include <string>

#include "extract/TokenHelpers.h"

namespace skein::extract {

PartyWords party_words(const RuleSet& rules, const Knowledge& knowledge) {
  const std::string prefix = "syntax-party-";
  PartyWords parties;
  for (const auto& [set_name, words] : rules.word_sets) {
    if (set_name.compare(0, prefix.size(), prefix) != 0) continue;
    const int org = knowledge.organization_index(set_name.substr(prefix.size()));
    if (org >= 0) parties.emplace_back(org, words);
  }
  return parties;
}

int KnowledgeEntities::country_entity(int country, std::uint32_t first_token) {
  const CountryInfo& c = k_.countries()[country];
  bool created = false;
  const int e =
      d_.entity_for(labels::kCountry, c.iso2, EntityLabel::kCountry, first_token, &created);
  if (created) {
    ResolvedEntity& b = d_.entities[e];
    b.out.name = c.name;
    b.out.aliases = known_aliases(c.name, c.aliases, c.official_name);
    b.out.props["iso2"] = c.iso2;
    b.out.props["iso3"] = c.iso3;
    if (!c.region.empty()) b.out.props["region"] = c.region;
    b.country = country;
  }
  return e;
}

int KnowledgeEntities::subdivision_entity(int sub, std::uint32_t first_token) {
  const SubdivisionInfo& s = k_.subdivisions()[sub];
  bool created = false;
  const int e = d_.entity_for(labels::kPlace, s.code, EntityLabel::kPlace, first_token, &created);
  if (created) {
    ResolvedEntity& b = d_.entities[e];
    b.out.name = s.name;
    b.out.aliases = known_aliases(s.name, s.aliases, s.full_name);
    b.out.props["kind"] = "subdivision";
    b.out.props["country"] = s.country;
    b.out.props["iso3166_2"] = s.code;
    if (!s.type.empty()) b.out.props["type"] = lower(s.type);
    b.subdivision = sub;
    b.country = k_.country_index(s.country);
  }
  return e;
}

int KnowledgeEntities::city_entity(int city, std::uint32_t first_token) {
  const CityInfo& c = k_.cities()[city];
  bool created = false;
  const int e = d_.entity_for(labels::kPlace, "geonames:" + std::to_string(c.geonames),
                              EntityLabel::kPlace, first_token, &created);
  if (created) {
    ResolvedEntity& b = d_.entities[e];
    b.out.name = c.name;
    if (!c.ascii_name.empty()) b.out.aliases.push_back(c.ascii_name);
    b.out.props["kind"] = "city";
    b.out.props["country"] = c.country;
    b.out.props["geonames"] = std::to_string(c.geonames);
    if (!c.subdivision.empty()) b.out.props["subdivision"] = c.subdivision;
    b.city = city;
    b.country = k_.country_index(c.country);
    b.subdivision = c.subdivision.empty() ? -1 : k_.subdivision_index(c.subdivision);
  }
  return e;
}

int KnowledgeEntities::region_entity(int region, std::uint32_t first_token) {
  const RegionInfo& r = k_.regions()[region];
  bool created = false;
  const int e = d_.entity_for(labels::kPlace, r.key, EntityLabel::kPlace, first_token, &created);
  if (created) {
    ResolvedEntity& b = d_.entities[e];
    b.out.name = r.name;
    b.out.props["kind"] = r.kind.empty() ? "region" : r.kind;
    if (!r.parent.empty()) b.out.props["parent"] = r.parent;
    b.region = region;
  }
  return e;
}

int KnowledgeEntities::organization_entity(int org, std::uint32_t first_token) {
  const OrganizationInfo& o = k_.organizations()[org];
  bool created = false;
  const int e = d_.entity_for(labels::kOrganization, o.key, EntityLabel::kOrganization, first_token,
                              &created);
  if (created) {
    ResolvedEntity& b = d_.entities[e];
    b.out.name = o.name;
    b.out.aliases = known_aliases(o.name, o.aliases);
    if (!o.kind.empty()) b.out.props["kind"] = o.kind;
    if (!o.country.empty()) b.out.props["country"] = o.country;
  }
  return e;
}

int KnowledgeEntities::kb_organization_entity(int org, std::uint32_t first_token) {
  const KbOrganizationInfo& o = k_.kb_organizations()[org];
  bool created = false;
  const int e = d_.entity_for(labels::kOrganization, std::string(o.key), EntityLabel::kOrganization,
                              first_token, &created);
  if (created) {
    ResolvedEntity& b = d_.entities[e];
    b.out.name = o.name;
    if (!o.kind.empty()) b.out.props["kind"] = o.kind;
    if (!o.country.empty()) b.out.props["country"] = o.country;
  }
  return e;
}

int KnowledgeEntities::organization_entity_with_key(const std::string& key,
                                                    std::uint32_t first_token) {
  if (const int org = k_.organization_index(key); org >= 0)
    return organization_entity(org, first_token);
  const int row = k_.kb_organization_index(key);
  return row < 0 ? -1 : kb_organization_entity(row, first_token);
}

}  // namespace skein::extract
