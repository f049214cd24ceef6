// Label votes (docs/corrections.md, "Label votes"): where the taggers file one normalised name
// under different labels in different documents, the corpus decides. Every pass recomputes
// the votes from scratch, from the entity id extraction gave each mention (mentions.entity, or
// the node's own id), so its result depends on the set of documents stored, never on their
// order; a fold is an ordinary merge correction with source 'vote', so put() files later
// documents through it and unmerge takes it back when its vote no longer holds.

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <map>
#include <set>

#include "store/StoreImpl.h"

namespace skein::store {
namespace {

// Mentions per entity id extraction gave them, read in two streams that never sort the
// mentions table. (One GROUP BY over the whole table put every mention row through SQLite's
// sorter, which the store's temp_store = MEMORY keeps in memory: ~66 bytes a mention, 430 MB
// and 155 s for the 6.5M mentions of a million documents, which made this vote, at the end of
// every `skein ingest`, the command's peak. The two streams: 90 MB and 8.5 s.)
//  - a node's own mentions (entity ''), counted per node through the primary key
//    (node, document, byte_start), one node at a time;
//    With it, whether any of them is described (mentions.described), the same way.
constexpr const char* kOwnMentionsPerNode =
    "SELECT n.label || ':' || n.key, "
    "(SELECT count(*) FROM mentions m WHERE m.node = n.id AND m.entity = ''), "
    "EXISTS (SELECT 1 FROM mentions m WHERE m.node = n.id AND m.entity = '' AND m.described) "
    "FROM nodes n";
//  - the rows a correction filed under another node keep the id extraction gave them
//    (mentions.entity): few, read one by one and counted in C++.
constexpr const char* kFiledMentions = "SELECT entity, described FROM mentions WHERE entity <> ''";
constexpr const char* kVoteMerges =
    "SELECT entity, value FROM corrections WHERE op = 'merge' AND source = 'vote' ORDER BY entity";
constexpr const char* kPendingWorkDone = "DELETE FROM pending_work WHERE task = ?1";
constexpr const char* kPendingWorkDue = "SELECT count(*) FROM pending_work WHERE task = ?1";
constexpr const char* kSetVote =
    "UPDATE corrections SET snapshot = json_set(snapshot, '$.vote', json(?2)) "
    "WHERE op = 'merge' AND source = 'vote' AND entity = ?1";

// The labels a tagger confuses for one name; countries, dates and the rest come from lists.
bool voted_label(const std::string& label) {
  return label == labels::kPerson || label == labels::kPlace || label == labels::kOrganization;
}

// {"kept": label, "mentions": {label: count, ...}, "described": [label, ...]}: what `show` and
// `correct list` report ("described" only when some label is).
std::string vote_json(const std::string& kept, const std::map<std::string, std::int64_t>& tally,
                      const std::set<std::string>& described) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.StartObject();
  writer.Key("kept");
  writer.String(kept.c_str());
  writer.Key("mentions");
  writer.StartObject();
  for (const auto& [label, count] : tally) {
    writer.Key(label.c_str());
    writer.Int64(count);
  }
  writer.EndObject();
  if (!described.empty()) {
    writer.Key("described");
    writer.StartArray();
    for (const auto& label : described) writer.String(label.c_str());
    writer.EndArray();
  }
  writer.EndObject();
  return {buffer.GetString(), buffer.GetSize()};
}

}  // namespace

