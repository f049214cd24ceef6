#include "extract/Coreference.h"

#include <algorithm>

#include "extract/RelationChecks.h"
#include "extract/TokenHelpers.h"

namespace skein::extract {
namespace {

enum class Gender : std::uint8_t { kUnknown, kMale, kFemale, kConflicting };

Gender combine(Gender known, Gender seen) {
  if (known == Gender::kUnknown || known == seen) return seen;
  return Gender::kConflicting;
}

// A person introduced with a title: "Pakistani President Pervez Musharraf" gives (Musharraf,
// "president", Pakistan).
struct Introduction {
  int entity = -1;
  std::string title;  // normalised title phrase
  int state = -1;     // the entity of the state named with the title, or -1
  std::uint32_t token = 0;
};

// The component's work on one document.
class CorefRun : public TokenView {
 public:
  CorefRun(AnnotatedDocument& document, const Knowledge& knowledge,
           const Coreference::Lexicon& lexicon, const char* component)
      : TokenView(document), d_(document), k_(knowledge), x_(lexicon), component_(component) {}

  void run() {
    if (d_.entities.empty()) return;
    const std::size_t tokens = token_count();
    covered_.assign(tokens, -1);
    first_named_.assign(d_.entities.size(), UINT32_MAX);
    gender_.assign(d_.entities.size(), Gender::kUnknown);
    std::vector<int>& order = order_;
    for (std::size_t m = 0; m < d_.mentions.size(); ++m) {
      const EntityMention& mention = d_.mentions[m];
      if (mention.entity < 0 || mention.coref != CorefKind::kNone) continue;
      order.push_back(static_cast<int>(m));
      for (std::uint32_t t = mention.first; t < mention.last; ++t) {
        const int old = covered_[t];
        if (old < 0 ||
            d_.mentions[old].last - d_.mentions[old].first < mention.last - mention.first)
          covered_[t] = static_cast<int>(m);
      }
      auto& first = first_named_[static_cast<std::size_t>(mention.entity)];
      first = std::min(first, mention.first);
    }
    std::sort(order.begin(), order.end(),
              [&](int a, int b) { return d_.mentions[a].first < d_.mentions[b].first; });
    read_genders();
    read_introductions();
    lead_descriptions();

    const Segmentation& seg = d_.segmentation;
    std::vector<int> previous;  // entities named or linked in the sentence before
    std::size_t next = 0;       // into order
    bool quoted = false;        // inside quotation marks
    for (std::uint32_t s = 0; s < seg.sentences.size(); ++s) {
      const Sentence& sentence = seg.sentences[s];
      std::vector<int> seen;  // entities named or linked so far in this sentence
      // A quotation may run over several sentences, never over a paragraph.
      if (s > 0 && paragraph_ends(s - 1)) quoted = false;
      for (std::uint32_t t = sentence.first; t < sentence.last; ++t) {
        while (next < order.size() && d_.mentions[order[next]].first < t) ++next;
        for (std::size_t i = next; i < order.size() && d_.mentions[order[i]].first == t; ++i)
          // A demonym ("Swiss drugmaker Novartis") is no antecedent of a pronoun.
          if (!d_.mentions[order[i]].demonym) seen.push_back(d_.mentions[order[i]].entity);
        const std::string_view w = norm(t);
        // A quote mark after a space or line break opens a quotation, one glued to the word
        // before closes it: BBC text opens a quotation again in each new paragraph of it.
        if (w == "\"") quoted = opens_quotation(t);
        if (covered_[t] >= 0) continue;
        if (w == "the") {
          const int e = description(s, t);
          if (e >= 0) seen.push_back(e);
        } else if (const int linked = role_modifier(s, t); linked >= 0) {
          seen.push_back(linked);
        } else if (!quoted) {
          const int e = pronoun(s, t, seen, previous);
          if (e >= 0) seen.push_back(e);
        }
      }
      previous = std::move(seen);
    }
  }

