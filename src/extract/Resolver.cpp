#include "extract/Resolver.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "extract/KnowledgeEntities.h"
#include "extract/TokenHelpers.h"

namespace skein::extract {
namespace {

namespace tf = token_flags;

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
        const int c = k_.country_index(k_.cities()[city].country);
        if (c >= 0) context_countries_.insert(c);
      }
    }
  }

  // Picks the entity a gazetteer mention names; -1 leaves it unlinked.
  int resolve_gazetteer(EntityMention& m) {
    const PhraseEntry& entry = *m.entry;
    struct Scored {
      const Candidate* c;
      double score;
      bool context;
    };
    std::vector<Scored> scored;
    std::uint64_t top_population = 0, second_population = 0;
    for (const Candidate& c : entry.candidates) {
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
    for (const Candidate& c : entry.candidates) {
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
            if (sub >= 0 && context_subdivisions_.count(sub) != 0) {
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
    const Scored& best = scored.front();
    if (scored.size() > 1 && scored[1].score >= best.score) return unlinked(m);
    if (entry.ambiguous && !best.context) {
      // "Washington state": the word after the name picks the subdivision.
      if (m.last < token_count() && norm(m.last) == "state") {
        for (const Candidate& c : entry.candidates) {
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
      if (!best.context) return unlinked(m);
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
      case CandidateKind::kCity:
        return known_.city_entity(index, m.first);
      case CandidateKind::kRegion:
        return known_.region_entity(index, m.first);
      case CandidateKind::kOrganization:
        return known_.organization_entity(index, m.first);
      case CandidateKind::kTitle:
        break;
    }
    return -1;
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

  // An ambiguous place name without context: a document-local Place (never merged across
  // documents); an ambiguous country or demonym is dropped.
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
    const std::string key = key_of(m.first, m.last) + "@" + d_.document_tag();
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
      m.entity = d_.entity_for(labels::kPerson, m.key, EntityLabel::kPerson, m.first, &created);
      if (created) {
        entities_[m.entity].out.name = text_of(m.first, m.last);
        full_names.push_back(m.entity);
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
          // One surname alone says too little to merge across documents.
          const std::string key = m.lone_surname ? m.key + "@" + d_.document_tag() : m.key;
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
        std::string key = m.key;
        if (m.country_hint >= 0) key += "@" + k_.countries()[m.country_hint].iso2;
        if (m.country_hint == -2) key += "@" + d_.document_tag();
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
};

}  // namespace

Resolver::Resolver(std::string name, const ComponentContext& context,
                   const ComponentOptions& options)
    : Component(std::move(name), options), knowledge_(context.knowledge) {}

void Resolver::process(AnnotatedDocument& document) const {
  ResolutionRun(document, knowledge_, name().c_str()).resolve();
}

}  // namespace skein::extract
