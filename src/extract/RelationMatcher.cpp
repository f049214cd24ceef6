#include "extract/RelationMatcher.h"

#include <algorithm>

#include "extract/KnowledgeEntities.h"
#include "extract/ParserComponent.h"
#include "extract/RelationChecks.h"
#include "extract/SentenceTree.h"
#include "extract/TokenHelpers.h"

namespace skein::extract {
namespace {

namespace tf = token_flags;

// A pattern matches units: an entity mention, a title phrase (role) or one token.
struct Unit {
  enum class Type : std::uint8_t { kToken, kEntity, kRole } type = Type::kToken;
  std::uint32_t first = 0, last = 0;
  int index = -1;  // mention or role index
};

// The rule matcher's work on one document.
class RelationRun : public TokenView {
 public:
  RelationRun(AnnotatedDocument& document, const Knowledge& knowledge, const RuleSet& rules,
              const std::vector<std::vector<const RelationRule*>>& rules_by_type,
              bool keep_modal_relations, const char* component)
      : TokenView(document),
        d_(document),
        k_(knowledge),
        rules_(rules),
        rules_by_type_(rules_by_type),
        keep_modal_relations_(keep_modal_relations),
        component_(component),
        known_(document, knowledge),
        seg_(document.segmentation),
        mentions_(document.mentions),
        roles_(document.roles),
        entities_(document.entities),
        tree_(document) {}

  void run() {
    for (std::uint32_t s = 0; s < seg_.sentences.size(); ++s) relate_sentence(s);
  }

 private:
  // A capital city may act as its state ("Seoul was Beijing's largest trading partner") where
  // the slot takes a Country and not a Place: returns the Country's knowledge index or -1.
  int metonymy_country(const ResolvedEntity& e, const std::vector<LabelSpec>& specs) const {
    if (e.city < 0 || !k_.cities()[e.city].capital) return -1;
    bool country = false;
    for (const LabelSpec& s : specs) {
      if (s.label == labels::kPlace) return -1;
      if (s.label == labels::kCountry) country = true;
    }
    if (!country) return -1;
    return k_.country_of_capital(k_.cities()[e.city].geonames);
  }

  struct Binding {
    int source_unit = -1, target_unit = -1, role_unit = -1;
    int source_country = -1, target_country = -1;  // metonymy
  };

