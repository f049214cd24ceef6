#include "evaluate/Conll04Reader.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <sstream>

#include "core/Error.h"
#include "core/Sha256.h"
#include "core/Utf8.h"
#include "extract/Segmenter.h"

namespace skein::evaluate {
namespace {

struct TaggedEntity {
  ByteSpan span;
  std::string type;  // Peop, Org, Loc, Other
};

std::string file_name_of(const std::string& path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::size_t line_of_offset(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + offset, '\n'));
}

const char* class_of_conll_type(const std::string& type) {
  if (type == "Peop") return "Person";
  if (type == "Org") return "Organization";
  if (type == "Loc") return "Location";
  return nullptr;  // Other
}

// Returns the Skein type for a CoNLL04 relation type, or the type itself when Skein has no
// counterpart (those are the uncovered types).
std::string skein_type_of(const std::string& type) {
  if (type == "Located_In" || type == "OrgBased_In") return "located-in";
  if (type == "Work_For") return "affiliated-with";
  return type;
}

// CoNLL04's tokeniser leaves a sentence's full stop glued to the word before it ("... of
// Boise."; an item may hold more than one sentence, so not only at its end), and the gold span
// of an entity ending a sentence takes the period in. A period that belongs to the word stays:
// dotted forms ("U.S.", "D.C."), initials ("J.") and abbreviations ("Neb.", "Corp.", "Jr."),
// even where the same period also ends the sentence. Returns the span without the sentence's
// period, or `span`.
ByteSpan trim_sentence_period(ByteSpan span, std::string_view token) {
  if (token.size() < 3 || token.back() != '.') return span;
  const std::string_view word = token.substr(0, token.size() - 1);
  if (word.find('.') != std::string_view::npos) return span;
  std::string lowered(word);
  for (char& c : lowered) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (extract::is_builtin_abbreviation(lowered)) return span;
  return {span.start, span.end - 1};
}

}  // namespace

