// SPDX-License-Identifier: Apache-2.0
#include "frontends/pf/pf_policy_ports.h"

#include <array>
#include <charconv>
#include <string_view>
#include <utility>

#include "fwlint/model/policy.h"

namespace fwlint::pf {
namespace {

constexpr std::uint16_t kMaxPort = 65535;

/// /etc/protocols names real rulesets use.
constexpr std::array<std::pair<std::string_view, std::uint8_t>, 24> kProtocols = {{
    {"ip", 0},       {"icmp", 1},   {"igmp", 2},       {"ipencap", 4}, {"ipip", 4},     {"tcp", 6},
    {"egp", 8},      {"udp", 17},   {"ipv6", 41},      {"rsvp", 46},   {"gre", 47},     {"esp", 50},
    {"ah", 51},      {"icmp6", 58}, {"ipv6-icmp", 58}, {"ospf", 89},   {"etherip", 97}, {"pim", 103},
    {"ipcomp", 108}, {"vrrp", 112}, {"carp", 112},     {"l2tp", 115},  {"sctp", 132},   {"pfsync", 240},
}};

std::optional<std::uint8_t> protocol_number(std::string_view name) {
  unsigned value = 0;
  auto [end, error] = std::from_chars(name.data(), name.data() + name.size(), value);
  if (error == std::errc{} && end == name.data() + name.size()) {
    if (value > 255) return std::nullopt;
    return static_cast<std::uint8_t>(value);
  }
  for (const auto& [known, number] : kProtocols)
    if (known == name) return number;
  return std::nullopt;
}

// TCP header flags as pf names them (pf.conf(5) `flags`).
enum TcpFlag : unsigned {
  kFin = 0x01,
  kSyn = 0x02,
  kRst = 0x04,
  kPush = 0x08,
  kAck = 0x10,
  kUrg = 0x20,
  kEce = 0x40,
  kCwr = 0x80,
};

/// pf's flag letters in the order of their bits in the TCP header.
constexpr std::string_view kFlagLetters = "FSRPAUEW";

std::optional<unsigned> parse_flag_letters(std::string_view letters) {
  unsigned bits = 0;
  for (char c : letters) {
    std::size_t bit = kFlagLetters.find(c);
    if (bit == std::string_view::npos) return std::nullopt;
    bits |= 1u << bit;
  }
  return bits;
}

/// How many of `packets` pass `(flags & mask) == set`: none, some or all.
enum class Coverage { None, Some, All };

template <std::size_t N>
Coverage coverage(const std::array<unsigned, N>& packets, unsigned set, unsigned mask) {
  std::size_t matching = 0;
  for (unsigned flags : packets)
    if ((flags & mask) == set) ++matching;
  return matching == 0 ? Coverage::None : matching == N ? Coverage::All : Coverage::Some;
}

// The opening SYN of a connection, plain or asking for ECN.
constexpr std::array<unsigned, 2> kOpeningPackets = {kSyn, kSyn | kEce | kCwr};
// Every later packet of either side: SYN-ACK, ACK, data, FIN and RST.
constexpr std::array<unsigned, 7> kLaterPackets = {kSyn | kAck,         kAck, kPush | kAck, kFin | kAck,
                                                   kFin | kPush | kAck, kRst, kRst | kAck};

}  // namespace

PortSet port_item_set(const PfPort& item) {
  const std::uint16_t a = item.a;
  const std::uint16_t b = item.b;
  PortSet s;
  switch (item.op) {
    case PfPort::Op::Eq:
      return PortSet::single(a);
    case PfPort::Op::Ne:
      return PortSet::single(a).complement();
    case PfPort::Op::Lt:
      return a == 0 ? s : PortSet::range(0, static_cast<std::uint16_t>(a - 1));
    case PfPort::Op::Le:
      return PortSet::range(0, a);
    case PfPort::Op::Gt:
      return a == kMaxPort ? s : PortSet::range(static_cast<std::uint16_t>(a + 1), kMaxPort);
    case PfPort::Op::Ge:
      return PortSet::range(a, kMaxPort);
    case PfPort::Op::Range:
      return PortSet::range(a, b);
    case PfPort::Op::Inside:
      if (b <= a + 1) return s;
      return PortSet::range(static_cast<std::uint16_t>(a + 1), static_cast<std::uint16_t>(b - 1));
    case PfPort::Op::Outside:
      return PortSet::range(a, b).complement();
  }
  return s;
}

PortSet port_list_set(const std::vector<PfPort>& items) {
  if (items.empty()) return PortSet::all();
  PortSet s;
  for (const PfPort& item : items) s.add(port_item_set(item));
  return s;
}

ProtocolResolution resolve_protocols(const std::vector<std::string>& names) {
  ProtocolResolution r;
  if (names.empty()) {
    r.protocols = ProtocolSet::all();
    return r;
  }
  for (const std::string& name : names) {
    if (auto number = protocol_number(name))
      r.protocols.add(*number, *number);
    else
      r.unknown.push_back(name);
  }
  return r;
}

std::optional<std::string> effective_flags(const PfRule& rule) {
  if (!rule.flags.empty()) return rule.flags == "any" ? std::nullopt : std::optional(rule.flags);
  // pfctl: "'flags S/SA' by default on stateful rules" (pass rules only).
  bool keeps_state = rule.action == PfAction::Pass && rule.state.value_or(PfState::Keep) != PfState::None;
  if (keeps_state) return std::string("S/SA");
  return std::nullopt;
}

std::optional<TcpFlagStates> tcp_flag_states(const std::string& flags) {
  if (flags == "any") return TcpFlagStates{kStateAll, false};
  std::size_t slash = flags.find('/');
  if (slash == std::string::npos) return std::nullopt;
  auto set = parse_flag_letters(std::string_view(flags).substr(0, slash));
  auto mask = parse_flag_letters(std::string_view(flags).substr(slash + 1));
  if (!set || !mask) return std::nullopt;
  TcpFlagStates out;
  Coverage opening = coverage(kOpeningPackets, *set, *mask);
  Coverage later = coverage(kLaterPackets, *set, *mask);
  if (opening != Coverage::None) out.states |= kStateNew;
  if (later != Coverage::None)
    out.states |= kStateEstablished | kStateRelated | kStateInvalid | kStateUntracked;
  out.partial = opening == Coverage::Some || later == Coverage::Some;
  return out;
}

}  // namespace fwlint::pf
