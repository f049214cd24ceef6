#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>

#include "StoreFixtures.h"
#include "core/Error.h"
#include "store/Migrations.h"
#include "store/Store.h"

using namespace skein;
using namespace skein::store;
using namespace skein::store::test;
using Catch::Matchers::Contains;

namespace {

const std::vector<Migration> kThreeSteps = {
    {1, "001_a.sql", "CREATE TABLE a (x INTEGER);"},
    {2, "002_b.sql", "CREATE TABLE b (y INTEGER); INSERT INTO a VALUES (2);"},
    {3, "003_c.sql", "CREATE TABLE c (z INTEGER); INSERT INTO nowhere VALUES (1);"},
};

StoreOptions read_only_options() {
  StoreOptions options;
  options.read_only = true;
  return options;
}

bool has_table(SQLite::Database& db, const std::string& name) {
  SQLite::Statement statement(db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?");
  statement.bind(1, name);
  return statement.executeStep();
}

}  // namespace

TEST_CASE("The embedded migrations are the schema folder's files, numbered from 1", "[store]") {
  const auto& migrations = embedded_migrations();
  REQUIRE_FALSE(migrations.empty());
  for (std::size_t i = 0; i < migrations.size(); ++i) {
    CHECK(migrations[i].version == static_cast<int>(i + 1));
    const std::string on_disk =
        read_bytes(std::string(SKEIN_SOURCE_DIR) + "/schema/" + std::string(migrations[i].name));
    CHECK(on_disk == migrations[i].sql);  // the build re-embeds an edited file
  }
  CHECK(Store::latest_schema_version() == migrations.back().version);
}

TEST_CASE("Migrations apply in order and a failing one leaves the last good version", "[store]") {
  TempDir dir;
  const std::string path = dir.file("m.db");
  SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  const std::vector<Migration> first_two(kThreeSteps.begin(), kThreeSteps.begin() + 2);

  CHECK(apply_migrations(db.getHandle(), path, {kThreeSteps.front()}) == 1);
  CHECK(has_table(db, "a"));
  CHECK_FALSE(has_table(db, "b"));
  CHECK(apply_migrations(db.getHandle(), path, first_two) == 2);  // only 002 runs
  CHECK(query_int(db, "SELECT count(*) FROM a") == 1);
  CHECK(apply_migrations(db.getHandle(), path, first_two) == 2);  // nothing to do
  CHECK(query_int(db, "SELECT count(*) FROM a") == 1);

  CHECK_THROWS_WITH(apply_migrations(db.getHandle(), path, kThreeSteps),
                    Contains(path) && Contains("003_c.sql") && Contains("nowhere"));
  CHECK(read_schema_version(db.getHandle(), path) == 2);
  CHECK_FALSE(has_table(db, "c"));  // the failed file's DDL was rolled back with it

  // A store newer than the list is refused, not "migrated" backwards.
  CHECK_THROWS_WITH(apply_migrations(db.getHandle(), path, {kThreeSteps.front()}),
                    Contains("newer"));
}

TEST_CASE("Migrations refuse a database that has tables but no Skein version", "[store]") {
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE);
  db.exec("CREATE TABLE recipes (name TEXT)");
  CHECK_THROWS_WITH(apply_migrations(db.getHandle(), "other.db", kThreeSteps),
                    Contains("other.db") && Contains("not a Skein store"));
  CHECK_FALSE(has_table(db, "a"));
}

TEST_CASE("Store errors say what SQLite meant in words", "[store]") {
  CHECK(describe_sqlite_error(5 /* SQLITE_BUSY */, "database is locked", 10000) ==
        "database is locked (another writer held it for 10 s)");
  CHECK(describe_sqlite_error(5, "database is locked", 250) ==
        "database is locked (another writer held it for 250 ms)");
  CHECK_THAT(describe_sqlite_error(26 /* SQLITE_NOTADB */, "file is not a database", 0),
             Contains("not a Skein store") && Contains("file is not a database"));
}

TEST_CASE(
    "An empty store file opened read-only says nothing was ingested, and a writer initialises it",
    "[store]") {
  TempDir dir;
  const std::string path = dir.file("empty.db");
  // What a run killed before its first migration committed leaves: a WAL file, no table.
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    raw.exec("PRAGMA journal_mode = WAL");
  }
  REQUIRE_THROWS_WITH(Store(path, read_only_options()),
                      Contains("empty.db: an empty store, nothing ingested"));
  Store store(path);
  CHECK(store.schema_version() == Store::latest_schema_version());
}

