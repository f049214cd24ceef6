#include "extract/NerComponent.h"

#include <algorithm>
#include <iterator>
#include <string_view>
#include <unordered_map>

#include "core/Error.h"
#include "extract/NameEvidence.h"
#include "extract/NameMends.h"
#include "extract/RelationChecks.h"
#include "extract/Rules.h"
#include "extract/TokenHelpers.h"

namespace skein::extract {
namespace {

namespace tf = token_flags;
using namespace name_evidence;

// How far around a capitalised word the tagger looks: its features see two words either side.
// On the dev splits 2 scores as the whole sentence does (3 the same, 1 loses 0.01-0.03 F1).
constexpr std::uint32_t kContextRadius = 2;

std::int32_t label_id(const DocumentTagger& tagger, std::string_view label) {
  const auto& labels = tagger.labels();
  const auto it = std::find(labels.begin(), labels.end(), label);
  return it == labels.end() ? -1 : static_cast<std::int32_t>(it - labels.begin());
}

std::string base_name(const std::string& path) {
  const std::size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::vector<std::string> split_list(const std::string& list) {
  std::vector<std::string> out;
  std::size_t from = 0;
  while (from <= list.size()) {
    std::size_t comma = list.find_first_of(",+", from);
    if (comma == std::string::npos) comma = list.size();
    if (comma > from) out.push_back(list.substr(from, comma - from));
    from = comma + 1;
  }
  return out;
}

std::string option_or(const ComponentOptions& options, const std::string& key,
                      const std::string& fallback) {
  const auto it = options.find(key);
  return it == options.end() ? fallback : it->second;
}

}  // namespace

NerComponent::NerComponent(std::string name, const ComponentContext& context,
                           const ComponentOptions& options)
    : Component(std::move(name), options),
      knowledge_(context.knowledge),
      rules_(context.rules),
      model_(learn::TaggerModel::load(context.model_path(options, "models/ner.skm"), "ner")),
      attributes_(context.knowledge),
      tagger_(model_, &attributes_, DocumentTagger::Compounds::kOneWord) {
  const std::string path = context.model_path(options, "models/ner.skm");
  person_ = label_id(tagger_, "PER");
  organization_ = label_id(tagger_, "ORG");
  location_ = label_id(tagger_, "LOC");
  misc_ = label_id(tagger_, "MISC");
  if (person_ < 0 || organization_ < 0 || location_ < 0) {
    throw InputError(path, "NER model without PER, ORG and LOC tags");
  }
  const std::string rules = option_or(options, "fallback-rules", kDefaultFallbackRules);
  all_rules_ = rules == "all";
  if (rules != "all" && rules != "none") fallback_rules_ = split_list(rules);
  const std::string threshold = option_or(options, "min-confidence", "0");
  char* end = nullptr;
  min_confidence_ = std::strtof(threshold.c_str(), &end);
  if (threshold.empty() || end == nullptr || *end != '\0' || !(min_confidence_ >= 0) ||
      min_confidence_ > 1) {
    throw UsageError("ner.min-confidence '" + threshold + "' is not a number from 0 to 1");
  }
  model_rule_ = "model " + base_name(path);
  knowledge_rule_ = "model+gazetteer " + base_name(path);
}

bool NerComponent::keeps_rule(const char* rule) const {
  if (all_rules_) return true;
  for (const std::string& r : fallback_rules_) {
    if (r == rule) return true;
  }
  return false;
}

void NerComponent::process(AnnotatedDocument& document) const {
  const TokenView v(document);
  const Segmentation& seg = document.segmentation;
  std::vector<std::uint16_t> tags;
  std::vector<float> confidence;
  // Names hold a capitalised word (or one in capitals): only the text around one is tagged.
  std::vector<std::uint8_t> near(seg.tokens.size(), 0);
  for (std::size_t t = 0; t < seg.tokens.size(); ++t)
    near[t] = (seg.tokens[t].flags & (tf::kCapital | tf::kAllCaps)) != 0 ? 1 : 0;
  tagger_.tag_near(document.document.text, seg, near, kContextRadius, tags, confidence);
  std::vector<TaggedSpan> spans = tagger_.spans(tags, confidence);
  // Spans the model claims: PER/ORG/LOC confident enough, and MISC (never an entity).
  spans.erase(
      std::remove_if(spans.begin(), spans.end(),
                     [&](const TaggedSpan& s) {
                       const auto label = static_cast<std::int32_t>(s.label);
                       if (label == misc_) return false;
                       return (label != person_ && label != organization_ && label != location_) ||
                              s.confidence < min_confidence_;
                     }),
      spans.end());
  // A bracket or dash, or a lower-case word inside a name that is neither a connector ("of",
  // "and"), a particle ("van", "bin") nor part of a hyphenated word ("Suk-yeol"), ends it: the
  // model ran two names together ("Wang Yi and his South Korean counterpart Park Jin"). Each piece
  // keeps the label. A person's name ends before "of" and a listed country, which is a place of
  // its own ("President Musharraf of Pakistan", "King Abdullah of Jordan"; a peer's "of" and a
  // town stay: "Lord Campbell of Alloway").
  {
    std::vector<TaggedSpan> pieces;
    pieces.reserve(spans.size());
    for (const TaggedSpan& span : spans) {
      std::uint32_t from = span.first;
      for (std::uint32_t t = span.first; t < span.last; ++t) {
        const Token& token = v.tok(t);
        const std::string_view w = v.norm(t);
        const PhraseEntry* country = w == "of" && static_cast<std::int32_t>(span.label) == person_
                                         ? listed_on(v, t + 1, span.last)
                                         : nullptr;
        if (t > from && country != nullptr && has_candidate(*country, CandidateKind::kCountry)) {
          // (A title alone is no person: "the Sultan of Brunei".)
          if (!v.is_title_span(from) || v.span_starting(from).last < t)
            pieces.push_back({from, t, span.label, span.confidence});
          pieces.push_back(
              {t + 1, span.last, static_cast<std::uint32_t>(location_), span.confidence});
          from = span.last;
          break;
        }
        // (A dash with space around it sets off an aside: "Clive Griffiths - Wales' coach".)
        const bool bracket = w == "(" || w == ")" || w == "[" || w == "]" ||
                             ((w == "-" || w == "--") && !token.has(tf::kJoined));
        // (An organisation's name may hold "in" between capitalised words: "Organisation
        // for Security and Cooperation in Europe", "Human Rights in China".)
        const bool org_in = w == "in" && static_cast<std::int32_t>(span.label) == organization_ &&
                            t > span.first && t + 1 < span.last && v.capish(t - 1) &&
                            v.capish(t + 1);
        if (!bracket &&
            (!token.has(tf::kLower) || token.has(tf::kJoined) || org_in ||
             (v.lex(t) & (lexicon_flags::kConnector | lexicon_flags::kPersonPrefix)) != 0))
          continue;
        if (t > from) pieces.push_back({from, t, span.label, span.confidence});
        from = t + 1;
      }
      if (from < span.last) pieces.push_back({from, span.last, span.label, span.confidence});
    }
    spans = std::move(pieces);
  }
  // Where a person's name starts: a given name, a courtesy title or a listed title ("Sir").
  auto starts_person = [&](std::uint32_t t) {
    return (v.lex(t) & lexicon_flags::kGivenName) != 0 || courtesy_title(v.norm(t)) ||
           v.is_title_span(t);
  };
  // "Lib Dems David Laws", "Tories Ken Clarke and Sir George Young", "Labour, the Lib Dems":
  // names the model ran together. A party (its words in the "affiliation" set, or a listed
  // organisation) in front of a person's name is an organisation of its own; no person's name
  // holds "and" ("Henry and Hansen" are two); a comma before a lower-case word ends a name.
  {
    std::vector<TaggedSpan> pieces;
    pieces.reserve(spans.size());
    for (TaggedSpan span : spans) {
      if (static_cast<std::int32_t>(span.label) == organization_) {
        std::uint32_t cut = span.first;
        while (cut < span.last && rules_.in_word_set("affiliation", v.norm(cut))) ++cut;
        if (cut == span.first && v.is_name_span(cut) &&
            has_candidate(*v.span_starting(cut).entry, CandidateKind::kOrganization))
          cut = v.span_starting(cut).last;
        if (cut > span.first && cut + 1 < span.last && starts_person(cut)) {
          pieces.push_back({span.first, cut, span.label, span.confidence});
          span.first = cut;
          span.label = static_cast<std::uint32_t>(person_);
        }
        // "Lib Dem Home Affairs spokesman Mark Oaten": a party and the portfolio of the role
        // after it; the portfolio is no part of the party's name (nor an organisation when no
        // institution's word ends it).
        bool portfolio = cut > span.first && cut < span.last && span.last < v.token_count() &&
                         v.tok(span.last).has(tf::kLower) && !v.is_name_span(cut);
        for (std::uint32_t t = cut; t < span.last && portfolio; ++t)
          portfolio = !v.institution_word(t);
        if (portfolio && names_a_role(knowledge_, document, span.last, span.last + 1))
          span.last = cut;
      }
      const bool person = static_cast<std::int32_t>(span.label) == person_;
      for (std::uint32_t t = span.first + 1; t + 1 < span.last; ++t) {
        // ("Ant & Dec" is a double act's name, which the resolver drops: no split at "&".)
        // (Nor does any name run on through "and" into a given name and one more word: "the
        // National Theatre and Christopher Oram won".)
        const bool next_person = v.norm(t) == "and" && t + 3 == span.last &&
                                 (v.lex(t + 1) & lexicon_flags::kGivenName) != 0 &&
                                 v.tok(t + 2).has(tf::kCapital) && !v.institution_word(t + 2);
        const bool second_person = (person || next_person) && v.norm(t) == "and";
        const bool comma_clause = v.norm(t) == "," && v.tok(t + 1).has(tf::kLower);
        if (!second_person && !comma_clause) continue;
        pieces.push_back({span.first, t, span.label, span.confidence});
        span.first = t + 1;
        if (next_person) span.label = static_cast<std::uint32_t>(person_);
        // ("Health Secretary John Reid and Labour peer Lord Haskins": the party after "and".)
        if (t + 2 == span.last && rules_.in_word_set("affiliation", v.norm(t + 1)))
          span.label = static_cast<std::uint32_t>(organization_);
      }
      pieces.push_back(span);
    }
    spans = std::move(pieces);
  }
  // Names the model broke apart come together (institutions cut at "of": NameMends.h):
  //  - "George" + "W" + "Bush", "Walter R." + "Mears": two person spans (the first may be a
  //    given name read as something else) across or after an initial are one name;
  //  - "Robert" + "MacIntosh": a one-word given name and a capitalised word after it that the
  //    knowledge does not place (no listed name, title or calendar word) are one name.
  {
    auto label_of = [](const TaggedSpan& span) { return static_cast<std::int32_t>(span.label); };
    auto continues = [&](const TaggedSpan& before, const TaggedSpan& span) {
      const bool given =
          before.last == before.first + 1 && (v.lex(before.first) & lexicon_flags::kGivenName) != 0;
      if ((label_of(before) != person_ && !given) || label_of(span) != person_) return false;
      if (span.first == before.last) return v.initial_letter(before.last - 1);
      return span.first == before.last + 1 && v.initial_letter(before.last);
    };
    std::vector<TaggedSpan> joined;
    joined.reserve(spans.size());
    for (TaggedSpan span : spans) {
      if (!joined.empty() && continues(joined.back(), span)) {
        joined.back() = {joined.back().first, span.last, span.label,
                         std::min(joined.back().confidence, span.confidence)};
        continue;
      }
      const std::uint32_t next = span.last;
      if (label_of(span) == person_ && span.last - span.first == 1 &&
          (v.lex(span.first) & lexicon_flags::kGivenName) != 0 && next < seg.tokens.size() &&
          v.tok(next).has(tf::kCapital) && !v.tok(next).has(tf::kAllCaps) &&
          v.tok(next).has(tf::kSpaceBefore) && tags[next] == tagger_.outside() &&
          !v.tok(next).has(tf::kSentenceStart) && !v.is_name_span(next) && !v.is_title_span(next) &&
          !is_calendar_word(v.norm(next)) && !rules_.in_word_set("not-a-name", v.norm(next)))
        span.last = next + 1;
      joined.push_back(span);
    }
    spans = std::move(joined);
  }
  //  - "Swiss" + "Re", "American" + "Express": a span and the words right around it (the
  //    next span, or one or two capitalised words after it, or one before it, that the model
  //    left out) that together are the name of a listed organisation (kb_organizations.tsv)
  //    are that organisation.
  {
    std::vector<TaggedSpan> joined;
    joined.reserve(spans.size());
    const auto token_count = static_cast<std::uint32_t>(v.token_count());
    auto capitalised = [&](std::uint32_t t) {
      return v.tok(t).has(tf::kCapital) || v.tok(t).has(tf::kAllCaps);
    };
    // Token t continues the name before it: same sentence, a space between, capitalised.
    auto continues_name = [&](std::uint32_t t) {
      return t < token_count && v.tok(t).has(tf::kSpaceBefore) &&
             !v.tok(t).has(tf::kSentenceStart) && capitalised(t);
    };
    for (std::size_t s = 0; s < spans.size(); ++s) {
      TaggedSpan span = spans[s];
      const std::uint32_t previous_end = joined.empty() ? 0 : joined.back().last;
      const std::uint32_t next_start = s + 1 < spans.size() ? spans[s + 1].first : token_count;
      bool found = false;
      if (s + 1 < spans.size() && next_start == span.last && continues_name(span.last) &&
          kb_listed_organisation(knowledge_, v, span.first, spans[s + 1].last)) {
        span.last = spans[s + 1].last;
        span.confidence = std::min(span.confidence, spans[s + 1].confidence);
        ++s;
        found = true;
      }
      for (std::uint32_t end = span.last + 1;
           !found && end <= span.last + 2 && end <= next_start && continues_name(end - 1) &&
           tags[end - 1] == tagger_.outside();
           ++end) {
        found = kb_listed_organisation(knowledge_, v, span.first, end);
        if (found) span.last = end;
      }
      if (!found && span.first > previous_end && continues_name(span.first) &&
          capitalised(span.first - 1) && tags[span.first - 1] == tagger_.outside() &&
          kb_listed_organisation(knowledge_, v, span.first - 1, span.last)) {
        --span.first;
        found = true;
      }
      if (found) span.label = static_cast<std::uint32_t>(organization_);
      joined.push_back(span);
    }
    spans = std::move(joined);
  }
  //  - "Standard & Poor's (S&P)", "China Aviation Oil (CAO)": the words before an acronym in
  //    brackets whose initials spell it are one name where the model tagged a piece of it, an
  //    organisation unless the pieces are all people or the knowledge lists it as a place; the
  //    acronym, where tagged, names the same kind of thing.
  {
    // A word a name of this kind may hold: capitalised, a lower-case connector, "&", "'s".
    auto inside_name = [&](std::uint32_t k) {
      return v.capish(k) || v.norm(k) == "&" || v.tok(k).has(tf::kPossessive) ||
             (v.tok(k).has(tf::kLower) && (v.lex(k) & lexicon_flags::kConnector) != 0);
    };
    std::vector<TaggedSpan> merged;
    merged.reserve(spans.size());
    std::uint32_t acronym_first = UINT32_MAX, acronym_label = 0;
    for (const TaggedSpan& span : spans) {
      merged.push_back(span);
      if (span.first == acronym_first) merged.back().label = acronym_label;
      std::uint32_t open = span.last;
      while (open < v.token_count() && open - span.last < 4 &&
             !v.tok(open).has(tf::kSentenceStart) && v.norm(open) != "(" && inside_name(open))
        ++open;
      const std::string acronym =
          open < v.token_count() ? v.bracketed_acronym(open) : std::string();
      if (acronym.empty()) continue;
      std::uint32_t first = open;  // the name's first word, once its initials spell the acronym
      for (std::uint32_t k = open; k > 0 && open - k < 12;) {
        --k;
        if (!inside_name(k)) break;
        const std::string letters = v.initials(k, open);
        if (letters == acronym && v.capish(k)) first = k;
        if (letters.size() >= acronym.size() || v.tok(k).has(tf::kSentenceStart)) break;
      }
      if (first == open) continue;
      // The pieces: the spans inside [first, open); none may reach in from before it.
      std::size_t from = merged.size() - 1;
      while (from > 0 && merged[from - 1].last > first) --from;
      if (merged[from].first < first) continue;
      bool people = true;
      float lowest = 1.0f;
      for (std::size_t p = from; p < merged.size(); ++p) {
        people = people && static_cast<std::int32_t>(merged[p].label) == person_;
        lowest = std::min(lowest, merged[p].confidence);
      }
      const PhraseEntry* listed = listed_on(v, first, open);
      const std::int32_t label = people                                       ? person_
                                 : listed != nullptr && only_a_place(*listed) ? location_
                                                                              : organization_;
      merged.resize(from);
      merged.push_back({first, open, static_cast<std::uint32_t>(label), lowest});
      acronym_first = open + 1;
      acronym_label = static_cast<std::uint32_t>(label);
    }
    spans = std::move(merged);
  }
  //  - "Allied Irish Banks" tagged "Banks", "Northern Ireland Minister John Spellar" as one
  //    place, "Na Li 7-5", "Latin American", "US TV", works and short forms (NameMends.h).
  name_mends::mend(knowledge_, v, rules_, {person_, organization_, location_, misc_}, spans);
  name_mends::tag_untagged_workplaces(knowledge_, rules_, document, v,
                                      {person_, organization_, location_, misc_}, spans);
  // What the model may fold into a name but never is one: trim it from the span's edges.
  // Tokens cut from the front of a person's span as the role and what qualifies it ("US
  // President" of "US President George Bush"): a place the knowledge lists there stays.
  std::vector<char> role_prefix(seg.tokens.size(), 0);
  std::vector<std::string> called_companies;  // keys of names the words call a company
  for (std::size_t s = 0; s < spans.size(); ++s) {
    TaggedSpan& span = spans[s];
    if (static_cast<std::int32_t>(span.label) == misc_) continue;
    // A place or an unlisted organisation opening on an honorific is a person: "the Lord
    // Chancellor, Lord Falconer" read as two places, "Labour peer Lord Haskins" as an
    // organisation ("Lord's", one word, stays a ground; "MX Onda", in capitals, a station).
    const auto label = static_cast<std::int32_t>(span.label);
    if ((label == location_ || (label == organization_ && !v.tok(span.first).has(tf::kAllCaps) &&
                                !listed_anywhere(knowledge_, v, span.first, span.last))) &&
        span.last - span.first >= 2 && v.tok(span.first + 1).has(tf::kCapital) &&
        title_of_kind(knowledge_, document, span.first, span.first + 1,
                      [](std::string_view kind) { return kind == "honorific"; }))
      span.label = static_cast<std::uint32_t>(person_);
    const bool person = static_cast<std::int32_t>(span.label) == person_;
    auto never_in_name = [&](std::uint32_t t) {
      const std::string_view w = v.norm(t);
      // "I" and "he" are never names; "US" and "U.S." (normalised "us") are.
      const bool pronoun = !v.tok(t).has(tf::kAllCaps) && !v.tok(t).has(tf::kAbbrev) &&
                           rules_.in_word_set("not-a-name", w);
      return is_calendar_word(w) || pronoun || (person && rules_.in_word_set("affiliation", w));
    };
    const std::uint32_t tagged_first = span.first;  // a title may start on a word trimmed below
    // Names end on a capitalised word, a number or a possessive "'s" that is part of the name
    // ("Standard & Poor's", not "Radio 1's controller" nor "the Lib Dems' £1.19m"), and start on a
    // capitalised word or a name particle. (A party word or a month that is also a surname ends
    // a person's name: "Sir Andrew Green", "Theresa May".)
    auto surname_at_end = [&](std::uint32_t t) {
      return person && t > span.first && (v.lex(t) & lexicon_flags::kSurname) != 0 &&
             (rules_.in_word_set("affiliation", v.norm(t)) || is_calendar_word(v.norm(t))) &&
             v.tok(t).has(tf::kCapital);
    };
    // A person's name never ends on a title's plural: "Many Labour MPs have said" is a group.
    if (person && span.last > span.first) {
      const std::string_view w = v.norm(span.last - 1);
      const PhraseEntry* entry =
          w.size() >= 3 && w.back() == 's' ? knowledge_.phrase(w.substr(0, w.size() - 1)) : nullptr;
      // (A surname after a given name is a name: "Fiona Deans".)
      const bool after_given_name =
          span.last - span.first >= 2 && (v.lex(span.last - 2) & lexicon_flags::kGivenName) != 0;
      if (entry != nullptr && has_candidate(*entry, CandidateKind::kTitle) && !after_given_name &&
          (v.lex(span.last - 1) & lexicon_flags::kSurname) == 0)
        span.first = span.last;
    }
    while (span.first < span.last &&
           ((never_in_name(span.last - 1) && !surname_at_end(span.last - 1)) ||
            (v.tok(span.last - 1).has(tf::kLower) && !v.tok(span.last - 1).has(tf::kJoined) &&
             !v.camel_case(span.last - 1)) ||
            (!v.tok(span.last - 1).has(tf::kWord) &&
             (!v.tok(span.last - 1).has(tf::kPossessive) ||
              v.text_of(span.last - 1, span.last).find_first_of("sS") == std::string::npos ||
              (span.last - span.first >= 2 && v.tok(span.last - 2).has(tf::kNumber))))))
      --span.last;
    // (Nor does a name of two words or more start on "The", as the annotated corpora all read
    // it: "think-tank The Brookings Institution", "told The Associated Press"; but "The Oval",
    // "The Hague" and "The Times" are names with their article.)
    while (span.first < span.last &&
           (never_in_name(span.first) || v.tok(span.first).has(tf::kNumber) ||
            (v.norm(span.first) == "the" && span.last - span.first >= 3) ||
            !v.tok(span.first).has(tf::kWord) ||
            (v.tok(span.first).has(tf::kLower) && !v.camel_case(span.first) &&
             (v.lex(span.first) & lexicon_flags::kPersonPrefix) == 0)))
      ++span.first;
    // A title the span cuts is no part of an organisation's or a place's name: "the new US
    // Secretary of State Condoleezza Rice" tagged "US Secretary" is the country before a
    // title. (Not one starting on the name's own last word: "UK Independence Party leader".)
    if (!person) {
      for (std::uint32_t t = span.first + 1; t < span.last; ++t) {
        if (!v.is_title_span(t) || v.span_starting(t).last <= span.last || v.institution_word(t) ||
            !names_a_role(knowledge_, document, t, t + 1))
          continue;
        span.last = t;
        const PhraseEntry* entry = listed_on(v, span.first, span.last);
        if (entry != nullptr && only_a_place(*entry))
          span.label = static_cast<std::uint32_t>(location_);
        break;
      }
    }
    // A role in front of a person's name is a role, not part of the name ("Home Secretary
    // Charles Clarke"), and so is a courtesy title ("Mr Blunkett"), as CoNLL-2003 and the BBC
    // gold read them.
    if (person && span.last - span.first >= 2 && courtesy_title(v.norm(span.first))) ++span.first;
    // "Georgian Economy Minister Levan Beridze", "Santiago Mayor Felipe Contreras": the role
    // and whatever qualifies it go; the name starts after the last title inside the span
    // (not a title that is a word of the name: "Martin Luther King Jr.").
    if (person) {
      // ("Economy and Labour Minister Wolfgang Clement": the title "Labour Minister" starts on
      // the party word trimmed above.)
      std::uint32_t name_start = span.first;
      for (std::uint32_t t = tagged_first; t < span.last; ++t) {
        if (v.is_title_span(t) && v.span_starting(t).last < span.last &&
            v.span_starting(t).last > name_start && !v.title_inside_name(span.first, t, span.last))
          name_start = v.span_starting(t).last;
      }
      if (name_start != span.first) {
        for (std::uint32_t t = tagged_first; t < name_start; ++t) role_prefix[t] = 1;
        span.first = name_start;
      }
      // Only a name is left: "the US President's interpretation" leaves no person at all, nor
      // does "the Labour MP for Birkenhead" (a constituency).
      while (span.first < span.last && !v.tok(span.first).has(tf::kWord)) ++span.first;
      if (span.first < span.last && v.tok(span.first).has(tf::kLower) &&
          (v.lex(span.first) & lexicon_flags::kPersonPrefix) == 0)
        span.first = span.last;
    }
    if (span.first >= span.last) continue;  // nothing left (at the text's end, no token after)
    // A capitalised common word that starts the sentence ("Senior Labour MPs"), unless it
    // starts an organisation named for what it is ("Home Office", "Salvation Army", "National
    // Bureau of Statistics", "Department of Agriculture" after "U.S.").
    bool named_for_its_kind = false;
    for (std::uint32_t t = span.first; t < span.last && !named_for_its_kind; ++t)
      named_for_its_kind = static_cast<std::int32_t>(span.label) == organization_ &&
                           name_mends::institution_head(knowledge_, v, t);
    // Nor when a number, a possessive or "&" would then start it ("Radio 1's controller",
    // "Standard & Poor's"), nor when the words are a listed organisation's name ("Plaid Cymru"
    // starting a sentence). An article before an organisation or a place goes whatever follows it
    // ("A South Wales Police spokeswoman"); before a person it is an initial ("A Smith").
    const std::string_view opening = v.norm(span.first);
    const bool article = !person && (opening == "a" || opening == "an");
    if (span.last - span.first >= 2 && v.initial_position(span.first) &&
        (article ||
         (v.positional_capital(span.first, span.last) && !named_for_its_kind &&
          !v.is_name_span(span.first) && (v.lex(span.first) & lexicon_flags::kGivenName) == 0 &&
          !v.tok(span.first + 1).has(tf::kNumber) && !v.tok(span.first + 1).has(tf::kPossessive) &&
          v.norm(span.first + 1) != "&" &&
          !kb_listed_organisation(knowledge_, v, span.first, span.last) &&
          !v.spelled_by_acronym(span.first, span.last))))
      ++span.first;
    // A religion or words that name no entity (names_no_entity) are none, whatever label the
    // model gave them; nor is a nationality word a person ("Milan's European footballer").
    const std::string_view alone = v.norm(span.first);
    const bool no_entity = names_no_entity(rules_, v.key_of(span.first, span.last));
    if ((span.last - span.first == 1 &&
         (rules_.in_word_set("religion", alone) || rules_.in_word_set("demonym-noun", alone) ||
          (person && (v.lex(span.first) & lexicon_flags::kDemonymWord) != 0))) ||
        no_entity || names_a_work(v, rules_, span.first))
      span.first = span.last;
    if (span.first >= span.last) {
      span.first = span.last;  // nothing left: claims nothing
      continue;
    }
    // Where the knowledge is sure what kind of thing the words name, it overrules the model:
    //  - a listed country or demonym is no person ("South Korean" cut from a run-on name), nor
    //    a national capital ("the final meeting ... in London" read as a person) unless it is
    //    also a surname ("Washington");
    //  - a party's own words ("Labour", "Tory", "Lib Dem"), or a listed organisation that is no
    //    place, are an organisation, never a person or a place ("Labour's election manifesto"
    //    read as a place).
    const PhraseEntry* const listed = listed_on(v, span.first, span.last);
    if (person && listed != nullptr) {
      if (has_candidate(*listed, CandidateKind::kCountry) ||
          has_candidate(*listed, CandidateKind::kDemonym) ||
          (names_a_capital(knowledge_, *listed) &&
           (v.lex(span.first) & lexicon_flags::kSurname) == 0))
        span.label = static_cast<std::uint32_t>(location_);
    }
    if (static_cast<std::int32_t>(span.label) != organization_) {
      bool party_words = true;
      // ("Green" or "Liberal" alone may be a person's surname: the model's reading stands.)
      for (std::uint32_t t = span.first; t < span.last && party_words; ++t)
        party_words = rules_.in_word_set("affiliation", v.norm(t)) &&
                      (!person || (v.lex(t) & lexicon_flags::kSurname) == 0);
      // (kb_organizations.tsv names companies after people too: a person only when no word of
      // the name could be a person's, and a place only where it is a small town the words
      // around do not place.)
      const bool listed_organisation =
          listed != nullptr ? (has_candidate(*listed, CandidateKind::kOrganization) &&
                               !names_a_location(*listed)) ||
                                  small_town_named_like_a_body(knowledge_, rules_, v, *listed,
                                                               span.first, span.last)
          : person ? names_only_a_listed_body(knowledge_, v, span.first, span.last)
                   : kb_listed_organisation(knowledge_, v, span.first, span.last);
      if (party_words || listed_organisation)
        span.label = static_cast<std::uint32_t>(organization_);
    }
    //  - a name no list places, which an apposition right after it calls a company ("RHB,
    //    Malaysia's third-biggest lender"; "Heineken, the Dutch brewer"), or a company noun
    //    right before it ("property firm Quinlan Private"; not before a person's name: "the
    //    firm Bill Gates founded", unless kb_organizations.tsv lists the name: "US mortgage
    //    company Fannie Mae"), is an organisation. So is every other mention of a name read
    //    as a person that the apposition or a company noun that names no trade of a person
    //    calls a company (below: one plain description outweighs the model's votes; "Byrds
    //    producer Melcher" does not make "Terry Melcher" a company).
    if (listed == nullptr || !names_a_location(*listed)) {
      const bool described = described_as_company(v, rules_, span.last);
      const bool company_noun = after_company_noun(v, rules_, span.first);
      if (described ||
          (company_noun && (!reads_as_personal_name(v, span.first, span.last) ||
                            kb_listed_organisation(knowledge_, v, span.first, span.last)))) {
        if (described || !rules_.in_word_set("trade-noun", v.norm(span.first - 1)))
          called_companies.push_back(v.key_of(span.first, span.last));
        span.label = static_cast<std::uint32_t>(organization_);
      }
    }
    //  - so is an unlisted "place" where the words say someone works ("a trader at Mellon
    //    Financial").
    if (static_cast<std::int32_t>(span.label) == location_ && listed == nullptr &&
        named_as_workplace(knowledge_, rules_, document, v, span.first, span.last))
      span.label = static_cast<std::uint32_t>(organization_);
    //  - a place the model took for an organisation (a county's cricket club, a region's team)
    //    is the place where the words place it: a listed place after "in" or before "in" and
    //    another place; a name (not "X & Y") between a place and its comma ("in Bromsgrove,
    //    Worcestershire,"; not "Eaton Vance Management in Boston", unlisted before "in").
    if (static_cast<std::int32_t>(span.label) == organization_ && span.first > 0 &&
        span.last + 2 < v.token_count()) {
      const bool listed_place = listed != nullptr && only_a_place(*listed);
      const bool unlisted = listed == nullptr;
      const auto is_location = [&](std::size_t k) {
        return static_cast<std::int32_t>(spans[k].label) == location_;
      };
      const std::string_view before = v.norm(span.first - 1), after = v.norm(span.last);
      const bool after_in =
          listed_place && before == "in" && placed_by_word_before(rules_, v, span.first);
      const bool address = (listed_place || unlisted) && before == "," && s > 0 &&
                           spans[s - 1].last + 1 == span.first && is_location(s - 1) &&
                           (after == "," || after == ".") &&
                           !ampersand_name(v, span.first, span.last);
      const bool in_place = listed_place && after == "in" && s + 1 < spans.size() &&
                            spans[s + 1].first == span.last + 1;
      // ("Aberdeen-based oil and gas consultancy": a listed place before "-based".)
      const bool based = listed_place && after == "-" && v.norm(span.last + 1) == "based";
      if (after_in || address || based || (in_place && is_location(s + 1)))
        span.label = static_cast<std::uint32_t>(location_);
    }
  }
  // Does a rule mention say the same kind of thing as the tagged label?
  auto compatible = [&](const EntityMention& m, std::int32_t label) {
    switch (m.source) {
      case MentionSource::kPerson:
        return label == person_;
      case MentionSource::kOrganization:
      case MentionSource::kAlias:
        return label == organization_;
      case MentionSource::kSubdivision:
      case MentionSource::kPlace:
        return label == location_;
      case MentionSource::kGazetteer:
        if (label == misc_) return has_candidate(*m.entry, CandidateKind::kDemonym);
        if (label == organization_) return has_candidate(*m.entry, CandidateKind::kOrganization);
        if (label == location_) return names_a_location(*m.entry);
        return false;
    }
    return false;
  };

  name_mends::relabel_named_organisations(v, {person_, organization_, location_, misc_},
                                          called_companies, {}, person_, spans);
  // After the knowledge's overrides: a seat's name is a place even where a club or body has it.
  name_mends::relabel_constituencies(v, rules_, {person_, organization_, location_, misc_}, spans);
  name_mends::one_label_per_name(v, {person_, organization_, location_, misc_}, spans);

  // A name tagged somewhere in the document is that name wherever else its words stand
  // untagged and whole (the model found "eBay" but not the "EBay" opening a sentence): the
  // same words, capitalised, no capitalised word glued on either side. (Not a lone common
  // word that only its place capitalises, a title or a nationality word: "Growth", "Lord" or
  // "Welsh" tagged once stay words elsewhere.)
  {
    std::unordered_map<std::string, std::uint32_t> named;  // key -> label, the voted one
    std::vector<char> name_length;                         // [n]: some name has n tokens
    for (const TaggedSpan& span : spans) {
      if (span.first >= span.last || static_cast<std::int32_t>(span.label) == misc_) continue;
      named.emplace(v.key_of(span.first, span.last), span.label);
      name_length.resize(std::max<std::size_t>(name_length.size(), span.last - span.first + 1));
      name_length[span.last - span.first] = 1;
    }
    std::vector<char> tagged(seg.tokens.size(), 0);
    for (const TaggedSpan& span : spans)
      std::fill(tagged.begin() + span.first, tagged.begin() + span.last, 1);
    const auto free_capital = [&](std::uint32_t t) {
      return t < v.token_count() && !tagged[t] && v.capish(t) && v.tok(t).has(tf::kWord);
    };
    std::vector<TaggedSpan> repeats;
    for (std::uint32_t t = 0; t < v.token_count(); ++t) {
      if (!free_capital(t) || (t > 0 && free_capital(t - 1) && !v.tok(t).has(tf::kSentenceStart)))
        continue;
      // Only the untagged words from t can be the name, and only lengths some name has.
      std::uint32_t untagged = 0;
      while (untagged + 1 < name_length.size() && t + untagged < v.token_count() &&
             !tagged[t + untagged])
        ++untagged;
      for (std::uint32_t n = untagged; n >= 1; --n) {
        if (!name_length[n]) continue;
        const auto it = named.find(v.key_of(t, t + n));
        if (it == named.end() || free_capital(t + n) ||
            (n == 1 && (v.positional_capital(t, t + 1) || v.is_title_span(t) ||
                        (v.lex(t) & lexicon_flags::kDemonymWord) != 0)))
          continue;
        repeats.push_back({t, t + n, it->second, 1.0f});
        t += n - 1;
        break;
      }
    }
    if (!repeats.empty()) {  // merged in text order
      std::vector<TaggedSpan> all;
      all.reserve(spans.size() + repeats.size());
      std::merge(spans.begin(), spans.end(), repeats.begin(), repeats.end(),
                 std::back_inserter(all),
                 [](const TaggedSpan& x, const TaggedSpan& y) { return x.first < y.first; });
      spans = std::move(all);
    }
  }
  std::vector<int> claim(seg.tokens.size(), -1);
  for (std::size_t s = 0; s < spans.size(); ++s) {
    for (std::uint32_t t = spans[s].first; t < spans[s].last; ++t) claim[t] = static_cast<int>(s);
  }

  std::vector<EntityMention>& mentions = document.mentions;
  std::vector<char> covered(spans.size(), 0);         // a kept rule mention stands for the span
  std::vector<int> replaced_by(mentions.size(), -1);  // dropped mention -> span index
  std::vector<char> keep(mentions.size(), 0);
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    const EntityMention& m = mentions[i];
    int overlap = -1;
    for (std::uint32_t t = m.first; t < m.last && overlap < 0; ++t) overlap = claim[t];
    if (overlap < 0) {
      bool qualifies_role = m.source == MentionSource::kGazetteer && names_a_location(*m.entry);
      for (std::uint32_t t = m.first; t < m.last && qualifies_role; ++t)
        qualifies_role = role_prefix[t] != 0;
      keep[i] = static_cast<char>(keeps_rule(m.rule) || qualifies_role ||
                                  listed_acronym_in_text(v, m.first, m.last));
      continue;
    }
    const TaggedSpan& s = spans[overlap];
    if (s.first == m.first && s.last == m.last &&
        compatible(m, static_cast<std::int32_t>(s.label))) {
      keep[i] = 1;
      covered[overlap] = 1;
      mentions[i].tagged_organization = static_cast<std::int32_t>(s.label) == organization_;
      continue;
    }
    // A precise rule's mention holding whole tagged names of its kind, MISC or (an
    // organisation) a place it opens on is the longer reading ("Korea Trade-Investment
    // Promotion Agency" cut at the hyphen, "China Aviation Oil Holding Company" read as
    // "China"); so is a listed name of two or more words ("New South Wales" from "South").
    const bool listed_name =
        (m.source == MentionSource::kGazetteer || m.source == MentionSource::kSubdivision) &&
        m.last - m.first >= 2;
    bool extends = keeps_rule(m.rule) || listed_name;
    for (std::uint32_t t = m.first; t < m.last && extends; ++t) {
      if (claim[t] < 0) continue;
      const TaggedSpan& inside = spans[claim[t]];
      const auto label = static_cast<std::int32_t>(inside.label);
      extends = inside.first >= m.first && inside.last <= m.last &&
                (label == misc_ || compatible(m, label) ||
                 (m.label == EntityLabel::kOrganization && label == location_ &&
                  inside.first == m.first && !listed_name));
    }
    if (extends) {
      keep[i] = 1;
      for (std::uint32_t t = m.first; t < m.last; ++t) {
        if (claim[t] >= 0) covered[claim[t]] = 1;
      }
      continue;
    }
    replaced_by[i] = overlap;
  }

