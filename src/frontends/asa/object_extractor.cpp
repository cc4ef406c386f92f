// SPDX-License-Identifier: Apache-2.0
// `object network|service` and `object-group …` blocks: headers (with
// duplicate-name checks) and members (with reference checks). A member that
// cannot be modeled never disappears: it marks its group `partial`, and every
// ACE using the group becomes unknown for what the member might have added.
#include "frontends/asa/asa_ports.h"
#include "frontends/asa/extractor.h"
#include "fwlint/analysis/findings.h"

namespace fwlint::asa {
namespace {

using grammar::asa::AsaLexer;

bool same_value(const NetworkValue& a, const NetworkValue& b) {
  return a.addresses == b.addresses && a.names == b.names;
}

/// Which kinds a `group-object` inside a group of kind `parent` may name.
bool nestable(EntityKind parent, EntityKind child) {
  if (parent == EntityKind::ServiceGroup)
    return child == EntityKind::ServiceGroup || child == EntityKind::PortGroup;
  return parent == child;
}

std::string line_text(std::uint32_t line) { return "line " + std::to_string(line); }

}  // namespace

// --- object network / object service ---------------------------------------------

void Extractor::object_header(std::string_view text) {
  auto* ctx = parser_.parse(text, &P::objectHeader);
  if (!ctx) {
    syntax_error("object");
    return;
  }
  ++config_.recognized_statements;
  EntityKind kind = ctx->kind->getType() == AsaLexer::NETWORK ? EntityKind::NetworkObject
                                                               : EntityKind::ServiceObject;
  std::string name(parser_.text(ctx->name()));
  int id;
  if (auto existing = objects_.find(name)) {
    const Entity& e = objects_.get(*existing);
    if (e.kind != kind) {
      // The ASA refuses the second definition, and with it the block.
      report(finding_id::kDuplicateDefinition, Severity::Warning, parser_.column(ctx->name()),
             parser_.end_column(ctx->name()),
             "'" + name + "' is already defined as " + entity_kind_name(e.kind) + " at " +
                 line_text(e.defined_at.line) + "; this definition is ignored");
      return;  // context stays Ignored
    }
    // Re-entering an object (the running-config does so for object NAT) is
    // legal; only a conflicting new value is reported, by the sub-command.
    id = *existing;
  } else {
    id = objects_.add(name, kind, here());
  }
  context_ = Context{kind == EntityKind::NetworkObject ? Mode::ObjectNetwork : Mode::ObjectService,
                     line_->indent, id, line_->number};
}

void Extractor::object_network_sub(std::string_view text) {
  auto* ctx = parser_.parse(text, &P::objectNetworkSub);
  int id = context_.index;
  if (!ctx) {
    syntax_error("object network member");
    Entity& e = objects_.at(id);
    e.network.partial = true;
    e.network.partial_reason = "unrecognized member at " + line_text(line_->number);
    return;
  }
  NetworkValue value;
  bool ok = true;
  if (auto* c = dynamic_cast<P::OnHostContext*>(ctx)) {
    auto set = host_address(c->hostAddr());
    ok = set.has_value();
    if (set) value.addresses = *set;
  } else if (auto* c = dynamic_cast<P::OnSubnetContext*>(ctx)) {
    auto set = address_with_mask(c->address, c->mask);
    ok = set.has_value();
    if (set) value.addresses = *set;
  } else if (auto* c = dynamic_cast<P::OnSubnet6Context*>(ctx)) {
    auto set = ipv6_prefix(c->IPV6_PREFIX());
    ok = set.has_value();
    if (set) value.addresses = *set;
  } else if (auto* c = dynamic_cast<P::OnRangeContext*>(ctx)) {
    auto set = parse_address_range(parser_.text(c->first), parser_.text(c->last));
    if (!set) {
      unrecognized(parser_.column(c->first), parser_.end_column(c->last),
                   "invalid address range '" + std::string(parser_.text(c->first)) + " " +
                       std::string(parser_.text(c->last)) + "'");
      ok = false;
    } else {
      value.addresses = *set;
    }
  } else if (auto* c = dynamic_cast<P::OnFqdnContext*>(ctx)) {
    std::string_view fqdn = parser_.text(c->name());
    auto domain = DomainName::parse(fqdn);
    if (!domain) {
      unrecognized(parser_.column(c->name()), parser_.end_column(c->name()),
                   "invalid domain name '" + std::string(fqdn) + "'");
      ok = false;
    } else {
      value.names.push_back(*domain);
    }
  } else {
    return;  // description, nat: no effect on filtering
  }

  Entity& e = objects_.at(id);
  if (!ok) {
    value.partial = true;
    value.partial_reason = "unrecognized value of object " + e.name + " at " + line_text(line_->number);
  }
  if (e.value_block != 0 && e.value_block != context_.header_line && ok) {
    NetworkValue old = objects_.network(id);
    if (!same_value(old, value))
      report(finding_id::kDuplicateDefinition, Severity::Warning, line_->body_column(), 0,
             "object network '" + e.name + "' is redefined (first defined at " +
                 line_text(e.value_block) + "); the new value replaces the old one");
  }
  // An object holds one value: host, subnet, range and fqdn replace each other.
  Entity& fresh = objects_.at(id);
  fresh.direct_v4.clear();
  fresh.direct_v6.clear();
  fresh.network = NetworkValue{};
  fresh.network.names = value.names;
  fresh.network.partial = value.partial;
  fresh.network.partial_reason = value.partial_reason;
  objects_.add_addresses(id, value.addresses);
  fresh.value_block = context_.header_line;
}

void Extractor::object_service_sub(std::string_view text) {
  auto* ctx = parser_.parse(text, &P::objectServiceSub);
  int id = context_.index;
  if (!ctx) {
    syntax_error("object service member");
    Entity& e = objects_.at(id);
    e.service.partial = true;
    e.service.partial_reason = "unrecognized member at " + line_text(line_->number);
    return;
  }
  auto* c = dynamic_cast<P::OsServiceContext*>(ctx);
  if (!c) return;  // description
  auto entry = service_spec(c->serviceSpec());
  Entity& e = objects_.at(id);
  if (e.value_block != 0 && e.value_block != context_.header_line)
    report(finding_id::kDuplicateDefinition, Severity::Warning, line_->body_column(), 0,
           "object service '" + e.name + "' is redefined (first defined at " +
               line_text(e.value_block) + "); the new value replaces the old one");
  e.service = ServiceValue{};
  if (entry) {
    e.service.entries.push_back(*entry);
  } else {
    e.service.partial = true;
    e.service.partial_reason = "unrecognized service of object " + e.name + " at " +
                               line_text(line_->number);
  }
  e.value_block = context_.header_line;
}

// --- object-group ------------------------------------------------------------------

void Extractor::group_header(std::string_view text) {
  auto* ctx = parser_.parse(text, &P::objectGroupHeader);
  if (!ctx) {
    syntax_error("object-group");
    return;
  }
  ++config_.recognized_statements;
  P::GroupKindContext* kind_ctx = ctx->groupKind();
  EntityKind kind = EntityKind::NetworkGroup;
  ProtocolSet port_protocols;
  P::NameContext* name_ctx = nullptr;
  if (auto* c = dynamic_cast<P::OgNetworkContext*>(kind_ctx)) {
    name_ctx = c->name();
  } else if (auto* c = dynamic_cast<P::OgServiceContext*>(kind_ctx)) {
    name_ctx = c->name();
    if (c->TCP() || c->UDP() || c->TCP_UDP()) {
      kind = EntityKind::PortGroup;
      if (c->TCP() || c->TCP_UDP()) port_protocols.add(kProtoTcp, kProtoTcp);
      if (c->UDP() || c->TCP_UDP()) port_protocols.add(kProtoUdp, kProtoUdp);
    } else {
      kind = EntityKind::ServiceGroup;
    }
  } else if (auto* c = dynamic_cast<P::OgProtocolContext*>(kind_ctx)) {
    name_ctx = c->name();
    kind = EntityKind::ProtocolGroup;
  } else if (auto* c = dynamic_cast<P::OgIcmpTypeContext*>(kind_ctx)) {
    name_ctx = c->name();
    kind = EntityKind::IcmpTypeGroup;
  } else if (auto* c = dynamic_cast<P::OgIdentityContext*>(kind_ctx)) {
    name_ctx = c->name();
    kind = EntityKind::IdentityGroup;
  }
  std::string name(parser_.text(name_ctx));
  int id;
  if (auto existing = objects_.find(name)) {
    const Entity& e = objects_.get(*existing);
    bool same_kind = e.kind == kind && (kind != EntityKind::PortGroup || e.protocols == port_protocols);
    if (!same_kind) {
      report(finding_id::kDuplicateDefinition, Severity::Warning, parser_.column(name_ctx),
             parser_.end_column(name_ctx),
             "'" + name + "' is already defined as " + entity_kind_name(e.kind) + " at " +
                 line_text(e.defined_at.line) + "; this definition is ignored");
      return;
    }
    report(finding_id::kDuplicateDefinition, Severity::Warning, parser_.column(name_ctx),
           parser_.end_column(name_ctx),
           std::string(entity_kind_name(kind)) + " '" + name + "' is defined again (first at " +
               line_text(e.defined_at.line) + "); its members are merged as the ASA does");
    id = *existing;
  } else {
    id = objects_.add(name, kind, here());
    // A port group's protocol is kept in `protocols`, which no other use
    // of a port group reads.
    objects_.at(id).protocols = port_protocols;
  }
  context_ = Context{Mode::Group, line_->indent, id, line_->number};
}

void Extractor::group_sub(std::string_view text) {
  int id = context_.index;
  auto* ctx = parser_.parse(text, &P::objectGroupSub);
  auto mark_partial = [&](std::string reason) {
    Entity& e = objects_.at(id);
    if (!e.network.partial) e.network.partial_reason = reason;
    if (!e.service.partial) e.service.partial_reason = reason;
    e.network.partial = e.service.partial = true;
  };
  if (!ctx) {
    syntax_error("object-group member");
    mark_partial("unrecognized member at " + line_text(line_->number));
    return;
  }
  EntityKind kind = objects_.get(id).kind;
  auto wrong_place = [&](std::string_view member) {
    unrecognized(line_->body_column(), 0,
                 std::string(member) + " is not valid in " + entity_kind_name(kind) + " '" +
                     objects_.get(id).name + "'");
    mark_partial("invalid member at " + line_text(line_->number));
  };

  if (auto* c = dynamic_cast<P::OgsNetworkContext*>(ctx)) {
    if (kind != EntityKind::NetworkGroup) return wrong_place("network-object");
    P::NetworkItemContext* item = c->networkItem();
    std::optional<IpSet> set;
    if (auto* i = dynamic_cast<P::NiHostContext*>(item)) {
      set = host_address(i->hostAddr());
    } else if (auto* i = dynamic_cast<P::NiMaskContext*>(item)) {
      set = address_with_mask(i->IPV4(0)->getSymbol(), i->IPV4(1)->getSymbol());
    } else if (auto* i = dynamic_cast<P::NiNameMaskContext*>(item)) {
      set = address_with_mask(i->WORD()->getSymbol(), i->IPV4()->getSymbol());
    } else if (auto* i = dynamic_cast<P::NiPrefixContext*>(item)) {
      set = ipv6_prefix(i->IPV6_PREFIX());
    } else if (auto* i = dynamic_cast<P::NiObjectContext*>(item)) {
      std::string_view ref = parser_.text(i->name());
      auto target = objects_.find(ref);
      if (!target) return mark_partial(undefined(i->name(), "object"));
      if (objects_.get(*target).kind != EntityKind::NetworkObject) {
        report(finding_id::kUndefinedReference, Severity::Warning, parser_.column(i->name()),
               parser_.end_column(i->name()),
               "'" + std::string(ref) + "' is " + entity_kind_name(objects_.get(*target).kind) +
                   ", not a network object");
        return mark_partial("'" + std::string(ref) + "' is not a network object");
      }
      objects_.at(id).children.push_back(EntityRef{*target, line_->number, parser_.column(i->name()),
                                                   parser_.end_column(i->name()), std::string(line_->text)});
      return;
    }
    if (!set) return mark_partial("unrecognized member at " + line_text(line_->number));
    objects_.add_addresses(id, *set);
  } else if (auto* c = dynamic_cast<P::OgsServiceRefContext*>(ctx)) {
    if (kind != EntityKind::ServiceGroup) return wrong_place("service-object");
    std::string_view ref = parser_.text(c->name());
    auto target = objects_.find(ref);
    if (!target) {
      if (auto builtin = builtin_service(ref)) {
        objects_.at(id).service.entries.push_back(
            ServiceEntry{builtin->protocols, PortSet::all(), PortSet::all(), builtin->icmp_type});
        return;
      }
      return mark_partial(undefined(c->name(), "object"));
    }
    if (objects_.get(*target).kind != EntityKind::ServiceObject) {
      report(finding_id::kUndefinedReference, Severity::Warning, parser_.column(c->name()),
             parser_.end_column(c->name()),
             "'" + std::string(ref) + "' is " + entity_kind_name(objects_.get(*target).kind) +
                 ", not a service object");
      return mark_partial("'" + std::string(ref) + "' is not a service object");
    }
    objects_.at(id).children.push_back(EntityRef{*target, line_->number, parser_.column(c->name()),
                                                 parser_.end_column(c->name()), std::string(line_->text)});
  } else if (auto* c = dynamic_cast<P::OgsServiceContext*>(ctx)) {
    if (kind != EntityKind::ServiceGroup) return wrong_place("service-object");
    auto entry = service_spec(c->serviceSpec());
    if (!entry) return mark_partial("unrecognized service at " + line_text(line_->number));
    objects_.at(id).service.entries.push_back(*entry);
  } else if (auto* c = dynamic_cast<P::OgsPortContext*>(ctx)) {
    if (kind != EntityKind::PortGroup && kind != EntityKind::ServiceGroup)
      return wrong_place("port-object");
    auto ports = port_match(c->portMatch());
    if (!ports) return mark_partial("unrecognized port at " + line_text(line_->number));
    // A port-object in a group without protocol is not valid ASA syntax but
    // appears in hand-written configs; read it as TCP and UDP.
    ProtocolSet protocols = kind == EntityKind::PortGroup ? objects_.get(id).protocols : *protocol_set("tcp-udp");
    objects_.at(id).service.entries.push_back(ServiceEntry{protocols, PortSet::all(), *ports, false});
  } else if (auto* c = dynamic_cast<P::OgsProtocolContext*>(ctx)) {
    if (kind != EntityKind::ProtocolGroup) return wrong_place("protocol-object");
    std::string_view proto = parser_.text(c->protocolName());
    auto set = protocol_set(proto);
    if (!set) {
      unrecognized(parser_.column(c->protocolName()), parser_.end_column(c->protocolName()),
                   "unknown protocol '" + std::string(proto) + "'");
      return mark_partial("unknown protocol at " + line_text(line_->number));
    }
    objects_.at(id).protocols.add(*set);
  } else if (auto* c = dynamic_cast<P::OgsIcmpContext*>(ctx)) {
    if (kind != EntityKind::IcmpTypeGroup) return wrong_place("icmp-object");
    antlr4::tree::TerminalNode* type = c->WORD() ? c->WORD() : c->INT();
    std::string_view t = parser_.text(type);
    if (!is_icmp_type(t))
      unrecognized(parser_.column(type->getSymbol()), parser_.end_column(type->getSymbol()),
                   "unknown icmp type '" + std::string(t) + "'");
  } else if (auto* c = dynamic_cast<P::OgsGroupContext*>(ctx)) {
    std::string_view ref = parser_.text(c->name());
    auto target = objects_.find(ref);
    if (!target || !is_group(objects_.get(*target).kind))
      return mark_partial(undefined(c->name(), "object-group"));
    if (!nestable(kind, objects_.get(*target).kind)) {
      report(finding_id::kUndefinedReference, Severity::Warning, parser_.column(c->name()),
             parser_.end_column(c->name()),
             "'" + std::string(ref) + "' is " + entity_kind_name(objects_.get(*target).kind) +
                 ", which cannot be nested in " + entity_kind_name(kind));
      return mark_partial("'" + std::string(ref) + "' cannot be nested here");
    }
    objects_.at(id).children.push_back(EntityRef{*target, line_->number, parser_.column(c->name()),
                                                 parser_.end_column(c->name()), std::string(line_->text)});
  } else if (dynamic_cast<P::OgsIdentityContext*>(ctx)) {
    if (kind != EntityKind::IdentityGroup) return wrong_place(line_->first_word());
  }
  // description: nothing to do
}

}  // namespace fwlint::asa