 private:
  const ResolvedEntity& entity(int e) const { return d_.entities[static_cast<std::size_t>(e)]; }
  int mention_at(std::uint32_t t) const { return t < covered_.size() ? covered_[t] : -1; }
  const Role* role_at(std::uint32_t t) const {
    const std::span<const Role> roles = d_.roles_at(t);
    return roles.empty() ? nullptr : &roles.front();
  }
  // The state a mention ending right before `t` names ("Pakistani", "US"), or -1.
  int state_before(std::uint32_t t) const {
    if (t == 0) return -1;
    const int m = mention_at(t - 1);
    if (m < 0 || d_.mentions[m].last != t) return -1;
    const int e = d_.mentions[m].entity;
    return entity(e).label == EntityLabel::kCountry ? e : -1;
  }

  // The state a title before a name belongs to: "Pakistani President Pervez Musharraf",
  // "Pakistan's President Musharraf", "President Musharraf of Pakistan"; or -1.
  int state_of_title(const Role& role, const EntityMention& name) const {
    if (const int state = state_before(role.first); state >= 0) return state;
    if (role.first >= 1 && tok(role.first - 1).has(token_flags::kPossessive)) {
      if (const int state = state_before(role.first - 1); state >= 0) return state;
    }
    const std::uint32_t of = name.last;
    if (of + 1 < token_count() && norm(of) == "of") {
      const int m = mention_at(of + 1);
      if (m >= 0 && d_.mentions[m].first == of + 1 &&
          entity(d_.mentions[m].entity).label == EntityLabel::kCountry)
        return d_.mentions[m].entity;
    }
    return -1;
  }

  bool opens_quotation(std::uint32_t t) const {
    const std::uint32_t start = tok(t).start;
    if (start == 0 || tok(t).has(token_flags::kSpaceBefore)) return true;
    const char before = text()[start - 1];
    return before == '\n' || before == '(' || before == ' ';
  }

  // ---- what the article says about its entities ----
  void read_genders() {
    for (const EntityMention& m : d_.mentions) {
      if (m.entity < 0 || m.coref != CorefKind::kNone ||
          entity(m.entity).label != EntityLabel::kPerson)
        continue;
      Gender& g = gender_[static_cast<std::size_t>(m.entity)];
      // "Mr Blair": the honorific right before the name, or its first word.
      for (std::uint32_t t : {m.first > 0 ? m.first - 1 : m.first, m.first}) {
        if (t >= token_count() || t > m.first) continue;
        if (contains(x_.male_honorific, norm(t))) g = combine(g, Gender::kMale);
        if (contains(x_.female_honorific, norm(t))) g = combine(g, Gender::kFemale);
      }
      // A given name opening a name of two words or more.
      if (m.last - m.first >= 2) {
        const std::uint32_t lexicon = k_.lexicon(norm(m.first));
        if ((lexicon & lexicon_flags::kMaleName) != 0) g = combine(g, Gender::kMale);
        if ((lexicon & lexicon_flags::kFemaleName) != 0) g = combine(g, Gender::kFemale);
      }
    }
  }

  // Persons named with a title: right after it ("Chancellor Gordon Brown", "Pakistani President
  // Pervez Musharraf"), or with the title in apposition ("Gordon Brown, the chancellor,").
  void read_introductions() {
    for (const Role& role : d_.roles) {
      if (role.honorific || role.last >= token_count()) continue;
      const int m = mention_at(role.last);
      if (m >= 0 && d_.mentions[m].first == role.last &&
          entity(d_.mentions[m].entity).label == EntityLabel::kPerson) {
        introductions_.push_back({d_.mentions[m].entity, key_of(role.first, role.last),
                                  state_of_title(role, d_.mentions[m]), role.first});
        continue;
      }
      // Apposition: NAME , the [STATE] TITLE
      std::uint32_t t = role.first;
      const int state = state_before(t);
      if (state >= 0) t = d_.mentions[mention_at(t - 1)].first;
      if (t < 3 || norm(t - 1) != "the" || norm(t - 2) != ",") continue;
      const int person = mention_at(t - 3);
      if (person < 0 || d_.mentions[person].last != t - 2 ||
          entity(d_.mentions[person].entity).label != EntityLabel::kPerson)
        continue;
      introductions_.push_back(
          {d_.mentions[person].entity, key_of(role.first, role.last), state, role.first});
    }
  }

