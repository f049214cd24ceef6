#pragma once
// Mends of the learned tagger's name spans (the "ner" component, NerComponent.h) where the
// model reliably reads a name short: each takes the spans of one document, in text order,
// and returns them mended, in text order. Knowledge and rule-file word sets decide; nothing
// here knows a particular name.
//
// Thread-safety: pure functions of their arguments.

#include <cstdint>
#include <string_view>
#include <vector>

#include "extract/Knowledge.h"
#include "extract/LearnedTaggers.h"
#include "extract/Rules.h"
#include "extract/TokenHelpers.h"

namespace skein::extract::name_mends {

// The model's label ids (DocumentTagger::labels() indices) the mends read and write.
struct NerLabels {
  std::int32_t person = -1, organization = -1, location = -1, misc = -1;
};

// The end of the listed title phrase of a role (any kind but honorific) starting at token t,
// else 0.
std::uint32_t role_title_end(const Knowledge& knowledge, const TokenView& v, std::uint32_t t);

// Token t is an institution's head or suffix word (rule files' org-head, org-suffix), in the
// plural too when capitalised ("Banks").
bool institution_head(const Knowledge& knowledge, const TokenView& v, std::uint32_t t);

// An institution's head word the model tagged without the capitalised words that name which
// one ("Allied Irish" + "Banks", "National Executive" + "Committee", "Emirates" + "Stadium"):
// a span ending on an organisation's head or suffix word (rule files' org-head, org-suffix; a
// plural too: "Banks") or a place-suffix word takes in the capitalised words glued before it
// that the model left untagged or read as MISC, "&" between two of them and, before an
// institution's word, a place tagged right before ("Los Angeles" + "Superior Court"). It stops at a
// possessive, a number, another name, a calendar or not-a-name word, and at a sentence's
// first word of the rule files' "sentence-opener" set ("But", "Yesterday"). A person so read
// on an institution's word is an organisation ("Committee chairman Michael Jack"), unless the
// word is a surname, a plural or a place's word, or a given name is in it ("Dwain Chambers",
// "Mike Lake", "Anna Church", "Rob Da Bank"); one that runs on through "of" into an
// institution's name is two names ("José Álvarez of the Spanish National Research Council";
// not one word and "of" without "the": "Fraser of Allander Institute"). An organisation right
// before it across "&" is the same name ("Marks & Spencer Group").
void join_cut_heads(const Knowledge& knowledge, const TokenView& v, const RuleSet& rules,
                    const NerLabels& labels, std::vector<TaggedSpan>& spans);

// A saint's name with its possessive opens the name of a church, school, hospital or park: a
// span of "St" (or "Saint") and one word, right before a possessive and capitalised words
// ending on an institution's word (org-head, org-suffix) or a place's (place-suffix), becomes
// one name over them, an organisation or a place by that word ("St Egwin's Middle School",
// "St James' Park"; the model tags "St James" and "Park" apart). Spans inside it are taken in.
void join_saints_names(const Knowledge& knowledge, const TokenView& v, const NerLabels& labels,
                       std::vector<TaggedSpan>& spans);

// An institution named "<head> of [the] <name>" that the model cut at "of": a span right after
// "of" or "of the" whose word before is a capitalised institution head word (rule files'
// org-head, plural too; not a company's suffix: "Corp of Pittsburgh" says where) is one
// organisation with it and, when the model tagged the
// head alone ("The Ministry" + "Defence"; not "Queens College" + "the City University of New
// York") or a longer organisation before "of" and a place ("Royal Bank" + "Scotland"), with
// that span; an untagged head takes the capitalised
// words and a nationality word the model read as MISC glued before it ("British" +
// "Chambers of" + "Commerce"). Not a person's span on either side. A place whose name holds
// such a head before "of" is an organisation ("Royal Bank of Scotland" read as a place).
void join_institutions_of(const Knowledge& knowledge, const TokenView& v, const RuleSet& rules,
                          const NerLabels& labels, std::vector<TaggedSpan>& spans);

// A name of the form "<Verb> the <Noun>" the model cut after "the" ("Save the" + "Children",
// "Stop the" + "War Coalition"): an organisation span that starts on, or right after, a
// lower-case "the" takes the capitalised word before it when that word is free (untagged, or
// a common word read as a place alone: "Save"; no title, calendar word or personal name, not
// the sentence's first word), unless the span is an institution's head word alone
// ("Impeachment the House").
void join_article_names(const Knowledge& knowledge, const TokenView& v, const NerLabels& labels,
                        std::vector<TaggedSpan>& spans);

// A role is no name, and names a person after it: a span that is exactly a listed title
// phrase of a role (any kind but honorific: "Justice Minister"; not one word that is also a
// surname or given name: "King") is dropped, so is a name (not a person's) that is one common
// word after a government role and "for" or "of", its portfolio ("Commissioner for
// Transport"; not "chief executive of Rebellion") or words of a portfolio before one ("Home
// Affairs Commissioner"; not an institution or a party: "Home Office minister", "Liberal
// Democrat leader"), and an
// unlisted one-word organisation or place
// right after such a title written capitalised (not "dissident Soviet historian"), or after it
// and an untagged given name, is that person's name ("Justice Minister Kenny" + "MacAskill").
// A role tagged as a person with its name left untagged ("Justice Minister" + "Kenny
// MacAskill") gives the person up to three capitalised words after it that open on a given
// name or are two or more (not a compound's first part, "Rapper Jay" of "Jay-Z").
void names_after_roles(const Knowledge& knowledge, const TokenView& v, const RuleSet& rules,
                       const NerLabels& labels, std::vector<TaggedSpan>& spans);

// A single letter is no name ("R's manager": what the writer shortened is not said), nor is
// a title's abbreviation alone ("Dr." read as a place before "José Álvarez", "Mr"), nor the
// words of a listed title phrase that end before it does ("Defence" of "Defence Secretary
// Geoff Hoon") unless an institution's word or a listed name is among them ("Home Office"
// of "Home Office Minister", "Northern Ireland" of "Northern Ireland Secretary"), nor an
// honorific alone ("Lord" of "the Lord of the Rings"; not a given name's word), a person that
// is a party's words and one common word that no given name, surname, courtesy title or name
// of the document opening on a given name backs ("Tory Parliamentary hopefuls"), nor an
// organisation opening on "Shadow" (an opposition's portfolio: "Shadow Treasury
// chief secretary George Osborne"). An honorific alone before an untagged capitalised word takes it
// and is a person ("Lord" + "Browne").
void drop_non_names(const Knowledge& knowledge, const TokenView& v, const RuleSet& rules,
                    const NerLabels& labels, std::vector<TaggedSpan>& spans);

// A nationality word the model read as MISC with a capitalised word glued before it that no
// list knows (no title, day or sentence opener) is that compound's ("Latin American", "South
// American"): it then names no country (the demonym "American" would name the United States).
void join_compound_demonyms(const TokenView& v, const RuleSet& rules, const NerLabels& labels,
                            std::vector<TaggedSpan>& spans);

// A listed country and a short acronym no list names tagged as one organisation is the
// country and a medium ("US TV presenter Johnny Carson", "US DVD sales"): the country alone.
void split_country_and_medium(const Knowledge& knowledge, const TokenView& v,
                              const NerLabels& labels, std::vector<TaggedSpan>& spans);

// A name the document gives as the title of a work, right after a kind of work (the rule
// files' "work-noun" set: "US television series CSI", "the soap EastEnders"), is that work
// wherever else the document writes it ("CSI's co-producer, Carol Mendelsohn"): no entity.
// Nor is a "person" whose name ends on such a word ("The Catherine Tate Show"), nor any name
// ending on a word of the "law-noun" set ("the Securities Trading Act").
void drop_works(const TokenView& v, const RuleSet& rules, const NerLabels& labels,
                std::vector<TaggedSpan>& spans);

// A party's capitalised words right before a listed role's title, that the model left
// untagged or read as the start of the person the title names, are an organisation: that
// person's party ("Labour peer Lord Haskins", "Tory leader Michael Howard"). An untagged listed
// demonym there is MISC, as the model reads demonyms, so its country qualifies the role
// ("South Korean Foreign Minister Han Ji-woo" opening a sentence).
void parties_before_roles(const Knowledge& knowledge, const TokenView& v, const RuleSet& rules,
                          const NerLabels& labels, std::vector<TaggedSpan>& spans);

// A person's name never ends inside a hyphenated word: a person's span ending on a compound's
// part takes the compound's lower-case parts after it, written with no space, when none is a
// common English word ("Yoon Suk" + "-yeol"; not "Blair" + "-led", "Beckham" + "-style").
void join_compound_tails(const TokenView& v, const NerLabels& labels,
                         std::vector<TaggedSpan>& spans);

// A given name right before a person's span, untagged, is the first word of the name ("BBC
// Political Correspondent James Hardy" tagged "Hardy"); not one that is also an English word
// ("Attorney General Eliot Spitzer", "Songwriter Guy Chambers").
void join_given_name_before(const TokenView& v, const NerLabels& labels,
                            std::vector<TaggedSpan>& spans);

// The possessive the model left off a firm named with "&" is part of its name where the
// document never writes the name without it ("Standard & Poor" + "'s"). Words tagged on the
// end of a name that are no part of it: a number that starts a score
// ("China's Na Li 7-5 3-6") or ends a person's name, a title in capitals after a person's
// name ("Brian Monteith MSP"), and a possessive where the document
// writes the same name without one elsewhere ("the BBC's high-definition group"; not
// "McDonald's") or where a list names the words before it ("the US's trade deficit"). A listed
// place's possessive opening a name that is no place is the place, then the name ("the UK's
// Royal Bank of Scotland").
void trim_scores_and_possessives(const Knowledge& knowledge, const TokenView& v,
                                 const NerLabels& labels, std::vector<TaggedSpan>& spans);

// No name holds a semicolon: a span run over one ("Rymer International Seafood; Tim Daly of
// Michael Foods", a list's items) is split there, each piece keeping the label.
void split_at_semicolons(const TokenView& v, std::vector<TaggedSpan>& spans);

// A place or organisation span holding a listed title with a given name and another word
// after it is the place or organisation, then the title, then a person ("Northern Ireland
// Minister John Spellar" tagged as one place); the words before the title stay a name only
// where a list names them or an institution's word ends them, else they are the title's
// portfolio ("Health Secretary John Reid"). Not a title that is an institution's word. The
// person's name ends before "and": a party's words or a listed name after it are an
// organisation ("Health Secretary John Reid and Labour"), anything else another person.
// Names run on through "of" into another name are two:
//  - a person's name holds no lower-case "of": a person's span of two words or more before one
//    ("Nigel McCune of the Musicians" tagged as one person) ends before "of" (an organisation
//    unless it opens on a given name or a courtesy title: "Stena Line of Sweden"); the
//    capitalised words after it (and "the") are a place where a list names them so, else an
//    organisation.
//    Not an "of" inside a listed title ("US Secretary of State Condoleezza Rice");
//  - an organisation's span holding a company's legal suffix (the rule files' company-suffix
//    set), "of" and a listed place to its end is the company, then the place
//    ("Pittsburgh-Corning Corp of Pittsburgh"; not "Bank of Scotland" nor "National Transition
//    Government of Liberia").
void split_names_at_of(const TokenView& v, const RuleSet& rules, const NerLabels& labels,
                       std::vector<TaggedSpan>& spans);

// A place or organisation span ending on a listed role's title after a party's words or a
// listed name ends before the title ("Labour MP" of "Veteran Labour MP and former Cabinet
// minister Jack Cunningham"). A person's span that ends on a listed role's title is no person
// when nothing or only a
// listed place stands before the title: that place is the name ("US" of "the US President's
// interpretation"), the title goes.
void split_at_titles(const Knowledge& knowledge, const TokenView& v, const RuleSet& rules,
                     const NerLabels& labels, std::vector<TaggedSpan>& spans);

// The last words of the people the spans name in full (two words or more): "Foxx" after
// "Jamie Foxx" is his.
std::vector<std::string_view> surnames_named_in_full(const TokenView& v, const NerLabels& labels,
                                                     const std::vector<TaggedSpan>& spans);

// A lone word tagged as a place that is the last word of a person's name (a given name first)
// or of an organisation's (not an institution's word) tagged before it in the document, and
// that no list names, is that person's or organisation's short form ("Charlie Hodgson ...
// kickers in the Premiership in Hodgson and Barkley"; "Manchester United ... the United
// board"). A lone organisation no list names, and no common word, is the person's too
// ("Martín Ibarra" ... "Rojas and Ibarra signed"); a listed one stays: companies are named
// after people ("Dell"), and a person's name a list names is no person's ("Walt Disney").
void relabel_short_forms(const Knowledge& knowledge, const TokenView& v, const NerLabels& labels,
                         std::vector<TaggedSpan>& spans);

// A lone word tagged as a person in a list whose other names are all organisations ("Sony,
// IBM and Toshiba", "Toshiba and NEC"), that is no given name, surname or common word nor
// the last word of a person the document names in full, and after no title or honorific, is
// an organisation, and so is every lone
// person span of that word in the document ("Toshiba announced ..."). In a list of places, a
// lone word read as a person that is no given name nor common word (a surname may be) and
// stands next to its list's "and" or "or" is a place ("the London boroughs of Hillingdon and
// Wandsworth"; not "In Athens, Psacharopoulos said"). A list is names in one sentence
// separated by a comma, "and" or "or" alone.
void relabel_list_mates(const TokenView& v, const NerLabels& labels,
                        std::vector<TaggedSpan>& spans);

// A person or place span ending on a capitalised word of the rule files' "event-noun" set is
// the competition's or gathering's name, an organisation ("Premiership" read as a person,
// "Australian Open" as a place); so is that name's first word alone where it too was read as a
// person and is no given name ("Argonaut Games" ... "Argonaut"). A MISC span of two words or
// more ending on an institution's word (org-suffix, org-head) is an organisation too: the
// model reads leagues as CoNLL-2003 does, as MISC ("Premier League").
void relabel_events(const TokenView& v, const RuleSet& rules, const NerLabels& labels,
                    std::vector<TaggedSpan>& spans);

// A place of two words or more right after a country's possessive that opens on a given name,
// or on an uncommon word and ends on a surname, and that no list names, is a person: the
// country's athlete or player ("Britain's Mark Lewis-Francis", "China's Na Li"; not "England's
// Lake District", which ends on a place's word).
void relabel_sportsmen(const Knowledge& knowledge, const TokenView& v, const NerLabels& labels,
                       std::vector<TaggedSpan>& spans);

// A lone word tagged as a person right before "in" and a place (listed, or tagged as a
// location: "Cottenham in
// Cambridgeshire", "Sonora in Mexico") is a place when the word is no given name, surname or
// common word, no title, "the" or list word ("and", "or", ",") stands before it and the
// document names no person in full with it:
// people are named in full before they are named by one word, places are not.
void relabel_located_persons(const TokenView& v, const NerLabels& labels,
                             std::vector<TaggedSpan>& spans);

// A name read as a person or an organisation, ending on a capitalised word, right before a
// lower-case title ending on a word of the rule files' "employer-title" set (or that word
// alone: "Yukos boss Mikhail Khodorkovsky", "Charlton midfielder Graham Stuart") and, after it
// or a comma, a person's name is that person's employer, an organisation, in every mention
// read as a person (but a lone word of a person named in full here): "James Hardie
// chairwoman, Meredith Hellicar", "Prebon Yamane economist Lena Komileva"; not "Blair
// spokesman Tom Kelly" nor "Kill Bill director Quentin Tarantino": spokesmen and directors
// work for people and films too.
void relabel_employers(const TokenView& v, const RuleSet& rules, const NerLabels& labels,
                       std::vector<TaggedSpan>& spans);

// A listed demonym the model read as an organisation ("is British director Mark
// Dornford-May") is MISC, as the model reads most demonyms: its country, not an organisation
// (unless a list names an organisation so too).
void relabel_demonyms(const TokenView& v, const NerLabels& labels, std::vector<TaggedSpan>& spans);

// Names joined by "&" are an organisation's ("Douglas & Lomason", "AG Edwards & Sons", "Bear
// Stearns & Co"): a person's or a place's name holds none. A span holding "&" between two
// words, or ending right before "&" and a capitalised word, becomes one organisation running
// over the span tagged after the "&" or, with none, up to three capitalised words; so does a
// span right after "&" and up to three capitalised words the model left untagged ("Ant & Dec"). Not
// two people named in full ("Matt Lucas & David Walliams") nor a listed place read as a place and
// its partner ("Serbia & Montenegro"; but "Douglas & Lomason" read as two people is a firm).
void join_ampersand_names(const TokenView& v, const NerLabels& labels,
                          std::vector<TaggedSpan>& spans);

// A lone word tagged as a person that is the first word of an organisation named in two words
// or more before it in the document, no demonym, after no title, and neither the first nor the
// last word of a person named in full here, is that organisation's short form ("Marsh &
// McLennan" ... "Marsh chief executive Michael Cherkasky"; "Merrill Lynch" ... "Merrill"), or
// the company a product is named after ("Motorola Razr" ... "Motorola"): an organisation
// either way. The resolver keeps it a name of its own rather than guess which.
void relabel_organisation_first_words(const TokenView& v, const NerLabels& labels,
                                      std::vector<TaggedSpan>& spans);

// A lone word read as a person, or as a place no list knows as one, that the words around one of
// its mentions call a company is an organisation in every such mention: before a part or figure
// of a company (the rule files' "company-part-noun" set, right after it or after its possessive
// and up to three words: "its Sandoz unit", "Cairn's shares", "Toshiba's European storage device
// division"), before an apposition whose head is a company noun ("Motorola, the US mobile
// handset and infrastructure maker,"; no possessive but the world's, nor a preposition, before
// the head: "Jez San, the man behind the Argonaut games group"), before a
// title only an employer has, right after it or after its possessive (the "employer-title" set:
// "Renault boss hails", "Amicus's executive"), before ", which" ("Renault, which owns 44%"),
// between a comma after a company noun and a comma ("The world's largest retailer, Wal-Mart,
// has"), after a holding and "in" ("shares in Equant"), after a title of the "works-at-title"
// set and "at" or "of" with no possessive after ("chief executive of Panlogic"), after a plural
// company noun and "such as" or "like" ("retailers such as Wal-Mart"), or after a company noun
// (the "org-noun" set: "Australian airline Qantas") or a kind of body ("org-kind-noun":
// "file-sharing network Napster"; not before a given name: "economist team Jim"). A word read
// only as a place takes neither ", which" nor a part that is also a site ("company-site-noun":
// "its Longbridge plant", "the Frankfurt stock exchange"). Not a nationality word, nor a word
// of a person named in full here or named after a title ("Mr Glazer's shares"). So is a name
// of two words or more read as a person, in every mention, where no given name or title opens
// it and no title precedes it, by the same words but ", which" ("Time Warner's fourth quarter
// profits"; not "belonged to Dizzy Gillespie, which is expected"); and one read as a place no
// list knows as one, not ending on a place's word ("High Street"), by the words a place-read
// word takes around any of its mentions, tagged or not ("The world's biggest retailer
// Wal-Mart").
void relabel_companies_by_their_words(const Knowledge& knowledge, const TokenView& v,
                                      const RuleSet& rules, const NerLabels& labels,
                                      std::vector<TaggedSpan>& spans);

// A lone word read as a person that is written as a word ("Icann") and spells the initials of
// a run of three capitalised words or more in the document, lower-case connectors allowed
// inside and its first word or two left out ("the Internet Corporation for Assigned Names and
// Numbers, Icann": BBC style writes acronyms so), is an organisation.
void relabel_written_acronyms(const TokenView& v, const NerLabels& labels,
                              std::vector<TaggedSpan>& spans);

// A name read as a person that the noun of its kind says is none:
//  - a venue, a place (a facility, as CoNLL and the BBC gold label it): a span of two words or
//    more ending on a capitalised word of the rule files' "venue-noun" set ("Belfast's Lyric
//    Theatre"), and every lone mention of a word seen right before such a word in lower case
//    ("London's famous Savoy hotel", "the Bernabeu stadium");
//  - a party, an organisation: every lone mention of a word seen right before a lower-case word
//    of the "party-noun" set, a closing quotation mark allowed between ("Kilroy launches
//    'Veritas' party");
//  - a product, no entity (MISC, dropped): the same before a word of the "product-noun" set
//    ("the new Exeem program", "Bluetooth technology").
// Not a word of a person named in full here or named after a title ("the Jimi Hendrix museum",
// "Mr Savoy's hotel").
// A structure is a place, whatever runs it: a person or an organisation of two words or more
// ending on a capitalised word of the "structure-noun" set ("China's Three Gorges Dam",
// "Barlinnie Prison"), unless kb_organizations.tsv names it ("Sydney Airport", a company).
void relabel_by_kind_nouns(const Knowledge& knowledge, const TokenView& v, const RuleSet& rules,
                           const NerLabels& labels, std::vector<TaggedSpan>& spans);

// A name right after "<legislator> for" or "<legislator> for the" (the rule files'
// "constituency-role" set: "MP", "MEP", "MSP") is the seat, a place: "MP for West Ham" is
// no club, "an MEP for the East Midlands" no employer. Not part of mend(): the NER component
// runs it after the knowledge's overrides, which would read a club's or a body's name there.
void relabel_constituencies(const TokenView& v, const RuleSet& rules, const NerLabels& labels,
                            std::vector<TaggedSpan>& spans);

// A word the model left untagged that is written exactly as a kb_organizations.tsv name and
// has a capital after a lower-case letter ("eBay", "PayPal": a brand's spelling, no common
// word's) is that organisation ("online auction house eBay"); so is such a word with its
// possessive where the listed name holds one ("McDonald's"), left untagged or read alone as a
// person or MISC, unless a person named in full in the document has that word.
void tag_camel_case_companies(const Knowledge& knowledge, const TokenView& v,
                              const NerLabels& labels, std::vector<TaggedSpan>& spans);

// A run of capitalised words the model left untagged where the words around say someone works
// (name_evidence::named_as_workplace: "general secretary of Unison", "a trader at Mellon
// Financial") is that organisation, marked described; a place tagged right after the run ends
// its name ("director general of Age Concern England"). Not a run a list names, nor one opening
// on a given name, a title or a calendar word. Not part of mend(): it reads the document's
// title phrases.
void tag_untagged_workplaces(const Knowledge& knowledge, const RuleSet& rules,
                             const AnnotatedDocument& document, const TokenView& v,
                             const NerLabels& labels, std::vector<TaggedSpan>& spans);

// Every span read as `read_as` (a person, or a place) whose words are one of `names` (keys as
// TokenView::key_of makes them) is an organisation, marked described: one plain description of
// a name outweighs the model's other readings of it. A one-word span whose word is one of
// `kept_words` keeps its reading.
void relabel_named_organisations(const TokenView& v, const NerLabels& labels,
                                 const std::vector<std::string>& names,
                                 const std::vector<std::string_view>& kept_words,
                                 std::int32_t read_as, std::vector<TaggedSpan>& spans);

// One name, one label within a document: each span takes the label the model gave the same
// words most confidently overall ("UKIP" tagged ORG three times and LOC once is ORG). A
// listed place opening a dateline (TokenView::dateline_place, "MILAN 1996-08-30") is a
// location whatever the model read, and neither votes nor is outvoted: the club "Milan" of
// the story is another thing. Run after mend(), on its final spans.
void one_label_per_name(const TokenView& v, const NerLabels& labels,
                        std::vector<TaggedSpan>& spans);

// All of the above, in the order they depend on each other: splits first (a title, a score),
// then joins (heads, given names, compound demonyms), then drops (non-names, works) and
// relabels (short forms, which read the final labels of the full names).
void mend(const Knowledge& knowledge, const TokenView& v, const RuleSet& rules,
          const NerLabels& labels, std::vector<TaggedSpan>& spans);

}  // namespace skein::extract::name_mends
