// SyntaxRelations::Lexicon::from_rules: the syntax-relations component's trigger word sets, read
// from the rule files (schema/syntax.rules).
#include <string>

#include "extract/SyntaxRelations.h"

namespace skein::extract {

SyntaxRelations::Lexicon SyntaxRelations::Lexicon::from_rules(const RuleSet& rules,
                                                              const Knowledge& knowledge) {
  Lexicon lexicon;
  lexicon.meet_object = rules.word_set("syntax-meet-object");
  lexicon.meet_with = rules.word_set("syntax-meet-with");
  lexicon.meet_pair = rules.word_set("syntax-meet-pair");
  lexicon.meet_noun = rules.word_set("syntax-meet-noun");
  lexicon.meet_holder = rules.word_set("syntax-meet-holder");
  lexicon.meet_passive = rules.word_set("syntax-meet-passive");
  lexicon.group_member = rules.word_set("syntax-group-member");
  lexicon.trade_verb = rules.word_set("syntax-trade-verb");
  lexicon.trade_noun = rules.word_set("syntax-trade-noun");
  lexicon.trade_prep = rules.word_set("syntax-trade-prep");
  lexicon.trade_balance = rules.word_set("syntax-trade-balance");
  lexicon.trade_partner = rules.word_set("syntax-trade-partner");
  lexicon.trade_partner_verb = rules.word_set("syntax-trade-partner-verb");
  lexicon.affiliation_prep = rules.word_set("syntax-affiliation-prep");
  lexicon.location_prep = rules.word_set("syntax-location-prep");
  lexicon.location_participle = rules.word_set("syntax-location-participle");
  lexicon.not_a_role = rules.word_set("syntax-not-a-role");
  lexicon.work_verb = rules.word_set("syntax-work-verb");
  lexicon.join_verb = rules.word_set("syntax-join-verb");
  lexicon.predicate_verb = rules.word_set("syntax-predicate-verb");
  lexicon.affiliation_to_role = rules.word_set("syntax-affiliation-to-role");
  lexicon.not_in_office = rules.word_set("syntax-not-in-office");
  lexicon.linking_participle = rules.word_set("syntax-linking-participle");
  // "set syntax-party-<organisation key> <words>": the words that name a listed party.
  const std::string prefix = "syntax-party-";
  for (const auto& [set_name, words] : rules.word_sets) {
    if (set_name.compare(0, prefix.size(), prefix) != 0) continue;
    const std::string key = set_name.substr(prefix.size());
    // Knowledge without that party (a test's, a user's own) leaves the words unused.
    const int org = knowledge.organization_index(key);
    if (org < 0) continue;
    lexicon.parties.emplace_back(org, words);
  }
  return lexicon;
}

}  // namespace skein::extract
