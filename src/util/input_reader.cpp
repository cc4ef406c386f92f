// SPDX-License-Identifier: Apache-2.0
#include "fwlint/util/input_reader.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace fwlint {

bool read_input(const std::string& path, std::string& content, std::string& error,
                std::size_t max_bytes) {
  content.clear();
  bool is_stdin = path == "-";
  if (!is_stdin) {
    struct stat st {};
    if (stat(path.c_str(), &st) != 0) {
      error = std::strerror(errno);
      return false;
    }
    if (S_ISDIR(st.st_mode)) {
      error = "is a directory, not a file";
      return false;
    }
    if (S_ISREG(st.st_mode) && static_cast<std::size_t>(st.st_size) > max_bytes) {
      error = "file is larger than the limit of " + std::to_string(max_bytes) + " bytes";
      return false;
    }
    if (S_ISREG(st.st_mode)) content.reserve(static_cast<std::size_t>(st.st_size));
  }
  std::unique_ptr<FILE, int (*)(FILE*)> owned(nullptr, &std::fclose);
  FILE* f = stdin;
  if (!is_stdin) {
    owned.reset(std::fopen(path.c_str(), "rb"));
    if (!owned) {
      error = std::strerror(errno);
      return false;
    }
    f = owned.get();
  }
  // Read in chunks so devices and pipes (which report no size) stay bounded.
  char buf[1 << 16];
  while (true) {
    std::size_t n = std::fread(buf, 1, sizeof buf, f);
    if (n > 0) {
      if (content.size() + n > max_bytes) {
        error = "input is larger than the limit of " + std::to_string(max_bytes) + " bytes";
        content.clear();
        return false;
      }
      content.append(buf, n);
    }
    if (n < sizeof buf) {
      if (std::ferror(f)) {
        error = std::strerror(errno);
        return false;
      }
      break;
    }
  }
  return true;
}

}  // namespace fwlint
