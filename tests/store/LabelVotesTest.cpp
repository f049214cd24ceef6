// Label votes (Store::decide_labels, docs/corrections.md): a name the documents file under
// several labels folds into the label the corpus clearly prefers, whatever the order the
// documents arrive in; a close or thin vote keeps both; a later vote undoes an earlier fold;
// the user's corrections win.

#include <algorithm>
#include <catch2/catch.hpp>
#include <numeric>

#include "StoreFixtures.h"
#include "store/Store.h"

using namespace skein;
using namespace skein::store;
using namespace skein::store::test;

namespace {

// Document `n` naming "Acme" once, as `label`, with a relation to a person of its own.
DocumentExtraction acme_document(int n, const std::string& label) {
  const std::string number = std::to_string(n);
  const std::string person = "Jane Roe" + number;
  const std::string text = "Report " + number + ". " + person + " joined Acme.";
  Properties props;
  if (label == "Place") props["kind"] = "place";  // what a place is, not an organisation
  return DocBuilder("acme/" + number + ".txt", text)
      .entity(label, "acme", "Acme", {}, props)
      .entity("Person", "jane roe" + number, person)
      .relation("member-of", "Person:jane roe" + number, label + ":acme", person + " joined Acme.")
      .get();
}

// (id, mentions) of every node, and (type, source id, target id, weight) of every edge.
std::vector<std::string> graph(const Store& store) {
  std::vector<std::string> lines;
  store.for_each_node({}, [&](const NodeRecord& node) {
    lines.push_back(Entity::make_id(node.label, node.key) + " " + node.name + " " +
                    std::to_string(node.mention_count));
  });
  store.for_each_edge({}, [&](const EdgeRecord& edge) {
    auto src = store.node(edge.src);
    auto dst = store.node(edge.dst);
    lines.push_back(edge.type + " " + Entity::make_id(src->label, src->key) + " " +
                    Entity::make_id(dst->label, dst->key) + " " + std::to_string(edge.weight));
  });
  std::sort(lines.begin(), lines.end());
  return lines;
}

std::int64_t mentions_of(const Store& store, const std::string& id) {
  for (const auto& node : store.find_nodes(id)) {
    if (Entity::make_id(node.label, node.key) == id) return node.mention_count;
  }
  return 0;
}

std::vector<Correction> votes(const Store& store) {
  std::vector<Correction> out;
  for (auto& c : store.corrections()) {
    if (c.source == correction_sources::kVote) out.push_back(c);
  }
  return out;
}

// Documents 0..n-1 with their labels, put in `order`, deciding after every put (as if each
// were an ingest of its own) when `vote_each` is set, and once at the end.
void put_all(Store& store, const std::vector<std::string>& labels, const std::vector<int>& order,
             bool vote_each) {
  for (int n : order) {
    store.put(acme_document(n, labels[static_cast<std::size_t>(n)]));
    if (vote_each) store.decide_labels();
  }
  store.decide_labels();
}

// put_all with "Organization*" standing for an Organization document whose words describe Acme
// as one (Mention::described).
void put_described(Store& store, const std::vector<std::string>& labels,
                   const std::vector<int>& order) {
  for (int n : order) {
    const std::string& label = labels[static_cast<std::size_t>(n)];
    const bool described = label.back() == '*';
    DocumentExtraction document =
        acme_document(n, described ? label.substr(0, label.size() - 1) : label);
    for (auto& mention : document.entities.front().mentions) mention.described = described;
    store.put(document);
  }
  store.decide_labels();
}

std::vector<std::string> six_and_one() {
  std::vector<std::string> labels(6, "Organization");
  labels.push_back("Place");
  return labels;
}

}  // namespace

TEST_CASE(
    "a name labelled Organization in 6 documents and Place in 1 is one Organization node, "
    "in any order",
    "[store][votes]") {
  const auto labels = six_and_one();
  std::vector<int> order(labels.size());
  std::iota(order.begin(), order.end(), 0);
  Store reference(":memory:");
  put_all(reference, labels, order, false);
  CHECK(mentions_of(reference, "Organization:acme") == 7);
  CHECK(mentions_of(reference, "Place:acme") == 0);
  const auto folds = votes(reference);
  REQUIRE(folds.size() == 1);
  CHECK(folds[0].entity == "Place:acme");
  CHECK(folds[0].value == "Organization:acme");
  CHECK(folds[0].snapshot_json.find("\"Organization\":6") != std::string::npos);
  CHECK(folds[0].snapshot_json.find("\"Place\":1") != std::string::npos);
  // The Place document's relation now ends at the Organization node.
  const auto expected = graph(reference);
  CHECK(std::count_if(expected.begin(), expected.end(), [](const std::string& line) {
          return line.find("member-of") == 0 && line.find("Organization:acme") != std::string::npos;
        }) == 7);

  // The Place document first, in the middle, last; deciding after every document or once.
  for (int rotation = 0; rotation < 7; rotation += 3) {
    for (bool vote_each : {false, true}) {
      std::vector<int> rotated = order;
      std::rotate(rotated.begin(), rotated.begin() + (6 - rotation), rotated.end());
      Store store(":memory:");
      put_all(store, labels, rotated, vote_each);
      INFO("rotation " << rotation << ", vote after each: " << vote_each);
      CHECK(graph(store) == expected);
      CHECK(votes(store).size() == 1);
      // The Place's props describe what Acme is not: they stay behind.
      for (const auto& node : store.find_nodes("Acme")) {
        CHECK(node.props_json.find("place") == std::string::npos);
      }
    }
  }
}

