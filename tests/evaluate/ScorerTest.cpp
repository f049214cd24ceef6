#include <catch2/catch.hpp>

#include "TestDocuments.h"
#include "evaluate/Scorer.h"

using namespace skein::evaluate;
using namespace skein::evaluate::testing;
using Catch::Detail::Approx;

namespace {

const ErrorGroup* find_group(const std::vector<ErrorGroup>& groups, ErrorKind kind,
                             bool false_positive) {
  for (const auto& group : groups) {
    if (group.kind == kind && group.false_positive == false_positive) return &group;
  }
  return nullptr;
}

std::size_t group_count(const std::vector<ErrorGroup>& groups, ErrorKind kind,
                        bool false_positive) {
  const auto* group = find_group(groups, kind, false_positive);
  return group == nullptr ? 0 : group->count;
}

const std::string kSentence = "Emmanuel Moreau met Zoë Adler in Gdańsk, Poland on Monday.";

}  // namespace

TEST_CASE("entity scores count exact spans strictly and overlaps leniently", "[evaluate]") {
  const Dataset dataset = skein_dataset();
  GoldBuilder gold(kSentence);
  gold.mention("Emmanuel Moreau", "Person")
      .mention("Zoë Adler", "Person")
      .mention("Gdańsk", "Place")
      .mention("Poland", "Country");
  PredictionBuilder predicted(gold.gold);
  predicted
      .entity("Person:moreau", "Person", "Emmanuel Moreau")      // exact
      .entity("Person:zoe", "Person", "Zoë")                     // short boundary
      .entity("Country:gdansk", "Country", "Gdańsk")             // wrong label
      .entity("Country:PL", "Country", "Poland")                 // exact
      .entity("Organization:monday", "Organization", "Monday");  // spurious

  Scorer scorer(dataset);
  scorer.add(gold.gold, predicted.extraction);
  const Report report = scorer.report();

  // strict: 2 of 5 predictions right, 2 of 4 gold found.
  const Counts& strict = report.entity_micro.strict;
  CHECK(strict.tp == 2);
  CHECK(strict.fp == 3);
  CHECK(strict.fn == 2);
  CHECK(strict.precision() == Approx(0.4));
  CHECK(strict.recall() == Approx(0.5));
  CHECK(strict.f1() == Approx(4.0 / 9.0));
  // lenient: "Zoë" overlaps "Zoë Adler" with the right label.
  const Counts& lenient = report.entity_micro.lenient;
  CHECK(lenient.tp == 3);
  CHECK(lenient.precision() == Approx(0.6));
  CHECK(lenient.recall() == Approx(0.75));
  CHECK(lenient.f1() == Approx(2.0 / 3.0));

  const ScoreRow* country = report.entity_row("Country");
  REQUIRE(country != nullptr);
  CHECK(country->strict.precision() == Approx(0.5));
  CHECK(country->strict.recall() == Approx(1.0));
  const ScoreRow* place = report.entity_row("Place");
  REQUIRE(place != nullptr);
  CHECK(place->strict.gold() == 1);
  CHECK(place->strict.predicted() == 0);
  CHECK(place->strict.f1() == 0.0);
  CHECK(report.entity_row("Organization")->strict.fp == 1);

  CHECK(group_count(report.entity_errors, ErrorKind::kWrongBoundary, true) == 1);
  CHECK(group_count(report.entity_errors, ErrorKind::kWrongLabel, true) == 1);
  CHECK(group_count(report.entity_errors, ErrorKind::kSpurious, true) == 1);
  CHECK(group_count(report.entity_errors, ErrorKind::kWrongBoundary, false) == 1);
  CHECK(group_count(report.entity_errors, ErrorKind::kWrongLabel, false) == 1);
  CHECK(group_count(report.entity_errors, ErrorKind::kMissed, false) == 0);
  const auto* spurious = find_group(report.entity_errors, ErrorKind::kSpurious, true);
  REQUIRE(spurious->examples.size() == 1);
  CHECK(spurious->examples[0].text == "Monday");
  CHECK(spurious->examples[0].predicted == "Organization");
  CHECK(spurious->examples[0].context == kSentence);
}

