// SPDX-License-Identifier: Apache-2.0
/// \file
/// Helpers for the pf reader tests: read inline pf.conf text into a
/// PfConfig with its diagnostics, write scratch files for include tests,
/// and look at rules and diagnostics.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "frontends/pf/pf_reader.h"
#include "frontends/pf/rule_model.h"
#include "fwlint/analysis/findings.h"

namespace fwlint::pf::test {

struct Read {
  PfConfig config;
  Diagnostics diags;
  ReadSummary summary;

  std::size_t count(const std::string& id) const {
    std::size_t n = 0;
    for (const Diagnostic& d : diags) n += d.id == id;
    return n;
  }
  const Diagnostic* first(const std::string& id) const {
    for (const Diagnostic& d : diags)
      if (d.id == id) return &d;
    return nullptr;
  }
  /// One line per diagnostic, for assertion messages.
  std::string dump() const {
    std::string s;
    for (const Diagnostic& d : diags)
      s += d.id + " " + std::to_string(d.where.line) + ":" + std::to_string(d.where.column) + " " +
           d.message + "\n";
    return s;
  }
  const PfRule& rule(std::size_t i) const { return config.rules.at(i); }
};

/// Reads `text` as the file `file_name` (its directory is the include root).
inline Read read(const std::string& text, const std::string& file_name = "test.conf",
                 const PfReaderOptions& options = {}) {
  Read r;
  r.config = read_pf_config(file_name, text, options, r.diags, &r.summary);
  return r;
}

/// A fresh directory under the system's temporary directory, removed when
/// the test ends.
class ScratchDir {
 public:
  ScratchDir() {
    static int counter = 0;
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = std::string("fwlint-pf-") + (info ? info->name() : "test") + "-" +
                       std::to_string(::getpid()) + "-" + std::to_string(++counter);
    path_ = std::filesystem::temp_directory_path() / name;
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  std::string path(const std::string& relative) const { return (path_ / relative).string(); }
  std::string write(const std::string& relative, const std::string& content) const {
    std::filesystem::path p = path_ / relative;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }

 private:
  std::filesystem::path path_;
};

}  // namespace fwlint::pf::test
