// SPDX-License-Identifier: Apache-2.0
#include "lint_files.h"

#include <algorithm>
#include <atomic>
#include <thread>

#include "fwlint/util/input_reader.h"

namespace fwlint::cli {
namespace {

FileResult lint_one(const std::string& file, const LintOptions& options) {
  std::string content, error;
  if (!read_input(file, content, error, options.paths.limits.file_size)) {
    if (error.starts_with("file is larger") || error.starts_with("input is larger"))
      error += " (--limit file-size)";
    FileResult r;
    r.path = file;
    r.status = ParseStatus::Failed;
    Diagnostic d;
    d.id = finding_id::kUnreadableInput;
    d.severity = Severity::Error;
    d.message = error;
    r.diagnostics.push_back(std::move(d));
    return r;
  }
  return lint_content(file, content, options);
}

}  // namespace

std::vector<FileResult> lint_files(const std::vector<std::string>& files, const LintOptions& options,
                                   unsigned jobs) {
  std::vector<FileResult> results(files.size());
  jobs = std::max(1u, std::min<unsigned>(jobs, static_cast<unsigned>(files.size())));
  if (jobs == 1) {
    for (std::size_t i = 0; i < files.size(); ++i) results[i] = lint_one(files[i], options);
    return results;
  }
  // Each worker takes the next file; every result has its own slot, so no
  // lock is needed. The analysis keeps no mutable global state (the pf
  // parser's shared DFA is locked by the ANTLR runtime).
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < files.size(); i = next++) results[i] = lint_one(files[i], options);
  };
  std::vector<std::thread> workers;
  for (unsigned j = 1; j < jobs; ++j) workers.emplace_back(work);
  work();
  for (auto& w : workers) w.join();
  return results;
}

}  // namespace fwlint::cli
