// SPDX-License-Identifier: Apache-2.0
#include "suggest.h"

#include <algorithm>
#include <cctype>

namespace fwlint::cli {
namespace {

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

/// Levenshtein distance with transpositions counted as one edit (a typo
/// such as "rmt-web" is one slip, not two).
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i)
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) && lower(a[i - 2]) == lower(b[j - 1]))
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}

}  // namespace

std::string closest(std::string_view typed, const std::vector<std::string>& candidates) {
  // Words longer than this are not names anyone types; skip the quadratic table.
  constexpr std::size_t kMaxLength = 64;
  if (typed.empty() || typed.size() > kMaxLength) return "";
  std::string best;
  std::size_t best_distance = 0;
  for (const auto& c : candidates) {
    if (c.size() > kMaxLength) continue;
    std::size_t distance = edit_distance(typed, c);
    std::size_t longer = std::max(typed.size(), c.size());
    if (distance == 0 || distance > 3 || distance * 3 > longer) continue;
    if (best.empty() || distance < best_distance) {
      best = c;
      best_distance = distance;
    }
  }
  return best;
}

std::string did_you_mean(std::string_view typed, const std::vector<std::string>& candidates) {
  std::string best = closest(typed, candidates);
  return best.empty() ? "" : " (did you mean '" + best + "'?)";
}

}  // namespace fwlint::cli
