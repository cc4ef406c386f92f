// SPDX-License-Identifier: Apache-2.0
#include "frontends/windows/pol_file_reader.h"

#include "frontends/common/line_reader.h"
#include "fwlint/analysis/findings.h"

namespace fwlint::windows {
namespace {

constexpr std::string_view kMagic = "PReg";
constexpr std::uint32_t kSupportedVersion = 1;
constexpr std::size_t kHeaderSize = 8;

std::uint32_t uint32_le(std::string_view bytes, std::size_t at) {
  std::uint32_t v = 0;
  for (std::size_t i = 0; i < 4; ++i)
    v |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + i])) << (8 * i);
  return v;
}

/// The short text a record is shown with: `key\value = data`.
std::string record_text(const RegistryRecord& r, std::size_t data_size) {
  std::string text = r.key + "\\" + r.value_name + " = ";
  if (r.type == kRegSz || r.type == kRegExpandSz) return text + r.data_utf8;
  if (r.dword) return text + std::to_string(*r.dword);
  return text + "(" + registry_type_name(r.type) + ", " + std::to_string(data_size) + " bytes)";
}

/// Reads records one at a time; every read checks the bytes left first,
/// so a damaged file ends the loop instead of the reader.
class PolReader {
 public:
  PolReader(std::string_view bytes, Diagnostics& diags) : bytes_(bytes), diags_(diags) {}

  std::optional<std::vector<RegistryRecord>> read() {
    if (bytes_.substr(0, kMagic.size()) != kMagic) {
      report(Severity::Error, SourceLocation{}, "not a registry.pol file: it does not start with 'PReg'");
      return std::nullopt;
    }
    if (bytes_.size() < kHeaderSize) {
      report(Severity::Error, SourceLocation{}, "registry.pol header is cut short: no version after 'PReg'");
      return std::nullopt;
    }
    if (std::uint32_t version = uint32_le(bytes_, kMagic.size()); version != kSupportedVersion) {
      report(Severity::Error, SourceLocation{},
             "registry.pol version " + std::to_string(version) + " is not supported (only version 1 is)");
      return std::nullopt;
    }
    std::vector<RegistryRecord> records;
    pos_ = kHeaderSize;
    while (pos_ < bytes_.size()) {
      ++number_;
      std::optional<RegistryRecord> record = read_record();
      if (!record) break;
      records.push_back(std::move(*record));
    }
    return records;
  }

 private:
  void report(Severity severity, SourceLocation where, std::string message) {
    diags_.push_back(
        Diagnostic{finding_id::kUnreadableInput, severity, std::move(where), std::move(message)});
  }

  /// A damaged record: reported at the record number with the byte offset
  /// of the damage; the reading stops.
  std::nullopt_t damaged(std::size_t at, const std::string& message) {
    SourceLocation where{number_, 1, 0, partial_text_};
    report(Severity::Error, where,
           "record " + std::to_string(number_) + " at byte " + std::to_string(at) + ": " + message +
               "; the records after it are not read");
    return std::nullopt;
  }

  /// Reads the UTF-16LE character `c` at pos_.
  bool expect(char c) {
    if (bytes_.size() - pos_ < 2 || bytes_[pos_] != c || bytes_[pos_ + 1] != '\0') return false;
    pos_ += 2;
    return true;
  }

  /// A NUL-terminated UTF-16LE string at pos_ (the NUL consumed).
  std::optional<std::string> read_string(const char* what) {
    std::size_t start = pos_;
    std::size_t end = start;
    while (bytes_.size() - end >= 2 && !(bytes_[end] == '\0' && bytes_[end + 1] == '\0')) end += 2;
    if (bytes_.size() - end < 2)
      return damaged(start, std::string("the ") + what + " has no terminating NUL");
    pos_ = end + 2;
    std::size_t unpaired = 0;
    std::string text = utf16le_to_utf8(bytes_.substr(start, end - start), unpaired);
    if (unpaired) warn_unpaired(start, what);
    return text;
  }

