// Pull-based power iteration: each node gathers from its in-neighbours, so the inner loop
// reads the CSR sequentially and writes one value per node (no scatter, no atomics). The
// gather keeps four partial sums, so the additions of one long neighbour list overlap instead
// of waiting on each other, and each node's share for the next sweep is written as its rank is
// computed (one pass over the nodes per sweep, not two). The shares, which the gather reads at
// random, are held in single precision until the ranks have nearly settled: half the bytes, so
// on the bench graph they fit in a core's L2 cache. Together this keeps it more than twice as
// fast as Boost's page_rank on the same view (src/graph/README.md), which is also unnormalised
// and leaks dangling mass; tests/graph/BoostOracleTest.cpp checks it against Boost's.

#include "graph/PageRank.h"

#include <cmath>

namespace skein::graph {
namespace {

// A change of the ranks' L1 sum below this may be the single-precision shares' rounding
// rather than progress: a share is rounded by at most 6e-8 of itself, which moves the ranks
// (summing to 1) by about 1e-7 in L1 in all, 100x below this. Sweeps go on in double
// precision from here, unless the stop rule is already met at this distance.
constexpr double kSinglePrecisionFloor = 1e-5;

// Sum over a node's gather list of share[node] (x factor, when there are factors).
template <class Share>
double gather(const NodeIndex* node, const NodeIndex* end, const double* factor,
              const std::vector<Share>& share) {
  double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  if (factor == nullptr) {
    for (; end - node >= 4; node += 4) {
      s0 += share[node[0]];
      s1 += share[node[1]];
      s2 += share[node[2]];
      s3 += share[node[3]];
    }
    for (; node != end; ++node) s0 += share[*node];
  } else {
    for (; end - node >= 4; node += 4, factor += 4) {
      s0 += share[node[0]] * factor[0];
      s1 += share[node[1]] * factor[1];
      s2 += share[node[2]] * factor[2];
      s3 += share[node[3]] * factor[3];
    }
    for (; node != end; ++node, ++factor) s0 += share[*node] * *factor;
  }
  return (s0 + s1) + (s2 + s3);
}

// The gather lists every sweep reads: node u gathers from from[start[u] .. start[u + 1]),
// times factor[...] when there are factors.
struct GatherLists {
  const std::uint32_t* start;
  const NodeIndex* from;
  const double* factor;
  const std::vector<double>& inverse_out;  // 1 / out-weight, 0 for a dangling node

  // Each node's share of its rank for the next sweep: rank / out-weight.
  template <class Share>
  void shares(const std::vector<double>& rank, std::vector<Share>& share) const {
    for (std::size_t u = 0; u < rank.size(); ++u)
      share[u] = static_cast<Share>(rank[u] * inverse_out[u]);
  }

  // One sweep: every rank from the in-neighbours' shares of the last sweep, and the share it
  // gives in the next. Returns the L1 change of the ranks.
  template <class Share>
  double sweep(double base, double damping, std::vector<double>& rank,
               const std::vector<Share>& share, std::vector<Share>& next_share) const {
    double change = 0;
    for (std::size_t u = 0; u < rank.size(); ++u) {
      const double sum =
          gather(from + start[u], from + start[u + 1], factor ? factor + start[u] : nullptr, share);
      const double next = base + damping * sum;
      change += std::fabs(next - rank[u]);
      rank[u] = next;
      next_share[u] = static_cast<Share>(next * inverse_out[u]);
    }
    return change;
  }
};

}  // namespace

PageRankResult PageRank::run() const {
  PageRankResult result;
  const std::size_t n = view_.node_count();
  if (n == 0) {
    result.converged = true;
    return result;
  }
  const double d = options_.damping;
  const double nd = static_cast<double>(n);

  // Every neighbour pair walked both ways with weight 1: the view's own adjacency serves.
  const bool plain = !options_.directed && !options_.weighted;
  // 1 / out-weight of every node over the arcs it may walk; the dangling nodes have none.
  std::vector<double> inverse_out(n, 0.0);
  std::vector<NodeIndex> dangling_nodes;
  for (NodeIndex u = 0; u < n; ++u) {
    double sum = 0;
    if (plain) {
      sum = static_cast<double>(view_.degree(u));
    } else {
      const auto w = view_.neighbor_weights(u);
      for (std::size_t i = 0; i < w.size(); ++i) {
        if (options_.directed && !view_.walkable(u, i)) continue;
        sum += options_.weighted ? static_cast<double>(w[i]) : 1.0;
      }
    }
    if (sum > 0) {
      inverse_out[u] = 1.0 / sum;
    } else {
      dangling_nodes.push_back(u);
    }
  }

  // What each node gathers from: the view's own adjacency when plain; else its walkable
  // in-arcs with their factors, laid out once as a flat CSR, so the iterations below run over
  // plain arrays instead of asking the view per arc per iteration (on an 837k-node store graph
  // that was most of `skein rank`).
  std::vector<std::uint32_t> in_start;
  std::vector<NodeIndex> in_node;
  std::vector<double> in_factor;
  if (!plain) {
    in_start.reserve(n + 1);
    in_start.push_back(0);
    for (NodeIndex u = 0; u < n; ++u) {
      const auto nb = view_.neighbors(u);
      const auto w = view_.neighbor_weights(u);
      for (std::size_t i = 0; i < nb.size(); ++i) {
        if (options_.directed && !view_.walkable_into(u, i)) continue;
        in_node.push_back(nb[i]);
        if (options_.weighted) in_factor.push_back(static_cast<double>(w[i]));
      }
      in_start.push_back(static_cast<std::uint32_t>(in_node.size()));
    }
  }
  const GatherLists lists{plain ? view_.adjacency_offsets().data() : in_start.data(),
                          plain ? view_.adjacency().data() : in_node.data(),
                          in_factor.empty() ? nullptr : in_factor.data(), inverse_out};

  const double stop = nd * options_.tolerance;
  std::vector<double> rank(n, 1.0 / nd);
  std::vector<float> single(n), next_single(n);
  std::vector<double> full, next_full;  // the shares once single precision has served
  lists.shares(rank, single);
  double dangling = 0;
  for (NodeIndex u : dangling_nodes) dangling += rank[u];
  for (int iteration = 1; iteration <= options_.max_iterations; ++iteration) {
    const double base = (1.0 - d) / nd + d * dangling / nd;
    const bool in_single = full.empty();
    double change = 0;
    if (in_single) {
      change = lists.sweep(base, d, rank, single, next_single);
      single.swap(next_single);
    } else {
      change = lists.sweep(base, d, rank, full, next_full);
      full.swap(next_full);
    }
    dangling = 0;
    for (NodeIndex u : dangling_nodes) dangling += rank[u];
    result.iterations = iteration;
    if (change < stop && (!in_single || stop >= kSinglePrecisionFloor)) {
      result.converged = true;
      break;
    }
    if (in_single && change < kSinglePrecisionFloor) {
      full.resize(n);
      next_full.resize(n);
      lists.shares(rank, full);
      std::vector<float>().swap(single);
      std::vector<float>().swap(next_single);
    }
  }
  // Renormalise away the rounding drift of many iterations.
  double total = 0;
  for (double r : rank) total += r;
  for (double& r : rank) r /= total;
  result.rank = std::move(rank);
  return result;
}

}  // namespace skein::graph
