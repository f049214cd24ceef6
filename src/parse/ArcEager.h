#pragma once
// The arc-eager transition system shared by parsing and training (internal to parse/).
//
// Words are 1..n; 0 is the artificial root, which starts on the stack. Actions:
//   0 SHIFT            push the buffer's front
//   1 REDUCE           pop the stack's top (it has a head)
//   2 + 2l LEFT(l)     buffer front -> stack top with relation l, pop the stack
//   3 + 2l RIGHT(l)    stack top -> buffer front with relation l, push the buffer's front
// RIGHT from the root is allowed once: the sentence has exactly one root dependent.

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "parse/DependencyParser.h"

namespace skein::parse::detail {

// The parser's feature hashes. FNV-1a over the bytes, then mixed; `seed` separates templates.
std::uint64_t feature_hash(std::uint64_t seed, std::string_view text);
// Combines two hashes (template conjunctions). Inline: a transition's features take about a
// hundred of these.
inline std::uint64_t feature_mix(std::uint64_t a, std::uint64_t b) {
  std::uint64_t h = a ^ (b + 0x9E3779B97F4A7C15ULL + (a << 6) + (a >> 2));
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDULL;
  h ^= h >> 33;
  return h;
}

inline constexpr std::size_t kShift = 0;
inline constexpr std::size_t kReduce = 1;
inline std::size_t left_action(std::size_t relation) { return 2 + 2 * relation; }
inline std::size_t right_action(std::size_t relation) { return 3 + 2 * relation; }
inline bool is_left(std::size_t action) { return action >= 2 && action % 2 == 0; }
inline bool is_right(std::size_t action) { return action >= 2 && action % 2 == 1; }
inline std::size_t relation_of(std::size_t action) { return (action - 2) / 2; }
inline std::size_t action_count(std::size_t relations) { return 2 + 2 * relations; }

// The actions a state allows, worked out once so that scoring every action asks cheap
// questions (State::valid_actions is the one home of the rules).
struct ValidActions {
  bool shift = false;
  bool reduce = false;
  bool left = false;        // every LEFT(l)
  bool root_right = false;  // RIGHT with relation 0, from the root
  bool right = false;       // RIGHT with any other relation
  bool allows(std::size_t action) const {
    if (action == kShift) return shift;
    if (action == kReduce) return reduce;
    if (is_left(action)) return left;
    return relation_of(action) == 0 ? root_right : right;
  }
};

// The parse in progress. Vectors are indexed by word (0 = root), sized n + 1.
struct State {
  int n = 0;
  int buffer = 1;  // next word; > n when the buffer is empty
  bool root_taken = false;
  std::vector<int> stack;
  std::vector<int> head;        // -1 = none yet
  std::vector<int> relation;    // -1 = none yet
  std::vector<int> left_child;  // leftmost / rightmost dependent so far, -1 = none
  std::vector<int> right_child;
  std::vector<int> left_count, right_count;

  void reset(int words);
  bool terminal() const { return buffer > n; }
  int top() const { return stack.back(); }
  ValidActions valid_actions() const;
  bool valid(std::size_t action) const { return valid_actions().allows(action); }
  void apply(std::size_t action);
  // Gives every word still without a head one, keeping a single root dependent.
  void finish(std::size_t root_relation, std::size_t fallback_relation);
};

// Per-word hashes of the sentence, computed once before transitions are scored.
struct SentenceHashes {
  const std::vector<std::uint64_t>* word = nullptr;  // index 0 = root, n + 1.. = none
  const std::vector<std::uint64_t>* tag = nullptr;
};

// Writes the hashed features of `state` into `out` (cleared first).
void state_features(const State& state, const SentenceHashes& hashes,
                    std::vector<std::uint64_t>& out);

// Fills word/tag hashes for words[0..n) as indices 1..n, with root and padding entries.
void hash_sentence(std::span<const std::string_view> words, std::span<const std::string_view> tags,
                   std::vector<std::uint64_t>& word_hash, std::vector<std::uint64_t>& tag_hash);

// The dynamic oracle's cost of `action` in `state` against the gold tree (gold_head/relation
// indexed by word, 1..n): how many gold arcs still reachable it makes unreachable, plus one for
// a wrong relation on a gold arc. Valid only for projective gold trees.
int action_cost(const State& state, std::size_t action, const std::vector<int>& gold_head,
                const std::vector<int>& gold_relation);

}  // namespace skein::parse::detail