TEST_CASE("a close or thin vote keeps both nodes", "[store][votes]") {
  for (const auto& [organizations, places] :
       {std::pair{2, 2}, std::pair{5, 2}, std::pair{4, 1}, std::pair{14, 5}}) {
    INFO(organizations << " Organization vs " << places << " Place");
    std::vector<std::string> labels(static_cast<std::size_t>(organizations), "Organization");
    labels.resize(labels.size() + static_cast<std::size_t>(places), "Place");
    std::vector<int> order(labels.size());
    std::iota(order.begin(), order.end(), 0);
    Store store(":memory:");
    put_all(store, labels, order, true);
    CHECK(mentions_of(store, "Organization:acme") == organizations);
    CHECK(mentions_of(store, "Place:acme") == places);
    CHECK(votes(store).empty());
  }
}

TEST_CASE("a later document that changes the vote undoes the earlier fold", "[store][votes]") {
  // 6 Place and 1 Organization: the Organization folds into the Place...
  std::vector<std::string> labels(6, "Place");
  labels.push_back("Organization");
  Store store(":memory:");
  std::vector<int> first(labels.size());
  std::iota(first.begin(), first.end(), 0);
  put_all(store, labels, first, false);
  REQUIRE(mentions_of(store, "Place:acme") == 7);
  REQUIRE(votes(store).size() == 1);

  SECTION("to a close vote: both come back") {
    labels.resize(9, "Organization");  // 6 Place vs 3 Organization
    put_all(store, labels, {7, 8}, false);
    CHECK(mentions_of(store, "Place:acme") == 6);
    CHECK(mentions_of(store, "Organization:acme") == 3);
    CHECK(votes(store).empty());
  }
  SECTION("to the other label: the Place folds into the Organization") {
    labels.resize(27, "Organization");  // 6 Place vs 21 Organization
    std::vector<int> later(20);
    std::iota(later.begin(), later.end(), 7);
    put_all(store, labels, later, false);
    CHECK(mentions_of(store, "Organization:acme") == 27);
    CHECK(mentions_of(store, "Place:acme") == 0);
    const auto folds = votes(store);
    REQUIRE(folds.size() == 1);
    CHECK(folds[0].entity == "Place:acme");

    // The same as all 27 documents put at once.
    Store at_once(":memory:");
    std::vector<int> all(labels.size());
    std::iota(all.begin(), all.end(), 0);
    std::reverse(all.begin(), all.end());
    put_all(at_once, labels, all, false);
    CHECK(graph(store) == graph(at_once));
  }
}

TEST_CASE("the user's distinct and relabel win over the vote", "[store][votes]") {
  Store store(":memory:");
  SECTION("distinct") {
    put_all(store, {"Organization", "Organization", "Place", "Place"}, {0, 1, 2, 3}, true);
    Correction distinct;
    distinct.op = correction_ops::kDistinct;
    distinct.entity = "Organization:acme";
    distinct.value = "Place:acme";
    REQUIRE(store.correct(distinct));
    std::vector<std::string> labels(14, "Organization");
    labels[2] = labels[3] = "Place";  // 12 Organization vs 2 Place
    std::vector<int> later(10);
    std::iota(later.begin(), later.end(), 4);
    put_all(store, labels, later, true);
    CHECK(mentions_of(store, "Organization:acme") == 12);
    CHECK(mentions_of(store, "Place:acme") == 2);
    CHECK(votes(store).empty());
  }
  SECTION("relabel") {
    put_all(store, {"Person"}, {0}, true);
    Correction relabel;
    relabel.op = correction_ops::kRelabel;
    relabel.entity = "Person:acme";
    relabel.value = "Place";
    REQUIRE(store.correct(relabel));
    std::vector<std::string> labels(8, "Organization");
    labels[0] = "Person";
    put_all(store, labels, {1, 2, 3, 4, 5, 6, 7}, true);
    CHECK(mentions_of(store, "Place:acme") == 1);
    CHECK(mentions_of(store, "Organization:acme") == 7);
    CHECK(votes(store).empty());
  }
  SECTION("a user's distinct made after the fold undoes it") {
    put_all(store, six_and_one(), {0, 1, 2, 3, 4, 5, 6}, false);
    REQUIRE(votes(store).size() == 1);
    Correction distinct;
    distinct.op = correction_ops::kDistinct;
    distinct.entity = "Organization:acme";
    distinct.value = "Place:acme";
    distinct.snapshot_json = R"({"names":["Acme","Acme"]})";
    REQUIRE(store.correct(distinct, CorrectionMode::kRecordRule));
    CHECK(votes(store).empty());
    store.decide_labels();
    CHECK(votes(store).empty());
    CHECK(mentions_of(store, "Organization:acme") == 6);
    CHECK(mentions_of(store, "Place:acme") == 1);
  }
}

