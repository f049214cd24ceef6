#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>

#include "StoreFixtures.h"
#include "core/Error.h"
#include "store/Store.h"

using namespace skein;
using namespace skein::store;
using namespace skein::store::test;
using Catch::Matchers::Contains;

namespace {

// EdgeQuery and StoreOptions set field by field (designated initialisers trip
// -Wmissing-field-initializers).
struct Query {
  EdgeQuery query;
  Query& types(std::vector<std::string> v) {
    query.types = std::move(v);
    return *this;
  }
  Query& labels(std::vector<std::string> v) {
    query.labels = std::move(v);
    return *this;
  }
  Query& min_weight(double v) {
    query.min_weight = v;
    return *this;
  }
  Query& min_confidence(double v) {
    query.min_confidence = v;
    return *this;
  }
  Query& from_date(std::string v) {
    query.from_date = std::move(v);
    return *this;
  }
  Query& to_date(std::string v) {
    query.to_date = std::move(v);
    return *this;
  }
  Query& text_only(bool v) {
    query.text_only = v;
    return *this;
  }
  operator EdgeQuery() const { return query; }  // NOLINT: implicit by design
};

StoreOptions read_only() {
  StoreOptions options;
  options.read_only = true;
  return options;
}
StoreOptions no_create() {
  StoreOptions options;
  options.create_if_missing = false;
  return options;
}
StoreOptions short_wait() {
  StoreOptions options;
  options.busy_timeout_ms = 50;
  return options;
}

// Two documents about the same meeting.
//   A: Wang Yi --met-with-- Cho Tae-yul;  China --trades-with-- Korea;  Qingdao (place)
//   B: Wang Yi --met-with-- Cho Tae-yul   (a second, weaker sighting of the same edge)
DocumentExtraction document_a() {
  return DocBuilder("news/a.txt",
                    "Wang Yi met Cho Tae-yul in Qingdao. China and Korea trade a lot.",
                    "2024-05-13")
      .entity("Person", "wang yi", "Wang Yi")
      .entity("Person", "cho tae-yul", "Cho Tae-yul")
      .entity("Place", "geonames:1797929", "Qingdao")
      .entity("Country", "CN", "China")
      .entity("Country", "KR", "Korea")
      .relation("met-with", "Person:wang yi", "Person:cho tae-yul",
                "Wang Yi met Cho Tae-yul in Qingdao.", 0.8)
      .relation("trades-with", "Country:CN", "Country:KR", "China and Korea trade a lot.", 0.6)
      .get();
}

DocumentExtraction document_b() {
  return DocBuilder("news/b.txt", "Wang Yi met Cho Tae-yul again.", "2024-06-01")
      .entity("Person", "wang yi", "Wang Yi")
      .entity("Person", "cho tae-yul", "Cho Tae-yul")
      .relation("met-with", "Person:wang yi", "Person:cho tae-yul",
                "Wang Yi met Cho Tae-yul again.", 0.5)
      .get();
}

std::vector<EdgeRecord> all_edges(const Store& store, const EdgeQuery& query = {}) {
  std::vector<EdgeRecord> edges;
  store.for_each_edge(query, [&](const EdgeRecord& edge) { edges.push_back(edge); });
  return edges;
}

std::int64_t node_id(const Store& store, const std::string& id) {
  auto found = store.find_nodes(id);
  REQUIRE(found.size() == 1);
  return found.front().id;
}

}  // namespace

TEST_CASE("A new store is created at the latest schema version in WAL mode", "[store]") {
  TempDir dir;
  const std::string path = dir.file("skein.db");
  {
    Store store(path);
    CHECK(store.schema_version() == Store::latest_schema_version());
    CHECK(Store::latest_schema_version() >= 1);
    CHECK(store.path() == path);
  }
  SQLite::Database raw(path);
  CHECK(query_int(raw, "PRAGMA user_version") == Store::latest_schema_version());
  SQLite::Statement mode(raw, "PRAGMA journal_mode");
  mode.executeStep();
  CHECK(mode.getColumn(0).getString() == "wal");
  // 16 KiB pages keep a few-KB article from wasting most of a page (store size).
  CHECK(query_int(raw, "PRAGMA page_size") == 16384);
  SQLite::Statement violations(raw, "PRAGMA foreign_key_check");
  CHECK_FALSE(violations.executeStep());
  // Reopening an up-to-date store changes nothing and keeps the version.
  Store again(path);
  CHECK(again.schema_version() == Store::latest_schema_version());
}

TEST_CASE("A store written by a newer skein is refused and left byte for byte", "[store]") {
  TempDir dir;
  const std::string path = dir.file("future.db");
  { Store store(path); }
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    raw.exec("PRAGMA user_version = 99");
  }
  const std::string before = read_bytes(path);
  REQUIRE_THROWS_AS(Store(path), StoreError);
  REQUIRE_THROWS_WITH(Store(path), Contains(path) && Contains("newer") && Contains("99"));
  REQUIRE_THROWS_WITH(Store(path, read_only()), Contains("newer"));
  CHECK(read_bytes(path) == before);
}

TEST_CASE("A file that is not a SQLite database is refused and left untouched", "[store]") {
  TempDir dir;
  const std::string path = dir.file("notes.txt");
  std::string garbage;
  for (int i = 0; i < 400; ++i) garbage += "This is a text file, not a database. ";
  write_bytes(path, garbage);
  REQUIRE_THROWS_AS(Store(path), StoreError);
  REQUIRE_THROWS_WITH(Store(path), Contains(path) && Contains("not a database"));
  REQUIRE_THROWS_WITH(Store(path, read_only()), Contains(path));
  CHECK(read_bytes(path) == garbage);
  CHECK_FALSE(std::filesystem::exists(path + "-wal"));
}

