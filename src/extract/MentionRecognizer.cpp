#include "extract/MentionRecognizer.h"

#include <unordered_map>

#include "extract/NameRuns.h"

namespace skein::extract {
namespace {

namespace tf = token_flags;
namespace lf = lexicon_flags;

// The recogniser's work on one document: adds mentions, roles and pending words to it.
class RecognitionRun : public NameRuns {
 public:
  RecognitionRun(AnnotatedDocument& document, const Knowledge& knowledge, const RuleSet& rules,
                 const char* component)
      : NameRuns(document, knowledge, rules),
        mentions_(document.mentions),
        roles_(document.roles),
        pending_(document.pending_words),
        component_(component) {}

  void run() {
    for (std::uint32_t s = 0; s < seg_.sentences.size(); ++s) recognize_sentence(s);
  }

 private:
  void recognize_sentence(std::uint32_t sentence_index) {
    const Sentence& s = seg_.sentences[sentence_index];
    int last_role = -1;
    std::uint32_t last_role_end = 0;
    std::uint32_t i = s.first;
    while (i < s.last) {
      if (is_title_span(i)) {
        // Titles chained by "and" or "," form one role: "State Councilor and Foreign Minister".
        const GazetteerSpan& span = spans_[span_at_[i]];
        Role role{span.first, span.last, honorific_title(span)};
        std::uint32_t j = span.last;
        while (j + 1 < s.last && (norm(j) == "and" || norm(j) == "-") && is_title_span(j + 1)) {
          role.last = spans_[span_at_[j + 1]].last;
          role.honorific = false;
          j = role.last;
        }
        roles_.push_back(role);
        last_role = static_cast<int>(roles_.size()) - 1;
        last_role_end = role.last;
        i = role.last;
        continue;
      }
      if (const int state = ap_state_at(i); state >= 0) {
        rule_ = "ap-state";
        EntityMention m;
        m.first = i;
        m.last = i + 1;
        m.sentence = sentence_index;
        m.source = MentionSource::kSubdivision;
        m.subdivision = state;
        i = m.last;
        add_mention(std::move(m));
        continue;
      }
      if (!starts_run(i, s.last)) {
        ++i;
        continue;
      }
      const std::uint32_t j = extend_run(i, s.last);
      const int anchor = (last_role >= 0 && last_role_end == i) ? last_role : -1;
      classify_run(i, j, sentence_index, anchor, s.last);
      i = j;
    }
  }

  int add_mention(EntityMention m) {
    m.component = component_;
    m.rule = rule_;
    mentions_.push_back(std::move(m));
    return static_cast<int>(mentions_.size()) - 1;
  }

  int add_gazetteer(std::uint32_t span_index, std::uint32_t sentence) {
    const GazetteerSpan& span = spans_[span_index];
    EntityMention m;
    m.first = span.first;
    m.last = span.last;
    m.sentence = sentence;
    m.source = MentionSource::kGazetteer;
    m.entry = span.entry;
    return add_mention(std::move(m));
  }

  // The country that qualifies a generic organisation name ("Chinese Foreign Ministry",
  // "Ministry of Foreign Affairs of China", "China's Foreign Ministry"); -1 when none.
  int qualifying_country(std::uint32_t i, std::uint32_t j) const {
    for (std::uint32_t t = i; t < j; ++t) {
      if (!is_name_span(t)) continue;
      const GazetteerSpan& span = spans_[span_at_[t]];
      for (const Candidate& c : span.entry->candidates) {
        if (c.kind == CandidateKind::kCountry || c.kind == CandidateKind::kDemonym) {
          return static_cast<int>(c.index);
        }
      }
    }
    // "China's Foreign Ministry": a country mention and a possessive just before.
    if (i >= 2 && tok(i - 1).has(tf::kPossessive) && !mentions_.empty()) {
      const EntityMention& m = mentions_.back();
      if (m.last == i - 1 && m.entry != nullptr) {
        for (const Candidate& c : m.entry->candidates) {
          if (c.kind == CandidateKind::kCountry) return static_cast<int>(c.index);
        }
      }
    }
    return -1;
  }

