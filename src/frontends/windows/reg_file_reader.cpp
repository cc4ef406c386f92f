// SPDX-License-Identifier: Apache-2.0
#include "frontends/windows/reg_file_reader.h"

#include "frontends/common/line_reader.h"
#include "fwlint/analysis/findings.h"
#include "fwlint/util/strings.h"

namespace fwlint::windows {
namespace {

constexpr std::size_t npos = std::string_view::npos;

bool is_blank(char c) { return c == ' ' || c == '\t'; }

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/// Nothing, or only a `;` comment, is left.
bool only_comment(std::string_view rest) {
  while (!rest.empty() && is_blank(rest.front())) rest.remove_prefix(1);
  return rest.empty() || rest.front() == ';';
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}

bool istarts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

/// 1 to 8 hex digits at the start of `s`: their value and how many.
std::optional<std::pair<std::uint32_t, std::size_t>> hex_number(std::string_view s) {
  std::uint32_t v = 0;
  std::size_t n = 0;
  while (n < s.size() && hex_digit(s[n]) >= 0) {
    if (n == 8) return std::nullopt;
    v = (v << 4) | static_cast<std::uint32_t>(hex_digit(s[n]));
    ++n;
  }
  if (n == 0) return std::nullopt;
  return std::make_pair(v, n);
}

class RegReader {
 public:
  RegReader(std::string_view text, Diagnostics& diags) : text_(text), diags_(diags) {}

  std::optional<std::vector<RegistryRecord>> read() {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") text_.remove_prefix(3);
    LineReader reader(text_);
    SourceLine line;
    bool header = false;
    while (!header && reader.next(line)) header = !line.body.empty();
    if (!header) {
      diags_.push_back(Diagnostic{finding_id::kUnreadableInput, Severity::Error, SourceLocation{},
                                  "not a .reg file: it is empty"});
      return std::nullopt;
    }
    if (iequals(line.body, "REGEDIT4")) {
      unicode_ = false;
    } else if (!iequals(line.body, "Windows Registry Editor Version 5.00")) {
      diags_.push_back(Diagnostic{
          finding_id::kUnreadableInput, Severity::Error, location_of(line),
          "not a .reg file: the first line is not 'Windows Registry Editor Version 5.00' or 'REGEDIT4'"});
      return std::nullopt;
    }
    while (reader.next(line)) {
      std::string_view body = line.body;
      if (body.empty() || body.front() == ';') continue;
      if (body.front() == '[') {
        read_key_line(line);
      } else if (body.front() == '"' || body.front() == '@') {
        read_value_line(reader, line);
      } else {
        error(line, 0, body.size(), "unrecognized line (expected [KEY], \"name\"=value or a ; comment)");
      }
    }
    return std::move(records_);
  }

 private:
  enum class Section { None, Key, Deleted, Unreadable };

  /// A problem on `line` at body[begin, end).
  void report(Severity severity, const SourceLine& line, std::size_t begin, std::size_t end,
              std::string message) {
    auto column = static_cast<std::uint32_t>(line.body_column() + begin);
    auto last = end > begin ? static_cast<std::uint32_t>(column + (end - begin) - 1) : column;
    diags_.push_back(Diagnostic{finding_id::kUnrecognizedLine, severity, location_of(line, column, last),
                                std::move(message)});
  }
  void error(const SourceLine& line, std::size_t begin, std::size_t end, std::string message) {
    report(Severity::Error, line, begin, end, std::move(message));
  }

  void read_key_line(const SourceLine& line) {
    std::string_view body = line.body;
    std::size_t close = body.rfind(']');
    if (close == npos) {
      error(line, 0, body.size(), "key line has no closing ']'; the values under it are skipped");
      section_ = Section::Unreadable;
      return;
    }
    if (!only_comment(body.substr(close + 1)))
      error(line, close + 1, body.size(), "text after the key line's ']' is ignored");
    std::string_view name = trimmed(body.substr(1, close - 1));
    bool deletion = !name.empty() && name.front() == '-';
    if (deletion) name = trimmed(name.substr(1));
    if (name.empty()) {
      error(line, 0, close + 1, "key line names no key; the values under it are skipped");
      section_ = Section::Unreadable;
      return;
    }
    key_ = std::string(name);
    if (!deletion) {
      section_ = Section::Key;
      return;
    }
    // `[-KEY]` deletes the key; regedit ignores the values listed under it.
    section_ = Section::Deleted;
    RegistryRecord r;
    r.key = key_;
    r.deletes = true;
    r.location = location_of(line);
    records_.push_back(std::move(r));
  }

