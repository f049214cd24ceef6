#include "extract/SyntaxRelations.h"

#include <algorithm>

#include "extract/KnowledgeEntities.h"
#include "extract/ParserComponent.h"
#include "extract/RelationChecks.h"
#include "extract/SentenceTree.h"
#include "extract/TokenHelpers.h"

namespace skein::extract {
namespace {

// The component's work on one document.
class SyntaxRun : public SentenceTree {
 public:
  SyntaxRun(AnnotatedDocument& document, const Knowledge& knowledge, const RuleSet& rules,
            const SyntaxRelations::Lexicon& lexicon, bool keep_modal, const char* component)
      : SentenceTree(document),
        d_(document),
        k_(knowledge),
        rules_(rules),
        x_(lexicon),
        keep_modal_(keep_modal),
        component_(component) {}

  void run() {
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

 private:
  bool in(const std::vector<std::string>& set, std::uint32_t t) const {
    return contains(set, norm(t));
  }

  // ---- arguments ----
  const ResolvedEntity& entity_of(int m) const { return d_.entities[d_.mentions[m].entity]; }
  // The token of mention m whose head lies outside it.
  std::uint32_t head_token(int m) const {
    const EntityMention& mention = d_.mentions[m];
    for (std::uint32_t t = mention.first; t < mention.last; ++t) {
      const std::int64_t h = head(t);
      if (h < mention.first || h >= mention.last) return t;
    }
    return mention.first;
  }
  // The mention an argument token stands for, or -1.
  int arg(std::uint32_t t, bool demonym_ok = false) const {
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
    if (m < 0 && meeting_ && in(x_.group_member, t)) return group_of_members(t);
    if (m >= 0 && d_.mentions[m].demonym && !demonym_ok) return -1;
    return m;
  }
  // The party that people of a syntax-group-member noun stand for at a meeting: "SEC
  // officials", "the SEC's officials", "Israeli negotiators", "a delegation from the CBI",
  // "representatives of Switzerland", "his EU counterparts".
  // Not where the noun is a named person's title ("his South Korean counterpart Park Jin"; a
  // possessive pronoun is no name: "his EU counterparts").
  int group_of_members(std::uint32_t t) const {
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
  // arg(t) and the arguments of t's conjuncts ("X and Y").
  void args(std::uint32_t t, std::vector<int>& out, bool demonym_ok = false) const {
    if (const int m = arg(t, demonym_ok); m >= 0) out.push_back(m);
    for (std::uint32_t c : children(t)) {
      if (base(c) != "conj") continue;
      if (const int m = arg(c, demonym_ok); m >= 0) out.push_back(m);
    }
  }
  // The arguments of t's children with this base relation (and, when `cases` is given, a case
  // word among them).
  std::vector<int> child_args(std::uint32_t t, std::string_view base_relation,
                              const std::vector<std::string>* cases = nullptr,
                              bool demonym_ok = false) const {
    std::vector<int> out;
    for (std::uint32_t c : children(t)) {
      if (base(c) != base_relation) continue;
      if (cases != nullptr && !contains(*cases, case_of(c))) continue;
      args(c, out, demonym_ok);
    }
    return out;
  }
  std::vector<int> child_args_with(std::uint32_t t, std::string_view base_relation,
                                   std::string_view case_word) const {
    std::vector<int> out;
    for (std::uint32_t c : children(t)) {
      if (base(c) == base_relation && case_of(c) == case_word) args(c, out);
    }
    return out;
  }
  // The subject arguments of a verb: its nsubj, or the subject it shares as a conjunct, an
  // xcomp or an infinitive of purpose (the controller), a relative clause (the noun it
  // modifies) or an infinitive completing an object noun (the verb's subject).
  std::vector<int> subjects(std::uint32_t v, int depth = 0) const {
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
      }
    }
    return out;
  }

