// Brandes without predecessor lists: during the backward sweep a node's predecessors are
// exactly its neighbours one level closer, so we test dist instead of storing lists. That
// keeps per-thread state to four arrays of n and the sweep cache-friendly.

#include "graph/Betweenness.h"

#include <numeric>
#include <random>

#include "graph/detail/Parallel.h"

namespace skein::graph {

namespace {

struct Workspace {
  explicit Workspace(std::size_t n)
      : dist(n, -1), sigma(n, 0.0), delta(n, 0.0), order(n), score(n, 0.0) {}
  std::vector<std::int32_t> dist;
  std::vector<double> sigma;
  std::vector<double> delta;
  std::vector<NodeIndex> order;  // BFS order; doubles as the queue
  std::vector<double> score;     // this thread's partial sums
};

void accumulate_from(const GraphView& view, NodeIndex s, Workspace& ws) {
  std::size_t head = 0, tail = 0;
  ws.order[tail++] = s;
  ws.dist[s] = 0;
  ws.sigma[s] = 1;
  while (head < tail) {
    const NodeIndex v = ws.order[head++];
    const std::int32_t next = ws.dist[v] + 1;
    for (NodeIndex w : view.neighbors(v)) {
      if (ws.dist[w] < 0) {
        ws.dist[w] = next;
        ws.order[tail++] = w;
      }
      if (ws.dist[w] == next) ws.sigma[w] += ws.sigma[v];
    }
  }
  for (std::size_t i = tail; i-- > 0;) {
    const NodeIndex w = ws.order[i];
    const double coefficient = (1.0 + ws.delta[w]) / ws.sigma[w];
    const std::int32_t previous = ws.dist[w] - 1;
    for (NodeIndex v : view.neighbors(w)) {
      if (ws.dist[v] == previous) ws.delta[v] += ws.sigma[v] * coefficient;
    }
    if (w != s) ws.score[w] += ws.delta[w];
  }
  for (std::size_t i = 0; i < tail; ++i) {  // reset only what this source touched
    const NodeIndex w = ws.order[i];
    ws.dist[w] = -1;
    ws.sigma[w] = 0;
    ws.delta[w] = 0;
  }
}

}  // namespace

BetweennessResult Betweenness::run() const {
  BetweennessResult result;
  const std::size_t n = view_.node_count();
  result.score.assign(n, 0.0);
  if (n == 0) return result;

  std::vector<NodeIndex> sources(n);
  std::iota(sources.begin(), sources.end(), 0);
  const bool sampled = options_.samples > 0 && options_.samples < n;
  if (sampled) {
    // Partial Fisher-Yates: the first k entries become a uniform sample without replacement.
    std::mt19937_64 rng(options_.seed);
    for (std::size_t i = 0; i < options_.samples; ++i) {
      std::uniform_int_distribution<std::size_t> pick(i, n - 1);
      std::swap(sources[i], sources[pick(rng)]);
    }
    sources.resize(options_.samples);
  }
  result.sources = sources.size();

  const unsigned threads = detail::resolve_threads(options_.threads);
  std::vector<Workspace> workspaces;
  const unsigned used = static_cast<unsigned>(std::min<std::size_t>(threads, sources.size()));
  workspaces.reserve(used);
  for (unsigned t = 0; t < used; ++t) workspaces.emplace_back(n);
  detail::parallel_for(sources.size(), used, [&](unsigned t, std::size_t i) {
    accumulate_from(view_, sources[i], workspaces[t]);
  });
  for (const Workspace& ws : workspaces) {
    for (std::size_t v = 0; v < n; ++v) result.score[v] += ws.score[v];
  }

  double scale = 1.0;
  if (options_.normalized) {
    scale = n > 2 ? 1.0 / (static_cast<double>(n - 1) * static_cast<double>(n - 2)) : 0.0;
    if (n <= 2) scale = 1.0;  // every score is 0 anyway
  } else {
    scale = 0.5;
  }
  if (sampled) scale *= static_cast<double>(n) / static_cast<double>(sources.size());
  for (double& x : result.score) x *= scale;
  return result;
}

}  // namespace skein::graph
