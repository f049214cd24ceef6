#include "store/RowCodecs.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cstdint>

namespace skein::store {

std::string props_to_json(const Properties& props) {
  if (props.empty()) return "{}";
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.StartObject();
  for (const auto& [key, value] : props) {
    writer.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
    writer.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
  }
  writer.EndObject();
  return {buffer.GetString(), buffer.GetSize()};
}

std::string strings_to_json(const std::vector<std::string>& values) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.StartArray();
  for (const std::string& value : values) {
    writer.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
  }
  writer.EndArray();
  return {buffer.GetString(), buffer.GetSize()};
}

std::vector<std::string> json_to_strings(const char* json) {
  std::vector<std::string> values;
  rapidjson::Document document;
  document.Parse(json);
  if (document.HasParseError() || !document.IsArray()) return values;
  for (const auto& value : document.GetArray()) {
    if (value.IsString()) values.emplace_back(value.GetString(), value.GetStringLength());
  }
  return values;
}

Properties string_props(const std::string& json) {
  Properties props;
  rapidjson::Document document;
  document.Parse(json.c_str(), json.size());
  if (document.HasParseError() || !document.IsObject()) return props;
  for (const auto& member : document.GetObject()) {
    if (member.value.IsString()) {
      props.emplace(std::string(member.name.GetString(), member.name.GetStringLength()),
                    std::string(member.value.GetString(), member.value.GetStringLength()));
    }
  }
  return props;
}

std::string column_blob_string(const SQLite::Column& column) {
  const char* data = static_cast<const char*>(column.getBlob());
  return data == nullptr ? std::string()
                         : std::string(data, static_cast<std::size_t>(column.getBytes()));
}

std::size_t column_size(const SQLite::Column& column) {
  return static_cast<std::size_t>(std::max<std::int64_t>(0, column.getInt64()));
}

// Text is read before its length, as SQLite asks (the length may change when the text is
// converted).
void assign_text(std::string& target, sqlite3_stmt* row, int index) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(row, index));
  const auto bytes = static_cast<std::size_t>(sqlite3_column_bytes(row, index));
  if (text == nullptr) {
    target.clear();
  } else {
    target.assign(text, bytes);
  }
}

namespace {

void assign_text(std::string& target, const SQLite::Column& column) {
  target.assign(column.getText(), static_cast<std::size_t>(column.getBytes()));
}

}  // namespace

NodeRecord read_node(const SQLite::Statement& row) {
  NodeRecord node;
  node.id = row.getColumn(0).getInt64();
  node.label = row.getColumn(1).getString();
  node.key = row.getColumn(2).getString();
  node.name = row.getColumn(3).getString();
  node.props_json = row.getColumn(4).getString();
  node.aliases = json_to_strings(row.getColumn(5).getText("[]"));
  node.mention_count = row.getColumn(6).getInt64();
  node.document_count = row.getColumn(7).getInt64();
  node.first_seen = row.getColumn(8).getString();
  node.last_seen = row.getColumn(9).getString();
  return node;
}

EdgeRecord read_edge(const SQLite::Statement& row) {
  EdgeRecord edge;
  edge.id = row.getColumn(0).getInt64();
  assign_text(edge.type, row.getColumn(1));
  edge.src = row.getColumn(2).getInt64();
  edge.dst = row.getColumn(3).getInt64();
  edge.symmetric = row.getColumn(4).getInt() != 0;
  assign_text(edge.props_json, row.getColumn(5));
  edge.weight = row.getColumn(6).getDouble();
  edge.confidence = row.getColumn(7).getDouble();
  edge.has_text_basis = row.getColumn(8).getInt() != 0;
  edge.has_knowledge_basis = row.getColumn(9).getInt() != 0;
  assign_text(edge.first_seen, row.getColumn(10));
  assign_text(edge.last_seen, row.getColumn(11));
  return edge;
}

void read_edge(sqlite3_stmt* row, EdgeRecord& edge) {
  edge.id = sqlite3_column_int64(row, 0);
  assign_text(edge.type, row, 1);
  edge.src = sqlite3_column_int64(row, 2);
  edge.dst = sqlite3_column_int64(row, 3);
  edge.symmetric = sqlite3_column_int(row, 4) != 0;
  assign_text(edge.props_json, row, 5);
  edge.weight = sqlite3_column_double(row, 6);
  edge.confidence = sqlite3_column_double(row, 7);
  edge.has_text_basis = sqlite3_column_int(row, 8) != 0;
  edge.has_knowledge_basis = sqlite3_column_int(row, 9) != 0;
  assign_text(edge.first_seen, row, 10);
  assign_text(edge.last_seen, row, 11);
}

EvidenceRecord read_evidence(const SQLite::Statement& row) {
  EvidenceRecord evidence;
  evidence.id = row.getColumn(0).getInt64();
  evidence.edge_id = row.getColumn(1).getInt64();
  evidence.document_id = row.getColumn(2).getInt64();
  evidence.document_uri = row.getColumn(3).getString();
  evidence.document_title = row.getColumn(4).getString();
  evidence.published = row.getColumn(5).getString();
  evidence.start = column_size(row.getColumn(6));
  evidence.end = column_size(row.getColumn(7));
  evidence.sentence = column_blob_string(row.getColumn(8));
  evidence.rule = row.getColumn(9).getString();
  evidence.basis = row.getColumn(10).getString();
  evidence.confidence = row.getColumn(11).getDouble();
  return evidence;
}

MentionRecord read_mention(const SQLite::Statement& row) {
  MentionRecord mention;
  mention.node_id = row.getColumn(0).getInt64();
  mention.document_id = row.getColumn(1).getInt64();
  mention.document_uri = row.getColumn(2).getString();
  mention.start = column_size(row.getColumn(3));
  mention.end = column_size(row.getColumn(4));
  mention.text = column_blob_string(row.getColumn(5));
  mention.kind = row.getColumn(6).getString();
  return mention;
}

DocumentRecord read_document(const SQLite::Statement& row) {
  DocumentRecord document;
  document.id = row.getColumn(0).getInt64();
  document.uri = row.getColumn(1).getString();
  document.doc_id = row.getColumn(2).getString();
  document.title = row.getColumn(3).getString();
  document.published = row.getColumn(4).getString();
  document.sha256 = row.getColumn(5).getString();
  document.ingested_at = row.getColumn(6).getString();
  document.text_bytes = column_size(row.getColumn(7));
  return document;
}

}  // namespace skein::store
