#pragma once
// Sink: the buffered, checked output every writer goes through (internal to exporters).
//
// Bytes are collected in a 256 KiB buffer and handed to the stream in large writes; every
// hand-over is checked and a failure throws skein::Error naming the output ("cannot write
// out/graph.gexf: No space left on device"). finish() flushes and checks once more; a Sink
// destroyed without finish() (an exception is in flight) discards silently, never throws.
//
// Not thread-safe; one Sink per output.

#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>

namespace skein::exporters {

class Sink {
 public:
  // Writes to `out`, which must outlive the Sink. `name` is used in error messages.
  Sink(std::ostream& out, std::string name);
  // Creates (truncates) the file at `path`; throws Error naming it when it cannot.
  static std::unique_ptr<Sink> open_file(const std::string& path);
  ~Sink();
  Sink(const Sink&) = delete;
  Sink& operator=(const Sink&) = delete;

  void write(std::string_view bytes) {
    if (buffer_.size() + bytes.size() > kCapacity) drain();
    buffer_.append(bytes);
  }
  void put(char c) {
    if (buffer_.size() + 1 > kCapacity) drain();
    buffer_.push_back(c);
  }
  Sink& operator<<(std::string_view bytes) {
    write(bytes);
    return *this;
  }
  Sink& operator<<(char c) {
    put(c);
    return *this;
  }

  // Flushes the buffer and the stream; throws Error when anything failed.
  void finish();
  const std::string& name() const { return name_; }
  std::uint64_t bytes() const { return written_ + buffer_.size(); }

 private:
  static constexpr std::size_t kCapacity = std::size_t{256} * 1024;
  void drain();

  std::unique_ptr<std::ostream> owned_;  // set by open_file
  std::ostream* out_;
  std::string name_;
  std::string buffer_;
  std::uint64_t written_ = 0;
};

}  // namespace skein::exporters
