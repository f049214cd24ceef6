#pragma once
// The "syntax-relations" component: relations read from the dependency parse (the "parser"
// component's heads and UD relations) by predicate-argument paths between two resolved entity
// mentions of one sentence. The trigger words are data: the `set syntax-*` word sets of the
// rule files (schema/syntax.rules), so users can add a verb without a rebuild; a rule
// directory without a set leaves the paths that need it without triggers.
//
// A verb's subject is its nsubj (never one with a case child, which is an oblique the parse
// misread: "Mr Straw was in India visiting the Golden Temple"), or one it shares (subjects()).
// An argument token stands for a mention when it lies inside one, or when its appos/flat
// child does, or a person in its compound child ("met Prime Minister Silvio Berlusconi" with
// "Minister" as the object), or, a lower-case noun, the name right after it however the parse
// hung that ("talks with UK bank Barclays over the sale", "Barclays" under "sale"); conjuncts
// ("X and Y") are arguments too. In a meeting's parties,
// people of a syntax-group-member noun stand for the organisation or country that modifies
// them or that they come from ("met SEC officials", "his EU counterparts", "a delegation from
// the CBI"). The paths, each the `rule` of its evidence:
//
//   met-with        meet-object   nsubj(V) + obj(V), V in syntax-meet-object ("X met Y"); the
//                                 passive's nsubj:pass + by-oblique ("Y was welcomed by X"),
//                                 also of V in syntax-meet-passive, people only ("Mr Brown
//                                 was joined at the launch by John Prescott")
//                   meet-object-title  nsubj(V) + the person right after V behind a title
//                                 ("met Italian Prime Minister Silvio Berlusconi", where the
//                                 parse loses the name under the title)
//                   meet-with     nsubj(V) + with-oblique of V, V in syntax-meet-with
//                   meet-pair     conjoined nsubj of V in syntax-meet-pair, no object
//                                 ("X and Y met")
//                   meeting-between  between-nominal of N in syntax-meet-noun, its conjuncts
//                   meeting-poss  poss(N) + with-nominal of N ("X's talks with Y")
//                   held-talks    nsubj(H) + with-nominal of N or with-oblique of H, N the
//                                 object of H in syntax-meet-holder ("X held talks with Y")
//                   in-talks      the subject of N with case "in" (predicate of "be") or of
//                                 the verb N is an oblique of, passive too, + with-nominal of
//                                 N ("X has been in talks with Y", "X is locked in
//                                 negotiations with Y")
//                   (For N's with-nominal, these three also take a with-phrase the parse
//                   made a conjunct of N without "and": "in "intensive talks" with Y".)
//                   (In a story about sport, AnnotatedDocument::about_sport, two people a
//                   word of syntax-meet-fixture relates play each other: no meeting.)
//   trades-with     trade-verb    nsubj(V) + from/to/with oblique of V, or nominal of its object
//                                 or up to three nominals down it ("imported $20bn worth of
//                                 goods from China")
//                   trade-between between-nominal of N in syntax-trade-noun, its conjuncts
//                   trade-noun    poss/compound/amod of N, or nsubj of the verb N is the object
//                                 of, + from/to/with nominal of N ("China's exports to the US",
//                                 "the US trade deficit with China"; a syntax-trade-balance N
//                                 needs "trade" beside it unless both sides are countries: "the
//                                 US's deficit with China")
//                   trade-partner  poss or demonym amod of N in syntax-trade-partner, "trade"
//                                 or "trading" before N, + nsubj of N, the head N's phrase is
//                                 an apposition to, or the subject of the syntax-trade-partner-
//                                 verb N completes ("China is Japan's biggest trading partner",
//                                 "Germany and Italy, two of France's main trading partners",
//                                 "China overtook the US to become Japan's trading partner")
//                   trade-deal    a syntax-trade-deal N with "trade" or "trading" before it:
//                                 its between-nominal's conjuncts; or the subjects of the
//                                 syntax-trade-deal-verb N is the object of, with N's or the
//                                 verb's with-nominal or else with each other ("Egypt and
//                                 Israel seal trade deal", "China signed a trade deal with
//                                 Chile")
//   affiliated-with role-of       the person's head or a role noun attached to it (appos child,
//                                 a title it is the flat/compound/appos of or the conjunct of
//                                 after a lone comma, "Argentina's President, Nestor
//                                 Kirchner", which the parse may read as a list; a copula's
//                                 predicate, or the xcomp of a syntax-predicate-verb, "X has
//                                 become a paid adviser to Y") with an of/at/for/with/from
//                                 nominal ("Wyss of S&P", "Crescenzi, a strategist at Miller
//                                 Tabak", "X is chief executive of Y"), or such a nominal
//                                 (at/for/with only) of the role's field, a lower-case noun
//                                 of its phrase ("head of UK equities for Standard Life"), or
//                                 a to-nominal of a
//                                 role of syntax-affiliation-to-role ("chief secretary to the
//                                 Treasury"; not "ambassador to Japan"); not a "for" phrase
//                                 right after the name ("nominees include Bill Condon for
//                                 Kinsey"), only one set off by a comma ("Vincent Cable, for
//                                 the Liberal Democrats,"); not a role with a word of
//                                 syntax-not-in-office among the three words before it
//                                 ("shadow chief secretary to the Treasury"), unless the
//                                 organisation is a party
//                   role-poss     poss of such a node ("Microsoft's Bill Gates", "the firm's
//                                 chief executive X")
//                   role-modifier compound or amod of such a node ("Labour MP X", "Tory leader
//                                 X", "Israeli industry minister X")
//                                 Of these three, a country is taken only where a state's title
//                                 covers the role noun (RelationChecks.h names_state_role), and
//                                 never from a modifier of a role held in a named organisation
//                                 ("the German co-head of EADS" is German); a
//                                 word of syntax-not-a-role ("fan", "donor") is no role noun,
//                                 here or as title-modifier's last title word. The role noun of
//                                 role-of and role-poss, and title-modifier's last title word,
//                                 must name a person (for role-modifier, an appositive role
//                                 noun: "Bush, the Labor Department figures"; the modifier
//                                 comes before it), or have a conjunct that does: a title or a
//                                 title's first word, a
//                                 syntax-group-member word, or an agent noun ("-er", "-ist",
//                                 "-man", ...), so "its new analysis tool Piero" is none (a
//                                 listed club's words before a name are its squad's); a role of
//                                 the rule files' work-role set ("creator", "actress") takes
//                                 only an organisation the knowledge or its name vouches for
//                                 (RelationChecks.h can_hold_role_in)
//                   work-verb     the subjects of a syntax-work-verb with an at/for oblique
//                                 ("she teaches at Peel Common Infants School", "X works for
//                                 the IFES")
//                   join-verb     the subjects of a syntax-join-verb and its object ("Mr
//                                 Makarov joined the KGB")
//                   serve-verb    the subjects of a syntax-serve-verb with an in/on/with
//                                 oblique that is an organisation ("he served in the Scots
//                                 Guards", "served on the Greater London Council"; not "served
//                                 in Northern Ireland")
//                   title-modifier  read from the words, in every sentence: an organisation
//                                 mention or a party word (the `syntax-party-<key>` sets, each
//                                 naming a party of data/organizations.tsv, unused when the
//                                 knowledge lists no such party; the word becomes a mention) before
//                                 a person with one to four title words (lower-case nouns and
//                                 adjectives where tagged, "-ing" participles before another
//                                 title word but those of syntax-linking-participle ("founding
//                                 chairman"), "co-chairman", or words of a listed title
//                                 phrase such as "Lord" or "Justice Minister"), a
//                                 possessive, or both between ("Tory leader Michael Howard",
//                                 "Labour's Paul Flynn", "Labour peer Lord Haskins", "Plaid
//                                 Cymru's economics spokesman Adam Price"), a comma allowed
//                                 before the name ("LTA chief executive, John Crowther"); the
//                                 organisation may be "its" or "their" the coref component
//                                 linked ("its founder, Mikhail Khodorkovsky")
//                   title-modifier-list  the names listed after such a title when it ends on a
//                                 person's role in the plural ("Stanford University students
//                                 David Filo and Jerry Yang", "Railtrack managers X, Y and
//                                 Z"): each name joined by a comma or "and" to the first
//                   bare-title    read from the words too: a title ending on a word of
//                                 syntax-bare-title that is a listed business title, with no
//                                 organisation before it (it opens the sentence or follows a
//                                 comma, "said", "says", "and", "(" or ":"), no institution's
//                                 word in it and no of/at/for phrase after the name: the
//                                 person holds it in the organisation the story is about, named
//                                 in the headline or lede, twice or more before, and more often
//                                 than any other ("Chief executive Geoff Dixon was quoted" in a
//                                 story on Qantas). An implied argument: props "coref" and
//                                 "coref-words" (the title), confidence 0.6
//   located-in      in            in-nominal of a place or organisation ("the plant in Detroit"),
//                                 not a conjunct with an in-phrase of its own ("Cottenham in
//                                 Cambridgeshire and Minety in Wiltshire")
//                   in-adjacent   an in-phrase right after the name, wherever the parse attached
//                                 it ("chief economist with Eaton Vance Management in Boston")
//                   poss          poss of the name, of its appos, or of the org-noun or
//                                 venue-noun word the name is a compound of ("Israel's Teva
//                                 Pharmaceuticals", "RHB, Malaysia's third-biggest lender",
//                                 "Japan's troubled UFJ bank", "London's famous Savoy hotel")
//                   based         a participle of syntax-location-participle: its hyphenated or
//                                 in-oblique place + the noun it modifies or its subject
//                                 ("London-based Barclays", "X, based in Y", "X is based in Y"),
//                                 the modified noun's name ("Baghdad-based affiliate Falcon
//                                 Group": the name it leans on or that follows it)
//
// The nearest-name rule: a role or place read from a modifier or prepositional phrase of a name
// (role-of, role-poss, role-modifier; in, poss) belongs to the nearest name that could take it.
// The path is refused when the name of another entity that could be the relation's source (a
// person, for a role; a place or organisation, for located-in) stands between the argument and
// the phrase: "German Economy Minister Katrin Vogel and French Economy Minister Julien
// Marchand", parsed with both names under one title, does not make Marchand German, nor does
// "between Yonsei University in Seoul and Sorbonne University in Paris", with the second
// in-phrase attached to the first university, place Yonsei in Paris. The in-phrase's
// conjuncts ("X in Seoul and Paris") are measured from its case word, so they stay.
//
// An argument may be a pronoun or description the "coref" component linked to an entity named
// earlier ("On Monday the Pakistani president met Prime Minister Tony Blair"): the relation
// then carries props "coref" (that argument's entity id) and "coref-words" (the words),
// and its confidence is x0.85 per description and x0.75 per pronoun.
//
// Endpoint labels come from the relation types (schema/ontology.rules), located-in facts the
// gazetteer contradicts are dropped (RelationChecks.h), and so is any pair naming one entity
// twice. Modality is read from the trigger's clause, up the chain of verbs that govern it
// through xcomp, ccomp, conj, advcl and acl: a neg or advmod child among the negation cues
// (or a governing verb such as "refused") is "negated"; an aux child or governing verb among
// the hypothetical cues ("will meet", "plans to visit"), or a mark among the condition cues
// ("if"), is "hypothetical". The located-in paths in, in-adjacent and poss read a name's own
// phrase, which the clause presupposes rather than asserts ("Benn will also visit Aceh in
// Indonesia": Aceh is in Indonesia whether or not he goes), so they take no modality; nor
// does title-modifier, read from the words. Modal relations are dropped unless
// ExtractorOptions::keep_modal_relations, then kept with props.modality and a confidence x0.3,
// as the relation rules do. Evidence rows name this component, the path rule and its
// confidence; where the relation-rules component already found the relation in the same
// sentence, the more confident evidence stays (AnnotatedDocument::add_relation).
//
// Thread-safety: process() is const; its per-document state lives on its stack.