  // ---- descriptions ----
  // "the" at t opening a description of one entity named before: link it and return the
  // entity, or -1.
  int description(std::uint32_t s, std::uint32_t t) {
    const Sentence& sentence = d_.segmentation.sentences[s];
    std::uint32_t u = t + 1;
    int state = -1;
    if (u < sentence.last) {
      const int m = mention_at(u);
      if (m >= 0 && d_.mentions[m].first == u &&
          entity(d_.mentions[m].entity).label == EntityLabel::kCountry) {
        state = d_.mentions[m].entity;
        u = d_.mentions[m].last;
      }
    }
    if (u >= sentence.last || mention_at(u) >= 0) return -1;
    if (const Role* role = role_at(u); role != nullptr && !role->honorific) {
      if (!free_after(role->last, sentence)) return -1;
      const std::string title = key_of(role->first, role->last);
      int found = -1;
      for (const Introduction& intro : introductions_) {
        if (intro.token >= t || intro.title != title) continue;
        if (state >= 0 && intro.state != state) continue;
        if (found >= 0 && found != intro.entity) return -1;  // two people with that title
        found = intro.entity;
      }
      if (found < 0) return -1;
      add(s, t, role->last, found, CorefKind::kDescription, "role-description", 0.8f);
      return found;
    }
    // "the US software giant": sector words only after a state.
    for (int words = 0; state >= 0 && words < 2 && u + 1 < sentence.last &&
                        contains(x_.modifier, norm(u)) && mention_at(u + 1) < 0;
         ++words)
      ++u;
    const std::string_view noun = norm(u);
    const bool country = state < 0 && contains(x_.country_noun, noun);
    const Kind kind = country ? Kind::kCountry : kind_of_noun(noun);
    if (kind == Kind::kNone || !free_after(u + 1, sentence)) return -1;
    const int found = one_of_kind(kind, state, t);
    if (found < 0) return -1;
    add(s, t, u + 1, found, CorefKind::kDescription, "kind-description", 0.8f);
    return found;
  }

  // What kind of entity a description's head noun stands for.
  enum class Kind : std::uint8_t { kNone, kCompany, kParty, kClub, kCharity, kCountry };
  Kind kind_of_noun(std::string_view noun) const {
    if (contains(x_.company_noun, noun)) return Kind::kCompany;
    if (contains(x_.party_noun, noun)) return Kind::kParty;
    if (contains(x_.club_noun, noun)) return Kind::kClub;
    if (contains(x_.charity_noun, noun)) return Kind::kCharity;
    return Kind::kNone;
  }
  // The one entity of `kind` (of the state `state` when it is not -1) named before token t, or
  // -1 when none or more than one fits. Company: kind company, or (unless `known_kind_only`)
  // kind unknown and a name whose head says no other kind; party and club: that kind; charity: kind
  // ngo.
  int one_of_kind(Kind kind, int state, std::uint32_t t, bool known_kind_only = false) const {
    int found = -1;
    for (std::size_t e = 0; e < d_.entities.size(); ++e) {
      if (first_named_[e] >= t) continue;
      const ResolvedEntity& candidate = d_.entities[e];
      const auto& props = candidate.out.props;
      const auto kind_it = props.find("kind");
      const std::string known = kind_it == props.end() ? std::string() : kind_it->second;
      bool fits = false;
      if (kind == Kind::kCountry) {
        fits = candidate.label == EntityLabel::kCountry;
      } else if (candidate.label == EntityLabel::kOrganization) {
        switch (kind) {
          case Kind::kParty:
            fits = known == "party";
            break;
          case Kind::kClub:
            fits = known == "club";
            break;
          case Kind::kCharity:
            fits = known == "ngo";
            break;
          default:
            fits = known == "company" ||
                   (!known_kind_only && known.empty() && !other_kind_named(candidate.out.name));
        }
        const auto country_it = props.find("country");
        if (fits && state >= 0 && country_it != props.end() && entity(state).country >= 0)
          fits = country_it->second == k_.countries()[entity(state).country].iso2;
      }
      if (!fits) continue;
      if (found >= 0) return -1;  // two fit
      found = static_cast<int>(e);
    }
    return found;
  }

