// SPDX-License-Identifier: Apache-2.0
/// \file
/// Internal pieces of the requirement-pack format shared by the loader and
/// its tests: the keys each mapping accepts and the port-list syntax.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "fwlint/model/address.h"
#include "fwlint/model/interval_set.h"

namespace fwlint::pack_format {

/// Keys accepted at each level of a pack (rules/README.md, rules/pack.schema.json).
inline constexpr std::string_view kPackKeys[] = {"pack", "version", "title", "date", "source",
                                                 "sdks"};
inline constexpr std::string_view kSdkKeys[] = {
    "id",      "title", "aliases",           "cloud_proxy_only", "proxy_note", "latest_version",
    "domains", "ports", "ports_unpublished", "cloud_proxy", "checked_by_default"};
inline constexpr std::string_view kPortKeys[] = {"protocol", "ports", "versions", "feature",
                                                 "note"};
inline constexpr std::string_view kDomainKeys[] = {"name", "versions", "feature"};
/// An SDK's `cloud_proxy` mapping, one entry of its `modes`, and one entry of
/// a mode's `flows`.
inline constexpr std::string_view kCloudProxyKeys[] = {"source", "unpublished", "modes"};
inline constexpr std::string_view kProxyModeKeys[] = {"id", "title", "flows"};
inline constexpr std::string_view kProxyFlowKeys[] = {"region",    "service", "protocol", "ports",
                                                      "addresses", "feature", "note"};
inline constexpr std::string_view kVersionRangeKeys[] = {"min", "before"};

/// Largest pack file the loader accepts, in bytes.
inline constexpr std::size_t kMaxPackBytes = 1u << 20;

/// A problem inside a port list: `offset`/`length` locate the offending
/// token within the parsed text.
struct PortListError {
  std::size_t offset = 0;
  std::size_t length = 0;
  std::string message;
};

/// Adds the ports of `text` ("80, 443, 5866-6000"; spaces around tokens and
/// around '-' are allowed) to `ports`. Returns the first problem, if any:
/// an empty entry, a non-numeric port, a port above 65535, a range whose
/// start is above its end, or a port already in `ports`.
std::optional<PortListError> parse_port_list(std::string_view text, PortSet& ports);

/// Adds the destination of `text` to `addresses`: an IPv4 or IPv6 address or
/// CIDR block ("203.0.113.7", "198.51.100.0/24", "2001:db8::/32"). Returns the
/// problem, if any: a malformed address or prefix length, or a block with
/// host bits set ("10.0.0.1/24"; the message suggests "10.0.0.0/24").
std::optional<std::string> parse_address(std::string_view text, IpSet& addresses);

/// Identifier syntax for pack names, SDK ids, aliases and feature names:
/// lower-case letters, digits and '-', starting with a letter or digit.
bool valid_identifier(std::string_view text);

/// User text as quoted in a message: control characters escaped as \xNN,
/// cut to 64 bytes (at a UTF-8 character boundary) with "..." appended.
std::string shown(std::string_view text);

/// "YYYY-MM" or "YYYY-MM-DD" (pack versions).
bool valid_pack_version(std::string_view text);
/// "YYYY-MM-DD" (source dates), with a month 01–12 and a day 01–31.
bool valid_date(std::string_view text);

}  // namespace fwlint::pack_format