TEST_CASE("an entity missed entirely is a missed false negative", "[evaluate]") {
  const Dataset dataset = skein_dataset();
  GoldBuilder gold(kSentence);
  gold.mention("Emmanuel Moreau", "Person").mention("Poland", "Country");
  PredictionBuilder predicted(gold.gold);
  predicted.entity("Country:PL", "Country", "Poland");
  Scorer scorer(dataset);
  scorer.add(gold.gold, predicted.extraction);
  const Report report = scorer.report();
  CHECK(report.entity_micro.strict.tp == 1);
  CHECK(report.entity_micro.strict.fn == 1);
  CHECK(report.entity_micro.strict.precision() == 1.0);
  CHECK(report.entity_micro.strict.recall() == 0.5);
  CHECK(group_count(report.entity_errors, ErrorKind::kMissed, false) == 1);
}

TEST_CASE("symmetric relations match in either direction, directed ones only as given",
          "[evaluate]") {
  const Dataset dataset = skein_dataset();
  GoldBuilder gold(kSentence);
  gold.mention("Emmanuel Moreau", "Person")
      .mention("Zoë Adler", "Person")
      .mention("Gdańsk", "Place")
      .mention("Poland", "Country")
      .relation("met-with", "Emmanuel Moreau", "Zoë Adler")
      .relation("located-in", "Gdańsk", "Poland");
  PredictionBuilder predicted(gold.gold);
  predicted.entity("Person:moreau", "Person", "Emmanuel Moreau")
      .entity("Person:adler", "Person", "Zoë Adler")
      .entity("Place:gdansk", "Place", "Gdańsk")
      .entity("Country:PL", "Country", "Poland")
      .relation("met-with", "Person:adler", "Person:moreau")    // reversed: still right
      .relation("located-in", "Country:PL", "Place:gdansk")     // reversed: wrong
      .relation("trades-with", "Country:PL", "Person:moreau");  // not in gold

  Scorer scorer(dataset);
  scorer.add(gold.gold, predicted.extraction);
  const Report report = scorer.report();

  const RelationRow* met = report.relation_row("met-with");
  REQUIRE(met != nullptr);
  CHECK(met->symmetric);
  CHECK(met->strict.tp == 1);
  CHECK(met->strict.f1() == 1.0);
  const RelationRow* located = report.relation_row("located-in");
  CHECK(located->strict.tp == 0);
  CHECK(located->strict.fp == 1);
  CHECK(located->strict.fn == 1);
  CHECK(report.relation_row("trades-with")->strict.fp == 1);
  // micro: tp 1, fp 2, fn 1 -> P 1/3, R 1/2, F1 0.4
  CHECK(report.relation_micro.strict.precision() == Approx(1.0 / 3.0));
  CHECK(report.relation_micro.strict.recall() == Approx(0.5));
  CHECK(report.relation_micro.strict.f1() == Approx(0.4));
  CHECK(group_count(report.relation_errors, ErrorKind::kWrongDirection, true) == 1);
  CHECK(group_count(report.relation_errors, ErrorKind::kWrongDirection, false) == 1);
  CHECK(group_count(report.relation_errors, ErrorKind::kRelationSpurious, true) == 1);
}

