#include <catch2/catch.hpp>

#include "core/Sha256.h"
#include "ingest/DocumentSource.h"

using namespace skein;
using skein::ingest::DocumentSource;

// Regression guard for the BBC corpus (2,225 articles, plus its README.TXT and SOURCE files):
// exactly one article is not UTF-8 (sport/199.txt has a Latin-1 pound sign at byte 257); it
// is reported with path and reason and the rest are read. Debris rules must leave real BBC
// text alone: the only marks are the repeats of one subheading in sport/190.txt.
TEST_CASE("the BBC corpus reads completely except its one non-UTF-8 article", "[ingest]") {
  const std::string root = SKEIN_SHARED_DIR "/corpus/bbc";
  DocumentSource source({root});
  Diagnostics diagnostics;
  std::size_t documents = 0;
  std::size_t articles = 0;
  std::vector<std::string> marked;
  std::string previous_uri;
  while (auto doc = source.next(diagnostics)) {
    ++documents;
    if (doc->uri.ends_with(".txt")) ++articles;
    CHECK(doc->uri > previous_uri);  // sorted, no duplicates
    previous_uri = doc->uri;
    CHECK_FALSE(doc->title.empty());
    for (const ByteSpan& span : doc->excluded)
      marked.push_back(doc->uri + ": " + doc->text.substr(span.start, span.size()));
    if (doc->uri == root + "/business/001.txt") {
      CHECK(doc->title == "Ad sales boost Time Warner profit");
      CHECK(doc->sha256 == sha256_hex(doc->text));
    }
  }
  CHECK(documents == 2224);  // README.TXT and SOURCE are notes, left out of the walk
  CHECK(articles == 2224);
  CHECK(source.skipped_notes() == std::vector<std::string>{root + "/README.TXT", root + "/SOURCE"});
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].source == root + "/sport/199.txt");
  CHECK_THAT(diagnostics[0].message, Catch::StartsWith("not valid UTF-8 at byte offset 257"));
  CHECK(marked == std::vector<std::string>{root + "/sport/190.txt: Winners meet in final match",
                                           root + "/sport/190.txt: Winners meet in final match"});
}
