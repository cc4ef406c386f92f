// SPDX-License-Identifier: Apache-2.0
/// \file
/// Reading an input file (or standard input) whole, with the checks a
/// linter fed arbitrary paths needs: directories, unreadable files, size.
#pragma once

#include <cstddef>
#include <string>

namespace fwlint {

/// Largest input accepted by default (bytes).
inline constexpr std::size_t kMaxInputBytes = std::size_t{1} << 30;

/// Reads `path` ("-" = standard input) into `content`. On failure returns
/// false with a lower-case reason in `error` ("is a directory", …).
bool read_input(const std::string& path, std::string& content, std::string& error,
                std::size_t max_bytes = kMaxInputBytes);

}  // namespace fwlint