  bool match(const RelationRule& rule, const RelationTypeDef& type, std::size_t item, std::size_t u,
             Binding& b, std::size_t& end) const {
    if (item == rule.items.size()) {
      end = u;
      return true;
    }
    const PatternItem& p = rule.items[item];
    const std::size_t n = units_.size();
    switch (p.type) {
      case PatternItem::Type::kWord: {
        // A one-word title ("partner") is still the word a pattern may name.
        if (u < n && units_[u].last == units_[u].first + 1 &&
            units_[u].type != Unit::Type::kEntity) {
          const std::string_view w = norm(units_[u].first);
          for (const std::string& alt : p.words) {
            if (alt == w) return match(rule, type, item + 1, u + 1, b, end);
          }
        }
        return p.optional && match(rule, type, item + 1, u, b, end);
      }
      case PatternItem::Type::kSource:
      case PatternItem::Type::kTarget:
      case PatternItem::Type::kEntity: {
        if (u < n && units_[u].type == Unit::Type::kEntity) {
          const ResolvedEntity& e = entities_[mentions_[units_[u].index].entity];
          const std::vector<LabelSpec>& specs = !p.labels.empty()                      ? p.labels
                                                : p.type == PatternItem::Type::kTarget ? type.target
                                                : p.type == PatternItem::Type::kSource ? type.source
                                                                                       : p.labels;
          int coerced = -1;
          // Where a thing is, a capital is the city: "Havana Radio Reloj" is in Havana; and so
          // it is where a person works ("London mayor Ken Livingstone", "a lecturer at
          // London's Imperial College"): only states acting (trade, meetings) are metonyms.
          const bool locative = (located_in_ >= 0 && &type == &rules_.types[located_in_]) ||
                                (affiliated_with_ >= 0 && &type == &rules_.types[affiliated_with_]);
          // A demonym stands for its state only as an adjective before a name or a title
          // ("Soviet Navy", "Chinese Foreign Minister Wang"); "in Spanish" is a language.
          // So it does before a kind of place ("the Thai beach resort of Phuket", "the
          // Pakistani city of Lahore").
          const bool demonym_alone = mentions_[units_[u].index].demonym &&
                                     (u + 1 >= n || units_[u + 1].type == Unit::Type::kToken) &&
                                     !before_place_noun(u);
          const bool ok = demonym_alone ? p.type == PatternItem::Type::kEntity && specs.empty()
                          : p.type == PatternItem::Type::kEntity && specs.empty()
                              ? true
                              : (label_fits(e, specs) ||
                                 (!locative && (coerced = metonymy_country(e, specs)) >= 0));
          if (ok) {
            Binding saved = b;
            if (p.type == PatternItem::Type::kSource) {
              b.source_unit = static_cast<int>(u);
              b.source_country = coerced;
            } else if (p.type == PatternItem::Type::kTarget) {
              b.target_unit = static_cast<int>(u);
              b.target_country = coerced;
            }
            if (match(rule, type, item + 1, u + 1, b, end)) return true;
            b = saved;
          }
        }
        return p.optional && match(rule, type, item + 1, u, b, end);
      }
      case PatternItem::Type::kRole: {
        if (u < n && units_[u].type == Unit::Type::kRole && !roles_[units_[u].index].honorific) {
          const int saved = b.role_unit;
          b.role_unit = static_cast<int>(u);
          // An honorific right after the role opens the name of the person who holds it
          // ("Labour peer Lord Haskins", "Labour MP Sir Gerald Kaufman").
          std::size_t next = u + 1;
          if (next < n && units_[next].type == Unit::Type::kRole &&
              roles_[units_[next].index].honorific)
            ++next;
          if (match(rule, type, item + 1, next, b, end)) return true;
          b.role_unit = saved;
        }
        return p.optional && match(rule, type, item + 1, u, b, end);
      }
      case PatternItem::Type::kStart:
        return u == 0 && match(rule, type, item + 1, u, b, end);
      case PatternItem::Type::kEnd: {
        for (std::size_t v = u; v < n; ++v) {
          if (units_[v].type != Unit::Type::kToken || tok(units_[v].first).has(tf::kWord) ||
              tok(units_[v].first).has(tf::kNumber)) {
            return false;
          }
        }
        return match(rule, type, item + 1, u, b, end);
      }
      case PatternItem::Type::kSkip: {
        // A gap never runs over a semicolon: it parts a list's items or two clauses.
        for (int s = 0; s <= p.max_skip && u + static_cast<std::size_t>(s) <= n; ++s) {
          if (match(rule, type, item + 1, u + static_cast<std::size_t>(s), b, end)) return true;
          const std::size_t skipped = u + static_cast<std::size_t>(s);
          if (skipped < n && units_[skipped].type == Unit::Type::kToken &&
              norm(units_[skipped].first) == ";")
            break;
        }
        return false;
      }
    }
    return false;
  }

  // Whether unit u is followed by a word of the place-noun set, up to two other lower-case
  // words between ("Thai beach resort").
  bool before_place_noun(std::size_t u) const {
    for (std::size_t v = u + 1; v < units_.size() && v <= u + 3; ++v) {
      if (units_[v].type != Unit::Type::kToken || !tok(units_[v].first).has(tf::kLower) ||
          !tok(units_[v].first).has(tf::kWord))
        return false;
      if (rules_.in_word_set("place-noun", norm(units_[v].first))) return true;
    }
    return false;
  }

  // A mention whose name ends on an institution's word ("U.S. Navy", "Foreign Ministry") or
  // is an acronym ("FA").
  bool institution(const EntityMention& m) const {
    if (m.last == m.first + 1 && tok(m.first).has(tf::kAllCaps)) return true;
    return institution_word(m.last - 1);
  }

