// End-to-end tests of the skein command line: exit codes, help, errors, and the
// ingest -> store -> read round trip on small inputs.

#include <fcntl.h>
#include <rapidjson/document.h>
#include <sys/stat.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "CliRunner.h"

using skein::testing::run_skein;
using skein::testing::shell_quote;
using skein::testing::TempDir;

namespace {

rapidjson::Document parse_json(const std::string& text) {
  rapidjson::Document document;
  document.Parse(text.c_str());
  REQUIRE_FALSE(document.HasParseError());
  return document;
}

const char* kArticle =
    "Ministers meet in Seoul\n\n"
    "Chinese Foreign Minister Wang Yi met with his South Korean counterpart Park Jin in Qingdao, "
    "east China's Shandong Province, on Tuesday. China was South Korea's largest trading partner "
    "last year.\n";

// Sets a file's modification time to `ns` nanoseconds since the epoch (as touch -d would).
void set_mtime_ns(const std::filesystem::path& path, std::int64_t ns) {
  const timespec times[2] = {
      {0, UTIME_OMIT},
      {static_cast<time_t>(ns / 1'000'000'000), static_cast<long>(ns % 1'000'000'000)}};
  REQUIRE(::utimensat(AT_FDCWD, path.c_str(), times, 0) == 0);
}

// Long settled (ingest stamps only files not modified in the last seconds), with nanoseconds.
constexpr std::int64_t kLongAgo = 1'600'000'000'123'456'789;

// Writes a file dated kLongAgo, so ingest stamps it.
std::filesystem::path write_settled(const TempDir& dir, const std::string& name,
                                    const std::string& content) {
  const auto path = dir.write(name, content);
  set_mtime_ns(path, kLongAgo);
  return path;
}

const char* const kTradeTalks = "Trade talks\n\nJapan exports cars to Germany.\n";

}  // namespace

TEST_CASE("skein with no command prints the overview and exits 1", "[cli]") {
  TempDir dir;
  auto result = run_skein("", dir.path());
  CHECK(result.exit_code == 1);
  CHECK(result.out.find("ingest") != std::string::npos);
}

TEST_CASE("every subcommand answers --help with exit 0", "[cli]") {
  TempDir dir;
  auto overview = run_skein("--help", dir.path());
  REQUIRE(overview.exit_code == 0);
  // The command names are the first word of each indented line after "commands:".
  std::istringstream lines(overview.out.substr(overview.out.find("commands:")));
  std::string line;
  std::getline(lines, line);
  int commands = 0;
  while (std::getline(lines, line) && line.rfind("  ", 0) == 0) {
    std::string name = line.substr(2, line.find(' ', 2) - 2);
    auto help = run_skein(name + " --help", dir.path());
    INFO(name);
    CHECK(help.exit_code == 0);
    CHECK(help.out.find("usage: skein " + name) != std::string::npos);
    ++commands;
  }
  CHECK(commands >= 7);
}

TEST_CASE("an unknown command or option is a usage error with exit 1", "[cli]") {
  TempDir dir;
  auto unknown = run_skein("frobnicate", dir.path());
  CHECK(unknown.exit_code == 1);
  CHECK(unknown.err.find("unknown command 'frobnicate'") != std::string::npos);
  auto bad_option = run_skein("stats --no-such-option", dir.path());
  CHECK(bad_option.exit_code == 1);
  CHECK(bad_option.err.find("--no-such-option") != std::string::npos);
  auto bad_number = run_skein("entities --limit many", dir.path());
  CHECK(bad_number.exit_code == 1);
}

TEST_CASE("reading a store that does not exist fails with exit 2 and creates nothing", "[cli]") {
  TempDir dir;
  auto result = run_skein("stats --db missing.db", dir.path());
  CHECK(result.exit_code == 2);
  CHECK(result.err.find("missing.db") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir / "missing.db"));
}

TEST_CASE("a file that is not a store is refused and left untouched", "[cli]") {
  TempDir dir;
  const std::string garbage = "this is not a SQLite database, just some text\n";
  auto path = dir.write("notes.db", garbage);
  auto article = dir.write("a.txt", kArticle);
  auto result = run_skein("ingest --db notes.db a.txt", dir.path());
  CHECK(result.exit_code == 2);
  CHECK(result.err.find("notes.db") != std::string::npos);
  std::ifstream in(path, std::ios::binary);
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(content == garbage);
}

