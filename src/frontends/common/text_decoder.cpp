// SPDX-License-Identifier: Apache-2.0
#include "frontends/common/text_decoder.h"

#include "frontends/common/utf8.h"

namespace fwlint {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD in UTF-8

/// Collects the output and remembers the first error. The line and column
/// are computed once at the end, so many errors cost nothing extra.
class Decoder {
 public:
  explicit Decoder(DecodedText& result) : r_(result) {}

  std::string& out() { return r_.utf8; }

  /// Replaces an invalid sequence at input offset `offset` by U+FFFD.
  /// Records the first error; `replace` = put a U+FFFD where the bad
  /// sequence was (a lone last byte of UTF-16 is half a character and is
  /// dropped instead, so a file cut by one byte still reads as the text
  /// before the cut).
  void fail(std::size_t offset, const char* what, bool replace = true) {
    if (!r_.has_error) {
      r_.has_error = true;
      r_.error_offset = offset;
      r_.error = what;
      error_output_pos_ = r_.utf8.size();
    }
    if (replace) r_.utf8 += kReplacement;
  }

  void finish() {
    if (!r_.has_error) return;
    std::string_view text(r_.utf8.data(), error_output_pos_);
    std::uint32_t line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      bool lf = text[i] == '\n';
      bool lone_cr = text[i] == '\r' && (i + 1 >= r_.utf8.size() || r_.utf8[i + 1] != '\n');
      if (lf || lone_cr) {
        ++line;
        line_start = i + 1;
      }
    }
    r_.error_line = line;
    r_.error_column = static_cast<std::uint32_t>(text.size() - line_start + 1);
  }

 private:
  DecodedText& r_;
  std::size_t error_output_pos_ = 0;
};

void decode_utf16(std::string_view bytes, std::size_t start, bool big_endian, Decoder& d) {
  std::string& out = d.out();
  out.reserve(bytes.size() - start);
  auto unit = [&](std::size_t i) -> std::uint32_t {
    auto a = static_cast<unsigned char>(bytes[i]), b = static_cast<unsigned char>(bytes[i + 1]);
    return big_endian ? (std::uint32_t{a} << 8 | b) : (std::uint32_t{b} << 8 | a);
  };
  std::size_t i = start;
  for (; i + 1 < bytes.size(); i += 2) {
    std::uint32_t u = unit(i);
    if (u < 0xD800 || u > 0xDFFF) {
      append_utf8(out, u);
      continue;
    }
    if (u <= 0xDBFF && i + 3 < bytes.size()) {
      std::uint32_t low = unit(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        append_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
        i += 2;
        continue;
      }
    }
    // A high surrogate without its low half, or a low half on its own.
    d.fail(i, "unpaired UTF-16 surrogate");
  }
  if (i < bytes.size()) d.fail(i, "truncated UTF-16: odd number of bytes", /*replace=*/false);
}

bool is_continuation(unsigned char b) { return (b & 0xC0) == 0x80; }

/// Length of the well-formed UTF-8 sequence at `s[i]`, or 0; `consumed` is
/// then the length of its maximal ill-formed prefix (at least 1), which
/// becomes one U+FFFD (Unicode's "maximal subpart" practice).
std::size_t utf8_sequence(std::string_view s, std::size_t i, std::size_t& consumed) {
  auto b = static_cast<unsigned char>(s[i]);
  consumed = 1;
  if (b < 0x80) return 1;
  std::size_t n;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b >= 0xC2 && b <= 0xDF) {
    n = 2;
  } else if (b >= 0xE0 && b <= 0xEF) {
    n = 3;
    if (b == 0xE0) lo = 0xA0;  // overlong
    if (b == 0xED) hi = 0x9F;  // UTF-16 surrogates
  } else if (b >= 0xF0 && b <= 0xF4) {
    n = 4;
    if (b == 0xF0) lo = 0x90;  // overlong
    if (b == 0xF4) hi = 0x8F;  // beyond U+10FFFF
  } else {
    return 0;  // continuation byte, C0/C1 (overlong) or F5..FF
  }
  for (std::size_t k = 1; k < n; ++k) {
    if (i + k >= s.size()) return 0;
    auto c = static_cast<unsigned char>(s[i + k]);
    bool ok = k == 1 ? (c >= lo && c <= hi) : is_continuation(c);
    if (!ok) return 0;
    consumed = k + 1;
  }
  return n;
}

void decode_utf8(std::string_view bytes, std::size_t start, Decoder& d) {
  std::string& out = d.out();
  out.reserve(bytes.size() - start);
  std::size_t run = start;  // start of the valid bytes not yet copied
  std::size_t i = start;
  while (i < bytes.size()) {
    if (static_cast<unsigned char>(bytes[i]) < 0x80) {
      ++i;
      continue;
    }
    std::size_t consumed = 0;
    std::size_t n = utf8_sequence(bytes, i, consumed);
    if (n != 0) {
      i += n;
      continue;
    }
    out.append(bytes.substr(run, i - run));
    d.fail(i, "invalid UTF-8 sequence");
    i += consumed;
    run = i;
  }
  out.append(bytes.substr(run));
}

}  // namespace

DecodedText decode_text(std::string_view bytes) {
  DecodedText r;
  Decoder d(r);
  auto starts = [&](std::string_view prefix) { return bytes.substr(0, prefix.size()) == prefix; };
  if (starts("\xFF\xFE")) {
    r.encoding = "UTF-16LE with BOM";
    decode_utf16(bytes, 2, false, d);
  } else if (starts("\xFE\xFF")) {
    r.encoding = "UTF-16BE with BOM";
    decode_utf16(bytes, 2, true, d);
  } else if (starts("\xEF\xBB\xBF")) {
    r.encoding = "UTF-8 with BOM";
    decode_utf8(bytes, 3, d);
  } else if (bytes.size() >= 2 && bytes[0] != '\0' && static_cast<unsigned char>(bytes[0]) < 0x80 &&
             bytes[1] == '\0') {
    // No BOM, but the first character is ASCII ('<' of an XML document, 'v'
    // of a rule string, 'W' of a .reg export) followed by a NUL byte: text
    // never has one there, UTF-16LE always does.
    r.encoding = "UTF-16LE";
    decode_utf16(bytes, 0, false, d);
  } else if (bytes.size() >= 2 && bytes[0] == '\0' && bytes[1] != '\0' &&
             static_cast<unsigned char>(bytes[1]) < 0x80) {
    r.encoding = "UTF-16BE";
    decode_utf16(bytes, 0, true, d);
  } else {
    r.encoding = "UTF-8";
    decode_utf8(bytes, 0, d);
  }
  d.finish();
  return r;
}

}  // namespace fwlint