  // Negation and hypothetical cues around a match (units_[first_unit, end_unit)): in its
  // units and the three tokens before ("be" + "to" is one: "is to meet"); condition words ("if")
  // anywhere in the sentence up to the match's end. With `own_words_only` (a lasting relation
  // type), in its units alone: "Acme will be based in Paris" is not yet a fact, "Benn will visit
  // Aceh in Indonesia" places Aceh all the same. Words inside a name or a title are not cues:
  // "chief executive of the Family Planning Association" plans nothing.
  std::string modality(const Sentence& s, std::size_t first_unit, std::size_t end_unit,
                       bool own_words_only) const {
    const std::uint32_t first_token = units_[first_unit].first;
    const std::uint32_t last_token = units_[end_unit - 1].last;
    const std::uint32_t from = own_words_only               ? first_token
                               : first_token >= s.first + 3 ? first_token - 3
                                                            : s.first;
    bool condition = false;
    for (const Unit& unit : units_) {
      if (unit.first >= last_token) break;
      if (unit.type != Unit::Type::kToken || !tok(unit.first).has(tf::kWord)) continue;
      const std::string_view w = norm(unit.first);
      if (unit.first >= from) {
        if (contains(rules_.negation_cues, w)) return "negated";
        if (contains(rules_.hypothetical_cues, w)) return "hypothetical";
        if (w == "to" && unit.first > s.first && be_form(norm(unit.first - 1)))
          return "hypothetical";  // "Blair is to meet Bush": planned
      }
      condition = condition || contains(rules_.condition_cues, w);
    }
    if (condition && !own_words_only) return "hypothetical";
    // In a parsed sentence, a verb that governs one of the match's words may make it planned
    // or denied from further away than the window: "SAIC plans to shift production to China
    // and export it to the UK".
    if (own_words_only || !parsed_) return "";
    for (std::size_t u = first_unit; u < end_unit; ++u) {
      if (units_[u].type != Unit::Type::kToken || !tok(units_[u].first).has(tf::kWord)) continue;
      std::string mod = tree_.modality(units_[u].first, rules_);
      if (!mod.empty()) return mod;
    }
    return "";
  }

