// The page is parsed once into a libxml2 tree; metadata is read from it, boilerplate elements
// are unlinked from it, and the text of the chosen content block is written out with block
// elements as paragraphs. Everything works on element names and attribute values, never on the
// markup as text.
#include "ingest/HtmlReader.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "core/Utf8.h"
#include "ingest/PublishedDate.h"

namespace skein::ingest {
namespace {

struct DocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
struct XmlCharFree {
  void operator()(xmlChar* text) const { xmlFree(text); }
};

std::string_view name_of(const xmlNode* node) {
  return node->name != nullptr ? reinterpret_cast<const char*>(node->name) : "";
}

std::string attribute(const xmlNode* node, const char* name) {
  std::unique_ptr<xmlChar, XmlCharFree> value(
      xmlGetProp(node, reinterpret_cast<const xmlChar*>(name)));
  return value ? std::string(reinterpret_cast<const char*>(value.get())) : std::string();
}

std::string lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Collapses every run of ASCII white space (and NBSP) to one space and trims the ends.
std::string collapse_spaces(std::string_view text) {
  std::string out;
  bool pending_space = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool nbsp = static_cast<unsigned char>(text[i]) == 0xC2 && i + 1 < text.size() &&
                      static_cast<unsigned char>(text[i + 1]) == 0xA0;
    if (is_space(text[i]) || nbsp) {
      pending_space = !out.empty();
      if (nbsp) ++i;
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(text[i]);
  }
  return out;
}

// All text below `node`, spaces collapsed.
std::string text_of(const xmlNode* node) {
  std::unique_ptr<xmlChar, XmlCharFree> content(xmlNodeGetContent(node));
  return content ? collapse_spaces(reinterpret_cast<const char*>(content.get())) : std::string();
}

template <typename Visit>
void for_each_element(xmlNode* node, const Visit& visit) {
  for (xmlNode* child = node; child != nullptr; child = child->next) {
    if (child->type != XML_ELEMENT_NODE) continue;
    if (!visit(child)) continue;  // false: do not descend
    for_each_element(child->children, visit);
  }
}

// ---- metadata ----

struct Metadata {
  std::string og_title, h1, title_element, json_ld_title;
  std::string published, json_ld_published, time_datetime;
  std::string author, json_ld_author, byline_element;
};

bool looks_like_url(std::string_view value) {
  return value.starts_with("http://") || value.starts_with("https://") || value.starts_with("/");
}

void read_json_ld_value(const rapidjson::Value& value, Metadata& meta) {
  if (value.IsArray()) {
    for (const auto& item : value.GetArray()) read_json_ld_value(item, meta);
    return;
  }
  if (!value.IsObject()) return;
  const auto string_member = [&](const char* name) -> std::string {
    const auto it = value.FindMember(name);
    return it != value.MemberEnd() && it->value.IsString() ? collapse_spaces(it->value.GetString())
                                                           : std::string();
  };
  if (meta.json_ld_title.empty()) meta.json_ld_title = string_member("headline");
  if (meta.json_ld_published.empty()) meta.json_ld_published = string_member("datePublished");
  if (const auto author = value.FindMember("author");
      author != value.MemberEnd() && meta.json_ld_author.empty()) {
    const rapidjson::Value* first = &author->value;
    if (first->IsArray() && !first->Empty()) first = &(*first)[0];
    if (first->IsString()) {
      meta.json_ld_author = collapse_spaces(first->GetString());
    } else if (first->IsObject()) {
      const auto name = first->FindMember("name");
      if (name != first->MemberEnd() && name->value.IsString())
        meta.json_ld_author = collapse_spaces(name->value.GetString());
    }
  }
  if (const auto graph = value.FindMember("@graph"); graph != value.MemberEnd())
    read_json_ld_value(graph->value, meta);
}

void read_json_ld(const xmlNode* script, Metadata& meta) {
  std::unique_ptr<xmlChar, XmlCharFree> content(xmlNodeGetContent(script));
  if (!content) return;
  rapidjson::Document json;
  json.Parse(reinterpret_cast<const char*>(content.get()));
  if (!json.HasParseError()) read_json_ld_value(json, meta);
}

void set_if_empty(std::string& slot, const std::string& value) {
  if (slot.empty() && !value.empty()) slot = value;
}

Metadata read_metadata(xmlNode* root) {
  Metadata meta;
  for_each_element(root, [&](xmlNode* node) {
    const std::string_view name = name_of(node);
    if (name == "meta") {
      const std::string key =
          lowercase(!attribute(node, "property").empty() ? attribute(node, "property")
                    : !attribute(node, "name").empty()   ? attribute(node, "name")
                                                         : attribute(node, "itemprop"));
      const std::string content = collapse_spaces(attribute(node, "content"));
      if (key == "og:title" || key == "twitter:title") set_if_empty(meta.og_title, content);
      if (key == "article:published_time" || key == "og:published_time" || key == "datepublished" ||
          key == "date" || key == "pubdate" || key == "publishdate" || key == "dc.date" ||
          key == "dc.date.issued" || key == "dcterms.date" || key == "sailthru.date") {
        set_if_empty(meta.published, content);
      }
      if ((key == "author" || key == "article:author" || key == "dc.creator" || key == "byl") &&
          !looks_like_url(content)) {
        set_if_empty(meta.author, content);
      }
      return false;
    }
    if (name == "script") {
      if (lowercase(attribute(node, "type")) == "application/ld+json") read_json_ld(node, meta);
      return false;
    }
    if (name == "title" && meta.title_element.empty()) {
      meta.title_element = text_of(node);
      return false;
    }
    if (name == "h1" && meta.h1.empty()) meta.h1 = text_of(node);
    if (name == "time" && meta.time_datetime.empty())
      meta.time_datetime = attribute(node, "datetime");
    if (meta.byline_element.empty() && (lowercase(attribute(node, "rel")) == "author" ||
                                        lowercase(attribute(node, "itemprop")) == "author")) {
      meta.byline_element = text_of(node);
    }
    return true;
  });
  return meta;
}

// ---- boilerplate ----

constexpr std::array<std::string_view, 17> kDroppedElements = {
    "script", "style",  "noscript", "template", "iframe", "svg",  "canvas", "form",  "button",
    "input",  "select", "textarea", "nav",      "aside",  "menu", "dialog", "object"};

constexpr std::array<std::string_view, 7> kDroppedRoles = {
    "navigation", "banner", "contentinfo", "complementary", "search", "menu", "dialog"};

// Words of a class or id that name page furniture. Matched against whole words of the
// attribute (split at spaces, '-' and '_'), so "nav" drops "main-nav" but not "canvas".
constexpr std::array<std::string_view, 34> kBoilerplateWords = {
    "nav",      "navbar",      "menu",    "footer",    "sidebar",    "comment",    "comments",
    "share",    "sharing",     "social",  "related",   "promo",      "advert",     "ad",
    "ads",      "cookie",      "cookies", "subscribe", "newsletter", "breadcrumb", "breadcrumbs",
    "masthead", "popup",       "modal",   "banner",    "toolbar",    "pagination", "skip",
    "signup",   "recommended", "byline",  "author",    "dateline",   "timestamp"};

bool names_boilerplate(const std::string& value) {
  std::string word;
  const auto check = [&] {
    const bool hit = std::find(kBoilerplateWords.begin(), kBoilerplateWords.end(), word) !=
                     kBoilerplateWords.end();
    word.clear();
    return hit;
  };
  for (char c : lowercase(value)) {
    if (c == ' ' || c == '-' || c == '_' || c == '\t') {
      if (check()) return true;
    } else {
      word.push_back(c);
    }
  }
  return check();
}

bool contains_h1(xmlNode* node) {
  bool found = false;
  for_each_element(node->children, [&](xmlNode* child) {
    if (name_of(child) == "h1") found = true;
    return !found;
  });
  return found;
}

bool is_content_root(const xmlNode* node) {
  const std::string_view name = name_of(node);
  return name == "html" || name == "body" || name == "article" || name == "main" ||
         lowercase(attribute(node, "itemprop")) == "articlebody";
}

bool should_drop(xmlNode* node) {
  const std::string_view name = name_of(node);
  if (std::find(kDroppedElements.begin(), kDroppedElements.end(), name) != kDroppedElements.end())
    return true;
  if (is_content_root(node)) return false;
  if (name == "header" || name == "footer") return name == "footer" || !contains_h1(node);
  const std::string role = lowercase(attribute(node, "role"));
  if (std::find(kDroppedRoles.begin(), kDroppedRoles.end(), role) != kDroppedRoles.end())
    return true;
  if (lowercase(attribute(node, "aria-hidden")) == "true" ||
      xmlHasProp(node, BAD_CAST "hidden") != nullptr)
    return true;
  return names_boilerplate(attribute(node, "class")) || names_boilerplate(attribute(node, "id"));
}

void drop_boilerplate(xmlNode* root) {
  std::vector<xmlNode*> dropped;
  for_each_element(root, [&](xmlNode* node) {
    if (!should_drop(node)) return true;
    dropped.push_back(node);
    return false;
  });
  for (xmlNode* node : dropped) {
    xmlUnlinkNode(node);
    xmlFreeNode(node);
  }
}

// ---- choosing the content block ----

std::size_t link_text_bytes(xmlNode* node) {
  std::size_t bytes = 0;
  for_each_element(node->children, [&](xmlNode* child) {
    if (name_of(child) != "a") return true;
    bytes += text_of(child).size();
    return false;
  });
  return bytes;
}

double link_density(xmlNode* node) {
  const std::size_t total = text_of(node).size();
  return total == 0 ? 0.0 : static_cast<double>(link_text_bytes(node)) / static_cast<double>(total);
}

xmlNode* choose_content(xmlNode* root) {
  std::vector<xmlNode*> articles, mains, bodies;
  for_each_element(root, [&](xmlNode* node) {
    const std::string_view name = name_of(node);
    if (name == "article" || lowercase(attribute(node, "itemprop")) == "articlebody")
      articles.push_back(node);
    if (name == "main" || lowercase(attribute(node, "role")) == "main") mains.push_back(node);
    if (name == "body") bodies.push_back(node);
    return true;
  });
  if (articles.size() == 1) return articles.front();
  if (articles.empty() && mains.size() == 1) return mains.front();

  // Readability's scoring: each paragraph adds to its parent, half as much to its grandparent.
  std::map<xmlNode*, double> scores;
  for_each_element(root, [&](xmlNode* node) {
    const std::string_view name = name_of(node);
    if (name != "p" && name != "pre" && name != "blockquote" && name != "td") return true;
    const std::string text = text_of(node);
    if (text.size() < 25) return false;
    const double score = 1.0 + static_cast<double>(std::count(text.begin(), text.end(), ',')) +
                         std::min(3.0, static_cast<double>(text.size()) / 100.0);
    if (node->parent != nullptr && node->parent->type == XML_ELEMENT_NODE) {
      scores[node->parent] += score;
      if (node->parent->parent != nullptr && node->parent->parent->type == XML_ELEMENT_NODE) {
        scores[node->parent->parent] += score / 2.0;
      }
    }
    return false;
  });
  xmlNode* best = nullptr;
  double best_score = 0;
  for (auto& [node, score] : scores) {
    const double adjusted = score * (1.0 - link_density(node));
    if (adjusted > best_score) {
      best_score = adjusted;
      best = node;
    }
  }
  if (best != nullptr) return best;
  if (!mains.empty()) return mains.front();
  return bodies.empty() ? root : bodies.front();
}

// ---- writing text ----

bool is_block(std::string_view name) {
  static constexpr std::array<std::string_view, 33> kBlocks = {
      "p",     "div",    "section", "article",    "main",    "header",     "footer",
      "h1",    "h2",     "h3",      "h4",         "h5",      "h6",         "ul",
      "ol",    "li",     "dl",      "dt",         "dd",      "blockquote", "pre",
      "table", "tr",     "figure",  "figcaption", "address", "hr",         "body",
      "html",  "center", "details", "summary",    "caption"};
  return std::find(kBlocks.begin(), kBlocks.end(), name) != kBlocks.end();
}

class TextWriter {
 public:
  void write(xmlNode* node) {
    for (xmlNode* child = node; child != nullptr; child = child->next) {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
        if (child->content != nullptr) inline_text(reinterpret_cast<const char*>(child->content));
        continue;
      }
      if (child->type != XML_ELEMENT_NODE) continue;
      const std::string_view name = name_of(child);
      if (name == "br") {
        line_break();
        continue;
      }
      const bool block = is_block(name);
      // A list or table of links inside the article ("Related: ...") is furniture too.
      if ((name == "ul" || name == "ol" || name == "table" || name == "div") &&
          link_density(child) > 0.5)
        continue;
      if (block) paragraph_break();
      write(child->children);
      if (block) paragraph_break();
    }
  }

