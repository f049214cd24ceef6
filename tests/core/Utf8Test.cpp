#include <catch2/catch.hpp>
#include <string>

#include "core/Utf8.h"

namespace utf8 = skein::utf8;
constexpr auto kNpos = std::string_view::npos;

TEST_CASE("well-formed UTF-8 of every length is accepted", "[core]") {
  CHECK(utf8::first_invalid("") == kNpos);
  CHECK(utf8::first_invalid("plain ASCII\t\n") == kNpos);
  CHECK(utf8::first_invalid("caf\xC3\xA9") == kNpos);       // U+00E9
  CHECK(utf8::first_invalid("\xE2\x82\xAC") == kNpos);      // U+20AC
  CHECK(utf8::first_invalid("\xED\x9F\xBF") == kNpos);      // U+D7FF, just below surrogates
  CHECK(utf8::first_invalid("\xF0\x9F\x98\x80") == kNpos);  // U+1F600
  CHECK(utf8::first_invalid("\xF4\x8F\xBF\xBF") == kNpos);  // U+10FFFF
  CHECK(
      utf8::is_valid("\xEF\xBB\xBF"
                     "BOM is a valid character"));
}

TEST_CASE("ill-formed UTF-8 is reported at the offset of its first byte", "[core]") {
  SECTION("overlong forms") {
    CHECK(utf8::first_invalid("ab\xC0\xAF") == 2);  // '/' in two bytes
    CHECK(utf8::first_invalid("\xC1\xBF") == 0);
    CHECK(utf8::first_invalid("x\xE0\x80\xAF") == 1);     // '/' in three bytes
    CHECK(utf8::first_invalid("\xF0\x8F\xBF\xBF") == 0);  // U+FFFF in four bytes
  }
  SECTION("surrogates") {
    CHECK(utf8::first_invalid("ok \xED\xA0\x80") == 3);  // U+D800
    CHECK(utf8::first_invalid("\xED\xBF\xBF") == 0);     // U+DFFF
  }
  SECTION("above U+10FFFF") {
    CHECK(utf8::first_invalid("\xF4\x90\x80\x80") == 0);
    CHECK(utf8::first_invalid("\xF5\x80\x80\x80") == 0);
    CHECK(utf8::first_invalid("\xFF") == 0);
  }
  SECTION("truncated and stray bytes") {
    CHECK(utf8::first_invalid("abc\xE2\x82") == 3);  // cut at end of input
    CHECK(utf8::first_invalid("\xE2\x82z") == 0);    // cut by an ASCII byte
    CHECK(utf8::first_invalid("a\x80") == 1);        // lone continuation byte
    CHECK(utf8::first_invalid("\xC3\xA9\xC3") == 2);
  }
  SECTION("Latin-1 text is not UTF-8") { CHECK(utf8::first_invalid("caf\xE9 au lait") == 3); }
}

TEST_CASE("repair replaces each maximal ill-formed subpart with one U+FFFD", "[core]") {
  const std::string r = "\xEF\xBF\xBD";
  CHECK(utf8::repair("fine \xC3\xA9") == "fine \xC3\xA9");
  CHECK(utf8::repair("a\x80z") == "a" + r + "z");
  // A truncated three-byte sequence is one maximal subpart: one replacement.
  CHECK(utf8::repair("\xE2\x82z") == r + "z");
  // An overlong lead C0 can start nothing: it and its continuation byte are two subparts.
  CHECK(utf8::repair("\xC0\xAF") == r + r);
  // Surrogate: ED is followed by A0, outside ED's allowed 80..9F, so ED, A0, 80 are each one.
  CHECK(utf8::repair("\xED\xA0\x80") == r + r + r);
  // The Unicode 15 example (section 3.9, table 3-8): 61 F1 80 80 E1 80 C2 62 80 63 80 BF 64.
  CHECK(utf8::repair("\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64") ==
        "a" + r + r + r + "b" + r + "c" + r + r + "d");
  CHECK(utf8::is_valid(utf8::repair("\xF4\x90\x80\x80\xFE\xFF")));
}

