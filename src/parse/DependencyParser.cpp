#include "parse/DependencyParser.h"

#include <algorithm>
#include <cstring>
#include <iterator>
#include <limits>

#include "core/Error.h"
#include "core/MappedFile.h"
#include "learn/ModelBytes.h"
#include "parse/ArcEager.h"

namespace skein::parse {
namespace {

constexpr char kMagic[8] = {'S', 'K', 'E', 'I', 'N', 'D', 'E', 'P'};
constexpr std::uint32_t kFormatVersion = 1;

std::uint64_t checksum(std::string_view bytes) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

using learn::bytes::put;
using learn::bytes::take;

}  // namespace

struct ParseScratch::Impl {
  detail::State state;
  std::vector<std::uint64_t> word_hash, tag_hash, features;
  std::vector<float> scores;
};

ParseScratch::ParseScratch() : impl_(std::make_unique<Impl>()) {}
ParseScratch::~ParseScratch() = default;
ParseScratch::ParseScratch(ParseScratch&&) noexcept = default;
ParseScratch& ParseScratch::operator=(ParseScratch&&) noexcept = default;

DependencyParser DependencyParser::load(const std::string& path) {
  // Mapped, not read through a stream byte by byte (that was half the parser's start-up).
  const MappedFile file(path);
  if (!file.opened())
    throw InputError(path, "cannot open the parser model (retrain with scripts/train-models.sh)");
  if (!file.ok()) throw InputError(path, "cannot read the parser model");
  const std::string_view bytes = file.bytes();
  if (bytes.size() < sizeof(kMagic) || std::memcmp(bytes.data(), kMagic, sizeof(kMagic)) != 0) {
    throw InputError(path, "not a Skein parser model (bad magic)");
  }
  if (bytes.size() < sizeof(kMagic) + 12) throw InputError(path, "truncated parser model");
  std::string_view body(bytes.data(), bytes.size() - sizeof(std::uint64_t));
  std::uint64_t stored = 0;
  std::memcpy(&stored, bytes.data() + body.size(), sizeof(stored));
  body.remove_prefix(sizeof(kMagic));
  std::uint32_t version = 0;
  take(body, version);
  if (version != kFormatVersion) {
    throw InputError(path, "parser model format " + std::to_string(version) +
                               ", this Skein reads " + std::to_string(kFormatVersion));
  }
  if (checksum(std::string_view(bytes.data(), bytes.size() - sizeof(std::uint64_t))) != stored) {
    throw InputError(path, "parser model is corrupt or truncated (checksum mismatch)");
  }
  DependencyParser parser;
  std::uint32_t count = 0;
  if (!take(body, count) || count == 0 || count > 1000)
    throw InputError(path, "bad relation count");
  for (std::uint32_t i = 0; i < count; ++i) {
    std::uint16_t length = 0;
    if (!take(body, length) || body.size() < length)
      throw InputError(path, "truncated relation list");
    parser.relations_.emplace_back(body.substr(0, length));
    body.remove_prefix(length);
  }
  if (!parser.model_.read(body) || !body.empty() ||
      parser.model_.class_count() != detail::action_count(parser.relations_.size())) {
    throw InputError(path, "parser model weights are inconsistent");
  }
  return parser;
}

DependencyParser DependencyParser::pruned(float min_weight) const {
  DependencyParser copy;
  copy.relations_ = relations_;
  copy.model_ = model_.pruned(min_weight);
  return copy;
}

void DependencyParser::save(const std::string& path) const {
  std::string out(kMagic, sizeof(kMagic));
  put<std::uint32_t>(out, kFormatVersion);
  put<std::uint32_t>(out, static_cast<std::uint32_t>(relations_.size()));
  for (const auto& r : relations_) {
    put<std::uint16_t>(out, static_cast<std::uint16_t>(r.size()));
    out += r;
  }
  model_.write(out);
  put<std::uint64_t>(out, checksum(out));
  // Replaced whole, never rewritten in place: a process may have the old file mapped (load).
  if (!replace_file(path, out)) throw InputError(path, "cannot write the parser model");
}

void DependencyParser::parse(std::span<const std::string_view> words,
                             std::span<const std::string_view> tags, ParseScratch& scratch,
                             std::vector<ParsedWord>& out) const {
  auto& s = scratch.impl();
  const int n = static_cast<int>(words.size());
  detail::hash_sentence(words, tags, s.word_hash, s.tag_hash);
  const detail::SentenceHashes hashes{&s.word_hash, &s.tag_hash};
  s.state.reset(n);
  const std::size_t actions = model_.class_count();
  s.scores.resize(actions);
  while (!s.state.terminal()) {
    detail::state_features(s.state, hashes, s.features);
    std::fill(s.scores.begin(), s.scores.end(), 0.0f);
    model_.score(s.features, s.scores);
    const detail::ValidActions valid = s.state.valid_actions();
    std::size_t best = actions;
    for (std::size_t a = 0; a < actions; ++a) {
      if (valid.allows(a) && (best == actions || s.scores[a] > s.scores[best])) best = a;
    }
    s.state.apply(best);  // SHIFT is valid whenever the buffer is not empty
  }
  s.state.finish(0, relations_.size() > 1 ? 1 : 0);
  out.resize(static_cast<std::size_t>(n));
  for (int i = 1; i <= n; ++i) {
    out[static_cast<std::size_t>(i - 1)] = {
        s.state.head[static_cast<std::size_t>(i)],
        static_cast<std::uint16_t>(s.state.relation[static_cast<std::size_t>(i)])};
  }
}

AttachmentScores evaluate_parser(const DependencyParser& parser,
                                 const std::vector<TreebankSentence>& gold,
                                 const std::vector<std::vector<std::string>>& tags) {
  AttachmentScores scores;
  ParseScratch scratch;
  std::vector<std::string_view> words, sentence_tags;
  std::vector<ParsedWord> parsed;
  for (std::size_t i = 0; i < gold.size(); ++i) {
    const auto& sentence = gold[i];
    words.clear();
    sentence_tags.clear();
    for (std::size_t k = 0; k < sentence.words.size(); ++k) {
      words.push_back(sentence.words[k].form);
      sentence_tags.push_back(tags.empty() ? std::string_view(sentence.words[k].upos)
                                           : std::string_view(tags[i][k]));
    }
    parser.parse(words, sentence_tags, scratch, parsed);
    for (std::size_t k = 0; k < parsed.size(); ++k) {
      ++scores.words;
      if (parsed[k].head == sentence.words[k].head) {
        ++scores.head_correct;
        if (parser.relations()[parsed[k].relation] == sentence.words[k].relation)
          ++scores.labelled_correct;
      }
    }
  }
  return scores;
}

}  // namespace skein::parse
