// Crash safety: `skein ingest` killed with SIGKILL at random moments leaves a store that passes
// SQLite's integrity and foreign-key checks, holds only whole documents (each stored document
// has exactly the mentions and evidence a clean run gives it), and a re-run finishes the job
// with the same graph as an uninterrupted run.

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <catch2/catch.hpp>
#include <map>
#include <random>
#include <thread>

#include "HardeningSupport.h"

using skein::hardening::Background;
using skein::hardening::query;
using skein::hardening::query_one;
using skein::hardening::quoted_binary;
using skein::hardening::run;
using skein::hardening::store_health;
using skein::testing::shell_quote;
using skein::testing::TempDir;

namespace {

// BBC sport: 511 real articles, one of them not UTF-8 (so a run ends with exit 2). One
// category keeps the ~30 ingests the test runs within a few minutes now that extraction tags
// and parses.
std::filesystem::path corpus() { return skein::testing::shared_dir() / "corpus" / "bbc" / "sport"; }

// uri -> "sha256 mentions evidence" for every stored document. A kill in the first moments of
// a run can land after SQLite created the file but before the first schema migration
// committed: such a store is at version 0 and must hold no table at all (the next run
// migrates it), and it holds no documents.
std::map<std::string, std::string> per_document(const std::filesystem::path& db) {
  std::map<std::string, std::string> out;
  if (query_one(db, "PRAGMA user_version") == "0") {
    CHECK(query_one(db, "SELECT count(*) FROM sqlite_master") == "0");
    return out;
  }
  for (const auto& row :
       query(db,
             "SELECT d.uri, d.sha256, (SELECT count(*) FROM mentions m WHERE m.document = d.id), "
             "(SELECT count(*) FROM evidence e WHERE e.document = d.id) FROM documents d")) {
    out[row[0]] = row[1] + " " + row[2] + " " + row[3];
  }
  return out;
}

std::string compact(const rapidjson::Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  return buffer.GetString();
}

// The graph as the CLI reports it, keyed by stable ids, without the store's row numbers
// ("node", "edge"), which depend on the order rows happened to be inserted.
std::map<std::string, std::string> graph_of(const std::filesystem::path& dir) {
  std::map<std::string, std::string> graph;
  for (const char* listing : {"entities", "relations"}) {
    auto outcome = run(std::string("--db store.db ") + listing + " --json -n 0", dir);
    REQUIRE(outcome.exit_code == 0);
    rapidjson::Document json;
    json.Parse(outcome.out.c_str());
    REQUIRE_FALSE(json.HasParseError());
    for (auto& item : json[listing].GetArray()) {
      std::string key;
      if (item.HasMember("node")) {
        key = std::string("entity ") + item["id"].GetString();
        item.RemoveMember("node");
      } else {
        key = std::string("relation ") + item["type"].GetString() + " " +
              item["source"].GetString() + " " + item["target"].GetString();
        item.RemoveMember("edge");
      }
      graph[key] = compact(item);
    }
  }
  return graph;
}

}  // namespace

TEST_CASE(
    "ingest killed with SIGKILL at random points leaves whole documents and resumes to "
    "the same graph",
    "[hardening][crash]") {
  REQUIRE(std::filesystem::is_directory(corpus()));
  const std::string args =
      "--db store.db ingest -q -j 2 --batch 7 " + shell_quote(corpus().string());

  // The uninterrupted reference run (one file of the corpus is not UTF-8: exit 2 is expected).
  TempDir clean;
  auto reference = run(args, clean.path(), std::chrono::seconds(300));
  REQUIRE(reference.exit_code == 2);
  const auto clean_documents = per_document(clean / "store.db");
  const auto clean_graph = graph_of(clean.path());
  REQUIRE(clean_documents.size() > 500);
  const double full_seconds = reference.seconds;

  std::random_device device;
  const unsigned seed = device();
  std::mt19937 random(seed);
  INFO("random seed " << seed << ", reference run " << full_seconds << " s");

  int kills = 0;
  int stores = 0;
  // Each round starts a fresh store and kills ingests into it at random moments until one
  // run gets to the end by itself (or six kills): the later kills of a round land in runs
  // that resume a partly filled store. Then it runs to completion and is compared.
  for (int round = 0; round < 24 && kills < 24; ++round) {
    TempDir dir;
    ++stores;
    for (int attempt = 0; attempt < 6; ++attempt) {
      // A resumed run skips what is already stored, so it has less left to do: each later kill
      // of a round is drawn from a shorter window, or most of them would come too late.
      std::uniform_real_distribution<double> moment(0.02, full_seconds * 0.8 / (attempt + 1));
      const double delay = moment(random);
      Background ingest(quoted_binary() + " " + args + " >/dev/null 2>&1", dir.path());
      std::this_thread::sleep_for(std::chrono::duration<double>(delay));
      const bool was_running = ingest.running();
      ingest.kill_hard();
      if (!was_running) break;  // it finished first: this store is complete
      ++kills;
      INFO("round " << round << " kill " << attempt << " after " << delay << " s");
      if (!std::filesystem::exists(dir / "store.db")) continue;  // killed before creating it
      REQUIRE(store_health(dir / "store.db") == "ok");
      // Every document that made it in is whole: same text hash, mentions and evidence as in
      // the clean run.
      for (const auto& [uri, summary] : per_document(dir / "store.db")) {
        auto found = clean_documents.find(uri);
        REQUIRE(found != clean_documents.end());
        INFO(uri);
        CHECK(summary == found->second);
      }
    }
    auto resumed = run(args, dir.path(), std::chrono::seconds(300));
    CHECK(resumed.exit_code == 2);
    CHECK(store_health(dir / "store.db") == "ok");
    CHECK(per_document(dir / "store.db") == clean_documents);
    CHECK(graph_of(dir.path()) == clean_graph);
    // A second re-run changes nothing.
    auto again = run(args, dir.path(), std::chrono::seconds(300));
    CHECK(again.out.find(" 0 new, 0 replaced") != std::string::npos);
  }
  WARN(kills << " kills across " << stores << " stores (reference run " << full_seconds << " s)");
  CHECK(kills >= 20);
}
