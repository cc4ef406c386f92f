// SPDX-License-Identifier: Apache-2.0
#include "fwlint/model/domain.h"

#include <cctype>

namespace fwlint {
namespace {

bool valid_label_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
}

/// Whether `name` equals `suffix` or ends with "." + suffix.
bool is_under(const std::string& name, const std::string& suffix, bool strictly) {
  if (name == suffix) return !strictly;
  return name.size() > suffix.size() && name.ends_with(suffix) &&
         name[name.size() - suffix.size() - 1] == '.';
}

}  // namespace

std::optional<DomainName> DomainName::parse(std::string_view text) {
  DomainName d;
  if (text.starts_with("*.")) {
    d.wildcard = true;
    text.remove_prefix(2);
  } else if (text.starts_with(".")) {
    d.wildcard = true;
    text.remove_prefix(1);
  }
  if (text.ends_with(".")) text.remove_suffix(1);
  if (text.empty() || text.size() > 253) return std::nullopt;
  std::size_t label = 0;
  for (char c : text) {
    if (c == '.') {
      if (label == 0) return std::nullopt;
      label = 0;
      d.name.push_back('.');
      continue;
    }
    if (!valid_label_char(c) || ++label > 63) return std::nullopt;
    d.name.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  if (label == 0) return std::nullopt;
  return d;
}

std::string DomainName::text() const { return wildcard ? "." + name : name; }

bool DomainName::covered_by(const DomainName& other) const {
  if (!other.wildcard) return !wildcard && name == other.name;
  // `.agora.io` stands for every host strictly below agora.io.
  if (wildcard) return is_under(name, other.name, /*strictly=*/false);
  return is_under(name, other.name, /*strictly=*/true);
}

}  // namespace fwlint
