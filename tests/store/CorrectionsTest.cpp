// The user's corrections (Store::correct, unmerge, corrections): each applies to the stored
// rows, persists through a re-put of a changed document and through a store merge, and what is
// refused leaves the store as it was.

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <catch2/catch.hpp>

#include "StoreFixtures.h"
#include "core/Error.h"
#include "store/Store.h"

using namespace skein;
using namespace skein::store;
using namespace skein::store::test;
using Catch::Matchers::Contains;

namespace {

namespace ops = correction_ops;

const char* const kFirstText = "UKIP wins a seat. Roger Knapman leads UKIP.";
const char* const kSecondText =
    "The UK Independence Party grew. Robert Kilroy-Silk joined the UK Independence Party.";

DocumentExtraction first_document(const std::string& text = kFirstText) {
  return DocBuilder("bbc/001.txt", text)
      .entity("Organization", "ukip-001", "UKIP")
      .entity("Person", "roger-knapman", "Roger Knapman")
      .relation("member-of", "Person:roger-knapman", "Organization:ukip-001",
                "Roger Knapman leads UKIP.")
      .get();
}

DocumentExtraction second_document() {
  return DocBuilder("bbc/002.txt", kSecondText)
      .entity("Organization", "ukip-002", "UK Independence Party")
      .entity("Person", "robert-kilroy-silk", "Robert Kilroy-Silk")
      .relation("member-of", "Person:robert-kilroy-silk", "Organization:ukip-002",
                "Robert Kilroy-Silk joined the UK Independence Party.")
      .get();
}

Correction make(const char* op, std::string entity, std::string value) {
  Correction c;
  c.op = op;
  c.entity = std::move(entity);
  c.value = std::move(value);
  return c;
}

std::optional<NodeRecord> by_id(const Store& store, const std::string& id) {
  for (auto& node : store.find_nodes(id)) {
    if (Entity::make_id(node.label, node.key) == id) return node;
  }
  return std::nullopt;
}

// (type, source id, target id, weight) of every edge, sorted.
std::vector<std::tuple<std::string, std::string, std::string, double>> edges(const Store& store) {
  std::vector<std::tuple<std::string, std::string, std::string, double>> out;
  store.for_each_edge({}, [&](const EdgeRecord& edge) {
    auto src = store.node(edge.src);
    auto dst = store.node(edge.dst);
    out.emplace_back(edge.type, Entity::make_id(src->label, src->key),
                     Entity::make_id(dst->label, dst->key), edge.weight);
  });
  std::sort(out.begin(), out.end());
  return out;
}

bool has_alias(const NodeRecord& node, const std::string& alias) {
  return std::find(node.aliases.begin(), node.aliases.end(), alias) != node.aliases.end();
}

void put_both(Store& store) {
  store.put(first_document());
  store.put(second_document());
}

}  // namespace

TEST_CASE("merge moves mentions, edges and names to the survivor and is recorded", "[store]") {
  Store store(":memory:");
  put_both(store);
  REQUIRE(store.stats().nodes == 4);
  CHECK(store.correct(make(ops::kMerge, "Organization:ukip-001", "Organization:ukip-002")));

  CHECK_FALSE(by_id(store, "Organization:ukip-001"));
  auto survivor = by_id(store, "Organization:ukip-002");
  REQUIRE(survivor);
  CHECK(survivor->name == "UK Independence Party");
  CHECK(has_alias(*survivor, "UKIP"));
  CHECK(survivor->mention_count == 4);  // two "UKIP", two "UK Independence Party"
  CHECK(store.stats().nodes == 3);
  using Row = std::tuple<std::string, std::string, std::string, double>;
  CHECK(edges(store) ==
        std::vector<Row>{{"member-of", "Person:robert-kilroy-silk", "Organization:ukip-002", 1},
                         {"member-of", "Person:roger-knapman", "Organization:ukip-002", 1}});
  auto recorded = store.corrections();
  REQUIRE(recorded.size() == 1);
  CHECK(recorded[0].op == "merge");
  CHECK_THAT(recorded[0].snapshot_json, Contains("\"name\":\"UKIP\""));
  CHECK(store.corrections("Organization:ukip-002").size() == 1);
  CHECK(store.corrections("Person:roger-knapman").empty());
  // The same merge again changes nothing.
  CHECK_FALSE(store.correct(make(ops::kMerge, "Organization:ukip-001", "Organization:ukip-002")));
}

