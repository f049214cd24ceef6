// Brandes' algorithm, level by level, with no predecessor lists and no per-source allocation.
//
// Forward: a BFS that records where each level starts in `order`; path counts (sigma) are
// pushed from a level to the next one. Backward, deepest level first, each node *pulls* from
// its successors: delta[v] = sigma[v] * sum over successors w of (1 + delta[w]) / sigma[w].
// We keep coef[w] = (1 + delta[w]) / sigma[w] only for the level just below the one being
// processed and zero it once that level is done, so the pull adds coef[] over *all*
// neighbours without testing distances: entries of other levels are 0 and adding 0.0 leaves
// the sum exactly as if they had been skipped. The backward sweep is then one branch-free
// read per arc, and delta itself is never stored (it goes straight into the score).
//
// Work is split into a fixed number of source blocks, each with its own partial sums, which
// threads claim dynamically (a loaded machine starves one thread more than another; static
// striping made the fast thread wait). Blocks are added up in block order, so the result
// depends on the options alone, never on which thread ran which block.

#include "graph/Betweenness.h"

#include <algorithm>
#include <atomic>
#include <boost/graph/betweenness_centrality.hpp>
#include <numeric>
#include <random>

#include "core/Error.h"
#include "graph/BoostGraphView.h"
#include "graph/detail/Parallel.h"

