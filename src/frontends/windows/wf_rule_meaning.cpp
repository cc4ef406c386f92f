// SPDX-License-Identifier: Apache-2.0
// Interprets the tokens of one rule (MS-GPFAS 2.2.2.19) for the outbound
// traffic of the checked program.
//
// Modeling choices, each either exact or marked uncertain:
// - tokens of one kind are OR-ed, kinds are AND-ed; a missing kind matches
//   everything (no RPort = every remote port);
// - a port or address value Windows resolves at run time (RPC, LocalSubnet,
//   DNS…) or that cannot be read adds an uncertain part; the rule's other
//   values stay exact. The local-network keywords never stand for a public
//   address, so they never match an Agora server unless --resolve gives one
//   a private address; IntErnet stands for every public address;
// - App, Svc and package scopes are conditional unless --app (and
//   --service) say which program runs the SDK; user, interface, platform
//   and trust-tuple scopes are always conditional;
// - an allow rule that needs IPsec authentication (Security, RMAuth,
//   RUAuth…) never matches plain connections to Agora;
// - an unknown token could narrow or widen the rule: it makes the whole
//   rule uncertain.
#include "frontends/windows/wf_rule_meaning.h"

#include <array>

#include "frontends/windows/wf_program_path.h"
#include "frontends/windows/wf_values.h"
#include "fwlint/analysis/findings.h"
#include "fwlint/util/strings.h"

namespace fwlint::windows {
namespace {

enum class Kind {
  Info, Action, Dir, Active, Profile, Protocol, RemotePort, LocalPort,
  RemoteAddress4, RemoteAddress6, LocalAddress4, LocalAddress6,
  App, Service, Package, User, Ipsec, Interface, Platform, TrustTuple, NetworkName,
  Icmp, InboundOnly, Unknown,
};

struct KeyInfo {
  std::string_view key;
  Kind kind;
};

constexpr std::array<KeyInfo, 49> kKeys = {{
    {"Name", Kind::Info},          {"Desc", Kind::Info},           {"EmbedCtxt", Kind::Info},
    {"SkipVer", Kind::Info},       {"Version", Kind::Info},        {"Action", Kind::Action},
    {"Dir", Kind::Dir},            {"Active", Kind::Active},       {"Profile", Kind::Profile},
    {"Protocol", Kind::Protocol},  {"RPort", Kind::RemotePort},    {"RPort2_10", Kind::RemotePort},
    {"RPort2_28", Kind::RemotePort}, {"LPort", Kind::LocalPort},   {"LPort2_10", Kind::LocalPort},
    {"LPort2_20", Kind::LocalPort}, {"LPort2_24", Kind::LocalPort}, {"LPort2_29", Kind::LocalPort},
    {"RA4", Kind::RemoteAddress4}, {"RA42", Kind::RemoteAddress4}, {"RA6", Kind::RemoteAddress6},
    {"RA62", Kind::RemoteAddress6}, {"LA4", Kind::LocalAddress4},  {"LA6", Kind::LocalAddress6},
    {"App", Kind::App},            {"Svc", Kind::Service},         {"AppPkgId", Kind::Package},
    {"LUAuth", Kind::User},        {"LUAuth2_24", Kind::User},     {"LUOwn", Kind::User},
    {"Security", Kind::Ipsec},     {"Security2", Kind::Ipsec},     {"Security2_9", Kind::Ipsec},
    {"RMAuth", Kind::Ipsec},       {"RUAuth", Kind::Ipsec},        {"AuthByPassOut", Kind::Ipsec},
    {"SecurityRealmId", Kind::Ipsec}, {"IF", Kind::Interface},     {"IFType", Kind::Interface},
    {"Platform", Kind::Platform},  {"Platform2", Kind::Platform},  {"TTK", Kind::TrustTuple},
    {"TTK2_22", Kind::TrustTuple}, {"TTK2_27", Kind::TrustTuple},  {"TTK2_28", Kind::TrustTuple},
    {"NNm", Kind::NetworkName},    {"ICMP4", Kind::Icmp},          {"ICMP6", Kind::Icmp},
    {"Edge", Kind::InboundOnly},
}};

// Tokens that only concern inbound traffic (edge traversal, UDP mappings,
// profile crossing) and so never change an outbound verdict.
constexpr std::array<std::string_view, 4> kMoreInboundOnly = {"Defer", "LSM", "LOM", "PCross"};

Kind kind_of(std::string_view key) {
  for (const KeyInfo& k : kKeys)
    if (iequals(k.key, key)) return k.kind;
  for (std::string_view k : kMoreInboundOnly)
    if (iequals(k, key)) return Kind::InboundOnly;
  return Kind::Unknown;
}

/// One packet dimension: the values read exactly, and what run-time
/// keywords or unreadable values may add.
template <typename Set>
struct Dimension {
  bool written = false;  ///< at least one token of this kind
  Set exact;
  Set uncertain;
  std::string why;  ///< the first reason for the uncertain part