  // A kind noun as the modifier of a person's title ("Charity boss Gordon Lishman", "club
  // manager Sir Alex Ferguson", "the company spokesman Gus Whitcomb"): the noun at t, no name
  // before it, then one to three lower-case words or title words ending on a person's role
  // (RelationChecks.h names_a_person_role, or a syntax-group-member word: "boss"), an
  // honorific allowed, then a person's name. Links the noun to the one organisation of its kind
  // named before.
  int role_modifier(std::uint32_t s, std::uint32_t t) {
    const Sentence& sentence = d_.segmentation.sentences[s];
    const Kind kind = kind_of_noun(norm(t));
    if (kind == Kind::kNone || kind == Kind::kCountry) return -1;
    if (t > sentence.first &&
        (mention_at(t - 1) >= 0 ||
         (capish(t - 1) && !initial_position(t - 1) && tok(t - 1).has(token_flags::kWord))))
      return -1;  // "Chelsea club doctor": the name before is the club
    // A capitalised noun inside a sentence is a name's word ("Football Club chairman").
    if (capish(t) && !initial_position(t)) return -1;
    std::uint32_t u = t + 1;
    while (u < sentence.last && u <= t + 3 && mention_at(u) < 0 &&
           (tok(u).has(token_flags::kLower) || names_a_role(k_, d_, u, u + 1)))
      ++u;
    if (u == t + 1 || u >= sentence.last ||
        (!names_a_person_role(k_, d_, u - 1) && !contains(x_.group_member, norm(u - 1))))
      return -1;
    if (const Role* honorific = role_at(u); honorific != nullptr && honorific->honorific)
      u = honorific->last;  // "club manager Sir Alex Ferguson"
    if (u >= sentence.last) return -1;
    const int person = mention_at(u);
    if (person < 0 || d_.mentions[person].first != u ||
        entity(d_.mentions[person].entity).label != EntityLabel::kPerson)
      return -1;
    // Without "the", a title's modifier is read more loosely than a description ("company
    // president X" where the company's name was mislabelled): the knowledge must list the kind.
    const int found = one_of_kind(kind, -1, t, true);
    if (found < 0) return -1;
    add(s, t, t + 1, found, CorefKind::kDescription, "role-modifier", 0.75f);
    return found;
  }
  // Whether an organisation's name says it is no company: its head word ("University of
  // California", "Refugee Council") is of the coref-not-company-head set.
  bool other_kind_named(const std::string& name) const {
    const std::size_t of = name.find(" of ");
    const std::size_t space = name.find_last_of(' ');
    const std::string_view head = of != std::string::npos ? std::string_view(name).substr(0, of)
                                  : space == std::string::npos
                                      ? std::string_view(name)
                                      : std::string_view(name).substr(space + 1);
    return contains(x_.not_company_head, lower(head.substr(head.find_last_of(' ') + 1)));
  }
  // Whether a description may end before token t: no name ("the chancellor Gordon Brown"), no
  // "of" ("the president of the World Bank": someone else), and no more of the noun phrase
  // ("the firm's" is fine, "the company chairman" is the chairman).
  bool free_after(std::uint32_t t, const Sentence& sentence) const {
    if (t >= sentence.last) return true;
    if (mention_at(t) >= 0 || norm(t) == "of") return false;
    if (capish(t) && tok(t).has(token_flags::kWord)) return false;
    return true;
  }