TEST_CASE("a relation endpoint may match any mention of a coreferent gold entity", "[evaluate]") {
  const Dataset dataset = skein_dataset();
  const std::string text =
      "President Moreau arrived in Kraków. Later Moreau met with Dr. Zoë Adler of the Vistula "
      "Institute.";
  GoldBuilder gold(text);
  gold.mention("President Moreau", "Person", "Moreau")
      .mention("Kraków", "Place")
      .mention("Moreau", "Person", "Moreau", 2)
      .mention("Zoë Adler", "Person")
      .mention("Vistula Institute", "Organization")
      .relation("met-with", "Moreau", "Zoë Adler")
      .relation("affiliated-with", "Zoë Adler", "Vistula Institute");
  PredictionBuilder predicted(gold.gold);
  // Moreau found only at his second mention; the institute without "Institute" (boundary).
  predicted.entity("Person:moreau", "Person", {{"Moreau", 2}})
      .entity("Person:adler", "Person", "Zoë Adler")
      .entity("Organization:vistula", "Organization", "Vistula")
      .relation("met-with", "Person:moreau", "Person:adler")
      .relation("affiliated-with", "Person:adler", "Organization:vistula");

  Scorer scorer(dataset);
  scorer.add(gold.gold, predicted.extraction);
  const Report report = scorer.report();

  // The met-with endpoint "Moreau" (2nd) is a mention of the gold group: strict match.
  CHECK(report.relation_row("met-with")->strict.tp == 1);
  // The affiliation's target has the wrong boundary: lenient only.
  CHECK(report.relation_row("affiliated-with")->strict.tp == 0);
  CHECK(report.relation_row("affiliated-with")->lenient.tp == 1);
  CHECK(group_count(report.relation_errors, ErrorKind::kEndpointNotGold, true) == 1);
  CHECK(group_count(report.relation_errors, ErrorKind::kEndpointMissed, false) == 1);
  // Entities: "Vistula" is a boundary error, so 2 of 3 predictions are strictly right.
  CHECK(report.entity_micro.strict.tp == 2);
  CHECK(report.entity_micro.strict.fn == 3);  // President Moreau, Kraków, Vistula Institute
}

TEST_CASE(
    "location classes accept several labels and unscored spans make their own false positives",
    "[evaluate]") {
  Dataset dataset;
  dataset.source = "conll";
  dataset.format = "conll04";
  dataset.label_classes = {{"Person", {"Person"}},
                           {"Organization", {"Organization"}},
                           {"Location", {"Country", "Place"}}};
  dataset.relation_types = {{"located-in", false, true}, {"Kill", false, false}};
  const std::string text = "Ruby shot Oswald in Dallas , Texas , reported Newsweek magazine .";
  GoldBuilder gold(text);
  gold.mention("Ruby", "Person")
      .mention("Oswald", "Person")
      .mention("Dallas", "Location")
      .mention("Texas", "Location")
      .unscored("Newsweek magazine", "Other")
      .relation("located-in", "Dallas", "Texas", "Located_In")
      .relation("Kill", "Ruby", "Oswald");
  PredictionBuilder predicted(gold.gold);
  predicted.entity("Person:ruby", "Person", "Ruby")
      .entity("Person:oswald", "Person", "Oswald")
      .entity("Place:dallas", "Place", "Dallas")
      .entity("Place:texas", "Place", "Texas")
      .entity("Organization:newsweek", "Organization", "Newsweek")
      .entity("Title:x", "Title", "reported")
      .relation("located-in", "Place:dallas", "Place:texas")
      .relation("located-in", "Place:texas", "Place:dallas", {{"modality", "hypothetical"}})
      .relation("met-with", "Person:ruby", "Person:oswald");

  Scorer scorer(dataset);
  scorer.add(gold.gold, predicted.extraction);
  const Report report = scorer.report();

  const ScoreRow* location = report.entity_row("Location");
  CHECK(location->strict.tp == 2);
  CHECK(location->strict.fp == 0);
  CHECK(report.entity_row("Organization")->strict.fp == 1);
  CHECK(group_count(report.entity_errors, ErrorKind::kSpuriousUnscored, true) == 1);
  CHECK(report.entity_micro.strict.precision() == Approx(4.0 / 5.0));
  CHECK(report.entity_micro.strict.recall() == 1.0);
  CHECK(report.notes.at("predicted mentions with unscored label Title") == 1);
  CHECK(report.notes.at("predicted relations not asserted (hypothetical)") == 1);
  CHECK(report.notes.at("predicted relations of unscored type met-with") == 1);

  CHECK(report.relation_row("located-in")->strict.f1() == 1.0);
  REQUIRE(report.relation_row("located-in")->by_original_type.size() == 1);
  CHECK(report.relation_row("located-in")->by_original_type.at("Located_In").tp == 1);
  const RelationRow* kill = report.relation_row("Kill");
  CHECK_FALSE(kill->covered);
  CHECK(kill->strict.fn == 1);
  // The uncovered Kill stays out of the micro average and out of the error list.
  CHECK(report.relation_micro.strict.fn == 0);
  CHECK(report.relation_micro.strict.f1() == 1.0);
  CHECK(report.relation_errors.empty());
}

