#include "evaluate/ConlluReader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "core/Error.h"

namespace skein::evaluate {
namespace {

struct Word {
  std::string form, upos, misc;
  std::uint32_t head = 0;  // 1-based, 0 = root
};

const char* named_label(std::string_view type) {
  if (type == "person") return "PER";
  if (type == "organization") return "ORG";
  if (type == "place") return "LOC";
  return nullptr;
}

bool is_cut_word(std::string_view w) {
  return w == "in" || w == "at" || w == "," || w == "(" || w == "from" || w == "near" ||
         w == "who" || w == "which" || w == "that" || w == "on";
}

std::string file_name_of(const std::string& path) {
  return std::filesystem::path(path).filename().string();
}

// Entity mentions of one sentence from the Entity= values: "(12-person-...", "12)", or both.
void add_entities(const std::vector<Word>& words, TaggedSentence& s) {
  std::map<std::string, std::vector<std::pair<std::uint32_t, std::string>>> opened;
  std::vector<TokenSpan> mentions;  // [first, last) with the GUM type as label
  for (std::uint32_t i = 0; i < words.size(); ++i) {
    std::string_view misc = words[i].misc;
    std::string_view ent;
    for (std::size_t p = 0; p <= misc.size();) {
      std::size_t bar = misc.find('|', p);
      if (bar == std::string_view::npos) bar = misc.size();
      const std::string_view field = misc.substr(p, bar - p);
      if (field.rfind("Entity=", 0) == 0) ent = field.substr(7);
      p = bar + 1;
    }
    for (std::size_t p = 0; p < ent.size();) {
      if (ent[p] == '(') {
        std::size_t q = p + 1;
        while (q < ent.size() && ent[q] >= '0' && ent[q] <= '9') ++q;
        const std::string id(ent.substr(p + 1, q - p - 1));
        std::string type;
        if (q < ent.size() && ent[q] == '-') {
          std::size_t r = q + 1;
          while (r < ent.size() && ent[r] >= 'a' && ent[r] <= 'z') ++r;
          type = std::string(ent.substr(q + 1, r - q - 1));
        }
        std::size_t end = q;
        while (end < ent.size() && ent[end] != '(' && ent[end] != ')') ++end;
        if (end < ent.size() && ent[end] == ')') {
          mentions.push_back({i, i + 1, type});
          p = end + 1;
        } else {
          opened[id].push_back({i, type});
          p = end;
        }
      } else if (ent[p] >= '0' && ent[p] <= '9') {
        std::size_t q = p;
        while (q < ent.size() && ent[q] >= '0' && ent[q] <= '9') ++q;
        const std::string id(ent.substr(p, q - p));
        auto it = opened.find(id);
        if (q < ent.size() && ent[q] == ')' && it != opened.end() && !it->second.empty()) {
          mentions.push_back({it->second.back().first, i + 1, it->second.back().second});
          it->second.pop_back();
        }
        p = q + 1;
      } else {
        ++p;
      }
    }
  }
  for (TokenSpan m : mentions) {
    std::uint32_t a = m.first, b = m.last - 1;  // inclusive, as the scoreboard counts
    std::int64_t head = -1;
    for (std::uint32_t j = a; j <= b; ++j) {
      const std::uint32_t h = words[j].head;
      if (h == 0 || h - 1 < a || h - 1 > b) {
        head = j;
        break;
      }
    }
    const char* label = named_label(m.label);
    if (label != nullptr && head >= 0 && words[static_cast<std::size_t>(head)].upos == "PROPN") {
      const auto h = static_cast<std::uint32_t>(head);
      for (std::uint32_t j = h + 1; j <= b; ++j) {
        if (is_cut_word(words[j].form)) {
          b = j - 1;
          break;
        }
      }
      while (a < h && (words[a].upos == "DET" || words[a].upos == "PRON")) ++a;
      while (b > h && (words[b].upos == "PART" || words[b].upos == "PUNCT")) --b;
      s.entities.push_back({a, b + 1, label});
    } else {
      s.unscored.push_back({m.first, m.last, m.label.empty() ? "mention" : m.label});
    }
  }
  // Named spans never overlap in GUM's trimmed form except for nested names; keep the outer.
  std::sort(s.entities.begin(), s.entities.end(), [](const TokenSpan& x, const TokenSpan& y) {
    return x.first != y.first ? x.first < y.first : x.last > y.last;
  });
  std::vector<TokenSpan> outer;
  for (const TokenSpan& e : s.entities) {
    if (!outer.empty() && e.first < outer.back().last) {
      s.unscored.push_back(e);
      continue;
    }
    outer.push_back(e);
  }
  s.entities = std::move(outer);
}

}  // namespace

void parse_conllu(std::string_view content, const std::string& source, TaggedCorpus& corpus) {
  corpus.has_pos = true;
  const std::size_t first_document = corpus.documents.size();
  corpus.documents.push_back({file_name_of(source), {}});
  std::vector<Word> words;
  std::string text;
  bool has_text = false;
  std::size_t sentence_line = 0;
  const auto end_sentence = [&]() {
    if (words.empty()) {
      has_text = false;
      return;
    }
    TaggedSentence s;
    s.line = sentence_line;
    s.text = has_text ? text : std::string();
    std::size_t at = 0;
    for (const Word& w : words) {
      if (has_text) {
        std::size_t k = s.text.find(w.form, at);
        if (k == std::string::npos) k = at;  // the scoreboard's fallback for a form not in the text
        s.offsets.push_back({k, std::min(k + w.form.size(), s.text.size())});
        at = std::min(k + w.form.size(), s.text.size());
      } else {
        if (!s.text.empty()) s.text += ' ';
        s.offsets.push_back({s.text.size(), s.text.size() + w.form.size()});
        s.text += w.form;
      }
      s.words.push_back(w.form);
      s.upos.push_back(w.upos);
      if (w.misc.find("Entity=") != std::string::npos) corpus.has_entities = true;
    }
    add_entities(words, s);
    corpus.documents.back().sentences.push_back(std::move(s));
    words.clear();
    has_text = false;
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
    if (line.empty()) {
      end_sentence();
      continue;
    }
    if (line[0] == '#') {
      if (line.rfind("# newdoc id = ", 0) == 0) {
        end_sentence();
        const std::string id(line.substr(14));
        if (corpus.documents.back().sentences.empty())
          corpus.documents.back().id = id;
        else
          corpus.documents.push_back({id, {}});
      } else if (line.rfind("# text = ", 0) == 0) {
        text = std::string(line.substr(9));
        has_text = true;
      }
      continue;
    }
    std::vector<std::string_view> cols;
    for (std::size_t p = 0;;) {
      const std::size_t tab = line.find('\t', p);
      cols.push_back(
          line.substr(p, tab == std::string_view::npos ? std::string_view::npos : tab - p));
      if (tab == std::string_view::npos) break;
      p = tab + 1;
    }
    if (cols.size() != 10) {
      throw InputError(source, line_number,
                       "expected 10 tab-separated columns, found " + std::to_string(cols.size()));
    }
    const std::string_view id = cols[0];
    if (id.find('-') != std::string_view::npos || id.find('.') != std::string_view::npos) continue;
    if (id.empty() || id.size() > 6 ||
        id.find_first_not_of("0123456789") != std::string_view::npos ||
        std::stoul(std::string(id)) != words.size() + 1) {
      throw InputError(source, line_number, "bad word id '" + std::string(id) + "'");
    }
    std::uint32_t head = 0;
    if (cols[6] != "_") {
      if (cols[6].empty() || cols[6].find_first_not_of("0123456789") != std::string_view::npos ||
          cols[6].size() > 6) {
        throw InputError(source, line_number, "bad head '" + std::string(cols[6]) + "'");
      }
      head = static_cast<std::uint32_t>(std::stoul(std::string(cols[6])));
    }
    if (words.empty()) sentence_line = line_number;
    words.push_back({std::string(cols[1]), std::string(cols[3]), std::string(cols[9]), head});
  }
  end_sentence();
  // Drop empty documents and those whose text is not distributed (every word "_").
  auto& docs = corpus.documents;
  docs.erase(std::remove_if(docs.begin() + static_cast<std::ptrdiff_t>(first_document), docs.end(),
                            [](const TaggedDocument& d) {
                              for (const auto& s : d.sentences) {
                                for (const auto& w : s.words) {
                                  if (w != "_") return false;
                                }
                              }
                              return true;
                            }),
             docs.end());
}

TaggedCorpus read_conllu(const std::string& path) {
  TaggedCorpus corpus;
  corpus.source = path;
  corpus.format = "conllu";
  std::vector<std::string> files;
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    for (const auto& entry : std::filesystem::directory_iterator(path, ec)) {
      if (entry.path().extension() == ".conllu") files.push_back(entry.path().string());
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) throw InputError(path, "no .conllu files in this folder");
  } else {
    files.push_back(path);
  }
  for (const std::string& file : files) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw InputError(file, "cannot open file");
    std::ostringstream content;
    content << in.rdbuf();
    if (in.bad()) throw InputError(file, "read failed");
    parse_conllu(content.str(), file, corpus);
  }
  return corpus;
}

}  // namespace skein::evaluate
