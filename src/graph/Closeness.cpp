#include "graph/Closeness.h"

#include <cstdint>

#include "graph/detail/Parallel.h"

namespace skein::graph {

ClosenessResult HarmonicCloseness::run() const {
  ClosenessResult result;
  const std::size_t n = view_.node_count();
  result.score.assign(n, 0.0);
  if (n == 0) return result;
  const unsigned threads =
      static_cast<unsigned>(std::min<std::size_t>(detail::resolve_threads(options_.threads), n));
  struct Workspace {
    std::vector<std::int32_t> dist;
    std::vector<NodeIndex> queue;
  };
  std::vector<Workspace> spaces(threads);
  for (auto& ws : spaces) {
    ws.dist.assign(n, -1);
    ws.queue.resize(n);
  }
  // Each source writes only its own score slot, so threads never share a write.
  detail::parallel_for(n, threads, [&](unsigned t, std::size_t source) {
    Workspace& ws = spaces[t];
    std::size_t head = 0, tail = 0;
    ws.queue[tail++] = static_cast<NodeIndex>(source);
    ws.dist[source] = 0;
    double sum = 0;
    while (head < tail) {
      const NodeIndex v = ws.queue[head++];
      if (v != source) sum += 1.0 / ws.dist[v];
      for (NodeIndex w : view_.neighbors(v)) {
        if (ws.dist[w] < 0) {
          ws.dist[w] = ws.dist[v] + 1;
          ws.queue[tail++] = w;
        }
      }
    }
    for (std::size_t i = 0; i < tail; ++i) ws.dist[ws.queue[i]] = -1;
    result.score[source] = sum;
  });
  if (options_.normalized && n > 1) {
    for (double& x : result.score) x /= static_cast<double>(n - 1);
  }
  return result;
}

}  // namespace skein::graph