#include <string>
#include <utility>
#include <vector>

#include "extract/Component.h"
#include "extract/KnowledgeEntities.h"

namespace skein::extract {

class SyntaxRelations : public Component {
 public:
  SyntaxRelations(std::string name, const ComponentContext& context,
                  const ComponentOptions& options);
  void process(AnnotatedDocument& document) const override;

  // The trigger word sets, by their name in the rule files.
  struct Lexicon {
    std::vector<std::string> meet_object, meet_with, meet_pair, meet_noun, meet_holder,
        meet_passive, meet_fixture;
    std::vector<std::string> group_member;
    std::vector<std::string> trade_verb, trade_noun, trade_prep, trade_balance;
    std::vector<std::string> trade_partner, trade_partner_verb, trade_deal, trade_deal_verb;
    std::vector<std::string> affiliation_prep, location_prep, location_participle;
    std::vector<std::string> not_a_role, work_verb, join_verb, serve_verb, predicate_verb,
        affiliation_to_role, not_in_office, linking_participle, bare_title;
    // Per listed party (knowledge index): the words that name it ("syntax-party-<key>" sets).
    PartyWords parties;

    // The sets as the rule files (schema/syntax.rules) declare them; a missing set is empty.
    // The party sets name organisations of `knowledge`; one naming none is left out.
    static Lexicon from_rules(const RuleSet& rules, const Knowledge& knowledge);
  };