TEST_CASE("merge folds coinciding edges into one with both documents' evidence", "[store]") {
  Store store(":memory:");
  store.put(
      DocBuilder("a.txt", "Knapman leads UKIP.")
          .entity("Organization", "ukip-a", "UKIP")
          .entity("Person", "knapman", "Knapman")
          .relation("member-of", "Person:knapman", "Organization:ukip-a", "Knapman leads UKIP.")
          .get());
  store.put(
      DocBuilder("b.txt", "Knapman joined UKIP.")
          .entity("Organization", "ukip-b", "UKIP")
          .entity("Person", "knapman", "Knapman")
          .relation("member-of", "Person:knapman", "Organization:ukip-b", "Knapman joined UKIP.")
          .get());
  REQUIRE(store.stats().edges == 2);
  store.correct(make(ops::kMerge, "Organization:ukip-b", "Organization:ukip-a"));
  using Row = std::tuple<std::string, std::string, std::string, double>;
  CHECK(edges(store) ==
        std::vector<Row>{{"member-of", "Person:knapman", "Organization:ukip-a", 2}});
  const auto edge = store.edges_of(by_id(store, "Organization:ukip-a")->id);
  REQUIRE(edge.size() == 1);
  CHECK(store.evidence(edge[0].id).size() == 2);
  CHECK(edge[0].confidence == Approx(1 - 0.2 * 0.2));
}

TEST_CASE("a merge holds for a changed document put again, and unmerge restores it", "[store]") {
  Store store(":memory:");
  put_both(store);
  store.correct(make(ops::kMerge, "Organization:ukip-001", "Organization:ukip-002"));

  // Re-ingest of a changed first document: extraction names Organization:ukip-001 again.
  auto changed = first_document("UKIP wins two seats. Roger Knapman leads UKIP.");
  REQUIRE(store.put(changed) == PutOutcome::kReplaced);
  CHECK_FALSE(by_id(store, "Organization:ukip-001"));
  auto survivor = by_id(store, "Organization:ukip-002");
  CHECK(survivor->mention_count == 4);
  using Row = std::tuple<std::string, std::string, std::string, double>;
  CHECK(edges(store) ==
        std::vector<Row>{{"member-of", "Person:robert-kilroy-silk", "Organization:ukip-002", 1},
                         {"member-of", "Person:roger-knapman", "Organization:ukip-002", 1}});

  // Undo: the absorbed node returns with its name and the changed document's rows.
  const auto restored_id = store.unmerge("Organization:ukip-001");
  auto restored = store.node(restored_id);
  REQUIRE(restored);
  CHECK(Entity::make_id(restored->label, restored->key) == "Organization:ukip-001");
  CHECK(restored->name == "UKIP");
  CHECK(restored->mention_count == 2);
  survivor = by_id(store, "Organization:ukip-002");
  CHECK(survivor->mention_count == 2);
  CHECK_FALSE(has_alias(*survivor, "UKIP"));
  CHECK(edges(store) ==
        std::vector<Row>{{"member-of", "Person:robert-kilroy-silk", "Organization:ukip-002", 1},
                         {"member-of", "Person:roger-knapman", "Organization:ukip-001", 1}});
  CHECK(store.corrections().empty());
  // And a later put files the entity under its own node again.
  store.put(first_document());
  CHECK(by_id(store, "Organization:ukip-001")->mention_count == 2);
  CHECK_THROWS_WITH(store.unmerge("Organization:ukip-001"), Contains("no merge absorbed"));
}

TEST_CASE("rename pins the display name, also for a node made again later", "[store]") {
  Store store(":memory:");
  put_both(store);
  store.correct(make(ops::kRename, "Person:roger-knapman", "Knapman"));
  auto node = by_id(store, "Person:roger-knapman");
  CHECK(node->name == "Knapman");
  CHECK(has_alias(*node, "Roger Knapman"));
  // Without Knapman, the document leaves the node with nothing: it is removed...
  store.put(DocBuilder("bbc/001.txt", "UKIP wins a seat.")
                .entity("Organization", "ukip-001", "UKIP")
                .get());
  CHECK_FALSE(by_id(store, "Person:roger-knapman"));
  // ...and made again by a later version, under the user's name, not extraction's.
  store.put(first_document());
  CHECK(by_id(store, "Person:roger-knapman")->name == "Knapman");
}

