// SPDX-License-Identifier: Apache-2.0
// The windows frontend on bad and unusual input, through lint_content and the
// real CLI: files that are not a policy export (a .wfw registry hive, netsh
// text, PowerShell CLIXML, a lone byte order mark), every text encoding a
// report arrives in, damaged and hostile XML, rules with missing or bad
// tokens, multi-GPO and RSoP reports, disabled GPOs, the --profile, --app and
// --service options, and one policy written in all four forms (Group Policy
// report, .reg export, rule strings, registry.pol) giving the same verdicts.
// Every report here is synthetic, written after the real ones described in
// the Windows firewall formats notes.
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "fwlint/analysis/lint.h"
#include "test_support.h"
#include "wf_test_bytes.h"

namespace fwlint::windows {
namespace {

namespace fs = std::filesystem;
using test::TempFile;

using fwlint::test::le32;
using fwlint::test::utf16;

// --- encodings -----------------------------------------------------------------

// --- one policy in every form -----------------------------------------------------

/// A rule as its tokens, in rule-string order; "Dir" decides the report's
/// container element.
using Tokens = std::vector<std::pair<std::string, std::string>>;

/// Profile settings (registry DWORDs) applied to all three profiles, and rules.
struct Spec {
  std::vector<std::pair<std::string, std::uint32_t>> settings;
  std::vector<Tokens> rules;
};

constexpr const char* kProfileElements[] = {"DomainProfile", "PrivateProfile", "PublicProfile"};
constexpr const char* kStore = "SOFTWARE\\Policies\\Microsoft\\WindowsFirewall";

std::string rule_string(const Tokens& tokens) {
  std::string s = "v2.30|";
  for (const auto& [k, v] : tokens) s += k + "=" + v + "|";
  return s;
}

std::string dir_of(const Tokens& tokens) {
  for (const auto& [k, v] : tokens)
    if (k == "Dir") return v;
  return "Out";
}

/// A rule element of a report. The report folds RPort2_10 into RPort, and
/// writes booleans in lower case.
std::string rule_element(const Tokens& tokens, const std::string& p = "q1",
                         const std::string& provenance = "") {
  std::string tag =
      p + (dir_of(tokens) == "In" ? ":InboundFirewallRules" : ":OutboundFirewallRules");
  std::string out = "        <" + tag + ">\n" + provenance;
  out += "          <" + p + ":Version>2.30</" + p + ":Version>\n";
  for (auto [k, v] : tokens) {
    if (k == "RPort2_10") k = "RPort";
    if (k == "LPort2_10") k = "LPort";
    if (v == "TRUE") v = "true";
    if (v == "FALSE") v = "false";
    out += "          <" + p + ":" + k + ">" + v + "</" + p + ":" + k + ">\n";
  }
  return out + "        </" + tag + ">\n";
}

std::string setting_element(const std::string& name, const std::string& value,
                            const std::string& p = "q1", const std::string& provenance = "") {
  return "            <" + p + ":" + name + ">\n" + provenance + "              <" + p + ":Value>" +
         value + "</" + p + ":Value>\n            </" + p + ":" + name + ">\n";
}

std::string profiles_xml(const std::vector<std::pair<std::string, std::uint32_t>>& settings,
                         const std::string& p = "q1", const std::string& provenance = "") {
  std::string out;
  if (settings.empty()) return out;
  for (const char* profile : kProfileElements) {
    out += std::string("          <") + p + ":" + profile + ">\n";
    for (const auto& [name, value] : settings)
      out += setting_element(name, value ? "true" : "false", p, provenance);
    out += std::string("          </") + p + ":" + profile + ">\n";
  }
  return out;
}

/// The Windows Firewall extension of a report with prefix `p`.
std::string extension(const Spec& spec, const std::string& p = "q1",
                      const std::string& provenance = "") {
  std::string out = "      <Extension xmlns:" + p +
                    "=\"http://www.microsoft.com/GroupPolicy/Settings/WindowsFirewall\" "
                    "xsi:type=\"" + p + ":WindowsFirewallSettings\">\n";
  out += "        <" + p + ":GlobalSettings><" + p + ":PolicyVersion><" + p + ":Value>542</" + p +
         ":Value></" + p + ":PolicyVersion></" + p + ":GlobalSettings>\n";
  out += profiles_xml(spec.settings, p, provenance);
  for (const Tokens& r : spec.rules) out += rule_element(r, p, provenance);
  return out + "      </Extension>\n";
}

constexpr const char* kXmlns =
    "xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" "
    "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
    "xmlns=\"http://www.microsoft.com/GroupPolicy/Settings\"";

/// One <GPO> element as Get-GPOReport writes it.
std::string gpo_element(const std::string& name, const Spec& spec, bool computer_enabled = true) {
  return std::string("<GPO ") + kXmlns +
         ">\n"
         "  <Identifier>\n"
         "    <Identifier xmlns=\"http://www.microsoft.com/GroupPolicy/Types\">"
         "{5D2C1E0A-6F3B-4C8E-9A71-2B4D6E8F0A13}</Identifier>\n"
         "    <Domain xmlns=\"http://www.microsoft.com/GroupPolicy/Types\">"
         "corp.example.com</Domain>\n"
         "  </Identifier>\n"
         "  <Name>" + name + "</Name>\n"
         "  <IncludeComments>true</IncludeComments>\n"
         "  <Computer>\n"
         "    <VersionDirectory>4</VersionDirectory>\n"
         "    <VersionSysvol>4</VersionSysvol>\n"
         "    <Enabled>" + (computer_enabled ? "true" : "false") + "</Enabled>\n"
         "    <ExtensionData>\n" + extension(spec) +
         "      <Name>Windows Firewall</Name>\n"
         "    </ExtensionData>\n"
         "  </Computer>\n"
         "  <User>\n"
         "    <VersionDirectory>0</VersionDirectory>\n"
         "    <VersionSysvol>0</VersionSysvol>\n"
         "    <Enabled>true</Enabled>\n"
         "  </User>\n"
         "</GPO>\n";
}

constexpr const char* kDeclaration = "<?xml version=\"1.0\" encoding=\"utf-16\"?>\n";

std::string report(const Spec& spec, const std::string& name = "Contoso Workstation Firewall",
                   bool computer_enabled = true) {
  return kDeclaration + gpo_element(name, spec, computer_enabled);
}

std::string reg_escaped(const std::string& s) {
  std::string out;
  for (char c : s) out += c == '\\' || c == '"' ? std::string("\\") + c : std::string(1, c);
  return out;
}

std::string reg_export(const Spec& spec) {
  std::string out = "Windows Registry Editor Version 5.00\r\n\r\n";
  std::string store = std::string("HKEY_LOCAL_MACHINE\\") + kStore;
  for (const char* profile : kProfileElements) {
    if (spec.settings.empty()) break;
    out += "[" + store + "\\" + profile + "]\r\n";
    for (const auto& [name, value] : spec.settings) {
      char hex[9];
      std::snprintf(hex, sizeof hex, "%08x", value);
      out += "\"" + name + "\"=dword:" + hex + "\r\n";
    }
    out += "\r\n";
  }
  out += "[" + store + "\\FirewallRules]\r\n";
  for (std::size_t i = 0; i < spec.rules.size(); ++i)
    out += "\"{rule-" + std::to_string(i) + "}\"=\"" + reg_escaped(rule_string(spec.rules[i])) +
           "\"\r\n";
  return out;
}

std::string rule_strings(const Spec& spec) {
  std::string out = "# exported rule strings\n";
  for (std::size_t i = 0; i < spec.rules.size(); ++i)
    out += "{rule-" + std::to_string(i) + "}\t" + rule_string(spec.rules[i]) + "\n";
  return out;
}

/// One PReg record: `[key;value;type;size;data]`, brackets, separators
/// and strings in UTF-16LE, type and size as little-endian DWORDs.
std::string preg_record(const std::string& key, const std::string& value, std::uint32_t type,
                        const std::string& data) {
  auto wide = [](const std::string& s) { return utf16(s, false, false); };
  auto nul = std::string(2, '\0');
  return wide("[") + wide(key) + nul + wide(";") + wide(value) + nul + wide(";") + le32(type) +
         wide(";") + le32(static_cast<std::uint32_t>(data.size())) + wide(";") + data + wide("]");
}

std::string registry_pol(const Spec& spec) {
  std::string out = "PReg" + le32(1);
  for (const char* profile : kProfileElements)
    for (const auto& [name, value] : spec.settings)
      out += preg_record(std::string(kStore) + "\\" + profile, name, 4, le32(value));
  for (std::size_t i = 0; i < spec.rules.size(); ++i)
    out += preg_record(std::string(kStore) + "\\FirewallRules", "{rule-" + std::to_string(i) + "}",
                       1, utf16(rule_string(spec.rules[i]), false, false) + std::string(2, '\0'));
  return out;
}

// --- running it ---------------------------------------------------------------------

FileResult lint(std::string_view bytes, PathOptions paths = {}) {
  LintOptions o;
  o.paths = std::move(paths);
  o.checks.pack = &builtin_packs().front();
  return lint_content("input", bytes, o);
}

/// Verdict per "sdk / path" (the path is "Domain profile", … or "-").
std::map<std::string, std::string> verdicts(const FileResult& f) {
  std::map<std::string, std::string> out;
  for (const CheckResult& c : f.checks) out[c.sdk + " / " + c.path] = check_verdict_name(c.verdict);
  return out;
}

CheckVerdict verdict(const FileResult& f, const std::string& sdk, const std::string& profile) {
  for (const CheckResult& c : f.checks)
    if (c.sdk == sdk && c.path == profile + " profile") return c.verdict;
  ADD_FAILURE() << "no check of " << sdk << " in the " << profile << " profile";
  return CheckVerdict::Unknown;
}

const Diagnostic* find_diagnostic(const FileResult& f, const char* id,
                                  const std::string& text = "") {
  for (const Diagnostic& d : f.diagnostics)
    if (d.id == id && d.message.find(text) != std::string::npos) return &d;
  return nullptr;
}

std::string dump(const FileResult& f) {
  std::string s = "status " + std::string(parse_status_name(f.status)) + "\n";
  for (const Diagnostic& d : f.diagnostics)
    s += d.id + " " + std::to_string(d.where.line) + ":" + std::to_string(d.where.column) + " " +
         d.message.substr(0, 300) + "\n";
  return s;
}

bool unknown_because(const FileResult& f, const std::string& profile, const std::string& text) {
  for (const CheckResult& c : f.checks)
    if (c.path == profile + " profile")
      for (const Finding& x : c.findings)
        if (x.id == std::string(finding_id::kResultUnknown) &&
            x.message.find(text) != std::string::npos)
          return true;
  return false;
}

/// Line and column (1-based, bytes) of offset `at` of `text`.
std::pair<std::uint32_t, std::uint32_t> line_column(const std::string& text, std::size_t at) {
  std::size_t line_start = text.rfind('\n', at);
  line_start = line_start == std::string::npos ? 0 : line_start + 1;
  auto line = std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n') + 1;
  return {static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(at - line_start + 1)};
}

/// Where the last `needle` before the first `anchor` of `text` starts.
using LineColumn = std::pair<std::uint32_t, std::uint32_t>;

LineColumn position_before(const std::string& text, const std::string& needle,
                           const std::string& anchor) {
  return line_column(text, text.rfind(needle, text.find(anchor)));
}

/// Where the first `needle` after the first `anchor` of `text` starts.
LineColumn position_after(const std::string& text, const std::string& needle,
                          const std::string& anchor) {
  return line_column(text, text.find(needle, text.find(anchor)));
}


struct CliResult {
  test::CliRun run;
  nlohmann::json file;  ///< files[0] of the JSON report; null when there is none
};

/// Runs the CLI on `bytes` with `--format json` and `args`; checks that it
/// ended by itself with the exit code its report calls for: 2 when the
/// input was not usable at all, 0 or 1 otherwise. The policies here are
/// written for the agora@2020-09 values, so that pack is the one checked.
CliResult cli(const std::string& bytes, std::vector<std::string> args = {}) {
  TempFile f(bytes);
  args.insert(args.begin(), {f.path(), "--format", "json", "--pack", "agora@2020-09"});
  CliResult r;
  r.run = test::run_cli(args);
  EXPECT_EQ(r.run.signal, 0) << "killed by signal " << r.run.signal << "\n" << r.run.err;
  if (r.run.out.empty()) return r;
  nlohmann::json doc = nlohmann::json::parse(r.run.out, nullptr, false);
  EXPECT_FALSE(doc.is_discarded()) << r.run.out.substr(0, 500);
  if (doc.is_discarded()) return r;
  r.file = doc["files"][0];
  if (r.file["status"] == "failed") {
    EXPECT_EQ(r.run.exit_code, 2) << r.run.err;
  } else {
    EXPECT_TRUE(r.run.exit_code == 0 || r.run.exit_code == 1)
        << r.run.exit_code << "\n" << r.run.err;
  }
  return r;
}

bool json_diagnostic(const nlohmann::json& file, const std::string& id, const std::string& text) {
  for (const auto& d : file["diagnostics"])
    if (d["id"] == id && d["message"].get<std::string>().find(text) != std::string::npos)
      return true;
  return false;
}

std::vector<std::string> json_paths(const nlohmann::json& file) {
  std::vector<std::string> out;
  for (const auto& c : file["checks"]) {
    std::string path = c["path"];
    if (path != "-" && std::find(out.begin(), out.end(), path) == out.end()) out.push_back(path);
  }
  return out;
}

// --- policies used below ----------------------------------------------------------------

const std::vector<std::pair<std::string, std::uint32_t>> kBlockOutbound = {
    {"EnableFirewall", 1}, {"DefaultOutboundAction", 1}, {"AllowLocalPolicyMerge", 0}};
const std::vector<std::pair<std::string, std::uint32_t>> kAllowOutbound = {
    {"EnableFirewall", 1}, {"DefaultOutboundAction", 0}, {"AllowLocalPolicyMerge", 0}};

const Tokens kRtmWebAllow = {
    {"Action", "Allow"}, {"Name", "Agora RTM (TCP-Out)"}, {"Dir", "Out"},      {"RPort", "443"},
    {"RPort", "6443"},   {"RPort", "9591"},               {"RPort", "9593"},   {"Protocol", "6"},
    {"Active", "TRUE"}};

const Tokens kBlockHighUdpOnPublic = {
    {"Action", "Block"},         {"Name", "No high UDP on public networks"}, {"Dir", "Out"},
    {"Profile", "Public"},       {"RPort2_10", "1025-65535"},                {"Protocol", "17"},
    {"Active", "TRUE"}};

/// A report with a firewall that blocks outbound by default and lets RTM's
/// web ports out, plus a block rule for high UDP ports on public networks.
Spec rtm_web_policy() { return Spec{kBlockOutbound, {kRtmWebAllow, kBlockHighUdpOnPublic}}; }

// --- files that are not a policy export --------------------------------------------

TEST(WindowsFrontendRejects, ARegistryHiveWithAHintAtNetshExport) {
  std::string hive = std::string("regf") + le32(0x1F2) + le32(0x1F2) + std::string(500, '\x5A') +
                     std::string("\0\x01\xFFhbin", 7);
  FileResult f = lint(hive);
  EXPECT_EQ(f.format, "windows");
  EXPECT_EQ(f.status, ParseStatus::Failed);
  const Diagnostic* d = find_diagnostic(f, finding_id::kUnreadableInput, "registry hive");
  ASSERT_NE(d, nullptr) << dump(f);
  EXPECT_NE(d->message.find("netsh"), std::string::npos) << d->message;
  EXPECT_NE(d->message.find(".wfw"), std::string::npos) << d->message;
  EXPECT_NE(d->message.find("Get-GPOReport"), std::string::npos) << "names what to export instead";

  CliResult r = cli(hive);
  EXPECT_EQ(r.run.exit_code, 2);
  EXPECT_EQ(r.file["status"], "failed");
  EXPECT_TRUE(json_diagnostic(r.file, "FWL106", ".wfw")) << r.run.out;
}

/// `netsh advfirewall firewall show rule name=all` on an English Windows.
const char* kNetshShowRule =
    "\r\n"
    "Rule Name:                            Agora Video Call (UDP-Out)\r\n"
    "----------------------------------------------------------------------\r\n"
    "Enabled:                              Yes\r\n"
    "Direction:                            Out\r\n"
    "Profiles:                             Domain,Private,Public\r\n"
    "Grouping:                             \r\n"
    "LocalIP:                              Any\r\n"
    "RemoteIP:                             Any\r\n"
    "Protocol:                             UDP\r\n"
    "LocalPort:                            Any\r\n"
    "RemotePort:                           3478-3500,4700-5000\r\n"
    "Edge traversal:                       No\r\n"
    "Action:                               Allow\r\n"
    "\r\n"
    "Rule Name:                            Block SMB to the Internet\r\n"
    "----------------------------------------------------------------------\r\n"
    "Enabled:                              Yes\r\n"
    "Direction:                            Out\r\n"
    "Profiles:                             Public\r\n"
    "Grouping:                             \r\n"
    "LocalIP:                              Any\r\n"
    "RemoteIP:                             Internet\r\n"
    "Protocol:                             TCP\r\n"
    "LocalPort:                            Any\r\n"
    "RemotePort:                           445\r\n"
    "Edge traversal:                       No\r\n"
    "Action:                               Block\r\n"
    "Ok.\r\n"
    "\r\n";

TEST(WindowsFrontendRejects, NetshShowRuleTextInEveryEncodingItIsSavedIn) {
  // cmd.exe redirection writes the console code page, PowerShell 5.1's `>`
  // UTF-16LE with a byte order mark.
  for (const std::string& bytes : {std::string(kNetshShowRule), utf16(kNetshShowRule)}) {
    FileResult f = lint(bytes);
    EXPECT_EQ(f.format, "windows");
    EXPECT_EQ(f.status, ParseStatus::Failed);
    const Diagnostic* d =
        find_diagnostic(f, finding_id::kUnreadableInput, "netsh advfirewall firewall show rule");
    ASSERT_NE(d, nullptr) << dump(f);
    EXPECT_NE(d->message.find("localized"), std::string::npos) << d->message;
    EXPECT_TRUE(f.checks.empty());

    CliResult r = cli(bytes);
    EXPECT_EQ(r.run.exit_code, 2);
    EXPECT_TRUE(json_diagnostic(r.file, "FWL106", "show rule")) << r.run.out;
  }
}

/// `Get-NetFirewallRule | Export-Clixml` (PowerShell 7: UTF-8 without BOM).
const char* kClixml =
    "<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">\r\n"
    "  <Obj RefId=\"0\">\r\n"
    "    <TN RefId=\"0\">\r\n"
    "      <T>Microsoft.Management.Infrastructure.CimInstance#root/standardcimv2/"
    "MSFT_NetFirewallRule</T>\r\n"
    "      <T>Microsoft.Management.Infrastructure.CimInstance#root/standardcimv2/"
    "MSFT_NetSASettingData</T>\r\n"
    "      <T>Microsoft.Management.Infrastructure.CimInstance</T>\r\n"
    "      <T>System.Object</T>\r\n"
    "    </TN>\r\n"
    "    <ToString>Agora-RTC-UDP-Out</ToString>\r\n"
    "    <Props>\r\n"
    "      <S N=\"Name\">Agora-RTC-UDP-Out</S>\r\n"
    "      <S N=\"DisplayName\">Agora RTC (UDP-Out)</S>\r\n"
    "      <U16 N=\"Action\">2</U16>\r\n"
    "      <U16 N=\"Direction\">2</U16>\r\n"
    "      <U16 N=\"Enabled\">1</U16>\r\n"
    "      <U16 N=\"Profiles\">0</U16>\r\n"
    "    </Props>\r\n"
    "  </Obj>\r\n"
    "</Objs>\r\n";

TEST(WindowsFrontendRejects, PowerShellClixmlOfGetNetFirewallRule) {
  // Windows PowerShell 5.1 writes Export-Clixml in UTF-16LE with a BOM.
  for (const std::string& bytes : {std::string(kClixml), utf16(kClixml)}) {
    FileResult f = lint(bytes);
    EXPECT_EQ(f.format, "windows");
    EXPECT_EQ(f.status, ParseStatus::Failed);
    const Diagnostic* d = find_diagnostic(f, finding_id::kUnreadableInput, "CLIXML");
    ASSERT_NE(d, nullptr) << dump(f);
    EXPECT_NE(d->message.find("Get-NetFirewallPortFilter"), std::string::npos) << d->message;
    EXPECT_EQ(d->where.line, 1u);

    CliResult r = cli(bytes);
    EXPECT_EQ(r.run.exit_code, 2);
    EXPECT_TRUE(json_diagnostic(r.file, "FWL106", "no ports or addresses")) << r.run.out;
  }
}

TEST(WindowsFrontendRejects, AFileThatIsOnlyAByteOrderMarkIsEmpty) {
  for (const std::string& bytes : {std::string("\xFF\xFE"), std::string("\xFE\xFF"),
                                   std::string("\xEF\xBB\xBF"), utf16("\r\n  \r\n")}) {
    FileResult f = lint(bytes);
    EXPECT_EQ(f.status, ParseStatus::Failed);
    EXPECT_NE(find_diagnostic(f, finding_id::kUnreadableInput, "empty"), nullptr) << dump(f);
    CliResult r = cli(bytes);
    EXPECT_EQ(r.run.exit_code, 2);
    EXPECT_TRUE(json_diagnostic(r.file, "FWL106", "empty")) << r.run.out;
  }
}

// --- encodings of a report ---------------------------------------------------------------

TEST(WindowsFrontendEncoding, EveryEncodingOfAReportGivesTheSameVerdicts) {
  // A GPO name outside the BMP and one with ® checks the transcoding of
  // surrogate pairs and of two-byte characters.
  std::string xml = report(rtm_web_policy(), "Contoso\xC2\xAE Firewall \xF0\x9F\x94\xA5");
  FileResult plain = lint(xml);
  ASSERT_EQ(plain.status, ParseStatus::Ok) << dump(plain);
  std::map<std::string, std::string> expected = verdicts(plain);
  EXPECT_EQ(verdict(plain, "rtm-web", "Domain"), CheckVerdict::Pass);
  EXPECT_EQ(verdict(plain, "rtc-web", "Public"), CheckVerdict::Fail);

  struct Form {
    const char* name;
    std::string bytes;
  };
  std::vector<Form> forms = {
      {"UTF-16LE with BOM", utf16(xml)},
      {"UTF-16BE with BOM", utf16(xml, true)},
      {"UTF-16LE without BOM", utf16(xml, false, false)},
      {"UTF-16BE without BOM", utf16(xml, true, false)},
      {"UTF-16LE without BOM after a blank line", utf16("\r\n" + xml, false, false)},
      // Out-File -Encoding UTF8 of Get-GPOReport's string: a BOM, UTF-8
      // bytes, and still the declaration encoding="utf-16".
      {"UTF-8 with BOM declaring utf-16", "\xEF\xBB\xBF" + xml},
  };
  for (const Form& form : forms) {
    FileResult f = lint(form.bytes);
    EXPECT_EQ(f.format, "windows") << form.name;
    EXPECT_EQ(f.status, ParseStatus::Ok) << form.name << "\n" << dump(f);
    EXPECT_EQ(verdicts(f), expected) << form.name;
    EXPECT_EQ(find_diagnostic(f, finding_id::kUnreadableInput), nullptr)
        << form.name << "\n" << dump(f);
  }
  CliResult r = cli(utf16(xml, true), {"--sdk", "rtm-web"});
  EXPECT_EQ(r.run.exit_code, 0) << r.run.out;
  EXPECT_EQ(r.file["status"], "ok");
}

TEST(WindowsFrontendEncoding, AUtf16ReportCutAtAnOddByteIsReportedWithItsOffset) {
  std::string bytes = utf16(report(rtm_web_policy()));
  // Cut inside a rule (the file stops in the middle of a character) and
  // just before the end (the last character loses its high byte).
  for (std::size_t size : {bytes.size() / 2 | 1, bytes.size() - 1}) {
    std::string cut = bytes.substr(0, size);
    ASSERT_EQ(cut.size() % 2, 1u);
    FileResult f = lint(cut);
    EXPECT_EQ(f.format, "windows");
    const Diagnostic* d = find_diagnostic(f, finding_id::kUnreadableInput, "odd number of bytes");
    ASSERT_NE(d, nullptr) << dump(f);
    std::string offset = "at byte " + std::to_string(size - 1);
    EXPECT_NE(d->message.find(offset), std::string::npos) << d->message;
    EXPECT_EQ(d->severity, Severity::Error);
    if (size == bytes.size() - 1) {
      EXPECT_FALSE(f.checks.empty()) << "only half of the last line break is lost: still read";
    }
    CliResult r = cli(cut);
    EXPECT_TRUE(json_diagnostic(r.file, "FWL106", offset)) << r.run.out;
  }
}

// --- hostile XML ----------------------------------------------------------------------------

TEST(WindowsFrontendHostile, TenThousandNestedElementsAreRefusedWithoutCrashing) {
  std::string open, close;
  for (int i = 0; i < 10000; ++i) open += "<Nest>", close += "</Nest>";
  Spec spec = rtm_web_policy();
  std::string xml = report(spec);
  xml.insert(xml.find("  <Computer>"), "  " + open + close + "\n");
  FileResult f = lint(xml);
  EXPECT_EQ(f.format, "windows");
  EXPECT_EQ(f.status, ParseStatus::Failed);
  EXPECT_NE(find_diagnostic(f, finding_id::kUnreadableInput, "nested too deeply"), nullptr)
      << dump(f);

  CliResult r = cli(utf16(xml));
  EXPECT_EQ(r.run.exit_code, 2);
  EXPECT_TRUE(json_diagnostic(r.file, "FWL106", "nested too deeply")) << r.run.out.substr(0, 2000);
}

TEST(WindowsFrontendHostile, AFiftyMegabyteAttributeIsReadLikeAnyOther) {
  std::string xml = report(rtm_web_policy());
  std::string big = " Note=\"" + std::string(50u << 20, 'A') + "\"";
  std::size_t rule = xml.find("<q1:OutboundFirewallRules>");
  xml.insert(rule + std::string("<q1:OutboundFirewallRules").size(), big);
  FileResult f = lint(xml);
  EXPECT_EQ(f.status, ParseStatus::Ok) << dump(f);
  EXPECT_EQ(verdict(f, "rtm-web", "Private"), CheckVerdict::Pass)
      << "the rule with the attribute still counts";
  EXPECT_EQ(verdict(f, "rtc-web", "Public"), CheckVerdict::Fail);
  // The location text of the rule is shortened, not 50 MB.
  for (const CheckResult& c : f.checks)
    for (const Finding& x : c.findings) EXPECT_LT(x.where.text.size(), 10000u);

  CliResult r = cli(xml, {"--sdk", "rtm-web"});
  EXPECT_EQ(r.run.exit_code, 0) << r.run.err;
  EXPECT_LT(r.run.out.size(), 100000u) << "the report does not repeat the attribute";
}

// --- rules with missing or bad tokens ----------------------------------------------------

TEST(WindowsFrontendRules, ARuleWithoutActionIsAnErrorAtItsElement) {
  Tokens no_action = {{"Name", "Mystery rule"}, {"Dir", "Out"}, {"RPort", "443"}, {"Protocol", "6"},
                      {"Active", "TRUE"}};
  std::string xml = report(Spec{kBlockOutbound, {kRtmWebAllow, no_action}});
  FileResult f = lint(xml);
  EXPECT_EQ(f.status, ParseStatus::Partial);
  const Diagnostic* d = find_diagnostic(f, finding_id::kUnrecognizedLine, "no Action");
  ASSERT_NE(d, nullptr) << dump(f);
  auto [line, column] = position_before(xml, "<q1:OutboundFirewallRules>", "Mystery rule");
  EXPECT_EQ(d->where.line, line);
  EXPECT_EQ(d->where.column, column);
  EXPECT_EQ(d->severity, Severity::Error);
  // Block or allow: 443 is in doubt, the other RTM ports are allowed.
  EXPECT_EQ(verdict(f, "rtm-web", "Domain"), CheckVerdict::Unknown);
  EXPECT_TRUE(unknown_because(f, "Domain", "its action is unknown"));
}

TEST(WindowsFrontendRules, ARuleWithoutDirIsAnErrorUnlessItsListSaysTheDirection) {
  // In a report the element says the direction: an <OutboundFirewallRules>
  // without <Dir> is an outbound rule, with no diagnostic.
  Tokens no_dir = {{"Action", "Block"}, {"Name", "Directionless"}, {"RPort", "9591"},
                   {"Protocol", "6"}, {"Active", "TRUE"}};
  FileResult in_report = lint(report(Spec{kBlockOutbound, {kRtmWebAllow, no_dir}}));
  EXPECT_EQ(find_diagnostic(in_report, finding_id::kUnrecognizedLine, "no Dir"), nullptr)
      << dump(in_report);
  EXPECT_EQ(verdict(in_report, "rtm-web", "Domain"), CheckVerdict::Fail)
      << "an outbound block rule";

  // A rule string has nothing else to say it: an error at the rule, and the
  // rule is a possible outbound block.
  Spec spec{kBlockOutbound, {kRtmWebAllow, no_dir}};
  std::string reg = reg_export(spec);
  FileResult in_reg = lint(reg);
  EXPECT_EQ(in_reg.status, ParseStatus::Partial);
  const Diagnostic* d = find_diagnostic(in_reg, finding_id::kUnrecognizedLine, "no Dir");
  ASSERT_NE(d, nullptr) << dump(in_reg);
  // The rule of a .reg export is located at its value's name.
  auto [line, column] = position_before(reg, "\"{rule-1}\"", "Directionless");
  EXPECT_EQ(d->where.line, line);
  EXPECT_EQ(d->where.column, column);
  EXPECT_EQ(verdict(in_reg, "rtm-web", "Domain"), CheckVerdict::Unknown);
  EXPECT_TRUE(unknown_because(in_reg, "Domain", "direction (Dir) is unknown"));
}

TEST(WindowsFrontendRules, UnknownProtocolNumbersAreErrorsAndMakeTheRuleUncertain) {
  for (const char* protocol : {"300", "abc", "-1", "6.0"}) {
    Tokens rule = {{"Action", "Block"}, {"Name", "Odd protocol"}, {"Dir", "Out"},
                   {"Protocol", protocol}, {"Active", "TRUE"}};
    std::string xml = report(Spec{kAllowOutbound, {rule}});
    FileResult f = lint(xml);
    EXPECT_EQ(f.status, ParseStatus::Partial) << protocol;
    std::string message = std::string("Protocol=") + protocol + " is not";
    const Diagnostic* d = find_diagnostic(f, finding_id::kUnrecognizedLine, message);
    ASSERT_NE(d, nullptr) << protocol << "\n" << dump(f);
    auto [line, column] = position_after(xml, "<q1:Protocol>", "Odd protocol");
    EXPECT_EQ(d->where.line, line) << "at the Protocol element";
    EXPECT_EQ(d->where.column, column);
    // A block rule of an unknown protocol may block anything.
    EXPECT_EQ(verdict(f, "rtm-native", "Public"), CheckVerdict::Unknown) << protocol;
    EXPECT_TRUE(unknown_because(f, "Public", "cannot be read")) << protocol;
  }
  // Protocol numbers other than TCP and UDP do not touch Agora's traffic.
  Tokens gre = {{"Action", "Block"}, {"Name", "GRE"}, {"Dir", "Out"}, {"Protocol", "47"},
                {"Active", "TRUE"}};
  FileResult f = lint(report(Spec{kAllowOutbound, {gre}}));
  EXPECT_EQ(verdict(f, "rtm-native", "Public"), CheckVerdict::Pass);
}

// --- several GPOs, RSoP, disabled GPOs --------------------------------------------------

TEST(WindowsFrontendReports, TwoGposThatDisagreeOnTheDefaultMakeTheChecksUnknown) {
  Spec blocks{{{"DefaultOutboundAction", 1}}, {}};
  Spec allows{{{"DefaultOutboundAction", 0}}, {}};
  std::string xml = std::string(kDeclaration) + "<report " + kXmlns + ">\n" +
                    gpo_element("Contoso Lockdown", blocks) +
                    gpo_element("Contoso Baseline", allows) + "</report>\n";
  FileResult f = lint(xml);
  ASSERT_EQ(f.status, ParseStatus::Ok) << dump(f);
  for (const char* profile : {"Domain", "Private", "Public"}) {
    for (const char* sdk : {"rtc-web", "rtm-native", "rtm-web"})
      EXPECT_EQ(verdict(f, sdk, profile), CheckVerdict::Unknown) << sdk << " " << profile;
    EXPECT_TRUE(unknown_because(f, profile, "'Contoso Lockdown'")) << profile;
    EXPECT_TRUE(unknown_because(f, profile, "'Contoso Baseline'")) << profile;
    EXPECT_TRUE(unknown_because(f, profile, "DefaultOutboundAction")) << profile;
  }
  // A GPO whose computer half is disabled does not take part.
  std::string one_disabled = std::string(kDeclaration) + "<report " + kXmlns + ">\n" +
                             gpo_element("Contoso Lockdown", blocks, false) +
                             gpo_element("Contoso Baseline", allows) + "</report>\n";
  FileResult disabled = lint(one_disabled);
  EXPECT_EQ(verdict(disabled, "rtm-web", "Domain"), CheckVerdict::Pass) << dump(disabled);
  EXPECT_NE(find_diagnostic(disabled, finding_id::kPartialPolicy, "'Contoso Lockdown' is disabled"),
            nullptr)
      << dump(disabled);
  // Two GPOs that agree leave no doubt.
  std::string agree = std::string(kDeclaration) + "<report " + kXmlns + ">\n" +
                      gpo_element("Contoso Lockdown", blocks) +
                      gpo_element("Contoso Baseline", blocks) + "</report>\n";
  EXPECT_EQ(verdict(lint(agree), "rtm-web", "Domain"), CheckVerdict::Fail);
}

TEST(WindowsFrontendReports, OneGpoThatSetsAValueTwiceDifferentlyIsNamedOnce) {
  // The firewall extension turns the Domain profile on; the Administrative
  // Templates policy of the same GPO, which writes the same registry value,
  // turns it off.
  Spec spec{{{"EnableFirewall", 1}, {"DefaultOutboundAction", 1}}, {}};
  std::string xml = report(spec, "Contoso Mixed");
  std::string legacy =
      "    <ExtensionData>\n"
      "      <Extension xmlns:q2=\"http://www.microsoft.com/GroupPolicy/Settings/Registry\" "
      "xsi:type=\"q2:RegistrySettings\">\n"
      "        <q2:Policy>\n"
      "          <q2:Name>Windows Firewall: Protect all network connections</q2:Name>\n"
      "          <q2:State>Disabled</q2:State>\n"
      "          <q2:Category>Network/Network Connections/Windows Firewall/Domain Profile"
      "</q2:Category>\n"
      "        </q2:Policy>\n"
      "      </Extension>\n"
      "      <Name>Registry</Name>\n"
      "    </ExtensionData>\n";
  xml.insert(xml.find("  </Computer>"), legacy);
  FileResult f = lint(xml);
  ASSERT_EQ(f.status, ParseStatus::Ok) << dump(f);
  EXPECT_EQ(verdict(f, "rtm-web", "Domain"), CheckVerdict::Unknown);
  EXPECT_TRUE(unknown_because(
      f, "Domain", "GPO 'Contoso Mixed' sets EnableFirewall twice, to different values"));
  EXPECT_FALSE(unknown_because(f, "Domain", "'Contoso Mixed' and 'Contoso Mixed'"));
  // The legacy policy only concerns the Domain profile.
  EXPECT_EQ(verdict(f, "rtm-web", "Public"), CheckVerdict::Fail);
}

/// An RSoP report (gpresult /x) with the firewall settings of `spec`:
/// every setting and rule carries the GPO it comes from and its precedence
/// before its own values.
std::string rsop(const Spec& spec) {
  std::string provenance =
      "              <GPO xmlns=\"http://www.microsoft.com/GroupPolicy/Settings/Base\">\n"
      "                <Identifier xmlns=\"http://www.microsoft.com/GroupPolicy/Types\">"
      "{5D2C1E0A-6F3B-4C8E-9A71-2B4D6E8F0A13}</Identifier>\n"
      "                <Domain xmlns=\"http://www.microsoft.com/GroupPolicy/Types\">"
      "corp.example.com</Domain>\n"
      "              </GPO>\n"
      "              <Precedence xmlns=\"http://www.microsoft.com/GroupPolicy/Settings/Base\">"
      "1</Precedence>\n";
  return std::string(kDeclaration) +
         "<Rsop xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xmlns=\"http://www.microsoft.com/GroupPolicy/Rsop\">\n"
         "  <ReadTime>2026-11-20T08:12:44.1234567Z</ReadTime>\n"
         "  <DataType>LoggedData</DataType>\n"
         "  <ComputerResults>\n"
         "    <Version>2031619</Version>\n"
         "    <Name>CORP\\WS-0042$</Name>\n"
         "    <Domain>corp.example.com</Domain>\n"
         "    <GPO>\n"
         "      <Name>Contoso Workstation Firewall</Name>\n"
         "      <Path><Identifier xmlns=\"http://www.microsoft.com/GroupPolicy/Types\">"
         "{5D2C1E0A-6F3B-4C8E-9A71-2B4D6E8F0A13}</Identifier></Path>\n"
         "      <VersionDirectory>4</VersionDirectory>\n"
         "      <VersionSysvol>4</VersionSysvol>\n"
         "      <Enabled>true</Enabled>\n"
         "      <IsValid>true</IsValid>\n"
         "      <FilterAllowed>true</FilterAllowed>\n"
         "      <AccessDenied>false</AccessDenied>\n"
         "    </GPO>\n"
         "    <ExtensionStatus><Name>Windows Firewall</Name><Error>0</Error></ExtensionStatus>\n"
         "    <ExtensionData>\n" +
         extension(spec, "q6", provenance) +
         "      <Name>Windows Firewall</Name>\n"
         "    </ExtensionData>\n"
         "  </ComputerResults>\n"
         "</Rsop>\n";
}

TEST(WindowsFrontendReports, AnRsopReportMeansWhatTheGpoReportMeans) {
  Spec spec = rtm_web_policy();
  spec.rules.push_back({{"Action", "Block"}, {"Name", "No RTM 9591 at home"}, {"Dir", "Out"},
                        {"Profile", "Private"}, {"RPort", "9591"}, {"Protocol", "6"},
                        {"Active", "TRUE"}});
  FileResult gpo = lint(utf16(report(spec)));
  FileResult rsop_result = lint(utf16(rsop(spec)));
  ASSERT_EQ(rsop_result.status, ParseStatus::Ok) << dump(rsop_result);
  EXPECT_EQ(verdicts(rsop_result), verdicts(gpo));
  EXPECT_EQ(verdict(rsop_result, "rtm-web", "Domain"), CheckVerdict::Pass);
  EXPECT_EQ(verdict(rsop_result, "rtm-web", "Private"), CheckVerdict::Fail);
  EXPECT_EQ(verdict(rsop_result, "rtc-web", "Public"), CheckVerdict::Fail);
  EXPECT_EQ(find_diagnostic(rsop_result, finding_id::kUnsupportedConstruct), nullptr)
      << "GPO and Precedence are not unknown tokens\n" << dump(rsop_result);
}

TEST(WindowsFrontendReports, AGpoWithItsComputerHalfDisabledDoesNotApply) {
  Spec spec{kAllowOutbound,
            {{{"Action", "Block"}, {"Name", "No web"}, {"Dir", "Out"}, {"RPort", "443"},
              {"Protocol", "6"}, {"Active", "TRUE"}},
             kBlockHighUdpOnPublic}};
  FileResult enabled = lint(report(spec));
  EXPECT_EQ(verdict(enabled, "rtm-web", "Domain"), CheckVerdict::Fail);

  std::string xml = report(spec, "Contoso Retired Firewall", false);
  FileResult f = lint(xml);
  EXPECT_NE(f.status, ParseStatus::Failed) << dump(f);
  const Diagnostic* d = find_diagnostic(f, finding_id::kPartialPolicy, "is disabled");
  ASSERT_NE(d, nullptr) << dump(f);
  EXPECT_EQ(d->severity, Severity::Warning);
  EXPECT_NE(d->message.find("'Contoso Retired Firewall'"), std::string::npos) << d->message;
  EXPECT_NE(d->message.find("11 firewall rules and settings"), std::string::npos)
      << "9 settings and 2 rules: " << d->message;
  auto [line, column] = position_before(xml, "<Enabled>false", "<ExtensionData>");
  EXPECT_EQ(d->where.line, line);
  EXPECT_EQ(d->where.column, column);
  for (const char* profile : {"Domain", "Private", "Public"}) {
    EXPECT_EQ(verdict(f, "rtm-web", profile), CheckVerdict::Pass) << profile;
    EXPECT_EQ(verdict(f, "rtc-web", profile), CheckVerdict::Pass) << profile;
  }
}

// --- options ---------------------------------------------------------------------------------

TEST(WindowsFrontendOptions, ProfileChecksOnlyTheNamedProfiles) {
  std::string bytes = utf16(report(rtm_web_policy()));
  CliResult all = cli(bytes);
  EXPECT_EQ(json_paths(all.file),
            (std::vector<std::string>{"Domain profile", "Private profile", "Public profile"}));

  CliResult pub = cli(bytes, {"--profile", "public"});
  EXPECT_EQ(json_paths(pub.file), std::vector<std::string>{"Public profile"});
  EXPECT_EQ(pub.run.exit_code, 1) << "rtc-web fails on public networks";

  CliResult two = cli(bytes, {"--profile", "domain,private", "--sdk", "rtm-web"});
  EXPECT_EQ(json_paths(two.file), (std::vector<std::string>{"Domain profile", "Private profile"}));
  EXPECT_EQ(two.run.exit_code, 0) << two.run.out;

  CliResult repeated =
      cli(bytes, {"--profile", "Domain", "--profile", "PUBLIC", "--sdk", "rtm-web"});
  EXPECT_EQ(json_paths(repeated.file),
            (std::vector<std::string>{"Domain profile", "Public profile"}));

  TempFile f(bytes);
  // An empty name is no profile, not "every profile".
  for (const char* bad : {"work", "domain,home", "Domian", "all", "", "domain,", ",public"}) {
    test::CliRun r = test::run_cli({f.path(), "--profile", bad, "--format", "json"});
    EXPECT_EQ(r.exit_code, 2) << "'" << bad << "'";
    EXPECT_NE(r.err.find("--profile"), std::string::npos) << r.err;
  }
}

TEST(WindowsFrontendOptions, AppMatchesRulePathsAfterExpandingVariablesAndIgnoringCase) {
  Spec spec{kBlockOutbound,
            {{{"Action", "Allow"}, {"Name", "Contoso Meet"}, {"Dir", "Out"},
              {"App", "%ProgramFiles%\\Contoso\\Meet\\meet.exe"}, {"RPort", "443"},
              {"RPort", "6443"}, {"RPort", "9591"}, {"RPort", "9593"}, {"Protocol", "6"},
              {"Active", "TRUE"}},
             {{"Action", "Allow"}, {"Name", "Agora RTM service"}, {"Dir", "Out"},
              {"App", "%SystemRoot%\\System32\\svchost.exe"}, {"Svc", "AgoraRtm"},
              {"RPort", "9130"}, {"RPort", "9131"}, {"Protocol", "6"}, {"Active", "TRUE"}},
             {{"Action", "Allow"}, {"Name", "Agora RTM service (UDP)"}, {"Dir", "Out"},
              {"App", "%SystemRoot%\\System32\\svchost.exe"}, {"Svc", "AgoraRtm"},
              {"RPort", "1080"}, {"RPort", "8000"}, {"RPort", "25000"}, {"Protocol", "17"},
              {"Active", "TRUE"}}}};
  std::string bytes = report(spec);
  auto rtm = [&](std::vector<std::string> args, const std::string& sdk) {
    args.insert(args.end(), {"--sdk", sdk, "--profile", "domain"});
    CliResult r = cli(bytes, args);
    if (r.file["checks"].empty()) return std::string("none");
    return r.file["checks"][0]["verdict"].get<std::string>();
  };
  // Without --app a program-scoped rule may or may not apply.
  EXPECT_EQ(rtm({}, "rtm-web"), "unknown");
  EXPECT_EQ(rtm({"--app", "C:\\PROGRAM FILES\\contoso\\MEET\\Meet.EXE"}, "rtm-web"), "pass");
  EXPECT_EQ(rtm({"--app", "c:/program files/Contoso/Meet/meet.exe"}, "rtm-web"), "pass");
  EXPECT_EQ(rtm({"--app", "%programfiles%\\CONTOSO\\meet\\meet.exe"}, "rtm-web"), "pass");
  EXPECT_EQ(rtm({"--app", "C:\\Program Files (x86)\\Contoso\\Meet\\meet.exe"}, "rtm-web"), "fail");
  EXPECT_EQ(rtm({"--app", "D:\\Contoso\\Meet\\meet.exe"}, "rtm-web"), "fail");

  // %SystemRoot% is C:\Windows; the service must be named and match.
  const std::string svchost = "C:\\WINDOWS\\system32\\SvcHost.exe";
  EXPECT_EQ(rtm({"--app", svchost, "--service", "agorartm"}, "rtm-native"), "pass");
  const std::string lower = "c:\\windows\\system32\\svchost.exe";
  EXPECT_EQ(rtm({"--app", lower, "--service", "AGORARTM"}, "rtm-native"), "pass");
  EXPECT_EQ(rtm({"--app", svchost}, "rtm-native"), "fail") << "svchost.exe but not the service";
  EXPECT_EQ(rtm({"--app", svchost, "--service", "Dnscache"}, "rtm-native"), "fail");
  const std::string wow64 = "C:\\Windows\\SysWOW64\\svchost.exe";
  EXPECT_EQ(rtm({"--app", wow64, "--service", "AgoraRtm"}, "rtm-native"), "fail");
}

TEST(WindowsFrontendOptions, ServiceWithoutAppIsAUsageError) {
  TempFile f(report(rtm_web_policy()));
  test::CliRun r = test::run_cli({f.path(), "--service", "AgoraRtm", "--format", "json"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.signal, 0);
  EXPECT_NE(r.err.find("--service needs --app"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty()) << "no report for a usage error";
}

// --- one policy, four forms ----------------------------------------------------------------

TEST(WindowsFrontendForms, ReportRegExportRuleStringsAndRegistryPolAgree) {
  // Rule strings carry no profile settings (Windows' defaults are assumed:
  // firewall on, outbound allowed), so the other forms state those
  // defaults. The rules give each verdict in some profile: blocks by port,
  // range and profile, blocks that never match (disabled, inbound, another
  // protocol, local network only) and blocks that are in doubt (program
  // scoped, port keyword).
  Spec spec{
      {{"EnableFirewall", 1}, {"DefaultOutboundAction", 0}},
      {kBlockHighUdpOnPublic,
       {{"Action", "Block"}, {"Name", "No RTM web ports at home"}, {"Dir", "Out"},
        {"Profile", "Private"}, {"RPort", "9591"}, {"RPort", "9593"}, {"Protocol", "6"},
        {"Active", "TRUE"}},
       {{"Action", "Block"}, {"Name", "No browser on the domain"}, {"Dir", "Out"},
        {"Profile", "Domain"}, {"App", "%ProgramFiles%\\Contoso\\browser.exe"}, {"RPort", "443"},
        {"Protocol", "6"}, {"Active", "TRUE"}},
       {{"Action", "Block"}, {"Name", "No RTM native TCP"}, {"Dir", "Out"}, {"Profile", "Domain"},
        {"Profile", "Private"}, {"RPort2_10", "9130-9131"}, {"Protocol", "6"}, {"Active", "TRUE"}},
       {{"Action", "Block"}, {"Name", "Disabled: no UDP"}, {"Dir", "Out"}, {"Protocol", "17"},
        {"Active", "FALSE"}},
       {{"Action", "Block"}, {"Name", "Inbound only"}, {"Dir", "In"}, {"LPort", "443"},
        {"Protocol", "6"}, {"Active", "TRUE"}},
       {{"Action", "Block"}, {"Name", "LAN only"}, {"Dir", "Out"}, {"RA4", "LocalSubnet"},
        {"RA6", "LocalSubnet"}, {"Protocol", "6"}, {"Active", "TRUE"}},
       {{"Action", "Block"}, {"Name", "IP-HTTPS"}, {"Dir", "Out"}, {"Profile", "Public"},
        {"RPort2_10", "IPHTTPSOut"}, {"Protocol", "6"}, {"Active", "TRUE"}},
       {{"Action", "Block"}, {"Name", "ICMP"}, {"Dir", "Out"}, {"Protocol", "1"}, {"ICMP4", "8:*"},
        {"Active", "TRUE"}}}};

  struct Form {
    const char* name;
    std::string bytes;
  };
  std::vector<Form> forms = {
      {"Group Policy report", utf16(report(spec))},
      {".reg export", utf16(reg_export(spec))},
      {"rule strings", rule_strings(spec)},
      {"registry.pol", registry_pol(spec)},
  };
  std::map<std::string, std::string> first;
  for (const Form& form : forms) {
    FileResult f = lint(form.bytes);
    EXPECT_EQ(f.format, "windows") << form.name;
    ASSERT_EQ(f.status, ParseStatus::Ok) << form.name << "\n" << dump(f);
    std::map<std::string, std::string> v = verdicts(f);
    EXPECT_EQ(v.size(), 3u * 3u + 3u)
        << form.name << ": 3 SDKs in 3 profiles, 3 by the cloud proxy";
    if (first.empty()) {
      first = v;
      continue;
    }
    EXPECT_EQ(v, first) << form.name << " and " << forms.front().name << " differ";
  }
  // The verdicts are the intended ones, not just equal.
  const std::map<std::string, std::string> expected = {
      {"rtc-web / Domain profile", "unknown"},      // the browser block may stop 443
      {"rtc-web / Private profile", "pass"},
      {"rtc-web / Public profile", "fail"},         // high UDP
      {"rtm-native / Domain profile", "fail"},      // 9130-9131
      {"rtm-native / Private profile", "fail"},
      {"rtm-native / Public profile", "fail"},      // UDP 8000, 1080, 25000
      {"rtm-web / Domain profile", "unknown"},
      {"rtm-web / Private profile", "fail"},        // 9591, 9593
      {"rtm-web / Public profile", "unknown"},      // IPHTTPSOut may be 443
  };
  for (const auto& [key, value] : expected) EXPECT_EQ(first[key], value) << key;
}

}  // namespace
}  // namespace fwlint::windows
