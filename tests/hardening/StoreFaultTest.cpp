// Store faults: disk full (a file-size limit, and a tiny tmpfs where mounting is allowed),
// a read-only file system, a store locked by another writer, files that are not Skein stores,
// and stores from a newer schema. Each ends in exit code 2 with one line naming the store,
// leaves what was committed intact, and never overwrites a file that is not ours.

#include <algorithm>
#include <catch2/catch.hpp>
#include <thread>

#include "HardeningSupport.h"

using skein::hardening::Background;
using skein::hardening::query_one;
using skein::hardening::quoted_binary;
using skein::hardening::run;
using skein::hardening::run_shell;
using skein::hardening::store_health;
using skein::hardening::well_formed_errors;
using skein::testing::read_file;
using skein::testing::shell_quote;
using skein::testing::TempDir;

namespace {

std::string corpus_dir(const std::string& section) {
  return shell_quote((skein::testing::shared_dir() / "corpus" / "bbc" / section).string());
}

const char* kArticle = "Japan and China signed a trade agreement in Tokyo on Monday.\n";

// True when this process may create mount namespaces and mount tmpfs in them (root in most
// containers and CI runners; not everywhere).
bool can_mount(const TempDir& dir) {
  std::filesystem::create_directories(dir / "probe");
  auto probe = run_shell("unshare -m sh -c 'mount -t tmpfs -o size=64k tmpfs probe'", dir.path(),
                         std::chrono::seconds(20));
  return probe.exit_code == 0;
}

}  // namespace

TEST_CASE("a file-size limit (ulimit -f) mid-ingest is a clear store error, not SIGXFSZ",
          "[hardening][store-fault]") {
  TempDir dir;
  // 2,000 blocks of 512 bytes: about 1 MB, far less than the business section needs.
  auto outcome = run_shell("ulimit -f 2000; " + quoted_binary() +
                               " --db store.db ingest -q --batch 20 " + corpus_dir("business"),
                           dir.path(), std::chrono::seconds(180));
  INFO(outcome.err);
  CHECK(outcome.exit_code == 2);  // not 128 + SIGXFSZ (153)
  CHECK(outcome.err.find("store.db: ") != std::string::npos);
  CHECK(well_formed_errors(outcome.err, "ingest"));
  // Whatever was committed before the failure is intact and whole.
  CHECK(store_health(dir / "store.db") == "ok");
  CHECK(query_one(dir / "store.db",
                  "SELECT count(*) FROM documents d WHERE NOT EXISTS "
                  "(SELECT 1 FROM mentions m WHERE m.document = d.id)") == "0");
}

TEST_CASE("a full file system mid-ingest is a clear store error and keeps committed batches",
          "[hardening][store-fault]") {
  TempDir dir;
  if (!can_mount(dir)) {
    WARN("cannot mount tmpfs here: the disk-full case is covered by the ulimit -f test only");
    return;
  }
  std::filesystem::create_directories(dir / "small");
  // The store lives on a 3 MiB tmpfs in a private mount namespace; it is copied out before the
  // namespace (and the mount) goes away.
  auto outcome =
      run_shell("unshare -m sh -c 'mount -t tmpfs -o size=3m tmpfs small && " + quoted_binary() +
                    " --db small/store.db ingest -q --batch 50 " + corpus_dir("business") +
                    "; code=$?; cp small/store.db* . ; exit $code'",
                dir.path(), std::chrono::seconds(180));
  INFO(outcome.err);
  CHECK(outcome.exit_code == 2);
  CHECK(outcome.err.find("small/store.db: ") != std::string::npos);
  CHECK(outcome.err.find("full") != std::string::npos);
  CHECK(well_formed_errors(outcome.err, "ingest"));
  CHECK(store_health(dir / "store.db") == "ok");
  const auto stored = std::stoll(query_one(dir / "store.db", "SELECT count(*) FROM documents"));
  CHECK(stored % 50 == 0);  // whole batches only
  CHECK(query_one(dir / "store.db",
                  "SELECT count(*) FROM documents d WHERE NOT EXISTS "
                  "(SELECT 1 FROM mentions m WHERE m.document = d.id)") == "0");
}

TEST_CASE("a store on a read-only file system is refused for writing and left unchanged",
          "[hardening][store-fault]") {
  TempDir dir;
  if (!can_mount(dir)) {
    WARN("cannot bind-mount here: read-only file system case not run");
    return;
  }
  dir.write("ro/a.txt", kArticle);
  REQUIRE(run("--db ro/store.db ingest -q ro/a.txt", dir.path()).exit_code == 0);
  const std::string before = read_file(dir / "ro/store.db");
  // Root ignores file modes, so chmod cannot make a read-only store here: a read-only bind
  // mount of its directory (in a private mount namespace) can.
  auto outcome =
      run_shell("unshare -m sh -c 'mount --bind ro ro && mount -o remount,ro,bind ro && " +
                    quoted_binary() + " --db ro/store.db ingest -q " + corpus_dir("tech") + "'",
                dir.path(), std::chrono::seconds(120));
  INFO(outcome.err);
  CHECK(outcome.exit_code == 2);
  CHECK(outcome.err.find("ro/store.db: ") != std::string::npos);
  CHECK(well_formed_errors(outcome.err, "ingest"));
  CHECK(read_file(dir / "ro/store.db") == before);
  // Readers work on read-only media: the store is opened as immutable there.
  auto reader = run_shell(
      "unshare -m sh -c 'mount --bind ro ro && mount -o remount,ro,bind ro && " + quoted_binary() +
          " --db ro/store.db stats --json && " + quoted_binary() + " --db ro/store.db entities'",
      dir.path(), std::chrono::seconds(60));
  INFO(reader.err);
  CHECK(reader.exit_code == 0);
  CHECK(reader.out.find("\"documents\":1,") != std::string::npos);
  CHECK(read_file(dir / "ro/store.db") == before);
}

