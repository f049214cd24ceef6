// The resolver over the project's knowledge and rules and the default pipeline: what keeps a
// node to one real thing when the taggers hand it names that are not one thing (issue #14's
// over-merge check on the BBC corpus found each of these).
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "ProjectExtractor.h"
#include "extract/Extractor.h"

using namespace skein;
using namespace skein::extract;

namespace {

DocumentExtraction run(const std::string& text) {
  return testing::extract_text(text, "resolver-test.txt");
}

const Entity* find_entity(const DocumentExtraction& r, const std::string& id) {
  for (const Entity& e : r.entities) {
    if (e.id == id) return &e;
  }
  return nullptr;
}

std::vector<std::string> mention_texts(const Entity& e) {
  std::vector<std::string> out;
  for (const Mention& m : e.mentions) out.push_back(m.text);
  return out;
}

bool mentions_text(const DocumentExtraction& r, const std::string& text) {
  for (const Entity& e : r.entities) {
    for (const Mention& m : e.mentions) {
      if (m.text == text) return true;
    }
  }
  return false;
}

}  // namespace

TEST_CASE("A listed acronym is matched in capitals only", "[extract][resolve]") {
  const auto r = run(
      "Love Will Tear Us Apart was played at the show. The US economy grew. The Who played too.");
  const Entity* us = find_entity(r, "Country:US");
  REQUIRE(us != nullptr);
  CHECK(mention_texts(*us) == std::vector<std::string>{"US"});
  CHECK(find_entity(r, "Organization:who") == nullptr);
}

TEST_CASE("An acronym standing for more than the name beside it is not that name",
          "[extract][resolve]") {
  const auto r =
      run("The United States Anti-Doping Agency (USADA) accused him. USADA said so on Friday.");
  std::size_t acronyms = 0;
  for (const Entity& e : r.entities) {
    for (const std::string& text : mention_texts(e)) {
      if (text != "USADA") continue;
      ++acronyms;
      CHECK(e.label != "Country");
    }
  }
  CHECK(acronyms == 2);
}

TEST_CASE("After a courtesy title only a surname is a short form", "[extract][resolve]") {
  const auto r = run("Howard Flight was sacked by the party. Mr Howard said Mr Flight had to go.");
  const Entity* flight = find_entity(r, "Person:howard flight");
  REQUIRE(flight != nullptr);
  CHECK(mention_texts(*flight) == std::vector<std::string>{"Howard Flight", "Flight"});
  const Entity* howard = find_entity(r, "Person:howard");
  REQUIRE(howard != nullptr);
  CHECK(mention_texts(*howard) == std::vector<std::string>{"Howard"});
  // A title that contradicts the given name: "Mrs Howard" is not Michael Howard.
  const auto wife = run("Michael Howard spoke first. Mrs Howard said Mr Howard was tired.");
  const Entity* michael = find_entity(wife, "Person:michael howard");
  REQUIRE(michael != nullptr);
  CHECK(mention_texts(*michael) == std::vector<std::string>{"Michael Howard", "Howard"});
}

TEST_CASE("A given name after a role's title is a name of its own, after 'Sir' a short form",
          "[extract][resolve]") {
  // politics/104: "Prince Charles" was Charles Kennedy, named earlier.
  const auto prince =
      run("Charles Kennedy spoke in the Commons. Later Prince Charles and Camilla Parker Bowles "
          "arrived.");
  const Entity* kennedy = find_entity(prince, "Person:charles kennedy");
  REQUIRE(kennedy != nullptr);
  CHECK(mention_texts(*kennedy) == std::vector<std::string>{"Charles Kennedy"});
  // An honorific is no role: "Sir Paul" is the Paul McCartney named before.
  const auto knight =
      run("Paul McCartney played the Super Bowl. Sir Paul said the crowd was wonderful.");
  const Entity* paul = find_entity(knight, "Person:paul mccartney");
  REQUIRE(paul != nullptr);
  CHECK(mention_texts(*paul).size() == 2);
}