TEST_CASE("recall is split by the dataset's own type when several map onto one", "[evaluate]") {
  Dataset dataset = skein_dataset();
  const std::string text = "Acme Corp. of Lyon , France .";
  GoldBuilder gold(text);
  gold.mention("Acme Corp.", "Organization")
      .mention("Lyon", "Place")
      .mention("France", "Country")
      .relation("located-in", "Acme Corp.", "Lyon", "OrgBased_In")
      .relation("located-in", "Lyon", "France", "Located_In");
  PredictionBuilder predicted(gold.gold);
  predicted.entity("Place:lyon", "Place", "Lyon")
      .entity("Country:FR", "Country", "France")
      .relation("located-in", "Place:lyon", "Country:FR");
  Scorer scorer(dataset);
  scorer.add(gold.gold, predicted.extraction);
  const Report report = scorer.report();
  const RelationRow* located = report.relation_row("located-in");
  REQUIRE(located->by_original_type.size() == 2);
  CHECK(located->by_original_type.at("Located_In").tp == 1);
  CHECK(located->by_original_type.at("OrgBased_In").fn == 1);
  CHECK(located->strict.recall() == 0.5);
  CHECK(located->strict.precision() == 1.0);
}

TEST_CASE("relations to entities without mentions are left out, not counted wrong", "[evaluate]") {
  const Dataset dataset = skein_dataset();
  GoldBuilder gold("Talks were held in Gdańsk.");
  gold.mention("Gdańsk", "Place");
  PredictionBuilder predicted(gold.gold);
  predicted.entity("Place:gdansk", "Place", "Gdańsk")
      .entity("Country:PL", "Country", std::vector<std::pair<std::string, int>>{})
      .relation("located-in", "Place:gdansk", "Country:PL");
  Scorer scorer(dataset);
  scorer.add(gold.gold, predicted.extraction);
  const Report report = scorer.report();
  CHECK(report.relation_micro.strict.predicted() == 0);
  CHECK(report.notes.at("predicted relations with an endpoint without mentions") == 1);
  CHECK(report.entity_micro.strict.f1() == 1.0);
}

TEST_CASE("scores accumulate over documents and examples are capped", "[evaluate]") {
  const Dataset dataset = skein_dataset();
  ScorerOptions options;
  options.max_examples = 2;
  Scorer scorer(dataset, options);
  for (int i = 0; i < 4; ++i) {
    GoldBuilder gold("Poland and France signed.");
    gold.mention("Poland", "Country").mention("France", "Country");
    PredictionBuilder predicted(gold.gold);
    predicted.entity("Country:PL", "Country", "Poland");
    scorer.add(gold.gold, predicted.extraction);
  }
  const Report report = scorer.report();
  CHECK(report.documents == 4);
  CHECK(report.entity_micro.strict.tp == 4);
  CHECK(report.entity_micro.strict.fn == 4);
  const auto* missed = find_group(report.entity_errors, ErrorKind::kMissed, false);
  REQUIRE(missed != nullptr);
  CHECK(missed->count == 4);
  CHECK(missed->examples.size() == 2);
}

TEST_CASE("relations from knowledge are noted, and scored only when asked", "[evaluate]") {
  const Dataset dataset = skein_dataset();
  GoldBuilder gold("Talks were held in Gdańsk, not far from the Polish coast. Poland hosted them.");
  gold.mention("Gdańsk", "Place")
      .mention("Polish", "Country", "Poland")
      .mention("Poland", "Country");
  PredictionBuilder predicted(gold.gold);
  predicted.entity("Place:gdansk", "Place", "Gdańsk")
      .entity("Country:PL", "Country", "Poland")
      .relation("located-in", "Place:gdansk", "Country:PL");
  predicted.extraction.relations.back().basis = skein::basis::kKnowledge;

  Scorer by_default(dataset);
  by_default.add(gold.gold, predicted.extraction);
  const Report report = by_default.report();
  CHECK(report.relation_micro.strict.predicted() == 0);
  CHECK(report.notes.at("predicted relations from knowledge, not the text") == 1);

  ScorerOptions options;
  options.score_knowledge_relations = true;
  Scorer scoring(dataset, options);
  scoring.add(gold.gold, predicted.extraction);
  // The gold states no located-in here, so the knowledge edge is a false positive.
  CHECK(scoring.report().relation_row("located-in")->strict.fp == 1);
}

