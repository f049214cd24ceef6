// The co-mention layer of the store: entities named in the same sentence, linked with a count
// and their sentences, kept apart from the typed relations.

#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>

#include "StoreFixtures.h"
#include "core/Error.h"
#include "store/Store.h"

using namespace skein;
using namespace skein::store;
using namespace skein::store::test;

namespace {

std::vector<EdgeRecord> co_mentions(const Store& store, const CoMentionQuery& query = {}) {
  std::vector<EdgeRecord> links;
  store.for_each_co_mention(query, [&](const EdgeRecord& link) { links.push_back(link); });
  return links;
}

std::int64_t id_of(const Store& store, const std::string& id) {
  const auto found = store.find_nodes(id);
  REQUIRE(found.size() == 1);
  return found.front().id;
}

// The link between two entities (by entity id), if any.
std::optional<EdgeRecord> link(const Store& store, const std::string& a, const std::string& b) {
  const std::int64_t x = id_of(store, a), y = id_of(store, b);
  for (const auto& edge : co_mentions(store)) {
    if ((edge.src == x && edge.dst == y) || (edge.src == y && edge.dst == x)) return edge;
  }
  return std::nullopt;
}

//   "Blair met Howard in London. Blair spoke. Howard and Blair argued."
//   Blair--Howard: sentences 1 and 3;  Blair--London, Howard--London: sentence 1.
//   One typed relation: Blair met-with Howard (sentence 1).
DocumentExtraction westminster(const std::string& text =
                                   "Blair met Howard in London. Blair spoke. Howard and Blair "
                                   "argued.") {
  DocBuilder builder("news/westminster.txt", text, "2005-03-01");
  builder.entity("Person", "tony blair", "Blair")
      .entity("Person", "michael howard", "Howard")
      .entity("Place", "london", "London");
  const std::string meeting = "Blair met Howard in London.";
  if (text.find(meeting) != std::string::npos) {
    builder.relation("met-with", "Person:tony blair", "Person:michael howard", meeting);
  }
  return builder.sentences().get();
}

}  // namespace

TEST_CASE("entities named in one sentence are linked with a count and their sentences",
          "[store][co-mention]") {
  Store store(":memory:");
  store.put(westminster());
  const auto links = co_mentions(store);
  REQUIRE(links.size() == 3);
  const auto blair_howard = link(store, "Person:tony blair", "Person:michael howard");
  REQUIRE(blair_howard);
  CHECK(blair_howard->type == kCoMentionType);
  CHECK(is_co_mention_edge(blair_howard->id));
  CHECK(blair_howard->symmetric);
  CHECK(blair_howard->src < blair_howard->dst);
  CHECK(blair_howard->weight == 2);
  CHECK(blair_howard->confidence == 0);
  CHECK(blair_howard->props_json == "{\"documents\":1}");
  CHECK(blair_howard->first_seen == "2005-03-01");
  const auto sentences = store.evidence(blair_howard->id);
  REQUIRE(sentences.size() == 2);
  CHECK(sentences[0].sentence == "Blair met Howard in London.");
  CHECK(sentences[1].sentence == "Howard and Blair argued.");
  CHECK(sentences[0].rule == kCoMentionType);
  CHECK(sentences[0].document_uri == "news/westminster.txt");
  CHECK(link(store, "Person:tony blair", "Place:london")->weight == 1);
  CHECK(store.edge(blair_howard->id)->weight == 2);

  // Kept apart: the relation readers see only the typed edge.
  CHECK(store.stats().edges == 1);
  CHECK(store.stats().co_mention_pairs == 0);  // stats() does not read the layer
  std::size_t typed = 0;
  store.for_each_edge({}, [&](const EdgeRecord& edge) {
    CHECK(edge.type == "met-with");
    ++typed;
  });
  CHECK(typed == 1);
  CHECK(store.edges_of(id_of(store, "Place:london")).empty());
  CHECK(store.co_mentions_of(id_of(store, "Place:london")).size() == 2);
  // Most sentences first.
  CHECK(store.co_mentions_of(id_of(store, "Person:tony blair")).front().weight == 2);
}

