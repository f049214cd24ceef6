// The dependency parser: the CoNLL-U reader, the arc-eager oracle, training on a small slice
// of UD English EWT, determinism, and model files that cannot be used.

#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>
#include <string>

#include "../ingest/TempDir.h"
#include "core/Error.h"
#include "parse/ArcEager.h"
#include "parse/DependencyParser.h"
#include "parse/Treebank.h"

using namespace skein::parse;
using skein::testing::TempDir;

namespace {

const std::string kEwtTrain =
    std::string(SKEIN_SHARED_DIR) + "/dev-data/ud_english_ewt/en_ewt-ud-train.conllu";

// "Blair met Berlusconi in Rome ." with a multiword token and an empty node to skip.
const char* kSmallTreebank =
    "# sent_id = s1\n"
    "1\tBlair\tBlair\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
    "2\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\tBerlusconi\tBerlusconi\tPROPN\tNNP\t_\t2\tobj\t_\t_\n"
    "4\tin\tin\tADP\tIN\t_\t5\tcase\t_\t_\n"
    "5\tRome\tRome\tPROPN\tNNP\t_\t2\tobl\t_\t_\n"
    "6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "1\tdo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_\n"
    "2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_\n"
    "3\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\t_\n"
    "3.1\tgone\tgo\tVERB\tVBN\t_\t_\t_\t3:conj\t_\n"
    "\n";

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::vector<TreebankSentence> first_sentences(std::size_t count) {
  auto all = read_conllu(kEwtTrain);
  REQUIRE(all.size() > count);
  all.resize(count);
  return all;
}

}  // namespace

TEST_CASE("the CoNLL-U reader keeps syntactic words and skips multiword tokens and empty nodes",
          "[parse]") {
  TempDir dir;
  const auto path = dir.write("small.conllu", kSmallTreebank);
  const auto sentences = read_conllu(path);
  REQUIRE(sentences.size() == 2);
  CHECK(sentences[0].id == "s1");
  REQUIRE(sentences[0].words.size() == 6);
  CHECK(sentences[0].words[2].form == "Berlusconi");
  CHECK(sentences[0].words[2].head == 2);
  CHECK(sentences[0].words[2].relation == "obj");
  REQUIRE(sentences[1].words.size() == 3);
  CHECK(sentences[1].words[1].form == "n't");
}

TEST_CASE("a malformed CoNLL-U line is an error naming the file and line", "[parse]") {
  TempDir dir;
  const auto path =
      dir.write("bad.conllu", "1\tBlair\tBlair\tPROPN\tNNP\t_\t0\troot\t_\t_\n2\tmet\tmeet\n");
  try {
    read_conllu(path);
    FAIL("no error");
  } catch (const skein::InputError& e) {
    CHECK(std::string(e.what()).find("bad.conllu:2:") != std::string::npos);
  }
  const auto heads =
      dir.write("heads.conllu", "1\tBlair\tBlair\tPROPN\tNNP\t_\t7\tnsubj\t_\t_\n\n");
  CHECK_THROWS_AS(read_conllu(heads), skein::InputError);
}

TEST_CASE("projectivity is told apart by crossing arcs", "[parse]") {
  TreebankSentence s;
  //   1 <- 2 (root), 3 -> 1 crosses nothing; 4 with head 1 crosses 2 -> 3? build both cases.
  s.words = {{"a", "X", 2, "dep"}, {"b", "X", 0, "root"}, {"c", "X", 2, "dep"}};
  CHECK(is_projective(s));
  // 1 -> 3 spans 2, whose head 4 lies outside [1, 3]: crossing.
  s.words = {
      {"a", "X", 0, "root"}, {"b", "X", 4, "dep"}, {"c", "X", 1, "dep"}, {"d", "X", 1, "dep"}};
  CHECK_FALSE(is_projective(s));
}

