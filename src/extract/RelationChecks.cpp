#include "extract/RelationChecks.h"

#include <algorithm>

#include "extract/Segmenter.h"
#include "extract/TokenHelpers.h"

namespace skein::extract {

bool label_fits(const ResolvedEntity& e, const std::vector<LabelSpec>& specs) {
  for (const LabelSpec& s : specs) {
    if (s.label != e.out.label) continue;
    if (s.kind.empty()) return true;
    const auto it = e.out.props.find("kind");
    if (it != e.out.props.end() && it->second == s.kind) return true;
  }
  return false;
}

namespace {

// Whether a place is at least the size of a state or province: a listed subdivision or region,
// or a place left unlinked whose name the gazetteer lists only as a country, subdivision or
// region ("Wales" naming the team in a sports report), never as a city.
bool larger_than_a_city(const Knowledge& knowledge, const ResolvedEntity& e) {
  if (e.label == EntityLabel::kCountry || e.region >= 0) return true;
  // (A city or a local place qualified by its state carries that state's index too.)
  const auto kind = e.out.props.find("kind");
  if (kind != e.out.props.end() && kind->second == "subdivision") return true;
  if (e.city >= 0 || e.subdivision >= 0 || e.country >= 0 || e.namesake ||
      e.label != EntityLabel::kPlace)
    return false;
  const PhraseEntry* entry = knowledge.phrase(normalize_phrase(e.out.name));
  if (entry == nullptr) return false;
  bool large = false;
  for (const Candidate& c : entry->candidates) {
    if (c.kind == CandidateKind::kCity) return false;
    large = large || c.kind == CandidateKind::kCountry || c.kind == CandidateKind::kSubdivision ||
            c.kind == CandidateKind::kRegion;
  }
  return large;
}

}  // namespace

bool plausible_located_in(const Knowledge& knowledge, const ResolvedEntity& a,
                          const ResolvedEntity& b) {
  const auto kind_of = [](const ResolvedEntity& e) {
    const auto it = e.out.props.find("kind");
    return it == e.out.props.end() ? std::string_view() : std::string_view(it->second);
  };
  const std::string_view source_kind = kind_of(a);
  if (a.region >= 0 && source_kind == "continent") return false;
  // An organisation is somewhere smaller than a continent ("the PSP in Europe" is a market),
  // and an intergovernmental one belongs to no one member ("Russia WTO talks").
  if (a.label == EntityLabel::kOrganization && kind_of(b) == "continent") return false;
  if (a.label == EntityLabel::kOrganization && source_kind == "intergovernmental" &&
      b.label == EntityLabel::kCountry)
    return false;
  // A state's party is in its state, not in one of its places ("London's Labour mayor" names
  // the party's London branch).
  if (a.label == EntityLabel::kOrganization && source_kind == "party" &&
      b.label != EntityLabel::kCountry)
    return false;
  // A listed organisation with a home country is in no other country ("the American Red
  // Cross" read as the Geneva committee), except a news organisation: its datelines place
  // its bureaus ("BANGKOK, Thailand (AP)").
  if (a.label == EntityLabel::kOrganization && b.label == EntityLabel::kCountry && b.country >= 0 &&
      source_kind.substr(0, 4) != "news") {
    const auto home = a.out.props.find("country");
    if (home != a.out.props.end() && !home->second.empty() &&
        home->second != knowledge.countries()[b.country].iso2) {
      return false;
    }
  }
  if (b.city >= 0 && (a.city >= 0 || a.subdivision >= 0 || a.region >= 0 || a.namesake))
    return false;
  // Nothing as large as a state is inside a city or a town's namesake ("against Wales in
  // Cardiff" places the match).
  if ((b.city >= 0 || b.namesake) && larger_than_a_city(knowledge, a)) return false;
  // A state or province lies only in a country or a region, never in another place ("England,
  // Wales and Northern Ireland" with Wales an unlinked place).
  if (b.label == EntityLabel::kPlace && b.region < 0 && a.region < 0 &&
      larger_than_a_city(knowledge, a))
    return false;
  if (b.label == EntityLabel::kCountry && b.country >= 0) {
    if ((a.city >= 0 || a.subdivision >= 0) && a.country >= 0 && a.country != b.country)
      return false;
    if (a.region >= 0 && source_kind != "water") {
      const std::string& parent = knowledge.regions()[a.region].parent;
      if (parent != knowledge.countries()[b.country].iso2) return false;
    }
  }
  if (b.subdivision >= 0 && b.city < 0 && a.city >= 0 && a.subdivision >= 0 &&
      a.subdivision != b.subdivision && a.country == b.country) {
    return false;
  }
  if (a.region >= 0 && b.region >= 0 &&
      knowledge.regions()[a.region].parent != knowledge.regions()[b.region].key)
    return false;
  return true;
}

bool title_of_kind(const Knowledge& knowledge, const AnnotatedDocument& document,
                   std::uint32_t first, std::uint32_t last,
                   bool (*accepts)(std::string_view kind)) {
  constexpr std::uint32_t kLongestTitleReach = 3;  // "chief cabinet secretary": 3 words back
  for (std::uint32_t t = first >= kLongestTitleReach ? first - kLongestTitleReach : 0; t < last;
       ++t) {
    const int span = document.span_at[t];
    if (span < 0 || !document.gazetteer_spans[span].title ||
        document.gazetteer_spans[span].last <= first)
      continue;
    if (knowledge.lists_title_of_kind(*document.gazetteer_spans[span].entry, accepts)) return true;
  }
  return false;
}

bool names_a_role(const Knowledge& knowledge, const AnnotatedDocument& document,
                  std::uint32_t first, std::uint32_t last) {
  return title_of_kind(knowledge, document, first, last,
                       [](std::string_view kind) { return kind != "honorific"; });
}

bool names_state_role(const Knowledge& knowledge, const AnnotatedDocument& document,
                      std::uint32_t first, std::uint32_t last) {
  return title_of_kind(knowledge, document, first, last, [](std::string_view kind) {
    return kind == "government" || kind == "diplomatic" || kind == "military";
  });
}

bool plausible_meeting(const AnnotatedDocument& document, const ResolvedEntity& a,
                       const ResolvedEntity& b) {
  const auto club = [](const ResolvedEntity& e) {
    const auto kind = e.out.props.find("kind");
    return kind != e.out.props.end() && kind->second == "club";
  };
  if (document.about_sport && a.label != EntityLabel::kPerson && b.label != EntityLabel::kPerson)
    return false;
  return !((club(a) && b.label == EntityLabel::kOrganization) ||
           (club(b) && a.label == EntityLabel::kOrganization));
}

bool qualifies_what_follows(const AnnotatedDocument& document, std::uint32_t after) {
  const Segmentation& seg = document.segmentation;
  if (after >= seg.tokens.size() || seg.tokens[after].has(token_flags::kSentenceStart))
    return false;
  const Token& next = seg.tokens[after];
  if (next.has(token_flags::kPossessive)) return true;
  return next.has(token_flags::kLower) && after < document.pos.size() &&
         document.pos[after] == upos::from_name("NOUN");
}

namespace {

// Whether `person` is the subject (or a conjunct of the subject) of a verb of the rule files'
// `depart-verb` set in a parsed sentence ("stepped" with the particle "down"), or of one of the
// `leave-verb` set whose object is a word of the `org-noun`, `org-kind-noun` or `held-post`
// set, with no modal, future or infinitive marker on the verb and no word of the
// `syntax-join-verb` set in the sentence: "Jacques Santini has resigned", "Chief executive
// Gerd Niebaum stepped down", "Raines and Tim Howard have left the firm" (not "Santini will
// resign", nor "Arnesen denied that coach Santini resigned" for Arnesen, nor "Babayaro left the
// club to join Newcastle").
bool departed(const AnnotatedDocument& document, const RuleSet& rules,
              const EntityMention& person) {
  const auto& heads = document.dependency_head;
  const auto& relations = document.dependency_relation;
  const Segmentation& seg = document.segmentation;
  if (person.last > heads.size() || person.sentence >= seg.sentences.size()) return false;
  const Sentence& sentence = seg.sentences[person.sentence];
  const auto norm = [&](std::uint32_t t) { return seg.norm_of(seg.tokens[t]); };
  for (std::uint32_t t = person.first; t < person.last; ++t) {
    std::int32_t verb = heads[t];
    if (verb >= 0 && static_cast<std::uint32_t>(verb) >= person.first &&
        static_cast<std::uint32_t>(verb) < person.last)
      continue;  // inside the name
    std::uint32_t subject = t;
    if (verb >= 0 && relations[t] == "conj") {  // "Raines and Howard": Howard's head is Raines
      subject = static_cast<std::uint32_t>(verb);
      verb = heads[subject];
    }
    if (verb < 0 || relations[subject].rfind("nsubj", 0) != 0) return false;
    const auto v = static_cast<std::uint32_t>(verb);
    const std::string_view word = norm(v);
    const bool leave = rules.in_word_set("leave-verb", word);
    if (!leave && !rules.in_word_set("depart-verb", word)) return false;
    bool particle = false, role_object = false;
    for (std::uint32_t c = sentence.first; c < sentence.last; ++c) {
      if (rules.in_word_set("syntax-join-verb", norm(c))) return false;
      if (heads[c] != verb) continue;
      const std::string_view child = norm(c);
      const std::string& relation = relations[c];
      // A modal of the rule files' hypothetical cues, "must", or an infinitive's "to".
      if ((relation == "aux" || relation == "mark") &&
          (contains(rules.hypothetical_cues, child) || child == "must" || child == "to"))
        return false;
      if (relation == "compound:prt" && child == "down") particle = true;
      if (relation == "obj" && seg.tokens[c].has(token_flags::kLower) &&
          (rules.in_word_set("org-noun", child) || rules.in_word_set("org-kind-noun", child) ||
           rules.in_word_set("held-post", child)))
        role_object = true;
    }
    return leave ? role_object : word != "stepped" || particle;
  }
  return false;
}

}  // namespace

bool former_role(const AnnotatedDocument& document, const RuleSet& rules, std::uint32_t role_first,
                 const EntityMention& person) {
  const Segmentation& seg = document.segmentation;
  if (departed(document, rules, person)) return true;
  // A defection later in the sentence ended the role: "the third Conservative MP to defect to
  // Labour", "a senior KGB officer who ... defected in 1985".
  for (std::uint32_t t = role_first + 1;
       t < seg.tokens.size() && !seg.tokens[t].has(token_flags::kSentenceStart); ++t) {
    // (A verb: "a defect in the chip" ends nothing.)
    if (rules.in_word_set("defect-verb", seg.norm_of(seg.tokens[t])) && t < document.pos.size() &&
        document.pos[t] == upos::from_name("VERB"))
      return true;
  }
  for (std::uint32_t t = role_first; t > 0 && role_first - t < 6;) {
    if (t >= seg.tokens.size() || seg.tokens[t].has(token_flags::kSentenceStart)) return false;
    const Token& token = seg.tokens[--t];
    const std::string_view w = seg.norm_of(token);
    if (rules.in_word_set("former", w)) return true;
    if (!token.has(token_flags::kWord) && !token.has(token_flags::kPossessive) && w != "-")
      return false;
  }
  return false;
}

bool can_employ(const ResolvedEntity& organisation, const RuleSet& rules) {
  if (organisation.label != EntityLabel::kOrganization) return true;
  const std::string& name = organisation.out.name;
  const std::size_t space = name.find_last_of(' ');
  return !rules.in_word_set(
      "event-noun",
      lower(std::string_view(name).substr(space == std::string::npos ? 0 : space + 1)));
}

bool names_a_person_role(const Knowledge& knowledge, const AnnotatedDocument& document,
                         std::uint32_t t) {
  if (names_a_role(knowledge, document, t, t + 1)) return true;
  const Segmentation& seg = document.segmentation;
  if ((seg.tokens[t].lexicon & lexicon_flags::kTitleStart) != 0) return true;
  return agent_noun(seg.norm_of(seg.tokens[t]));
}

bool agent_noun(std::string_view w) {
  if (w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's') w.remove_suffix(1);  // plural
  const auto ends = [&](std::string_view ending, std::size_t stem) {
    return w.size() >= ending.size() + stem && w.substr(w.size() - ending.size()) == ending;
  };
  if (ends("man", 0) || ends("mate", 0)) return true;
  for (const std::string_view ending : {"er", "or", "ist", "ian", "ee", "eur", "ant"}) {
    if (ends(ending, 3)) return true;
  }
  return ends("ent", 3) && !ends("ment", 0);
}

bool known_organisation(const Knowledge& knowledge, const ResolvedEntity& e) {
  const auto& props = e.out.props;
  if (props.find("kind") != props.end() || props.find("country") != props.end()) return true;
  const std::string& name = e.out.name;
  const std::size_t space = name.find_last_of(' ');
  if (space == std::string::npos) {
    const bool acronym = name.size() >= 2 && std::all_of(name.begin(), name.end(), [](char c) {
                           return (c >= 'A' && c <= 'Z') || c == '&';
                         });
    return acronym || (knowledge.lexicon(lower(name)) & lexicon_flags::kOrgSuffix) != 0;
  }
  const std::string_view first_word = std::string_view(name).substr(0, name.find(' '));
  const std::string first = lower(first_word);
  // "The" and one word is how works are named ("The Office", "The Bill"); the knowledge lists
  // the organisations named so ("The Times").
  if (first == "the" && name.find(' ') == space) return false;
  // A broadcaster's channel or station opens on its acronym or holds an org-suffix word
  // anywhere ("BBC One", "Radio One", "BBC Radio Scotland").
  const bool acronym_first =
      first_word.size() >= 2 && std::all_of(first_word.begin(), first_word.end(),
                                            [](char c) { return c >= 'A' && c <= 'Z'; });
  bool suffix_word = false;
  for (std::size_t from = 0; from <= name.size() && !suffix_word;) {
    const std::size_t to = std::min(name.find(' ', from), name.size());
    suffix_word = (knowledge.lexicon(lower(std::string_view(name).substr(from, to - from))) &
                   lexicon_flags::kOrgSuffix) != 0;
    from = to + 1;
  }
  return acronym_first || suffix_word || (knowledge.lexicon(first) & lexicon_flags::kOrgHead) != 0;
}

bool can_hold_role_in(const Knowledge& knowledge, const RuleSet& rules,
                      const ResolvedEntity& organisation, std::string_view role_word) {
  const std::string word = lower(role_word);
  if (rules.in_word_set("syntax-not-a-role", word)) return false;
  if (organisation.label != EntityLabel::kOrganization) return true;
  // An institution's word alone ("Committee chairman Michael Jack", the "Union" cut from
  // "Transport & General Worker's Union") names no particular one: one node of that name would
  // tie the members of every committee together.
  const std::string& name = organisation.out.name;
  const auto& props = organisation.out.props;
  if (name.find(' ') == std::string::npos && props.find("kind") == props.end() &&
      props.find("country") == props.end() &&
      std::any_of(name.begin(), name.end(), [](char c) { return c >= 'a' && c <= 'z'; }) &&
      (knowledge.lexicon(lower(name)) & (lexicon_flags::kOrgHead | lexicon_flags::kOrgSuffix)) != 0)
    return false;
  if (!rules.in_word_set("work-role", word)) return true;
  return known_organisation(knowledge, organisation);
}

}  // namespace skein::extract
