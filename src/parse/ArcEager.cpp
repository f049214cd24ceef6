#include "parse/ArcEager.h"

#include <algorithm>

namespace skein::parse::detail {
namespace {

constexpr std::uint64_t kNoneHash = 0x6e6f6e65ULL;  // an absent position
constexpr std::uint64_t kRootHash = 0x726f6f74ULL;  // the artificial root

std::uint64_t lowercase_hash(std::string_view word) {
  // ASCII lower case only: the hash must not depend on the locale.
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : word) {
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
    if (c >= '0' && c <= '9') c = '0';  // numbers share their shape's features
    h ^= c;
    h *= 1099511628211ULL;
  }
  return feature_mix(h, 1);
}

}  // namespace

std::uint64_t feature_hash(std::uint64_t seed, std::string_view text) {
  std::uint64_t h = 1469598103934665603ULL ^ (seed * 0x9E3779B97F4A7C15ULL);
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return feature_mix(h, seed);
}

void State::reset(int words) {
  n = words;
  buffer = 1;
  root_taken = false;
  stack.assign(1, 0);
  const auto size = static_cast<std::size_t>(words) + 1;
  head.assign(size, -1);
  relation.assign(size, -1);
  left_child.assign(size, -1);
  right_child.assign(size, -1);
  left_count.assign(size, 0);
  right_count.assign(size, 0);
}

ValidActions State::valid_actions() const {
  ValidActions v;
  const int s = top();
  const bool buffered = buffer <= n;
  v.shift = buffered;
  v.reduce = s != 0 && head[s] != -1;
  v.left = buffered && s != 0 && head[s] == -1;
  // RIGHT: from the root only once, and only as the root relation's arc (index 0 is reserved
  // for "root" by the trainer's relation order).
  v.root_right = buffered && s == 0 && !root_taken;
  v.right = buffered && s != 0;
  return v;
}

void State::apply(std::size_t action) {
  if (action == kShift) {
    stack.push_back(buffer++);
    return;
  }
  if (action == kReduce) {
    stack.pop_back();
    return;
  }
  const int s = top(), b = buffer;
  const int rel = static_cast<int>(relation_of(action));
  if (is_left(action)) {  // b -> s
    head[s] = b;
    relation[s] = rel;
    if (left_child[b] == -1 || s < left_child[b]) left_child[b] = s;
    ++left_count[b];
    stack.pop_back();
  } else {  // s -> b
    head[b] = s;
    relation[b] = rel;
    if (s == 0) root_taken = true;
    if (right_child[s] == -1 || b > right_child[s]) right_child[s] = b;
    ++right_count[s];
    stack.push_back(buffer++);
  }
}

void State::finish(std::size_t root_relation, std::size_t fallback_relation) {
  int root_word = -1;
  for (int i = 1; i <= n; ++i) {
    if (head[i] == 0) root_word = i;
  }
  for (int i = 1; i <= n; ++i) {
    if (head[i] != -1) continue;
    if (root_word == -1) {
      root_word = i;
      head[i] = 0;
      relation[i] = static_cast<int>(root_relation);
    } else {
      head[i] = root_word;
      relation[i] = static_cast<int>(fallback_relation);
    }
  }
}

void hash_sentence(std::span<const std::string_view> words, std::span<const std::string_view> tags,
                   std::vector<std::uint64_t>& word_hash, std::vector<std::uint64_t>& tag_hash) {
  const std::size_t n = words.size();
  word_hash.assign(n + 1, kRootHash);
  tag_hash.assign(n + 1, kRootHash);
  for (std::size_t i = 0; i < n; ++i) {
    word_hash[i + 1] = lowercase_hash(words[i]);
    tag_hash[i + 1] = feature_hash(2, tags[i]);
  }
}