TEST_CASE("demonym mentions are left out where the dataset tags them Other, and counted",
          "[evaluate]") {
  Dataset dataset;
  dataset.source = "conll";
  dataset.format = "conll04";
  dataset.label_classes = {{"Person", {"Person"}}, {"Location", {"Country", "Place"}}};
  dataset.scores_demonyms = false;
  const std::string text = "Chinese officials met Americans in Soviet Georgia .";
  GoldBuilder gold(text);
  gold.unscored("Chinese", "Other").mention("Soviet", "Location").mention("Georgia", "Location");
  PredictionBuilder predicted(gold.gold);
  predicted.entity("Country:CN", "Country", "Chinese")
      .entity("Country:US", "Country", "Americans")
      .entity("Country:SU", "Country", "Soviet")
      .entity("Place:GE", "Place", "Georgia");
  for (auto& entity : predicted.extraction.entities) {
    if (entity.id != "Place:GE") entity.mentions[0].kind = skein::mention_kinds::kDemonym;
  }

  Scorer scorer(dataset);
  scorer.add(gold.gold, predicted.extraction);
  const Report report = scorer.report();
  const ScoreRow* location = report.entity_row("Location");
  CHECK(location->strict.tp == 1);
  CHECK(location->strict.fp == 0);
  // "Soviet" is gold Location: leaving the demonym out costs a miss, never hides one.
  CHECK(location->strict.fn == 1);
  CHECK(report.notes.at("predicted demonym mentions not scored: gold Other") == 1);
  CHECK(report.notes.at("predicted demonym mentions not scored: not in gold") == 1);
  CHECK(report.notes.at("predicted demonym mentions not scored: gold Location (counted missed)") ==
        1);

  // A dataset that annotates demonyms (the examples' gold) scores them like any mention.
  dataset.scores_demonyms = true;
  Scorer all(dataset);
  all.add(gold.gold, predicted.extraction);
  const Report full = all.report();
  CHECK(full.entity_row("Location")->strict.tp == 2);
  CHECK(full.entity_row("Location")->strict.fp == 2);
}

TEST_CASE("gold spans can be scored as normalised or as written", "[evaluate]") {
  Dataset dataset = skein_dataset();
  const std::string text = "Emmanuel Moreau lives in Boise.";
  GoldBuilder gold(text);
  gold.mention("Emmanuel Moreau", "Person").mention("Boise", "Place");
  gold.gold.mentions[1].as_written.end += 1;  // the file marked "Boise."
  PredictionBuilder predicted(gold.gold);
  predicted.entity("Person:moreau", "Person", "Emmanuel Moreau")
      .entity("Place:boise", "Place", "Boise");

  Scorer normalised(dataset);
  normalised.add(gold.gold, predicted.extraction);
  CHECK(normalised.report().entity_micro.strict.tp == 2);
  CHECK(normalised.report().normalized_gold_mentions == 1);

  ScorerOptions options;
  options.as_written_spans = true;
  Scorer written(dataset, options);
  written.add(gold.gold, predicted.extraction);
  const Report report = written.report();
  CHECK(report.entity_micro.strict.tp == 1);
  CHECK(report.entity_micro.strict.fp == 1);
  CHECK(report.entity_micro.lenient.tp == 2);
}

