#pragma once
// Lays out and renders DOT text in-process through libgvc (Graphviz 2.42/2.43), with the
// layout, core and pango plugins built into the context (no plugin config file is read).
//
// Contract
//  - The context is created with gvContextPlugins() and a built-in plugin table, never with
//    gvContext(): Debian's gvContext() needs a plugin list (config6a) that no package owns,
//    and without it every engine is "not recognized". So rendering works with
//    GVBINDIR=/nonexistent or on a machine where `dot -c` was never run.
//  - libgvc and the four plugins are loaded (dlopen, from the paths of the build machine's
//    Debian packages) when the first engine is made, so commands that draw nothing never load
//    Graphviz and its ~40 libraries; a missing library is an Error naming it.
//  - Every engine uses one context shared by the process (made by the first engine, freed at
//    exit): Graphviz 2.42's pango plugin keeps pointers into a context's font table across
//    layouts, so a second context after a freed one would read freed memory.
//  - render() parses the DOT text (agmemread), lays it out with the engine, renders it to
//    memory and frees everything it made, also when it fails. A DOT syntax error, an engine
//    or format the built-in plugins do not provide, or a failed layout/render is an Error
//    whose one-line message carries Graphviz's own reason.
//  - Output bytes are exactly what the Graphviz CLI would write for the same DOT, engine and
//    format (same library, same plugins); SVG is byte-for-byte reproducible.
//
// Thread-safety: cgraph and gvc keep global state (the error handler, the attribute
// dictionaries, the string pool), so every call into them, from any GraphvizEngine, takes
// one process-wide mutex. Engines may be created and used from several threads; renders then
// run one after another, never in parallel.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace skein::render {

// A Graphviz layout program. sfdp, twopi, circo and fdp come from the neato plugin.
enum class LayoutEngine { kDot, kNeato, kFdp, kSfdp, kCirco, kTwopi };

// What Graphviz draws: SVG (text, one <g> per node and edge), PNG and PDF (through cairo).
enum class ImageFormat { kSvg, kPng, kPdf };

std::string_view to_string(LayoutEngine engine);
std::string_view to_string(ImageFormat format);

class GraphvizEngine {
 public:
  // Attaches to the process's Graphviz context, creating it on first use. Throws Error when
  // libgvc cannot make one.
  GraphvizEngine();
  ~GraphvizEngine();
  GraphvizEngine(const GraphvizEngine&) = delete;
  GraphvizEngine& operator=(const GraphvizEngine&) = delete;

  // Parses `dot_text`, lays it out with `engine` and returns the rendered bytes.
  // `source` names the input in error messages ("<diagram>", a file path).
  std::string render(std::string_view dot_text, LayoutEngine engine, ImageFormat format,
                     std::string_view source = "<diagram>") const;

  // The plugins of a kind ("layout", "render", "device", "textlayout") this context knows,
  // as Graphviz names them ("svg:core", "png:cairo"); sorted.
  std::vector<std::string> plugins(const std::string& kind) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace skein::render
