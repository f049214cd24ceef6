// The run-time tagger over a segmented document (extract/LearnedTaggers.h), with a model
// trained here on a made-up language.
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "extract/LearnedTaggers.h"
#include "extract/Segmenter.h"
#include "learn/TaggerTrainer.h"

using namespace skein;
using namespace skein::extract;

namespace {

const std::vector<std::string> kTags = {"O", "U-PER", "U-LOC"};

// Documents of two sentences: "met Zed ." (a person) or "in Zed ." (a place), then "Zed ran ."
// where only the first sentence says which Zed is: a tagger must remember it.
std::vector<learn::TrainingSentence> two_sentence_documents(std::size_t count) {
  const std::vector<std::string> names = {"Zed", "Kol", "Ama", "Tesh", "Uri", "Vym", "Bex"};
  std::mt19937_64 rng(5);
  std::vector<learn::TrainingSentence> out;
  for (std::size_t d = 0; d < count; ++d) {
    const std::string name = names[rng() % names.size()];
    const bool person = rng() % 2 == 0;
    const std::uint16_t label = person ? 1 : 2;
    learn::TrainingSentence first{{person ? "met" : "in", name, "."}, {}, {0, label, 0}};
    learn::TrainingSentence second{{name, "ran", "."}, {}, {label, 0, 0}};
    first.document = second.document = static_cast<std::uint32_t>(d);
    out.push_back(first);
    out.push_back(second);
  }
  return out;
}

std::vector<std::string> tag_text(const DocumentTagger& tagger, const std::string& text) {
  Segmentation seg;
  segment(text, {}, SegmenterHooks{}, seg);
  std::vector<std::uint16_t> tags;
  std::vector<float> confidence;
  tagger.tag(text, seg, tags, confidence);
  std::vector<std::string> out;
  for (const std::uint16_t t : tags) out.push_back(kTags[t]);
  return out;
}

}  // namespace

TEST_CASE("a model trained with a document memory gets it at run time, sentence by sentence",
          "[extract][learn]") {
  learn::TrainerOptions options;
  options.epochs = 5;
  options.document_memory = true;
  const learn::TaggerModel model =
      learn::train_tagger("ner", kTags, two_sentence_documents(400), options);
  const DocumentTagger tagger(model, nullptr);
  CHECK(tag_text(tagger, "met Zed. Zed ran.") ==
        std::vector<std::string>{"O", "U-PER", "O", "U-PER", "O", "O"});
  // Each call is its own document: the Zed met in the call before is forgotten.
  CHECK(tag_text(tagger, "in Zed. Zed ran.") ==
        std::vector<std::string>{"O", "U-LOC", "O", "U-LOC", "O", "O"});
}