LabelVoteOutcome Store::Impl::decide_labels() {
  load_rules();
  // Normalised name (a key without ':', which knowledge-file ids such as geonames:... carry)
  // -> label -> mentions, counted after the user's merges and relabels but before any vote.
  std::map<std::string, std::map<std::string, std::int64_t>> tally;
  // Normalised name -> the labels some document describes it by (Mention::described).
  std::map<std::string, std::set<std::string>> described;
  auto count = [&](const std::string& entity_id, std::int64_t mentions, bool is_described) {
    auto [label, key] = split_entity_id(rules.user_final_id(entity_id));
    if (!voted_label(label) || key.find(':') != std::string::npos) return;
    if (rules.user_keys.count(key) > 0) return;  // the user decided this name
    tally[key][label] += mentions;
    if (is_described) described[key].insert(label);
  };
  {
    auto statement = use(kOwnMentionsPerNode);
    while (statement->executeStep()) {
      const std::int64_t mentions = statement->getColumn(1).getInt64();
      if (mentions > 0) {
        count(statement->getColumn(0).getString(), mentions,
              statement->getColumn(2).getInt64() != 0);
      }
    }
  }
  {
    auto statement = use(kFiledMentions);
    while (statement->executeStep()) {
      count(statement->getColumn(0).getString(), 1, statement->getColumn(1).getInt64() != 0);
    }
  }
  struct Fold {
    std::string into, vote;
  };
  std::map<std::string, Fold> wanted;  // absorbed id -> its fold
  for (const auto& [key, counts] : tally) {
    if (counts.size() < 2) continue;
    static const std::set<std::string> kNone;
    const auto described_it = described.find(key);
    const std::set<std::string>& described_as =
        described_it == described.end() ? kNone : described_it->second;
    auto top = counts.begin();
    for (auto it = counts.begin(); it != counts.end(); ++it) {
      if (it->second > top->second) top = it;
    }
    // A label that documents describe the name by, and no other label is, outweighs the
    // taggers' readings whatever their number.
    if (described_as.size() == 1) top = counts.find(*described_as.begin());
    if (top->second < kLabelVoteMinimum) continue;
    bool clear = true;  // the top label outvotes every other (a tie never does)
    for (auto it = counts.begin(); it != counts.end(); ++it) {
      if (it != top && top->second < kLabelVoteRatio * it->second) clear = false;
    }
    if (!clear && described_as.size() != 1) continue;
    const std::string into = Entity::make_id(top->first, key);
    const std::string vote = vote_json(top->first, counts, described_as);
    for (auto it = counts.begin(); it != counts.end(); ++it) {
      if (it != top) wanted[Entity::make_id(it->first, key)] = Fold{into, vote};
    }
  }

  LabelVoteOutcome outcome;
  std::vector<std::pair<std::string, std::string>> current;
  {
    auto statement = use(kVoteMerges);
    while (statement->executeStep()) {
      current.emplace_back(statement->getColumn(0).getString(),
                           statement->getColumn(1).getString());
    }
  }
  std::set<std::string> kept;
  for (const auto& [absorbed, into] : current) {
    auto fold = wanted.find(absorbed);
    if (fold != wanted.end() && fold->second.into == into) {
      kept.insert(absorbed);
      continue;
    }
    unmerge_rows(absorbed);  // its vote no longer holds
    ++outcome.undone;
  }
  if (outcome.undone > 0) load_rules();
  for (const auto& [absorbed, fold] : wanted) {
    if (kept.count(absorbed) == 0) {
      Correction merge;
      merge.op = correction_ops::kMerge;
      merge.entity = absorbed;
      merge.value = fold.into;
      merge.source = correction_sources::kVote;
      if (correct(merge, CorrectionMode::kRecordRule)) ++outcome.made;
    }
    auto statement = use(kSetVote);
    statement->bind(1, absorbed);
    statement->bind(2, fold.vote);
    statement->exec();
  }
  outcome.folds = wanted.size();
  {
    auto done = use(kPendingWorkDone);
    done->bind(1, kLabelVotesTask);
    done->exec();
  }
  cache.clear();
  staged.clear();
  load_rules();
  return outcome;
}

bool Store::label_votes_due() const {
  return impl_->guarded([&] {
    auto statement = impl_->use(kPendingWorkDue);
    statement->bind(1, kLabelVotesTask);
    statement->executeStep();
    return statement->getColumn(0).getInt64() > 0;
  });
}

LabelVoteOutcome Store::decide_labels() {
  impl_->require_writable("decide labels by vote");
  if (impl_->batch_open) return impl_->guarded([&] { return impl_->decide_labels(); });
  Batch batch(*this);  // each fold a savepoint; all of them or none
  const LabelVoteOutcome outcome = impl_->guarded([&] { return impl_->decide_labels(); });
  batch.commit();
  return outcome;
}

}  // namespace skein::store