  void relate_sentence(std::uint32_t sentence_index) {
    const Sentence& s = seg_.sentences[sentence_index];
    // Units: entity mentions and roles of this sentence, other tokens one by one.
    units_.clear();
    int entity_units = 0;
    std::size_t m = sentence_mentions_begin(sentence_index);
    std::size_t r = sentence_roles_begin(sentence_index);
    for (std::uint32_t t = s.first; t < s.last;) {
      while (m < sorted_mentions_.size() && mentions_[sorted_mentions_[m]].first < t) ++m;
      while (r < roles_.size() && roles_[r].first < t) ++r;
      if (m < sorted_mentions_.size() && mentions_[sorted_mentions_[m]].first == t) {
        const int index = sorted_mentions_[m];
        units_.push_back({Unit::Type::kEntity, t, mentions_[index].last, index});
        ++entity_units;
        t = mentions_[index].last;
        continue;
      }
      if (r < roles_.size() && roles_[r].first == t) {
        units_.push_back({Unit::Type::kRole, t, roles_[r].last, static_cast<int>(r)});
        t = roles_[r].last;
        continue;
      }
      units_.push_back({Unit::Type::kToken, t, t + 1, -1});
      ++t;
    }
    if (entity_units < 2) return;
    // The parse, for modality(): only sentences that can hold a relation need it.
    parsed_ = d_.dependency_head.size() > s.first &&
              d_.dependency_head[s.first] != ParserComponent::kNotParsed;
    if (parsed_) tree_.set_sentence(s);
    Evidence evidence;
    evidence.span = s.span;
    std::string sentence_text;  // made on the first match only
    for (std::size_t type_index = 0; type_index < rules_.types.size(); ++type_index) {
      const RelationTypeDef& type = rules_.types[type_index];
      const std::vector<const RelationRule*>& type_rules = rules_by_type_[type_index];
      for (std::size_t u = 0; u < units_.size(); ++u) {
        bool matched = false;
        for (const RelationRule* rule_ptr : type_rules) {
          const RelationRule& rule = *rule_ptr;
          if (matched && !rule.also) continue;
          if (!could_start(rule, units_[u])) continue;
          Binding b;
          std::size_t end = 0;
          if (!match(rule, type, 0, u, b, end)) continue;
          if (rule.not_in_list && in_list(u, end)) continue;
          if (rule.institution_source && !institution(mentions_[units_[b.source_unit].index]))
            continue;
          const Unit& su = units_[b.source_unit];
          const Unit& tu = units_[b.target_unit];
          EntityMention& sm = mentions_[su.index];
          EntityMention& tm = mentions_[tu.index];
          // A match the gazetteer contradicts is no match: a later rule may still read the
          // words right.
          if (static_cast<int>(type_index) == located_in_) {
            const int source = b.source_country >= 0
                                   ? known_.country_entity(b.source_country, sm.first)
                                   : sm.entity;
            const int target = b.target_country >= 0
                                   ? known_.country_entity(b.target_country, tm.first)
                                   : tm.entity;
            if (!plausible_located_in(k_, entities_[source], entities_[target])) continue;
          }
          if (static_cast<int>(type_index) == affiliated_with_ &&
              (!can_employ(entities_[tm.entity], rules_) ||
               (b.role_unit >= 0 && !can_hold_role_in(k_, rules_, entities_[tm.entity],
                                                      norm(units_[b.role_unit].last - 1)))))
            continue;
          // A meeting is between parties, not a club and its fixture, nor a possessor and
          // what it owns ("Rooney met Gary Neville's cross", "receives Robson warning").
          if (static_cast<int>(type_index) == met_with_ &&
              (!plausible_meeting(d_, entities_[sm.entity], entities_[tm.entity]) ||
               qualifies_what_follows(d_, tm.last)))
            continue;
          // A role ties a person to a country only when it is a state's role, and only when a
          // country after the role is what the role is in, not a word qualifying a noun or a
          // name after it ("head of UK equities", "president of the Spanish FA's committee").
          const bool name_follows = b.target_unit + 1 < static_cast<int>(units_.size()) &&
                                    units_[b.target_unit + 1].type == Unit::Type::kEntity;
          if (static_cast<int>(type_index) == affiliated_with_ && b.role_unit >= 0 &&
              entities_[b.target_country >= 0 ? known_.country_entity(b.target_country, tm.first)
                                              : tm.entity]
                      .label == EntityLabel::kCountry &&
              (!names_state_role(k_, d_, units_[b.role_unit].first, units_[b.role_unit].last) ||
               (units_[b.role_unit].last <= tm.first &&
                (qualifies_what_follows(d_, tm.last) || name_follows))))
            continue;
          std::string mod = modality(s, u, end, type.lasting);
          double confidence = rule.confidence;
          if (!rule.also) matched = true;
          if (!mod.empty()) {
            if (!keep_modal_relations_) continue;
            confidence *= 0.3;
          }
          // Capital metonymy: the mention now names the state.
          if (b.source_country >= 0) {
            sm.entity = known_.country_entity(b.source_country, sm.first);
            sm.metonym = true;
          }
          if (b.target_country >= 0) {
            tm.entity = known_.country_entity(b.target_country, tm.first);
            tm.metonym = true;
          }
          std::string role;
          if (b.role_unit >= 0) {
            const Unit& ru = units_[b.role_unit];
            role = text_of(ru.first, ru.last);
          }
          if (sentence_text.empty()) sentence_text = text().substr(s.span.start, s.span.size());
          evidence.component = component_;
          evidence.rule = rule.name;
          evidence.text = sentence_text;
          evidence.confidence = confidence;
          const bool former =
              static_cast<int>(type_index) == affiliated_with_ &&
              former_role(
                  d_, rules_,
                  b.role_unit >= 0 ? units_[b.role_unit].first : std::min(sm.first, tm.first), sm);
          d_.add_relation(type.name, type.symmetric, entities_[sm.entity].out.id,
                          entities_[tm.entity].out.id, basis::kText, evidence, role, mod, {},
                          former);
        }
      }
    }
  }