  // ---- adding a relation ----
  // The trigger of a relation read from the words alone: no clause to read modality from.
  static constexpr std::uint32_t kNoTrigger = UINT32_MAX;
  // `phrase`, for the paths that read a modifier or a prepositional phrase of the source's
  // name: its first word (the header's nearest-name rule), or kNoPhrase.
  static constexpr std::uint32_t kNoPhrase = UINT32_MAX;
  void relate(const char* type_name, int source, int target, const char* rule, double confidence,
              std::uint32_t trigger, std::uint32_t phrase = kNoPhrase) {
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
    if (type.name == "met-with" && !plausible_meeting(a, b)) return;
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
    if (sentence_text_.empty())
      sentence_text_ = text().substr(sentence_->span.start, sentence_->span.size());
    Evidence evidence;
    evidence.span = sentence_->span;
    evidence.component = component_;
    evidence.rule = rule;
    evidence.text = sentence_text_;
    evidence.confidence = confidence;
    d_.add_relation(type.name, type.symmetric, a.out.id, b.out.id, basis::kText, evidence, "", mod,
                    coref);
  }
  // The nearest-name rule: whether a name of another entity that could be this relation's
  // source (another person for a role; another place or organisation for an in-phrase) stands
  // between the source mention and the phrase that names the target.
  bool other_source_between(int source, int target, std::uint32_t phrase,
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
  void relate_all(const char* type, const std::vector<int>& sources,
                  const std::vector<int>& targets, const char* rule, double confidence,
                  std::uint32_t trigger) {
    for (int s : sources) {
      for (int t : targets) relate(type, s, t, rule, confidence, trigger);
    }
  }
  void relate_pairs(const char* type, const std::vector<int>& parties, const char* rule,
                    double confidence, std::uint32_t trigger) {
    for (std::size_t i = 0; i < parties.size(); ++i) {
      for (std::size_t j = i + 1; j < parties.size(); ++j)
        relate(type, parties[i], parties[j], rule, confidence, trigger);
    }
  }

  // ---- met-with ----
  void meeting_paths(std::uint32_t v) {
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
          const int titled = titled_person_after(v);
          if (titled >= 0) relate_all("met-with", subject, {titled}, "meet-object-title", 0.8, v);
        }
        std::vector<int> patient;
        for (std::uint32_t c : children(v)) {
          if (relation(c) == "nsubj:pass") args(c, patient);
        }
        std::vector<int> agent = child_args_with(v, "obl", "by");
        relate_all("met-with", agent, patient, "meet-object", 0.85, v);
      }
      if (with_verb) relate_all("met-with", subject, with, "meet-with", 0.85, v);
      if (pair_verb && object.empty() && with.empty() && !has_child(v, "obj")) {
        // The parties come before the verb ("Lightbody and McClelland met"); a pair after it
        // is an object the parse took for a subject.
        std::vector<int> pair;
        for (std::uint32_t c : children(v)) {
          if (relation(c) == "nsubj" && c < v) args(c, pair);
        }
        pair.erase(std::remove_if(pair.begin(), pair.end(),
                                  [&](int m) { return d_.mentions[m].first > v; }),
                   pair.end());
        relate_pairs("met-with", pair, "meet-pair", 0.8, v);
      }
    }
    if (!in(x_.meet_noun, v)) return;
    const std::vector<std::string> between = {"between"};
    std::vector<int> parties = child_args(v, "nmod", &between);
    relate_pairs("met-with", parties, "meeting-between", 0.8, v);
    const std::vector<int> with = child_args_with(v, "nmod", "with");
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
  }

