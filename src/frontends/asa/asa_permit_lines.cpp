// SPDX-License-Identifier: Apache-2.0
// Suggested ACL entries for a blocked flow: one `access-list ACL extended
// permit` per source and port range (an ACL line cannot create an object
// group), before a deny of that ACL, or before the `access-group` line that
// the ACL's implicit deny is placed on: entries written before it are
// appended to the ACL, so they come before the implicit deny.
#include <optional>

#include "frontends/asa/asa_frontend.h"
#include "frontends/common/line_reader.h"
#include "fwlint/model/address.h"

namespace fwlint::asa {
namespace {

std::string mask_of(int prefix) {
  std::uint32_t mask = prefix == 0 ? 0 : ~std::uint32_t{0} << (32 - prefix);
  return format_ipv4(mask);
}

/// `any`, `host A`, `A MASK` (IPv4) or `A/LEN` (IPv6).
std::string address_of(const AddressBlock* b) {
  if (!b) return "any";
  if (b->single_host()) return "host " + b->address;
  return b->v6 ? b->cidr() : b->address + " " + mask_of(b->prefix);
}

/// The ACL of a deciding `access-list NAME [line N] extended deny ...` or
/// `access-group NAME ...` line.
std::optional<std::string> acl_of(std::string_view line) {
  std::string_view first = nth_word(line, 0);
  if (first == "access-group" && !nth_word(line, 1).empty()) return std::string(nth_word(line, 1));
  if (first != "access-list") return std::nullopt;
  std::size_t i = 2;
  if (nth_word(line, i) == "line") i += 2;
  if (nth_word(line, i) != "extended" || nth_word(line, i + 1) != "deny") return std::nullopt;
  return std::string(nth_word(line, 1));
}

}  // namespace

std::vector<std::string> AsaFrontend::permit_lines(std::string_view deciding_line,
                                                   const PermitRequest& request) const {
  auto acl = acl_of(deciding_line);
  if (!acl) return {};
  std::vector<const AddressBlock*> sources;
  for (const auto& b : request.sources) sources.push_back(&b);
  if (sources.empty()) sources.push_back(nullptr);
  std::vector<std::string> lines;
  for (const AddressBlock* source : sources)
    for (const auto& iv : request.ports.intervals()) {
      std::string ports = iv.lo == iv.hi ? "eq " + std::to_string(iv.lo)
                                         : "range " + std::to_string(iv.lo) + " " + std::to_string(iv.hi);
      lines.push_back("access-list " + *acl + " extended permit " + request.protocol + " " +
                      address_of(source) + " any " + ports);
    }
  return lines;
}

}  // namespace fwlint::asa
