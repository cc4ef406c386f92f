// SPDX-License-Identifier: Apache-2.0
#include "frontends/pf/endpoint_reader.h"

#include <algorithm>
#include <cctype>

#include "frontends/pf/address_parser.h"
#include "frontends/pf/list_items.h"
#include "frontends/pf/services.h"
#include "fwlint/analysis/findings.h"

namespace fwlint::pf {
namespace {

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool all_hex(std::string_view s) {
  return !s.empty() &&
         std::all_of(s.begin(), s.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
}

PfPort::Op unary_op(PfParser::UnaryOpContext* op) {
  if (op->NE()) return PfPort::Op::Ne;
  if (op->LT()) return PfPort::Op::Lt;
  if (op->LE()) return PfPort::Op::Le;
  if (op->GT()) return PfPort::Op::Gt;
  if (op->GE()) return PfPort::Op::Ge;
  return PfPort::Op::Eq;
}

}  // namespace

std::optional<std::uint16_t> parse_port_value(std::string_view text) {
  // pfctl reads a plain number in decimal and any other word as a number in
  // C notation (0x50) before trying /etc/services.
  std::optional<unsigned long> number;
  if (all_digits(text) && text.size() <= 5)
    number = std::stoul(std::string(text));
  else if ((text.starts_with("0x") || text.starts_with("0X")) && all_hex(text.substr(2)) && text.size() <= 6)
    number = std::stoul(std::string(text.substr(2)), nullptr, 16);
  if (number) {
    if (*number > 65535) return std::nullopt;
    return static_cast<std::uint16_t>(*number);
  }
  return service_port(text);
}

void EndpointReader::invalid(antlr4::ParserRuleContext* where, const std::string& message) {
  site_.report(finding_id::kUnrecognizedLine, Severity::Error, site_.location(where), message);
}

bool EndpointReader::read_hosts(PfParser::HostsContext* hosts, PfRule& rule) {
  if (hosts == nullptr) return true;
  if (dynamic_cast<PfParser::HostsAllContext*>(hosts)) {
    rule.all = true;
    return true;
  }
  if (auto* from = dynamic_cast<PfParser::HostsFromContext*>(hosts)) {
    bool ok = read_from(from->fromPart(), rule);
    return read_to(from->toPart(), rule) && ok;
  }
  if (auto* to = dynamic_cast<PfParser::HostsToContext*>(hosts)) return read_to(to->toPart(), rule);
  return true;
}

bool EndpointReader::read_from(PfParser::FromPartContext* from, PfRule& rule) {
  bool ok = read_host_spec(from->hostSpec(), rule.from);
  ok = read_port_spec(from->portSpec(), rule.from) && ok;
  if (auto* os = from->osSpec()) {
    // Passive OS fingerprints: the model cannot say which hosts match.
    std::string text(site_.text(os));
    rule.options.push_back(text);
    rule.unmodeled_matches.push_back(text);
  }
  return ok;
}

bool EndpointReader::read_to(PfParser::ToPartContext* to, PfRule& rule) {
  if (to == nullptr) return true;
  bool ok = read_host_spec(to->hostSpec(), rule.to);
  return read_port_spec(to->portSpec(), rule.to) && ok;
}

bool EndpointReader::read_host_spec(PfParser::HostSpecContext* spec, PfEndpoint& endpoint) {
  if (spec == nullptr || spec->ANY()) return true;
  auto add = [&](PfParser::HostTermContext* term) {
    std::optional<PfAddress> a = read_host(term->host(), term->NOT() != nullptr);
    if (a) {
      a->location = site_.location(term);
      endpoint.addresses.push_back(std::move(*a));
    }
    return a.has_value();
  };
  if (auto* term = spec->hostTerm()) return add(term);
  // Items of a (possibly nested) list: `any` or a term.
  std::vector<PfParser::HostListItemContext*> items;
  auto walk = [&](auto& self, PfParser::HostListContext* list) -> void {
    for (auto* item : list->hostListItem()) {
      if (auto* inner = item->hostList())
        self(self, inner);
      else
        items.push_back(item);
    }
  };
  walk(walk, spec->hostList());
  bool ok = true;
  for (auto* item : items) {
    if (item->ANY()) {
      PfAddress any;
      any.text = "any";
      any.location = site_.location(item);
      endpoint.addresses.push_back(std::move(any));
    } else {
      ok = add(item->hostTerm()) && ok;
    }
  }
  return ok;
}

std::optional<unsigned> EndpointReader::prefix_length(antlr4::tree::TerminalNode* number) {
  if (number == nullptr) return std::nullopt;
  std::string_view text = site_.text(number);
  if (text.size() > 3) return 999;  // reported as too long by the address parser
  return static_cast<unsigned>(std::stoul(std::string(text)));
}

std::optional<PfAddress> EndpointReader::read_host(PfParser::HostContext* host, bool negated) {
  AddressResult result;
  if (auto* range = dynamic_cast<PfParser::HostRangeContext*>(host)) {
    result = parse_address_range(site_.value(range->address(0)), site_.value(range->address(1)));
  } else if (auto* address = dynamic_cast<PfParser::HostAddressContext*>(host)) {
    result = parse_address_word(site_.value(address->address()), prefix_length(address->NUMBER()));
  } else if (auto* dynamic = dynamic_cast<PfParser::HostDynamicContext*>(host)) {
    result = parse_dynamic_address(site_.value(dynamic->address()), prefix_length(dynamic->NUMBER()));
  } else if (auto* table = dynamic_cast<PfParser::HostTableContext*>(host)) {
    PfAddress a;
    a.kind = PfAddress::Kind::Table;
    a.text = "<" + site_.value(table->name()) + ">";
    result.address = std::move(a);
  } else if (dynamic_cast<PfParser::HostNoRouteContext*>(host)) {
    PfAddress a;
    a.kind = PfAddress::Kind::NoRoute;
    a.text = "no-route";
    result.address = std::move(a);
  } else if (dynamic_cast<PfParser::HostUrpfFailedContext*>(host)) {
    PfAddress a;
    a.kind = PfAddress::Kind::UrpfFailed;
    a.text = "urpf-failed";
    result.address = std::move(a);
  }
  if (!result.address) {
    invalid(host, result.error.empty() ? "not an address" : result.error);
    return std::nullopt;
  }
  result.address->negated = negated;
  result.address->location = site_.location(host);
  return result.address;
}

bool EndpointReader::read_port_spec(PfParser::PortSpecContext* spec, PfEndpoint& endpoint) {
  if (spec == nullptr) return true;
  bool ok = true;
  auto items = list_items(
      spec->portList(), [](PfParser::PortListContext* l) { return l->portItem(); },
      [](PfParser::PortListContext* l) { return l->portList(); });
  for (auto* item : items) {
    std::optional<PfPort> port = read_port(item);
    if (port) endpoint.ports.push_back(*port);
    ok = ok && port.has_value();
  }
  return ok;
}

std::optional<std::uint16_t> EndpointReader::port_value(PfParser::PortValueContext* value) {
  std::string text = site_.value(value);
  std::optional<std::uint16_t> port = parse_port_value(text);
  if (!port) invalid(value, "'" + text.substr(0, 40) + "' is not a port number or a known service name");
  return port;
}

std::optional<PfPort> EndpointReader::read_port(PfParser::PortItemContext* item) {
  PfPort port;
  port.location = site_.location(item);
  if (auto* binary = dynamic_cast<PfParser::PortBinaryContext*>(item)) {
    auto a = port_value(binary->portValue(0));
    auto b = port_value(binary->portValue(1));
    if (!a || !b) return std::nullopt;
    port.op = binary->rangeOp->getType() == PfLexer::INSIDE_RANGE ? PfPort::Op::Inside : PfPort::Op::Outside;
    port.a = *a;
    port.b = *b;
    return port;
  }
  if (auto* unary = dynamic_cast<PfParser::PortUnaryContext*>(item)) {
    auto a = port_value(unary->portValue());
    if (!a) return std::nullopt;
    port.op = unary_op(unary->unaryOp());
    port.a = *a;
    return port;
  }
  auto* single = dynamic_cast<PfParser::PortSingleContext*>(item);
  std::string text = site_.value(single->portValue());
  std::size_t colon = text.find(':');
  if (colon == std::string::npos) {
    auto a = port_value(single->portValue());
    if (!a) return std::nullopt;
    port.a = *a;
    return port;
  }
  // `a:b`, one word for the lexer.
  auto a = parse_port_value(text.substr(0, colon));
  auto b = parse_port_value(text.substr(colon + 1));
  if (!a || !b) {
    invalid(single, "'" + text.substr(0, 40) + "' is not a port range");
    return std::nullopt;
  }
  port.op = PfPort::Op::Range;
  port.a = *a;
  port.b = *b;
  return port;
}

}  // namespace fwlint::pf