  // Whether units [first, end) sit in a list of names: "[match] , E" or "[match] and|or E"
  // with E no person ("Paris, Amsterdam and Lisbon"; "Rockville, Md., Bernero said" is no
  // list), "[match] , Word ," with Word unrecognised, "E , E , [match]" or "E and E ,
  // [match]" (two before: an address chain "Fort Hamilton, Brooklyn, N.Y." has one), or
  // "[match] E" (the last name continues: "Bayern Munich"), and "[match] R" or
  // "[match] Word" (it qualifies a title or a longer name: "in Edinburgh, Wales Secretary Peter
  // Hain"), or a verb (its last name opens a clause).
  bool in_list(std::size_t first, std::size_t end) const {
    const auto entity = [&](std::size_t u) {
      return u < units_.size() && units_[u].type == Unit::Type::kEntity;
    };
    const auto word = [&](std::size_t u, std::string_view w) {
      return u < units_.size() && units_[u].type == Unit::Type::kToken &&
             norm(units_[u].first) == w;
    };
    // A list item need not be recognised: any capitalised word will do ("Internazionale").
    const auto item = [&](std::size_t u) {
      return entity(u) || (u < units_.size() && capish(units_[u].first));
    };
    // An initial opening an item is part of it ("S Byrne, S Best, L Cullen": a team).
    const auto initial = [&](std::size_t u) {
      return u < units_.size() && units_[u].type == Unit::Type::kToken &&
             initial_letter(units_[u].first);
    };
    const auto past_initial = [&](std::size_t u) { return initial(u) ? u + 1 : u; };
    // Two items before, the second perhaps closing a coordination ("Cities of London and
    // Westminster, Bournemouth West, Westmorland and Lonsdale").
    const std::size_t start = first >= 1 && initial(first - 1) ? first - 1 : first;
    if (start >= 4 && word(start - 1, ",") && item(start - 2)) {
      const std::size_t item_start = initial(start - 3) ? start - 3 : start - 2;
      if (item_start >= 2 && (word(item_start - 1, ",") || word(item_start - 1, "and")) &&
          item(item_start - 2))
        return true;
    }
    // An unrecognised word after the match that a comma or "and" follows is the next item
    // ("Dorset West, Bournemouth East, Wells, Canterbury"), unless it is a day or month
    // ("Paris, Texas, Monday, ...").
    const std::size_t after = word(end, ",") ? past_initial(end + 1) : end + 1;
    if (word(end, ",") && !entity(after) && after < units_.size() &&
        units_[after].type == Unit::Type::kToken && capish(units_[after].first) &&
        !is_calendar_word(norm(units_[after].first)) &&
        (word(after + 1, ",") || word(after + 1, "and"))) {
      return true;
    }
    if ((word(end, "and") || word(end, "or") || word(end, "&")) && !entity(end + 1) &&
        end + 1 < units_.size() && capish(units_[end + 1].first)) {
      return true;  // "England, Scotland and Wales" with Wales unrecognised
    }
    // The next name, with the titles or honorifics before it ("Madame Tussauds").
    std::size_t next_unit = past_initial(end + 1);
    while (next_unit < units_.size() && units_[next_unit].type == Unit::Type::kRole) ++next_unit;
    if ((word(end, ",") || word(end, "and") || word(end, "or") || word(end, "&")) &&
        entity(next_unit)) {
      // The next name continues the list unless it is a person or the larger unit the last
      // name lies in ("Azusa, Calif.": a chain of addresses, not a list).
      const ResolvedEntity& last = entities_[mentions_[units_[end - 1].index].entity];
      const ResolvedEntity& next = entities_[mentions_[units_[next_unit].index].entity];
      const auto is_subdivision = [](const ResolvedEntity& e) {
        const auto kind = e.out.props.find("kind");
        return kind != e.out.props.end() && kind->second == "subdivision";
      };
      const bool larger =
          (next.label == EntityLabel::kCountry && last.label != EntityLabel::kCountry) ||
          (is_subdivision(next) && last.label == EntityLabel::kPlace && !is_subdivision(last));
      if (next.label != EntityLabel::kPerson && !larger) return true;
      // Three names in a row are a list, whatever the tagger made of the third ("Nokia, Intel,
      // Philips, Alcatel", "Buckingham Palace, Windsor Castle, Madame Tussauds and Alton
      // Towers", the third a person to the tagger).
      if (!larger && (word(next_unit + 1, ",") || word(next_unit + 1, "and")) &&
          item(next_unit + 2))
        return true;
    }
    // A verb right after the match: its last name is the subject of a new clause ("in Cardiff,
    // Wales must get past Scotland"; "in Dublin, Ireland tore into the visitors").
    const bool verb_after = end < units_.size() && units_[end].type == Unit::Type::kToken &&
                            units_[end].first < d_.pos.size() &&
                            (d_.pos[units_[end].first] == upos::from_name("VERB") ||
                             d_.pos[units_[end].first] == upos::from_name("AUX"));
    return item(end) || verb_after ||
           (end < units_.size() && units_[end].type == Unit::Type::kRole);
  }