TEST_CASE("A damaged store fails with a StoreError naming it, never a crash", "[store]") {
  TempDir dir;
  const std::string path = dir.file("damaged.db");
  {
    Store store(path);
    Store::Batch batch(store);
    for (int i = 0; i < 40; ++i) {
      auto doc = document_a();
      doc.document.uri = "news/" + std::to_string(i);
      doc.document.text += std::string(3000, ' ');  // several pages of documents
      doc.document.sha256.clear();
      store.put(doc);
    }
    batch.commit();
  }
  // Keep the header page, scribble over the rest.
  std::string bytes = read_bytes(path);
  REQUIRE(bytes.size() > 3 * 16384);
  for (std::size_t i = 16384; i < bytes.size(); ++i) bytes[i] = static_cast<char>(i * 7);
  write_bytes(path, bytes);
  auto use_it = [&] {
    Store store(path);
    store.stats();
    std::size_t edges = 0;
    store.for_each_edge(EdgeQuery{}, [&](const EdgeRecord&) { ++edges; });
    store.put(document_b());
  };
  REQUIRE_THROWS_AS(use_it(), StoreError);
  REQUIRE_THROWS_WITH(use_it(), Contains(path));
}

TEST_CASE("Another program's SQLite database is not turned into a store", "[store]") {
  TempDir dir;
  const std::string path = dir.file("other.db");
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    raw.exec("CREATE TABLE recipes (name TEXT)");
  }
  const std::string before = read_bytes(path);
  REQUIRE_THROWS_WITH(Store(path), Contains(path) && Contains("not a Skein store"));
  CHECK(read_bytes(path) == before);
}

TEST_CASE("A missing store is an error when creation is not allowed", "[store]") {
  TempDir dir;
  const std::string path = dir.file("missing.db");
  REQUIRE_THROWS_WITH(Store(path, no_create()), Contains(path));
  REQUIRE_THROWS_WITH(Store(path, read_only()), Contains(path));
  CHECK_FALSE(std::filesystem::exists(path));
}

TEST_CASE("put adds, skips unchanged and replaces documents with exact row counts", "[store]") {
  Store store(":memory:");
  CHECK(store.put(document_a()) == PutOutcome::kAdded);
  StoreStats stats = store.stats();
  CHECK(stats.documents == 1);
  CHECK(stats.nodes == 5);
  CHECK(stats.mentions == 5);
  CHECK(stats.edges == 2);
  CHECK(stats.evidence == 2);
  CHECK(stats.aliases == 0);
  CHECK(stats.nodes_by_label == std::vector<std::pair<std::string, std::int64_t>>{
                                    {"Country", 2}, {"Person", 2}, {"Place", 1}});
  CHECK(stats.edges_by_type ==
        std::vector<std::pair<std::string, std::int64_t>>{{"met-with", 1}, {"trades-with", 1}});
  CHECK(store.contains("news/a.txt", document_a().document.sha256));
  CHECK_FALSE(store.contains("news/a.txt", "0000"));

  // Same uri, same text: nothing at all changes (not even ingested_at).
  std::string ingested_before;
  store.for_each_document([&](const DocumentRecord& d) { ingested_before = d.ingested_at; });
  CHECK(store.put(document_a()) == PutOutcome::kUnchanged);
  stats = store.stats();
  CHECK(stats.documents == 1);
  CHECK(stats.mentions == 5);
  CHECK(stats.evidence == 2);
  CHECK(all_edges(store).front().weight == 1);

  CHECK(store.put(document_b()) == PutOutcome::kAdded);
  stats = store.stats();
  CHECK(stats.documents == 2);
  CHECK(stats.nodes == 5);  // Wang Yi and Cho Tae-yul are the same nodes
  CHECK(stats.mentions == 7);
  CHECK(stats.edges == 2);
  CHECK(stats.evidence == 3);

  // Same uri, new text: its rows are replaced.
  auto a2 = DocBuilder("news/a.txt", "Wang Yi met Park Jin in Seoul.", "2024-05-14")
                .entity("Person", "wang yi", "Wang Yi")
                .entity("Person", "park jin", "Park Jin")
                .entity("Place", "geonames:1835848", "Seoul")
                .relation("met-with", "Person:wang yi", "Person:park jin",
                          "Wang Yi met Park Jin in Seoul.", 0.7)
                .get();
  CHECK(store.put(a2) == PutOutcome::kReplaced);
  stats = store.stats();
  CHECK(stats.documents == 2);
  CHECK(stats.nodes == 4);     // wang, cho (still in B), park, seoul
  CHECK(stats.mentions == 5);  // B: 2, new A: 3
  CHECK(stats.edges == 2);     // met(wang, cho) from B, met(wang, park)
  CHECK(stats.evidence == 2);
  CHECK(store.contains("news/a.txt", a2.document.sha256));
  CHECK_FALSE(store.contains("news/a.txt", document_a().document.sha256));
  std::vector<DocumentRecord> documents;
  store.for_each_document([&](const DocumentRecord& d) { documents.push_back(d); });
  REQUIRE(documents.size() == 2);
  CHECK(documents[0].uri == "news/a.txt");
  CHECK(documents[0].published == "2024-05-14");
  CHECK(documents[0].text_bytes == a2.document.text.size());
  CHECK(documents[0].ingested_at.size() == 20);  // 2024-05-14T10:00:00Z
  CHECK(store.document_text(documents[0].id) == a2.document.text);
  CHECK_FALSE(store.document_text(999).has_value());
}

// The raw stamp columns of one document: {file_size, file_mtime_ns}, -1 for NULL.
std::pair<std::int64_t, std::int64_t> raw_stamp(const std::string& path, const std::string& uri) {
  SQLite::Database raw(path);
  SQLite::Statement row(raw, "SELECT file_size, file_mtime_ns FROM documents WHERE uri = ?1");
  row.bind(1, uri);
  REQUIRE(row.executeStep());
  const auto value = [&](int column) {
    return row.getColumn(column).isNull() ? std::int64_t{-1} : row.getColumn(column).getInt64();
  };
  return {value(0), value(1)};
}