  std::string finish() {
    flush_line();
    while (!text_.empty() && text_.back() == '\n') text_.pop_back();
    return text_;
  }

 private:
  void inline_text(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
      const bool nbsp = static_cast<unsigned char>(text[i]) == 0xC2 && i + 1 < text.size() &&
                        static_cast<unsigned char>(text[i + 1]) == 0xA0;
      if (is_space(text[i]) || nbsp) {
        space_pending_ = !line_.empty();
        if (nbsp) ++i;
        continue;
      }
      if (space_pending_) line_.push_back(' ');
      space_pending_ = false;
      line_.push_back(text[i]);
    }
  }
  void flush_line() {
    space_pending_ = false;
    if (line_.empty()) return;
    if (!text_.empty()) text_ += pending_separator_;
    text_ += line_;
    line_.clear();
    pending_separator_ = "\n";
  }
  void line_break() { flush_line(); }
  void paragraph_break() {
    flush_line();
    pending_separator_ = "\n\n";
  }

  std::string text_;
  std::string line_;
  std::string pending_separator_ = "\n\n";
  bool space_pending_ = false;
};

std::string first_of(std::initializer_list<const std::string*> candidates) {
  for (const std::string* value : candidates) {
    if (!value->empty()) return *value;
  }
  return {};
}