  void add_organization(std::uint32_t i, std::uint32_t j, std::uint32_t sentence) {
    // The whole run may itself be a listed organisation.
    if (is_name_span(i) && spans_[span_at_[i]].last == j) {
      add_gazetteer(span_at_[i], sentence);
      return;
    }
    // "U.S. Navy", "Soviet Congress": a state and its institution are two mentions (the
    // institution keeps the state as its qualifier); a proper name such as "Polish
    // Development Bank" stays whole.
    if (j == i + 2 && is_name_span(i) && spans_[span_at_[i]].last == i + 1 &&
        is_institution_word(norm(i + 1))) {
      const int country = qualifying_country(i, j);
      if (country >= 0) {
        add_gazetteer(span_at_[i], sentence);
        EntityMention m;
        m.first = i + 1;
        m.last = j;
        m.sentence = sentence;
        m.source = MentionSource::kOrganization;
        m.label = EntityLabel::kOrganization;
        m.key = key_of(i + 1, j);
        m.country_hint = country;
        add_mention(std::move(m));
        return;
      }
    }
    EntityMention m;
    m.first = i;
    m.last = j;
    m.sentence = sentence;
    m.source = MentionSource::kOrganization;
    m.label = EntityLabel::kOrganization;
    // Generic names (every word common, apart from country words) need a qualifier.
    bool generic = true;
    std::string key;
    for (std::uint32_t t = i; t < j; ++t) {
      if (is_name_span(t)) {
        const GazetteerSpan& span = spans_[span_at_[t]];
        bool country = false;
        for (const Candidate& c : span.entry->candidates) {
          if (c.kind == CandidateKind::kCountry || c.kind == CandidateKind::kDemonym)
            country = true;
        }
        if (!country) generic = false;
        t = span.last - 1;
        continue;
      }
      if (tok(t).has(tf::kWord) && (lex(t) & (lf::kCommon | lf::kConnector)) == 0) generic = false;
    }
    m.key = key_of(i, j);
    if (generic) {
      m.country_hint = qualifying_country(i, j);
    }
    add_mention(std::move(m));
  }

  // A place the text names and qualifies itself, keyed by its name and the state or country
  // that qualifies it; with neither, by its name alone (one node across documents).
  void add_place(std::uint32_t i, std::uint32_t j, std::uint32_t sentence, int state, int country) {
    if (state < 0 && country < 0) {
      EntityMention m;
      m.first = i;
      m.last = j;
      m.sentence = sentence;
      m.source = MentionSource::kPlace;
      m.label = EntityLabel::kPlace;
      m.key = key_of(i, j);
      add_mention(std::move(m));
      return;
    }
    EntityMention m;
    m.first = i;
    m.last = j;
    m.sentence = sentence;
    m.source = MentionSource::kPlace;
    m.label = EntityLabel::kPlace;
    m.subdivision = state;
    m.country_hint = state >= 0 ? k_.country_index(k_.subdivisions()[state].country) : country;
    m.key = key_of(i, j) + "@" +
            (state >= 0 ? k_.subdivisions()[state].code : k_.countries()[country].iso2);
    add_mention(std::move(m));
  }

  void add_person(std::uint32_t i, std::uint32_t j, std::uint32_t sentence) {
    EntityMention m;
    m.first = i;
    m.last = j;
    m.sentence = sentence;
    m.source = MentionSource::kPerson;
    m.label = EntityLabel::kPerson;
    m.key = key_of(i, j);
    add_mention(std::move(m));
  }