TEST_CASE("put stores a document's file stamp and has_file_stamp matches it exactly", "[store]") {
  TempDir dir;
  const std::string path = dir.file("stamps.db");
  Store store(path);
  const FileStamp stamp{64, 1'700'000'000'123'456'789};
  auto a = document_a();
  a.document.file_stamp = stamp;
  CHECK(store.put(a) == PutOutcome::kAdded);
  CHECK(store.put(document_b()) == PutOutcome::kAdded);  // no stamp: NULL, never a match
  CHECK(raw_stamp(path, "news/a.txt") == std::pair<std::int64_t, std::int64_t>{64, stamp.mtime_ns});
  CHECK(raw_stamp(path, "news/b.txt") == std::pair<std::int64_t, std::int64_t>{-1, -1});

  CHECK(store.has_file_stamp("news/a.txt", stamp));
  CHECK_FALSE(store.has_file_stamp("news/a.txt", {65, stamp.mtime_ns}));      // other size
  CHECK_FALSE(store.has_file_stamp("news/a.txt", {64, stamp.mtime_ns + 1}));  // 1 ns later
  CHECK_FALSE(store.has_file_stamp("news/other.txt", stamp));
  CHECK_FALSE(store.has_file_stamp("news/b.txt", {0, 0}));

  // Same text under a new stamp (a touched file): unchanged, and the stamp moves on.
  const FileStamp touched{64, stamp.mtime_ns + 5'000'000'000};
  a.document.file_stamp = touched;
  CHECK(store.put(a) == PutOutcome::kUnchanged);
  CHECK(store.has_file_stamp("news/a.txt", touched));
  CHECK_FALSE(store.has_file_stamp("news/a.txt", stamp));
  // Same text without a stamp (load, merge): the stored stamp still describes the file.
  a.document.file_stamp.reset();
  CHECK(store.put(a) == PutOutcome::kUnchanged);
  CHECK(store.has_file_stamp("news/a.txt", touched));
  // New text without a stamp: no file vouches for it any more.
  auto a2 = DocBuilder("news/a.txt", "Wang Yi met Park Jin in Seoul.")
                .entity("Person", "wang yi", "Wang Yi")
                .get();
  CHECK(store.put(a2) == PutOutcome::kReplaced);
  CHECK_FALSE(store.has_file_stamp("news/a.txt", touched));
  CHECK(raw_stamp(path, "news/a.txt") == std::pair<std::int64_t, std::int64_t>{-1, -1});
}

TEST_CASE("set_file_stamp records a stamp on a stored document and nothing else", "[store]") {
  TempDir dir;
  const std::string path = dir.file("stamps.db");
  {
    Store store(path);
    store.put(document_a());
    store.put(document_b());
    const FileStamp stamp{10, 20};
    store.set_file_stamp("news/b.txt", stamp);
    CHECK(store.has_file_stamp("news/b.txt", stamp));
    CHECK_FALSE(store.has_file_stamp("news/a.txt", stamp));
    store.set_file_stamp("news/b.txt", {11, 21});
    CHECK_FALSE(store.has_file_stamp("news/b.txt", stamp));
    CHECK(store.has_file_stamp("news/b.txt", {11, 21}));
    store.set_file_stamp("news/missing.txt", stamp);  // no such document: no effect
    CHECK(store.stats().documents == 2);
    // Inside a batch it is part of the batch: rolled back with it.
    {
      Store::Batch batch(store);
      store.set_file_stamp("news/a.txt", {1, 2});
      CHECK(store.has_file_stamp("news/a.txt", {1, 2}));
    }
    CHECK_FALSE(store.has_file_stamp("news/a.txt", {1, 2}));
  }
  Store read_only_store(path, read_only());
  CHECK(read_only_store.has_file_stamp("news/b.txt", {11, 21}));
  CHECK_THROWS_WITH(read_only_store.set_file_stamp("news/b.txt", {1, 1}),
                    Contains(path) && Contains("read-only"));
}

TEST_CASE("Stamp lookups share a read transaction that never stands in a writer's way", "[store]") {
  // has_file_stamp keeps one read transaction open across calls; every kind of write that
  // may follow must still work, in this connection and in another one.
  TempDir dir;
  const std::string path = dir.file("lookups.db");
  Store store(path);
  Store other(path, short_wait());
  auto a = document_a();
  a.document.file_stamp = FileStamp{1, 1};
  CHECK_FALSE(store.has_file_stamp("news/a.txt", {1, 1}));
  CHECK(store.put(a) == PutOutcome::kAdded);  // its own transaction, after a lookup
  CHECK(store.has_file_stamp("news/a.txt", {1, 1}));
  store.set_file_stamp("news/a.txt", {2, 2});
  CHECK(store.has_file_stamp("news/a.txt", {2, 2}));
  {
    Store::Batch batch(store);  // BEGIN IMMEDIATE, after a lookup
    CHECK(store.put(document_b()) == PutOutcome::kAdded);
    CHECK(store.has_file_stamp("news/a.txt", {2, 2}));  // inside the batch
    batch.commit();
  }
  CHECK(store.has_file_stamp("news/a.txt", {2, 2}));
  store.set_relation_symmetry("visited", false);
  // Another connection writes while this one holds a lookup snapshot: not blocked...
  CHECK(store.has_file_stamp("news/a.txt", {2, 2}));
  other.set_file_stamp("news/a.txt", {3, 3});
  // ... and its commit is seen within 256 lookups.
  bool seen = false;
  for (int i = 0; i < 300 && !seen; ++i) seen = store.has_file_stamp("news/a.txt", {3, 3});
  CHECK(seen);
}

TEST_CASE("Replacing a document recomputes weights and removes orphan edges and nodes", "[store]") {
  Store store(":memory:");
  store.put(document_a());
  store.put(document_b());
  const std::int64_t wang = node_id(store, "Person:wang yi");
  const std::int64_t cho = node_id(store, "Person:cho tae-yul");
  auto met = [&] {
    for (const EdgeRecord& edge : all_edges(store, Query().types({"met-with"}))) {
      if (std::min(edge.src, edge.dst) == std::min(wang, cho) &&
          std::max(edge.src, edge.dst) == std::max(wang, cho)) {
        return edge;
      }
    }
    FAIL("no met-with edge between Wang Yi and Cho Tae-yul");
    return EdgeRecord{};
  };
  CHECK(met().weight == 2);
  CHECK(met().confidence == Approx(1 - 0.2 * 0.5));
  CHECK(met().first_seen == "2024-05-13");
  CHECK(met().last_seen == "2024-06-01");

  // A now says nothing about Cho, China or Korea.
  auto a2 = DocBuilder("news/a.txt", "Wang Yi spoke in Seoul.", "2024-05-14")
                .entity("Person", "wang yi", "Wang Yi")
                .entity("Place", "geonames:1835848", "Seoul")
                .get();
  CHECK(store.put(a2) == PutOutcome::kReplaced);
  CHECK(met().weight == 1);
  CHECK(met().confidence == Approx(0.5));
  CHECK(met().first_seen == "2024-06-01");
  CHECK(store.evidence(met().id).size() == 1);
  CHECK(all_edges(store, Query().types({"trades-with"})).empty());
  CHECK(store.find_nodes("Country:CN").empty());
  CHECK(store.find_nodes("Qingdao").empty());
  CHECK(store.find_nodes("Cho Tae-yul").size() == 1);  // B still mentions Cho
}

TEST_CASE("A node that is only a knowledge-basis endpoint survives a replacement", "[store]") {
  // Qingdao --located-in--> China, from the gazetteer: China is never mentioned in the text.
  auto version = [](const std::string& text) {
    return DocBuilder("news/c.txt", text)
        .entity("Place", "geonames:1797929", "Qingdao")
        .entity("Country", "CN", "China")  // not in the text: no mentions
        .relation("located-in", "Place:geonames:1797929", "Country:CN", "Qingdao", 1.0,
                  basis::kKnowledge)
        .get();
  };
  Store store(":memory:");
  store.put(version("Qingdao hosted the talks."));
  CHECK(store.put(version("Qingdao hosted the second round.")) == PutOutcome::kReplaced);
  auto china = store.find_nodes("Country:CN");
  REQUIRE(china.size() == 1);
  CHECK(china.front().mention_count == 0);
  auto edges = store.edges_of(china.front().id);
  REQUIRE(edges.size() == 1);
  CHECK(edges.front().has_knowledge_basis);
  CHECK_FALSE(edges.front().has_text_basis);
  CHECK_FALSE(edges.front().symmetric);
  CHECK(edges.front().weight == 1);
}

TEST_CASE("Symmetric edges are stored once whichever way round they arrive", "[store]") {
  Store store(":memory:");
  store.set_relation_symmetry("met-with", true);  // as ingest declares the ontology's types
  store.put(
      DocBuilder("one", "Wang Yi met Cho Tae-yul.")
          .entity("Person", "wang yi", "Wang Yi")
          .entity("Person", "cho tae-yul", "Cho Tae-yul")
          .relation("met-with", "Person:wang yi", "Person:cho tae-yul", "Wang Yi met Cho Tae-yul.")
          .get());
  store.put(
      DocBuilder("two", "Cho Tae-yul met Wang Yi.")
          .entity("Person", "cho tae-yul", "Cho Tae-yul")
          .entity("Person", "wang yi", "Wang Yi")
          .relation("met-with", "Person:cho tae-yul", "Person:wang yi", "Cho Tae-yul met Wang Yi.")
          .relation("affiliated-with", "Person:cho tae-yul", "Person:wang yi",
                    "Cho Tae-yul met Wang Yi.")
          .get());
  auto met = all_edges(store, Query().types({"met-with"}));
  REQUIRE(met.size() == 1);
  CHECK(met.front().src < met.front().dst);
  CHECK(met.front().symmetric);
  CHECK(met.front().weight == 2);
  // A directed type keeps its direction, even when it points from the larger id.
  auto affiliated = all_edges(store, Query().types({"affiliated-with"}));
  REQUIRE(affiliated.size() == 1);
  CHECK_FALSE(affiliated.front().symmetric);
  CHECK(affiliated.front().src == node_id(store, "Person:cho tae-yul"));
  CHECK(affiliated.front().src > affiliated.front().dst);
}

TEST_CASE("Declaring a type symmetric folds its reversed edges into one", "[store]") {
  Store store(":memory:");
  // allied-with arrives both ways before anyone says it is symmetric.
  store.put(
      DocBuilder("one", "Korea and Japan are allies. Japan and Korea are allies.")
          .entity("Country", "KR", "Korea")
          .entity("Country", "JP", "Japan")
          .relation("allied-with", "Country:KR", "Country:JP", "Korea and Japan are allies.", 0.5)
          .relation("allied-with", "Country:JP", "Country:KR", "Japan and Korea are allies.", 0.5)
          .get());
  CHECK(all_edges(store, Query().types({"allied-with"})).size() == 2);
  store.set_relation_symmetry("allied-with", true);
  auto edges = all_edges(store, Query().types({"allied-with"}));
  REQUIRE(edges.size() == 1);
  CHECK(edges.front().symmetric);
  CHECK(edges.front().src < edges.front().dst);
  CHECK(edges.front().weight == 2);
  CHECK(edges.front().confidence == Approx(0.75));
  CHECK(store.evidence(edges.front().id).size() == 2);
  // Declaring it again changes nothing; declaring it directed only clears the flag.
  store.set_relation_symmetry("allied-with", true);
  CHECK(all_edges(store, Query().types({"allied-with"})).size() == 1);
  store.set_relation_symmetry("allied-with", false);
  auto directed = all_edges(store, Query().types({"allied-with"}));
  REQUIRE(directed.size() == 1);
  CHECK_FALSE(directed.front().symmetric);
  CHECK(directed.front().weight == 2);
  store.set_relation_symmetry("allied-with", true);
  auto types = store.relation_types();
  CHECK(std::find(types.begin(), types.end(), std::pair<std::string, bool>{"allied-with", true}) !=
        types.end());
  // Only what was declared or seen: the store has no relation types of its own.
  CHECK(types == std::vector<std::pair<std::string, bool>>{{"allied-with", true}});
}

TEST_CASE("A put that refers to an unknown entity fails whole and leaves nothing", "[store]") {
  Store store(":memory:");
  auto bad = document_a();
  bad.relations.back().target = "Country:ZZ";
  REQUIRE_THROWS_WITH(store.put(bad),
                      Contains("Country:ZZ") && Contains("news/a.txt") && Contains(":memory:"));
  StoreStats stats = store.stats();
  CHECK(stats.documents == 0);
  CHECK(stats.nodes == 0);
  CHECK(stats.edges == 0);

  // Inside a batch the failed document leaves nothing, and the batch's others are kept.
  {
    Store::Batch batch(store);
    store.put(document_b());
    CHECK_THROWS_AS(store.put(bad), StoreError);
    auto out_of_text = document_a();
    out_of_text.entities.front().mentions.front().span = {60, 600};
    CHECK_THROWS_WITH(store.put(out_of_text), Contains("outside the text"));
    batch.commit();
  }
  stats = store.stats();
  CHECK(stats.documents == 1);
  CHECK(stats.nodes == 2);
  CHECK(stats.edges == 1);
  CHECK(stats.evidence == 1);
}

namespace {

// A store holding document_a() whose evidence table refuses rows with rule 'boom' (a trigger),
// so a put fails after its document, nodes, mentions and edge were already written.
Store store_with_boom_trigger(const std::string& path) {
  { Store(path).put(document_a()); }
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    raw.exec(
        "CREATE TRIGGER boom BEFORE INSERT ON evidence WHEN NEW.rule = 'boom' "
        "BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END");
  }
  return Store(path);
}

// A document whose one evidence row the boom trigger refuses.
DocumentExtraction korea_japan_refused() {
  auto doc = DocBuilder("news/d.txt", "Korea and Japan.")
                 .entity("Country", "KR", "Korea")
                 .entity("Country", "JP", "Japan")
                 .relation("trades-with", "Country:KR", "Country:JP", "Korea and Japan.")
                 .get();
  doc.relations.front().evidence.front().rule = "boom";
  return doc;
}

}  // namespace

