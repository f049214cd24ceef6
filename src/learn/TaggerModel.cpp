#include "learn/TaggerModel.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>

#include "core/Error.h"
#include "core/Sha256.h"

namespace skein::learn {
namespace {

constexpr std::string_view kMagic = "SKEINTAG";
constexpr std::size_t kChecksumSize = 64;

void put_u32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFFu));
}
void put_u64(std::string& out, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFFu));
}
void put_str(std::string& out, std::string_view s) {
  put_u32(out, static_cast<std::uint32_t>(s.size()));
  out.append(s);
}

// Reads the fields of a model file in order; every read checks the bounds first.
class Reader {
 public:
  Reader(std::string_view bytes, const std::string& source) : bytes_(bytes), source_(source) {}
  std::uint64_t uint(int size) {
    need(static_cast<std::size_t>(size));
    std::uint64_t v = 0;
    for (int i = 0; i < size; ++i) {
      v |= static_cast<std::uint64_t>(static_cast<unsigned char>(bytes_[pos_ + static_cast<std::size_t>(i)])) << (8 * i);
    }
    pos_ += static_cast<std::size_t>(size);
    return v;
  }
  std::string str() {
    const auto n = static_cast<std::size_t>(uint(4));
    need(n);
    std::string s(bytes_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  void need(std::size_t n) const {
    if (n > bytes_.size() - pos_) throw InputError(source_, "model file is truncated");
  }
  std::size_t remaining() const { return bytes_.size() - pos_; }

 private:
  std::string_view bytes_;
  const std::string& source_;
  std::size_t pos_ = 0;
};

bool has_prefix(std::string_view tag, char c) { return tag.size() > 2 && tag[0] == c && tag[1] == '-'; }

}  // namespace

std::string default_model_path(const std::string& data_dir, std::string_view kind) {
  const std::string dir = data_dir.empty() || data_dir.back() == '/' ? data_dir : data_dir + "/";
  return dir + "models/" + std::string(kind) + ".skm";
}

TagTransitions::TagTransitions(const std::vector<std::string>& tags) {
  bool scheme = !tags.empty();
  bool bilou = false;
  for (const std::string& t : tags) {
    if (t == "O") continue;
    if (has_prefix(t, 'L') || has_prefix(t, 'U')) bilou = true;
    if (!(has_prefix(t, 'B') || has_prefix(t, 'I') || has_prefix(t, 'L') || has_prefix(t, 'U'))) scheme = false;
  }
  if (!scheme) return;
  size_ = tags.size();
  allowed_.assign(size_ * size_, 0);
  start_.assign(size_, 0);
  closing_.resize(size_);
  const auto inside = [&](const std::string& t) { return has_prefix(t, 'B') || has_prefix(t, 'I'); };
  const auto continues = [&](const std::string& t) { return has_prefix(t, 'I') || has_prefix(t, 'L'); };
  for (std::size_t b = 0; b < size_; ++b) {
    const std::string& cur = tags[b];
    // BIO: I-X may start a name only in IOB1-like data; here it must continue one.
    const bool needs_open = bilou ? continues(cur) : has_prefix(cur, 'I');
    start_[b] = needs_open ? 0 : 1;
    closing_[b] = static_cast<std::uint32_t>(b);
    if (bilou && inside(cur)) {
      const std::string want = std::string(has_prefix(cur, 'B') ? "U-" : "L-") + cur.substr(2);
      for (std::size_t k = 0; k < size_; ++k) {
        if (tags[k] == want) closing_[b] = static_cast<std::uint32_t>(k);
      }
    }
    for (std::size_t a = 0; a < size_; ++a) {
      const std::string& prev = tags[a];
      const bool open = bilou ? inside(prev) : (has_prefix(prev, 'B') || has_prefix(prev, 'I'));
      bool ok;
      if (needs_open) {
        ok = open && prev.substr(2) == cur.substr(2);
      } else {
        ok = bilou ? !open : true;  // in BILOU an open name must be continued
      }
      allowed_[a * size_ + b] = ok ? 1 : 0;
    }
  }
}

TaggerModel::TaggerModel(std::string kind, std::vector<std::string> tags, float scale,
                         std::vector<std::uint64_t> keys, std::vector<std::int16_t> weights)
    : kind_(std::move(kind)), tags_(std::move(tags)), scale_(scale), keys_(std::move(keys)),
      weights_(std::move(weights)), transitions_(tags_) {
  build_table();
}

void TaggerModel::build_table() {
  std::size_t capacity = 16;
  while (capacity * 2 < keys_.size() * 3) capacity *= 2;  // load factor at most 2/3
  slot_keys_.assign(capacity, 0);
  slot_rows_.assign(capacity, 0);
  mask_ = capacity - 1;
  for (std::size_t r = 0; r < keys_.size(); ++r) {
    std::size_t i = static_cast<std::size_t>(keys_[r] >> 1) & mask_;
    while (slot_keys_[i] != 0) i = (i + 1) & mask_;
    slot_keys_[i] = keys_[r];
    slot_rows_[i] = static_cast<std::uint32_t>(r * tags_.size());
  }
}

const std::int16_t* TaggerModel::row(std::uint64_t key) const {
  for (std::size_t i = static_cast<std::size_t>(key >> 1) & mask_;; i = (i + 1) & mask_) {
    const std::uint64_t k = slot_keys_[i];
    if (k == key) return &weights_[slot_rows_[i]];
    if (k == 0) return nullptr;
  }
}

std::uint32_t TaggerModel::tag_index(std::string_view tag) const {
  for (std::size_t i = 0; i < tags_.size(); ++i) {
    if (tags_[i] == tag) return static_cast<std::uint32_t>(i);
  }
  return kNoTag;
}

void TaggerModel::tag(const TokenView* tokens, std::size_t count, TaggerWorkspace& workspace,
                      std::vector<std::uint16_t>& tags_out, std::vector<float>* confidence_out) const {
  tags_out.resize(count);
  if (confidence_out != nullptr) confidence_out->resize(count);
  if (count == 0) return;
  static_features(tokens, count, workspace.features);
  const std::size_t n_tags = tags_.size();
  std::vector<std::int32_t>& scores = workspace.scores;
  scores.resize(n_tags);
  std::uint32_t prev = kNoTag;
  std::uint32_t prev2 = kNoTag;
  const auto add_row = [&](std::uint64_t key) {
    const std::int16_t* r = row(key);
    if (r == nullptr) return;
    for (std::size_t t = 0; t < n_tags; ++t) scores[t] += r[t];
  };
  for (std::size_t i = 0; i < count; ++i) {
    std::fill(scores.begin(), scores.end(), 0);
    const FeatureBuffer& fb = workspace.features;
    for (std::uint32_t f = fb.offsets[i]; f < fb.offsets[i + 1]; ++f) add_row(fb.hashes[f]);
    std::uint64_t dynamic[kDynamicFeatureCount];
    dynamic_features(fb, i, prev, prev2, dynamic);
    for (const std::uint64_t key : dynamic) add_row(key);
    std::uint32_t best = kNoTag;
    for (std::uint32_t t = 0; t < n_tags; ++t) {
      if (!transitions_.allowed(prev, t)) continue;
      if (best == kNoTag || scores[t] > scores[best]) best = t;
    }
    if (best == kNoTag) best = 0;  // no allowed tag: cannot happen for a consistent scheme
    if (i + 1 == count) best = transitions_.closing(best);
    if (confidence_out != nullptr) {
      double total = 0;
      const double top = scores[best] * static_cast<double>(scale_);
      for (std::uint32_t t = 0; t < n_tags; ++t) {
        if (transitions_.allowed(prev, t)) total += std::exp(scores[t] * static_cast<double>(scale_) - top);
      }
      (*confidence_out)[i] = static_cast<float>(1.0 / total);
    }
    tags_out[i] = static_cast<std::uint16_t>(best);
    prev2 = prev;
    prev = best;
  }
}

std::string TaggerModel::serialize() const {
  std::string out(kMagic);
  put_u32(out, kModelFormatVersion);
  put_str(out, kind_);
  put_u32(out, kFeatureTemplateVersion);
  put_u32(out, static_cast<std::uint32_t>(tags_.size()));
  for (const std::string& t : tags_) put_str(out, t);
  std::uint32_t scale_bits = 0;
  static_assert(sizeof(scale_bits) == sizeof(scale_));
  std::memcpy(&scale_bits, &scale_, sizeof(scale_bits));
  put_u32(out, scale_bits);
  put_u64(out, keys_.size());
  for (const std::uint64_t k : keys_) put_u64(out, k);
  for (const std::int16_t w : weights_) {
    const auto u = static_cast<std::uint16_t>(w);
    out.push_back(static_cast<char>(u & 0xFFu));
    out.push_back(static_cast<char>(u >> 8));
  }
  out += sha256_hex(out);
  return out;
}

void TaggerModel::save(const std::string& path) const {
  const std::string bytes = serialize();
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (!file) throw InputError(path, "cannot write the model file");
  file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  file.close();
  if (!file) throw InputError(path, "cannot write the model file");
}

TaggerModel TaggerModel::load(const std::string& path, std::string_view expected_kind) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw InputError(path, "cannot open the model file (missing or unreadable)");
  std::ostringstream buffer;
  buffer << file.rdbuf();
  return parse(buffer.str(), path, expected_kind);
}