TEST_CASE("printable escapes C0 controls, DEL and C1 controls but keeps other UTF-8", "[core]") {
  CHECK(utf8::printable("tab\there") == "tab\\x09here");
  CHECK(utf8::printable("line\nnext\r") == "line\\x0Anext\\x0D");
  CHECK(utf8::printable("\x1B[31mred") == "\\x1B[31mred");
  CHECK(utf8::printable(std::string("nul\0x", 5)) == "nul\\x00x");
  CHECK(utf8::printable("del\x7F") == "del\\x7F");
  CHECK(utf8::printable("csi\xC2\x9B") == "csi\\u009B");
  CHECK(utf8::printable("Seoul \xEC\x84\x9C\xEC\x9A\xB8 caf\xC3\xA9") ==
        "Seoul \xEC\x84\x9C\xEC\x9A\xB8 caf\xC3\xA9");
  CHECK(utf8::printable("bad\xFF") == "bad\\xFF");
  CHECK(utf8::printable("cut\xE2\x82") == "cut\\xE2\\x82");
}

TEST_CASE("boundaries never fall inside a character, and characters are counted as SQLite does",
          "[core]") {
  const std::string text =
      "a\xC3\xA9\xE2\x82\xAC"
      "b";  // a, é (2 bytes), € (3 bytes), b
  CHECK(utf8::is_boundary(text, 0));
  CHECK(utf8::is_boundary(text, 1));
  CHECK_FALSE(utf8::is_boundary(text, 2));
  CHECK_FALSE(utf8::is_boundary(text, 5));
  CHECK(utf8::is_boundary(text, text.size()));
  CHECK(utf8::floor_boundary(text, 5) == 3);
  CHECK(utf8::ceil_boundary(text, 4) == 6);
  CHECK(utf8::floor_boundary(text, 99) == text.size());
  CHECK(utf8::ceil_boundary(text, 99) == text.size());
  CHECK(utf8::length(text) == 4);
  CHECK(utf8::offset_of_char(text, 2) == 3);
  CHECK(utf8::offset_of_char(text, 9) == text.size());
  CHECK(utf8::code_points(text) == std::u32string{U'a', U'\u00E9', U'\u20AC', U'b'});
  // An ill-formed byte is one unit of its own, so nothing is lost or merged.
  CHECK(utf8::code_points("a\xFF"
                          "b")
            .size() == 3);
}

TEST_CASE("decode_at reads one code point and append writes it back", "[core]") {
  const std::string text = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";  // a é € 😀
  std::u32string decoded;
  std::string encoded;
  for (std::size_t i = 0; i < text.size();) {
    const utf8::Decoded d = utf8::decode_at(text, i);
    decoded.push_back(d.code_point);
    utf8::append(encoded, d.code_point);
    i += d.length;
  }
  CHECK(decoded == std::u32string{U'a', 0xE9, 0x20AC, 0x1F600});
  CHECK(encoded == text);
}

TEST_CASE("decode_at gives U+FFFD of one byte where no character starts", "[core]") {
  const auto at = [](std::string_view text, std::size_t i) {
    const utf8::Decoded d = utf8::decode_at(text, i);
    return std::pair<char32_t, std::size_t>{d.code_point, d.length};
  };
  using Result = std::pair<char32_t, std::size_t>;
  CHECK(at("\x80x", 0) == Result{0xFFFD, 1});             // stray continuation byte
  CHECK(at("\xC3x", 0) == Result{0xFFFD, 1});             // lead without its continuation
  CHECK(at("\xE2\x82", 0) == Result{0xFFFD, 1});          // truncated at the end
  CHECK(at("\xF8\x80\x80\x80", 0) == Result{0xFFFD, 1});  // no lead byte
  CHECK(at("x\xC3\xA9", 1) == Result{0xE9, 2});
}
