#pragma once
// The syntax-relations component's work on one document (SyntaxRelations.h describes the
// paths): an internal header shared by SyntaxRelations.cpp (arguments, relate(), met-with,
// trades-with, located-in) and SyntaxAffiliations.cpp (affiliated-with). Not part of the
// module's public interface.
//
// Thread-safety: a per-document object on the stack of SyntaxRelations::process().

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/AnnotatedDocument.h"
#include "extract/Knowledge.h"
#include "extract/RelationChecks.h"
#include "extract/Rules.h"
#include "extract/SentenceTree.h"
#include "extract/SyntaxRelations.h"
#include "extract/TokenHelpers.h"

namespace skein::extract::syntax_detail {

class SyntaxRun : public SentenceTree {
 public:
  SyntaxRun(AnnotatedDocument& document, const Knowledge& knowledge, const RuleSet& rules,
            const SyntaxRelations::Lexicon& lexicon, bool keep_modal, const char* component)
      : SentenceTree(document),
        d_(document),
        k_(knowledge),
        rules_(rules),
        x_(lexicon),
        keep_modal_(keep_modal),
        component_(component) {}

  void run();

 private:
  bool in(const std::vector<std::string>& set, std::uint32_t t) const {
    return contains(set, norm(t));
  }

  // ---- arguments ----
  const ResolvedEntity& entity_of(int m) const { return d_.entities[d_.mentions[m].entity]; }
  // The title (a role that is no honorific) starting at token t, or null.
  const Role* title_at(std::uint32_t t) const;
  // The token of mention m whose head lies outside it.
  std::uint32_t head_token(int m) const;
  // The mention an argument token stands for, or -1.
  int arg(std::uint32_t t, bool demonym_ok = false) const;
  // The party that people of a syntax-group-member noun stand for at a meeting: "SEC
  // officials", "the SEC's officials", "Israeli negotiators", "a delegation from the CBI",
  // "representatives of Switzerland", "his EU counterparts".
  // Not where the noun is a named person's title ("his South Korean counterpart Park Jin"; a
  // possessive pronoun is no name: "his EU counterparts").
  int group_of_members(std::uint32_t t) const;
  // arg(t) and the arguments of t's conjuncts ("X and Y").
  void args(std::uint32_t t, std::vector<int>& out, bool demonym_ok = false) const;
  // The arguments of t's children with this base relation (and, when `cases` is given, a case
  // word among them).
  std::vector<int> child_args(std::uint32_t t, std::string_view base_relation,
                              const std::vector<std::string>* cases = nullptr,
                              bool demonym_ok = false) const;
  std::vector<int> child_args_with(std::uint32_t t, std::string_view base_relation,
                                   std::string_view case_word) const;
  // The subject arguments of a verb: its nsubj, or the subject it shares as a conjunct, an
  // xcomp or an infinitive of purpose (the controller), a relative clause (the noun it
  // modifies) or an infinitive completing an object noun (the verb's subject).
  std::vector<int> subjects(std::uint32_t v, int depth = 0) const;

