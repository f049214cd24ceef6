#include "extract/SentenceTree.h"

#include <algorithm>

namespace skein::extract {

void SentenceTree::set_sentence(const Sentence& sentence) {
  first_ = sentence.first;
  children_.assign(sentence.last - sentence.first, {});
  for (std::uint32_t t = sentence.first; t < sentence.last; ++t) {
    const std::int32_t h = doc_.dependency_head[t];
    if (h >= static_cast<std::int32_t>(sentence.first) &&
        h < static_cast<std::int32_t>(sentence.last))
      children_[static_cast<std::uint32_t>(h) - sentence.first].push_back(t);
  }
}

std::string_view SentenceTree::case_of(std::uint32_t t) const {
  for (std::uint32_t c : children(t)) {
    if (base(c) == "case") return norm(c);
  }
  return {};
}

std::uint32_t SentenceTree::phrase_start(std::uint32_t t) const {
  for (std::uint32_t c : children(t)) {
    if (base(c) == "case") return std::min(c, t);
  }
  return t;
}

bool SentenceTree::has_child(std::uint32_t t, std::string_view base_relation) const {
  for (std::uint32_t c : children(t)) {
    if (base(c) == base_relation) return true;
  }
  return false;
}

std::string SentenceTree::modality(std::uint32_t trigger, const RuleSet& rules) const {
  std::int64_t x = trigger;
  for (int depth = 0; x >= 0 && depth < 5; ++depth) {
    const auto t = static_cast<std::uint32_t>(x);
    // An infinitive after "be" ("Mutu is to begin talks", "who was to meet him"), or one that
    // is the whole clause (the headline's "Mutu to hold talks with Juventus"), is planned.
    bool to_mark = false, be_aux = false;
    for (std::uint32_t c : children(t)) {
      const std::string_view r = base(c);
      const std::string_view w = norm(c);
      to_mark = to_mark || (r == "mark" && w == "to");
      be_aux = be_aux || ((r == "aux" || r == "cop") && be_form(w));
      const bool negative =
          contains(rules.negation_cues, w) || (w.size() > 3 && w.substr(w.size() - 3) == "n't");
      if ((r == "advmod" || r == "aux" || r == "det" || r == "neg") && negative) return "negated";
      if (r == "aux" && contains(rules.hypothetical_cues, w)) return "hypothetical";
      if (r == "mark" && contains(rules.condition_cues, w)) return "hypothetical";
    }
    if (to_mark && (be_aux || head(t) < 0)) return "hypothetical";
    if (t != trigger) {
      if (contains(rules.negation_cues, norm(t))) return "negated";
      if (contains(rules.hypothetical_cues, norm(t))) return "hypothetical";
    }
    const std::string_view r = base(t);
    if (r != "xcomp" && r != "ccomp" && r != "conj" && r != "advcl" && r != "acl" &&
        !(t == trigger && (r == "obj" || r == "nsubj")))
      break;
    x = head(t);
  }
  return "";
}

}  // namespace skein::extract