TEST_CASE("A database failure in the middle of a put rolls that document back", "[store]") {
  TempDir dir;
  const std::string path = dir.file("skein.db");
  Store store = store_with_boom_trigger(path);
  const auto doc = korea_japan_refused();
  CHECK_THROWS_WITH(store.put(doc), Contains(path) && Contains("refused by test trigger"));
  CHECK(store.stats().documents == 1);
  CHECK(store.find_nodes("Japan").empty());

  // A failed replacement keeps the old version whole, weights included.
  auto a2 =
      DocBuilder("news/a.txt", "Wang Yi met Cho Tae-yul.")
          .entity("Person", "wang yi", "Wang Yi")
          .entity("Person", "cho tae-yul", "Cho Tae-yul")
          .relation("met-with", "Person:wang yi", "Person:cho tae-yul", "Wang Yi met Cho Tae-yul.")
          .get();
  a2.relations.front().evidence.front().rule = "boom";
  CHECK_THROWS_AS(store.put(a2), StoreError);
  CHECK(store.contains("news/a.txt", document_a().document.sha256));
  const StoreStats stats = store.stats();
  CHECK(stats.nodes == 5);
  CHECK(stats.edges == 2);
  CHECK(stats.evidence == 2);
  CHECK(stats.mentions == 5);
  for (const EdgeRecord& edge : all_edges(store)) CHECK(edge.weight == 1);
}

