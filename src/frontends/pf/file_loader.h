// SPDX-License-Identifier: Apache-2.0
/// \file
/// Reads the files a configuration names (`include`, `load anchor … from`,
/// table `file`), and only those it may: regular files under the allowed
/// roots (the main file's directory and --include-dir), no larger than
/// the include-size limit, within the include-files and include-size
/// budget for the whole configuration.
/// Devices, FIFOs and directories are refused before they are opened, so a
/// hostile name cannot block or feed endless bytes.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fwlint/frontends/input_limits.h"

namespace fwlint::pf {

struct LoadedFile {
  std::string path;       ///< canonical path (identifies the file in cycles)
  std::string directory;  ///< its directory, for the names inside it
  std::string content;
};

class FileLoader {
 public:
  /// `main_file` locates the first root; `include_dirs` are the others.
  FileLoader(const std::string& main_file, const std::vector<std::string>& include_dirs,
             const InputLimits& limits);

  /// The directory of the main file (relative names in it start there).
  const std::string& main_directory() const { return main_directory_; }
  /// Canonical path of `file` when it exists, else `file` as given.
  static std::string identity(const std::string& file);

  /// Reads `name` (see locate()). nullopt
  /// with `error` set (a reason in lower case) when it may not or cannot be
  /// read.
  std::optional<LoadedFile> load(std::string_view name, const std::string& base_directory,
                                 std::string& error);

 private:
  /// Where `requested` is: absolute as is; relative next to the file that
  /// names it, else in the first include root that has it.
  std::filesystem::path locate(const std::filesystem::path& requested,
                               const std::string& base_directory) const;
  bool under_a_root(const std::filesystem::path& path) const;

  std::string main_directory_;
  std::vector<std::filesystem::path> roots_;
  InputLimits limits_;
  std::size_t total_bytes_ = 0;
  std::size_t files_ = 0;
};

}  // namespace fwlint::pf