  void add_uncertain(const Set& s, std::string reason) {
    uncertain.add(s);
    if (why.empty()) why = std::move(reason);
  }
  /// Values certainly matched: everything when no token narrows them.
  Set certain(const Set& all) const { return written ? exact : all; }
  Set possible(const Set& all) const { return written ? exact.unite(uncertain) : all; }
  bool has_uncertain() const { return !uncertain.empty(); }
};

/// Everything read from the tokens before it is turned into matches.
struct Reading {
  std::vector<std::string> actions, directions, actives, protocols;
  std::vector<const WfField*> action_fields, direction_fields, active_fields, protocol_fields;
  std::uint8_t profiles = 0;
  bool profile_written = false;
  Dimension<PortSet> remote_ports, local_ports;
  Dimension<IpSet> remote_addresses, local_addresses;
  std::vector<std::string> conditions;  ///< scopes that make the rule depend on the run time
  std::string never;                    ///< why it never matches the checked traffic
  std::string whole_uncertain;          ///< why nothing about it is certain
  bool has_icmp = false;
  const WfField* icmp_field = nullptr;
};

class Interpreter {
 public:
  Interpreter(const WfRule& rule, const ProgramScope& scope, Diagnostics& diags)
      : rule_(rule), scope_(scope), diags_(diags) {}

  RuleMeaning run() {
    if (!rule_.unreadable.empty()) uncertain_all("the rule could not be read in full (" + rule_.unreadable + ")");
    for (const WfField& f : rule_.fields) read_field(f);
    RuleMeaning m;
    m.action = action();
    m.outbound = outbound();
    m.active = active();
    m.profiles = r_.profile_written ? r_.profiles : kAllProfileBits;
    apply_ipsec_rule(m);
    if (!r_.never.empty()) {
      m.never = true;
      m.never_reason = r_.never;
      return m;
    }
    build_matches(m);
    return m;
  }

 private:
  void error(const WfField& f, std::string message, Severity severity = Severity::Error) {
    diags_.push_back(Diagnostic{finding_id::kUnrecognizedLine, severity, field_location(rule_, f), std::move(message)});
  }
  void uncertain_all(std::string why) {
    if (r_.whole_uncertain.empty()) r_.whole_uncertain = std::move(why);
  }
  void never(std::string why) {
    if (r_.never.empty()) r_.never = std::move(why);
  }