TEST_CASE("a knowledge-file id is never voted on", "[store][votes]") {
  Store store(":memory:");
  std::vector<std::string> labels(6, "Organization");
  labels.push_back("Place");
  for (int n = 0; n < 7; ++n) {
    const std::string number = std::to_string(n);
    const std::string& label = labels[static_cast<std::size_t>(n)];
    store.put(DocBuilder("kb/" + number + ".txt", "Acme " + number + ".")
                  .entity(label, "geonames:42", "Acme")
                  .get());
  }
  store.decide_labels();
  CHECK(mentions_of(store, "Organization:geonames:42") == 6);
  CHECK(mentions_of(store, "Place:geonames:42") == 1);
  CHECK(votes(store).empty());
}

TEST_CASE("a vote owed by a store whose writer stopped before voting stays due until it runs",
          "[store][votes]") {
  const auto labels = six_and_one();
  TempDir dir;
  const auto path = dir.file("store.db");
  {
    Store store(path);
    CHECK_FALSE(store.label_votes_due());  // a new store owes nothing
    for (int n = 0; n < static_cast<int>(labels.size()); ++n) {
      store.put(acme_document(n, labels[static_cast<std::size_t>(n)]));
    }
    CHECK(store.label_votes_due());
  }  // closed without a vote, as a killed ingest leaves it
  {
    Store store(path);
    REQUIRE(store.label_votes_due());
    CHECK(mentions_of(store, "Place:acme") == 1);
    store.decide_labels();
    CHECK_FALSE(store.label_votes_due());
    CHECK(mentions_of(store, "Place:acme") == 0);
    // The same document again changes nothing, so no vote is owed; a changed one owes one.
    store.put(acme_document(0, labels[0]));
    CHECK_FALSE(store.label_votes_due());
    auto changed = acme_document(0, labels[0]);
    changed.document.text += " More.";
    changed.document.sha256.clear();
    store.put(changed);
    CHECK(store.label_votes_due());
  }
}

TEST_CASE("a label documents describe the name by decides it against more readings of another",
          "[store][votes]") {
  // "Napster": 5 Organization mentions, one of them described ("file-sharing network Napster"),
  // 16 Person mentions: the mentions alone would make it a person.
  std::vector<std::string> labels(4, "Organization");
  labels.push_back("Organization*");
  labels.resize(labels.size() + 16, "Person");
  std::vector<int> order(labels.size());
  std::iota(order.begin(), order.end(), 0);
  for (int rotation : {0, 5, 12}) {
    std::vector<int> rotated = order;
    std::rotate(rotated.begin(), rotated.begin() + rotation, rotated.end());
    Store store(":memory:");
    put_described(store, labels, rotated);
    INFO("rotation " << rotation);
    CHECK(mentions_of(store, "Organization:acme") == 21);
    CHECK(mentions_of(store, "Person:acme") == 0);
    const auto folds = votes(store);
    REQUIRE(folds.size() == 1);
    CHECK(folds[0].snapshot_json.find("\"described\":[\"Organization\"]") != std::string::npos);
  }
  // Without the described document the Person majority takes the name, as before.
  labels[4] = "Organization";
  Store plain(":memory:");
  put_described(plain, labels, order);
  CHECK(mentions_of(plain, "Person:acme") == 21);
}

TEST_CASE("a described label too thin to decide, or two described labels, keep the nodes apart",
          "[store][votes]") {
  // Two described Organization mentions against seven Place ones: no fold either way (a
  // majority would otherwise fold the described name into the place).
  std::vector<std::string> thin = {"Organization*", "Organization"};
  thin.resize(thin.size() + 7, "Place");
  // Both labels described somewhere: the ordinary vote decides, and 5 to 2 is too close.
  std::vector<std::string> both(4, "Organization");
  both.push_back("Organization*");
  both.push_back("Place*");
  both.push_back("Place");
  for (const auto& labels : {thin, both}) {
    std::vector<int> order(labels.size());
    std::iota(order.begin(), order.end(), 0);
    Store store(":memory:");
    put_described(store, labels, order);
    CHECK(votes(store).empty());
  }
}

TEST_CASE("a rebuilt document keeps its described mentions, so a merged store votes the same",
          "[store][votes]") {
  Store store(":memory:");
  put_described(store, {"Organization*", "Person"}, {0, 1});
  int described = 0, plain = 0;
  store.for_each_document([&](const DocumentRecord& record) {
    const auto rebuilt = store.document_extraction(record.id);
    REQUIRE(rebuilt);
    for (const auto& entity : rebuilt->entities) {
      for (const auto& mention : entity.mentions) ++(mention.described ? described : plain);
    }
  });
  CHECK(described == 1);  // Acme in the first document
  CHECK(plain == 3);      // Acme in the second, and the two people
}
