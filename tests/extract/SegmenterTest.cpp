// Segmentation hard cases: abbreviations, initials, numbers, hyphens, apostrophes, non-ASCII,
// line structure and excluded spans.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "extract/Segmenter.h"

using namespace skein;
using namespace skein::extract;

namespace {

Segmentation run(const std::string& text, std::vector<ByteSpan> excluded = {}) {
  Segmentation seg;
  SegmenterHooks hooks;
  hooks.is_common_word = [](std::string_view w) { return w == "the" || w == "he" || w == "it"; };
  segment(text, excluded, hooks, seg);
  return seg;
}

std::vector<std::string> token_texts(const std::string& text, const Segmentation& seg) {
  std::vector<std::string> out;
  for (const Token& t : seg.tokens) out.push_back(text.substr(t.start, t.end - t.start));
  return out;
}

std::vector<std::string> sentence_texts(const std::string& text, const Segmentation& seg) {
  std::vector<std::string> out;
  for (const Sentence& s : seg.sentences) out.push_back(text.substr(s.span.start, s.span.size()));
  return out;
}

}  // namespace

TEST_CASE("Abbreviations and titles do not end sentences", "[extract][segment]") {
  const std::string text =
      "Dr. Smith met Gen. Lee on Jan. 5 in St. Louis. He left the U.S. The end.";
  const auto seg = run(text);
  CHECK(sentence_texts(text, seg) ==
        std::vector<std::string>{"Dr. Smith met Gen. Lee on Jan. 5 in St. Louis.",
                                 "He left the U.S.", "The end."});
  const auto tokens = token_texts(text, seg);
  CHECK(tokens[0] == "Dr.");
  CHECK(seg.norm_of(seg.tokens[0]) == "dr");
}

TEST_CASE("A title or institution after a dotted form continues the sentence",
          "[extract][segment]") {
  Segmentation seg;
  SegmenterHooks hooks;
  hooks.is_common_word = [](std::string_view w) {
    return w == "the" || w == "congress" || w == "ambassador" || w == "ms";
  };
  hooks.continues_dotted_name = [](std::string_view w) {
    return w == "congress" || w == "ambassador" || w == "ms";
  };
  const std::string text =
      "The U.S. Congress passed it. The U.S. Ambassador left the U.S. The end came in Grants, "
      "N.M. Ms. Calico left. Acme Inc. Congress met.";
  segment(text, {}, hooks, seg);
  // "Ms." is a courtesy title's abbreviation, which opens sentences; an "Inc." is no dotted
  // form: a common word after it still starts a sentence.
  CHECK(sentence_texts(text, seg) ==
        std::vector<std::string>{
            "The U.S. Congress passed it.", "The U.S. Ambassador left the U.S.",
            "The end came in Grants, N.M.", "Ms. Calico left.", "Acme Inc.", "Congress met."});
}

TEST_CASE("Dotted abbreviations and initials stay whole", "[extract][segment]") {
  const std::string text = "J. R. R. Tolkien visited the U.S. embassy.";
  const auto seg = run(text);
  REQUIRE(seg.sentences.size() == 1);
  const auto tokens = token_texts(text, seg);
  CHECK(tokens == std::vector<std::string>{"J.", "R.", "R.", "Tolkien", "visited", "the", "U.S.",
                                           "embassy", "."});
  CHECK(seg.tokens[0].has(token_flags::kInitial));
  CHECK(seg.norm_of(seg.tokens[6]) == "us");
}

TEST_CASE("Numbers keep their separators", "[extract][segment]") {
  const std::string text = "Trade reached $360 billion, up 3.5% from 1,000 deals.";
  const auto tokens = token_texts(text, run(text));
  CHECK(tokens == std::vector<std::string>{"Trade", "reached", "$", "360", "billion", ",", "up",
                                           "3.5", "%", "from", "1,000", "deals", "."});
}

TEST_CASE("Hyphens split compounds into joined parts", "[extract][segment]") {
  const std::string text = "Yoon Suk-yeol spoke on Korea-China ties.";
  const auto seg = run(text);
  const auto tokens = token_texts(text, seg);
  CHECK(tokens == std::vector<std::string>{"Yoon", "Suk", "-", "yeol", "spoke", "on", "Korea", "-",
                                           "China", "ties", "."});
  CHECK(seg.tokens[1].has(token_flags::kJoined));
  CHECK(seg.tokens[2].has(token_flags::kJoined));
  CHECK(seg.tokens[3].has(token_flags::kJoined));
  CHECK_FALSE(seg.tokens[0].has(token_flags::kJoined));
}

