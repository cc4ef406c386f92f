// SPDX-License-Identifier: Apache-2.0
#include "frontends/asa/object_table.h"

#include <algorithm>
#include <map>
#include <utility>

namespace fwlint::asa {
namespace {

/// Union of many sets by balanced pairwise merging: O(n log n) in the total
/// number of intervals, where folding one by one would be quadratic.
template <typename Set>
Set union_all(std::vector<Set> sets) {
  if (sets.empty()) return Set{};
  while (sets.size() > 1) {
    std::vector<Set> next;
    next.reserve(sets.size() / 2 + 1);
    for (std::size_t i = 0; i + 1 < sets.size(); i += 2) next.push_back(sets[i].unite(sets[i + 1]));
    if (sets.size() % 2) next.push_back(std::move(sets.back()));
    sets = std::move(next);
  }
  return std::move(sets.front());
}

/// Canonical set of raw (possibly overlapping, unsorted) intervals.
template <typename T>
IntervalSet<T> build_set(std::vector<Interval<T>> ivs) {
  if (ivs.empty()) return {};
  std::sort(ivs.begin(), ivs.end(), [](const auto& a, const auto& b) { return a.lo < b.lo; });
  std::vector<Interval<T>> merged;
  for (const auto& iv : ivs) {
    if (!merged.empty() &&
        (merged.back().hi == IntervalSet<T>::kMax || iv.lo <= merged.back().hi + 1)) {
      merged.back().hi = std::max(merged.back().hi, iv.hi);
      continue;
    }
    merged.push_back(iv);
  }
  // Disjoint sorted pieces: the balanced union only concatenates.
  std::vector<IntervalSet<T>> parts;
  parts.reserve(merged.size());
  for (const auto& iv : merged) parts.push_back(IntervalSet<T>::range(iv.lo, iv.hi));
  return union_all(std::move(parts));
}

template <typename T>
void append_key(std::string& key, const IntervalSet<T>& set) {
  for (const auto& iv : set.intervals()) {
    key.append(reinterpret_cast<const char*>(&iv.lo), sizeof(T));
    key.append(reinterpret_cast<const char*>(&iv.hi), sizeof(T));
  }
  key += '|';
}

}  // namespace

const char* entity_kind_name(EntityKind kind) {
  switch (kind) {
    case EntityKind::NetworkObject: return "object network";
    case EntityKind::ServiceObject: return "object service";
    case EntityKind::NetworkGroup: return "object-group network";
    case EntityKind::ServiceGroup: return "object-group service";
    case EntityKind::PortGroup: return "object-group service";
    case EntityKind::ProtocolGroup: return "object-group protocol";
    case EntityKind::IcmpTypeGroup: return "object-group icmp-type";
    case EntityKind::IdentityGroup: return "object-group user";
  }
  return "object";
}

bool is_group(EntityKind kind) {
  return kind != EntityKind::NetworkObject && kind != EntityKind::ServiceObject;
}

void NetworkValue::add(const NetworkValue& other) {
  addresses.add(other.addresses);
  for (const auto& n : other.names)
    if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
  if (other.partial && !partial) {
    partial = true;
    partial_reason = other.partial_reason;
  }
}

void ServiceValue::add(const ServiceValue& other) {
  entries.insert(entries.end(), other.entries.begin(), other.entries.end());
  if (other.partial && !partial) {
    partial = true;
    partial_reason = other.partial_reason;
  }
}

void ServiceValue::normalize() {
  if (entries.size() < 2) return;
  auto merge = [this](bool by_ports) {
    std::map<std::string, std::size_t> slot;
    std::vector<ServiceEntry> out;
    std::vector<std::vector<PortSet>> dst_parts;
    std::vector<std::vector<ProtocolSet>> proto_parts;
    for (auto& e : entries) {
      if (e.protocols.empty() || e.src_ports.empty() || e.dst_ports.empty()) continue;
      std::string key(1, e.icmp_type ? 'i' : '-');
      if (by_ports) {
        append_key(key, e.src_ports);
        append_key(key, e.dst_ports);
      } else {
        append_key(key, e.protocols);
        append_key(key, e.src_ports);
      }
      auto [it, fresh] = slot.emplace(std::move(key), out.size());
      if (fresh) {
        out.push_back(e);
        dst_parts.emplace_back();
        proto_parts.emplace_back();
      }
      dst_parts[it->second].push_back(e.dst_ports);
      proto_parts[it->second].push_back(e.protocols);
    }
    for (std::size_t i = 0; i < out.size(); ++i) {
      if (by_ports)
        out[i].protocols = union_all(std::move(proto_parts[i]));
      else
        out[i].dst_ports = union_all(std::move(dst_parts[i]));
    }
    entries = std::move(out);
  };
  merge(false);
  merge(true);
}

ProtocolSet ServiceValue::protocols() const {
  std::vector<ProtocolSet> parts;
  for (const auto& e : entries) parts.push_back(e.protocols);
  return union_all(std::move(parts));
}

PortSet ServiceValue::dst_ports() const {
  std::vector<PortSet> parts;
  for (const auto& e : entries) parts.push_back(e.dst_ports);
  return union_all(std::move(parts));
}

std::optional<int> ObjectTable::find(std::string_view name) const {
  auto it = by_name_.find(std::string(name));
  if (it == by_name_.end()) return std::nullopt;
  return it->second;
}

int ObjectTable::add(std::string name, EntityKind kind, SourceLocation at) {
  touch();
  int id = static_cast<int>(entities_.size());
  Entity e;
  e.name = name;
  e.kind = kind;
  e.defined_at = std::move(at);
  entities_.push_back(std::move(e));
  by_name_.emplace(std::move(name), id);
  return id;
}

void ObjectTable::add_addresses(int id, const IpSet& addresses) {
  Entity& e = at(id);
  for (const auto& iv : addresses.v4.intervals()) e.direct_v4.push_back(iv);
  for (const auto& iv : addresses.v6.intervals()) e.direct_v6.push_back(iv);
}

const NetworkValue& ObjectTable::network(int id) {
  flatten(id);
  return entities_[static_cast<std::size_t>(id)].flat_network;
}

const ServiceValue& ObjectTable::service(int id) {
  flatten(id);
  return entities_[static_cast<std::size_t>(id)].flat_service;
}

const ProtocolSet& ObjectTable::protocols(int id) {
  flatten(id);
  return entities_[static_cast<std::size_t>(id)].flat_protocols;
}

void ObjectTable::flatten(int root) {
  auto& root_entity = entities_[static_cast<std::size_t>(root)];
  if (root_entity.memo_generation == generation_) return;
  on_stack_.resize(entities_.size(), 0);

  struct Frame {
    int id;
    std::size_t next_child;
  };
  std::vector<Frame> stack{{root, 0}};
  on_stack_[static_cast<std::size_t>(root)] = generation_;
  while (!stack.empty()) {
    Frame& frame = stack.back();
    Entity& e = entities_[static_cast<std::size_t>(frame.id)];
    if (frame.next_child < e.children.size()) {
      int c = e.children[frame.next_child++].target;
      if (c < 0) continue;
      auto ci = static_cast<std::size_t>(c);
      // A child already on the stack closes a cycle: skip that edge (the
      // ASA would have refused it; find_cycles reports it).
      if (entities_[ci].memo_generation == generation_ || on_stack_[ci] == generation_) continue;
      on_stack_[ci] = generation_;
      stack.push_back({c, 0});  // `frame` is not used after this
      continue;
    }
    NetworkValue net = e.network;
    net.addresses.v4 = build_set(e.direct_v4);
    net.addresses.v6 = build_set(e.direct_v6);
    ServiceValue svc = e.service;
    std::vector<ProtocolSet> protos{e.protocols};
    for (const auto& ref : e.children) {
      if (ref.target < 0) continue;
      const Entity& child = entities_[static_cast<std::size_t>(ref.target)];
      if (child.memo_generation != generation_) continue;  // cycle edge
      net.add(child.flat_network);
      svc.add(child.flat_service);
      protos.push_back(child.flat_protocols);
    }
    svc.normalize();
    e.flat_network = std::move(net);
    e.flat_service = std::move(svc);
    e.flat_protocols = union_all(std::move(protos));
    e.memo_generation = generation_;
    on_stack_[static_cast<std::size_t>(frame.id)] = 0;
    stack.pop_back();
  }
}

std::vector<CycleEdge> ObjectTable::find_cycles() const {
  enum : std::uint8_t { kWhite, kGray, kBlack };
  std::vector<std::uint8_t> color(entities_.size(), kWhite);
  std::vector<CycleEdge> cycles;
  struct Frame {
    int id;
    std::size_t next_child;
  };
  for (std::size_t start = 0; start < entities_.size(); ++start) {
    if (color[start] != kWhite) continue;
    std::vector<Frame> stack{{static_cast<int>(start), 0}};
    color[start] = kGray;
    while (!stack.empty()) {
      Frame& frame = stack.back();
      const Entity& e = entities_[static_cast<std::size_t>(frame.id)];
      if (frame.next_child < e.children.size()) {
        const EntityRef& ref = e.children[frame.next_child++];
        if (ref.target < 0) continue;
        auto c = static_cast<std::size_t>(ref.target);
        if (color[c] == kGray) {
          cycles.push_back({frame.id, ref.target, ref});
        } else if (color[c] == kWhite) {
          color[c] = kGray;
          stack.push_back({ref.target, 0});
        }
        continue;
      }
      color[static_cast<std::size_t>(frame.id)] = kBlack;
      stack.pop_back();
    }
  }
  return cycles;
}

}  // namespace fwlint::asa