TEST_CASE("A version 1 store is migrated on open and keeps its rows", "[store]") {
  TempDir dir;
  const std::string path = dir.file("v1.db");
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    REQUIRE(apply_migrations(raw.getHandle(), path, {embedded_migrations().front()}) == 1);
    raw.exec(
        "INSERT INTO documents (uri, sha256, ingested_at, text_bytes, text) "
        "VALUES ('old.txt', 'abc', '2024-01-01T00:00:00Z', 11, 'Seoul rises');"
        "INSERT INTO nodes (label, key, name) VALUES ('Place', 'seoul', 'Seoul');"
        "INSERT INTO mentions (node, document, byte_start, byte_end) VALUES (1, 1, 0, 5);");
  }
  REQUIRE_THROWS_WITH(Store(path, read_only_options()), Contains("needs migrating"));
  Store store(path);
  CHECK(store.schema_version() == Store::latest_schema_version());
  auto mentions = store.mentions(1);
  REQUIRE(mentions.size() == 1);
  CHECK(mentions.front().text == "Seoul");
  CHECK(mentions.front().kind.empty());
  CHECK(store.contains("old.txt", "abc"));
}

TEST_CASE("A version 2 store gains empty file stamps on open and keeps its rows", "[store]") {
  TempDir dir;
  const std::string path = dir.file("v2.db");
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    const auto& all = embedded_migrations();
    REQUIRE(all.size() >= 3);
    REQUIRE(apply_migrations(raw.getHandle(), path, {all[0], all[1]}) == 2);
    raw.exec(
        "INSERT INTO documents (uri, sha256, ingested_at, text_bytes, text) "
        "VALUES ('old.txt', 'abc', '2024-01-01T00:00:00Z', 11, 'Seoul rises');"
        "INSERT INTO nodes (label, key, name) VALUES ('Place', 'seoul', 'Seoul');"
        "INSERT INTO mentions (node, document, byte_start, byte_end, kind) "
        "VALUES (1, 1, 0, 5, 'name');");
  }
  REQUIRE_THROWS_WITH(Store(path, read_only_options()), Contains("needs migrating"));
  {
    Store store(path);
    CHECK(store.schema_version() == Store::latest_schema_version());
    CHECK(store.contains("old.txt", "abc"));
    REQUIRE(store.mentions(1).size() == 1);
    CHECK(store.mentions(1).front().kind == "name");
    // Rows from before the stamps have none (NULL): they are read and hashed as before.
    SQLite::Database raw(path);
    CHECK(query_int(raw,
                    "SELECT count(*) FROM documents "
                    "WHERE file_size IS NULL AND file_mtime_ns IS NULL") == 1);
    CHECK(query_int(raw,
                    "SELECT count(*) FROM sqlite_schema "
                    "WHERE type = 'index' AND name = 'documents_file_stamp'") == 1);
    CHECK_FALSE(store.has_file_stamp("old.txt", {11, 0}));
    store.set_file_stamp("old.txt", {11, 42});
    CHECK(store.has_file_stamp("old.txt", {11, 42}));
    CHECK(query_int(raw, "SELECT file_mtime_ns FROM documents WHERE uri = 'old.txt'") == 42);
  }
}

TEST_CASE("A new store knows no relation type until the ontology is declared to it", "[store]") {
  // 001 pre-filled met-with and trades-with as symmetric; 006 takes that back from a store
  // that holds nothing, so symmetry has one home, the ontology (schema/ontology.rules).
  Store store(":memory:");
  CHECK(store.relation_types().empty());
  store.set_relation_symmetry("allied-with", true);
  CHECK(store.relation_types() == std::vector<std::pair<std::string, bool>>{{"allied-with", true}});
}

TEST_CASE("Migration 006 leaves a store that holds documents with its relation types", "[store]") {
  TempDir dir;
  const auto& all = embedded_migrations();
  REQUIRE(all.size() >= 6);
  const std::vector<Migration> before_006(all.begin(), all.begin() + 5);
  const auto make = [&](const std::string& name, const std::string& rows) {
    const std::string path = dir.file(name);
    SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    REQUIRE(apply_migrations(raw.getHandle(), path, before_006) == 5);
    if (!rows.empty()) raw.exec(rows);
    return path;
  };
  using Types = std::vector<std::pair<std::string, bool>>;
  const Types prefilled = {{"met-with", true}, {"trades-with", true}};

  // A store with data: the pre-filled types filed its edges, so they stay as they were.
  const std::string used =
      make("used.db",
           "INSERT INTO documents (uri, sha256, ingested_at, text_bytes, text) "
           "VALUES ('old.txt', 'abc', '2024-01-01T00:00:00Z', 5, 'Seoul');");
  CHECK(Store(used).relation_types() == prefilled);

  // An empty store made before 006 is as if made now: no types until declared.
  const std::string empty = make("empty.db", "");
  Store store(empty);
  CHECK(store.schema_version() == Store::latest_schema_version());
  CHECK(store.relation_types().empty());
}
