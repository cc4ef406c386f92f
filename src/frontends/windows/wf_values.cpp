// SPDX-License-Identifier: Apache-2.0
#include "frontends/windows/wf_values.h"

#include <array>
#include <charconv>

#include "fwlint/util/strings.h"

namespace fwlint::windows {
namespace {

std::optional<std::uint32_t> parse_decimal(std::string_view text, std::uint32_t max) {
  if (text.empty() || text.size() > 10) return std::nullopt;
  std::uint32_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc{} || end != text.data() + text.size() || v > max) return std::nullopt;
  return v;
}

struct Keyword {
  std::string_view name;
  std::string_view meaning;
};

// Port keywords of MS-GPFAS (LPORT-/RPORT-KEYWORD-VAL). Windows resolves
// them at run time to ports of a service; none of them is a fixed set the
// analyzer could rely on.
constexpr std::array<Keyword, 13> kPortKeywords = {{
    {"RPC", "the dynamic RPC ports"},
    {"RPC-EPMap", "the RPC endpoint mapper"},
    {"Teredo", "the Teredo edge-traversal port"},
    {"IPHTTPSIn", "the IP-HTTPS tunnel port"},
    {"IPHTTPSOut", "the IP-HTTPS tunnel port"},
    {"IPTLSIn", "the IP-HTTPS (TLS) tunnel port"},
    {"IPTLSOut", "the IP-HTTPS (TLS) tunnel port"},
    {"DHCP", "the DHCP client port"},
    {"Ply2Disc", "the Play To discovery ports"},
    {"mDNS", "the multicast DNS port"},
    {"TcpCDPSvc", "the Connected Devices Platform service port"},
    {"CortanaOut", "the Cortana service ports"},
    {"Ply2Renders", "the Play To renderer ports"},
}};

// Remote address keywords resolved from the computer's own network
// configuration. The addresses they stand for are local networks and
// local servers; a public Agora server is never one of them.
constexpr std::array<Keyword, 10> kLocalAddressKeywords = {{
    {"LocalSubnet", "the computer's local subnets"},
    {"DNS", "the computer's DNS servers"},
    {"DHCP", "the computer's DHCP servers"},
    {"WINS", "the computer's WINS servers"},
    {"DefaultGateway", "the computer's default gateway"},
    {"IntrAnet", "the intranet address ranges"},
    {"RmtIntrAnet", "the remote-access intranet ranges"},
    {"Ply2Renders", "Play To devices"},
    {"CaptivePortal", "captive portal addresses"},
    {"RemoteCorpNetwork", "the remote corporate network"},
}};

const Keyword* find_keyword(std::string_view text, const auto& table) {
  for (const Keyword& k : table)
    if (iequals(text, k.name)) return &k;
  return nullptr;
}

IpSet family_part(const IpSet& s, Family f) { return f == Family::V4 ? IpSet{s.v4, {}} : IpSet{{}, s.v6}; }

std::optional<IpSet> parse_single_address(std::string_view text, Family family) {
  if (family == Family::V4) {
    if (auto a = parse_ipv4(text)) return IpSet{V4Set::single(*a), {}};
    return std::nullopt;
  }
  if (auto a = parse_ipv6(text)) return IpSet{{}, V6Set::single(*a)};
  return std::nullopt;
}

}  // namespace

PortValue parse_port_value(std::string_view text) {
  PortValue v;
  if (const Keyword* k = find_keyword(text, kPortKeywords)) {
    v.kind = PortValue::Keyword;
    v.note = "port keyword " + std::string(k->name) + " (" + std::string(k->meaning) + ")";
    return v;
  }
  std::size_t dash = text.find('-');
  auto lo = parse_decimal(text.substr(0, dash), 65535);
  auto hi = dash == std::string_view::npos ? lo : parse_decimal(text.substr(dash + 1), 65535);
  if (!lo || !hi) {
    v.note = "'" + std::string(text) + "' is not a port, a port range or a port keyword";
    return v;
  }
  if (*lo > *hi) {
    v.note = "port range '" + std::string(text) + "' ends before it starts";
    return v;
  }
  v.kind = PortValue::Exact;
  v.ports = PortSet::range(static_cast<std::uint16_t>(*lo), static_cast<std::uint16_t>(*hi));
  return v;
}

AddressValue parse_address_value(std::string_view text, Family family) {
  AddressValue v;
  if (iequals(text, "IntErnet") || iequals(text, "Internet")) {
    // Every address outside the intranet: for a public server that is
    // every public address, which is how a domain atom is matched.
    v.kind = AddressValue::Exact;
    v.addresses = family_part(public_addresses(), family);
    return v;
  }
  if (const Keyword* k = find_keyword(text, kLocalAddressKeywords)) {
    v.kind = AddressValue::LocalKeyword;
    v.addresses = family_part(public_addresses().complement(), family);
    v.note = "address keyword " + std::string(k->name) + " (" + std::string(k->meaning) +
             "), which the computer resolves at run time";
    return v;
  }
  const char* family_name = family == Family::V4 ? "IPv4" : "IPv6";
  auto bad = [&](std::string why) {
    v.kind = AddressValue::Malformed;
    v.note = "'" + std::string(text) + "' " + why;
    return v;
  };
  std::optional<IpSet> parsed;
  if (std::size_t dash = text.find('-'); dash != std::string_view::npos) {
    auto first = parse_single_address(text.substr(0, dash), family);
    auto last = parse_single_address(text.substr(dash + 1), family);
    if (!first || !last) return bad("is not an " + std::string(family_name) + " address range");
    parsed = parse_address_range(text.substr(0, dash), text.substr(dash + 1));
    if (!parsed) return bad("is a range that ends before it starts");
  } else if (std::size_t slash = text.find('/'); slash != std::string_view::npos) {
    std::string_view address = text.substr(0, slash), suffix = text.substr(slash + 1);
    if (!parse_single_address(address, family))
      return bad("is not an " + std::string(family_name) + " subnet");
    if (family == Family::V4 && suffix.find('.') != std::string_view::npos)
      parsed = parse_ipv4_with_mask(address, suffix);
    else
      parsed = parse_cidr(text);
    if (!parsed) return bad("has an invalid prefix length or mask");
  } else {
    parsed = parse_single_address(text, family);
    if (!parsed) {
      if (iequals(text, "*") || iequals(text, "Any"))
        return bad("is not a Windows address: any address is written by leaving the token out");
      return bad("is not an " + std::string(family_name) + " address, subnet, range or keyword");
    }
  }
  v.kind = AddressValue::Exact;
  v.addresses = family_part(*parsed, family);
  return v;
}

std::optional<int> parse_protocol_number(std::string_view text) {
  auto v = parse_decimal(text, 255);
  if (!v) return std::nullopt;
  return static_cast<int>(*v);
}

std::optional<bool> parse_rule_bool(std::string_view text) {
  if (iequals(text, "true")) return true;
  if (iequals(text, "false")) return false;
  return std::nullopt;
}

}  // namespace fwlint::windows
