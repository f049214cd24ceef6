// Brandes without predecessor lists: during the backward sweep a node's predecessors are
// exactly its neighbours one level closer, so we test dist instead of storing lists. That
// keeps per-thread state to four arrays of n and the sweep cache-friendly.

#include "graph/Betweenness.h"

#include <numeric>
#include <random>

#include "graph/detail/Parallel.h"

namespace skein::graph {

namespace {

// Per-node state packed together: the sweeps touch a node's distance, path count and
// dependency at once, so one struct is one cache miss where three arrays were three.
struct NodeState {
  double sigma = 0;
  double delta = 0;
  std::int32_t dist = -1;
};

struct Workspace {
  explicit Workspace(std::size_t n) : state(n), order(n), score(n, 0.0) {}
  std::vector<NodeState> state;
  std::vector<NodeIndex> order;  // BFS order; doubles as the queue
  std::vector<double> score;     // this thread's partial sums
};

void accumulate_from(const GraphView& view, NodeIndex s, Workspace& ws) {
  NodeState* st = ws.state.data();
  std::size_t head = 0, tail = 0;
  ws.order[tail++] = s;
  st[s].dist = 0;
  st[s].sigma = 1;
  while (head < tail) {
    const NodeIndex v = ws.order[head++];
    const std::int32_t next = st[v].dist + 1;
    const double sigma_v = st[v].sigma;
    for (NodeIndex w : view.neighbors(v)) {
      NodeState& target = st[w];
      if (target.dist < 0) {
        target.dist = next;
        ws.order[tail++] = w;
      }
      if (target.dist == next) target.sigma += sigma_v;
    }
  }
  for (std::size_t i = tail; i-- > 0;) {
    const NodeIndex w = ws.order[i];
    const double coefficient = (1.0 + st[w].delta) / st[w].sigma;
    const std::int32_t previous = st[w].dist - 1;
    for (NodeIndex v : view.neighbors(w)) {
      NodeState& pred = st[v];
      if (pred.dist == previous) pred.delta += pred.sigma * coefficient;
    }
    if (w != s) ws.score[w] += st[w].delta;
  }
  for (std::size_t i = 0; i < tail; ++i) st[ws.order[i]] = NodeState{};  // reset what we touched
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
