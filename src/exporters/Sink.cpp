#include "exporters/Sink.h"

#include <cerrno>
#include <cstring>
#include <fstream>

#include "core/Error.h"

namespace skein::exporters {

Sink::Sink(std::ostream& out, std::string name) : out_(&out), name_(std::move(name)) {
  buffer_.reserve(kCapacity);
}

std::unique_ptr<Sink> Sink::open_file(const std::string& path) {
  auto file = std::make_unique<std::ofstream>(path, std::ios::binary | std::ios::trunc);
  if (!*file) throw Error("cannot create " + path + ": " + std::strerror(errno));
  auto sink = std::make_unique<Sink>(*file, path);
  sink->owned_ = std::move(file);
  return sink;
}

Sink::~Sink() = default;  // an unfinished sink is being unwound: drop the buffer quietly

void Sink::drain() {
  if (buffer_.empty()) return;
  errno = 0;
  out_->write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  if (!*out_) {
    const int error = errno;
    throw Error("cannot write " + name_ +
                (error != 0 ? std::string(": ") + std::strerror(error) : ""));
  }
  written_ += buffer_.size();
  buffer_.clear();
}

void Sink::finish() {
  drain();
  errno = 0;
  out_->flush();
  if (auto* file = dynamic_cast<std::ofstream*>(owned_.get())) file->close();
  if (!*out_) {
    const int error = errno;
    throw Error("cannot write " + name_ +
                (error != 0 ? std::string(": ") + std::strerror(error) : ""));
  }
}

}  // namespace skein::exporters
