// SPDX-License-Identifier: Apache-2.0
#include "fwlint/model/interval_set.h"

#include <gtest/gtest.h>

#include <random>
#include <set>

namespace fwlint {
namespace {

using Small = IntervalSet<std::uint8_t, 31>;

std::set<int> points(const Small& s) {
  std::set<int> out;
  for (int v = 0; v <= 31; ++v)
    if (s.contains(static_cast<std::uint8_t>(v))) out.insert(v);
  return out;
}

Small random_set(std::mt19937& rng) {
  Small s;
  int n = static_cast<int>(rng() % 4);
  for (int i = 0; i < n; ++i) {
    int a = static_cast<int>(rng() % 32), b = static_cast<int>(rng() % 32);
    s.add(static_cast<std::uint8_t>(std::min(a, b)), static_cast<std::uint8_t>(std::max(a, b)));
  }
  return s;
}

TEST(IntervalSet, AddMergesAdjacentAndOverlapping) {
  PortSet s;
  s.add(10, 20);
  s.add(21, 30);
  s.add(5, 6);
  s.add(7, 9);
  ASSERT_EQ(s.intervals().size(), 1u);
  EXPECT_EQ(s.intervals()[0].lo, 5);
  EXPECT_EQ(s.intervals()[0].hi, 30);
}

TEST(IntervalSet, WholeUdpRangeIsOneInterval) {
  PortSet s = PortSet::range(10000, 65535);
  EXPECT_EQ(s.intervals().size(), 1u);
  EXPECT_TRUE(s.contains(65535));
  EXPECT_FALSE(s.contains(9999));
  EXPECT_EQ(s.complement(), PortSet::range(0, 9999));
  EXPECT_TRUE(PortSet::all().complement().empty());
  EXPECT_TRUE(PortSet().complement().is_all());
}

TEST(IntervalSet, OperationsAgreeWithPointSets) {
  std::mt19937 rng(7);
  for (int i = 0; i < 2000; ++i) {
    Small a = random_set(rng), b = random_set(rng);
    auto pa = points(a), pb = points(b);
    std::set<int> u = pa, n, d, c;
    u.insert(pb.begin(), pb.end());
    for (int v : pa)
      if (pb.count(v)) n.insert(v); else d.insert(v);
    for (int v = 0; v <= 31; ++v)
      if (!pa.count(v)) c.insert(v);
    EXPECT_EQ(points(a.unite(b)), u);
    EXPECT_EQ(points(a.intersect(b)), n);
    EXPECT_EQ(points(a.subtract(b)), d);
    EXPECT_EQ(points(a.complement()), c);
    EXPECT_EQ(a.includes(b), std::includes(pa.begin(), pa.end(), pb.begin(), pb.end()));
    // Canonical form: equal point sets have equal representations.
    Small rebuilt;
    for (int v : u) rebuilt.add(static_cast<std::uint8_t>(v), static_cast<std::uint8_t>(v));
    EXPECT_EQ(rebuilt, a.unite(b));
  }
}

TEST(IntervalSet, Full128BitUniverse) {
  using V6 = IntervalSet<u128>;
  V6 all = V6::all();
  EXPECT_TRUE(all.is_all());
  V6 top = V6::single(~u128{0});
  EXPECT_TRUE(all.subtract(top).complement() == top);
}

}  // namespace
}  // namespace fwlint
