#include "extract/Resolver.h"

#include <algorithm>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "extract/KnowledgeEntities.h"
#include "extract/TokenHelpers.h"

namespace skein::extract {
namespace {

namespace tf = token_flags;

// The key of a person's name: the normalised name without full stops, spaces single, so
// "George W. Bush" and "George W Bush" are one person across documents.
std::string person_key(std::string_view key) {
  std::string out;
  for (const char c : key) {
    if (c == '.') continue;
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out.push_back(c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out.empty() ? std::string(key) : out;
}

// The resolver's work on one document.
class ResolutionRun : public TokenView {
 public:
  ResolutionRun(AnnotatedDocument& document, const Knowledge& knowledge, const char* component)
      : TokenView(document),
        d_(document),
        k_(knowledge),
        known_(document, knowledge),
        mentions_(document.mentions),
        entities_(document.entities),
        pending_(document.pending_words),
        component_(component) {}

  // Countries and subdivisions the document names unambiguously: the context that picks among
  // the candidates of an ambiguous name.
  void collect_context() {
    for (const EntityMention& m : mentions_) {
      if (m.source == MentionSource::kSubdivision) {
        context_subdivisions_.insert(m.subdivision);
        const int c = k_.country_index(k_.subdivisions()[m.subdivision].country);
        if (c >= 0) context_countries_.insert(c);
        continue;
      }
      if (m.source != MentionSource::kGazetteer || m.entry->ambiguous) continue;
      int country = -1, sub = -1, city = -1, n = 0;
      for (const Candidate& c : m.entry->candidates) {
        if (c.kind == CandidateKind::kTitle) continue;
        ++n;
        if (c.kind == CandidateKind::kCountry || c.kind == CandidateKind::kDemonym)
          country = static_cast<int>(c.index);
        if (c.kind == CandidateKind::kSubdivision) sub = static_cast<int>(c.index);
        if (c.kind == CandidateKind::kCity) city = static_cast<int>(c.index);
      }
      if (n != 1) continue;
      if (country >= 0) context_countries_.insert(country);
      if (sub >= 0) {
        context_subdivisions_.insert(sub);
        const int c = k_.country_index(k_.subdivisions()[sub].country);
        if (c >= 0) context_countries_.insert(c);
      }
      if (city >= 0) {
        // A listed city also places other cities of its state or province ("Toronto" makes
        // "London" the Ontario one); it does not name the state itself ("Atlanta" says nothing
        // of which Georgia a headline means).
        const int c = k_.country_index(k_.cities()[city].country);
        if (c >= 0) context_countries_.insert(c);
        if (!k_.cities()[city].subdivision.empty()) {
          const int s = k_.subdivision_index(k_.cities()[city].subdivision);
          if (s >= 0) context_city_subdivisions_.insert(s);
        }
      }
    }
  }

  // Picks the entity a gazetteer mention names; -1 leaves it unlinked.
  int resolve_gazetteer(EntityMention& m) {
    const PhraseEntry& entry = *m.entry;
    const std::vector<Candidate>& candidates = entry.candidates;
    struct Scored {
      const Candidate* c;
      double score;
      bool context;
    };
    std::vector<Scored> scored;
    std::uint64_t top_population = 0, second_population = 0;
    for (const Candidate& c : candidates) {
      if (c.kind == CandidateKind::kCity) {
        const std::uint64_t p = k_.cities()[c.index].population;
        if (p > top_population) {
          second_population = top_population;
          top_population = p;
        } else if (p > second_population) {
          second_population = p;
        }
      }
    }
    for (const Candidate& c : candidates) {
      if (c.kind == CandidateKind::kTitle) continue;
      double score = 0;
      bool context = false;
      int country = -1;
      switch (c.kind) {
        case CandidateKind::kCountry:
        case CandidateKind::kDemonym:
          // A country outranks a same-named subdivision elsewhere ("Taiwan", "Georgia").
          score = 5;
          if (context_countries_.count(static_cast<int>(c.index)) != 0) {
            score += 4;
            context = true;
          }
          break;
        case CandidateKind::kOrganization:
          score = 3.5;
          break;
        case CandidateKind::kRegion:
          score = 2.5;
          break;
        case CandidateKind::kSubdivision: {
          score = 2;
          country = k_.country_index(k_.subdivisions()[c.index].country);
          if (context_subdivisions_.count(static_cast<int>(c.index)) != 0) {
            score += 4;
            context = true;
          }
          break;
        }
        case CandidateKind::kCity: {
          const CityInfo& city = k_.cities()[c.index];
          score = 1;
          if (city.capital) score += 1;
          if (city.population >= 1000000) score += 2;
          if (city.population == top_population &&
              top_population >= 10 * std::max<std::uint64_t>(second_population, 1) &&
              top_population >= 100000) {
            score += 3;
          }
          country = k_.country_index(city.country);
          if (!city.subdivision.empty()) {
            const int sub = k_.subdivision_index(city.subdivision);
            if (sub >= 0 && (context_subdivisions_.count(sub) != 0 ||
                             context_city_subdivisions_.count(sub) != 0)) {
              score += 5;
              context = true;
            }
          }
          break;
        }
        case CandidateKind::kTitle:
          break;
      }
      if (country >= 0 && context_countries_.count(country) != 0) {
        score += 2;
        context = true;
      }
      scored.push_back({&c, score, context});
    }
    if (scored.empty()) return -1;
    std::stable_sort(scored.begin(), scored.end(),
                     [](const Scored& a, const Scored& b) { return a.score > b.score; });
    if (scored.size() > 1 && scored[1].score >= scored[0].score) {
      // Tied at the top: the one the document's context supports, if only one is; when context
      // does not separate them, the prior may: a national capital among all the name's cities
      // (the Olympics' "Athens" with "Americans" nearby), else the largest of those in context
      // if any are ("Córdoba" beside Spain and Mexico).
      std::vector<Candidate> supported;
      std::size_t first_supported = 0;
      for (std::size_t i = 0; i < scored.size() && scored[i].score >= scored[0].score; ++i) {
        if (!scored[i].context) continue;
        if (supported.empty()) first_supported = i;
        supported.push_back(*scored[i].c);
      }
      if (supported.size() == 1) {
        std::swap(scored[0], scored[first_supported]);
      } else {
        const std::vector<Candidate> all = candidates_of(entry);
        const bool capital = std::any_of(all.begin(), all.end(), [&](const Candidate& c) {
          return c.kind == CandidateKind::kCity && k_.cities()[c.index].capital;
        });
        int e = capital ? strongest_prior(m, all) : -1;
        if (e < 0) e = strongest_prior(m, supported.empty() ? all : supported);
        return e >= 0 ? e : unlinked(m);
      }
    }
    const Scored& best = scored.front();
    if (entry.ambiguous && !best.context) {
      // "Washington state": the word after the name picks the subdivision.
      if (m.last < token_count() && norm(m.last) == "state") {
        for (const Candidate& c : candidates) {
          if (c.kind == CandidateKind::kSubdivision)
            return known_.subdivision_entity(static_cast<int>(c.index), m.first);
        }
      }
      // Without context, a name that is how news shortens a national capital ("Washington"
      // for "Washington, D.C.") is that capital.
      const int capital = capital_shortened_as(m);
      if (capital >= 0) return known_.city_entity(capital, m.first);
    }
    if (entry.ambiguous) {
      if (!best.context) {
        const int e = strongest_prior(m, candidates_of(entry));
        return e >= 0 ? e : unlinked(m);
      }
      if (!entry.ambiguous_ids.empty()) {
        // Only the ids ambiguous.tsv names may be linked.
        const std::string id = candidate_id(*best.c);
        if (std::find(entry.ambiguous_ids.begin(), entry.ambiguous_ids.end(), id) ==
            entry.ambiguous_ids.end()) {
          return unlinked(m);
        }
      }
    }
    const Candidate& c = *best.c;
    const int index = static_cast<int>(c.index);
    switch (c.kind) {
      case CandidateKind::kCountry:
        return known_.country_entity(index, m.first);
      case CandidateKind::kDemonym:
        m.demonym = true;
        return known_.country_entity(index, m.first);
      case CandidateKind::kSubdivision:
        return known_.subdivision_entity(index, m.first);
      case CandidateKind::kCity: {
        const int e = known_.city_entity(index, m.first);
        // Chosen by its prior, not by the document: say what else the name could be.
        if (!best.context && scored.size() > 1) note_alternatives(e, candidates, c);
        return e;
      }
      case CandidateKind::kRegion:
        return known_.region_entity(index, m.first);
      case CandidateKind::kOrganization:
        return known_.organization_entity(index, m.first);
      case CandidateKind::kTitle:
        break;
    }
    return -1;
  }

  // props["alternatives"]: the ids of the entry's other candidates, '|'-separated.
  void note_alternatives(int e, const std::vector<Candidate>& candidates, const Candidate& chosen) {
    std::string alternatives;
    for (const Candidate& c : candidates) {
      if (&c == &chosen || c.kind == CandidateKind::kTitle) continue;
      const std::string id = candidate_id(c);
      if (id.empty() || alternatives.find(id) != std::string::npos) continue;
      if (!alternatives.empty()) alternatives += '|';
      alternatives += id;
    }
    if (!alternatives.empty()) entities_[e].out.props["alternatives"] = alternatives;
  }

  // The one kb_organizations.tsv row a text-found organisation's name (or alias) fits, or -1:
  // the only row of that name, unless the mention's country conflicts; but a party named by
  // one word needs its country to qualify the mention or to be named in the document ("Apple"
  // is also a Ukrainian party); among several rows of that name, the one of the country that
  // qualifies the mention, else the one of the only country the document names.
  int kb_organization(const EntityMention& m) const {
    const std::span<const std::uint32_t> rows = k_.kb_organizations_named(m.key);
    if (rows.empty()) return -1;
    if (rows.size() == 1) {
      const KbOrganizationInfo& o = k_.kb_organizations()[rows.front()];
      const int row = static_cast<int>(rows.front());
      if (o.country.empty()) return row;
      // A conflicting country: another thing of the same name.
      if (m.country_hint >= 0) return o.country == k_.countries()[m.country_hint].iso2 ? row : -1;
      // A party of one word needs its country named too: parties take common words for
      // names. "UK Independence Party" says enough by itself.
      if (o.kind != "party" || m.key.find(' ') != std::string::npos) return row;
      for (const int named : context_countries_) {
        if (k_.countries()[named].iso2 == o.country) return row;
      }
      return -1;
    }
    int country = m.country_hint;
    if (country < 0 && context_countries_.size() == 1) country = *context_countries_.begin();
    if (country < 0) return -1;
    int found = -1;
    for (const std::uint32_t row : rows) {
      if (k_.kb_organizations()[row].country != k_.countries()[country].iso2) continue;
      if (found >= 0) return -1;
      found = static_cast<int>(row);
    }
    return found;
  }

  // A person named in full whom kb_people.tsv lists once under that name, in a document that
  // names the person's country: the entity keeps the row (knowledge-relations makes the party
  // affiliation) and its country and role as props.
  void note_kb_person(ResolvedEntity& person) const {
    const std::span<const std::uint32_t> rows = k_.kb_people_named(person.out.key);
    if (rows.size() != 1) return;
    const KbPersonInfo& p = k_.kb_people()[rows.front()];
    // A name alone is thin evidence across countries: the legislator's country must be one the
    // document names.
    const int country = p.country.empty() ? -1 : k_.country_index(p.country);
    if (country >= 0 && context_countries_.count(country) == 0) return;
    person.kb_person = static_cast<int>(rows.front());
    if (!p.country.empty()) person.out.props["country"] = p.country;
    if (!p.role.empty()) person.out.props["role"] = p.role;
  }

  // The city index of a national capital whose name is this mention and a short qualifier
  // ("Washington" -> "Washington D.C." / "Washington, D.C."), or -1.
  int capital_shortened_as(const EntityMention& m) const {
    const std::string name = text_of(m.first, m.last);
    for (const CountryInfo& country : k_.countries()) {
      const std::string& capital = country.capital;
      if (country.capital_geonames == 0 || capital.size() <= name.size() + 1 ||
          capital.size() > name.size() + 6 || capital.compare(0, name.size(), name) != 0 ||
          (capital[name.size()] != ' ' && capital[name.size()] != ',')) {
        continue;
      }
      for (std::size_t i = 0; i < k_.cities().size(); ++i) {
        if (k_.cities()[i].geonames == country.capital_geonames) return static_cast<int>(i);
      }
    }
    return -1;
  }

  std::string candidate_id(const Candidate& c) const {
    switch (c.kind) {
      case CandidateKind::kCountry:
      case CandidateKind::kDemonym:
        return "Country:" + k_.countries()[c.index].iso2;
      case CandidateKind::kSubdivision:
        return "Place:" + k_.subdivisions()[c.index].code;
      case CandidateKind::kCity:
        return "Place:geonames:" + std::to_string(k_.cities()[c.index].geonames);
      case CandidateKind::kRegion:
        return "Place:" + k_.regions()[c.index].key;
      case CandidateKind::kOrganization:
        return "Organization:" + k_.organizations()[c.index].key;
      case CandidateKind::kTitle:
        break;
    }
    return "";
  }

  // The candidates a prior may choose among: the listed ones, plus the cities ambiguous.tsv
  // names for the phrase that the gazetteer lists under another name ("New York" is the
  // state's name; the city is listed as "New York City", and an ambiguous phrase is no alias).
  // Scoring with context keeps to the listed candidates.
  std::vector<Candidate> candidates_of(const PhraseEntry& entry) const {
    std::vector<Candidate> out = entry.candidates;
    for (const std::string& id : entry.ambiguous_ids) {
      constexpr std::string_view kCity = "Place:geonames:";
      if (id.rfind(kCity, 0) != 0) continue;
      std::uint32_t geonames = 0;
      for (const char ch : std::string_view(id).substr(kCity.size())) {
        if (ch < '0' || ch > '9') {
          geonames = 0;
          break;
        }
        geonames = geonames * 10 + static_cast<std::uint32_t>(ch - '0');
      }
      const int city = k_.city_index(geonames);
      if (city < 0) continue;
      const bool listed = std::any_of(out.begin(), out.end(), [&](const Candidate& c) {
        return c.kind == CandidateKind::kCity && c.index == static_cast<std::uint32_t>(city);
      });
      if (!listed) out.push_back({CandidateKind::kCity, 0, static_cast<std::uint32_t>(city)});
    }
    return out;
  }

  // A place name several listed cities share, without context in the document: the city with
  // the strongest prior (a national capital, else the largest population, and only when clear:
  // a capital against none, or twice the next city's population), when every candidate is a
  // place and at least one is a city ("London" is the British capital unless the text names
  // Ontario). Names that may be a word or a person
  // ("Nice", "Hamilton") and names shared with a country or an organisation are left to
  // unlinked(). The node records the candidates it was preferred to in props["alternatives"].
  // Returns -1 when no city qualifies.
  int strongest_prior(EntityMention& m, const std::vector<Candidate>& candidates) {
    for (const std::string& id : m.entry->ambiguous_ids) {
      if (id.rfind("Word:", 0) == 0 || id.rfind("Person:", 0) == 0) return -1;
    }
    const Candidate* best = nullptr;
    const Candidate* second = nullptr;
    for (const Candidate& c : candidates) {
      switch (c.kind) {
        case CandidateKind::kTitle:
        case CandidateKind::kSubdivision:
        case CandidateKind::kRegion:
          continue;
        case CandidateKind::kCity:
          break;
        default:
          return -1;
      }
      if (best == nullptr || stronger_city(k_.cities()[c.index], k_.cities()[best->index])) {
        second = best;
        best = &c;
      } else if (second == nullptr ||
                 stronger_city(k_.cities()[c.index], k_.cities()[second->index])) {
        second = &c;
      }
    }
    if (best == nullptr) return -1;
    if (second != nullptr) {
      // The prior must be clear: a capital against no capital, or twice the population.
      const CityInfo& a = k_.cities()[best->index];
      const CityInfo& b = k_.cities()[second->index];
      if (a.capital == b.capital && a.population < 2 * b.population) return -1;
    }
    const int e = known_.city_entity(static_cast<int>(best->index), m.first);
    note_alternatives(e, candidates, *best);
    return e;
  }

  static bool stronger_city(const CityInfo& a, const CityInfo& b) {
    if (a.capital != b.capital) return a.capital;
    if (a.population != b.population) return a.population > b.population;
    return a.geonames < b.geonames;
  }

  // An ambiguous place name neither context nor prior settles: an unlinked Place keyed by its
  // normalised name, one node across documents; an ambiguous country or demonym is dropped.
  int unlinked(EntityMention& m) {
    bool place = false;
    for (const Candidate& c : m.entry->candidates) {
      if (c.kind == CandidateKind::kCity || c.kind == CandidateKind::kSubdivision) place = true;
      if (c.kind == CandidateKind::kCountry || c.kind == CandidateKind::kDemonym ||
          c.kind == CandidateKind::kOrganization) {
        return -1;
      }
    }
    if (!place) return -1;
    bool created = false;
    const std::string key = key_of(m.first, m.last);
    const int e = d_.entity_for(labels::kPlace, key, EntityLabel::kPlace, m.first, &created);
    if (created) {
      entities_[e].out.name = text_of(m.first, m.last);
      entities_[e].out.props["kind"] = "place";
      entities_[e].out.props["linked"] = "false";
      entities_[e].namesake = true;
    }
    return e;
  }

  void resolve() {
    collect_context();
    // People first, so short forms can find their full names.
    std::vector<int> full_names;  // entity indices of multi-word people
    for (EntityMention& m : mentions_) {
      if (m.source != MentionSource::kPerson || word_count(m.first, m.last) < 2) continue;
      bool created = false;
      m.entity = d_.entity_for(labels::kPerson, person_key(m.key), EntityLabel::kPerson, m.first,
                               &created);
      if (created) {
        entities_[m.entity].out.name = text_of(m.first, m.last);
        full_names.push_back(m.entity);
        note_kb_person(entities_[m.entity]);
      }
    }
    // Each word of a full name -> the people it could stand for.
    std::unordered_map<std::string, std::vector<int>> by_word;
    for (const EntityMention& m : mentions_) {
      if (m.source != MentionSource::kPerson || m.entity < 0) continue;
      std::uint32_t first_word = m.first;
      std::uint32_t last_word = m.last - 1;
      while (last_word > m.first && tok(last_word).has(tf::kJoined) &&
             tok(last_word - 1).has(tf::kJoined)) {
        --last_word;
      }
      for (const std::uint32_t t : {first_word, last_word}) {
        const std::string key = key_of(t, t == last_word ? m.last : t + 1);
        auto& v = by_word[key];
        if (std::find(v.begin(), v.end(), m.entity) == v.end()) v.push_back(m.entity);
      }
    }
    auto short_form = [&](std::uint32_t first, std::uint32_t last) -> int {
      const auto it = by_word.find(key_of(first, last));
      return it != by_word.end() && it->second.size() == 1 ? it->second.front() : -1;
    };
    for (EntityMention& m : mentions_) {
      if (m.source == MentionSource::kPerson && m.entity < 0) {
        // "President Yoon" -> Yoon Suk-yeol when exactly one full name fits.
        int e = short_form(m.first, m.last);
        m.short_form = e >= 0;
        if (e < 0) {
          bool created = false;
          e = d_.entity_for(labels::kPerson, person_key(m.key), EntityLabel::kPerson, m.first,
                            &created);
          if (created) entities_[e].out.name = text_of(m.first, m.last);
        }
        m.entity = e;
      }
    }
    // A one-word place name that is the surname or given name of one person named in full
    // in this document is that person ("Martín Ibarra ... Ibarra signed" is no city in
    // Ecuador), unless a locative preposition makes it a place ("flew to Ibarra").
    for (EntityMention& m : mentions_) {
      if (m.source != MentionSource::kGazetteer || m.last != m.first + 1 ||
          !only_place_candidates(*m.entry))
        continue;
      if (m.first > 0) {
        const std::string_view p = norm(m.first - 1);
        if (p == "in" || p == "at" || p == "from" || p == "to" || p == "near" || p == "of")
          continue;
      }
      const int e = short_form(m.first, m.last);
      if (e < 0) continue;
      m.source = MentionSource::kPerson;
      m.label = EntityLabel::kPerson;
      m.entity = e;
      m.short_form = true;
      m.component = component_;
      m.rule = "short-form";
    }
    // Unexplained capitalised words that are the surname or given name of one person.
    for (const auto& [token, sentence] : pending_) {
      const int e = short_form(token, token + 1);
      if (e < 0) continue;
      EntityMention m;
      m.first = token;
      m.last = token + 1;
      m.sentence = sentence;
      m.source = MentionSource::kPerson;
      m.label = EntityLabel::kPerson;
      m.entity = e;
      m.short_form = true;
      m.component = component_;
      m.rule = "short-form";
      mentions_.push_back(std::move(m));
    }
    for (EntityMention& m : mentions_) {
      if (m.source == MentionSource::kSubdivision) {
        m.entity = known_.subdivision_entity(m.subdivision, m.first);
      } else if (m.source == MentionSource::kPlace) {
        bool created = false;
        m.entity = d_.entity_for(labels::kPlace, m.key, EntityLabel::kPlace, m.first, &created);
        if (created) {
          ResolvedEntity& b = entities_[m.entity];
          b.out.name = text_of(m.first, m.last);
          b.out.props["kind"] = m.region ? "region" : "place";
          b.country = m.country_hint;
          b.subdivision = m.subdivision;
          if (b.country >= 0) b.out.props["country"] = k_.countries()[b.country].iso2;
          if (b.subdivision >= 0)
            b.out.props["subdivision"] = k_.subdivisions()[b.subdivision].code;
        }
      } else if (m.source == MentionSource::kGazetteer) {
        m.entity = resolve_gazetteer(m);
      } else if (m.source == MentionSource::kOrganization) {
        const int known = kb_organization(m);
        if (known >= 0) {
          m.entity = known_.kb_organization_entity(known, m.first);
          continue;
        }
        std::string key = m.key;
        if (m.country_hint >= 0) key += "@" + k_.countries()[m.country_hint].iso2;
        bool created = false;
        m.entity = d_.entity_for(labels::kOrganization, key, EntityLabel::kOrganization, m.first,
                                 &created);
        if (created) {
          entities_[m.entity].out.name = text_of(m.first, m.last);
          if (m.country_hint >= 0)
            entities_[m.entity].out.props["country"] = k_.countries()[m.country_hint].iso2;
        }
      }
    }
    // Aliases follow what they abbreviate (defined earlier, so already resolved).
    for (EntityMention& m : mentions_) {
      if (m.source == MentionSource::kAlias && m.alias_of >= 0)
        m.entity = mentions_[m.alias_of].entity;
    }
  }

 private:
  AnnotatedDocument& d_;
  const Knowledge& k_;
  KnowledgeEntities known_;
  std::vector<EntityMention>& mentions_;
  std::vector<ResolvedEntity>& entities_;
  const std::vector<PendingWord>& pending_;
  const char* component_;
  std::unordered_set<int> context_countries_, context_subdivisions_;
  std::unordered_set<int> context_city_subdivisions_;  // states of the listed cities named
};

}  // namespace

Resolver::Resolver(std::string name, const ComponentContext& context,
                   const ComponentOptions& options)
    : Component(std::move(name), options), knowledge_(context.knowledge) {}

void Resolver::process(AnnotatedDocument& document) const {
  ResolutionRun(document, knowledge_, name().c_str()).resolve();
}

}  // namespace skein::extract
