#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "core/Error.h"
#include "core/Sha256.h"
#include "learn/BeamSearch.h"
#include "learn/DocumentMemory.h"
#include "learn/TaggerModel.h"
#include "learn/TaggerTrainer.h"

using namespace skein::learn;

namespace {

// A made-up language the tagger must learn from context: capitalised words after "met" are
// names (B/L or U), after "in" places; "x"-suffixed words are verbs; the rest is O. Words are
// drawn from fixed lists with a fixed seed, so the data is the same on every run.
const std::vector<std::string> kTags = {"O",     "B-PER", "I-PER", "L-PER", "U-PER",
                                        "B-LOC", "I-LOC", "L-LOC", "U-LOC"};

std::vector<TrainingSentence> toy_sentences(std::size_t count, std::uint64_t seed) {
  const std::vector<std::string> names = {"Ada", "Bo", "Cyd", "Dee", "Eli", "Fay", "Gus", "Hal"};
  const std::vector<std::string> places = {"Oslo", "Lima", "Rome", "Kyiv", "Doha", "Baku"};
  const std::vector<std::string> fillers = {"the", "a", "then", "slowly", "today", "and"};
  const std::vector<std::string> verbs = {"runx", "sawx", "metx"};
  std::mt19937_64 rng(seed);
  const auto pick = [&](const std::vector<std::string>& v) { return v[rng() % v.size()]; };
  std::vector<TrainingSentence> out;
  for (std::size_t i = 0; i < count; ++i) {
    TrainingSentence s;
    const auto add = [&](const std::string& w, std::uint16_t tag) {
      s.words.push_back(w);
      s.tags.push_back(tag);
    };
    add(pick(fillers), 0);
    add("met", 0);
    if (rng() % 2 == 0) {
      add(pick(names), 4);
    } else {
      add(pick(names), 1);
      add(pick(names), 3);
    }
    add(pick(verbs), 0);
    add("in", 0);
    add(pick(places), 8);
    add(pick(fillers), 0);
    out.push_back(std::move(s));
  }
  return out;
}

double accuracy(const TaggerModel& model, const std::vector<TrainingSentence>& sentences) {
  TaggerWorkspace workspace;
  std::vector<std::uint16_t> tags;
  std::size_t right = 0, total = 0;
  for (const TrainingSentence& s : sentences) {
    std::vector<TokenView> views;
    for (const std::string& w : s.words) views.push_back({w, nullptr, 0});
    model.tag(views.data(), views.size(), workspace, tags);
    for (std::size_t k = 0; k < tags.size(); ++k) {
      right += tags[k] == s.tags[k] ? 1 : 0;
      ++total;
    }
  }
  return static_cast<double>(right) / static_cast<double>(total);
}

std::string error_of(const std::string& bytes, const std::string& kind = "ner") {
  try {
    TaggerModel::parse(bytes, "models/ner.skm", kind);
  } catch (const skein::InputError& error) {
    return error.what();
  }
  return "no error";
}

const TaggerModel& toy_model() {
  static const TaggerModel model = [] {
    TrainerOptions options;
    options.epochs = 4;
    return train_tagger("ner", kTags, toy_sentences(300, 1), options);
  }();
  return model;
}

}  // namespace

TEST_CASE("a tagger trained on a small made-up corpus tags unseen sentences of it correctly",
          "[learn]") {
  // The majority tag (O) is right on 5 of 8 or 9 tokens; the model must do far better.
  CHECK(accuracy(toy_model(), toy_sentences(100, 2)) > 0.97);
}

TEST_CASE("BILOU decoding never opens a name it does not close", "[learn]") {
  const TaggerModel& model = toy_model();
  TaggerWorkspace workspace;
  std::vector<std::uint16_t> tags;
  std::vector<float> confidence;
  const std::vector<std::string> words = {"met", "Ada"};  // the sentence ends inside the name
  std::vector<TokenView> views;
  for (const std::string& w : words) views.push_back({w, nullptr, 0});
  model.tag(views.data(), views.size(), workspace, tags, &confidence);
  REQUIRE(tags.size() == 2);
  const std::string last = model.tags()[tags[1]];
  CHECK(last.rfind("B-", 0) != 0);
  CHECK(last.rfind("I-", 0) != 0);
  for (const float c : confidence) CHECK((c > 0.0f && c <= 1.0f));
}