  // The person named right after `v` behind a title and demonyms only ("met Italian Prime
  // Minister Silvio Berlusconi"), where the parse lost the name under the title; or -1.
  int titled_person_after(std::uint32_t v) const {
    std::uint32_t t = v + 1;
    bool title = false;
    while (t < sentence_->last) {
      const int m = mention_at_[t];
      if (m >= 0 && d_.mentions[m].demonym) {
        t = d_.mentions[m].last;
        continue;
      }
      const auto role = std::find_if(d_.roles.begin(), d_.roles.end(),
                                     [&](const Role& r) { return r.first == t && !r.honorific; });
      if (role == d_.roles.end()) break;
      title = true;
      t = role->last;
    }
    if (!title || t >= sentence_->last) return -1;
    const int m = mention_at_[t];
    if (m < 0 || d_.mentions[m].first != t || entity_of(m).label != EntityLabel::kPerson) return -1;
    return m;
  }

  // ---- trades-with ----
  void trade_paths(std::uint32_t v) {
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
    bool noun = in(x_.trade_noun, v) && d_.pos[v] != upos::from_name("VERB");
    const bool balance = !noun && in(x_.trade_balance, v);
    for (std::uint32_t c : children(v))
      noun = noun || (balance && base(c) == "compound" && norm(c) == "trade");
    if (!noun && !balance) return;
    const std::vector<std::string> between = {"between"};
    if (noun)
      relate_pairs("trades-with", child_args(v, "nmod", &between), "trade-between", 0.85, v);
    std::vector<int> owner;
    for (std::uint32_t c : children(v)) {
      const std::string_view r = base(c);
      if (relation(c) == "nmod:poss" || r == "compound" || r == "amod") args(c, owner, true);
    }
    const std::int64_t h = head(v);
    if (owner.empty() && h >= 0 && base(v) == "obj")
      owner = subjects(static_cast<std::uint32_t>(h));
    const std::vector<int> partners = child_args(v, "nmod", &x_.trade_prep);
    // A balance between two countries is one of trade without the word ("the US's deficit
    // with China").
    auto country = [&](int m) { return entity_of(m).label == EntityLabel::kCountry; };
    if (noun || (std::ranges::all_of(owner, country) && std::ranges::all_of(partners, country)))
      relate_all("trades-with", owner, partners, "trade-noun", 0.8, v);
  }

  // "China is Japan's biggest trading partner", "China overtook the US to become Japan's
  // biggest trading partner", "Germany and Italy, two of France's main trading partners", "an
  // even more important Japanese trading partner": a syntax-trade-partner noun with "trade" or
  // "trading" before it; its owner (possessive or demonym) trades with what it is predicated
  // of (the copula's or "become"'s subject) or set beside (the noun its phrase is an
  // apposition to).
  void trade_partner_path(std::uint32_t p) {
    if (!in(x_.trade_partner, p)) return;
    bool trading = false;
    std::vector<int> owner;
    for (std::uint32_t c : children(p)) {
      const std::string_view r = base(c);
      if ((r == "compound" || r == "amod") && (norm(c) == "trade" || norm(c) == "trading"))
        trading = true;
      if (relation(c) == "nmod:poss" || r == "amod") args(c, owner, true);
    }
    if (!trading || owner.empty()) return;
    std::vector<int> other = subjects(p);
    // The phrase's head: "two of France's main trading partners" hangs under "two".
    std::uint32_t phrase = p;
    const std::int64_t up = head(p);
    if (up >= 0 && base(p) == "nmod" && case_of(p) == "of" && mention_at_[up] < 0)
      phrase = static_cast<std::uint32_t>(up);
    const std::int64_t h = head(phrase);
    if (other.empty() && h >= 0 && base(phrase) == "appos")
      args(static_cast<std::uint32_t>(h), other);
    if (other.empty() && h >= 0 && (base(phrase) == "xcomp" || base(phrase) == "obj") &&
        in(x_.trade_partner_verb, static_cast<std::uint32_t>(h)))
      other = subjects(static_cast<std::uint32_t>(h));
    relate_all("trades-with", other, owner, "trade-partner", 0.8, p);
  }