void state_features(const State& st, const SentenceHashes& hashes,
                    std::vector<std::uint64_t>& out) {
  out.clear();
  const auto& wh = *hashes.word;
  const auto& th = *hashes.tag;
  auto word = [&](int i) {
    return i < 0 || i > st.n ? kNoneHash : wh[static_cast<std::size_t>(i)];
  };
  auto tag = [&](int i) { return i < 0 || i > st.n ? kNoneHash : th[static_cast<std::size_t>(i)]; };
  auto rel = [&](int i) {
    return i < 0 ? kNoneHash
                 : static_cast<std::uint64_t>(st.relation[static_cast<std::size_t>(i)] + 7);
  };
  auto at = [](const std::vector<int>& v, int i) {
    return i < 0 ? -1 : v[static_cast<std::size_t>(i)];
  };

  const int s0 = st.top();
  const int s1 = st.stack.size() >= 2 ? st.stack[st.stack.size() - 2] : -1;
  const int b0 = st.buffer <= st.n ? st.buffer : -1;
  const int b1 = b0 >= 0 && b0 + 1 <= st.n ? b0 + 1 : -1;
  const int b2 = b1 >= 0 && b1 + 1 <= st.n ? b1 + 1 : -1;
  const int s0h = s0 > 0 ? st.head[static_cast<std::size_t>(s0)] : -1;
  const int s0l = at(st.left_child, s0), s0r = at(st.right_child, s0), b0l = at(st.left_child, b0);
  const std::uint64_t distance =
      b0 < 0 || s0 <= 0 ? 0 : static_cast<std::uint64_t>(std::min(b0 - s0, 6));
  const std::uint64_t s0vl =
      s0 < 0 ? 0 : static_cast<std::uint64_t>(std::min(at(st.left_count, s0), 4));
  const std::uint64_t s0vr =
      s0 < 0 ? 0 : static_cast<std::uint64_t>(std::min(at(st.right_count, s0), 4));
  const std::uint64_t b0vl =
      b0 < 0 ? 0 : static_cast<std::uint64_t>(std::min(at(st.left_count, b0), 4));

  // Template k's feature is feature_mix(k * prime, value), in template order. The helpers are
  // forced inline: as calls (the compiler's choice) they cost a tenth of parsing.
  std::uint64_t t = 0;
  auto f1 = [&](std::uint64_t a) __attribute__((always_inline)) {
    out.push_back(feature_mix(++t * 0x100000001B3ULL, a));
  };
  auto f2 = [&](std::uint64_t a, std::uint64_t b) __attribute__((always_inline)) {
    f1(feature_mix(a, b));
  };
  auto f3 = [&](std::uint64_t a, std::uint64_t b, std::uint64_t c) __attribute__((always_inline)) {
    f1(feature_mix(feature_mix(a, b), c));
  };
  auto f4 = [&](std::uint64_t a, std::uint64_t b, std::uint64_t c, std::uint64_t d)
      __attribute__((always_inline)) {
    f1(feature_mix(feature_mix(feature_mix(a, b), c), d));
  };

  const std::uint64_t s0w = word(s0), s0p = tag(s0), b0w = word(b0), b0p = tag(b0);
  // Single positions.
  f1(s0w);
  f1(s0p);
  f2(s0w, s0p);
  f1(b0w);
  f1(b0p);
  f2(b0w, b0p);
  f1(word(b1));
  f1(tag(b1));
  f2(word(b1), tag(b1));
  f1(tag(b2));
  f1(word(b2));
  f1(tag(s1));
  f1(word(s1));
  // Pairs of the stack top and the buffer front.
  f4(s0w, s0p, b0w, b0p);
  f3(s0w, s0p, b0w);
  f3(s0w, b0w, b0p);
  f3(s0w, s0p, b0p);
  f3(s0p, b0w, b0p);
  f2(s0w, b0w);
  f2(s0p, b0p);
  f2(b0p, tag(b1));
  // Triples of tags.
  f3(b0p, tag(b1), tag(b2));
  f3(s0p, b0p, tag(b1));
  f3(tag(s0h), s0p, b0p);
  f3(s0p, tag(s0l), b0p);
  f3(s0p, tag(s0r), b0p);
  f3(s0p, b0p, tag(b0l));
  f3(tag(s1), s0p, b0p);
  // Distance.
  f2(s0w, distance);
  f2(s0p, distance);
  f2(b0w, distance);
  f2(b0p, distance);
  f3(s0w, b0w, distance);
  f3(s0p, b0p, distance);
  // Valency.
  f2(s0w, s0vr);
  f2(s0p, s0vr);
  f2(s0w, s0vl);
  f2(s0p, s0vl);
  f2(b0w, b0vl);
  f2(b0p, b0vl);
  // The partial tree around s0 and b0.
  f1(word(s0h));
  f1(tag(s0h));
  f1(rel(s0));
  f1(word(s0l));
  f1(tag(s0l));
  f1(rel(s0l));
  f1(word(s0r));
  f1(tag(s0r));
  f1(rel(s0r));
  f1(word(b0l));
  f1(tag(b0l));
  f1(rel(b0l));
  f3(s0p, rel(s0l), rel(s0r));
  f3(b0p, rel(b0l), b0vl);
  // The words between: tags right after s0 and right before b0.
  const int after_s0 = s0 >= 1 && s0 + 1 < b0 ? s0 + 1 : -1;
  const int before_b0 = b0 > 1 && b0 - 1 > s0 ? b0 - 1 : -1;
  f4(s0p, tag(after_s0), tag(before_b0), b0p);
}

int action_cost(const State& st, std::size_t action, const std::vector<int>& gold_head,
                const std::vector<int>& gold_relation) {
  const int s = st.top(), b = st.buffer, n = st.n;
  auto on_stack = [&](int k) {
    return std::find(st.stack.begin(), st.stack.end(), k) != st.stack.end();
  };
  int cost = 0;
  if (action == kShift) {
    // b's arcs with stack words are lost: its head there, and its headless dependents there.
    if (on_stack(gold_head[b])) ++cost;
    for (int k : st.stack) {
      if (k > 0 && st.head[k] == -1 && gold_head[k] == b) ++cost;
    }
  } else if (action == kReduce) {
    for (int k = b; k <= n; ++k) {
      if (gold_head[k] == s) ++cost;
    }
  } else if (is_left(action)) {
    if (gold_head[s] > b) ++cost;  // its head further in the buffer
    for (int k = b; k <= n; ++k) {
      if (gold_head[k] == s) ++cost;  // its dependents in the buffer, b included
    }
    if (gold_head[s] == b && gold_relation[s] != static_cast<int>(relation_of(action))) ++cost;
  } else {
    const int h = gold_head[b];
    if (h > b || (h != s && on_stack(h))) ++cost;
    for (int k : st.stack) {
      if (k > 0 && st.head[k] == -1 && gold_head[k] == b) ++cost;
    }
    if (h == s && gold_relation[b] != static_cast<int>(relation_of(action))) ++cost;
  }
  return cost;
}

}  // namespace skein::parse::detail
