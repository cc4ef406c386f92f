// SPDX-License-Identifier: Apache-2.0
#include "fwlint/frontends/input_limits.h"

#include <charconv>
#include <limits>

namespace fwlint {

const std::vector<LimitInfo>& limit_catalog() {
  static const std::vector<LimitInfo> catalog = {
      {"file-size", &InputLimits::file_size, "bytes", "an input file, or standard input"},
      {"line-length", &InputLimits::line_length, "bytes",
       "a Cisco ASA or iptables-save line that is parsed; a longer one is reported and skipped"},
      {"rule-string-length", &InputLimits::rule_string_length, "bytes",
       "a Windows Firewall rule string (registry.pol, .reg, rule-string files)"},
      {"nesting", &InputLimits::nesting, "levels",
       "pf brace lists inside lists, and macros inside macros"},
      {"include-depth", &InputLimits::include_depth, "levels",
       "pf `include` and `load anchor` files inside included files"},
      {"include-files", &InputLimits::include_files, "files",
       "files one pf.conf reads besides itself (includes, anchors, table files)"},
      {"include-size", &InputLimits::include_size, "bytes", "those files together"},
      {"expansion-size", &InputLimits::expansion_size, "bytes",
       "a pf statement once its macros are expanded"},
      {"repeated-diagnostics", &InputLimits::repeated_diagnostics, "diagnostics",
       "diagnostics of one id shown for a file; the rest are counted in one more"},
  };
  return catalog;
}

bool set_limit(InputLimits& limits, std::string_view name, std::string_view value,
               std::string& error) {
  const LimitInfo* info = nullptr;
  for (const auto& l : limit_catalog())
    if (l.name == name) info = &l;
  if (!info) {
    error = "unknown limit '" + std::string(name.substr(0, 60)) + "'";
    return false;
  }
  std::size_t scale = 1;
  if (!value.empty() && info->unit == "bytes") {
    switch (value.back()) {
      case 'K': case 'k': scale = std::size_t{1} << 10; break;
      case 'M': case 'm': scale = std::size_t{1} << 20; break;
      case 'G': case 'g': scale = std::size_t{1} << 30; break;
      default: break;
    }
    if (scale != 1) value.remove_suffix(1);
  }
  std::size_t n = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
  if (value.empty() || ec != std::errc{} || end != value.data() + value.size() || n == 0 ||
      n > std::numeric_limits<std::size_t>::max() / scale) {
    error = "limit " + std::string(name) + " needs a positive whole number" +
            (info->unit == "bytes" ? " of bytes (K, M and G suffixes allowed)" : "") + ", not '" +
            std::string(value.substr(0, 60)) + "'";
    return false;
  }
  limits.*(info->field) = n * scale;
  return true;
}

}  // namespace fwlint
