// Real pages: an HTML page, a PDF report and a CSV export made here from the seed article and
// BBC texts are read with the right title and text, and give the same entities and relations
// as the same text given as plain text. Files that cannot be read are named with a hint, and
// a folder's README-like notes are left out.

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "CliRunner.h"

using skein::testing::read_file;
using skein::testing::run_skein;
using skein::testing::shared_dir;
using skein::testing::shell_quote;
using skein::testing::source_dir;
using skein::testing::TempDir;

namespace {

const std::string kHeadline = "Taking the China-South Korea relationship forward";

std::string seed_path() {
  for (const auto& entry : std::filesystem::directory_iterator(shared_dir() / "corpus")) {
    if (entry.path().filename().string().starts_with("000_")) return entry.path().string();
  }
  FAIL("no seed article in ../shared/corpus");
  return {};
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

// The seed's article as the paragraphs a page shows: headline, then the body from the
// editor's note on (the scraped "Download", byline and "CFP" lines are the page's furniture).
// Its Unicode spaces become plain ones: a PDF carries no NBSP.
std::vector<std::string> seed_paragraphs() {
  std::string seed = read_file(seed_path());
  seed = replace_all(replace_all(seed, "\xC2\xA0", " "), "\xE2\x80\x82", " ");
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < seed.size()) {
    std::size_t end = seed.find('\n', start);
    if (end == std::string::npos) end = seed.size();
    std::string line = seed.substr(start, end - start);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
    while (!line.empty() && line.front() == ' ') line.erase(0, 1);
    if (!line.empty()) lines.push_back(line);
    start = end + 1;
  }
  const auto body = std::find_if(lines.begin(), lines.end(), [](const std::string& l) {
    return l.starts_with("Editor's note");
  });
  REQUIRE(body != lines.end());
  std::vector<std::string> paragraphs{kHeadline};
  paragraphs.insert(paragraphs.end(), body, lines.end());
  return paragraphs;
}

std::string join(const std::vector<std::string>& paragraphs, const std::string& separator) {
  std::string out;
  for (const auto& p : paragraphs) out += (out.empty() ? "" : separator) + p;
  return out;
}

std::string html_escape(const std::string& text) {
  return replace_all(
      replace_all(replace_all(replace_all(text, "&", "&amp;"), "<", "&lt;"), ">", "&gt;"), "\"",
      "&quot;");
}

// The stored documents' "title|published" lines, read with the sqlite3 shell.
std::string stored_titles(const TempDir& dir, const std::string& db) {
  const auto out = dir.path() / "titles.out";
  const std::string command =
      "sqlite3 " + shell_quote((dir.path() / db).string()) +
      " \"SELECT title || '|' || published FROM documents ORDER BY id\" > " +
      shell_quote(out.string());
  REQUIRE(std::system(command.c_str()) == 0);
  return read_file(out);
}

struct Extracted {
  std::string title, published, text, entities, relations;
};

// The JSON of `value`, with document-local key suffixes ("Place:korea@doc:a96fe68f8c0f") made
// alike: they name the source file (its SHA-256), which differs between formats of one text.
std::string to_json(const rapidjson::Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  std::string out = buffer.GetString();
  for (std::size_t at = out.find("@doc:"); at != std::string::npos; at = out.find("@doc:", at)) {
    at += 5;
    for (std::size_t k = 0; k < 12 && at + k < out.size(); ++k) out[at + k] = '*';
  }
  return out;
}

// `skein extract FILE`: one document expected.
Extracted extract(const TempDir& dir, const std::string& arguments) {
  auto result = run_skein("extract " + arguments, dir.path());
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  rapidjson::Document json;
  json.Parse(result.out.c_str());
  REQUIRE_FALSE(json.HasParseError());
  const auto& document = json["document"];
  return {document["title"].GetString(), document["published"].GetString(),
          document["text"].GetString(), to_json(json["entities"]), to_json(json["relations"])};
}

// Every document of a JSON Lines extract output, in order.
std::vector<Extracted> extract_all(const std::string& output) {
  std::vector<Extracted> all;
  std::size_t start = 0;
  while (start < output.size()) {
    const std::size_t end = output.find('\n', start);
    rapidjson::Document json;
    json.Parse(output.substr(start, end - start).c_str());
    REQUIRE_FALSE(json.HasParseError());
    const auto& document = json["document"];
    all.push_back({document["title"].GetString(), document["published"].GetString(),
                   document["text"].GetString(), to_json(json["entities"]),
                   to_json(json["relations"])});
    start = end == std::string::npos ? output.size() : end + 1;
  }
  return all;
}

}  // namespace