TEST_CASE("a store locked by another writer makes ingest wait, then fail clearly",
          "[hardening][store-fault]") {
  TempDir dir;
  dir.write("a.txt", kArticle);
  dir.write("b.txt", "France and Germany met in Paris.\n");
  REQUIRE(run("--db store.db ingest -q a.txt", dir.path()).exit_code == 0);

  SECTION("a lock held for longer than the busy timeout") {
    Background holder(
        "sh -c '(echo \"BEGIN EXCLUSIVE; DELETE FROM aliases WHERE 0;\"; sleep 40) | "
        "sqlite3 store.db'",
        dir.path());
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    auto outcome = run("--db store.db ingest -q b.txt", dir.path(), std::chrono::seconds(60));
    INFO(outcome.err);
    CHECK_FALSE(outcome.timed_out);
    CHECK(outcome.exit_code == 2);
    CHECK(outcome.err.find("store.db: ") != std::string::npos);
    CHECK((outcome.err.find("locked") != std::string::npos ||
           outcome.err.find("busy") != std::string::npos));
    CHECK(well_formed_errors(outcome.err, "ingest"));
    CHECK(outcome.seconds >= 5.0);  // it waited instead of failing at once
    // Readers are not blocked by a writer in WAL mode.
    auto stats = run("--db store.db stats", dir.path(), std::chrono::seconds(30));
    CHECK(stats.exit_code == 0);
    holder.kill_hard();
  }
  SECTION("a lock released within the busy timeout") {
    Background holder(
        "sh -c '(echo \"BEGIN EXCLUSIVE; DELETE FROM aliases WHERE 0;\"; sleep 2; "
        "echo COMMIT\\;) | sqlite3 store.db'",
        dir.path());
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    auto outcome = run("--db store.db ingest -q b.txt", dir.path(), std::chrono::seconds(60));
    INFO(outcome.err);
    CHECK(outcome.exit_code == 0);
    CHECK(query_one(dir / "store.db", "SELECT count(*) FROM documents") == "2");
    holder.wait();
  }
}

TEST_CASE("files that are not Skein stores are refused and never overwritten",
          "[hardening][store-fault]") {
  TempDir dir;
  dir.write("a.txt", kArticle);
  REQUIRE(run("--db good.db ingest -q a.txt", dir.path()).exit_code == 0);
  const std::string good = read_file(dir / "good.db");

  struct Victim {
    std::string name;
    std::string content;
  };
  std::vector<Victim> victims = {
      {"text.db", "this is a shopping list, not a database\n"},
      {"truncated.db", good.substr(0, 100)},
      {"header-only.db", good.substr(0, 16384 + 10)},
      {"garbled.db", good.substr(0, 4096) + std::string(good.size() - 4096, '\x5a')},
      {"zeros.db", std::string(65536, '\0')},
  };
  // A real SQLite database of someone else's (user_version 0 and tables of its own).
  REQUIRE(run_shell("sqlite3 foreign.db 'CREATE TABLE invoices (id INTEGER, total REAL); "
                    "INSERT INTO invoices VALUES (1, 9.5)'",
                    dir.path())
              .exit_code == 0);
  victims.push_back({"foreign.db", read_file(dir / "foreign.db")});
  for (const auto& victim : victims) {
    dir.write(victim.name, victim.content);
    // "@" stands for the victim's name.
    for (std::string command : std::vector<std::string>{
             "--db @ ingest -q a.txt", "--db @ stats", "--db @ entities", "--db @ export json",
             "--db @ load /dev/null", "merge @ good.db -o merged.db",
             "merge good.db --into-existing -o @"}) {
      command.replace(command.find('@'), 1, victim.name);
      INFO(command);
      auto outcome = run(command, dir.path(), std::chrono::seconds(60));
      INFO(outcome.err);
      CHECK(outcome.exit_code == 2);
      CHECK(outcome.err.find(victim.name + ": ") != std::string::npos);
      CHECK(std::count(outcome.err.begin(), outcome.err.end(), '\n') == 1);
      CHECK(read_file(dir / victim.name) == victim.content);
      std::filesystem::remove(dir / "merged.db");
    }
  }
  // A directory given as the store.
  std::filesystem::create_directories(dir / "folder.db");
  auto folder = run("--db folder.db ingest -q a.txt", dir.path());
  CHECK(folder.exit_code == 2);
  CHECK(folder.err.find("folder.db") != std::string::npos);
}

TEST_CASE("a store from a newer schema version is refused and left unchanged",
          "[hardening][store-fault]") {
  TempDir dir;
  dir.write("a.txt", kArticle);
  REQUIRE(run("--db store.db ingest -q a.txt", dir.path()).exit_code == 0);
  REQUIRE(run_shell("sqlite3 store.db 'PRAGMA user_version = 999'", dir.path()).exit_code == 0);
  const std::string before = read_file(dir / "store.db");
  for (const std::string command : {"ingest -q a.txt", "stats", "show Japan", "render -f dot",
                                    "export graphml", "load /dev/null"}) {
    INFO(command);
    auto outcome = run("--db store.db " + command, dir.path(), std::chrono::seconds(60));
    CHECK(outcome.exit_code == 2);
    CHECK(outcome.err.find("store.db: store schema version 999 is newer") != std::string::npos);
    CHECK(read_file(dir / "store.db") == before);
  }
}
