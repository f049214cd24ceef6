#pragma once
// Fixed-size values in model files, as their bytes in memory: the build targets little-endian
// machines only, so the files are little-endian. Used by the perceptron's weights
// (SparsePerceptron) and the parser's model file (parse/DependencyParser). take() and
// take_array() check the bounds first and advance `in` only on success.
//
// Pure functions; thread-safe.

#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace skein::learn::bytes {

template <typename T>
void put(std::string& out, T value) {
  char raw[sizeof(T)];
  std::memcpy(raw, &value, sizeof(T));
  out.append(raw, sizeof(T));
}

template <typename T>
bool take(std::string_view& in, T& value) {
  if (in.size() < sizeof(T)) return false;
  std::memcpy(&value, in.data(), sizeof(T));
  in.remove_prefix(sizeof(T));
  return true;
}

template <typename T, typename Allocator>
bool take_array(std::string_view& in, std::vector<T, Allocator>& values, std::size_t count) {
  if (count > in.size() / sizeof(T)) return false;
  values.resize(count);
  if (count > 0) std::memcpy(values.data(), in.data(), count * sizeof(T));
  in.remove_prefix(count * sizeof(T));
  return true;
}

}  // namespace skein::learn::bytes
