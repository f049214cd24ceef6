#pragma once
// Relation types, their trigger patterns, and the word lists the recogniser takes from the
// rule files (schema/*.rules). The format is documented in schema/README-rules.md; in short:
//
//   relation met-with symmetric Person|Country|Organization -- Person|Country|Organization
//   relation located-in directed Place|Organization -> Place|Country
//   rule met-with verb 0.85 : A ...3 met|meets|meet with? B
//   rule affiliated-with second 0.7 also : A , ...8 and R at B   ("also": see below)
//   rule located-in appos 0.8 nolist : A:Place , B:Place|Country   ("nolist", "institution":
//                                                                   RelationRule)
//   cue negation not never n't
//   words org-suffix agency institute
//
// Pattern items match, left to right, the units of one sentence (a recognised entity mention
// is one unit, a title phrase is one unit, any other token is one unit):
//   A, B         the source and target entity (label constraints: A:Person|Country, and a
//                kind with a dot: B:Place.city)
//   E            any other entity (same constraints), not part of the relation
//   R            a title phrase ("Foreign Minister"); its text becomes props.role
//   word|word    one token whose normalised form is one of these ("'s", ",", "(" allowed;
//                $name expands a word set declared with "set name word word ...")
//   item?        optional (words, E and R)
//   ...N         skip up to N units (N in 1..20; "..." alone is 4), shortest skip first
//   ^            only as the first item: the match starts at the sentence's first unit
//   $            only as the last item: nothing but punctuation follows in the sentence
//
// Thread-safety: a RuleSet is a read-only value after loading.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace skein::extract {

struct LabelSpec {
  std::string label;  // Person, Organization, Country, Place
  std::string kind;   // props.kind it must have ("city"), empty = any
};

struct PatternItem {
  enum class Type : std::uint8_t { kWord, kSource, kTarget, kEntity, kRole, kSkip, kStart, kEnd };
  Type type = Type::kWord;
  std::vector<std::string> words;  // kWord: normalised alternatives
  std::vector<LabelSpec> labels;   // slots: allowed labels (empty = the relation's endpoints)
  bool optional = false;
  int max_skip = 0;  // kSkip
};

struct RelationTypeDef {
  std::string name;
  bool symmetric = false;
  std::vector<LabelSpec> source;  // allowed source labels
  std::vector<LabelSpec> target;  // allowed target labels
  // "lasting": a state that holds whatever the clause around its phrase says (located-in,
  // affiliated-with: "Benn will visit Aceh in Indonesia", "if Tory leader Michael Howard
  // wins"), not an event: a rule's match reads modality from its own words only.
  bool lasting = false;
  std::string file;  // where it was declared
  std::size_t line = 0;
};

struct RelationRule {
  std::string relation;  // relation type name
  std::size_t type_index = 0;
  std::string name;  // rule name, reported in evidence
  double confidence = 0.0;
  bool also = false;  // fires even where an earlier rule of its type matched
  // "nolist": the match must not sit in a list of names ("Paris, Amsterdam and Lisbon",
  // "Leeds, Paris, Rome"): no entity and comma right before it, no comma, "and" or "or"
  // and an entity right after it, and no entity glued to its end ("Bayern Munich").
  bool not_in_list = false;
  // "institution": the source's name ends on a word of the org-suffix or org-head lists, or is
  // an acronym ("U.S. Navy", "the Spanish FA"; not "the 2004 Brit Awards" or "American
  // Bandstand", where the country word is part of a name the tagger cut).
  bool institution_source = false;
  std::vector<PatternItem> items;
  std::string file;
  std::size_t line = 0;
};

struct RuleSet {
  std::vector<RelationTypeDef> types;
  // In file order. Within a type, at each sentence position the first matching rule wins and
  // later rules are not tried, except rules marked "also", which are always tried.
  std::vector<RelationRule> rules;
  std::vector<std::string> negation_cues;      // normalised words
  std::vector<std::string> hypothetical_cues;  // modal words near the trigger
  std::vector<std::string> condition_cues;     // clause openers: "if", "unless"
  // Word lists for the recogniser: list name (org-suffix, org-head, connector, speech-verb,
  // name-particle, place-suffix) and the normalised words.
  std::vector<std::pair<std::string, std::vector<std::string>>> word_lists;
  // Named word sets patterns refer to as $name ("set compass east west north south").
  std::vector<std::pair<std::string, std::vector<std::string>>> word_sets;

  int type_index(std::string_view name) const;
  // The words of set `name`, empty when no rule file declares it (a user's own rule directory
  // may leave a set out: whatever it triggers then never fires).
  const std::vector<std::string>& word_set(std::string_view name) const;
  bool in_word_set(std::string_view name, std::string_view word) const;
};

// Parses one rule file's text into `rules` (types declared earlier stay visible). Throws
// InputError("source:line: reason").
void parse_rules(std::string_view text, const std::string& source, RuleSet& rules);

// Loads every *.rules file of `dir` in byte-wise name order. Throws InputError when the
// directory has none or a file is malformed.
RuleSet load_rules(const std::string& dir);

}  // namespace skein::extract
