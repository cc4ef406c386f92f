// SPDX-License-Identifier: Apache-2.0
/// \file
/// The items of a `{ … }` list of the grammar in written order, nested
/// lists (a macro holding a list, used inside a list) flattened as pfctl
/// does. The scanner bounds the nesting, so the recursion is shallow.
#pragma once

#include <vector>

namespace fwlint::pf {

/// `item_of(list)` is the list's single item (or null when it is a
/// `{ … }`), `sublists_of(list)` the lists inside its braces.
template <typename List, typename ItemOf, typename SublistsOf>
auto list_items(List* list, ItemOf item_of, SublistsOf sublists_of) {
  std::vector<decltype(item_of(list))> out;
  auto walk = [&](auto& self, List* l) -> void {
    if (l == nullptr) return;
    if (auto* item = item_of(l)) {
      out.push_back(item);
      return;
    }
    for (List* sub : sublists_of(l)) self(self, sub);
  };
  walk(walk, list);
  return out;
}

}  // namespace fwlint::pf
