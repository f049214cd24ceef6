#include "store/Sql.h"

#include <algorithm>

#include "core/Confidence.h"
#include "core/Error.h"
#include "store/Migrations.h"
#include "store/RowCodecs.h"

namespace skein::store {

Use::~Use() {
  statement_.tryReset();
  try {
    statement_.clearBindings();
  } catch (...) {  // sqlite3_clear_bindings cannot fail; SQLiteCpp still declares a throw
  }
}

Use Connection::use(const char* sql) {
  auto& slot = statements_[sql];
  if (!slot) slot = std::make_unique<SQLite::Statement>(*db, sql);
  return Use(*slot);
}

void Connection::fail(const SQLite::Exception& error) const {
  throw StoreError(
      path + ": " +
      describe_sqlite_error(error.getExtendedErrorCode(), error.what(), busy_timeout_ms));
}

// ---- transactions -------------------------------------------------------------------------

void Connection::end_lookup_transaction() {
  if (!lookup_transaction) return;
  lookup_transaction = false;
  db->exec("COMMIT");
}

void Connection::begin_lookup() {
  if (!lookup_transaction && !batch_open && sqlite3_get_autocommit(db->getHandle()) != 0) {
    db->exec("BEGIN");  // deferred: a read transaction from the first SELECT on
    lookup_transaction = true;
    lookups = 0;
  }
}

void Connection::finish_lookup() {
  if (lookup_transaction && ++lookups >= kLookupsPerTransaction) end_lookup_transaction();
}

void Connection::begin_immediate() {
  db->exec("BEGIN IMMEDIATE");
  try {
    on_transaction_begin();
  } catch (...) {
    db->exec("ROLLBACK");
    throw;
  }
}

void Connection::begin_batch(bool savepoints) {
  end_lookup_transaction();
  begin_immediate();
  batch_open = true;
  batch_savepoints = savepoints;
  batch_broken = false;
}

void Connection::commit_batch() {
  db->exec("COMMIT");
  batch_open = false;
}

void Connection::rollback_batch() {
  sqlite3* handle = db->getHandle();
  if (sqlite3_get_autocommit(handle) == 0)
    sqlite3_exec(handle, "ROLLBACK", nullptr, nullptr, nullptr);
  batch_open = false;
}

Connection::WriteScope::WriteScope(Connection& connection) : connection_(connection) {
  connection_.end_lookup_transaction();
  if (connection_.batch_open) {
    if (connection_.batch_broken) {
      throw StoreError(connection_.path +
                       ": an earlier write in this batch failed part-way; "
                       "the batch can only be rolled back");
    }
    if (connection_.batch_savepoints) connection_.db->exec("SAVEPOINT skein_write");
  } else {
    connection_.begin_immediate();
  }
}

Connection::WriteScope::~WriteScope() {
  if (done_) return;
  // Errors here cannot be reported (destructors never throw); SQLite leaves the transaction
  // rolled back on the failures that would make these fail.
  sqlite3* handle = connection_.db->getHandle();
  if (connection_.batch_open && connection_.batch_savepoints) {
    sqlite3_exec(handle, "ROLLBACK TO skein_write; RELEASE skein_write", nullptr, nullptr, nullptr);
  } else if (connection_.batch_open) {
    connection_.batch_broken = true;  // part of this write may be in the transaction
  } else if (sqlite3_get_autocommit(handle) == 0) {
    sqlite3_exec(handle, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  connection_.on_write_rolled_back();
}

void Connection::WriteScope::commit() {
  if (!connection_.batch_open) {
    connection_.db->exec("COMMIT");
  } else if (connection_.batch_savepoints) {
    connection_.db->exec("RELEASE skein_write");
  }
  done_ = true;
}

void bind_list(SQLite::Statement& statement, int index, const std::vector<std::string>& values) {
  if (values.empty()) {
    statement.bind(index);
  } else {
    statement.bind(index, strings_to_json(values));
  }
}

// ---- scans through the C API ----------------------------------------------------------------
// The whole-table readers (for_each_node_brief, for_each_edge) run their statements through
// sqlite3 directly: SQLiteCpp 3.2 keeps a Statement's sqlite3_stmt private, and each of its
// Column objects copies the statement's shared_ptr, which cost about a tenth of a
// million-row scan. Errors are thrown as SQLite::Exception so guarded() words them as usual.
// Statements are prepared per scan rather than cached: one prepare is negligible next to a
// scan, and a fresh statement can never be left mid-step by an exception from a visit callback.

ScanStatement prepare_scan(sqlite3* db, const char* sql) {
  sqlite3_stmt* raw = nullptr;
  const int rc = sqlite3_prepare_v2(db, sql, -1, &raw, nullptr);
  ScanStatement statement(raw);
  if (rc != SQLITE_OK) throw SQLite::Exception(db, rc);
  return statement;
}

bool step_scan(sqlite3* db, sqlite3_stmt* statement) {
  const int rc = sqlite3_step(statement);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  throw SQLite::Exception(db, rc);
}

void check_bind(sqlite3* db, int rc) {
  if (rc != SQLITE_OK) throw SQLite::Exception(db, rc);
}

void bind_scan_text(sqlite3* db, sqlite3_stmt* statement, int index, const std::string& value) {
  check_bind(db, sqlite3_bind_text(statement, index, value.data(), static_cast<int>(value.size()),
                                   SQLITE_TRANSIENT));
}

void bind_scan_list(sqlite3* db, sqlite3_stmt* statement, int index,
                    const std::vector<std::string>& values) {
  if (values.empty()) {
    check_bind(db, sqlite3_bind_null(statement, index));
  } else {
    bind_scan_text(db, statement, index, strings_to_json(values));
  }
}

// ---- SQL functions --------------------------------------------------------------------------
namespace {

// skein_noisy_or(c): a custom aggregate because SQLite has no product() and ln(1 - c) is
// undefined at c = 1. The aggregate context starts zeroed: `started` marks the first row.
struct NoisyOrContext {
  NoisyOr combined;
  bool started;
};

void noisy_or_step(sqlite3_context* context, int /*argc*/, sqlite3_value** argv) {
  auto* state =
      static_cast<NoisyOrContext*>(sqlite3_aggregate_context(context, sizeof(NoisyOrContext)));
  if (state == nullptr) {
    sqlite3_result_error_nomem(context);
    return;
  }
  if (!state->started) {
    state->combined = NoisyOr{};
    state->started = true;
  }
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL) return;
  state->combined.add(sqlite3_value_double(argv[0]));
}

void noisy_or_final(sqlite3_context* context) {
  auto* state = static_cast<NoisyOrContext*>(sqlite3_aggregate_context(context, 0));
  if (state == nullptr || !state->started) {
    sqlite3_result_null(context);
  } else {
    sqlite3_result_double(context, state->combined.value());
  }
}

}  // namespace

void register_sql_functions(sqlite3* db, const std::string& path) {
  if (sqlite3_create_function_v2(db, "skein_noisy_or", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                                 nullptr, nullptr, noisy_or_step, noisy_or_final,
                                 nullptr) != SQLITE_OK) {
    throw StoreError(path + ": cannot register skein_noisy_or: " + sqlite3_errmsg(db));
  }
}

}  // namespace skein::store