  // ---- affiliated-with ----
  // "Harrington taught at Harvard University", "she works for the BBC", "Smith joined Labour in
  // 1997": a verb of syntax-work-verb with an at/for oblique, or of syntax-join-verb with an
  // object, and its subjects.
  void work_paths(std::uint32_t v) {
    const bool work = in(x_.work_verb, v), join = in(x_.join_verb, v);
    if (!work && !join) return;
    std::vector<int> employer;
    if (work) {
      for (const char* preposition : {"at", "for"}) {
        const std::vector<int> found = child_args_with(v, "obl", preposition);
        employer.insert(employer.end(), found.begin(), found.end());
      }
    } else {
      employer = child_args(v, "obj");
    }
    if (employer.empty()) return;
    relate_all("affiliated-with", subjects(v), employer, work ? "work-verb" : "join-verb", 0.8, v);
  }

  void affiliation_paths(int person, std::uint32_t h) {
    // The nodes that carry the person's roles.
    std::uint32_t nodes[8];
    std::size_t count = 0;
    nodes[count++] = h;
    for (std::uint32_t c : children(h)) {
      if (count < 6 && mention_at_[c] < 0 &&
          (base(c) == "appos" || (base(c) == "compound" && d_.pos[c] == upos::from_name("NOUN"))))
        nodes[count++] = c;
    }
    const std::int64_t g = head(h);
    if (g >= 0 && mention_at_[g] < 0) {
      const std::string_view r = base(h);
      // "Argentina's President, Nestor Kirchner, said": a conjunct joined to a title by a
      // comma alone (no "and") is an apposition the parse read as a list ("Apple's iTunes,
      // Napster" is a list).
      const std::uint32_t first = d_.mentions[person].first;
      const bool comma_conjunct = r == "conj" && g < h && !has_child(h, "cc") &&
                                  first > sentence_->first && norm(first - 1) == "," &&
                                  in_title_phrase(static_cast<std::uint32_t>(g));
      if (r == "appos" || r == "flat" || r == "compound" || comma_conjunct ||
          (relation(h) == "nsubj" && has_child(static_cast<std::uint32_t>(g), "cop")))
        nodes[count++] = static_cast<std::uint32_t>(g);
    }
    for (std::size_t i = 0; i < count; ++i) {
      const std::uint32_t node = nodes[i];
      if (in(x_.not_a_role, node)) continue;  // "Crystal Palace fan Matthew Simmons"
      for (std::uint32_t c : children(node)) {
        const std::string_view r = base(c);
        const char* rule = nullptr;
        bool demonym_ok = false;
        if (r == "nmod" && relation(c) != "nmod:poss" &&
            contains(x_.affiliation_prep, case_of(c))) {
          // "for" right after a name says what it is nominated or picked for ("Clare Higgins
          // for Hecuba"); set off by a comma, whom the person speaks for ("Vincent Cable, for
          // the Liberal Democrats,").
          if (node == h && case_of(c) == "for" && phrase_start(c) == d_.mentions[person].last)
            continue;
          rule = "role-of";
        } else if (relation(c) == "nmod:poss") {
          rule = "role-poss";
        } else if ((r == "compound" || r == "amod") && c < node) {
          // (An English compound or adjective comes before its head: a name after the role
          // noun that the parse hung on it is none: "George W Bush, the Labor Department".)
          rule = "role-modifier";
          demonym_ok = true;
        }
        if (rule == nullptr) continue;
        // A phrase naming whose or where the role is needs a person's role noun ("its new
        // analysis tool Piero", "Sunday's ceremony Owen"); a modifier stays ("Eton pupil").
        // So does the predicate of "X is|has been <role>" ("has always been in favour").
        const bool predicate = node != h && relation(h) == "nsubj" && head(h) == node;
        if (node != h && (!demonym_ok || base(node) == "appos" || predicate) && !names_person(node))
          continue;
        const int org = arg(c, demonym_ok);
        if (org < 0 || org == person ||
            (node != h && !can_hold_role_in(k_, rules_, entity_of(org), norm(node))))
          continue;
        if (entity_of(org).label == EntityLabel::kCountry &&
            (!names_state_role(k_, d_, node, node + 1) ||
             (rule != std::string_view("role-of") && role_in_organisation(node))))
          continue;
        const std::uint32_t phrase =
            r == "nmod" && relation(c) != "nmod:poss" ? phrase_start(c) : c;
        relate("affiliated-with", person, org, rule, 0.8, node, phrase);
      }
    }
  }

