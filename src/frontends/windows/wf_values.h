// SPDX-License-Identifier: Apache-2.0
/// \file
/// The values of rule tokens (MS-GPFAS 2.2.2.19): protocol numbers, ports,
/// port ranges and port keywords, addresses, subnets, ranges and address
/// keywords. Shared by every Windows input form, so a report and a rule
/// string mean the same thing.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "fwlint/model/address.h"
#include "fwlint/model/interval_set.h"

namespace fwlint::windows {

/// One value of a port token (RPort, LPort, RPort2_10, LPort2_10, …).
struct PortValue {
  enum Kind { Exact, Keyword, Malformed } kind = Malformed;
  PortSet ports;     ///< Exact only
  std::string note;  ///< Keyword: what it stands for; Malformed: what is wrong
};

/// "443", "49152-65535", or a port keyword ("RPC", "IPHTTPSOut", …).
PortValue parse_port_value(std::string_view text);

/// One value of an address token (RA4, RA6, LA4, LA6, RA42, RA62).
struct AddressValue {
  enum Kind {
    Exact,          ///< addresses known from the text (Internet included)
    LocalKeyword,   ///< LocalSubnet, DNS, Intranet…: resolved by the computer at run time
    Malformed,
  } kind = Malformed;
  IpSet addresses;   ///< Exact; LocalKeyword: the addresses it may stand for
  std::string note;  ///< LocalKeyword: its meaning; Malformed: what is wrong
};

/// `family` is the token's family (RA4/LA4/RA42: V4, RA6/LA6/RA62: V6).
/// Forms: address, address/len, address/dotted-mask (v4), first-last,
/// and the keywords of MS-GPFAS (case-insensitive).
AddressValue parse_address_value(std::string_view text, Family family);

/// "6" → 6; nullopt unless a decimal number 0–255.
std::optional<int> parse_protocol_number(std::string_view text);

/// Windows' boolean spellings: TRUE/FALSE in rule strings, true/false in
/// reports (case-insensitive).
std::optional<bool> parse_rule_bool(std::string_view text);

}  // namespace fwlint::windows