TEST_CASE("Apostrophes: inner ones stay, possessives split", "[extract][segment]") {
  const std::string text = "Xi'an is China's city; O'Brien’s dog and the countries' ties.";
  const auto seg = run(text);
  const auto tokens = token_texts(text, seg);
  CHECK(tokens == std::vector<std::string>{"Xi'an", "is", "China", "'s", "city", ";", "O'Brien",
                                           "’s", "dog", "and", "the", "countries", "'", "ties",
                                           "."});
  CHECK(seg.norm_of(seg.tokens[7]) == "'s");
  CHECK(seg.tokens[7].has(token_flags::kPossessive));
  CHECK(seg.tokens[12].has(token_flags::kPossessive));
}

TEST_CASE("A detached 's of tokenised text is a possessive, a quoted word is not",
          "[extract][segment]") {
  const std::string text = "Beijing 's square and 'sorry' said Ms. X 's friend";
  const auto seg = run(text);
  const auto tokens = token_texts(text, seg);
  CHECK(tokens == std::vector<std::string>{"Beijing", "'s", "square", "and", "'", "sorry", "'",
                                           "said", "Ms.", "X", "'s", "friend"});
  CHECK(seg.tokens[1].has(token_flags::kPossessive));
  CHECK(seg.norm_of(seg.tokens[1]) == "'s");
  CHECK_FALSE(seg.tokens[4].has(token_flags::kPossessive));
  CHECK(seg.tokens[10].has(token_flags::kPossessive));
}

TEST_CASE("Non-ASCII letters are letters and fold case", "[extract][segment]") {
  const std::string text = "Île-de-France hosted Zhōngguó officials in Xi’an.";
  const auto seg = run(text);
  const auto tokens = token_texts(text, seg);
  CHECK(tokens[0] == "Île");
  CHECK(seg.norm_of(seg.tokens[0]) == "île");
  CHECK(seg.tokens[0].has(token_flags::kCapital));
  CHECK(tokens[6] == "Zhōngguó");
  CHECK(tokens[9] == "Xi’an");
  CHECK(seg.norm_of(seg.tokens[9]) == "xi'an");
}

TEST_CASE("Quotes and brackets after a full stop stay in the sentence", "[extract][segment]") {
  const std::string text = "He said \"we agree.\" Then (after talks.) It ended.";
  const auto sentences = sentence_texts(text, run(text));
  CHECK(sentences ==
        std::vector<std::string>{"He said \"we agree.\"", "Then (after talks.)", "It ended."});
}

TEST_CASE("Blank lines and headlines end sentences", "[extract][segment]") {
  const std::string text =
      "Taking ties forward\nHamzah Rifaat Hussain\n\nThe talks went on\nand on. Next";
  const auto sentences = sentence_texts(text, run(text));
  CHECK(sentences == std::vector<std::string>{"Taking ties forward", "Hamzah Rifaat Hussain",
                                              "The talks went on\nand on.", "Next"});
}

TEST_CASE("Excluded spans are skipped and break sentences", "[extract][segment]") {
  const std::string text = "Alpha met Beta Download Gamma left.";
  const std::size_t start = text.find("Download");
  const auto seg = run(text, {{start, start + 8}});
  const auto sentences = sentence_texts(text, seg);
  CHECK(sentences == std::vector<std::string>{"Alpha met Beta", "Gamma left."});
  for (const Token& t : seg.tokens) CHECK((t.end <= start || t.start >= start + 8));
}

TEST_CASE("Malformed UTF-8 never stalls the scanner", "[extract][segment]") {
  const std::string text = std::string("Bad \xff\xfe bytes \xe2\x82 end.");
  const auto seg = run(text);
  REQUIRE_FALSE(seg.tokens.empty());
  CHECK(seg.tokens.back().end == text.size());
}

TEST_CASE("Phrases normalise like text", "[extract][segment]") {
  CHECK(normalize_phrase("Washington D.C.") == "washington dc");
  CHECK(normalize_phrase("Xi’an") == "xi'an");
  CHECK(normalize_phrase("Guinea-Bissau") == "guinea - bissau");
  CHECK(normalize_phrase("  ") == "");
}
