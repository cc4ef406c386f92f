// SPDX-License-Identifier: Apache-2.0
/// \file
/// The `from … port … to … port …` part of a rule, and the address and
/// port items other statements share (table entries, translation targets),
/// read from the parse tree into the rule model. Every item keeps its
/// location; an item that is not valid is reported and makes the reader
/// return false (the caller then marks the rule unreadable).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "frontends/pf/rule_model.h"
#include "frontends/pf/statement_site.h"

namespace fwlint::pf {

/// A port number, hex number (0x50) or service name; nullopt when none.
std::optional<std::uint16_t> parse_port_value(std::string_view text);

class EndpointReader {
 public:
  explicit EndpointReader(const StatementSite& site) : site_(site) {}

  /// `all`, `from … [to …]` or `to …` into the rule.
  bool read_hosts(PfParser::HostsContext* hosts, PfRule& rule);
  /// One `host` of the grammar, `!` applied.
  std::optional<PfAddress> read_host(PfParser::HostContext* host, bool negated);
  std::optional<PfPort> read_port(PfParser::PortItemContext* item);

 private:
  bool read_from(PfParser::FromPartContext* from, PfRule& rule);
  bool read_to(PfParser::ToPartContext* to, PfRule& rule);
  bool read_host_spec(PfParser::HostSpecContext* spec, PfEndpoint& endpoint);
  bool read_port_spec(PfParser::PortSpecContext* spec, PfEndpoint& endpoint);
  std::optional<std::uint16_t> port_value(PfParser::PortValueContext* value);
  std::optional<unsigned> prefix_length(antlr4::tree::TerminalNode* number);
  void invalid(antlr4::ParserRuleContext* where, const std::string& message);

  const StatementSite& site_;
};

}  // namespace fwlint::pf
