// SPDX-License-Identifier: Apache-2.0
// The packs compiled into the binary from rules/*.yaml (cmake/embed_files.cmake).
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fwlint/requirements/pack.h"

namespace fwlint {

// Generated at build time: file name -> content of every rules/*.yaml.
extern const std::vector<std::pair<std::string_view, std::string_view>> fwlint_builtin_pack_files;

namespace {

[[noreturn]] void broken_builtin(const std::string& file, const std::string& why) {
  std::fprintf(stderr, "agora-fwlint: internal error: built-in pack rules/%s: %s\n", file.c_str(),
               why.c_str());
  std::abort();
}

std::vector<RequirementPack> load_builtin_packs() {
  std::vector<RequirementPack> packs;
  for (const auto& [name, content] : fwlint_builtin_pack_files) {
    const std::string file(name);
    Diagnostics diagnostics;
    auto pack = load_pack("rules/" + file, content, diagnostics);
    if (!pack) {
      std::string why;
      for (const auto& d : diagnostics)
        why += "\n  " + std::to_string(d.where.line) + ":" + std::to_string(d.where.column) + ": " +
               d.message;
      broken_builtin(file, "invalid pack" + why);
    }
    // One file per pack version, named after it, so a newer source is a
    // second file beside the old one.
    if (file != pack->name + "-" + pack->version + ".yaml")
      broken_builtin(file, "file name does not match '" + pack->name + "-" + pack->version +
                               ".yaml'");
    packs.push_back(std::move(*pack));
  }
  std::sort(packs.begin(), packs.end(), [](const RequirementPack& a, const RequirementPack& b) {
    return std::pair(a.name, a.version) < std::pair(b.name, b.version);
  });
  return packs;
}

}  // namespace

const std::vector<RequirementPack>& builtin_packs() {
  static const std::vector<RequirementPack> packs = load_builtin_packs();
  return packs;
}

}  // namespace fwlint
