#pragma once
// Schema migrations: the numbered SQL files of schema/, compiled into the binary.
//
// Internal to the store module (the tests use it too). A store's PRAGMA user_version is the
// number of the last migration applied to it; opening applies every later one, each in its own
// IMMEDIATE transaction together with the user_version bump, so a failure leaves the store at
// the last complete version. Not thread-safe per connection (as SQLite connections are not).

#include <string>
#include <string_view>
#include <vector>

struct sqlite3;

namespace skein::store {

struct Migration {
  int version = 0;        // the file's number: 1 for 001_initial.sql
  std::string_view name;  // file name, for error messages
  std::string_view sql;   // the whole file
};

// The files of schema/ in order, versions 1..N without gaps (the build checks this).
const std::vector<Migration>& embedded_migrations();

// Brings the database `db` (opened read-write, its file called `path` in messages) up to the
// last of `migrations`, which must be numbered 1..N. Returns the resulting user_version.
// Throws StoreError when the store is newer than N, is a SQLite database that is not a Skein
// store (user_version 0 with tables in it), or a migration fails (naming the file).
int apply_migrations(sqlite3* db, const std::string& path, const std::vector<Migration>& migrations,
                     int busy_timeout_ms = 0);

// PRAGMA user_version of `db`; throws StoreError naming `path` when the file is not a database.
int read_schema_version(sqlite3* db, const std::string& path);

// Throws StoreError "<path>: not a Skein store ..." when `db`, at schema `version` (its
// user_version), is someone else's SQLite database: version 0 with tables in it. Read-only.
void check_is_skein_store(sqlite3* db, const std::string& path, int version);

// One readable line for a SQLite failure, without the path: "database is locked (another
// writer held it for 10 s)", "file is not a database", ... `code` is the (extended) result code.
std::string describe_sqlite_error(int code, std::string_view message, int busy_timeout_ms);

}  // namespace skein::store