  // The words sentences_to_parse looks for, from the rule files alone: the parser that asks is
  // built while the knowledge loads (ComponentInfo::builds_without_knowledge). Each list is
  // sorted.
  struct ParseTriggers {
    std::vector<std::string> meeting;    // the syntax-meet-* sets but the holder verbs
    std::vector<std::string> trade;      // syntax-trade-verb, -noun, -balance, -partner
    std::vector<std::string> placing;    // syntax-location-prep and -participle
    std::vector<std::string> departure;  // depart-verb and leave-verb (RelationChecks.h)
    // syntax-group-member and the verbs of working, joining, serving and becoming
    std::vector<std::string> role;
    std::vector<std::string> role_preposition;  // syntax-affiliation-prep
    static ParseTriggers from_rules(const RuleSet& rules);
  };

  // Per sentence of `document`, whether a path above could relate two of its entities (the
  // sentences worth parsing): two mentions of different entities whose labels fit the ends of
  // affiliated-with, with a role word (a title phrase or a title's first word, a noun an agent's
  // ending or syntax-group-member names, a verb of syntax-work-, -join-, -serve- or
  // -predicate-verb) or a word of syntax-affiliation-prep right after a person's name ("David
  // Anders at Merrill Lynch"); of located-in, with a possessive, a pronoun standing for an entity
  // or a placing word in the sentence; of met-with, with a meeting word; or of trades-with, with a
  // trade word. Title-modifier needs no parse and reads every sentence. So are sentences with
  // a possible role holder (affiliated-with's source) and a departure word: a role found there
  // through coreference is former if its holder left (former_role, RelationChecks.h).
  static std::vector<bool> sentences_to_parse(const AnnotatedDocument& document,
                                              const RuleSet& rules, const ParseTriggers& triggers);

 private:
  const Knowledge& knowledge_;
  const RuleSet& rules_;
  bool keep_modal_relations_;
  Lexicon lexicon_;
};

}  // namespace skein::extract