  // ---- adding a relation ----
  // The trigger of a relation read from the words alone: no clause to read modality from.
  static constexpr std::uint32_t kNoTrigger = UINT32_MAX;
  // `phrase`, for the paths that read a modifier or a prepositional phrase of the source's
  // name: its first word (the header's nearest-name rule), or kNoPhrase.
  static constexpr std::uint32_t kNoPhrase = UINT32_MAX;
  // `role`, for affiliated-with: the role word the relation was read from (kNoRole: none, so
  // the first word of either name stands for it), for former_role (RelationChecks.h).
  static constexpr std::uint32_t kNoRole = UINT32_MAX;
  // `implied`: the words that stand for a target the sentence does not name (a bare title's),
  // recorded as coreference words.
  void relate(const char* type_name, int source, int target, const char* rule, double confidence,
              std::uint32_t trigger, std::uint32_t phrase = kNoPhrase, std::uint32_t role = kNoRole,
              std::string_view implied = {});
  // The nearest-name rule: whether a name of another entity that could be this relation's
  // source (another person for a role; another place or organisation for an in-phrase) stands
  // between the source mention and the phrase that names the target.
  bool other_source_between(int source, int target, std::uint32_t phrase,
                            const RelationTypeDef& type) const;
  void relate_all(const char* type, const std::vector<int>& sources,
                  const std::vector<int>& targets, const char* rule, double confidence,
                  std::uint32_t trigger) {
    for (int s : sources) {
      for (int t : targets) relate(type, s, t, rule, confidence, trigger);
    }
  }
  void relate_pairs(const char* type, const std::vector<int>& parties, const char* rule,
                    double confidence, std::uint32_t trigger) {
    for (std::size_t i = 0; i < parties.size(); ++i) {
      for (std::size_t j = i + 1; j < parties.size(); ++j)
        relate(type, parties[i], parties[j], rule, confidence, trigger);
    }
  }

  // ---- met-with ----
  void meeting_paths(std::uint32_t v);

  // The person named right after `v` behind a title and demonyms only ("met Italian Prime
  // Minister Silvio Berlusconi"), where the parse lost the name under the title, and the
  // people listed after it the same way ("... and German Chancellor Gerhard Schroeder"); or
  // none.
  std::vector<int> titled_people_after(std::uint32_t v) const;

  // ---- trades-with ----
  void trade_paths(std::uint32_t v);

  // "China is Japan's biggest trading partner", "China overtook the US to become Japan's
  // biggest trading partner", "Germany and Italy, two of France's main trading partners", "an
  // even more important Japanese trading partner": a syntax-trade-partner noun with "trade" or
  // "trading" before it; its owner (possessive or demonym) trades with what it is predicated
  // of (the copula's or "become"'s subject) or set beside (the noun its phrase is an
  // apposition to).
  void trade_partner_path(std::uint32_t p);
  // Whether "trade" or "trading" modifies the noun n ("trading partners", "a trade deal").
  bool has_trade_modifier(std::uint32_t n) const;
  // A trade deal concluded or between parties (the header's trade-deal path).
  void trade_deal_path(std::uint32_t n);

  // ---- affiliated-with ----
  // "Harrington taught at Harvard University", "she works for the BBC", "Smith joined Labour in
  // 1997", "he served in the Scots Guards": a verb of syntax-work-verb with an at/for oblique,
  // of syntax-join-verb with an object, or of syntax-serve-verb with an in/on/with oblique
  // that is an organisation, and its subjects.
  void work_paths(std::uint32_t v);

  void affiliation_paths(int person, std::uint32_t h);

  // Whether the role noun says which organisation it is held in ("co-head of EADS"): a state's
  // word before it then gives the person's nationality ("the German co-head of EADS").
  bool role_in_organisation(std::uint32_t node) const;
  // A role noun or a conjunct of one ("operations and safety editor", parsed with "editor"
  // as the conjunct of "operations").
  bool names_person(std::uint32_t node) const;
  bool person_noun(std::uint32_t t) const;
  // Whether mention m's words could be a person's name by themselves: two words or more, a
  // listed given name or surname, or a courtesy title before them. An organisation's possessive
  // with no role between takes only such a name ("Microsoft's Bill Gates"; "Sony's Clie", "Konami's
  // Pro Evo" are products the tagger read as people).
  bool personal_name(int m) const;