TEST_CASE("a sentence links at most its first 8 distinct entities", "[store][co-mention]") {
  std::string text = "Leaders of";
  const std::vector<std::string> names = {"Aland", "Bolia", "Cadia", "Dorne", "Essos",
                                          "Frisa", "Gilda", "Hurna", "Ivria", "Jorva"};
  for (const auto& name : names) text += " " + name;
  text += " met. Aland and Jorva spoke.";
  DocBuilder builder("news/summit.txt", text);
  for (const auto& name : names) builder.entity("Country", name, name);
  Store store(":memory:");
  store.put(builder.sentences().get());
  // Sentence 1: 10 countries, capped at the first 8: 8*7/2 = 28 pairs; sentence 2 adds
  // Aland--Jorva (Jorva was past the cap in sentence 1).
  CHECK(kCoMentionEntitiesPerSentence == 8);
  CHECK(co_mentions(store).size() == 29);
  CHECK(store.co_mentions_of(id_of(store, "Country:Ivria")).empty());
  const auto aland_jorva = link(store, "Country:Aland", "Country:Jorva");
  REQUIRE(aland_jorva);
  CHECK(aland_jorva->weight == 1);
  CHECK(store.evidence(aland_jorva->id).front().sentence == "Aland and Jorva spoke.");
}

TEST_CASE("re-putting a changed document replaces its co-mentions instead of adding to them",
          "[store][co-mention]") {
  Store store(":memory:");
  store.put(westminster());
  CHECK(store.put(westminster()) == PutOutcome::kUnchanged);
  CHECK(link(store, "Person:tony blair", "Person:michael howard")->weight == 2);

  // The new version names London apart from both men, and Blair with Howard once.
  CHECK(store.put(westminster("Blair met Howard today. London was quiet.")) ==
        PutOutcome::kReplaced);
  const auto links = co_mentions(store);
  REQUIRE(links.size() == 1);
  CHECK(links[0].weight == 1);
  CHECK(store.evidence(links[0].id).front().sentence == "Blair met Howard today.");

  // A second document adds to the same pair; replacing the first leaves the second's row.
  store.put(DocBuilder("news/second.txt", "Howard attacked Blair.", "2005-04-02")
                .entity("Person", "tony blair", "Blair")
                .entity("Person", "michael howard", "Howard")
                .sentences()
                .get());
  auto pair = link(store, "Person:tony blair", "Person:michael howard");
  CHECK(pair->weight == 2);
  CHECK(pair->props_json == "{\"documents\":2}");
  CHECK(pair->last_seen == "2005-04-02");
  store.put(westminster("Blair spoke. Howard listened."));
  pair = link(store, "Person:tony blair", "Person:michael howard");
  REQUIRE(pair);
  CHECK(pair->weight == 1);
  CHECK(store.evidence(pair->id).front().document_uri == "news/second.txt");
}

TEST_CASE("co-mention sentences follow the evidence filter's dates", "[store][co-mention]") {
  Store store(":memory:");
  store.put(westminster());
  store.put(DocBuilder("news/second.txt", "Howard attacked Blair.", "2005-04-02")
                .entity("Person", "tony blair", "Blair")
                .entity("Person", "michael howard", "Howard")
                .sentences()
                .get());
  CoMentionQuery april;
  april.from_date = "2005-04-01";
  const auto links = co_mentions(store, april);
  REQUIRE(links.size() == 1);
  CHECK(links[0].weight == 1);
  EvidenceFilter filter;
  filter.from_date = "2005-04-01";
  CHECK(store.evidence(links[0].id, 0, filter).size() == 1);
  CHECK(store.evidence(links[0].id).size() == 3);
  CoMentionQuery heavy;
  heavy.min_weight = 2;
  CHECK(co_mentions(store, heavy).size() == 1);
  CoMentionQuery places;
  places.labels = {"Place"};
  CHECK(co_mentions(store, places).empty());
}

