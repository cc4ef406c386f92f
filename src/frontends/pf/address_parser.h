// SPDX-License-Identifier: Apache-2.0
/// \file
/// Address items as pfctl's host() reads them, from text: addresses with
/// prefix lengths (short IPv4 forms like "10/8" included), ranges,
/// interfaces and interface groups with their modifiers, host names. The
/// text of the result is what pfctl prints: the network address with the
/// host bits cleared, no /32 or /128, IPv6 in its shortest form.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "frontends/pf/rule_model.h"

namespace fwlint::pf {

/// An address item, or why the text is not one.
struct AddressResult {
  std::optional<PfAddress> address;
  std::string error;
};

/// A word in address position with an optional `/prefix`: "10.1.2.3",
/// "10"+"/8", "fe80::1%em0", "em0", "em0:network", "self", "www.example.com".
AddressResult parse_address_word(std::string_view word, std::optional<unsigned> prefix);
/// The word inside `( … )`: an interface or group followed by its
/// addresses as they change.
AddressResult parse_dynamic_address(std::string_view word, std::optional<unsigned> prefix);
/// `first - last`, both addresses of one family.
AddressResult parse_address_range(std::string_view first, std::string_view last);

/// Whether `name` reads as an interface or interface group ("em0",
/// "vlan10", "em0.100", "egress", "self", "lo") rather than a host name.
bool looks_like_interface(std::string_view name);

}  // namespace fwlint::pf
