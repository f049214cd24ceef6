// Lines and paragraphs are rebuilt from word boxes rather than taken from poppler's plain
// text() output, which breaks a paragraph into its printed lines and marks no paragraph ends:
// a sentence split over two printed lines must stay one sentence for extraction.
#include "ingest/PdfReader.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <cmath>
#include <memory>
#include <mutex>
#include <vector>

#include "core/Utf8.h"

namespace skein::ingest {
namespace {

void silent(const std::string&, void*) {}

std::string utf8_of(const poppler::ustring& text) {
  const poppler::byte_array bytes = text.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

std::string trimmed(std::string text) {
  const auto space = [](unsigned char c) { return std::isspace(c) != 0; };
  while (!text.empty() && space(static_cast<unsigned char>(text.back()))) text.pop_back();
  std::size_t start = 0;
  while (start < text.size() && space(static_cast<unsigned char>(text[start]))) ++start;
  return text.substr(start);
}

// A Title that only names the file the PDF was made from says nothing about its content.
bool is_file_name_title(std::string_view title) {
  for (std::string_view ext : {".doc", ".docx", ".odt", ".txt", ".pdf", ".ps", ".rtf", ".tex"}) {
    if (title.size() > ext.size() && title.substr(title.size() - ext.size()) == ext) return true;
  }
  return title.starts_with("Microsoft Word - ") || title == "untitled" || title == "Untitled";
}

struct Line {
  std::string text;
  double top = 0, bottom = 0, left = 0;
};

// The page's words grouped into printed lines, in poppler's reading order.
std::vector<Line> lines_of(const poppler::page& page) {
  std::vector<Line> lines;
  bool space_after_last = false;
  for (const poppler::text_box& word : page.text_list()) {
    const poppler::rectf box = word.bbox();
    const std::string text = utf8_of(word.text());
    if (text.empty()) continue;
    const double height = std::max(1.0, box.bottom() - box.top());
    const bool same_line = !lines.empty() && std::abs(box.top() - lines.back().top) < height / 2 &&
                           box.left() >= lines.back().left;
    if (same_line) {
      if (space_after_last) lines.back().text += ' ';
      lines.back().text += text;
      lines.back().bottom = std::max(lines.back().bottom, box.bottom());
    } else {
      lines.push_back({text, box.top(), box.bottom(), box.left()});
    }
    space_after_last = word.has_space_after();
  }
  return lines;
}

// Appends a page's paragraphs to `out`, each after a blank line.
void append_paragraphs(const std::vector<Line>& lines, std::string& out) {
  std::string paragraph;
  const auto flush = [&] {
    paragraph = trimmed(std::move(paragraph));
    if (paragraph.empty()) return;
    if (!out.empty()) out += "\n\n";
    out += paragraph;
    paragraph.clear();
  };
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (i > 0) {
      const Line& previous = lines[i - 1];
      const double height = std::max(1.0, previous.bottom - previous.top);
      const double gap = line.top - previous.bottom;
      // Upwards is a new column; a gap of most of a line height is a paragraph's space.
      if (gap < -height || gap > 0.6 * height) {
        flush();
      } else if (!paragraph.empty() && paragraph.back() != '-') {
        paragraph += ' ';
      }
    }
    paragraph += line.text;
  }
  flush();
}

}  // namespace

bool looks_like_pdf(std::string_view bytes) { return bytes.starts_with("%PDF-"); }

PdfText read_pdf(std::string_view bytes) {
  static std::once_flag silenced;
  std::call_once(silenced, [] { poppler::set_debug_error_function(silent, nullptr); });
  PdfText result;
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
    result.problem = "PDF larger than 2 GiB";
    return result;
  }
  const std::unique_ptr<poppler::document> document(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!document) {
    result.problem =
        "a damaged PDF (poppler cannot open it); repair it first, e.g. qpdf FILE repaired.pdf";
    return result;
  }
  if (document->is_locked()) {
    result.problem =
        "an encrypted PDF that needs a password; decrypt it first, e.g. qpdf --decrypt "
        "--password=... FILE out.pdf";
    return result;
  }
  result.title = trimmed(utf8_of(document->info_key("Title")));
  if (is_file_name_title(result.title)) result.title.clear();
  result.author = trimmed(utf8_of(document->info_key("Author")));
  for (int index = 0; index < document->pages(); ++index) {
    const std::unique_ptr<poppler::page> page(document->create_page(index));
    if (page) append_paragraphs(lines_of(*page), result.text);
  }
  if (result.text.empty()) {
    result.problem =
        "a PDF with no text layer (a scan?); run OCR first, e.g. ocrmypdf FILE out.pdf";
  } else if (!utf8::is_valid(result.text)) {
    result.text =
        utf8::repair(result.text);  // poppler's output is UTF-8; a bad font map is not our text
  }
  return result;
}

}  // namespace skein::ingest
