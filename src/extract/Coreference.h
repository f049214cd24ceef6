#pragma once
// The "coref" component: within-document coreference for relation arguments. After the
// resolver, it finds the pronouns and descriptions that stand for an entity the article named
// earlier, and adds each as an EntityMention of that entity marked with its CorefKind, so the
// parser parses its sentence and the syntax-relations component can take it as an argument
// ("On Monday the Pakistani president met Prime Minister Tony Blair"). Such mentions are never
// output as the entity's mentions (ExtractionBuilder) and the word-window relation rules do not
// read them; a relation that rests on one says so in its props (AnnotatedDocument::add_relation)
// and has a lower confidence (syntax-relations).
//
// Surnames and honorifics ("Blair", "Mr Blair", "Gen Musharraf") need nothing here: the
// resolver already makes them mentions of the person named in full.
//
// What it links, each only when exactly one entity fits (else nothing: precision first):
//   role description  "the" [state] TITLE, the title a phrase of data/titles.tsv (a Role of
//                     the recogniser) not followed by a name or "of": the one person the
//                     article introduced before with that title ("Chancellor Gordon Brown",
//                     "Gordon Brown, the chancellor"), and with that state when one is said
//                     ("Pakistani President Pervez Musharraf" for "the Pakistani president").
//                     Rule "role-description".
//   kind description  "the" [state [modifiers]] NOUN, NOUN of the coref-company-noun,
//                     coref-party-noun or coref-country-noun sets and not followed by "of":
//                     the one organisation of that kind (company: kind company, or kind
//                     unknown and a name whose head word is none of coref-not-company-head,
//                     "University of California", "Refugee Council"; of the state when both
//                     are known; party: kind party), or the one
//                     state, named before it in the article ("the firm", "the US giant",
//                     "the Swiss food group", "the country"). Rule "kind-description".
//                     "the charity" (coref-charity-noun) is the one organisation the
//                     knowledge lists as an ngo, "the club" (coref-club-noun) the one club.
//   role modifier     a kind noun of those sets (not "country") with no name before it, then
//                     one to three lower-case or title words ending on a person's role (a
//                     title, an agent noun, or a syntax-group-member word such as "boss"), an
//                     honorific allowed, then a person's name: "Charity boss Gordon Lishman",
//                     "club manager Sir Alex Ferguson", "company spokesman X". The noun alone
//                     becomes the mention, of the one organisation of its kind named before;
//                     here a company must be of kind company in the knowledge (without "the",
//                     a mislabelled name is too easily the only candidate). Rule
//                     "role-modifier"; title-modifier (SyntaxRelations.h) then ties the person
//                     to it.
//   pronoun           a pronoun of coref-pronoun-male/-female (a person whose gender is not
//                     known otherwise, or is that one: from an honorific of the
//                     coref-*-honorific sets before a mention, or the gender of the first
//                     given name in data/given_names.tsv) or coref-pronoun-thing (an
//                     organisation or state), outside quotation marks: the one compatible
//                     entity named earlier in its sentence, or, when there is none, in the
//                     sentence before (its pronouns and descriptions included, so "He ...
//                     where he met" chains; demonyms never); a pronoun opening its sentence,
//                     when two fit in the sentence before, is the one whose name opened it,
//                     its subject ("Gen Musharraf held talks with Tony Blair. He arrived"). Not
//                     from the sentence before when the pronoun opens a fronted clause (the
//                     sentence starts with a word of coref-clause-opener and no comma comes before
//                     the pronoun) and an entity that fits is named later in the sentence: such a
//                     pronoun points forward, to the person named right after the clause's comma
//                     (a title between) when a verb follows the name: "Within hours of his talks
//                     with Mr Thorpe, Sir Edward told ..." is Sir Edward's. "It"
//                     and "its" only within their sentence, and only to the name that opens it
//                     ("Yukos claims its downfall ...") unless that name qualifies a company's
//                     kind noun ("A US firm has said it ..."): they stand for films, products and
//                     deals no entity names far too often. But "its" before a role and the
//                     name of its holder ("its chairman, Sir Phil Watts") is an organisation's
//                     or a state's: the one named before it in its sentence, or, when none is,
//                     in the sentence before ("The QCA said ... said its chairman, Sir Anthony
//                     Greener"). Rule "pronoun".
//   lead description  a paragraph ending on ", a|an|the [up to five words] ROLE has|have VERB."
//                     (VERB of coref-lead-verb, ROLE a person's role word) before a paragraph
//                     that opens on a person named there for the first time: the description
//                     is that person, named after it ("..., a Labour backbencher has said.
//                     Derek Wyatt said"; the news lead's way). Rule "lead-description".
//
// The word sets are data (schema/coref.rules); a rule directory without them links nothing of
// that kind.
//
// Thread-safety: process() is const; its per-document state lives on its stack.

#include <string>
#include <vector>

#include "extract/Component.h"

namespace skein::extract {

class Coreference : public Component {
 public:
  Coreference(std::string name, const ComponentContext& context, const ComponentOptions& options);
  void process(AnnotatedDocument& document) const override;

  // The word sets, by their name in the rule files.
  struct Lexicon {
    std::vector<std::string> male_pronoun, female_pronoun, thing_pronoun;
    std::vector<std::string> company_noun, not_company_head, party_noun, country_noun, modifier;
    std::vector<std::string> club_noun, charity_noun, group_member;
    std::vector<std::string> male_honorific, female_honorific, clause_opener, lead_verb;
  };

 private:
  const Knowledge& knowledge_;
  Lexicon lexicon_;
};

}  // namespace skein::extract