  void read_value_line(LineReader& reader, const SourceLine& line) {
    std::string_view body = line.body;
    RegistryRecord r;
    std::size_t pos = 1;  // after '@'
    if (body.front() == '"') {
      QuotedRegString name = read_quoted_reg_string(body);
      if (!name.closed()) return error(line, 0, body.size(), "value name has no closing '\"'");
      r.value_name = std::move(name.text);
      pos = name.length;
    }
    while (pos < body.size() && is_blank(body[pos])) ++pos;
    if (pos == body.size() || body[pos] != '=')
      return error(line, 0, body.size(), "expected '=' after the value name");
    ++pos;
    while (pos < body.size() && is_blank(body[pos])) ++pos;
    r.location = location_of(line);
    r.data_columns.first = static_cast<std::uint32_t>(line.body_column() + pos);

    std::string_view data = body.substr(pos);
    bool read = false;
    if (!data.empty() && data.front() == '-' && only_comment(data.substr(1))) {
      r.deletes = true;
      read = true;
    } else if (!data.empty() && data.front() == '"') {
      read = read_string(line, pos, r);
    } else if (istarts_with(data, "dword:")) {
      read = read_dword(line, pos + 6, r);
    } else if (istarts_with(data, "hex")) {
      // Read even when it is not used: its continuation lines must be
      // consumed, not taken for lines of their own.
      read = read_hex(reader, line, pos, r);
    } else {
      error(line, pos, body.size(), "unrecognized value data (expected \"string\", dword:, hex: or -)");
    }
    if (!read) return;
    switch (section_) {
      case Section::Key:
        r.key = key_;
        records_.push_back(std::move(r));
        break;
      case Section::None:
        error(line, 0, body.size(), "value before any [KEY] line; it is skipped");
        break;
      case Section::Deleted:     // regedit ignores it, and so does the reader
      case Section::Unreadable:  // the key line was reported
        break;
    }
  }

  bool read_string(const SourceLine& line, std::size_t pos, RegistryRecord& r) {
    std::string_view body = line.body;
    QuotedRegString s = read_quoted_reg_string(body.substr(pos));
    if (!s.closed()) {
      error(line, pos, body.size(), "string value has no closing '\"'");
      return false;
    }
    if (!only_comment(body.substr(pos + s.length))) {
      error(line, pos + s.length, body.size(), "text after the string value");
      return false;
    }
    if (s.odd_escape != npos)
      report(Severity::Warning, line, pos + s.odd_escape, pos + s.odd_escape + 2,
             "'" + std::string(body.substr(pos + s.odd_escape, 2)) +
                 "' is not a .reg escape (write '\\\\' for a backslash); it is kept as written");
    r.type = kRegSz;
    r.data_utf8 = std::move(s.text);
    r.data_columns.first += 1;  // after the opening quote
    r.data_columns.escaped = std::move(s.escaped);
    return true;
  }

  bool read_dword(const SourceLine& line, std::size_t pos, RegistryRecord& r) {
    std::string_view body = line.body;
    auto number = hex_number(body.substr(pos));
    if (!number || !only_comment(body.substr(pos + number->second))) {
      error(line, pos, body.size(), "dword value needs 1 to 8 hex digits (dword:0000001f)");
      return false;
    }
    r.type = kRegDword;
    r.dword = number->first;
    return true;
  }

