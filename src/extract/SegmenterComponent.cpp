#include "extract/SegmenterComponent.h"

#include <vector>

namespace skein::extract {

SegmenterComponent::SegmenterComponent(std::string name, const ComponentContext& context,
                                       const ComponentOptions& options)
    : Component(std::move(name), options), knowledge_(context.knowledge) {
  const Knowledge* k = &knowledge_;
  hooks_.is_common_word = [k](std::string_view word) {
    return (k->lexicon(word) & lexicon_flags::kCommon) != 0;
  };
  hooks_.continues_dotted_name = [k](std::string_view word) {
    return (k->lexicon(word) & (lexicon_flags::kTitleStart | lexicon_flags::kOrgSuffix |
                                lexicon_flags::kOrgHead)) != 0;
  };
}

void SegmenterComponent::process(AnnotatedDocument& document) const {
  Segmentation& seg = document.segmentation;
  segment(document.document.text, document.document.excluded, hooks_, seg);
  // Each token's lexicon flags, a lookup in a table of megabytes: the slot of the token
  // kLookahead places on is prefetched before this one is looked up.
  constexpr std::size_t kLookahead = 8;
  thread_local std::vector<std::uint64_t> hashes;
  hashes.resize(seg.tokens.size());
  const auto wanted = [&](std::size_t k) {
    return seg.tokens[k].has(token_flags::kWord) || seg.tokens[k].has(token_flags::kPossessive);
  };
  const auto prefetch = [&](std::size_t k) {
    if (k >= seg.tokens.size() || !wanted(k)) return;
    hashes[k] = FlatStringMap::hash(seg.norm_of(seg.tokens[k]));
    knowledge_.prefetch_lexicon(hashes[k]);
  };
  for (std::size_t k = 0; k < kLookahead; ++k) prefetch(k);
  for (std::size_t k = 0; k < seg.tokens.size(); ++k) {
    prefetch(k + kLookahead);
    if (wanted(k))
      seg.tokens[k].lexicon = knowledge_.lexicon(seg.norm_of(seg.tokens[k]), hashes[k]);
  }
}

}  // namespace skein::extract
