// SPDX-License-Identifier: Apache-2.0
/// \file
/// Helpers shared by the reporters (private to src/report/): fixed words for
/// enums, compact port and address lists, UTF-8 handling, hashing, URIs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fwlint/analysis/findings.h"
#include "fwlint/model/ports.h"

namespace fwlint::report_detail {

// Words used by every output format. They are part of the JSON contract, so
// they are spelled here rather than borrowed from *_name() functions that
// may change for other reasons.
const char* severity_word(Severity s);              // error | warning | note
const char* verdict_word(Verdict v);                // allowed | blocked | unknown
const char* check_verdict_word(CheckVerdict v);     // pass | fail | unknown | proxy-required
const char* status_word(ParseStatus s);             // ok | partial | failed
const char* transport_word(Transport t);            // tcp | udp
const char* family_word(Family f);                  // ipv4 | ipv6

/// "80, 443, 5866-6000"; "" for the empty set.
std::string compact_ports(const PortSet& ports);

/// An address set as CIDR blocks ("192.168.1.0/24", "10.0.0.1/32") or,
/// where an interval would need more than four blocks, as a range
/// "first-last" (the same split as format_ipset). IPv4 before IPv6.
std::vector<std::string> address_strings(const IpSet& set);

/// Appends to `blocks` the CIDR blocks (start, prefix length) that cover
/// [lo, hi] exactly, the fewest of them, for addresses of `bits` bits.
/// Stops and returns false as soon as more than `max_blocks` were appended.
template <typename T>
bool cidr_blocks(T lo, T hi, int bits, std::vector<std::pair<T, int>>& blocks,
                 std::size_t max_blocks = std::numeric_limits<std::size_t>::max()) {
  const T max = ~T(0);
  T cur = lo;
  while (true) {
    int k = 0;  // block of 2^k addresses
    while (k < bits) {
      if (k + 1 == bits) {
        if (cur == 0 && hi == max) k = bits;
        break;
      }
      T mask = (T(1) << (k + 1)) - 1;
      if ((cur & mask) != 0 || hi - cur < mask) break;
      ++k;
    }
    blocks.push_back({cur, bits - k});
    if (blocks.size() > max_blocks) return false;
    if (k == bits) return true;
    T last = cur + ((T(1) << k) - 1);
    if (last >= hi) return true;
    cur = last + 1;
  }
}

/// `items` joined with ", ", at most `limit` of them, then "+N more".
std::string join_limited(const std::vector<std::string>& items, std::size_t limit);

/// Number of code points of UTF-8 text; an invalid byte counts as one.
std::size_t codepoint_count(std::string_view text);

/// Text trimmed of leading/trailing whitespace, inner runs of blanks
/// collapsed to one space.
std::string normalize_space(std::string_view text);

/// 64-bit FNV-1a as 16 lower-case hex digits.
std::string fnv1a_hex(std::string_view text);

/// Percent-encodes a path for use in a URI: keeps unreserved characters and
/// '/', encodes every other byte.
std::string percent_encode_path(std::string_view path);

}  // namespace fwlint::report_detail