TEST_CASE("A batch that is destroyed without commit rolls every put back", "[store]") {
  TempDir dir;
  const std::string path = dir.file("skein.db");
  {
    Store store(path);
    {
      Store::Batch batch(store);
      CHECK(store.put(document_a()) == PutOutcome::kAdded);
      CHECK(store.put(document_b()) == PutOutcome::kAdded);
      CHECK(store.stats().documents == 2);  // visible inside the batch
      CHECK_THROWS_WITH(Store::Batch(store), Contains("do not nest"));
    }
    CHECK(store.stats().documents == 0);
    CHECK(store.stats().nodes == 0);
    {
      Store::Batch batch(store);
      store.put(document_a());
      batch.commit();
      CHECK_THROWS_AS(batch.commit(), StoreError);
    }
  }
  Store reopened(path);
  CHECK(reopened.stats().documents == 1);
  CHECK(reopened.stats().edges == 2);
}

TEST_CASE("for_each_edge applies type, label, weight, confidence, date and basis filters",
          "[store]") {
  Store store(":memory:");
  store.put(document_a());  // 2024-05-13: met(wang, cho) 0.8, trades(CN, KR) 0.6
  store.put(document_b());  // 2024-06-01: met(wang, cho) 0.5
  store.put(DocBuilder("news/e.txt", "Qingdao is in China.", "2024-07-01")
                .entity("Place", "geonames:1797929", "Qingdao")
                .entity("Country", "CN", "China")
                .relation("located-in", "Place:geonames:1797929", "Country:CN",
                          "Qingdao is in China.", 0.9, basis::kKnowledge)
                .get());
  auto types_of = [](const std::vector<EdgeRecord>& edges) {
    std::vector<std::string> types;
    for (const auto& edge : edges) types.push_back(edge.type);
    std::sort(types.begin(), types.end());
    return types;
  };
  using Types = std::vector<std::string>;
  CHECK(types_of(all_edges(store)) == Types{"located-in", "met-with", "trades-with"});
  CHECK(types_of(all_edges(store, Query().types({"met-with", "located-in"}))) ==
        Types{"located-in", "met-with"});
  CHECK(types_of(all_edges(store, Query().labels({"Country"}))) == Types{"trades-with"});
  CHECK(types_of(all_edges(store, Query().labels({"Country", "Place"}))) ==
        Types{"located-in", "trades-with"});
  CHECK(types_of(all_edges(store, Query().min_weight(2))) == Types{"met-with"});
  CHECK(types_of(all_edges(store, Query().min_confidence(0.85))) ==
        Types{"located-in", "met-with"});
  CHECK(types_of(all_edges(store, Query().text_only(true))) == Types{"met-with", "trades-with"});

  // Dates count only the evidence from documents inside the range.
  auto june = all_edges(store, Query().from_date("2024-06-01").to_date("2024-06-30"));
  REQUIRE(types_of(june) == Types{"met-with"});
  CHECK(june.front().weight == 1);
  CHECK(june.front().confidence == Approx(0.5));
  CHECK(june.front().first_seen == "2024-06-01");
  CHECK(types_of(all_edges(store, Query().to_date("2024-05-31"))) ==
        Types{"met-with", "trades-with"});
  CHECK(all_edges(store, Query().to_date("2024-05-31")).front().weight == 1);
  CHECK(types_of(all_edges(store, Query().from_date("2024-05-01").min_weight(2))) ==
        Types{"met-with"});
  CHECK(all_edges(store, Query().from_date("2025-01-01")).empty());

  // Unfiltered reads use the cached columns; they must agree with the aggregate path.
  auto cached = all_edges(store);
  auto aggregated = all_edges(store, Query().from_date("2000-01-01"));
  REQUIRE(cached.size() == aggregated.size());
  for (std::size_t i = 0; i < cached.size(); ++i) {
    CHECK(cached[i].id == aggregated[i].id);
    CHECK(cached[i].weight == aggregated[i].weight);
    CHECK(cached[i].confidence == Approx(aggregated[i].confidence));
    CHECK(cached[i].first_seen == aggregated[i].first_seen);
    CHECK(cached[i].last_seen == aggregated[i].last_seen);
    CHECK(cached[i].has_text_basis == aggregated[i].has_text_basis);
  }
  CHECK(std::is_sorted(cached.begin(), cached.end(),
                       [](const EdgeRecord& a, const EdgeRecord& b) { return a.id < b.id; }));
}

