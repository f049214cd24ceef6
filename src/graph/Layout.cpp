// Layout: per component, Boost's Kamada-Kawai (small) or a Barnes-Hut Fruchterman-Reingold
// (large), then shelf packing of the components. Boost's own fruchterman_reingold layout
// took 8-12 s for a 2,000-node export: its grid force pairs degrade to all pairs when hubs
// pull everything into a few cells, and its square_topology arithmetic is slow; the quadtree
// here bounds the repulsion work at O(n log n) per iteration whatever the density.

#include "graph/Layout.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>
#include <random>

// Kamada-Kawai runs Johnson's all-pairs shortest paths over an adjacency_list copy inside
// Boost, whose edge iterators trip GCC 12's -Wmaybe-uninitialized (a false positive on
// boost::optional): silenced for these headers only.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/circle_layout.hpp>
#include <boost/graph/kamada_kawai_spring_layout.hpp>
#include <boost/graph/topology.hpp>
#include <boost/property_map/property_map.hpp>
#include <boost/random/linear_congruential.hpp>
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

#include "graph/Components.h"

namespace skein::graph {

namespace {

struct Point {
  double x = 0;
  double y = 0;
};

// One component in local numbering: nodes[i] is the view's NodeIndex of local node i, and
// the local CSR lists both directions of every pair.
struct Piece {
  std::vector<NodeIndex> nodes;
  std::vector<std::uint32_t> offsets;
  std::vector<std::uint32_t> targets;
};

// Kamada-Kawai's stop rule with a cap: Boost's layout_tolerance can creep for a long time on
// awkward graphs, so at most `max_steps` node moves per node are allowed.
struct CappedTolerance {
  boost::layout_tolerance<double> tolerance{1e-4};
  std::size_t steps = 0;
  std::size_t max_steps = 0;
  template <class Graph>
  bool operator()(double delta, typename boost::graph_traits<Graph>::vertex_descriptor p,
                  const Graph& g, bool global) {
    if (++steps >= max_steps) return true;
    return tolerance(delta, p, g, global);
  }
};

std::vector<Point> kamada_kawai(const Piece& piece, double spacing) {
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
  using Topology = boost::square_topology<boost::minstd_rand>;
  const std::size_t n = piece.nodes.size();
  Graph g(n);
  for (std::uint32_t u = 0; u < n; ++u) {
    for (std::uint32_t a = piece.offsets[u]; a < piece.offsets[u + 1]; ++a) {
      if (u < piece.targets[a]) boost::add_edge(u, piece.targets[a], g);
    }
  }
  boost::minstd_rand generator(1u);  // the topology wants one; nothing here draws from it
  Topology topology(generator, spacing * static_cast<double>(n));
  std::vector<Topology::point_type> position(n);
  auto map =
      boost::make_iterator_property_map(position.begin(), boost::get(boost::vertex_index, g));
  boost::circle_graph_layout(g, map, spacing * static_cast<double>(n) / (2 * std::numbers::pi));
  CappedTolerance done;
  done.max_steps = 200 * n;
  boost::kamada_kawai_spring_layout(g, map,
                                    boost::make_static_property_map<Graph::edge_descriptor>(1.0),
                                    topology, boost::edge_length(spacing), done);
  std::vector<Point> out(n);
  for (std::size_t i = 0; i < n; ++i) out[i] = {position[i][0], position[i][1]};
  return out;
}

// A quadtree over the current positions, rebuilt every iteration.
class QuadTree {
 public:
  void build(const std::vector<Point>& p) {
    cells_.clear();
    double x0 = p[0].x, y0 = p[0].y, x1 = x0, y1 = y0;
    for (const Point& q : p) {
      x0 = std::min(x0, q.x);
      y0 = std::min(y0, q.y);
      x1 = std::max(x1, q.x);
      y1 = std::max(y1, q.y);
    }
    const double size = std::max({x1 - x0, y1 - y0, 1e-6}) * 1.0001;
    cells_.push_back(Cell{x0, y0, size});
    for (std::uint32_t i = 0; i < p.size(); ++i) insert(p, i);
    for (Cell& c : cells_) {
      c.cx /= c.mass;
      c.cy /= c.mass;
    }
  }

