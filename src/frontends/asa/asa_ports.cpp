// SPDX-License-Identifier: Apache-2.0
// Literal names from Cisco's "Addresses, Protocols, and Ports" reference of
// the ASA configuration guides (TCP and UDP Ports, Protocols and
// Applications, ICMP Types). ASA checks which names are valid for TCP or
// UDP when a command is entered; a running-config is already checked, so one
// table serves both.
#include "frontends/asa/asa_ports.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <utility>

namespace fwlint::asa {
namespace {

template <typename T>
std::optional<T> parse_number(std::string_view text, unsigned max) {
  unsigned value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty() || value > max)
    return std::nullopt;
  return static_cast<T>(value);
}

struct NamedValue {
  std::string_view name;
  unsigned value;
};

// Sorted by name for binary search (checked once in a test).
constexpr std::array kPorts = std::to_array<NamedValue>({
    {"aol", 5190},
    {"bgp", 179},
    {"biff", 512},
    {"bootpc", 68},
    {"bootps", 67},
    {"chargen", 19},
    {"cifs", 3020},
    {"citrix-ica", 1494},
    {"cmd", 514},
    {"ctiqbe", 2748},
    {"daytime", 13},
    {"discard", 9},
    {"dnsix", 195},
    {"domain", 53},
    {"echo", 7},
    {"exec", 512},
    {"finger", 79},
    {"ftp", 21},
    {"ftp-data", 20},
    {"gopher", 70},
    {"h323", 1720},
    {"hostname", 101},
    {"http", 80},
    {"https", 443},
    {"ident", 113},
    {"imap4", 143},
    {"irc", 194},
    {"isakmp", 500},
    {"kerberos", 750},
    {"klogin", 543},
    {"kshell", 544},
    {"ldap", 389},
    {"ldaps", 636},
    {"login", 513},
    {"lotusnotes", 1352},
    {"lpd", 515},
    {"mobile-ip", 434},
    {"nameserver", 42},
    {"netbios-dgm", 138},
    {"netbios-ns", 137},
    {"netbios-ssn", 139},
    {"nfs", 2049},
    {"nntp", 119},
    {"ntp", 123},
    {"pcanywhere-data", 5631},
    {"pcanywhere-status", 5632},
    {"pim-auto-rp", 496},
    {"pop2", 109},
    {"pop3", 110},
    {"pptp", 1723},
    {"radius", 1645},
    {"radius-acct", 1646},
    {"rip", 520},
    {"rsh", 514},
    {"rtsp", 554},
    {"secureid-udp", 5510},
    {"sip", 5060},
    {"smtp", 25},
    {"snmp", 161},
    {"snmptrap", 162},
    {"sqlnet", 1521},
    {"ssh", 22},
    {"sunrpc", 111},
    {"syslog", 514},
    {"tacacs", 49},
    {"talk", 517},
    {"telnet", 23},
    {"tftp", 69},
    {"time", 37},
    {"uucp", 540},
    {"vxlan", 4789},
    {"who", 513},
    {"whois", 43},
    {"www", 80},
    {"xdmcp", 177},
});

constexpr std::array kProtocols = std::to_array<NamedValue>({
    {"ah", 51},
    {"eigrp", 88},
    {"esp", 50},
    {"gre", 47},
    {"icmp", 1},
    {"icmp6", 58},
    {"igmp", 2},
    {"igrp", 9},
    {"ipinip", 4},
    {"ipsec", 50},
    {"nos", 94},
    {"ospf", 89},
    {"pcp", 108},
    {"pim", 103},
    {"pptp", 47},
    {"sctp", 132},
    {"snp", 109},
    {"tcp", 6},
    {"udp", 17},
});

// ICMP and ICMPv6 type literals; only their names matter here (the policy
// model has no ICMP-type dimension, so an ICMP-type ACE is marked unknown).
constexpr std::array kIcmpTypes = std::to_array<std::string_view>({
    "alternate-address", "conversion-error", "echo", "echo-reply", "information-reply",
    "information-request", "mask-reply", "mask-request", "membership-query",
    "membership-reduction", "membership-report", "mobile-redirect", "neighbor-advertisement",
    "neighbor-redirect", "neighbor-solicitation", "packet-too-big", "parameter-problem",
    "redirect", "router-advertisement", "router-renumbering", "router-solicitation",
    "source-quench", "time-exceeded", "timestamp-reply", "timestamp-request", "traceroute",
    "unreachable",
});

template <std::size_t N>
std::optional<unsigned> lookup(const std::array<NamedValue, N>& table, std::string_view name) {
  auto it = std::lower_bound(table.begin(), table.end(), name,
                             [](const NamedValue& e, std::string_view n) { return e.name < n; });
  if (it != table.end() && it->name == name) return it->value;
  return std::nullopt;
}

}  // namespace

std::optional<std::uint16_t> port_number(std::string_view text) {
  if (auto n = parse_number<std::uint16_t>(text, 65535)) return n;
  if (auto v = lookup(kPorts, text)) return static_cast<std::uint16_t>(*v);
  return std::nullopt;
}

std::optional<ProtocolSet> protocol_set(std::string_view text) {
  if (text == "ip") return ProtocolSet::all();
  if (text == "tcp-udp") {
    ProtocolSet s = ProtocolSet::single(kProtoTcp);
    s.add(kProtoUdp, kProtoUdp);
    return s;
  }
  if (auto n = parse_number<std::uint8_t>(text, 255)) {
    // The ASA shows protocol number 0 as "ip": any protocol.
    if (*n == 0) return ProtocolSet::all();
    return ProtocolSet::single(*n);
  }
  if (auto v = lookup(kProtocols, text)) return ProtocolSet::single(static_cast<std::uint8_t>(*v));
  return std::nullopt;
}

bool is_icmp_protocol(const ProtocolSet& protocols) {
  return protocols == ProtocolSet::single(kProtoIcmp) ||
         protocols == ProtocolSet::single(kProtoIcmp6);
}

bool is_icmp_type(std::string_view text) {
  if (parse_number<std::uint8_t>(text, 255)) return true;
  return std::binary_search(kIcmpTypes.begin(), kIcmpTypes.end(), text);
}

std::optional<BuiltinService> builtin_service(std::string_view name) {
  if (name.starts_with("icmp-") && is_icmp_type(name.substr(5)))
    return BuiltinService{ProtocolSet::single(kProtoIcmp), true};
  if (name == "tcp-udp" || name.empty() || name.front() < 'a' || name.front() > 'z')
    return std::nullopt;
  if (auto p = protocol_set(name)) return BuiltinService{*p, false};
  return std::nullopt;
}

// Exposed for the table-order test.
bool asa_tables_sorted() {
  auto by_name = [](const NamedValue& a, const NamedValue& b) { return a.name < b.name; };
  return std::is_sorted(kPorts.begin(), kPorts.end(), by_name) &&
         std::is_sorted(kProtocols.begin(), kProtocols.end(), by_name) &&
         std::is_sorted(kIcmpTypes.begin(), kIcmpTypes.end());
}

}  // namespace fwlint::asa
