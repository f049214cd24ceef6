#pragma once
// Checks every relation component makes before it adds a relation: whether an entity fits a
// relation type's endpoint labels, whether a located-in fact can be true given what the
// gazetteer knows of both ends, and whether a role ties a person to a country. One home for
// them, shared by the rule matcher
// (RelationMatcher.h) and the syntax relations (SyntaxRelations.h).
//
// Thread-safety: pure functions of their arguments.

#include <string_view>
#include <vector>

#include "extract/AnnotatedDocument.h"
#include "extract/Knowledge.h"
#include "extract/Rules.h"

namespace skein::extract {

// Whether `e` has one of the labels `specs` allows (and, for "Place.city", that kind).
bool label_fits(const ResolvedEntity& e, const std::vector<LabelSpec>& specs);

// Whether "a located-in b" can be true given what the gazetteer knows of both ends. Text
// rules see lists ("Delta, Orion, Piedmont", "the Yangtze, the Mekong") and loose commas
// as appositions; a fact that contradicts the knowledge is a misreading, never news:
//  - a continent is inside nothing, and nothing is inside a listed city but an unlisted
//    place (a district, a street) - not an unlinked namesake of a listed place either
//    ("In London, Brent crude fell" with London left unlinked);
//  - nothing as large as a state (a country, a listed subdivision or region, or an unlinked
//    place the gazetteer lists only under such names, "Wales" as a team) is inside a listed
//    city or a city's unlinked namesake ("against Wales in Cardiff"), and one that is no
//    region lies in no place but a listed region (a country, else: "England, Wales");
//  - a listed city, subdivision or region with a known country is in no other country,
//    and a listed city with a known subdivision is in no other subdivision of its country;
//  - two listed regions (or waters) nest only as regions.tsv says (its `parent` column);
//  - a region whose parent is not a country is no part of any one country;
//  - an organisation is in nothing as large as a continent, an intergovernmental one is in no
//    one country, and a listed organisation with a home country is in no other (news
//    organisations excepted: their datelines place bureaus), and a listed party is in a
//    country only, never in one of its places.
bool plausible_located_in(const Knowledge& knowledge, const ResolvedEntity& a,
                          const ResolvedEntity& b);

// Whether "a met-with b" can be a meeting: a sports club and another organisation or club
// ("Chelsea host Birmingham", "Celtic's Boxing Day meeting with Hearts") play a fixture, and so
// do any two parties that are not people in a document about sport (AnnotatedDocument::
// about_sport: "Bolton meet Ipswich", "England meet Wales").
bool plausible_meeting(const AnnotatedDocument& document, const ResolvedEntity& a,
                       const ResolvedEntity& b);

// Whether a title phrase the gazetteer matched over any of tokens [first, last) has a kind
// (data/titles.tsv's kind column: "government", "business", "honorific", ...) that `accepts`.
bool title_of_kind(const Knowledge& knowledge, const AnnotatedDocument& document,
                   std::uint32_t first, std::uint32_t last, bool (*accepts)(std::string_view kind));

// Whether a title phrase that names a role (any kind but "honorific": not "Mr", "Lord") covers
// any of tokens [first, last): "a trader at", "Tory leader", "Secretary of State".
bool names_a_role(const Knowledge& knowledge, const AnnotatedDocument& document,
                  std::uint32_t first, std::uint32_t last);

// Whether a title phrase over tokens [first, last) names a role in a state: a government,
// diplomatic or military title ("industry minister", "ambassador", "general"). A person is
// affiliated with a country only through such a role: a country word that qualifies a job ("UK
// economist", "US tycoon", "Malaysia entrepreneur") says where the job is, not whom the person
// serves.
bool names_state_role(const Knowledge& knowledge, const AnnotatedDocument& document,
                      std::uint32_t first, std::uint32_t last);

// Whether the mention ending before token `after` only qualifies what follows it: a possessive
// ("the UK's Confederation of British Industry") or a common noun ("head of UK equities")
// comes next, so the mention is not the organisation or country a role is held in.
bool qualifies_what_follows(const AnnotatedDocument& document, std::uint32_t after);

// Whether a role is said to be past: a word of the rule files' `former` set ("former", "ex",
// "erstwhile") among the six tokens before token `role_first` (the role's first word, or the
// first word of the phrase the relation was read from), reached over words, a possessive and
// hyphens only, in its sentence: "former Chelsea striker Adrian Mutu", "the former French
// president", "ex-Tory leader"; or a word of the `defect-verb` set after it in its sentence ("the
// third Conservative MP to defect to Labour"); or, in a parsed sentence, `person` (the role's
// holder) is the subject of a verb of the `depart-verb` set ("Jacques Santini has resigned",
// "Gerd Niebaum stepped down"; not "will resign"), or of the `leave-verb` set with the role's
// place described as its object ("Paul Tellier ... left the company"), in a sentence that
// joins no one to anything ("left the club to join Newcastle").
bool former_role(const AnnotatedDocument& document, const RuleSet& rules, std::uint32_t role_first,
                 const EntityMention& person);

// Whether an organisation can be what a person is affiliated with: not an event, whose name
// ends on a word of the rule files' `event-noun` set ("US Open champion X at the Dubai
// Championships" plays there, works for no one).
bool can_employ(const ResolvedEntity& organisation, const RuleSet& rules);

// Whether token t is a noun that names a person's role: a title phrase covers it (not an
// honorific), it opens a listed title ("vice" of "vice president"), or it is an agent noun by
// its ending, plural or not ("controller", "strategist", "spokeswoman", "consultant", "FBI
// man", "team-mates"); not a thing ("tool", "ceremony", "government"). The syntax relations
// add their group-member words ("boss", "official").
bool names_a_person_role(const Knowledge& knowledge, const AnnotatedDocument& document,
                         std::uint32_t t);
// Whether normalised word `w` is an agent noun by its ending, plural or not ("controller",
// "strategist", "spokeswoman", "team-mates"); the last test of names_a_person_role.
bool agent_noun(std::string_view w);

// Whether what the knowledge or the name itself says makes `e` an organisation, not a work (a
// film, a programme, a show) the tagger took for one: the knowledge lists it (it has a kind or
// a home country), its name holds an org-suffix word, opens with an org-head word or an
// acronym before more words ("Oscar Academy", "University of Kent", "Radio One", "BBC One";
// not "The" and one word, "The Office"), or it is an acronym ("UKIF").
bool known_organisation(const Knowledge& knowledge, const ResolvedEntity& e);

// Whether a person in the role ending on `role_word` can be affiliated with `organisation`.
// A role of the rule files' `work-role` set ("creator", "star", "actress") takes
// a work as readily as an employer ("Phoenix Nights creator Peter Kay", "EastEnders' actress
// X"), so it ties a person only to a known_organisation(); any other role, to any
// organisation. A country, or a role word outside the set, always passes, unless the word is
// of the `syntax-not-a-role` set: it names no role at all ("Crystal Palace fan", "Norfolk
// farmer"). No role ties anyone to an unlinked organisation named by an institution's word
// alone ("Committee", "Union"): it is no particular one.
bool can_hold_role_in(const Knowledge& knowledge, const RuleSet& rules,
                      const ResolvedEntity& organisation, std::string_view role_word);

}  // namespace skein::extract