TEST_CASE("optional gold is neither rewarded nor penalised, and missing it is no miss",
          "[evaluate]") {
  const Dataset dataset = skein_dataset();
  GoldBuilder gold("Moreau of Vistula Bank met Adler of Oder Bank and the Polish mayor of Gdańsk.");
  gold.mention("Moreau", "Person")
      .mention("Vistula Bank", "Organization")
      .mention("Adler", "Person")
      .mention("Oder Bank", "Organization")
      .mention("Polish", "Country", "Poland")
      .mention("Gdańsk", "Place")
      .relation("met-with", "Moreau", "Adler")
      .relation("affiliated-with", "Moreau", "Vistula Bank")
      .relation("affiliated-with", "Adler", "Oder Bank")
      .relation("located-in", "Vistula Bank", "Gdańsk");
  gold.gold.mentions[4].optional = true;   // "Polish"
  gold.gold.relations[2].optional = true;  // Adler -> Oder Bank
  gold.gold.relations[3].optional = true;  // Vistula Bank -> Gdańsk
  PredictionBuilder predicted(gold.gold);
  predicted.entity("P:moreau", "Person", "Moreau")
      .entity("O:vistula", "Organization", "Vistula Bank")
      .entity("P:adler", "Person", "Adler")
      .entity("O:oder", "Organization", "Oder Bank")
      .entity("C:PL", "Country", "Polish")
      .relation("met-with", "P:moreau", "P:adler")
      .relation("affiliated-with", "P:adler", "O:oder");  // matches an optional relation only
  // Gdańsk is not predicted; nor is Vistula Bank -> Gdańsk (optional).

  Scorer scorer(dataset);
  scorer.add(gold.gold, predicted.extraction);
  const Report report = scorer.report();

  // Entities: "Polish" matched optional gold (no tp, no fp); Gdańsk missed.
  CHECK(report.entity_row("Country")->strict.tp == 0);
  CHECK(report.entity_row("Country")->strict.fp == 0);
  CHECK(report.entity_row("Country")->strict.fn == 0);
  CHECK(report.entity_micro.strict.tp == 4);
  CHECK(report.entity_micro.strict.fp == 0);
  CHECK(report.entity_micro.strict.fn == 1);
  CHECK(report.notes.at("predicted mentions matching optional gold") == 1);
  // Relations: affiliated-with has one required gold (missed) and one optional (predicted).
  const RelationRow* affiliated = report.relation_row("affiliated-with");
  CHECK(affiliated->strict.tp == 0);
  CHECK(affiliated->strict.fp == 0);
  CHECK(affiliated->strict.fn == 1);
  CHECK(report.relation_row("located-in")->strict.fn == 0);
  CHECK(report.relation_row("met-with")->strict.tp == 1);
  CHECK(report.notes.at("predicted relations matching optional gold") == 1);
  CHECK(group_count(report.relation_errors, ErrorKind::kRelationSpurious, true) == 0);
  CHECK(group_count(report.relation_errors, ErrorKind::kEndpointMissed, false) == 0);
  CHECK(group_count(report.relation_errors, ErrorKind::kRelationMissed, false) ==
        1);  // Moreau -> Vistula
}

TEST_CASE("a prediction takes required gold before optional gold of the same span", "[evaluate]") {
  const Dataset dataset = skein_dataset();
  GoldBuilder gold("Moreau met Adler.");
  gold.mention("Moreau", "Person")
      .mention("Adler", "Person")
      .relation("met-with", "Moreau", "Adler")
      .relation("trades-with", "Moreau", "Adler");
  gold.gold.relations[1].optional = true;
  // An optional copy of the met-with listed before the required one (the reader would refuse
  // it, but the scorer must not depend on order): the prediction takes the required one.
  gold.gold.relations.insert(gold.gold.relations.begin(), gold.gold.relations[0]);
  gold.gold.relations[0].optional = true;
  PredictionBuilder predicted(gold.gold);
  predicted.entity("P:m", "Person", "Moreau")
      .entity("P:a", "Person", "Adler")
      .relation("met-with", "P:m", "P:a");
  Scorer scorer(dataset);
  scorer.add(gold.gold, predicted.extraction);
  const Report report = scorer.report();
  CHECK(report.relation_row("met-with")->strict.tp == 1);
  CHECK(report.relation_row("met-with")->strict.fn == 0);
  CHECK(report.relation_row("trades-with")->strict.fn == 0);
}

