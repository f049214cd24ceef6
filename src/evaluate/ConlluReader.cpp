#include "evaluate/ConlluReader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "core/Error.h"
#include "parse/Treebank.h"

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
  for (const TokenSpan& m : mentions) {
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
  parse::read_conllu_sentences(content, source, [&](parse::ConlluSentence& read) {
    if (read.newdoc) {
      if (corpus.documents.back().sentences.empty())
        corpus.documents.back().id = *read.newdoc;
      else
        corpus.documents.push_back({*read.newdoc, {}});
    }
    words.clear();
    for (parse::ConlluWord& w : read.words) {
      words.push_back({std::move(w.form), std::move(w.upos), std::move(w.misc),
                       w.head < 0 ? 0 : static_cast<std::uint32_t>(w.head)});
    }
    TaggedSentence s;
    s.line = read.words.front().line;
    const bool has_text = read.text.has_value();
    s.text = has_text ? *read.text : std::string();
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
  });
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
