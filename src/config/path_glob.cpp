// SPDX-License-Identifier: Apache-2.0
// File patterns of `dialect` overrides: gitignore-like globs relative to
// the configuration file's directory.
#include <filesystem>
#include <vector>

#include "fwlint/config/config.h"

namespace fwlint::config {
namespace {

namespace fs = std::filesystem;

/// Matches `[...]` at pattern[p] against c; sets `end` past the `]`.
/// `[!x]` and `[^x]` negate; `a-z` is a range.
bool class_matches(std::string_view pattern, std::size_t p, char c, std::size_t& end) {
  std::size_t i = p + 1;
  bool negate = i < pattern.size() && (pattern[i] == '!' || pattern[i] == '^');
  if (negate) ++i;
  bool found = false;
  bool first = true;
  for (; i < pattern.size() && (first || pattern[i] != ']'); ++i, first = false) {
    char lo = pattern[i];
    char hi = lo;
    if (i + 2 < pattern.size() && pattern[i + 1] == '-' && pattern[i + 2] != ']') {
      hi = pattern[i + 2];
      i += 2;
    }
    if (c >= lo && c <= hi) found = true;
  }
  end = i + 1;
  return found != negate && c != '/';
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
  // Dynamic programming over (pattern position, path position): linear in
  // their product, whatever the pattern (no exponential backtracking).
  const std::size_t P = pattern.size(), S = path.size();
  std::vector<char> memo((P + 1) * (S + 1), -1);
  auto at = [&](std::size_t p, std::size_t s) -> char& { return memo[p * (S + 1) + s]; };
  // Iterative from the end: match(p, s) = pattern[p..] matches path[s..].
  for (std::size_t p = P + 1; p-- > 0;) {
    for (std::size_t s = S + 1; s-- > 0;) {
      bool m;
      if (p == P) {
        m = s == S;
      } else if (pattern[p] == '*') {
        bool double_star = p + 1 < P && pattern[p + 1] == '*';
        if (double_star) {
          std::size_t next = p + 2;
          // `**/` also matches no directory at all.
          bool slash = next < P && pattern[next] == '/';
          m = at(next, s) == 1 || (slash && at(next + 1, s) == 1) || (s < S && at(p, s + 1) == 1);
        } else {
          m = at(p + 1, s) == 1 || (s < S && path[s] != '/' && at(p, s + 1) == 1);
        }
      } else if (s == S) {
        m = false;
      } else if (pattern[p] == '?') {
        m = path[s] != '/' && at(p + 1, s + 1) == 1;
      } else if (pattern[p] == '[') {
        std::size_t end = p;
        m = class_matches(pattern, p, path[s], end) && end <= P && at(end, s + 1) == 1;
      } else {
        m = pattern[p] == path[s] && at(p + 1, s + 1) == 1;
      }
      at(p, s) = m ? 1 : 0;
    }
  }
  return at(0, 0) == 1;
}

bool glob_applies(std::string_view pattern, const std::string& input, const std::string& directory) {
  if (pattern.empty()) return true;  // `dialect: NAME`: every file
  if (input == "-") return false;    // standard input has no path
  std::error_code ec;
  fs::path absolute = fs::absolute(input, ec).lexically_normal();
  if (pattern.starts_with("./")) pattern.remove_prefix(2);
  else if (pattern.starts_with("/")) pattern.remove_prefix(1);
  // Without '/', a pattern is about the file name, in any directory.
  if (pattern.find('/') == std::string_view::npos)
    return glob_match(pattern, absolute.filename().generic_string());
  fs::path relative = absolute.lexically_relative(fs::path(directory));
  if (relative.empty() || *relative.begin() == "..") return false;
  return glob_match(pattern, relative.generic_string());
}

}  // namespace fwlint::config
