// SPDX-License-Identifier: Apache-2.0
/// \file
/// ASA's literal names for ports, IP protocols and ICMP types, as the
/// running-config prints them ("eq www", "permit esp", "icmp any any echo").
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "fwlint/model/interval_set.h"

namespace fwlint::asa {

/// A TCP/UDP/SCTP port given as a number (0–65535) or an ASA literal name
/// ("www" = 80, "domain" = 53, "sip" = 5060…); nullopt otherwise.
std::optional<std::uint16_t> port_number(std::string_view text);

/// The protocols an ACE protocol word stands for: "ip" (and "0") = every
/// protocol, "tcp-udp" = {6, 17}, a literal name ("esp", "gre"…) or a number
/// 0–255; nullopt when the word is none of these.
std::optional<ProtocolSet> protocol_set(std::string_view text);

/// Whether `protocols` is exactly ICMP or ICMPv6, the protocols whose ACEs
/// may name an ICMP type.
bool is_icmp_protocol(const ProtocolSet& protocols);

/// Whether `text` is an ICMP (or ICMPv6) type literal ("echo",
/// "time-exceeded", "neighbor-solicitation"…) or a number 0–255.
bool is_icmp_type(std::string_view text);

/// Predefined ASA service objects that may be named without being defined:
/// a protocol name ("ospf") or "icmp-<type>" ("icmp-echo"). Returns the
/// protocols and whether an ICMP type narrows them.
struct BuiltinService {
  ProtocolSet protocols;
  bool icmp_type = false;
};
std::optional<BuiltinService> builtin_service(std::string_view name);

/// Self-check of the lookup tables (they must stay sorted by name).
bool asa_tables_sorted();

inline constexpr std::uint8_t kProtoIcmp = 1;
inline constexpr std::uint8_t kProtoTcp = 6;
inline constexpr std::uint8_t kProtoUdp = 17;
inline constexpr std::uint8_t kProtoIcmp6 = 58;
inline constexpr std::uint8_t kProtoSctp = 132;

}  // namespace fwlint::asa
