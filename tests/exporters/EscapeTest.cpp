// Escaping, naming and determinism of the writers, checked on exact bytes.

#include <catch2/catch.hpp>
#include <sstream>

#include "ExportTestSupport.h"
#include "core/Error.h"
#include "exporters/Escape.h"
#include "exporters/Exporter.h"

using namespace skein;
using namespace skein::exporters;

TEST_CASE("Cypher string literals escape backslashes, quotes and control characters",
          "[exporters]") {
  std::string out;
  append_cypher_string(out, "it's a \\ \"test\"\n\t\x01");
  CHECK(out == "'it\\'s a \\\\ \"test\"\\n\\t\\u0001'");
}

TEST_CASE(
    "XML escaping keeps line breaks as character references and replaces what XML cannot hold",
    "[exporters]") {
  std::string out;
  append_xml(out, "a<b>&\"'\n\r\t\x02\xEF\xBF\xBE\xF0\x9F\xA6\x8A");
  CHECK(out == "a&lt;b&gt;&amp;&quot;&apos;&#10;&#13;&#9;\xEF\xBF\xBD\xEF\xBF\xBD\xF0\x9F\xA6\x8A");
}

TEST_CASE("CSV fields are always quoted RFC 4180 style and lose the array delimiter",
          "[exporters]") {
  std::string out;
  append_csv_quoted(out, "say \"hi\", ok\x1f;", kNeo4jArrayDelimiter);
  CHECK(out == "\"say \"\"hi\"\", ok;\"");
}

TEST_CASE("Neo4j labels are UpperCamel and relationship types UPPER_SNAKE", "[exporters]") {
  CHECK(neo4j_relationship_type("met-with") == "MET_WITH");
  CHECK(neo4j_relationship_type("affiliated-with") == "AFFILIATED_WITH");
  CHECK(neo4j_relationship_type("  ") == "RELATED");
  CHECK(neo4j_relationship_type("2nd degree") == "R_2ND_DEGREE");
  CHECK(neo4j_label("Person") == "Person");
  CHECK(neo4j_label("geo place") == "GeoPlace");
  CHECK(neo4j_label("organization") == "Organization");
  CHECK(neo4j_label("") == "Unlabelled");
  CHECK(identifier("weird key!") == "weird_key_");
  CHECK(identifier("9lives") == "_9lives");
}

TEST_CASE("Numbers are written in the shortest form that reads back exactly", "[exporters]") {
  CHECK(format_double(0.25) == "0.25");
  CHECK(format_double(3) == "3");
  CHECK(format_double(1e21) == "1e21");
  CHECK(format_double(0.1 + 0.2) == "0.30000000000000004");
  CHECK(format_float_literal(3) == "3.0");
  CHECK(format_float_literal(1e21) == "1.0e21");
  CHECK(format_float_literal(1.5e-7) == "1.5e-07");
}

TEST_CASE("Every single-file format is byte-for-byte deterministic", "[exporters]") {
  const auto view = test::hostile_view();
  for (auto writer : {write_cypher, write_gexf, write_graphml, write_json}) {
    std::ostringstream first, second;
    writer({view}, first, {}, "first");
    writer({view}, second, {}, "second");
    CHECK(!first.str().empty());
    CHECK(first.str() == second.str());
  }
}

TEST_CASE("A view whose nodes share a store id is refused", "[exporters]") {
  graph::GraphView::Builder builder;
  builder.add_node({7, "Person", "A", {}, "{}"});
  builder.add_node({7, "Person", "B", {}, "{}"});
  const auto view = std::move(builder).build();
  std::ostringstream out;
  CHECK_THROWS_WITH(write_gexf({view}, out), Catch::Contains("store id 7 is not unique"));
}

TEST_CASE("An output path that cannot be written is an error naming it", "[exporters]") {
  const auto view = test::hostile_view();
  CHECK_THROWS_WITH(export_graph(Format::kGexf, {view}, "/nonexistent-dir/x.gexf"),
                    Catch::Contains("/nonexistent-dir/x.gexf"));
  CHECK_THROWS_AS(export_graph(Format::kNeo4j, {view}, "-"), UsageError);
  ExportOptions options;
  options.gexf_version = "1.1";
  std::ostringstream out;
  CHECK_THROWS_AS(write_gexf({view}, out, options), UsageError);
}

TEST_CASE("Property keys become safe, unique names that never clash with fixed attributes",
          "[exporters]") {
  const auto view = test::hostile_view();
  std::ostringstream out;
  write_graphml({view}, out);
  const std::string text = out.str();
  CHECK(text.find("attr.name=\"prop_name\"") != std::string::npos);   // "name" clashes
  CHECK(text.find("attr.name=\"weird_key_\"") != std::string::npos);  // "weird key!"
  CHECK(text.find("attr.name=\"end\"") != std::string::npos);
  CHECK(text.find("attr.name=\"pagerank\" attr.type=\"double\"") != std::string::npos);
  CHECK(text.find("attr.name=\"community\" attr.type=\"long\"") != std::string::npos);
  CHECK(text.find("attr.name=\"verified\" attr.type=\"boolean\"") != std::string::npos);
}

TEST_CASE("The Cypher script is idempotent by construction: constraints first, then MERGE only",
          "[exporters]") {
  const auto view = test::hostile_view();
  ExportOptions options;
  options.cypher_batch_rows = 3;
  std::ostringstream out;
  write_cypher({view}, out, options);
  const std::string text = out.str();
  const auto first_constraint = text.find("CREATE CONSTRAINT");
  const auto first_unwind = text.find("UNWIND");
  REQUIRE(first_constraint != std::string::npos);
  REQUIRE(first_unwind != std::string::npos);
  CHECK(first_constraint < first_unwind);
  CHECK(text.find("IF NOT EXISTS") != std::string::npos);
  CHECK(text.find("CREATE (") == std::string::npos);  // nodes and relationships only MERGEd
  // 10 nodes in 5 labels with batches of 3: Person has 4 nodes -> 2 statements.
  std::size_t merges = 0;
  for (auto at = text.find("MERGE (n:Entity"); at != std::string::npos;
       at = text.find("MERGE (n:Entity", at + 1)) {
    ++merges;
  }
  CHECK(merges == 6);  // Country 2, GeoPlace 1, Organization 2, Person 4, Place 1 -> 1+1+1+2+1
}
