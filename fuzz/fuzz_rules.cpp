// Fuzzes the rule-file parser (schema/*.rules syntax). Any input either parses or throws
// skein::InputError naming the file; a parsed rule set is internally consistent: every rule
// refers to a declared relation type, skips are within 1..20.

#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/Error.h"
#include "extract/Rules.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  skein::extract::RuleSet rules;
  try {
    skein::extract::parse_rules(text, "fuzz.rules", rules);
  } catch (const skein::InputError& error) {
    if (error.source() != "fuzz.rules") std::abort();
    return 0;
  }
  for (const auto& rule : rules.rules) {
    if (rule.type_index >= rules.types.size() ||
        rules.types[rule.type_index].name != rule.relation) {
      std::abort();
    }
    if (rule.confidence < 0 || rule.confidence > 1) std::abort();
    for (const auto& item : rule.items) {
      if (item.type == skein::extract::PatternItem::Type::kSkip &&
          (item.max_skip < 1 || item.max_skip > 20)) {
        std::abort();
      }
    }
  }
  return 0;
}