  std::optional<std::uint32_t> read_uint32(const char* what) {
    if (bytes_.size() - pos_ < 4) return damaged(pos_, std::string("the file ends inside the ") + what);
    std::uint32_t v = uint32_le(bytes_, pos_);
    pos_ += 4;
    return v;
  }

  void warn_unpaired(std::size_t at, const char* what) {
    report(Severity::Warning, SourceLocation{number_, 1, 0, partial_text_},
           "record " + std::to_string(number_) + " at byte " + std::to_string(at) + ": the " + what +
               " has an unpaired UTF-16 surrogate, read as U+FFFD");
  }

  std::optional<RegistryRecord> read_record() {
    RegistryRecord r;
    partial_text_.clear();
    if (!expect('[')) return damaged(pos_, "expected '[' at the start of a record");
    std::optional<std::string> key = read_string("key");
    if (!key) return std::nullopt;
    r.key = std::move(*key);
    partial_text_ = r.key;
    if (!expect(';')) return damaged(pos_, "expected ';' after the key");
    std::optional<std::string> value = read_string("value name");
    if (!value) return std::nullopt;
    r.value_name = std::move(*value);
    partial_text_ += "\\" + r.value_name;
    if (!expect(';')) return damaged(pos_, "expected ';' after the value name");
    std::optional<std::uint32_t> type = read_uint32("type");
    if (!type) return std::nullopt;
    r.type = *type;
    if (!expect(';')) return damaged(pos_, "expected ';' after the type");
    std::size_t size_at = pos_;
    std::optional<std::uint32_t> size = read_uint32("size");
    if (!size) return std::nullopt;
    if (!expect(';')) return damaged(pos_, "expected ';' after the size");
    // Checked before anything of that size exists: a hostile size costs
    // nothing.
    if (*size > bytes_.size() - pos_)
      return damaged(size_at, "data size " + std::to_string(*size) + " goes beyond the end of the file (" +
                                  std::to_string(bytes_.size() - pos_) + " bytes left)");
    std::size_t data_at = pos_;
    std::string_view data = bytes_.substr(pos_, *size);
    pos_ += *size;
    if (!expect(']')) return damaged(pos_, "expected ']' after " + std::to_string(*size) + " bytes of data");
    decode_data(r, data, data_at);
    locate(r, data.size());
    return r;
  }

  void decode_data(RegistryRecord& r, std::string_view data, std::size_t data_at) {
    if (r.type == kRegSz || r.type == kRegExpandSz) {
      std::size_t unpaired = 0;
      r.data_utf8 = utf16le_to_utf8(data, unpaired);
      remove_trailing_nuls(r.data_utf8);
      if (unpaired) warn_unpaired(data_at, "string data");
      if (data.size() % 2)
        report(Severity::Warning, SourceLocation{number_, 1, 0, partial_text_},
               "record " + std::to_string(number_) + " at byte " + std::to_string(data_at) +
                   ": string data of odd size " + std::to_string(data.size()) + "; its last byte is ignored");
    } else if (r.type == kRegDword && data.size() == 4) {
      r.dword = uint32_le(data, 0);
    }
  }

  void locate(RegistryRecord& r, std::size_t data_size) {
    std::string text = record_text(r, data_size);
    SourceLine line;
    line.number = number_;
    line.text = text;
    line.body = text;
    // Column 1 and the whole text: the record is one unit. The data's
    // characters start after "key\value = ", for the columns of fields.
    r.location = location_of(line, 1, static_cast<std::uint32_t>(text.size()));
    r.data_columns.first = static_cast<std::uint32_t>(r.key.size() + r.value_name.size() + 5);
  }

  std::string_view bytes_;
  Diagnostics& diags_;
  std::size_t pos_ = 0;
  std::uint32_t number_ = 0;
  std::string partial_text_;  ///< `key\value` of the record being read, for its problems
};

}  // namespace

std::optional<std::vector<RegistryRecord>> read_pol_file(std::string_view bytes, Diagnostics& diags) {
  return PolReader(bytes, diags).read();
}

}  // namespace fwlint::windows
