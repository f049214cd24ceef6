#include "extract/Rules.h"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/Error.h"
#include "extract/Segmenter.h"

namespace skein::extract {
namespace {

const char* const kLabels[] = {"Person", "Organization", "Country", "Place"};
const char* const kWordLists[] = {"org-suffix",  "org-head",      "connector",
                                  "speech-verb", "name-particle", "place-suffix"};

std::vector<std::string_view> words_of(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    const std::size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
    if (i > start) out.push_back(line.substr(start, i - start));
  }
  return out;
}

std::vector<std::string_view> split_bar(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t pos = s.find('|', start);
    out.push_back(
        s.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
    if (pos == std::string_view::npos) return out;
    start = pos + 1;
  }
}

struct Context {
  const std::string& source;
  std::size_t line;
  [[noreturn]] void fail(const std::string& reason) const {
    throw InputError(source, line, reason);
  }
};

std::vector<LabelSpec> parse_labels(std::string_view text, const Context& ctx) {
  std::vector<LabelSpec> out;
  for (const std::string_view part : split_bar(text)) {
    if (part.empty()) ctx.fail("empty label in '" + std::string(text) + "'");
    LabelSpec spec;
    const std::size_t dot = part.find('.');
    spec.label = part.substr(0, dot);
    if (dot != std::string_view::npos) spec.kind = part.substr(dot + 1);
    if (std::find(std::begin(kLabels), std::end(kLabels), spec.label) == std::end(kLabels)) {
      ctx.fail("unknown entity label '" + spec.label +
               "' (expected Person, Organization, Country or Place)");
    }
    if (dot != std::string_view::npos && spec.kind.empty()) ctx.fail("empty kind after '.'");
    out.push_back(std::move(spec));
  }
  return out;
}

std::string normalized_word(std::string_view word) {
  std::string out;
  append_normalized(out, word, false);
  return out;
}

std::vector<PatternItem> parse_pattern(std::string_view text, const Context& ctx,
                                       const RuleSet& rules) {
  std::vector<PatternItem> items;
  bool has_source = false;
  bool has_target = false;
  for (std::string_view word : words_of(text)) {
    PatternItem item;
    if (word.size() > 1 && word.back() == '?') {
      item.optional = true;
      word.remove_suffix(1);
    }
    if (word.rfind("...", 0) == 0) {
      if (item.optional) ctx.fail("a skip cannot be optional");
      item.type = PatternItem::Type::kSkip;
      item.max_skip = 4;
      if (word.size() > 3) {
        int n = 0;
        const auto [ptr, ec] = std::from_chars(word.data() + 3, word.data() + word.size(), n);
        if (ec != std::errc() || ptr != word.data() + word.size() || n < 1 || n > 20) {
          ctx.fail("bad skip '" + std::string(word) + "' (expected ...N with N in 1..20)");
        }
        item.max_skip = n;
      }
      if (!items.empty() && items.back().type == PatternItem::Type::kSkip) {
        ctx.fail("two skips in a row");
      }
      items.push_back(std::move(item));
      continue;
    }
    if (word == "^" || word == "$") {
      // Sentence anchors: datelines and captions are told apart by where they stand.
      if (item.optional) ctx.fail("an anchor cannot be optional");
      item.type = word == "^" ? PatternItem::Type::kStart : PatternItem::Type::kEnd;
      if (word == "^" && !items.empty()) ctx.fail("'^' must be the first item");
      items.push_back(std::move(item));
      continue;
    }
    const std::string_view head = word.substr(0, word.find(':'));
    if (head == "A" || head == "B" || head == "E" || head == "R") {
      item.type = head == "A"   ? PatternItem::Type::kSource
                  : head == "B" ? PatternItem::Type::kTarget
                  : head == "E" ? PatternItem::Type::kEntity
                                : PatternItem::Type::kRole;
      if (word.size() > head.size()) {
        if (item.type == PatternItem::Type::kRole) ctx.fail("R takes no label constraint");
        item.labels = parse_labels(word.substr(head.size() + 1), ctx);
      }
      if (item.type == PatternItem::Type::kSource) {
        if (has_source) ctx.fail("slot A appears twice");
        if (item.optional) ctx.fail("slot A cannot be optional");
        has_source = true;
      }
      if (item.type == PatternItem::Type::kTarget) {
        if (has_target) ctx.fail("slot B appears twice");
        if (item.optional) ctx.fail("slot B cannot be optional");
        has_target = true;
      }
      items.push_back(std::move(item));
      continue;
    }
    item.type = PatternItem::Type::kWord;
    for (const std::string_view alternative : split_bar(word)) {
      if (alternative.empty()) ctx.fail("empty alternative in '" + std::string(word) + "'");
      if (alternative.front() == '$') {
        // A named word set ("set compass east west ...").
        const auto it =
            std::find_if(rules.word_sets.begin(), rules.word_sets.end(),
                         [&](const auto& set) { return set.first == alternative.substr(1); });
        if (it == rules.word_sets.end()) {
          ctx.fail("unknown word set '" + std::string(alternative) + "' (declare it with 'set')");
        }
        item.words.insert(item.words.end(), it->second.begin(), it->second.end());
        continue;
      }
      item.words.push_back(normalized_word(alternative));
    }
    items.push_back(std::move(item));
  }
  if (!has_source || !has_target) ctx.fail("pattern needs both slots A and B");
  for (std::size_t i = 0; i + 1 < items.size(); ++i) {
    if (items[i].type == PatternItem::Type::kEnd) ctx.fail("'$' must be the last item");
  }
  const std::size_t first = items.front().type == PatternItem::Type::kStart ? 1 : 0;
  const std::size_t last = items.size() - (items.back().type == PatternItem::Type::kEnd ? 2 : 1);
  if (items[first].type == PatternItem::Type::kSkip ||
      items[last].type == PatternItem::Type::kSkip) {
    ctx.fail("a pattern cannot start or end with a skip");
  }
  return items;
}

}  // namespace

