#pragma once
// What extraction finds in one document: the contract between extract, store, and the JSONL
// that `skein extract` writes and `skein load` reads.
//
// Identity: an entity's `id` is "<Label>:<key>" where `key` is its canonical key (for example
// "Country:KR", "Place:geonames:1799962", "Person:wang yi"). The id is the same in every
// document that names the same real thing, so extractions of different documents (or shards)
// merge by id alone. Relations refer to entities of the same DocumentExtraction by id.

#include <map>
#include <string>
#include <vector>

#include "core/Document.h"

namespace skein {

// Entity labels and relation bases used across modules.
namespace labels {
inline constexpr const char* kPerson = "Person";
inline constexpr const char* kOrganization = "Organization";
inline constexpr const char* kCountry = "Country";
inline constexpr const char* kPlace = "Place";
}  // namespace labels

namespace basis {
inline constexpr const char* kText = "text";            // supported by a sentence of the document
inline constexpr const char* kKnowledge = "knowledge";  // from the gazetteer, not the text
}  // namespace basis

// String-valued properties (role, kind, iso codes, geonames ids, modality, ...).
using Properties = std::map<std::string, std::string>;

// How a mention names its entity. Optional: empty means "not said" (readers of older JSONL).
namespace mention_kinds {
inline constexpr const char* kName = "name";    // the name itself: "South Korea", "Wang Yi"
inline constexpr const char* kAlias = "alias";  // another listed name: "Republic of Korea"
inline constexpr const char* kDemonym =
    "demonym";  // an adjective or people noun: "Korean", "Americans"
inline constexpr const char* kShort = "short";      // part of a name seen in full: "Wang"
inline constexpr const char* kAcronym = "acronym";  // letters standing for a name: "ROK", "THAAD"
inline constexpr const char* kMetonym = "metonym";  // a capital acting as its state: "Seoul agreed"
}  // namespace mention_kinds

struct Mention {
  ByteSpan span;     // into Document::text
  std::string text;  // exactly text.substr(span.start, span.size())
  std::string kind =
      {};  // one of mention_kinds, or empty; JSON "kind", written only when not empty
  // The document's words say what the entity is ("US supermarket giant Wal-Mart"), not a
  // tagger's reading alone: the store's label vote (docs/corrections.md) weighs it above
  // undescribed readings. JSON "described": true, written only when true.
  bool described = false;
};

struct Entity {
  std::string id;                    // "<label>:<key>"
  std::string label;                 // Person, Organization, Country, Place, ...
  std::string key;                   // canonical key, unique per label
  std::string name;                  // display name
  std::vector<std::string> aliases;  // other names seen or known (no duplicates of name)
  Properties props;
  std::vector<Mention> mentions;  // every mention in the document, in text order

  static std::string make_id(const std::string& label, const std::string& key) {
    return label + ":" + key;
  }
};

struct Evidence {
  ByteSpan span;            // the supporting sentence (for knowledge-basis relations: the mention)
  std::string rule;         // name of the rule (or model) that fired
  std::string text;         // exactly the document text under span
  double confidence = 1.0;  // this piece of evidence's confidence in [0, 1]
  // The extraction component that produced it ("relation-rules", "knowledge-relations"); JSON
  // "component", optional (empty when not said, as in older JSONL). The store keeps it in its
  // rule column as "component/rule" (qualified_rule).
  std::string component = {};

  // "component/rule", or the rule alone when no component is said.
  std::string qualified_rule() const { return component.empty() ? rule : component + "/" + rule; }
};

struct Relation {
  std::string type;         // met-with, trades-with, located-in, affiliated-with, ...
  std::string source;       // entity id
  std::string target;       // entity id; for symmetric types source < target
  double confidence = 1.0;  // in [0, 1], derived from the evidence
  std::string basis = basis::kText;
  Properties props;  // role, modality ("negated", "hypothetical"), ...
  std::vector<Evidence> evidence;
};

struct DocumentExtraction {
  Document document;
  std::vector<Entity> entities;
  std::vector<Relation> relations;
  // The sentences the segmenter found, in text order (spans into document.text). The store
  // links entities named in the same sentence (co-mention, a layer apart from relations);
  // empty for extractions that do not say (older JSONL), which then get no such links.
  std::vector<ByteSpan> sentences = {};
};

}  // namespace skein
