#include "extract/Recognizer.h"

#include <algorithm>
#include <cstdio>
#include <unordered_map>
#include <unordered_set>

namespace skein::extract {
namespace {

namespace tf = token_flags;
namespace lf = lexicon_flags;

enum class Label : std::uint8_t { kPerson, kOrganization, kCountry, kPlace };

// A gazetteer match over tokens [first, last).
struct GazSpan {
  std::uint32_t first = 0, last = 0;
  const PhraseEntry* entry = nullptr;
  bool title = false;  // matched as a title phrase (role), not as a name
};

enum class Source : std::uint8_t {
  kGazetteer,
  kPerson,
  kOrganization,
  kAlias,
  kSubdivision,  // a US state written as its AP abbreviation ("Conn.", "N.Y."): `subdivision`
  kPlace,        // an unlisted place the text places itself ("Bethany, Conn."): `key`
};

// AP style abbreviations of US states (AP Stylebook, "state names"), as the segmenter
// normalises them (periods dropped), with their ISO 3166-2 codes. Facts, not tuning.
constexpr std::pair<std::string_view, std::string_view> kApStates[] = {
    {"ala", "US-AL"}, {"ariz", "US-AZ"}, {"ark", "US-AR"}, {"calif", "US-CA"}, {"colo", "US-CO"},
    {"conn", "US-CT"}, {"del", "US-DE"}, {"fla", "US-FL"}, {"ga", "US-GA"}, {"ill", "US-IL"},
    {"ind", "US-IN"}, {"kan", "US-KS"}, {"kans", "US-KS"}, {"ky", "US-KY"}, {"la", "US-LA"},
    {"md", "US-MD"}, {"mass", "US-MA"}, {"mich", "US-MI"}, {"minn", "US-MN"}, {"miss", "US-MS"},
    {"mo", "US-MO"}, {"mont", "US-MT"}, {"neb", "US-NE"}, {"nebr", "US-NE"}, {"nev", "US-NV"},
    {"nh", "US-NH"}, {"nj", "US-NJ"}, {"nm", "US-NM"}, {"ny", "US-NY"}, {"nc", "US-NC"},
    {"nd", "US-ND"}, {"okla", "US-OK"}, {"ore", "US-OR"}, {"oreg", "US-OR"}, {"pa", "US-PA"},
    {"penn", "US-PA"}, {"ri", "US-RI"}, {"sc", "US-SC"}, {"sd", "US-SD"}, {"tenn", "US-TN"},
    {"tex", "US-TX"}, {"vt", "US-VT"}, {"va", "US-VA"}, {"wash", "US-WA"}, {"wva", "US-WV"},
    {"wis", "US-WI"}, {"wisc", "US-WI"}, {"wyo", "US-WY"}};

std::string_view ap_state_code(std::string_view norm) {
  for (const auto& [abbreviation, code] : kApStates) {
    if (abbreviation == norm) return code;
  }
  return {};
}

// A mention before resolution.
struct MentionC {
  std::uint32_t first = 0, last = 0;  // tokens
  std::uint32_t sentence = 0;
  Source source = Source::kGazetteer;
  Label label = Label::kPlace;       // for text-found mentions
  const PhraseEntry* entry = nullptr;
  int alias_of = -1;                 // shares the resolution of this mention (acronyms, short forms)
  std::string key;                   // text-found: normalised name
  int country_hint = -1;             // generic organisations: the country that qualifies them
  bool demonym = false;
  bool short_form = false;           // a person named by part of a full name seen elsewhere
  bool metonym = false;              // a capital standing for its state: never an alias of it
  int subdivision = -1;              // kSubdivision, kPlace: the knowledge index of the state
  bool lone_surname = false;         // a person known by one unlisted word only
  bool region = false;               // kPlace: part of a listed place ("Southern California")
  std::uint32_t shown_first = UINT32_MAX;  // span starts here instead ("Mr." before a name)
  int entity = -1;                   // resolved entity, -1 = dropped
};

struct RoleC {
  std::uint32_t first = 0, last = 0;
  bool honorific = false;  // "Mr", "Dr": anchors a name but is not a role
};

// An entity being built.
struct EntityB {
  Entity out;
  Label label = Label::kPlace;
  int country = -1;      // knowledge index (Country entities, and the country of a Place)
  int subdivision = -1;  // knowledge index of a subdivision entity, or a city's subdivision
  int city = -1;         // knowledge index of a city entity
  int region = -1;       // knowledge index of a region entity (regions.tsv)
  bool namesake = false; // an ambiguous listed place name left unlinked: city-sized
  std::uint32_t first_token = 0;
};

struct Unit {
  enum class Type : std::uint8_t { kToken, kEntity, kRole } type = Type::kToken;
  std::uint32_t first = 0, last = 0;
  int index = -1;  // mention or role index
};

struct RelationKey {
  std::string type, source, target;
  bool operator==(const RelationKey&) const = default;
};
struct RelationKeyHash {
  std::size_t operator()(const RelationKey& k) const noexcept {
    TransparentHash h;
    return h(k.type) * 31 + h(k.source) * 7 + h(k.target);
  }
};

bool contains(const std::vector<std::string>& list, std::string_view word) {
  for (const std::string& w : list) {
    if (w == word) return true;
  }
  return false;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

// All the working state of one document.
class DocumentRun {
 public:
  DocumentRun(const Knowledge& knowledge, const RuleSet& rules,
              const std::vector<std::vector<const RelationRule*>>& rules_by_type,
              const ExtractorOptions& options, const SegmenterHooks& hooks, const Document& document)
      : k_(knowledge), rules_(rules), rules_by_type_(rules_by_type), options_(options), doc_(document) {
    segment(document.text, document.excluded, hooks, seg_);
    for (Token& t : seg_.tokens) {
      if (t.has(tf::kWord) || t.has(tf::kPossessive)) t.lexicon = k_.lexicon(seg_.norm_of(t));
    }
    span_at_.assign(seg_.tokens.size(), -1);
  }

  DocumentExtraction run() {
    for (std::uint32_t s = 0; s < seg_.sentences.size(); ++s) recognize_sentence(s);
    resolve();
    for (std::uint32_t s = 0; s < seg_.sentences.size(); ++s) relate_sentence(s);
    knowledge_relations();
    return build();
  }

 private:
  // ---- token helpers ---------------------------------------------------------------------
  const Token& tok(std::uint32_t i) const { return seg_.tokens[i]; }
  std::string_view norm(std::uint32_t i) const { return seg_.norm_of(seg_.tokens[i]); }
  std::uint32_t lex(std::uint32_t i) const { return seg_.tokens[i].lexicon; }
  bool capish(std::uint32_t i) const {
    return tok(i).has(tf::kCapital) || tok(i).has(tf::kAllCaps);
  }
  // A position where any word is capitalised: sentence start, after a quote, colon or bracket.
  bool initial_position(std::uint32_t i) const {
    if (tok(i).has(tf::kSentenceStart)) return true;
    if (i == 0) return true;
    const std::string_view p = norm(i - 1);
    return p == "\"" || p == ":" || p == "(" || p == "'" || p == "--" || p == "-" || p == ";";
  }
  // A capitalised word that is only capitalised because of where it stands ("The", "During").
  bool positional_capital(std::uint32_t i, std::uint32_t sentence_last) const {
    if (!initial_position(i)) return false;
    const std::uint32_t l = lex(i);
    if ((l & lf::kCommon) == 0) return false;
    if ((l & (lf::kGivenName | lf::kSurname | lf::kSurnameFirst)) != 0 && i + 1 < sentence_last &&
        capish(i + 1) && (lex(i + 1) & lf::kCommon) == 0) {
      return false;  // "Park Jin met ...", "Will Smith said ..."
    }
    return true;
  }
  std::string text_of(std::uint32_t first, std::uint32_t last) const {
    return doc_.text.substr(tok(first).start, tok(last - 1).end - tok(first).start);
  }
  // Normalised name of tokens [first, last): spaces where the text has them, hyphens glued.
  std::string key_of(std::uint32_t first, std::uint32_t last) const {
    std::string out;
    for (std::uint32_t i = first; i < last; ++i) {
      if (i > first && tok(i).has(tf::kSpaceBefore)) out.push_back(' ');
      out += norm(i);
    }
    return out;
  }

  // ---- gazetteer matching ----------------------------------------------------------------
  bool name_case_ok(std::uint32_t first, std::uint32_t last, const PhraseEntry& entry,
                    std::uint32_t sentence_last) const {
    bool acronym = false;
    for (const Candidate& c : entry.candidates) {
      if (c.kind != CandidateKind::kTitle && (c.flags & candidate_flags::kAcronym) != 0) acronym = true;
    }
    if (!capish(first) || !(capish(last - 1) || tok(last - 1).has(tf::kNumber))) return false;
    bool all_caps = true;
    std::size_t letters = 0;
    for (std::uint32_t i = first; i < last; ++i) {
      if (!tok(i).has(tf::kWord)) continue;
      if ((lex(i) & lf::kConnector) != 0 && tok(i).has(tf::kLower)) continue;
      if (!tok(i).has(tf::kAllCaps)) all_caps = false;
      letters += tok(i).end - tok(i).start;
    }
    // An all-capitals surface matches a listed acronym, or a long enough name (datelines).
    if (all_caps && !acronym && letters < 4) return false;
    // Days and months are never places ("On Friday", "in March"), whatever a gazetteer says.
    if (last - first == 1 && is_calendar_word(norm(first))) return false;
    if (last - first == 1 && !acronym && (lex(first) & lf::kCommon) != 0) {
      // A capitalised common word standing first in the sentence is not a name, except a
      // country ("Turkey", "Chad").
      bool country = false;
      for (const Candidate& c : entry.candidates) {
        if (c.kind == CandidateKind::kCountry || c.kind == CandidateKind::kDemonym) country = true;
      }
      if (!country && initial_position(first)) return false;
      if (!country) {
        // Mid-sentence, a common word is a place only after a locative preposition.
        if (first == 0) return false;
        const std::string_view p = norm(first - 1);
        if (p != "in" && p != "at" && p != "from" && p != "to" && p != "near" && p != "of") return false;
      }
    }
    (void)sentence_last;
    return true;
  }

  static bool is_calendar_word(std::string_view w) {
    static constexpr std::string_view kWords[] = {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december"};
    for (const std::string_view x : kWords) {
      if (x == w) return true;
    }
    return false;
  }

  // A word mixing letters and digits ("PA2904034294", "B52"): a code, never part of a name
  // (hyphenated forms such as "COVID-19" are separate tokens and still join).
  bool is_code(std::uint32_t i) const {
    bool digit = false, letter = false;
    for (std::uint32_t b = tok(i).start; b < tok(i).end; ++b) {
      const char c = doc_.text[b];
      if (c >= '0' && c <= '9') digit = true;
      else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) letter = true;
    }
    return digit && letter;
  }

  void gazetteer_scan(const Sentence& s, std::vector<GazSpan>& spans) const {
    const std::size_t max_len = k_.max_phrase_tokens();
    std::uint32_t i = s.first;
    while (i < s.last) {
      if ((lex(i) & lf::kPhraseStart) == 0) {
        ++i;
        continue;
      }
      const bool may_title = (lex(i) & lf::kTitleStart) != 0;
      if (!may_title && !capish(i)) {
        ++i;
        continue;
      }
      GazSpan best;
      const std::uint32_t end = static_cast<std::uint32_t>(std::min<std::size_t>(s.last, i + max_len));
      for (std::uint32_t j = i + 1; j <= end; ++j) {
        const PhraseEntry* entry = k_.phrase(seg_.phrase(i, j));
        if (entry == nullptr) break;
        if (!entry->candidates.empty()) {
          bool has_title = false, has_name = false;
          for (const Candidate& c : entry->candidates) {
            (c.kind == CandidateKind::kTitle ? has_title : has_name) = true;
          }
          // A name must not end inside a hyphenated compound or before a possessive-less
          // continuation ("Korea" in "Korea-China" is fine: the hyphen is its own token).
          if (has_name && name_case_ok(i, j, *entry, s.last)) {
            best = {i, j, entry, false};
          } else if (has_title) {
            best = {i, j, entry, true};
          }
        }
        if (!entry->is_prefix) break;
      }
      if (best.entry != nullptr) {
        span_at_[i] = static_cast<int>(spans.size());
        spans.push_back(best);
        i = best.last;
      } else {
        ++i;
      }
    }
  }

  // ---- recognition -----------------------------------------------------------------------
  bool is_title_span(std::uint32_t i) const { return span_at_[i] >= 0 && spans_[span_at_[i]].title; }
  bool is_name_span(std::uint32_t i) const { return span_at_[i] >= 0 && !spans_[span_at_[i]].title; }

  bool honorific_title(const GazSpan& span) const {
    for (const Candidate& c : span.entry->candidates) {
      if (c.kind == CandidateKind::kTitle) {
        const std::string& kind = k_.titles()[c.index].kind;
        if (kind.find("honorific") != std::string::npos || kind.find("courtesy") != std::string::npos) {
          return true;
        }
      }
    }
    return false;
  }

  void recognize_sentence(std::uint32_t sentence_index) {
    const Sentence& s = seg_.sentences[sentence_index];
    const std::size_t spans_before = spans_.size();
    gazetteer_scan(s, spans_);
    (void)spans_before;
    int last_role = -1;
    std::uint32_t last_role_end = 0;
    std::uint32_t i = s.first;
    while (i < s.last) {
      if (is_title_span(i)) {
        // Titles chained by "and" or "," form one role: "State Councilor and Foreign Minister".
        const GazSpan& span = spans_[span_at_[i]];
        RoleC role{span.first, span.last, honorific_title(span)};
        std::uint32_t j = span.last;
        while (j + 1 < s.last && (norm(j) == "and" || norm(j) == "-") && is_title_span(j + 1)) {
          role.last = spans_[span_at_[j + 1]].last;
          role.honorific = false;
          j = role.last;
        }
        roles_.push_back(role);
        role_sentence_.push_back(sentence_index);
        last_role = static_cast<int>(roles_.size()) - 1;
        last_role_end = role.last;
        i = role.last;
        continue;
      }
      if (const int state = ap_state_at(i); state >= 0) {
        MentionC m;
        m.first = i;
        m.last = i + 1;
        m.sentence = sentence_index;
        m.source = Source::kSubdivision;
        m.subdivision = state;
        add_mention(std::move(m));
        i = m.last;
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

  // A US state in AP style after a comma ("Bethany, Conn.", "Chisholm, Minn ."): the
  // subdivision's knowledge index, or -1. The comma and the period keep "Miss", "Ind" and
  // "La" as words everywhere else.
  int ap_state_at(std::uint32_t i) const {
    if (i == 0 || norm(i - 1) != "," || !tok(i).has(tf::kCapital)) return -1;
    const bool period = tok(i).has(tf::kAbbrev) || (i + 1 < seg_.tokens.size() && norm(i + 1) == ".");
    if (!period) return -1;
    const std::string_view code = ap_state_code(norm(i));
    return code.empty() ? -1 : k_.subdivision_index(code);
  }

  // The US state or the country named right after a comma that follows [.., j): a place's
  // own qualifier ("Aiken, S.C.", "Saint-Gall, Switzerland,"). Sets `country` or `state`.
  bool qualifier_after(std::uint32_t j, std::uint32_t last, int& state, int& country) const {
    state = country = -1;
    if (j + 1 >= last || norm(j) != ",") return false;
    if ((state = ap_state_at(j + 1)) >= 0) return true;
    if (!is_name_span(j + 1)) return false;
    const GazSpan& span = spans_[span_at_[j + 1]];
    // The qualifier ends the phrase: "..., Texas," or "..., Ohio." but not "..., Texas officials".
    const std::uint32_t after = span.last;
    if (after < last) {
      const std::string_view w = norm(after);
      if (w != "," && w != "." && w != "(" && w != ";" && w != "-" && w != ":" && w != "\"") return false;
    }
    for (const Candidate& c : span.entry->candidates) {
      if (c.kind == CandidateKind::kSubdivision && k_.subdivisions()[c.index].country == "US" && !span.entry->ambiguous) {
        state = static_cast<int>(c.index);
      }
      if (c.kind == CandidateKind::kCountry) country = static_cast<int>(c.index);
    }
    if (state >= 0) country = -1;
    return state >= 0 || country >= 0;
  }

  bool starts_run(std::uint32_t i, std::uint32_t sentence_last) const {
    if (is_name_span(i)) return true;
    if (!tok(i).has(tf::kWord)) return false;
    if (!capish(i)) return false;
    if (tok(i).has(tf::kNumber) || is_code(i)) return false;
    if ((lex(i) & lf::kConnector) != 0 && initial_position(i)) return false;
    return !positional_capital(i, sentence_last);
  }

  static bool is_name_suffix(std::string_view w) {
    return w == "jr" || w == "sr" || w == "ii" || w == "iii" || w == "iv";
  }

  // A capitalised one-word title inside a name, not in front of it: "Martin Luther King Jr.",
  // "Avihu Bin-Nun", "John King said", "General Motors" is handled as an organisation.
  bool title_inside_name(std::uint32_t i, std::uint32_t j, std::uint32_t last) const {
    if (j == i || spans_[span_at_[j]].last != j + 1 || !tok(j).has(tf::kCapital)) return false;
    if (tok(j).has(tf::kJoined) && tok(j - 1).has(tf::kJoined)) return true;  // "Bin-Nun"
    if (is_name_suffix(norm(j))) return j - i >= 2;                          // "King Jr."
    if (!tok(j - 1).has(tf::kWord) || !capish(j - 1)) return false;
    if ((lex(j - 1) & lf::kGivenName) == 0 || (lex(j - 1) & lf::kCommon) != 0) return false;
    // The word after must not start a new name ("John Minister Wang" is two).
    return j + 1 >= last || !capish(j + 1) || is_name_suffix(norm(j + 1));
  }

  // The lower-case second syllable of a hyphenated East Asian given name after a surname
  // ("Han Ji-woo", "Kim Min-ho"): short, and an English word only by accident. Compounds
  // such as "-based" or "-led" are longer or end in "ed".
  bool korean_given_name_part(std::uint32_t run_first, std::uint32_t k) const {
    if ((lex(run_first) & lf::kSurnameFirst) == 0 || k < run_first + 3) return false;
    const std::string_view w = norm(k);
    if (w.size() > 4 || (w.size() >= 2 && w.substr(w.size() - 2) == "ed")) return false;
    // The syllable before the hyphen is a capitalised short word right after the surname.
    return k == run_first + 3 && tok(run_first + 1).has(tf::kCapital) && norm(run_first + 1).size() <= 4;
  }

  std::uint32_t extend_run(std::uint32_t i, std::uint32_t last) const {
    std::uint32_t j = i;
    bool org_context = false;  // after "Bank", "Center": "of"/"for" may follow
    bool of_seen = false;      // after "Bank of": "and"/"the" may follow
    while (j < last) {
      if (is_title_span(j) && !title_inside_name(i, j, last)) break;
      if (is_title_span(j)) {
        j = spans_[span_at_[j]].last;
        continue;
      }
      if (is_name_span(j)) {
        j = spans_[span_at_[j]].last;
        continue;
      }
      const Token& t = tok(j);
      if (t.has(tf::kWord) && (capish(j) || t.has(tf::kInitial)) && !t.has(tf::kNumber) && !is_code(j)) {
        if ((lex(j) & (lf::kOrgHead | lf::kOrgSuffix)) != 0) org_context = true;
        ++j;
        continue;
      }
      if (t.has(tf::kJoined) && j > i && tok(j - 1).has(tf::kJoined) && t.has(tf::kWord) &&
          ((lex(j) & lf::kCommon) == 0 || korean_given_name_part(i, j))) {
        ++j;  // "Suk-yeol", "Jin-gon": lower-case part of a capitalised compound ("-based" is not)
        continue;
      }
      if (t.has(tf::kJoined) && !t.has(tf::kWord) && j > i && j + 1 < last &&
          tok(j + 1).has(tf::kJoined) && tok(j + 1).has(tf::kWord) &&
          (capish(j + 1) || (lex(j + 1) & lf::kCommon) == 0 || korean_given_name_part(i, j + 1))) {
        ++j;  // the hyphen itself
        continue;
      }
      if (t.has(tf::kNumber) && t.has(tf::kJoined) && j > i) {
        ++j;  // "COVID-19"
        continue;
      }
      const std::string_view w = norm(j);
      if (j > i && (w == "&" || ((lex(j) & lf::kConnector) != 0 && t.has(tf::kLower)))) {
        // A connector joins only when a capitalised word follows (after at most one more
        // connector), and "of"/"for"/"and" only inside an organisation name.
        // "of"/"for" continue an organisation name ("Bank of Korea"); "and"/"the" only after
        // one of them ("Center for Strategic and International Studies").
        if ((w == "of" || w == "for") && !org_context) break;
        if ((w == "and" || w == "the") && !of_seen) break;
        if (w == "of" || w == "for") of_seen = true;
        std::uint32_t k = j + 1;
        if (k < last && (lex(k) & lf::kConnector) != 0 && tok(k).has(tf::kLower)) ++k;
        if (k < last && (is_name_span(k) || (capish(k) && tok(k).has(tf::kWord))) &&
            !is_title_span(k)) {
          j = k;
          continue;
        }
      }
      break;
    }
    // A trailing hyphen or connector never ends a name.
    while (j > i && (!tok(j - 1).has(tf::kWord) || ((lex(j - 1) & lf::kConnector) != 0 &&
                                                     tok(j - 1).has(tf::kLower)))) {
      --j;
    }
    return j == i ? i + 1 : j;
  }

  std::size_t word_count(std::uint32_t first, std::uint32_t last) const {
    std::size_t n = 0;
    for (std::uint32_t i = first; i < last; ++i) {
      if (!tok(i).has(tf::kWord)) continue;
      if (tok(i).has(tf::kJoined) && i > first && tok(i - 1).has(tf::kJoined)) continue;
      if ((lex(i) & (lf::kConnector | lf::kPersonPrefix)) != 0 && tok(i).has(tf::kLower)) continue;
      ++n;
    }
    return n;
  }

  // What only follows a person: an age (", 53 ,") or ", who".
  bool person_apposition_after(std::uint32_t j, std::uint32_t last) const {
    if (j + 2 >= last || norm(j) != ",") return false;
    if (norm(j + 1) == "who") return true;
    return tok(j + 1).has(tf::kNumber) && tok(j + 1).end - tok(j + 1).start <= 3 && norm(j + 2) == ",";
  }

  // Title after the run: ", a former visiting fellow at", ", director of".
  bool apposition_after(std::uint32_t j, std::uint32_t last) const {
    if (j >= last || norm(j) != ",") return false;
    std::uint32_t k = j + 1;
    // ", India's finance minister": a listed name and a possessive may come first.
    if (k + 1 < last && is_name_span(k) && spans_[span_at_[k]].last < last &&
        tok(spans_[span_at_[k]].last).has(tf::kPossessive)) {
      k = spans_[span_at_[k]].last + 1;
    }
    for (int skipped = 0; k < last && skipped < 4; ++skipped, ++k) {
      if (is_title_span(k)) return !honorific_title(spans_[span_at_[k]]);
      if (!tok(k).has(tf::kLower) && !tok(k).has(tf::kNumber)) return false;
    }
    return false;
  }

  bool person_evidence(std::uint32_t i, std::uint32_t j, int anchor, std::uint32_t last) const {
    const std::size_t n = word_count(i, j);
    // A lone common word between two titles is an adjective ("dissident Soviet historian").
    if (n == 1 && j < last && is_title_span(j) && (lex(i) & lf::kCommon) != 0) return false;
    if (anchor >= 0) {
      // "President Yoon", "Foreign Minister Wang Yi"; but not "President Obama's Washington".
      if (n >= 2 || !is_name_span(i)) return true;
    }
    if (n < 2 || n > 5) return false;
    // First and last word tokens.
    std::uint32_t first = i;
    std::uint32_t final = j - 1;
    while (final > i && (tok(final).has(tf::kJoined) && tok(final - 1).has(tf::kJoined))) --final;
    const std::uint32_t lf_first = lex(first);
    const std::uint32_t lf_last = lex(final);
    bool inner_common = false;
    for (std::uint32_t t = i + 1; t < j; ++t) {
      if (!tok(t).has(tf::kWord) || tok(t).has(tf::kLower)) continue;
      const std::uint32_t l = lex(t);
      if ((l & lf::kCommon) != 0 && (l & (lf::kSurname | lf::kGivenName)) == 0) inner_common = true;
      if ((l & (lf::kOrgSuffix)) != 0) inner_common = true;
    }
    if (tok(first).has(tf::kAllCaps) && !tok(first).has(tf::kInitial)) return false;
    if ((lf_first & lf::kGivenName) != 0 && !inner_common) return true;
    if (tok(first).has(tf::kInitial) && !inner_common) return true;
    if ((lf_first & lf::kSurnameFirst) != 0 && n <= 3 && !inner_common) return true;
    if ((lf_last & lf::kSurname) != 0 && !inner_common && (lf_first & lf::kCommon) == 0 &&
        !is_name_span(first)) {
      return true;
    }
    if (inner_common || is_name_span(first)) return false;
    if ((lf_first & lf::kCommon) != 0) return false;
    if (j < last && (lex(j) & lf::kSpeechVerb) != 0) return true;
    if (i > 0 && (lex(i - 1) & lf::kSpeechVerb) != 0) return true;
    if (apposition_after(j, last)) return true;
    return false;
  }

  int add_mention(MentionC m) {
    mentions_.push_back(std::move(m));
    return static_cast<int>(mentions_.size()) - 1;
  }

  int add_gazetteer(std::uint32_t span_index, std::uint32_t sentence) {
    const GazSpan& span = spans_[span_index];
    MentionC m;
    m.first = span.first;
    m.last = span.last;
    m.sentence = sentence;
    m.source = Source::kGazetteer;
    m.entry = span.entry;
    return add_mention(std::move(m));
  }

  // The country that qualifies a generic organisation name ("Chinese Foreign Ministry",
  // "Ministry of Foreign Affairs of China", "China's Foreign Ministry"); -1 when none.
  int qualifying_country(std::uint32_t i, std::uint32_t j) const {
    for (std::uint32_t t = i; t < j; ++t) {
      if (!is_name_span(t)) continue;
      const GazSpan& span = spans_[span_at_[t]];
      for (const Candidate& c : span.entry->candidates) {
        if (c.kind == CandidateKind::kCountry || c.kind == CandidateKind::kDemonym) {
          return static_cast<int>(c.index);
        }
      }
    }
    // "China's Foreign Ministry": a country mention and a possessive just before.
    if (i >= 2 && tok(i - 1).has(tf::kPossessive) && !mentions_.empty()) {
      const MentionC& m = mentions_.back();
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
    if (j == i + 2 && is_name_span(i) && spans_[span_at_[i]].last == i + 1 && is_institution_word(norm(i + 1))) {
      const int country = qualifying_country(i, j);
      if (country >= 0) {
        add_gazetteer(span_at_[i], sentence);
        MentionC m;
        m.first = i + 1;
        m.last = j;
        m.sentence = sentence;
        m.source = Source::kOrganization;
        m.label = Label::kOrganization;
        m.key = key_of(i + 1, j);
        m.country_hint = country;
        add_mention(std::move(m));
        return;
      }
    }
    MentionC m;
    m.first = i;
    m.last = j;
    m.sentence = sentence;
    m.source = Source::kOrganization;
    m.label = Label::kOrganization;
    // Generic names (every word common, apart from country words) need a qualifier.
    bool generic = true;
    std::string key;
    for (std::uint32_t t = i; t < j; ++t) {
      if (is_name_span(t)) {
        const GazSpan& span = spans_[span_at_[t]];
        bool country = false;
        for (const Candidate& c : span.entry->candidates) {
          if (c.kind == CandidateKind::kCountry || c.kind == CandidateKind::kDemonym) country = true;
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
      if (m.country_hint < 0) m.country_hint = -2;  // document-local
    }
    add_mention(std::move(m));
  }

  // Headlines and datelines in capitals say nothing about acronyms.
  bool sentence_all_caps(std::uint32_t sentence) const {
    const Sentence& s = seg_.sentences[sentence];
    std::size_t words = 0, caps = 0;
    for (std::uint32_t t = s.first; t < s.last; ++t) {
      if (!tok(t).has(tf::kWord) || tok(t).has(tf::kNumber)) continue;
      ++words;
      caps += tok(t).has(tf::kAllCaps);
    }
    return words > 0 && caps * 2 > words;
  }

  static bool not_an_organization_acronym(std::string_view w) {
    static constexpr std::string_view kList[] = {
        "gmt", "utc", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "am", "pm", "bc", "ad",
        "ceo", "cfo", "coo", "cto", "gdp", "gnp", "cpi", "tv", "ok", "id", "dna", "rna", "hiv", "aids",
        "ufo", "mp", "mps", "ii", "iii", "iv", "vi", "vii", "viii", "ix", "xi", "xii", "usa", "us",
        "uk", "eu", "mph", "kg", "km", "mm", "cm", "ft", "lb", "lbs", "oz", "pc", "it", "ai", "vip",
        "faq", "pdf", "pr", "rip", "sos", "vs", "jr", "sr", "phd", "md", "ma", "ba", "bs", "msc",
        "a", "i", "o", "tnt", "icbm", "icbms", "awacs", "rpg", "atm", "suv", "suvs", "gps", "sars",
        "covid", "led", "lcd", "dvd", "cd", "cds", "usb", "www", "http", "html", "ny", "la", "dc"};
    for (const std::string_view x : kList) {
      if (x == w) return true;
    }
    return false;
  }

  static bool is_institution_word(std::string_view w) {
    return w == "congress" || w == "senate" || w == "parliament" || w == "navy" || w == "army" ||
           w == "pentagon" || w == "kremlin" || w == "legislature" || w == "politburo" || w == "cabinet";
  }

  bool only_place_candidates(const PhraseEntry& entry) const {
    bool place = false;
    for (const Candidate& c : entry.candidates) {
      if (c.kind == CandidateKind::kCity || c.kind == CandidateKind::kSubdivision) place = true;
      else if (c.kind != CandidateKind::kTitle) return false;
    }
    return place;
  }

  // Whether some city or subdivision candidate of `entry` lies in the state (or country).
  bool listed_in(const PhraseEntry& entry, int state, int country) const {
    const std::string_view code = state >= 0 ? std::string_view(k_.subdivisions()[state].code) : std::string_view();
    const std::string_view iso2 =
        state >= 0 ? std::string_view(k_.subdivisions()[state].country) : std::string_view(k_.countries()[country].iso2);
    for (const Candidate& c : entry.candidates) {
      if (c.kind == CandidateKind::kCity) {
        const CityInfo& city = k_.cities()[c.index];
        if (state >= 0 ? city.subdivision == code : city.country == iso2) return true;
      } else if (c.kind == CandidateKind::kSubdivision) {
        if (k_.subdivisions()[c.index].country == iso2) return true;
      }
    }
    return false;
  }

  // Whether city [i, k) and the capitalised words [k, j) after it form a source line: at the
  // start of a sentence or after a document code, and followed by "in <language>" or, for a
  // name in capitals after a city that is not, nothing at all. "New York Times reported" is
  // no source line.
  bool source_line_at(std::uint32_t i, std::uint32_t k, std::uint32_t j, std::uint32_t last) const {
    if (!(tok(i).has(tf::kSentenceStart) || i == 0 || is_code(i - 1))) return false;
    // "in Spanish", "in English": a capitalised word after "in" and then a number or the end.
    if (j + 1 < last && norm(j) == "in" && tok(j + 1).has(tf::kCapital) &&
        (j + 2 >= last || tok(j + 2).has(tf::kNumber) || (i > 0 && is_code(i - 1)))) {
      return true;
    }
    if (j != last && !(j + 1 == last && !tok(j).has(tf::kWord))) return false;
    if (tok(i).has(tf::kAllCaps)) return false;
    for (std::uint32_t t = k; t < j; ++t) {
      if (tok(t).has(tf::kWord) && !tok(t).has(tf::kAllCaps)) return false;
    }
    return true;
  }

  // A run that names a person on its own: a known given name or an initial first.
  bool strong_person(std::uint32_t i, std::uint32_t j) const {
    return word_count(i, j) >= 2 && ((lex(i) & lf::kGivenName) != 0 || tok(i).has(tf::kInitial)) &&
           (lex(i) & lf::kCommon) == 0;
  }

  bool in_word_set(std::string_view set, std::string_view word) const {
    for (const auto& [name, words] : rules_.word_sets) {
      if (name == set) return contains(words, word);
    }
    return false;
  }

  // A place the text names and qualifies itself. With neither a state nor a country its key
  // is document-local ("Main Street" is in every town).
  void add_place(std::uint32_t i, std::uint32_t j, std::uint32_t sentence, int state, int country) {
    if (state < 0 && country < 0) {
      MentionC m;
      m.first = i;
      m.last = j;
      m.sentence = sentence;
      m.source = Source::kPlace;
      m.label = Label::kPlace;
      m.key = key_of(i, j) + "@" + document_tag();
      add_mention(std::move(m));
      return;
    }
    MentionC m;
    m.first = i;
    m.last = j;
    m.sentence = sentence;
    m.source = Source::kPlace;
    m.label = Label::kPlace;
    m.subdivision = state;
    m.country_hint = state >= 0 ? k_.country_index(k_.subdivisions()[state].country) : country;
    m.key = key_of(i, j) + "@" + (state >= 0 ? k_.subdivisions()[state].code : k_.countries()[country].iso2);
    add_mention(std::move(m));
  }

  void add_person(std::uint32_t i, std::uint32_t j, std::uint32_t sentence, int anchor) {
    MentionC m;
    // CoNLL-style newswire and most NER conventions keep a courtesy title inside the name's
    // span ("Mrs. Say"); roles ("President", "Dr.") stay outside as roles.
    if (anchor >= 0 && roles_[anchor].last == i && roles_[anchor].last == roles_[anchor].first + 1) {
      const std::string_view w = norm(roles_[anchor].first);
      if (w == "mr" || w == "mrs" || w == "ms" || w == "miss" || w == "messrs" || w == "mme") {
        m.shown_first = roles_[anchor].first;
      }
    }
    m.first = i;
    m.last = j;
    m.sentence = sentence;
    m.source = Source::kPerson;
    m.label = Label::kPerson;
    m.key = key_of(i, j);
    add_mention(std::move(m));
  }

  // Initials of the capitalised words of [i, j): "Terminal High Altitude Area Defense" -> THAAD.
  std::string initials(std::uint32_t i, std::uint32_t j) const {
    std::string out;
    for (std::uint32_t t = i; t < j; ++t) {
      if (!tok(t).has(tf::kWord)) continue;
      if ((lex(t) & lf::kConnector) != 0 && tok(t).has(tf::kLower)) continue;
      const char c = doc_.text[tok(t).start];
      out.push_back(static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c));
    }
    return out;
  }

  // "Long Form (LF)": registers the acronym for the rest of the document and returns the
  // index of its token, or 0.
  std::uint32_t acronym_definition(std::uint32_t i, std::uint32_t j, std::uint32_t last, int mention) {
    if (j + 2 >= last || norm(j) != "(" || norm(j + 2) != ")") return 0;
    const Token& a = tok(j + 1);
    if (!a.has(tf::kAllCaps)) return 0;
    const std::string acronym = lower(std::string_view(doc_.text).substr(a.start, a.end - a.start));
    std::string expected = lower(initials(i, j));
    std::string acronym_letters;
    for (const char c : acronym) {
      if (c != '.') acronym_letters.push_back(c);
    }
    // Exact initials, or initials of the words without a leading country ("Republic of Korea").
    if (acronym_letters != expected && expected.find(acronym_letters) == std::string::npos) return 0;
    acronyms_[std::string(norm(j + 1))] = mention;
    if (mention >= 0) {
      MentionC m;
      m.first = j + 1;
      m.last = j + 2;
      m.sentence = mentions_[mention].sentence;
      m.source = Source::kAlias;
      m.alias_of = mention;
      add_mention(std::move(m));
    }
    return j + 1;
  }

  void classify_run(std::uint32_t i, std::uint32_t j, std::uint32_t sentence, int anchor,
                    std::uint32_t last) {
    const std::size_t before = mentions_.size();
    // An acronym defined earlier in the document ("THAAD", "ROK").
    if (j == i + 1 && tok(i).has(tf::kAllCaps) && !is_name_span(i)) {
      const auto it = acronyms_.find(norm(i));
      if (it != acronyms_.end()) {
        if (it->second >= 0) {
          MentionC m;
          m.first = i;
          m.last = j;
          m.sentence = sentence;
          m.source = Source::kAlias;
          m.alias_of = it->second;
          add_mention(std::move(m));
        }
        return;
      }
    }
    // 0a. A monitoring service's source line names the city, then the source: "PA0302025694
    //     Panama City ACAN in Spanish 2153 GMT", "Tokyo MAINICHI SHIMBUN". Two mentions: the
    //     city and the organisation.
    if (is_name_span(i) && spans_[span_at_[i]].last < j && only_place_candidates(*spans_[span_at_[i]].entry) &&
        source_line_at(i, spans_[span_at_[i]].last, j, last)) {
      const std::uint32_t k = spans_[span_at_[i]].last;
      add_gazetteer(span_at_[i], sentence);
      add_organization(k, j, sentence);
      return;
    }
    // 0. A one-word title in front of an organisation's name is part of it ("General
    //    Motors", "General Accounting Office").
    if (anchor >= 0 && roles_[anchor].last == i && roles_[anchor].last == roles_[anchor].first + 1 &&
        !roles_[anchor].honorific && tok(roles_[anchor].first).has(tf::kCapital) && !is_name_span(j - 1) &&
        (lex(j - 1) & lf::kOrgSuffix) != 0 && capish(j - 1)) {
      add_organization(roles_[anchor].first, j, sentence);
      return;
    }
    // 1. Organisation heads ("Bank of Korea", "Ministry of Commerce").
    for (std::uint32_t t = i; t + 1 < j; ++t) {
      if ((lex(t) & lf::kOrgHead) != 0 && !is_name_span(t) && (norm(t + 1) == "of" || norm(t + 1) == "for")) {
        add_organization(i, j, sentence);
        acronym_definition(i, j, last, static_cast<int>(mentions_.size()) - 1);
        return;
      }
    }
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
    // 2c. A compass word before a listed place names part of it ("Southern California").
    if (j - i >= 2 && in_word_set("compass", norm(i)) && tok(i).has(tf::kCapital) && is_name_span(i + 1) &&
        spans_[span_at_[i + 1]].last == j) {
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
    // 3a. A listed place name right after a person's title is that person's name
    //     ("President Lincoln", "Gov. Jackson"); a country or organisation never is.
    if (one_name && anchor >= 0 && !roles_[anchor].honorific && only_place_candidates(*spans_[span_at_[i]].entry)) {
      add_person(i, j, sentence, anchor);
      return;
    }
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
    // 3c. A listed place name the text qualifies with a state or country where none of its
    //     listed namesakes lies ("Astoria, Ore." when only Astoria, N.Y. is listed): a small
    //     unlisted town of that state, not the listed namesake.
    if (one_name && anchor < 0 && only_place_candidates(*spans_[span_at_[i]].entry)) {
      int state = -1, country = -1;
      if (qualifier_after(j, last, state, country) && !listed_in(*spans_[span_at_[i]].entry, state, country)) {
        add_place(i, j, sentence, state, country);
        return;
      }
    }
    // 3. One gazetteer name.
    if (one_name) {
      const int m = add_gazetteer(span_at_[i], sentence);
      acronym_definition(i, j, last, m);
      return;
    }
    // 4. People.
    if (person_evidence(i, j, anchor, last)) {
      add_person(i, j, sentence, anchor);
      return;
    }
    // 4a. An unlisted acronym in running text names an organisation far more often than
    //     anything else ("the NRC said", "GAO"); measures, time zones and the like are listed
    //     out. Its key stays document-local: three letters say too little to merge on.
    if (j == i + 1 && !is_name_span(i) && tok(i).has(tf::kAllCaps) && !tok(i).has(tf::kNumber) &&
        !sentence_all_caps(sentence) && tok(i).end - tok(i).start >= 2 && tok(i).end - tok(i).start <= 6 &&
        !not_an_organization_acronym(norm(i))) {
      add_organization(i, j, sentence);
      mentions_.back().country_hint = -2;
      return;
    }
    // 4c. An institution named by its common noun alone ("Congress", "the Navy"): an
    //     organisation of the document's own country, kept document-local.
    if (j == i + 1 && tok(i).has(tf::kCapital) && !initial_position(i) && is_institution_word(norm(i))) {
      add_organization(i, j, sentence);
      return;
    }
    // 4b. One unlisted capitalised word that is a known surname and no English word, or that
    //     speaks ("Oswald", "Lifa said"): a person named by surname alone.
    if (j == i + 1 && !is_name_span(i) && tok(i).has(tf::kCapital) && !tok(i).has(tf::kAllCaps) &&
        !tok(i).has(tf::kAbbrev) && (lex(i) & lf::kCommon) == 0 &&
        ((lex(i) & lf::kSurname) != 0 || (j < last && (lex(j) & lf::kSpeechVerb) != 0 && norm(j) != "told") ||
         apposition_after(j, last) || person_apposition_after(j, last))) {
      add_person(i, j, sentence, -1);
      mentions_.back().lone_surname = true;
      return;
    }
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

  // ---- resolution ------------------------------------------------------------------------
  int entity_for(const std::string& label, const std::string& key, Label l, std::uint32_t first_token,
                 bool* created) {
    const std::string id = Entity::make_id(label, key);
    const auto it = entity_index_.find(id);
    if (it != entity_index_.end()) {
      *created = false;
      return it->second;
    }
    EntityB e;
    e.out.id = id;
    e.out.label = label;
    e.out.key = key;
    e.label = l;
    e.first_token = first_token;
    entities_.push_back(std::move(e));
    entity_index_.emplace(id, static_cast<int>(entities_.size()) - 1);
    *created = true;
    return static_cast<int>(entities_.size()) - 1;
  }

  int country_entity(int country, std::uint32_t first_token) {
    const CountryInfo& c = k_.countries()[country];
    bool created = false;
    const int e = entity_for(labels::kCountry, c.iso2, Label::kCountry, first_token, &created);
    if (created) {
      EntityB& b = entities_[e];
      b.out.name = c.name;
      b.out.aliases = known_aliases(c.name, c.aliases, c.official_name);
      b.out.props["iso2"] = c.iso2;
      b.out.props["iso3"] = c.iso3;
      if (!c.region.empty()) b.out.props["region"] = c.region;
      b.country = country;
    }
    return e;
  }

  int subdivision_entity(int sub, std::uint32_t first_token) {
    const SubdivisionInfo& s = k_.subdivisions()[sub];
    bool created = false;
    const int e = entity_for(labels::kPlace, s.code, Label::kPlace, first_token, &created);
    if (created) {
      EntityB& b = entities_[e];
      b.out.name = s.name;
      b.out.aliases = known_aliases(s.name, s.aliases, s.full_name);
      b.out.props["kind"] = "subdivision";
      b.out.props["country"] = s.country;
      b.out.props["iso3166_2"] = s.code;
      if (!s.type.empty()) b.out.props["type"] = lower(s.type);
      b.subdivision = sub;
      b.country = k_.country_index(s.country);
    }
    return e;
  }

  int city_entity(int city, std::uint32_t first_token) {
    const CityInfo& c = k_.cities()[city];
    bool created = false;
    const int e = entity_for(labels::kPlace, "geonames:" + std::to_string(c.geonames), Label::kPlace,
                             first_token, &created);
    if (created) {
      EntityB& b = entities_[e];
      b.out.name = c.name;
      if (!c.ascii_name.empty()) b.out.aliases.push_back(c.ascii_name);
      b.out.props["kind"] = "city";
      b.out.props["country"] = c.country;
      b.out.props["geonames"] = std::to_string(c.geonames);
      if (!c.subdivision.empty()) b.out.props["subdivision"] = c.subdivision;
      b.city = city;
      b.country = k_.country_index(c.country);
      b.subdivision = c.subdivision.empty() ? -1 : k_.subdivision_index(c.subdivision);
    }
    return e;
  }

  int region_entity(int region, std::uint32_t first_token) {
    const RegionInfo& r = k_.regions()[region];
    bool created = false;
    const int e = entity_for(labels::kPlace, r.key, Label::kPlace, first_token, &created);
    if (created) {
      EntityB& b = entities_[e];
      b.out.name = r.name;
      b.out.props["kind"] = r.kind.empty() ? "region" : r.kind;
      if (!r.parent.empty()) b.out.props["parent"] = r.parent;
      b.region = region;
    }
    return e;
  }

  int organization_entity(int org, std::uint32_t first_token) {
    const OrganizationInfo& o = k_.organizations()[org];
    bool created = false;
    const int e = entity_for(labels::kOrganization, o.key, Label::kOrganization, first_token, &created);
    if (created) {
      EntityB& b = entities_[e];
      b.out.name = o.name;
      b.out.aliases = known_aliases(o.name, o.aliases);
      if (!o.kind.empty()) b.out.props["kind"] = o.kind;
      if (!o.country.empty()) b.out.props["country"] = o.country;
    }
    return e;
  }

  std::string document_tag() {
    if (!document_tag_.empty()) return document_tag_;
    if (doc_.sha256.size() >= 12) return document_tag_ = "doc:" + doc_.sha256.substr(0, 12);
    TransparentHash h;
    char buffer[24];
    std::snprintf(buffer, sizeof buffer, "doc:%012llx",
                  static_cast<unsigned long long>(h(doc_.text) & 0xffffffffffffull));
    return document_tag_ = buffer;
  }

  // Countries and subdivisions the document names unambiguously: the context that picks among
  // the candidates of an ambiguous name.
  void collect_context() {
    for (const MentionC& m : mentions_) {
      if (m.source == Source::kSubdivision) {
        context_subdivisions_.insert(m.subdivision);
        const int c = k_.country_index(k_.subdivisions()[m.subdivision].country);
        if (c >= 0) context_countries_.insert(c);
        continue;
      }
      if (m.source != Source::kGazetteer || m.entry->ambiguous) continue;
      int country = -1, sub = -1, city = -1, n = 0;
      for (const Candidate& c : m.entry->candidates) {
        if (c.kind == CandidateKind::kTitle) continue;
        ++n;
        if (c.kind == CandidateKind::kCountry || c.kind == CandidateKind::kDemonym) country = static_cast<int>(c.index);
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
  int resolve_gazetteer(MentionC& m) {
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
          if (context_countries_.count(static_cast<int>(c.index)) != 0) { score += 4; context = true; }
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
          if (context_subdivisions_.count(static_cast<int>(c.index)) != 0) { score += 4; context = true; }
          break;
        }
        case CandidateKind::kCity: {
          const CityInfo& city = k_.cities()[c.index];
          score = 1;
          if (city.capital) score += 1;
          if (city.population >= 1000000) score += 2;
          if (city.population == top_population && top_population >= 10 * std::max<std::uint64_t>(second_population, 1) &&
              top_population >= 100000) {
            score += 3;
          }
          country = k_.country_index(city.country);
          if (!city.subdivision.empty()) {
            const int sub = k_.subdivision_index(city.subdivision);
            if (sub >= 0 && context_subdivisions_.count(sub) != 0) { score += 5; context = true; }
          }
          break;
        }
        case CandidateKind::kTitle: break;
      }
      if (country >= 0 && context_countries_.count(country) != 0) {
        score += 2;
        context = true;
      }
      scored.push_back({&c, score, context});
    }
    if (scored.empty()) return -1;
    std::stable_sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) { return a.score > b.score; });
    const Scored& best = scored.front();
    if (scored.size() > 1 && scored[1].score >= best.score) return unlinked(m);
    if (entry.ambiguous && !best.context) {
      // "Washington state": the word after the name picks the subdivision.
      if (m.last < seg_.tokens.size() && norm(m.last) == "state") {
        for (const Candidate& c : entry.candidates) {
          if (c.kind == CandidateKind::kSubdivision) return subdivision_entity(static_cast<int>(c.index), m.first);
        }
      }
      // Without context, a name that is how news shortens a national capital ("Washington"
      // for "Washington, D.C.") is that capital.
      const int capital = capital_shortened_as(m);
      if (capital >= 0) return city_entity(capital, m.first);
    }
    if (entry.ambiguous) {
      if (!best.context) return unlinked(m);
      if (!entry.ambiguous_ids.empty()) {
        // Only the ids ambiguous.tsv names may be linked.
        const std::string id = candidate_id(*best.c);
        if (std::find(entry.ambiguous_ids.begin(), entry.ambiguous_ids.end(), id) == entry.ambiguous_ids.end()) {
          return unlinked(m);
        }
      }
    }
    const Candidate& c = *best.c;
    const int index = static_cast<int>(c.index);
    switch (c.kind) {
      case CandidateKind::kCountry: return country_entity(index, m.first);
      case CandidateKind::kDemonym:
        m.demonym = true;
        return country_entity(index, m.first);
      case CandidateKind::kSubdivision: return subdivision_entity(index, m.first);
      case CandidateKind::kCity: return city_entity(index, m.first);
      case CandidateKind::kRegion: return region_entity(index, m.first);
      case CandidateKind::kOrganization: return organization_entity(index, m.first);
      case CandidateKind::kTitle: break;
    }
    return -1;
  }

  // The city index of a national capital whose name is this mention and a short qualifier
  // ("Washington" -> "Washington D.C." / "Washington, D.C."), or -1.
  int capital_shortened_as(const MentionC& m) const {
    const std::string name = text_of(m.first, m.last);
    for (const CountryInfo& country : k_.countries()) {
      const std::string& capital = country.capital;
      if (country.capital_geonames == 0 || capital.size() <= name.size() + 1 || capital.size() > name.size() + 6 ||
          capital.compare(0, name.size(), name) != 0 || (capital[name.size()] != ' ' && capital[name.size()] != ',')) {
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
      case CandidateKind::kDemonym: return "Country:" + k_.countries()[c.index].iso2;
      case CandidateKind::kSubdivision: return "Place:" + k_.subdivisions()[c.index].code;
      case CandidateKind::kCity: return "Place:geonames:" + std::to_string(k_.cities()[c.index].geonames);
      case CandidateKind::kRegion: return "Place:" + k_.regions()[c.index].key;
      case CandidateKind::kOrganization: return "Organization:" + k_.organizations()[c.index].key;
      case CandidateKind::kTitle: break;
    }
    return "";
  }

  // An ambiguous place name without context: a document-local Place (never merged across
  // documents); an ambiguous country or demonym is dropped.
  int unlinked(MentionC& m) {
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
    const std::string key = key_of(m.first, m.last) + "@" + document_tag();
    const int e = entity_for(labels::kPlace, key, Label::kPlace, m.first, &created);
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
    for (MentionC& m : mentions_) {
      if (m.source != Source::kPerson || word_count(m.first, m.last) < 2) continue;
      bool created = false;
      m.entity = entity_for(labels::kPerson, m.key, Label::kPerson, m.first, &created);
      if (created) {
        entities_[m.entity].out.name = text_of(m.first, m.last);
        full_names.push_back(m.entity);
      }
    }
    // Each word of a full name -> the people it could stand for.
    std::unordered_map<std::string, std::vector<int>> by_word;
    for (const MentionC& m : mentions_) {
      if (m.source != Source::kPerson || m.entity < 0) continue;
      std::uint32_t first_word = m.first;
      std::uint32_t last_word = m.last - 1;
      while (last_word > m.first && tok(last_word).has(tf::kJoined) && tok(last_word - 1).has(tf::kJoined)) {
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
    for (MentionC& m : mentions_) {
      if (m.source == Source::kPerson && m.entity < 0) {
        // "President Yoon" -> Yoon Suk-yeol when exactly one full name fits.
        int e = short_form(m.first, m.last);
        m.short_form = e >= 0;
        if (e < 0) {
          bool created = false;
          // One surname alone says too little to merge across documents.
          const std::string key = m.lone_surname ? m.key + "@" + document_tag() : m.key;
          e = entity_for(labels::kPerson, key, Label::kPerson, m.first, &created);
          if (created) entities_[e].out.name = text_of(m.first, m.last);
        }
        m.entity = e;
      }
    }
    // A one-word place name that is the surname or given name of one person named in full
    // in this document is that person ("Martín Ibarra ... Ibarra signed" is no city in
    // Ecuador), unless a locative preposition makes it a place ("flew to Ibarra").
    for (MentionC& m : mentions_) {
      if (m.source != Source::kGazetteer || m.last != m.first + 1 || !only_place_candidates(*m.entry)) continue;
      if (m.first > 0) {
        const std::string_view p = norm(m.first - 1);
        if (p == "in" || p == "at" || p == "from" || p == "to" || p == "near" || p == "of") continue;
      }
      const int e = short_form(m.first, m.last);
      if (e < 0) continue;
      m.source = Source::kPerson;
      m.label = Label::kPerson;
      m.entity = e;
      m.short_form = true;
    }
    // Unexplained capitalised words that are the surname or given name of one person.
    for (const auto& [token, sentence] : pending_) {
      const int e = short_form(token, token + 1);
      if (e < 0) continue;
      MentionC m;
      m.first = token;
      m.last = token + 1;
      m.sentence = sentence;
      m.source = Source::kPerson;
      m.label = Label::kPerson;
      m.entity = e;
      m.short_form = true;
      mentions_.push_back(std::move(m));
    }
    for (MentionC& m : mentions_) {
      if (m.source == Source::kSubdivision) {
        m.entity = subdivision_entity(m.subdivision, m.first);
      } else if (m.source == Source::kPlace) {
        bool created = false;
        m.entity = entity_for(labels::kPlace, m.key, Label::kPlace, m.first, &created);
        if (created) {
          EntityB& b = entities_[m.entity];
          b.out.name = text_of(m.first, m.last);
          b.out.props["kind"] = m.region ? "region" : "place";
          b.country = m.country_hint;
          b.subdivision = m.subdivision;
          if (b.country >= 0) b.out.props["country"] = k_.countries()[b.country].iso2;
          if (b.subdivision >= 0) b.out.props["subdivision"] = k_.subdivisions()[b.subdivision].code;
        }
      } else if (m.source == Source::kGazetteer) {
        m.entity = resolve_gazetteer(m);
      } else if (m.source == Source::kOrganization) {
        std::string key = m.key;
        if (m.country_hint >= 0) key += "@" + k_.countries()[m.country_hint].iso2;
        if (m.country_hint == -2) key += "@" + document_tag();
        bool created = false;
        m.entity = entity_for(labels::kOrganization, key, Label::kOrganization, m.first, &created);
        if (created) {
          entities_[m.entity].out.name = text_of(m.first, m.last);
          if (m.country_hint >= 0) entities_[m.entity].out.props["country"] = k_.countries()[m.country_hint].iso2;
        }
      }
    }
    // Aliases follow what they abbreviate (defined earlier, so already resolved).
    for (MentionC& m : mentions_) {
      if (m.source == Source::kAlias && m.alias_of >= 0) m.entity = mentions_[m.alias_of].entity;
    }
  }

  // ---- relations -------------------------------------------------------------------------
  bool label_ok(const EntityB& e, const std::vector<LabelSpec>& specs) const {
    for (const LabelSpec& s : specs) {
      if (s.label != e.out.label) continue;
      if (s.kind.empty()) return true;
      const auto it = e.out.props.find("kind");
      if (it != e.out.props.end() && it->second == s.kind) return true;
    }
    return false;
  }

  // A capital city may act as its state ("Seoul was Beijing's largest trading partner") where
  // the slot takes a Country and not a Place: returns the Country's knowledge index or -1.
  int metonymy_country(const EntityB& e, const std::vector<LabelSpec>& specs) const {
    if (e.city < 0 || !k_.cities()[e.city].capital) return -1;
    bool country = false;
    for (const LabelSpec& s : specs) {
      if (s.label == labels::kPlace) return -1;
      if (s.label == labels::kCountry) country = true;
    }
    if (!country) return -1;
    return k_.country_of_capital(k_.cities()[e.city].geonames);
  }

  struct Binding {
    int source_unit = -1, target_unit = -1, role_unit = -1;
    int source_country = -1, target_country = -1;  // metonymy
  };

  bool match(const RelationRule& rule, const RelationTypeDef& type, std::size_t item, std::size_t u,
             Binding& b, std::size_t& end) const {
    if (item == rule.items.size()) {
      end = u;
      return true;
    }
    const PatternItem& p = rule.items[item];
    const std::size_t n = units_.size();
    switch (p.type) {
      case PatternItem::Type::kWord: {
        // A one-word title ("partner") is still the word a pattern may name.
        if (u < n && units_[u].last == units_[u].first + 1 && units_[u].type != Unit::Type::kEntity) {
          const std::string_view w = norm(units_[u].first);
          for (const std::string& alt : p.words) {
            if (alt == w) return match(rule, type, item + 1, u + 1, b, end);
          }
        }
        return p.optional && match(rule, type, item + 1, u, b, end);
      }
      case PatternItem::Type::kSource:
      case PatternItem::Type::kTarget:
      case PatternItem::Type::kEntity: {
        if (u < n && units_[u].type == Unit::Type::kEntity) {
          const EntityB& e = entities_[mentions_[units_[u].index].entity];
          const std::vector<LabelSpec>& specs =
              !p.labels.empty() ? p.labels
              : p.type == PatternItem::Type::kTarget ? type.target
              : p.type == PatternItem::Type::kSource ? type.source
                                                     : p.labels;
          int coerced = -1;
          // Where a thing is, a capital is the city: "Havana Radio Reloj" is in Havana.
          const bool locative = located_in_ >= 0 && &type == &rules_.types[located_in_];
          // A demonym stands for its state only as an adjective before a name or a title
          // ("Soviet Navy", "Chinese Foreign Minister Wang"); "in Spanish" is a language.
          const bool demonym_alone = mentions_[units_[u].index].demonym &&
                                     (u + 1 >= n || units_[u + 1].type == Unit::Type::kToken);
          const bool ok = demonym_alone ? p.type == PatternItem::Type::kEntity && specs.empty()
                          : p.type == PatternItem::Type::kEntity && specs.empty()
                              ? true
                              : (label_ok(e, specs) || (!locative && (coerced = metonymy_country(e, specs)) >= 0));
          if (ok) {
            Binding saved = b;
            if (p.type == PatternItem::Type::kSource) {
              b.source_unit = static_cast<int>(u);
              b.source_country = coerced;
            } else if (p.type == PatternItem::Type::kTarget) {
              b.target_unit = static_cast<int>(u);
              b.target_country = coerced;
            }
            if (match(rule, type, item + 1, u + 1, b, end)) return true;
            b = saved;
          }
        }
        return p.optional && match(rule, type, item + 1, u, b, end);
      }
      case PatternItem::Type::kRole: {
        if (u < n && units_[u].type == Unit::Type::kRole && !roles_[units_[u].index].honorific) {
          const int saved = b.role_unit;
          b.role_unit = static_cast<int>(u);
          if (match(rule, type, item + 1, u + 1, b, end)) return true;
          b.role_unit = saved;
        }
        return p.optional && match(rule, type, item + 1, u, b, end);
      }
      case PatternItem::Type::kStart:
        return u == 0 && match(rule, type, item + 1, u, b, end);
      case PatternItem::Type::kEnd: {
        for (std::size_t v = u; v < n; ++v) {
          if (units_[v].type != Unit::Type::kToken || tok(units_[v].first).has(tf::kWord) ||
              tok(units_[v].first).has(tf::kNumber)) {
            return false;
          }
        }
        return match(rule, type, item + 1, u, b, end);
      }
      case PatternItem::Type::kSkip: {
        for (int s = 0; s <= p.max_skip && u + static_cast<std::size_t>(s) <= n; ++s) {
          if (match(rule, type, item + 1, u + static_cast<std::size_t>(s), b, end)) return true;
        }
        return false;
      }
    }
    return false;
  }

  // Negation and hypothetical cues around a match: in the matched units and the three tokens
  // before; condition words ("if") anywhere in the sentence up to the match's end.
  std::string modality(const Sentence& s, std::uint32_t first_token, std::uint32_t last_token) const {
    const std::uint32_t from = first_token >= s.first + 3 ? first_token - 3 : s.first;
    for (std::uint32_t t = from; t < last_token; ++t) {
      if (!tok(t).has(tf::kWord)) continue;
      const std::string_view w = norm(t);
      if (contains(rules_.negation_cues, w)) return "negated";
      if (contains(rules_.hypothetical_cues, w)) return "hypothetical";
    }
    for (std::uint32_t t = s.first; t < last_token; ++t) {
      if (tok(t).has(tf::kWord) && contains(rules_.condition_cues, norm(t))) return "hypothetical";
    }
    return "";
  }

  // Whether "a located-in b" can be true given what the gazetteer knows of both ends. Text
  // rules see lists ("Delta, Orion, Piedmont", "the Yangtze, the Mekong") and loose commas
  // as appositions; a fact that contradicts the knowledge is a misreading, never news:
  //  - a continent is inside nothing, and nothing is inside a listed city but an unlisted
  //    place (a district, a street) - not an unlinked namesake of a listed place either
  //    ("In London, Brent crude fell" with London left unlinked);
  //  - a listed city, subdivision or region with a known country is in no other country,
  //    and a listed city with a known subdivision is in no other subdivision of its country;
  //  - two listed regions (or waters) nest only as regions.tsv says (its `parent` column);
  //  - a region whose parent is not a country is no part of any one country.
  bool plausible_located_in(const EntityB& a, const EntityB& b) const {
    const auto kind_of = [](const EntityB& e) {
      const auto it = e.out.props.find("kind");
      return it == e.out.props.end() ? std::string_view() : std::string_view(it->second);
    };
    const std::string_view source_kind = kind_of(a);
    if (a.region >= 0 && source_kind == "continent") return false;
    // An organisation is somewhere smaller than a continent ("the PSP in Europe" is a market),
    // and an intergovernmental one belongs to no one member ("Russia WTO talks").
    if (a.label == Label::kOrganization && kind_of(b) == "continent") return false;
    if (a.label == Label::kOrganization && source_kind == "intergovernmental" && b.label == Label::kCountry) return false;
    // A listed organisation with a home country is in no other country ("the American Red
    // Cross" read as the Geneva committee), except a news organisation: its datelines place
    // its bureaus ("BANGKOK, Thailand (AP)").
    if (a.label == Label::kOrganization && b.label == Label::kCountry && b.country >= 0 &&
        source_kind.substr(0, 4) != "news") {
      const auto home = a.out.props.find("country");
      if (home != a.out.props.end() && !home->second.empty() && home->second != k_.countries()[b.country].iso2) {
        return false;
      }
    }
    if (b.city >= 0 && (a.city >= 0 || a.subdivision >= 0 || a.region >= 0 || a.namesake)) return false;
    if (b.label == Label::kCountry && b.country >= 0) {
      if ((a.city >= 0 || a.subdivision >= 0) && a.country >= 0 && a.country != b.country) return false;
      if (a.region >= 0 && source_kind != "water") {
        const std::string& parent = k_.regions()[a.region].parent;
        if (parent != k_.countries()[b.country].iso2) return false;
      }
    }
    if (b.subdivision >= 0 && b.city < 0 && a.city >= 0 && a.subdivision >= 0 && a.subdivision != b.subdivision &&
        a.country == b.country) {
      return false;
    }
    if (a.region >= 0 && b.region >= 0 && k_.regions()[a.region].parent != k_.regions()[b.region].key) return false;
    return true;
  }

  void add_relation(const std::string& type, bool symmetric, std::string source, std::string target,
                    const std::string& basis, const Evidence& evidence, const std::string& role,
                    const std::string& modality) {
    if (source == target) return;
    if (symmetric && target < source) std::swap(source, target);
    RelationKey key{type, source, target};
    auto it = relation_index_.find(key);
    if (it == relation_index_.end()) {
      Relation r;
      r.type = type;
      r.source = source;
      r.target = target;
      r.basis = basis;
      if (!role.empty()) r.props["role"] = role;
      if (!modality.empty()) r.props["modality"] = modality;
      relations_.push_back(std::move(r));
      it = relation_index_.emplace(std::move(key), relations_.size() - 1).first;
    }
    Relation& r = relations_[it->second];
    if (basis == basis::kText) r.basis = basis::kText;
    // The most specific role wins: "minister of foreign affairs" over "counterpart".
    if (!role.empty() && (r.props.find("role") == r.props.end() || r.props["role"].size() < role.size())) {
      r.props["role"] = role;
    }
    // One sentence is one piece of evidence, however many rules see the fact in it: two
    // rules matching the same words must not raise the confidence of the edge.
    for (Evidence& e : r.evidence) {
      if (e.span != evidence.span) continue;
      if (evidence.confidence > e.confidence) e = evidence;
      return;
    }
    r.evidence.push_back(evidence);
  }

  void relate_sentence(std::uint32_t sentence_index) {
    const Sentence& s = seg_.sentences[sentence_index];
    // Units: entity mentions and roles of this sentence, other tokens one by one.
    units_.clear();
    int entity_units = 0;
    std::size_t m = sentence_mentions_begin(sentence_index);
    std::size_t r = sentence_roles_begin(sentence_index);
    for (std::uint32_t t = s.first; t < s.last;) {
      while (m < sorted_mentions_.size() && mentions_[sorted_mentions_[m]].first < t) ++m;
      while (r < roles_.size() && roles_[r].first < t) ++r;
      if (m < sorted_mentions_.size() && mentions_[sorted_mentions_[m]].first == t) {
        const int index = sorted_mentions_[m];
        units_.push_back({Unit::Type::kEntity, t, mentions_[index].last, index});
        ++entity_units;
        t = mentions_[index].last;
        continue;
      }
      if (r < roles_.size() && roles_[r].first == t) {
        units_.push_back({Unit::Type::kRole, t, roles_[r].last, static_cast<int>(r)});
        t = roles_[r].last;
        continue;
      }
      units_.push_back({Unit::Type::kToken, t, t + 1, -1});
      ++t;
    }
    if (entity_units < 2) return;
    Evidence evidence;
    evidence.span = s.span;
    std::string sentence_text;  // made on the first match only
    for (std::size_t type_index = 0; type_index < rules_.types.size(); ++type_index) {
      const RelationTypeDef& type = rules_.types[type_index];
      const std::vector<const RelationRule*>& type_rules = rules_by_type_[type_index];
      for (std::size_t u = 0; u < units_.size(); ++u) {
        bool matched = false;
        for (const RelationRule* rule_ptr : type_rules) {
          const RelationRule& rule = *rule_ptr;
          if (matched && !rule.also) continue;
          if (!could_start(rule, units_[u])) continue;
          Binding b;
          std::size_t end = 0;
          if (!match(rule, type, 0, u, b, end)) continue;
          if (rule.not_in_list && in_list(u, end)) continue;
          const Unit& su = units_[b.source_unit];
          const Unit& tu = units_[b.target_unit];
          MentionC& sm = mentions_[su.index];
          MentionC& tm = mentions_[tu.index];
          // A match the gazetteer contradicts is no match: a later rule may still read the
          // words right.
          if (static_cast<int>(type_index) == located_in_) {
            const int source = b.source_country >= 0 ? country_entity(b.source_country, sm.first) : sm.entity;
            const int target = b.target_country >= 0 ? country_entity(b.target_country, tm.first) : tm.entity;
            if (!plausible_located_in(entities_[source], entities_[target])) continue;
          }
          std::string mod = modality(s, units_[u].first, units_[end - 1].last);
          double confidence = rule.confidence;
          if (!rule.also) matched = true;
          if (!mod.empty()) {
            if (!options_.keep_modal_relations) continue;
            confidence *= 0.3;
          }
          // Capital metonymy: the mention now names the state.
          if (b.source_country >= 0) {
            sm.entity = country_entity(b.source_country, sm.first);
            sm.metonym = true;
          }
          if (b.target_country >= 0) {
            tm.entity = country_entity(b.target_country, tm.first);
            tm.metonym = true;
          }
          std::string role;
          if (b.role_unit >= 0) {
            const Unit& ru = units_[b.role_unit];
            role = text_of(ru.first, ru.last);
          }
          if (sentence_text.empty()) sentence_text = doc_.text.substr(s.span.start, s.span.size());
          evidence.rule = rule.name;
          evidence.text = sentence_text;
          evidence.confidence = confidence;
          add_relation(type.name, type.symmetric, entities_[sm.entity].out.id,
                       entities_[tm.entity].out.id, basis::kText, evidence, role, mod);
        }
      }
    }
  }

  // Whether units [first, end) sit in a list of names: "[match] , E" or "[match] and|or E"
  // with E no person ("Paris, Amsterdam and Lisbon"; "Rockville, Md., Bernero said" is no
  // list), "E , E , [match]" (two before: an address chain "Fort Hamilton, Brooklyn, N.Y."
  // has one), or "[match] E" (the last name continues: "Bayern Munich").
  bool in_list(std::size_t first, std::size_t end) const {
    const auto entity = [&](std::size_t u) { return u < units_.size() && units_[u].type == Unit::Type::kEntity; };
    const auto word = [&](std::size_t u, std::string_view w) {
      return u < units_.size() && units_[u].type == Unit::Type::kToken && norm(units_[u].first) == w;
    };
    // A list item need not be recognised: any capitalised word will do ("Internazionale").
    const auto item = [&](std::size_t u) { return entity(u) || (u < units_.size() && capish(units_[u].first)); };
    if (first >= 4 && word(first - 1, ",") && item(first - 2) && word(first - 3, ",") && item(first - 4)) {
      return true;
    }
    if ((word(end, "and") || word(end, "or") || word(end, "&")) && !entity(end + 1) && end + 1 < units_.size() &&
        capish(units_[end + 1].first)) {
      return true;  // "England, Scotland and Wales" with Wales unrecognised
    }
    if ((word(end, ",") || word(end, "and") || word(end, "or") || word(end, "&")) && entity(end + 1)) {
      // The next name continues the list unless it is a person or the larger unit the last
      // name lies in ("Azusa, Calif.": a chain of addresses, not a list).
      const EntityB& last = entities_[mentions_[units_[end - 1].index].entity];
      const EntityB& next = entities_[mentions_[units_[end + 1].index].entity];
      const auto is_subdivision = [](const EntityB& e) {
        const auto kind = e.out.props.find("kind");
        return kind != e.out.props.end() && kind->second == "subdivision";
      };
      const bool larger = (next.label == Label::kCountry && last.label != Label::kCountry) ||
                          (is_subdivision(next) && last.label == Label::kPlace && !is_subdivision(last));
      if (next.label != Label::kPerson && !larger) return true;
    }
    return entity(end);
  }

  // A cheap test of the first pattern item, before the backtracking matcher runs.
  bool could_start(const RelationRule& rule, const Unit& unit) const {
    const PatternItem& first = rule.items.front();
    if (first.optional) return true;
    switch (first.type) {
      case PatternItem::Type::kSource:
      case PatternItem::Type::kTarget:
      case PatternItem::Type::kEntity: return unit.type == Unit::Type::kEntity;
      case PatternItem::Type::kRole: return unit.type == Unit::Type::kRole;
      case PatternItem::Type::kWord: {
        if (unit.type == Unit::Type::kEntity || unit.last != unit.first + 1) return false;
        const std::string_view w = norm(unit.first);
        for (const std::string& alt : first.words) {
          if (alt == w) return true;
        }
        return false;
      }
      case PatternItem::Type::kSkip: return true;
      case PatternItem::Type::kStart: return &unit == &units_.front();
      case PatternItem::Type::kEnd: return true;
    }
    return true;
  }

  std::size_t sentence_mentions_begin(std::uint32_t sentence) {
    if (sorted_mentions_.empty() && !mentions_.empty()) {
      for (std::size_t i = 0; i < mentions_.size(); ++i) {
        if (mentions_[i].entity >= 0) sorted_mentions_.push_back(static_cast<int>(i));
      }
      std::sort(sorted_mentions_.begin(), sorted_mentions_.end(),
                [&](int a, int b) { return mentions_[a].first < mentions_[b].first; });
    }
    const std::uint32_t first = seg_.sentences[sentence].first;
    return static_cast<std::size_t>(
        std::lower_bound(sorted_mentions_.begin(), sorted_mentions_.end(), first,
                         [&](int a, std::uint32_t t) { return mentions_[a].first < t; }) -
        sorted_mentions_.begin());
  }

  std::size_t sentence_roles_begin(std::uint32_t sentence) const {
    const std::uint32_t first = seg_.sentences[sentence].first;
    return static_cast<std::size_t>(
        std::lower_bound(roles_.begin(), roles_.end(), first,
                         [](const RoleC& a, std::uint32_t t) { return a.first < t; }) -
        roles_.begin());
  }

  // Gazetteer facts about places the document names: a city in its subdivision (or else its
  // country), a subdivision in its country, when both ends are mentioned and the text did not
  // already say so. Evidence is the source's first mention.
  void knowledge_relations() {
    const int located = rules_.type_index("located-in");
    if (located < 0) return;
    std::unordered_map<std::string, int> first_mention;
    for (std::size_t i = 0; i < mentions_.size(); ++i) {
      const MentionC& m = mentions_[i];
      if (m.entity < 0) continue;
      auto [it, inserted] = first_mention.emplace(entities_[m.entity].out.id, static_cast<int>(i));
      if (!inserted && mentions_[it->second].first > m.first) it->second = static_cast<int>(i);
    }
    const std::size_t count = entities_.size();
    for (std::size_t e = 0; e < count; ++e) {
      const EntityB& b = entities_[e];
      if (b.label != Label::kPlace || first_mention.count(b.out.id) == 0) continue;
      std::string target;
      if (b.city >= 0 && b.subdivision >= 0) {
        const std::string sub = "Place:" + k_.subdivisions()[b.subdivision].code;
        if (first_mention.count(sub) != 0) target = sub;
      }
      if (target.empty() && (b.city >= 0 || b.subdivision >= 0) && b.country >= 0) {
        const std::string country = "Country:" + k_.countries()[b.country].iso2;
        if (first_mention.count(country) != 0) target = country;
      }
      if (target.empty()) continue;
      const std::string& type = rules_.types[located].name;
      if (relation_index_.count({type, b.out.id, target}) != 0) continue;
      // Also skip when the text already placed it somewhere more specific.
      bool stated = false;
      for (const Relation& r : relations_) {
        if (r.type == type && r.source == b.out.id && r.basis == basis::kText) stated = true;
      }
      if (stated) continue;
      const MentionC& m = mentions_[first_mention[b.out.id]];
      Evidence ev;
      ev.span = {tok(m.first).start, tok(m.last - 1).end};
      ev.rule = "gazetteer";
      ev.text = doc_.text.substr(ev.span.start, ev.span.size());
      ev.confidence = 0.95;
      add_relation(type, rules_.types[located].symmetric, b.out.id, target, basis::kKnowledge, ev, "", "");
    }
  }

  // ---- output ----------------------------------------------------------------------------
  // How the mention names its entity (core/Extraction.h's mention_kinds).
  static const char* kind_of(const MentionC& m, const Entity& entity, const std::string& text) {
    if (m.demonym) return mention_kinds::kDemonym;
    if (m.metonym) return mention_kinds::kMetonym;
    if (m.source == Source::kAlias) return mention_kinds::kAcronym;
    if (m.short_form) return mention_kinds::kShort;
    return text == entity.name ? mention_kinds::kName : mention_kinds::kAlias;
  }

  DocumentExtraction build() {
    DocumentExtraction out;
    out.document = doc_;
    std::vector<int> order;
    std::vector<std::vector<int>> by_entity(entities_.size());
    std::vector<int> sorted(mentions_.size());
    for (std::size_t i = 0; i < mentions_.size(); ++i) sorted[i] = static_cast<int>(i);
    std::sort(sorted.begin(), sorted.end(), [&](int a, int b) { return mentions_[a].first < mentions_[b].first; });
    for (const int i : sorted) {
      const MentionC& m = mentions_[i];
      if (m.entity < 0) continue;
      auto& list = by_entity[m.entity];
      if (list.empty()) order.push_back(m.entity);
      if (list.empty() || mentions_[list.back()].first != m.first) list.push_back(i);
    }
    std::unordered_set<std::string> present;
    for (const int e : order) {
      EntityB& b = entities_[e];
      Entity entity = std::move(b.out);
      for (const int i : by_entity[e]) {
        const MentionC& m = mentions_[i];
        Mention mention;
        mention.span = {tok(m.shown_first != UINT32_MAX ? m.shown_first : m.first).start, tok(m.last - 1).end};
        mention.text = doc_.text.substr(mention.span.start, mention.span.size());
        mention.kind = kind_of(m, entity, mention.text);
        // "Seoul" acting as South Korea is a mention of the country, not another name for it.
        if (!m.metonym && mention.text != entity.name &&
            std::find(entity.aliases.begin(), entity.aliases.end(), mention.text) == entity.aliases.end()) {
          entity.aliases.push_back(mention.text);
        }
        entity.mentions.push_back(std::move(mention));
      }
      present.insert(entity.id);
      out.entities.push_back(std::move(entity));
    }
    for (Relation& r : relations_) {
      // Metonymy may have moved every mention of an entity away: never leave a dangling id.
      if (present.count(r.source) == 0 || present.count(r.target) == 0) continue;
      double keep = 1.0;
      for (const Evidence& e : r.evidence) keep *= 1.0 - e.confidence;
      r.confidence = 1.0 - keep;
      out.relations.push_back(std::move(r));
    }
    return out;
  }

  const Knowledge& k_;
  const RuleSet& rules_;
  const std::vector<std::vector<const RelationRule*>>& rules_by_type_;
  const ExtractorOptions& options_;
  const Document& doc_;
  Segmentation seg_;
  std::vector<GazSpan> spans_;
  mutable std::vector<int> span_at_;
  std::vector<MentionC> mentions_;
  std::vector<RoleC> roles_;
  std::vector<std::uint32_t> role_sentence_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pending_;  // (token, sentence)
  std::unordered_map<std::string, int, TransparentHash, std::equal_to<>> acronyms_;
  std::vector<EntityB> entities_;
  std::unordered_map<std::string, int> entity_index_;
  std::unordered_set<int> context_countries_, context_subdivisions_;
  std::vector<Unit> units_;
  std::string document_tag_;
  std::vector<int> sorted_mentions_;
  std::vector<Relation> relations_;
  const int located_in_ = rules_.type_index("located-in");
  std::unordered_map<RelationKey, std::size_t, RelationKeyHash> relation_index_;
};

}  // namespace

Recognizer::Recognizer(Knowledge& knowledge, const RuleSet& rules, const ExtractorOptions& options)
    : knowledge_(knowledge), rules_(rules), options_(options) {
  // The rule files' word lists become lexicon flags.
  for (const auto& [list, words] : rules.word_lists) {
    const std::uint32_t flag = list == "org-suffix"    ? lf::kOrgSuffix
                               : list == "org-head"    ? lf::kOrgHead
                               : list == "connector"   ? lf::kConnector
                               : list == "speech-verb" ? lf::kSpeechVerb
                               : list == "place-suffix" ? lf::kPlaceSuffix
                                                       : lf::kPersonPrefix | lf::kConnector;
    for (const std::string& w : words) knowledge.add_lexicon_flags(w, flag);
  }
  rules_by_type_.resize(rules.types.size());
  for (const RelationRule& rule : rules.rules) rules_by_type_[rule.type_index].push_back(&rule);
  const Knowledge* k = &knowledge_;
  hooks_.is_common_word = [k](std::string_view word) { return (k->lexicon(word) & lf::kCommon) != 0; };
}

DocumentExtraction Recognizer::run(const Document& document) const {
  DocumentRun run(knowledge_, rules_, rules_by_type_, options_, hooks_, document);
  return run.run();
}

}  // namespace skein::extract
