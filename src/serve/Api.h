#pragma once
// The read-only JSON API behind `skein serve` (documented in docs/serve.md), independent of
// HTTP so it can be tested on a store directly. Endpoints:
//   meta        what the store holds (counts, labels, relation types)
//   entities    search names and aliases (prefix first, then substring), best ranked first
//   entity      one entity with its relations
//   neighbours  an entity's neighbourhood (depth 1 or 2) as the browser view's graph JSON
//   overview    the top entities by PageRank and the relations among them, laid out
//   path        the fewest-hop chain of relations between two entities (source, target)
//   evidence    the sentences behind one relation, with their documents
// Every endpoint takes its parameters as name -> value (from the query string or a JSON
// object body). Relation filters (type, label, min_weight, min_confidence, from, to,
// text_only) apply to neighbours, entity, path and (dates, basis) evidence.
//
// Errors are values: a bad parameter is 400, an unknown endpoint or entity 404, each with
// {"error": "..."}. Nothing here writes to the store.
//
// Thread-safety: an Api is immutable after construction and may serve many threads at once,
// each with its own Store (a Store is single-threaded).

#include <cstddef>
#include <map>
#include <memory>
#include <string>

namespace skein::store {
class Store;
}

namespace skein::serve {

class NameIndex;

struct ApiOptions {
  std::size_t max_limit = 1000;          // cap on every limit parameter
  std::size_t max_value_bytes = 1024;    // longer parameter values are refused (400)
  std::size_t path_max_visits = 200000;  // nodes a path search may visit before giving up
  std::string web_dir;                   // for the viewer's colours and page ("" = default)
};

struct ApiResponse {
  int status = 200;
  std::string body;  // JSON
};

using Params = std::map<std::string, std::string>;

class Api {
 public:
  // Reads every entity's names and rank from `store` once, for search and the overview.
  Api(const store::Store& store, ApiOptions options = {});
  ~Api();
  Api(const Api&) = delete;
  Api& operator=(const Api&) = delete;

  ApiResponse handle(const std::string& endpoint, const Params& params,
                     const store::Store& store) const;

  // Parses a JSON object body into params (strings, numbers and booleans as text; arrays
  // of strings joined by commas). Returns false (and says why in `error`) otherwise.
  static bool params_from_json(const std::string& body, Params& params, std::string& error);

  std::size_t entity_count() const;

 private:
  ApiOptions options_;
  std::unique_ptr<NameIndex> names_;
};

}  // namespace skein::serve
