// SPDX-License-Identifier: Apache-2.0
/// \file
/// Reads an ASA config line by line into the vendor model: tracks the
/// configuration mode (interface, object, object-group…), pre-dispatches on
/// the first word, runs the grammar only on statements that matter for
/// traffic filtering and walks the typed parse tree. Everything else in a
/// running-config (crypto, logging, aaa, routing protocols, nat…) is skipped
/// without a word.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "frontends/asa/asa_config.h"
#include "frontends/asa/diagnostic_sink.h"
#include "frontends/asa/object_table.h"
#include "frontends/asa/statement_parser.h"
#include "frontends/common/line_reader.h"

namespace fwlint::asa {

class Extractor {
 public:
  Extractor(AsaConfig& config, ObjectTable& objects, DiagnosticSink& sink, std::size_t max_line_length);

  /// Reads one physical line.
  void feed(const SourceLine& line);
  /// End-of-file checks (reference cycles) and `line N` reordering.
  void finish();

 private:
  using P = grammar::asa::AsaParser;

  enum class Mode : std::uint8_t {
    None,            ///< top level
    Ignored,         ///< a block we do not model (crypto map, policy-map…)
    AclEntry,        ///< after an access-list line: indented lines are `show access-list` expansions
    Interface,
    ObjectNetwork,
    ObjectService,
    Group,
  };
  struct Context {
    Mode mode = Mode::None;
    std::uint32_t indent = 0;
    int index = -1;               ///< interface index or entity id
    std::uint32_t header_line = 0;
  };

  /// One side of an ACE (source or destination addresses, or ports):
  /// `known` is matched for sure; `partial` means more may match.
  struct AddressSide {
    AddressMatch known = AddressMatch::none();
    bool partial = false;
    std::string reason;
  };
  struct PortSide {
    PortSet known = PortSet::all();
    bool partial = false;
    std::string reason;
  };

  // --- dispatch (extractor.cpp) ---
  bool belongs_to_context(const SourceLine& line) const;
  void top_level(const SourceLine& line, std::string_view text);
  void sub_command(const SourceLine& line, std::string_view text);
  void too_long(const SourceLine& line);

  // --- statements (extractor.cpp, object_extractor.cpp) ---
  void interface_header(std::string_view text);
  void interface_sub(std::string_view text);
  void object_header(std::string_view text);
  void object_network_sub(std::string_view text);
  void object_service_sub(std::string_view text);
  void group_header(std::string_view text);
  void group_sub(std::string_view text);
  void name_statement(std::string_view text);
  void same_security(std::string_view text);
  void access_group(std::string_view text);
  void route(std::string_view text);

  // --- access-list (ace_extractor.cpp) ---
  void access_list(std::string_view text);
  void unparsed_access_list();
  void extended_entry(P::AclExtendedContext* ext, Acl& acl);
  AddressSide address_operand(P::AceOperandContext* op);
  PortSide port_operand(P::AceOperandContext* op);
  bool is_address_operand(P::AceOperandContext* op) const;
  bool is_port_operand(const std::vector<P::AceOperandContext*>& ops, std::size_t i,
                       bool before_destination);
  ServiceValue protocol_operand(P::AceProtocolContext* proto);

  // --- values shared by objects, groups and ACEs (value_reader.cpp) ---
  std::optional<IpSet> host_address(P::HostAddrContext* ctx);
  /// `A MASK` where A is an IPv4 address or a `names` alias; a
  /// non-contiguous mask is reported (FWL105) and gives nullopt.
  std::optional<IpSet> address_with_mask(antlr4::Token* address, antlr4::Token* mask);
  std::optional<IpSet> ipv6_prefix(antlr4::tree::TerminalNode* prefix);
  std::optional<PortSet> port_match(P::PortMatchContext* ctx);
  std::optional<std::uint16_t> port_value(P::PortContext* ctx);
  std::optional<ServiceEntry> service_spec(P::ServiceSpecContext* ctx);
  std::optional<std::uint32_t> number(antlr4::tree::TerminalNode* node, std::uint32_t max);

  // --- diagnostics ---
  void report(const char* id, Severity severity, std::uint32_t column, std::uint32_t end_column,
              std::string message);
  void unrecognized(std::uint32_t column, std::uint32_t end_column, std::string message);
  void syntax_error(const char* what);
  /// FWL102 for `name` (at the columns of `ctx`); returns the reason text.
  std::string undefined(antlr4::ParserRuleContext* ctx, std::string_view what);
  SourceLocation here() const;

  AsaConfig& config_;
  ObjectTable& objects_;
  DiagnosticSink& sink_;
  std::size_t max_line_length_;
  StatementParser parser_;
  const SourceLine* line_ = nullptr;
  Context context_;
  /// `name 10.1.1.1 server1` aliases.
  std::unordered_map<std::string, IpSet> names_;
};

}  // namespace fwlint::asa