TEST_CASE("the seed article's title is its headline, not the Download button line above it",
          "[cli][ingest]") {
  TempDir dir;
  const Extracted seed = extract(dir, shell_quote(seed_path()));
  CHECK(seed.title == kHeadline);
  REQUIRE(run_skein("ingest -q " + shell_quote(seed_path()), dir.path()).exit_code == 0);
  CHECK(stored_titles(dir, "skein.db") == kHeadline + "|\n");
}

TEST_CASE(
    "an HTML page is read as its article: headline, date, author, main text without page furniture",
    "[cli][ingest]") {
  TempDir dir;
  const auto paragraphs = seed_paragraphs();
  const std::string plain = join(paragraphs, "\n\n");
  dir.write("plain.txt", plain + "\n");
  std::string page =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
      "<title>" +
      html_escape(kHeadline) +
      " - CGTN</title>\n"
      "<meta property=\"og:title\" content=\"" +
      html_escape(kHeadline) +
      "\">\n"
      "<meta property=\"article:published_time\" content=\"2022-08-24T10:15:00+08:00\">\n"
      "<meta name=\"author\" content=\"Hamzah Rifaat Hussain\">\n"
      "<style>.x::after { content: \"Kim Jong Un\"; }</style>\n"
      "<script>var related = \"Xi Jinping met Joe Biden in Washington\";</script>\n"
      "</head><body>\n<header class=\"site-header\"><a href=\"/\">CGTN</a> <a "
      "href=\"/world\">World</a></header>\n"
      "<nav class=\"main-nav\"><ul><li><a href=\"/china\">China</a></li><li><a "
      "href=\"/japan\">Japan</a></li>"
      "<li><a href=\"/us\">United States</a></li></ul></nav>\n<div class=\"layout\"><article>\n"
      "<h1>" +
      html_escape(kHeadline) +
      "</h1>\n"
      "<div class=\"byline\">By <span rel=\"author\">Hamzah Rifaat Hussain</span></div>\n";
  for (std::size_t i = 1; i < paragraphs.size(); ++i)
    page += "<p>" + html_escape(paragraphs[i]) + "</p>\n";
  page +=
      "<div class=\"share-buttons\"><a href=\"#\">Share on Facebook</a> <a "
      "href=\"#\">Tweet</a></div>\n"
      "</article>\n<aside class=\"sidebar\"><h2>Related stories</h2><ul><li><a "
      "href=\"/a\">Vladimir Putin met "
      "Recep Tayyip Erdogan in Sochi</a></li></ul></aside></div>\n"
      "<footer><p>Copyright CGTN. Beijing, China.</p></footer>\n"
      "<script>console.log(\"Vladimir Putin\");</script>\n</body></html>\n";
  dir.write("page.html", page);

  const Extracted html = extract(dir, "page.html");
  const Extracted text = extract(dir, "plain.txt");
  CHECK(html.title == kHeadline);
  CHECK(html.published == "2022-08-24");
  CHECK(html.text == plain);  // every offset points into this text
  CHECK(html.entities == text.entities);
  CHECK(html.relations == text.relations);
  CHECK(html.text.find("Putin") == std::string::npos);
  CHECK(html.text.find("Related") == std::string::npos);

  SECTION("named .txt, a page is still recognised as HTML") {
    dir.write("saved-page.txt", page);
    CHECK(extract(dir, "saved-page.txt").text == plain);
  }
  SECTION("ingested, it is stored under its headline") {
    auto ingest = run_skein("ingest -q page.html", dir.path());
    INFO(ingest.err);
    REQUIRE(ingest.exit_code == 0);
    CHECK(stored_titles(dir, "skein.db") == kHeadline + "|2022-08-24\n");
  }
}

