#pragma once
// The "resolver" component: turns mentions into entities. People named in full first, so a
// surname or given name alone ("Yoon", "President Yoon") becomes the one full name it fits;
// listed names pick among their gazetteer candidates by kind, population, the countries
// and states the document names unambiguously and the learned tagger's reading (a listed
// company it read as an organisation outranks a town of its name: "car maker Toyota"; an
// ambiguous city name without context takes the city with the strongest prior, recording
// the others as alternatives; one no prior settles stays an unlinked place, or is dropped);
// text-found people, organisations and places get keys that never depend on the document (their
// normalised name, qualified by a country or state where the text gives one), so one name is one
// node across documents; acronyms follow what they abbreviate.
//
// What keeps one node to one real thing (precision first: a wrong merge is worse than a split):
//  - a listed acronym is matched in capitals only ("Us", "Who" are words), and an acronym
//    that stands for more than the name beside it is not that name ("United States
//    Anti-Doping Agency (USADA)" with only "United States" recognised); an acronym that is
//    only a kb organisation's alias needs that organisation's country named ("MIT" is listed
//    only for New Zealand); an acronym is the one organisation of the document whose capitals
//    it spells, before any list's meaning ("LSE" in an article naming the London Stock
//    Exchange);
//  - person names run together are put right before people are resolved: joined names and
//    determiners ("Ant & Dec", "I. The") name no one; a possessive inside leaves the possessor
//    ("Adriano's Chelsea"); a descriptor compound in front goes ("Oscar-winner Andrea
//    Arnold"); a final organisation word that is no surname makes an organisation ("Steve
//    Redgrave Trust"), and so does a kb organisation's name containing a listed place;
//  - short forms: after a courtesy title only a surname fits, of someone whose given name the
//    title does not contradict ("Mrs Howard" is not Michael Howard; a name alone after a
//    woman's title is keyed `<name>@f`, apart from "Mr Howard"); one letter never; a given
//    name where a work's title stands is the work ("best actor for Ray"); a given name after a
//    role's title is a name of its own ("Prince Charles" is not Charles Kennedy; after an
//    honorific it is a short form: "Sir Paul");
//  - a listed place completed by the capitalised words beside it into a kb organisation's name
//    is that organisation ("Real Madrid"), and the bare place word beside such a club named in
//    the document is the club ("Madrid midfielder Guti"; not after "in");
//  - in a document about sport (two or more football words), a one-word name that kb lists as
//    "<name> FC" is the club ("Chelsea boss"; "a flat in Chelsea" stays a place);
//  - kb organisation names match with the country written either way ("UK Independence
//    Party" / "United Kingdom Independence Party");
//  - a text-found organisation named only by a listed party's words (party_words:
//    "Conservative" in "Conservative leader Michael Howard") is that party, unless the
//    document names only other countries.
//
// Thread-safety: process() is const; its per-document state lives on its stack.

#include "extract/Component.h"
#include "extract/KnowledgeEntities.h"

namespace skein::extract {

class Resolver : public Component {
 public:
  Resolver(std::string name, const ComponentContext& context, const ComponentOptions& options);
  void process(AnnotatedDocument& document) const override;

 private:
  const Knowledge& knowledge_;
  PartyWords parties_;
};

}  // namespace skein::extract
