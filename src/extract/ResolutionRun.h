#pragma once
// The resolver's work on one document (extract/Resolver.h is the component): an object made per
// document, holding what it learns about the document while it links mentions to entities.
// Internal to the extract module: only Resolver.cpp and ResolverNames.cpp include it. Its
// steps are defined in those two files (gazetteer, kb and place resolution in Resolver.cpp;
// person names, organisations and the order of the steps in ResolverNames.cpp).

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "extract/AnnotatedDocument.h"
#include "extract/Knowledge.h"
#include "extract/KnowledgeEntities.h"
#include "extract/TokenHelpers.h"

namespace skein::extract::resolution {

namespace tf = token_flags;

// The key of a person's name: the normalised name without full stops, spaces single, so
// "George W. Bush" and "George W Bush" are one person across documents.
inline std::string person_key(std::string_view key) {
  std::string out;
  for (const char c : key) {
    if (c == '.') continue;
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out.push_back(c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out.empty() ? std::string(key) : out;
}

inline bool locative_preposition(std::string_view word) {
  return word == "in" || word == "at" || word == "from" || word == "to" || word == "near" ||
         word == "of";
}

// A mention no step of the resolver takes up: it names no entity.
inline void drop(EntityMention& m) {
  m.source = MentionSource::kAlias;
  m.alias_of = -1;
  m.entity = -1;
}

// The resolver's work on one document.
class ResolutionRun : public TokenView {
 public:
  ResolutionRun(AnnotatedDocument& document, const Knowledge& knowledge, const PartyWords& parties,
                const char* component)
      : TokenView(document),
        d_(document),
        k_(knowledge),
        parties_(parties),
        known_(document, knowledge),
        mentions_(document.mentions),
        entities_(document.entities),
        pending_(document.pending_words),
        component_(component) {}

  // Countries and subdivisions the document names unambiguously, and the states whose listed
  // institutions it names: the context that picks among the candidates of an ambiguous name.
  void collect_context();
  // Records a listed city the document names (its state's entry in context_city_subdivisions_),
  // by a name of its own (`sure`) or as the clear favourite of a shared name.
  void note_city_named(int city, bool sure);
  // The cities named in `subdivision` other than `city`; none unless one of them was sure.
  std::size_t other_cities_named(int subdivision, int city) const;
  // Whether a city of `subdivision` is named by a name of its own.
  bool sure_city_named(int subdivision) const;

  // Picks the entity a gazetteer mention names; -1 leaves it unlinked.
  int resolve_gazetteer(EntityMention& m);

  // props["alternatives"]: the ids of the entry's other candidates, '|'-separated.
  void note_alternatives(int e, const std::vector<Candidate>& candidates, const Candidate& chosen);

  // The one kb_organizations.tsv row a text-found organisation's name (or alias) fits, or -1:
  // the only row of that name, unless the mention's country conflicts; but a party named by
  // one word needs its country to qualify the mention or to be named in the document ("Apple"
  // is also a Ukrainian party); among several rows of that name, the one of the country that
  // qualifies the mention, else the one of the only country the document names. An acronym
  // that is only a row's alias, or a public body's name of common words ("The Treasury"), needs the
  // row's country qualifying it or named in the document.
  int kb_organization(const EntityMention& m) const;
  // The organisations.tsv entry the tagger's one-word organisation m names, or -1: a phrase
  // whose only candidate is that organisation (an acronym in capitals only), or an ambiguous
  // one whose only other senses are a word or a person's name. The gazetteer leaves a one-word
  // alias that is a common word ("the Conservatives", "the Fed", "Labour") to the tagger; once
  // the tagger reads it as an organisation, it is the listed one, unless the organisation's
  // country is not the mention's, or the document names countries and not that one ("Labour"
  // in a New Zealand story). So is a party named only by its words (party_words: "Conservative",
  // "Lib Dem"), whatever the mention's length.
  int listed_organization(const EntityMention& m) const;
  // The country of organisations.tsv candidate c when it is a state's institution (a government
  // body, party, central bank or armed force: "Downing Street", "the Labour Party"), else -1.
  // Naming one puts its country in the document's context, as naming the country does.
  int state_of_institution(const Candidate& c) const;
  // The one organisations.tsv entry an ambiguous phrase's ambiguous.tsv row lists when its
  // other senses are only a word or a person's name ("Labour"), or -1.
  int ambiguous_listed_organization(const PhraseEntry& entry) const;
  // The one organisation named earlier (in two or more words) whose last word is the
  // institution's head word m alone ("Committee" after "the Public Accounts Committee"), or a
  // club's word ("United" after "Manchester United", or after "Man Utd", whose listed name is
  // Manchester United FC), or -1 when there is none or more than one.
  int organisation_of_head_word(const EntityMention& m) const;

  // Whether the word at `first` stands where a work's title does: after "in", after a word
  // for a work ("film", "album"), or after an award's "for" ("best actor for Ray"). (Not after
  // an opening quote: quoted speech starts with names.)
  bool work_title_position(std::uint32_t first) const;

  // A mention found as a person that is the club `row` of kb_organizations.tsv.
  void make_club(EntityMention& m, int row);

  // Whether the document is about a sport: two or more different words of football's
  // vocabulary ("striker", "Premiership", "boss").
  bool sport_document();
  // Whether it is a football report: about sport, naming one of football's words ("striker",
  // "midfielder") and none of rugby's ("fly-half", "Six Nations"): the lists' clubs are
  // football's, and "Leeds" in a rugby story is the Tykes, not Leeds United.
  bool football_document();
  // A word many clubs' names end on, which alone stands for the one club the article named
  // with it ("United", "Wanderers"; organisation_of_head_word), never for a list's club.
  static bool club_name_word(std::string_view word);

  // The kb_organizations.tsv club a name stands for in a document about sport, or -1, unless
  // the name follows "in" or "near" ("a flat in Chelsea, west London"):
  //  - one word as "Chelsea" for Chelsea FC (clubs are listed by their full names; "X FC" is
  //    the form the lists use) or, in a football report, as a club's listed alias
  //    ("Newcastle"; not a given name read as a person, the first word of a longer name, nor
  //    a club_name_word);
  //  - several words as a club's listed alias ("Manchester City", which the tagger may read
  //    as a place).
  // Where several clubs have that name, the one of the only country the document names.
  int sport_club(const EntityMention& m);

  // The kb_organizations.tsv rows of a name, the country written either way ("UK
  // Independence Party" is listed as "United Kingdom Independence Party") and a leading "the"
  // read away when the list lacks it; else the clubs with that alias ("Man Utd"), one ending
  // on an institution's word only in a document about sport ("Metropolitan Police").
  std::span<const std::uint32_t> kb_organizations_named(const std::string& key) const;

  // A person named in full whom kb_people.tsv lists once under that name, in a document that
  // names the person's country: the entity keeps the row (knowledge-relations makes the party
  // affiliation) and its country and role as props.
  void note_kb_person(ResolvedEntity& person) const;

  // The city index of a national capital whose name is this mention and a short qualifier
  // ("Washington" -> "Washington D.C." / "Washington, D.C."), or -1.
  int capital_shortened_as(const EntityMention& m) const;

  std::string candidate_id(const Candidate& c) const;

  // The country an ambiguous name names when it is the only country it can be, its other
  // senses places or people elsewhere; nullptr otherwise ("Congo", "Korea": two countries).
  // Without context that country is meant: news names Georgia, Jordan, Luxembourg and Hong
  // Kong the countries far more often than the US state, the river, the city or the Chinese
  // region, and a person's reading is the tagger's to make.
  const Candidate* sole_country(const PhraseEntry& entry) const;

  // The candidates a prior may choose among: the listed ones, plus the cities ambiguous.tsv
  // names for the phrase that the gazetteer lists under another name ("New York" is the
  // state's name; the city is listed as "New York City", and an ambiguous phrase is no alias).
  // Scoring with context keeps to the listed candidates.
  std::vector<Candidate> candidates_of(const PhraseEntry& entry) const;

  // A place name several listed cities share, without context in the document: the city with
  // the strongest prior (a national capital, else the largest population, and only when clear:
  // a capital against none, or twice the next city's population), when every candidate is a
  // place and at least one is a city ("London" is the British capital unless the text names
  // Ontario). Names that may be a word or a person
  // ("Nice", "Hamilton") and names shared with a country or an organisation are left to
  // unlinked(). The node records the candidates it was preferred to in props["alternatives"].
  // Returns -1 when no city qualifies.
  int strongest_prior(EntityMention& m, const std::vector<Candidate>& candidates);
  // strongest_prior's choice among `entry`'s `candidates`, without making the entity; null
  // when there is none.
  const Candidate* clear_favourite(const PhraseEntry& entry,
                                   const std::vector<Candidate>& candidates) const;

  static bool stronger_city(const CityInfo& a, const CityInfo& b);

  // An ambiguous place name neither context nor prior settles: an unlinked Place keyed by its
  // normalised name, one node across documents; a country or demonym two countries share is
  // dropped.
  int unlinked(EntityMention& m);

  // No lower-case ASCII letter in tokens [first, last), and some capital: "US", "U.S.", "WHO".
  bool all_capitals(std::uint32_t first, std::uint32_t last) const;

  // The first letters of the capitalised words of tokens [first, last), or with `every_letter`
  // every capital letter ("USADA").
  std::string capital_initials(std::uint32_t first, std::uint32_t last,
                               bool every_letter = false) const;

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
  void check_person_names();

  // True when the mention's name is one kb_organizations.tsv lists and a listed place is part
  // of it (a club or company named after its town, not a person).
  bool names_kb_organisation_with_place(const EntityMention& m) const;

  // A listed place inside the name of an organisation kb_organizations.tsv lists ("Real
  // Madrid"): the organisation, when the capitalised words next to the place complete that
  // name and no other mention claims them. Then a bare place word that is part of the name of
  // exactly one such club named in the document, with no locative preposition before it
  // ("Madrid midfielder Guti", not "in Madrid"), is that club.
  void claim_organisation_names();

  void resolve();

 private:
  AnnotatedDocument& d_;
  const Knowledge& k_;
  const PartyWords& parties_;
  KnowledgeEntities known_;
  std::vector<EntityMention>& mentions_;
  std::vector<ResolvedEntity>& entities_;
  const std::vector<PendingWord>& pending_;
  const char* component_;
  std::unordered_set<int> context_countries_, context_subdivisions_;
  // The states of the listed cities named, each with the cities named there.
  struct CitiesNamed {
    std::unordered_set<int> cities;
    bool sure = false;  // one of them by a name no other listed city shares
  };
  std::unordered_map<int, CitiesNamed> context_city_subdivisions_;
  std::unordered_set<int> countries_spelled_out_;  // named by a name or demonym, not an acronym
  int sport_document_ = -1;                        // sport_document(): -1 not yet known
  int football_document_ = -1;                     // football_document(): -1 not yet known
};

}  // namespace skein::extract::resolution