TEST_CASE(
    "a PDF report is read through poppler with paragraphs kept, page breaks as paragraph breaks",
    "[cli][ingest]") {
  TempDir dir;
  const auto paragraphs = seed_paragraphs();
  const std::string plain = join(paragraphs, "\n\n");
  dir.write("plain.txt", plain + "\n");
  const std::string make_pdf =
      "/usr/bin/python3 " + shell_quote((source_dir() / "tests/cli/tools/make_pdf.py").string());
  REQUIRE(std::system(("cd " + shell_quote(dir.path().string()) + " && " + make_pdf +
                       " plain.txt report.pdf " + shell_quote(kHeadline))
                          .c_str()) == 0);
  const Extracted pdf = extract(dir, "report.pdf");
  const Extracted text = extract(dir, "plain.txt");
  CHECK(pdf.title == kHeadline);
  CHECK(pdf.text == plain);
  CHECK(pdf.entities == text.entities);
  CHECK(pdf.relations == text.relations);

  SECTION("two pages: the page break is a paragraph break") {
    std::string long_text;
    for (int i = 0; i < 12; ++i) long_text += (i ? "\n\n" : "") + paragraphs[3];
    dir.write("long.txt", long_text + "\n");
    REQUIRE(std::system(("cd " + shell_quote(dir.path().string()) + " && " + make_pdf +
                         " long.txt long.pdf Long")
                            .c_str()) == 0);
    CHECK(extract(dir, "long.pdf").text == long_text);
  }
  SECTION(
      "a PDF without a text layer is reported with the OCR hint, and the rest of the run goes on") {
    dir.write("empty.txt", "\n");
    REQUIRE(std::system(("cd " + shell_quote(dir.path().string()) + " && " + make_pdf +
                         " empty.txt scan.pdf Scan")
                            .c_str()) == 0);
    auto result = run_skein("ingest -q scan.pdf plain.txt", dir.path());
    CHECK(result.exit_code == 2);
    CHECK(result.err ==
          "skein ingest: scan.pdf: a PDF with no text layer (a scan?); run OCR first, e.g. "
          "ocrmypdf FILE out.pdf\n");
    CHECK(result.out.find("1 new") != std::string::npos);
  }
}

