// SPDX-License-Identifier: Apache-2.0
// Values shared by objects, object-groups and ACEs: addresses (literal or
// `names` aliases), masks, IPv6 prefixes, port matches and service specs.
// Each reader reports its own problem at the offending token and returns
// nullopt; the caller only decides what becomes unknown.
#include <charconv>

#include "frontends/asa/asa_ports.h"
#include "frontends/asa/extractor.h"
#include "fwlint/analysis/findings.h"

namespace fwlint::asa {

using grammar::asa::AsaLexer;

std::optional<std::uint32_t> Extractor::number(antlr4::tree::TerminalNode* node, std::uint32_t max) {
  std::string_view t = parser_.text(node);
  std::uint32_t value = 0;
  auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
  if (t.empty() || ec != std::errc() || end != t.data() + t.size() || value > max) return std::nullopt;
  return value;
}

std::optional<IpSet> Extractor::host_address(P::HostAddrContext* ctx) {
  std::string_view t = parser_.text(ctx);
  if (ctx->WORD()) {
    auto it = names_.find(std::string(t));
    if (it != names_.end()) return it->second;
    undefined(ctx, "name");
    return std::nullopt;
  }
  auto set = parse_cidr(t);
  if (!set || t.find('/') != std::string_view::npos) {
    unrecognized(parser_.column(ctx), parser_.end_column(ctx), "invalid address '" + std::string(t) + "'");
    return std::nullopt;
  }
  return set;
}

std::optional<IpSet> Extractor::address_with_mask(antlr4::Token* address, antlr4::Token* mask) {
  std::string_view a = parser_.text(address), m = parser_.text(mask);
  std::string literal(a);
  if (address->getType() != AsaLexer::IPV4) {
    auto it = names_.find(literal);
    if (it == names_.end() || it->second.v4.empty()) {
      report(finding_id::kUndefinedReference, Severity::Warning, parser_.column(address),
             parser_.end_column(address), "name '" + literal + "' is not defined before this line");
      return std::nullopt;
    }
    literal = format_ipv4(it->second.v4.intervals().front().lo);
  } else if (!parse_ipv4(a)) {
    unrecognized(parser_.column(address), parser_.end_column(address),
                 "invalid IPv4 address '" + literal + "'");
    return std::nullopt;
  }
  if (!parse_ipv4(m)) {
    unrecognized(parser_.column(mask), parser_.end_column(mask), "invalid mask '" + std::string(m) + "'");
    return std::nullopt;
  }
  auto set = parse_ipv4_with_mask(literal, m);
  if (!set) {
    // A wildcard-like mask such as 255.0.255.0 matches a scattered set the
    // ASA accepts but the interval model cannot hold exactly.
    report(finding_id::kUnsupportedConstruct, Severity::Warning, parser_.column(mask),
           parser_.end_column(mask), "non-contiguous mask " + std::string(m) + " is not supported");
  }
  return set;
}

std::optional<IpSet> Extractor::ipv6_prefix(antlr4::tree::TerminalNode* prefix) {
  std::string_view t = parser_.text(prefix);
  auto set = parse_cidr(t);
  if (!set || !set->v4.empty()) {
    unrecognized(parser_.column(prefix->getSymbol()), parser_.end_column(prefix->getSymbol()),
                 "invalid IPv6 prefix '" + std::string(t) + "'");
    return std::nullopt;
  }
  return set;
}

std::optional<std::uint16_t> Extractor::port_value(P::PortContext* ctx) {
  std::string_view t = parser_.text(ctx);
  auto p = port_number(t);
  if (!p) unrecognized(parser_.column(ctx), parser_.end_column(ctx), "unknown port '" + std::string(t) + "'");
  return p;
}

std::optional<PortSet> Extractor::port_match(P::PortMatchContext* ctx) {
  if (auto* c = dynamic_cast<P::PmRangeContext*>(ctx)) {
    auto lo = port_value(c->low), hi = port_value(c->high);
    if (!lo || !hi) return std::nullopt;
    if (*lo > *hi) {
      unrecognized(parser_.column(ctx), parser_.end_column(ctx),
                   "port range " + std::to_string(*lo) + "-" + std::to_string(*hi) + " is empty");
      return std::nullopt;
    }
    return PortSet::range(*lo, *hi);
  }
  auto* c = dynamic_cast<P::PmCompareContext*>(ctx);
  auto p = port_value(c->port());
  if (!p) return std::nullopt;
  switch (c->op->getType()) {
    case AsaLexer::EQ: return PortSet::single(*p);
    case AsaLexer::NEQ: return PortSet::single(*p).complement();
    case AsaLexer::LT: return *p == 0 ? PortSet{} : PortSet::range(0, static_cast<std::uint16_t>(*p - 1));
    default: return *p == 65535 ? PortSet{} : PortSet::range(static_cast<std::uint16_t>(*p + 1), 65535);
  }
}

std::optional<ServiceEntry> Extractor::service_spec(P::ServiceSpecContext* ctx) {
  std::string_view proto = parser_.text(ctx->protocolName());
  auto protocols = protocol_set(proto);
  if (!protocols) {
    unrecognized(parser_.column(ctx->protocolName()), parser_.end_column(ctx->protocolName()),
                 "unknown protocol '" + std::string(proto) + "'");
    return std::nullopt;
  }
  ServiceEntry e;
  e.protocols = *protocols;
  if (ctx->source) {
    auto ports = port_match(ctx->source);
    if (!ports) return std::nullopt;
    e.src_ports = *ports;
  }
  if (ctx->destination) {
    auto ports = port_match(ctx->destination);
    if (!ports) return std::nullopt;
    e.dst_ports = *ports;
  }
  if (auto* icmp = ctx->icmpSpec()) {
    std::string_view type = parser_.text(icmp->getStart());
    if (!is_icmp_protocol(e.protocols) || !is_icmp_type(type)) {
      unrecognized(parser_.column(icmp), parser_.end_column(icmp),
                   is_icmp_protocol(e.protocols) ? "unknown icmp type '" + std::string(type) + "'"
                                                 : "unexpected '" + std::string(parser_.text(icmp)) + "'");
      return std::nullopt;
    }
    e.icmp_type = true;
  }
  return e;
}

}  // namespace fwlint::asa
