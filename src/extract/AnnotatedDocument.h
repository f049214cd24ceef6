#pragma once
// The document the extraction components annotate (see Component.h): one Document and every
// layer the components add to it, in the order the default pipeline fills them:
//
//   tokens      Segmentation: tokens with byte offsets, sentences, normalised forms, and each
//               word's lexicon flags (segmenter)
//   pos         one part-of-speech tag per token (a tagger; empty until one runs)
//   dependencies one head and relation per token (a parser; empty until one runs)
//   gazetteer   longest-match gazetteer spans and, per token, the span starting there
//   mentions    entity mentions, each naming the component and rule (or model) that produced
//               it and a confidence; title phrases (roles); capitalised words still unexplained
//   entities    resolved entities, and each mention's entity
//   relations   relations with their evidence (each evidence row names component and rule)
//
// Everything here is plain data indexed by token, mention and entity numbers, so the layers
// refer to each other without pointers into vectors that grow. Offsets are bytes into
// document.text.
//
// Thread-safety: an AnnotatedDocument belongs to one extraction on one thread.

#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/Extraction.h"
#include "extract/Knowledge.h"
#include "extract/Segmenter.h"

namespace skein::extract {

// The four labels the recogniser tells apart (core/Extraction.h's labels:: as a small id).
enum class EntityLabel : std::uint8_t { kPerson, kOrganization, kCountry, kPlace };

// Universal POS tags (UD v2), as a small id; kNone means "not tagged".
namespace upos {
using Tag = std::uint8_t;
inline constexpr Tag kNone = 0;
inline constexpr std::string_view kNames[] = {"",      "ADJ",   "ADP",   "ADV", "AUX",  "CCONJ",
                                              "DET",   "INTJ",  "NOUN",  "NUM", "PART", "PRON",
                                              "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"};
inline constexpr std::size_t kCount = sizeof(kNames) / sizeof(kNames[0]);
inline std::string_view name(Tag tag) { return tag < kCount ? kNames[tag] : std::string_view(); }
// The tag of a UPOS name ("NOUN"), or kNone when it is none.
inline Tag from_name(std::string_view tag_name) {
  for (std::size_t i = 1; i < kCount; ++i) {
    if (kNames[i] == tag_name) return static_cast<Tag>(i);
  }
  return kNone;
}
}  // namespace upos

// A gazetteer match over tokens [first, last).
struct GazetteerSpan {
  std::uint32_t first = 0, last = 0;
  const PhraseEntry* entry = nullptr;  // borrowed from the Knowledge
  bool title = false;                  // matched as a title phrase (role), not as a name
};

// What a mention is before resolution, and so how the resolver treats it.
enum class MentionSource : std::uint8_t {
  kGazetteer,     // a listed name: `entry` holds its candidates
  kPerson,        // a person named in the text: `key`
  kOrganization,  // an organisation named in the text: `key`, `country_hint`
  kAlias,         // an acronym or short form of mention `alias_of`
  kSubdivision,   // a US state written as its AP abbreviation ("Conn.", "N.Y."): `subdivision`
  kPlace,         // an unlisted place the text places itself ("Bethany, Conn."): `key`
};

// How a mention came to its entity when the text does not name it there (the "coref"
// component, Coreference.h): relation components read such a mention as their argument, but
// the extraction's output never lists it among the entity's mentions.
enum class CorefKind : std::uint8_t {
  kNone,         // the text names the entity here (a name, alias, short form, demonym)
  kDescription,  // a description the article used for it: "the Pakistani president", "the firm"
  kPronoun,      // a pronoun: "he", "its"
};

// An entity mention. `component` and `rule` name what produced it (static strings), and
// `confidence` is that component's confidence in it (1 for rules).
struct EntityMention {
  std::uint32_t first = 0, last = 0;  // tokens
  std::uint32_t sentence = 0;
  MentionSource source = MentionSource::kGazetteer;
  EntityLabel label = EntityLabel::kPlace;  // for text-found mentions
  const PhraseEntry* entry = nullptr;       // kGazetteer
  int alias_of = -1;      // shares the resolution of this mention (acronyms, short forms)
  std::string key;        // text-found: normalised name
  int country_hint = -1;  // generic organisations: the country that qualifies them; -1 none
  bool demonym = false;
  bool short_form = false;           // a person named by part of a full name seen elsewhere
  bool metonym = false;              // a capital standing for its state: never an alias of it
  int subdivision = -1;              // kSubdivision, kPlace: the knowledge index of the state
  bool lone_surname = false;         // a person known by one unlisted word only
  bool region = false;               // kPlace: part of a listed place ("Southern California")
  bool tagged_organization = false;  // kGazetteer: the learned tagger read it so
  // An organisation the document's words describe as one, its name listed as no place
  // (TaggedSpan::described): the store's label vote weighs it above the tagger's readings.
  bool described = false;
  int entity = -1;                     // resolved entity, -1 = dropped
  CorefKind coref = CorefKind::kNone;  // kNone unless the "coref" component added it
  const char* component = "";
  const char* rule = "";
  float confidence = 1.0f;
};

// A title phrase: "Foreign Minister", "State Councilor and Foreign Minister", "Mr.".
struct Role {
  std::uint32_t first = 0, last = 0;
  bool honorific = false;  // "Mr", "Dr": anchors a name but is not a role
};

// A capitalised word no rule explained; the resolver makes it a short form of a person named
// in full, if exactly one fits.
struct PendingWord {
  std::uint32_t token = 0;
  std::uint32_t sentence = 0;
};

// A resolved entity: the output Entity (mentions are filled by the output step) and what the
// knowledge says about it.
struct ResolvedEntity {
  Entity out;
  EntityLabel label = EntityLabel::kPlace;
  int country = -1;       // knowledge index (Country entities, and the country of a Place)
  int subdivision = -1;   // knowledge index of a subdivision entity, or a city's subdivision
  int city = -1;          // knowledge index of a city entity
  int region = -1;        // knowledge index of a region entity (regions.tsv)
  bool namesake = false;  // an ambiguous listed place name left unlinked: city-sized
  int kb_person = -1;     // index into kb_people of the person this is (Person entities)
  bool keep_without_mentions = false;  // output even when the text never names it (a party
                                       // known from knowledge)
  std::uint32_t first_token = 0;
};

// The words that stood for a relation's source and target in its evidence sentence when they
// came through coreference ("the chancellor", "he"); empty for an argument named there.
struct CorefArguments {
  std::string source, target;
  bool any() const { return !source.empty() || !target.empty(); }
};

class AnnotatedDocument {
 public:
  explicit AnnotatedDocument(const Document& source) : document(source) {}
  AnnotatedDocument(const AnnotatedDocument&) = delete;
  AnnotatedDocument& operator=(const AnnotatedDocument&) = delete;

