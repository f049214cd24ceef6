#include "parse/Treebank.h"

#include <charconv>
#include <fstream>
#include <string_view>

#include "core/Error.h"

namespace skein::parse {
namespace {

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  while (true) {
    const std::size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string_view::npos ? line.npos : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return fields;
}

bool parse_int(std::string_view text, int& value) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

std::vector<TreebankSentence> read_conllu(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, "cannot open the treebank file");
  std::vector<TreebankSentence> sentences;
  TreebankSentence current;
  std::size_t line_number = 0, sentence_line = 0;
  std::string line;
  auto finish = [&] {
    if (current.words.empty()) return;
    for (const auto& w : current.words) {
      if (w.head > static_cast<int>(current.words.size())) {
        throw InputError(path, sentence_line, "a head points past the end of its sentence");
      }
    }
    if (current.id.empty()) current.id = path + ":" + std::to_string(sentence_line);
    sentences.push_back(std::move(current));
    current = {};
  };
  while (std::getline(in, line)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      finish();
      continue;
    }
    if (current.words.empty() && current.id.empty()) sentence_line = line_number;
    if (line[0] == '#') {
      constexpr std::string_view kSentId = "# sent_id = ";
      if (line.rfind(kSentId, 0) == 0) current.id = line.substr(kSentId.size());
      continue;
    }
    const auto fields = split_tabs(line);
    if (fields.size() != 10) {
      throw InputError(path, line_number,
                       "expected 10 tab-separated fields, found " + std::to_string(fields.size()));
    }
    if (fields[0].find_first_of("-.") != std::string_view::npos) continue;  // MWT, empty node
    int id = 0, head = 0;
    if (!parse_int(fields[0], id) || id != static_cast<int>(current.words.size()) + 1) {
      throw InputError(path, line_number, "word id " + std::string(fields[0]) + " out of sequence");
    }
    if (!parse_int(fields[6], head) || head < 0) {
      throw InputError(path, line_number, "bad head " + std::string(fields[6]));
    }
    if (fields[1].empty() || fields[3].empty() || fields[7].empty()) {
      throw InputError(path, line_number, "empty form, UPOS or relation");
    }
    current.words.push_back(
        {std::string(fields[1]), std::string(fields[3]), head, std::string(fields[7])});
  }
  finish();
  return sentences;
}

bool is_projective(const TreebankSentence& sentence) {
  const auto& words = sentence.words;
  const int n = static_cast<int>(words.size());
  for (int d = 1; d <= n; ++d) {
    const int h = words[d - 1].head;
    const int lo = std::min(h, d), hi = std::max(h, d);
    for (int k = lo + 1; k < hi; ++k) {
      // Every word strictly between head and dependent must have its head inside [lo, hi].
      const int kh = words[k - 1].head;
      if (kh < lo || kh > hi) return false;
    }
  }
  return true;
}

}  // namespace skein::parse
