// SPDX-License-Identifier: Apache-2.0
/// \file
/// What makes an XML document unreadable, in words a firewall admin can act
/// on, and a guard tinyxml2 needs before it parses hostile input.
#pragma once

#include <tinyxml2.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace fwlint::windows {

/// tinyxml2 compares every attribute with all earlier ones of its element,
/// so an element with a million attributes takes hours to parse. Real
/// reports have at most four per element.
inline constexpr std::size_t kMaxAttributesPerElement = 1000;

/// Offset of the first tag with more than kMaxAttributesPerElement
/// attributes, found by one linear scan that counts '=' outside quotes.
std::optional<std::size_t> crowded_tag(std::string_view text);

/// The error of a failed tinyxml2 parse as a diagnostic message.
std::string parse_error_message(const tinyxml2::XMLDocument& doc);

}  // namespace fwlint::windows