TEST_CASE(
    "a CSV export gives one document per row from the named columns, and a malformed row is "
    "file:line",
    "[cli][ingest]") {
  TempDir dir;
  const auto politics = shared_dir() / "corpus" / "bbc" / "politics";
  std::string csv = "id,headline,date,body\r\n";
  std::vector<std::string> plain_paths;
  for (const char* name : {"001.txt", "002.txt", "003.txt"}) {
    const std::string text = read_file(politics / name);
    const std::string title = text.substr(0, text.find('\n'));
    dir.write(std::string("plain-") + name, text);
    plain_paths.push_back(std::string("plain-") + name);
    csv += std::string("bbc-") + name + "," + "\"" + replace_all(title, "\"", "\"\"") +
           "\",2005-02-1" + name[2] + ",\"" + replace_all(text, "\"", "\"\"") + "\"\r\n";
  }
  dir.write("export.csv", csv);
  const std::string columns =
      " --text-column body --id-column id --title-column headline --date-column date";
  auto from_csv = run_skein("extract export.csv" + columns, dir.path());
  INFO(from_csv.err);
  REQUIRE(from_csv.exit_code == 0);
  auto from_text = run_skein("extract " + join(plain_paths, " "), dir.path());
  const auto rows = extract_all(from_csv.out);
  const auto texts = extract_all(from_text.out);
  REQUIRE(rows.size() == 3);
  REQUIRE(texts.size() == 3);
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(rows[i].title == texts[i].title);
    CHECK(rows[i].published == "2005-02-1" + std::to_string(i + 1));
    CHECK(rows[i].text == texts[i].text);
    CHECK(rows[i].entities == texts[i].entities);
    CHECK(rows[i].relations == texts[i].relations);
  }

  SECTION("a malformed row is reported as file:line and the other rows are kept") {
    dir.write("broken.tsv",
              "body\ttitle\nBlair met Brown in London.\tOne\nstray \"quote\tTwo\nno tab here\n"
              "Howard spoke in Leeds.\tFour\n");
    auto result = run_skein("ingest --db b.db --text-column body --title-column title broken.tsv",
                            dir.path());
    CHECK(result.exit_code == 2);
    CHECK(result.err.find("skein ingest: broken.tsv:3: a quote inside an unquoted field") !=
          std::string::npos);
    CHECK(result.err.find("skein ingest: broken.tsv:4: has 1 fields, the header 2") !=
          std::string::npos);
    CHECK(result.out.find("2 new") != std::string::npos);
  }
  SECTION("without --text-column the file is reported with its columns") {
    auto result = run_skein("ingest --db c.db export.csv", dir.path());
    CHECK(result.exit_code == 2);
    CHECK(result.err ==
          "skein ingest: export.csv: a CSV file: name the column that holds the text with "
          "--text-column (its columns: id, headline, date, body)\n");
  }
}

TEST_CASE(
    "a folder's README and SOURCE notes are left out and said so; --include and --exclude choose "
    "files",
    "[cli][ingest]") {
  TempDir dir;
  std::filesystem::create_directories(dir.path() / "news" / "world");
  dir.write("news/README.TXT", "About this folder\n\nCollected by Tony Blair in London.\n");
  dir.write("news/SOURCE", "http://example.org\n");
  dir.write("news/world/a.txt", "Talks\n\nJapan exports cars to Germany.\n");
  dir.write("news/world/b.html",
            "<html><head><title>Visit</title></head><body><p>Wang Yi met Park Jin in "
            "Qingdao.</p></body></html>");
  dir.write("news/c.docx", std::string("PK\x03\x04", 4) + "word/document.xml");

  auto all = run_skein("ingest --db all.db news", dir.path());
  CHECK(all.exit_code == 2);  // the .docx
  CHECK(all.err.find("skein ingest: news/c.docx: a word-processor file (.docx), not text: convert "
                     "it first, e.g. "
                     "pandoc FILE -t plain -o FILE.txt\n") != std::string::npos);
  CHECK(all.err.find("left out 2 note files (README, SOURCE, LICENSE and the like: "
                     "news/README.TXT, news/SOURCE)") != std::string::npos);
  CHECK(all.out.find("2 new") != std::string::npos);

  auto only_html = run_skein("ingest -q --db html.db --include '*.html' news", dir.path());
  CHECK(only_html.exit_code == 0);
  CHECK(only_html.out.find("1 new") != std::string::npos);
  auto no_world =
      run_skein("ingest -q --db nw.db --exclude 'world/*' --exclude '*.docx' news", dir.path());
  CHECK(no_world.exit_code == 0);
  CHECK(no_world.out.find("ingested 0 documents") != std::string::npos);
  auto notes = run_skein("ingest -q --db notes.db --include 'README*' news", dir.path());
  CHECK(notes.out.find("1 new") != std::string::npos);
  auto named = run_skein("ingest -q --db named.db news/README.TXT", dir.path());
  CHECK(named.out.find("1 new") != std::string::npos);
}
