// SPDX-License-Identifier: Apache-2.0
// --print-config: the options one input is checked with, as YAML, each
// value followed by a comment that says where it came from.
#include <algorithm>
#include <ostream>

#include "fwlint/analysis/lint.h"
#include "fwlint/config/config.h"

namespace fwlint::config {
namespace {

/// A YAML scalar: plain when that is unambiguous, else double-quoted.
std::string scalar(std::string_view s) {
  auto plain_char = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
           c == '.' || c == '/' || c == '@';
  };
  bool plain = !s.empty() && s.front() != '-' && s.front() != '.' && s != "null" && s != "true" && s != "false" &&
               std::all_of(s.begin(), s.end(), plain_char);
  if (plain) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) < 0x20) {
      static const char* hex = "0123456789abcdef";
      out += "\\x";
      out += hex[(c >> 4) & 0xF];
      out += hex[c & 0xF];
      continue;
    }
    out += c;
  }
  return out + "\"";
}

std::string flow_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + scalar(items[i]);
  return out + "]";
}

class Writer {
 public:
  explicit Writer(std::ostream& out) : out_(out) {}
  /// `  key: value` padded, then `# origin`.
  void line(std::string_view indent, std::string_view key, const std::string& value, const std::string& origin) {
    std::string text = std::string(indent) + std::string(key) + ":" + (value.empty() ? "" : " " + value);
    out_ << text;
    if (!origin.empty()) {
      for (std::size_t pad = text.size(); pad < 40; ++pad) out_ << ' ';
      out_ << "  # " << origin;
    }
    out_ << '\n';
  }
  /// `  - value` padded, then `# origin`.
  void item(std::string_view indent, const std::string& value, const std::string& origin) {
    std::string text = std::string(indent) + "- " + value;
    out_ << text;
    for (std::size_t pad = text.size(); pad < 40; ++pad) out_ << ' ';
    out_ << "  # " << origin << '\n';
  }

 private:
  std::ostream& out_;
};

std::string origin_or(const Effective& e, const std::string& key, const std::string& default_text) {
  auto it = e.origin.find(key);
  return it == e.origin.end() || it->second.empty() ? default_text : it->second;
}

}  // namespace

void write_effective(std::ostream& out, const std::string& input, const Config* config, const Effective& e,
                     const LintOptions& options) {
  Writer w(out);
  w.line("", scalar(input == "-" ? "(standard input)" : input), "", "");
  w.line("  ", "config", config ? scalar(config->path) : "null",
         config ? "" : "no " + std::string(kFileName) + " applies");

  // SDKs and packs as the run resolved them.
  std::vector<std::string> pack_ids, sdk_ids;
  for (const auto& sel : options.checks.packs) {
    pack_ids.push_back(sel.pack->id());
    if (!sel.sdks.empty()) {
      for (const auto* sdk : sel.sdks)
        if (std::find(sdk_ids.begin(), sdk_ids.end(), sdk->id) == sdk_ids.end()) sdk_ids.push_back(sdk->id);
    } else {
      for (const auto& sdk : sel.pack->sdks)
        if (sdk.checked_by_default && std::find(sdk_ids.begin(), sdk_ids.end(), sdk.id) == sdk_ids.end())
          sdk_ids.push_back(sdk.id);
    }
  }
  w.line("  ", "sdks", flow_list(sdk_ids), origin_or(e, "sdks", "default: every sdk the packs check by default"));
  w.line("  ", "pack", flow_list(pack_ids), origin_or(e, "pack", "default"));
  w.line("  ", "sdk_version", e.selection.sdk_version.empty() ? "null" : scalar(e.selection.sdk_version),
         origin_or(e, "sdk_version", "default: the newest version each pack knows"));
  w.line("  ", "without", flow_list(e.selection.without), origin_or(e, "without", "default: every feature is checked"));
  w.line("  ", "dialect", e.selection.dialect.empty() ? "null" : scalar(e.selection.dialect),
         origin_or(e, "dialect", "default: detected from the content"));
  w.line("  ", "sources", flow_list(e.selection.sources),
         origin_or(e, "sources", "default: the networks behind the ingress interface"));

  std::vector<std::pair<std::string, std::string>> levels;  // id -> level
  std::vector<std::string> ignored;
  for (const auto& [id, severity] : e.severities) {
    if (severity) levels.emplace_back(id, severity_name(*severity));
    else ignored.push_back(id);
  }
  if (levels.empty()) {
    w.line("  ", "severity", "{}", "default: each finding's own severity");
  } else {
    w.line("  ", "severity", "", "");
    for (const auto& [id, level] : levels) w.line("    ", id, level, e.severity_origin.at(id));
  }
  if (ignored.empty()) {
    w.line("  ", "ignore", "[]", "default: nothing is ignored");
  } else {
    w.line("  ", "ignore", "", "");
    for (const auto& id : ignored) w.item("    ", id, e.severity_origin.at(id));
  }
  // The limits that are set, with the value in effect (docs/limits.md).
  if (e.limit_origin.empty()) {
    w.line("  ", "limits", "{}", "default: docs/limits.md");
  } else {
    w.line("  ", "limits", "", "");
    for (const LimitInfo& l : limit_catalog())
      if (auto set = e.limit_origin.find(std::string(l.name)); set != e.limit_origin.end())
        w.line("    ", l.name, std::to_string(options.paths.limits.*(l.field)), set->second);
  }
}

}  // namespace fwlint::config