  // ---- pronouns ----
  int pronoun(std::uint32_t s, std::uint32_t t, const std::vector<int>& seen,
              const std::vector<int>& previous) {
    const std::string_view w = norm(t);
    const bool male = contains(x_.male_pronoun, w), female = contains(x_.female_pronoun, w);
    const bool thing = contains(x_.thing_pronoun, w);
    if (!male && !female && !thing) return -1;
    const auto fits = [&](int e) {
      const ResolvedEntity& candidate = entity(e);
      if (thing)
        return candidate.label == EntityLabel::kOrganization ||
               candidate.label == EntityLabel::kCountry;
      if (candidate.label != EntityLabel::kPerson) return false;
      const Gender g = gender_[static_cast<std::size_t>(e)];
      return male ? g != Gender::kFemale : g != Gender::kMale;
    };
    // The one fitting entity of a list, -1 when none, -2 when more than one.
    const auto one = [&](const std::vector<int>& list) {
      int found = -1;
      for (int e : list) {
        if (!fits(e)) continue;
        if (found >= 0 && found != e) return -2;
        found = e;
      }
      return found;
    };
    int found = one(seen);
    if (thing && names_a_role_holder(t)) {
      // "its chairman, Sir Phil Watts": a role's holder belongs to an organisation or state,
      // the one named before it in the sentence or, when none is, in the sentence before
      // ("The QCA said ... , said its chairman, Sir Anthony Greener").
      if (found == -1) found = one(previous);
    } else if (thing) {
      // "it" and "its" stand for so many things no entity names ("The Aviator ... its star")
      // that only the sentence's own opening name is trusted: "Yukos claims its downfall ...".
      if (found < 0 || first_named_in(s) != found || name_between(s, t) ||
          qualifies_a_kind(opening_mention(s)))
        return -1;
    } else if (const int subject = fronted_subject(s, t, fits); found == -1 && subject >= 0) {
      found = subject;  // a fronted clause's pronoun: the subject after the clause's comma
    } else if (found == -1) {
      found = one(previous);
      // Two people fit in the sentence before: "He" opening a sentence is the one whose name
      // opened that sentence, its subject ("Gen Musharraf held talks with Tony Blair on
      // Monday. He arrived in Britain ...").
      // (Not one of a pair: "Pervez Musharraf and Gordon Brown flew to London".)
      if (found == -2 && s > 0 && t == d_.segmentation.sentences[s].first) {
        const int opening = opening_mention(s - 1);
        const std::uint32_t after = opening >= 0 ? d_.mentions[opening].last : 0;
        const bool paired =
            after + 1 < token_count() &&
            (norm(after) == "and" || norm(after) == "or" ||
             (norm(after) == "," && mention_at(after + 1) >= 0));  // not ", who has worked"
        if (opening >= 0 && !paired && fits(d_.mentions[opening].entity))
          found = d_.mentions[opening].entity;
      }
      if (found >= 0 && fronted(s, t, fits)) return -1;
    }
    if (found < 0) return -1;
    add(s, t, t + 1, found, CorefKind::kPronoun, "pronoun", 0.7f);
    return found;
  }

  // Whether mention m qualifies a company's kind noun after it ("A US firm has said it is in
  // negotiations with LVMH", "the UK software group"): the sentence is about the company.
  bool qualifies_a_kind(int m) const {
    const std::uint32_t after = d_.mentions[m].last;
    return after < token_count() &&
           (contains(x_.company_noun, norm(after)) || contains(x_.modifier, norm(after)));
  }

  // Whether the possessive pronoun at t opens a role whose holder is named after it: "its
  // chairman, Sir Phil Watts", "its former chief executive Mikhail Khodorkovsky" (up to two
  // lower-case words before the title, a comma allowed after it).
  bool names_a_role_holder(std::uint32_t t) const {
    if (norm(t) != "its") return false;
    for (std::uint32_t u = t + 1; u < t + 4 && u < token_count(); ++u) {
      if (const Role* role = role_at(u); role != nullptr && !role->honorific) {
        std::uint32_t name = role->last;
        if (name < token_count() && norm(name) == ",") ++name;
        if (const Role* honorific = role_at(name); honorific != nullptr && honorific->honorific)
          name = honorific->last;  // "its chairman, Sir Phil Watts"
        const int m = name < token_count() ? mention_at(name) : -1;
        return m >= 0 && d_.mentions[m].first == name &&
               entity(d_.mentions[m].entity).label == EntityLabel::kPerson;
      }
      if (!tok(u).has(token_flags::kLower)) return false;
    }
    return false;
  }