TEST_CASE("training twice on the same sentences gives byte-identical model files", "[learn]") {
  TrainerOptions options;
  options.epochs = 3;
  const auto sentences = toy_sentences(120, 7);
  CHECK(train_tagger("ner", kTags, sentences, options).serialize() ==
        train_tagger("ner", kTags, sentences, options).serialize());
  TrainerOptions other = options;
  other.seed = 99;
  CHECK(train_tagger("ner", kTags, sentences, other).serialize() !=
        train_tagger("ner", kTags, sentences, options).serialize());
}

TEST_CASE("several training runs average into one model, the same bytes every time", "[learn]") {
  TrainerOptions one;
  one.epochs = 3;
  const auto sentences = toy_sentences(120, 7);
  TrainerOptions three = one;
  three.runs = 3;
  const std::string averaged = train_tagger("ner", kTags, sentences, three).serialize();
  CHECK(averaged == train_tagger("ner", kTags, sentences, three).serialize());
  CHECK(averaged != train_tagger("ner", kTags, sentences, one).serialize());
  // Still a tagger: the mean of three good runs tags the held-out sentences as well.
  CHECK(accuracy(train_tagger("ner", kTags, toy_sentences(300, 1), three), toy_sentences(100, 2)) >
        0.97);
  TrainerOptions none = one;
  none.runs = 0;
  CHECK_THROWS_AS(train_tagger("ner", kTags, sentences, none), skein::UsageError);
}

TEST_CASE("a saved model loads back with the same tags, weights and decisions", "[learn]") {
  const TaggerModel& model = toy_model();
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() / "skein-learn-roundtrip.skm";
  model.save(path.string());
  const TaggerModel loaded = TaggerModel::load(path.string(), "ner");
  std::filesystem::remove(path);
  CHECK(loaded.tags() == model.tags());
  CHECK(loaded.row_count() == model.row_count());
  CHECK(loaded.serialize() == model.serialize());
  const auto sentences = toy_sentences(50, 3);
  CHECK(accuracy(loaded, sentences) == accuracy(model, sentences));
}

TEST_CASE("bad model files are refused with one line naming the file and the reason", "[learn]") {
  const std::string good = toy_model().serialize();
  SECTION("missing") {
    try {
      TaggerModel::load("/nonexistent/ner.skm", "ner");
      FAIL("no error");
    } catch (const skein::InputError& error) {
      CHECK(std::string(error.what()) ==
            "/nonexistent/ner.skm: cannot open the model file (missing or unreadable)");
    }
  }
  SECTION("empty") {
    CHECK(error_of("") == "models/ner.skm: not a Skein tagger model (wrong magic)");
  }
  SECTION("foreign magic") {
    CHECK(error_of("PK\x03\x04 a zip file, not a model") ==
          "models/ner.skm: not a Skein tagger model (wrong magic)");
  }
  SECTION("truncated") {
    for (const std::size_t size :
         {std::size_t{8}, std::size_t{20}, good.size() / 2, good.size() - 1}) {
      const std::string message = error_of(good.substr(0, size));
      CHECK(message.rfind("models/ner.skm: model file is truncated", 0) == 0);
    }
  }
  SECTION("a flipped byte") {
    std::string corrupt = good;
    corrupt[corrupt.size() / 2] = static_cast<char>(corrupt[corrupt.size() / 2] ^ 0x10);
    CHECK(error_of(corrupt) ==
          "models/ner.skm: model file is truncated or corrupt (checksum mismatch)");
  }
  SECTION("wrong kind") {
    CHECK(error_of(good, "pos") == "models/ner.skm: wrong model kind: expected pos, found ner");
  }
  SECTION("the message is one line") {
    CHECK(error_of(good.substr(0, 100)).find('\n') == std::string::npos);
  }
}