Dataset parse_conll04(std::string_view json, const std::string& source) {
  rapidjson::Document root;
  root.Parse(json.data(), json.size());
  if (root.HasParseError()) {
    throw InputError(
        source, line_of_offset(json, root.GetErrorOffset()),
        std::string("invalid JSON: ") + rapidjson::GetParseError_En(root.GetParseError()));
  }
  if (!root.IsArray()) throw InputError(source, "expected a JSON list of sentences");

  Dataset dataset;
  dataset.source = source;
  dataset.format = "conll04";
  dataset.label_classes = {{"Person", {"Person"}},
                           {"Organization", {"Organization"}},
                           {"Location", {"Country", "Place"}}};
  dataset.scores_demonyms = false;  // "Chinese", "Americans" are tagged Other
  dataset.span_normalization =
      "a sentence's full stop glued to the last word of a gold span is trimmed (\"Boise.\" -> "
      "\"Boise\"), except in dotted forms and abbreviations (\"U.S.\", \"Neb.\", \"Corp.\")";
  // The two Skein types CoNLL04 maps to (symmetry as the ontology says), then its own
  // types Skein does not produce.
  for (auto& type : skein_relation_types()) {
    if (type.name == "located-in" || type.name == "affiliated-with") {
      dataset.relation_types.push_back(std::move(type));
    }
  }
  dataset.relation_types.push_back({"Live_In", false, false});
  dataset.relation_types.push_back({"Kill", false, false});
  const std::string file_name = file_name_of(source);

  for (rapidjson::SizeType index = 0; index < root.Size(); ++index) {
    const auto& sentence = root[index];
    std::string where = "sentence " + std::to_string(index);
    auto fail = [&](const std::string& reason) -> InputError {
      return InputError(source, where + ": " + reason);
    };
    if (!sentence.IsObject()) throw fail("expected an object");
    std::string orig_id = std::to_string(index);
    if (auto it = sentence.FindMember("orig_id"); it != sentence.MemberEnd()) {
      if (it->value.IsInt64())
        orig_id = std::to_string(it->value.GetInt64());
      else if (it->value.IsString())
        orig_id = it->value.GetString();
      else
        throw fail("orig_id: expected a number or string");
      where += " (orig_id " + orig_id + ")";
    }
    auto tokens_it = sentence.FindMember("tokens");
    auto tags_it = sentence.FindMember("tags");
    if (tokens_it == sentence.MemberEnd() || !tokens_it->value.IsArray())
      throw fail("tokens: expected a list");
    if (tags_it == sentence.MemberEnd() || !tags_it->value.IsArray())
      throw fail("tags: expected a list");
    const auto& tokens = tokens_it->value;
    const auto& tags = tags_it->value;
    if (tokens.Size() != tags.Size()) {
      throw fail("tokens and tags differ in length (" + std::to_string(tokens.Size()) + " vs " +
                 std::to_string(tags.Size()) + ")");
    }
    if (tokens.Size() == 0) throw fail("no tokens");

    GoldDocument gold;
    gold.document.id = orig_id;
    gold.document.uri = file_name + "#" + orig_id;
    std::vector<ByteSpan> token_spans;
    for (rapidjson::SizeType t = 0; t < tokens.Size(); ++t) {
      if (!tokens[t].IsString()) throw fail("tokens[" + std::to_string(t) + "]: expected a string");
      std::string_view token(tokens[t].GetString(), tokens[t].GetStringLength());
      if (token.empty() || token.find(' ') != std::string_view::npos) {
        throw fail("tokens[" + std::to_string(t) + "]: empty or contains a space");
      }
      if (!utf8::is_valid(token)) throw fail("tokens[" + std::to_string(t) + "]: not valid UTF-8");
      if (t > 0) gold.document.text += ' ';
      const std::size_t start = gold.document.text.size();
      gold.document.text += token;
      token_spans.push_back({start, gold.document.text.size()});
    }
    gold.document.sha256 = sha256_hex(gold.document.text);

    // BILOU -> entity spans, checking the sequence is well formed.
    std::vector<TaggedEntity> entities;
    bool open = false;
    for (rapidjson::SizeType t = 0; t < tags.Size(); ++t) {
      const std::string at = "tags[" + std::to_string(t) + "]: ";
      if (!tags[t].IsString()) throw fail(at + "expected a string");
      const std::string tag = tags[t].GetString();
      if (tag == "O") {
        if (open) throw fail(at + "O inside an entity opened by B-");
        continue;
      }
      if (tag.size() < 3 || tag[1] != '-' ||
          std::string("BILU").find(tag[0]) == std::string::npos) {
        throw fail(at + "unknown tag '" + tag + "'");
      }
      const std::string type = tag.substr(2);
      if (type != "Peop" && type != "Org" && type != "Loc" && type != "Other") {
        throw fail(at + "unknown entity type '" + type + "'");
      }
      const char prefix = tag[0];
      if (prefix == 'B' || prefix == 'U') {
        if (open) throw fail(at + tag + " before the previous entity ended with L-");
        entities.push_back({token_spans[t], type});
        open = prefix == 'B';
      } else {  // I or L continue the open entity
        if (!open || entities.back().type != type) {
          throw fail(at + tag + " does not continue an entity of type " + type);
        }
        entities.back().span.end = token_spans[t].end;
        open = prefix == 'I';
      }
    }
    if (open) throw fail("the last entity is not closed by L-");

    std::vector<std::size_t> group_of_entity(entities.size(), SIZE_MAX);
    for (std::size_t e = 0; e < entities.size(); ++e) {
      const char* label = class_of_conll_type(entities[e].type);
      if (label == nullptr) {
        gold.unscored.push_back({entities[e].span, entities[e].type});
        continue;
      }
      group_of_entity[e] = gold.group_count++;
      // The span's last token: the one ending where the span ends.
      const auto last =
          std::find_if(token_spans.begin(), token_spans.end(),
                       [&](const ByteSpan& t) { return t.end == entities[e].span.end; });
      const ByteSpan span = trim_sentence_period(
          entities[e].span, std::string_view(gold.document.text).substr(last->start, last->size()));
      std::string text = gold.document.text.substr(span.start, span.size());
      gold.mentions.push_back({span, entities[e].span, label, std::move(text), group_of_entity[e]});
    }

    if (auto it = sentence.FindMember("relations"); it != sentence.MemberEnd()) {
      if (!it->value.IsArray()) throw fail("relations: expected a list");
      for (rapidjson::SizeType r = 0; r < it->value.Size(); ++r) {
        const auto& relation = it->value[r];
        const std::string at = "relations[" + std::to_string(r) + "]: ";
        if (!relation.IsObject()) throw fail(at + "expected an object");
        auto head = relation.FindMember("head"), tail = relation.FindMember("tail"),
             type = relation.FindMember("type");
        if (head == relation.MemberEnd() || !head->value.IsUint() || tail == relation.MemberEnd() ||
            !tail->value.IsUint() || type == relation.MemberEnd() || !type->value.IsString()) {
          throw fail(at + "expected {\"head\": index, \"tail\": index, \"type\": string}");
        }
        const std::size_t h = head->value.GetUint(), t = tail->value.GetUint();
        if (h >= entities.size() || t >= entities.size()) {
          throw fail(at + "entity index out of range (the sentence has " +
                     std::to_string(entities.size()) + " entities)");
        }
        const std::string original = type->value.GetString();
        if (original != "Located_In" && original != "OrgBased_In" && original != "Work_For" &&
            original != "Live_In" && original != "Kill") {
          throw fail(at + "unknown relation type '" + original + "'");
        }
        // A relation with an unscored endpoint could never be matched; leave it out.
        if (group_of_entity[h] == SIZE_MAX || group_of_entity[t] == SIZE_MAX) continue;
        gold.relations.push_back(
            {skein_type_of(original), group_of_entity[h], group_of_entity[t], original});
      }
    }
    dataset.documents.push_back(std::move(gold));
  }
  return dataset;
}

Dataset read_conll04(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, "cannot open file");
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) throw InputError(path, "read failed");
  return parse_conll04(content.str(), path);
}

}  // namespace skein::evaluate
