// SPDX-License-Identifier: Apache-2.0
#include "frontends/asa/asa_config.h"

#include <algorithm>
#include <utility>

#include "fwlint/util/strings.h"

namespace fwlint::asa {
namespace {

/// Fenwick tree over slot occupancy, for "k-th free slot" queries.
class FreeSlots {
 public:
  explicit FreeSlots(std::size_t n) : tree_(n + 1, 0), size_(n) {
    for (std::size_t i = 1; i <= n; ++i) {
      tree_[i] += 1;
      std::size_t parent = i + (i & (~i + 1));
      if (parent <= n) tree_[parent] += tree_[i];
    }
    step_ = 1;
    while (step_ * 2 <= n) step_ *= 2;
  }
  /// Takes the k-th (1-based) free slot and returns its 0-based index.
  std::size_t take(std::size_t k) {
    std::size_t pos = 0;
    for (std::size_t step = step_; step; step /= 2) {
      if (pos + step <= size_ && tree_[pos + step] < k) {
        pos += step;
        k -= tree_[pos];
      }
    }
    for (std::size_t i = pos + 1; i <= size_; i += i & (~i + 1)) --tree_[i];
    return pos;
  }

 private:
  std::vector<std::size_t> tree_;
  std::size_t size_;
  std::size_t step_ = 1;
};

}  // namespace

int Interface::effective_security_level() const {
  if (security_level >= 0) return security_level;
  return nameif == "inside" ? 100 : 0;
}

const SourceLocation& Interface::security_level_location() const {
  if (security_level >= 0 && security_level_at.known()) return security_level_at;
  return nameif_at.known() ? nameif_at : header_at;
}

void Acl::begin_entry(std::uint32_t requested_line) {
  std::size_t n = entry_first_rule.size();
  entry_first_rule.push_back(static_cast<std::uint32_t>(rules.size()));
  entry_requested_line.push_back(requested_line);
  if (requested_line != 0 && requested_line <= n) has_insertions = true;
}

void Acl::apply_line_numbers() {
  if (!has_insertions) return;
  std::size_t n = entry_first_rule.size();
  // `access-list X line N …` inserts before the current N-th entry. Going
  // from the last command back, each one owns the requested-th slot among
  // those no later command took: O(n log n) instead of shifting a vector.
  FreeSlots slots(n);
  std::vector<std::size_t> final_slot(n);
  for (std::size_t i = n; i-- > 0;) {
    std::size_t wanted = entry_requested_line[i];
    if (wanted == 0 || wanted > i + 1) wanted = i + 1;
    final_slot[i] = slots.take(wanted);
  }
  std::vector<std::size_t> entry_at(n);
  for (std::size_t i = 0; i < n; ++i) entry_at[final_slot[i]] = i;
  std::vector<Rule> ordered;
  ordered.reserve(rules.size());
  std::vector<std::uint32_t> first(n), requested(n);
  for (std::size_t s = 0; s < n; ++s) {
    std::size_t e = entry_at[s];
    std::size_t begin = entry_first_rule[e];
    std::size_t end = e + 1 < n ? entry_first_rule[e + 1] : rules.size();
    first[s] = static_cast<std::uint32_t>(ordered.size());
    requested[s] = 0;
    for (std::size_t r = begin; r < end; ++r) ordered.push_back(std::move(rules[r]));
  }
  rules = std::move(ordered);
  entry_first_rule = std::move(first);
  entry_requested_line = std::move(requested);
  has_insertions = false;
}

Acl& AsaConfig::acl(std::string_view name, const SourceLocation& at) {
  auto [it, fresh] = acl_index.emplace(std::string(name), static_cast<int>(acls.size()));
  if (fresh) {
    Acl a;
    a.name = std::string(name);
    a.first_at = at;
    acls.push_back(std::move(a));
  }
  return acls[static_cast<std::size_t>(it->second)];
}

const Acl* AsaConfig::find_acl(std::string_view name) const {
  auto it = acl_index.find(std::string(name));
  return it == acl_index.end() ? nullptr : &acls[static_cast<std::size_t>(it->second)];
}

const Interface* AsaConfig::find_interface(std::string_view nameif) const {
  if (nameif.empty()) return nullptr;
  for (const auto& i : interfaces)
    if (i.nameif == nameif) return &i;
  for (const auto& i : interfaces)
    if (iequals(i.nameif, nameif)) return &i;
  return nullptr;
}

}  // namespace fwlint::asa