  // Whether the role noun says which organisation it is held in ("co-head of EADS"): a state's
  // word before it then gives the person's nationality ("the German co-head of EADS").
  bool role_in_organisation(std::uint32_t node) const {
    for (std::uint32_t c : children(node)) {
      if (relation(c) == "nmod" && contains(x_.affiliation_prep, case_of(c)) && arg(c) >= 0 &&
          entity_of(arg(c)).label == EntityLabel::kOrganization)
        return true;
    }
    return false;
  }
  // A role noun or a conjunct of one ("operations and safety editor", parsed with "editor"
  // as the conjunct of "operations").
  bool names_person(std::uint32_t node) const {
    if (person_noun(node)) return true;
    const auto& kids = children(node);
    return std::any_of(kids.begin(), kids.end(),
                       [&](std::uint32_t c) { return base(c) == "conj" && person_noun(c); });
  }
  bool person_noun(std::uint32_t t) const {
    return names_a_person_role(k_, d_, t) || in(x_.group_member, t);
  }

  // "Tory leader Michael Howard", "Labour's Paul Flynn", "Salvation Army spokesman Jonathan
  // Lomax": an organisation (a mention, or a party word of the syntax-party-* sets) before a
  // person, with one to four lower-case title words or a possessive between. Read from the
  // words, so it needs no parse.
  void title_modifiers() {
    const std::uint32_t first = sentence_->first, last = sentence_->last;
    for (std::uint32_t f = first + 2; f < last; ++f) {
      const int person = mention_at_[f];
      if (person < 0 || d_.mentions[person].first != f ||
          entity_of(person).label != EntityLabel::kPerson || pronoun(person))
        continue;
      std::uint32_t t = f;  // the token after the modifier
      // The title stops at a name: "UK Independence Party leader" is the party's, though
      // "party leader" is a title phrase.
      while (t > first && t + 5 > f && mention_at_[t - 1] < 0 &&
             (title_word(t - 1) || in_title_phrase(t - 1) ||
              (t - 1 > first && t < f && tok(t - 1).has(token_flags::kJoined) &&
               !tok(t - 1).has(token_flags::kWord) && title_word(t - 2))))
        --t;
      if (t > first && tok(t - 1).has(token_flags::kPossessive)) --t;
      if (t == f || t == first || in(x_.not_a_role, f - 1)) continue;
      int org = organisation_ending_at(t);
      // "SNP Holyrood leader Nicola Sturgeon", "Lib Dem Home Affairs spokesman Mark Oaten": one
      // or two capitalised words that name no organisation (untagged words, or a place) may
      // stand between the organisation and the title; not one that would be the rest of its
      // name ("Liberal Democrat", "Sheffield Wednesday", "Downing Street").
      for (std::uint32_t q = t - 1; org < 0 && q + 2 >= t && q > first && qualifier(q); --q)
        org = organisation_ending_at(q);
      // The title ends on a person's role ("BBC Sport's new tool Piero" names none), one that
      // ties the person to this organisation ("Phoenix Nights creator Peter Kay" does not).
      // (A club's words before a name are its squad's: "Perpignan centre X", "Chelsea physio".)
      if (org < 0 || (!tok(f - 1).has(token_flags::kPossessive) &&
                      ((!person_noun(f - 1) && !club(org)) ||
                       !can_hold_role_in(k_, rules_, entity_of(org), norm(f - 1)))))
        continue;
      relate("affiliated-with", person, org, "title-modifier", 0.85, kNoTrigger);
    }
  }
  bool club(int m) const {
    const auto kind = entity_of(m).out.props.find("kind");
    return kind != entity_of(m).out.props.end() && kind->second == "club";
  }
  // A capitalised word between an organisation and a title that is no part of either (see
  // title_modifiers).
  bool qualifier(std::uint32_t q) const {
    return tok(q).has(token_flags::kCapital) && !tok(q).has(token_flags::kSentenceStart) &&
           !is_calendar_word(norm(q)) && !rules_.in_word_set("affiliation", norm(q)) &&
           !institution_word(q) && (lex(q) & lexicon_flags::kPlaceSuffix) == 0 &&
           (mention_at_[q] < 0 || (entity_of(mention_at_[q]).label == EntityLabel::kPlace &&
                                   d_.mentions[mention_at_[q]].first == q));
  }
  // The organisation whose name ends right before token `end`: a mention, or a party word of
  // the syntax-party-* sets; -1 when none.
  int organisation_ending_at(std::uint32_t end) {
    const std::uint32_t m = end - 1;
    int org = mention_at_[m];
    if (org >= 0 && (entity_of(org).label != EntityLabel::kOrganization ||
                     d_.mentions[org].last != end || pronoun(org)))
      org = -1;
    return org >= 0 ? org : party_mention(m);
  }
  // A token of a title phrase the gazetteer matched ("Lord", "Justice Minister"), capitalised
  // or not; not an honorific ("Mr", "Dr"), which says nothing of a role ("Observes Mr Hadi").
  bool in_title_phrase(std::uint32_t t) const { return names_a_role(k_, d_, t, t + 1); }
  // Word windows do not say what a pronoun is doing ("Asked if he would welcome BNP voters he
  // told"): title-modifier takes names and descriptions only.
  bool pronoun(int m) const { return d_.mentions[m].coref == CorefKind::kPronoun; }
  // A lower-case word that may belong to a title ("shadow culture secretary"): a noun or
  // adjective where the tagger ran, never a function word ("New Labour and Tony Blair").
  bool title_word(std::uint32_t t) const {
    if (!tok(t).has(token_flags::kLower) || !tok(t).has(token_flags::kWord)) return false;
    if (d_.pos.size() == d_.segmentation.tokens.size() && d_.pos[t] != upos::kNone)
      return d_.pos[t] == upos::from_name("NOUN") || d_.pos[t] == upos::from_name("ADJ");
    static constexpr std::string_view kFunction[] = {"and", "or",   "but",  "the",  "a",   "an",
                                                     "of",  "to",   "by",   "with", "for", "in",
                                                     "on",  "said", "says", "told", "say"};
    for (const std::string_view w : kFunction) {
      if (norm(t) == w) return false;
    }
    return true;
  }

