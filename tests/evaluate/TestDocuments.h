#pragma once
// Builders for hand-made gold documents and predictions: spans are given by the text they
// cover (the n-th occurrence), so the tests read like the sentences they score.

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "core/Extraction.h"
#include "evaluate/GoldDataset.h"

namespace skein::evaluate::testing {

inline ByteSpan span_of(const std::string& text, const std::string& part, int occurrence = 1) {
  std::size_t pos = std::string::npos, from = 0;
  for (int i = 0; i < occurrence; ++i) {
    pos = text.find(part, from);
    if (pos == std::string::npos) throw std::logic_error("test text has no '" + part + "'");
    from = pos + 1;
  }
  return {pos, pos + part.size()};
}

// The gold-format dataset shape: Skein's four labels and relation types.
inline Dataset skein_dataset() {
  Dataset dataset;
  dataset.source = "test";
  dataset.format = "gold";
  for (const char* label : {"Person", "Organization", "Country", "Place"}) {
    dataset.label_classes.push_back({label, {label}});
  }
  dataset.relation_types = skein_relation_types();
  return dataset;
}

struct GoldBuilder {
  GoldDocument gold;

  explicit GoldBuilder(std::string text) {
    gold.document.uri = "doc";
    gold.document.text = std::move(text);
  }
  // Adds a mention of entity `name` (a new group the first time the name is seen).
  GoldBuilder& mention(const std::string& part, const std::string& label, std::string name = {},
                       int occurrence = 1) {
    if (name.empty()) name = part;
    std::size_t group = gold.group_count;
    for (const auto& m : gold.mentions) {
      if (m.name == name) group = m.group;
    }
    if (group == gold.group_count) ++gold.group_count;
    const ByteSpan span = span_of(gold.document.text, part, occurrence);
    gold.mentions.push_back({span, span, label, name, group});
    return *this;
  }
  GoldBuilder& unscored(const std::string& part, const std::string& label) {
    gold.unscored.push_back({span_of(gold.document.text, part), label});
    return *this;
  }
  GoldBuilder& relation(const std::string& type, const std::string& source,
                        const std::string& target, std::string original = {}) {
    auto group_of = [&](const std::string& name) {
      for (const auto& m : gold.mentions) {
        if (m.name == name) return m.group;
      }
      throw std::logic_error("no gold entity " + name);
    };
    gold.relations.push_back(
        {type, group_of(source), group_of(target), original.empty() ? type : original});
    return *this;
  }
};

struct PredictionBuilder {
  DocumentExtraction extraction;

  explicit PredictionBuilder(const GoldDocument& gold) { extraction.document = gold.document; }
  // Adds an entity with one mention per listed part (first occurrences unless a part is
  // given as {text, occurrence}).
  PredictionBuilder& entity(const std::string& id, const std::string& label,
                            const std::vector<std::pair<std::string, int>>& parts) {
    Entity entity;
    entity.id = id;
    entity.label = label;
    entity.name = parts.empty() ? id : parts.front().first;
    for (const auto& [part, occurrence] : parts) {
      const ByteSpan span = span_of(extraction.document.text, part, occurrence);
      entity.mentions.push_back({span, part});
    }
    extraction.entities.push_back(std::move(entity));
    return *this;
  }
  PredictionBuilder& entity(const std::string& id, const std::string& label,
                            const std::string& part) {
    return entity(id, label, std::vector<std::pair<std::string, int>>{{part, 1}});
  }
  PredictionBuilder& relation(const std::string& type, const std::string& source,
                              const std::string& target, Properties props = {}) {
    Relation relation;
    relation.type = type;
    relation.source = source;
    relation.target = target;
    relation.props = std::move(props);
    extraction.relations.push_back(std::move(relation));
    return *this;
  }
};

}  // namespace skein::evaluate::testing