TEST_CASE("A club named after its city is the club, and so is the city's name beside it",
          "[extract][resolve]") {
  const auto r = run(
      "Real Madrid beat Barcelona 2-0 on Sunday. Madrid midfielder Guti scored twice. Guti lives "
      "in Madrid.");
  const Entity* club = find_entity(r, "Organization:club-real-madrid-es");
  REQUIRE(club != nullptr);
  CHECK(mention_texts(*club) == std::vector<std::string>{"Real Madrid", "Madrid"});
  CHECK(club->mentions[1].span.start == r.document.text.find("Madrid midfielder"));
  // After "in" the word is the city, and no relation makes the club's "Madrid" Spain.
  const Entity* city = find_entity(r, "Place:geonames:3117735");
  REQUIRE(city != nullptr);
  CHECK(mention_texts(*city) == std::vector<std::string>{"Madrid"});
  CHECK(city->mentions[0].span.start == r.document.text.rfind("Madrid"));
  CHECK(find_entity(r, "Country:ES") == nullptr);
}

TEST_CASE("Names run together are not one person", "[extract][resolve]") {
  SECTION("a descriptor compound in front is no part of the name") {
    const auto r =
        run("Oscar-winner Andrea Arnold was congratulated by the council. Arnold said she was "
            "delighted.");
    const Entity* arnold = find_entity(r, "Person:andrea arnold");
    REQUIRE(arnold != nullptr);
    CHECK(mention_texts(*arnold) == std::vector<std::string>{"Andrea Arnold", "Arnold"});
    CHECK_FALSE(mentions_text(r, "Oscar"));
  }
  SECTION("two names joined by '&' or 'and' name no one person") {
    const auto r = run("Ant & Dec won two awards at the ceremony on Tuesday night.");
    for (const Entity& e : r.entities) CHECK(e.label != "Person");
  }
}

TEST_CASE("A capital is not its state where a person works", "[extract][resolve]") {
  const auto r =
      run("London mayor Ken Livingstone has again refused to retract the remark, officials said.");
  CHECK(find_entity(r, "Country:GB") == nullptr);
}

TEST_CASE("A city-state's capital named as the state is the country", "[extract][resolve]") {
  // business/186 and 499: "Singapore" was the city (geonames 1880252), the gold's country.
  const auto r = run("Exports from Singapore rose 5% last year, Singapore said.");
  CHECK(find_entity(r, "Country:SG") != nullptr);
  CHECK(find_entity(r, "Place:geonames:1880252") == nullptr);
  // A capital with a name of its own stays the city.
  CHECK(find_entity(run("Exports from Tokyo rose 5% last year."), "Place:geonames:1850147") !=
        nullptr);
}

TEST_CASE("A one-word club name in a sports report is the club", "[extract][resolve]") {
  const auto sport =
      run("Chelsea boss Jose Mourinho praised his striker after the match. Chelsea lead the "
          "Premiership by nine points.");
  const Entity* club = find_entity(sport, "Organization:club-chelsea-fc-gb");
  REQUIRE(club != nullptr);
  CHECK(mention_texts(*club) == std::vector<std::string>{"Chelsea", "Chelsea"});
  // No sport words: the district, not the club.
  const auto district = run("She bought a flat in Chelsea, west London, last year.");
  CHECK(find_entity(district, "Organization:club-chelsea-fc-gb") == nullptr);
}

TEST_CASE("A club's listed name of several words in a sports report is the club",
          "[extract][resolve]") {
  // sport/265: the tagger read "Birmingham City" as a place.
  const auto sport =
      run("Gronkjaer has agreed a move to Atletico Madrid from Birmingham City. The winger, a "
          "striker and a defender, scored one goal in the league.");
  CHECK(find_entity(sport, "Organization:club-birmingham-city-fc-gb") != nullptr);
  CHECK(find_entity(sport, "Place:birmingham city") == nullptr);
  // A constituency of the same name in a story about politics stays a place.
  const auto seat = run("Lyn Brown was selected for West Ham, east London, on Monday.");
  CHECK(find_entity(seat, "Organization:club-west-ham-united-fc-gb") == nullptr);
}