TEST_CASE("ingest stores documents once and a second run adds nothing", "[cli]") {
  TempDir dir;
  dir.write("docs/a.txt", kArticle);
  dir.write("docs/b.txt", "Trade talks\n\nJapan exports cars to Germany.\n");
  auto first = run_skein("ingest -q docs", dir.path());
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  CHECK(first.out.find("2 new") != std::string::npos);

  auto stats1 = run_skein("stats --json", dir.path());
  REQUIRE(stats1.exit_code == 0);
  auto before = parse_json(stats1.out);
  CHECK(before["documents"].GetInt64() == 2);

  auto second = run_skein("ingest -q docs", dir.path());
  REQUIRE(second.exit_code == 0);
  CHECK(second.out.find("0 new") != std::string::npos);
  CHECK(second.out.find("2 unchanged") != std::string::npos);
  auto after = parse_json(run_skein("stats --json", dir.path()).out);
  for (const char* table :
       {"documents", "entities", "aliases", "relations", "mentions", "evidence"}) {
    INFO(table);
    CHECK(after[table].GetInt64() == before[table].GetInt64());
  }
}

TEST_CASE("a changed document replaces its old version", "[cli]") {
  TempDir dir;
  dir.write("a.txt", kArticle);
  REQUIRE(run_skein("ingest -q a.txt", dir.path()).exit_code == 0);
  dir.write("a.txt", "Weather report\n\nIt rained all day in a small town.\n");
  auto result = run_skein("ingest -q a.txt", dir.path());
  REQUIRE(result.exit_code == 0);
  CHECK(result.out.find("1 replaced") != std::string::npos);
  auto stats = parse_json(run_skein("stats --json", dir.path()).out);
  CHECK(stats["documents"].GetInt64() == 1);
  CHECK(stats["relations"].GetInt64() == 0);
}

TEST_CASE("a re-run skips files with their stored size and mtime, --rehash reads them all",
          "[cli]") {
  TempDir dir;
  const auto a = write_settled(dir, "docs/a.txt", kArticle);
  const auto b = write_settled(dir, "docs/b.txt", kTradeTalks);
  auto first = run_skein("ingest -q docs", dir.path());
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  CHECK(first.out.find("ingested 2 documents: 2 new, 0 replaced, 0 unchanged, 0 failed") == 0);
  // Skipped unread, yet counted as read and unchanged, exactly as when they were hashed.
  auto second = run_skein("ingest -q docs", dir.path());
  REQUIRE(second.exit_code == 0);
  CHECK(second.out.find("ingested 2 documents: 0 new, 0 replaced, 2 unchanged, 0 failed") == 0);

  // New text of the same size with the old mtime put back: the stamp is trusted...
  dir.write("docs/b.txt", "Trade talks\n\nJapan exports cars to Denmark.\n");
  set_mtime_ns(b, kLongAgo);
  auto trusted = run_skein("ingest -q docs", dir.path());
  REQUIRE(trusted.exit_code == 0);
  CHECK(trusted.out.find("0 new, 0 replaced, 2 unchanged") != std::string::npos);
  // ... and --rehash reads and hashes every file regardless.
  auto rehashed = run_skein("ingest -q --rehash docs", dir.path());
  INFO(rehashed.err);
  REQUIRE(rehashed.exit_code == 0);
  CHECK(rehashed.out.find("ingested 2 documents: 0 new, 1 replaced, 1 unchanged") == 0);

  auto help = run_skein("ingest --help", dir.path());
  CHECK(help.out.find("--rehash") != std::string::npos);
}