std::string skip_blank_and_bom(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  while (!bytes.empty() && is_space(bytes.front())) bytes.remove_prefix(1);
  return lowercase(std::string(bytes.substr(0, 64)));
}

}  // namespace

bool looks_like_html(std::string_view bytes) {
  std::string head = skip_blank_and_bom(bytes);
  if (head.starts_with("<!--")) {
    const std::size_t end = bytes.find("-->");
    if (end == std::string_view::npos) return false;
    head = skip_blank_and_bom(bytes.substr(end + 3));
  }
  return head.starts_with("<!doctype html") || head.starts_with("<html");
}

HtmlArticle read_html(std::string_view bytes) {
  static std::once_flag initialised;
  std::call_once(initialised, [] { xmlInitParser(); });
  // Valid UTF-8 is read as UTF-8 whatever the page claims (libxml2 would otherwise default a
  // page without a charset to Latin-1); anything else in the charset the page declares.
  const char* encoding = utf8::is_valid(bytes) ? "UTF-8" : nullptr;
  constexpr int kOptions = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                           HTML_PARSE_NONET | HTML_PARSE_NOBLANKS;
  const std::unique_ptr<xmlDoc, DocFree> doc(
      htmlReadMemory(bytes.data(), static_cast<int>(std::min<std::size_t>(bytes.size(), INT32_MAX)),
                     nullptr, encoding, kOptions));
  HtmlArticle article;
  xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
  if (root == nullptr) return article;

  const Metadata meta = read_metadata(root);
  article.title = first_of({&meta.og_title, &meta.json_ld_title, &meta.h1, &meta.title_element});
  // "Headline | Site" in og:title or <title> next to an <h1> of "Headline": the h1 is the headline.
  if (!meta.h1.empty() && article.title != meta.h1 &&
      article.title.find(meta.h1) != std::string::npos) {
    article.title = meta.h1;
  }
  article.published = normalize_published_date(
      first_of({&meta.published, &meta.json_ld_published, &meta.time_datetime}));
  article.author = first_of({&meta.author, &meta.json_ld_author, &meta.byline_element});

  drop_boilerplate(root);
  TextWriter writer;
  writer.write(choose_content(root)->children);
  article.text = writer.finish();
  if (!article.title.empty() && !article.text.starts_with(article.title)) {
    article.text = article.text.empty() ? article.title : article.title + "\n\n" + article.text;
  }
  return article;
}

}  // namespace skein::ingest
