#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/Error.h"
#include "evaluate/Conll2003Reader.h"
#include "evaluate/ConlluReader.h"
#include "evaluate/Evaluation.h"
#include "evaluate/TaggerTraining.h"
#include "extract/Extractor.h"
#include "extract/Knowledge.h"

using namespace skein::evaluate;

namespace {

// Sentences written for these tests (the corpora's own text may not be copied here).
const std::string kConll2003 =
    "-DOCSTART- -X- O O\n"
    "\n"
    "Mara NNP I-NP I-PER\n"
    "Voss NNP I-NP I-PER\n"
    "joined NN I-NP O\n"
    "Fenwick NNP I-NP I-ORG\n"
    "Holdings NNP I-NP I-ORG\n"
    "in IN I-PP O\n"
    "Tallinn NNP I-NP I-LOC\n"
    "Riga NNP I-NP B-LOC\n"
    ". . O O\n"
    "\n"
    "Danish JJ I-NP I-MISC\n"
    "talks NNS I-NP O\n"
    "\n";

std::string conll2003_error(const std::string& text) {
  try {
    parse_conll2003(text, "eng.x");
  } catch (const skein::InputError& error) {
    return error.what();
  }
  return "no error";
}

// A GUM-style sentence: "The city of Tartu" (place, head "city" is a NOUN: not named) and
// "Mara Voss" (person, head PROPN: named), with "the mayor Mara Voss" trimmed to the name.
const std::string kConllu =
    "# newdoc id = doc_one\n"
    "# text = Mara Voss visited Tartu.\n"
    "1\tMara\tMara\tPROPN\tNNP\t_\t3\tnsubj\t_\tEntity=(1-person-new-x\n"
    "2\tVoss\tVoss\tPROPN\tNNP\t_\t1\tflat\t_\tEntity=1)\n"
    "3\tvisited\tvisit\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "4\tTartu\tTartu\tPROPN\tNNP\t_\t3\tobj\t_\tEntity=(2-place-new-x)|SpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
    "\n"
    "# text = The city welcomed her.\n"
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\tEntity=(3-place-giv-x\n"
    "2\tcity\tcity\tNOUN\tNN\t_\t3\tnsubj\t_\tEntity=3)\n"
    "3\twelcomed\twelcome\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "4\ther\tshe\tPRON\tPRP\t_\t3\tobj\t_\tEntity=(1-person-giv-x)|SpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
    "\n";

}  // namespace

TEST_CASE("CoNLL-2003 IOB1 tags become token spans, B- splitting adjacent names", "[evaluate]") {
  const TaggedCorpus corpus = parse_conll2003(kConll2003, "/d/eng.x");
  REQUIRE(corpus.documents.size() == 1);
  REQUIRE(corpus.documents[0].sentences.size() == 2);
  const TaggedSentence& s = corpus.documents[0].sentences[0];
  CHECK(s.text == "Mara Voss joined Fenwick Holdings in Tallinn Riga .");
  CHECK(s.line == 3);
  REQUIRE(s.entities.size() == 4);
  CHECK((s.entities[0].first == 0 && s.entities[0].last == 2 && s.entities[0].label == "PER"));
  CHECK((s.entities[1].first == 3 && s.entities[1].last == 5 && s.entities[1].label == "ORG"));
  CHECK((s.entities[2].first == 6 && s.entities[2].last == 7 && s.entities[2].label == "LOC"));
  CHECK((s.entities[3].first == 7 && s.entities[3].last == 8 && s.entities[3].label == "LOC"));
  CHECK(corpus.documents[0].sentences[1].entities[0].label == "MISC");
  CHECK(entity_tags(s, true)[0] == "B-PER");
  CHECK(entity_tags(s, true)[1] == "L-PER");
  CHECK(entity_tags(s, true)[6] == "U-LOC");
}

TEST_CASE("a CoNLL-2003 corpus scores through the extractor with MISC unscored", "[evaluate]") {
  const Dataset dataset = to_dataset(parse_conll2003(kConll2003, "/d/eng.x"));
  REQUIRE(dataset.documents.size() == 1);
  const GoldDocument& gold = dataset.documents[0];
  CHECK(gold.document.text == "Mara Voss joined Fenwick Holdings in Tallinn Riga .\nDanish talks");
  REQUIRE(gold.mentions.size() == 4);
  CHECK(gold.mentions[0].name == "Mara Voss");
  CHECK(gold.mentions[1].label == "Organization");
  REQUIRE(gold.unscored.size() == 1);
  CHECK(gold.unscored[0].label == "MISC");
}

TEST_CASE("bad CoNLL-2003 lines are reported with file and line", "[evaluate]") {
  CHECK(conll2003_error("Mara NNP I-NP I-PER\nVoss NNP I-NP I-PERSON\n") ==
        "eng.x:2: unknown NER tag 'I-PERSON' (expected O, I-X or B-X with X in PER ORG LOC MISC)");
  CHECK(conll2003_error("\n\nlonely\n") ==
        "eng.x:3: expected 'word ... tag' (space-separated columns)");
  CHECK_THROWS_AS(read_conll2003("/nonexistent/eng.train"), skein::InputError);
}

TEST_CASE("CoNLL-U gives UPOS per word and GUM's named mentions, trimmed to the name",
          "[evaluate]") {
  TaggedCorpus corpus;
  parse_conllu(kConllu, "/d/doc_one.conllu", corpus);
  CHECK(corpus.has_pos);
  CHECK(corpus.has_entities);
  REQUIRE(corpus.documents.size() == 1);
  CHECK(corpus.documents[0].id == "doc_one");
  REQUIRE(corpus.documents[0].sentences.size() == 2);
  const TaggedSentence& s = corpus.documents[0].sentences[0];
  CHECK(s.upos == std::vector<std::string>{"PROPN", "PROPN", "VERB", "PROPN", "PUNCT"});
  CHECK(s.offsets[3].start == 18);  // found in "# text", which has no space before the period
  CHECK(s.offsets[4].start == 23);
  REQUIRE(s.entities.size() == 2);
  CHECK((s.entities[0].first == 0 && s.entities[0].last == 2 && s.entities[0].label == "PER"));
  CHECK((s.entities[1].first == 3 && s.entities[1].last == 4 && s.entities[1].label == "LOC"));
  const TaggedSentence& t = corpus.documents[0].sentences[1];
  CHECK(t.entities.empty());
  CHECK(t.unscored.size() == 2);  // "The city" (head a NOUN) and "her"
}

TEST_CASE("bad CoNLL-U lines are reported with file and line", "[evaluate]") {
  TaggedCorpus corpus;
  try {
    parse_conllu("# text = a b\n1\ta\ta\tDET\n", "x.conllu", corpus);
    FAIL("no error");
  } catch (const skein::InputError& error) {
    CHECK(std::string(error.what()) == "x.conllu:2: expected 10 tab-separated columns, found 4");
  }
  try {
    parse_conllu("3\ta\ta\tDET\t_\t_\t0\troot\t_\t_\n", "x.conllu", corpus);
    FAIL("no error");
  } catch (const skein::InputError& error) {
    CHECK(std::string(error.what()) == "x.conllu:1: bad word id '3'");
  }
  try {  // too long for a number: refused, not an out-of-range crash
    parse_conllu("99999999999999999999\ta\ta\tDET\t_\t_\t0\troot\t_\t_\n", "x.conllu", corpus);
    FAIL("no error");
  } catch (const skein::InputError& error) {
    CHECK(std::string(error.what()) == "x.conllu:1: bad word id '99999999999999999999'");
  }
}

TEST_CASE("eval tells CoNLL-2003 and CoNLL-U files by name", "[evaluate]") {
  CHECK(dataset_format("/d/eng.testa") == "conll2003");
  CHECK(dataset_format("/d/en_ewt-ud-dev.conllu") == "conllu");
  CHECK(dataset_format("/d/conll04_dev.json") == "conll04");
  CHECK_THROWS_AS(dataset_format("/d/notes.txt"), skein::UsageError);
}

// CI-sized training on a slice of the real corpora: a few hundred sentences, a few seconds.
TEST_CASE("a POS tagger trained on a slice of UD EWT beats the majority baseline on it",
          "[evaluate][train]") {
  const std::string dev_data = std::string(SKEIN_SHARED_DIR) + "/dev-data";
  std::vector<TaggedCorpus> corpora = {
      read_conllu(dev_data + "/ud_english_ewt/en_ewt-ud-train.conllu")};
  TaggerTrainingOptions options;
  options.limit = 300;
  options.trainer.epochs = 4;
  const skein::learn::TaggerModel model = train_tagger_model("pos", corpora, nullptr, options);
  // Score on the same 300 sentences: the most frequent tag (NOUN) is right on under a fifth.
  TaggedCorpus slice = corpora[0];
  std::size_t kept = 0;
  for (auto& doc : slice.documents) {
    if (kept >= 300) doc.sentences.clear();
    if (doc.sentences.size() > 300 - kept) doc.sentences.resize(300 - kept);
    kept += doc.sentences.size();
  }
  const TaggerScore score = score_tagger(model, slice, nullptr);
  CHECK(score.sentences == 300);
  CHECK(score.accuracy() > 0.9);
  // Deterministic: the same slice and options give the same bytes.
  CHECK(train_tagger_model("pos", corpora, nullptr, options).serialize() == model.serialize());
}

TEST_CASE("an NER tagger trained on a slice of CoNLL-2003 finds names in it", "[evaluate][train]") {
  const std::string dev_data = std::string(SKEIN_SHARED_DIR) + "/dev-data";
  const skein::extract::Knowledge knowledge(skein::extract::default_data_dir());
  std::vector<TaggedCorpus> corpora = {read_conll2003(dev_data + "/conll2003/eng.train")};
  corpora[0].documents.resize(20);  // about 400 sentences
  TaggerTrainingOptions options;
  options.trainer.epochs = 4;
  const skein::learn::TaggerModel model = train_tagger_model("ner", corpora, &knowledge, options);
  const TaggerScore score = score_tagger(model, corpora[0], &knowledge);
  CHECK(score.strict.at("ALL").f1() > 0.8);  // tagging nothing scores 0
}

TEST_CASE("the shipped NER model was trained on the knowledge shipped beside it",
          "[evaluate][train]") {
  // ner.skm reads the lists of data/ and schema/ as attributes, so editing them changes what a
  // retraining writes: this fails until scripts/train-models.sh is run again, so the shipped
  // model always rebuilds byte for byte from the repository.
  const std::string dev_data = std::string(SKEIN_SHARED_DIR) + "/dev-data";
  const auto knowledge = skein::extract::tagger_knowledge("", "");
  const std::string model =
      skein::learn::default_model_path(skein::extract::default_data_dir(), "ner");
  CHECK(knowledge_attributes_digest(tagger_corpora("ner", "train", dev_data), *knowledge) ==
        read_knowledge_digest(model));
}

TEST_CASE("a knowledge digest sits beside its model and a bad one is refused with its file",
          "[evaluate]") {
  CHECK(knowledge_digest_path("/m/ner.skm") == "/m/ner.knowledge");
  CHECK(knowledge_digest_path("/m/model") == "/m/model.knowledge");
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "skein-digest-test";
  std::filesystem::create_directories(dir);
  const std::string model = (dir / "ner.skm").string();
  write_knowledge_digest(model, "0123456789abcdef");
  CHECK(read_knowledge_digest(model) == "0123456789abcdef");
  {
    std::ofstream bad(knowledge_digest_path(model));
    bad << "# a comment\nnot a digest\n";
  }
  CHECK_THROWS_WITH(read_knowledge_digest(model),
                    Catch::Contains("ner.knowledge:2") && Catch::Contains("16 hex digits"));
  std::filesystem::remove_all(dir);
  CHECK_THROWS_WITH(read_knowledge_digest(model), Catch::Contains("ner.knowledge"));
}

TEST_CASE("jack-knifed POS tags come from models that never saw their sentence",
          "[evaluate][train]") {
  const std::string dev_data = std::string(SKEIN_SHARED_DIR) + "/dev-data";
  const TaggedCorpus corpus = read_conllu(dev_data + "/ud_english_ewt/en_ewt-ud-train.conllu");
  std::vector<std::vector<std::string>> words, upos;
  for (const auto& doc : corpus.documents) {
    for (const auto& s : doc.sentences) {
      if (words.size() == 400) break;
      words.push_back(s.words);
      upos.push_back(s.upos);
    }
  }
  TaggerTrainingOptions options;
  options.trainer.epochs = 3;
  std::size_t folds_seen = 0;
  const auto tags =
      jackknifed_pos_tags(words, upos, 4, options, [&](std::size_t, double) { ++folds_seen; });
  CHECK(folds_seen == 4);
  REQUIRE(tags.size() == words.size());
  auto accuracy = [&](const std::vector<std::vector<std::string>>& predicted) {
    std::size_t total = 0, correct = 0;
    for (std::size_t i = 0; i < words.size(); ++i) {
      REQUIRE(predicted[i].size() == words[i].size());
      for (std::size_t k = 0; k < words[i].size(); ++k) correct += predicted[i][k] == upos[i][k];
      total += words[i].size();
    }
    return static_cast<double>(correct) / static_cast<double>(total);
  };
  // Held out, the tags are right less often than those of a model tagging its own training
  // sentences, but far more often than the most frequent tag (under 0.2).
  TaggedCorpus slice;
  slice.has_pos = true;
  slice.documents.emplace_back();
  for (std::size_t i = 0; i < words.size(); ++i) {
    TaggedSentence s;
    s.words = words[i];
    s.upos = upos[i];
    slice.documents.back().sentences.push_back(std::move(s));
  }
  const double memorised =
      score_tagger(train_tagger_model("pos", {slice}, nullptr, options), slice, nullptr).accuracy();
  const double held_out = accuracy(tags);
  CHECK(held_out > 0.7);
  CHECK(held_out < memorised - 0.03);
  CHECK(jackknifed_pos_tags(words, upos, 4, options) == tags);  // deterministic
  CHECK_THROWS_AS(jackknifed_pos_tags(words, upos, 1, options), skein::UsageError);
  upos.pop_back();
  CHECK_THROWS_AS(jackknifed_pos_tags(words, upos, 4, options), skein::UsageError);
}
