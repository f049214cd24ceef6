// Readers (show, path, render, export, stats, entities, relations) run in a loop while a long
// ingest commits small batches. WAL gives each reader one consistent snapshot: none may fail
// with "database is locked", crash, or see a half-written batch.

#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <set>

#include "HardeningSupport.h"

using skein::hardening::Background;
using skein::hardening::Outcome;
using skein::hardening::quoted_binary;
using skein::hardening::run;
using skein::hardening::store_health;
using skein::testing::shell_quote;
using skein::testing::TempDir;

namespace {

// Every edge of a Cytoscape export ends at nodes of the same export.
bool export_is_closed(const std::string& text) {
  rapidjson::Document json;
  json.Parse(text.c_str());
  if (json.HasParseError() || !json.HasMember("elements")) return false;
  std::set<std::string> nodes;
  for (const auto& node : json["elements"]["nodes"].GetArray())
    nodes.insert(node["data"]["id"].GetString());
  for (const auto& edge : json["elements"]["edges"].GetArray()) {
    if (!nodes.count(edge["data"]["source"].GetString()) ||
        !nodes.count(edge["data"]["target"].GetString())) {
      return false;
    }
  }
  return true;
}

}  // namespace

TEST_CASE("readers during a long ingest see consistent snapshots and never a locked store",
          "[hardening][concurrency]") {
  TempDir dir;
  dir.write("seed.txt",
            "Chinese Foreign Minister Wang Yi met with his South Korean counterpart Park Jin in "
            "Qingdao on Tuesday. Japan and China signed a trade agreement in Tokyo.\n");
  REQUIRE(run("--db store.db ingest -q seed.txt", dir.path()).exit_code == 0);

  const auto corpus = skein::testing::shared_dir() / "corpus" / "bbc";
  Background ingest(quoted_binary() + " --db store.db ingest -q -j 2 --batch 3 " +
                        shell_quote(corpus.string()) + " >ingest.out 2>ingest.err",
                    dir.path());
  const std::vector<std::string> readers = {
      "stats --json", "show 'Wang Yi'", "path 'Wang Yi' China",   "render -f dot",
      "export json",  "entities -n 20", "relations --json -n 20", "export graphml",
  };
  int runs = 0;
  int during_ingest = 0;
  long long last_documents = 0;
  // Keep reading while the ingest runs (and at least one full round).
  for (int round = 0; round < 200 && (round == 0 || ingest.running()); ++round) {
    for (const auto& reader : readers) {
      const bool ingest_running = ingest.running();
      Outcome outcome = run("--db store.db " + reader, dir.path(), std::chrono::seconds(120));
      ++runs;
      if (ingest_running) ++during_ingest;
      INFO(reader << "\n" << outcome.err);
      CHECK(outcome.exit_code == 0);
      CHECK(outcome.err.find("locked") == std::string::npos);
      CHECK(outcome.err.find("busy") == std::string::npos);
      if (reader == "stats --json") {
        rapidjson::Document json;
        json.Parse(outcome.out.c_str());
        REQUIRE_FALSE(json.HasParseError());
        const long long documents = json["documents"].GetInt64();
        CHECK(documents >= last_documents);  // snapshots only move forward
        last_documents = documents;
      }
      if (reader == "export json") CHECK(export_is_closed(outcome.out));
    }
  }
  const int ingest_exit = ingest.wait();
  CHECK(ingest_exit == 2);  // one corpus file is not UTF-8; everything else is stored
  CHECK(store_health(dir / "store.db") == "ok");
  WARN(runs << " reader runs, " << during_ingest << " of them while the ingest was running");
  CHECK(during_ingest >= 8);
}
