// The co-mention layer, read from the mentions' sentences (schema 004): which entities of a
// sentence are linked (the first kCoMentionEntitiesPerSentence distinct ones in text order:
// this file is that rule's only home), the links as EdgeRecords with negative ids, their
// sentences, and the weaker same-document links. Nothing here is stored: put() writes only
// each mention's sentence span, so the layer costs ingest next to nothing (bench/co_mention).

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <unordered_map>

#include "store/RowCodecs.h"
#include "store/StoreImpl.h"

namespace skein::store {
namespace {

// A sentence's mentions in text order: one probe of the mentions_sentence index.
constexpr const char* kSentenceMembers =
    "SELECT node FROM mentions WHERE document = ?1 AND sentence_start = ?2 ORDER BY byte_start";
// Every sentence's mentions, sentence by sentence (the whole index, in order).
constexpr const char* kAllSentenceMembers =
    "SELECT document, sentence_start, node FROM mentions INDEXED BY mentions_sentence "
    "WHERE sentence_start >= 0 ORDER BY document, sentence_start, byte_start";
// The sentences naming a node.
constexpr const char* kNodeSentences =
    "SELECT DISTINCT document, sentence_start, sentence_end FROM mentions "
    "WHERE node = ?1 AND sentence_start >= 0 ORDER BY document, sentence_start";
constexpr const char* kPublished = "SELECT published FROM documents WHERE id = ?1";
constexpr const char* kSentenceText =
    "SELECT uri, title, published, substr(CAST(text AS BLOB), ?2 + 1, ?3 - ?2) FROM documents "
    "WHERE id = ?1";

// Pair ids: -(a << 32 | b) for node ids a < b below 2^31, so each pair has one negative id.
std::int64_t pair_id(std::int64_t a, std::int64_t b) { return -((a << 32) | b); }
std::pair<std::int64_t, std::int64_t> pair_of(std::int64_t id) {
  const std::int64_t bits = -id;
  return {bits >> 32, bits & 0xffffffffLL};
}

// Adds a node to a sentence's members unless present or the sentence is full.
void add_member(std::vector<std::int64_t>& members, std::int64_t node) {
  if (members.size() >= kCoMentionEntitiesPerSentence) return;
  if (std::find(members.begin(), members.end(), node) == members.end()) members.push_back(node);
}

bool passes_dates(const EvidenceFilter& filter, const std::string& published) {
  if (filter.from_date.empty() && filter.to_date.empty()) return true;
  if (published.empty()) return false;
  const std::string day = published.substr(0, 10);
  return (filter.from_date.empty() || day >= filter.from_date) &&
         (filter.to_date.empty() || day <= filter.to_date);
}

// One linked pair while the layer is read: 24 bytes, so a store of a million documents
// (millions of pairs) reads its layer in a few hundred MB. Dates as YYYYMMDD numbers.
struct Link {
  std::uint32_t sentences = 0;
  std::uint32_t documents = 0;
  std::int64_t last_document = -1;
  std::uint32_t first_day = 0, last_day = 0;  // 0 = no dated document
};

std::uint32_t day_number(const std::string& date) {
  if (date.size() < 10) return 0;
  std::uint32_t number = 0;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (date[i] < '0' || date[i] > '9') return 0;
    number = number * 10 + static_cast<std::uint32_t>(date[i] - '0');
  }
  return number;
}

std::string day_text(std::uint32_t number) {
  if (number == 0) return {};
  char text[16];  // room for any uint32 year the compiler can imagine
  std::snprintf(text, sizeof text, "%04u-%02u-%02u", number / 10000 % 10000, number / 100 % 100,
                number % 100);
  return text;
}

}  // namespace

