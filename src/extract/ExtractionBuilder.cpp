#include "extract/ExtractionBuilder.h"

#include <algorithm>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/Confidence.h"
#include "extract/TokenHelpers.h"

namespace skein::extract {
namespace {

// How the mention names its entity (core/Extraction.h's mention_kinds).
const char* kind_of(const EntityMention& m, const Entity& entity, const std::string& text) {
  if (m.demonym) return mention_kinds::kDemonym;
  if (m.metonym) return mention_kinds::kMetonym;
  if (m.source == MentionSource::kAlias) return mention_kinds::kAcronym;
  if (m.short_form) return mention_kinds::kShort;
  return text == entity.name ? mention_kinds::kName : mention_kinds::kAlias;
}

}  // namespace

DocumentExtraction build_extraction(AnnotatedDocument& d) {
  const TokenView v(d);
  std::vector<EntityMention>& mentions = d.mentions;
  std::vector<ResolvedEntity>& entities = d.entities;
  DocumentExtraction out;
  out.document = d.document;
  out.sentences.reserve(d.segmentation.sentences.size());
  for (const Sentence& sentence : d.segmentation.sentences) out.sentences.push_back(sentence.span);
  std::vector<int> order;
  std::vector<std::vector<int>> by_entity(entities.size());
  std::vector<int> sorted(mentions.size());
  for (std::size_t i = 0; i < mentions.size(); ++i) sorted[i] = static_cast<int>(i);
  std::sort(sorted.begin(), sorted.end(),
            [&](int a, int b) { return mentions[a].first < mentions[b].first; });
  for (const int i : sorted) {
    const EntityMention& m = mentions[i];
    // A pronoun or description stood for the entity only in relations (CorefKind).
    if (m.entity < 0 || m.coref != CorefKind::kNone) continue;
    auto& list = by_entity[m.entity];
    if (list.empty()) order.push_back(m.entity);
    if (list.empty() || mentions[list.back()].first != m.first) list.push_back(i);
  }
  std::unordered_set<std::string> present;
  for (const int e : order) {
    ResolvedEntity& b = entities[e];
    Entity entity = std::move(b.out);
    for (const int i : by_entity[e]) {
      const EntityMention& m = mentions[i];
      Mention mention;
      mention.span = {v.tok(m.first).start, v.tok(m.last - 1).end};
      mention.text = v.text().substr(mention.span.start, mention.span.size());
      mention.kind = kind_of(m, entity, mention.text);
      mention.described = m.described;
      // "Seoul" acting as South Korea is a mention of the country, not another name for it.
      if (!m.metonym && mention.text != entity.name &&
          std::find(entity.aliases.begin(), entity.aliases.end(), mention.text) ==
              entity.aliases.end()) {
        entity.aliases.push_back(mention.text);
      }
      entity.mentions.push_back(std::move(mention));
    }
    present.insert(entity.id);
    out.entities.push_back(std::move(entity));
  }
  // Entities only knowledge relations name (a legislator's party the text never mentions).
  for (std::size_t e = 0; e < entities.size(); ++e) {
    if (!entities[e].keep_without_mentions || !by_entity[e].empty()) continue;
    present.insert(entities[e].out.id);
    out.entities.push_back(std::move(entities[e].out));
  }
  for (Relation& r : d.relations) {
    // Metonymy may have moved every mention of an entity away: never leave a dangling id.
    if (present.count(r.source) == 0 || present.count(r.target) == 0) continue;
    r.confidence = noisy_or(r.evidence);
    out.relations.push_back(std::move(r));
  }
  return out;
}

}  // namespace skein::extract
