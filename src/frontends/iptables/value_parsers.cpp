// SPDX-License-Identifier: Apache-2.0
#include "frontends/iptables/value_parsers.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <functional>
#include <map>
#include <string>
#include <utility>

#include "frontends/iptables/services.h"

namespace fwlint::iptables {
namespace {

std::string lower_case(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

std::string upper_case(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::toupper(c); });
  return out;
}

std::optional<std::uint16_t> port_value(std::string_view text) {
  if (auto n = parse_number(text, 65535)) return static_cast<std::uint16_t>(*n);
  return service_port(text);
}

std::optional<IpSet> parse_one_address(std::string_view text) {
  std::size_t slash = text.find('/');
  if (slash != std::string_view::npos && text.substr(slash + 1).find('.') != std::string_view::npos)
    return parse_ipv4_with_mask(text.substr(0, slash), text.substr(slash + 1));
  return parse_cidr(text);
}

/// Comma-separated names, each looked up in `names`, OR-ed together.
template <typename Bits>
std::optional<Bits> parse_flag_list(std::string_view text,
                                    const std::map<std::string, Bits, std::less<>>& names, bool any_case) {
  Bits out = 0;
  for (std::string_view part : split(text, ',')) {
    auto it = names.find(any_case ? upper_case(part) : std::string(part));
    if (it == names.end()) return std::nullopt;
    out = static_cast<Bits>(out | it->second);
  }
  return out;
}

}  // namespace

std::optional<unsigned> parse_number(std::string_view text, unsigned max) {
  unsigned value = 0;
  if (text.empty()) return std::nullopt;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || value > max) return std::nullopt;
  return value;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    std::size_t at = text.find(separator, start);
    if (at == std::string_view::npos) {
      out.push_back(text.substr(start));
      return out;
    }
    out.push_back(text.substr(start, at - start));
    start = at + 1;
  }
}

std::optional<ProtocolSet> parse_protocol(std::string_view text) {
  // The names iptables resolves through /etc/protocols on common systems.
  static const std::map<std::string, unsigned, std::less<>> names = {
      {"icmp", 1},     {"igmp", 2},     {"ipip", 4},       {"tcp", 6},    {"egp", 8},
      {"udp", 17},     {"dccp", 33},    {"ipv6", 41},      {"gre", 47},   {"esp", 50},
      {"ah", 51},      {"icmpv6", 58},  {"ipv6-icmp", 58}, {"ospf", 89},  {"pim", 103},
      {"ipcomp", 108}, {"vrrp", 112},   {"l2tp", 115},     {"sctp", 132}, {"mobility-header", 135},
      {"mh", 135},     {"udplite", 136}};
  std::string name = lower_case(text);
  if (name == "all" || name == "0") return ProtocolSet::all();
  if (auto it = names.find(name); it != names.end())
    return ProtocolSet::single(static_cast<std::uint8_t>(it->second));
  if (auto n = parse_number(name, 255)) return ProtocolSet::single(static_cast<std::uint8_t>(*n));
  return std::nullopt;
}

std::optional<PortSet> parse_port_range(std::string_view text) {
  std::size_t colon = text.find(':');
  if (colon == std::string_view::npos) {
    auto port = port_value(text);
    if (!port) return std::nullopt;
    return PortSet::single(*port);
  }
  std::string_view first = text.substr(0, colon), last = text.substr(colon + 1);
  std::optional<std::uint16_t> lo = first.empty() ? std::optional<std::uint16_t>(0) : port_value(first);
  std::optional<std::uint16_t> hi = last.empty() ? std::optional<std::uint16_t>(65535) : port_value(last);
  if (!lo || !hi) return std::nullopt;
  if (*lo > *hi) std::swap(lo, hi);
  return PortSet::range(*lo, *hi);
}

/// The union of a comma-separated list, each item read by `item`; nullopt
/// when any item is unreadable.
template <typename Set, typename ItemParser>
std::optional<Set> parse_comma_list(std::string_view text, ItemParser item) {
  Set out;
  for (std::string_view part : split(text, ',')) {
    auto value = item(part);
    if (!value) return std::nullopt;
    out.add(*value);
  }
  return out;
}

std::optional<PortSet> parse_port_list(std::string_view text) {
  return parse_comma_list<PortSet>(text, parse_port_range);
}

std::optional<IpSet> parse_address_list(std::string_view text) {
  return parse_comma_list<IpSet>(text, parse_one_address);
}

bool is_noncontiguous_netmask(std::string_view text) {
  std::size_t slash = text.find('/');
  if (slash == std::string_view::npos || text.find_first_of(":,") != std::string_view::npos) return false;
  return parse_ipv4(text.substr(0, slash)) && parse_ipv4(text.substr(slash + 1)) && !parse_one_address(text);
}

std::optional<IpSet> parse_ip_range(std::string_view text) {
  std::size_t dash = text.find('-');
  if (dash == std::string_view::npos) return std::nullopt;
  return parse_address_range(text.substr(0, dash), text.substr(dash + 1));
}

std::optional<std::uint8_t> parse_states(std::string_view text) {
  static const std::map<std::string, std::uint8_t, std::less<>> names = {{"NEW", kStateNew},
                                                                         {"ESTABLISHED", kStateEstablished},
                                                                         {"RELATED", kStateRelated},
                                                                         {"INVALID", kStateInvalid},
                                                                         {"UNTRACKED", kStateUntracked}};
  return parse_flag_list(text, names, /*any_case=*/true);
}

std::optional<std::uint8_t> parse_direction(std::string_view text) {
  std::string name = upper_case(text);
  if (name == "ORIGINAL") return kDirOriginal;
  if (name == "REPLY") return kDirReply;
  return std::nullopt;
}

std::optional<std::uint16_t> parse_address_types(std::string_view text) {
  static const std::map<std::string, std::uint16_t, std::less<>> names = {{"UNSPEC", kTypeUnspec},
                                                                          {"UNICAST", kTypeUnicast},
                                                                          {"LOCAL", kTypeLocal},
                                                                          {"BROADCAST", kTypeBroadcast},
                                                                          {"ANYCAST", kTypeAnycast},
                                                                          {"MULTICAST", kTypeMulticast},
                                                                          {"BLACKHOLE", kTypeBlackhole},
                                                                          {"UNREACHABLE", kTypeUnreachable},
                                                                          {"PROHIBIT", kTypeProhibit},
                                                                          {"THROW", kTypeThrow},
                                                                          {"NAT", kTypeNat},
                                                                          {"XRESOLVE", kTypeXresolve}};
  return parse_flag_list(text, names, /*any_case=*/true);
}

}  // namespace fwlint::iptables