int RuleSet::type_index(std::string_view name) const {
  for (std::size_t i = 0; i < types.size(); ++i) {
    if (types[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

const std::vector<std::string>& RuleSet::word_set(std::string_view name) const {
  static const std::vector<std::string> kUndeclared;
  for (const auto& [set_name, words] : word_sets) {
    if (set_name == name) return words;
  }
  return kUndeclared;
}

bool RuleSet::in_word_set(std::string_view name, std::string_view word) const {
  const auto& words = word_set(name);
  return std::find(words.begin(), words.end(), word) != words.end();
}

void parse_rules(std::string_view text, const std::string& source, RuleSet& rules) {
  std::size_t line_number = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_number;
    // Comments run from '#' to the end of the line.
    if (const std::size_t hash = line.find('#'); hash != std::string_view::npos) {
      line = line.substr(0, hash);
    }
    const Context ctx{source, line_number};
    const std::vector<std::string_view> words = words_of(line);
    if (words.empty()) {
      if (end == text.size()) break;
      continue;
    }
    const std::string_view directive = words[0];
    if (directive == "relation") {
      // relation <name> symmetric <labels> -- <labels> [lasting] | relation <name> directed
      // <labels> -> <labels> [lasting]
      if (words.size() != 6 && (words.size() != 7 || words[6] != "lasting")) {
        ctx.fail("expected 'relation <name> symmetric|directed <labels> --|-> <labels> [lasting]'");
      }
      RelationTypeDef def;
      def.lasting = words.size() == 7;
      def.name = words[1];
      if (rules.type_index(def.name) >= 0) ctx.fail("relation '" + def.name + "' declared twice");
      if (words[2] == "symmetric") {
        def.symmetric = true;
        if (words[4] != "--") ctx.fail("a symmetric relation joins its endpoints with '--'");
      } else if (words[2] == "directed") {
        if (words[4] != "->") ctx.fail("a directed relation joins its endpoints with '->'");
      } else {
        ctx.fail("expected 'symmetric' or 'directed', found '" + std::string(words[2]) + "'");
      }
      def.source = parse_labels(words[3], ctx);
      def.target = parse_labels(words[5], ctx);
      def.file = source;
      def.line = line_number;
      rules.types.push_back(std::move(def));
    } else if (directive == "rule") {
      // rule <relation> <name> <confidence> : <pattern>
      const std::size_t colon = line.find(':');
      const std::vector<std::string_view> head =
          words_of(colon == std::string_view::npos ? line : line.substr(0, colon));
      bool flags_ok = colon != std::string_view::npos && head.size() >= 4 && head.size() <= 7;
      bool also = false, not_in_list = false, institution = false;
      for (std::size_t i = 4; flags_ok && i < head.size(); ++i) {
        bool* flag = head[i] == "also"          ? &also
                     : head[i] == "nolist"      ? &not_in_list
                     : head[i] == "institution" ? &institution
                                                : nullptr;
        if (flag == nullptr || *flag) flags_ok = false;
        if (flag != nullptr) *flag = true;
      }
      if (!flags_ok)
        ctx.fail(
            "expected 'rule <relation> <name> <confidence> [also] [nolist] [institution] : "
            "<pattern>'");
      RelationRule rule;
      rule.relation = head[1];
      const int type = rules.type_index(rule.relation);
      if (type < 0) ctx.fail("rule for undeclared relation '" + rule.relation + "'");
      rule.type_index = static_cast<std::size_t>(type);
      rule.name = head[2];
      const std::string confidence(head[3]);
      char* parse_end = nullptr;
      rule.confidence = std::strtod(confidence.c_str(), &parse_end);
      if (parse_end != confidence.c_str() + confidence.size() || !(rule.confidence > 0.0) ||
          rule.confidence > 1.0) {
        ctx.fail("confidence '" + confidence + "' is not a number in (0, 1]");
      }
      for (const RelationRule& other : rules.rules) {
        if (other.relation == rule.relation && other.name == rule.name) {
          ctx.fail("rule '" + rule.name + "' of '" + rule.relation + "' defined twice (first at " +
                   other.file + ":" + std::to_string(other.line) + ")");
        }
      }
      rule.also = also;
      rule.not_in_list = not_in_list;
      rule.institution_source = institution;
      rule.items = parse_pattern(line.substr(colon + 1), ctx, rules);
      rule.file = source;
      rule.line = line_number;
      rules.rules.push_back(std::move(rule));
    } else if (directive == "cue") {
      if (words.size() < 3) ctx.fail("expected 'cue negation|hypothetical|condition <words...>'");
      std::vector<std::string>* list = words[1] == "negation"       ? &rules.negation_cues
                                       : words[1] == "hypothetical" ? &rules.hypothetical_cues
                                       : words[1] == "condition"    ? &rules.condition_cues
                                                                    : nullptr;
      if (list == nullptr) ctx.fail("unknown cue kind '" + std::string(words[1]) + "'");
      for (std::size_t i = 2; i < words.size(); ++i) list->push_back(normalized_word(words[i]));
    } else if (directive == "set") {
      if (words.size() < 3) ctx.fail("expected 'set <name> <words...>'");
      for (const auto& set : rules.word_sets) {
        if (set.first == words[1])
          ctx.fail("word set '" + std::string(words[1]) + "' declared twice");
      }
      std::vector<std::string> list;
      for (std::size_t i = 2; i < words.size(); ++i) list.push_back(normalized_word(words[i]));
      rules.word_sets.emplace_back(std::string(words[1]), std::move(list));
    } else if (directive == "words") {
      if (words.size() < 3) ctx.fail("expected 'words <list> <words...>'");
      if (std::find(std::begin(kWordLists), std::end(kWordLists), words[1]) ==
          std::end(kWordLists)) {
        ctx.fail("unknown word list '" + std::string(words[1]) +
                 "' (expected org-suffix, org-head, connector, speech-verb, name-particle or "
                 "place-suffix)");
      }
      auto it = std::find_if(rules.word_lists.begin(), rules.word_lists.end(),
                             [&](const auto& l) { return l.first == words[1]; });
      if (it == rules.word_lists.end()) {
        rules.word_lists.emplace_back(std::string(words[1]), std::vector<std::string>{});
        it = rules.word_lists.end() - 1;
      }
      for (std::size_t i = 2; i < words.size(); ++i)
        it->second.push_back(normalized_word(words[i]));
    } else {
      ctx.fail("unknown directive '" + std::string(directive) +
               "' (expected relation, rule, set, cue or words)");
    }
    if (end == text.size()) break;
  }
}

RuleSet load_rules(const std::string& dir) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), last; !ec && it != last; it.increment(ec)) {
    if (it->path().extension() == ".rules") files.push_back(it->path().string());
  }
  if (ec) throw InputError(dir, "cannot read rules directory: " + ec.message());
  if (files.empty()) throw InputError(dir, "no *.rules files in the rules directory");
  std::sort(files.begin(), files.end());
  RuleSet rules;
  for (const std::string& file : files) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw InputError(file, "cannot open rule file");
    std::ostringstream buffer;
    buffer << in.rdbuf();
    parse_rules(buffer.str(), file, rules);
  }
  return rules;
}

}  // namespace skein::extract
