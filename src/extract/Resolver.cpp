#include "extract/Resolver.h"

#include <algorithm>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "extract/ResolutionRun.h"

namespace skein::extract {
namespace resolution {

// Countries and subdivisions the document names unambiguously, and the states whose listed
// institutions it names: the context that picks among the candidates of an ambiguous name.
void ResolutionRun::collect_context() {
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
    if (m.source != MentionSource::kGazetteer) continue;
    int country = -1, sub = -1, city = -1, n = 0;
    for (const Candidate& c : m.entry->candidates) {
      if (c.kind == CandidateKind::kTitle) continue;
      ++n;
      if (c.kind == CandidateKind::kCountry || c.kind == CandidateKind::kDemonym)
        country = static_cast<int>(c.index);
      if (c.kind == CandidateKind::kSubdivision) sub = static_cast<int>(c.index);
      if (c.kind == CandidateKind::kCity) city = static_cast<int>(c.index);
      if (c.kind == CandidateKind::kOrganization) country = state_of_institution(c);
    }
    if (n != 1 || m.entry->ambiguous) {
      // A name several cities share names its clear favourite's state ("Ottawa"), as
      // strongest_prior would choose it; nothing more.
      const std::vector<Candidate> candidates = candidates_of(*m.entry);
      const Candidate* favourite = clear_favourite(*m.entry, candidates);
      if (favourite != nullptr) note_city_named(static_cast<int>(favourite->index), false);
      continue;
    }
    if (country >= 0) context_countries_.insert(country);
    if (sub >= 0) {
      context_subdivisions_.insert(sub);
      const int c = k_.country_index(k_.subdivisions()[sub].country);
      if (c >= 0) context_countries_.insert(c);
    }
    if (city >= 0) {
      // A listed city also places other cities of its state or province ("Toronto" and
      // "Ottawa" make "London" the Ontario one), and makes a name its state shares with a
      // country the state ("Atlanta" and "Georgia"); it is no mention of the state itself.
      const int c = k_.country_index(k_.cities()[city].country);
      if (c >= 0) context_countries_.insert(c);
      note_city_named(city, true);
    }
  }
}

void ResolutionRun::note_city_named(int city, bool sure) {
  const CityInfo& info = k_.cities()[static_cast<std::size_t>(city)];
  const int sub = info.subdivision.empty() ? -1 : k_.subdivision_index(info.subdivision);
  if (sub < 0) return;
  CitiesNamed& named = context_city_subdivisions_[sub];
  named.cities.insert(city);
  named.sure = named.sure || sure;
}

std::size_t ResolutionRun::other_cities_named(int subdivision, int city) const {
  const auto it = context_city_subdivisions_.find(subdivision);
  if (it == context_city_subdivisions_.end() || !it->second.sure) return 0;
  return it->second.cities.size() - it->second.cities.count(city);
}

bool ResolutionRun::sure_city_named(int subdivision) const {
  const auto it = context_city_subdivisions_.find(subdivision);
  return it != context_city_subdivisions_.end() && it->second.sure;
}

int ResolutionRun::state_of_institution(const Candidate& c) const {
  const OrganizationInfo& o = k_.organizations()[c.index];
  const bool of_a_state = o.kind == "government" || o.kind == "party" || o.kind == "central-bank" ||
                          o.kind == "military";
  return of_a_state && !o.country.empty() ? k_.country_index(o.country) : -1;
}

// Picks the entity a gazetteer mention names; -1 leaves it unlinked.
int ResolutionRun::resolve_gazetteer(EntityMention& m) {
  const PhraseEntry& entry = *m.entry;
  const std::vector<Candidate>& candidates = entry.candidates;
  struct Scored {
    const Candidate* c;
    double score;
    bool context;
  };
  std::vector<Scored> scored;
  std::uint64_t top_population = 0, second_population = 0;
  // A city-state's capital has the state's name ("Singapore", "Djibouti"): the news means the
  // country, which the city candidate of its capital must not outrank.
  std::uint32_t capital_of_a_candidate = 0;
  for (const Candidate& c : candidates) {
    if (c.kind == CandidateKind::kCountry)
      capital_of_a_candidate = k_.countries()[c.index].capital_geonames;
  }
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
        // The learned tagger's reading settles a listed company against a town of its name
        // ("Japan's top car maker Toyota", not Toyota City).
        score = m.tagged_organization ? 7.5 : 3.5;
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
        if (city.geonames == capital_of_a_candidate) break;  // score 0
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
          // The state named, or two of its cities, place the city there; one other city of
          // the state is weaker evidence, which a clear favourite's prior outweighs ("New
          // York and London, with road shows in Toronto").
          const int sub = k_.subdivision_index(city.subdivision);
          const std::size_t cities_named = other_cities_named(sub, static_cast<int>(c.index));
          if (sub >= 0 && (context_subdivisions_.count(sub) != 0 || cities_named >= 2)) {
            score += 5;
            context = true;
          } else if (cities_named == 1) {
            score += 3;
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
  const Candidate* chosen = best.c;
  if (entry.ambiguous) {
    if (!best.context) {
      // The name's sole country, unless the document names a city of a same-named state
      // ("Atlanta" for Georgia the US state).
      chosen = sole_country(entry);
      for (const Candidate& c : candidates) {
        if (chosen != nullptr && c.kind == CandidateKind::kSubdivision &&
            sure_city_named(static_cast<int>(c.index)))
          chosen = &c;
      }
      if (chosen == nullptr) {
        const int e = strongest_prior(m, candidates_of(entry));
        return e >= 0 ? e : unlinked(m);
      }
    }
    if (!entry.ambiguous_ids.empty()) {
      // Only the ids ambiguous.tsv names may be linked.
      const std::string id = candidate_id(*chosen);
      if (std::find(entry.ambiguous_ids.begin(), entry.ambiguous_ids.end(), id) ==
          entry.ambiguous_ids.end()) {
        return unlinked(m);
      }
    }
  }
  const Candidate& c = *chosen;
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
void ResolutionRun::note_alternatives(int e, const std::vector<Candidate>& candidates,
                                      const Candidate& chosen) {
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
int ResolutionRun::kb_organization(const EntityMention& m) const {
  const std::span<const std::uint32_t> rows = kb_organizations_named(m.key);
  if (rows.empty()) return -1;
  auto country_named = [&](std::string_view iso2) {
    return std::any_of(context_countries_.begin(), context_countries_.end(),
                       [&](int named) { return k_.countries()[named].iso2 == iso2; });
  };
  if (rows.size() == 1) {
    const KbOrganizationInfo& o = k_.kb_organizations()[rows.front()];
    const int row = static_cast<int>(rows.front());
    // An acronym the row lists as an alias names it only with its country named too: bodies
    // all over the world share acronyms, and the list holds few of them ("MIT" is only the
    // Manukau Institute of Technology there, "LTA" only the Lake Tanganyika Authority).
    const bool acronym_alias = m.last == m.first + 1 && tok(m.first).has(tf::kAllCaps) &&
                               m.key != normalize_phrase(o.name);
    if (acronym_alias && m.country_hint < 0 && (o.country.empty() || !country_named(o.country)))
      return -1;
    if (o.country.empty()) return row;
    // A conflicting country: another thing of the same name.
    if (m.country_hint >= 0) return o.country == k_.countries()[m.country_hint].iso2 ? row : -1;
    // A party of one word needs its country named too: parties take common words for
    // names. "UK Independence Party" says enough by itself. So does a public body named by
    // common words alone: every state has a "The Treasury" (the list holds New Zealand's).
    bool common_words = o.kind == "government";
    for (std::uint32_t t = m.first; t < m.last && common_words; ++t)
      common_words = norm(t) == "the" || (lex(t) & lexicon_flags::kCommon) != 0;
    if ((o.kind != "party" || m.key.find(' ') != std::string::npos) && !common_words) return row;
    return country_named(o.country) ? row : -1;
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
bool ResolutionRun::work_title_position(std::uint32_t first) const {
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
void ResolutionRun::make_club(EntityMention& m, int row) {
  m.source = MentionSource::kOrganization;
  m.label = EntityLabel::kOrganization;
  m.component = component_;
  m.rule = "sport-club";
  m.entity = known_.kb_organization_entity(row, m.first);
}

// Whether the document is about a sport: two or more different words of football's
// vocabulary ("striker", "Premiership", "boss") or a tournament's ("finals", "seed").
bool ResolutionRun::sport_document() {
  if (sport_document_ < 0) {
    static constexpr std::string_view kSportWords[] = {
        "football",   "premiership", "league",  "striker",   "midfielder", "defender",
        "goalkeeper", "keeper",      "winger",  "boss",      "manager",    "coach",
        "cup",        "goal",        "goals",   "match",     "stadium",    "squad",
        "penalty",    "referee",     "fixture", "champions", "finals",     "seed",
        "seeded",     "tournament",  "tennis",  "rugby",     "athletics"};
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

bool ResolutionRun::football_document() {
  if (football_document_ < 0) {
    static constexpr std::string_view kFootballWords[] = {
        "football", "footballer", "striker", "midfielder", "goalkeeper",
        "keeper",   "defender",   "uefa",    "fifa",       "premiership"};
    static constexpr std::string_view kRugbyWords[] = {
        "rugby", "scrum", "scrum-half", "fly-half", "lineout", "line-out", "goal-kicker"};
    bool football = false, rugby = false;
    for (std::uint32_t t = 0; t < token_count() && !rugby; ++t) {
      const std::string_view w = norm(t);
      football = football || std::find(std::begin(kFootballWords), std::end(kFootballWords), w) !=
                                 std::end(kFootballWords);
      rugby =
          std::find(std::begin(kRugbyWords), std::end(kRugbyWords), w) != std::end(kRugbyWords) ||
          (w == "six" && t + 1 < token_count() && norm(t + 1) == "nations");
    }
    football_document_ = sport_document() && football && !rugby ? 1 : 0;
  }
  return football_document_ == 1;
}

bool ResolutionRun::club_name_word(std::string_view word) {
  static constexpr std::string_view kClubWords[] = {"united",    "city",   "rovers", "athletic",
                                                    "wanderers", "albion", "county", "town"};
  return std::find(std::begin(kClubWords), std::end(kClubWords), word) != std::end(kClubWords);
}

int ResolutionRun::sport_club(const EntityMention& m) {
  if (!tok(m.first).has(tf::kCapital) || !sport_document()) return -1;
  if (m.first > 0 && (norm(m.first - 1) == "in" || norm(m.first - 1) == "near")) return -1;
  std::vector<std::span<const std::uint32_t>> named;
  if (m.last == m.first + 1) {
    const std::string word(norm(m.first));
    named = {k_.kb_organizations_named(word + " fc"), k_.kb_organizations_named("fc " + word)};
    // In a football report, a club's alias of one word ("Newcastle", "Spurs"), unless a
    // given name read as a person ("Rose"; "Charlton" read as an organisation is the club), the
    // first word of a longer name ("Sporting Lisbon") or a word many clubs end on ("Wanderers"
    // is one club's alias, and the last word of many more).
    const bool person_name =
        m.source == MentionSource::kPerson && (lex(m.first) & lexicon_flags::kGivenName) != 0;
    const bool longer = m.last < token_count() && tok(m.last).has(tf::kCapital) &&
                        !tok(m.last).has(tf::kSentenceStart);
    if (!person_name && !longer && !club_name_word(word) && football_document())
      named.push_back(k_.kb_clubs_aliased_by_word(word));
  } else {
    named = {k_.kb_clubs_aliased(m.key)};
  }
  int found = -1;
  for (const std::span<const std::uint32_t> rows : named) {
    for (const std::uint32_t row : rows) {
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
std::span<const std::uint32_t> ResolutionRun::kb_organizations_named(const std::string& key) const {
  std::span<const std::uint32_t> rows = k_.kb_organizations_named(key);
  if (!rows.empty()) return rows;
  // "The Treasury" as the list's "Treasury": a name's article is no part of its key there.
  if (key.rfind("the ", 0) == 0) {
    rows = k_.kb_organizations_named(key.substr(4));
    if (!rows.empty()) return rows;
  }
  // A club's alias ("Man Utd", "Manchester United"); one ending on an institution's word only
  // in a document about sport (elsewhere "Metropolitan Police" is the force, not Metropolitan
  // Police FC).
  const std::string_view last_word = std::string_view(key).substr(key.rfind(' ') + 1);
  if (d_.about_sport ||
      (k_.lexicon(last_word) & (lexicon_flags::kOrgHead | lexicon_flags::kOrgSuffix)) == 0) {
    rows = k_.kb_clubs_aliased(key);
    if (!rows.empty()) return rows;
  }
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
void ResolutionRun::note_kb_person(ResolvedEntity& person) const {
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
int ResolutionRun::capital_shortened_as(const EntityMention& m) const {
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

std::string ResolutionRun::candidate_id(const Candidate& c) const {
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

const Candidate* ResolutionRun::sole_country(const PhraseEntry& entry) const {
  const Candidate* country = nullptr;
  for (const Candidate& c : entry.candidates) {
    if (c.kind != CandidateKind::kCountry && c.kind != CandidateKind::kDemonym) continue;
    if (country != nullptr && candidate_id(c) != candidate_id(*country)) return nullptr;
    if (country == nullptr || c.kind == CandidateKind::kCountry) country = &c;
  }
  if (country == nullptr) return nullptr;
  const std::string id = candidate_id(*country);
  const bool other_country = std::any_of(
      entry.ambiguous_ids.begin(), entry.ambiguous_ids.end(),
      [&](const std::string& other) { return other.rfind("Country:", 0) == 0 && other != id; });
  return other_country ? nullptr : country;
}

// The candidates a prior may choose among: the listed ones, plus the cities ambiguous.tsv
// names for the phrase that the gazetteer lists under another name ("New York" is the
// state's name; the city is listed as "New York City", and an ambiguous phrase is no alias).
// Scoring with context keeps to the listed candidates.
std::vector<Candidate> ResolutionRun::candidates_of(const PhraseEntry& entry) const {
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
int ResolutionRun::strongest_prior(EntityMention& m, const std::vector<Candidate>& candidates) {
  const Candidate* best = clear_favourite(*m.entry, candidates);
  if (best == nullptr) return -1;
  const int e = known_.city_entity(static_cast<int>(best->index), m.first);
  note_alternatives(e, candidates, *best);
  return e;
}

const Candidate* ResolutionRun::clear_favourite(const PhraseEntry& entry,
                                                const std::vector<Candidate>& candidates) const {
  for (const std::string& id : entry.ambiguous_ids) {
    if (id.rfind("Word:", 0) == 0 || id.rfind("Person:", 0) == 0) return nullptr;
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
        return nullptr;
    }
    if (best == nullptr || stronger_city(k_.cities()[c.index], k_.cities()[best->index])) {
      second = best;
      best = &c;
    } else if (second == nullptr ||
               stronger_city(k_.cities()[c.index], k_.cities()[second->index])) {
      second = &c;
    }
  }
  if (best != nullptr && second != nullptr) {
    // The prior must be clear: a capital against no capital, or twice the population.
    const CityInfo& a = k_.cities()[best->index];
    const CityInfo& b = k_.cities()[second->index];
    if (a.capital == b.capital && a.population < 2 * b.population) return nullptr;
  }
  return best;
}

bool ResolutionRun::stronger_city(const CityInfo& a, const CityInfo& b) {
  if (a.capital != b.capital) return a.capital;
  if (a.population != b.population) return a.population > b.population;
  return a.geonames < b.geonames;
}

// An ambiguous place name neither context nor prior settles: an unlinked Place keyed by its
// normalised name, one node across documents; a country or demonym two countries share is
// dropped.
int ResolutionRun::unlinked(EntityMention& m) {
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
bool ResolutionRun::all_capitals(std::uint32_t first, std::uint32_t last) const {
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
std::string ResolutionRun::capital_initials(std::uint32_t first, std::uint32_t last,
                                            bool every_letter) const {
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

}  // namespace resolution

Resolver::Resolver(std::string name, const ComponentContext& context,
                   const ComponentOptions& options)
    : Component(std::move(name), options),
      knowledge_(context.knowledge),
      parties_(party_words(context.rules, context.knowledge)) {}

void Resolver::process(AnnotatedDocument& document) const {
  resolution::ResolutionRun(document, knowledge_, parties_, name().c_str()).resolve();
}

}  // namespace skein::extract
