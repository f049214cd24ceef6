// The Store façade: opening (schema, migrations, pragmas), batches, and the forwards to the
// writer. What each part does lives in its own file (see StoreImpl.h).

#include "store/Store.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>
#include <sys/statvfs.h>

#include <filesystem>

#include "core/Error.h"
#include "store/Migrations.h"
#include "store/StoreImpl.h"

namespace skein::store {

namespace {

// True when `path` lies on a file system mounted read-only (a read-only bind mount, a CD).
bool on_read_only_file_system(const std::string& path) {
  struct statvfs info {};
  return statvfs(path.c_str(), &info) == 0 && (info.f_flag & ST_RDONLY) != 0;
}

// An SQLite URI for `path` with `immutable=1`: SQLite then reads the file as it is, without
// the WAL index (-shm) it would otherwise have to create next to it. Only for files that
// nothing can change, such as those on a read-only file system.
std::string immutable_uri(const std::string& path) {
  std::string uri = "file:";
  for (char c : path) {
    if (c == '%' || c == '?' || c == '#') {
      static const char kHex[] = "0123456789ABCDEF";
      uri += '%';
      uri += kHex[(static_cast<unsigned char>(c) >> 4) & 0xF];
      uri += kHex[static_cast<unsigned char>(c) & 0xF];
    } else {
      uri += c;
    }
  }
  return uri + "?immutable=1";
}

}  // namespace

Store::Store(const std::string& path, StoreOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->path = path;
  impl_->busy_timeout_ms = options.busy_timeout_ms;
  impl_->options = options;
  const bool memory = path == ":memory:";
  if (std::error_code ignored; !memory && std::filesystem::is_directory(path, ignored)) {
    throw StoreError(path + ": a directory, not a store file; give a file name, e.g. --db " +
                     (path.ends_with('/') ? path : path + "/") + "skein.db");
  }
  if (!memory && !std::filesystem::exists(path) &&
      (options.read_only || !options.create_if_missing)) {
    throw StoreError(path + ": no such store");
  }
  // NOMUTEX: a Store is used by one thread at a time (see Store.h), so SQLite's own
  // per-call mutexes are pure overhead (about 5% of a put).
  int flags =
      SQLite::OPEN_NOMUTEX |
      (options.read_only ? SQLite::OPEN_READONLY : SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  // A WAL store on read-only media cannot be opened the usual way (SQLite would need to
  // create its -shm file there); nothing can change it either, so read it as immutable.
  std::string open_name = path;
  if (options.read_only && !memory && on_read_only_file_system(path)) {
    open_name = immutable_uri(path);
    flags |= SQLITE_OPEN_URI;
  }
  impl_->guarded([&] {
    impl_->db = std::make_unique<SQLite::Database>(open_name, flags, options.busy_timeout_ms);
    sqlite3* handle = impl_->db->getHandle();
    const auto& migrations = embedded_migrations();
    // Read-only checks first: nothing below may write to a file that is not (yet) ours.
    const int version = read_schema_version(handle, path);
    check_is_skein_store(handle, path, version);
    const int latest = latest_schema_version();
    if (version > latest) {
      throw StoreError(path + ": store schema version " + std::to_string(version) +
                       " is newer than this skein knows (" + std::to_string(latest) +
                       "); open it with a newer skein");
    }
    if (options.read_only) {
      // check_is_skein_store passed, so a version-0 file has no table at all: created by a
      // run that stopped before its first migration committed (or by hand).
      if (version == 0) {
        throw StoreError(path + ": an empty store, nothing ingested into it yet; run skein " +
                         "ingest (or any command that writes) to initialise it");
      }
      if (version < latest) {
        throw StoreError(path + ": store schema version " + std::to_string(version) +
                         " needs migrating to " + std::to_string(latest) +
                         "; open it once without read-only");
      }
      impl_->version = version;
    } else {
      // WAL lets readers (a viewer, `skein stats`) run while a loader writes; NORMAL sync is
      // durable at every checkpoint and never corrupts: a crash loses at most the last commits.
      // 16 KiB pages for a new file: a typical article (2-5 KB) wastes up to a page's remainder
      // on 4 KiB pages (the BBC corpus stored at 2.2x its text; at 16 KiB, 2.0x, for ~10% more
      // write time). Only takes effect before the first write; existing stores keep theirs.
      if (version == 0) impl_->db->exec("PRAGMA page_size = 16384");
      if (!memory) impl_->db->exec("PRAGMA journal_mode = WAL");
      impl_->db->exec("PRAGMA synchronous = NORMAL");
      impl_->version = apply_migrations(handle, path, migrations, options.busy_timeout_ms);
    }
    impl_->db->exec("PRAGMA foreign_keys = ON");
    impl_->db->exec("PRAGMA cache_size = -32768");  // 32 MiB: upserts touch many index pages
    // Each put in a batch is a savepoint, whose undo copies go to a statement journal: keep it
    // in memory, or every put writes its touched pages to a temp file.
    impl_->db->exec("PRAGMA temp_store = MEMORY");
    register_sql_functions(handle, path);
    impl_->load_symmetry();
    impl_->load_rules();
  });
}

Store::~Store() = default;
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;

const std::string& Store::path() const { return impl_->path; }
int Store::schema_version() const { return impl_->version; }
int Store::latest_schema_version() {
  const auto& migrations = embedded_migrations();
  return migrations.empty() ? 0 : migrations.back().version;
}

Store::Batch::Batch(Store& store, OnFailure on_failure) : store_(store) {
  Impl& impl = *store_.impl_;
  impl.require_writable("start a batch");
  if (impl.batch_open) throw StoreError(impl.path + ": batches do not nest");
  impl.guarded([&] { impl.begin_batch(on_failure == OnFailure::kKeepOthers); });
  impl.symmetry_dirty = false;
  impl.cache.clear();
}

Store::Batch::~Batch() {
  if (done_ || !store_.impl_) return;  // committed, or the Store was moved from
  Impl& impl = *store_.impl_;
  impl.rollback_batch();
  impl.cache.clear();
}

void Store::Batch::commit() {
  Impl& impl = *store_.impl_;
  if (done_) throw StoreError(impl.path + ": batch committed twice");
  if (impl.batch_broken) {
    throw StoreError(impl.path + ": a write in this batch failed part-way; it cannot be committed");
  }
  impl.guarded([&] { impl.commit_batch(); });
  done_ = true;
  impl.cache.clear();
}

PutOutcome Store::put(const DocumentExtraction& extraction) {
  return impl_->guarded([&] { return impl_->put(extraction); });
}

void Store::set_file_stamp(const std::string& uri, const FileStamp& stamp) {
  impl_->set_file_stamp(uri, stamp);
}

void Store::set_relation_symmetry(const std::string& type, bool symmetric) {
  impl_->set_relation_symmetry(type, symmetric);
}

void Store::merge_node_props(const std::vector<std::pair<std::int64_t, std::string>>& updates) {
  impl_->merge_node_props(updates);
}

}  // namespace skein::store