TEST_CASE("a file rewritten at the same size is replaced, a touched one is unchanged and restamped",
          "[cli]") {
  TempDir dir;
  const auto a = write_settled(dir, "docs/a.txt", kArticle);
  const auto b = write_settled(dir, "docs/b.txt", kTradeTalks);
  REQUIRE(run_skein("ingest -q docs", dir.path()).exit_code == 0);

  // Same size, new text, new mtime: read, hashed, replaced.
  dir.write("docs/b.txt", "Trade talks\n\nJapan exports cars to Denmark.\n");
  set_mtime_ns(b, kLongAgo + 1'000'000'000);
  auto changed = run_skein("ingest -q docs", dir.path());
  REQUIRE(changed.exit_code == 0);
  CHECK(changed.out.find("ingested 2 documents: 0 new, 1 replaced, 1 unchanged") == 0);

  // Touched (new mtime, same text): read, found unchanged by its hash, and its new stamp kept.
  set_mtime_ns(a, kLongAgo + 7'000'000'000);
  auto touched = run_skein("ingest -q docs", dir.path());
  REQUIRE(touched.exit_code == 0);
  CHECK(touched.out.find("ingested 2 documents: 0 new, 0 replaced, 2 unchanged") == 0);
  // Proof that the touched stamp was stored: a same-size edit hidden under that very mtime is
  // now trusted as unchanged (with the old stamp it would have been read and replaced).
  std::string edited = kArticle;
  edited[edited.find("Tuesday")] = 'X';
  dir.write("docs/a.txt", edited);
  set_mtime_ns(a, kLongAgo + 7'000'000'000);
  auto fast = run_skein("ingest -q docs", dir.path());
  REQUIRE(fast.exit_code == 0);
  CHECK(fast.out.find("0 new, 0 replaced, 2 unchanged") != std::string::npos);
  auto rehashed = run_skein("ingest -q --rehash docs", dir.path());
  REQUIRE(rehashed.exit_code == 0);
  CHECK(rehashed.out.find("0 new, 1 replaced, 1 unchanged") != std::string::npos);
}

TEST_CASE("a missing input path is reported by name, exit 2, and the others are stored", "[cli]") {
  TempDir dir;
  dir.write("a.txt", kArticle);
  auto result = run_skein("ingest -q a.txt nowhere.txt", dir.path());
  CHECK(result.exit_code == 2);
  CHECK(result.err.find("nowhere.txt") != std::string::npos);
  auto stats = parse_json(run_skein("stats --json", dir.path()).out);
  CHECK(stats["documents"].GetInt64() == 1);
}

TEST_CASE("a malformed JSONL line is reported with its line number and good lines are stored",
          "[cli]") {
  TempDir dir;
  dir.write(
      "docs.jsonl",
      "{\"id\":\"1\",\"title\":\"One\",\"text\":\"Angela Merkel met Emmanuel Macron in Paris.\"}\n"
      "{\"id\":\"2\",\"text\": broken\n"
      "{\"id\":\"3\",\"text\":\"Brazil exports coffee to Japan.\",\"published\":\"2021-03-04\"}\n");
  auto result = run_skein("ingest -q docs.jsonl", dir.path());
  CHECK(result.exit_code == 2);
  CHECK(result.err.find("docs.jsonl:2") != std::string::npos);
  auto stats = parse_json(run_skein("stats --json", dir.path()).out);
  CHECK(stats["documents"].GetInt64() == 2);
}

TEST_CASE("ingest reads a document from stdin", "[cli]") {
  TempDir dir;
  auto result = run_skein("ingest -q -", dir.path(), kArticle);
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  auto stats = parse_json(run_skein("stats --json", dir.path()).out);
  CHECK(stats["documents"].GetInt64() == 1);
}

TEST_CASE("extract writes one JSON object per document following the contract", "[cli]") {
  TempDir dir;
  auto result = run_skein("extract", dir.path(), kArticle);
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  REQUIRE(std::count(result.out.begin(), result.out.end(), '\n') == 1);
  auto json = parse_json(result.out);
  REQUIRE(json.HasMember("document"));
  const std::string text = json["document"]["text"].GetString();
  CHECK(text == kArticle);
  CHECK(json["document"]["sha256"].GetStringLength() == 64);
  REQUIRE(json["entities"].IsArray());
  CHECK(json["entities"].Size() > 0);
  for (const auto& entity : json["entities"].GetArray()) {
    for (const auto& mention : entity["mentions"].GetArray()) {
      auto start = mention["start"].GetUint64();
      auto end = mention["end"].GetUint64();
      REQUIRE(end <= text.size());
      CHECK(text.substr(start, end - start) == mention["text"].GetString());
    }
  }
  for (const auto& relation : json["relations"].GetArray()) {
    CHECK(relation["evidence"].Size() > 0);
    CHECK(relation["confidence"].GetDouble() >= 0.0);
    CHECK(relation["confidence"].GetDouble() <= 1.0);
  }
}

TEST_CASE("extract output loads into a store like a direct ingest", "[cli]") {
  TempDir dir;
  dir.write("a.txt", kArticle);
  auto extracted = run_skein("extract a.txt", dir.path());
  REQUIRE(extracted.exit_code == 0);
  dir.write("a.jsonl", extracted.out);
  auto loaded = run_skein("load --db loaded.db a.jsonl", dir.path());
  INFO(loaded.err);
  REQUIRE(loaded.exit_code == 0);
  REQUIRE(run_skein("ingest -q --db direct.db a.txt", dir.path()).exit_code == 0);
  auto via_load = parse_json(run_skein("stats --json --db loaded.db", dir.path()).out);
  auto direct = parse_json(run_skein("stats --json --db direct.db", dir.path()).out);
  for (const char* table : {"documents", "entities", "relations", "mentions", "evidence"}) {
    INFO(table);
    CHECK(via_load[table].GetInt64() == direct[table].GetInt64());
  }
}

TEST_CASE("show prints an entity card, and an unknown name gets suggestions", "[cli]") {
  TempDir dir;
  dir.write("a.txt", kArticle);
  REQUIRE(run_skein("ingest -q a.txt", dir.path()).exit_code == 0);
  auto card = run_skein("show 'south korea'", dir.path());
  INFO(card.err);
  REQUIRE(card.exit_code == 0);
  CHECK(card.out.find("South Korea") != std::string::npos);
  CHECK(card.out.find("[Country]") != std::string::npos);
  auto json = parse_json(run_skein("show --json ROK", dir.path()).out);
  CHECK(std::string(json["name"].GetString()) == "South Korea");

  auto unknown = run_skein("show 'South Koria'", dir.path());
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.find("did you mean") != std::string::npos);
}

TEST_CASE("entities and relations list what was stored, as tables and as JSON", "[cli]") {
  TempDir dir;
  dir.write("a.txt", kArticle);
  REQUIRE(run_skein("ingest -q a.txt", dir.path()).exit_code == 0);
  auto entities = parse_json(run_skein("entities --json --limit 0", dir.path()).out);
  bool found_wang_yi = false;
  for (const auto& entity : entities["entities"].GetArray()) {
    if (std::string(entity["name"].GetString()) == "Wang Yi") {
      found_wang_yi = true;
      CHECK(std::string(entity["label"].GetString()) == "Person");
    }
  }
  CHECK(found_wang_yi);
  auto table = run_skein("relations", dir.path());
  REQUIRE(table.exit_code == 0);
  CHECK(table.out.find("met-with") != std::string::npos);
  auto relations = parse_json(run_skein("relations --json --type met-with", dir.path()).out);
  REQUIRE(relations["relations"].Size() >= 1);
  for (const auto& relation : relations["relations"].GetArray()) {
    CHECK(std::string(relation["type"].GetString()) == "met-with");
  }
}

TEST_CASE("rank --by betweenness --weighted is exact and components --strong refines components",
          "[cli]") {
  TempDir dir;
  const std::string articles = shell_quote(std::string(SKEIN_SOURCE_DIR) + "/examples/articles");
  REQUIRE(run_skein("ingest -q " + articles, dir.path()).exit_code == 0);
  const auto weighted = run_skein("rank --by betweenness --weighted --top 0 --json", dir.path());
  REQUIRE(weighted.exit_code == 0);
  const auto plain = run_skein("rank --by betweenness --top 0 --json", dir.path());
  REQUIRE(plain.exit_code == 0);
  CHECK(parse_json(weighted.out).IsObject());
  // Weighted betweenness cannot be sampled: a usage error, exit 1.
  CHECK(run_skein("rank --by betweenness --weighted --samples 5", dir.path()).exit_code == 1);
  // Every strong component lies inside one connected component, so there are at least as
  // many; the examples' one-way relations (located-in) make strictly more.
  const auto connected = parse_json(run_skein("components --json --limit 0", dir.path()).out);
  const auto strong = parse_json(run_skein("components --strong --json --limit 0", dir.path()).out);
  CHECK(strong["nodes"].GetUint64() == connected["nodes"].GetUint64());
  CHECK(strong["components"].GetUint64() > connected["components"].GetUint64());
}
