// The resolver's steps on person names and organisations, and the order of all its steps
// (resolve()); the class is declared in extract/ResolutionRun.h.
#include <algorithm>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "extract/ResolutionRun.h"

namespace skein::extract::resolution {

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
void ResolutionRun::check_person_names() {
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
      m.first = first;
      m.last = last;
      m.key = key_of(first, last);
    }
    const std::uint32_t end = m.last - 1;
    const bool organisation_word = m.last - m.first >= 2 && tok(end).has(tf::kCapital) &&
                                   (lex(end) & lf::kOrgSuffix) != 0 && (lex(end) & kNameWord) == 0;
    if (organisation_word || (m.last - m.first >= 2 && names_kb_organisation_with_place(m))) {
      m.source = MentionSource::kOrganization;
      m.label = EntityLabel::kOrganization;
      m.component = component_;
      m.rule = "organisation-name";
    }
  }
}

// True when the mention's name is one kb_organizations.tsv lists and a listed place is part
// of it (a club or company named after its town, not a person).
bool ResolutionRun::names_kb_organisation_with_place(const EntityMention& m) const {
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
// ("Madrid midfielder Guti", not "in Madrid") and not a dateline ("MADRID 1996-08-30"), is
// that club.
void ResolutionRun::claim_organisation_names() {
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
    if (m.source != MentionSource::kOrganization || m.key.find(' ') == std::string::npos) continue;
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
        (m.first > 0 && locative_preposition(norm(m.first - 1))) ||
        dateline_place(m.first, m.last)) {
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

int ResolutionRun::organisation_of_head_word(const EntityMention& m) const {
  if (m.last != m.first + 1) return -1;
  const std::string_view word = norm(m.first);
  const bool club_word = club_name_word(word);
  if (!club_word && !institution_word(m.first)) return -1;
  // A listed club's name without its "FC": "Manchester United FC" ends on "United".
  const auto club_name_ends_on_word = [&](const ResolvedEntity& e) {
    const auto kind = e.out.props.find("kind");
    if (!club_word || kind == e.out.props.end() || kind->second != "club") return false;
    std::string name = normalize_phrase(e.out.name);
    for (const std::string_view suffix : {" fc", " afc"}) {
      if (name.size() > suffix.size() && name.ends_with(suffix))
        name.resize(name.size() - suffix.size());
    }
    return name.size() > word.size() && name.ends_with(word) &&
           name[name.size() - word.size() - 1] == ' ';
  };
  int found = -1;
  for (const EntityMention& before : mentions_) {
    if (before.first >= m.first || before.entity < 0 || before.last - before.first < 2 ||
        entities_[before.entity].label != EntityLabel::kOrganization ||
        (norm(before.last - 1) != word && !club_name_ends_on_word(entities_[before.entity])))
      continue;
    if (found >= 0 && found != before.entity) return -1;  // two committees: no telling which
    found = before.entity;
  }
  return found;
}

void ResolutionRun::resolve() {
  collect_context();
  d_.about_sport = sport_document();
  check_person_names();
  claim_organisation_names();
  // People first, so short forms can find their full names.
  std::vector<int> full_names;  // entity indices of multi-word people
  for (EntityMention& m : mentions_) {
    if (m.source != MentionSource::kPerson || word_count(m.first, m.last) < 2) continue;
    bool created = false;
    m.entity =
        d_.entity_for(labels::kPerson, person_key(m.key), EntityLabel::kPerson, m.first, &created);
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
  // A role's title phrase (not an honorific: "Sir Paul" is Paul McCartney) ends right before
  // token `first`.
  auto role_before = [&](std::uint32_t first) {
    const GazetteerSpan* title = title_ending_at(first);
    return title != nullptr && k_.lists_title_of_kind(*title->entry, [](std::string_view kind) {
      return kind != "honorific";
    });
  };
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
      // A given name right after a role's title is a name of its own, a monarch's or a
      // pope's ("ex-King Michael of Romania" is not Michael Ancram; "President Yoon" is Yoon
      // Suk-yeol, whose family name comes first).
      if (!is_surname && last == first + 1 && (lex(first) & lexicon_flags::kGivenName) != 0 &&
          role_before(first))
        return -1;
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
  // A one-word mention that stands for person e, named in full elsewhere in the document.
  auto make_short_form = [&](EntityMention& m, int e) {
    m.source = MentionSource::kPerson;
    m.label = EntityLabel::kPerson;
    m.entity = e;
    m.short_form = true;
    m.component = component_;
    m.rule = "short-form";
  };
  // A one-word place name that is the surname or given name of one person named in full
  // in this document is that person ("Martín Ibarra ... Ibarra signed" is no city in
  // Ecuador), unless a locative preposition makes it a place ("flew to Ibarra").
  for (EntityMention& m : mentions_) {
    if (m.source != MentionSource::kGazetteer || m.last != m.first + 1 ||
        !only_place_candidates(*m.entry))
      continue;
    if (m.first > 0 && locative_preposition(norm(m.first - 1))) continue;
    const int e = short_form(m.first, m.last);
    if (e >= 0) make_short_form(m, e);
  }
  // Unexplained capitalised words that are the surname or given name of one person.
  for (const auto& [token, sentence] : pending_) {
    const int e = short_form(token, token + 1);
    if (e < 0) continue;
    EntityMention m;
    m.first = token;
    m.last = token + 1;
    m.sentence = sentence;
    make_short_form(m, e);
    mentions_.push_back(std::move(m));
  }
  for (EntityMention& m : mentions_) {
    if (m.source == MentionSource::kSubdivision) {
      m.entity = known_.subdivision_entity(m.subdivision, m.first);
    } else if (m.source == MentionSource::kPlace) {
      // A club's name of several words the tagger read as a place ("Manchester City"); one
      // word read as a place stays one ("Wimbledon" in a tennis story).
      if (const int club = m.last > m.first + 1 ? sport_club(m) : -1; club >= 0) {
        make_club(m, club);
        continue;
      }
      bool created = false;
      m.entity = d_.entity_for(labels::kPlace, m.key, EntityLabel::kPlace, m.first, &created);
      if (created) {
        ResolvedEntity& b = entities_[m.entity];
        b.out.name = text_of(m.first, m.last);
        b.out.props["kind"] = m.region ? "region" : "place";
        b.country = m.country_hint;
        b.subdivision = m.subdivision;
        if (b.country >= 0) b.out.props["country"] = k_.countries()[b.country].iso2;
        if (b.subdivision >= 0) b.out.props["subdivision"] = k_.subdivisions()[b.subdivision].code;
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
      if (const int listed = listed_organization(m); listed >= 0) {
        m.entity = known_.organization_entity(listed, m.first);
        continue;
      }
      // "Committee chairman Edward Leigh" after "the Public Accounts Committee": an
      // institution's head word alone is a short form of the one organisation named before
      // with that last word.
      if (const int named = organisation_of_head_word(m); named >= 0) {
        m.entity = named;
        m.short_form = true;
        continue;
      }
      std::string key = m.key;
      if (m.country_hint >= 0) key += "@" + k_.countries()[m.country_hint].iso2;
      bool created = false;
      m.entity =
          d_.entity_for(labels::kOrganization, key, EntityLabel::kOrganization, m.first, &created);
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
  // An acronym no definition in the text gave a meaning is the one organisation of the document
  // whose capitals it spells, whatever a list expands it to or wherever it stands ("LSE" in
  // the title of an article that names the London Stock Exchange, which the lists know as the
  // London School of Economics). The organisations' names of two words or more that are no
  // acronym, with their capitals, are collected at the first acronym.
  std::vector<std::pair<std::string, int>> spelled_by;
  bool collected = false;
  for (EntityMention& m : mentions_) {
    if (m.entity < 0 || m.source == MentionSource::kAlias) continue;
    // (The tagger may have read the acronym as a place: "S&P" beside "Standard & Poor's".)
    const EntityLabel label = entities_[m.entity].label;
    bool one_word = m.last > m.first;  // "S&P" is three glued tokens
    for (std::uint32_t t = m.first + 1; t < m.last && one_word; ++t)
      one_word = !tok(t).has(tf::kSpaceBefore);
    if (!one_word || (label != EntityLabel::kOrganization && label != EntityLabel::kPlace) ||
        !all_capitals(m.first, m.last))
      continue;
    if (!collected) {
      for (const EntityMention& full : mentions_) {
        if (full.entity >= 0 && full.last - full.first >= 2 &&
            !all_capitals(full.first, full.last) &&
            entities_[full.entity].label == EntityLabel::kOrganization)
          spelled_by.emplace_back(capital_initials(full.first, full.last), full.entity);
      }
      collected = true;
    }
    const std::string letters = capital_initials(m.first, m.last, true);
    int spelled = -1;
    for (const auto& [initials, entity] : spelled_by) {
      if (initials == letters)
        spelled = spelled == -1 || spelled == entity ? entity : -2;  // -2: ambiguous
    }
    if (letters.size() >= 2 && spelled >= 0 && spelled != m.entity) {
      m.entity = spelled;
      m.short_form = true;
    }
  }
}

int ResolutionRun::listed_organization(const EntityMention& m) const {
  const auto listed = [&]() {
    const PhraseEntry* entry = m.last == m.first + 1 ? k_.phrase(m.key) : nullptr;
    if (entry == nullptr) return -1;
    if (entry->ambiguous) return ambiguous_listed_organization(*entry);
    int one = -1;
    for (const Candidate& c : entry->candidates) {
      if (c.kind == CandidateKind::kTitle) continue;
      if (c.kind != CandidateKind::kOrganization || one >= 0) return -1;
      if ((c.flags & candidate_flags::kAcronym) != 0 && !all_capitals(m.first, m.last)) return -1;
      one = static_cast<int>(c.index);
    }
    return one;
  };
  int found = listed();
  if (found < 0) {
    // The party words write a name of two words with a hyphen ("lib-dem").
    std::string words = m.key;
    std::replace(words.begin(), words.end(), ' ', '-');
    for (const auto& [party, names] : parties_) {
      if (std::find(names.begin(), names.end(), words) != names.end()) found = party;
    }
  }
  if (found < 0) return -1;
  // Not another country's: the mention's own qualifier, or the document's countries when it
  // names some and not the organisation's ("Labour" in a New Zealand story).
  const std::string& home = k_.organizations()[found].country;
  const int country = home.empty() ? -1 : k_.country_index(home);
  if (country < 0) return found;
  if (m.country_hint >= 0) return m.country_hint == country ? found : -1;
  return context_countries_.empty() || context_countries_.count(country) != 0 ? found : -1;
}

int ResolutionRun::ambiguous_listed_organization(const PhraseEntry& entry) const {
  constexpr std::string_view kOrganization = "Organization:";
  std::string_view key;
  for (const std::string& id : entry.ambiguous_ids) {
    if (id.rfind("Word:", 0) == 0 || id.rfind("Person:", 0) == 0) continue;
    if (id.rfind(kOrganization, 0) != 0 || !key.empty()) return -1;
    key = std::string_view(id).substr(kOrganization.size());
  }
  return key.empty() ? -1 : k_.organization_index(key);
}

}  // namespace skein::extract::resolution