  void read_field(const WfField& f) {
    switch (kind_of(f.key)) {
      case Kind::Info:
      case Kind::InboundOnly: break;
      case Kind::Action: r_.actions.push_back(f.value), r_.action_fields.push_back(&f); break;
      case Kind::Dir: r_.directions.push_back(f.value), r_.direction_fields.push_back(&f); break;
      case Kind::Active: r_.actives.push_back(f.value), r_.active_fields.push_back(&f); break;
      case Kind::Protocol: r_.protocols.push_back(f.value), r_.protocol_fields.push_back(&f); break;
      case Kind::Profile: read_profile(f); break;
      case Kind::RemotePort: read_port(f, r_.remote_ports, "remote"); break;
      case Kind::LocalPort: read_port(f, r_.local_ports, "local"); break;
      case Kind::RemoteAddress4: read_address(f, Family::V4, r_.remote_addresses); break;
      case Kind::RemoteAddress6: read_address(f, Family::V6, r_.remote_addresses); break;
      case Kind::LocalAddress4: read_address(f, Family::V4, r_.local_addresses); break;
      case Kind::LocalAddress6: read_address(f, Family::V6, r_.local_addresses); break;
      case Kind::App: read_app(f); break;
      case Kind::Service: read_service(f); break;
      case Kind::Package:
        if (scope_.app.empty())
          r_.conditions.push_back("applies only to the Store app package " + f.value);
        else
          never("it applies only to the Store app package " + f.value + ", and --app names a desktop program");
        break;
      case Kind::User: r_.conditions.push_back("applies only to some local users (" + f.key + ")"); break;
      case Kind::Ipsec: ipsec_.push_back(&f); break;
      case Kind::Interface: r_.conditions.push_back("applies only on some interfaces (" + f.key + "=" + f.value + ")"); break;
      case Kind::Platform: r_.conditions.push_back("applies only on some Windows versions (" + f.key + "=" + f.value + ")"); break;
      case Kind::TrustTuple: r_.conditions.push_back("applies only to " + f.value + " traffic (" + f.key + ")"); break;
      case Kind::NetworkName: r_.conditions.push_back("applies only on network " + f.value); break;
      case Kind::Icmp:
        r_.has_icmp = true;
        r_.icmp_field = &f;
        break;
      case Kind::Unknown:
        diags_.push_back(Diagnostic{finding_id::kUnsupportedConstruct, Severity::Warning, field_location(rule_, f),
                                    "unknown rule token " + f.key + ": the rule may match more or less "
                                    "than its other tokens say"});
        uncertain_all("it has the unknown token " + f.key + "=" + f.value);
        break;
    }
  }

  void read_profile(const WfField& f) {
    r_.profile_written = true;
    for (std::size_t p = 0; p < kProfileNames.size(); ++p)
      if (iequals(f.value, kProfileNames[p])) {
        r_.profiles |= static_cast<std::uint8_t>(1u << p);
        return;
      }
    error(f, "Profile=" + f.value + " is not Domain, Private or Public (every profile is written by "
             "leaving Profile out)");
    r_.profiles = kAllProfileBits;
    uncertain_all("its Profile=" + f.value + " cannot be read");
  }

  void read_port(const WfField& f, Dimension<PortSet>& d, const char* side) {
    d.written = true;
    PortValue v = parse_port_value(f.value);
    switch (v.kind) {
      case PortValue::Exact: d.exact.add(v.ports); break;
      case PortValue::Keyword:
        d.add_uncertain(PortSet::all(), std::string(side) + " " + v.note + " is resolved by Windows at run time");
        break;
      case PortValue::Malformed:
        error(f, f.key + ": " + v.note);
        d.add_uncertain(PortSet::all(), f.key + "=" + f.value + " cannot be read");
        break;
    }
  }

  void read_address(const WfField& f, Family family, Dimension<IpSet>& d) {
    d.written = true;
    AddressValue v = parse_address_value(f.value, family);
    switch (v.kind) {
      case AddressValue::Exact: d.exact.add(v.addresses); break;
      case AddressValue::LocalKeyword: d.add_uncertain(v.addresses, f.key + ": " + v.note); break;
      case AddressValue::Malformed:
        error(f, f.key + ": " + v.note);
        d.add_uncertain(IpSet::all_of(family), f.key + "=" + f.value + " cannot be read");
        break;
    }
  }

