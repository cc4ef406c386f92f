// SPDX-License-Identifier: Apache-2.0
/// \file
/// A registry of named plugins (frontends, checks) that register themselves
/// at static-initialization time, as clang-tidy's modules do.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

namespace fwlint {

/// `T` must have `std::string name() const`.
template <typename T>
class Registry {
 public:
  static Registry& instance() {
    static Registry registry;
    return registry;
  }
  void add(std::unique_ptr<T> plugin) { plugins_.push_back(std::move(plugin)); }
  const T* find(std::string_view name) const {
    for (const auto& p : plugins_)
      if (p->name() == name) return p.get();
    return nullptr;
  }
  std::vector<const T*> all() const {
    std::vector<const T*> out;
    for (const auto& p : plugins_) out.push_back(p.get());
    return out;
  }

 private:
  std::vector<std::unique_ptr<T>> plugins_;
};

/// Registers a plugin of type `Impl` into Registry<Base>:
///   static Registration<Frontend, AsaFrontend> registration;
template <typename Base, typename Impl>
struct Registration {
  Registration() { Registry<Base>::instance().add(std::make_unique<Impl>()); }
};

}  // namespace fwlint