TEST_CASE("following only zero-cost actions rebuilds every projective gold tree", "[parse]") {
  // The dynamic oracle's costs are right when a walk that never pays reaches the gold tree.
  const auto sentences = first_sentences(300);
  std::vector<std::string> relations = {"root", "dep"};
  auto index = [&](const std::string& r) {
    for (std::size_t i = 0; i < relations.size(); ++i) {
      if (relations[i] == r) return static_cast<int>(i);
    }
    relations.push_back(r);
    return static_cast<int>(relations.size() - 1);
  };
  std::size_t checked = 0;
  for (const auto& sentence : sentences) {
    if (!is_projective(sentence)) continue;
    const int n = static_cast<int>(sentence.words.size());
    std::vector<int> gold_head(static_cast<std::size_t>(n + 1), -1), gold_relation(gold_head);
    for (int i = 1; i <= n; ++i) {
      gold_head[static_cast<std::size_t>(i)] = sentence.words[static_cast<std::size_t>(i - 1)].head;
      gold_relation[static_cast<std::size_t>(i)] =
          index(sentence.words[static_cast<std::size_t>(i - 1)].relation);
    }
    detail::State state;
    state.reset(n);
    while (!state.terminal()) {
      std::size_t chosen = SIZE_MAX;
      for (std::size_t a = 0; a < detail::action_count(relations.size()) && chosen == SIZE_MAX;
           ++a) {
        if (state.valid(a) && detail::action_cost(state, a, gold_head, gold_relation) == 0)
          chosen = a;
      }
      REQUIRE(chosen != SIZE_MAX);
      state.apply(chosen);
    }
    for (int i = 1; i <= n; ++i) {
      INFO(sentence.id << " word " << i);
      CHECK(state.head[static_cast<std::size_t>(i)] == gold_head[static_cast<std::size_t>(i)]);
      CHECK(state.relation[static_cast<std::size_t>(i)] ==
            gold_relation[static_cast<std::size_t>(i)]);
    }
    ++checked;
  }
  CHECK(checked > 250);
}

TEST_CASE("a parser trained on a slice learns it, deterministically", "[parse]") {
  const auto slice = first_sentences(200);
  ParserTrainOptions options;
  options.epochs = 6;
  options.prune_below = 0.05f;  // a model of 200 sentences has small averaged weights
  const ParserTrainer trainer(slice);
  const DependencyParser parser = trainer.train(options, {});
  // Far above what attaching every word to its neighbour gives (about 0.3 to 0.4).
  const auto seen = evaluate_parser(parser, slice);
  CHECK(seen.uas() > 0.9);
  CHECK(seen.las() > 0.85);

  TempDir dir;
  const auto first = dir.path() + "/a.model", second = dir.path() + "/b.model";
  parser.save(first);
  trainer.train(options, {}).save(second);
  CHECK(slurp(first) == slurp(second));

  // The file reads back into a parser that parses the same.
  const auto loaded = DependencyParser::load(first);
  CHECK(loaded.relations() == parser.relations());
  const auto again = evaluate_parser(loaded, slice);
  CHECK(again.head_correct == seen.head_correct);
  CHECK(again.labelled_correct == seen.labelled_correct);

  // Every word gets a head and exactly one word hangs from the root.
  std::vector<std::string_view> words = {"Tony",       "Blair", "met",  "Silvio",
                                         "Berlusconi", "in",    "Rome", "."};
  std::vector<std::string_view> tags = {"PROPN", "PROPN", "VERB",  "PROPN",
                                        "PROPN", "ADP",   "PROPN", "PUNCT"};
  ParseScratch scratch;
  std::vector<ParsedWord> out;
  loaded.parse(words, tags, scratch, out);
  REQUIRE(out.size() == words.size());
  int roots = 0;
  for (const auto& w : out) {
    CHECK(w.head >= 0);
    CHECK(w.head <= static_cast<int>(words.size()));
    if (w.head == 0) ++roots;
  }
  CHECK(roots == 1);
}

TEST_CASE("a parser model that cannot be used is a one-line error naming the file", "[parse]") {
  TempDir dir;
  ParserTrainOptions options;
  options.epochs = 1;
  const auto good = dir.path() + "/good.model";
  ParserTrainer(first_sentences(20)).train(options, {}).save(good);
  const std::string bytes = slurp(good);

  auto expect_error = [&](const std::string& name, const std::string& content,
                          const std::string& words) {
    const auto path = dir.write(name, content);
    try {
      DependencyParser::load(path);
      FAIL("loaded " << name);
    } catch (const skein::InputError& e) {
      const std::string message = e.what();
      CHECK(message.find(path) != std::string::npos);
      CHECK(message.find(words) != std::string::npos);
      CHECK(message.find('\n') == std::string::npos);
    }
  };
  expect_error("foreign.model", "PK\x03\x04 not a model at all", "bad magic");
  expect_error("truncated.model", bytes.substr(0, bytes.size() / 2), "checksum");
  std::string flipped = bytes;
  flipped[flipped.size() / 2] = static_cast<char>(flipped[flipped.size() / 2] ^ 0x5A);
  expect_error("corrupt.model", flipped, "checksum");
  std::string future = bytes;
  future[8] = 9;
  expect_error("future.model", future, "format 9");
  CHECK_THROWS_WITH(DependencyParser::load(dir.path() + "/missing.model"),
                    Catch::Contains("missing.model") && Catch::Contains("cannot open"));
}