TEST_CASE("relations needing coreference are counted found and missed per type", "[evaluate]") {
  const Dataset dataset = skein_dataset();
  GoldBuilder gold("Moreau runs Vistula Bank. The banker met Adler. Nowak met Kowalski.");
  gold.mention("Moreau", "Person")
      .mention("Vistula Bank", "Organization")
      .mention("Adler", "Person")
      .mention("Nowak", "Person")
      .mention("Kowalski", "Person")
      .relation("met-with", "Moreau", "Adler")
      .relation("met-with", "Nowak", "Kowalski")
      .relation("affiliated-with", "Moreau", "Vistula Bank");
  gold.gold.relations[0].coref = true;  // "The banker" is Moreau
  gold.gold.relations[1].coref = true;  // not really, but lets the test see a miss
  PredictionBuilder predicted(gold.gold);
  predicted.entity("P:m", "Person", "Moreau")
      .entity("P:a", "Person", "Adler")
      .entity("P:n", "Person", "Nowak")
      .entity("P:k", "Person", "Kowalski")
      .relation("met-with", "P:m", "P:a");
  Scorer scorer(dataset);
  scorer.add(gold.gold, predicted.extraction);
  const Report report = scorer.report();
  const RelationRow* met = report.relation_row("met-with");
  CHECK(met->strict.tp == 1);
  CHECK(met->strict.fn == 1);
  CHECK(met->coref.tp == 1);
  CHECK(met->coref.fn == 1);
  CHECK(met->coref_lenient.tp == 1);
  CHECK(report.relation_row("affiliated-with")->coref.gold() == 0);
  const auto* missed = find_group(report.relation_errors, ErrorKind::kRelationMissed, false);
  REQUIRE(missed != nullptr);
  CHECK(missed->examples.at(0).gold == "met-with (coref)");
}

TEST_CASE("a dataset with neutral unscored spans counts a prediction on them neither way",
          "[evaluate]") {
  Dataset dataset = skein_dataset();
  dataset.unscored_spans_neutral = true;  // CoNLL-2003's MISC, as the scoreboard scores it
  GoldBuilder gold("Mara Voss won the Danube Cup in Vienna.");
  gold.mention("Mara Voss", "Person").mention("Vienna", "Place").unscored("Danube Cup", "MISC");
  PredictionBuilder predicted(gold.gold);
  predicted.entity("Person:voss", "Person", "Mara Voss")
      .entity("Place:danube", "Place", "Danube")  // on the MISC span only: not scored
      .entity("Place:vienna", "Place", "Vienna");
  Scorer scorer(dataset);
  scorer.add(gold.gold, predicted.extraction);
  const Report report = scorer.report();
  CHECK(report.entity_micro.strict.tp == 2);
  CHECK(report.entity_micro.strict.fp == 0);
  CHECK(report.entity_micro.strict.fn == 0);
}

TEST_CASE(
    "lenient relations match endpoints by overlap whatever their labels, and a second "
    "prediction of a found relation is right but no second hit",
    "[evaluate]") {
  const Dataset dataset = skein_dataset();
  GoldBuilder gold(kSentence);
  gold.mention("Zoë Adler", "Person")
      .mention("Gdańsk, Poland", "Place")
      .relation("located-in", "Zoë Adler", "Gdańsk, Poland");
  PredictionBuilder predicted(gold.gold);
  predicted
      .entity("Organization:adler", "Organization", "Zoë Adler")  // wrong label
      .entity("Place:gdansk", "Place", "Gdańsk")                  // part of the gold span
      .entity("Country:PL", "Country", "Poland")                  // the other part
      .relation("located-in", "Organization:adler", "Place:gdansk")
      .relation("located-in", "Organization:adler", "Country:PL");

  Scorer scorer(dataset);
  scorer.add(gold.gold, predicted.extraction);
  const RelationRow* located = scorer.report().relation_row("located-in");
  REQUIRE(located != nullptr);
  // Strict: neither endpoint matches as a mention.
  CHECK(located->strict.tp == 0);
  CHECK(located->strict.fp == 2);
  CHECK(located->strict.fn == 1);
  // Lenient: both predictions relate the right things; one gold relation is found once.
  CHECK(located->lenient.tp == 1);
  CHECK(located->lenient.matched_again == 1);
  CHECK(located->lenient.fp == 0);
  CHECK(located->lenient.fn == 0);
  CHECK(located->lenient.predicted() == 2);
  CHECK(located->lenient.precision() == 1.0);
  CHECK(located->lenient.recall() == 1.0);
}
