// SPDX-License-Identifier: Apache-2.0
// decode_text: the encoding is decided from the bytes (BOM, then the byte
// pattern of a leading '<'), every invalid sequence becomes U+FFFD, and the
// first one is reported with its byte offset and its place in the text.
#include "frontends/common/text_decoder.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace fwlint {
namespace {

using namespace std::string_literals;

/// `text` (ASCII) as UTF-16LE bytes.
std::string utf16le(const std::string& text) {
  std::string out;
  for (char c : text) {
    out += c;
    out += '\0';
  }
  return out;
}

std::string utf16be(const std::string& text) {
  std::string out;
  for (char c : text) {
    out += '\0';
    out += c;
  }
  return out;
}

const std::string kUtf8Replacement = "\xEF\xBF\xBD";

TEST(TextDecoder, EmptyInputIsEmptyUtf8) {
  DecodedText d = decode_text("");
  EXPECT_EQ(d.utf8, "");
  EXPECT_EQ(d.encoding, "UTF-8");
  EXPECT_FALSE(d.has_error);
}

TEST(TextDecoder, PlainUtf8IsKept) {
  DecodedText d = decode_text("<a>Microsoft\xC2\xAE</a>\n");
  EXPECT_EQ(d.utf8, "<a>Microsoft\xC2\xAE</a>\n");
  EXPECT_EQ(d.encoding, "UTF-8");
  EXPECT_FALSE(d.has_error);
}

TEST(TextDecoder, Utf16LittleEndianWithBom) {
  DecodedText d = decode_text("\xFF\xFE"s + utf16le("<GPO/>\r\n"));
  EXPECT_EQ(d.utf8, "<GPO/>\r\n");
  EXPECT_EQ(d.encoding, "UTF-16LE with BOM");
  EXPECT_FALSE(d.has_error);
}

TEST(TextDecoder, Utf16BigEndianWithBom) {
  DecodedText d = decode_text("\xFE\xFF"s + utf16be("<GPO/>"));
  EXPECT_EQ(d.utf8, "<GPO/>");
  EXPECT_EQ(d.encoding, "UTF-16BE with BOM");
  EXPECT_FALSE(d.has_error);
}

TEST(TextDecoder, Utf8BomIsDropped) {
  DecodedText d = decode_text("\xEF\xBB\xBF<GPO/>");
  EXPECT_EQ(d.utf8, "<GPO/>");
  EXPECT_EQ(d.encoding, "UTF-8 with BOM");
  EXPECT_FALSE(d.has_error);
}

TEST(TextDecoder, Utf16WithoutBomIsRecognizedByTheLeadingAngleBracket) {
  DecodedText le = decode_text(utf16le("<a>x</a>"));
  EXPECT_EQ(le.utf8, "<a>x</a>");
  EXPECT_EQ(le.encoding, "UTF-16LE");
  DecodedText be = decode_text(utf16be("<a>x</a>"));
  EXPECT_EQ(be.utf8, "<a>x</a>");
  EXPECT_EQ(be.encoding, "UTF-16BE");
}

TEST(TextDecoder, BomOnlyIsEmptyWithoutError) {
  for (std::string bom : {"\xFF\xFE"s, "\xFE\xFF"s, "\xEF\xBB\xBF"s}) {
    DecodedText d = decode_text(bom);
    EXPECT_EQ(d.utf8, "") << d.encoding;
    EXPECT_FALSE(d.has_error) << d.encoding;
  }
}

TEST(TextDecoder, DeclaredUtf16ButUtf8WithBomFollowsTheBytes) {
  // Get-GPOReport output saved with Out-File -Encoding UTF8 (PowerShell 5.1).
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"utf-16\"?>\r\n<GPO><Name>Caf\xC3\xA9</Name></GPO>";
  DecodedText d = decode_text("\xEF\xBB\xBF" + xml);
  EXPECT_EQ(d.encoding, "UTF-8 with BOM");
  EXPECT_EQ(d.utf8, xml);
  EXPECT_FALSE(d.has_error);
}

TEST(TextDecoder, NonAsciiUtf16BecomesMultiByteUtf8) {
  // "®" U+00AE and "€" U+20AC.
  DecodedText d = decode_text("\xFF\xFE\xAE\x00\xAC\x20"s);
  EXPECT_EQ(d.utf8, "\xC2\xAE\xE2\x82\xAC");
  EXPECT_FALSE(d.has_error);
}

TEST(TextDecoder, SurrogatePairBecomesFourByteUtf8) {
  // U+1F600 is D83D DE00 in UTF-16.
  DecodedText le = decode_text("\xFF\xFE" + utf16le("<") + "\x3D\xD8\x00\xDE"s + utf16le(">"));
  EXPECT_EQ(le.utf8, "<\xF0\x9F\x98\x80>");
  EXPECT_FALSE(le.has_error);
  DecodedText be = decode_text("\xFE\xFF" + utf16be("<") + "\xD8\x3D\xDE\x00"s);
  EXPECT_EQ(be.utf8, "<\xF0\x9F\x98\x80");
  EXPECT_FALSE(be.has_error);
}

TEST(TextDecoder, OddNumberOfUtf16BytesIsTruncation) {
  std::string bytes = "\xFF\xFE"s + utf16le("<a/>") + "\x0A";
  DecodedText d = decode_text(bytes);
  EXPECT_EQ(d.utf8, "<a/>") << "the half character is dropped";
  ASSERT_TRUE(d.has_error);
  EXPECT_EQ(d.error, "truncated UTF-16: odd number of bytes");
  EXPECT_EQ(d.error_offset, bytes.size() - 1);
  EXPECT_EQ(d.error_line, 1u);
  EXPECT_EQ(d.error_column, 5u);
}

TEST(TextDecoder, LoneHighSurrogateIsReplacedAndDecodingGoesOn) {
  // Line 2, after "ab": a high surrogate followed by 'c' instead of a low half.
  std::string bytes = "\xFF\xFE"s + utf16le("<x>\nab") + "\x3D\xD8"s + utf16le("c</x>");
  DecodedText d = decode_text(bytes);
  EXPECT_EQ(d.utf8, "<x>\nab" + kUtf8Replacement + "c</x>");
  ASSERT_TRUE(d.has_error);
  EXPECT_EQ(d.error, "unpaired UTF-16 surrogate");
  EXPECT_EQ(d.error_offset, 2u + 2 * 6);
  EXPECT_EQ(d.error_line, 2u);
  EXPECT_EQ(d.error_column, 3u);
}

TEST(TextDecoder, LoneLowSurrogateAndHighSurrogateAtTheEnd) {
  DecodedText low = decode_text("\xFF\xFE"s + utf16le("<") + "\x00\xDE"s + utf16le(">"));
  EXPECT_EQ(low.utf8, "<" + kUtf8Replacement + ">");
  EXPECT_EQ(low.error, "unpaired UTF-16 surrogate");
  EXPECT_EQ(low.error_offset, 4u);

  DecodedText high = decode_text("\xFE\xFF"s + utf16be("<") + "\xD8\x3D"s);
  EXPECT_EQ(high.utf8, "<" + kUtf8Replacement);
  EXPECT_EQ(high.error, "unpaired UTF-16 surrogate");
  EXPECT_EQ(high.error_offset, 4u);
}

TEST(TextDecoder, OnlyTheFirstErrorIsRecorded) {
  std::string bytes = "\xFF\xFE"s + "\x00\xDC"s + utf16le("a") + "\x00\xDC"s + "!";
  DecodedText d = decode_text(bytes);
  EXPECT_EQ(d.utf8, kUtf8Replacement + "a" + kUtf8Replacement) << "the odd last byte is dropped";
  EXPECT_EQ(d.error, "unpaired UTF-16 surrogate");
  EXPECT_EQ(d.error_offset, 2u);
  EXPECT_EQ(d.error_column, 1u);
}

TEST(TextDecoder, InvalidUtf8IsReplacedAtItsOffset) {
  // Line 3 (CRLF and a lone CR both end a line), column 3: a Latin-1 'é'.
  std::string bytes = "l1\r\nl2\rab\xE9z";
  DecodedText d = decode_text(bytes);
  EXPECT_EQ(d.utf8, "l1\r\nl2\rab" + kUtf8Replacement + "z");
  ASSERT_TRUE(d.has_error);
  EXPECT_EQ(d.error, "invalid UTF-8 sequence");
  EXPECT_EQ(d.error_offset, 9u);
  EXPECT_EQ(d.error_line, 3u);
  EXPECT_EQ(d.error_column, 3u);
}

TEST(TextDecoder, Utf8ErrorOffsetCountsTheBom) {
  DecodedText d = decode_text("\xEF\xBB\xBF<a>\x80</a>");
  EXPECT_EQ(d.encoding, "UTF-8 with BOM");
  EXPECT_EQ(d.error_offset, 6u);
  EXPECT_EQ(d.error_column, 4u);
}

TEST(TextDecoder, MalformedUtf8FormsAreRejected) {
  struct Case {
    std::string bytes;
    std::string decoded;
  };
  const std::string R = kUtf8Replacement;
  for (const Case& c : std::vector<Case>{
           {"\xC0\xAF", R + R},                  // overlong '/'
           {"\xE0\x80\xAF", R + R + R},          // overlong, three bytes
           {"\xED\xA0\x80", R + R + R},          // an encoded surrogate
           {"\xF4\x90\x80\x80", R + R + R + R},  // beyond U+10FFFF
           {"\xF8\x88\x80\x80\x80", R + R + R + R + R},
           {"\xE2\x82", R},  // truncated: one U+FFFD
           {"\xE2\x82x", R + "x"},
           {"\xF0\x9F\x98", R},
           {"\xBF", R},  // a stray continuation byte
       }) {
    DecodedText d = decode_text("a" + c.bytes);
    EXPECT_EQ(d.utf8, "a" + c.decoded) << testing::PrintToString(c.bytes);
    EXPECT_TRUE(d.has_error);
    EXPECT_EQ(d.error_offset, 1u);
  }
  DecodedText ok = decode_text("\xF0\x9F\x98\x80\xF4\x8F\xBF\xBF\xEF\xBF\xBF");
  EXPECT_FALSE(ok.has_error);
}

TEST(TextDecoder, ManyErrorsStayLinear) {
  // Ten million invalid bytes and a huge UTF-16 input of lone surrogates.
  auto start = std::chrono::steady_clock::now();
  DecodedText bad8 = decode_text(std::string(10'000'000, '\xFF'));
  EXPECT_EQ(bad8.utf8.size(), 30'000'000u);
  EXPECT_EQ(bad8.error_offset, 0u);
  std::string surrogates = "\xFF\xFE";
  for (int i = 0; i < 2'000'000; ++i) surrogates += "\x00\xDC"s;
  DecodedText bad16 = decode_text(surrogates);
  EXPECT_EQ(bad16.utf8.size(), 6'000'000u);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 10.0);
}

}  // namespace
}  // namespace fwlint

namespace fwlint {
namespace {

TEST(TextDecoder, Utf16WithoutBomIsRecognizedByAnyLeadingAsciiCharacter) {
  // A rule-string file or a .reg export saved as UTF-16 without a BOM.
  DecodedText le = decode_text(utf16le("v2.30|Action=Allow|\n"));
  EXPECT_EQ(le.encoding, "UTF-16LE");
  EXPECT_EQ(le.utf8, "v2.30|Action=Allow|\n");
  DecodedText be = decode_text(utf16be("Windows Registry Editor Version 5.00\r\n"));
  EXPECT_EQ(be.encoding, "UTF-16BE");
  EXPECT_EQ(be.utf8, "Windows Registry Editor Version 5.00\r\n");
  EXPECT_EQ(decode_text("v2").encoding, "UTF-8") << "no NUL, no UTF-16";
}

}  // namespace
}  // namespace fwlint
