// The JSON API on a small store, without HTTP: answers, filters and every kind of refusal.

#include <catch2/catch.hpp>

#include "serve/ServeFixture.h"

namespace skein::serve::test {
namespace {

struct Fixture {
  store::Store store{":memory:"};
  std::unique_ptr<Api> api;
  Fixture() {
    fill_store(store);
    api = std::make_unique<Api>(store);
  }
  std::int64_t id_of(const std::string& name) {
    auto reply = api->handle("entities", {{"q", name}, {"limit", "1"}}, store);
    auto json = parse(reply.body);
    return json["entities"][0]["id"].GetInt64();
  }
  ApiResponse get(const std::string& endpoint, const Params& params) {
    return api->handle(endpoint, params, store);
  }
};

}  // namespace

TEST_CASE("Search completes names and aliases with prefix matches first", "[serve]") {
  Fixture f;
  auto json = parse(f.get("entities", {{"q", "bl"}}).body);
  REQUIRE(json["entities"].Size() == 1);
  CHECK(std::string(json["entities"][0]["name"].GetString()) == "Tony Blair");
  CHECK(std::string(json["entities"][0]["alias"].GetString()) == "Blair");
  // "RDO" is inside Gordon Brown's name only (case folded; no name starts with it).
  json = parse(f.get("entities", {{"q", "RDO"}}).body);
  REQUIRE(json["entities"].Size() == 1);
  CHECK(std::string(json["entities"][0]["name"].GetString()) == "Gordon Brown");
  json = parse(f.get("entities", {{"q", "a"}, {"label", "Place"}}).body);
  REQUIRE(json["entities"].Size() == 1);
  CHECK(std::string(json["entities"][0]["name"].GetString()) == "Paris");
}

TEST_CASE("An entity comes with its relations filtered by type and date", "[serve]") {
  Fixture f;
  const auto blair = std::to_string(f.id_of("Tony Blair"));
  auto json = parse(f.get("entity", {{"id", blair}}).body);
  CHECK(std::string(json["entity"]["name"].GetString()) == "Tony Blair");
  CHECK(json["relation_count"].GetUint64() == 3);
  json = parse(f.get("entity", {{"id", blair}, {"type", "met-with"}}).body);
  CHECK(json["relation_count"].GetUint64() == 2);
  // Only the relation seen in February overlaps a range starting then.
  json = parse(f.get("entity", {{"id", blair}, {"from", "2005-01-20"}}).body);
  REQUIRE(json["relation_count"].GetUint64() == 1);
  CHECK(std::string(json["relations"][0]["other"].GetString()) == "Jacques Chirac");
}

TEST_CASE("Neighbours come in the browser view's graph shape", "[serve]") {
  Fixture f;
  const auto chirac = std::to_string(f.id_of("Jacques Chirac"));
  auto json = parse(f.get("neighbours", {{"id", chirac}}).body);
  CHECK(json["nodes"].Size() == 2);  // Chirac and Blair
  CHECK(json["edges"].Size() == 1);
  json = parse(f.get("neighbours", {{"id", chirac}, {"depth", "2"}}).body);
  CHECK(json["nodes"].Size() == 4);  // + Brown and Labour
  CHECK(json["edges"].Size() == 4);  // every relation among them, Brown-Labour included
  const auto& edge = json["edges"][0];
  CHECK(edge["ev_total"].GetInt64() >= 1);
  CHECK(edge["ev"].Size() == 0);  // sentences are fetched per click
  json = parse(f.get("neighbours", {{"id", chirac}, {"depth", "2"}, {"limit", "3"}}).body);
  CHECK(json["nodes"].Size() == 3);
}

TEST_CASE("A path runs through the relations the filters keep", "[serve]") {
  Fixture f;
  const auto chirac = std::to_string(f.id_of("Jacques Chirac"));
  const auto labour = std::to_string(f.id_of("Labour"));
  const auto paris = std::to_string(f.id_of("Paris"));
  auto json = parse(f.get("path", {{"source", chirac}, {"target", labour}}).body);
  REQUIRE(json["found"].GetBool());
  CHECK(json["path"].Size() == 3);  // Chirac - Blair - Labour
  CHECK(json["path_edges"].Size() == 2);
  CHECK(json["graph"]["nodes"].Size() == 3);
  json = parse(f.get("path", {{"source", chirac}, {"target", labour}, {"type", "met-with"}}).body);
  CHECK_FALSE(json["found"].GetBool());
  json = parse(f.get("path", {{"source", chirac}, {"target", paris}}).body);
  CHECK_FALSE(json["found"].GetBool());
}

TEST_CASE("Evidence lists the sentences with their documents", "[serve]") {
  Fixture f;
  const auto chirac = std::to_string(f.id_of("Jacques Chirac"));
  auto entity = parse(f.get("entity", {{"id", chirac}}).body);
  const auto edge = std::to_string(entity["relations"][0]["id"].GetInt64());
  auto json = parse(f.get("evidence", {{"edge", edge}}).body);
  REQUIRE(json["total"].GetUint64() == 1);
  const auto& item = json["evidence"][0];
  CHECK(std::string(item["sentence"].GetString()) == "Jacques Chirac met Tony Blair in Paris.");
  CHECK(std::string(item["document"]["uri"].GetString()) == "doc-2");
  CHECK(std::string(item["document"]["published"].GetString()) == "2005-02-01");
  json = parse(f.get("evidence", {{"edge", edge}, {"to", "2005-01-31"}}).body);
  CHECK(json["total"].GetUint64() == 0);
}

TEST_CASE("Bad requests are refused with a status and a JSON error", "[serve]") {
  Fixture f;
  const auto blair = std::to_string(f.id_of("Tony Blair"));
  const std::vector<std::tuple<std::string, Params, int>> cases = {
      {"drop", {}, 404},
      {"entity", {{"id", "999999"}}, 404},
      {"evidence", {{"edge", "999999"}}, 404},
      {"entity", {}, 400},
      {"entity", {{"id", "1 OR 1=1"}}, 400},
      {"entity", {{"id", "../../etc/passwd"}}, 400},
      {"entity", {{"id", blair}, {"bogus", "1"}}, 400},
      {"entities", {{"q", std::string(5000, 'x')}}, 400},
      {"entities", {}, 400},
      {"neighbours", {{"id", blair}, {"limit", "0"}}, 400},
      {"neighbours", {{"id", blair}, {"limit", "99999999999999999999"}}, 400},
      {"neighbours", {{"id", blair}, {"depth", "3"}}, 400},
      {"neighbours", {{"id", blair}, {"from", "2005-13"}}, 400},
      {"neighbours", {{"id", blair}, {"min_confidence", "nan"}}, 400},
      {"neighbours", {{"id", blair}, {"text_only", "maybe"}}, 400},
      {"path", {{"source", blair}}, 400},
  };
  for (const auto& [endpoint, params, status] : cases) {
    INFO(endpoint);
    const auto reply = f.get(endpoint, params);
    CHECK(reply.status == status);
    auto json = parse(reply.body);
    REQUIRE(json.IsObject());
    CHECK(json.HasMember("error"));
  }
}

TEST_CASE("JSON bodies become parameters and anything else is refused", "[serve]") {
  Params params;
  std::string error;
  REQUIRE(Api::params_from_json(
      R"({"q": "blair", "limit": 5, "text_only": true, "type": ["met-with", "x"]})", params,
      error));
  CHECK(params.at("q") == "blair");
  CHECK(params.at("limit") == "5");
  CHECK(params.at("text_only") == "true");
  CHECK(params.at("type") == "met-with,x");
  for (const char* bad : {"{bad", "[1]", R"({"q": {"$gt": ""}})", R"({"q": [1]})", ""}) {
    Params ignored;
    CHECK_FALSE(Api::params_from_json(bad, ignored, error));
    CHECK_FALSE(error.empty());
  }
}

}  // namespace skein::serve::test