TEST_CASE("a model from the same weights always serialises to the same bytes", "[learn]") {
  const TaggerModel a("pos", {"NOUN", "VERB"}, 0.5f, {3, 9}, {1, -1, 2, 7});
  const TaggerModel b("pos", {"NOUN", "VERB"}, 0.5f, {3, 9}, {1, -1, 2, 7});
  CHECK(a.serialize() == b.serialize());
  CHECK(TaggerModel::parse(a.serialize(), "x", "pos").serialize() == a.serialize());
}

TEST_CASE("a document memory recalls the labels a capitalised word was tagged with before",
          "[learn]") {
  DocumentMemory memory(kTags);
  std::vector<std::uint64_t> recalled;
  memory.recall("Oslo", recalled);
  CHECK(recalled.empty());  // nothing tagged yet
  const std::vector<TokenView> words = {
      {"in", nullptr, 0}, {"Oslo", nullptr, 0}, {"Ada", nullptr, 0}, {"Bo", nullptr, 0}};
  const std::vector<std::uint16_t> tags = {0, 8, 1, 3};  // O U-LOC B-PER L-PER
  memory.remember(words.data(), tags.data(), words.size());
  memory.recall("OSLO", recalled);  // case does not matter, the capital does
  CHECK(recalled == std::vector<std::uint64_t>{attribute_hash("mem=LOC")});
  recalled.clear();
  memory.recall("oslo", recalled);  // a lower-case word recalls nothing
  memory.recall("in", recalled);    // and records nothing
  CHECK(recalled.empty());
  const std::vector<std::uint16_t> as_person = {0, 4, 0, 0};
  memory.remember(words.data(), as_person.data(), words.size());
  memory.recall("Oslo", recalled);
  CHECK(recalled.size() == 2);  // both labels it had
  memory.clear();
  recalled.clear();
  memory.recall("Oslo", recalled);
  CHECK(recalled.empty());
}

TEST_CASE("a model trained with a document memory says so in its file, and others do not",
          "[learn]") {
  TrainerOptions options;
  options.epochs = 3;
  auto sentences = toy_sentences(120, 7);
  for (std::size_t i = 0; i < sentences.size(); ++i)
    sentences[i].document = static_cast<std::uint32_t>(i / 10);
  TrainerOptions with_memory = options;
  with_memory.document_memory = true;
  const TaggerModel plain = train_tagger("ner", kTags, sentences, options);
  const TaggerModel remembering = train_tagger("ner", kTags, sentences, with_memory);
  CHECK(!plain.document_memory());
  CHECK(remembering.document_memory());
  const std::string bytes = remembering.serialize();
  CHECK(bytes == train_tagger("ner", kTags, sentences, with_memory).serialize());
  CHECK(TaggerModel::parse(bytes, "m.skm", "ner").document_memory());
  CHECK(!TaggerModel::parse(plain.serialize(), "m.skm", "ner").document_memory());
  // A flagless model keeps format 1, so models trained before the flag load and rebuild alike.
  CHECK(plain.serialize().substr(8, 4) == std::string("\x01\x00\x00\x00", 4));
  CHECK(bytes.substr(8, 4) == std::string("\x02\x00\x00\x00", 4));
}