  // A cheap test of the first pattern item, before the backtracking matcher runs.
  bool could_start(const RelationRule& rule, const Unit& unit) const {
    const PatternItem& first = rule.items.front();
    if (first.optional) return true;
    switch (first.type) {
      case PatternItem::Type::kSource:
      case PatternItem::Type::kTarget:
      case PatternItem::Type::kEntity:
        return unit.type == Unit::Type::kEntity;
      case PatternItem::Type::kRole:
        return unit.type == Unit::Type::kRole;
      case PatternItem::Type::kWord: {
        if (unit.type == Unit::Type::kEntity || unit.last != unit.first + 1) return false;
        const std::string_view w = norm(unit.first);
        for (const std::string& alt : first.words) {
          if (alt == w) return true;
        }
        return false;
      }
      case PatternItem::Type::kSkip:
        return true;
      case PatternItem::Type::kStart:
        return &unit == &units_.front();
      case PatternItem::Type::kEnd:
        return true;
    }
    return true;
  }

  std::size_t sentence_mentions_begin(std::uint32_t sentence) {
    if (sorted_mentions_.empty() && !mentions_.empty()) {
      for (std::size_t i = 0; i < mentions_.size(); ++i) {
        // Word-window patterns read names only: a pronoun or description (CorefKind) needs
        // the parse to say which argument it fills (syntax-relations).
        if (mentions_[i].entity >= 0 && mentions_[i].coref == CorefKind::kNone)
          sorted_mentions_.push_back(static_cast<int>(i));
      }
      std::sort(sorted_mentions_.begin(), sorted_mentions_.end(),
                [&](int a, int b) { return mentions_[a].first < mentions_[b].first; });
    }
    const std::uint32_t first = seg_.sentences[sentence].first;
    return static_cast<std::size_t>(
        std::lower_bound(sorted_mentions_.begin(), sorted_mentions_.end(), first,
                         [&](int a, std::uint32_t t) { return mentions_[a].first < t; }) -
        sorted_mentions_.begin());
  }

  std::size_t sentence_roles_begin(std::uint32_t sentence) const {
    const std::uint32_t first = seg_.sentences[sentence].first;
    return static_cast<std::size_t>(
        std::lower_bound(roles_.begin(), roles_.end(), first,
                         [](const Role& a, std::uint32_t t) { return a.first < t; }) -
        roles_.begin());
  }

  AnnotatedDocument& d_;
  const Knowledge& k_;
  const RuleSet& rules_;
  const std::vector<std::vector<const RelationRule*>>& rules_by_type_;
  const bool keep_modal_relations_;
  const char* component_;
  KnowledgeEntities known_;
  const Segmentation& seg_;
  std::vector<EntityMention>& mentions_;
  const std::vector<Role>& roles_;
  std::vector<ResolvedEntity>& entities_;
  SentenceTree tree_;    // the current sentence's parse, when parsed_
  bool parsed_ = false;  // the parser parsed the current sentence
  std::vector<Unit> units_;
  std::vector<int> sorted_mentions_;
  const int located_in_ = rules_.type_index("located-in");
  const int affiliated_with_ = rules_.type_index("affiliated-with");
  const int met_with_ = rules_.type_index("met-with");
};

}  // namespace

RelationMatcher::RelationMatcher(std::string name, const ComponentContext& context,
                                 const ComponentOptions& options)
    : Component(std::move(name), options),
      knowledge_(context.knowledge),
      rules_(context.rules),
      keep_modal_relations_(context.options.keep_modal_relations) {
  rules_by_type_.resize(rules_.types.size());
  for (const RelationRule& rule : rules_.rules) rules_by_type_[rule.type_index].push_back(&rule);
}

void RelationMatcher::process(AnnotatedDocument& document) const {
  RelationRun(document, knowledge_, rules_, rules_by_type_, keep_modal_relations_, name().c_str())
      .run();
}

}  // namespace skein::extract
