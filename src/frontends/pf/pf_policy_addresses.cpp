// SPDX-License-Identifier: Apache-2.0
// Items are folded into one accumulator: exact addresses and names unite in
// one AddressMatch; `self` is an address type (the device's own addresses),
// which the evaluator knows for each path; unknown items unite into one
// possible match.
#include "frontends/pf/pf_policy_addresses.h"

#include <utility>

namespace fwlint::pf {
namespace {

struct Accumulator {
  IpSet exact;
  std::vector<DomainName> names;
  std::vector<std::uint16_t> types;
  IpSet unknown_scope;
  std::vector<std::string> unknown_reasons;

  void add_unknown(const IpSet& scope, std::string reason) {
    unknown_scope.add(scope);
    unknown_reasons.push_back(std::move(reason));
  }
};

/// Every address of the family (or families) `s` has addresses of.
IpSet whole_family_of(const IpSet& s) {
  if (s.v6.empty()) return IpSet::all_of(Family::V4);
  if (s.v4.empty()) return IpSet::all_of(Family::V6);
  return IpSet::all();
}

/// `set`, or its complement in its own family for a `!` item (pfctl gives
/// the expanded rule the item's family).
IpSet with_negation(const IpSet& set, bool negated) {
  return negated ? whole_family_of(set).subtract(set) : set;
}

std::optional<IpSet> parse_item_range(const std::string& text) {
  std::size_t dash = text.find(" - ");
  if (dash == std::string::npos) return std::nullopt;
  return parse_address_range(text.substr(0, dash), text.substr(dash + 3));
}

std::string table_name(const std::string& text) {
  std::string name = text;
  if (name.starts_with("<")) name.erase(0, 1);
  if (name.ends_with(">")) name.pop_back();
  return name;
}

void add_table(const PfAddress& a, Side side, TableResolver& tables, const SourceLocation& used_at,
               Accumulator& acc) {
  const TableContents& t = tables.contents(table_name(a.text), used_at);
  bool names_unusable = !t.names.empty() && (a.negated || side == Side::Source);
  if (a.negated && (!t.unknown_reason.empty() || names_unusable)) {
    acc.add_unknown(IpSet::all(),
                    !t.unknown_reason.empty()
                        ? t.unknown_reason
                        : "table " + a.text + " lists host names, resolved when pf loads the rules");
    return;
  }
  if (a.negated) {
    acc.exact.add(IpSet::all().subtract(t.addresses));
    return;
  }
  acc.exact.add(t.addresses);
  if (side == Side::Destination)
    acc.names.insert(acc.names.end(), t.names.begin(), t.names.end());
  else if (!t.names.empty())
    acc.add_unknown(IpSet::all(), "table " + a.text + " lists host names, resolved when pf loads the rules");
  if (!t.unknown_reason.empty()) acc.add_unknown(IpSet::all(), t.unknown_reason);
}

void add_interface(const PfAddress& a, Accumulator& acc) {
  if (a.interface == "self" && a.modifier.empty()) {
    // The device's own addresses: LOCAL for a host's traffic, never an
    // Agora server nor a client behind the device.
    const std::uint16_t local = kTypeLocal;
    acc.types.push_back(a.negated ? static_cast<std::uint16_t>(kTypeAll & ~local) : local);
    return;
  }
  acc.add_unknown(IpSet::all(),
                  std::string(a.negated ? "!" : "") + a.text + ": interface addresses are not in pf.conf");
}

void add_hostname(const PfAddress& a, Side side, Accumulator& acc) {
  std::optional<DomainName> name;
  if (side == Side::Destination && !a.negated && a.text.find('/') == std::string::npos)
    name = DomainName::parse(a.text);
  if (name) {
    acc.names.push_back(std::move(*name));
    return;
  }
  acc.add_unknown(IpSet::all(), std::string(a.negated ? "!" : "") + a.text +
                                    ": a host name, resolved when pf loads the rules");
}

void add_item(const PfAddress& a, Side side, TableResolver& tables, const SourceLocation& used_at,
              Accumulator& acc) {
  switch (a.kind) {
    case PfAddress::Kind::Any:
      if (!a.negated) acc.exact = IpSet::all();
      return;
    case PfAddress::Kind::Cidr:
    case PfAddress::Kind::Range: {
      std::optional<IpSet> set =
          a.kind == PfAddress::Kind::Cidr ? parse_cidr(a.text) : parse_item_range(a.text);
      if (!set) {
        acc.add_unknown(IpSet::all(), "address " + a.text + " is not understood");
        return;
      }
      acc.exact.add(with_negation(*set, a.negated));
      return;
    }
    case PfAddress::Kind::Table:
      add_table(a, side, tables, used_at, acc);
      return;
    case PfAddress::Kind::Interface:
      add_interface(a, acc);
      return;
    case PfAddress::Kind::Hostname:
      add_hostname(a, side, acc);
      return;
    case PfAddress::Kind::NoRoute:
      // Agora's servers and the checked clients are routable: `no-route`
      // matches none of them, `! no-route` all of them.
      if (a.negated) acc.exact = IpSet::all();
      return;
    case PfAddress::Kind::UrpfFailed:
      acc.add_unknown(IpSet::all(), std::string(a.negated ? "! " : "") +
                                        "urpf-failed: depends on the routing table, which is not in pf.conf");
      return;
  }
}

std::string joined(const std::vector<std::string>& reasons) {
  std::string out;
  for (const std::string& r : reasons) out += (out.empty() ? "" : "; ") + r;
  return out;
}

}  // namespace

std::vector<SideAlternative> resolve_side(const std::vector<PfAddress>& items, std::optional<int> family,
                                          Side side, TableResolver& tables, const SourceLocation& used_at) {
  Accumulator acc;
  if (items.empty()) acc.exact = IpSet::all();
  for (const PfAddress& a : items) add_item(a, side, tables, used_at, acc);

  IpSet scope = !family ? IpSet::all() : IpSet::all_of(*family == 6 ? Family::V6 : Family::V4);
  std::vector<SideAlternative> out;
  IpSet exact = acc.exact.intersect(scope);
  if (!exact.empty() || !acc.names.empty()) {
    SideAlternative alt;
    alt.match.addresses = std::move(exact);
    alt.match.names = std::move(acc.names);
    out.push_back(std::move(alt));
  }
  for (std::uint16_t types : acc.types) {
    SideAlternative alt;
    alt.match.addresses = scope;
    alt.match.types = types;
    out.push_back(std::move(alt));
  }
  if (!acc.unknown_reasons.empty()) {
    SideAlternative alt;
    alt.match.addresses = acc.unknown_scope.intersect(scope);
    alt.unknown_reason = joined(acc.unknown_reasons);
    out.push_back(std::move(alt));
  }
  if (out.empty()) out.push_back(SideAlternative{AddressMatch::none(), ""});
  return out;
}

}  // namespace fwlint::pf
