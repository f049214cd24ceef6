#include "graph/Generators.h"

#include <algorithm>
#include <random>

namespace skein::graph::generate {

namespace {

// Uniform double in [0, 1) from the top 53 bits: portable, unlike uniform_real_distribution.
double unit(std::mt19937_64& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }

// Uniform integer in [0, bound) by multiply-shift (negligible bias at our sizes).
std::uint64_t below(std::mt19937_64& rng, std::uint64_t bound) {
  __extension__ using Wide = unsigned __int128;
  return static_cast<std::uint64_t>((static_cast<Wide>(rng()) * bound) >> 64);
}

}  // namespace

EdgeList erdos_renyi(std::size_t n, double p, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  EdgeList edges;
  for (NodeIndex u = 0; u < n; ++u) {
    for (NodeIndex v = u + 1; v < n; ++v) {
      if (unit(rng) < p) edges.emplace_back(u, v);
    }
  }
  return edges;
}

EdgeList barabasi_albert(std::size_t n, std::size_t m, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  EdgeList edges;
  if (m == 0 || n == 0) return edges;
  const std::size_t core = std::min(n, m + 1);
  // `ends` lists every edge endpoint once, so a uniform pick from it is degree-proportional.
  std::vector<NodeIndex> ends;
  ends.reserve(2 * n * m);
  for (NodeIndex u = 0; u < core; ++u) {
    for (NodeIndex v = u + 1; v < core; ++v) {
      edges.emplace_back(u, v);
      ends.push_back(u);
      ends.push_back(v);
    }
  }
  std::vector<NodeIndex> chosen;
  for (std::size_t u = core; u < n; ++u) {
    chosen.clear();
    while (chosen.size() < m) {
      const NodeIndex v = ends[below(rng, ends.size())];
      if (std::find(chosen.begin(), chosen.end(), v) == chosen.end()) chosen.push_back(v);
    }
    for (NodeIndex v : chosen) {
      edges.emplace_back(v, static_cast<NodeIndex>(u));
      ends.push_back(v);
      ends.push_back(static_cast<NodeIndex>(u));
    }
  }
  return edges;
}

EdgeList planted_partition(std::size_t groups, std::size_t size, double p_in, double p_out,
                           std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  EdgeList edges;
  const std::size_t n = groups * size;
  for (NodeIndex u = 0; u < n; ++u) {
    for (NodeIndex v = u + 1; v < n; ++v) {
      const double p = (u / size == v / size) ? p_in : p_out;
      if (unit(rng) < p) edges.emplace_back(u, v);
    }
  }
  return edges;
}

EdgeList star(std::size_t n) {
  EdgeList edges;
  for (NodeIndex v = 1; v < n; ++v) edges.emplace_back(0, v);
  return edges;
}

}  // namespace skein::graph::generate
