// SPDX-License-Identifier: Apache-2.0
/// \file
/// Hand-built results shared by the reporter tests: one ASA file with a
/// parse warning, a failing check and a cloud-proxy check.
#pragma once

#include <string>
#include <vector>

#include "fwlint/analysis/findings.h"

namespace fwlint::test {

inline SourceLocation at(std::uint32_t line, std::string text, std::uint32_t column = 1,
                         std::uint32_t end_column = 0) {
  SourceLocation l;
  l.line = line;
  l.column = column;
  l.end_column = end_column;
  l.text = std::move(text);
  return l;
}

inline PortSet ports(std::initializer_list<std::pair<int, int>> ranges) {
  PortSet p;
  for (auto [lo, hi] : ranges)
    p.add(static_cast<std::uint16_t>(lo), static_cast<std::uint16_t>(hi));
  return p;
}

inline constexpr const char* kDenyUdp = "access-list inside_in extended deny udp any any";
inline constexpr const char* kPermitWeb =
    "access-list inside_in extended permit tcp 192.168.1.0 255.255.255.0 any";

inline CheckResult failing_check() {
  CheckResult c;
  c.sdk = "rtc-web";
  c.sdk_title = "Agora RTC SDK (Web)";
  c.pack = "agora@2020-09";
  c.sdk_version = "2.9.0";
  c.path = "inside -> outside";
  c.sources = "192.168.1.0/24";
  c.family = Family::V4;
  c.verdict = CheckVerdict::Fail;

  Flow allowed;
  allowed.transport = Transport::Tcp;
  allowed.ports = ports({{80, 80}, {443, 443}, {5866, 6000}});
  allowed.domains = {".agora.io", ".edge.agora.io"};
  allowed.verdict = Verdict::Allowed;
  allowed.decided_by = {{at(6, kPermitWeb), "permit rule"}};
  c.flows.push_back(allowed);

  Flow blocked;
  blocked.transport = Transport::Udp;
  blocked.ports = ports({{3478, 3478}, {5866, 6000}});
  blocked.domains = {".agora.io", ".edge.agora.io", ".agoraio.cn", ".edge.agoraio.cn"};
  blocked.verdict = Verdict::Blocked;
  blocked.decided_by = {{at(8, kDenyUdp), "deny rule"}};
  c.flows.push_back(blocked);

  Flow unknown;
  unknown.transport = Transport::Tcp;
  unknown.ports = ports({{6443, 6443}});
  unknown.domains = {".agora.io"};
  unknown.all_sources = false;
  unknown.sources.v4.add(0xC0A80100u, 0xC0A8017Fu);  // 192.168.1.0/25
  unknown.verdict = Verdict::Unknown;
  unknown.decided_by = {{at(7, "access-list inside_in extended permit tcp any any time-range WORK"),
                         "unknown match: time-range WORK"}};
  c.flows.push_back(unknown);

  Finding f;
  f.id = finding_id::kPortBlocked;
  f.severity = Severity::Error;
  f.where = at(8, kDenyUdp);
  f.message = "rtc-web needs udp 3478, 5866-6000, blocked here";
  f.sdk = c.sdk;
  f.path = c.path;
  c.findings.push_back(f);

  Finding u;
  u.id = finding_id::kResultUnknown;
  u.severity = Severity::Warning;
  u.where = at(7, "access-list inside_in extended permit tcp any any time-range WORK");
  u.message = "rtc-web tcp 6443 depends on time-range WORK";
  u.sdk = c.sdk;
  u.path = c.path;
  c.findings.push_back(u);
  return c;
}

inline CheckResult proxy_check() {
  CheckResult c;
  c.sdk = "rtc-native";
  c.sdk_title = "Agora RTC SDK (Native)";
  c.pack = "agora@2020-09";
  c.path = "inside -> outside";
  c.sources = "192.168.1.0/24";
  c.verdict = CheckVerdict::ProxyRequired;
  Finding f;
  f.id = finding_id::kNeedsCloudProxy;
  f.severity = Severity::Note;
  f.message = "rtc-native cannot be allow-listed by port and domain; use the cloud proxy";
  f.sdk = c.sdk;
  f.path = c.path;
  c.findings.push_back(f);
  return c;
}

inline FileResult sample_file(std::string path = "configs/asa-running.cfg") {
  FileResult file;
  file.path = std::move(path);
  file.format = "asa";
  file.status = ParseStatus::Partial;
  Diagnostic d;
  d.id = finding_id::kUnrecognizedLine;
  d.severity = Severity::Warning;
  d.where = at(3, "access-list inside_in extnded deny udp any any", 18, 24);
  d.message = "unrecognized line";
  file.diagnostics.push_back(d);
  file.checks.push_back(failing_check());
  file.checks.push_back(proxy_check());
  return file;
}

}  // namespace fwlint::test