TEST_CASE("a beam-trained tagger learns the made-up corpus and keeps its beam in its file",
          "[learn]") {
  TrainerOptions options;
  options.epochs = 4;
  options.beam = 3;
  const TaggerModel model = train_tagger("ner", kTags, toy_sentences(300, 1), options);
  CHECK(model.beam() == 3);
  CHECK(accuracy(model, toy_sentences(100, 2)) > 0.97);
  const std::string bytes = model.serialize();
  CHECK(bytes == train_tagger("ner", kTags, toy_sentences(300, 1), options).serialize());
  CHECK(bytes != toy_model().serialize());  // another training: max-violation updates
  const TaggerModel loaded = TaggerModel::parse(bytes, "m.skm", "ner");
  CHECK(loaded.beam() == 3);
  CHECK(loaded.serialize() == bytes);
  CHECK(accuracy(loaded, toy_sentences(50, 3)) == accuracy(model, toy_sentences(50, 3)));
  // Format 2, flag 2 (a beam), then the width.
  CHECK(bytes.substr(8, 4) == std::string("\x02\x00\x00\x00", 4));
  const std::size_t flags_at = 8 + 4 + (4 + 3) + 4;
  CHECK(bytes.substr(flags_at, 8) == std::string("\x02\x00\x00\x00\x03\x00\x00\x00", 8));
  // A width out of range, checksum made good again, is refused on one line.
  std::string body = bytes.substr(0, bytes.size() - 64);
  body[flags_at + 4] = 0;
  CHECK(error_of(body + skein::sha256_hex(body)) == "models/ner.skm: bad beam width 0");
  // Decoding a beam model still never leaves a name open, and gives probabilities.
  TaggerWorkspace workspace;
  std::vector<std::uint16_t> tags;
  std::vector<float> confidence;
  const std::vector<TokenView> views = {{"met", nullptr, 0}, {"Ada", nullptr, 0}};
  model.tag(views.data(), views.size(), workspace, tags, &confidence);
  REQUIRE(tags.size() == 2);
  const std::string last = model.tags()[tags[1]];
  CHECK((last == "O" || last == "U-PER" || last == "L-PER"));
  for (const float c : confidence) CHECK((c > 0.0f && c <= 1.0f));
  TrainerOptions too_wide = options;
  too_wide.beam = kMaxBeam + 1;
  CHECK_THROWS_AS(train_tagger("ner", kTags, toy_sentences(10, 1), too_wide), skein::UsageError);
}

TEST_CASE("a beam step keeps the best paths, one per history, and ends only where a name may",
          "[learn]") {
  const std::vector<std::string> tags = {"O", "B-PER", "L-PER", "U-PER"};
  const TagTransitions transitions(tags);
  std::vector<double> scratch;
  std::vector<BeamItem> first, second;
  // Step one from the start: O 5, B-PER 4, U-PER 1 (L-PER cannot open a name).
  const std::vector<BeamItem> start{BeamItem{}};
  extend_beam(
      start, tags.size(), transitions, 2, false,
      [](std::size_t, std::vector<double>& s) {
        s = {5, 4, 9, 1};
      },
      scratch, first);
  REQUIRE(first.size() == 2);
  CHECK(first[0].tag == 0);  // greedy would stop here
  CHECK(first[1].tag == 1);
  CHECK(first[0].score == 5);
  // Step two, the last: after O only O or U-PER may end the sentence (5+1, 5+2); after B-PER
  // only L-PER (4+6), which wins although its first tag lost.
  extend_beam(
      first, tags.size(), transitions, 2, true,
      [&](std::size_t b, std::vector<double>& s) {
        s = b == 0 ? std::vector<double>{1, 50, 50, 2} : std::vector<double>{0, 0, 6, 0};
      },
      scratch, second);
  REQUIRE(second.size() == 2);
  CHECK(second[0].tag == 2);
  CHECK(second[0].parent == 1);
  CHECK(second[0].score == 10);
  CHECK(second[1].tag == 3);  // U-PER after O: 7
  // Two items ending alike (tag O after O) keep only the better; ties keep the earlier item.
  const std::vector<BeamItem> twins{BeamItem{3, 0, 0}, BeamItem{3, 0, 1}};
  std::vector<BeamItem> out;
  extend_beam(
      twins, tags.size(), transitions, 4, false,
      [](std::size_t, std::vector<double>& s) {
        s = {1, -9, -9, -9};
      },
      scratch, out);
  REQUIRE(out.size() == 3);  // O after O once, then B-PER and U-PER after O
  CHECK(out[0].tag == 0);
  CHECK(out[0].parent == 0);
}
