#include "parse/Treebank.h"

#include <charconv>
#include <fstream>
#include <iterator>
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

// A whole number of at most six digits (longer ones are refused before they can overflow).
bool parse_index(std::string_view text, int& value) {
  if (text.empty() || text.size() > 6) return false;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && end == text.data() + text.size();
}

bool starts_with(std::string_view line, std::string_view prefix) {
  return line.substr(0, prefix.size()) == prefix;
}

}  // namespace

void read_conllu_sentences(std::string_view content, const std::string& source,
                           const std::function<void(ConlluSentence&)>& on_sentence) {
  ConlluSentence current;
  const auto finish = [&] {
    if (!current.words.empty()) on_sentence(current);
    // Comments before a sentence that never came are dropped, except where a document starts.
    std::optional<std::string> newdoc =
        current.words.empty() ? std::move(current.newdoc) : std::nullopt;
    current = {};
    current.newdoc = std::move(newdoc);
  };
  std::size_t line_number = 0;
  for (std::size_t pos = 0; pos < content.size();) {
    std::size_t eol = content.find('\n', pos);
    if (eol == std::string_view::npos) eol = content.size();
    std::string_view line = content.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      finish();
      continue;
    }
    if (line[0] == '#') {
      constexpr std::string_view kNewdoc = "# newdoc id = ";
      constexpr std::string_view kSentId = "# sent_id = ";
      constexpr std::string_view kText = "# text = ";
      if (starts_with(line, kNewdoc)) {
        if (!current.words.empty()) finish();
        current.newdoc = std::string(line.substr(kNewdoc.size()));
      } else if (starts_with(line, kSentId)) {
        current.sent_id = std::string(line.substr(kSentId.size()));
      } else if (starts_with(line, kText)) {
        current.text = std::string(line.substr(kText.size()));
      }
      if (current.first_line == 0) current.first_line = line_number;
      continue;
    }
    if (current.first_line == 0) current.first_line = line_number;
    const auto fields = split_tabs(line);
    if (fields.size() != 10) {
      throw InputError(source, line_number,
                       "expected 10 tab-separated columns, found " + std::to_string(fields.size()));
    }
    const std::string_view id = fields[0];
    if (id.find_first_of("-.") != std::string_view::npos) continue;  // MWT, empty node
    int number = 0;
    if (!parse_index(id, number) || number != static_cast<int>(current.words.size()) + 1) {
      throw InputError(source, line_number, "bad word id '" + std::string(id) + "'");
    }
    int head = -1;
    if (fields[6] != "_" && !parse_index(fields[6], head)) {
      throw InputError(source, line_number, "bad head '" + std::string(fields[6]) + "'");
    }
    current.words.push_back({std::string(fields[1]), std::string(fields[3]), head,
                             std::string(fields[7]), std::string(fields[9]), line_number});
  }
  finish();
}

std::vector<TreebankSentence> read_conllu(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, "cannot open the treebank file");
  const std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw InputError(path, "cannot read the treebank file");
  std::vector<TreebankSentence> sentences;
  read_conllu_sentences(content, path, [&](ConlluSentence& read) {
    TreebankSentence sentence;
    sentence.id = read.sent_id.empty() ? path + ":" + std::to_string(read.first_line)
                                       : std::move(read.sent_id);
    for (ConlluWord& word : read.words) {
      if (word.head < 0) throw InputError(path, word.line, "bad head '_'");
      if (word.form.empty() || word.upos.empty() || word.relation.empty()) {
        throw InputError(path, word.line, "empty form, UPOS or relation");
      }
      if (word.head > static_cast<int>(read.words.size())) {
        throw InputError(path, word.line, "a head points past the end of its sentence");
      }
      sentence.words.push_back(
          {std::move(word.form), std::move(word.upos), word.head, std::move(word.relation)});
    }
    sentences.push_back(std::move(sentence));
  });
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
