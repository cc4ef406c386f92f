// SPDX-License-Identifier: Apache-2.0
#include "fwlint/model/address.h"

#include <arpa/inet.h>

#include <cstdio>
#include <cstring>
#include <string>

namespace fwlint {
namespace {

/// Inclusive range of a prefix of `len` bits in a `bits`-wide space.
template <typename T>
Interval<T> prefix_range(T base, unsigned len, unsigned bits) {
  if (len == 0) return {0, static_cast<T>(~T{0})};
  T host_mask = len >= bits ? T{0} : static_cast<T>((T{1} << (bits - len)) - 1);
  return {static_cast<T>(base & ~host_mask), static_cast<T>(base | host_mask)};
}

std::optional<unsigned> parse_prefix_length(std::string_view text, unsigned max) {
  if (text.empty() || text.size() > 3) return std::nullopt;
  unsigned v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + static_cast<unsigned>(c - '0');
  }
  if (v > max) return std::nullopt;
  return v;
}

}  // namespace

std::optional<std::uint32_t> parse_ipv4(std::string_view text) {
  if (text.empty() || text.size() > 15) return std::nullopt;
  char buf[16];
  std::memcpy(buf, text.data(), text.size());
  buf[text.size()] = 0;
  in_addr a{};
  if (inet_pton(AF_INET, buf, &a) != 1) return std::nullopt;
  return ntohl(a.s_addr);
}

std::optional<u128> parse_ipv6(std::string_view text) {
  if (text.empty() || text.size() > 45) return std::nullopt;
  char buf[46];
  std::memcpy(buf, text.data(), text.size());
  buf[text.size()] = 0;
  in6_addr a{};
  if (inet_pton(AF_INET6, buf, &a) != 1) return std::nullopt;
  u128 v = 0;
  for (unsigned char byte : a.s6_addr) v = (v << 8) | byte;
  return v;
}

std::optional<IpSet> parse_cidr(std::string_view text) {
  auto slash = text.find('/');
  std::string_view addr = text.substr(0, slash);
  std::string_view len_text = slash == std::string_view::npos ? "" : text.substr(slash + 1);
  IpSet s;
  if (auto v4 = parse_ipv4(addr)) {
    unsigned len = 32;
    if (slash != std::string_view::npos) {
      auto l = parse_prefix_length(len_text, 32);
      if (!l) return std::nullopt;
      len = *l;
    }
    auto r = prefix_range<std::uint32_t>(*v4, len, 32);
    s.v4.add(r.lo, r.hi);
    return s;
  }
  if (auto v6 = parse_ipv6(addr)) {
    unsigned len = 128;
    if (slash != std::string_view::npos) {
      auto l = parse_prefix_length(len_text, 128);
      if (!l) return std::nullopt;
      len = *l;
    }
    auto r = prefix_range<u128>(*v6, len, 128);
    s.v6.add(r.lo, r.hi);
    return s;
  }
  return std::nullopt;
}

std::optional<IpSet> parse_ipv4_with_mask(std::string_view address, std::string_view mask) {
  auto a = parse_ipv4(address);
  auto m = parse_ipv4(mask);
  if (!a || !m) return std::nullopt;
  // Contiguous: the inverted mask plus one is a power of two.
  std::uint32_t inv = ~*m;
  if ((inv & (inv + 1)) != 0) return std::nullopt;
  IpSet s;
  s.v4.add(*a & *m, (*a & *m) | inv);
  return s;
}

std::optional<IpSet> parse_address_range(std::string_view first, std::string_view last) {
  IpSet s;
  auto a4 = parse_ipv4(first), b4 = parse_ipv4(last);
  if (a4 && b4) {
    if (*a4 > *b4) return std::nullopt;
    s.v4.add(*a4, *b4);
    return s;
  }
  auto a6 = parse_ipv6(first), b6 = parse_ipv6(last);
  if (a6 && b6) {
    if (*a6 > *b6) return std::nullopt;
    s.v6.add(*a6, *b6);
    return s;
  }
  return std::nullopt;
}

std::string format_ipv4(std::uint32_t a) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%u.%u.%u.%u", a >> 24, (a >> 16) & 255, (a >> 8) & 255, a & 255);
  return buf;
}

