#pragma once
// What the knowledge and the words around a tagged name say about it: the checks the "ner"
// component (NerComponent.h) mends the model's spans and labels with. Each answers one
// question about tokens of one annotated document and changes nothing.
//
// Thread-safety: all read-only.

#include <cstdint>

#include "extract/Knowledge.h"
#include "extract/Rules.h"
#include "extract/TokenHelpers.h"

namespace skein::extract::name_evidence {

bool has_candidate(const PhraseEntry& entry, CandidateKind kind);
// Some candidate is a place or country (not a title, not an organisation).
bool names_a_location(const PhraseEntry& entry);
// A listed place that is not also a listed organisation.
bool only_a_place(const PhraseEntry& entry);
// The gazetteer entry of a name listed exactly on tokens [first, last), or nullptr.
const PhraseEntry* listed_on(const TokenView& v, std::uint32_t first, std::uint32_t last);
// A name listed exactly on tokens [first, last) names a location (names_a_location).
bool listed_place(const TokenView& v, std::uint32_t first, std::uint32_t last);
// The gazetteer lists the words of tokens [first, last), taken alone, as a place or country,
// whatever longer name the text runs them into ("Frankfurt" of "the Frankfurt stock exchange").
bool words_name_a_listed_place(const Knowledge& knowledge, const TokenView& v, std::uint32_t first,
                               std::uint32_t last);
// Tokens [first, last) are one token written in capitals (or one capital and digits: "G8")
// that lists an organisation by that
// acronym, and stands in lower-case text (the words either side are not in capitals: not a
// headline's "WHO WILL WIN"). The model reads a sentence's first "WHO" as the pronoun; the list
// does not.
bool listed_acronym_in_text(const TokenView& v, std::uint32_t first, std::uint32_t last);
// A city in the entry is a national capital ("London", "Paris").
bool names_a_capital(const Knowledge& knowledge, const PhraseEntry& entry);
// Token t is an "&" set off by a space before it ("Douglas & Lomason"); glued, it makes an
// abbreviation ("Q&A", "R&D", "M&S").
bool spaced_ampersand(const TokenView& v, std::uint32_t t);
// Tokens [first, last) hold a spaced "&" between two words: a company's name, never a
// person's or a place's.
bool ampersand_name(const TokenView& v, std::uint32_t first, std::uint32_t last);
// Tokens from `t` read ", a|an|the|<name>'s <up to four more words> <org-noun>", with no
// preposition before the noun and no possessive after it ("RHB, Malaysia's third-biggest
// lender", "Nordic Marine Finance, a lender in Oslo"; not "Ken Perkins, an analyst at research
// firm X", nor "Smith, the company's founder").
bool described_as_company(const TokenView& v, const RuleSet& rules, std::uint32_t t);
// Tokens [first, last) read as a person's name: a given name first, and a title right before
// or no common word that is no surname last ("Bill Gates", "executive producer Robbie Stamp";
// not "Quinlan Private").
bool reads_as_personal_name(const TokenView& v, std::uint32_t first, std::uint32_t last);
// The word right before `first` is a lower-case word of the rule files' "org-noun" set ("property
// firm Quinlan Private", "car giant General Motors").
bool after_company_noun(const TokenView& v, const RuleSet& rules, std::uint32_t first);
// The words before `t` read "<title> <up to four lower-case words> at|for <up to two
// lower-case words>" ("a trader at Mellon Financial", "head of equities trading at brokers
// TOV"), or "<listed title> of" and a name [t, last) that qualifies nothing after it
// ("general secretary of Unison"; not "chief executive of the Frankfurt-based exchange", nor a
// title of the rule files' "place-role" set: "mayor of Mohammadia"; the callers ask it of
// names no list places): the name is where someone works, whatever else its words could name.
bool named_as_workplace(const Knowledge& knowledge, const RuleSet& rules,
                        const AnnotatedDocument& document, const TokenView& v, std::uint32_t t,
                        std::uint32_t last);
// Tokens from `first` are the title of a work: right after a word of the rule files'
// "work-noun" set, an article and a comma allowed between ("US TV show, The Rebel
// Billionaire"). (Not a name before such a word: "the Mike Leigh film" is his.)
bool names_a_work(const TokenView& v, const RuleSet& rules, std::uint32_t first);
// Tokens [first, last) are the name of an organisation kb_organizations.tsv lists.
bool kb_listed_organisation(const Knowledge& knowledge, const TokenView& v, std::uint32_t first,
                            std::uint32_t last);
// Tokens [first, last) are exactly the name kb_organizations.tsv gives a body of any kind but
// a club (clubs take their towns' names), at least four characters long, and none of its words
// is a given name, a surname or a common word, nor is a title right before them: nothing but
// the model's guess says a person ("Vodafone said", "Nintendo's").
bool names_only_a_listed_body(const Knowledge& knowledge, const TokenView& v, std::uint32_t first,
                              std::uint32_t last);
// The word before `first` places what follows: "near", "outside", "around", or "in" unless a
// word of the rule files' "holding-noun" set stands before it ("shares in Nokia" is money in a
// company).
bool placed_by_word_before(const RuleSet& rules, const TokenView& v, std::uint32_t first);
// `entry`, listed on tokens [first, last), places nothing but towns of under a million people
// that are no national capital, the same words name a listed body (names_only_a_listed_body),
// and the words around do not place it (placed_by_word_before, or ", <listed place>" after it): the
// company, not the town ("Nokia", "Toyota", "Hitachi").
bool small_town_named_like_a_body(const Knowledge& knowledge, const RuleSet& rules,
                                  const TokenView& v, const PhraseEntry& entry, std::uint32_t first,
                                  std::uint32_t last);
// A name's normalised words are in a rule-file set of things that are no entity: a music genre
// ("R&B star Beverley Knight"), a kind of thing's abbreviation ("PC sales"), an award ("an
// Oscar nomination"), a body every government has ("the Cabinet").
bool names_no_entity(const RuleSet& rules, std::string_view key);
// Some list names tokens [first, last): the gazetteer (listed_on) or kb_organizations.tsv.
bool listed_anywhere(const Knowledge& knowledge, const TokenView& v, std::uint32_t first,
                     std::uint32_t last);

}  // namespace skein::extract::name_evidence
