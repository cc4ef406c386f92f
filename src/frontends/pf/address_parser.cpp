// SPDX-License-Identifier: Apache-2.0
// pfctl decides what a word in address position is by trying, in order: an
// IPv4 address, an IPv6 address, an interface of the host, and a DNS name.
// The host's interfaces are unknown here, so interface names are recognized
// by their shape (a name ending in a unit number) and by the groups every
// system has; everything else with a letter in it is a host name.
#include "frontends/pf/address_parser.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "fwlint/model/address.h"

namespace fwlint::pf {
namespace {

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// "10", "10.1", "172.16" (one to four octets, the rest zero), as pfctl
/// accepts them before a prefix length.
std::optional<std::uint32_t> parse_short_ipv4(std::string_view text) {
  std::uint32_t value = 0;
  int octets = 0;
  for (std::size_t start = 0; start <= text.size(); ++octets) {
    std::size_t dot = std::min(text.find('.', start), text.size());
    std::string_view part = text.substr(start, dot - start);
    if (octets == 4 || !all_digits(part) || part.size() > 3) return std::nullopt;
    unsigned octet = static_cast<unsigned>(std::stoul(std::string(part)));
    if (octet > 255) return std::nullopt;
    value |= octet << (24 - 8 * octets);
    start = dot + 1;
  }
  return value;
}

PfAddress cidr(std::string text) {
  PfAddress a;
  a.kind = PfAddress::Kind::Cidr;
  a.text = std::move(text);
  return a;
}

AddressResult ipv4(std::uint32_t value, std::optional<unsigned> prefix) {
  unsigned length = prefix.value_or(32);
  if (length > 32)
    return {std::nullopt, "prefix length /" + std::to_string(length) + " is too long for IPv4"};
  std::uint32_t mask = length == 0 ? 0 : ~std::uint32_t{0} << (32 - length);
  std::string text = format_ipv4(value & mask);
  if (length < 32) text += "/" + std::to_string(length);
  return {cidr(std::move(text)), {}};
}

AddressResult ipv6(u128 value, std::optional<unsigned> prefix) {
  unsigned length = prefix.value_or(128);
  if (length > 128)
    return {std::nullopt, "prefix length /" + std::to_string(length) + " is too long for IPv6"};
  u128 mask = length == 0 ? 0 : ~u128{0} << (128 - length);
  std::string text = format_ipv6(value & mask);
  if (length < 128) text += "/" + std::to_string(length);
  return {cidr(std::move(text)), {}};
}

bool is_modifier(std::string_view m) { return m == "network" || m == "broadcast" || m == "peer" || m == "0"; }

/// "em0", "em0:network", "em0:peer:0": the name and the modifiers after it.
AddressResult interface_item(std::string_view word, std::optional<unsigned> prefix, bool dynamic) {
  std::size_t colon = word.find(':');
  std::string_view name = word.substr(0, colon);
  std::string_view modifiers = colon == std::string_view::npos ? std::string_view{} : word.substr(colon + 1);
  if (name.empty()) return {std::nullopt, "'" + std::string(word) + "' is not an address or interface"};
  for (std::size_t start = 0; !modifiers.empty() && start <= modifiers.size();) {
    std::size_t next = std::min(modifiers.find(':', start), modifiers.size());
    if (!is_modifier(modifiers.substr(start, next - start)))
      return {std::nullopt, "'" + std::string(word) + "' is not an address, and '" +
                                std::string(modifiers.substr(start, next - start)) +
                                "' is not an interface modifier (network, broadcast, peer, 0)"};
    start = next + 1;
  }
  if (prefix && *prefix > 128)
    return {std::nullopt, "prefix length /" + std::to_string(*prefix) + " is too long"};
  PfAddress a;
  a.kind = PfAddress::Kind::Interface;
  a.interface = std::string(name);
  a.modifier = std::string(modifiers);
  a.dynamic = dynamic;
  a.text = dynamic ? "(" + std::string(word) + ")" : std::string(word);
  if (prefix) a.text += "/" + std::to_string(*prefix);
  return {std::move(a), {}};
}

bool is_host_name(std::string_view word) {
  bool letter = false;
  for (char c : word) {
    if (std::isalpha(static_cast<unsigned char>(c)))
      letter = true;
    else if (!std::isdigit(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != '_')
      return false;
  }
  return letter && word.front() != '-' && word.front() != '.';
}

}  // namespace

bool looks_like_interface(std::string_view name) {
  // Groups every system has; other groups only exist where an admin made them.
  static constexpr std::array<std::string_view, 24> kGroups = {
      "self",   "egress", "lo",  "carp",  "tun",    "tap",     "enc",   "pflog",
      "pfsync", "gif",    "gre", "vlan",  "bridge", "trunk",   "aggr",  "wg",
      "pppoe",  "ppp",    "veb", "vport", "mpe",    "etherip", "svlan", "wlan"};
  if (std::find(kGroups.begin(), kGroups.end(), name) != kGroups.end()) return true;
  // A driver name and a unit number, optionally a FreeBSD VLAN suffix: em0, vlan10, em0.100.
  std::string_view base = name.substr(0, name.find('.'));
  if (base.size() < 2 || !std::isalpha(static_cast<unsigned char>(base.front()))) return false;
  if (!std::isdigit(static_cast<unsigned char>(base.back()))) return false;
  if (!std::all_of(base.begin(), base.end(),
                   [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }))
    return false;
  return base.size() == name.size() || all_digits(name.substr(base.size() + 1));
}

AddressResult parse_address_word(std::string_view word, std::optional<unsigned> prefix) {
  if (word.empty()) return {std::nullopt, "empty address"};
  if (std::size_t percent = word.find('%'); percent != std::string_view::npos) {
    // A scoped IPv6 address: the scope names the interface it is on.
    if (auto v6 = parse_ipv6(word.substr(0, percent)); v6 && percent + 1 < word.size()) {
      AddressResult r = ipv6(*v6, prefix);
      if (r.address) r.address->interface = std::string(word.substr(percent + 1));
      return r;
    }
    return {std::nullopt, "'" + std::string(word) + "' is not an IPv6 address"};
  }
  if (auto v4 = parse_ipv4(word)) return ipv4(*v4, prefix);
  if (prefix) {
    if (auto v4 = parse_short_ipv4(word)) return ipv4(*v4, prefix);
  }
  if (auto v6 = parse_ipv6(word)) return ipv6(*v6, prefix);
  if (all_digits(word.substr(0, word.find('.'))) && word.find(':') == std::string_view::npos)
    return {std::nullopt, "'" + std::string(word) + "' is not a valid address"};
  if (word.find(':') != std::string_view::npos || looks_like_interface(word))
    return interface_item(word, prefix, false);
  if (is_host_name(word)) {
    if (prefix && *prefix > 128)
      return {std::nullopt, "prefix length /" + std::to_string(*prefix) + " is too long"};
    PfAddress a;
    a.kind = PfAddress::Kind::Hostname;
    a.text = std::string(word);
    if (prefix) a.text += "/" + std::to_string(*prefix);
    return {std::move(a), {}};
  }
  return {std::nullopt, "'" + std::string(word) + "' is not an address, interface or host name"};
}

AddressResult parse_dynamic_address(std::string_view word, std::optional<unsigned> prefix) {
  if (parse_ipv4(word) || parse_ipv6(word) || all_digits(word))
    return {std::nullopt, "'(" + std::string(word) + ")' names an address, not an interface"};
  return interface_item(word, prefix, true);
}

AddressResult parse_address_range(std::string_view first, std::string_view last) {
  auto a4 = parse_ipv4(first), b4 = parse_ipv4(last);
  auto a6 = parse_ipv6(first), b6 = parse_ipv6(last);
  std::string text;
  if (a4 && b4) {
    if (*a4 > *b4)
      return {std::nullopt, "range " + std::string(first) + " - " + std::string(last) + " is empty"};
    text = format_ipv4(*a4) + " - " + format_ipv4(*b4);
  } else if (a6 && b6) {
    if (*a6 > *b6)
      return {std::nullopt, "range " + std::string(first) + " - " + std::string(last) + " is empty"};
    text = format_ipv6(*a6) + " - " + format_ipv6(*b6);
  } else {
    return {std::nullopt, "'" + std::string(first) + " - " + std::string(last) +
                              "' is not a range of two addresses of one family"};
  }
  PfAddress a;
  a.kind = PfAddress::Kind::Range;
  a.text = std::move(text);
  return {std::move(a), {}};
}

}  // namespace fwlint::pf