  // A party word ("Tory", "Lib Dem") ending at token m, as a new mention of its party.
  int party_mention(std::uint32_t m) {
    if (!capish(m) || mention_at_[m] >= 0) return -1;
    for (int words = 2; words >= 1; --words) {
      if (m + 1 < sentence_->first + static_cast<std::uint32_t>(words)) continue;
      const std::uint32_t from = m + 1 - static_cast<std::uint32_t>(words);
      std::string key;
      for (std::uint32_t t = from; t <= m; ++t) {
        if (!capish(t) || mention_at_[t] >= 0) {
          key.clear();
          break;
        }
        if (!key.empty()) key += '-';
        key += norm(t);
      }
      if (key.empty()) continue;
      for (const auto& [org, words_of_party] : x_.parties) {
        if (!contains(words_of_party, key)) continue;
        KnowledgeEntities known(d_, k_);
        EntityMention mention;
        mention.first = from;
        mention.last = m + 1;
        mention.sentence = static_cast<std::uint32_t>(sentence_ - d_.segmentation.sentences.data());
        mention.label = EntityLabel::kOrganization;
        mention.source = MentionSource::kOrganization;  // no gazetteer entry to read
        mention.key = k_.organizations()[static_cast<std::size_t>(org)].key;
        mention.entity = known.organization_entity(org, from);
        mention.component = component_;
        mention.rule = "party-word";
        d_.mentions.push_back(mention);
        const int index = static_cast<int>(d_.mentions.size() - 1);
        for (std::uint32_t t = from; t <= m; ++t) mention_at_[t] = index;
        return index;
      }
    }
    return -1;
  }

