// Document rebuild: what extraction stored for one document, read back as the
// DocumentExtraction that put() took (the basis of merging stores).

#include <map>
#include <tuple>

#include "core/Confidence.h"
#include "store/RowCodecs.h"
#include "store/StoreImpl.h"

namespace skein::store {

std::optional<DocumentExtraction> Store::document_extraction(std::int64_t document_id) const {
  return impl_->guarded([&]() -> std::optional<DocumentExtraction> {
    DocumentExtraction extraction;
    {
      auto statement = impl_->use(
          "SELECT uri, doc_id, title, published, sha256, CAST(text AS BLOB) FROM documents "
          "WHERE id = ?1");
      statement->bind(1, document_id);
      if (!statement->executeStep()) return std::nullopt;
      auto& document = extraction.document;
      document.uri = statement->getColumn(0).getString();
      document.id = statement->getColumn(1).getString();
      document.title = statement->getColumn(2).getString();
      document.published = statement->getColumn(3).getString();
      document.sha256 = statement->getColumn(4).getString();
      document.text = column_blob_string(statement->getColumn(5));
    }
    const std::string& text = extraction.document.text;
    // Entities: the document's mentions grouped by the entity extraction gave (the node's
    // own, or the one a correction filed under it: `origin`), plus relation endpoints it
    // supports without naming them (none today, but the contract allows it). An entity a
    // correction redirected comes back under its own id, so that the store it is put into
    // applies the same corrections (`skein merge` copies them first) and can still undo them.
    std::map<std::string, std::size_t> entity_of_id;
    auto entity_for = [&](std::int64_t node_id, const std::string& origin) -> Entity& {
      auto node = this->node(node_id).value_or(NodeRecord{});
      const std::string id = origin.empty() ? Entity::make_id(node.label, node.key) : origin;
      auto [it, added] = entity_of_id.try_emplace(id, extraction.entities.size());
      if (added) {
        Entity entity;
        entity.id = id;
        entity.label = node.label;
        entity.key = node.key;
        entity.name = node.name;
        if (origin.empty()) {
          entity.aliases = node.aliases;
          entity.props = string_props(node.props_json);
        } else {
          auto [label, key] = split_entity_id(origin);
          entity.label = label;
          entity.key = key;
          auto absorbed = impl_->rules.absorbed_name.find(origin);
          if (absorbed != impl_->rules.absorbed_name.end() && !absorbed->second.empty()) {
            entity.name = absorbed->second;
          }
        }
        extraction.entities.push_back(std::move(entity));
      }
      return extraction.entities[it->second];
    };
    {
      auto statement = impl_->use(
          "SELECT node, byte_start, byte_end, kind, entity, described FROM mentions "
          "WHERE document = ?1 ORDER BY byte_start, node");
      statement->bind(1, document_id);
      std::vector<
          std::tuple<std::int64_t, std::size_t, std::size_t, std::string, std::string, bool>>
          rows;
      while (statement->executeStep()) {
        rows.emplace_back(statement->getColumn(0).getInt64(), column_size(statement->getColumn(1)),
                          column_size(statement->getColumn(2)), statement->getColumn(3).getString(),
                          statement->getColumn(4).getString(),
                          statement->getColumn(5).getInt64() != 0);
      }
      statement->reset();
      for (const auto& [node_id, start, end, kind, origin, described] : rows) {
        Mention mention;
        mention.span = ByteSpan{start, end};
        mention.text = text.substr(start, end - start);
        mention.kind = kind;
        mention.described = described;
        entity_for(node_id, origin).mentions.push_back(std::move(mention));
      }
    }
    {
      auto statement = impl_->use(
          "SELECT v.edge, e.type, e.src, e.dst, v.basis, v.props, v.byte_start, v.byte_end, "
          "v.rule, v.confidence, v.src_entity, v.dst_entity FROM evidence v "
          "JOIN edges e ON e.id = v.edge "
          "WHERE v.document = ?1 ORDER BY v.edge, v.basis, v.src_entity, v.dst_entity, v.id");
      statement->bind(1, document_id);
      struct Row {
        std::int64_t edge, src, dst;
        std::string type, basis, props, src_entity, dst_entity;
        Evidence evidence;
      };
      std::vector<Row> rows;
      while (statement->executeStep()) {
        Row row;
        row.edge = statement->getColumn(0).getInt64();
        row.type = statement->getColumn(1).getString();
        row.src = statement->getColumn(2).getInt64();
        row.dst = statement->getColumn(3).getInt64();
        row.basis = statement->getColumn(4).getString();
        row.props = statement->getColumn(5).getString();
        row.evidence.span =
            ByteSpan{column_size(statement->getColumn(6)), column_size(statement->getColumn(7))};
        row.evidence.rule = statement->getColumn(8).getString();
        row.evidence.confidence = statement->getColumn(9).getDouble();
        row.src_entity = statement->getColumn(10).getString();
        row.dst_entity = statement->getColumn(11).getString();
        row.evidence.text = text.substr(row.evidence.span.start, row.evidence.span.size());
        rows.push_back(std::move(row));
      }
      statement->reset();
      for (std::size_t i = 0; i < rows.size();) {
        // One Relation per (edge, basis, endpoint entities), its evidence in stored order.
        Relation relation;
        relation.type = rows[i].type;
        relation.source = entity_for(rows[i].src, rows[i].src_entity).id;
        relation.target = entity_for(rows[i].dst, rows[i].dst_entity).id;
        relation.basis = rows[i].basis;
        relation.props = string_props(rows[i].props);
        std::size_t j = i;
        for (; j < rows.size() && rows[j].edge == rows[i].edge && rows[j].basis == rows[i].basis &&
               rows[j].src_entity == rows[i].src_entity && rows[j].dst_entity == rows[i].dst_entity;
             ++j) {
          relation.evidence.push_back(std::move(rows[j].evidence));
        }
        relation.confidence = noisy_or(relation.evidence);
        extraction.relations.push_back(std::move(relation));
        i = j;
      }
    }
    {
      // The sentences that link entities: put() of this extraction pairs them again.
      auto statement = impl_->use(
          "SELECT DISTINCT sentence_start, sentence_end FROM mentions WHERE document = ?1 "
          "AND sentence_start >= 0 ORDER BY sentence_start");
      statement->bind(1, document_id);
      while (statement->executeStep()) {
        extraction.sentences.push_back(
            ByteSpan{column_size(statement->getColumn(0)), column_size(statement->getColumn(1))});
      }
    }
    return extraction;
  });
}

}  // namespace skein::store
