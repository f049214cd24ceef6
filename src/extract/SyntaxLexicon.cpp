// SyntaxRelations::Lexicon::from_rules: the syntax-relations component's trigger word sets, read
// from the rule files (schema/syntax.rules); and the sentences those words and the relation
// types' labels make worth parsing (sentences_to_parse).
#include <algorithm>
#include <functional>
#include <string>

#include "extract/RelationChecks.h"
#include "extract/SyntaxRelations.h"
#include "extract/TokenHelpers.h"

namespace skein::extract {

SyntaxRelations::Lexicon SyntaxRelations::Lexicon::from_rules(const RuleSet& rules,
                                                              const Knowledge& knowledge) {
  Lexicon lexicon;
  lexicon.meet_object = rules.word_set("syntax-meet-object");
  lexicon.meet_with = rules.word_set("syntax-meet-with");
  lexicon.meet_pair = rules.word_set("syntax-meet-pair");
  lexicon.meet_noun = rules.word_set("syntax-meet-noun");
  lexicon.meet_fixture = rules.word_set("syntax-meet-fixture");
  lexicon.meet_holder = rules.word_set("syntax-meet-holder");
  lexicon.meet_passive = rules.word_set("syntax-meet-passive");
  lexicon.group_member = rules.word_set("syntax-group-member");
  lexicon.trade_verb = rules.word_set("syntax-trade-verb");
  lexicon.trade_noun = rules.word_set("syntax-trade-noun");
  lexicon.trade_prep = rules.word_set("syntax-trade-prep");
  lexicon.trade_balance = rules.word_set("syntax-trade-balance");
  lexicon.trade_partner = rules.word_set("syntax-trade-partner");
  lexicon.trade_partner_verb = rules.word_set("syntax-trade-partner-verb");
  lexicon.trade_deal = rules.word_set("syntax-trade-deal");
  lexicon.trade_deal_verb = rules.word_set("syntax-trade-deal-verb");
  lexicon.affiliation_prep = rules.word_set("syntax-affiliation-prep");
  lexicon.location_prep = rules.word_set("syntax-location-prep");
  lexicon.location_participle = rules.word_set("syntax-location-participle");
  lexicon.not_a_role = rules.word_set("syntax-not-a-role");
  lexicon.work_verb = rules.word_set("syntax-work-verb");
  lexicon.join_verb = rules.word_set("syntax-join-verb");
  lexicon.serve_verb = rules.word_set("syntax-serve-verb");
  lexicon.predicate_verb = rules.word_set("syntax-predicate-verb");
  lexicon.affiliation_to_role = rules.word_set("syntax-affiliation-to-role");
  lexicon.not_in_office = rules.word_set("syntax-not-in-office");
  lexicon.linking_participle = rules.word_set("syntax-linking-participle");
  lexicon.bare_title = rules.word_set("syntax-bare-title");
  lexicon.parties = party_words(rules, knowledge);
  return lexicon;
}

SyntaxRelations::ParseTriggers SyntaxRelations::ParseTriggers::from_rules(const RuleSet& rules) {
  const auto merged = [&](std::initializer_list<const char*> names) {
    std::vector<std::string> words;
    for (const char* name : names) {
      const std::vector<std::string>& set = rules.word_set(name);
      words.insert(words.end(), set.begin(), set.end());
    }
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    return words;
  };
  ParseTriggers triggers;
  triggers.meeting = merged({"syntax-meet-object", "syntax-meet-with", "syntax-meet-pair",
                             "syntax-meet-noun", "syntax-meet-passive"});
  triggers.trade = merged(
      {"syntax-trade-verb", "syntax-trade-noun", "syntax-trade-balance", "syntax-trade-partner"});
  triggers.placing = merged({"syntax-location-prep", "syntax-location-participle"});
  triggers.departure = merged({"depart-verb", "leave-verb"});
  triggers.role = merged({"syntax-group-member", "syntax-work-verb", "syntax-join-verb",
                          "syntax-serve-verb", "syntax-predicate-verb"});
  triggers.role_preposition = merged({"syntax-affiliation-prep"});
  return triggers;
}

std::vector<bool> SyntaxRelations::sentences_to_parse(const AnnotatedDocument& document,
                                                      const RuleSet& rules,
                                                      const ParseTriggers& triggers) {
  const Segmentation& seg = document.segmentation;
  const TokenView v(document);
  const auto type_of = [&](const char* name) -> const RelationTypeDef* {
    const int i = rules.type_index(name);
    return i < 0 ? nullptr : &rules.types[static_cast<std::size_t>(i)];
  };
  const RelationTypeDef* const located_in = type_of("located-in");
  const RelationTypeDef* const affiliated_with = type_of("affiliated-with");
  const RelationTypeDef* const met_with = type_of("met-with");
  const RelationTypeDef* const trades_with = type_of("trades-with");
  const auto fits = [](const RelationTypeDef* type, const ResolvedEntity& a,
                       const ResolvedEntity& b) {
    return type != nullptr && ((label_fits(a, type->source) && label_fits(b, type->target)) ||
                               (label_fits(b, type->source) && label_fits(a, type->target)));
  };
  const auto any_word_of = [&](const Sentence& s, const std::vector<std::string>& sorted) {
    for (std::uint32_t t = s.first; t < s.last; ++t) {
      if (std::binary_search(sorted.begin(), sorted.end(), v.norm(t), std::less<>())) return true;
    }
    return false;
  };
  // The different entities each sentence names, the sentences where a pronoun stands for one
  // ("its" may be a possessor), and those where a preposition of syntax-affiliation-prep
  // follows a person's name right after it ("said David Anders at Merrill Lynch").
  std::vector<std::vector<int>> named(seg.sentences.size());
  std::vector<bool> pronoun(seg.sentences.size(), false);
  std::vector<bool> person_before_preposition(seg.sentences.size(), false);
  for (const EntityMention& m : document.mentions) {
    if (m.entity < 0 || m.sentence >= named.size()) continue;
    std::vector<int>& entities = named[m.sentence];
    if (std::find(entities.begin(), entities.end(), m.entity) == entities.end())
      entities.push_back(m.entity);
    if (m.coref == CorefKind::kPronoun) pronoun[m.sentence] = true;
    if (document.entities[static_cast<std::size_t>(m.entity)].label == EntityLabel::kPerson &&
        m.last < seg.sentences[m.sentence].last &&
        std::binary_search(triggers.role_preposition.begin(), triggers.role_preposition.end(),
                           v.norm(m.last), std::less<>()))
      person_before_preposition[m.sentence] = true;
  }
  // located-in's paths read an in-phrase, a possessor or a location participle.
  const auto placing_words = [&](const Sentence& s) {
    for (std::uint32_t t = s.first; t < s.last; ++t) {
      if (v.tok(t).has(token_flags::kPossessive)) return true;
    }
    return any_word_of(s, triggers.placing);
  };
  // affiliated-with's paths read a role noun by the person, a verb of working, or a preposition
  // right after the person's name.
  const auto role_words = [&](std::size_t i) {
    if (person_before_preposition[i]) return true;
    const Sentence& s = seg.sentences[i];
    const upos::Tag noun = upos::from_name("NOUN"), proper = upos::from_name("PROPN");
    for (std::uint32_t t = s.first; t < s.last; ++t) {
      for (const Role& r : document.roles_at(t)) {
        if (!r.honorific) return true;
      }
      // (The tagger reads a lower-case role in a run of names as a proper noun: "United
      // keeper Roy Carroll".)
      if ((v.lex(t) & lexicon_flags::kTitleStart) != 0 ||
          (t < document.pos.size() && (document.pos[t] == noun || document.pos[t] == proper) &&
           v.tok(t).has(token_flags::kLower) && agent_noun(v.norm(t))))
        return true;
    }
    return any_word_of(s, triggers.role);
  };
  std::vector<bool> out(seg.sentences.size(), false);
  for (std::size_t i = 0; i < seg.sentences.size(); ++i) {
    bool place = false, role = false, meeting = false, trade = false, holder = false;
    const std::vector<int>& entities = named[i];
    for (std::size_t x = 0; x < entities.size(); ++x) {
      holder = holder || (affiliated_with != nullptr &&
                          label_fits(document.entities[static_cast<std::size_t>(entities[x])],
                                     affiliated_with->source));
      for (std::size_t y = x + 1; y < entities.size(); ++y) {
        const ResolvedEntity& a = document.entities[static_cast<std::size_t>(entities[x])];
        const ResolvedEntity& b = document.entities[static_cast<std::size_t>(entities[y])];
        place = place || fits(located_in, a, b);
        role = role || fits(affiliated_with, a, b);
        meeting = meeting || fits(met_with, a, b);
        trade = trade || fits(trades_with, a, b);
      }
    }
    const Sentence& s = seg.sentences[i];
    out[i] = (role && role_words(i)) || (place && (pronoun[i] || placing_words(s))) ||
             (meeting && any_word_of(s, triggers.meeting)) ||
             (trade && any_word_of(s, triggers.trade)) ||
             (holder && any_word_of(s, triggers.departure));
  }
  return out;
}

}  // namespace skein::extract