TEST_CASE("alias add and remove persist through a re-put", "[store]") {
  Store store(":memory:");
  store.put(DocBuilder("a.txt", "The Tories, or Conservatives, met.")
                .entity("Organization", "conservatives", "Conservatives", {"The Tories"})
                .get());
  store.correct(make(ops::kAliasRemove, "Organization:conservatives", "The Tories"));
  store.correct(make(ops::kAliasAdd, "Organization:conservatives", "Conservative Party"));
  auto check = [&] {
    auto node = by_id(store, "Organization:conservatives");
    REQUIRE(node);
    CHECK_FALSE(has_alias(*node, "The Tories"));
    CHECK(has_alias(*node, "Conservative Party"));
  };
  check();
  store.put(DocBuilder("b.txt", "The Tories and Conservatives again.")
                .entity("Organization", "conservatives", "Conservatives", {"The Tories"})
                .get());
  check();
  // Removing an alias the node lacks records the rule (the node obeys it already), so that a
  // corrections file applies to any store of the same documents.
  CHECK(store.correct(make(ops::kAliasRemove, "Organization:conservatives", "Nope")));
  CHECK_THROWS_WITH(
      store.correct(make(ops::kAliasRemove, "Organization:conservatives", "Conservatives")),
      Contains("display name"));
}

TEST_CASE("relabel moves the node and files later documents under the new label", "[store]") {
  Store store(":memory:");
  auto labour = [](const std::string& uri, const std::string& text) {
    return DocBuilder(uri, text).entity("Person", "labour", "Labour").get();
  };
  store.put(labour("a.txt", "Labour said no."));
  store.correct(make(ops::kRelabel, "Person:labour", "Organization"));
  CHECK_FALSE(by_id(store, "Person:labour"));
  CHECK(by_id(store, "Organization:labour")->mention_count == 1);
  store.put(labour("b.txt", "Labour said yes."));
  CHECK_FALSE(by_id(store, "Person:labour"));
  CHECK(by_id(store, "Organization:labour")->mention_count == 2);
  // Relabelling back undoes the relabel (no cycle of rules).
  store.correct(make(ops::kRelabel, "Organization:labour", "Person"));
  CHECK(store.corrections().empty());
  store.put(labour("c.txt", "Labour said maybe."));
  CHECK(by_id(store, "Person:labour")->mention_count == 3);
}

TEST_CASE("distinct keeps two names apart when extraction gives them one id", "[store]") {
  Store store(":memory:");
  store.put(
      DocBuilder("a.txt", "George Bush spoke.").entity("Person", "bush", "George Bush").get());
  store.put(DocBuilder("b.txt", "George W. Bush spoke.")
                .entity("Person", "bush-w", "George W. Bush")
                .get());
  store.correct(make(ops::kDistinct, "Person:bush", "Person:bush-w"));
  // A later extraction keys "George W. Bush" as Person:bush: the rule files it apart.
  store.put(DocBuilder("c.txt", "George W. Bush and George Bush.")
                .entity("Person", "bush", "George W. Bush")
                .get());
  CHECK(by_id(store, "Person:bush-w")->mention_count == 2);
  CHECK(by_id(store, "Person:bush")->mention_count == 1);
  CHECK_FALSE(has_alias(*by_id(store, "Person:bush"), "George W. Bush"));
  CHECK_THROWS_WITH(store.correct(make(ops::kMerge, "Person:bush", "Person:bush-w")),
                    Contains("marked distinct"));
}

TEST_CASE("a refused correction leaves the store as it was", "[store]") {
  Store store(":memory:");
  put_both(store);
  const auto before = edges(store);
  CHECK_THROWS_AS(store.correct(make(ops::kMerge, "Organization:nope", "Organization:ukip-002")),
                  InputError);
  CHECK_THROWS_WITH(store.correct(make(ops::kMerge, "Organization:ukip-001", "Organization:nope")),
                    Contains("no entity Organization:nope"));
  CHECK_THROWS_WITH(
      store.correct(make(ops::kMerge, "Organization:ukip-001", "Organization:ukip-001")),
      Contains("into itself"));
  CHECK_THROWS_WITH(store.correct(make("split", "Organization:ukip-001", "x")),
                    Contains("unknown correction 'split'"));
  CHECK_THROWS_WITH(store.correct(make(ops::kRename, "ukip", "x")), Contains("not an entity id"));
  store.put(
      DocBuilder("c.txt", "Knapman.").entity("Organization", "roger-knapman", "Knapman").get());
  CHECK_THROWS_WITH(store.correct(make(ops::kRelabel, "Organization:roger-knapman", "Person")),
                    Contains("exists already"));
  CHECK(store.corrections().empty());
  CHECK(edges(store) == before);
  CHECK(by_id(store, "Organization:ukip-001"));
  CHECK(by_id(store, "Organization:roger-knapman"));
}

