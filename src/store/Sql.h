#pragma once
// The store's SQL layer: one connection with its statement cache, transactions and error
// mapping. Internal to the store module.
//
//  - Statements run more than once are prepared once per connection and borrowed through
//    use(): a Use resets its statement on release, so none keeps a read transaction open or
//    holds stale bindings.
//  - guarded() turns whatever SQLite throws into one StoreError naming the store file.
//  - Transactions: a WriteScope is the open batch's savepoint (or nothing, for batches
//    opened without savepoints), else its own IMMEDIATE transaction. begin_batch(),
//    commit_batch() and rollback_batch() run the batch itself. A read transaction kept open
//    across lookups (has_file_stamp) is ended before any write starts.
//  - Whole-table scans run through the C API (prepare_scan, step_scan): see Sql.cpp.
//
// Thread-safety: one thread at a time, as the Store that owns it.

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace skein::store {

// A prepared statement borrowed for one use (see Connection::use).
class Use {
 public:
  explicit Use(SQLite::Statement& statement) : statement_(statement) {}
  ~Use();
  SQLite::Statement* operator->() { return &statement_; }
  SQLite::Statement& operator*() { return statement_; }
  Use(const Use&) = delete;
  Use& operator=(const Use&) = delete;

 private:
  SQLite::Statement& statement_;
};

class Connection {
 public:
  virtual ~Connection() = default;

  std::string path;  // the store file, for messages
  int busy_timeout_ms = 0;
  std::unique_ptr<SQLite::Database> db;

  Use use(const char* sql);

  // One readable StoreError from whatever SQLite threw.
  [[noreturn]] void fail(const SQLite::Exception& error) const;

  template <typename Function>
  auto guarded(Function&& function) -> decltype(function()) {
    try {
      return function();
    } catch (const SQLite::Exception& error) {
      fail(error);
    }
  }

  // ---- transactions ----------------------------------------------------------------------
  bool batch_open = false;
  // The open batch's writes each get a savepoint (Batch::OnFailure::kKeepOthers). Without
  // them (kAbandonBatch) a write that fails part-way sets batch_broken, and the batch can then
  // only be rolled back.
  bool batch_savepoints = true;
  bool batch_broken = false;

  // A read transaction that has_file_stamp() keeps open across calls: on its own each lookup
  // is a transaction whose WAL lock and file check (three system calls) cost more than the
  // lookup, and a re-run does one per file. Ended before any write transaction starts, and
  // after kLookupsPerTransaction lookups, so that other processes' commits become visible and
  // the WAL can be checkpointed past it.
  static constexpr int kLookupsPerTransaction = 256;
  bool lookup_transaction = false;
  int lookups = 0;
  void end_lookup_transaction();
  // Starts (when none is open and no batch runs) or continues the lookup transaction, and
  // counts one lookup; call finish_lookup() after the lookup.
  void begin_lookup();
  void finish_lookup();

  void begin_batch(bool savepoints);
  void commit_batch();
  void rollback_batch();  // never throws

  // A write scope: the batch's savepoint when a batch is open (so one failed write does not
  // undo the batch's earlier documents), else its own IMMEDIATE transaction (taking the write
  // lock up front, so a concurrent writer makes us wait busy_timeout instead of failing
  // mid-way). Destroyed uncommitted, it rolls its writes back.
  class WriteScope {
   public:
    explicit WriteScope(Connection& connection);
    ~WriteScope();
    void commit();
    WriteScope(const WriteScope&) = delete;
    WriteScope& operator=(const WriteScope&) = delete;

   private:
    Connection& connection_;
    bool done_ = false;
  };

 protected:
  // Called inside every transaction the connection begins (not for savepoints), before any
  // write: the owner reloads what another process may have changed. May throw.
  virtual void on_transaction_begin() {}
  // Called after a write scope was rolled back (savepoint or transaction).
  virtual void on_write_rolled_back() {}

 private:
  void begin_immediate();
  std::unordered_map<const char*, std::unique_ptr<SQLite::Statement>> statements_;
};

// Binds a filter list as a JSON array (read back with json_each()), or NULL ("no filter")
// when it is empty. One prepared statement so serves any number of types or labels.
void bind_list(SQLite::Statement& statement, int index, const std::vector<std::string>& values);

// ---- scans through the C API -------------------------------------------------------------
struct FinalizeStatement {
  void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};
using ScanStatement = std::unique_ptr<sqlite3_stmt, FinalizeStatement>;

ScanStatement prepare_scan(sqlite3* db, const char* sql);
bool step_scan(sqlite3* db, sqlite3_stmt* statement);  // true while there is a row
void check_bind(sqlite3* db, int rc);
void bind_scan_text(sqlite3* db, sqlite3_stmt* statement, int index, const std::string& value);
// As bind_list: a JSON array, or NULL ("no filter") when empty.
void bind_scan_list(sqlite3* db, sqlite3_stmt* statement, int index,
                    const std::vector<std::string>& values);

// Registers the store's SQL functions on `db`: skein_noisy_or(c), the aggregate form of
// core/Confidence.h. Throws StoreError naming `path`.
void register_sql_functions(sqlite3* db, const std::string& path);

}  // namespace skein::store