  // "Tory leader Michael Howard", "Labour's Paul Flynn", "Salvation Army spokesman Jonathan
  // Lomax": an organisation (a mention, or a party word of the syntax-party-* sets) before a
  // person, with one to four lower-case title words or a possessive between. Read from the
  // words, so it needs no parse.
  void title_modifiers();
  // With no organisation before it, a bare business title ("Chief executive Geoff Dixon was
  // quoted", "said chairman Adair Turner") ties the person to the document's topic
  // organisation (topic_organisation), as an implied argument: the relation's props say so
  // as coreference does (coref-words: the title), with a lower confidence. `t` is the title's
  // first word, `role_word` its last.
  void bare_business_title(int person, std::uint32_t t, std::uint32_t role_word);
  // The organisation the document is about, as its latest mention before token `before`:
  // named twice or more before it, and more often than any other organisation; else -1.
  int topic_organisation(std::uint32_t before) const;
  // A title set off from the name by a comma ("LTA chief executive, John Crowther") stands in
  // apposition only before a person's name (personal_name; not "its Kent house, Chevening")
  // and when its last word names a person's role (person_noun; not an org-noun:
  // "newspaper") and no preposition comes before the organisation (articles and "ex-"
  // skipped): "Writing in the Guardian newspaper, Mr Brown", "an ally of the ex-Yukos boss,
  // Mr Nevzlin" are no appositions.
  bool set_off_title(int org, std::uint32_t role_word) const;
  bool club(int m) const;
  bool party(int m) const;
  // For a role's field (a lower-case common noun, "equities" in "head of UK equities for
  // Standard Life"): its at/for/with nominal that stands for a mention ("from" is where a
  // thing comes from: "recipient of an award from X"); else `field` itself.
  std::uint32_t field_phrase(std::uint32_t field) const;
  // Whether a word of syntax-not-in-office ("shadow") stands among the three words before the
  // role noun `node`.
  bool out_of_office(std::uint32_t node) const;
  // A person's role noun in the plural ("executives", "MPs", "hopefuls"): it may cover a list
  // of names.
  bool plural_role(std::uint32_t t) const;
  // A capitalised word between an organisation and a title that is no part of either (see
  // title_modifiers).
  bool qualifier(std::uint32_t q) const;
  // The organisation whose name ends right before token `end`: a mention, or a party word of
  // the syntax-party-* sets; -1 when none.
  int organisation_ending_at(std::uint32_t end);
  // A token of a title phrase the gazetteer matched ("Lord", "Justice Minister"), capitalised
  // or not; not an honorific ("Mr", "Dr"), which says nothing of a role ("Observes Mr Hadi").
  bool in_title_phrase(std::uint32_t t) const { return names_a_role(k_, d_, t, t + 1); }
  // Word windows do not say what a pronoun is doing ("Asked if he would welcome BNP voters he
  // told"): title-modifier takes names and descriptions only.
  bool pronoun(int m) const { return d_.mentions[m].coref == CorefKind::kPronoun; }
  // A lower-case word that may belong to a title ("shadow culture secretary"): a noun or
  // adjective where the tagger ran, never a function word ("New Labour and Tony Blair").
  bool title_word(std::uint32_t t) const;
  // A lower-case "-ing" word tagged as a verb, which before a title word qualifies it
  // ("sporting director", "outgoing chief executive"); not one of syntax-linking-participle,
  // which opens a phrase ("four All Blacks including captain Tana Umaga").
  bool participle(std::uint32_t t) const;

  // A party word ("Tory", "Lib Dem") ending at token m, as a new mention of its party.
  int party_mention(std::uint32_t m);

  // ---- located-in ----
  void location_in(int thing, std::uint32_t h);

  // Whether mention m is followed by a location preposition and a name ("Minety in Wiltshire").
  bool own_location_follows(int m) const;

  void location_participle(std::uint32_t b);

  AnnotatedDocument& d_;
  const Knowledge& k_;
  const RuleSet& rules_;
  const SyntaxRelations::Lexicon& x_;
  const bool keep_modal_;
  const char* component_;
  std::vector<int> mention_at_;  // per token: the longest resolved mention covering it, or -1
  bool meeting_ = false;         // reading a meeting's parties: people may stand for their group
  const Sentence* sentence_ = nullptr;
  std::string sentence_text_;
};

}  // namespace skein::extract::syntax_detail
