// SPDX-License-Identifier: Apache-2.0
// Which .agora-fwlint.yaml applies to an input: the nearest one from the
// input's directory up to the filesystem root, like ruff and ShellCheck
// look for theirs. Every file is read and validated once per run.
#include <filesystem>
#include <map>
#include <system_error>

#include "fwlint/analysis/findings.h"
#include "fwlint/config/config.h"
#include "fwlint/util/input_reader.h"
#include "config/config_error.h"

namespace fwlint::config {
namespace {

namespace fs = std::filesystem;

fs::path absolute_of(const fs::path& p) {
  std::error_code ec;
  fs::path a = fs::absolute(p, ec);
  return (ec ? p : a).lexically_normal();
}

/// How messages name a configuration file: relative to the current
/// directory when it is below it, else absolute.
std::string shown_path(const fs::path& file) {
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  if (!ec) {
    fs::path rel = file.lexically_relative(cwd);
    if (!rel.empty() && *rel.begin() != "..") return rel.generic_string();
  }
  return file.generic_string();
}

/// The directory discovery starts from for `input`.
fs::path start_directory(const std::string& input) {
  std::error_code ec;
  if (input == "-") return absolute_of(fs::current_path(ec));
  fs::path dir = absolute_of(input).parent_path();
  return dir.empty() ? absolute_of(fs::current_path(ec)) : dir;
}

Diagnostic problem(const std::string& file, std::string message) {
  SourceLocation where;
  where.file = file;
  return config_error(std::move(where), std::move(message));
}

}  // namespace

std::string find_config_file(const std::string& input, const DiscoveryOptions& options) {
  if (!options.config_file.empty()) return options.config_file;
  if (options.disabled) return "";
  fs::path dir = start_directory(input);
  while (true) {
    fs::path candidate = dir / kFileName;
    std::error_code ec;
    // A directory or a broken link of that name is reported when read.
    if (fs::exists(fs::symlink_status(candidate, ec))) return candidate.string();
    fs::path parent = dir.parent_path();
    if (parent.empty() || parent == dir) return "";
    dir = parent;
  }
}

bool discover(const std::vector<std::string>& inputs, const DiscoveryOptions& options, InputConfigs& out,
              Diagnostics& diagnostics) {
  out = InputConfigs{};
  if (options.config_file == "-") {
    diagnostics.push_back(problem("-", "--config needs a file; standard input is for the firewall configuration"));
    return false;
  }
  std::map<std::string, const Config*> by_file;  // absolute path -> config
  std::map<fs::path, std::string> by_directory;  // start directory -> file found
  bool ok = true;
  for (const std::string& input : inputs) {
    std::string file;
    if (!options.config_file.empty() || options.disabled) {
      file = find_config_file(input, options);
    } else {
      fs::path dir = start_directory(input);
      auto cached = by_directory.find(dir);
      file = cached != by_directory.end() ? cached->second : find_config_file(input, options);
      by_directory.emplace(dir, file);
    }
    if (file.empty()) {
      out.per_input.push_back(nullptr);
      continue;
    }
    std::string key = absolute_of(file).string();
    if (auto it = by_file.find(key); it != by_file.end()) {
      out.per_input.push_back(it->second);
      continue;
    }
    // Shown as given for --config, else relative to the current directory.
    std::string shown = !options.config_file.empty() ? file : shown_path(absolute_of(file));
    std::string text, error;
    const Config* config = nullptr;
    if (!read_input(file, text, error, kMaxConfigBytes)) {
      diagnostics.push_back(problem(shown, "cannot read configuration file: " + error));
      ok = false;
    } else if (auto loaded = load_config(shown, absolute_of(file).parent_path().string(), text, diagnostics)) {
      out.files.push_back(std::make_shared<const Config>(std::move(*loaded)));
      config = out.files.back().get();
    } else {
      ok = false;
    }
    by_file.emplace(key, config);
    out.per_input.push_back(config);
  }
  return ok;
}

}  // namespace fwlint::config
