// The HTTP server on loopback (port 0): the page, the API, limits and hostile requests,
// concurrent clients, a read-only store, and a clean stop.

#include <httplib.h>

#include <catch2/catch.hpp>
#include <thread>

#include "serve/ServeFixture.h"
#include "serve/Server.h"

namespace skein::serve::test {
namespace {

struct Running {
  store::test::TempDir dir;
  std::string path = dir.file("served.db");
  std::unique_ptr<Server> server;
  std::thread thread;
  Running() {
    {
      store::Store store(path);
      fill_store(store);
    }
    ServerOptions options;
    options.store_path = path;
    options.port = 0;
    options.threads = 4;
    options.quiet = true;
    server = std::make_unique<Server>(options);
    server->start();
    thread = std::thread([this] { server->run(); });
  }
  ~Running() {
    server->stop();
    thread.join();
  }
  httplib::Client client() const {
    httplib::Client c("127.0.0.1", server->port());
    c.set_read_timeout(10);
    return c;
  }
};

}  // namespace

TEST_CASE("The server answers the page and the API on loopback", "[serve]") {
  Running running;
  auto client = running.client();
  auto page = client.Get("/");
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK(page->body.find(R"("mode":"serve")") != std::string::npos);
  CHECK(page->body.find("Sigma") != std::string::npos);  // the library is inlined
  auto search = client.Get("/api/entities?q=tony");
  REQUIRE(search);
  CHECK(search->status == 200);
  CHECK(search->get_header_value("Content-Type").find("application/json") == 0);
  CHECK(parse(search->body)["entities"][0]["name"] == "Tony Blair");
  auto post = client.Post("/api/entities", R"({"q": "gordon"})", "application/json");
  REQUIRE(post);
  CHECK(post->status == 200);
  CHECK(parse(post->body)["entities"][0]["name"] == "Gordon Brown");
}

TEST_CASE("Hostile requests get a 4xx with a JSON error and change nothing", "[serve]") {
  Running running;
  const auto before = store::test::read_bytes(running.path);
  auto client = running.client();
  struct Case {
    const char* what;
    httplib::Result result;
    int status;
  };
  std::vector<Case> cases;
  cases.push_back({"bad JSON", client.Post("/api/entities", "{\"q\": ", "application/json"), 400});
  cases.push_back({"huge body",
                   client.Post("/api/entities", std::string(100000, ' '), "application/json"),
                   413});
  cases.push_back(
      {"huge value", client.Get(("/api/entities?q=" + std::string(3000, 'a')).c_str()), 400});
  cases.push_back({"unknown endpoint", client.Get("/api/vacuum"), 404});
  cases.push_back({"unknown entity", client.Get("/api/entity?id=424242"), 404});
  cases.push_back({"traversal", client.Get("/../../../etc/passwd"), 404});
  cases.push_back({"not a file server", client.Get("/web/viewer/viewer.js"), 404});
  cases.push_back({"DELETE", client.Delete("/api/entity?id=1"), 405});
  httplib::Headers foreign{{"Host", "evil.example"}};
  cases.push_back({"foreign Host", client.Get("/api/meta", foreign), 403});
  for (auto& c : cases) {
    INFO(c.what);
    REQUIRE(c.result);
    CHECK(c.result->status == c.status);
    auto json = parse(c.result->body);
    REQUIRE(json.IsObject());
    CHECK(json.HasMember("error"));
  }
  auto meta = client.Get("/api/meta");
  REQUIRE(meta);
  CHECK(meta->status == 200);
  CHECK(parse(meta->body)["entities"].GetInt64() == 5);
  CHECK(store::test::read_bytes(running.path) == before);
}

TEST_CASE("Concurrent clients are all answered", "[serve]") {
  Running running;
  std::atomic<int> ok{0};
  std::vector<std::thread> clients;
  for (int t = 0; t < 8; ++t) {
    clients.emplace_back([&, t] {
      auto client = running.client();
      for (int i = 0; i < 10; ++i) {
        auto reply = client.Get(i % 2 == 0 ? "/api/entities?q=a" : "/api/meta");
        if (reply && reply->status == 200) ++ok;
      }
      (void)t;
    });
  }
  for (auto& c : clients) c.join();
  CHECK(ok == 80);
}

TEST_CASE("A missing store fails at start with the store's message", "[serve]") {
  store::test::TempDir dir;
  ServerOptions options;
  options.store_path = dir.file("absent.db");
  options.port = 0;
  Server server(options);
  CHECK_THROWS_WITH(server.start(), Catch::Contains("absent.db"));
}

}  // namespace skein::serve::test