TEST_CASE("A club's listed alias of one word in a football report is the club",
          "[extract][resolve]") {
  const auto football =
      run("Newcastle boss Graeme Souness praised his striker after the match. Newcastle lead the "
          "league.");
  const Entity* club = find_entity(football, "Organization:club-newcastle-united-fc-gb");
  REQUIRE(club != nullptr);
  CHECK(mention_texts(*club) == std::vector<std::string>{"Newcastle", "Newcastle"});
  // The lists hold football's clubs: a rugby report's "Newcastle" is the Falcons.
  const auto rugby =
      run("Newcastle fly-half Jonny Wilkinson kicked a penalty in the rugby match. Newcastle lead "
          "the league.");
  CHECK(find_entity(rugby, "Organization:club-newcastle-united-fc-gb") == nullptr);
  // A given name the tagger read as an organisation is the club too ("Charlton").
  const auto given =
      run("Shaun Bartlett's strike put Charlton back in front. The striker scored twice and the "
          "keeper saved a penalty in the match.");
  CHECK(find_entity(given, "Organization:club-charlton-athletic-fc-gb") != nullptr);
}

TEST_CASE("A club's last word alone is the one club named before with it", "[extract][resolve]") {
  const auto full =
      run("Manchester United beat Arsenal on Sunday. The striker scored twice as "
          "United won again.");
  const Entity* united = find_entity(full, "Organization:club-manchester-united-fc-gb");
  REQUIRE(united != nullptr);
  CHECK(mention_texts(*united) == std::vector<std::string>{"Manchester United", "United"});
  // Named before by an alias: the listed name ends on the word.
  const auto alias =
      run("Man Utd beat Arsenal in the match on Sunday. The striker scored twice "
          "as United won again.");
  const Entity* utd = find_entity(alias, "Organization:club-manchester-united-fc-gb");
  REQUIRE(utd != nullptr);
  CHECK(mention_texts(*utd) == std::vector<std::string>{"Man Utd", "United"});
  // Two Uniteds before it: no telling which.
  const auto two =
      run("Manchester United and Newcastle United drew. The striker scored twice "
          "as United won again.");
  CHECK(find_entity(two, "Organization:united") != nullptr);
  // Nor is such a word the list's one club with it as an alias (Montevideo Wanderers).
  const auto wanderers =
      run("Bolton Wanderers beat Arsenal in the match. The striker scored "
          "twice as Wanderers won again.");
  const Entity* bolton = find_entity(wanderers, "Organization:club-bolton-wanderers-fc-gb");
  REQUIRE(bolton != nullptr);
  CHECK(mention_texts(*bolton) == std::vector<std::string>{"Bolton Wanderers", "Wanderers"});
  const auto alone = run("The striker scored twice in the match as Wanderers won again.");
  CHECK(find_entity(alone, "Organization:club-montevideo-wanderers-uy") == nullptr);
}

TEST_CASE("A given name where a work's title stands is not the person", "[extract][resolve]") {
  const auto r =
      run("Jamie Foxx played the singer Ray Charles. Foxx won best actor for Ray on Sunday.");
  const Entity* charles = find_entity(r, "Person:ray charles");
  REQUIRE(charles != nullptr);
  CHECK(mention_texts(*charles) == std::vector<std::string>{"Ray Charles"});
}

TEST_CASE("A kb organisation is found with its country written either way", "[extract][resolve]") {
  const auto r = run("The UK Independence Party said it would stand in every seat.");
  const Entity* ukip = find_entity(r, "Organization:party-united-kingdom-independence-party-gb");
  REQUIRE(ukip != nullptr);
  CHECK(mention_texts(*ukip) == std::vector<std::string>{"UK Independence Party"});
}

TEST_CASE("A country's long acronym needs the country spelled out", "[extract][resolve]") {
  const auto firm = run("The survey by RSA found that firms had failed to act.");
  CHECK(find_entity(firm, "Country:ZA") == nullptr);
  const auto country = run("South Africa beat England. RSA fans celebrated late.");
  const Entity* za = find_entity(country, "Country:ZA");
  REQUIRE(za != nullptr);
  CHECK(mention_texts(*za) == std::vector<std::string>{"South Africa", "RSA"});
}

