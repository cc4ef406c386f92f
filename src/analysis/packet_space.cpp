// SPDX-License-Identifier: Apache-2.0
#include "fwlint/analysis/packet_space.h"

#include <algorithm>

namespace fwlint {

bool Cube::empty() const {
  return protocols.empty() || src_ports.empty() || dst_ports.empty() || src.empty() ||
         (dst_atoms.empty() && dst_addresses.empty()) || states == 0;
}

Cube Cube::intersect(const Cube& o) const {
  return Cube{protocols.intersect(o.protocols),
              src_ports.intersect(o.src_ports),
              dst_ports.intersect(o.dst_ports),
              src.intersect(o.src),
              dst_atoms.intersect(o.dst_atoms),
              dst_addresses.intersect(o.dst_addresses),
              static_cast<std::uint8_t>(states & o.states)};
}

std::vector<Cube> Cube::subtract(const Cube& o) const {
  // Peel one dimension at a time: the part of `rest` outside `o` in that
  // dimension is a disjoint piece; keep narrowing `rest` to the inside.
  // Sources and source ports go last so that a rule about one host or one
  // source port splits off that host, not a slice of everyone's traffic.
  std::vector<Cube> out;
  Cube rest = *this;
  auto emit = [&out](Cube c) {
    if (!c.empty()) out.push_back(std::move(c));
  };
  {
    Cube c = rest;
    c.protocols = rest.protocols.subtract(o.protocols);
    emit(c);
    rest.protocols = rest.protocols.intersect(o.protocols);
  }
  if (rest.empty()) return out;
  {
    Cube c = rest;
    c.dst_ports = rest.dst_ports.subtract(o.dst_ports);
    emit(c);
    rest.dst_ports = rest.dst_ports.intersect(o.dst_ports);
  }
  if (rest.empty()) return out;
  {
    Cube c = rest;
    c.dst_atoms = rest.dst_atoms.subtract(o.dst_atoms);
    c.dst_addresses = rest.dst_addresses.subtract(o.dst_addresses);
    emit(c);
    rest.dst_atoms = rest.dst_atoms.intersect(o.dst_atoms);
    rest.dst_addresses = rest.dst_addresses.intersect(o.dst_addresses);
  }
  if (rest.empty()) return out;
  {
    Cube c = rest;
    c.src = rest.src.subtract(o.src);
    emit(c);
    rest.src = rest.src.intersect(o.src);
  }
  if (rest.empty()) return out;
  {
    Cube c = rest;
    c.src_ports = rest.src_ports.subtract(o.src_ports);
    emit(c);
    rest.src_ports = rest.src_ports.intersect(o.src_ports);
  }
  if (rest.empty()) return out;
  {
    Cube c = rest;
    c.states = static_cast<std::uint8_t>(rest.states & ~o.states);
    emit(c);
  }
  return out;
}

namespace {

/// Whether the wildcard `atom` has some, but not all, of its hosts named by `n`.
bool partially_names(const DomainName& atom, const DomainName& n) {
  if (!atom.wildcard) return false;
  DomainName below = n;
  below.wildcard = false;
  return below.covered_by(atom) || (n.wildcard && DomainName{n.name, false}.covered_by(atom));
}

}  // namespace

AtomMatch match_atoms(const AddressMatch& dst, const EvalContext& ctx) {
  AtomMatch m;
  bool resolved = false;
  for (const auto& r : ctx.resolutions) resolved = resolved || !r.empty();
  if (dst.names.empty() && !resolved) {
    // Fast paths for the common cases: "any" and no address of the family.
    bool all = ctx.family == Family::V4 ? dst.addresses.v4.is_all() : dst.addresses.v6.is_all();
    bool none = ctx.family == Family::V4 ? dst.addresses.v4.empty() : dst.addresses.v6.empty();
    if ((all || none) && !ctx.domains.empty()) {
      if (all) m.sure = AtomSet::range(0, static_cast<std::uint32_t>(ctx.domains.size() - 1));
      return m;
    }
  }
  const IpSet& pub = public_addresses();
  IpSet family_public = ctx.family == Family::V4 ? IpSet{pub.v4, {}} : IpSet{{}, pub.v6};
  IpSet covered = dst.addresses.intersect(family_public);
  bool all_public = covered == family_public;
  bool some_public = !covered.empty();
  for (std::uint32_t i = 0; i < ctx.domains.size(); ++i) {
    const DomainName& atom = ctx.domains[i];
    bool sure = false, maybe = false;
    if (i < ctx.resolutions.size() && !ctx.resolutions[i].empty()) {
      const IpSet& r = ctx.resolutions[i];
      sure = dst.addresses.includes(r);
      maybe = !sure && !dst.addresses.intersect(r).empty();
    } else {
      sure = all_public;
      maybe = some_public;
    }
    for (const auto& n : dst.names) {
      if (atom.covered_by(n)) sure = true;
      else if (partially_names(atom, n)) maybe = true;
    }
    if (sure)
      m.sure.add(i, i);
    else if (maybe)
      m.maybe.add(i, i);
  }
  return m;
}

namespace {

bool pattern_names(const std::string& pattern, const std::string& iface) {
  if (pattern.back() == '+')
    return iface.compare(0, pattern.size() - 1, pattern, 0, pattern.size() - 1) == 0;
  return iface == pattern;
}

}  // namespace

Tristate interface_matches_none(const std::string& pattern, bool negated) {
  if (pattern.empty()) return Tristate::Yes;
  return negated ? Tristate::Yes : Tristate::No;
}

Tristate interface_matches(const std::string& pattern, bool negated, const std::string& iface,
                           const std::vector<std::string>& unused,
                           const std::vector<std::string>& groups) {
  if (pattern.empty()) return Tristate::Yes;
  if (std::find(groups.begin(), groups.end(), pattern) != groups.end())
    return negated ? Tristate::No : Tristate::Yes;
  if (!iface.empty()) return pattern_names(pattern, iface) != negated ? Tristate::Yes : Tristate::No;
  // Not pinned: some interface outside `unused`. Only a pattern naming
  // nothing but unused interfaces has a certain answer.
  bool only_unused = pattern.back() != '+' &&
                     std::find(unused.begin(), unused.end(), pattern) != unused.end();
  if (!only_unused) return Tristate::Maybe;
  return negated ? Tristate::Yes : Tristate::No;
}

}  // namespace fwlint
