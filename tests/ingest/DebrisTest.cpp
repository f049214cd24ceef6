#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "ingest/DocumentSource.h"

using namespace skein;
using skein::ingest::mark_debris;

namespace {

// The excluded parts of `text`, as strings, in order.
std::vector<std::string> debris_of(const std::string& text) {
  Document doc;
  doc.text = text;
  mark_debris(doc);
  CHECK(doc.text == text);  // never altered
  std::vector<std::string> out;
  for (const ByteSpan& span : doc.excluded) out.push_back(text.substr(span.start, span.size()));
  return out;
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("lines that are exactly a UI word are debris, in any case and spacing", "[ingest]") {
  CHECK(debris_of("Download\nCFP\n  Search   Trends \nSHARE\n\xC2\xA0"
                  "Advertisement\xC2\xA0\r\nReal text.") ==
        Lines{"Download", "CFP", "Search   Trends", "SHARE", "Advertisement"});
}

TEST_CASE("UI words inside real sentences are not debris", "[ingest]") {
  CHECK(debris_of("Download speeds doubled in Seoul last year.\n"
                  "Reuters reported that China and South Korea agreed to talks.\n"
                  "Share prices rose 3% in Tokyo.\n"
                  "Follow-up talks on trade will be held in Beijing.\n"
                  "Photo agencies such as CFP sell pictures.\n"
                  "He said: \"Subscribe to nothing.\"")
            .empty());
}

TEST_CASE("share, follow, subscribe and contact boilerplate lines are debris", "[ingest]") {
  CHECK(debris_of(
            "Yoon met Xi.\nFollow @cgtn on Twitter\nShare this article\nClick here to subscribe\n"
            "Sign up for our newsletter to get the news first.\n"
            "(If you want to contribute and have specific expertise, please contact us at "
            "opinions@cgtn.com.)\n"
            "Follow\xC2\xA0@thouse_opinions\xE2\x80\x82on Twitter to discover more.") ==
        Lines{"Follow @cgtn on Twitter", "Share this article", "Click here to subscribe",
              "Sign up for our newsletter to get the news first.",
              "(If you want to contribute and have specific expertise, please contact us at "
              "opinions@cgtn.com.)",
              "Follow\xC2\xA0@thouse_opinions\xE2\x80\x82on Twitter to discover more."});
}

TEST_CASE("boilerplate-like openings on long or real lines are kept", "[ingest]") {
  const std::string long_follow =
      "Follow the money, the minister said on Twitter on Monday, as he announced that trade "
      "between China and "
      "South Korea had reached $360 billion, with investment of a further $100 billion expected by "
      "the end of "
      "the decade according to the ministry in Seoul.";
  const std::string aside =
      "(The minister, who met Wang Yi in Qingdao, said talks would continue.)";
  const std::string two_parentheticals =
      "(Reuters) Trade rose (per customs data, contact us for more)";
  CHECK(debris_of(long_follow + "\n" + aside + "\n" + two_parentheticals).empty());
}

TEST_CASE("a repeated line is debris from its second occurrence on", "[ingest]") {
  const std::string caption =
      "Wang Yi (right) meets with Park Jin in Qingdao, August 9, 2022. /Xinhua";
  const std::string text = "Intro.\n\n" + caption + "\n\n" + caption + "\n\nMore.\n" + caption;
  Document doc;
  doc.text = text;
  mark_debris(doc);
  const std::size_t first = text.find(caption);
  const std::size_t second = text.find(caption, first + 1);
  const std::size_t third = text.find(caption, second + 1);
  CHECK(doc.excluded ==
        std::vector<ByteSpan>{{second, second + caption.size()}, {third, third + caption.size()}});
}

TEST_CASE("marking debris twice changes nothing and keeps spans already present", "[ingest]") {
  Document doc;
  doc.text = "Download\nText one.\nText two.\nCFP";
  doc.excluded = {{9, 13}};  // e.g. marked by an earlier stage
  mark_debris(doc);
  const std::vector<ByteSpan> once = doc.excluded;
  CHECK(once == std::vector<ByteSpan>{{0, 8}, {9, 13}, {29, 32}});
  mark_debris(doc);
  CHECK(doc.excluded == once);
}

TEST_CASE("debris on the scraped CGTN article: page debris out, every real sentence in",
          "[ingest]") {
  std::ifstream in(SKEIN_SHARED_DIR "/corpus/000_5386783144f4d03e.txt", std::ios::binary);
  REQUIRE(in);
  std::stringstream buffer;
  buffer << in.rdbuf();
  Document doc;
  doc.text = buffer.str();
  mark_debris(doc);

  const std::string caption_start =
      "Chinese State Councilor and Foreign Minister Wang Yi (right) meets with Park Jin";
  const std::size_t first_caption = doc.text.find(caption_start);
  const std::size_t second_caption = doc.text.find(caption_start, first_caption + 1);
  REQUIRE(second_caption != std::string::npos);

  std::vector<std::string> excluded;
  for (const ByteSpan& span : doc.excluded)
    excluded.push_back(doc.text.substr(span.start, span.size()));
  REQUIRE(excluded.size() == 6);
  CHECK(excluded[0] == "Download");
  CHECK(excluded[1] == "CFP");
  CHECK(excluded[2] == "CFP");
  CHECK(excluded[3].rfind(caption_start, 0) == 0);
  CHECK(doc.excluded[3].start == second_caption);
  CHECK(excluded[4].rfind("(If you want to contribute", 0) == 0);
  CHECK(excluded[5] == "Search Trends");

  // Every other non-blank line (title, byline, editor's note with the author's affiliation,
  // the first caption with the meeting, every paragraph) is untouched.
  std::size_t kept = 0;
  std::size_t start = 0;
  while (start < doc.text.size()) {
    std::size_t end = doc.text.find('\n', start);
    if (end == std::string::npos) end = doc.text.size();
    const std::string line = doc.text.substr(start, end - start);
    const bool is_debris = line == "Download" || line == "CFP" || line == "Search Trends" ||
                           line.rfind("(If you want to contribute", 0) == 0 ||
                           start == second_caption;
    if (!line.empty() && !is_debris) {
      INFO(line);
      CHECK_FALSE(std::any_of(doc.excluded.begin(), doc.excluded.end(), [&](const ByteSpan& s) {
        return s.overlaps({start, end});
      }));
      ++kept;
    }
    start = end + 1;
  }
  CHECK(kept == 14);
  CHECK(first_caption < second_caption);
}
