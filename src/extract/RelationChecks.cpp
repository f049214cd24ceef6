#include "extract/RelationChecks.h"

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
    for (const Candidate& c : document.gazetteer_spans[span].entry->candidates) {
      if (c.kind == CandidateKind::kTitle && accepts(knowledge.titles()[c.index].kind)) return true;
    }
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

bool plausible_meeting(const ResolvedEntity& a, const ResolvedEntity& b) {
  const auto club = [](const ResolvedEntity& e) {
    const auto kind = e.out.props.find("kind");
    return kind != e.out.props.end() && kind->second == "club";
  };
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

bool can_employ(const ResolvedEntity& organisation, const RuleSet& rules) {
  if (organisation.label != EntityLabel::kOrganization) return true;
  const std::string& name = organisation.out.name;
  const std::size_t space = name.find_last_of(' ');
  return !rules.in_word_set(
      "event-noun",
      lower(std::string_view(name).substr(space == std::string::npos ? 0 : space + 1)));
}

}  // namespace skein::extract