TaggerModel TaggerModel::parse(std::string_view bytes, const std::string& source,
                               std::string_view expected_kind) {
  if (bytes.size() < kMagic.size() || bytes.substr(0, kMagic.size()) != kMagic) {
    throw InputError(source, "not a Skein tagger model (wrong magic)");
  }
  if (bytes.size() < kMagic.size() + kChecksumSize) throw InputError(source, "model file is truncated");
  const std::string_view body = bytes.substr(0, bytes.size() - kChecksumSize);
  if (sha256_hex(body) != bytes.substr(body.size())) {
    throw InputError(source, "model file is truncated or corrupt (checksum mismatch)");
  }
  Reader in(body.substr(kMagic.size()), source);
  const auto version = static_cast<std::uint32_t>(in.uint(4));
  if (version != kModelFormatVersion) {
    throw InputError(source, "model format version " + std::to_string(version) + " is not supported (expected " +
                                 std::to_string(kModelFormatVersion) + "): retrain it");
  }
  std::string kind = in.str();
  if (kind != expected_kind) {
    throw InputError(source, "wrong model kind: expected " + std::string(expected_kind) + ", found " + kind);
  }
  const auto templates = static_cast<std::uint32_t>(in.uint(4));
  if (templates != kFeatureTemplateVersion) {
    throw InputError(source, "feature template version " + std::to_string(templates) +
                                 " does not match this program's " + std::to_string(kFeatureTemplateVersion) +
                                 ": retrain it");
  }
  const auto tag_count = static_cast<std::size_t>(in.uint(4));
  if (tag_count == 0 || tag_count > 1024) throw InputError(source, "bad tag count " + std::to_string(tag_count));
  std::vector<std::string> tags;
  for (std::size_t i = 0; i < tag_count; ++i) tags.push_back(in.str());
  const auto scale_bits = static_cast<std::uint32_t>(in.uint(4));
  float scale = 0;
  std::memcpy(&scale, &scale_bits, sizeof(scale));
  if (!std::isfinite(scale) || scale <= 0) throw InputError(source, "bad weight scale");
  const std::uint64_t rows = in.uint(8);
  if (rows > in.remaining() / (8 + 2 * tag_count) || in.remaining() != rows * (8 + 2 * tag_count)) {
    throw InputError(source, "weight table size does not match the row count");
  }
  std::vector<std::uint64_t> keys(static_cast<std::size_t>(rows));
  for (auto& k : keys) {
    k = in.uint(8);
    if (k == 0) throw InputError(source, "bad feature key");
  }
  if (!std::is_sorted(keys.begin(), keys.end()) ||
      std::adjacent_find(keys.begin(), keys.end()) != keys.end()) {
    throw InputError(source, "feature keys are not ascending");
  }
  std::vector<std::int16_t> weights(static_cast<std::size_t>(rows) * tag_count);
  for (auto& w : weights) w = static_cast<std::int16_t>(static_cast<std::uint16_t>(in.uint(2)));
  return TaggerModel(std::move(kind), std::move(tags), scale, std::move(keys), std::move(weights));
}

}  // namespace skein::learn