TEST_CASE("A kb organisation's acronym alias needs its country named", "[extract][resolve]") {
  // "MIT" is listed only as New Zealand's Manukau Institute of Technology: a US article's MIT
  // is some other body, its own entity.
  const auto us = run("Researchers at MIT in Boston have built a robot.");
  CHECK(find_entity(us, "Organization:government-manukau-institute-of-technology-nz") == nullptr);
  CHECK(std::any_of(us.entities.begin(), us.entities.end(), [](const Entity& e) {
    return e.label == "Organization" && mention_texts(e) == std::vector<std::string>{"MIT"};
  }));
  const auto nz = run("Students at MIT in Auckland, New Zealand, protested.");
  const Entity* manukau =
      find_entity(nz, "Organization:government-manukau-institute-of-technology-nz");
  REQUIRE(manukau != nullptr);
  CHECK(mention_texts(*manukau) == std::vector<std::string>{"MIT"});
}

TEST_CASE("An acronym is the organisation of the document whose capitals it spells",
          "[extract][resolve]") {
  // The lists expand "LSE" to the London School of Economics; this article's LSE is the
  // exchange it names, even in its title, before the full name.
  const auto r =
      run("LSE bid\n\nDeutsche Boerse has made an offer for the London Stock Exchange, UK media "
          "reports say. The LSE rejected it.");
  const Entity* exchange = find_entity(r, "Organization:company-london-stock-exchange-gb");
  REQUIRE(exchange != nullptr);
  CHECK(mention_texts(*exchange) ==
        std::vector<std::string>{"LSE", "London Stock Exchange", "LSE"});
  // Two organisations of the document spell it: the acronym keeps the meaning it had, when
  // that is one of them.
  const auto two =
      run("The European Commission and the European Council met. The EC said talks went well.");
  for (const Entity& e : two.entities) {
    INFO(e.name);
    if (e.name == "European Commission") CHECK(mention_texts(e).size() == 2);
    if (e.name == "European Council") CHECK(mention_texts(e).size() == 1);
  }
  // Otherwise two that spell it leave it alone; one alone takes it.
  const auto banks = run("Deutsche Bank and Dresdner Bank reported results. DB shares rose.");
  for (const Entity& e : banks.entities) CHECK(mention_texts(e).size() == 1);
  const auto bank = run("Deutsche Bank reported results. DB shares rose.");
  REQUIRE(bank.entities.size() == 1);
  CHECK(mention_texts(bank.entities.front()) == std::vector<std::string>{"Deutsche Bank", "DB"});
}

TEST_CASE("A public body named by common words needs its country named", "[extract][resolve]") {
  // The lists hold New Zealand's "The Treasury"; a British article's Treasury is not it.
  const auto uk = run("The Treasury said growth would be strong, Gordon Brown told MPs in London.");
  CHECK(find_entity(uk, "Organization:government-the-treasury-nz") == nullptr);
  const auto nz = run("In Wellington, New Zealand, The Treasury said growth would be strong.");
  CHECK(find_entity(nz, "Organization:government-the-treasury-nz") != nullptr);
}

TEST_CASE("A name joined by '&' keeps its first word, and its acronym follows it",
          "[extract][resolve]") {
  // business/091: "& Poor's" was an organisation and "S&P" a place.
  const auto r =
      run("Standard & Poor's has upgraded Russia's credit rating. S&P said the finances were "
          "solid.");
  const Entity* sp = nullptr;
  for (const Entity& e : r.entities) {
    if (e.name == "Standard & Poor's") sp = &e;
    CHECK(e.label != "Place");
  }
  REQUIRE(sp != nullptr);
  CHECK(sp->label == "Organization");
  CHECK(mention_texts(*sp) == std::vector<std::string>{"Standard & Poor's", "S&P"});
}

