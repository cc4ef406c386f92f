// SPDX-License-Identifier: Apache-2.0
// The windows frontend over the real Group Policy exports of the shared
// corpus (../shared/corpora/windows next to the checkout; skipped when it is
// absent, and never copied into the repository): every report and
// registry.pol is read without an error, the checks of the built-in pack give
// the verdicts the data calls for, and each SN GPO means the same as a report
// and as its registry.pol, except where the report leaves out tokens
// (RA42/RA62, AppPkgId, Platform2). Prints a table of what was read and
// decided.
#include <algorithm>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "frontends/common/text_decoder.h"
#include "frontends/windows/gpo_report_reader.h"
#include "frontends/windows/pol_file_reader.h"
#include "frontends/windows/registry_records.h"
#include "fwlint/analysis/lint.h"
#include "fwlint/util/strings.h"
#include "test_support.h"
#include "wf_test_bytes.h"

namespace fwlint::windows {
namespace {

namespace fs = std::filesystem;

fs::path corpus_dir() {
  return fs::path(FWLINT_SOURCE_DIR) / ".." / "shared" / "corpora" / "windows";
}

/// The tokens a Group Policy report leaves out of the rule strings it
/// renders (windows-firewall-formats §2.6).
constexpr std::string_view kDroppedByReports[] = {"RA42", "RA62", "AppPkgId", "Platform2"};

/// The three SN GPOs: report and registry.pol of the same GPO backup.
struct Pair {
  const char* report;
  const char* pol;
};
constexpr Pair kSnPairs[] = {
    {"gporeport-sn-domain-firewall-baseline.utf16le.xml",
     "registrypol-sn-domain-firewall-baseline.pol"},
    {"gporeport-sn-tierx-firewall-baseline-outbound-block.utf16le.xml",
     "registrypol-sn-tierx-firewall-baseline.pol"},
    {"gporeport-sn-server-remote-admin-firewall.utf16le.xml",
     "registrypol-sn-server-remote-admin-firewall.pol"},
};

constexpr const char* kProfiles[] = {"Domain", "Private", "Public"};

FileResult lint(const std::string& name, std::string_view bytes, PathOptions paths = {}) {
  LintOptions o;
  o.paths = std::move(paths);
  o.checks.pack = &builtin_packs().front();  // every SDK of the pack
  return lint_content(name, bytes, o);
}

/// What the readers themselves read, before any semantics.
std::optional<WfInput> read_input(const std::string& name, std::string_view bytes) {
  Diagnostics ignored;
  if (name.ends_with(".pol")) {
    auto records = read_pol_file(bytes, ignored);
    if (!records) return std::nullopt;
    return settings_from_registry(*records, "registry.pol", ignored);
  }
  return read_gpo_report(decode_text(bytes).utf8, ignored);
}

bool is_outbound(const WfRule& r) {
  for (const WfField& f : r.fields)
    if (f.key == "Dir") return iequals(f.value, "Out");
  return r.container_direction == "Out";
}

/// One corpus file, read and checked.
struct Outcome {
  std::string name;
  std::string bytes;
  FileResult result;
  std::size_t rules = 0;
  std::size_t outbound = 0;
  std::map<std::string, int> diagnostics;       ///< "FWL108 note" -> count
  std::map<std::string, std::string> verdicts;  ///< "sdk / path" -> verdict
  int pass = 0, fail = 0, unknown = 0, proxy = 0;
};

std::map<std::string, std::string> verdicts_of(const FileResult& f) {
  std::map<std::string, std::string> out;
  for (const CheckResult& c : f.checks) out[c.sdk + " / " + c.path] = check_verdict_name(c.verdict);
  return out;
}

Outcome examine(const std::string& name, std::string bytes) {
  Outcome o;
  o.name = name;
  o.bytes = std::move(bytes);
  o.result = lint(name, o.bytes);
  if (std::optional<WfInput> input = read_input(name, o.bytes)) {
    o.rules = input->rules.size();
    auto outbound = std::count_if(input->rules.begin(), input->rules.end(), is_outbound);
    o.outbound = static_cast<std::size_t>(outbound);
  }
  for (const Diagnostic& d : o.result.diagnostics)
    ++o.diagnostics[d.id + " " + severity_name(d.severity)];
  o.verdicts = verdicts_of(o.result);
  for (const CheckResult& c : o.result.checks) {
    switch (c.verdict) {
      case CheckVerdict::Pass: ++o.pass; break;
      case CheckVerdict::Fail: ++o.fail; break;
      case CheckVerdict::Unknown: ++o.unknown; break;
      case CheckVerdict::ProxyRequired: ++o.proxy; break;
    }
  }
  return o;
}

void print_table(const std::vector<Outcome>& all) {
  std::cout << "\nWindows corpus (" << corpus_dir().lexically_normal().string() << ")\n";
  std::cout << std::left << std::setw(66) << "file" << std::right << std::setw(6) << "rules"
            << std::setw(5) << "out" << std::setw(6) << "pass" << std::setw(6) << "fail"
            << std::setw(6) << "unkn" << std::setw(7) << "proxy" << "  diagnostics\n";
  for (const Outcome& o : all) {
    std::string diags;
    for (const auto& [key, n] : o.diagnostics)
      diags += (diags.empty() ? "" : ", ") + key + " x" + std::to_string(n);
    std::cout << std::left << std::setw(66) << o.name << std::right << std::setw(6) << o.rules
              << std::setw(5) << o.outbound << std::setw(6) << o.pass << std::setw(6) << o.fail
              << std::setw(6) << o.unknown << std::setw(7) << o.proxy << "  "
              << (diags.empty() ? "-" : diags) << "\n";
  }
  std::cout << "\nVerdicts per SDK and profile (proxy-only SDKs left out):\n";
  for (const Outcome& o : all) {
    std::cout << "  " << o.name << "\n";
    std::map<std::string, std::map<std::string, std::string>> by_sdk;
    for (const CheckResult& c : o.result.checks)
      if (c.path != "-") by_sdk[c.sdk][c.path] = check_verdict_name(c.verdict);
    for (const auto& [sdk, by_path] : by_sdk) {
      std::cout << "    " << std::left << std::setw(12) << sdk;
      for (const char* p : kProfiles) {
        auto it = by_path.find(std::string(p) + " profile");
        std::cout << " " << p << "=" << std::setw(8) << (it == by_path.end() ? "-" : it->second);
      }
      std::cout << "\n";
    }
  }
  std::cout << std::right << std::flush;
}

/// Every gporeport-*.xml and registrypol-*.pol of the corpus, read once.
const std::vector<Outcome>& outcomes() {
  static const std::vector<Outcome> all = [] {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(corpus_dir())) {
      std::string name = entry.path().filename().string();
      if ((name.starts_with("gporeport-") && name.ends_with(".xml")) ||
          (name.starts_with("registrypol-") && name.ends_with(".pol")))
        names.push_back(name);
    }
    std::sort(names.begin(), names.end());
    std::vector<Outcome> out;
    for (const std::string& name : names)
      out.push_back(examine(name, test::read_file((corpus_dir() / name).string())));
    print_table(out);
    return out;
  }();
  return all;
}

const Outcome& outcome(const std::string& name) {
  for (const Outcome& o : outcomes())
    if (o.name == name) return o;
  throw std::runtime_error("no corpus file " + name);
}

#define SKIP_WITHOUT_CORPUS()                                                              \
  do {                                                                                     \
    if (!fs::is_directory(corpus_dir())) GTEST_SKIP() << "no corpus at " << corpus_dir(); \
  } while (0)

std::string dump(const FileResult& f) {
  std::string s;
  for (const Diagnostic& d : f.diagnostics)
    s += d.id + " " + severity_name(d.severity) + " " + std::to_string(d.where.line) + ":" +
         std::to_string(d.where.column) + " " + d.message + "\n";
  return s;
}

// --- every file ------------------------------------------------------------------

TEST(WindowsCorpus, EveryExportIsReadWithoutAnError) {
  SKIP_WITHOUT_CORPUS();
  const std::vector<Outcome>& all = outcomes();
  ASSERT_EQ(all.size(), 10u) << "5 reports and 5 registry.pol files";
  for (const Outcome& o : all) {
    EXPECT_EQ(o.result.format, "windows") << o.name;
    EXPECT_EQ(o.result.status, ParseStatus::Ok) << o.name << "\n" << dump(o.result);
    for (const Diagnostic& d : o.result.diagnostics)
      EXPECT_NE(d.severity, Severity::Error) << o.name << ": " << d.id << " " << d.message;
    // 3 SDKs with ports in 3 profiles, 3 by the cloud proxy only.
    EXPECT_EQ(o.result.checks.size(), 12u) << o.name;
    EXPECT_EQ(o.proxy, 3) << o.name;
  }
}

TEST(WindowsCorpus, ReportsAndRegistryPolHoldTheSameRules) {
  SKIP_WITHOUT_CORPUS();
  // SOURCES.md: 93 = 11 + 82, 70 = 20 + 50 and 54 = 1 + 53.
  const std::size_t rules[] = {93, 70, 54}, outbound[] = {82, 50, 53};
  for (std::size_t i = 0; i < std::size(kSnPairs); ++i) {
    const Outcome& report = outcome(kSnPairs[i].report);
    const Outcome& pol = outcome(kSnPairs[i].pol);
    EXPECT_EQ(report.rules, rules[i]) << report.name;
    EXPECT_EQ(pol.rules, rules[i]) << pol.name;
    EXPECT_EQ(report.outbound, outbound[i]) << report.name;
    EXPECT_EQ(pol.outbound, outbound[i]) << pol.name;
  }
  for (const char* profiles_only :
       {"gporeport-nsa-shb-windows-firewall-profiles-only.utf16le.xml",
        "gporeport-dod-windows-firewall-stig-profiles-only.utf16le.xml",
        "registrypol-nsa-shb-windows-firewall-profiles.pol",
        "registrypol-dod-windows-firewall-stig-profiles.pol"})
    EXPECT_EQ(outcome(profiles_only).rules, 0u) << profiles_only;
}

// --- what the data calls for ---------------------------------------------------------

/// Whether a remote port value ("443", "49152-65535") holds `port`;
/// keywords (IPTLSOut, IPHTTPSOut) hold none of RTM native's ports.
bool holds_port(const std::string& value, int port) {
  std::size_t dash = value.find('-');
  std::string first = value.substr(0, dash);
  std::string last = dash == std::string::npos ? first : value.substr(dash + 1);
  if (first.empty() || first.find_first_not_of("0123456789") != std::string::npos) return false;
  if (last.empty() || last.find_first_not_of("0123456789") != std::string::npos) return false;
  return std::stoi(first) <= port && port <= std::stoi(last);
}

TEST(WindowsCorpus, TierXBlocksRtmNativeInEveryProfile) {
  SKIP_WITHOUT_CORPUS();
  // Tier X sets DefaultOutboundAction=1 (block) in all three profiles and
  // AllowLocalPolicyMerge=0, so only its 50 outbound rules, all Allow, can
  // let anything out. None of them can carry RTM native's TCP 9130-9131 or
  // UDP 1080/8000/25000 to a public address:
  // - 48 are scoped to a program (App, most also Svc). 47 of them name
  //   remote ports (53, 67, 80, 88, 135, 389, 443, 445, 547, 3268, 3389,
  //   5985, 7680, 8080, 49152-65535, the IP-HTTPS keywords), none of them
  //   RTM native's; IKEEXT (App=System) has no port but only reaches
  //   127.0.0.2-127.0.0.3;
  // - "Cortana (TCP-Out)" is TCP 8080 to LocalSubnet only (in registry.pol
  //   it is also scoped to an app package: the report drops AppPkgId);
  // - the last one is ICMPv6 (Protocol 58), no port at all.
  // So every RTM native flow ends at the default block: FAIL in every
  // profile, in both forms, whichever program runs the SDK.
  for (const char* name : {kSnPairs[1].report, kSnPairs[1].pol}) {
    const Outcome& o = outcome(name);
    std::optional<WfInput> input = read_input(name, o.bytes);
    ASSERT_TRUE(input);
    std::size_t outbound = 0, allow = 0, scoped = 0, without_port = 0;
    std::vector<std::string> unscoped;
    for (const WfRule& r : input->rules) {
      if (!is_outbound(r)) continue;
      ++outbound;
      bool has_app = false, has_port = false;
      std::string rule_name;
      for (const WfField& f : r.fields) {
        if (f.key == "App") has_app = true;
        if (f.key == "Name") rule_name = f.value;
        if (f.key == "Action" && f.value == "Allow") ++allow;
        if (!f.key.starts_with("RPort")) continue;
        has_port = true;
        for (int port : {9130, 9131, 1080, 8000, 25000})
          EXPECT_FALSE(holds_port(f.value, port)) << name << ": " << rule_name << " " << f.value;
      }
      scoped += has_app;
      without_port += !has_port;
      if (!has_app) unscoped.push_back(rule_name);
    }
    EXPECT_EQ(outbound, 50u) << name;
    EXPECT_EQ(allow, 50u) << name;
    EXPECT_EQ(scoped, 48u) << name;
    EXPECT_EQ(without_port, 2u) << name << ": IKEEXT and ICMPv6";
    EXPECT_EQ(unscoped, (std::vector<std::string>{"Cortana (TCP-Out)", "@FirewallAPI.dll,-25008"}))
        << name;
    for (const char* profile : kProfiles) {
      EXPECT_EQ(o.verdicts.at(std::string("rtm-native / ") + profile + " profile"), "fail")
          << name << " " << profile;
    }
    // Checked for one program, the program-scoped rules do not apply to it:
    // every SDK fails in every profile.
    PathOptions agora;
    agora.program = "C:\\Program Files\\Agora\\rtm-bot.exe";
    FileResult f = lint(name, o.bytes, agora);
    for (const CheckResult& c : f.checks) {
      if (c.path != "-") {
        EXPECT_EQ(c.verdict, CheckVerdict::Fail) << name << " " << c.sdk << " " << c.path;
      }
    }
  }
}

TEST(WindowsCorpus, ProfilesOnlyBaselinesThatAllowOutboundPassEverywhere) {
  SKIP_WITHOUT_CORPUS();
  // NSA SHB and DoD STIG: EnableFirewall on, DefaultOutboundAction=0
  // (allow), no rules. Nothing can block outbound traffic.
  for (const char* name : {"gporeport-nsa-shb-windows-firewall-profiles-only.utf16le.xml",
                           "gporeport-dod-windows-firewall-stig-profiles-only.utf16le.xml",
                           "registrypol-nsa-shb-windows-firewall-profiles.pol",
                           "registrypol-dod-windows-firewall-stig-profiles.pol"}) {
    const Outcome& o = outcome(name);
    EXPECT_EQ(o.pass, 9) << name;
    for (const CheckResult& c : o.result.checks) {
      if (c.path == "-") {
        EXPECT_EQ(c.verdict, CheckVerdict::ProxyRequired) << name << " " << c.sdk;
      } else {
        EXPECT_EQ(c.verdict, CheckVerdict::Pass) << name << " " << c.sdk << " " << c.path;
      }
    }
  }
}

// --- a report and its registry.pol -----------------------------------------------------

/// UTF-8 → UTF-16LE, without a byte order mark.
std::string utf16le(std::string_view utf8) { return fwlint::test::utf16(utf8, false, false); }

using fwlint::test::le32;

/// `rule` without the fields named in kDroppedByReports; `dropped` counts them.
std::string without_dropped_tokens(const std::string& rule, std::map<std::string, int>& dropped) {
  std::string out;
  std::size_t start = 0;
  while (start < rule.size()) {
    std::size_t bar = rule.find('|', start);
    std::size_t length = bar == std::string::npos ? std::string::npos : bar - start + 1;
    std::string field = rule.substr(start, length);
    std::string key = field.substr(0, field.find('='));
    bool drop = std::find(std::begin(kDroppedByReports), std::end(kDroppedByReports), key) !=
                std::end(kDroppedByReports);
    if (drop) ++dropped[key];
    else out += field;
    if (bar == std::string::npos) break;
    start = bar + 1;
  }
  return out;
}

/// The registry.pol `bytes` again, each rule string without the tokens a
/// report drops: what the report shows, in the registry form.
std::string as_a_report_shows_it(std::string_view bytes, std::map<std::string, int>& dropped) {
  Diagnostics diags;
  auto records = read_pol_file(bytes, diags);
  if (!records) return {};
  std::string out = "PReg" + le32(1);
  std::string nul(2, '\0');
  for (const RegistryRecord& r : *records) {
    std::string data;
    if (r.type == kRegDword && r.dword) {
      data = le32(*r.dword);
    } else {
      std::string text = r.data_utf8;
      if (r.key.ends_with("\\FirewallRules")) text = without_dropped_tokens(text, dropped);
      data = utf16le(text) + nul;
    }
    out += utf16le("[") + utf16le(r.key) + nul + utf16le(";") + utf16le(r.value_name) + nul +
           utf16le(";") + le32(r.type) + utf16le(";") +
           le32(static_cast<std::uint32_t>(data.size())) + utf16le(";") + data + utf16le("]");
  }
  return out;
}

/// What a check decided, in enough detail to tell two readings apart: its
/// verdict, and each flow's protocol, ports, verdict and deciders (without
/// their locations, which differ between the forms by nature).
std::map<std::string, std::string> fingerprints(const FileResult& f) {
  std::map<std::string, std::string> out;
  for (const CheckResult& c : f.checks) {
    std::string s = check_verdict_name(c.verdict);
    for (const Flow& flow : c.flows) {
      s += std::string(" | ") + (flow.transport == Transport::Tcp ? "tcp" : "udp");
      for (const auto& iv : flow.ports.intervals())
        s += " " + std::to_string(iv.lo) + (iv.hi == iv.lo ? "" : "-" + std::to_string(iv.hi));
      s += std::string(" ") + verdict_name(flow.verdict);
      for (const Decider& d : flow.decided_by) s += " [" + d.description + "]";
    }
    out[c.sdk + " / " + c.path] = s;
  }
  return out;
}

std::vector<std::string> differences(const std::map<std::string, std::string>& a,
                                     const std::map<std::string, std::string>& b) {
  std::vector<std::string> out;
  for (const auto& [key, value] : a) {
    auto it = b.find(key);
    std::string other = it == b.end() ? "(none)" : it->second;
    if (other != value) out.push_back(key + ":\n        " + value + "\n    vs  " + other);
  }
  for (const auto& [key, value] : b)
    if (!a.contains(key)) out.push_back(key + ": (none) vs " + value);
  return out;
}

/// The programs to check a GPO for: none (any program), then each program
/// (and service) its outbound rules are scoped to, so that those rules
/// apply in turn.
std::vector<PathOptions> programs_of(const WfInput& input) {
  std::vector<PathOptions> out(1);
  for (const WfRule& r : input.rules) {
    if (!is_outbound(r)) continue;
    PathOptions p;
    for (const WfField& f : r.fields) {
      if (f.key == "App") p.program = f.value;
      if (f.key == "Svc") p.service = f.value == "*" ? "AnyService" : f.value;
    }
    if (p.program.empty()) continue;
    bool seen = std::any_of(out.begin(), out.end(), [&](const PathOptions& o) {
      return o.program == p.program && o.service == p.service;
    });
    if (!seen) out.push_back(p);
  }
  return out;
}

std::string describe(const PathOptions& p) {
  if (p.program.empty()) return "any program";
  return "--app " + p.program + (p.service.empty() ? "" : " --service " + p.service);
}

TEST(WindowsCorpus, AReportMeansWhatItsRegistryPolMeansSaveTheTokensItDrops) {
  SKIP_WITHOUT_CORPUS();
  std::cout << "\nReport vs registry.pol (verdicts, flows and deciders per SDK and profile):\n";
  for (const Pair& pair : kSnPairs) {
    const Outcome& report = outcome(pair.report);
    const Outcome& pol = outcome(pair.pol);
    EXPECT_EQ(report.verdicts, pol.verdicts) << pair.report << " and " << pair.pol;

    // The registry.pol with the dropped tokens taken out is what the report
    // shows: it must mean exactly what the report means. Then every
    // difference between the report and the registry.pol comes from them.
    std::map<std::string, int> dropped;
    std::string stripped = as_a_report_shows_it(pol.bytes, dropped);
    ASSERT_FALSE(stripped.empty()) << pair.pol;
    std::string tokens;
    for (const auto& [key, n] : dropped)
      tokens += (tokens.empty() ? "" : ", ") + key + " x" + std::to_string(n);
    std::cout << "  " << pair.report << " vs " << pair.pol << " (tokens the report drops: "
              << (tokens.empty() ? "none" : tokens) << ")\n";

    std::optional<WfInput> input = read_input(pair.pol, pol.bytes);
    ASSERT_TRUE(input);
    std::size_t verdict_differences = 0, detail_differences = 0, unexplained = 0;
    for (const PathOptions& program : programs_of(*input)) {
      FileResult r = lint(pair.report, report.bytes, program);
      FileResult p = lint(pair.pol, pol.bytes, program);
      FileResult s = lint(pair.pol, stripped, program);
      ASSERT_EQ(s.status, ParseStatus::Ok) << pair.pol << "\n" << dump(s);
      std::vector<std::string> verdict_diff = differences(verdicts_of(r), verdicts_of(p));
      std::vector<std::string> detail_diff = differences(fingerprints(r), fingerprints(p));
      std::vector<std::string> left = differences(fingerprints(r), fingerprints(s));
      verdict_differences += verdict_diff.size();
      detail_differences += detail_diff.size();
      unexplained += left.size();
      for (const std::string& d : verdict_diff)
        std::cout << "    " << describe(program) << ": verdict " << d << "\n";
      for (const std::string& d : left)
        std::cout << "    " << describe(program) << ": UNEXPLAINED " << d << "\n";
      EXPECT_TRUE(left.empty()) << pair.report << " and " << pair.pol
                                << " differ beyond the tokens a report drops, for "
                                << describe(program);
    }
    std::cout << "    " << programs_of(*input).size()
              << " programs checked: " << verdict_differences << " verdict difference(s), "
              << detail_differences
              << " check(s) differing in flows or deciders, " << unexplained << " unexplained\n";
  }
}

}  // namespace
}  // namespace fwlint::windows
