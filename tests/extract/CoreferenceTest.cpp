// The "coref" component (issue #15 item 4) in the default pipeline, with the project's own
// models, knowledge and rules: surnames, role descriptions, kind descriptions and pronouns as
// relation arguments, only where exactly one entity named before fits, and what a relation
// resting on coreference says about it.
#include <catch2/catch.hpp>
#include <string>

#include "ProjectExtractor.h"
#include "extract/Extractor.h"

using namespace skein;
using namespace skein::extract;

namespace {

using testing::extract_text;

std::string id_of(const DocumentExtraction& r, const std::string& name) {
  for (const Entity& e : r.entities) {
    if (e.name == name) return e.id;
  }
  return "(no entity " + name + ")";
}

const Relation* find(const DocumentExtraction& r, const std::string& type, const std::string& a,
                     const std::string& b) {
  for (const Relation& rel : r.relations) {
    if (rel.type != type) continue;
    if ((rel.source == a && rel.target == b) || (rel.source == b && rel.target == a)) return &rel;
  }
  return nullptr;
}

int met_with_count(const DocumentExtraction& r, const std::string& a) {
  int n = 0;
  for (const Relation& rel : r.relations) {
    if (rel.type == "met-with" && (rel.source == a || rel.target == a)) ++n;
  }
  return n;
}

std::string prop(const Relation& r, const std::string& key) {
  const auto it = r.props.find(key);
  return it == r.props.end() ? std::string() : it->second;
}

// The words the relation says came through coreference.
std::string coref_words(const Relation& r) { return prop(r, "coref-words"); }

}  // namespace

TEST_CASE("A surname or honorific and surname stands for the full name met before",
          "[extract][coref]") {
  const auto r = extract_text(
      "Prime Minister Tony Blair flew to Rome on Sunday. On Monday, Mr Blair met Silvio "
      "Berlusconi at his residence.");
  const Relation* met = find(r, "met-with", id_of(r, "Tony Blair"), id_of(r, "Silvio Berlusconi"));
  REQUIRE(met != nullptr);
  // The resolver already made "Mr Blair" a mention of Tony Blair: no coreference needed.
  CHECK(prop(*met, "coref").empty());
  CHECK(met->evidence.front().text ==
        "On Monday, Mr Blair met Silvio Berlusconi at his residence.");
}

TEST_CASE("A role description stands for the one person introduced with that role",
          "[extract][coref]") {
  const std::string text =
      "Pakistani President Pervez Musharraf arrived in London on Sunday night. On Monday the "
      "Pakistani president met Prime Minister Tony Blair at Downing Street.";
  const auto r = extract_text(text);
  const Relation* met = find(r, "met-with", id_of(r, "Pervez Musharraf"), id_of(r, "Tony Blair"));
  REQUIRE(met != nullptr);
  CHECK(coref_words(*met) == "the Pakistani president");
  CHECK(prop(*met, "coref") == id_of(r, "Pervez Musharraf"));
  REQUIRE(met->evidence.size() == 1);
  CHECK(met->evidence.front().text ==
        "On Monday the Pakistani president met Prime Minister Tony Blair at Downing Street.");
  CHECK(met->evidence.front().confidence < 0.85);  // below a directly named meet-object

  // The description is no mention of the entity in the output: the text does not name him.
  for (const Entity& e : r.entities) {
    if (e.name != "Pervez Musharraf") continue;
    for (const Mention& m : e.mentions) CHECK(m.text != "the Pakistani president");
  }
}

TEST_CASE("A role description with a state needs the person introduced with that state",
          "[extract][coref]") {
  const std::string intro =
      "Hiding women away is a backward view of Islam, President Musharraf of Pakistan said "
      "during a visit to Britain. ";
  const auto same = extract_text(
      intro + "On Monday the Pakistani president met Prime Minister Tony Blair at Downing Street.");
  const Relation* met = find(same, "met-with", id_of(same, "Musharraf"), id_of(same, "Tony Blair"));
  REQUIRE(met != nullptr);
  CHECK(coref_words(*met) == "the Pakistani president");

  const auto other = extract_text(
      intro + "On Monday the Indian president met Prime Minister Tony Blair at Downing Street.");
  CHECK(met_with_count(other, id_of(other, "Tony Blair")) == 0);
}

TEST_CASE("A role description two people share links neither", "[extract][coref]") {
  const auto r = extract_text(
      "Pakistani President Pervez Musharraf and US President George Bush arrived in London on "
      "Sunday. On Monday the president met Prime Minister Tony Blair at Downing Street.");
  CHECK(met_with_count(r, id_of(r, "Tony Blair")) == 0);
}

