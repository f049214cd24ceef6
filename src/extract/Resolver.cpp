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

// A courtesy title ("Mr", "Mrs."): the name after it is a surname.
bool courtesy_title(std::string_view word) {
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  return word == "mr" || word == "mrs" || word == "ms" || word == "miss" || word == "messrs" ||
         word == "mme";
}

bool locative_preposition(std::string_view word) {
  return word == "in" || word == "at" || word == "from" || word == "to" || word == "near" ||
         word == "of";
}

// A mention no step of the resolver takes up: it names no entity.
void drop(EntityMention& m) {
  m.source = MentionSource::kAlias;
  m.alias_of = -1;
  m.entity = -1;
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
      if (m.source == MentionSource::kGazetteer && !all_capitals(m.first, m.last)) {
        for (const Candidate& c : m.entry->candidates) {
          if (c.kind == CandidateKind::kCountry || c.kind == CandidateKind::kDemonym)
            countries_spelled_out_.insert(static_cast<int>(c.index));
        }
      }
    }
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
    const bool capitals = all_capitals(m.first, m.last);
    for (const Candidate& c : candidates) {
      if (c.kind == CandidateKind::kTitle) continue;
      // A listed acronym is matched in capitals only: "Us" and "Who" in a song's title are
      // words, not the US and the WHO.
      if ((c.flags & candidate_flags::kAcronym) != 0 && !capitals) continue;
      // A country's acronym of three or more letters names it only in a document that also
      // spells the country out: "RSA" alone is RSA Security as often as South Africa.
      if (c.kind == CandidateKind::kCountry && (c.flags & candidate_flags::kAcronym) != 0 &&
          capital_initials(m.first, m.last, true).size() >= 3 &&
          countries_spelled_out_.count(static_cast<int>(c.index)) == 0) {
        continue;
      }
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
    const std::span<const std::uint32_t> rows = kb_organizations_named(m.key);
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

  // Whether the word at `first` stands where a work's title does: after "in", after a word
  // for a work ("film", "album"), or after an award's "for" ("best actor for Ray"). (Not after
  // an opening quote: quoted speech starts with names.)
  bool work_title_position(std::uint32_t first) const {
    static constexpr std::string_view kBefore[] = {"in",    "film",   "movie", "biopic", "musical",
                                                   "album", "single", "song",  "novel"};
    static constexpr std::string_view kAwardFor[] = {"actor",  "actress",    "director",  "award",
                                                     "awards", "nomination", "nominated", "oscar",
                                                     "prize",  "role"};
    const std::string_view p = norm(first - 1);
    if (std::find(std::begin(kBefore), std::end(kBefore), p) != std::end(kBefore)) return true;
    return p == "for" && first >= 2 &&
           std::find(std::begin(kAwardFor), std::end(kAwardFor), norm(first - 2)) !=
               std::end(kAwardFor);
  }

  // A mention found as a person that is the club `row` of kb_organizations.tsv.
  void make_club(EntityMention& m, int row) {
    m.source = MentionSource::kOrganization;
    m.label = EntityLabel::kOrganization;
    m.shown_first = UINT32_MAX;
    m.component = component_;
    m.rule = "sport-club";
    m.entity = known_.kb_organization_entity(row, m.first);
  }

  // Whether the document is about a sport: two or more different words of football's
  // vocabulary ("striker", "Premiership", "boss").
  bool sport_document() {
    if (sport_document_ < 0) {
      static constexpr std::string_view kSportWords[] = {
          "football",   "premiership", "league",  "striker",  "midfielder", "defender",
          "goalkeeper", "keeper",      "winger",  "boss",     "manager",    "coach",
          "cup",        "goal",        "goals",   "match",    "stadium",    "squad",
          "penalty",    "referee",     "fixture", "champions"};
      std::unordered_set<std::string_view> seen;
      for (std::uint32_t t = 0; t < token_count() && seen.size() < 2; ++t) {
        const std::string_view w = norm(t);
        if (std::find(std::begin(kSportWords), std::end(kSportWords), w) != std::end(kSportWords))
          seen.insert(w);
      }
      sport_document_ = seen.size() >= 2 ? 1 : 0;
    }
    return sport_document_ == 1;
  }

  // The kb_organizations.tsv club a one-word name stands for in a document about sport, or -1:
  // "Chelsea" for Chelsea FC (clubs are listed by their full names; "X FC" is the form the
  // lists use), unless the word follows "in" or "near" ("a flat in Chelsea, west London").
  // Where several clubs have that name, the one of the only country the document names.
  int sport_club(const EntityMention& m) {
    if (m.last != m.first + 1 || !tok(m.first).has(tf::kCapital) || !sport_document()) return -1;
    if (m.first > 0 && (norm(m.first - 1) == "in" || norm(m.first - 1) == "near")) return -1;
    const std::string word(norm(m.first));
    int found = -1;
    for (const std::string& name : {word + " fc", "fc " + word}) {
      for (const std::uint32_t row : k_.kb_organizations_named(name)) {
        const KbOrganizationInfo& o = k_.kb_organizations()[row];
        if (o.kind != "club") continue;
        if (found >= 0 && found != static_cast<int>(row)) {
          int country = context_countries_.size() == 1 ? *context_countries_.begin() : -1;
          if (country < 0) return -1;
          const std::string_view iso = k_.countries()[country].iso2;
          const bool here = o.country == iso;
          const bool before = k_.kb_organizations()[found].country == iso;
          if (here == before) return -1;
          if (here) found = static_cast<int>(row);
          continue;
        }
        found = static_cast<int>(row);
      }
    }
    return found;
  }

  // The kb_organizations.tsv rows of a name, the country written either way: "UK
  // Independence Party" is listed as "United Kingdom Independence Party".
  std::span<const std::uint32_t> kb_organizations_named(const std::string& key) const {
    std::span<const std::uint32_t> rows = k_.kb_organizations_named(key);
    if (!rows.empty()) return rows;
    static constexpr std::pair<std::string_view, std::string_view> kCountryWords[] = {
        {"uk ", "united kingdom "}, {"us ", "united states "}};
    for (const auto& [short_form, long_form] : kCountryWords) {
      for (const auto& [from, to] : {std::pair{short_form, long_form}, {long_form, short_form}}) {
        if (key.rfind(from, 0) != 0) continue;
        rows = k_.kb_organizations_named(std::string(to) + key.substr(from.size()));
        if (!rows.empty()) return rows;
      }
    }
    return rows;
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

  // No lower-case ASCII letter in tokens [first, last), and some capital: "US", "U.S.", "WHO".
  bool all_capitals(std::uint32_t first, std::uint32_t last) const {
    bool capital = false;
    for (std::uint32_t b = tok(first).start; b < tok(last - 1).end; ++b) {
      const char c = text()[b];
      if (c >= 'a' && c <= 'z') return false;
      if (c >= 'A' && c <= 'Z') capital = true;
    }
    return capital;
  }

  // The first letters of the capitalised words of tokens [first, last), or with `every_letter`
  // every capital letter ("USADA").
  std::string capital_initials(std::uint32_t first, std::uint32_t last,
                               bool every_letter = false) const {
    std::string out;
    for (std::uint32_t t = first; t < last; ++t) {
      for (std::uint32_t b = tok(t).start; b < tok(t).end; ++b) {
        const char c = text()[b];
        if (c >= 'A' && c <= 'Z') out.push_back(c);
        if (!every_letter) break;
      }
    }
    return out;
  }

  // Person names the taggers ran together with what is no part of one person's name, put
  // right before people are resolved (a wrong name would otherwise also take short forms):
  //  - two names joined, or a determiner inside ("Ant & Dec", "Macy's and Bloomingdale",
  //    "I. The"): no one person; dropped;
  //  - a possessive inside ("Adriano's Chelsea"): the possessor is the person;
  //  - a descriptor compound in front ("Oscar-winner Andrea Arnold"): the name follows it;
  //  - the pronoun "I" after a name that is no given name ("London I"): cut off;
  //  - an organisation word last that is no surname ("Steve Redgrave Trust"): an organisation;
  //  - a name of kb_organizations.tsv that contains a listed place ("Atletico Madrid",
  //    "Dundee United"): that organisation.
  void check_person_names() {
    namespace lf = lexicon_flags;
    constexpr std::uint32_t kNameWord = lf::kGivenName | lf::kSurname | lf::kSurnameFirst;
    for (EntityMention& m : mentions_) {
      if (m.source != MentionSource::kPerson || m.last - m.first < 2) continue;
      bool joined = false;
      std::uint32_t possessive = m.last, after_descriptor = m.first;
      for (std::uint32_t t = m.first; t < m.last; ++t) {
        const std::string_view w = norm(t);
        if (w == "and" || w == "&" || w == "the") joined = true;
        if (tok(t).has(tf::kPossessive) && t > m.first && t + 1 < m.last && possessive == m.last)
          possessive = t;
        if (tok(t).has(tf::kJoined) && tok(t).has(tf::kLower) && (lex(t) & lf::kCommon) != 0 &&
            (lex(t) & kNameWord) == 0) {
          after_descriptor = t + 1;
          while (after_descriptor < m.last && !tok(after_descriptor).has(tf::kSpaceBefore))
            ++after_descriptor;
        }
      }
      if (joined) {
        drop(m);
        continue;
      }
      std::uint32_t first = m.first, last = possessive;
      if (after_descriptor > first && after_descriptor < last) first = after_descriptor;
      if (last - first >= 2 && norm(last - 1) == "i" && !tok(last - 1).has(tf::kInitial) &&
          (lex(last - 2) & lf::kGivenName) == 0) {
        --last;
      }
      if (last <= first) {
        drop(m);
        continue;
      }
      if (first != m.first || last != m.last) {
        if (first != m.first) m.shown_first = UINT32_MAX;
        m.first = first;
        m.last = last;
        m.key = key_of(first, last);
      }
      const std::uint32_t end = m.last - 1;
      const bool organisation_word = m.last - m.first >= 2 && tok(end).has(tf::kCapital) &&
                                     (lex(end) & lf::kOrgSuffix) != 0 &&
                                     (lex(end) & kNameWord) == 0;
      if (organisation_word || (m.last - m.first >= 2 && names_kb_organisation_with_place(m))) {
        m.source = MentionSource::kOrganization;
        m.label = EntityLabel::kOrganization;
        m.shown_first = UINT32_MAX;
        m.component = component_;
        m.rule = "organisation-name";
      }
    }
  }

  // True when the mention's name is one kb_organizations.tsv lists and a listed place is part
  // of it (a club or company named after its town, not a person).
  bool names_kb_organisation_with_place(const EntityMention& m) const {
    if (kb_organizations_named(m.key).empty()) return false;
    for (std::uint32_t t = m.first; t < m.last; ++t) {
      if (is_name_span(t) && span_starting(t).last <= m.last &&
          only_place_candidates(*span_starting(t).entry)) {
        return true;
      }
    }
    return false;
  }

  // A listed place inside the name of an organisation kb_organizations.tsv lists ("Real
  // Madrid"): the organisation, when the capitalised words next to the place complete that
  // name and no other mention claims them. Then a bare place word that is part of the name of
  // exactly one such club named in the document, with no locative preposition before it
  // ("Madrid midfielder Guti", not "in Madrid"), is that club.
  void claim_organisation_names() {
    std::vector<char> claimed(token_count(), 0);
    for (const EntityMention& m : mentions_) {
      for (std::uint32_t t = m.first; t < m.last && t < claimed.size(); ++t) claimed[t] = 1;
    }
    auto free_name_word = [&](std::uint32_t t) {
      return claimed[t] == 0 && tok(t).has(tf::kWord) && capish(t);
    };
    for (EntityMention& m : mentions_) {
      if (m.source != MentionSource::kGazetteer || !only_place_candidates(*m.entry)) continue;
      bool found = false;
      for (std::uint32_t left = 0; left <= 2 && !found; ++left) {
        for (std::uint32_t right = 0; right <= 2 && !found; ++right) {
          if (left + right == 0 || m.first < left || m.last + right > token_count()) continue;
          bool ok = true;
          for (std::uint32_t t = m.first - left; t < m.first && ok; ++t)
            ok = free_name_word(t) && !tok(t + 1).has(tf::kSentenceStart);
          for (std::uint32_t t = m.last; t < m.last + right && ok; ++t)
            ok = free_name_word(t) && !tok(t).has(tf::kSentenceStart);
          if (!ok) continue;
          const std::string key = key_of(m.first - left, m.last + right);
          if (kb_organizations_named(key).empty()) continue;
          for (std::uint32_t t = m.first - left; t < m.last + right; ++t) claimed[t] = 1;
          m.first -= left;
          m.last += right;
          m.key = key;
          m.source = MentionSource::kOrganization;
          m.label = EntityLabel::kOrganization;
          m.component = component_;
          m.rule = "organisation-name";
          found = true;
        }
      }
    }
    // Each word of a club's name -> the keys of the clubs named here that it is part of.
    std::unordered_map<std::string, std::vector<const EntityMention*>> club_word;
    for (const EntityMention& m : mentions_) {
      if (m.source != MentionSource::kOrganization || m.key.find(' ') == std::string::npos)
        continue;
      const std::span<const std::uint32_t> rows = kb_organizations_named(m.key);
      if (rows.empty() || std::any_of(rows.begin(), rows.end(), [&](std::uint32_t row) {
            return k_.kb_organizations()[row].kind != "club";
          })) {
        continue;
      }
      for (std::uint32_t t = m.first; t < m.last; ++t) {
        auto& clubs = club_word[std::string(norm(t))];
        if (std::none_of(clubs.begin(), clubs.end(),
                         [&](const EntityMention* c) { return c->key == m.key; })) {
          clubs.push_back(&m);
        }
      }
    }
    if (club_word.empty()) return;
    for (EntityMention& m : mentions_) {
      if (m.source != MentionSource::kGazetteer || m.last != m.first + 1 ||
          !only_place_candidates(*m.entry) ||
          (m.first > 0 && locative_preposition(norm(m.first - 1)))) {
        continue;
      }
      const auto it = club_word.find(std::string(norm(m.first)));
      if (it == club_word.end() || it->second.size() != 1) continue;
      const EntityMention& club = *it->second.front();
      m.key = club.key;
      m.country_hint = club.country_hint;
      m.source = MentionSource::kOrganization;
      m.label = EntityLabel::kOrganization;
      m.component = component_;
      m.rule = "club-short-form";
    }
  }

  void resolve() {
    collect_context();
    check_person_names();
    claim_organisation_names();
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
    // Each word of a full name -> the people it could stand for; and surnames alone.
    std::unordered_map<std::string, std::vector<int>> by_word, by_surname;
    std::unordered_map<int, std::uint32_t> given_name_flags;  // entity -> its first word's
    for (const EntityMention& m : mentions_) {
      if (m.source != MentionSource::kPerson || m.entity < 0) continue;
      std::uint32_t first_word = m.first;
      std::uint32_t last_word = m.last - 1;
      while (last_word > m.first && tok(last_word).has(tf::kJoined) &&
             tok(last_word - 1).has(tf::kJoined)) {
        --last_word;
      }
      given_name_flags[m.entity] |= lex(first_word);
      for (const std::uint32_t t : {first_word, last_word}) {
        const std::string key = key_of(t, t == last_word ? m.last : t + 1);
        for (auto* words : {&by_word, t == last_word ? &by_surname : nullptr}) {
          if (words == nullptr) continue;
          auto& v = (*words)[key];
          if (std::find(v.begin(), v.end(), m.entity) == v.end()) v.push_back(m.entity);
        }
      }
    }
    // short_form() of a given name where a work's title stands: no person at all.
    constexpr int kWorkTitle = -2;
    // After a courtesy title only a surname fits ("Mr Howard" is not Howard Flight), of
    // someone whose given name the title does not contradict ("Mrs Howard" is not Michael
    // Howard); one letter ("I") is no short form of anyone.
    auto short_form = [&](std::uint32_t first, std::uint32_t last) -> int {
      if (last == first + 1 && tok(first).end - tok(first).start <= 1) return -1;
      if (first == 0 || !courtesy_title(norm(first - 1))) {
        const std::string key = key_of(first, last);
        const auto it = by_word.find(key);
        if (it == by_word.end() || it->second.size() != 1) return -1;
        const int e = it->second.front();
        // A given name alone where a work's title stands is the work: "Foxx won best actor
        // for Ray", "the biopic Ray", "the film 'Ray'" (not Ray Charles).
        const auto surname = by_surname.find(key);
        const bool is_surname =
            surname != by_surname.end() &&
            std::find(surname->second.begin(), surname->second.end(), e) != surname->second.end();
        if (!is_surname && first > 0 && work_title_position(first)) return kWorkTitle;
        return e;
      }
      const auto it = by_surname.find(key_of(first, last));
      if (it == by_surname.end()) return -1;
      std::string_view title = norm(first - 1);
      if (title.back() == '.') title.remove_suffix(1);
      const std::uint32_t contradicted = title == "mr"       ? lexicon_flags::kFemaleName
                                         : title == "messrs" ? 0u
                                                             : lexicon_flags::kMaleName;
      int found = -1;
      for (const int e : it->second) {
        if ((given_name_flags[e] & contradicted) != 0) continue;
        if (found >= 0) return -1;
        found = e;
      }
      return found;
    };
    for (EntityMention& m : mentions_) {
      if (m.source == MentionSource::kPerson && m.entity < 0) {
        // "President Yoon" -> Yoon Suk-yeol when exactly one full name fits.
        int e = short_form(m.first, m.last);
        m.short_form = e >= 0;
        if (e == kWorkTitle) {
          drop(m);
          continue;
        }
        if (e < 0) {
          const int club = sport_club(m);
          if (club >= 0) {
            make_club(m, club);
            continue;
          }
          // A name alone after a woman's title is keyed apart from the same name after "Mr"
          // or none: across documents "Mrs Howard" is not "Mr Howard".
          std::string key = person_key(m.key);
          if (m.first > 0 && courtesy_title(norm(m.first - 1)) && !m.key.empty() &&
              m.key.find(' ') == std::string::npos) {
            std::string_view title = norm(m.first - 1);
            if (title.back() == '.') title.remove_suffix(1);
            if (title == "mrs" || title == "ms" || title == "miss" || title == "mme") key += "@f";
          }
          bool created = false;
          e = d_.entity_for(labels::kPerson, key, EntityLabel::kPerson, m.first, &created);
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
      if (m.first > 0 && locative_preposition(norm(m.first - 1))) continue;
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
        int known = kb_organization(m);
        if (known < 0) known = sport_club(m);
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
    // Aliases follow what they abbreviate (defined earlier, so already resolved), unless the
    // acronym stands for more than the name it was found beside ("United States Anti-Doping
    // Agency (USADA)" where only "United States" was recognised).
    for (EntityMention& m : mentions_) {
      if (m.source != MentionSource::kAlias || m.alias_of < 0) continue;
      const EntityMention& full = mentions_[m.alias_of];
      if (m.last == m.first + 1 && all_capitals(m.first, m.last)) {
        const std::string initials = capital_initials(full.first, full.last);
        const std::string letters = capital_initials(m.first, m.last, true);
        if (!initials.empty() && letters.size() > initials.size() &&
            letters.compare(0, initials.size(), initials) == 0) {
          continue;
        }
      }
      m.entity = full.entity;
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
  std::unordered_set<int> countries_spelled_out_;      // named by a name or demonym, not an acronym
  int sport_document_ = -1;                            // sport_document(): -1 not yet known
};

}  // namespace

Resolver::Resolver(std::string name, const ComponentContext& context,
                   const ComponentOptions& options)
    : Component(std::move(name), options), knowledge_(context.knowledge) {}

void Resolver::process(AnnotatedDocument& document) const {
  ResolutionRun(document, knowledge_, name().c_str()).resolve();
}

}  // namespace skein::extract