  // FR repulsion on body i: the sum over other bodies of k^2 / d, pushing away; cells whose
  // size / distance is below theta act as one body at their centre of mass.
  Point repulsion(const std::vector<Point>& p, std::uint32_t i, double k2, double theta2) const {
    Point force;
    std::uint32_t stack[256];
    std::size_t top = 0;
    stack[top++] = 0;
    const Point me = p[i];
    while (top > 0) {
      const Cell& c = cells_[stack[--top]];
      const double dx = me.x - c.cx, dy = me.y - c.cy;
      const double d2 = dx * dx + dy * dy;
      const bool leaf =
          c.child[0] == kNone && c.child[1] == kNone && c.child[2] == kNone && c.child[3] == kNone;
      if (leaf || c.size * c.size < theta2 * d2) {
        if (leaf && c.body == i && c.mass == 1) continue;
        if (d2 < 1e-12) continue;  // coincident with us: no defined direction
        const double mass = (leaf && c.body == i) ? c.mass - 1 : c.mass;
        const double f = k2 * mass / d2;
        force.x += dx * f;
        force.y += dy * f;
        continue;
      }
      for (std::uint32_t child : c.child) {
        if (child != kNone && top < 256) stack[top++] = child;
      }
    }
    return force;
  }

 private:
  static constexpr std::uint32_t kNone = static_cast<std::uint32_t>(-1);
  static constexpr int kMaxDepth = 48;
  struct Cell {
    double x0, y0, size;
    double cx = 0, cy = 0, mass = 0;  // sums while building, then the centre of mass
    std::uint32_t child[4] = {kNone, kNone, kNone, kNone};
    std::uint32_t body = kNone;  // the one body of a leaf (or the first, at the depth limit)
  };

  void insert(const std::vector<Point>& p, std::uint32_t i) {
    std::uint32_t at = 0;
    for (int depth = 0;; ++depth) {
      Cell& c = cells_[at];
      const bool leaf =
          c.child[0] == kNone && c.child[1] == kNone && c.child[2] == kNone && c.child[3] == kNone;
      if (leaf && (c.mass == 0 || depth >= kMaxDepth)) {
        if (c.mass == 0) c.body = i;
        c.cx += p[i].x;
        c.cy += p[i].y;
        c.mass += 1;
        return;
      }
      if (leaf) {  // split: push the resident body one level down first
        const std::uint32_t resident = c.body;
        c.body = kNone;
        const std::uint32_t q = quadrant(c, p[resident]);
        const std::uint32_t made = make_child(at, q);
        Cell& child = cells_[made];
        child.body = resident;
        child.cx = p[resident].x;
        child.cy = p[resident].y;
        child.mass = 1;
      }
      Cell& here = cells_[at];
      here.cx += p[i].x;
      here.cy += p[i].y;
      here.mass += 1;
      const std::uint32_t q = quadrant(here, p[i]);
      at = here.child[q] != kNone ? here.child[q] : make_child(at, q);
    }
  }
  static std::uint32_t quadrant(const Cell& c, const Point& q) {
    const double half = c.size / 2;
    return (q.x >= c.x0 + half ? 1u : 0u) + (q.y >= c.y0 + half ? 2u : 0u);
  }
  std::uint32_t make_child(std::uint32_t parent, std::uint32_t q) {
    const Cell& c = cells_[parent];
    const double half = c.size / 2;
    Cell child{c.x0 + ((q & 1) ? half : 0), c.y0 + ((q & 2) ? half : 0), half};
    cells_.push_back(child);
    const auto index = static_cast<std::uint32_t>(cells_.size() - 1);
    cells_[parent].child[q] = index;
    return index;
  }

