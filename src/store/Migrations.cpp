#include "store/Migrations.h"

#include <sqlite3.h>

#include "core/Error.h"

namespace skein::store {
namespace {

// Runs one or more statements; throws StoreError with `what` and SQLite's message on failure.
void exec(sqlite3* db, const std::string& path, std::string_view sql, const std::string& what,
          int busy_timeout_ms) {
  char* raw_message = nullptr;
  const int rc = sqlite3_exec(db, std::string(sql).c_str(), nullptr, nullptr, &raw_message);
  if (rc == SQLITE_OK) return;
  const std::string message = raw_message != nullptr ? raw_message : sqlite3_errstr(rc);
  sqlite3_free(raw_message);
  throw StoreError(path + ": " + what +
                   describe_sqlite_error(sqlite3_extended_errcode(db), message, busy_timeout_ms));
}

std::int64_t query_int(sqlite3* db, const std::string& path, const char* sql) {
  sqlite3_stmt* raw = nullptr;
  int rc = sqlite3_prepare_v2(db, sql, -1, &raw, nullptr);
  std::int64_t value = 0;
  if (rc == SQLITE_OK) {
    rc = sqlite3_step(raw);
    if (rc == SQLITE_ROW) {
      value = sqlite3_column_int64(raw, 0);
      rc = SQLITE_OK;
    }
  }
  // Finalize before reading the message: errmsg stays valid until the next call on db.
  const int code = sqlite3_extended_errcode(db);
  const std::string message = sqlite3_errmsg(db);
  sqlite3_finalize(raw);
  if (rc != SQLITE_OK && rc != SQLITE_DONE) {
    throw StoreError(path + ": " + describe_sqlite_error(code, message, 0));
  }
  return value;
}

// Rolls back on scope exit unless released: a failed migration must leave no half schema.
class ImmediateTransaction {
 public:
  ImmediateTransaction(sqlite3* db, const std::string& path, int busy_timeout_ms) : db_(db) {
    exec(db, path, "BEGIN IMMEDIATE", "cannot start the schema migration: ", busy_timeout_ms);
  }
  ~ImmediateTransaction() {
    if (open_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  void commit(const std::string& path, int busy_timeout_ms) {
    exec(db_, path, "COMMIT", "cannot commit the schema migration: ", busy_timeout_ms);
    open_ = false;
  }
  ImmediateTransaction(const ImmediateTransaction&) = delete;
  ImmediateTransaction& operator=(const ImmediateTransaction&) = delete;

 private:
  sqlite3* db_;
  bool open_ = true;
};

}  // namespace

std::string describe_sqlite_error(int code, std::string_view message, int busy_timeout_ms) {
  std::string text(message);
  switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      if (busy_timeout_ms > 0) {
        text += " (another writer held it for " +
                (busy_timeout_ms % 1000 == 0 ? std::to_string(busy_timeout_ms / 1000) + " s"
                                             : std::to_string(busy_timeout_ms) + " ms") +
                ")";
      }
      break;
    case SQLITE_NOTADB:
      text = "not a Skein store: " + text;
      break;
    case SQLITE_CORRUPT:
      text = "the store is damaged: " + text;
      break;
    case SQLITE_READONLY:
      text += " (the store is read-only here)";
      break;
    case SQLITE_CANTOPEN:
      text = "cannot open the store: " + text;
      break;
    case SQLITE_FULL:
      text += " (disk full)";
      break;
    default:
      break;
  }
  return text;
}

void check_is_skein_store(sqlite3* db, const std::string& path, int version) {
  if (version == 0 && query_int(db, path, "SELECT count(*) FROM sqlite_schema") > 0) {
    throw StoreError(path + ": not a Skein store (a SQLite database with tables of its own and " +
                     "user_version 0); refusing to read or change it");
  }
}

int read_schema_version(sqlite3* db, const std::string& path) {
  // schema_version forces SQLite to read and check the header and schema page: a garbage file
  // fails here ("file is not a database") before anything could be written to it.
  query_int(db, path, "PRAGMA schema_version");
  return static_cast<int>(query_int(db, path, "PRAGMA user_version"));
}

int apply_migrations(sqlite3* db, const std::string& path, const std::vector<Migration>& migrations,
                     int busy_timeout_ms) {
  const int latest = migrations.empty() ? 0 : migrations.back().version;
  auto check_not_newer = [&](int version) {
    if (version > latest) {
      throw StoreError(path + ": store schema version " + std::to_string(version) +
                       " is newer than this skein knows (" + std::to_string(latest) +
                       "); open it with a newer skein");
    }
  };
  int version = read_schema_version(db, path);
  check_not_newer(version);
  for (const Migration& migration : migrations) {
    if (migration.version <= version) continue;
    ImmediateTransaction transaction(db, path, busy_timeout_ms);
    // Another process may have migrated while we waited for the write lock.
    version = static_cast<int>(query_int(db, path, "PRAGMA user_version"));
    check_not_newer(version);
    if (migration.version <= version) {
      transaction.commit(path, busy_timeout_ms);
      continue;
    }
    check_is_skein_store(db, path, version);
    if (migration.version != version + 1) {
      throw StoreError(path + ": schema migration " + std::string(migration.name) +
                       " does not follow version " + std::to_string(version));
    }
    exec(db, path, migration.sql,
         "schema migration " + std::string(migration.name) + " failed: ", busy_timeout_ms);
    exec(db, path, "PRAGMA user_version = " + std::to_string(migration.version),
         "cannot record schema version: ", busy_timeout_ms);
    transaction.commit(path, busy_timeout_ms);
    version = migration.version;
  }
  return version;
}

}  // namespace skein::store