void Store::Impl::co_mention_links(const CoMentionQuery& query, std::int64_t node,
                                   const std::function<void(const EdgeRecord&)>& visit) {
  std::unordered_map<std::int64_t, std::string> labels;
  if (!query.labels.empty()) {
    auto statement = use("SELECT id, label FROM nodes");
    while (statement->executeStep()) {
      labels.emplace(statement->getColumn(0).getInt64(), statement->getColumn(1).getString());
    }
  }
  auto label_kept = [&](std::int64_t id) {
    if (query.labels.empty()) return true;
    const auto found = labels.find(id);
    return found != labels.end() &&
           std::find(query.labels.begin(), query.labels.end(), found->second) != query.labels.end();
  };
  std::int64_t published_of = -1;
  std::string published;
  auto published_for = [&](std::int64_t document) -> const std::string& {
    if (document != published_of) {
      auto statement = use(kPublished);
      statement->bind(1, document);
      published = statement->executeStep() ? statement->getColumn(0).getString() : "";
      published_of = document;
    }
    return published;
  };

  std::unordered_map<std::uint64_t, Link> links;  // key: a << 32 | b
  auto take_sentence = [&](std::int64_t document, const std::vector<std::int64_t>& members) {
    if (members.size() < 2) return;
    if (node > 0 && std::find(members.begin(), members.end(), node) == members.end()) return;
    const std::string& date = published_for(document);
    if (!passes_dates(query, date)) return;
    const std::uint32_t day = day_number(date);
    for (std::size_t i = 0; i < members.size(); ++i) {
      for (std::size_t j = i + 1; j < members.size(); ++j) {
        const std::int64_t a = std::min(members[i], members[j]);
        const std::int64_t b = std::max(members[i], members[j]);
        if (node > 0 && a != node && b != node) continue;
        Link& link = links[static_cast<std::uint64_t>(a) << 32 | static_cast<std::uint64_t>(b)];
        link.sentences += 1;
        if (link.last_document != document) {
          ++link.documents;
          link.last_document = document;
        }
        if (day != 0) {
          if (link.first_day == 0 || day < link.first_day) link.first_day = day;
          link.last_day = std::max(link.last_day, day);
        }
      }
    }
  };

  std::vector<std::int64_t> members;
  if (node > 0) {
    std::vector<std::pair<std::int64_t, std::int64_t>> sentences;
    {
      auto statement = use(kNodeSentences);
      statement->bind(1, node);
      while (statement->executeStep()) {
        sentences.emplace_back(statement->getColumn(0).getInt64(),
                               statement->getColumn(1).getInt64());
      }
    }
    for (const auto& [document, start] : sentences) {
      members.clear();
      auto statement = use(kSentenceMembers);
      statement->bind(1, document);
      statement->bind(2, start);
      while (statement->executeStep()) add_member(members, statement->getColumn(0).getInt64());
      statement->reset();
      take_sentence(document, members);
    }
  } else {
    sqlite3* handle = db->getHandle();
    const ScanStatement scan = prepare_scan(handle, kAllSentenceMembers);
    std::int64_t document = -1, start = -1;
    while (step_scan(handle, scan.get())) {
      const std::int64_t row_document = sqlite3_column_int64(scan.get(), 0);
      const std::int64_t row_start = sqlite3_column_int64(scan.get(), 1);
      if (row_document != document || row_start != start) {
        take_sentence(document, members);
        members.clear();
        document = row_document;
        start = row_start;
      }
      add_member(members, sqlite3_column_int64(scan.get(), 2));
    }
    take_sentence(document, members);
  }

  EdgeRecord edge;
  edge.type = kCoMentionType;
  edge.symmetric = true;
  edge.confidence = 0;
  edge.has_text_basis = true;
  edge.has_knowledge_basis = false;
  std::vector<std::uint64_t> keys;
  keys.reserve(links.size());
  for (const auto& entry : links) keys.push_back(entry.first);
  std::sort(keys.begin(), keys.end());
  for (const std::uint64_t key : keys) {
    const Link& link = links[key];
    const auto a = static_cast<std::int64_t>(key >> 32);
    const auto b = static_cast<std::int64_t>(key & 0xffffffffULL);
    if (link.sentences < query.min_weight) continue;
    if (!label_kept(a) || !label_kept(b)) continue;
    edge.id = pair_id(a, b);
    edge.src = a;
    edge.dst = b;
    edge.weight = link.sentences;
    edge.props_json = "{\"documents\":" + std::to_string(link.documents) + "}";
    edge.first_seen = day_text(link.first_day);
    edge.last_seen = day_text(link.last_day);
    visit(edge);
  }
}