  // A paragraph that ends on "..., a Labour backbencher has said." and a next paragraph that
  // opens on a person named there for the first time ("Derek Wyatt said ..."): the news lead's
  // description is that person (it points forward). The description: "a", "an" or "the", up to
  // five more words, a person's role word last (RelationChecks.h names_a_person_role), after a
  // comma or opening its sentence, then "has" or "have" and a verb of coref-lead-verb, then the
  // full stop. Rule "lead-description".
  void lead_descriptions() {
    const Segmentation& seg = d_.segmentation;
    for (std::uint32_t s = 0; s + 1 < seg.sentences.size(); ++s) {
      const Sentence& sentence = seg.sentences[s];
      if (sentence.last < sentence.first + 5 || !paragraph_ends(s)) continue;
      const std::uint32_t stop = sentence.last - 1, verb = stop - 1, aux = stop - 2;
      const std::uint32_t head = aux - 1;
      if (norm(stop) != "." || !contains(x_.lead_verb, norm(verb)) ||
          (norm(aux) != "has" && norm(aux) != "have") || mention_at(head) >= 0 ||
          !tok(head).has(token_flags::kLower) || !names_a_person_role(k_, d_, head))
        continue;
      std::uint32_t article = head;
      while (article > sentence.first && head - article < 6) {
        const std::string_view w = norm(--article);
        if (w == "a" || w == "an" || w == "the" || w == "," || w == "and" || w == "of") break;
      }
      const std::string_view determiner = norm(article);
      if ((determiner != "a" && determiner != "an" && determiner != "the") ||
          (article > sentence.first && norm(article - 1) != ","))
        continue;
      const int opening = opening_mention(s + 1);
      if (opening < 0) continue;
      const EntityMention& name = d_.mentions[opening];
      if (entity(name.entity).label != EntityLabel::kPerson || name.last - name.first < 2 ||
          first_named_[static_cast<std::size_t>(name.entity)] != name.first)
        continue;
      add(s, head, head + 1, name.entity, CorefKind::kDescription, "lead-description", 0.8f);
    }
  }

  // Whether a line break comes between sentence s and the next (a paragraph ends with s).
  bool paragraph_ends(std::uint32_t s) const {
    const auto& sentences = d_.segmentation.sentences;
    return s + 1 < sentences.size() &&
           text().find('\n', sentences[s].span.end) < sentences[s + 1].span.start;
  }

  // The named mention opening sentence s (at its first or second token, no demonym), or -1.
  int opening_mention(std::uint32_t s) const {
    const Sentence& sentence = d_.segmentation.sentences[s];
    const auto it =
        std::lower_bound(order_.begin(), order_.end(), sentence.first,
                         [&](int m, std::uint32_t t) { return d_.mentions[m].first < t; });
    if (it == order_.end() || d_.mentions[*it].first > sentence.first + 1 ||
        d_.mentions[*it].demonym)
      return -1;
    return *it;
  }
  int first_named_in(std::uint32_t s) const {
    const int m = opening_mention(s);
    return m < 0 ? -1 : d_.mentions[m].entity;
  }

  // Whether a capitalised word stands between the name opening sentence s and t: a name the
  // recognisers missed ("US banking giant Citigroup has sold its", "The Financial Times said
  // Fiat may transfer Maserati within its") may be what the pronoun means.
  bool name_between(std::uint32_t s, std::uint32_t t) const {
    const int opening = opening_mention(s);
    if (opening < 0) return true;
    for (std::uint32_t u = d_.mentions[opening].last; u < t; ++u) {
      if (capish(u) && tok(u).has(token_flags::kWord)) return true;
    }
    return false;
  }

  // Whether token t of sentence s sits in a clause before the sentence's subject: the
  // sentence opens on a word of coref-clause-opener and no comma comes before t.
  bool in_fronted_clause(std::uint32_t s, std::uint32_t t) const {
    const Sentence& sentence = d_.segmentation.sentences[s];
    if (!contains(x_.clause_opener, norm(sentence.first))) return false;
    for (std::uint32_t u = sentence.first; u < t; ++u) {
      if (norm(u) == ",") return false;
    }
    return true;
  }

