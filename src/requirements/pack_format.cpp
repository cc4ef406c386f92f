// SPDX-License-Identifier: Apache-2.0
#include "requirements/pack_format.h"

#include <cstdint>

namespace fwlint::pack_format {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// Digits of [i, end) starting at `i` (which it advances); nullopt when there
/// are none. Values above 65535 come back as 65536 so the caller can name
/// the whole token in its message.
std::optional<std::uint32_t> read_number(std::string_view s, std::size_t& i) {
  std::size_t start = i;
  std::uint32_t value = 0;
  while (i < s.size() && is_digit(s[i])) {
    value = value * 10 + static_cast<std::uint32_t>(s[i] - '0');
    if (value > 65535) value = 65536;
    ++i;
  }
  if (i == start) return std::nullopt;
  return value;
}

bool two_digits_in(std::string_view s, int lo, int hi) {
  if (s.size() != 2 || !is_digit(s[0]) || !is_digit(s[1])) return false;
  int v = (s[0] - '0') * 10 + (s[1] - '0');
  return v >= lo && v <= hi;
}

bool four_digits(std::string_view s) {
  return s.size() == 4 && is_digit(s[0]) && is_digit(s[1]) && is_digit(s[2]) && is_digit(s[3]);
}

}  // namespace

std::optional<PortListError> parse_port_list(std::string_view text, PortSet& ports) {
  std::size_t pos = 0;
  while (true) {
    std::size_t comma = text.find(',', pos);
    std::size_t end = comma == std::string_view::npos ? text.size() : comma;
    // Trim the token [b, e).
    std::size_t b = pos, e = end;
    while (b < e && is_space(text[b])) ++b;
    while (e > b && is_space(text[e - 1])) --e;
    std::string_view token = text.substr(b, e - b);
    if (token.empty())
      return PortListError{b, 0, text.find_first_not_of(" \t") == std::string_view::npos
                                     ? "empty port list"
                                     : "empty entry in port list"};

    auto bad = [&](std::string message) { return PortListError{b, token.size(), std::move(message)}; };
    std::size_t i = 0;
    auto lo = read_number(token, i);
    std::optional<std::uint32_t> hi = lo;
    if (lo) {
      std::size_t after_lo = i;
      while (i < token.size() && is_space(token[i])) ++i;
      if (i < token.size() && token[i] == '-') {
        ++i;
        while (i < token.size() && is_space(token[i])) ++i;
        hi = read_number(token, i);
      } else {
        i = after_lo;
      }
    }
    if (!lo || !hi || i != token.size())
      return bad("invalid port '" + shown(token) + "' (expected a number or a range a-b)");
    if (*lo > 65535 || *hi > 65535)
      return bad("port '" + shown(token) + "' is out of range 0-65535");
    if (*lo > *hi)
      return bad("invalid port range '" + shown(token) + "': start is greater than end");
    auto range = PortSet::range(static_cast<std::uint16_t>(*lo), static_cast<std::uint16_t>(*hi));
    if (ports.intersects(range))
      return bad(*lo == *hi ? "port " + std::to_string(*lo) + " is already listed"
                            : "port range '" + shown(token) + "' overlaps an earlier entry");
    ports.add(range);
    if (comma == std::string_view::npos) return std::nullopt;
    pos = comma + 1;
  }
}

std::optional<std::string> parse_address(std::string_view text, IpSet& addresses) {
  std::size_t slash = text.find('/');
  auto block = parse_cidr(text);
  // parse_cidr takes "/024" for /24; a pack writes prefix lengths plainly.
  bool padded = slash != std::string_view::npos && text.size() > slash + 2 && text[slash + 1] == '0';
  if (!block || padded)
    return "invalid address '" + shown(text) + "' (expected an IPv4 or IPv6 address or CIDR block)";
  if (slash != std::string_view::npos) {
    // parse_cidr clears host bits; the block must start at the address written.
    std::string_view base = text.substr(0, slash);
    std::string_view length = text.substr(slash + 1);
    std::string network;
    if (!block->v4.empty()) {
      std::uint32_t first = block->v4.intervals().front().lo;
      if (parse_ipv4(base) != first) network = format_ipv4(first);
    } else {
      u128 first = block->v6.intervals().front().lo;
      if (parse_ipv6(base) != first) network = format_ipv6(first);
    }
    if (!network.empty())
      return "address '" + shown(text) + "' has host bits set (did you mean " + network + "/" +
             std::string(length) + "?)";
  }
  addresses.add(*block);
  return std::nullopt;
}

std::string shown(std::string_view text) {
  constexpr std::size_t kMax = 64;
  bool cut = false;
  if (text.size() > kMax) {
    std::size_t n = kMax;
    while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
    text = text.substr(0, n);
    cut = true;
  }
  std::string out;
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F) {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\x";
      out += kHex[u >> 4];
      out += kHex[u & 0xF];
    } else {
      out += c;
    }
  }
  if (cut) out += "...";
  return out;
}

bool valid_identifier(std::string_view text) {
  if (text.empty() || text.size() > 64 || text.front() == '-') return false;
  for (char c : text)
    if (!((c >= 'a' && c <= 'z') || is_digit(c) || c == '-')) return false;
  return true;
}

bool valid_pack_version(std::string_view text) {
  if (text.size() == 7)
    return four_digits(text.substr(0, 4)) && text[4] == '-' && two_digits_in(text.substr(5), 1, 12);
  return valid_date(text);
}

bool valid_date(std::string_view text) {
  return text.size() == 10 && four_digits(text.substr(0, 4)) && text[4] == '-' &&
         two_digits_in(text.substr(5, 2), 1, 12) && text[7] == '-' &&
         two_digits_in(text.substr(8, 2), 1, 31);
}

}  // namespace fwlint::pack_format
