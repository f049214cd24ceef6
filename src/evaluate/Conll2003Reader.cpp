#include "evaluate/Conll2003Reader.h"

#include <fstream>
#include <sstream>

#include "core/Error.h"

namespace skein::evaluate {
namespace {

std::string file_name_of(const std::string& path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

bool known_type(std::string_view type) {
  return type == "PER" || type == "ORG" || type == "LOC" || type == "MISC";
}

}  // namespace

TaggedCorpus parse_conll2003(std::string_view content, const std::string& source) {
  TaggedCorpus corpus;
  corpus.source = source;
  corpus.format = "conll2003";
  corpus.has_entities = true;
  const std::string name = file_name_of(source);
  TaggedSentence sentence;
  std::string previous_tag = "O";
  const auto end_sentence = [&]() {
    if (sentence.words.empty()) return;
    if (corpus.documents.empty()) corpus.documents.push_back({name + "#0", {}});
    corpus.documents.back().sentences.push_back(std::move(sentence));
    sentence = TaggedSentence{};
    previous_tag = "O";
  };
  std::size_t line_number = 0;
  std::size_t pos = 0;
  while (pos < content.size()) {
    std::size_t eol = content.find('\n', pos);
    if (eol == std::string_view::npos) eol = content.size();
    std::string_view line = content.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) {
      end_sentence();
      continue;
    }
    if (line.rfind("-DOCSTART-", 0) == 0) {
      end_sentence();
      corpus.documents.push_back({name + "#" + std::to_string(corpus.documents.size()), {}});
      continue;
    }
    const std::size_t first_space = line.find(' ');
    const std::size_t last_space = line.rfind(' ');
    if (first_space == std::string_view::npos || first_space == 0) {
      throw InputError(source, line_number, "expected 'word ... tag' (space-separated columns)");
    }
    const std::string word(line.substr(0, first_space));
    const std::string tag(line.substr(last_space + 1));
    if (tag != "O" && (tag.size() < 3 || (tag[0] != 'I' && tag[0] != 'B') || tag[1] != '-' ||
                       !known_type(std::string_view(tag).substr(2)))) {
      throw InputError(
          source, line_number,
          "unknown NER tag '" + tag + "' (expected O, I-X or B-X with X in PER ORG LOC MISC)");
    }
    if (sentence.words.empty()) sentence.line = line_number;
    const std::uint32_t index = static_cast<std::uint32_t>(sentence.words.size());
    if (!sentence.text.empty()) sentence.text += ' ';
    sentence.offsets.push_back({sentence.text.size(), sentence.text.size() + word.size()});
    sentence.text += word;
    sentence.words.push_back(word);
    if (tag != "O") {
      const std::string type = tag.substr(2);
      const bool continues = tag[0] == 'I' && previous_tag != "O" && previous_tag.substr(2) == type;
      if (continues) {
        sentence.entities.back().last = index + 1;
      } else {
        sentence.entities.push_back({index, index + 1, type});
      }
    }
    previous_tag = tag;
  }
  end_sentence();
  // Documents opened by -DOCSTART- but holding no sentence are dropped.
  std::erase_if(corpus.documents, [](const TaggedDocument& d) { return d.sentences.empty(); });
  return corpus;
}

TaggedCorpus read_conll2003(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, "cannot open file");
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) throw InputError(path, "read failed");
  return parse_conll2003(content.str(), path);
}

}  // namespace skein::evaluate
