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
#include <exception>
#include <numeric>
#include <random>
#include <thread>

#include "graph/detail/Parallel.h"

namespace skein::graph {

namespace {

inline std::uint64_t bit(NodeIndex v) { return std::uint64_t{1} << (v & 63); }

// One thread's scratch space, reused for every source it runs. Between sources every bit is
// clear and every coef is 0 (the sweep restores what it touched).
struct Workspace {
  explicit Workspace(std::size_t n)
      : seen((n + 63) / 64, 0), fresh((n + 63) / 64, 0), sigma(n, 0.0), coef(n, 0.0), pending(n),
        order(n), level_start(1, 0) {}
  // Bitmaps of n bits (12.5 KB for 100k nodes: they stay in L1 where an int per node did not).
  std::vector<std::uint64_t> seen;   // reached from the source
  std::vector<std::uint64_t> fresh;  // reached in the level being discovered
  std::vector<double> sigma;
  std::vector<double> coef;
  std::vector<double> pending;              // a level's coefficients, by position in order
  std::vector<NodeIndex> order;             // BFS order; doubles as the queue
  std::vector<std::uint32_t> level_start;   // order[level_start[d] .. level_start[d+1]) = level d
};

struct Csr {
  const std::uint32_t* offsets;
  const NodeIndex* neighbor;
};

// Adds source s's dependencies to score[] (not yet scaled).
void accumulate_from(const Csr& g, NodeIndex s, Workspace& ws, double* score) {
  std::uint64_t* seen = ws.seen.data();
  std::uint64_t* fresh = ws.fresh.data();
  double* sigma = ws.sigma.data();
  double* coef = ws.coef.data();
  double* pending = ws.pending.data();
  NodeIndex* order = ws.order.data();
  auto& level_start = ws.level_start;
  level_start.resize(1);

  std::uint32_t tail = 0;
  order[tail++] = s;
  seen[s >> 6] |= bit(s);
  sigma[s] = 1;
  for (std::uint32_t head = 0; head < tail;) {
    const std::uint32_t level_end = tail;
    level_start.push_back(level_end);
    for (; head < level_end; ++head) {
      const NodeIndex v = order[head];
      const double sigma_v = sigma[v];
      for (std::uint32_t a = g.offsets[v], end = g.offsets[v + 1]; a < end; ++a) {
        const NodeIndex w = g.neighbor[a];
        const std::uint64_t b = bit(w);
        if ((seen[w >> 6] & b) == 0) {
          seen[w >> 6] |= b;
          fresh[w >> 6] |= b;
          sigma[w] = 0;
          order[tail++] = w;
        }
        if (fresh[w >> 6] & b) sigma[w] += sigma_v;
      }
    }
    // The level just found becomes the current one: nothing is fresh any more.
    for (std::uint32_t i = level_end; i < tail; ++i) fresh[order[i] >> 6] = 0;
  }
  // level_start now ends with tail as its last entry (the empty level after the deepest).

  const std::size_t levels = level_start.size() - 1;
  for (std::size_t d = levels; d-- > 1;) {
    for (std::uint32_t i = level_start[d]; i < level_start[d + 1]; ++i) {
      const NodeIndex v = order[i];
      double pulled = 0;
      for (std::uint32_t a = g.offsets[v], end = g.offsets[v + 1]; a < end; ++a) {
        pulled += coef[g.neighbor[a]];
      }
      const double delta = sigma[v] * pulled;
      score[v] += delta;
      pending[i] = (1.0 + delta) / sigma[v];
    }
    // Level d + 1 has served as successors; clear it so level d - 1 sees only level d. Level
    // d's own coefficients are published only now: a neighbour on the same level must read 0.
    if (d + 1 < levels) {
      for (std::uint32_t i = level_start[d + 1]; i < level_start[d + 2]; ++i) coef[order[i]] = 0;
    }
    for (std::uint32_t i = level_start[d]; i < level_start[d + 1]; ++i) coef[order[i]] = pending[i];
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

  const Csr g{view_.adjacency_offsets().data(), view_.adjacency().data()};
  const unsigned threads = static_cast<unsigned>(
      std::min<std::size_t>(detail::resolve_threads(options_.threads), sources.size()));
  // Four blocks per thread: enough to even out a thread that gets less CPU, few enough that
  // the partial-sum arrays (one per block) stay small.
  const std::size_t blocks = std::min<std::size_t>(sources.size(), 4 * std::size_t{threads});
  std::vector<std::vector<double>> partial(blocks);
  std::atomic<std::size_t> next_block{0};
  auto worker = [&] {
    Workspace ws(n);
    for (std::size_t b; (b = next_block.fetch_add(1, std::memory_order_relaxed)) < blocks;) {
      std::vector<double> sums(n, 0.0);
      // Block b takes sources b, b + blocks, b + 2 * blocks, ... (hubs sampled early spread out).
      for (std::size_t i = b; i < sources.size(); i += blocks) {
        accumulate_from(g, sources[i], ws, sums.data());
      }
      partial[b] = std::move(sums);
    }
  };
  if (threads <= 1) {
    worker();
  } else {
    std::vector<std::exception_ptr> errors(threads);
    {
      std::vector<std::jthread> pool;
      pool.reserve(threads);
      for (unsigned t = 0; t < threads; ++t) {
        pool.emplace_back([&, t] {
          try {
            worker();
          } catch (...) {
            errors[t] = std::current_exception();
          }
        });
      }
    }  // joins
    for (auto& error : errors) {
      if (error) std::rethrow_exception(error);
    }
  }
  for (const auto& sums : partial) {
    for (std::size_t v = 0; v < n; ++v) result.score[v] += sums[v];
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
