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

/// Loads `text`, expects failure and returns every error.
std::vector<std::string> all_errors(const std::string& text) {
  auto r = load(text);
  EXPECT_FALSE(r.pack);
  return errors(r);
}

/// Loads `text`, expects failure and returns the first error.
std::string first_error(const std::string& text) {
  auto e = all_errors(text);
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
  EXPECT_EQ(all_errors(join(lines)), (std::vector<std::string>{
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

// --- features on domains, ports_unpublished, cloud_proxy ---------------------------

TEST(PackLoader, LoadsFeaturesUnpublishedPortsAndCloudProxies) {
  const std::string text = R"(pack: proxy-svc
version: "2025-01"
title: Proxy service requirements
source: https://example.com/svc/firewall
sdks:
  - id: rtc
    title: RTC
    domains:
      - .svc.example
      - {name: push.svc.example, feature: stream-channel}
      - {name: .svc.example, feature: dns}
    ports:
      - {protocol: tcp, ports: 443}
      - {protocol: tcp, ports: 8443, feature: stream-channel}
    cloud_proxy:
      source: https://example.com/svc/proxy (2025-01-02)
      modes:
        - id: force-udp
          title: Force UDP
          flows:
            - region: north-america
              service: cloud-proxy
              protocol: [udp, tcp]
              ports: "443, 8000 - 8010"
              addresses: [203.0.113.7, 198.51.100.0/24, "2001:db8::/32", "2001:db8:1::5"]
              note: proxy servers
            - service: dns
              protocol: udp
              ports: 53
              feature: dns
        - id: force-tcp
          title: Force TCP
          flows:
            - {protocol: tcp, ports: [443, 8443]}
  - id: chat
    title: Chat
    ports_unpublished: true
    domains: [.chat.example, {name: files.chat.example, feature: files}]
  - id: chat-legacy
    title: Chat (legacy)
    ports_unpublished: true
    domains: [.chat.example]
    ports: []
  - id: recording
    title: Recording
    cloud_proxy_only: true
    proxy_note: Use the cloud proxy.
    cloud_proxy:
      source: Agora support
      unpublished: Agora gives the list on request.
)";
  auto r = load(text);
  ASSERT_TRUE(r.pack) << testing::PrintToString(errors(r));
  EXPECT_TRUE(r.diagnostics.empty());
  const auto& p = *r.pack;
  ASSERT_EQ(p.sdks.size(), 4u);

  const auto& rtc = p.sdks[0];
  EXPECT_FALSE(rtc.ports_unpublished);
  ASSERT_EQ(rtc.domains.size(), 3u);
  EXPECT_EQ(rtc.domains[0].feature, "");
  EXPECT_EQ(rtc.domains[1].domain.text(), "push.svc.example");
  EXPECT_EQ(rtc.domains[1].feature, "stream-channel");
  EXPECT_EQ(rtc.domains[2].domain, rtc.domains[0].domain);
  EXPECT_EQ(rtc.domains[2].feature, "dns");
  ASSERT_TRUE(rtc.cloud_proxy);
  const CloudProxy& cp = *rtc.cloud_proxy;
  EXPECT_EQ(cp.source, "https://example.com/svc/proxy (2025-01-02)");
  EXPECT_EQ(cp.unpublished, "");
  ASSERT_EQ(cp.modes.size(), 2u);
  EXPECT_EQ(cp.modes[0].id, "force-udp");
  EXPECT_EQ(cp.modes[0].title, "Force UDP");
  ASSERT_EQ(cp.modes[0].flows.size(), 2u);
  const ProxyFlow& proxy = cp.modes[0].flows[0];
  EXPECT_EQ(proxy.region, "north-america");
  EXPECT_EQ(proxy.service, "cloud-proxy");
  EXPECT_EQ(proxy.transports, (std::vector<Transport>{Transport::Udp, Transport::Tcp}));
  PortSet proxy_ports = PortSet::single(443);
  proxy_ports.add(8000, 8010);
  EXPECT_EQ(proxy.ports, proxy_ports);
  IpSet addresses = *parse_cidr("203.0.113.7");
  addresses.add(*parse_cidr("198.51.100.0/24"));
  addresses.add(*parse_cidr("2001:db8::/32"));  // includes 2001:db8:1::5
  EXPECT_EQ(proxy.addresses, addresses);
  EXPECT_EQ(proxy.feature, "");
  EXPECT_EQ(proxy.note, "proxy servers");
  const ProxyFlow& dns = cp.modes[0].flows[1];
  EXPECT_EQ(dns.region, "");
  EXPECT_EQ(dns.service, "dns");
  EXPECT_EQ(dns.transports, (std::vector<Transport>{Transport::Udp}));
  EXPECT_EQ(dns.ports, PortSet::single(53));
  EXPECT_TRUE(dns.addresses.empty());  // any public destination
  EXPECT_EQ(dns.feature, "dns");
  EXPECT_EQ(cp.modes[1].id, "force-tcp");
  ASSERT_EQ(cp.modes[1].flows.size(), 1u);
  EXPECT_EQ(cp.modes[1].flows[0].transports, (std::vector<Transport>{Transport::Tcp}));

  const auto& chat = p.sdks[1];
  EXPECT_TRUE(chat.ports_unpublished);
  EXPECT_TRUE(chat.ports.empty());
  ASSERT_EQ(chat.domains.size(), 2u);
  EXPECT_EQ(chat.domains[1].feature, "files");
  EXPECT_FALSE(chat.cloud_proxy);
  EXPECT_TRUE(p.sdks[2].ports_unpublished);
  EXPECT_TRUE(p.sdks[2].ports.empty());

  const auto& recording = p.sdks[3];
  EXPECT_TRUE(recording.cloud_proxy_only);
  ASSERT_TRUE(recording.cloud_proxy);
  EXPECT_EQ(recording.cloud_proxy->source, "Agora support");
  EXPECT_EQ(recording.cloud_proxy->unpublished, "Agora gives the list on request.");
  EXPECT_TRUE(recording.cloud_proxy->modes.empty());
}

// kBase plus a cloud proxy section for acme-client; tests replace single lines.
const std::vector<std::string> kProxy = {
    /* 13 */ "    cloud_proxy:",
    /* 14 */ "      source: https://example.com/acme/proxy",
    /* 15 */ "      modes:",
    /* 16 */ "        - id: force-udp",
    /* 17 */ "          title: Force UDP",
    /* 18 */ "          flows:",
    /* 19 */ "            - region: europe",
    /* 20 */ "              protocol: udp",
    /* 21 */ "              ports: 8000-8010",
    /* 22 */ "              addresses: [192.0.2.0/24, 198.51.100.7]",
};

/// kBase + kProxy with line `n` (1-based) replaced by `text`.
std::string with_proxy_line(std::size_t n, const std::string& text) {
  auto lines = kBase;
  lines.insert(lines.end(), kProxy.begin(), kProxy.end());
  lines.at(n - 1) = text;
  return join(lines);
}

TEST(PackLoader, ProxyTemplateLoads) {
  auto r = load(with_proxy_line(13, kProxy[0]));
  ASSERT_TRUE(r.pack) << testing::PrintToString(errors(r));
  ASSERT_TRUE(r.pack->sdks.at(0).cloud_proxy);
  EXPECT_EQ(r.pack->sdks[0].cloud_proxy->modes.at(0).flows.at(0).region, "europe");
}

TEST(PackLoaderErrors, UnknownKeysInCloudProxy) {
  EXPECT_EQ(first_error(with_proxy_line(14, "      source: s\n      sorce: t")),
            "15:7: unknown key 'sorce' in cloud proxy of sdk 'acme-client'");
  EXPECT_EQ(first_error(with_proxy_line(17, "          title: Force UDP\n          titel: x")),
            "18:11: unknown key 'titel' in cloud proxy mode 'force-udp'");
  EXPECT_EQ(all_errors(with_proxy_line(21, "              port: 8000-8010")),
            (std::vector<std::string>{
                "21:15: unknown key 'port' in flow of cloud proxy mode 'force-udp'",
                "19:15: missing required key 'ports' in flow of cloud proxy mode 'force-udp'",
            }));
}

TEST(PackLoaderErrors, CloudProxyStructure) {
  EXPECT_EQ(first_error(with_proxy_line(14, "      # no source")),
            "15:7: missing required key 'source' in cloud proxy of sdk 'acme-client'");
  EXPECT_EQ(first_error(with_proxy_line(14, "      source: s\n      unpublished: on request")),
            "16:7: cloud proxy of sdk 'acme-client' has both 'unpublished' and 'modes' "
            "(expected one of them)");
  auto unpublished_last = kProxy;
  unpublished_last.push_back("      unpublished: on request");
  EXPECT_EQ(first_error(with_lines(unpublished_last)),
            "23:7: cloud proxy of sdk 'acme-client' has both 'unpublished' and 'modes' "
            "(expected one of them)");
  EXPECT_EQ(first_error(with_lines({"    cloud_proxy:", "      source: s"})),
            "14:7: cloud proxy of sdk 'acme-client' needs 'modes' or 'unpublished'");
  EXPECT_EQ(first_error(with_lines({"    cloud_proxy:"})), "13:5: missing value for key 'cloud_proxy'");
  EXPECT_EQ(first_error(with_lines({"    cloud_proxy: [a]"})),
            "13:18: expected a mapping for 'cloud_proxy', found a list");
  EXPECT_EQ(first_error(with_lines({"    cloud_proxy:", "      source: s", "      modes: []"})),
            "15:14: cloud proxy of sdk 'acme-client' lists no modes");
  EXPECT_EQ(first_error(with_proxy_line(16, "        - id: Force")),
            "16:15: invalid mode id 'Force' (expected lower-case letters, digits and '-')");
  EXPECT_EQ(first_error(with_proxy_line(17, "          # no title")),
            "16:11: missing required key 'title' in cloud proxy mode 'force-udp'");
  EXPECT_EQ(first_error(with_lines({"    cloud_proxy:", "      source: s", "      modes:",
                                    "        - {id: m, title: M, flows: []}"})),
            "16:36: cloud proxy mode 'm' lists no flows");
  EXPECT_EQ(first_error(with_lines({"    cloud_proxy:", "      source: s", "      modes: [[m]]"})),
            "15:15: expected a mapping for a cloud proxy mode, found a list");
  EXPECT_EQ(first_error(with_lines({"    cloud_proxy:", "      source: s", "      modes:",
                                    "        - {id: m, title: M, flows: [tcp]}"})),
            "16:37: expected a mapping for a flow, found a string");
}

TEST(PackLoaderErrors, DuplicateProxyModeId) {
  auto lines = kBase;
  lines.insert(lines.end(), kProxy.begin(), kProxy.end());
  lines.insert(lines.end(), {"        - id: force-udp", "          title: again",
                             "          flows: [{protocol: tcp, ports: 443}]"});
  EXPECT_EQ(all_errors(join(lines)),
            (std::vector<std::string>{
                "23:15: duplicate cloud proxy mode 'force-udp' in sdk 'acme-client'"}));
  // Found even when the first mode has problems of its own.
  lines[20] = "              ports: 99999";
  EXPECT_EQ(all_errors(join(lines)),
            (std::vector<std::string>{
                "21:22: port '99999' is out of range 0-65535",
                "23:15: duplicate cloud proxy mode 'force-udp' in sdk 'acme-client'"}));
}

TEST(PackLoaderErrors, ProxyFlowProtocol) {
  EXPECT_EQ(first_error(with_proxy_line(20, "              protocol: icmp")),
            "20:25: unknown protocol 'icmp' (expected tcp or udp)");
  EXPECT_EQ(first_error(with_proxy_line(20, "              protocol: [tcp, UDP]")),
            "20:31: unknown protocol 'UDP' (expected tcp or udp)");
  EXPECT_EQ(first_error(with_proxy_line(20, "              protocol: [udp, tcp, udp]")),
            "20:36: protocol 'udp' is already listed");
  EXPECT_EQ(first_error(with_proxy_line(20, "              protocol: []")),
            "20:25: empty protocol list");
  EXPECT_EQ(first_error(with_proxy_line(20, "              protocol: [[tcp]]")),
            "20:26: expected tcp or udp, found a list");
  EXPECT_EQ(first_error(with_proxy_line(20, "              protocol: {udp: 1}")),
            "20:25: expected tcp, udp or a list of them for 'protocol', found a mapping");
  EXPECT_EQ(first_error(with_proxy_line(20, "              protocol:")),
            "20:15: missing value for key 'protocol'");
  EXPECT_EQ(first_error(with_proxy_line(20, "              # no protocol")),
            "19:15: missing required key 'protocol' in flow of cloud proxy mode 'force-udp'");
}

TEST(PackLoaderErrors, ProxyFlowPortsReuseThePortListSyntax) {
  EXPECT_EQ(first_error(with_proxy_line(21, "              ports: \"8000, 80x\"")),
            "21:29: invalid port '80x' (expected a number or a range a-b)");
  EXPECT_EQ(first_error(with_proxy_line(21, "              ports: [1, 1]")),
            "21:26: port 1 is already listed");
  EXPECT_EQ(first_error(with_proxy_line(21, "              ports: []")), "21:22: empty port list");
}

TEST(PackLoaderErrors, ProxyFlowAddresses) {
  EXPECT_EQ(first_error(with_proxy_line(22, "              addresses: [192.0.2.0/24, 198.51.100.300]")),
            "22:41: invalid address '198.51.100.300' (expected an IPv4 or IPv6 address or CIDR block)");
  EXPECT_EQ(first_error(with_proxy_line(22, "              addresses: [192.0.2.0/33]")),
            "22:27: invalid address '192.0.2.0/33' (expected an IPv4 or IPv6 address or CIDR block)");
  EXPECT_EQ(first_error(with_proxy_line(22, "              addresses: [198.51.100.7, 10.0.0.1/24]")),
            "22:41: address '10.0.0.1/24' has host bits set (did you mean 10.0.0.0/24?)");
  EXPECT_EQ(first_error(with_proxy_line(22, "              addresses: [\"2001:db8::1/32\"]")),
            "22:28: address '2001:db8::1/32' has host bits set (did you mean 2001:db8::/32?)");
  EXPECT_EQ(first_error(with_proxy_line(22, "              addresses:\n                - 10.0.0.1/8")),
            "23:19: address '10.0.0.1/8' has host bits set (did you mean 10.0.0.0/8?)");
  EXPECT_EQ(first_error(with_proxy_line(22, "              addresses: []")),
            "22:26: empty address list (leave out 'addresses' for any public destination)");
  EXPECT_EQ(first_error(with_proxy_line(22, "              addresses: 192.0.2.0/24")),
            "22:26: expected a list for 'addresses', found a string");
  EXPECT_EQ(first_error(with_proxy_line(22, "              addresses: [{a: 1}]")),
            "22:27: expected an address, found a mapping");
}

TEST(PackLoaderErrors, ProxyFlowIdentifiers) {
  EXPECT_EQ(first_error(with_proxy_line(19, "            - region: North America")),
            "19:23: invalid region 'North America' (expected lower-case letters, digits and '-')");
  EXPECT_EQ(first_error(with_proxy_line(19, "            - service: DNS")),
            "19:24: invalid service 'DNS' (expected lower-case letters, digits and '-')");
  EXPECT_EQ(first_error(with_proxy_line(19, "            - feature: \"\"")),
            "19:24: value of 'feature' must not be empty");
}

TEST(PackLoaderErrors, PortsUnpublishedRules) {
  // With ports.
  EXPECT_EQ(first_error(with_line(7, "    title: ACME client\n    ports_unpublished: true")),
            "10:5: sdk 'acme-client' has ports_unpublished and must not list ports");
  // Without domains.
  const std::vector<std::string> no_domains = {kBase[0], kBase[1], kBase[2], kBase[3], kBase[4],
                                               kBase[5], kBase[6], "    ports_unpublished: true"};
  EXPECT_EQ(first_error(join(no_domains)),
            "8:5: sdk 'acme-client' has ports_unpublished and needs a non-empty 'domains' list");
  auto empty_domains = no_domains;
  empty_domains.push_back("    domains: []");
  EXPECT_EQ(first_error(join(empty_domains)),
            "9:14: sdk 'acme-client' has ports_unpublished and lists no domains");
  // With cloud_proxy_only.
  auto proxy_only = no_domains;
  proxy_only.insert(proxy_only.end(), {"    cloud_proxy_only: true", "    proxy_note: n"});
  EXPECT_EQ(first_error(join(proxy_only)),
            "8:5: sdk 'acme-client' is cloud-proxy-only and must not set ports_unpublished");
  EXPECT_EQ(first_error(with_line(7, "    title: ACME client\n    ports_unpublished: 1")),
            "8:24: expected true or false for 'ports_unpublished'");
  // Every problem at once.
  EXPECT_EQ(all_errors(with_line(8, "    ports_unpublished: true\n    domains: []")),
            (std::vector<std::string>{
                "9:14: sdk 'acme-client' has ports_unpublished and lists no domains",
                "10:5: sdk 'acme-client' has ports_unpublished and must not list ports",
            }));
}

TEST(PackLoaderErrors, DomainFeature) {
  EXPECT_EQ(first_error(with_line(8, "    domains: [.acme.example, {name: .acme.example, feature: dns},\n"
                                     "              {name: .acme.example, feature: dns}]")),
            "9:15: domain '.acme.example' is listed twice for feature 'dns' in sdk 'acme-client'");
  EXPECT_EQ(first_error(with_line(8, "    domains: [{name: a.example, feature: Dns}]")),
            "8:42: invalid feature name 'Dns' (expected lower-case letters, digits and '-')");
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

TEST(PackFormat, Addresses) {
  IpSet s;
  for (const char* good : {"203.0.113.7", "198.51.100.0/24", "0.0.0.0/0", "2001:db8::/32",
                           "2001:db8::5", "::/0", "192.0.2.1/32"})
    EXPECT_FALSE(pack_format::parse_address(good, s)) << good;
  EXPECT_TRUE(s.v4.is_all());
  EXPECT_TRUE(s.v6.is_all());
  for (const char* bad : {"", "1.2.3", "1.2.3.4/", "1.2.3.4/33", "1.2.3.4/-1", "01.2.3.4",
                          "1.2.3.4 ", "::1/129", "1.2.3.0/024", "::/00", "example.com", "1.2.3.4-1.2.3.5"}) {
    IpSet t;
    auto problem = pack_format::parse_address(bad, t);
    ASSERT_TRUE(problem) << "'" << bad << "'";
    EXPECT_EQ(*problem, "invalid address '" + std::string(bad) +
                            "' (expected an IPv4 or IPv6 address or CIDR block)");
    EXPECT_TRUE(t.empty());
  }
  IpSet t;
  EXPECT_EQ(pack_format::parse_address("198.51.100.7/31", t),
            "address '198.51.100.7/31' has host bits set (did you mean 198.51.100.6/31?)");
  EXPECT_EQ(pack_format::parse_address("2001:db8::1/64", t),
            "address '2001:db8::1/64' has host bits set (did you mean 2001:db8::/64?)");
  EXPECT_TRUE(t.empty());
}

}  // namespace
}  // namespace fwlint
