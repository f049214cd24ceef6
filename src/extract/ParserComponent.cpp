#include "extract/ParserComponent.h"

#include "core/Error.h"
#include "extract/SyntaxRelations.h"

namespace skein::extract {

ParserComponent::ParserComponent(std::string name, const ComponentContext& context,
                                 const ComponentOptions& options)
    : Component(std::move(name), options),
      parser_(parse::DependencyParser::load(context.model_path(options, "models/parser.skm"))),
      rules_(context.rules),
      triggers_(SyntaxRelations::ParseTriggers::from_rules(context.rules)) {
  const auto it = options.find("sentences");
  if (it != options.end()) {
    if (it->second != "all" && it->second != "entities")
      throw UsageError("parser.sentences must be 'all' or 'entities', not '" + it->second + "'");
    all_sentences_ = it->second == "all";
  }
}

void ParserComponent::process(AnnotatedDocument& document) const {
  thread_local parse::ParseScratch scratch;
  thread_local std::vector<std::string_view> words, tags;
  thread_local std::vector<parse::ParsedWord> parsed;
  const Segmentation& seg = document.segmentation;
  const std::string_view text = document.document.text;
  document.dependency_head.assign(seg.tokens.size(), kNotParsed);
  document.dependency_relation.assign(seg.tokens.size(), std::string());
  if (document.pos.size() != seg.tokens.size()) return;  // no tagger ran
  std::vector<bool> wanted;
  if (!all_sentences_) wanted = SyntaxRelations::sentences_to_parse(document, rules_, triggers_);
  for (std::size_t i = 0; i < seg.sentences.size(); ++i) {
    if (!all_sentences_ && !wanted[i]) continue;
    const Sentence& sentence = seg.sentences[i];
    const std::uint32_t n = sentence.last - sentence.first;
    if (n == 0 || n > kMaxSentenceTokens) continue;
    words.clear();
    tags.clear();
    bool tagged = true;
    for (std::uint32_t t = sentence.first; t < sentence.last; ++t) {
      const Token& token = seg.tokens[t];
      words.push_back(text.substr(token.start, token.end - token.start));
      if (document.pos[t] == upos::kNone) tagged = false;
      tags.push_back(upos::name(document.pos[t]));
    }
    if (!tagged) continue;
    parser_.parse(words, tags, scratch, parsed);
    for (std::uint32_t k = 0; k < n; ++k) {
      const parse::ParsedWord& w = parsed[k];
      document.dependency_head[sentence.first + k] =
          w.head == 0 ? -1 : static_cast<std::int32_t>(sentence.first) + w.head - 1;
      document.dependency_relation[sentence.first + k] = parser_.relations()[w.relation];
    }
  }
}

}  // namespace skein::extract
