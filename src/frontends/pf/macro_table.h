// SPDX-License-Identifier: Apache-2.0
/// \file
/// pf.conf macros (`name = value`): one table for the main file and every
/// file it includes or loads, as in pfctl. A later definition replaces an
/// earlier one from then on.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>

namespace fwlint::pf {

class MacroTable {
 public:
  using Value = std::shared_ptr<const std::string>;

  void define(const std::string& name, std::string value) {
    values_[name] = std::make_shared<const std::string>(std::move(value));
  }
  /// The value of `name`, or null when it is not defined (yet). Shared, so
  /// an expansion in progress survives a redefinition.
  Value find(std::string_view name) const {
    auto it = values_.find(name);
    return it == values_.end() ? nullptr : it->second;
  }

 private:
  std::map<std::string, Value, std::less<>> values_;
};

}  // namespace fwlint::pf
