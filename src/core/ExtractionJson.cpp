// RapidJSON stays inside this file (public headers never include it). Writing goes through a
// Writer (not a DOM) so output is streamed in one fixed field order: that order, std::map
// properties and confidences rounded to six places make the bytes deterministic.
// Reading builds a DOM with iterative parsing (no recursion on deep input) after a cheap
// nesting pre-scan, then checks every field against the contract with a path in each message
// ("relations[2].evidence[0].end: ...") so a user can find the fault in a long line.
#include "core/ExtractionJson.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <set>

#include "core/Error.h"
#include "core/Sha256.h"
#include "core/Utf8.h"

namespace skein {
namespace {

// The contract nests six levels deep (root > relations > [] > {} > evidence > [] > {}).
// Anything much deeper is not an extraction, and refusing it early bounds the DOM's cost.
constexpr int kMaxNesting = 16;

using JsonWriter =
    rapidjson::Writer<rapidjson::StringBuffer, rapidjson::UTF8<>, rapidjson::UTF8<>,
                      rapidjson::CrtAllocator, rapidjson::kWriteValidateEncodingFlag>;

// Collects write failures (invalid UTF-8 in a string, a NaN) instead of checking each call.
class LineWriter {
 public:
  explicit LineWriter(const Document& document) : writer_(buffer_), uri_(document.uri) {}

  void key(const char* name) { check(writer_.Key(name), name); }
  void string(const char* name, const std::string& value) {
    key(name);
    check(writer_.String(value.data(), static_cast<rapidjson::SizeType>(value.size())), name);
  }
  void string_value(const std::string& value) {
    check(writer_.String(value.data(), static_cast<rapidjson::SizeType>(value.size())), "string");
  }
  void number(const char* name, std::size_t value) {
    key(name);
    check(writer_.Uint64(value), name);
  }
  // A confidence is written to six decimal places. RapidJSON's reader may read a number of 16
  // or more digits one unit in the last place off (its exact mode has undefined behaviour on
  // input like "0E221" in Debian's 1.1.0), so a longer one would not read back to the line it
  // came from; six places read back exactly, and what is read from them writes out the same.
  void boolean(const char* name, bool value) {
    key(name);
    check(writer_.Bool(value), name);
  }
  void real(const char* name, double value) {
    key(name);
    check(std::isfinite(value) && writer_.Double(std::round(value * 1e6) / 1e6), name);
  }
  void start_object() { writer_.StartObject(); }
  void end_object() { writer_.EndObject(); }
  void start_array(const char* name) {
    key(name);
    writer_.StartArray();
  }
  void end_array() { writer_.EndArray(); }
  void properties(const Properties& props) {
    key("props");
    start_object();
    for (const auto& [name, value] : props) {
      check(writer_.Key(name.data(), static_cast<rapidjson::SizeType>(name.size())), "props");
      string_value(value);
    }
    end_object();
  }

  std::string finish() {
    if (!failed_field_.empty()) {
      throw Error("cannot write the extraction of " + uri_ + " as JSON: field '" + failed_field_ +
                  "' is not valid UTF-8 or not a finite number");
    }
    return std::string(buffer_.GetString(), buffer_.GetSize());
  }

 private:
  void check(bool ok, const char* field) {
    if (!ok && failed_field_.empty()) failed_field_ = field;
  }

  rapidjson::StringBuffer buffer_;
  JsonWriter writer_;
  std::string uri_;
  std::string failed_field_;
};

// Returns the deepest [ / { nesting of a JSON text, ignoring brackets inside strings.
int max_nesting(std::string_view line) {
  int depth = 0;
  int deepest = 0;
  bool in_string = false;
  bool escaped = false;
  for (char c : line) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
      if (deepest > kMaxNesting) return deepest;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return deepest;
}

class LineReader {
 public:
  LineReader(const std::string& source, std::size_t line) : source_(source), line_(line) {}

  [[noreturn]] void fail(const std::string& path, const std::string& reason) const {
    throw InputError(source_, line_, path.empty() ? reason : path + ": " + reason);
  }

  const rapidjson::Value& member(const rapidjson::Value& object, const std::string& path,
                                 const char* name) const {
    const auto it = object.FindMember(name);
    if (it == object.MemberEnd()) fail(path, std::string("missing field \"") + name + "\"");
    return it->value;
  }

  const rapidjson::Value* optional_member(const rapidjson::Value& object, const char* name) const {
    const auto it = object.FindMember(name);
    return it == object.MemberEnd() ? nullptr : &it->value;
  }