TEST_CASE("A company description stands for the one firm the article named", "[extract][coref]") {
  const auto one = extract_text(
      "Shares in Nestle rose 3% on Thursday. The Swiss food giant held talks with Danone about "
      "a joint venture.");
  const Relation* talks = find(one, "met-with", id_of(one, "Nestlé"), id_of(one, "Danone"));
  REQUIRE(talks != nullptr);
  CHECK(coref_words(*talks) == "The Swiss food giant");

  const auto two = extract_text(
      "Shares in Nestle and Unilever rose 3% on Thursday. The firm held talks with Danone about "
      "a joint venture.");
  CHECK(met_with_count(two, id_of(two, "Danone")) == 0);
}

TEST_CASE("A pronoun stands for the one person of the sentence before, never for one of two",
          "[extract][coref]") {
  const auto one = extract_text(
      "Pervez Musharraf flew to London on Sunday. He met Tony Blair at Downing Street on "
      "Monday.");
  const Relation* met =
      find(one, "met-with", id_of(one, "Pervez Musharraf"), id_of(one, "Tony Blair"));
  REQUIRE(met != nullptr);
  CHECK(coref_words(*met) == "He");
  CHECK(met->evidence.front().text == "He met Tony Blair at Downing Street on Monday.");
  CHECK(met->confidence < 0.85 * 0.8);  // a pronoun is trusted less than a description

  const auto two = extract_text(
      "Pervez Musharraf and Gordon Brown flew to London on Sunday. He met Tony Blair at Downing "
      "Street on Monday.");
  CHECK(met_with_count(two, id_of(two, "Tony Blair")) == 0);

  // Two people in the sentence before, one of them its opening subject: a "He" opening the
  // next sentence is that one (politics/188).
  const auto subject = extract_text(
      "Gen Pervez Musharraf held talks with Tony Blair on Monday. He arrived in Britain after "
      "flying from the United States, where he met President George W Bush.");
  const Relation* bush = find(subject, "met-with", id_of(subject, "Pervez Musharraf"),
                              id_of(subject, "George W Bush"));
  REQUIRE(bush != nullptr);
  CHECK(find(subject, "met-with", id_of(subject, "Tony Blair"), id_of(subject, "George W Bush")) ==
        nullptr);
}

TEST_CASE("'Its' before a role's holder is the one organisation named before", "[extract][coref]") {
  // politics/020: "The QCA said ... 'said its chairman, Sir Anthony Greener."
  const auto r = extract_text(
      "The Qualifications and Curriculum Authority said the plan was weak. \"It must not be "
      "rushed,\" said its chairman, Sir Anthony Greener.");
  const Relation* chairman = find(r, "affiliated-with", id_of(r, "Anthony Greener"),
                                  id_of(r, "Qualifications and Curriculum Authority"));
  REQUIRE(chairman != nullptr);
  CHECK(coref_words(*chairman) == "its");
  // Two organisations before it: neither.
  const auto two = extract_text(
      "BP bought a stake in Rosneft on Monday, and its chairman, John Browne, was pleased.");
  REQUIRE_FALSE(id_of(two, "BP").empty());
  REQUIRE_FALSE(id_of(two, "Rosneft").empty());
  REQUIRE_FALSE(id_of(two, "John Browne").empty());
  CHECK(find(two, "affiliated-with", id_of(two, "John Browne"), id_of(two, "BP")) == nullptr);
  CHECK(find(two, "affiliated-with", id_of(two, "John Browne"), id_of(two, "Rosneft")) == nullptr);
}

TEST_CASE("'It' is no state that only qualifies the company opening the sentence",
          "[extract][coref]") {
  // business/418: the firm is in talks, not the United States.
  const auto r = extract_text(
      "A US firm has said it is in final negotiations with luxury goods group LVMH to buy the "
      "loss-making Christian Lacroix haute-couture house.");
  REQUIRE(id_of(r, "LVMH").rfind("(no entity", 0) != 0);
  CHECK(met_with_count(r, id_of(r, "LVMH")) == 0);
  // The state itself opening the sentence still is "it".
  const auto state = extract_text("Japan said it had held talks with China on Monday.");
  const Relation* talks = find(state, "met-with", id_of(state, "Japan"), id_of(state, "China"));
  REQUIRE(talks != nullptr);
  CHECK(coref_words(*talks) == "it");
}

TEST_CASE("A pronoun in a clause before the subject points forward to the subject",
          "[extract][coref]") {
  // BBC politics/303: "his" is Sir Edward's, named after the comma, not Mr Thorpe's.
  const auto r = extract_text(
      "Sir Edward Heath called Liberal leader Jeremy Thorpe back to Downing Street. Within hours "
      "of his final talks with Mr Thorpe, Sir Edward told the nation he was resigning.");
  const Relation* talks = find(r, "met-with", id_of(r, "Edward Heath"), id_of(r, "Jeremy Thorpe"));
  REQUIRE(talks != nullptr);
  CHECK(coref_words(*talks) == "his");
  // Two names after the comma: neither is sure to be the subject.
  const auto pair = extract_text(
      "Sir Edward Heath called Jeremy Thorpe. Within hours of his final talks with Harold Wilson, "
      "Sir Edward and Mr Thorpe met again.");
  CHECK(find(pair, "met-with", id_of(pair, "Edward Heath"), id_of(pair, "Harold Wilson")) ==
        nullptr);
}

