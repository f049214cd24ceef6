#pragma once
// Deterministic synthetic graphs for tests and benchmarks. Each returns an edge list over
// nodes 0..n-1 with no self-loops and no duplicate pairs (u < v in every pair), the same for
// the same arguments on every platform (std::mt19937_64 and our own integer mapping; no
// std::*_distribution, whose output is implementation-defined).
// Thread-safety: pure functions.

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "graph/GraphView.h"

namespace skein::graph::generate {

using EdgeList = std::vector<std::pair<NodeIndex, NodeIndex>>;

// G(n, p): every pair independently with probability p.
EdgeList erdos_renyi(std::size_t n, double p, std::uint64_t seed);

// Preferential attachment: a clique seed of m+1 nodes (m >= 1), then each new node links to
// m distinct existing nodes chosen proportionally to degree. About n*m edges, scale-free.
EdgeList barabasi_albert(std::size_t n, std::size_t m, std::uint64_t seed);

// `groups` blocks of `size` nodes; pairs inside a block link with p_in, across with p_out.
// Node i belongs to block i / size.
EdgeList planted_partition(std::size_t groups, std::size_t size, double p_in, double p_out,
                           std::uint64_t seed);

// Node 0 joined to nodes 1..n-1.
EdgeList star(std::size_t n);

}  // namespace skein::graph::generate