TEST_CASE("find_nodes matches names, keys, aliases and ids case-insensitively", "[store]") {
  Store store(":memory:");
  store.put(DocBuilder("k", "President Yoon met the Republic of Korea's allies in Seoul.")
                .entity("Person", "yoon suk-yeol", "Yoon Suk-yeol", {"President Yoon"})
                .entity("Country", "KR", "South Korea", {"Republic of Korea"})
                .get());
  auto one = [&](const std::string& query) {
    auto found = store.find_nodes(query);
    return found.size() == 1 ? found.front().name
                             : std::string("<") + std::to_string(found.size()) + ">";
  };
  CHECK(one("republic of korea") == "South Korea");
  CHECK(one("PRESIDENT YOON") == "Yoon Suk-yeol");
  CHECK(one("south korea") == "South Korea");
  CHECK(one("kr") == "South Korea");
  CHECK(one("country:kr") == "South Korea");
  CHECK(one("Person:yoon suk-yeol") == "Yoon Suk-yeol");
  const std::int64_t id = store.find_nodes("South Korea").front().id;
  CHECK(one(std::to_string(id)) == "South Korea");
  CHECK(store.find_nodes("North Korea").empty());
  auto korea = store.node(id);
  REQUIRE(korea.has_value());
  CHECK(korea->aliases == std::vector<std::string>{"Republic of Korea"});
  CHECK(korea->mention_count == 1);
  CHECK(korea->document_count == 1);
  CHECK(korea->first_seen == "2024-05-13");
  CHECK_FALSE(store.node(id + 1000).has_value());
}

TEST_CASE("suggest_names offers the closest names for a misspelling", "[store]") {
  Store store(":memory:");
  store.put(DocBuilder("s", "Wang Yi met Cho Tae-yul and Wang Wei.")
                .entity("Person", "wang yi", "Wang Yi")
                .entity("Person", "wang wei", "Wang Wei")
                .entity("Person", "cho tae-yul", "Cho Tae-yul")
                .get());
  auto names = store.suggest_names("Cho Tae-yol");
  REQUIRE_FALSE(names.empty());
  CHECK(names.front() == "Cho Tae-yul");
  CHECK(store.suggest_names("wang yi").front() == "Wang Yi");
  CHECK(store.suggest_names("Wang", 1) == std::vector<std::string>{"Wang Wei"});
  CHECK(store.suggest_names("Zzyzx").empty());
}

TEST_CASE("Evidence and mention text is the document's bytes under the span", "[store]") {
  // Multi-byte characters before the spans catch character-vs-byte offset mistakes.
  const std::string text = "Séoul — 서울: Wang Yi met Cho Tae-yul in Qingdao. Then they left.";
  auto doc = DocBuilder("utf8", text)
                 .entity("Person", "wang yi", "Wang Yi")
                 .entity("Person", "cho tae-yul", "Cho Tae-yul")
                 .relation("met-with", "Person:wang yi", "Person:cho tae-yul",
                           "Wang Yi met Cho Tae-yul in Qingdao.", 0.9)
                 .get();
  Store store(":memory:");
  store.put(doc);
  auto edges = all_edges(store);
  REQUIRE(edges.size() == 1);
  auto evidence = store.evidence(edges.front().id);
  REQUIRE(evidence.size() == 1);
  const auto& span = doc.relations.front().evidence.front().span;
  CHECK(evidence.front().start == span.start);
  CHECK(evidence.front().end == span.end);
  CHECK(evidence.front().sentence == text.substr(span.start, span.size()));
  CHECK(evidence.front().sentence == "Wang Yi met Cho Tae-yul in Qingdao.");
  CHECK(evidence.front().document_uri == "utf8");
  CHECK(evidence.front().rule == "rule-met-with");
  CHECK(evidence.front().basis == "text");
  CHECK(evidence.front().confidence == Approx(0.9));
  auto mentions = store.mentions(node_id(store, "Cho Tae-yul"));
  REQUIRE(mentions.size() == 1);
  CHECK(mentions.front().text == "Cho Tae-yul");
  CHECK(mentions.front().kind == "name");
  CHECK(store.mentions(node_id(store, "Cho Tae-yul"), 1).size() == 1);
}

