// SPDX-License-Identifier: Apache-2.0
/// \file
/// Sets of unsigned integers kept as sorted, disjoint, non-adjacent closed
/// intervals. Every packet dimension (addresses, ports, protocols, domain
/// atoms) is one of these, so a rule naming 10000-65535 costs one interval,
/// never 55,536 points.
#pragma once

#include <algorithm>
#include <compare>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

namespace fwlint {

using u128 = unsigned __int128;

template <typename T>
struct Interval {
  T lo;
  T hi;  // inclusive
  friend auto operator<=>(const Interval&, const Interval&) = default;
};

/// A set over the universe [0, Max]. Operations keep the canonical form
/// (sorted, disjoint, gaps of at least one between intervals), so equality
/// of sets is equality of their interval vectors.
template <typename T, T Max = std::numeric_limits<T>::max()>
class IntervalSet {
 public:
  using value_type = T;
  using interval = Interval<T>;
  static constexpr T kMax = Max;

  IntervalSet() = default;
  static IntervalSet all() { return range(0, Max); }
  static IntervalSet single(T v) { return range(v, v); }
  /// [lo, hi], empty when lo > hi; hi is clamped to Max.
  static IntervalSet range(T lo, T hi) {
    IntervalSet s;
    if (hi > Max) hi = Max;
    if (lo <= hi) s.ivs_.push_back({lo, hi});
    return s;
  }

  bool empty() const { return ivs_.empty(); }
  bool is_all() const { return ivs_.size() == 1 && ivs_[0].lo == 0 && ivs_[0].hi == Max; }
  const std::vector<interval>& intervals() const { return ivs_; }

  bool contains(T v) const {
    auto it = std::upper_bound(ivs_.begin(), ivs_.end(), v,
                               [](T x, const interval& iv) { return x < iv.lo; });
    if (it == ivs_.begin()) return false;
    --it;
    return v <= it->hi;
  }

  /// Adds [lo, hi], merging with neighbours.
  void add(T lo, T hi) {
    if (hi > Max) hi = Max;
    if (lo > hi) return;
    std::vector<interval> out;
    out.reserve(ivs_.size() + 1);
    bool placed = false;
    for (const auto& iv : ivs_) {
      if (placed || (iv.hi != Max && iv.hi + 1 < lo)) {
        out.push_back(iv);
        continue;
      }
      if (hi != Max && hi + 1 < iv.lo) {
        out.push_back({lo, hi});
        out.push_back(iv);
        placed = true;
        continue;
      }
      lo = std::min(lo, iv.lo);
      hi = std::max(hi, iv.hi);
    }
    if (!placed) out.push_back({lo, hi});
    ivs_ = std::move(out);
  }
  void add(const IntervalSet& other) {
    if (ivs_.empty()) {
      ivs_ = other.ivs_;
      return;
    }
    *this = unite(other);
  }

  IntervalSet unite(const IntervalSet& o) const {
    IntervalSet r;
    std::size_t i = 0, j = 0;
    auto push = [&r](const interval& iv) {
      if (!r.ivs_.empty()) {
        auto& back = r.ivs_.back();
        if (back.hi == Max || iv.lo <= back.hi + 1) {
          back.hi = std::max(back.hi, iv.hi);
          return;
        }
      }
      r.ivs_.push_back(iv);
    };
    while (i < ivs_.size() || j < o.ivs_.size()) {
      if (j == o.ivs_.size() || (i < ivs_.size() && ivs_[i].lo <= o.ivs_[j].lo))
        push(ivs_[i++]);
      else
        push(o.ivs_[j++]);
    }
    return r;
  }

  IntervalSet intersect(const IntervalSet& o) const {
    IntervalSet r;
    std::size_t i = 0, j = 0;
    while (i < ivs_.size() && j < o.ivs_.size()) {
      T lo = std::max(ivs_[i].lo, o.ivs_[j].lo);
      T hi = std::min(ivs_[i].hi, o.ivs_[j].hi);
      if (lo <= hi) r.ivs_.push_back({lo, hi});
      if (ivs_[i].hi < o.ivs_[j].hi)
        ++i;
      else
        ++j;
    }
    return r;
  }

  IntervalSet complement() const {
    IntervalSet r;
    T next = 0;
    bool open = true;  // whether [next, ...] is still to be emitted
    for (const auto& iv : ivs_) {
      if (iv.lo > next) r.ivs_.push_back({next, static_cast<T>(iv.lo - 1)});
      if (iv.hi == Max) {
        open = false;
        break;
      }
      next = iv.hi + 1;
    }
    if (open) r.ivs_.push_back({next, Max});
    return r;
  }

  IntervalSet subtract(const IntervalSet& o) const { return intersect(o.complement()); }

  /// Whether the sets share a point (no allocation: used on hot paths).
  bool intersects(const IntervalSet& o) const {
    std::size_t i = 0, j = 0;
    while (i < ivs_.size() && j < o.ivs_.size()) {
      if (std::max(ivs_[i].lo, o.ivs_[j].lo) <= std::min(ivs_[i].hi, o.ivs_[j].hi)) return true;
      if (ivs_[i].hi < o.ivs_[j].hi)
        ++i;
      else
        ++j;
    }
    return false;
  }
  bool includes(const IntervalSet& o) const { return o.subtract(*this).empty(); }

  friend bool operator==(const IntervalSet&, const IntervalSet&) = default;

 private:
  std::vector<interval> ivs_;
};

using PortSet = IntervalSet<std::uint16_t>;
using ProtocolSet = IntervalSet<std::uint8_t>;
/// Addresses of one family: IPv4 uses [0, 2^32-1] of the same 128-bit space.
using AddressRangeSet = IntervalSet<u128>;
/// Indices into the list of required domains of a check.
using AtomSet = IntervalSet<std::uint32_t>;

}  // namespace fwlint