namespace skein::graph {

namespace {

inline std::uint64_t bit(NodeIndex v) { return std::uint64_t{1} << (v & 63); }

// One thread's scratch space, reused for every source it runs. Between sources every bit is
// clear and every coef and acc is 0 (the sweep restores what it touched).
struct Workspace {
  explicit Workspace(std::size_t n)
      : node_count(n),
        seen((n + 63) / 64, 0),
        mark((n + 63) / 64, 0),
        sigma(n, 0.0),
        coef(n, 0.0),
        acc(n, 0.0),
        pending(n),
        order(n) {}
  std::size_t node_count;
  // Bitmaps of n bits (12.5 KB for 100k nodes, small enough to stay in the fastest caches).
  std::vector<std::uint64_t> seen;         // reached from the source
  std::vector<std::uint64_t> mark;         // the one level a step is testing membership of
  std::vector<double> sigma;               // shortest-path counts
  std::vector<double> coef;                // (1 + delta) / sigma, for the successor level only
  std::vector<double> acc;                 // pushed sums for the level being finished
  std::vector<double> pending;             // a level's coefficients, by position in order
  std::vector<NodeIndex> order;            // BFS order, level after level
  std::vector<std::uint32_t> level_start;  // order[level_start[d] .. level_start[d+1]) = level d
  std::vector<std::uint64_t> level_arcs;   // adjacency entries of level d's nodes
};

struct Csr {
  const std::uint32_t* offsets;
  const NodeIndex* neighbor;
  std::uint64_t arcs;
};

// Sums over sources count each pair from both ends: normalise as NetworkX does, or halve.
// `factor` is the sampling estimate's n/k (1 when exact), folded into the one multiply.
void scale_scores(std::vector<double>& score, std::size_t n, bool normalized, double factor) {
  double scale = 0.5;
  if (normalized) {
    scale = n > 2 ? 1.0 / (static_cast<double>(n - 1) * static_cast<double>(n - 2)) : 1.0;
  }
  scale *= factor;
  for (double& x : score) x *= scale;
}

void set_marks(std::uint64_t* mark, const NodeIndex* nodes, std::uint32_t begin,
               std::uint32_t end) {
  for (std::uint32_t i = begin; i < end; ++i) mark[nodes[i] >> 6] |= bit(nodes[i]);
}
void clear_marks(std::uint64_t* mark, const NodeIndex* nodes, std::uint32_t begin,
                 std::uint32_t end) {
  for (std::uint32_t i = begin; i < end; ++i) mark[nodes[i] >> 6] = 0;
}

// Adds source s's dependencies to score[] (not yet scaled).
//
// Each step between two adjacent levels can walk either level's adjacency lists, and the two
// costs differ wildly: from a random source in the 1M-edge bench graph the levels hold about
// 1, 30, 800, 29k, 70k and 90 nodes, so discovering the last level top-down reads the 1.1M
// entries of the 70k-node level to find 90 nodes, while asking the few unreached nodes
// whether they touch that level reads a thousand (Beamer et al.'s direction-optimising BFS).
// The backward sweep has the same choice, pulling into the upper level or pushing from the
// lower one. Taking the cheaper side at every step reads well under half the arcs of the
// plain forward-and-backward sweep.
void accumulate_from(const Csr& g, NodeIndex s, Workspace& ws, double* score) {
  std::uint64_t* seen = ws.seen.data();
  std::uint64_t* mark = ws.mark.data();
  double* sigma = ws.sigma.data();
  double* coef = ws.coef.data();
  double* acc = ws.acc.data();
  double* pending = ws.pending.data();
  NodeIndex* order = ws.order.data();
  auto& level_start = ws.level_start;
  auto& level_arcs = ws.level_arcs;
  const std::size_t words = ws.seen.size();
  auto degree = [&](NodeIndex v) -> std::uint64_t { return g.offsets[v + 1] - g.offsets[v]; };

  level_start.assign(1, 0);
  level_arcs.assign(1, degree(s));
  std::uint32_t tail = 0;
  order[tail++] = s;
  seen[s >> 6] |= bit(s);
  sigma[s] = 1;
  std::uint64_t unreached_arcs = g.arcs - degree(s);
  // Forward: level d = order[level_start[d] .. tail) grows level d + 1 after it.
  for (std::size_t d = 0;; ++d) {
    const std::uint32_t begin = level_start[d], end = tail;
    level_start.push_back(end);
    if (begin == end) break;
    std::uint64_t next_arcs = 0;
    if (unreached_arcs + words < level_arcs[d]) {
      // Bottom-up: every unreached node sums sigma over its neighbours on level d (marked).
      set_marks(mark, order, begin, end);
      for (std::size_t word = 0; word < words; ++word) {
        std::uint64_t unreached = ~seen[word];
        if (word == words - 1 && ws.node_count % 64 != 0) {
          unreached &= bit(static_cast<NodeIndex>(ws.node_count)) - 1;  // bits past the last node
        }
        while (unreached != 0) {
          const auto w =
              static_cast<NodeIndex>(word * 64 + static_cast<unsigned>(__builtin_ctzll(unreached)));
          unreached &= unreached - 1;
          double paths = 0;
          for (std::uint32_t a = g.offsets[w], stop = g.offsets[w + 1]; a < stop; ++a) {
            const NodeIndex v = g.neighbor[a];
            if (mark[v >> 6] & bit(v)) paths += sigma[v];
          }
          if (paths > 0) {
            sigma[w] = paths;
            order[tail++] = w;
            next_arcs += degree(w);
          }
        }
      }
      clear_marks(mark, order, begin, end);
      for (std::uint32_t i = end; i < tail; ++i) seen[order[i] >> 6] |= bit(order[i]);
    } else {
      // Top-down: level d pushes its path counts to the neighbours on level d + 1, which
      // `mark` flags as they are found.
      for (std::uint32_t i = begin; i < end; ++i) {
        const NodeIndex v = order[i];
        const double sigma_v = sigma[v];
        for (std::uint32_t a = g.offsets[v], stop = g.offsets[v + 1]; a < stop; ++a) {
          const NodeIndex w = g.neighbor[a];
          const std::uint64_t b = bit(w);
          if ((seen[w >> 6] & b) == 0) {
            seen[w >> 6] |= b;
            mark[w >> 6] |= b;
            sigma[w] = 0;
            order[tail++] = w;
            next_arcs += degree(w);
          }
          if (mark[w >> 6] & b) sigma[w] += sigma_v;
        }
      }
      clear_marks(mark, order, end, tail);
    }
    unreached_arcs -= next_arcs;
    level_arcs.push_back(next_arcs);
  }
  // level_start ends with two copies of tail (the empty level after the deepest).

  // Backward, deepest level first. coef holds (1 + delta) / sigma for level d + 1 only.
  const std::size_t levels = level_start.size() - 2;
  for (std::size_t d = levels; d-- > 1;) {
    const std::uint32_t begin = level_start[d], end = level_start[d + 1];
    const std::uint32_t below_end = level_start[d + 2];
    if (level_arcs[d + 1] < level_arcs[d]) {
      // Push: each node of level d + 1 hands its coefficient to its neighbours on level d.
      set_marks(mark, order, begin, end);
      for (std::uint32_t i = end; i < below_end; ++i) {
        const NodeIndex w = order[i];
        const double c = coef[w];
        for (std::uint32_t a = g.offsets[w], stop = g.offsets[w + 1]; a < stop; ++a) {
          const NodeIndex v = g.neighbor[a];
          if (mark[v >> 6] & bit(v)) acc[v] += c;
        }
      }
      clear_marks(mark, order, begin, end);
    } else {
      // Pull: coef is zero off level d + 1, so summing it over every neighbour needs no test.
      for (std::uint32_t i = begin; i < end; ++i) {
        const NodeIndex v = order[i];
        double pulled = 0;
        for (std::uint32_t a = g.offsets[v], stop = g.offsets[v + 1]; a < stop; ++a) {
          pulled += coef[g.neighbor[a]];
        }
        acc[v] = pulled;
      }
    }
    for (std::uint32_t i = begin; i < end; ++i) {
      const NodeIndex v = order[i];
      const double delta = sigma[v] * acc[v];
      acc[v] = 0;
      score[v] += delta;
      pending[i] = (1.0 + delta) / sigma[v];
    }
    // Level d + 1 has served as successors; clear it so level d - 1 sees only level d. Level
    // d's own coefficients are published only now: a neighbour on the same level must read 0.
    for (std::uint32_t i = end; i < below_end; ++i) coef[order[i]] = 0;
    for (std::uint32_t i = begin; i < end; ++i) coef[order[i]] = pending[i];
  }
  for (std::uint32_t i = 0; i < tail; ++i) {
    seen[order[i] >> 6] = 0;
    coef[order[i]] = 0;
  }
}

}  // namespace

BetweennessResult Betweenness::run() const {
  BetweennessResult result;
  const std::size_t n = view_.node_count();
  result.score.assign(n, 0.0);
  if (options_.weighted && options_.samples > 0) {
    throw UsageError("graph: weighted betweenness is exact only; it cannot be sampled");
  }
  if (n == 0) return result;
  if (options_.weighted) {
    // Boost's Brandes with Dijkstra inside. It halves undirected sums into pair counts; double
    // them back so the scaling below is shared with the unweighted path.
    boost::brandes_betweenness_centrality(
        view_, boost::centrality_map(
                   boost::make_iterator_property_map(
                       result.score.begin(), boost::typed_identity_property_map<NodeIndex>()))
                   .weight_map(HopCostMap(view_)));
    for (double& x : result.score) x *= 2;
    result.sources = n;
    scale_scores(result.score, n, options_.normalized, 1.0);
    return result;
  }

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

  const Csr g{view_.adjacency_offsets().data(), view_.adjacency().data(), view_.arc_count()};
  const unsigned threads = static_cast<unsigned>(
      std::min<std::size_t>(detail::resolve_threads(options_.threads), sources.size()));
  // Four blocks per thread: enough to even out a thread that gets less CPU, few enough that
  // the partial-sum arrays (one per block) stay small.
  const std::size_t blocks = std::min<std::size_t>(sources.size(), 4 * std::size_t{threads});
  std::vector<std::vector<double>> partial(blocks);
  std::atomic<std::size_t> next_block{0};
  // Threads claim blocks as they go, so one that gets less CPU does fewer.
  detail::run_on_threads(threads, [&](unsigned) {
    Workspace ws(n);
    for (std::size_t b; (b = next_block.fetch_add(1, std::memory_order_relaxed)) < blocks;) {
      std::vector<double> sums(n, 0.0);
      // Block b takes sources b, b + blocks, b + 2 * blocks, ... (hubs sampled early spread out).
      for (std::size_t i = b; i < sources.size(); i += blocks) {
        accumulate_from(g, sources[i], ws, sums.data());
      }
      partial[b] = std::move(sums);
    }
  });
  for (const auto& sums : partial) {
    for (std::size_t v = 0; v < n; ++v) result.score[v] += sums[v];
  }

  scale_scores(result.score, n, options_.normalized,
               sampled ? static_cast<double>(n) / static_cast<double>(sources.size()) : 1.0);
  return result;
}

}  // namespace skein::graph
