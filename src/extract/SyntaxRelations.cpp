#include "extract/SyntaxRelations.h"

#include <algorithm>

#include "extract/ParserComponent.h"
#include "extract/RelationChecks.h"
#include "extract/SyntaxRun.h"
#include "extract/TokenHelpers.h"

namespace skein::extract {
namespace syntax_detail {

void SyntaxRun::run() {
  const Segmentation& seg = d_.segmentation;
  if (d_.dependency_head.size() != seg.tokens.size()) return;  // no parser ran
  mention_at_.assign(seg.tokens.size(), -1);
  for (std::size_t m = 0; m < d_.mentions.size(); ++m) {
    const EntityMention& mention = d_.mentions[m];
    if (mention.entity < 0) continue;
    for (std::uint32_t t = mention.first; t < mention.last; ++t) {
      const int old = mention_at_[t];
      if (old < 0 ||
          d_.mentions[old].last - d_.mentions[old].first < mention.last - mention.first) {
        mention_at_[t] = static_cast<int>(m);
      }
    }
  }
  for (std::uint32_t s = 0; s < seg.sentences.size(); ++s) {
    const Sentence& sentence = seg.sentences[s];
    sentence_ = &sentence;
    sentence_text_.clear();
    title_modifiers();
    if (sentence.last == sentence.first ||
        d_.dependency_head[sentence.first] == ParserComponent::kNotParsed)
      continue;
    set_sentence(sentence);
    for (std::uint32_t t = sentence.first; t < sentence.last; ++t) {
      meeting_ = true;
      meeting_paths(t);
      meeting_ = false;
      trade_paths(t);
      work_paths(t);
      location_participle(t);
    }
    for (std::uint32_t t = sentence.first; t < sentence.last; ++t) {
      const int m = mention_at_[t];
      if (m < 0 || head_token(m) != t) continue;
      const EntityLabel label = entity_of(m).label;
      if (label == EntityLabel::kPerson) affiliation_paths(m, t);
      if (label == EntityLabel::kPlace || label == EntityLabel::kOrganization) location_in(m, t);
    }
  }
}

std::uint32_t SyntaxRun::head_token(int m) const {
  const EntityMention& mention = d_.mentions[m];
  for (std::uint32_t t = mention.first; t < mention.last; ++t) {
    const std::int64_t h = head(t);
    if (h < mention.first || h >= mention.last) return t;
  }
  return mention.first;
}

int SyntaxRun::arg(std::uint32_t t, bool demonym_ok) const {
  int m = mention_at_[t];
  if (m < 0) {
    for (std::uint32_t c : children(t)) {
      const std::string_view r = base(c);
      if ((r == "appos" || r == "flat") && mention_at_[c] >= 0) {
        m = mention_at_[c];
        break;
      }
    }
  }
  if (m < 0) {
    for (std::uint32_t c : children(t)) {
      if (base(c) == "compound" && mention_at_[c] >= 0 &&
          entity_of(mention_at_[c]).label == EntityLabel::kPerson) {
        m = mention_at_[c];
        break;
      }
    }
  }
  // A lower-case noun right before a name describes it, whatever the parse made of the name:
  // "talks with UK bank Barclays over the sale", parsed with "Barclays" under "sale".
  if (m < 0 && t + 1 < mention_at_.size() && tok(t).has(token_flags::kLower) &&
      d_.pos[t] == upos::from_name("NOUN")) {
    const int next = mention_at_[t + 1];
    if (next >= 0 && d_.mentions[next].first == t + 1 && !d_.mentions[next].demonym) m = next;
  }
  if (m < 0 && meeting_ && in(x_.group_member, t)) return group_of_members(t);
  if (m >= 0 && d_.mentions[m].demonym && !demonym_ok) return -1;
  // At a meeting, an organisation or state that qualifies a person's title stands for the
  // person the parse hung under it: "held talks with LSE boss Clara Furse", "met Labour MP
  // Kate Hoey and Tory leader Michael Howard".
  if (m >= 0 && meeting_ && entity_of(m).label != EntityLabel::kPerson) {
    const Role* role = title_at(d_.mentions[m].last);
    if (role != nullptr && role->last < mention_at_.size()) {
      const int person = mention_at_[role->last];
      if (person >= 0 && d_.mentions[person].first == role->last &&
          entity_of(person).label == EntityLabel::kPerson)
        return person;
    }
  }
  return m;
}

const Role* SyntaxRun::title_at(std::uint32_t t) const {
  for (const Role& role : d_.roles_at(t)) {
    if (!role.honorific) return &role;
  }
  return nullptr;
}

int SyntaxRun::group_of_members(std::uint32_t t) const {
  const auto person = [&](std::int64_t x) {
    const int m = x >= 0 ? mention_at_[static_cast<std::uint32_t>(x)] : -1;
    return m >= 0 && entity_of(m).label == EntityLabel::kPerson && !pronoun(m);
  };
  if (person(head(t))) return -1;
  for (std::uint32_t c : children(t)) {
    if (person(c)) return -1;
  }
  for (std::uint32_t c : children(t)) {
    const std::string_view r = base(c);
    const bool modifier = r == "compound" || r == "amod" || relation(c) == "nmod:poss";
    const bool source = r == "nmod" && (case_of(c) == "from" || case_of(c) == "of");
    const int m = mention_at_[c];
    if ((modifier || source) && m >= 0 && entity_of(m).label != EntityLabel::kPerson &&
        entity_of(m).label != EntityLabel::kPlace)
      return m;
  }
  return -1;
}

void SyntaxRun::args(std::uint32_t t, std::vector<int>& out, bool demonym_ok) const {
  if (const int m = arg(t, demonym_ok); m >= 0) out.push_back(m);
  for (std::uint32_t c : children(t)) {
    if (base(c) != "conj") continue;
    if (const int m = arg(c, demonym_ok); m >= 0) out.push_back(m);
  }
}

std::vector<int> SyntaxRun::child_args(std::uint32_t t, std::string_view base_relation,
                                       const std::vector<std::string>* cases,
                                       bool demonym_ok) const {
  std::vector<int> out;
  for (std::uint32_t c : children(t)) {
    if (base(c) != base_relation) continue;
    if (cases != nullptr && !contains(*cases, case_of(c))) continue;
    args(c, out, demonym_ok);
  }
  return out;
}

std::vector<int> SyntaxRun::child_args_with(std::uint32_t t, std::string_view base_relation,
                                            std::string_view case_word) const {
  std::vector<int> out;
  for (std::uint32_t c : children(t)) {
    if (base(c) == base_relation && case_of(c) == case_word) args(c, out);
  }
  return out;
}

std::vector<int> SyntaxRun::subjects(std::uint32_t v, int depth) const {
  std::vector<int> out;
  bool has_subject = false;
  for (std::uint32_t c : children(v)) {
    // A nominal with a preposition is no subject, whatever the parse says ("Mr Straw was in
    // India visiting the Golden Temple": India, an oblique, does not visit).
    if (relation(c) != "nsubj" || has_child(c, "case")) continue;
    has_subject = true;
    args(c, out);
  }
  const std::int64_t h = head(v);
  if (h < 0 || depth > 2) return out;
  const std::string_view r = relation(v);
  // ("China overtook the US to become ...": an infinitive of purpose shares it too.)
  const bool to_infinitive =
      r == "advcl" && std::any_of(children(v).begin(), children(v).end(), [&](std::uint32_t c) {
        return base(c) == "mark" && norm(c) == "to";
      });
  if (!has_subject && (r == "conj" || r == "xcomp" || to_infinitive))
    return subjects(static_cast<std::uint32_t>(h), depth + 1);
  // "India signed a deal to import gas from Iran": an infinitive that completes a noun shares
  // the subject of the verb the noun is the object of.
  if (!has_subject && r == "acl" && head(static_cast<std::uint32_t>(h)) >= 0 &&
      base(static_cast<std::uint32_t>(h)) == "obj")
    return subjects(static_cast<std::uint32_t>(head(static_cast<std::uint32_t>(h))), depth + 1);
  if (r == "acl:relcl") {
    bool relative_subject = !has_subject;
    for (std::uint32_t c : children(v)) {
      if (relation(c) == "nsubj" && d_.pos.size() > c && d_.pos[c] == upos::from_name("PRON"))
        relative_subject = true;
    }
    if (relative_subject) {
      out.clear();
      args(static_cast<std::uint32_t>(h), out);
      // "Stephen Schechter, a UK investment banker who has held talks with ...": the
      // apposition's name.
      if (out.empty() && relation(static_cast<std::uint32_t>(h)) == "appos" &&
          head(static_cast<std::uint32_t>(h)) >= 0)
        args(static_cast<std::uint32_t>(head(static_cast<std::uint32_t>(h))), out);
    }
  }
  return out;
}

void SyntaxRun::relate(const char* type_name, int source, int target, const char* rule,
                       double confidence, std::uint32_t trigger, std::uint32_t phrase,
                       std::uint32_t role, std::string_view implied) {
  const int type_index = rules_.type_index(type_name);
  if (type_index < 0 || source < 0 || target < 0) return;
  const RelationTypeDef& type = rules_.types[static_cast<std::size_t>(type_index)];
  const int se = d_.mentions[source].entity, te = d_.mentions[target].entity;
  if (se < 0 || te < 0 || se == te) return;
  const ResolvedEntity& a = d_.entities[se];
  const ResolvedEntity& b = d_.entities[te];
  if (!label_fits(a, type.source) || !label_fits(b, type.target)) return;
  if (phrase != kNoPhrase && other_source_between(source, target, phrase, type)) return;
  if (type.name == "located-in" && !plausible_located_in(k_, a, b)) return;
  if (type.name == "met-with" && !plausible_meeting(d_, a, b)) return;
  // Two people "meeting" in a story about sport play each other.
  if (type.name == "met-with" && d_.about_sport && a.label == EntityLabel::kPerson &&
      b.label == EntityLabel::kPerson && trigger != kNoTrigger && in(x_.meet_fixture, trigger))
    return;
  if (type.name == "affiliated-with" && !can_employ(b, rules_)) return;
  const std::string mod = trigger == kNoTrigger ? std::string() : modality(trigger, rules_);
  if (!mod.empty()) {
    if (!keep_modal_) return;
    confidence *= 0.3;
  }
  // An argument the sentence gives only as a pronoun or description (the coref component):
  // the relation says so, and trusts it less than a name.
  CorefArguments coref;
  for (const auto& [m, words] : {std::pair{source, &coref.source}, {target, &coref.target}}) {
    const CorefKind kind = d_.mentions[m].coref;
    if (kind == CorefKind::kNone) continue;
    *words = text_of(d_.mentions[m].first, d_.mentions[m].last);
    confidence *= kind == CorefKind::kPronoun ? 0.75 : 0.85;
  }
  if (!implied.empty()) coref.target = std::string(implied);
  if (sentence_text_.empty())
    sentence_text_ = text().substr(sentence_->span.start, sentence_->span.size());
  Evidence evidence;
  evidence.span = sentence_->span;
  evidence.component = component_;
  evidence.rule = rule;
  evidence.text = sentence_text_;
  evidence.confidence = confidence;
  const bool former =
      type.name == "affiliated-with" &&
      former_role(
          d_, rules_,
          role != kNoRole ? role : std::min(d_.mentions[source].first, d_.mentions[target].first),
          d_.mentions[source]);
  d_.add_relation(type.name, type.symmetric, a.out.id, b.out.id, basis::kText, evidence, "", mod,
                  coref, former);
}

bool SyntaxRun::other_source_between(int source, int target, std::uint32_t phrase,
                                     const RelationTypeDef& type) const {
  const EntityMention& m = d_.mentions[source];
  const std::uint32_t from = phrase < m.first ? phrase + 1 : m.last;
  const std::uint32_t to = phrase < m.first ? m.first : phrase;
  for (std::uint32_t t = from; t < to; ++t) {
    const int other = mention_at_[t];
    if (other < 0 || d_.mentions[other].demonym) continue;
    const int e = d_.mentions[other].entity;
    if (e == m.entity || e == d_.mentions[target].entity) continue;
    if (label_fits(d_.entities[e], type.source)) return true;
  }
  return false;
}

void SyntaxRun::meeting_paths(std::uint32_t v) {
  const bool object_verb = in(x_.meet_object, v), with_verb = in(x_.meet_with, v);
  const bool pair_verb = in(x_.meet_pair, v);
  // "Mr Brown was joined at the launch by John Prescott": people together; in the active
  // ("X joined Newcastle") the verb names an employer (work_paths).
  if (in(x_.meet_passive, v) && !object_verb) {
    std::vector<int> patient, agent = child_args_with(v, "obl", "by");
    for (std::uint32_t c : children(v)) {
      if (relation(c) == "nsubj:pass") args(c, patient);
    }
    const auto not_a_person = [&](int m) { return entity_of(m).label != EntityLabel::kPerson; };
    patient.erase(std::remove_if(patient.begin(), patient.end(), not_a_person), patient.end());
    agent.erase(std::remove_if(agent.begin(), agent.end(), not_a_person), agent.end());
    relate_all("met-with", agent, patient, "meet-passive", 0.8, v);
  }
  if (object_verb || with_verb || pair_verb) {
    const std::vector<int> subject = subjects(v);
    std::vector<int> object = child_args(v, "obj");
    // "he visits Manchester, Liverpool, Leicester ... and Torbay": a tour of towns, whatever
    // label another listed name got ("Liverpool" the club), is no meeting. (A visit to a
    // state is: the guidelines count it.)
    if (std::any_of(object.begin(), object.end(),
                    [&](int m) { return entity_of(m).label == EntityLabel::kPlace; }))
      object.clear();
    const std::vector<int> with = child_args_with(v, "obl", "with");
    if (object_verb) {
      relate_all("met-with", subject, object, "meet-object", 0.85, v);
      if (object.empty() && !subject.empty()) {
        relate_all("met-with", subject, titled_people_after(v), "meet-object-title", 0.8, v);
      }
      std::vector<int> patient;
      for (std::uint32_t c : children(v)) {
        if (relation(c) == "nsubj:pass") args(c, patient);
      }
      std::vector<int> agent = child_args_with(v, "obl", "by");
      relate_all("met-with", agent, patient, "meet-object", 0.85, v);
    }
    if (with_verb) relate_all("met-with", subject, with, "meet-with", 0.85, v);
    // (An infinitive has no subject of its own: "met X and Y to talk about Turkey" parsed
    // with X and Y under "talk" is no meeting between them.)
    if (pair_verb && object.empty() && with.empty() && !has_child(v, "obj") &&
        std::none_of(children(v).begin(), children(v).end(),
                     [&](std::uint32_t c) { return base(c) == "mark" && norm(c) == "to"; })) {
      // The parties come before the verb ("Lightbody and McClelland met"); a pair after it
      // is an object the parse took for a subject.
      std::vector<int> pair;
      for (std::uint32_t c : children(v)) {
        if (relation(c) == "nsubj" && c < v) args(c, pair);
      }
      pair.erase(
          std::remove_if(pair.begin(), pair.end(), [&](int m) { return d_.mentions[m].first > v; }),
          pair.end());
      relate_pairs("met-with", pair, "meet-pair", 0.8, v);
    }
  }
  if (!in(x_.meet_noun, v)) return;
  const std::vector<std::string> between = {"between"};
  std::vector<int> parties = child_args(v, "nmod", &between);
  relate_pairs("met-with", parties, "meeting-between", 0.8, v);
  std::vector<int> with = child_args_with(v, "nmod", "with");
  // A quotation's closing mark may make the with-phrase a conjunct of the noun: "in "intensive
  // talks" with other G8 finance ministers".
  for (std::uint32_t c : children(v)) {
    if (base(c) == "conj" && case_of(c) == "with" && !has_child(c, "cc")) args(c, with);
  }
  std::vector<int> owner;
  for (std::uint32_t c : children(v)) {
    if (relation(c) == "nmod:poss") args(c, owner);
  }
  relate_all("met-with", owner, with, "meeting-poss", 0.8, v);
  const std::int64_t h = head(v);
  if (h >= 0 && base(v) == "obj" && in(x_.meet_holder, static_cast<std::uint32_t>(h))) {
    const auto holder = static_cast<std::uint32_t>(h);
    std::vector<int> other = with;
    for (int m : child_args_with(holder, "obl", "with")) other.push_back(m);
    relate_all("met-with", subjects(holder), other, "held-talks", 0.85, holder);
  }
  // "Mr Brown has been in talks with G8 finance ministers", "X is locked in talks with Y":
  // talks the subject is in, the predicate of "be" or an oblique of the verb.
  if (case_of(v) == "in" && !with.empty()) {
    std::vector<int> party = subjects(v);
    if (party.empty() && base(v) == "obl" && h >= 0) {
      const auto verb = static_cast<std::uint32_t>(h);
      party = subjects(verb);
      for (std::uint32_t c : children(verb)) {
        if (relation(c) == "nsubj:pass") args(c, party);
      }
    }
    relate_all("met-with", party, with, "in-talks", 0.85, v);
  }
}

std::vector<int> SyntaxRun::titled_people_after(std::uint32_t v) const {
  std::vector<int> people;
  std::uint32_t t = v + 1;
  while (t < sentence_->last) {
    bool title = false;
    while (t < sentence_->last) {
      // What qualifies the title: a nationality word, or the organisation or state whose
      // title it is ("met LSE chief executive Clara Furse").
      const int m = mention_at_[t];
      if (m >= 0 && d_.mentions[m].first == t &&
          (d_.mentions[m].demonym || title_at(d_.mentions[m].last) != nullptr)) {
        t = d_.mentions[m].last;
        continue;
      }
      const Role* role = title_at(t);
      if (role == nullptr) break;
      title = true;
      t = role->last;
    }
    if (!title || t >= sentence_->last) break;
    const int m = mention_at_[t];
    if (m < 0 || d_.mentions[m].first != t || entity_of(m).label != EntityLabel::kPerson) break;
    people.push_back(m);
    // The next item of a list: "," or "and" (or both) right after the name.
    const std::uint32_t after = d_.mentions[m].last;
    t = after;
    if (t < sentence_->last && norm(t) == ",") ++t;
    if (t < sentence_->last && norm(t) == "and") ++t;
    if (t == after) break;
  }
  return people;
}

void SyntaxRun::trade_paths(std::uint32_t v) {
  if (in(x_.trade_verb, v) && d_.pos[v] == upos::from_name("VERB")) {
    std::vector<int> partner = child_args(v, "obl", &x_.trade_prep);
    // "imported $20bn worth of goods from China": the partner may hang up to three nominals
    // down the object, through nmod, or an amod ("worth") and its obl.
    std::vector<std::uint32_t> level, next;
    for (std::uint32_t c : children(v)) {
      if (base(c) == "obj") level.push_back(c);
    }
    for (int depth = 0; depth < 3 && !level.empty(); ++depth) {
      next.clear();
      for (std::uint32_t node : level) {
        for (int m : child_args(node, "nmod", &x_.trade_prep)) partner.push_back(m);
        if (depth > 0) {
          for (int m : child_args(node, "obl", &x_.trade_prep)) partner.push_back(m);
        }
        for (std::uint32_t n : children(node)) {
          const std::string_view r = base(n);
          if (r == "nmod" || r == "amod" || r == "obl") next.push_back(n);
        }
      }
      level.swap(next);
    }
    relate_all("trades-with", subjects(v), partner, "trade-verb", 0.75, v);
  }
  trade_partner_path(v);
  trade_deal_path(v);
  bool noun = in(x_.trade_noun, v) && d_.pos[v] != upos::from_name("VERB");
  const bool balance = !noun && in(x_.trade_balance, v);
  for (std::uint32_t c : children(v))
    noun = noun || (balance && base(c) == "compound" && norm(c) == "trade");
  if (!noun && !balance) return;
  const std::vector<std::string> between = {"between"};
  if (noun) relate_pairs("trades-with", child_args(v, "nmod", &between), "trade-between", 0.85, v);
  std::vector<int> owner;
  for (std::uint32_t c : children(v)) {
    const std::string_view r = base(c);
    if (relation(c) == "nmod:poss" || r == "compound" || r == "amod") args(c, owner, true);
  }
  const std::int64_t h = head(v);
  if (owner.empty() && h >= 0 && base(v) == "obj") owner = subjects(static_cast<std::uint32_t>(h));
  const std::vector<int> partners = child_args(v, "nmod", &x_.trade_prep);
  // A balance between two countries is one of trade without the word ("the US's deficit
  // with China").
  auto country = [&](int m) { return entity_of(m).label == EntityLabel::kCountry; };
  if (noun || (std::ranges::all_of(owner, country) && std::ranges::all_of(partners, country)))
    relate_all("trades-with", owner, partners, "trade-noun", 0.8, v);
}

void SyntaxRun::trade_partner_path(std::uint32_t p) {
  if (!in(x_.trade_partner, p)) return;
  if (!has_trade_modifier(p)) return;
  std::vector<int> owner;
  for (std::uint32_t c : children(p)) {
    if (relation(c) == "nmod:poss" || base(c) == "amod") args(c, owner, true);
  }
  if (owner.empty()) return;
  std::vector<int> other = subjects(p);
  // The phrase's head: "two of France's main trading partners" hangs under "two".
  std::uint32_t phrase = p;
  const std::int64_t up = head(p);
  if (up >= 0 && base(p) == "nmod" && case_of(p) == "of" && mention_at_[up] < 0)
    phrase = static_cast<std::uint32_t>(up);
  const std::int64_t h = head(phrase);
  if (other.empty() && h >= 0 && base(phrase) == "appos") {
    args(static_cast<std::uint32_t>(h), other);
    // The parse may hang the apposition on the noun the names qualify ("demand in Germany
    // and Italy, two of France's main trading partners"): then it is to the names right
    // before it, nothing but its own words between.
    if (other.empty()) {
      for (std::uint32_t c : children(static_cast<std::uint32_t>(h))) {
        if (base(c) != "nmod" || c > phrase) continue;
        std::uint32_t end = c;
        for (std::uint32_t k : children(c)) {
          if (base(k) == "conj") end = std::max(end, k);
        }
        bool adjacent = true;
        for (std::uint32_t t = end + 1; t < phrase; ++t) adjacent = adjacent && head(t) == phrase;
        if (adjacent) args(c, other);
      }
    }
  }
  if (other.empty() && h >= 0 && (base(phrase) == "xcomp" || base(phrase) == "obj") &&
      in(x_.trade_partner_verb, static_cast<std::uint32_t>(h)))
    other = subjects(static_cast<std::uint32_t>(h));
  relate_all("trades-with", other, owner, "trade-partner", 0.8, p);
}

bool SyntaxRun::has_trade_modifier(std::uint32_t n) const {
  return std::ranges::any_of(children(n), [&](std::uint32_t c) {
    const std::string_view r = base(c);
    return (r == "compound" || r == "amod") && (norm(c) == "trade" || norm(c) == "trading");
  });
}

void SyntaxRun::trade_deal_path(std::uint32_t n) {
  // ("free-trade" is three tokens: "trade" is the compound.)
  if (!in(x_.trade_deal, n) || d_.pos[n] == upos::from_name("VERB") || !has_trade_modifier(n))
    return;
  const std::vector<std::string> between = {"between"};
  relate_pairs("trades-with", child_args(n, "nmod", &between), "trade-deal", 0.8, n);
  const std::int64_t h = head(n);
  if (h < 0 || base(n) != "obj" || !in(x_.trade_deal_verb, static_cast<std::uint32_t>(h))) return;
  const auto verb = static_cast<std::uint32_t>(h);
  const std::vector<int> parties = subjects(verb);
  std::vector<int> with = child_args_with(n, "nmod", "with");
  for (int m : child_args_with(verb, "obl", "with")) with.push_back(m);
  if (with.empty())
    relate_pairs("trades-with", parties, "trade-deal", 0.8, verb);
  else
    relate_all("trades-with", parties, with, "trade-deal", 0.8, verb);
}

void SyntaxRun::location_in(int thing, std::uint32_t h) {
  for (std::uint32_t c : children(h)) {
    if (base(c) != "nmod" || !contains(x_.location_prep, case_of(c))) continue;
    std::vector<int> where;
    args(c, where);
    for (int m : where) {
      // "Cottenham in Cambridgeshire and Minety in Wiltshire": a conjunct with an in-phrase
      // of its own is a second located thing, not a second place of the first.
      if (m != arg(c) && own_location_follows(m)) continue;
      relate("located-in", thing, m, "in", 0.75, kNoTrigger, phrase_start(c));
    }
  }
  // "Eaton Vance Management in Boston" with the in-phrase attached higher up: the
  // preposition right after the name still places it.
  const std::uint32_t after = d_.mentions[thing].last;
  if (after + 1 < sentence_->last && contains(x_.location_prep, norm(after)) &&
      base(after) == "case" && head(after) >= 0) {
    const auto object = static_cast<std::uint32_t>(head(after));
    const int m = mention_at_[object];  // never a demonym: "Paris Radio in French"
    if (m >= 0 && d_.mentions[m].first == after + 1 && !d_.mentions[m].demonym)
      relate("located-in", thing, m, "in-adjacent", 0.75, kNoTrigger);
  }
  // "Israel's Teva Pharmaceuticals", "RHB, Malaysia's third-biggest lender", and the noun of
  // the rule files' org-noun or venue-noun sets that the name qualifies ("Japan's troubled UFJ
  // bank", "Giessen's Bezirksparkasse bank", "London's famous Savoy hotel").
  std::vector<std::uint32_t> nodes = {h};
  for (std::uint32_t c : children(h)) {
    if (base(c) == "appos" && mention_at_[c] < 0) nodes.push_back(c);
  }
  if (const std::int64_t up = head(h); up > h && base(h) == "compound") {
    const auto kind = static_cast<std::uint32_t>(up);
    if (mention_at_[kind] < 0 && tok(kind).has(token_flags::kLower) &&
        (rules_.in_word_set("org-noun", norm(kind)) ||
         rules_.in_word_set("venue-noun", norm(kind))))
      nodes.push_back(kind);
  }
  for (std::uint32_t node : nodes) {
    for (std::uint32_t c : children(node)) {
      if (relation(c) != "nmod:poss") continue;
      const int m = arg(c);
      if (m >= 0 && m != thing) relate("located-in", thing, m, "poss", 0.8, kNoTrigger, c);
    }
  }
}

bool SyntaxRun::own_location_follows(int m) const {
  const std::uint32_t after = d_.mentions[m].last;
  return after + 1 < sentence_->last && contains(x_.location_prep, norm(after)) &&
         mention_at_[after + 1] >= 0;
}

void SyntaxRun::location_participle(std::uint32_t b) {
  if (!in(x_.location_participle, b)) return;
  std::vector<int> where;
  // "London-based": the place joined to the participle by a hyphen.
  if (b >= sentence_->first + 2 && norm(b - 1) == "-" && mention_at_[b - 2] >= 0)
    where.push_back(mention_at_[b - 2]);  // "Irish-based" too: a demonym names its state
  for (std::uint32_t c : children(b)) {
    const std::string_view r = base(c);
    if ((r == "obl" || r == "nmod") && contains(x_.location_prep, case_of(c))) args(c, where);
  }
  if (where.empty()) return;
  std::vector<int> thing;
  for (std::uint32_t c : children(b)) {
    if (base(c) == "nsubj") args(c, thing);
  }
  const std::int64_t h = head(b);
  const std::string_view r = base(b);
  if (h >= 0 && (r == "amod" || r == "acl" || r == "compound")) {
    const auto noun = static_cast<std::uint32_t>(h);
    args(noun, thing);
    // "Aberdeen-based consultancy Blackwatch", "Baghdad-based affiliate Falcon Group": the
    // descriptor leans on the name (nmod, compound) or stands right before it.
    const std::int64_t up = head(noun);
    if (thing.empty() && up >= 0 && mention_at_[up] >= 0 &&
        (base(noun) == "nmod" || base(noun) == "compound"))
      thing.push_back(mention_at_[up]);
    // ("the Washington-based independent think-tank The Brookings Institution": a "The" the
    // name dropped may stand between.)
    const std::uint32_t name = noun + 2 < sentence_->last && norm(noun + 1) == "the" &&
                                       tok(noun + 1).has(token_flags::kCapital)
                                   ? noun + 2
                                   : noun + 1;
    if (thing.empty() && name < sentence_->last && mention_at_[name] >= 0 &&
        d_.mentions[mention_at_[name]].first == name)
      thing.push_back(mention_at_[name]);
    // "X, a London-based bank": the noun is in apposition to the name.
    if (base(noun) == "appos" && head(noun) >= 0)
      args(static_cast<std::uint32_t>(head(noun)), thing);
  }
  for (int t : thing) {
    for (int w : where) relate("located-in", t, w, "based", 0.85, b);
  }
}

}  // namespace syntax_detail

SyntaxRelations::SyntaxRelations(std::string name, const ComponentContext& context,
                                 const ComponentOptions& options)
    : Component(std::move(name), options),
      knowledge_(context.knowledge),
      rules_(context.rules),
      keep_modal_relations_(context.options.keep_modal_relations),
      lexicon_(Lexicon::from_rules(context.rules, context.knowledge)) {}

void SyntaxRelations::process(AnnotatedDocument& document) const {
  syntax_detail::SyntaxRun(document, knowledge_, rules_, lexicon_, keep_modal_relations_,
                           name().c_str())
      .run();
}

}  // namespace skein::extract