  std::vector<Cell> cells_;
};

std::vector<Point> barnes_hut(const Piece& piece, const LayoutOptions& options) {
  const std::size_t n = piece.nodes.size();
  const double k = options.spacing;
  const double extent = k * std::sqrt(static_cast<double>(n));
  // Seeded start: the generator's raw output mapped to [0, 1) by hand, so the positions are
  // the same with every standard library.
  std::mt19937_64 rng(options.seed ^ (0x9e3779b97f4a7c15ull * (piece.nodes.front() + 1)));
  auto unit = [&] { return static_cast<double>(rng() >> 11) * 0x1.0p-53; };
  std::vector<Point> p(n), disp(n);
  for (Point& q : p) q = {(unit() - 0.5) * extent, (unit() - 0.5) * extent};
  QuadTree tree;
  const int iterations = std::max(1, options.iterations);
  const double start_temperature = extent / 10;
  const double theta2 = options.theta * options.theta;
  for (int it = 0; it < iterations; ++it) {
    tree.build(p);
    for (std::uint32_t i = 0; i < n; ++i) disp[i] = tree.repulsion(p, i, k * k, theta2);
    for (std::uint32_t u = 0; u < n; ++u) {
      for (std::uint32_t a = piece.offsets[u]; a < piece.offsets[u + 1]; ++a) {
        const Point& q = p[piece.targets[a]];
        const double dx = p[u].x - q.x, dy = p[u].y - q.y;
        const double d = std::sqrt(dx * dx + dy * dy);
        disp[u].x -= dx * d / k;  // attraction d^2 / k along the edge
        disp[u].y -= dy * d / k;
      }
    }
    const double temperature =
        start_temperature * (1.0 - static_cast<double>(it) / iterations) + k * 0.01;
    for (std::uint32_t i = 0; i < n; ++i) {
      const double length = std::sqrt(disp[i].x * disp[i].x + disp[i].y * disp[i].y);
      if (length <= 0) continue;
      const double step = std::min(length, temperature) / length;
      p[i].x += disp[i].x * step;
      p[i].y += disp[i].y * step;
    }
  }
  return p;
}

}  // namespace

LayoutResult Layout::run() const {
  const std::size_t n = view_.node_count();
  LayoutResult result;
  result.x.assign(n, 0);
  result.y.assign(n, 0);
  if (n == 0) return result;
  const double spacing = options_.spacing > 0 ? options_.spacing : 100.0;

  // Components, each with a local CSR.
  const ComponentsResult components = ConnectedComponents(view_).run();
  std::vector<Piece> pieces(components.count());
  std::vector<std::uint32_t> local(n);
  for (NodeIndex u = 0; u < n; ++u) {
    Piece& piece = pieces[components.component[u]];
    local[u] = static_cast<std::uint32_t>(piece.nodes.size());
    piece.nodes.push_back(u);
  }
  for (Piece& piece : pieces) {
    piece.offsets.reserve(piece.nodes.size() + 1);
    piece.offsets.push_back(0);
    for (NodeIndex u : piece.nodes) {
      for (NodeIndex v : view_.neighbors(u)) piece.targets.push_back(local[v]);
      piece.offsets.push_back(static_cast<std::uint32_t>(piece.targets.size()));
    }
  }

  // Lay out each piece, then move its bounding box to the origin.
  struct Placed {
    std::vector<Point> points;
    double width = 0;
    double height = 0;
  };
  std::vector<Placed> placed(pieces.size());
  for (std::size_t c = 0; c < pieces.size(); ++c) {
    const Piece& piece = pieces[c];
    std::vector<Point> points;
    if (piece.nodes.size() == 1) {
      points.assign(1, Point{});
    } else if (piece.nodes.size() <= options_.kamada_kawai_max_nodes) {
      points = kamada_kawai(piece, spacing);
    } else {
      LayoutOptions options = options_;
      options.spacing = spacing;
      points = barnes_hut(piece, options);
    }
    double x0 = points[0].x, y0 = points[0].y, x1 = x0, y1 = y0;
    for (const Point& q : points) {
      x0 = std::min(x0, q.x);
      y0 = std::min(y0, q.y);
      x1 = std::max(x1, q.x);
      y1 = std::max(y1, q.y);
    }
    for (Point& q : points) q = {q.x - x0, q.y - y0};
    placed[c] = {std::move(points), x1 - x0, y1 - y0};
  }

  // Shelf packing: largest pieces first (ties: lowest node), rows about as wide as the
  // square root of the total area, a gap of one spacing between pieces.
  std::vector<std::size_t> order(pieces.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return pieces[a].nodes.size() > pieces[b].nodes.size();
  });
  double area = 0, widest = 0;
  for (const Placed& p : placed) {
    area += (p.width + spacing) * (p.height + spacing);
    widest = std::max(widest, p.width + spacing);
  }
  const double row_width = std::max(widest, std::sqrt(area));
  double cursor_x = 0, cursor_y = 0, row_height = 0, total_width = 0;
  std::vector<Point> origin(pieces.size());
  for (std::size_t c : order) {
    const Placed& p = placed[c];
    if (cursor_x > 0 && cursor_x + p.width > row_width) {
      cursor_x = 0;
      cursor_y += row_height + spacing;
      row_height = 0;
    }
    origin[c] = {cursor_x, cursor_y};
    cursor_x += p.width + spacing;
    total_width = std::max(total_width, cursor_x - spacing);
    row_height = std::max(row_height, p.height);
  }
  const double total_height = cursor_y + row_height;
  // Centre the drawing on the origin and round to 1/100.
  for (std::size_t c = 0; c < pieces.size(); ++c) {
    for (std::size_t i = 0; i < pieces[c].nodes.size(); ++i) {
      const NodeIndex u = pieces[c].nodes[i];
      const Point& q = placed[c].points[i];
      result.x[u] = std::round((origin[c].x + q.x - total_width / 2) * 100.0) / 100.0;
      result.y[u] = std::round((origin[c].y + q.y - total_height / 2) * 100.0) / 100.0;
    }
  }
  return result;
}

}  // namespace skein::graph
