#include "evaluate/TaggedCorpus.h"

#include <algorithm>

#include "core/Sha256.h"

namespace skein::evaluate {
namespace {

const char* class_of_conll_label(const std::string& label) {
  if (label == "PER") return "Person";
  if (label == "ORG") return "Organization";
  if (label == "LOC") return "Location";
  return nullptr;
}

const char* conll_of_conll04_class(const std::string& label_class) {
  if (label_class == "Person") return "PER";
  if (label_class == "Organization") return "ORG";
  if (label_class == "Location") return "LOC";
  return "MISC";
}

// The token index starting (or ending) at a byte offset; `count` when none does.
std::uint32_t token_at(const std::vector<ByteSpan>& offsets, std::size_t offset, bool end) {
  for (std::size_t i = 0; i < offsets.size(); ++i) {
    if ((end ? offsets[i].end : offsets[i].start) == offset) return static_cast<std::uint32_t>(i);
  }
  return static_cast<std::uint32_t>(offsets.size());
}

}  // namespace

Dataset to_dataset(const TaggedCorpus& corpus) {
  Dataset dataset;
  dataset.source = corpus.source;
  dataset.format = corpus.format;
  dataset.label_classes = {{"Person", {"Person"}},
                           {"Organization", {"Organization"}},
                           {"Location", {"Country", "Place"}}};
  dataset.scores_demonyms = false;  // nationalities are MISC in CoNLL-2003, unscored in GUM
  dataset.unscored_spans_neutral = true;
  for (const TaggedDocument& doc : corpus.documents) {
    GoldDocument gold;
    gold.document.id = doc.id;
    gold.document.uri = doc.id;
    for (const TaggedSentence& s : doc.sentences) {
      if (!gold.document.text.empty()) gold.document.text += '\n';
      const std::size_t base = gold.document.text.size();
      if (gold.line == 0) gold.line = s.line;
      gold.document.text += s.text;
      const auto span_of = [&](const TokenSpan& t) {
        return ByteSpan{base + s.offsets[t.first].start, base + s.offsets[t.last - 1].end};
      };
      for (const TokenSpan& e : s.entities) {
        const char* label = class_of_conll_label(e.label);
        if (label == nullptr) {
          gold.unscored.push_back({span_of(e), e.label});
          continue;
        }
        const ByteSpan span = span_of(e);
        gold.mentions.push_back(
            {span, span, label, s.text.substr(span.start - base, span.size()), gold.group_count++});
      }
      for (const TokenSpan& e : s.unscored) gold.unscored.push_back({span_of(e), e.label});
    }
    gold.document.sha256 = sha256_hex(gold.document.text);
    std::sort(
        gold.unscored.begin(), gold.unscored.end(),
        [](const UnscoredSpan& a, const UnscoredSpan& b) { return a.span.start < b.span.start; });
    dataset.documents.push_back(std::move(gold));
  }
  return dataset;
}

TaggedCorpus tagged_from_conll04(const Dataset& dataset) {
  TaggedCorpus corpus;
  corpus.source = dataset.source;
  corpus.format = "conll04";
  corpus.has_entities = true;
  for (const GoldDocument& gold : dataset.documents) {
    TaggedDocument doc;
    doc.id = gold.document.uri;
    TaggedSentence s;
    s.text = gold.document.text;
    s.line = gold.line;
    std::size_t start = 0;
    while (start <= s.text.size()) {
      std::size_t end = s.text.find(' ', start);
      if (end == std::string::npos) end = s.text.size();
      if (end > start) {
        s.words.push_back(s.text.substr(start, end - start));
        s.offsets.push_back({start, end});
      }
      start = end + 1;
    }
    const auto add = [&](ByteSpan span, const std::string& label, std::vector<TokenSpan>& into) {
      const std::uint32_t first = token_at(s.offsets, span.start, false);
      const std::uint32_t last = token_at(s.offsets, span.end, true);
      if (first < s.offsets.size() && last < s.offsets.size())
        into.push_back({first, last + 1, label});
    };
    for (const GoldMention& m : gold.mentions)
      add(m.as_written, conll_of_conll04_class(m.label), s.entities);
    for (const UnscoredSpan& u : gold.unscored) add(u.span, "MISC", s.entities);
    std::sort(s.entities.begin(), s.entities.end(),
              [](const TokenSpan& a, const TokenSpan& b) { return a.first < b.first; });
    doc.sentences.push_back(std::move(s));
    corpus.documents.push_back(std::move(doc));
  }
  return corpus;
}

std::vector<std::string> entity_tags(const TaggedSentence& sentence, bool bilou) {
  std::vector<std::string> tags(sentence.words.size(), "O");
  for (const TokenSpan& e : sentence.entities) {
    for (std::uint32_t i = e.first; i < e.last; ++i) {
      char prefix = i == e.first ? 'B' : 'I';
      if (bilou && e.last - e.first == 1)
        prefix = 'U';
      else if (bilou && i + 1 == e.last)
        prefix = 'L';
      tags[i] = std::string(1, prefix) + "-" + e.label;
    }
  }
  return tags;
}

std::vector<TokenSpan> spans_from_tags(const std::vector<std::string>& tags) {
  std::vector<TokenSpan> spans;
  bool open = false;
  for (std::uint32_t i = 0; i < tags.size(); ++i) {
    const std::string& t = tags[i];
    if (t == "O" || t.size() < 3) {
      open = false;
      continue;
    }
    const char prefix = t[0];
    const std::string label = t.substr(2);
    const bool continues = open && (prefix == 'I' || prefix == 'L') && spans.back().label == label;
    if (continues) {
      spans.back().last = i + 1;
    } else {
      spans.push_back({i, i + 1, label});
    }
    open = prefix == 'B' || prefix == 'I';
  }
  return spans;
}

}  // namespace skein::evaluate