TEST_CASE("A pronoun's gender rules out a person of the other", "[extract][coref]") {
  const auto r = extract_text(
      "Mrs Margaret Beckett and Pervez Musharraf flew to London on Sunday. He met Tony Blair at "
      "Downing Street on Monday.");
  const Relation* met = find(r, "met-with", id_of(r, "Pervez Musharraf"), id_of(r, "Tony Blair"));
  REQUIRE(met != nullptr);
  CHECK(find(r, "met-with", id_of(r, "Margaret Beckett"), id_of(r, "Tony Blair")) == nullptr);
}

TEST_CASE("A pronoun in a quotation is left alone", "[extract][coref]") {
  const auto r = extract_text(
      "Pervez Musharraf flew to London on Sunday. \"He met Tony Blair,\" a spokesman said.");
  CHECK(met_with_count(r, id_of(r, "Tony Blair")) == 0);
}

TEST_CASE("'The group' is a company, never a university or a council named before",
          "[extract][coref]") {
  const auto university = extract_text(
      "Enron\n\nEighteen former directors have agreed a settlement. Leading plaintiff, the "
      "University of California, announced the news. Neither does it cover Andrew Fastow, who "
      "was chief financial officer at the group.");
  CHECK(find(university, "affiliated-with", id_of(university, "Andrew Fastow"),
             id_of(university, "University of California")) == nullptr);
  const auto company = extract_text(
      "Deal\n\nShares in Acme Holdings rose on Monday. Neither does it cover Andrew Fastow, who "
      "was chief financial officer at the group.");
  const Relation* cfo = find(company, "affiliated-with", id_of(company, "Andrew Fastow"),
                             id_of(company, "Acme Holdings"));
  REQUIRE(cfo != nullptr);
  CHECK(coref_words(*cfo) == "the group");
}

TEST_CASE("A kind noun before a title stands for the one organisation of that kind named before",
          "[extract][coref]") {
  const auto r = extract_text(
      "Oxfam published a report on Monday about the debt of poor countries. Charity boss Barbara "
      "Stocking said it was a failure.");
  const Relation* boss =
      find(r, "affiliated-with", id_of(r, "Barbara Stocking"), id_of(r, "Oxfam"));
  REQUIRE(boss != nullptr);
  CHECK(coref_words(*boss) == "Charity");
  CHECK(prop(*boss, "coref") == id_of(r, "Oxfam"));

  // Two charities: the noun could be either, so it is neither.
  const auto two = extract_text(
      "Oxfam and Amnesty International published a report on Monday about the debt of poor "
      "countries. Charity boss Barbara Stocking said it was a failure.");
  const std::string stocking = id_of(two, "Barbara Stocking");
  CHECK(find(two, "affiliated-with", stocking, id_of(two, "Oxfam")) == nullptr);
  CHECK(find(two, "affiliated-with", stocking, id_of(two, "Amnesty International")) == nullptr);
}

TEST_CASE("'The charity' stands for the one charity the article named", "[extract][coref]") {
  const auto r = extract_text(
      "Oxfam published a report on Monday about the debt of poor countries. The charity's "
      "director, Barbara Stocking, said it was a failure.");
  const Relation* director =
      find(r, "affiliated-with", id_of(r, "Barbara Stocking"), id_of(r, "Oxfam"));
  REQUIRE(director != nullptr);
  CHECK(coref_words(*director) == "The charity");
}

TEST_CASE("A news lead's description is the person the next paragraph opens on",
          "[extract][coref]") {
  // BBC politics/105: the lead describes, the next paragraph names.
  const auto r = extract_text(
      "Terror laws\n\nTerror laws will be used against Muslims more than other groups, a Home "
      "Office minister has said.\n\nHazel Blears said innocent Muslims would be targeted.");
  const Relation* minister =
      find(r, "affiliated-with", id_of(r, "Hazel Blears"), id_of(r, "Home Office"));
  REQUIRE(minister != nullptr);
  CHECK(coref_words(*minister) == "minister");
  CHECK(prop(*minister, "coref") == id_of(r, "Hazel Blears"));

  // Not when the person was named before, nor within one paragraph.
  const auto named = extract_text(
      "Terror laws\n\nHazel Blears spoke on Monday. Terror laws will be used against Muslims, a "
      "Home Office minister has said.\n\nHazel Blears said innocent Muslims would be targeted.");
  CHECK(find(named, "affiliated-with", id_of(named, "Hazel Blears"), id_of(named, "Home Office")) ==
        nullptr);
  const auto same = extract_text(
      "Terror laws\n\nTerror laws will be used against Muslims, a Home Office minister has said. "
      "Hazel Blears said innocent Muslims would be targeted.");
  CHECK(find(same, "affiliated-with", id_of(same, "Hazel Blears"), id_of(same, "Home Office")) ==
        nullptr);
}
