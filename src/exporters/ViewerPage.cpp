#include "exporters/ViewerPage.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/Error.h"

#ifndef SKEIN_SOURCE_DIR
#define SKEIN_SOURCE_DIR "."
#endif

namespace skein::exporters {
namespace {

namespace fs = std::filesystem;

constexpr const char* kInstallHint = "run 'bash web/install.sh' (npm) and try again";

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw Error("the browser view needs " + path.string() + ", which is missing: " + kInstallHint);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A library file: installed copy first, then the npm tree.
std::string read_library(const fs::path& dir, const std::string& file, const std::string& package) {
  const fs::path installed = dir / "lib" / file;
  if (fs::exists(installed)) return read_file(installed);
  return read_file(dir / "node_modules" / package / "dist" / file);
}

// Inline scripts end at the first "</script"; a library must never contain it.
std::string script_safe(std::string text) {
  for (std::size_t at = 0; (at = text.find("</script", at)) != std::string::npos; at += 2)
    text.replace(at, 2, "<\\/");
  return text;
}

std::string html_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

void replace_marker(std::string& page, std::string_view marker, const std::string& with,
                    const std::string& where) {
  const auto at = page.find(marker);
  if (at == std::string::npos) throw Error(where + " lacks the marker " + std::string(marker));
  page.replace(at, marker.size(), with);
}

}  // namespace

std::string default_web_dir() {
  if (const char* value = std::getenv("SKEIN_WEB_DIR"); value != nullptr && *value != '\0')
    return value;
  std::error_code ec;
  const auto exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const auto installed = exe.parent_path() / ".." / "share" / "skein" / "web";
    if (fs::is_directory(installed, ec)) return installed.lexically_normal().string();
  }
  return std::string(SKEIN_SOURCE_DIR) + "/web";
}

ViewerPage load_viewer_page(const std::string& web_dir, std::string_view title) {
  const fs::path dir = web_dir.empty() ? default_web_dir() : web_dir;
  const fs::path template_path = dir / "viewer" / "viewer.html";
  std::string page = read_file(template_path);
  const std::string libraries =
      script_safe(read_library(dir, "graphology.umd.min.js", "graphology")) + "\n" +
      script_safe(read_library(dir, "sigma.min.js", "sigma"));
  const std::string where = template_path.string();
  // Our own files first, then the libraries, so a marker-like string in a library is inert.
  replace_marker(page, "@@TITLE@@", html_escape(title), where);
  replace_marker(page, "/*@@CSS@@*/", read_file(dir / "viewer" / "viewer.css"), where);
  replace_marker(page, "/*@@JS@@*/", script_safe(read_file(dir / "viewer" / "viewer.js")), where);
  const auto data = page.find("@@DATA@@");
  if (data == std::string::npos) throw Error(where + " lacks the marker @@DATA@@");
  ViewerPage out{page.substr(0, data), page.substr(data + 8)};
  replace_marker(out.before_data, "/*@@LIBS@@*/", libraries, where);
  return out;
}

}  // namespace skein::exporters