  // The main clause's subject a pronoun in a fronted clause points forward to: the person
  // named right after the clause's comma (a title or honorific between), a verb after the
  // name, when the pronoun fits it ("Within hours of his final talks with Mr Thorpe, Sir
  // Edward told the nation"); or -1.
  template <typename Fits>
  int fronted_subject(std::uint32_t s, std::uint32_t t, const Fits& fits) const {
    if (!in_fronted_clause(s, t)) return -1;
    const Sentence& sentence = d_.segmentation.sentences[s];
    std::uint32_t comma = t + 1;
    while (comma < sentence.last && norm(comma) != ",") ++comma;
    const auto named_at = [&](std::uint32_t u) {
      const int m = u < sentence.last ? mention_at(u) : -1;
      return m >= 0 && d_.mentions[m].first == u && !d_.mentions[m].demonym ? m : -1;
    };
    int m = named_at(comma + 1);
    if (m < 0 && comma + 1 < sentence.last) {
      if (const std::span<const Role> roles = d_.roles_at(comma + 1); !roles.empty())
        m = named_at(roles.front().last);
    }
    if (m < 0) return -1;
    const std::uint32_t after = d_.mentions[m].last;
    if (after >= sentence.last || !tok(after).has(token_flags::kLower) || norm(after) == "and" ||
        norm(after) == "or" || !fits(d_.mentions[m].entity))
      return -1;
    return d_.mentions[m].entity;
  }

  // Whether the pronoun at t sits in a clause before the subject ("Within hours of his talks
  // with Mr Thorpe, Sir Edward told ...") and an entity that fits is named after it in the
  // sentence: it may point forward, so the sentence before cannot be trusted.
  template <typename Fits>
  bool fronted(std::uint32_t s, std::uint32_t t, const Fits& fits) const {
    if (!in_fronted_clause(s, t)) return false;
    const Sentence& sentence = d_.segmentation.sentences[s];
    for (const int m : order_) {
      const EntityMention& mention = d_.mentions[m];
      if (mention.first > t && mention.first < sentence.last && !mention.demonym &&
          fits(mention.entity))
        return true;
    }
    return false;
  }

  void add(std::uint32_t s, std::uint32_t first, std::uint32_t last, int e, CorefKind kind,
           const char* rule, float confidence) {
    EntityMention mention;
    mention.first = first;
    mention.last = last;
    mention.sentence = s;
    mention.label = entity(e).label;
    mention.source = mention.label == EntityLabel::kPerson ? MentionSource::kPerson
                                                           : MentionSource::kOrganization;
    mention.entity = e;
    mention.coref = kind;
    mention.component = component_;
    mention.rule = rule;
    mention.confidence = confidence;
    d_.mentions.push_back(mention);
    const int index = static_cast<int>(d_.mentions.size() - 1);
    for (std::uint32_t t = first; t < last; ++t) covered_[t] = index;
  }

  AnnotatedDocument& d_;
  const Knowledge& k_;
  const Coreference::Lexicon& x_;
  const char* component_;
  std::vector<int> covered_;                // per token: the longest resolved mention, or -1
  std::vector<std::uint32_t> first_named_;  // per entity: the first token naming it
  std::vector<Gender> gender_;              // per entity (persons)
  std::vector<Introduction> introductions_;
  std::vector<int> order_;  // the named mentions, in text order
};

}  // namespace

Coreference::Coreference(std::string name, const ComponentContext& context,
                         const ComponentOptions& options)
    : Component(std::move(name), options), knowledge_(context.knowledge) {
  const RuleSet& rules = context.rules;
  lexicon_.male_pronoun = rules.word_set("coref-pronoun-male");
  lexicon_.female_pronoun = rules.word_set("coref-pronoun-female");
  lexicon_.thing_pronoun = rules.word_set("coref-pronoun-thing");
  lexicon_.company_noun = rules.word_set("coref-company-noun");
  lexicon_.not_company_head = rules.word_set("coref-not-company-head");
  lexicon_.party_noun = rules.word_set("coref-party-noun");
  lexicon_.club_noun = rules.word_set("coref-club-noun");
  lexicon_.group_member = rules.word_set("syntax-group-member");
  lexicon_.charity_noun = rules.word_set("coref-charity-noun");
  lexicon_.country_noun = rules.word_set("coref-country-noun");
  lexicon_.modifier = rules.word_set("coref-description-modifier");
  lexicon_.clause_opener = rules.word_set("coref-clause-opener");
  lexicon_.male_honorific = rules.word_set("coref-male-honorific");
  lexicon_.female_honorific = rules.word_set("coref-female-honorific");
  lexicon_.lead_verb = rules.word_set("coref-lead-verb");
}

void Coreference::process(AnnotatedDocument& document) const {
  CorefRun(document, knowledge_, lexicon_, name().c_str()).run();
}

}  // namespace skein::extract
