// The affiliated-with paths of the syntax-relations component (SyntaxRelations.h): a role
// noun's phrases and modifiers, the verbs of work and joining, and the title words between an
// organisation and a name.
#include <algorithm>
#include <unordered_map>

#include "extract/KnowledgeEntities.h"
#include "extract/RelationChecks.h"
#include "extract/SyntaxRun.h"
#include "extract/TokenHelpers.h"

namespace skein::extract::syntax_detail {
namespace {

bool business_kind(std::string_view kind) { return kind == "business"; }

// A word after which a title is bare, naming no organisation: "said chairman X", "..., chief
// executive X", "and finance director X".
bool bare_title_opener(std::string_view w) {
  return w == "," || w == "said" || w == "says" || w == "and" || w == "(" || w == ":";
}

bool is_preposition(std::string_view w) {
  static constexpr std::string_view kPrepositions[] = {
      "in", "of", "on", "at", "for", "with", "from", "by", "to", "about", "into", "over", "after"};
  return std::find(std::begin(kPrepositions), std::end(kPrepositions), w) !=
         std::end(kPrepositions);
}

}  // namespace

void SyntaxRun::work_paths(std::uint32_t v) {
  const bool work = in(x_.work_verb, v), join = in(x_.join_verb, v), serve = in(x_.serve_verb, v);
  if (!work && !join && !serve) return;
  std::vector<int> employer;
  if (join) {
    employer = child_args(v, "obj");
  } else {
    static const std::vector<const char*> work_prepositions = {"at", "for"};
    static const std::vector<const char*> serve_prepositions = {"in", "on", "with"};
    for (const char* preposition : work ? work_prepositions : serve_prepositions) {
      for (int m : child_args_with(v, "obl", preposition)) {
        if (work || entity_of(m).label == EntityLabel::kOrganization) employer.push_back(m);
      }
    }
  }
  if (employer.empty()) return;
  relate_all("affiliated-with", subjects(v), employer,
             work   ? "work-verb"
             : join ? "join-verb"
                    : "serve-verb",
             0.8, v);
}

void SyntaxRun::affiliation_paths(int person, std::uint32_t h) {
  // The nodes that carry the person's roles.
  std::uint32_t nodes[8];
  std::size_t count = 0;
  nodes[count++] = h;
  for (std::uint32_t c : children(h)) {
    if (count < 6 && mention_at_[c] < 0 &&
        (base(c) == "appos" || (base(c) == "compound" && d_.pos[c] == upos::from_name("NOUN"))))
      nodes[count++] = c;
  }
  const std::int64_t g = head(h);
  if (g >= 0 && mention_at_[g] < 0) {
    const std::string_view r = base(h);
    // "Argentina's President, Nestor Kirchner, said": a conjunct joined to a title by a
    // comma alone (no "and") is an apposition the parse read as a list ("Apple's iTunes,
    // Napster" is a list).
    const std::uint32_t first = d_.mentions[person].first;
    const bool comma_conjunct = r == "conj" && g < h && !has_child(h, "cc") &&
                                first > sentence_->first && norm(first - 1) == "," &&
                                in_title_phrase(static_cast<std::uint32_t>(g));
    if (r == "appos" || r == "flat" || r == "compound" || comma_conjunct ||
        (relation(h) == "nsubj" && has_child(static_cast<std::uint32_t>(g), "cop")))
      nodes[count++] = static_cast<std::uint32_t>(g);
    // "David Blunkett has become a paid adviser to Indepen": the role a syntax-predicate-verb
    // makes of its subject.
    if (relation(h) == "nsubj" && in(x_.predicate_verb, static_cast<std::uint32_t>(g))) {
      for (std::uint32_t c : children(static_cast<std::uint32_t>(g))) {
        if (count < 8 && base(c) == "xcomp" && mention_at_[c] < 0) nodes[count++] = c;
      }
    }
  }
  for (std::size_t i = 0; i < count; ++i) {
    const std::uint32_t node = nodes[i];
    if (in(x_.not_a_role, node)) continue;  // "Crystal Palace fan Matthew Simmons"
    for (std::uint32_t c : children(node)) {
      const std::string_view r = base(c);
      const char* rule = nullptr;
      bool demonym_ok = false;
      // "adviser to the Treasury": "to" for the roles of syntax-affiliation-to-role only
      // ("ambassador to Japan" serves another state).
      const bool preposition = contains(x_.affiliation_prep, case_of(c)) ||
                               (case_of(c) == "to" && in(x_.affiliation_to_role, node));
      if (r == "nmod" && relation(c) != "nmod:poss" && preposition) {
        // "for" right after a name says what it is nominated or picked for ("Clare Higgins
        // for Hecuba"); set off by a comma, whom the person speaks for ("Vincent Cable, for
        // the Liberal Democrats,").
        if (node == h && case_of(c) == "for" && phrase_start(c) == d_.mentions[person].last)
          continue;
        // "at" and a numbered name right after a name is an address: "met Prime Minister Tony
        // Blair at 10 Downing Street".
        if (node == h && case_of(c) == "at" && has_child(c, "nummod")) continue;
        // A peer's "of" names the place of the title ("Lord Callaghan of Cardiff").
        const std::uint32_t name_first = d_.mentions[person].first;
        if (node == h && case_of(c) == "of" && name_first > 0 &&
            rules_.in_word_set("peerage", norm(name_first - 1)))
          continue;
        rule = "role-of";
      } else if (relation(c) == "nmod:poss" && (node != h || personal_name(person))) {
        rule = "role-poss";
      } else if ((r == "compound" || r == "amod") && c < node) {
        // (An English compound or adjective comes before its head: a name after the role
        // noun that the parse hung on it is none: "George W Bush, the Labor Department". Nor
        // does a name modify a person behind a courtesy title: "told the Sunday Times Mr
        // Campbell would front the campaign".)
        const std::uint32_t name_first = d_.mentions[person].first;
        if (node == h && name_first > 0 && courtesy_title(norm(name_first - 1))) continue;
        // Hung on the name itself past the word before it, that word is the role, and it
        // must be one: "Norfolk farmer Tony Martin".
        if (node == h && c + 1 < name_first && in(x_.not_a_role, name_first - 1)) continue;
        rule = "role-modifier";
        demonym_ok = true;
      }
      if (rule == nullptr) continue;
      // A phrase naming whose or where the role is needs a person's role noun ("its new
      // analysis tool Piero", "Sunday's ceremony Owen"); a modifier stays ("Eton pupil").
      // So does the predicate of "X is|has been <role>" ("has always been in favour").
      const bool predicate = node != h && relation(h) == "nsubj" &&
                             (head(h) == node || (base(node) == "xcomp" && head(node) == head(h)));
      if (node != h && (!demonym_ok || base(node) == "appos" || predicate) && !names_person(node))
        continue;
      // "head of UK equities for Standard Life Investments", "professor of economics at
      // Harvard": a role's field, a common noun, with the organisation's phrase hung on it; a
      // role noun, not the name, nor a predicate with a preposition ("X was at the centre of a
      // bid for Y").
      std::uint32_t phrase_node = c;
      int org = arg(c, demonym_ok);
      if (org < 0 && node != h && !has_child(node, "case") && rule == std::string_view("role-of") &&
          names_person(node)) {
        phrase_node = field_phrase(c);
        if (phrase_node != c) org = arg(phrase_node);
      }
      if (org < 0 || org == person ||
          (node != h && !can_hold_role_in(k_, rules_, entity_of(org), norm(node))))
        continue;
      if (entity_of(org).label == EntityLabel::kCountry &&
          (!names_state_role(k_, d_, node, node + 1) ||
           (rule != std::string_view("role-of") && role_in_organisation(node))))
        continue;
      // "shadow chief secretary to the Treasury" holds the role for the opposition, not in the
      // Treasury; a party's shadow role is still the party's ("the Liberal Democrats' shadow
      // home secretary", "shadow minister of the SNP").
      if (rule == std::string_view("role-of") && out_of_office(node) && !party(org)) continue;
      const std::uint32_t phrase =
          r == "nmod" && relation(c) != "nmod:poss" ? phrase_start(phrase_node) : c;
      // The clause's modality bears on a predicate ("X will become chief of Y"); a role the
      // name's own phrase gives is presupposed ("Ukraine's new president, Viktor Yushchenko,
      // is to speak": he is president whether or not he speaks).
      relate("affiliated-with", person, org, rule, 0.8, predicate ? node : kNoTrigger, phrase,
             node);
    }
  }
}

bool SyntaxRun::role_in_organisation(std::uint32_t node) const {
  for (std::uint32_t c : children(node)) {
    if (relation(c) == "nmod" && contains(x_.affiliation_prep, case_of(c)) && arg(c) >= 0 &&
        entity_of(arg(c)).label == EntityLabel::kOrganization)
      return true;
  }
  return false;
}

bool SyntaxRun::names_person(std::uint32_t node) const {
  if (person_noun(node)) return true;
  const auto& kids = children(node);
  return std::any_of(kids.begin(), kids.end(),
                     [&](std::uint32_t c) { return base(c) == "conj" && person_noun(c); });
}

bool SyntaxRun::personal_name(int m) const {
  const EntityMention& mention = d_.mentions[m];
  std::uint32_t words = 0;
  bool listed = false;
  for (std::uint32_t t = mention.first; t < mention.last; ++t) {
    if (!tok(t).has(token_flags::kWord)) continue;
    ++words;
    listed =
        listed || (tok(t).lexicon & (lexicon_flags::kGivenName | lexicon_flags::kSurname)) != 0;
  }
  // ("ONGC's Mr Raha": a courtesy title says so too.)
  return words >= 2 || listed || (mention.first > 0 && courtesy_title(norm(mention.first - 1)));
}

void SyntaxRun::bare_business_title(int person, std::uint32_t t, std::uint32_t role_word) {
  // The title ends on an executive's business role ("chief executive"; not "economist team",
  // "fund manager"), holds no institution's word ("committee chairman"), and no phrase after
  // the name says whose it is ("chairman X of Y").
  if (!in(x_.bare_title, role_word) ||
      !title_of_kind(k_, d_, role_word, role_word + 1, business_kind))
    return;
  for (std::uint32_t w = t; w < role_word; ++w) {
    if ((tok(w).lexicon & (lexicon_flags::kOrgHead | lexicon_flags::kOrgSuffix)) != 0) return;
  }
  const std::uint32_t after = d_.mentions[person].last;
  if (after < sentence_->last && (contains(x_.affiliation_prep, norm(after)) ||
                                  (norm(after) == "," && after + 1 < sentence_->last &&
                                   contains(x_.affiliation_prep, norm(after + 1)))))
    return;
  const int org = topic_organisation(sentence_->last);
  if (org < 0) return;
  relate("affiliated-with", person, org, "bare-title", 0.6, kNoTrigger, kNoPhrase, role_word,
         text_of(t, role_word + 1));
}

int SyntaxRun::topic_organisation(std::uint32_t before) const {
  // The headline and the lede: where a story names what it is about.
  const auto& sentences = d_.segmentation.sentences;
  const std::uint32_t opening = sentences.size() > 1 ? sentences[1].last : before;
  std::unordered_map<int, std::pair<int, int>> named;  // entity -> (mentions, latest mention)
  std::vector<int> opened;                             // entities named in the opening
  for (std::size_t m = 0; m < d_.mentions.size(); ++m) {
    const EntityMention& mention = d_.mentions[m];
    if (mention.last > before || mention.entity < 0 || mention.demonym ||
        mention.coref != CorefKind::kNone ||
        d_.entities[mention.entity].label != EntityLabel::kOrganization)
      continue;
    auto& [count, latest] = named[mention.entity];
    ++count;
    latest = static_cast<int>(m);
    if (mention.last <= opening) opened.push_back(mention.entity);
  }
  int best = 0, second = 0, mention = -1, entity = -1;
  for (const auto& [e, seen] : named) {
    if (seen.first > best) {
      second = best;
      best = seen.first;
      mention = seen.second;
      entity = e;
    } else if (seen.first > second) {
      second = seen.first;
    }
  }
  if (best < 2 || best == second || std::find(opened.begin(), opened.end(), entity) == opened.end())
    return -1;
  return mention;
}

bool SyntaxRun::set_off_title(int org, std::uint32_t role_word) const {
  if (!person_noun(role_word) || rules_.in_word_set("org-noun", norm(role_word))) return false;
  std::uint32_t before = d_.mentions[org].first;
  static constexpr std::string_view kSkipped[] = {"the", "a", "an", "ex", "-", "its", "their"};
  while (before > sentence_->first && std::find(std::begin(kSkipped), std::end(kSkipped),
                                                norm(before - 1)) != std::end(kSkipped))
    --before;
  return before == sentence_->first || !is_preposition(norm(before - 1));
}

bool SyntaxRun::person_noun(std::uint32_t t) const {
  return names_a_person_role(k_, d_, t) || in(x_.group_member, t);
}

void SyntaxRun::title_modifiers() {
  const std::uint32_t first = sentence_->first, last = sentence_->last;
  for (std::uint32_t f = first + 2; f < last; ++f) {
    const int person = mention_at_[f];
    if (person < 0 || d_.mentions[person].first != f ||
        entity_of(person).label != EntityLabel::kPerson || pronoun(person))
      continue;
    // The title ends before an honorific ("club manager Sir Alex Ferguson"): its last word is
    // the role.
    std::uint32_t title_end = f;
    for (const Role& r : d_.roles) {
      if (r.honorific && r.last == f && r.first > first) title_end = r.first;
    }
    // A comma may set the name off ("its founder, Mikhail Khodorkovsky").
    const bool comma = title_end > first + 2 && norm(title_end - 1) == ",";
    if (comma) --title_end;
    const std::uint32_t role_word = title_end - 1;
    std::uint32_t t = title_end;  // the token after the modifier
    // The title stops at a name: "UK Independence Party leader" is the party's, though
    // "party leader" is a title phrase.
    while (t > first && t + 5 > title_end && mention_at_[t - 1] < 0 &&
           (title_word(t - 1) || in_title_phrase(t - 1) || (t < title_end && participle(t - 1)) ||
            (t - 1 > first && t < title_end && tok(t - 1).has(token_flags::kJoined) &&
             !tok(t - 1).has(token_flags::kWord) && title_word(t - 2))))
      --t;
    if (t > first && tok(t - 1).has(token_flags::kPossessive)) --t;
    if (t == title_end || in(x_.not_a_role, role_word)) continue;
    if (t == first || bare_title_opener(norm(t - 1))) {
      bare_business_title(person, t, role_word);
      continue;
    }
    int org = organisation_ending_at(t);
    // "SNP Holyrood leader Nicola Sturgeon", "Lib Dem Home Affairs spokesman Mark Oaten": one
    // or two capitalised words that name no organisation (untagged words, or a place) may
    // stand between the organisation and the title; not one that would be the rest of its
    // name ("Liberal Democrat", "Sheffield Wednesday", "Downing Street").
    for (std::uint32_t q = t - 1; org < 0 && q + 2 >= t && q > first && qualifier(q); --q)
      org = organisation_ending_at(q);
    // The title ends on a person's role ("BBC Sport's new tool Piero" names none), one that
    // ties the person to this organisation ("Phoenix Nights creator Peter Kay" does not).
    // (A club's words before a name are its squad's: "Perpignan centre X", "Chelsea physio".)
    if (org < 0 ||
        (!tok(f - 1).has(token_flags::kPossessive) &&
         ((!person_noun(role_word) && !club(org)) ||
          !can_hold_role_in(k_, rules_, entity_of(org), norm(role_word)))) ||
        (tok(f - 1).has(token_flags::kPossessive) && !personal_name(person)))
      continue;
    if (comma && (!personal_name(person) || !set_off_title(org, role_word))) continue;
    relate("affiliated-with", person, org, "title-modifier", 0.85, kNoTrigger, kNoPhrase,
           role_word);
    // "Enron chief executives Ken Lay and Jeff Skilling", "Railtrack managers Alistair Cook,
    // Sean Fugill and ...": a plural title covers the list of names after it.
    if (!plural_role(role_word)) continue;
    for (std::uint32_t u = d_.mentions[person].last; u + 1 < last;) {
      if (norm(u) != "," && norm(u) != "and") break;
      const bool closing = norm(u) == "and" || norm(u + 1) == "and";
      if (norm(u) == "," && closing) ++u;
      const int next = u + 1 < last ? mention_at_[u + 1] : -1;
      if (next < 0 || d_.mentions[next].first != u + 1 ||
          entity_of(next).label != EntityLabel::kPerson || pronoun(next))
        break;
      relate("affiliated-with", next, org, "title-modifier-list", 0.8, kNoTrigger, kNoPhrase,
             role_word);
      if (closing) break;
      u = d_.mentions[next].last;
    }
  }
}

bool SyntaxRun::plural_role(std::uint32_t t) const {
  const std::string_view w = norm(t);
  return w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's' &&
         !tok(t).has(token_flags::kPossessive) && person_noun(t);
}

std::uint32_t SyntaxRun::field_phrase(std::uint32_t field) const {
  if (mention_at_[field] >= 0 || d_.pos[field] != upos::from_name("NOUN") ||
      !tok(field).has(token_flags::kLower))
    return field;
  for (std::uint32_t c : children(field)) {
    const std::string_view preposition = case_of(c);
    if (base(c) == "nmod" && relation(c) != "nmod:poss" &&
        (preposition == "at" || preposition == "for" || preposition == "with") && arg(c) >= 0)
      return c;
  }
  return field;
}

bool SyntaxRun::party(int m) const {
  const auto kind = entity_of(m).out.props.find("kind");
  return kind != entity_of(m).out.props.end() && kind->second == "party";
}

bool SyntaxRun::out_of_office(std::uint32_t node) const {
  for (std::uint32_t t = node > sentence_->first + 3 ? node - 3 : sentence_->first; t < node; ++t) {
    if (in(x_.not_in_office, t)) return true;
  }
  return false;
}

bool SyntaxRun::club(int m) const {
  const auto kind = entity_of(m).out.props.find("kind");
  return kind != entity_of(m).out.props.end() && kind->second == "club";
}

bool SyntaxRun::qualifier(std::uint32_t q) const {
  return tok(q).has(token_flags::kCapital) && !tok(q).has(token_flags::kSentenceStart) &&
         !is_calendar_word(norm(q)) && !rules_.in_word_set("affiliation", norm(q)) &&
         !institution_word(q) && (lex(q) & lexicon_flags::kPlaceSuffix) == 0 &&
         (mention_at_[q] < 0 || (entity_of(mention_at_[q]).label == EntityLabel::kPlace &&
                                 d_.mentions[mention_at_[q]].first == q));
}

int SyntaxRun::organisation_ending_at(std::uint32_t end) {
  const std::uint32_t m = end - 1;
  int org = mention_at_[m];
  // A pronoun only as a thing's possessive: "Yukos said its founder, Mikhail Khodorkovsky".
  if (org >= 0 &&
      (entity_of(org).label != EntityLabel::kOrganization || d_.mentions[org].last != end ||
       (pronoun(org) && norm(m) != "its" && norm(m) != "their")))
    org = -1;
  return org >= 0 ? org : party_mention(m);
}

bool SyntaxRun::title_word(std::uint32_t t) const {
  if (!tok(t).has(token_flags::kLower) || !tok(t).has(token_flags::kWord)) return false;
  if (d_.pos.size() == d_.segmentation.tokens.size() && d_.pos[t] != upos::kNone)
    return d_.pos[t] == upos::from_name("NOUN") || d_.pos[t] == upos::from_name("ADJ");
  static constexpr std::string_view kFunction[] = {"and", "or",   "but",  "the",  "a",   "an",
                                                   "of",  "to",   "by",   "with", "for", "in",
                                                   "on",  "said", "says", "told", "say"};
  for (const std::string_view w : kFunction) {
    if (norm(t) == w) return false;
  }
  return true;
}

bool SyntaxRun::participle(std::uint32_t t) const {
  const std::string_view w = norm(t);
  return tok(t).has(token_flags::kLower) && d_.pos.size() == d_.segmentation.tokens.size() &&
         d_.pos[t] == upos::from_name("VERB") && w.size() > 5 && w.substr(w.size() - 3) == "ing" &&
         !contains(x_.linking_participle, w);
}

int SyntaxRun::party_mention(std::uint32_t m) {
  if (!capish(m) || mention_at_[m] >= 0) return -1;
  for (int words = 2; words >= 1; --words) {
    if (m + 1 < sentence_->first + static_cast<std::uint32_t>(words)) continue;
    const std::uint32_t from = m + 1 - static_cast<std::uint32_t>(words);
    std::string key;
    for (std::uint32_t t = from; t <= m; ++t) {
      if (!capish(t) || mention_at_[t] >= 0) {
        key.clear();
        break;
      }
      if (!key.empty()) key += '-';
      key += norm(t);
    }
    if (key.empty()) continue;
    for (const auto& [org, words_of_party] : x_.parties) {
      if (!contains(words_of_party, key)) continue;
      KnowledgeEntities known(d_, k_);
      EntityMention mention;
      mention.first = from;
      mention.last = m + 1;
      mention.sentence = static_cast<std::uint32_t>(sentence_ - d_.segmentation.sentences.data());
      mention.label = EntityLabel::kOrganization;
      mention.source = MentionSource::kOrganization;  // no gazetteer entry to read
      mention.key = k_.organizations()[static_cast<std::size_t>(org)].key;
      mention.entity = known.organization_entity(org, from);
      mention.component = component_;
      mention.rule = "party-word";
      d_.mentions.push_back(mention);
      const int index = static_cast<int>(d_.mentions.size() - 1);
      for (std::uint32_t t = from; t <= m; ++t) mention_at_[t] = index;
      return index;
    }
  }
  return -1;
}

}  // namespace skein::extract::syntax_detail