  // ---- located-in ----
  void location_in(int thing, std::uint32_t h) {
    for (std::uint32_t c : children(h)) {
      if (base(c) != "nmod" || !contains(x_.location_prep, case_of(c))) continue;
      std::vector<int> where;
      args(c, where);
      for (int m : where) {
        // "Cottenham in Cambridgeshire and Minety in Wiltshire": a conjunct with an in-phrase
        // of its own is a second located thing, not a second place of the first.
        if (m != arg(c) && own_location_follows(m)) continue;
        relate("located-in", thing, m, "in", 0.75, h, phrase_start(c));
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
        relate("located-in", thing, m, "in-adjacent", 0.75, h);
    }
    // "Israel's Teva Pharmaceuticals", "RHB, Malaysia's third-biggest lender".
    std::vector<std::uint32_t> nodes = {h};
    for (std::uint32_t c : children(h)) {
      if (base(c) == "appos" && mention_at_[c] < 0) nodes.push_back(c);
    }
    for (std::uint32_t node : nodes) {
      for (std::uint32_t c : children(node)) {
        if (relation(c) != "nmod:poss") continue;
        const int m = arg(c);
        if (m >= 0 && m != thing) relate("located-in", thing, m, "poss", 0.8, node, c);
      }
    }
  }

  // Whether mention m is followed by a location preposition and a name ("Minety in Wiltshire").
  bool own_location_follows(int m) const {
    const std::uint32_t after = d_.mentions[m].last;
    return after + 1 < sentence_->last && contains(x_.location_prep, norm(after)) &&
           mention_at_[after + 1] >= 0;
  }

  void location_participle(std::uint32_t b) {
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
      if (thing.empty() && noun + 1 < sentence_->last && mention_at_[noun + 1] >= 0 &&
          d_.mentions[mention_at_[noun + 1]].first == noun + 1)
        thing.push_back(mention_at_[noun + 1]);
      // "X, a London-based bank": the noun is in apposition to the name.
      if (base(noun) == "appos" && head(noun) >= 0)
        args(static_cast<std::uint32_t>(head(noun)), thing);
    }
    for (int t : thing) {
      for (int w : where) relate("located-in", t, w, "based", 0.85, b);
    }
  }

  AnnotatedDocument& d_;
  const Knowledge& k_;
  const RuleSet& rules_;
  const SyntaxRelations::Lexicon& x_;
  const bool keep_modal_;
  const char* component_;
  std::vector<int> mention_at_;  // per token: the longest resolved mention covering it, or -1
  bool meeting_ = false;         // reading a meeting's parties: people may stand for their group
  const Sentence* sentence_ = nullptr;
  std::string sentence_text_;
};

}  // namespace

SyntaxRelations::SyntaxRelations(std::string name, const ComponentContext& context,
                                 const ComponentOptions& options)
    : Component(std::move(name), options),
      knowledge_(context.knowledge),
      rules_(context.rules),
      keep_modal_relations_(context.options.keep_modal_relations),
      lexicon_(Lexicon::from_rules(context.rules, context.knowledge)) {}

void SyntaxRelations::process(AnnotatedDocument& document) const {
  SyntaxRun(document, knowledge_, rules_, lexicon_, keep_modal_relations_, name().c_str()).run();
}

}  // namespace skein::extract