std::optional<EdgeRecord> Store::Impl::co_mention_edge(std::int64_t id) {
  // Named copies: clang 14 cannot capture structured bindings in a lambda.
  const auto pair = pair_of(id);
  const std::int64_t a = pair.first, b = pair.second;
  std::optional<EdgeRecord> found;
  co_mention_links({}, a, [&](const EdgeRecord& edge) {
    if (edge.src == a && edge.dst == b) found = edge;
  });
  return found;
}

std::vector<EvidenceRecord> Store::Impl::co_mention_evidence(std::int64_t id, std::size_t limit,
                                                             const EvidenceFilter& filter) {
  const auto [a, b] = pair_of(id);
  struct Sentence {
    std::int64_t document, start, end;
  };
  std::vector<Sentence> sentences;
  {
    auto statement = use(kNodeSentences);
    statement->bind(1, a);
    while (statement->executeStep()) {
      sentences.push_back({statement->getColumn(0).getInt64(), statement->getColumn(1).getInt64(),
                           statement->getColumn(2).getInt64()});
    }
  }
  std::vector<EvidenceRecord> rows;
  std::vector<std::int64_t> members;
  for (const Sentence& sentence : sentences) {
    if (limit > 0 && rows.size() >= limit) break;
    members.clear();
    {
      auto statement = use(kSentenceMembers);
      statement->bind(1, sentence.document);
      statement->bind(2, sentence.start);
      while (statement->executeStep()) add_member(members, statement->getColumn(0).getInt64());
    }
    if (std::find(members.begin(), members.end(), a) == members.end() ||
        std::find(members.begin(), members.end(), b) == members.end()) {
      continue;
    }
    auto statement = use(kSentenceText);
    statement->bind(1, sentence.document);
    statement->bind(2, sentence.start);
    statement->bind(3, sentence.end);
    if (!statement->executeStep()) continue;
    EvidenceRecord row;
    row.published = statement->getColumn(2).getString();
    if (!passes_dates(filter, row.published)) continue;
    row.edge_id = id;
    row.document_id = sentence.document;
    row.document_uri = statement->getColumn(0).getString();
    row.document_title = statement->getColumn(1).getString();
    row.start = static_cast<std::size_t>(sentence.start);
    row.end = static_cast<std::size_t>(sentence.end);
    row.sentence = column_blob_string(statement->getColumn(3));
    row.rule = kCoMentionType;
    row.basis = "text";
    row.confidence = 0;
    rows.push_back(std::move(row));
  }
  return rows;
}

void Store::for_each_co_mention(const CoMentionQuery& query,
                                const std::function<void(const EdgeRecord&)>& visit) const {
  impl_->guarded([&] { impl_->co_mention_links(query, 0, visit); });
}

std::vector<EdgeRecord> Store::co_mentions_of(std::int64_t node_id,
                                              const EvidenceFilter& filter) const {
  return impl_->guarded([&] {
    CoMentionQuery query;
    static_cast<EvidenceFilter&>(query) = filter;
    std::vector<EdgeRecord> edges;
    if (node_id <= 0) return edges;
    impl_->co_mention_links(query, node_id, [&](const EdgeRecord& edge) { edges.push_back(edge); });
    std::stable_sort(edges.begin(), edges.end(),
                     [](const EdgeRecord& x, const EdgeRecord& y) { return x.weight > y.weight; });
    return edges;
  });
}

std::vector<DocumentCoMention> Store::document_co_mentions(std::int64_t node_id,
                                                           std::size_t limit) const {
  static constexpr const char* kSql =
      "SELECT m.node, count(DISTINCT m.document) AS shared FROM mentions m "
      "WHERE m.document IN (SELECT document FROM mentions WHERE node = ?1) AND m.node <> ?1 "
      "GROUP BY m.node ORDER BY shared DESC, m.node LIMIT ?2";
  return impl_->guarded([&] {
    std::vector<DocumentCoMention> rows;
    auto statement = impl_->use(kSql);
    statement->bind(1, node_id);
    statement->bind(2, limit == 0 ? std::int64_t{-1} : static_cast<std::int64_t>(limit));
    while (statement->executeStep()) {
      rows.push_back({statement->getColumn(0).getInt64(), statement->getColumn(1).getInt64()});
    }
    return rows;
  });
}

}  // namespace skein::store