TEST_CASE("a store merge carries the corrections and keeps the merge undoable", "[store]") {
  TempDir dir;
  Store source(dir.file("source.db"));
  put_both(source);
  source.correct(make(ops::kMerge, "Organization:ukip-001", "Organization:ukip-002"));
  source.correct(make(ops::kRename, "Organization:ukip-002", "UK Independence Party (UKIP)"));

  // What `skein merge` does: corrections first, then every document as extraction stored it.
  Store merged(dir.file("merged.db"));
  {
    Store::Batch batch(merged);
    for (const auto& c : source.corrections()) merged.correct(c, CorrectionMode::kRecordRule);
    source.for_each_document([&](const DocumentRecord& document) {
      merged.put(*source.document_extraction(document.id));
    });
    batch.commit();
  }
  CHECK(edges(merged) == edges(source));
  CHECK(merged.stats().nodes == source.stats().nodes);
  CHECK_FALSE(by_id(merged, "Organization:ukip-001"));
  auto survivor = by_id(merged, "Organization:ukip-002");
  CHECK(survivor->name == "UK Independence Party (UKIP)");
  CHECK(survivor->mention_count == 4);
  CHECK(merged.corrections().size() == 2);
  // The merged store can still undo the merge: the rows remember the absorbed entity.
  merged.unmerge("Organization:ukip-001");
  CHECK(by_id(merged, "Organization:ukip-001")->name == "UKIP");
  CHECK(by_id(merged, "Organization:ukip-001")->mention_count == 2);
}

TEST_CASE("corrections follow a document-local id into the document's changed version", "[store]") {
  // Extraction keys a name it cannot link to its document: "<name>@doc:<sha256 prefix>".
  auto local = [](const std::string& text) { return "ukip@doc:" + sha256_hex(text).substr(0, 12); };
  auto version = [&](const std::string& text) {
    return DocBuilder("bbc/111.txt", text)
        .entity("Organization", local(text), "UKIP")
        .entity("Person", "knapman", "Knapman")
        .relation("member-of", "Person:knapman", "Organization:" + local(text),
                  "Knapman leads UKIP.")
        .get();
  };
  const std::string first = "UKIP won. Knapman leads UKIP.";
  const std::string second = "UKIP won twice. Knapman leads UKIP.";
  Store store(":memory:");
  store.put(version(first));
  store.put(DocBuilder("bbc/112.txt", "The UK Independence Party met.")
                .entity("Organization", "uk independence party", "UK Independence Party")
                .get());
  store.correct(
      make(ops::kMerge, "Organization:" + local(first), "Organization:uk independence party"));
  store.put(version(second));  // re-ingest of the changed document: a new document-local key
  CHECK_FALSE(by_id(store, "Organization:" + local(second)));
  CHECK(by_id(store, "Organization:uk independence party")->mention_count == 3);
  REQUIRE(store.corrections().size() == 1);
  CHECK(store.corrections()[0].entity == "Organization:" + local(second));
  store.unmerge("Organization:" + local(second));
  CHECK(by_id(store, "Organization:" + local(second))->mention_count == 2);
  CHECK(by_id(store, "Organization:uk independence party")->mention_count == 1);

  // A renamed document-local node keeps its name through the change too.
  store.correct(make(ops::kRename, "Organization:" + local(second), "UKIP (party)"));
  store.put(version(first));
  CHECK(by_id(store, "Organization:" + local(first))->name == "UKIP (party)");
}

TEST_CASE("a merge recorded before its survivor arrives makes the absorbed node the survivor",
          "[store]") {
  Store store(":memory:");
  store.put(first_document());
  // As `skein merge` records an input's merge when the output holds only the absorbed entity.
  CHECK(store.correct(make(ops::kMerge, "Organization:ukip-001", "Organization:ukip-002"),
                      CorrectionMode::kRecordRule));
  CHECK_FALSE(by_id(store, "Organization:ukip-001"));
  REQUIRE(by_id(store, "Organization:ukip-002"));
  CHECK(by_id(store, "Organization:ukip-002")->mention_count == 2);
  store.put(second_document());
  CHECK(by_id(store, "Organization:ukip-002")->mention_count == 4);
  store.unmerge("Organization:ukip-001");
  CHECK(by_id(store, "Organization:ukip-001")->mention_count == 2);
  CHECK(by_id(store, "Organization:ukip-002")->mention_count == 2);
  using Row = std::tuple<std::string, std::string, std::string, double>;
  CHECK(edges(store) ==
        std::vector<Row>{{"member-of", "Person:robert-kilroy-silk", "Organization:ukip-002", 1},
                         {"member-of", "Person:roger-knapman", "Organization:ukip-001", 1}});
  // A rule about entities no store holds yet is recorded too, and applies when they arrive.
  CHECK(store.correct(make(ops::kRename, "Person:nobody-yet", "Somebody"),
                      CorrectionMode::kRecordRule));
  store.put(DocBuilder("c.txt", "Nobody came.").entity("Person", "nobody-yet", "Nobody").get());
  CHECK(by_id(store, "Person:nobody-yet")->name == "Somebody");
}