TEST_CASE(
    "A name one country shares with places elsewhere is that country, unless the text "
    "supports another sense",
    "[extract][resolve]") {
  // The BBC corpus had 3 mentions of its 34 "Hong Kong"s and none of Luxembourg: a name
  // shared with a city, a province, a river or a person was dropped without context.
  for (const auto& [text, id] : std::vector<std::pair<std::string, std::string>>{
           {"The minister flew to Hong Kong on Monday for talks.", "Country:HK"},
           {"The minister flew to Luxembourg on Monday for talks.", "Country:LU"},
           {"The minister flew to Jordan on Monday for talks.", "Country:JO"},
           {"The minister flew to Taiwan on Monday for talks.", "Country:TW"},
           {"Georgia beat Russia in the rugby.", "Country:GE"}}) {
    INFO(text);
    CHECK(find_entity(run(text), id) != nullptr);
  }
  // "Atlanta" puts the United States in context: Georgia is the state, and no city named
  // before it is in the country.
  const auto atlanta = run("Coca-Cola is based in Atlanta, Georgia.");
  CHECK(find_entity(atlanta, "Country:GE") == nullptr);
  CHECK(find_entity(atlanta, "Place:US-GA") != nullptr);
  const auto tbilisi = run("Tbilisi, Georgia, was calm.");
  CHECK(find_entity(tbilisi, "Country:GE") != nullptr);
  // Two countries' name stays unresolved.
  CHECK(find_entity(run("The minister flew to Congo on Monday."), "Country:CD") == nullptr);
  CHECK(find_entity(run("The minister flew to Congo on Monday."), "Country:CG") == nullptr);
}

TEST_CASE("A one-word name the tagger reads as an organisation is the listed one it names",
          "[extract][resolve]") {
  // The BBC corpus had "Labour" (591 mentions) and "Labour Party" (60) as two nodes, and
  // "Conservatives" and "Fed" apart from the parties and the central bank they name.
  // (The model of 2026-12-02 tags neither party when "Labour" opens the sentence.)
  const auto uk = run("In Britain, Labour and the Conservatives clashed over tax.");
  CHECK(find_entity(uk, "Organization:labour-party-uk") != nullptr);
  CHECK(find_entity(uk, "Organization:conservative-party-uk") != nullptr);
  CHECK(find_entity(uk, "Organization:labour") == nullptr);
  CHECK(find_entity(run("Rates rose as the Fed had said."), "Organization:federal-reserve") !=
        nullptr);
  // A document naming Britain alone speaks of no American central bank.
  CHECK(find_entity(run("Rates rose in Britain as the Fed had said."),
                    "Organization:federal-reserve") == nullptr);
  // Not where the document names countries and not the organisation's own.
  const auto nz = run("Labour won the election in New Zealand. Helen Clark spoke.");
  CHECK(find_entity(nz, "Organization:labour-party-uk") == nullptr);
  CHECK(mentions_text(nz, "Labour"));
  // A party named by its words alone (syntax-party-* sets): "Conservative" was a node of 62
  // mentions beside the Conservative Party.
  const auto tory = run("Conservative leader Michael Howard said the Tories would cut taxes.");
  const Entity* party = find_entity(tory, "Organization:conservative-party-uk");
  REQUIRE(party != nullptr);
  CHECK(mention_texts(*party) == std::vector<std::string>{"Conservative", "Tories"});
  CHECK(find_entity(tory, "Organization:conservative") == nullptr);
  // Not in a story that names only another country.
  CHECK(find_entity(run("In Canada, Conservative leader Stephen Harper spoke."),
                    "Organization:conservative-party-uk") == nullptr);
}

TEST_CASE("A listed name with punctuation glued to a word is found as the text writes it",
          "[extract][resolve]") {
  // The kb keys spaced every token ("moody 's") and a span of text is keyed as written
  // ("moody's"): McDonald's, Moody's and the European People's Party were never linked.
  const auto r = run("Ratings agency Moody's cut the bank's rating. McDonald's profits rose.");
  CHECK(find_entity(r, "Organization:company-moody-s-us") != nullptr);
  CHECK(find_entity(r, "Organization:company-mcdonald-s-us") != nullptr);
}

