#include "render/Renderer.h"

#include <algorithm>
#include <cctype>

#include "core/Error.h"

namespace skein::render {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

ImageFormat image_format(OutputFormat format) {
  switch (format) {
    case OutputFormat::kPng:
      return ImageFormat::kPng;
    case OutputFormat::kPdf:
      return ImageFormat::kPdf;
    default:
      return ImageFormat::kSvg;
  }
}

// Connected parts of the drawing, isolated nodes included (union-find over the edges).
std::size_t count_components(const Diagram& diagram) {
  std::vector<std::size_t> parent(diagram.nodes.size());
  for (std::size_t i = 0; i < parent.size(); ++i) parent[i] = i;
  auto root = [&parent](std::size_t x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  std::size_t components = parent.size();
  for (const auto& edge : diagram.edges) {
    const std::size_t a = root(edge.source);
    const std::size_t b = root(edge.target);
    if (a != b) {
      parent[a] = b;
      --components;
    }
  }
  return components;
}

}  // namespace

std::string_view to_string(OutputFormat format) {
  switch (format) {
    case OutputFormat::kSvg:
      return "svg";
    case OutputFormat::kPng:
      return "png";
    case OutputFormat::kPdf:
      return "pdf";
    case OutputFormat::kDot:
      return "dot";
  }
  return "svg";
}

std::optional<OutputFormat> output_format_from_name(std::string_view name) {
  const std::string key = lower(name);
  if (key == "svg") return OutputFormat::kSvg;
  if (key == "png") return OutputFormat::kPng;
  if (key == "pdf") return OutputFormat::kPdf;
  if (key == "dot" || key == "gv") return OutputFormat::kDot;
  return std::nullopt;
}

std::optional<OutputFormat> output_format_from_path(std::string_view path) {
  const auto slash = path.find_last_of('/');
  const std::string_view file = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const auto dot = file.find_last_of('.');
  if (dot == std::string_view::npos || dot == 0) return std::nullopt;
  return output_format_from_name(file.substr(dot + 1));
}

std::optional<LayoutEngine> layout_engine_from_name(std::string_view name) {
  const std::string key = lower(name);
  for (auto engine : {LayoutEngine::kDot, LayoutEngine::kNeato, LayoutEngine::kFdp,
                      LayoutEngine::kSfdp, LayoutEngine::kCirco, LayoutEngine::kTwopi}) {
    if (key == to_string(engine)) return engine;
  }
  return std::nullopt;
}

bool is_binary(OutputFormat format) {
  return format == OutputFormat::kPng || format == OutputFormat::kPdf;
}

RenderPlan plan_render(const Diagram& diagram, const RenderOptions& options) {
  const std::size_t nodes = diagram.nodes.size();
  const std::size_t edges = diagram.edges.size();
  if (options.max_nodes > 0 && nodes > options.max_nodes) {
    throw UsageError("the graph has " + std::to_string(nodes) +
                     " nodes, more than a picture can show (" + std::to_string(options.max_nodes) +
                     "); narrow it with --top N, --focus ENTITY --depth N, --community ID or "
                     "--min-weight");
  }
  RenderPlan plan;
  if (options.layout) {
    plan.engine = *options.layout;
    if (plan.engine == LayoutEngine::kDot && nodes > options.dot_slow_nodes) {
      plan.notes.push_back("warning: dot on " + std::to_string(nodes) +
                           " nodes may take minutes; --layout sfdp (or auto) draws it in seconds");
    }
  } else if (nodes <= options.dot_max_nodes) {
    const std::size_t parts = count_components(diagram);
    if (parts <= options.dot_max_components) {
      plan.engine = LayoutEngine::kDot;
    } else {
      plan.engine = LayoutEngine::kNeato;
      plan.notes.push_back("layout: neato (" + std::to_string(parts) +
                           " separate groups, packed side by side; dot would stack them)");
    }
  } else {
    plan.engine = LayoutEngine::kSfdp;
    plan.notes.push_back("layout: sfdp (" + std::to_string(nodes) + " nodes is more than dot's " +
                         std::to_string(options.dot_max_nodes) + ")");
  }

  plan.style.engine = plan.engine;
  plan.style.color_by = options.color_by;
  plan.style.legend = options.legend;
  plan.style.tooltips = options.tooltips;
  if (plan.engine == LayoutEngine::kSfdp && nodes > options.full_overlap_max_nodes) {
    plan.style.overlap_attempts = 10;
    plan.notes.push_back("overlap removal limited to 10 passes (" + std::to_string(nodes) +
                         " nodes; full removal past " +
                         std::to_string(options.full_overlap_max_nodes) + " takes minutes)");
  }
  plan.style.edge_labels = edges <= options.edge_label_max_edges;
  if (!plan.style.edge_labels) {
    plan.notes.push_back("edge labels dropped (" + std::to_string(edges) + " edges, more than " +
                         std::to_string(options.edge_label_max_edges) +
                         "); relation types are in the legend colours and the tooltips");
  }
  if (options.node_label_max > 0 && nodes > options.node_label_max) {
    plan.style.max_node_labels = options.node_label_max;
    plan.notes.push_back("names shown on the " + std::to_string(options.node_label_max) +
                         " highest-ranked of " + std::to_string(nodes) +
                         " nodes; the others are dots (names in their tooltips)");
  }
  if (options.color_by == ColorBy::kCommunity) {
    const bool any =
        std::any_of(diagram.nodes.begin(), diagram.nodes.end(),
                    [](const DiagramNode& node) { return node.community.has_value(); });
    if (!any) {
      plan.notes.push_back(
          "no community scores in the store (run 'skein analyze'); "
          "nodes drawn white");
    }
  }
  return plan;
}

RenderResult render(const Diagram& diagram, const RenderOptions& options,
                    const GraphvizEngine& engine) {
  RenderPlan plan = plan_render(diagram, options);
  RenderResult result;
  result.engine = plan.engine;
  result.notes = std::move(plan.notes);
  std::string dot = write_dot(diagram, plan.style);
  if (options.format == OutputFormat::kDot) {
    result.bytes = std::move(dot);
  } else {
    result.bytes = engine.render(dot, plan.engine, image_format(options.format));
  }
  return result;
}

RenderResult render(const Diagram& diagram, const RenderOptions& options) {
  if (options.format == OutputFormat::kDot) {
    RenderPlan plan = plan_render(diagram, options);
    return RenderResult{write_dot(diagram, plan.style), plan.engine, std::move(plan.notes)};
  }
  GraphvizEngine engine;
  return render(diagram, options, engine);
}

}  // namespace skein::render
