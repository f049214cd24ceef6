#pragma once
// The bytes of a whole file, read-only, for loaders that parse a file once (the learned
// models): mapped with mmap where the file allows it, so the page cache's pages are used in
// place instead of copied into freshly zeroed memory (on start-up that copy and the page
// faults behind it cost about as much as parsing). Where mapping is impossible (a pipe, a
// device, an empty file) the file is read into memory instead. POSIX only, as the build. Nothing is
// thrown: opened() and ok() say what failed, so each loader keeps its own one-line error naming the
// file.
//
// A mapped file must not be truncated while it is mapped (reading a page past the new end is
// a SIGBUS): files Skein writes and maps (the models) are therefore replaced whole with
// replace_file(), never rewritten in place, so a process loading the old model while
// `skein train` writes a new one still reads the old one whole.
//
// Thread-safety: immutable after construction; bytes() may be read from any thread.

#include <string>
#include <string_view>

namespace skein {

class MappedFile {
 public:
  explicit MappedFile(const std::string& path);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  // False when the file could not be opened (missing, unreadable).
  bool opened() const { return opened_; }
  // False when it opened but could not be read whole (a directory, an I/O error).
  bool ok() const { return ok_; }
  // The file's bytes (empty unless ok()); valid while this object lives.
  std::string_view bytes() const { return bytes_; }

 private:
  bool opened_ = false;
  bool ok_ = false;
  void* mapping_ = nullptr;  // the mmap'ed region, or null when read into `copy_`
  std::size_t mapped_size_ = 0;
  std::string copy_;
  std::string_view bytes_;
};

// Writes `bytes` to a new file beside `path`, then renames it over `path` (atomic on POSIX
// file systems). False when it could not write or rename (the temporary file is removed).
bool replace_file(const std::string& path, std::string_view bytes);

}  // namespace skein
