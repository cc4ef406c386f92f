// SPDX-License-Identifier: Apache-2.0
#include "report/report_util.h"

#include <algorithm>
#include <cstdio>

#include "fwlint/model/address.h"

namespace fwlint::report_detail {

const char* severity_word(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
  }
  return "warning";
}

const char* verdict_word(Verdict v) {
  switch (v) {
    case Verdict::Allowed: return "allowed";
    case Verdict::Blocked: return "blocked";
    case Verdict::Unknown: return "unknown";
  }
  return "unknown";
}

const char* check_verdict_word(CheckVerdict v) {
  switch (v) {
    case CheckVerdict::Pass: return "pass";
    case CheckVerdict::Fail: return "fail";
    case CheckVerdict::Unknown: return "unknown";
    case CheckVerdict::ProxyRequired: return "proxy-required";
  }
  return "unknown";
}

const char* status_word(ParseStatus s) {
  switch (s) {
    case ParseStatus::Ok: return "ok";
    case ParseStatus::Partial: return "partial";
    case ParseStatus::Failed: return "failed";
  }
  return "failed";
}

const char* transport_word(Transport t) { return t == Transport::Udp ? "udp" : "tcp"; }

const char* family_word(Family f) { return f == Family::V6 ? "ipv6" : "ipv4"; }

std::string compact_ports(const PortSet& ports) { return format_ports(ports); }

namespace {

template <typename T, typename Format>
void append_addresses(const std::vector<Interval<T>>& intervals, int bits, Format format,
                      std::vector<std::string>& out) {
  constexpr std::size_t kMaxBlocks = 4;
  for (const auto& iv : intervals) {
    std::vector<std::pair<T, int>> blocks;
    if (cidr_blocks<T>(iv.lo, iv.hi, bits, blocks, kMaxBlocks)) {
      for (const auto& [start, len] : blocks)
        out.push_back(format(start) + "/" + std::to_string(len));
    } else {
      out.push_back(format(iv.lo) + "-" + format(iv.hi));
    }
  }
}

}  // namespace

std::vector<std::string> address_strings(const IpSet& set) {
  std::vector<std::string> out;
  append_addresses<std::uint32_t>(set.v4.intervals(), 32, format_ipv4, out);
  append_addresses<u128>(set.v6.intervals(), 128, format_ipv6, out);
  return out;
}

std::string join_limited(const std::vector<std::string>& items, std::size_t limit) {
  std::string out;
  std::size_t n = std::min(items.size(), limit);
  for (std::size_t i = 0; i < n; ++i) {
    if (i) out += ", ";
    out += items[i];
  }
  if (items.size() > n) out += ", +" + std::to_string(items.size() - n) + " more";
  return out;
}

std::size_t codepoint_count(std::string_view text) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size(); ++n) {
    auto c = static_cast<unsigned char>(text[i]);
    std::size_t len = c < 0x80          ? 1
                      : (c >> 5) == 6   ? 2
                      : (c >> 4) == 14  ? 3
                      : (c >> 3) == 30  ? 4
                                        : 1;
    if (len > 1) {
      if (i + len > text.size()) {
        len = 1;
      } else {
        for (std::size_t j = 1; j < len; ++j)
          if ((static_cast<unsigned char>(text[i + j]) & 0xC0) != 0x80) len = 1;
      }
    }
    i += len;
  }
  return n;
}

std::string normalize_space(std::string_view text) {
  std::string out;
  bool pending_space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

std::string fnv1a_hex(std::string_view text) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

std::string percent_encode_path(std::string_view path) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (char ch : path) {
    auto c = static_cast<unsigned char>(ch);
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    if (keep) {
      out += ch;
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

}  // namespace fwlint::report_detail
