#include "render/GraphvizEngine.h"

#include <dlfcn.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <graphviz/gvplugin.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <mutex>

#include "core/Error.h"

namespace skein::render {
namespace {

// Graphviz is loaded (dlopen) when the first engine is made, not when skein starts: libgvc,
// its plugins and what they need (pango, cairo, fontconfig, glib, X11: some 40 libraries)
// were most of every command's start-up, and only rendering uses them. The paths are the
// build machine's (SKEIN_GRAPHVIZ_* in CMakeLists.txt); libgvc's functions are called
// through these pointers, and libcgraph's are found through libgvc, which needs it.
struct GraphvizLibrary {
  decltype(&gvContextPlugins) context_plugins = nullptr;
  decltype(&gvFreeContext) free_context = nullptr;
  decltype(&gvLayout) layout = nullptr;
  decltype(&gvFreeLayout) free_layout = nullptr;
  decltype(&gvRenderData) render_data = nullptr;
  decltype(&gvFreeRenderData) free_render_data = nullptr;
  decltype(&gvPluginList) plugin_list = nullptr;
  decltype(&agmemread) read_graph = nullptr;
  decltype(&agclose) close_graph = nullptr;
  decltype(&agseterrf) set_error_function = nullptr;
  // What gvContextPlugins() walks, up to the null entry: each plugin library's descriptor
  // under the libltdl "preloaded symbol" name, exactly as libltdl's table would hold it.
  std::array<lt_symlist_t, 5> plugins{};
};

void* open_library(const char* path) {
  void* handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) {
    const char* reason = dlerror();
    throw Error(std::string("graphviz: cannot load ") + path + ": " +
                (reason != nullptr ? reason : "unknown error") +
                " (rendering needs Debian's graphviz package)");
  }
  return handle;
}

template <typename Pointer>
void find_symbol(void* handle, const char* library, const char* name, Pointer& out) {
  void* address = dlsym(handle, name);
  if (address == nullptr) throw Error(std::string("graphviz: ") + library + " has no " + name);
  out = reinterpret_cast<Pointer>(address);
}

GraphvizLibrary load_graphviz() {
  // Never closed: Graphviz keeps process-wide state that must outlive every engine.
  void* gvc = open_library(SKEIN_GRAPHVIZ_LIBGVC);
  GraphvizLibrary lib;
  find_symbol(gvc, SKEIN_GRAPHVIZ_LIBGVC, "gvContextPlugins", lib.context_plugins);
  find_symbol(gvc, SKEIN_GRAPHVIZ_LIBGVC, "gvFreeContext", lib.free_context);
  find_symbol(gvc, SKEIN_GRAPHVIZ_LIBGVC, "gvLayout", lib.layout);
  find_symbol(gvc, SKEIN_GRAPHVIZ_LIBGVC, "gvFreeLayout", lib.free_layout);
  find_symbol(gvc, SKEIN_GRAPHVIZ_LIBGVC, "gvRenderData", lib.render_data);
  find_symbol(gvc, SKEIN_GRAPHVIZ_LIBGVC, "gvFreeRenderData", lib.free_render_data);
  find_symbol(gvc, SKEIN_GRAPHVIZ_LIBGVC, "gvPluginList", lib.plugin_list);
  find_symbol(gvc, SKEIN_GRAPHVIZ_LIBGVC, "agmemread", lib.read_graph);
  find_symbol(gvc, SKEIN_GRAPHVIZ_LIBGVC, "agclose", lib.close_graph);
  find_symbol(gvc, SKEIN_GRAPHVIZ_LIBGVC, "agseterrf", lib.set_error_function);
  const std::array<std::pair<const char*, const char*>, 4> plugins = {{
      {SKEIN_GRAPHVIZ_PLUGIN_DOT_LAYOUT, "gvplugin_dot_layout_LTX_library"},
      {SKEIN_GRAPHVIZ_PLUGIN_NEATO_LAYOUT, "gvplugin_neato_layout_LTX_library"},
      {SKEIN_GRAPHVIZ_PLUGIN_CORE, "gvplugin_core_LTX_library"},
      {SKEIN_GRAPHVIZ_PLUGIN_PANGO, "gvplugin_pango_LTX_library"},
  }};
  for (std::size_t i = 0; i < plugins.size(); ++i) {
    const auto& [path, name] = plugins[i];
    lib.plugins[i].name = name;
    find_symbol(open_library(path), path, name, lib.plugins[i].address);
  }
  lib.plugins.back() = {nullptr, nullptr};
  return lib;
}

// Loaded on first use (a failed load is retried by the next call). Callers hold
// graphviz_mutex().
const GraphvizLibrary& graphviz() {
  static const GraphvizLibrary library = load_graphviz();
  return library;
}

// One lock for all of cgraph/gvc: their error handler, string pool and attribute
// dictionaries are process globals shared by every context.
std::mutex& graphviz_mutex() {
  static std::mutex mutex;
  return mutex;
}

// Graphviz reports through agerr(); with a user handler installed it calls us instead of
// writing to stderr. Only touched while graphviz_mutex() is held.
std::string& captured_messages() {
  static std::string messages;
  return messages;
}

int capture_message(char* message) {
  if (message != nullptr) captured_messages() += message;
  return 0;
}

// Graphviz's prototypes predate const; none of these calls write through the pointer.
char* mutable_chars(const char* text) { return const_cast<char*>(text); }

// The captured messages as one line: the last non-empty line, trimmed ("Error: ..." prefixes
// from Graphviz kept, since they say which stage failed).
std::string last_message() {
  std::string all = captured_messages();
  std::string best;
  std::size_t start = 0;
  while (start <= all.size()) {
    std::size_t end = all.find('\n', start);
    if (end == std::string::npos) end = all.size();
    std::string line = all.substr(start, end - start);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
    if (!line.empty()) best = line;
    start = end + 1;
  }
  return best;
}

// The force-directed engines (sfdp's multilevel coarsening, overlap removal) draw from the C
// library's random generators and never reseed them, so a second layout in the same process
// would continue the sequence and place nodes differently. Putting both generators back to
// the state a fresh process starts in makes every layout equal to the first one, and equal to
// what the Graphviz CLI draws: rand() starts as after srand(1), and drand48() as after
// srand48(0x1234ABCD) (POSIX: initial X = 0x1234ABCD330E).
void reset_random_state() {
  std::srand(1);
  srand48(0x1234ABCDL);
}

struct ContextDeleter {
  void operator()(GVC_t* context) const noexcept { graphviz().free_context(context); }
};
struct GraphDeleter {
  void operator()(Agraph_t* graph) const noexcept { graphviz().close_graph(graph); }
};
struct RenderDataDeleter {
  void operator()(char* data) const noexcept { graphviz().free_render_data(data); }
};
using GraphHandle = std::unique_ptr<Agraph_t, GraphDeleter>;
using RenderData = std::unique_ptr<char, RenderDataDeleter>;

// Owns a successful layout; gvFreeLayout must only follow a gvLayout that returned 0.
class Layout {
 public:
  Layout(GVC_t* context, Agraph_t* graph) : context_(context), graph_(graph) {}
  ~Layout() { graphviz().free_layout(context_, graph_); }
  Layout(const Layout&) = delete;
  Layout& operator=(const Layout&) = delete;