  std::vector<EntityMention> out;
  out.reserve(mentions.size() + spans.size());
  std::vector<int> new_index(mentions.size(), -1);
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    if (!keep[i]) continue;
    new_index[i] = static_cast<int>(out.size());
    out.push_back(std::move(mentions[i]));
  }
  std::vector<int> mention_of_span(spans.size(), -1);
  std::uint32_t sentence = 0;
  for (std::size_t s = 0; s < spans.size(); ++s) {
    const TaggedSpan& span = spans[s];
    const auto label = static_cast<std::int32_t>(span.label);
    if (covered[s] || label == misc_ || span.first >= span.last) continue;
    while (sentence + 1 < seg.sentences.size() && seg.sentences[sentence].last <= span.first)
      ++sentence;
    EntityMention m;
    m.first = span.first;
    m.last = span.last;
    m.sentence = sentence;
    m.component = name().c_str();
    m.rule = model_rule_.c_str();
    m.confidence = span.confidence;
    const PhraseEntry* listed = listed_on(v, span.first, span.last);
    // Not a name a list gives places, nor one word a list gives people: it may be both
    // ("Chelsea", "Fox").
    m.described =
        span.described && label == organization_ &&
        (span.last > span.first + 1 ||
         (v.lex(span.first) & (lexicon_flags::kGivenName | lexicon_flags::kSurname)) == 0) &&
        !words_name_a_listed_place(knowledge_, v, span.first, span.last);
    if (label == person_) {
      m.source = MentionSource::kPerson;
      m.label = EntityLabel::kPerson;
      m.key = v.key_of(span.first, span.last);
      m.lone_surname = v.word_count(span.first, span.last) < 2;
    } else if (label == organization_) {
      if (listed != nullptr && has_candidate(*listed, CandidateKind::kOrganization)) {
        m.source = MentionSource::kGazetteer;
        m.entry = listed;
        m.rule = knowledge_rule_.c_str();
        m.tagged_organization = true;
      } else {
        m.source = MentionSource::kOrganization;
        m.label = EntityLabel::kOrganization;
        m.key = v.key_of(span.first, span.last);
      }
    } else {
      // A place cut out of a longer listed phrase ("U.S." of "U.S. Congress", which the
      // gazetteer's longest match read whole) is listed under its own words.
      if (listed == nullptr && v.is_name_span(span.first) &&
          v.span_starting(span.first).last > span.last)
        listed = knowledge_.phrase(seg.phrase(span.first, span.last));
      if (listed != nullptr && names_a_location(*listed)) {
        m.source = MentionSource::kGazetteer;
        m.entry = listed;
        m.rule = knowledge_rule_.c_str();
      } else {
        m.source = MentionSource::kPlace;
        m.label = EntityLabel::kPlace;
        m.key = v.key_of(span.first, span.last);  // one node across documents, as the rules key it
      }
    }
    mention_of_span[s] = static_cast<int>(out.size());
    out.push_back(std::move(m));
  }
  // Acronyms follow what they stand for, or its replacement.
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    if (new_index[i] < 0 && replaced_by[i] >= 0) new_index[i] = mention_of_span[replaced_by[i]];
  }
  for (EntityMention& m : out) {
    if (m.source == MentionSource::kAlias && m.alias_of >= 0) m.alias_of = new_index[m.alias_of];
  }
  mentions = std::move(out);

  // A word the model put inside a name is no longer waiting to be a short form.
  auto& pending = document.pending_words;
  pending.erase(std::remove_if(pending.begin(), pending.end(),
                               [&](const PendingWord& w) { return claim[w.token] >= 0; }),
                pending.end());
}

}  // namespace skein::extract