  void read_app(const WfField& f) {
    if (scope_.app.empty()) {
      r_.conditions.push_back("applies only to the program " + f.value + "; --app checks one program");
      return;
    }
    std::string rule_app = normalize_program_path(f.value);
    if (rule_app == normalize_program_path(scope_.app)) return;
    if (has_unexpanded_variable(rule_app))
      r_.conditions.push_back("applies only to the program " + f.value +
                              ", whose path depends on the user's environment");
    else
      never("it applies only to the program " + f.value);
  }

  void read_service(const WfField& f) {
    if (scope_.app.empty()) {
      r_.conditions.push_back("applies only to " + std::string(f.value == "*" ? "services" : "the service " + f.value));
      return;
    }
    if (scope_.service.empty())
      never("it applies only to " + std::string(f.value == "*" ? "services" : "the service " + f.value) +
            ", and the checked program is not one (--service)");
    else if (f.value != "*" && !iequals(f.value, scope_.service))
      never("it applies only to the service " + f.value);
  }

  /// One value of a token Windows allows at most once; reports the rest.
  std::optional<std::string> single(const std::vector<std::string>& values,
                                    const std::vector<const WfField*>& fields) {
    if (values.empty()) return std::nullopt;
    for (std::size_t i = 1; i < values.size(); ++i)
      if (!iequals(values[i], values[0])) {
        error(*fields[i], fields[i]->key + " appears twice with different values (" + values[0] +
                              ", " + values[i] + ")");
        uncertain_all("it has two different " + fields[i]->key + " tokens");
      }
    return values[0];
  }

  RuleAction action() {
    auto v = single(r_.actions, r_.action_fields);
    if (!v) {
      diags_.push_back(Diagnostic{finding_id::kUnrecognizedLine, Severity::Error, rule_.location,
                                  "rule has no Action: it may allow or block"});
      return RuleAction::Unknown;
    }
    if (iequals(*v, "Allow")) return RuleAction::Allow;
    if (iequals(*v, "Block")) return RuleAction::Block;
    if (iequals(*v, "ByPass")) return RuleAction::Bypass;
    error(*r_.action_fields[0], "Action=" + *v + " is not Allow, Block or ByPass: the rule may allow or block");
    return RuleAction::Unknown;
  }

  std::optional<bool> outbound() {
    auto v = single(r_.directions, r_.direction_fields);
    std::optional<bool> from_container;
    if (!rule_.container_direction.empty()) from_container = rule_.container_direction == "Out";
    if (!v) {
      if (from_container) return from_container;
      diags_.push_back(Diagnostic{finding_id::kUnrecognizedLine, Severity::Error, rule_.location,
                                  "rule has no Dir: it is kept as a possible outbound rule"});
      return std::nullopt;
    }
    std::optional<bool> out;
    if (iequals(*v, "Out")) out = true;
    else if (iequals(*v, "In")) out = false;
    else {
      error(*r_.direction_fields[0], "Dir=" + *v + " is not In or Out: it is kept as a possible outbound rule");
      return std::nullopt;
    }
    if (from_container && *from_container != *out)
      error(*r_.direction_fields[0],
            "Dir=" + *v + " in a list of " + (*from_container ? "outbound" : "inbound") + " rules", Severity::Warning);
    return out;
  }

  std::optional<bool> active() {
    auto v = single(r_.actives, r_.active_fields);
    if (!v) {
      diags_.push_back(Diagnostic{finding_id::kUnrecognizedLine, Severity::Warning, rule_.location,
                                  "rule has no Active token: Windows treats it as disabled"});
      return false;
    }
    auto b = parse_rule_bool(*v);
    if (!b) error(*r_.active_fields[0], "Active=" + *v + " is not TRUE or FALSE: the rule may be enabled or not");
    return b;
  }