  // A string value, which must decode to valid UTF-8: the parser validates the line's bytes,
  // but a \u escape of a lone surrogate ("\udebe") decodes to bytes that are not UTF-8.
  std::string string(const rapidjson::Value& value, const std::string& path) const {
    if (!value.IsString()) fail(path, "expected a string");
    std::string result(value.GetString(), value.GetStringLength());
    if (!utf8::is_valid(result)) fail(path, "not valid UTF-8 (a \\u escape of a lone surrogate?)");
    return result;
  }

  std::string required_string(const rapidjson::Value& object, const std::string& path,
                              const char* name) const {
    return string(member(object, path, name), join(path, name));
  }

  std::string optional_string(const rapidjson::Value& object, const std::string& path,
                              const char* name) const {
    const rapidjson::Value* value = optional_member(object, name);
    return value == nullptr ? std::string() : string(*value, join(path, name));
  }

  // false when absent.
  bool optional_bool(const rapidjson::Value& object, const std::string& path,
                     const char* name) const {
    const rapidjson::Value* value = optional_member(object, name);
    if (value == nullptr) return false;
    if (!value->IsBool()) fail(join(path, name), "expected true or false");
    return value->GetBool();
  }

  const rapidjson::Value& object(const rapidjson::Value& value, const std::string& path) const {
    if (!value.IsObject()) fail(path, "expected an object");
    return value;
  }

  const rapidjson::Value& array(const rapidjson::Value& value, const std::string& path) const {
    if (!value.IsArray()) fail(path, "expected an array");
    return value;
  }

  double confidence(const rapidjson::Value& object, const std::string& path) const {
    const rapidjson::Value* value = optional_member(object, "confidence");
    if (value == nullptr) return 1.0;
    const std::string field = join(path, "confidence");
    if (!value->IsNumber()) fail(field, "expected a number");
    const double result = value->GetDouble();
    if (!(result >= 0.0 && result <= 1.0))
      fail(field, "must be in [0, 1], got " + std::to_string(result));
    return result;
  }

  // Reads "start"/"end" and checks them against the text: in range, ordered, on character
  // boundaries, and (when the object carries "text") that the quoted text is what lies there.
  ByteSpan span(const rapidjson::Value& object, const std::string& path,
                const std::string& text) const {
    const auto offset = [&](const char* name) -> std::size_t {
      const rapidjson::Value& value = member(object, path, name);
      if (!value.IsUint64()) fail(join(path, name), "expected a non-negative integer");
      const std::uint64_t result = value.GetUint64();
      if (result > text.size()) {
        fail(join(path, name), std::to_string(result) + " is beyond the end of the text (" +
                                   std::to_string(text.size()) + " bytes)");
      }
      if (!utf8::is_boundary(text, static_cast<std::size_t>(result))) {
        fail(join(path, name), std::to_string(result) + " is inside a UTF-8 character");
      }
      return static_cast<std::size_t>(result);
    };
    ByteSpan result{offset("start"), offset("end")};
    if (result.start > result.end) {
      fail(path,
           "start " + std::to_string(result.start) + " is after end " + std::to_string(result.end));
    }
    const std::string quoted = required_string(object, path, "text");
    if (text.compare(result.start, result.size(), quoted) != 0) {
      fail(join(path, "text"), "does not match the document text at [" +
                                   std::to_string(result.start) + ", " +
                                   std::to_string(result.end) + ")");
    }
    return result;
  }

  Properties properties(const rapidjson::Value& object, const std::string& path) const {
    Properties result;
    const rapidjson::Value* value = optional_member(object, "props");
    if (value == nullptr) return result;
    const std::string field = join(path, "props");
    this->object(*value, field);
    for (const auto& entry : value->GetObject()) {
      const std::string name = string(entry.name, field);
      result[name] = string(entry.value, field + "." + name);
    }
    return result;
  }

  static std::string join(const std::string& path, const char* name) {
    return path.empty() ? std::string(name) : path + "." + name;
  }
  static std::string index(const std::string& path, std::size_t i) {
    return path + "[" + std::to_string(i) + "]";
  }