TEST_CASE("A listed company the tagger reads as one is not the town of its name",
          "[extract][resolve]") {
  // BBC business/099: Toyota was Toyota City, Japan, 15 times.
  const auto r =
      run("Japan's top car maker Toyota and Nissan saw sales accelerate. Toyota sales "
          "jumped 11%.");
  const Entity* toyota = find_entity(r, "Organization:toyota");
  REQUIRE(toyota != nullptr);
  CHECK(mention_texts(*toyota) == std::vector<std::string>{"Toyota", "Toyota"});
  CHECK(find_entity(r, "Place:geonames:1849814") == nullptr);
}

TEST_CASE("The Commons and the Lords are the two houses of the UK Parliament",
          "[extract][resolve]") {
  // politics/414 "Commons leader Peter Hain" (BBC gold: Peter Hain -> House of Commons);
  // "Commons" was 53 mentions of an unlinked node, and "House of Lords" two nodes.
  // (The model trained with a beam, 2026-12-02, leaves "the Lords" alone untagged; "the House of
  // Lords" is the same house.)
  const auto r = run("Commons leader Peter Hain spoke. The House of Lords rejected the bill.");
  const Entity* parliament = find_entity(r, "Organization:uk-parliament");
  REQUIRE(parliament != nullptr);
  CHECK(mention_texts(*parliament) == std::vector<std::string>{"Commons"});
  CHECK(find_entity(r, "Organization:uk-house-of-lords") != nullptr);
  CHECK(std::any_of(r.relations.begin(), r.relations.end(), [](const Relation& rel) {
    return rel.type == "affiliated-with" && rel.target == "Organization:uk-parliament";
  }));
}

TEST_CASE("A state's listed institution puts its country in the document's context",
          "[extract][resolve]") {
  // A public body named by common words needs its country named; "Downing Street" names it.
  // The BBC corpus had "Home Office" as a kb row (43 mentions) and an unlinked node (9).
  CHECK(find_entity(run("The Home Office said the plans were fair. Downing Street agreed."),
                    "Organization:government-home-office-gb") != nullptr);
  CHECK(find_entity(run("The Home Office said the plans were fair."),
                    "Organization:government-home-office-gb") == nullptr);
}

TEST_CASE("A country's name that is also its demonym is the country, not a tie of two senses",
          "[extract][resolve]") {
  // countries.tsv lists "Thai" and "Saudi" as aliases and as demonyms of one country each.
  const auto r =
      run("The Saudi government and Thai police agreed. The Lao government and Vatican "
          "envoys came too.");
  for (const char* id : {"Country:SA", "Country:TH", "Country:LA", "Country:VA"}) {
    INFO(id);
    const Entity* country = find_entity(r, id);
    REQUIRE(country != nullptr);
    REQUIRE(country->mentions.size() == 1);
    CHECK(country->mentions.front().kind == "demonym");
  }
}

TEST_CASE("The singular 'Liberal Democrat' before a role names the party", "[extract][resolve]") {
  const auto r = run("Liberal Democrat leader Charles Kennedy has begun a week-long tour.");
  const Entity* party = find_entity(r, "Organization:liberal-democrats-uk");
  REQUIRE(party != nullptr);
  CHECK(mention_texts(*party) == std::vector<std::string>{"Liberal Democrat"});
}

TEST_CASE("A club's alias of two words or more names the club; an institution's only in sport",
          "[extract][resolve]") {
  // BBC business/209 and sport: "Manchester United" and "Man Utd" were nodes of their own,
  // apart from kb_organizations.tsv's Manchester United FC.
  const auto business = run("Shares in Manchester United were up over 5% on Monday.");
  const Entity* club = find_entity(business, "Organization:club-manchester-united-fc-gb");
  REQUIRE(club != nullptr);
  CHECK(mention_texts(*club) == std::vector<std::string>{"Manchester United"});
  const auto sport =
      run("Chelsea beat Man Utd in the Premiership, their striker said after the match.");
  REQUIRE(find_entity(sport, "Organization:club-manchester-united-fc-gb") != nullptr);
  // "Metropolitan Police" is an alias of Metropolitan Police FC, and the London force's name.
  const auto police = run("Metropolitan Police Commissioner Sir Ian Blair said so on Monday.");
  CHECK(find_entity(police, "Organization:club-metropolitan-police-fc-gb") == nullptr);
}