  /// Rules that need IPsec authentication only match authenticated
  /// connections, which connections to Agora never are. An allow rule of
  /// that kind allows nothing here; any other kind stays conditional.
  void apply_ipsec_rule(const RuleMeaning& m) {
    if (m.action == RuleAction::Bypass) {
      never("an authenticated-bypass rule only matches IPsec-authenticated connections");
      return;
    }
    if (ipsec_.empty()) return;
    const WfField& f = *ipsec_.front();
    if (m.action == RuleAction::Allow)
      never("it only allows IPsec-authenticated connections (" + f.key + "=" + f.value + ")");
    else
      r_.conditions.push_back("applies only to IPsec-authenticated connections (" + f.key + ")");
  }

  void build_matches(RuleMeaning& m) {
    Match base;
    std::optional<std::string> protocol_text = single(r_.protocols, r_.protocol_fields);
    std::optional<int> protocol;
    if (protocol_text) {
      protocol = parse_protocol_number(*protocol_text);
      if (protocol) base.protocols = ProtocolSet::single(static_cast<std::uint8_t>(*protocol));
      else {
        error(*r_.protocol_fields[0], "Protocol=" + *protocol_text + " is not a protocol number from 0 to 255");
        uncertain_all("its Protocol=" + *protocol_text + " cannot be read");
      }
    }
    bool ports = r_.remote_ports.written || r_.local_ports.written;
    if (ports && protocol_text && protocol && *protocol != 6 && *protocol != 17) {
      diags_.push_back(Diagnostic{finding_id::kUnrecognizedLine, Severity::Error, rule_.location,
                                  "ports need Protocol=6 (TCP) or 17 (UDP); Windows refuses this rule"});
      uncertain_all("it has ports with Protocol=" + *protocol_text);
    } else if (ports && !protocol_text) {
      diags_.push_back(Diagnostic{finding_id::kUnrecognizedLine, Severity::Error, rule_.location,
                                  "ports need Protocol=6 (TCP) or 17 (UDP); Windows refuses this rule"});
      uncertain_all("it has ports but no Protocol");
    }
    if (r_.has_icmp && !(protocol && (*protocol == 1 || *protocol == 58))) {
      error(*r_.icmp_field, r_.icmp_field->key + " needs Protocol=1 (ICMP) or 58 (ICMPv6)");
      uncertain_all("it has " + r_.icmp_field->key + " without an ICMP protocol");
    }

    // Outbound: the local side is the client (source), the remote side the server.
    Match certain = base;
    certain.dst_ports = r_.remote_ports.certain(PortSet::all());
    certain.src_ports = r_.local_ports.certain(PortSet::all());
    certain.dst.addresses = r_.remote_addresses.certain(IpSet::all());
    certain.src.addresses = r_.local_addresses.certain(IpSet::all());

    std::string why = r_.whole_uncertain;
    if (why.empty() && !r_.conditions.empty()) why = "the rule " + r_.conditions.front();
    bool whole = !why.empty();
    for (const std::string* part : {&r_.remote_ports.why, &r_.local_ports.why, &r_.remote_addresses.why,
                                    &r_.local_addresses.why})
      if (why.empty() && !part->empty()) why = *part;
    if (!whole && !certain.dst_ports.empty() && !certain.src_ports.empty() &&
        !certain.dst.addresses.empty() && !certain.src.addresses.empty())
      m.certain = certain;
    if (why.empty()) return;

    Match possible = base;
    possible.dst_ports = r_.remote_ports.possible(PortSet::all());
    possible.src_ports = r_.local_ports.possible(PortSet::all());
    possible.dst.addresses = r_.remote_addresses.possible(IpSet::all());
    possible.src.addresses = r_.local_addresses.possible(IpSet::all());
    possible.unknown = true;
    possible.unknown_reason = why;
    m.uncertain = possible;
  }

  const WfRule& rule_;
  const ProgramScope& scope_;
  Diagnostics& diags_;
  Reading r_;
  std::vector<const WfField*> ipsec_;
};

}  // namespace

RuleMeaning interpret_rule(const WfRule& rule, const ProgramScope& scope, Diagnostics& diags) {
  return Interpreter(rule, scope, diags).run();
}

}  // namespace fwlint::windows
