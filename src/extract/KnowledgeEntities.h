#pragma once
// The entities the knowledge lists (a country, subdivision, city, region or organisation),
// made once per document with their name, known aliases and properties from data/. The
// resolver makes them for mentions; the relation rules make a country for a capital acting as
// its state.
//
// Thread-safety: adds to one AnnotatedDocument; reads the Knowledge.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "extract/AnnotatedDocument.h"
#include "extract/Knowledge.h"
#include "extract/Rules.h"

namespace skein::extract {

// The words that name a listed party, from the rule files' "set syntax-party-<key of
// data/organizations.tsv> <words>" (a name of two words is written with a hyphen: "lib-dem"):
// per party, its index in Knowledge::organizations() and its words. A set naming no
// organisation of `knowledge` (a test's knowledge, a user's own) is left out. The syntax
// relations read them before titles ("Tory leader Michael Howard"); the resolver, for a
// party named by them alone ("Conservative leader").
using PartyWords = std::vector<std::pair<int, std::vector<std::string>>>;
PartyWords party_words(const RuleSet& rules, const Knowledge& knowledge);

class KnowledgeEntities {
 public:
  KnowledgeEntities(AnnotatedDocument& document, const Knowledge& knowledge)
      : d_(document), k_(knowledge) {}

  // Each returns the index in document.entities of the entity for this knowledge index,
  // creating it (first seen at `first_token`) when the document has none yet.
  int country_entity(int country, std::uint32_t first_token);
  int subdivision_entity(int sub, std::uint32_t first_token);
  int city_entity(int city, std::uint32_t first_token);
  int region_entity(int region, std::uint32_t first_token);
  int organization_entity(int org, std::uint32_t first_token);
  // index into kb_organizations: its key, name, kind and country.
  int kb_organization_entity(int org, std::uint32_t first_token);
  // The organisation with this key in organizations.tsv or kb_organizations.tsv, or -1.
  int organization_entity_with_key(const std::string& key, std::uint32_t first_token);

 private:
  AnnotatedDocument& d_;
  const Knowledge& k_;
};

}  // namespace skein::extract
