#pragma once
// Reads an HTML page as an article: its headline, date and author from the page's metadata and
// its main text as plain text. Internal to the ingest module (DocumentSource calls it).
//
// Parsing is libxml2's HTML parser in recovering mode, so any markup gives some result and
// nothing throws on bad input. The bytes are read as UTF-8 when they are valid UTF-8, else
// in the charset the page declares (libxml2 converts; its output is always UTF-8).
//
// Metadata, first found wins:
//  - title:     og:title, twitter:title, JSON-LD "headline", the first <h1>, <title>.
//  - published: article:published_time, og:published_time, itemprop datePublished, date /
//               pubdate / dc.date meta, JSON-LD "datePublished", the first <time datetime>;
//               normalised by normalize_published_date (an unreadable date stays empty).
//  - author:    author / article:author / dc.creator meta (a URL is not a name), JSON-LD
//               "author" (a string or {"name"}), an element with rel=author or itemprop=author.
// Main text: scripts, styles, forms, navigation, headers and footers outside the article,
// asides, and elements whose class, id or role names boilerplate (menu, share, related,
// comments, cookie banner, ...) are dropped; then the content block is the page's single
// <article> (or itemprop=articleBody, or <main>), else the element under which the most
// paragraph text sits (readability's choice, paragraphs scored by length and commas, links
// discounting). Inside it, link lists (a block that is mostly link text) are dropped too.
// Block elements become paragraphs separated by a blank line, <br> a line break, and runs of
// spaces one space. When the text does not start with the title, the title is put first as
// its own paragraph (the plain-text convention: first line = headline).
//
// Thread-safety: reentrant (libxml2's parser is, once initialised; read_html initialises it).

#include <string>
#include <string_view>

namespace skein::ingest {

struct HtmlArticle {
  std::string title;      // headline, single line, trimmed
  std::string published;  // YYYY-MM-DD or empty
  std::string author;     // byline or empty
  std::string text;       // plain text: paragraphs separated by "\n\n"; empty if none found
};

// True when `bytes` look like an HTML page whatever the file is called: after a BOM and
// blank space they open with "<!DOCTYPE html", "<html" or an HTML comment followed by one.
bool looks_like_html(std::string_view bytes);

HtmlArticle read_html(std::string_view bytes);

}  // namespace skein::ingest