TEST_CASE("Noisy-or confidence and weight come from every piece of evidence", "[store]") {
  Store store(":memory:");
  store.put(DocBuilder("n", "Korea and China trade. They trade more.")
                .entity("Country", "KR", "Korea")
                .entity("Country", "CN", "China")
                .relation("trades-with", "Country:KR", "Country:CN", "Korea and China trade.", 0.5)
                .more_evidence("They trade more.", 0.4)
                .get());
  auto edges = all_edges(store);
  REQUIRE(edges.size() == 1);
  CHECK(edges.front().weight == 2);
  CHECK(edges.front().confidence == Approx(1 - 0.5 * 0.6));
  // A relation with no evidence at all still counts once, with its own confidence.
  auto bare = DocBuilder("bare", "Japan.")
                  .entity("Country", "JP", "Japan")
                  .entity("Country", "KR", "Korea")
                  .get();
  Relation relation;
  relation.type = "trades-with";
  relation.source = "Country:JP";
  relation.target = "Country:KR";
  relation.confidence = 0.3;
  bare.relations.push_back(relation);
  store.put(bare);
  auto japan = store.edges_of(node_id(store, "Japan"));
  REQUIRE(japan.size() == 1);
  CHECK(japan.front().weight == 1);
  CHECK(japan.front().confidence == Approx(0.3));
  CHECK(all_edges(store, Query().min_confidence(0.5)).size() == 1);
  CHECK(all_edges(store, Query().min_confidence(0.2).to_date("2030-01-01")).size() == 2);
}

TEST_CASE("Node names and properties merge across documents by the documented rule", "[store]") {
  Store store(":memory:");
  store.put(
      DocBuilder("1", "Yoon spoke.")
          .entity("Person", "yoon suk-yeol", "Yoon", {}, {{"title", "President"}, {"party", ""}})
          .get());
  store.put(DocBuilder("2", "Yoon Suk-yeol spoke.")
                .entity("Person", "yoon suk-yeol", "Yoon Suk-yeol", {},
                        {{"title", "Former President"}, {"party", "PPP"}, {"born", "1960"}})
                .get());
  store.put(DocBuilder("3", "Suk-yeol Yoon, the long-serving prosecutor, spoke.")
                .entity("Person", "yoon suk-yeol", "Suk-yeol Yoon, the long-serving prosecutor")
                .get());
  auto node = store.find_nodes("Person:yoon suk-yeol");
  REQUIRE(node.size() == 1);
  CHECK(node.front().name == "Yoon Suk-yeol");  // fuller name that contains "Yoon"; not the 3rd
  // Known, non-empty values stay ("President"); empty ones and new keys are filled in.
  CHECK(node.front().props_json == R"({"born":"1960","party":"PPP","title":"President"})");
  // Names the node does not display are kept as aliases.
  CHECK(node.front().aliases ==
        std::vector<std::string>{"Suk-yeol Yoon, the long-serving prosecutor", "Yoon"});
  CHECK(store.find_nodes("yoon").size() == 1);
}

TEST_CASE("A node's display name among spellings of one name does not depend on put order",
          "[store]") {
  const std::vector<std::string> spellings = {"GEORGE W BUSH", "George W Bush", "George W. Bush"};
  std::vector<std::string> shown;
  for (const bool reversed : {false, true}) {
    Store store(":memory:");
    std::vector<std::string> order = spellings;
    if (reversed) std::reverse(order.begin(), order.end());
    int n = 0;
    for (const std::string& name : order) {
      const std::string uri = "doc" + std::to_string(n++);
      store.put(DocBuilder(uri, name + " spoke.").entity("Person", "george w bush", name).get());
    }
    auto node = store.find_nodes("Person:george w bush");
    REQUIRE(node.size() == 1);
    shown.push_back(node.front().name);
  }
  // Not all capitals, then the longest spelling: the same name whichever document came first.
  CHECK(shown[0] == "George W. Bush");
  CHECK(shown[1] == "George W. Bush");
}

TEST_CASE("A failed put in a batch without savepoints abandons the whole batch", "[store]") {
  TempDir dir;
  const std::string path = dir.file("skein.db");
  Store store = store_with_boom_trigger(path);
  auto good = DocBuilder("news/c.txt", "France and Spain.")
                  .entity("Country", "FR", "France")
                  .entity("Country", "ES", "Spain")
                  .get();
  const auto bad = korea_japan_refused();
  {
    Store::Batch batch(store, Store::Batch::OnFailure::kAbandonBatch);
    CHECK(store.put(good) == PutOutcome::kAdded);
    CHECK_THROWS_WITH(store.put(bad), Contains("refused by test trigger"));
    // Part of the failed put may be in the transaction: nothing more may be written or kept.
    CHECK_THROWS_WITH(store.put(document_b()), Contains("can only be rolled back"));
    CHECK_THROWS_WITH(batch.commit(), Contains("cannot be committed"));
  }
  CHECK(store.stats().documents == 1);  // document_a only: the batch was rolled back whole
  CHECK(store.find_nodes("Spain").empty());
  CHECK(store.find_nodes("Japan").empty());
  // The store is usable again, and the default batch keeps the others when one put fails.
  {
    Store::Batch batch(store);
    CHECK(store.put(good) == PutOutcome::kAdded);
    CHECK_THROWS(store.put(bad));
    batch.commit();
  }
  CHECK(store.stats().documents == 2);
  CHECK_FALSE(store.find_nodes("Spain").empty());
}

