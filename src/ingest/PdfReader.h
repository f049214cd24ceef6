#pragma once
// Reads the text layer of a PDF through poppler's C++ API. Internal to the ingest module.
//
// Text is rebuilt from poppler's words in reading order: words on one line are joined by a
// space where poppler sees one, the lines of a paragraph by a space (by nothing after a line
// ending in '-', so "China-" + "South" stays "China-South"), and a paragraph ends where the gap
// to the next line is larger than most of a line's height, or where a column or page ends: a
// page break is always a paragraph break. Paragraphs are separated by a blank line.
// Title: the document information's Title when it is set (and not a file name), else empty
// (the caller then takes the first line). Author: the information's Author.
// Problems (not a PDF, damaged, encrypted, no text layer) come back as a one-line reason
// with what to do about it; nothing throws on bad input.
//
// Thread-safety: reentrant; poppler's error output is silenced once for the process.

#include <string>
#include <string_view>

namespace skein::ingest {

struct PdfText {
  std::string title;
  std::string author;
  std::string text;     // paragraphs separated by "\n\n"
  std::string problem;  // non-empty: why there is no text, with a hint
};

bool looks_like_pdf(std::string_view bytes);  // the "%PDF-" signature

PdfText read_pdf(std::string_view bytes);

}  // namespace skein::ingest
