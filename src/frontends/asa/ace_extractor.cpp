// SPDX-License-Identifier: Apache-2.0
// `access-list` lines: remarks, non-L3 kinds, and extended entries turned
// into rules right away.
//
// The grammar gives a flat operand list; which operand is the source, the
// source port, the destination… depends on the kind of each named group
// (`object-group X` after the source is a port group or the destination),
// so roles are assigned here, where the symbol table is known.
//
// An entry becomes one rule per entry of its service (a protocol, a service
// object, or a merged service group), each with the full address sets of
// its object-groups: never a cross product. Parts that cannot be modeled
// exactly (time-range, identity fields, ICMP types, undefined or partial
// groups, unparsed text) make the rule's match unknown; when only a group
// is partial, a certain rule for its known members comes first and an
// unknown rule for the rest after it, which keeps the verdict exact where
// it can be.
#include <algorithm>

#include "frontends/asa/asa_ports.h"
#include "frontends/asa/extractor.h"
#include "fwlint/analysis/findings.h"

namespace fwlint::asa {
namespace {

using grammar::asa::AsaLexer;
using P = grammar::asa::AsaParser;

enum class Operand { Any, Any4, Any6, Host, AddressMask, NameMask, Prefix, Object, ObjectGroup,
                     Interface, Port, Identity, IcmpType };

/// The alternative an operand was parsed as, read from its first token: each
/// alternative of `aceOperand` starts with a distinct token except the two
/// starting with a WORD. Much cheaper than a chain of dynamic_casts on a
/// million-line ACL.
Operand operand_kind(P::AceOperandContext* op) {
  switch (op->getStart()->getType()) {
    case AsaLexer::ANY: return Operand::Any;
    case AsaLexer::ANY4: return Operand::Any4;
    case AsaLexer::ANY6: return Operand::Any6;
    case AsaLexer::HOST: return Operand::Host;
    case AsaLexer::IPV4: return Operand::AddressMask;
    case AsaLexer::IPV6_PREFIX: return Operand::Prefix;
    case AsaLexer::OBJECT: return Operand::Object;
    case AsaLexer::OBJECT_GROUP: return Operand::ObjectGroup;
    case AsaLexer::INTERFACE: return Operand::Interface;
    case AsaLexer::EQ:
    case AsaLexer::NEQ:
    case AsaLexer::LT:
    case AsaLexer::GT:
    case AsaLexer::RANGE: return Operand::Port;
    case AsaLexer::USER:
    case AsaLexer::USER_GROUP:
    case AsaLexer::OBJECT_GROUP_USER:
    case AsaLexer::SECURITY_GROUP:
    case AsaLexer::OBJECT_GROUP_SECURITY: return Operand::Identity;
    case AsaLexer::WORD:
      return dynamic_cast<P::OpNameMaskContext*>(op) ? Operand::NameMask : Operand::IcmpType;
    default: return Operand::IcmpType;
  }
}

bool is_identity_operand(P::AceOperandContext* op) { return operand_kind(op) == Operand::Identity; }

bool is_address_kind(Operand k) {
  return k != Operand::Port && k != Operand::Identity && k != Operand::IcmpType;
}

bool icmp_only(const ServiceValue& services) {
  return !services.entries.empty() &&
         std::all_of(services.entries.begin(), services.entries.end(),
                     [](const ServiceEntry& e) { return is_icmp_protocol(e.protocols); });
}

}  // namespace

void Extractor::access_list(std::string_view text) {
  context_ = Context{Mode::AclEntry, line_->indent, -1, line_->number};
  auto* stmt = parser_.parse(text, &P::aclStatement);
  if (!stmt) {
    syntax_error("access-list entry");
    unparsed_access_list();
    return;
  }
  ++config_.recognized_statements;
  std::string name(parser_.text(stmt->aclName));
  std::uint32_t requested = 0;
  if (stmt->LINE()) requested = number(stmt->INT(), 0x7fffffff).value_or(0);
  P::AclBodyContext* body = stmt->aclBody();
  if (dynamic_cast<P::AclNonL3Context*>(body)) {
    // standard / webtype / ethertype: route-maps, VPN filters, L2 — not
    // part of the L3/L4 decision for traffic through the device.
    config_.acl(name, here()).has_non_l3 = true;
    return;
  }
  Acl& acl = config_.acl(name, here());
  acl.begin_entry(requested);
  if (dynamic_cast<P::AclRemarkContext*>(body)) {
    acl.has_remark = true;
    return;
  }
  acl.has_extended = true;
  if (auto* ext = dynamic_cast<P::AclExtendedContext*>(body)) extended_entry(ext, acl);
}

void Extractor::unparsed_access_list() {
  // The line was reported; now keep it in its ACL as an unknown entry so
  // the evaluator considers that it may match. Words are read by hand.
  std::string_view name = line_->word(1);
  if (name.empty()) return;
  std::size_t k = 2;
  std::uint32_t requested = 0;
  if (line_->word(k) == "line") {
    std::string_view n = line_->word(k + 1);
    requested = 0;
    for (char c : n.substr(0, 9)) requested = c >= '0' && c <= '9' ? requested * 10 + (c - '0') : 0;
    k += 2;
  }
  if (line_->word(k) == "extended") ++k;
  std::string_view action = line_->word(k);
  if (action == "standard" || action == "webtype" || action == "ethertype") {
    config_.acl(name, here()).has_non_l3 = true;
    return;
  }
  Acl& acl = config_.acl(name, here());
  acl.begin_entry(requested);
  if (action == "remark") {
    acl.has_remark = true;
    return;
  }
  acl.has_extended = true;
  std::string_view body = line_->body;
  if ( body.ends_with(" inactive") || body.ends_with("(inactive)")) return;
  auto push = [&](ActionKind kind) {
    Rule r;
    r.match.unknown = true;
    r.match.unknown_reason = "unrecognized access-list entry";
    r.action.kind = kind;
    r.location = here();
    acl.rules.push_back(std::move(r));
  };
  if (action != "permit") push(ActionKind::Block);
  if (action != "deny") push(ActionKind::Allow);
}

void Extractor::extended_entry(P::AclExtendedContext* ext, Acl& acl) {
  ActionKind action = ext->aclAction()->PERMIT() ? ActionKind::Allow : ActionKind::Block;

  bool whole_unknown = false;
  std::string reason;
  auto make_unknown = [&](std::string why) {
    if (!whole_unknown) reason = std::move(why);
    whole_unknown = true;
  };
  for (auto* opt : ext->aceOption()) {
    if (dynamic_cast<P::OptInactiveContext*>(opt)) return;  // inactive: no effect
    if (auto* t = dynamic_cast<P::OptTimeRangeContext*>(opt))
      make_unknown("time-range " + std::string(parser_.text(t->name())) + " (active times not modeled)");
  }

  ServiceValue services = protocol_operand(ext->aceProtocol());

  std::vector<P::AceOperandContext*> ops = ext->aceOperand();
  std::size_t i = 0, n = ops.size();
  bool broken = false;  // a role could not be assigned: the rest is unknown
  auto skip_identity = [&] {
    while (i < n && is_identity_operand(ops[i])) {
      make_unknown("identity-based match '" + std::string(parser_.text(ops[i])) + "'");
      ++i;
    }
  };
  auto fail = [&](antlr4::ParserRuleContext* at, std::string message) {
    if (broken) return;
    broken = true;
    if (at)
      unrecognized(parser_.column(at), parser_.end_column(at), std::move(message));
    else
      unrecognized(static_cast<std::uint32_t>(line_->indent + line_->body.size() + 1), 0,
                   std::move(message));
    make_unknown("unrecognized access-list entry");
  };
  AddressSide src, dst;
  PortSide src_ports, dst_ports;
  auto expect_address = [&](AddressSide& side, const char* which) {
    skip_identity();
    if (broken) return;
    if (i >= n) return fail(nullptr, std::string("missing ") + which + " address");
    if (!is_address_operand(ops[i]))
      return fail(ops[i], std::string("expected ") + which + " address, found '" +
                              std::string(parser_.text(ops[i])) + "'");
    side = address_operand(ops[i++]);
  };

  expect_address(src, "source");
  skip_identity();
  if (!broken && i < n && is_port_operand(ops, i, true)) src_ports = port_operand(ops[i++]);
  expect_address(dst, "destination");
  if (!broken && i < n) {
    Operand kind = operand_kind(ops[i]);
    auto* group = kind == Operand::ObjectGroup ? static_cast<P::OpObjectGroupContext*>(ops[i]) : nullptr;
    bool icmp = icmp_only(services);
    if (icmp && (kind == Operand::IcmpType || group)) {
      std::string_view type = parser_.text(ops[i]->getStart());
      if (!group && !is_icmp_type(type)) return fail(ops[i], "unknown icmp type '" + std::string(type) + "'");
      if (group) {
        auto target = objects_.find(parser_.text(group->name()));
        if (!target) make_unknown(undefined(group->name(), "object-group"));
      }
      make_unknown("icmp type '" + std::string(parser_.text(ops[i])) + "' (not modeled)");
      ++i;
    } else if (is_port_operand(ops, i, false)) {
      dst_ports = port_operand(ops[i++]);
    }
  }
  if (!broken && i < n)
    fail(ops[i], "unexpected '" + std::string(parser_.text(ops[i])) + "'");
  if (broken) {
    src.partial = dst.partial = src_ports.partial = dst_ports.partial = true;
  }

  bool partial = services.partial || src.partial || dst.partial || src_ports.partial || dst_ports.partial;
  std::string partial_reason = services.partial ? services.partial_reason
                               : src.partial    ? src.reason
                               : dst.partial    ? dst.reason
                               : src_ports.partial ? src_ports.reason
                                                   : dst_ports.reason;
  if (partial_reason.empty()) partial_reason = reason;

  SourceLocation where = here();
  auto emit = [&](const ProtocolSet& protocols, const PortSet& sp, const PortSet& dp,
                  const AddressMatch& sa, const AddressMatch& da, bool unknown, const std::string& why) {
    auto empty = [](const AddressMatch& m) { return m.addresses.empty() && m.names.empty(); };
    if (protocols.empty() || sp.empty() || dp.empty() || empty(sa) || empty(da)) return;
    Rule r;
    r.match.protocols = protocols;
    r.match.src_ports = sp;
    r.match.dst_ports = dp;
    r.match.src = sa;
    r.match.dst = da;
    r.match.unknown = unknown;
    if (unknown) r.match.unknown_reason = why;
    r.action.kind = action;
    r.location = where;
    acl.rules.push_back(std::move(r));
  };

  const AddressMatch any = AddressMatch::any();
  const AddressMatch& src_wide = src.partial ? any : src.known;
  const AddressMatch& dst_wide = dst.partial ? any : dst.known;
  const PortSet all_ports = PortSet::all();
  const PortSet& sp_wide = src_ports.partial ? all_ports : src_ports.known;
  const PortSet& dp_wide = dst_ports.partial ? all_ports : dst_ports.known;
  const std::string icmp_reason = "icmp type (not modeled)";
  for (const ServiceEntry& e : services.entries) {
    if (!whole_unknown)
      emit(e.protocols, e.src_ports.intersect(src_ports.known), e.dst_ports.intersect(dst_ports.known),
           src.known, dst.known, e.icmp_type, icmp_reason);
    if (whole_unknown || partial)
      emit(e.protocols, e.src_ports.intersect(sp_wide), e.dst_ports.intersect(dp_wide), src_wide,
           dst_wide, true, whole_unknown ? reason : partial_reason);
  }
  if (services.partial)
    emit(ProtocolSet::all(), sp_wide, dp_wide, src_wide, dst_wide, true,
         whole_unknown ? reason : services.partial_reason);
}

ServiceValue Extractor::protocol_operand(P::AceProtocolContext* proto) {
  ServiceValue v;
  auto unknown_part = [&](std::string why) {
    v.partial = true;
    v.partial_reason = std::move(why);
  };
  if (auto* c = dynamic_cast<P::ProtoNameContext*>(proto)) {
    std::string_view t = parser_.text(c);
    if (auto set = protocol_set(t)) {
      v.entries.push_back(ServiceEntry{*set, PortSet::all(), PortSet::all(), false});
    } else {
      unrecognized(parser_.column(c), parser_.end_column(c), "unknown protocol '" + std::string(t) + "'");
      unknown_part("unknown protocol '" + std::string(t) + "'");
    }
    return v;
  }
  bool is_group_ref = dynamic_cast<P::ProtoGroupContext*>(proto) != nullptr;
  P::NameContext* name = is_group_ref ? dynamic_cast<P::ProtoGroupContext*>(proto)->name()
                                      : dynamic_cast<P::ProtoObjectContext*>(proto)->name();
  std::string_view ref = parser_.text(name);
  auto target = objects_.find(ref);
  if (!target) {
    if (!is_group_ref) {
      if (auto builtin = builtin_service(ref)) {
        v.entries.push_back(ServiceEntry{builtin->protocols, PortSet::all(), PortSet::all(), builtin->icmp_type});
        return v;
      }
    }
    unknown_part(undefined(name, is_group_ref ? "object-group" : "object"));
    return v;
  }
  EntityKind kind = objects_.get(*target).kind;
  bool fits = is_group_ref ? (kind == EntityKind::ServiceGroup || kind == EntityKind::ProtocolGroup)
                           : kind == EntityKind::ServiceObject;
  if (!fits) {
    report(finding_id::kUndefinedReference, Severity::Warning, parser_.column(name), parser_.end_column(name),
           "'" + std::string(ref) + "' is " + entity_kind_name(kind) +
               ", which cannot be used as the protocol of an access-list entry");
    unknown_part("'" + std::string(ref) + "' cannot be used as a protocol");
    return v;
  }
  if (kind == EntityKind::ProtocolGroup) {
    v.entries.push_back(ServiceEntry{objects_.protocols(*target), PortSet::all(), PortSet::all(), false});
    const ServiceValue& flat = objects_.service(*target);
    v.partial = flat.partial;
    v.partial_reason = flat.partial_reason;
    return v;
  }
  return objects_.service(*target);
}

bool Extractor::is_address_operand(P::AceOperandContext* op) const {
  return is_address_kind(operand_kind(op));
}

bool Extractor::is_port_operand(const std::vector<P::AceOperandContext*>& ops, std::size_t i,
                                bool before_destination) {
  Operand kind = operand_kind(ops[i]);
  if (kind == Operand::Port) return true;
  if (kind != Operand::ObjectGroup) return false;
  auto* group = static_cast<P::OpObjectGroupContext*>(ops[i]);
  if (auto target = objects_.find(parser_.text(group->name()))) {
    EntityKind entity = objects_.get(*target).kind;
    return entity == EntityKind::PortGroup || entity == EntityKind::ServiceGroup;
  }
  // Undefined: after the source it is a port group only if an address (the
  // destination) still follows; after the destination it is a port group.
  if (!before_destination) return true;
  for (std::size_t k = i + 1; k < ops.size(); ++k)
    if (is_address_operand(ops[k])) return true;
  return false;
}

Extractor::AddressSide Extractor::address_operand(P::AceOperandContext* op) {
  AddressSide side;
  auto set_known = [&](const IpSet& set) {
    side.known.addresses = set;
    side.known.names.clear();
  };
  auto set_partial = [&](std::string why) {
    side.partial = true;
    side.reason = std::move(why);
  };
  auto from_value = [&](const NetworkValue& v) {
    side.known.addresses = v.addresses;
    side.known.names = v.names;
    if (v.partial) set_partial(v.partial_reason);
  };
  std::string text(parser_.text(op));
  switch (operand_kind(op)) {
    case Operand::Any: set_known(IpSet::all()); break;
    case Operand::Any4: set_known(IpSet::all_of(Family::V4)); break;
    case Operand::Any6: set_known(IpSet::all_of(Family::V6)); break;
    case Operand::Host:
      if (auto set = host_address(static_cast<P::OpHostContext*>(op)->hostAddr()))
        set_known(*set);
      else
        set_partial("unrecognized address '" + text + "'");
      break;
    case Operand::AddressMask: {
      auto* c = static_cast<P::OpAddressMaskContext*>(op);
      if (auto set = address_with_mask(c->IPV4(0)->getSymbol(), c->IPV4(1)->getSymbol()))
        set_known(*set);
      else
        set_partial("unsupported address '" + text + "'");
      break;
    }
    case Operand::NameMask: {
      auto* c = static_cast<P::OpNameMaskContext*>(op);
      if (auto set = address_with_mask(c->WORD()->getSymbol(), c->IPV4()->getSymbol()))
        set_known(*set);
      else
        set_partial("unsupported address '" + text + "'");
      break;
    }
    case Operand::Prefix:
      if (auto set = ipv6_prefix(static_cast<P::OpPrefixContext*>(op)->IPV6_PREFIX()))
        set_known(*set);
      else
        set_partial("invalid prefix '" + text + "'");
      break;
    case Operand::Object:
    case Operand::ObjectGroup: {
      bool group = operand_kind(op) == Operand::ObjectGroup;
      P::NameContext* name = group ? static_cast<P::OpObjectGroupContext*>(op)->name()
                                   : static_cast<P::OpObjectContext*>(op)->name();
      std::string_view ref = parser_.text(name);
      auto target = objects_.find(ref);
      EntityKind want = group ? EntityKind::NetworkGroup : EntityKind::NetworkObject;
      if (!target) {
        set_partial(undefined(name, group ? "object-group" : "object"));
      } else if (objects_.get(*target).kind != want) {
        report(finding_id::kUndefinedReference, Severity::Warning, parser_.column(name),
               parser_.end_column(name),
               "'" + std::string(ref) + "' is " + entity_kind_name(objects_.get(*target).kind) +
                   ", not " + entity_kind_name(want));
        set_partial("'" + std::string(ref) + "' is not " + entity_kind_name(want));
      } else {
        from_value(objects_.network(*target));
      }
      break;
    }
    case Operand::Interface: {
      auto* c = static_cast<P::OpInterfaceContext*>(op);
      const Interface* itf = config_.find_interface(parser_.text(c->name()));
      if (!itf) {
        set_partial(undefined(c->name(), "interface"));
      } else {
        set_known(itf->own_addresses);
        if (itf->dynamic_v4 || itf->dynamic_v6)
          set_partial("address of interface " + itf->nameif + " is assigned dynamically");
      }
      break;
    }
    default: break;  // not an address: callers check is_address_operand first
  }
  return side;
}

Extractor::PortSide Extractor::port_operand(P::AceOperandContext* op) {
  PortSide side;
  auto set_partial = [&](std::string why) {
    side.known = PortSet{};
    side.partial = true;
    side.reason = std::move(why);
  };
  if (operand_kind(op) == Operand::Port) {
    if (auto ports = port_match(static_cast<P::OpPortContext*>(op)->portMatch()))
      side.known = *ports;
    else
      set_partial("unrecognized port '" + std::string(parser_.text(op)) + "'");
    return side;
  }
  auto* group = static_cast<P::OpObjectGroupContext*>(op);
  auto target = objects_.find(parser_.text(group->name()));
  if (!target) {
    set_partial(undefined(group->name(), "object-group"));
    return side;
  }
  const ServiceValue& v = objects_.service(*target);
  side.known = v.dst_ports();
  if (v.partial) {
    side.partial = true;
    side.reason = v.partial_reason;
  }
  return side;
}

}  // namespace fwlint::asa
