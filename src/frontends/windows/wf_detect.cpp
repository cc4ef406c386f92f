// SPDX-License-Identifier: Apache-2.0
// Recognizes the Windows Firewall forms by content: binary magics first
// (PReg, regf), then the text after decoding UTF-16/UTF-8 from the bytes.
#include "frontends/windows/wf_detect.h"

#include <string>

#include "frontends/common/text_decoder.h"
#include "fwlint/util/strings.h"

namespace fwlint::windows {
namespace {

std::string_view skip_blanks(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n'))
    s.remove_prefix(1);
  return s;
}

bool starts_with_icase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

/// Lines that look like `v2.30|Action=…|` (possibly after an id).
int rule_string_lines(std::string_view text) {
  int count = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    std::string_view line = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    std::size_t v = line.find("v2.");
    if (v != std::string_view::npos && line.find('|', v) != std::string_view::npos &&
        (line.find("|Action=") != std::string_view::npos || line.find("|Dir=") != std::string_view::npos))
      ++count;
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return count;
}

}  // namespace

WfSniff sniff_windows_form(std::string_view head) {
  if (head.starts_with("PReg")) return {WfForm::RegistryPol, 95};
  if (head.starts_with("regf")) return {WfForm::RegistryHive, 90};
  DecodedText decoded = decode_text(head);
  std::string_view text = skip_blanks(decoded.utf8);
  if (text.starts_with("<")) {
    bool firewall = text.find("GroupPolicy/Settings/WindowsFirewall") != std::string_view::npos;
    bool report = text.find("<GPO") != std::string_view::npos || text.find("<Rsop") != std::string_view::npos ||
                  text.find("microsoft.com/GroupPolicy") != std::string_view::npos;
    bool clixml = text.find("schemas.microsoft.com/powershell/2004/04") != std::string_view::npos &&
                  text.find("NetFirewall") != std::string_view::npos;
    bool syncml = text.find("<SyncML") != std::string_view::npos &&
                  text.find("/Vendor/MSFT/Firewall") != std::string_view::npos;
    if (firewall) return {WfForm::Report, 95};
    if (report) return {WfForm::Report, 80};
    if (clixml || syncml) return {WfForm::Report, 70};
    return {};
  }
  if (starts_with_icase(text, "Windows Registry Editor Version") || starts_with_icase(text, "REGEDIT4")) {
    bool firewall = text.find("WindowsFirewall") != std::string_view::npos ||
                    text.find("FirewallPolicy") != std::string_view::npos;
    return {WfForm::RegFile, firewall ? 95 : 60};
  }
  if (int lines = rule_string_lines(text); lines > 0) return {WfForm::RuleStrings, lines > 1 ? 90 : 80};
  if (text.find("Rule Name:") != std::string_view::npos && text.find("Direction:") != std::string_view::npos &&
      text.find("Action:") != std::string_view::npos)
    return {WfForm::NetshText, 60};
  return {};
}

}  // namespace fwlint::windows
