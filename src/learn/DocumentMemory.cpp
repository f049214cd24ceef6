#include "learn/DocumentMemory.h"

#include <string>

#include "core/Error.h"
#include "learn/TaggerModel.h"

namespace skein::learn {

DocumentMemory::DocumentMemory(const std::vector<std::string>& tags) {
  std::vector<std::string> labels;
  label_of_tag_ = span_labels(tags, labels);
  if (labels.size() > 32) throw UsageError("document memory holds at most 32 labels");
  for (const std::string& label : labels) label_hashes_.push_back(attribute_hash("mem=" + label));
}

std::uint64_t DocumentMemory::key_of(std::string_view word) {
  if (word.empty() || !((word[0] >= 'A' && word[0] <= 'Z') || (word[0] & 0x80) != 0)) return 0;
  std::uint64_t h = 1469598103934665603ull;
  for (const char c : word) {
    const char lower = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    h = (h ^ static_cast<unsigned char>(lower)) * 1099511628211ull;
  }
  return h | 1u;
}

void DocumentMemory::recall(std::string_view word, std::vector<std::uint64_t>& out) const {
  const std::uint64_t key = key_of(word);
  if (key == 0) return;
  const auto it = seen_.find(key);
  if (it == seen_.end()) return;
  for (std::size_t label = 0; label < label_hashes_.size(); ++label) {
    if ((it->second & (1u << label)) != 0) out.push_back(label_hashes_[label]);
  }
}

void DocumentMemory::remember(const TokenView* words, const std::uint16_t* tags,
                              std::size_t count) {
  for (std::size_t i = 0; i < count; ++i) {
    if (tags[i] >= label_of_tag_.size() || label_of_tag_[tags[i]] < 0) continue;
    const std::uint64_t key = key_of(words[i].word);
    if (key != 0) seen_[key] |= 1u << static_cast<unsigned>(label_of_tag_[tags[i]]);
  }
}

}  // namespace skein::learn
