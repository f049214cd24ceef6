#pragma once
// ViewerPage: Skein's browser view as a page template with its assets inlined, shared by
// `skein export html` (graph data embedded) and `skein serve` (data fetched from the API).
//
// The page is web/viewer/viewer.html with web/viewer/viewer.css, the libraries (graphology's
// UMD build, sigma.js's UMD build) and web/viewer/viewer.js pasted in, so it needs no network
// and no server. The libraries come from the npm registry through web/install.sh; they are
// looked for in <web dir>/lib/ (installed) and then <web dir>/node_modules/<pkg>/dist/
// (source tree).
//
// Errors: skein::Error with a one-line reason naming the missing file and what to run.
// Thread-safety: free functions over immutable inputs; safe from any thread.

#include <string>
#include <string_view>

namespace skein::exporters {

// Where the viewer lives: $SKEIN_WEB_DIR, else <exe>/../share/skein/web when it exists,
// else the source tree's web/.
std::string default_web_dir();

// The page split around the data block: before_data + <graph JSON> + after_data.
struct ViewerPage {
  std::string before_data;
  std::string after_data;
};

// Reads the template and assets from `web_dir` ("" = default_web_dir()) and inlines them;
// `title` is HTML-escaped into <title>.
ViewerPage load_viewer_page(const std::string& web_dir, std::string_view title);

}  // namespace skein::exporters