  const Document& document;  // borrowed: outlives the run

  // ---- tokens ----
  Segmentation segmentation;

  // ---- pos: one tag per token when a tagger ran, else empty ----
  std::vector<upos::Tag> pos;
  std::vector<float> pos_confidence;  // parallel to pos, the tagger's confidence

  // ---- dependencies: one per token when a parser ran, else empty ----
  // token index of the head, -1 for the root, -2 in a sentence the parser left out
  // (ParserComponent::kNotParsed)
  std::vector<std::int32_t> dependency_head;
  std::vector<std::string> dependency_relation;  // UD relation ("nsubj", "obl:tmod")

  // ---- gazetteer ----
  std::vector<GazetteerSpan> gazetteer_spans;  // in text order, non-overlapping
  std::vector<int> span_at;  // per token: the gazetteer span starting there, or -1

  // ---- mentions ----
  std::vector<EntityMention> mentions;  // in the order produced (not necessarily text order)
  std::vector<Role> roles;              // in text order
  std::vector<PendingWord> pending_words;

  // ---- entities ----
  std::vector<ResolvedEntity> entities;
  // The resolver found the document to be about sport (two or more sport words: "striker",
  // "match", ...): teams named there play fixtures rather than hold meetings.
  bool about_sport = false;

  // ---- relations ----
  std::vector<Relation> relations;

  // The entity with this label and key, created (with `created` set) when new.
  int entity_for(const std::string& label, const std::string& key, EntityLabel entity_label,
                 std::uint32_t first_token, bool* created);
  // The roles starting at token t, in their order in `roles` (an honorific and a title may
  // both start there).
  std::span<const Role> roles_at(std::uint32_t t) const {
    const auto [from, to] =
        std::equal_range(roles.begin(), roles.end(), Role{t, t, false},
                         [](const Role& a, const Role& b) { return a.first < b.first; });
    return {from, to};
  }
  int find_entity(const std::string& id) const {
    const auto it = entity_index_.find(id);
    return it == entity_index_.end() ? -1 : it->second;
  }
  // Adds a relation, or this evidence to the relation already there (one piece of evidence
  // per sentence: the most confident rule's). Symmetric types are stored with source < target.
  // `coref` gives the words that stood for an argument the sentence does not name (see
  // CorefArguments): a new relation so supported gets props "coref" (the entity id of each
  // such argument, source first, "; " between) and "coref-words" (the words, in that order);
  // evidence naming both arguments removes them, as the relation no longer rests on
  // coreference. `former`: the evidence says the role is past ("former Chelsea striker X"):
  // the relation gets props "former" = "true" unless other text evidence of it does not say
  // so (knowledge evidence, which says nothing of time, neither sets nor removes it).
  void add_relation(const std::string& type, bool symmetric, std::string source, std::string target,
                    const std::string& basis, const Evidence& evidence, const std::string& role,
                    const std::string& modality, const CorefArguments& coref = {},
                    bool former = false);
  bool has_relation(const std::string& type, const std::string& source,
                    const std::string& target) const;

 private:
  std::unordered_map<std::string, int> entity_index_;            // id -> index into entities
  std::unordered_map<std::string, std::size_t> relation_index_;  // type\x1fsource\x1ftarget
  std::vector<bool> held_now_;  // per relation: text evidence not saying the role is past
};

}  // namespace skein::extract