std::string format_ipv6(u128 a) {
  in6_addr addr{};
  for (int i = 15; i >= 0; --i) {
    addr.s6_addr[i] = static_cast<unsigned char>(a & 0xff);
    a >>= 8;
  }
  char buf[INET6_ADDRSTRLEN];
  inet_ntop(AF_INET6, &addr, buf, sizeof buf);
  return buf;
}

namespace {

/// Appends [lo, hi] as CIDR blocks (largest aligned blocks first), or as
/// "lo-hi" when that would take more than four blocks.
template <typename T>
void format_interval(T lo, T hi, unsigned bits, std::string (*fmt)(T), std::string& out) {
  constexpr T kAllOnes = static_cast<T>(~T{0});
  std::vector<std::string> blocks;
  T cur = lo;
  while (blocks.size() <= 4) {
    if (cur == 0 && hi == kAllOnes) {
      blocks.push_back(fmt(0) + "/0");
      break;
    }
    unsigned host = 0;  // host bits of the block starting at cur
    while (host + 1 < bits) {
      T mask = static_cast<T>((T{1} << (host + 1)) - 1);
      if ((cur & mask) != 0 || static_cast<T>(cur | mask) > hi) break;
      ++host;
    }
    T end = static_cast<T>(cur | static_cast<T>((T{1} << host) - 1));
    blocks.push_back(fmt(cur) + "/" + std::to_string(bits - host));
    if (end >= hi) break;
    cur = end + 1;
  }
  if (blocks.size() > 4) blocks.assign(1, fmt(lo) + "-" + fmt(hi));
  for (auto& b : blocks) {
    if (!out.empty()) out += ", ";
    out += b;
  }
}

std::string fmt4(std::uint32_t v) { return format_ipv4(v); }
std::string fmt6(u128 v) { return format_ipv6(v); }

}  // namespace

namespace {

/// One family of a set: `any` for every address or every client address
/// (client_addresses()), `any except X` when that is shorter, else the list.
template <typename Set, typename Fmt>
void format_family(const Set& set, const Set& clients, const char* any, int bits, Fmt fmt,
                   std::string& out) {
  using T = decltype(set.intervals().front().lo);
  auto list = [&](const Set& s, std::string& to) {
    for (const auto& iv : s.intervals()) format_interval<T>(iv.lo, iv.hi, bits, fmt, to);
  };
  if (set.empty()) return;
  if (!out.empty()) out += ", ";
  if (set.is_all() || set == clients) {
    out += any;
    return;
  }
  Set rest = clients.subtract(set);
  if (clients.includes(set) && rest.intervals().size() < set.intervals().size()) {
    std::string except;
    list(rest, except);
    out += std::string(any) + " except " + except;
    return;
  }
  std::string items;
  list(set, items);
  out += items;
}

}  // namespace

std::string format_ipset(const IpSet& s) {
  if (s.v4.is_all() && s.v6.is_all()) return "any";
  const IpSet& clients = client_addresses();
  std::string out;
  format_family(s.v4, clients.v4, "any4", 32, fmt4, out);
  format_family(s.v6, clients.v6, "any6", 128, fmt6, out);
  return out.empty() ? "none" : out;
}

const IpSet& public_addresses() {
  static const IpSet kPublic = [] {
    IpSet special;
    for (const char* block :
         {"0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
          "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15",
          "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4"})
      special.add(*parse_cidr(block));
    IpSet v4_public{special.v4.complement(), {}};
    // IPv6: global unicast 2000::/3 minus documentation space.
    IpSet v6_public = *parse_cidr("2000::/3");
    v6_public = v6_public.subtract(*parse_cidr("2001:db8::/32"));
    return v4_public.unite(v6_public);
  }();
  return kPublic;
}

const IpSet& client_addresses() {
  static const IpSet kClients = [] {
    IpSet never_a_source;
    for (const char* block : {"0.0.0.0/8", "127.0.0.0/8", "224.0.0.0/4", "240.0.0.0/4", "::/128",
                              "::1/128", "ff00::/8"})
      never_a_source.add(*parse_cidr(block));
    return IpSet::all().subtract(never_a_source);
  }();
  return kClients;
}

}  // namespace fwlint