TEST_CASE("a mention across a sentence end links within neither sentence", "[store][co-mention]") {
  DocBuilder builder("news/edge.txt", "Blair spoke. Howard and Blair argued.");
  builder.entity("Person", "tony blair", "Blair").entity("Person", "michael howard", "Howard");
  // A sentence split that cuts through the second "Blair".
  builder.edit().sentences = {{0, 12}, {13, 27}, {27, 37}};
  Store store(":memory:");
  store.put(builder.get());
  CHECK(co_mentions(store).empty());
}

TEST_CASE("without sentences there is no co-mention, and same-document links are read lazily",
          "[store][co-mention]") {
  Store store(":memory:");
  auto extraction = westminster();
  extraction.sentences.clear();
  store.put(extraction);
  CHECK(co_mentions(store).empty());
  store.put(DocBuilder("news/second.txt", "Howard attacked Blair.", "2005-04-02")
                .entity("Person", "tony blair", "Blair")
                .entity("Person", "michael howard", "Howard")
                .get());
  const auto same = store.document_co_mentions(id_of(store, "Person:tony blair"));
  REQUIRE(same.size() == 2);
  CHECK(same[0].node_id == id_of(store, "Person:michael howard"));
  CHECK(same[0].documents == 2);
  CHECK(same[1].node_id == id_of(store, "Place:london"));
  CHECK(same[1].documents == 1);
  CHECK(store.document_co_mentions(id_of(store, "Person:tony blair"), 1).size() == 1);
}

TEST_CASE("a sentence outside the text is refused, naming the document", "[store][co-mention]") {
  auto extraction = westminster();
  extraction.sentences.push_back({60, 400});
  Store store(":memory:");
  CHECK_THROWS_WITH(store.put(extraction), Catch::Matchers::Contains("news/westminster.txt") &&
                                               Catch::Matchers::Contains("sentence span"));
  CHECK(store.stats().documents == 0);
}

TEST_CASE("a rebuilt document carries the sentences that link, so merged stores agree",
          "[store][co-mention]") {
  Store first(":memory:");
  first.put(westminster());
  std::int64_t document = 0;
  first.for_each_document([&](const DocumentRecord& record) { document = record.id; });
  const auto rebuilt = first.document_extraction(document);
  REQUIRE(rebuilt);
  CHECK(rebuilt->sentences.size() == 3);  // every sentence naming an entity
  Store second(":memory:");
  second.put(*rebuilt);
  const auto a = co_mentions(first), b = co_mentions(second);
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) CHECK(a[i].weight == b[i].weight);
}

TEST_CASE("each mention keeps its sentence span, and a removed node takes its links along",
          "[store][co-mention]") {
  TempDir dir;
  const std::string path = dir.file("skein.db");
  {
    Store store(path);
    store.put(westminster());
    // London drops out of the document: its node is removed, and so are its links.
    store.put(DocBuilder("news/westminster.txt", "Blair met Howard. Howard left.", "2005-03-01")
                  .entity("Person", "tony blair", "Blair")
                  .entity("Person", "michael howard", "Howard")
                  .sentences()
                  .get());
    const auto links = co_mentions(store);
    REQUIRE(links.size() == 1);
    CHECK(links[0].weight == 1);
  }
  SQLite::Database raw(path);
  CHECK(query_int(raw, "SELECT count(*) FROM nodes WHERE label = 'Place'") == 0);
  CHECK(query_int(raw, "SELECT count(*) FROM mentions WHERE sentence_start >= 0") == 3);
  CHECK(query_int(raw, "SELECT sentence_end FROM mentions WHERE byte_start = 0") == 17);
  CHECK(query_int(raw, "SELECT sentence_start FROM mentions WHERE byte_start = 18") == 18);
  SQLite::Statement violations(raw, "PRAGMA foreign_key_check");
  CHECK_FALSE(violations.executeStep());
}
