// SPDX-License-Identifier: Apache-2.0
/// \file
/// Domain names as symbolic destination atoms.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace fwlint {

/// One required or configured DNS name. A leading dot means "every host
/// under this domain" (Agora's `.agora.io`); otherwise it is exactly one host.
struct DomainName {
  std::string name;  // lower case, no trailing dot, no leading dot
  bool wildcard = false;

  /// Parses "host.example", ".example" or "*.example"; nullopt when malformed.
  static std::optional<DomainName> parse(std::string_view text);
  /// Display form: ".agora.io" for wildcards, the host name otherwise.
  std::string text() const;

  /// Whether every name this atom stands for is also named by `other`.
  /// `ap.agora.io` is covered by `.agora.io`; `.agora.io` only by `.agora.io`
  /// or a wildcard of a parent domain; a host never covers a wildcard.
  bool covered_by(const DomainName& other) const;

  friend bool operator==(const DomainName&, const DomainName&) = default;
};

}  // namespace fwlint
