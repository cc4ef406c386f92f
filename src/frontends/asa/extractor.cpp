// SPDX-License-Identifier: Apache-2.0
// Line dispatch and configuration-mode tracking, plus the small top-level
// statements (interfaces, names, routes, access-group, same-security).
#include "frontends/asa/extractor.h"

#include <algorithm>
#include <array>

#include "fwlint/analysis/findings.h"

namespace fwlint::asa {
namespace {

template <std::size_t N>
bool one_of(std::string_view word, const std::array<std::string_view, N>& words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// Sub-commands that may appear without indentation (some exports strip it)
// and can never start a top-level command.
constexpr std::array<std::string_view, 5> kInterfaceWords = {
    "nameif", "security-level", "management-only", "shutdown", "description"};
constexpr std::array<std::string_view, 5> kObjectNetworkWords = {"host", "subnet", "range", "fqdn",
                                                                 "description"};
// Top-level ASA commands the frontend does not model; seeing them still
// tells an ASA config without filtering from text that is not one at all.
constexpr std::array<std::string_view, 52> kOtherCommands = {
    "aaa",          "aaa-server",     "arp",         "asdm",          "banner",        "boot",
    "call-home",    "class-map",      "clock",       "console",       "crypto",        "dhcpd",
    "dns",          "domain-name",    "dynamic-access-policy-record", "enable", "failover",
    "firewall",     "fixup",          "ftp",         "global",        "group-policy",  "hostname",
    "http",         "icmp",           "ip",          "license",       "logging",       "mac-address",
    "monitor-interface", "mtu",       "nat",         "ntp",           "pager",         "passwd",
    "policy-map",   "prompt",         "router",      "service-policy", "snmp-server",  "ssh",
    "static",       "sysopt",         "telnet",      "threat-detection", "time-range", "timeout",
    "tunnel-group", "user-identity",  "username",    "webvpn",        "xlate"};

constexpr std::array<std::string_view, 7> kGroupWords = {
    "network-object", "service-object", "port-object", "protocol-object",
    "icmp-object",    "group-object",   "description"};

/// Where a trailing " ! comment" starts (batfish-style test configs use
/// them; the ASA itself never prints one), or npos. Remarks and
/// descriptions are free text and keep their '!'.
std::size_t inline_comment(const SourceLine& line) {
  std::string_view body = line.body;
  if (body.starts_with("description") || body.find(" remark ") != std::string_view::npos ||
      body.find(" description ") != std::string_view::npos)
    return std::string_view::npos;
  for (std::size_t i = 1; i < body.size(); ++i)
    if (body[i] == '!' && (body[i - 1] == ' ' || body[i - 1] == '\t')) return line.indent + i;
  return std::string_view::npos;
}

}  // namespace

Extractor::Extractor(AsaConfig& config, ObjectTable& objects, DiagnosticSink& sink,
                     std::size_t max_line_length)
    : config_(config), objects_(objects), sink_(sink), max_line_length_(max_line_length) {}

void Extractor::feed(const SourceLine& line) {
  line_ = &line;
  if (line.body.empty()) return;  // blank lines keep the current mode
  char first = line.body.front();
  if (first == '!' || first == ':') {
    // "!" separates blocks; ": Saved" / ": end" frame the running-config.
    if (line.indent == 0) context_ = Context{};
    return;
  }
  if (line.longer_than(max_line_length_)) {
    too_long(line);
    return;
  }
  std::string_view text = line.text;
  if (std::size_t cut = inline_comment(line); cut != std::string_view::npos)
    text = text.substr(0, cut);
  if (belongs_to_context(line))
    sub_command(line, text);
  else
    top_level(line, text);
}

bool Extractor::belongs_to_context(const SourceLine& line) const {
  if (context_.mode == Mode::None) return false;
  if (line.indent > context_.indent) return true;
  std::string_view word = line.first_word();
  switch (context_.mode) {
    case Mode::Interface: return one_of(word, kInterfaceWords);
    case Mode::ObjectNetwork: return one_of(word, kObjectNetworkWords);
    case Mode::ObjectService:
      return word == "description" ||
             (word == "service" && line.word(1) != "password-recovery" && line.word(1) != "resetoutside" &&
              line.word(1) != "resetinbound" && line.word(1) != "call-home");
    case Mode::Group: return one_of(word, kGroupWords);
    default: return false;
  }
}

void Extractor::top_level(const SourceLine& line, std::string_view text) {
  context_ = Context{Mode::Ignored, line.indent, -1, line.number};
  std::string_view word = line.first_word();
  if (word == "access-list") {
    // `show access-list` output headers are not entries.
    std::string_view second = line.word(1);
    if (second.ends_with(';') || (second == "cached" && line.word(2) == "ACL")) return;
    access_list(text);
  } else if (word == "interface") {
    interface_header(text);
  } else if (word == "object") {
    object_header(text);
  } else if (word == "object-group") {
    group_header(text);
  } else if (word == "access-group") {
    access_group(text);
  } else if (word == "same-security-traffic") {
    same_security(text);
  } else if (word == "names") {
    ++config_.recognized_statements;
  } else if (word == "name") {
    name_statement(text);
  } else if (word == "route") {
    route(text);
  } else if (word == "ipv6" && line.word(1) == "route") {
    route(text);
  } else if (word == "ipv6" && line.word(1) == "access-list") {
    // Pre-9.0 separate IPv6 ACLs; 9.x merged them into extended ACLs.
    report(finding_id::kUnsupportedConstruct, Severity::Warning, line.body_column(), 0,
           "ipv6 access-list (pre-9.0 syntax) is not modeled; apply an extended ACL instead");
  } else if (one_of(word, kOtherCommands)) {
    ++config_.other_commands;
  }
}

void Extractor::sub_command(const SourceLine& line, std::string_view text) {
  std::string_view word = line.first_word();
  switch (context_.mode) {
    case Mode::Interface:
      // Interfaces carry many settings that do not filter traffic (speed,
      // vlan, ospf…); only the ones below are parsed.
      if (one_of(word, kInterfaceWords) || ((word == "ip" || word == "ipv6") && line.word(1) == "address"))
        interface_sub(text);
      return;
    case Mode::ObjectNetwork: object_network_sub(text); return;
    case Mode::ObjectService: object_service_sub(text); return;
    case Mode::Group: group_sub(text); return;
    default: return;
  }
}

void Extractor::too_long(const SourceLine& line) {
  std::string msg = "line is " + std::to_string(line.text.size()) + " bytes long; only lines up to " +
                    std::to_string(max_line_length_) + " bytes are parsed (--limit line-length)";
  bool in_block = context_.mode != Mode::None && context_.mode != Mode::Ignored &&
                  context_.mode != Mode::AclEntry && line.indent > context_.indent;
  if (line.first_word() == "access-list") {
    context_ = Context{Mode::AclEntry, line.indent, -1, line.number};
    unrecognized(line.body_column(), 0, msg);
    unparsed_access_list();
    return;
  }
  if (in_block || line.first_word() == "object" || line.first_word() == "object-group" ||
      line.first_word() == "interface") {
    unrecognized(line.body_column(), 0, msg);
    if (!in_block) context_ = Context{Mode::Ignored, line.indent, -1, line.number};
    if (in_block && (context_.mode == Mode::Group || context_.mode == Mode::ObjectNetwork ||
                     context_.mode == Mode::ObjectService)) {
      // The member is lost: whatever uses the object may match more.
      Entity& e = objects_.at(context_.index);
      e.network.partial = e.service.partial = true;
      e.network.partial_reason = e.service.partial_reason = "unparsed member at line " +
                                                             std::to_string(line.number);
    }
    return;
  }
  // Anything else is not a statement we model; skip it like its siblings.
  context_ = Context{Mode::Ignored, line.indent, -1, line.number};
}

// --- interfaces --------------------------------------------------------------

void Extractor::interface_header(std::string_view text) {
  auto* ctx = parser_.parse(text, &P::interfaceHeader);
  if (!ctx) {
    syntax_error("interface");
    return;
  }
  ++config_.recognized_statements;
  std::string hw(parser_.text(ctx->hwName));
  auto it = std::find_if(config_.interfaces.begin(), config_.interfaces.end(),
                         [&](const Interface& i) { return i.hardware == hw; });
  int index = static_cast<int>(it - config_.interfaces.begin());
  if (it == config_.interfaces.end()) {
    Interface i;
    i.hardware = hw;
    i.header_at = here();
    config_.interfaces.push_back(std::move(i));
  }
  context_ = Context{Mode::Interface, line_->indent, index, line_->number};
}

void Extractor::interface_sub(std::string_view text) {
  auto* ctx = parser_.parse(text, &P::interfaceSub);
  if (!ctx) {
    syntax_error("interface setting");
    return;
  }
  Interface& itf = config_.interfaces[static_cast<std::size_t>(context_.index)];
  if (auto* c = dynamic_cast<P::IfNameifContext*>(ctx)) {
    std::string nameif(parser_.text(c->name()));
    for (const auto& other : config_.interfaces) {
      if (&other != &itf && other.nameif == nameif) {
        report(finding_id::kDuplicateDefinition, Severity::Warning, parser_.column(c->name()),
               parser_.end_column(c->name()),
               "nameif '" + nameif + "' is already used by interface " + other.hardware + " (line " +
                   std::to_string(other.nameif_at.line) + ")");
      }
    }
    itf.nameif = std::move(nameif);
    itf.nameif_at = here();
  } else if (auto* c = dynamic_cast<P::IfSecurityLevelContext*>(ctx)) {
    auto level = number(c->INT(), 100);
    if (!level) {
      unrecognized(parser_.column(c->INT()->getSymbol()), parser_.end_column(c->INT()->getSymbol()),
                   "security level must be 0 to 100");
      return;
    }
    itf.security_level = static_cast<int>(*level);
    itf.security_level_at = here();
  } else if (auto* c = dynamic_cast<P::IfAddressContext*>(ctx)) {
    auto subnet = address_with_mask(c->address, c->mask);
    auto host = parse_cidr(parser_.text(c->address));
    if (!subnet || !host) return;  // reported by address_with_mask
    itf.connected.v4 = subnet->v4;
    itf.own_addresses.v4 = host->v4;
    itf.dynamic_v4 = false;
  } else if (dynamic_cast<P::IfAddressDynamicContext*>(ctx)) {
    itf.connected.v4 = {};
    itf.own_addresses.v4 = {};
    itf.dynamic_v4 = true;
  } else if (auto* c = dynamic_cast<P::IfAddress6Context*>(ctx)) {
    auto prefix = ipv6_prefix(c->IPV6_PREFIX());
    if (!prefix) return;
    itf.connected.v6.add(prefix->v6);
    if (!c->EUI_64().empty()) {
      itf.dynamic_v6 = true;  // host part derived from the MAC address
    } else {
      std::string_view t = parser_.text(c->IPV6_PREFIX());
      if (auto host = parse_ipv6(t.substr(0, t.find('/')))) itf.own_addresses.v6.add(*host, *host);
    }
  } else if (auto* c = dynamic_cast<P::IfAddress6OtherContext*>(ctx)) {
    if (!c->LINK_LOCAL()) itf.dynamic_v6 = true;
  } else if (dynamic_cast<P::IfManagementOnlyContext*>(ctx)) {
    itf.management_only = true;
  } else if (dynamic_cast<P::IfShutdownContext*>(ctx)) {
    itf.shutdown = true;
  }
}

// --- small top-level statements ---------------------------------------------------

void Extractor::name_statement(std::string_view text) {
  auto* ctx = parser_.parse(text, &P::nameStatement);
  if (!ctx) {
    // `name` is also the first word of unrelated commands on other
    // platforms; only a well-formed alias counts.
    syntax_error("name");
    return;
  }
  ++config_.recognized_statements;
  std::string_view address = parser_.text(ctx->address);
  auto set = parse_cidr(address);
  if (!set) {
    unrecognized(parser_.column(ctx->address), parser_.end_column(ctx->address),
                 "invalid address '" + std::string(address) + "'");
    return;
  }
  names_[std::string(parser_.text(ctx->name()))] = *set;
}

void Extractor::same_security(std::string_view text) {
  auto* ctx = parser_.parse(text, &P::sameSecurityStatement);
  if (!ctx) {
    syntax_error("same-security-traffic");
    return;
  }
  ++config_.recognized_statements;
  if (ctx->scope->getType() == grammar::asa::AsaLexer::INTER_INTERFACE)
    config_.same_security_inter = here();
  else
    config_.same_security_intra = here();
}

void Extractor::access_group(std::string_view text) {
  auto* ctx = parser_.parse(text, &P::accessGroupStatement);
  if (!ctx) {
    syntax_error("access-group");
    return;
  }
  ++config_.recognized_statements;
  AccessGroup g;
  g.at = here();
  if (auto* c = dynamic_cast<P::AgInterfaceContext*>(ctx)) {
    g.acl = parser_.text(c->aclName);
    g.acl_column = parser_.column(c->aclName);
    g.acl_end_column = parser_.end_column(c->aclName);
    g.interface = parser_.text(c->ifName);
    g.interface_column = parser_.column(c->ifName);
    g.interface_end_column = parser_.end_column(c->ifName);
    g.direction = c->direction->getType() == grammar::asa::AsaLexer::IN ? GroupDirection::In
                                                                         : GroupDirection::Out;
    g.control_plane = !c->CONTROL_PLANE().empty();
  } else if (auto* c = dynamic_cast<P::AgGlobalContext*>(ctx)) {
    g.acl = parser_.text(c->aclName);
    g.acl_column = parser_.column(c->aclName);
    g.acl_end_column = parser_.end_column(c->aclName);
    g.direction = GroupDirection::Global;
  }
  config_.access_groups.push_back(std::move(g));
}

void Extractor::route(std::string_view text) {
  auto* ctx = parser_.parse(text, &P::routeStatement);
  if (!ctx) {
    syntax_error("route");
    return;
  }
  ++config_.recognized_statements;
  Route r;
  r.at = here();
  if (auto* c = dynamic_cast<P::Route4Context*>(ctx)) {
    r.interface = parser_.text(c->ifName);
    auto net = address_with_mask(c->network->getStart(), c->mask);
    if (!net) return;  // reported by address_with_mask
    r.network = *net;
  } else if (auto* c = dynamic_cast<P::Route6Context*>(ctx)) {
    r.interface = parser_.text(c->ifName);
    auto net = ipv6_prefix(c->IPV6_PREFIX());
    if (!net) return;
    r.network = *net;
  }
  config_.routes.push_back(std::move(r));
}

// --- end of file -------------------------------------------------------------------

void Extractor::finish() {
  for (const CycleEdge& edge : objects_.find_cycles()) {
    const Entity& from = objects_.get(edge.from);
    const Entity& to = objects_.get(edge.to);
    SourceLocation where;
    where.line = edge.where.line;
    where.column = edge.where.column;
    where.end_column = edge.where.end_column;
    where.text = edge.where.text;
    std::string msg = from.name == to.name
                          ? std::string(entity_kind_name(from.kind)) + " '" + from.name + "' includes itself"
                          : std::string(entity_kind_name(from.kind)) + " '" + from.name + "' includes '" +
                                to.name + "', which already includes '" + from.name + "'";
    sink_.report(finding_id::kReferenceCycle, Severity::Warning, std::move(where),
                 msg + "; the reference is ignored");
  }
  for (Acl& acl : config_.acls) acl.apply_line_numbers();
}

// --- diagnostics ---------------------------------------------------------------------

SourceLocation Extractor::here() const { return location_of(*line_); }

void Extractor::report(const char* id, Severity severity, std::uint32_t column,
                       std::uint32_t end_column, std::string message) {
  sink_.report(id, severity, location_of(*line_, column, end_column), std::move(message));
}

void Extractor::unrecognized(std::uint32_t column, std::uint32_t end_column, std::string message) {
  report(finding_id::kUnrecognizedLine, Severity::Warning, column, end_column, std::move(message));
}

void Extractor::syntax_error(const char* what) {
  const auto& err = parser_.error();
  std::uint32_t column = err ? err->column : line_->body_column();
  std::uint32_t end = err ? err->end_column : 0;
  std::string msg = err ? err->message : std::string("line not understood");
  unrecognized(column, end, "unrecognized " + std::string(what) + ": " + msg);
}

std::string Extractor::undefined(antlr4::ParserRuleContext* ctx, std::string_view what) {
  std::string name(parser_.text(ctx));
  std::string msg = std::string(what) + " '" + name + "' is not defined before this line";
  report(finding_id::kUndefinedReference, Severity::Warning, parser_.column(ctx),
         parser_.end_column(ctx), msg);
  return "undefined " + std::string(what) + " '" + name + "'";
}

}  // namespace fwlint::asa
