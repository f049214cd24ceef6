#pragma once
// Small builders for store tests: a DocumentExtraction written the way extraction would, with
// spans found by searching the text so a test reads like the article it stores.

#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <stdexcept>
#include <string>

#include "core/Extraction.h"
#include "core/Sha256.h"

namespace skein::store::test {

class DocBuilder {
 public:
  DocBuilder(std::string uri, std::string text, std::string published = "2024-05-13") {
    extraction_.document.uri = std::move(uri);
    extraction_.document.text = std::move(text);
    extraction_.document.published = std::move(published);
    extraction_.document.title = "Title of " + extraction_.document.uri;
    extraction_.document.sha256 = sha256_hex(extraction_.document.text);
  }

  // An entity mentioned wherever `name` (and each alias) occurs in the text.
  DocBuilder& entity(const std::string& label, const std::string& key, const std::string& name,
                     std::vector<std::string> aliases = {}, Properties props = {}) {
    Entity entity;
    entity.label = label;
    entity.key = key;
    entity.id = Entity::make_id(label, key);
    entity.name = name;
    entity.aliases = std::move(aliases);
    entity.props = std::move(props);
    std::vector<std::string> names = entity.aliases;
    names.push_back(name);
    for (const std::string& n : names) {
      for (auto at = text().find(n); at != std::string::npos; at = text().find(n, at + 1)) {
        Mention mention;
        mention.span = {at, at + n.size()};
        mention.text = n;
        mention.kind = n == name ? mention_kinds::kName : mention_kinds::kAlias;
        entity.mentions.push_back(std::move(mention));
      }
    }
    extraction_.entities.push_back(std::move(entity));
    return *this;
  }

  // A relation supported by the sentence `sentence` (which must occur in the text).
  DocBuilder& relation(const std::string& type, const std::string& source,
                       const std::string& target, const std::string& sentence,
                       double confidence = 0.8, const std::string& basis = basis::kText,
                       Properties props = {}) {
    Relation relation;
    relation.type = type;
    relation.source = source;
    relation.target = target;
    relation.basis = basis;
    relation.confidence = confidence;
    relation.props = std::move(props);
    const auto at = text().find(sentence);
    if (at == std::string::npos) throw std::logic_error("sentence not in text: " + sentence);
    Evidence evidence;
    evidence.span = {at, at + sentence.size()};
    evidence.rule = "rule-" + type;
    evidence.text = sentence;
    evidence.confidence = confidence;
    relation.evidence.push_back(std::move(evidence));
    extraction_.relations.push_back(std::move(relation));
    return *this;
  }

  // Adds a second piece of evidence to the last relation.
  DocBuilder& more_evidence(const std::string& sentence, double confidence) {
    const auto at = text().find(sentence);
    if (at == std::string::npos) throw std::logic_error("sentence not in text: " + sentence);
    Evidence evidence;
    evidence.span = {at, at + sentence.size()};
    evidence.rule = "second-rule";
    evidence.text = sentence;
    evidence.confidence = confidence;
    extraction_.relations.back().evidence.push_back(std::move(evidence));
    return *this;
  }

  // Sentence spans as a segmenter would give them: the text cut after each ". " (the last
  // sentence runs to the end).
  DocBuilder& sentences() {
    extraction_.sentences.clear();
    std::size_t start = 0;
    while (start < text().size()) {
      const auto stop = text().find(". ", start);
      const std::size_t end = stop == std::string::npos ? text().size() : stop + 1;
      extraction_.sentences.push_back({start, end});
      start = stop == std::string::npos ? text().size() : stop + 2;
    }
    return *this;
  }

  const DocumentExtraction& get() const { return extraction_; }
  DocumentExtraction& edit() { return extraction_; }

 private:
  const std::string& text() const { return extraction_.document.text; }
  DocumentExtraction extraction_;
};

// A fresh temporary directory, removed with everything in it at scope exit.
class TempDir {
 public:
  TempDir() {
    std::random_device random;
    path_ = std::filesystem::temp_directory_path() /
            ("skein-store-test-" + std::to_string(random()) + std::to_string(random()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

inline std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void write_bytes(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

inline std::int64_t query_int(SQLite::Database& db, const std::string& sql) {
  SQLite::Statement statement(db, sql);
  statement.executeStep();
  return statement.getColumn(0).getInt64();
}

}  // namespace skein::store::test