  // "Long Form (LF)": registers the acronym for the rest of the document and returns the
  // index of its token, or 0.
  std::uint32_t acronym_definition(std::uint32_t i, std::uint32_t j, std::uint32_t last,
                                   int mention) {
    if (j + 2 >= last || norm(j) != "(" || norm(j + 2) != ")") return 0;
    const Token& a = tok(j + 1);
    if (!a.has(tf::kAllCaps)) return 0;
    const std::string acronym = lower(std::string_view(text()).substr(a.start, a.end - a.start));
    std::string expected = lower(initials(i, j));
    std::string acronym_letters;
    for (const char c : acronym) {
      if (c != '.') acronym_letters.push_back(c);
    }
    // Exact initials, or initials of the words without a leading country ("Republic of Korea").
    if (acronym_letters != expected && expected.find(acronym_letters) == std::string::npos)
      return 0;
    acronyms_[std::string(norm(j + 1))] = mention;
    if (mention >= 0) {
      rule_ = "acronym-definition";
      EntityMention m;
      m.first = j + 1;
      m.last = j + 2;
      m.sentence = mentions_[mention].sentence;
      m.source = MentionSource::kAlias;
      m.alias_of = mention;
      add_mention(std::move(m));
    }
    return j + 1;
  }

  void classify_run(std::uint32_t i, std::uint32_t j, std::uint32_t sentence, int anchor,
                    std::uint32_t last) {
    const std::size_t before = mentions_.size();
    rule_ = "acronym";
    // An acronym defined earlier in the document ("THAAD", "ROK").
    if (j == i + 1 && tok(i).has(tf::kAllCaps) && !is_name_span(i)) {
      const auto it = acronyms_.find(norm(i));
      if (it != acronyms_.end()) {
        if (it->second >= 0) {
          EntityMention m;
          m.first = i;
          m.last = j;
          m.sentence = sentence;
          m.source = MentionSource::kAlias;
          m.alias_of = it->second;
          add_mention(std::move(m));
        }
        return;
      }
    }
    rule_ = "source-line";
    // 0a. A monitoring service's source line names the city, then the source: "PA0302025694
    //     Panama City ACAN in Spanish 2153 GMT", "Tokyo MAINICHI SHIMBUN". Two mentions: the
    //     city and the organisation.
    if (is_name_span(i) && spans_[span_at_[i]].last < j &&
        only_place_candidates(*spans_[span_at_[i]].entry) &&
        source_line_at(i, spans_[span_at_[i]].last, j, last)) {
      const std::uint32_t k = spans_[span_at_[i]].last;
      add_gazetteer(span_at_[i], sentence);
      add_organization(k, j, sentence);
      return;
    }
    rule_ = "title-organization";
    // 0. A one-word title in front of an organisation's name is part of it ("General
    //    Motors", "General Accounting Office").
    if (anchor >= 0 && roles_[anchor].last == i &&
        roles_[anchor].last == roles_[anchor].first + 1 && !roles_[anchor].honorific &&
        tok(roles_[anchor].first).has(tf::kCapital) && !is_name_span(j - 1) &&
        (lex(j - 1) & lf::kOrgSuffix) != 0 && capish(j - 1)) {
      add_organization(roles_[anchor].first, j, sentence);
      return;
    }
    rule_ = "org-head";
    // 1. Organisation heads ("Bank of Korea", "Ministry of Commerce").
    for (std::uint32_t t = i; t + 1 < j; ++t) {
      if ((lex(t) & lf::kOrgHead) != 0 && !is_name_span(t) &&
          (norm(t + 1) == "of" || norm(t + 1) == "for")) {
        add_organization(i, j, sentence);
        acronym_definition(i, j, last, static_cast<int>(mentions_.size()) - 1);
        return;
      }
    }
    rule_ = "org-suffix";
    // 2. Organisation suffixes ("Stimson Center", "Larami Corp. of Philadelphia").
    std::uint32_t suffix = 0;
    for (std::uint32_t t = i + 1; t < j; ++t) {
      if (is_name_span(t)) {
        t = spans_[span_at_[t]].last - 1;
        continue;
      }
      if ((lex(t) & lf::kOrgSuffix) != 0 && capish(t)) suffix = t;
    }
    if (suffix > 0 && !(is_name_span(i) && spans_[span_at_[i]].last == j)) {
      add_organization(i, suffix + 1, sentence);
      acronym_definition(i, suffix + 1, last, static_cast<int>(mentions_.size()) - 1);
      std::uint32_t rest = suffix + 1;
      while (rest < j && !(is_name_span(rest) || capish(rest))) ++rest;
      if (rest < j) classify_run(rest, j, sentence, -1, last);
      return;
    }
    const bool one_name = is_name_span(i) && spans_[span_at_[i]].last == j;
    rule_ = "place-suffix";
    // 2b. A name ending in a place word is a place ("Nelson Street", "Ocala National Forest",
    //     "Tiananmen Square"); such names repeat from town to town, so the key stays local.
    //     A given name in front does not make it a person ("Nelson Street"); a speech verb
    //     next to it does ("John Park said").
    if (!one_name && anchor < 0 && j - i >= 2 && capish(j - 1) && !is_name_span(j - 1) &&
        (lex(j - 1) & lf::kPlaceSuffix) != 0 && !(j < last && (lex(j) & lf::kSpeechVerb) != 0) &&
        !(i > 0 && (lex(i - 1) & lf::kSpeechVerb) != 0)) {
      add_place(i, j, sentence, -1, -1);
      return;
    }
    rule_ = "compass-region";
    // 2c. A compass word before a listed place names part of it ("Southern California").
    if (j - i >= 2 && rules_.in_word_set("compass", norm(i)) && tok(i).has(tf::kCapital) &&
        is_name_span(i + 1) && spans_[span_at_[i + 1]].last == j) {
      int state = -1, country = -1;
      for (const Candidate& c : spans_[span_at_[i + 1]].entry->candidates) {
        if (c.kind == CandidateKind::kSubdivision && state < 0) state = static_cast<int>(c.index);
        if (c.kind == CandidateKind::kCountry && country < 0) country = static_cast<int>(c.index);
      }
      if ((state >= 0) != (country >= 0) && !spans_[span_at_[i + 1]].entry->ambiguous) {
        add_place(i, j, sentence, state, country);
        mentions_.back().region = true;
        return;
      }
    }
    rule_ = "title-person";
    // 3a. A listed place name right after a person's title is that person's name
    //     ("President Lincoln", "Gov. Jackson"); a country or organisation never is.
    if (one_name && anchor >= 0 && !roles_[anchor].honorific &&
        only_place_candidates(*spans_[span_at_[i]].entry)) {
      add_person(i, j, sentence);
      return;
    }
    rule_ = "qualified-place";
    // 3b. An unlisted name the text qualifies as a place: "Bethany, Conn.", "Saint-Gall,
    //     Switzerland," (a listed one resolves with the state as context).
    if (!one_name && anchor < 0 && word_count(i, j) <= 3 && !tok(i).has(tf::kInitial) &&
        !(j == i + 1 && is_calendar_word(norm(i)))) {
      int state = -1, country = -1;
      if (qualifier_after(j, last, state, country) && !strong_person(i, j)) {
        add_place(i, j, sentence, state, country);
        return;
      }
    }
    rule_ = "qualified-namesake";
    // 3c. A listed place name the text qualifies with a state or country where none of its
    //     listed namesakes lies ("Astoria, Ore." when only Astoria, N.Y. is listed): a small
    //     unlisted town of that state, not the listed namesake.
    if (one_name && anchor < 0 && only_place_candidates(*spans_[span_at_[i]].entry)) {
      int state = -1, country = -1;
      if (qualifier_after(j, last, state, country) &&
          !listed_in(*spans_[span_at_[i]].entry, state, country)) {
        add_place(i, j, sentence, state, country);
        return;
      }
    }
    rule_ = "gazetteer-name";
    // 3. One gazetteer name.
    if (one_name) {
      const int m = add_gazetteer(span_at_[i], sentence);
      acronym_definition(i, j, last, m);
      return;
    }
    rule_ = "person";
    // 4. People.
    if (person_evidence(i, j, anchor, last)) {
      add_person(i, j, sentence);
      return;
    }
    // 4a. An unlisted acronym in running text names an organisation far more often than
    //     anything else ("the NRC said", "GAO"); measures, time zones and the like are listed
    //     out. It is keyed by its letters alone, one node across documents. Rule
    //     "acronym-kind" when a lower-case institution word after it says what it names ("UFJ
    //     bank", "the RMT union"), "unlisted-acronym" otherwise.
    if (j == i + 1 && !is_name_span(i) && tok(i).has(tf::kAllCaps) && !tok(i).has(tf::kNumber) &&
        !sentence_all_caps(sentence) && tok(i).end - tok(i).start >= 2 &&
        tok(i).end - tok(i).start <= 6 && !not_an_organization_acronym(norm(i))) {
      const bool kind_follows =
          j < last && !tok(j).has(tf::kCapital) && (lex(j) & lf::kOrgHead) != 0;
      rule_ = kind_follows ? "acronym-kind" : "unlisted-acronym";
      add_organization(i, j, sentence);
      return;
    }
    rule_ = "institution";
    // 4c. An institution named by its common noun alone ("Congress", "the Navy"): an
    //     organisation keyed by the word alone, one node across documents.
    if (j == i + 1 && tok(i).has(tf::kCapital) && !initial_position(i) &&
        is_institution_word(norm(i))) {
      add_organization(i, j, sentence);
      return;
    }
    rule_ = "lone-surname";
    // 4b. One unlisted capitalised word that is a known surname and no English word, or that
    //     speaks ("Oswald", "Lifa said"): a person named by surname alone.
    if (j == i + 1 && !is_name_span(i) && tok(i).has(tf::kCapital) && !tok(i).has(tf::kAllCaps) &&
        !tok(i).has(tf::kAbbrev) && (lex(i) & lf::kCommon) == 0 &&
        ((lex(i) & lf::kSurname) != 0 ||
         (j < last && (lex(j) & lf::kSpeechVerb) != 0 && norm(j) != "told") ||
         apposition_after(j, last) || person_apposition_after(j, last))) {
      add_person(i, j, sentence);
      mentions_.back().lone_surname = true;
      return;
    }
    rule_ = "gazetteer-inside";
    // 5. Otherwise the gazetteer names inside, and unexplained words wait for short forms.
    std::uint32_t t = i;
    while (t < j) {
      if (is_name_span(t)) {
        add_gazetteer(span_at_[t], sentence);
        t = spans_[span_at_[t]].last;
        continue;
      }
      std::uint32_t u = t;
      while (u < j && !is_name_span(u)) ++u;
      if (u - t == 1 && tok(t).has(tf::kWord) && capish(t)) pending_.push_back({t, sentence});
      t = u;
    }
    if (mentions_.size() == before) acronym_definition(i, j, last, -1);
  }
  std::vector<EntityMention>& mentions_;
  std::vector<Role>& roles_;
  std::vector<PendingWord>& pending_;
  const char* component_;
  const char* rule_ = "";
  std::unordered_map<std::string, int, TransparentHash, std::equal_to<>> acronyms_;
};

}  // namespace

MentionRecognizer::MentionRecognizer(std::string name, const ComponentContext& context,
                                     const ComponentOptions& options)
    : Component(std::move(name), options), knowledge_(context.knowledge), rules_(context.rules) {}

void MentionRecognizer::process(AnnotatedDocument& document) const {
  RecognitionRun(document, knowledge_, rules_, name().c_str()).run();
}

}  // namespace skein::extract