 private:
  const std::string& source_;
  std::size_t line_;
};

}  // namespace

std::string to_json_line(const DocumentExtraction& extraction) {
  const Document& doc = extraction.document;
  LineWriter out(doc);
  out.start_object();
  out.key("document");
  out.start_object();
  out.string("id", doc.id);
  out.string("uri", doc.uri);
  out.string("title", doc.title);
  out.string("published", doc.published);
  out.string("sha256", doc.sha256);
  out.string("text", doc.text);
  out.start_array("excluded");
  for (const ByteSpan& span : doc.excluded) {
    out.start_object();
    out.number("start", span.start);
    out.number("end", span.end);
    out.end_object();
  }
  out.end_array();
  out.end_object();

  out.start_array("entities");
  for (const Entity& entity : extraction.entities) {
    out.start_object();
    out.string("id", entity.id);
    out.string("label", entity.label);
    out.string("name", entity.name);
    out.start_array("aliases");
    for (const std::string& alias : entity.aliases) out.string_value(alias);
    out.end_array();
    out.properties(entity.props);
    out.start_array("mentions");
    for (const Mention& mention : entity.mentions) {
      out.start_object();
      out.number("start", mention.span.start);
      out.number("end", mention.span.end);
      out.string("text", mention.text);
      if (!mention.kind.empty()) out.string("kind", mention.kind);
      if (mention.described) out.boolean("described", true);
      out.end_object();
    }
    out.end_array();
    out.end_object();
  }
  out.end_array();

  out.start_array("relations");
  for (const Relation& relation : extraction.relations) {
    out.start_object();
    out.string("type", relation.type);
    out.string("source", relation.source);
    out.string("target", relation.target);
    out.real("confidence", relation.confidence);
    out.string("basis", relation.basis);
    out.properties(relation.props);
    out.start_array("evidence");
    for (const Evidence& evidence : relation.evidence) {
      out.start_object();
      out.number("start", evidence.span.start);
      out.number("end", evidence.span.end);
      out.string("rule", evidence.rule);
      if (!evidence.component.empty()) out.string("component", evidence.component);
      out.string("text", evidence.text);
      out.real("confidence", evidence.confidence);
      out.end_object();
    }
    out.end_array();
    out.end_object();
  }
  out.end_array();
  if (!extraction.sentences.empty()) {
    out.start_array("sentences");
    for (const ByteSpan& span : extraction.sentences) {
      out.start_object();
      out.number("start", span.start);
      out.number("end", span.end);
      out.end_object();
    }
    out.end_array();
  }
  out.end_object();
  return out.finish();
}

DocumentExtraction extraction_from_json_line(std::string_view line, const std::string& source,
                                             std::size_t line_number) {
  const LineReader in(source, line_number);
  if (max_nesting(line) > kMaxNesting) {
    in.fail("", "JSON nested deeper than " + std::to_string(kMaxNesting) + " levels");
  }
  rapidjson::Document json;
  constexpr unsigned kFlags =
      rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag;
  json.Parse<kFlags>(line.data(), line.size());
  if (json.HasParseError()) {
    in.fail("", std::string("invalid JSON at byte ") + std::to_string(json.GetErrorOffset()) +
                    ": " + rapidjson::GetParseError_En(json.GetParseError()));
  }
  in.object(json, "line");

  DocumentExtraction result;
  Document& doc = result.document;
  const rapidjson::Value& document = in.object(in.member(json, "", "document"), "document");
  doc.text = in.required_string(document, "document", "text");
  doc.uri = in.required_string(document, "document", "uri");
  if (doc.uri.empty()) in.fail("document.uri", "must not be empty");
  doc.id = in.optional_string(document, "document", "id");
  doc.title = in.optional_string(document, "document", "title");
  doc.published = in.optional_string(document, "document", "published");
  doc.sha256 = sha256_hex(doc.text);
  const std::string given_sha = in.optional_string(document, "document", "sha256");
  if (!given_sha.empty() && given_sha != doc.sha256) {
    in.fail("document.sha256", "does not match the SHA-256 of document.text (" + doc.sha256 + ")");
  }
  // Debris and sentence spans carry no "text"; each list is ordered and non-overlapping.
  const auto read_bare_spans = [&](const rapidjson::Value& list, const std::string& field,
                                   const char* what, std::vector<ByteSpan>& out) {
    in.array(list, field);
    std::size_t previous_end = 0;
    for (rapidjson::SizeType i = 0; i < list.Size(); ++i) {
      const std::string path = LineReader::index(field, i);
      const rapidjson::Value& item = in.object(list[i], path);
      const auto offset = [&](const char* name) -> std::size_t {
        const rapidjson::Value& value = in.member(item, path, name);
        if (!value.IsUint64() || value.GetUint64() > doc.text.size()) {
          in.fail(LineReader::join(path, name), "expected an offset within the text");
        }
        return static_cast<std::size_t>(value.GetUint64());
      };
      const ByteSpan span{offset("start"), offset("end")};
      if (span.start > span.end || span.start < previous_end) {
        in.fail(path, std::string(what) + " spans must be ordered and must not overlap");
      }
      previous_end = span.end;
      out.push_back(span);
    }
  };
  if (const rapidjson::Value* excluded = in.optional_member(document, "excluded")) {
    read_bare_spans(*excluded, "document.excluded", "debris", doc.excluded);
  }
  if (const rapidjson::Value* sentences = in.optional_member(json, "sentences")) {
    read_bare_spans(*sentences, "sentences", "sentence", result.sentences);
  }

  std::set<std::string> entity_ids;
  const rapidjson::Value& entities = in.array(in.member(json, "", "entities"), "entities");
  for (rapidjson::SizeType i = 0; i < entities.Size(); ++i) {
    const std::string path = LineReader::index("entities", i);
    const rapidjson::Value& item = in.object(entities[i], path);
    Entity entity;
    entity.id = in.required_string(item, path, "id");
    entity.label = in.required_string(item, path, "label");
    entity.name = in.required_string(item, path, "name");
    const std::string prefix = entity.label + ":";
    if (entity.label.empty() || entity.id.size() <= prefix.size() ||
        entity.id.compare(0, prefix.size(), prefix) != 0) {
      in.fail(LineReader::join(path, "id"),
              "\"" + entity.id + "\" is not \"<label>:<key>\" with label \"" + entity.label + "\"");
    }
    entity.key = entity.id.substr(prefix.size());
    if (!entity_ids.insert(entity.id).second) {
      in.fail(LineReader::join(path, "id"), "duplicate entity id \"" + entity.id + "\"");
    }
    if (const rapidjson::Value* aliases = in.optional_member(item, "aliases")) {
      const std::string field = LineReader::join(path, "aliases");
      in.array(*aliases, field);
      for (rapidjson::SizeType j = 0; j < aliases->Size(); ++j) {
        entity.aliases.push_back(in.string((*aliases)[j], LineReader::index(field, j)));
      }
    }
    entity.props = in.properties(item, path);
    if (const rapidjson::Value* mentions = in.optional_member(item, "mentions")) {
      const std::string field = LineReader::join(path, "mentions");
      in.array(*mentions, field);
      for (rapidjson::SizeType j = 0; j < mentions->Size(); ++j) {
        const std::string mention_path = LineReader::index(field, j);
        const rapidjson::Value& mention = in.object((*mentions)[j], mention_path);
        Mention value;
        value.span = in.span(mention, mention_path, doc.text);
        value.text = doc.text.substr(value.span.start, value.span.size());
        value.kind = in.optional_string(mention, mention_path, "kind");
        value.described = in.optional_bool(mention, mention_path, "described");
        entity.mentions.push_back(std::move(value));
      }
    }
    result.entities.push_back(std::move(entity));
  }

  const rapidjson::Value& relations = in.array(in.member(json, "", "relations"), "relations");
  for (rapidjson::SizeType i = 0; i < relations.Size(); ++i) {
    const std::string path = LineReader::index("relations", i);
    const rapidjson::Value& item = in.object(relations[i], path);
    Relation relation;
    relation.type = in.required_string(item, path, "type");
    if (relation.type.empty()) in.fail(LineReader::join(path, "type"), "must not be empty");
    for (const char* end : {"source", "target"}) {
      std::string id = in.required_string(item, path, end);
      if (entity_ids.count(id) == 0) {
        in.fail(LineReader::join(path, end), "\"" + id + "\" is not among this line's entities");
      }
      (std::string_view(end) == "source" ? relation.source : relation.target) = std::move(id);
    }
    relation.confidence = in.confidence(item, path);
    if (in.optional_member(item, "basis") != nullptr) {
      relation.basis = in.required_string(item, path, "basis");
      if (relation.basis != basis::kText && relation.basis != basis::kKnowledge) {
        in.fail(LineReader::join(path, "basis"),
                "must be \"text\" or \"knowledge\", got \"" + relation.basis + "\"");
      }
    }
    relation.props = in.properties(item, path);
    if (const rapidjson::Value* evidence = in.optional_member(item, "evidence")) {
      const std::string field = LineReader::join(path, "evidence");
      in.array(*evidence, field);
      for (rapidjson::SizeType j = 0; j < evidence->Size(); ++j) {
        const std::string evidence_path = LineReader::index(field, j);
        const rapidjson::Value& entry = in.object((*evidence)[j], evidence_path);
        Evidence value;
        value.span = in.span(entry, evidence_path, doc.text);
        value.text = doc.text.substr(value.span.start, value.span.size());
        value.rule = in.required_string(entry, evidence_path, "rule");
        value.component = in.optional_string(entry, evidence_path, "component");
        value.confidence = in.confidence(entry, evidence_path);
        relation.evidence.push_back(std::move(value));
      }
    }
    // Every relation is there because of something: a relation with no evidence could only
    // be shown as an empty quote.
    if (relation.evidence.empty()) {
      in.fail(LineReader::join(path, "evidence"),
              "a relation needs at least one piece of evidence (a supporting span)");
    }
    result.relations.push_back(std::move(relation));
  }
  return result;
}

}  // namespace skein