 private:
  GVC_t* context_;
  Agraph_t* graph_;
};

}  // namespace

std::string_view to_string(LayoutEngine engine) {
  switch (engine) {
    case LayoutEngine::kDot:
      return "dot";
    case LayoutEngine::kNeato:
      return "neato";
    case LayoutEngine::kFdp:
      return "fdp";
    case LayoutEngine::kSfdp:
      return "sfdp";
    case LayoutEngine::kCirco:
      return "circo";
    case LayoutEngine::kTwopi:
      return "twopi";
  }
  return "dot";
}

std::string_view to_string(ImageFormat format) {
  switch (format) {
    case ImageFormat::kSvg:
      return "svg";
    case ImageFormat::kPng:
      return "png";
    case ImageFormat::kPdf:
      return "pdf";
  }
  return "svg";
}

namespace {

// The one Graphviz context of the process, made on first use and freed at exit. Only one:
// the pango text-layout plugin (Graphviz 2.42) remembers the last font name in a static
// pointer into the context's font dictionary, so freeing a context and laying out in another
// one afterwards made it compare against freed memory (AddressSanitizer, heap-use-after-free
// in textspan_size). Callers hold graphviz_mutex().
GVC_t* shared_context() {
  // demand_loading = 0: only the built-in table, never config6a or GVBINDIR.
  static const std::unique_ptr<GVC_t, ContextDeleter> context(
      graphviz().context_plugins(graphviz().plugins.data(), 0));
  return context.get();
}

}  // namespace

struct GraphvizEngine::Impl {
  GVC_t* context = nullptr;  // shared_context(); not owned
};

GraphvizEngine::GraphvizEngine() : impl_(std::make_unique<Impl>()) {
  std::lock_guard lock(graphviz_mutex());
  graphviz().set_error_function(capture_message);
  captured_messages().clear();
  impl_->context = shared_context();
  if (impl_->context == nullptr) throw Error("graphviz: cannot create a rendering context");
}

GraphvizEngine::~GraphvizEngine() = default;

std::string GraphvizEngine::render(std::string_view dot_text, LayoutEngine engine,
                                   ImageFormat format, std::string_view source) const {
  // agmemread wants a NUL-terminated buffer; a NUL inside would silently cut the graph short.
  if (dot_text.find('\0') != std::string_view::npos) {
    throw InputError(std::string(source), "DOT text contains a NUL byte");
  }
  const std::string text(dot_text);
  const std::string engine_name(to_string(engine));
  const std::string format_name(to_string(format));

  std::lock_guard lock(graphviz_mutex());
  graphviz().set_error_function(capture_message);
  captured_messages().clear();

  GraphHandle graph(graphviz().read_graph(text.c_str()));
  if (!graph) {
    std::string reason = last_message();
    throw InputError(std::string(source),
                     "graphviz cannot parse the DOT text" + (reason.empty() ? "" : ": " + reason));
  }
  reset_random_state();
  if (graphviz().layout(impl_->context, graph.get(), engine_name.c_str()) != 0) {
    std::string reason = last_message();
    throw Error("graphviz: " + engine_name + " layout failed" +
                (reason.empty() ? "" : ": " + reason));
  }
  Layout layout(impl_->context, graph.get());

  char* raw = nullptr;
  unsigned int length = 0;
  const int status =
      graphviz().render_data(impl_->context, graph.get(), format_name.c_str(), &raw, &length);
  RenderData data(raw);
  if (status != 0 || !data) {
    std::string reason = last_message();
    throw Error("graphviz: rendering " + format_name + " failed" +
                (reason.empty() ? "" : ": " + reason));
  }
  return std::string(data.get(), length);
}

std::vector<std::string> GraphvizEngine::plugins(const std::string& kind) const {
  std::lock_guard lock(graphviz_mutex());
  int count = 0;
  char** list =
      graphviz().plugin_list(impl_->context, mutable_chars(kind.c_str()), &count, nullptr);
  std::vector<std::string> names;
  if (list == nullptr) return names;
  for (int i = 0; i < count; ++i) {
    if (list[i] != nullptr) names.emplace_back(list[i]);
    std::free(list[i]);
  }
  std::free(list);
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace skein::render