  /// `hex:` (REG_BINARY) or `hex(N):` bytes `xx,xx,…`, continued over
  /// lines that end with a backslash.
  bool read_hex(LineReader& reader, const SourceLine& line, std::size_t pos, RegistryRecord& r) {
    std::string_view body = line.body;
    std::size_t at = pos + 3;
    r.type = kRegBinary;
    bool ok = true;
    if (at < body.size() && body[at] == '(') {
      auto number = hex_number(body.substr(at + 1));
      if (!number || at + 1 + number->second >= body.size() || body[at + 1 + number->second] != ')') {
        error(line, pos, body.size(), "hex(N) needs a hex registry type between the parentheses");
        ok = false;
      } else {
        r.type = number->first;
        at += number->second + 2;
      }
    }
    if (ok && (at >= body.size() || body[at] != ':')) {
      error(line, pos, body.size(), "expected ':' after hex");
      ok = false;
    }
    std::string bytes;
    const SourceLine* segment_line = &line;
    SourceLine continued;
    std::size_t segment_start = ok ? at + 1 : body.size();
    for (;;) {
      std::string_view segment =
          segment_line->body.substr(std::min(segment_start, segment_line->body.size()));
      bool more = !segment.empty() && segment.back() == '\\';
      if (more) segment.remove_suffix(1);
      if (ok)
        ok = read_hex_bytes(*segment_line, segment, segment_line->body.size() - segment.size() - more, more,
                            bytes);
      if (!more || !reader.next(continued)) break;
      segment_line = &continued;
      segment_start = 0;
    }
    if (!ok) return false;
    decode_hex(line, r, bytes);
    return true;
  }

  /// Bytes `xx,xx,…` of one line (`segment` starts at body[offset]); a
  /// final comma is allowed when the list continues.
  bool read_hex_bytes(const SourceLine& line, std::string_view segment, std::size_t offset, bool more,
                      std::string& bytes) {
    std::size_t i = 0;
    while (i < segment.size()) {
      std::size_t comma = std::min(segment.find(',', i), segment.size());
      std::string_view item = trimmed(segment.substr(i, comma - i));
      bool last = comma == segment.size();
      if (item.empty() && last && (more || i > 0)) break;  // `…,\` or a final `,`
      if (item.empty() || item.size() > 2 || hex_digit(item[0]) < 0 ||
          (item.size() == 2 && hex_digit(item[1]) < 0)) {
        std::size_t begin = offset + i, end = offset + comma;
        error(line, begin, std::max(end, begin + 1),
              "'" + std::string(item.substr(0, 16)) + "' is not a hex byte");
        return false;
      }
      int v = hex_digit(item[0]);
      if (item.size() == 2) v = v * 16 + hex_digit(item[1]);
      bytes += static_cast<char>(v);
      i = comma + 1;
    }
    return true;
  }

  void decode_hex(const SourceLine& line, RegistryRecord& r, const std::string& bytes) {
    if (r.type == kRegSz || r.type == kRegExpandSz) {
      // Version 5 files store strings as UTF-16LE bytes, REGEDIT4 files
      // as single bytes.
      if (unicode_) {
        std::size_t unpaired = 0;
        r.data_utf8 = utf16le_to_utf8(bytes, unpaired);
        if (unpaired)
          report(Severity::Warning, line, 0, line.body.size(),
                 "string data has an unpaired UTF-16 surrogate, read as U+FFFD");
      } else {
        r.data_utf8 = bytes;
      }
      remove_trailing_nuls(r.data_utf8);
    } else if (r.type == kRegDword && bytes.size() == 4) {
      std::uint32_t v = 0;
      for (std::size_t i = 0; i < 4; ++i)
        v |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << (8 * i);
      r.dword = v;
    }
  }

  std::string_view text_;
  Diagnostics& diags_;
  bool unicode_ = true;
  Section section_ = Section::None;
  std::string key_;
  std::vector<RegistryRecord> records_;
};

}  // namespace

QuotedRegString read_quoted_reg_string(std::string_view source) {
  QuotedRegString s;
  for (std::size_t i = 1; i < source.size(); ++i) {
    char c = source[i];
    if (c == '"') {
      s.length = i + 1;
      return s;
    }
    if (c == '\\' && i + 1 < source.size() && (source[i + 1] == '\\' || source[i + 1] == '"')) {
      s.escaped.push_back(static_cast<std::uint32_t>(s.text.size()));
      s.text += source[++i];
      continue;
    }
    if (c == '\\' && s.odd_escape == npos) s.odd_escape = i;
    s.text += c;
  }
  return s;  // no closing quote: length stays 0
}

std::optional<std::vector<RegistryRecord>> read_reg_file(std::string_view utf8_text, Diagnostics& diags) {
  return RegReader(utf8_text, diags).read();
}

}  // namespace fwlint::windows
