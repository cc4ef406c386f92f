// SPDX-License-Identifier: Apache-2.0
// load_pack: a user pack for a non-Agora service, and malformed packs, each
// reported as FWL107 at the exact line and column.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "fwlint/requirements/pack.h"
#include "requirements/pack_format.h"

namespace fwlint {
namespace {

// A pack for some other service; tests replace single lines of it.
const std::vector<std::string> kBase = {
    /* 1 */ "pack: acme",
    /* 2 */ "version: \"2024-05\"",
    /* 3 */ "title: ACME VPN requirements",
    /* 4 */ "source: https://example.com/acme/firewall",
    /* 5 */ "sdks:",
    /* 6 */ "  - id: acme-client",
    /* 7 */ "    title: ACME client",
    /* 8 */ "    domains: [.acme.example, api.acme.example]",
    /* 9 */ "    ports:",
    /* 10 */ "      - {protocol: tcp, ports: \"443, 8443\"}",
    /* 11 */ "      - protocol: udp",
    /* 12 */ "        ports: 4500-4510",
};

std::string join(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

/// kBase with line `n` (1-based) replaced by `text` (which may hold several lines).
std::string with_line(std::size_t n, const std::string& text) {
  auto lines = kBase;
  lines.at(n - 1) = text;
  return join(lines);
}
std::string with_lines(std::vector<std::string> extra) {
  auto lines = kBase;
  lines.insert(lines.end(), extra.begin(), extra.end());
  return join(lines);
}

struct Loaded {
  std::optional<RequirementPack> pack;
  Diagnostics diagnostics;
};

Loaded load(const std::string& text) {
  Loaded r;
  r.pack = load_pack("rules/x.yaml", text, r.diagnostics);
  return r;
}

/// "line:col: message" of every diagnostic, checking the fixed parts.
std::vector<std::string> errors(const Loaded& r) {
  std::vector<std::string> out;
  for (const auto& d : r.diagnostics) {
    EXPECT_EQ(d.id, "FWL107");
    EXPECT_EQ(d.severity, Severity::Error);
    EXPECT_FALSE(d.message.empty());
    EXPECT_NE(d.message.back(), '.');
    out.push_back(std::to_string(d.where.line) + ":" + std::to_string(d.where.column) + ": " +
                  d.message);
  }
  return out;
}

/// Loads `text`, expects failure and returns the first error.
std::string first_error(const std::string& text) {
  auto r = load(text);
  EXPECT_FALSE(r.pack);
  auto e = errors(r);
  return e.empty() ? "(no error)" : e.front();
}

TEST(PackLoader, LoadsAUserPackForAnotherService) {
  auto r = load(join(kBase));
  ASSERT_TRUE(r.pack) << testing::PrintToString(errors(r));
  EXPECT_TRUE(r.diagnostics.empty());
  const auto& p = *r.pack;
  EXPECT_EQ(p.id(), "acme@2024-05");
  EXPECT_EQ(p.title, "ACME VPN requirements");
  EXPECT_EQ(p.source, "https://example.com/acme/firewall");
  EXPECT_EQ(p.date, "");
  ASSERT_EQ(p.sdks.size(), 1u);
  const auto& s = p.sdks[0];
  EXPECT_EQ(s.id, "acme-client");
  ASSERT_EQ(s.domains.size(), 2u);
  EXPECT_EQ(s.domains[0].domain, (DomainName{"acme.example", true}));
  EXPECT_EQ(s.domains[1].domain, (DomainName{"api.acme.example", false}));
  ASSERT_EQ(s.ports.size(), 2u);
  EXPECT_EQ(s.ports[0].transport, Transport::Tcp);
  PortSet tcp;
  tcp.add(443, 443);
  tcp.add(8443, 8443);
  EXPECT_EQ(s.ports[0].ports, tcp);
  EXPECT_EQ(s.ports[1].transport, Transport::Udp);
  EXPECT_EQ(s.ports[1].ports, PortSet::range(4500, 4510));
  EXPECT_TRUE(s.ports[1].versions.unbounded());
  EXPECT_EQ(p.find_sdk("acme-client"), &p.sdks[0]);
}

TEST(PackLoader, AcceptsEveryOptionalFeature) {
  const std::string text = R"(# comment
pack: other-svc
version: 2021-03-04
title: 'Other: "quoted" title'
date: 2021-03-04
source: internal wiki page 42
sdks:
  - id: desktop
    title: Desktop app
    aliases: [desk, app-desktop]
    latest_version: 7.1
    domains:
      - "*.svc.example"
      - {name: old.svc.example, versions: {before: "7"}}
      - name: new.svc.example
        versions:
          min: 7
    ports:
      - protocol: tcp
        ports: [80, "443", 1000-1010, 2000 - 2001]
        feature: legacy-http
        note: plain HTTP for old clients
      - {protocol: udp, ports: 0, versions: {min: "1.0", before: "2"}}
      - {protocol: udp, ports: "65535"}
  - id: any-destination
    title: Needs ports to anywhere, no domains
    ports: [{protocol: tcp, ports: 22}]
  - id: kiosk
    title: Kiosk
    cloud_proxy_only: True
    proxy_note: |
      Use the relay.
    ports: []
)";
  auto r = load(text);
  ASSERT_TRUE(r.pack) << testing::PrintToString(errors(r));
  const auto& p = *r.pack;
  EXPECT_EQ(p.version, "2021-03-04");
  EXPECT_EQ(p.title, "Other: \"quoted\" title");
  const auto* desk = p.find_sdk("app-desktop");
  ASSERT_NE(desk, nullptr);
  EXPECT_EQ(desk->id, "desktop");
  EXPECT_EQ(p.find_sdk("DESK"), desk);
  EXPECT_EQ(desk->latest_version->text(), "7.1");
  ASSERT_EQ(desk->domains.size(), 3u);
  EXPECT_EQ(desk->domains[0].domain.text(), ".svc.example");
  EXPECT_EQ(desk->domains[1].versions.before->text(), "7");
  EXPECT_EQ(desk->domains[2].versions.min->text(), "7");
  const auto& legacy = desk->ports[0];
  EXPECT_EQ(legacy.feature, "legacy-http");
  EXPECT_EQ(legacy.note, "plain HTTP for old clients");
  EXPECT_EQ(legacy.ports.intervals().size(), 4u);
  EXPECT_TRUE(legacy.ports.contains(2001));
  EXPECT_EQ(desk->ports[1].ports, PortSet::single(0));
  EXPECT_EQ(desk->ports[2].ports, PortSet::single(65535));
  EXPECT_TRUE(p.find_sdk("any-destination")->domains.empty());
  const auto* kiosk = p.find_sdk("kiosk");
  ASSERT_NE(kiosk, nullptr);
  EXPECT_TRUE(kiosk->cloud_proxy_only);
  EXPECT_EQ(kiosk->proxy_note, "Use the relay.\n");
}

// --- malformed packs: exact line:col --------------------------------------------

TEST(PackLoaderErrors, UnknownKeyInPortEntry) {
  auto r = load(with_line(12, "        prots: 4500-4510"));
  EXPECT_FALSE(r.pack);
  EXPECT_EQ(errors(r), (std::vector<std::string>{
                           "12:9: unknown key 'prots' in port entry",
                           "11:9: missing required key 'ports' in port entry",
                       }));
  ASSERT_FALSE(r.diagnostics.empty());
  EXPECT_EQ(r.diagnostics[0].where.text, "        prots: 4500-4510");
  EXPECT_EQ(r.diagnostics[0].where.end_column, 13u);
}

TEST(PackLoaderErrors, UnknownKeysAtEveryLevel) {
  EXPECT_EQ(first_error(with_line(3, "titel: x")), "3:1: unknown key 'titel' in pack");
  EXPECT_EQ(first_error(with_line(7, "    title: ACME client\n    port: 1")),
            "8:5: unknown key 'port' in sdk 'acme-client'");
  EXPECT_EQ(first_error(with_line(8, "    domains: [{name: a.example, version: {min: 1}}]")),
            "8:33: unknown key 'version' in domain entry");
  EXPECT_EQ(first_error(with_line(12, "        ports: 1\n        versions: {min: 1, max: 2}")),
            "13:28: unknown key 'max' in version range");
}

TEST(PackLoaderErrors, BadPortTokenIsPointedAtInsideTheString) {
  // Quoted: the column counts the opening quote.
  EXPECT_EQ(first_error(with_line(10, "      - {protocol: tcp, ports: \"443, 84x3\"}")),
            "10:38: invalid port '84x3' (expected a number or a range a-b)");
  // Plain scalar.
  EXPECT_EQ(first_error(with_line(12, "        ports: 4510-4500")),
            "12:16: invalid port range '4510-4500': start is greater than end");
  EXPECT_EQ(first_error(with_line(12, "        ports: 80, 70000")),
            "12:20: port '70000' is out of range 0-65535");
  EXPECT_EQ(first_error(with_line(12, "        ports: 80, 81, 80")),
            "12:24: port 80 is already listed");
  EXPECT_EQ(first_error(with_line(12, "        ports: 1-100, 50-60")),
            "12:23: port range '50-60' overlaps an earlier entry");
  EXPECT_EQ(first_error(with_line(12, "        ports: 80,")), "12:19: empty entry in port list");
  EXPECT_EQ(first_error(with_line(12, "        ports: \"\"")), "12:17: empty port list");
  EXPECT_EQ(first_error(with_line(12, "        ports: [80, -1]")),
            "12:21: invalid port '-1' (expected a number or a range a-b)");
  EXPECT_EQ(first_error(with_line(12, "        ports: []")), "12:16: empty port list");
  EXPECT_EQ(first_error(with_line(12, "        ports: {a: 1}")),
            "12:16: expected a port list for 'ports', found a mapping");
}

TEST(PackLoaderErrors, BadProtocol) {
  EXPECT_EQ(first_error(with_line(11, "      - protocol: icmp")),
            "11:19: unknown protocol 'icmp' (expected tcp or udp)");
  EXPECT_EQ(first_error(with_line(11, "      - protocol: TCP")),
            "11:19: unknown protocol 'TCP' (expected tcp or udp)");
  EXPECT_EQ(first_error(with_line(11, "      - protocol:")), "11:9: missing value for key 'protocol'");
}

TEST(PackLoaderErrors, BadDomain) {
  EXPECT_EQ(first_error(with_line(8, "    domains: [.acme.example, \"bad domain!\"]")),
            "8:31: invalid domain 'bad domain!'");
  EXPECT_EQ(first_error(with_line(8, "    domains: [a..b]")), "8:15: invalid domain 'a..b'");
  EXPECT_EQ(first_error(with_line(8, "    domains: [a.example, A.EXAMPLE.]")),
            "8:26: domain 'a.example' is listed twice in sdk 'acme-client'");
  EXPECT_EQ(first_error(with_line(8, "    domains: .acme.example")),
            "8:14: expected a list for 'domains', found a string");
}

TEST(PackLoaderErrors, BadVersions) {
  EXPECT_EQ(first_error(with_line(12, "        ports: 1\n        versions: {min: 2.x}")),
            "13:25: invalid version '2.x' (expected numbers separated by dots, e.g. 2.9.0)");
  EXPECT_EQ(first_error(with_line(12, "        ports: 1\n        versions: {min: 3, before: 2.9}")),
            "13:19: empty version range: min 3 is not below before 2.9");
  EXPECT_EQ(first_error(with_line(12, "        ports: 1\n        versions: {}")),
            "13:19: version range needs 'min' or 'before'");
  EXPECT_EQ(first_error(with_line(7, "    title: ACME client\n    latest_version: v2")),
            "8:21: invalid version 'v2' (expected numbers separated by dots, e.g. 2.9.0)");
  EXPECT_EQ(first_error(with_line(2, "version: 2024/05")),
            "2:10: invalid pack version '2024/05' (expected YYYY-MM or YYYY-MM-DD)");
  EXPECT_EQ(first_error(with_line(2, "version: 2024-13")),
            "2:10: invalid pack version '2024-13' (expected YYYY-MM or YYYY-MM-DD)");
  EXPECT_EQ(first_error(with_line(3, "title: x\ndate: 15.09.2020")),
            "4:7: invalid date '15.09.2020' (expected YYYY-MM-DD)");
}

TEST(PackLoaderErrors, DuplicateSdkIdsAndAliases) {
  EXPECT_EQ(first_error(with_lines({"  - id: acme-client", "    title: again",
                                    "    cloud_proxy_only: true", "    proxy_note: n"})),
            "13:9: duplicate sdk id 'acme-client'");
  EXPECT_EQ(first_error(with_lines({"  - id: other", "    title: again", "    aliases: [acme-client]",
                                    "    cloud_proxy_only: true", "    proxy_note: n"})),
            "15:15: alias 'acme-client' is already used by sdk 'acme-client'");
  EXPECT_EQ(first_error(with_line(6, "  - id: Acme")),
            "6:9: invalid sdk id 'Acme' (expected lower-case letters, digits and '-')");
}

TEST(PackLoaderErrors, WrongTypes) {
  EXPECT_EQ(first_error(with_line(3, "title: [a, b]")), "3:8: expected a string for 'title', found a list");
  EXPECT_EQ(first_error(join({kBase[0], kBase[1], kBase[2], kBase[3], "sdks: acme"})),
            "5:7: expected a list for 'sdks', found a string");
  EXPECT_EQ(first_error(with_line(10, "      - [tcp, 443]")),
            "10:9: expected a mapping for a port entry, found a list");
  EXPECT_EQ(first_error(with_line(7, "    title: ACME client\n    cloud_proxy_only: yes")),
            "8:23: expected true or false for 'cloud_proxy_only'");
  EXPECT_EQ(first_error(with_line(7, "    title: ACME client\n    cloud_proxy_only: \"true\"")),
            "8:23: expected true or false for 'cloud_proxy_only'");
  EXPECT_EQ(first_error(with_line(3, "title: \"\"")), "3:8: value of 'title' must not be empty");
  EXPECT_EQ(first_error("- a\n- b\n"), "1:1: expected a mapping at the top level, found a list");
}

TEST(PackLoaderErrors, MissingAndDuplicateKeys) {
  const std::vector<std::string> no_ports(kBase.begin(), kBase.begin() + 8);
  EXPECT_EQ(first_error(join(no_ports)), "6:5: missing required key 'ports' in sdk 'acme-client'");
  auto empty_ports = no_ports;
  empty_ports.push_back("    ports: []");
  EXPECT_EQ(first_error(join(empty_ports)), "9:12: sdk 'acme-client' lists no ports");
  EXPECT_EQ(first_error(with_line(4, "# no source")), "1:1: missing required key 'source' in pack");
  EXPECT_EQ(first_error(with_line(7, "    # no title")),
            "6:5: missing required key 'title' in sdk 'acme-client'");
  EXPECT_EQ(first_error(with_line(3, "title: a\ntitle: b")), "4:1: duplicate key 'title' in pack");
}

TEST(PackLoaderErrors, CloudProxyOnlyRules) {
  EXPECT_EQ(first_error(with_line(7, "    title: ACME client\n    cloud_proxy_only: true\n"
                                     "    proxy_note: use the proxy")),
            "10:5: sdk 'acme-client' is cloud-proxy-only and must not list domains");
  EXPECT_EQ(first_error(with_lines({"  - id: relay", "    title: Relay", "    cloud_proxy_only: true"})),
            "13:5: sdk 'relay' is cloud-proxy-only and needs a 'proxy_note'");
}

TEST(PackLoaderErrors, YamlLevelProblems) {
  EXPECT_EQ(first_error(""), "1:1: pack file is empty");
  EXPECT_EQ(first_error("# nothing\n"), "1:1: pack file is empty");
  // yaml-cpp notices the unclosed '[' at the next ':' (line 9, "    ports:").
  EXPECT_EQ(first_error(with_line(8, "    domains: [.acme.example")),
            "9:10: invalid yaml: end of sequence flow not found");
  EXPECT_EQ(first_error(with_line(3, "title: &t x\nsdk_title: *t")),
            "4:12: yaml aliases are not allowed in packs");
  EXPECT_EQ(first_error(with_line(3, "title: !!str x")), "3:8: yaml tags are not allowed in packs");
  EXPECT_EQ(first_error(join(kBase) + "---\npack: b\n"),
            "13:1: a pack file must hold exactly one yaml document");
  EXPECT_EQ(first_error(std::string(pack_format::kMaxPackBytes + 1, '#')),
            "1:1: pack file is larger than 1048576 bytes");
}

TEST(PackLoaderErrors, CrlfLineEndingsKeepPositionsAndText) {
  auto lines = kBase;
  lines[11] = "        prots: 4500-4510";
  std::string text;
  for (const auto& l : lines) text += l + "\r\n";
  auto r = load(text);
  ASSERT_FALSE(r.diagnostics.empty());
  EXPECT_EQ(errors(r).front(), "12:9: unknown key 'prots' in port entry");
  EXPECT_EQ(r.diagnostics.front().where.text, "        prots: 4500-4510");
  std::string good;
  for (const auto& l : kBase) good += l + "\r\n";
  auto ok = load(good);
  ASSERT_TRUE(ok.pack);
  EXPECT_EQ(ok.pack->sdks.at(0).title, "ACME client");
}

TEST(PackLoaderErrors, ReportsEveryProblemNotJustTheFirst) {
  auto lines = kBase;
  lines[2] = "titel: x";
  lines[10] = "      - protocol: sctp";
  lines[11] = "        ports: 99999";
  auto r = load(join(lines));
  EXPECT_FALSE(r.pack);
  EXPECT_EQ(errors(r), (std::vector<std::string>{
                           "3:1: unknown key 'titel' in pack",
                           "1:1: missing required key 'title' in pack",
                           "11:19: unknown protocol 'sctp' (expected tcp or udp)",
                           "12:16: port '99999' is out of range 0-65535",
                       }));
}

TEST(PackLoaderErrors, HostileInputNeverCrashes) {
  std::vector<std::string> inputs = {
      std::string("\xff\xfe\x00p\x00a", 6), std::string("\0\0\0", 3), "[[[[[[[[[[", "{",
      std::string(5000, '[') + std::string(5000, ']'), "a: |\n  \tb\n\t- x", "\xef\xbb\xbfpack: x",
      "sdks:\n  - " + std::string(100000, 'x'), "key: \"\\u00e9\\xff\""};
  for (const auto& text : inputs) {
    Diagnostics d;
    auto p = load_pack("x.yaml", text, d);
    EXPECT_FALSE(p);
    EXPECT_FALSE(d.empty());
  }
}

TEST(PackLoaderErrors, QuotesUserTextSafely) {
  EXPECT_EQ(first_error(with_line(11, "      - protocol: \"a\\tb\\e[31m\"")),
            "11:19: unknown protocol 'a\\x09b\\x1b[31m' (expected tcp or udp)");
  std::string long_key(200, 'k');
  EXPECT_EQ(first_error(with_line(3, "title: x\n" + long_key + ": 1")),
            "4:1: unknown key '" + std::string(64, 'k') + "...' in pack");
  EXPECT_EQ(pack_format::shown("\xc3\xa9" + std::string(70, 'a')).size(), 64u + 3u);
  EXPECT_EQ(pack_format::shown(std::string(63, 'a') + "\xc3\xa9"), std::string(63, 'a') + "...");
}

// --- the port-list syntax on its own --------------------------------------------

TEST(PortList, Syntax) {
  PortSet s;
  EXPECT_FALSE(pack_format::parse_port_list(" 80 ,443,5866 - 6000,\t0", s));
  EXPECT_EQ(s.intervals().size(), 4u);
  EXPECT_TRUE(s.contains(0));
  EXPECT_TRUE(s.contains(5900));
  for (const char* bad : {"", " ", "80 443", "1-", "-1", "1--2", "0x50", "80;443", "65536",
                          "99999999999999999999", "1-2-3", "+1", "80,,443"}) {
    PortSet t;
    EXPECT_TRUE(pack_format::parse_port_list(bad, t)) << "'" << bad << "'";
  }
}

}  // namespace
}  // namespace fwlint