TEST_CASE("Inside a batch, repeated entities still merge names and properties", "[store]") {
  // The batch remembers nodes it wrote; that memory must never hide a real change, nor keep
  // a change that a failed put rolled back.
  auto yoon = [](const std::string& uri, const std::string& text, const std::string& name,
                 Properties props) {
    return DocBuilder(uri, text)
        .entity("Person", "yoon suk-yeol", name, {}, std::move(props))
        .get();
  };
  Store store(":memory:");
  Store::Batch batch(store);
  store.put(yoon("1", "Yoon spoke.", "Yoon", {}));
  store.put(yoon("2", "Yoon spoke again.", "Yoon", {{"party", ""}}));
  auto failing = yoon("3", "Yoon Suk-yeol spoke.", "Yoon Suk-yeol", {{"party", "PPP"}});
  Relation bad;
  bad.type = "met-with";
  bad.source = "Person:yoon suk-yeol";
  bad.target = "Person:nobody";
  failing.relations.push_back(bad);
  CHECK_THROWS_AS(store.put(failing), StoreError);
  auto node = store.find_nodes("Person:yoon suk-yeol").front();
  CHECK(node.name == "Yoon");
  CHECK(node.props_json == R"({"party":""})");
  store.put(yoon("4", "Yoon Suk-yeol spoke.", "Yoon Suk-yeol", {{"party", "PPP"}}));
  store.put(yoon("5", "Yoon spoke once more.", "Yoon", {{"party", "other"}, {"born", "1960"}}));
  batch.commit();
  node = store.find_nodes("Person:yoon suk-yeol").front();
  CHECK(node.name == "Yoon Suk-yeol");
  CHECK(node.props_json == R"({"born":"1960","party":"PPP"})");
  CHECK(node.aliases == std::vector<std::string>{"Yoon"});
  CHECK(node.mention_count == 4);
}

TEST_CASE("merge_node_props patches node properties in one transaction", "[store]") {
  Store store(":memory:");
  store.put(document_a());
  const std::int64_t wang = node_id(store, "Wang Yi");
  const std::int64_t cho = node_id(store, "Cho Tae-yul");
  store.merge_node_props(
      {{wang, R"({"pagerank":0.25,"community":3})"}, {cho, R"({"pagerank":0.1})"}});
  CHECK(store.node(wang)->props_json == R"({"pagerank":0.25,"community":3})");
  store.merge_node_props({{wang, R"({"pagerank":0.5})"}});
  CHECK(store.node(wang)->props_json == R"({"pagerank":0.5,"community":3})");
  CHECK_THROWS_WITH(store.merge_node_props({{wang, "[1,2]"}}), Contains("not a JSON object"));
  CHECK_THROWS_WITH(store.merge_node_props({{cho, R"({"x":1})"}, {999999, R"({"x":1})"}}),
                    Contains("999999"));
  CHECK(store.node(cho)->props_json == R"({"pagerank":0.1})");  // rolled back with the bad one
}

TEST_CASE("A read-only store reads but refuses every write", "[store]") {
  TempDir dir;
  const std::string path = dir.file("skein.db");
  { Store(path).put(document_a()); }
  Store store(path, read_only());
  CHECK(store.stats().documents == 1);
  CHECK(all_edges(store).size() == 2);
  CHECK_THROWS_WITH(store.put(document_b()), Contains(path) && Contains("read-only"));
  CHECK_THROWS_WITH(Store::Batch(store), Contains("read-only"));
  CHECK_THROWS_AS(store.merge_node_props({}), StoreError);
  CHECK_THROWS_AS(store.set_relation_symmetry("met-with", false), StoreError);
}

TEST_CASE("A writer blocked by another names the store and the wait", "[store]") {
  TempDir dir;
  const std::string path = dir.file("busy.db");
  Store first(path);
  Store second(path, short_wait());
  Store::Batch batch(first);
  first.put(document_a());
  CHECK_THROWS_WITH(second.put(document_b()), Contains(path) && Contains("locked"));
  // Readers are not blocked by the writer under WAL; they see the last commit.
  CHECK(second.stats().documents == 0);
  batch.commit();
  CHECK(second.stats().documents == 1);
  CHECK(second.put(document_b()) == PutOutcome::kAdded);
}

TEST_CASE("The views show names, weights and sentences to plain sqlite3 users", "[store]") {
  TempDir dir;
  const std::string path = dir.file("skein.db");
  { Store(path).put(document_a()); }
  SQLite::Database raw(path);
  SQLite::Statement edges(raw, "SELECT type, source, target, weight FROM v_edges ORDER BY type");
  REQUIRE(edges.executeStep());
  CHECK(edges.getColumn(0).getString() == "met-with");
  CHECK(edges.getColumn(3).getDouble() == 1);
  SQLite::Statement evidence(raw,
                             "SELECT sentence, uri FROM v_evidence WHERE type = 'trades-with'");
  REQUIRE(evidence.executeStep());
  CHECK(evidence.getColumn(0).getString() == "China and Korea trade a lot.");
  CHECK(evidence.getColumn(1).getString() == "news/a.txt");
  SQLite::Statement nodes(raw, "SELECT mentions, degree FROM v_nodes WHERE name = 'Wang Yi'");
  REQUIRE(nodes.executeStep());
  CHECK(nodes.getColumn(0).getInt() == 1);
  CHECK(nodes.getColumn(1).getInt() == 1);
  CHECK(query_int(raw,
                  "SELECT count(*) FROM v_mentions WHERE text = 'Qingdao' AND kind = 'name'") == 1);
}
