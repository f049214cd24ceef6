// The co-mention writer: which entities of a document share a sentence (the per-sentence cap
// lives here and only here), written as pair and sentence rows, and removed again when the
// document is replaced. The contract is Store.h's kCoMentionType comment.

#include <algorithm>

#include "store/StoreImpl.h"

namespace skein::store {
namespace {

constexpr const char* kFindPair = "SELECT id FROM co_mentions WHERE a = ?1 AND b = ?2";
constexpr const char* kInsertPair = "INSERT INTO co_mentions (a, b) VALUES (?1, ?2)";
constexpr const char* kInsertSentence =
    "INSERT OR IGNORE INTO co_mention_sentences (pair, document, byte_start, byte_end) "
    "VALUES (?1, ?2, ?3, ?4)";
constexpr const char* kDocumentPairs =
    "SELECT DISTINCT pair FROM co_mention_sentences WHERE document = ?1";
constexpr const char* kDeleteDocumentSentences =
    "DELETE FROM co_mention_sentences WHERE document = ?1";
constexpr const char* kDeleteUnlinkedPair =
    "DELETE FROM co_mentions WHERE id = ?1 "
    "AND NOT EXISTS (SELECT 1 FROM co_mention_sentences WHERE pair = ?1)";

// One entity mention as the pairing sees it: where it is, and its stored node.
struct Spot {
  std::size_t start = 0;
  std::size_t end = 0;
  std::int64_t node = 0;
};

}  // namespace

std::vector<std::int64_t> Store::Impl::remove_co_mentions(std::int64_t document_id) {
  std::vector<std::int64_t> pairs = ids(kDocumentPairs, document_id);
  if (!pairs.empty()) {
    auto remove = use(kDeleteDocumentSentences);
    remove->bind(1, document_id);
    remove->exec();
  }
  return pairs;
}

void Store::Impl::drop_unlinked_pairs(const std::vector<std::int64_t>& pairs) {
  if (pairs.empty()) return;
  auto remove = use(kDeleteUnlinkedPair);
  for (const std::int64_t pair : pairs) {
    remove->bind(1, pair);
    remove->exec();
    remove->tryReset();
  }
}

std::int64_t Store::Impl::co_mention_pair(std::int64_t a, std::int64_t b) {
  {
    auto find = use(kFindPair);
    find->bind(1, a);
    find->bind(2, b);
    if (find->executeStep()) return find->getColumn(0).getInt64();
  }
  auto insert = use(kInsertPair);
  insert->bind(1, a);
  insert->bind(2, b);
  insert->exec();
  return db->getLastInsertRowid();
}

void Store::Impl::write_co_mentions(const DocumentExtraction& extraction,
                                    const std::vector<std::int64_t>& node_ids,
                                    std::int64_t document_id) {
  if (extraction.sentences.empty()) return;
  std::vector<Spot> spots;
  for (std::size_t i = 0; i < extraction.entities.size(); ++i) {
    for (const Mention& mention : extraction.entities[i].mentions) {
      spots.push_back({mention.span.start, mention.span.end, node_ids[i]});
    }
  }
  if (spots.size() < 2) return;
  std::sort(spots.begin(), spots.end(),
            [](const Spot& x, const Spot& y) { return x.start < y.start; });
  std::vector<ByteSpan> sentences = extraction.sentences;
  std::sort(sentences.begin(), sentences.end(),
            [](const ByteSpan& x, const ByteSpan& y) { return x.start < y.start; });

  auto insert = use(kInsertSentence);
  insert->bind(2, document_id);
  std::vector<std::int64_t> members;
  std::size_t first = 0;
  for (const ByteSpan& sentence : sentences) {
    while (first < spots.size() && spots[first].start < sentence.start) ++first;
    members.clear();
    for (std::size_t k = first; k < spots.size() && spots[k].start < sentence.end; ++k) {
      if (spots[k].end > sentence.end) continue;
      if (std::find(members.begin(), members.end(), spots[k].node) != members.end()) continue;
      members.push_back(spots[k].node);
      if (members.size() == kCoMentionEntitiesPerSentence) break;
    }
    for (std::size_t i = 0; i < members.size(); ++i) {
      for (std::size_t j = i + 1; j < members.size(); ++j) {
        const std::int64_t pair =
            co_mention_pair(std::min(members[i], members[j]), std::max(members[i], members[j]));
        insert->bind(1, pair);
        insert->bind(3, static_cast<std::int64_t>(sentence.start));
        insert->bind(4, static_cast<std::int64_t>(sentence.end));
        insert->exec();
        insert->tryReset();
      }
    }
  }
}

}  // namespace skein::store
