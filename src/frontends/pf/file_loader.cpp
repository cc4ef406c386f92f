// SPDX-License-Identifier: Apache-2.0
#include "frontends/pf/file_loader.h"

#include <fstream>
#include <system_error>

#include "frontends/pf/reader_options.h"

namespace fwlint::pf {
namespace fs = std::filesystem;

namespace {

/// The path with symbolic links and dot segments resolved as far as it
/// exists (so a link cannot lead out of a root unnoticed).
fs::path resolved(const fs::path& p) {
  std::error_code ec;
  fs::path r = fs::weakly_canonical(p, ec);
  return ec ? p.lexically_normal() : r;
}

bool starts_with(const fs::path& path, const fs::path& root) {
  auto p = path.begin();
  for (auto r = root.begin(); r != root.end(); ++r, ++p) {
    if (r->empty()) continue;  // a trailing separator
    if (p == path.end() || *p != *r) return false;
  }
  return true;
}

std::string megabytes(std::size_t bytes) { return std::to_string(bytes / (1024 * 1024)) + " MB"; }

}  // namespace

FileLoader::FileLoader(const std::string& main_file, const std::vector<std::string>& include_dirs,
                       const InputLimits& limits)
    : limits_(limits) {
  std::error_code ec;
  fs::path main(main_file);
  fs::path directory = main_file.empty() || main_file == "-" ? fs::current_path(ec) : main.parent_path();
  if (directory.empty()) directory = fs::current_path(ec);
  directory = resolved(fs::absolute(directory, ec));
  main_directory_ = directory.string();
  roots_.push_back(directory);
  for (const std::string& dir : include_dirs)
    if (!dir.empty()) roots_.push_back(resolved(fs::absolute(dir, ec)));
}

std::string FileLoader::identity(const std::string& file) {
  std::error_code ec;
  fs::path p = fs::canonical(file, ec);
  return ec ? file : p.string();
}

fs::path FileLoader::locate(const fs::path& requested, const std::string& base_directory) const {
  if (requested.is_absolute()) return resolved(requested);
  // Next to the file that names it first, then in the --include-dir roots
  // (a search path, as for a compiler's -I).
  fs::path first = resolved(fs::path(base_directory) / requested);
  std::error_code ec;
  if (fs::symlink_status(first, ec).type() != fs::file_type::not_found) return first;
  for (std::size_t i = 1; i < roots_.size(); ++i) {
    fs::path candidate = resolved(roots_[i] / requested);
    if (fs::symlink_status(candidate, ec).type() != fs::file_type::not_found) return candidate;
  }
  return first;
}

bool FileLoader::under_a_root(const fs::path& path) const {
  for (const fs::path& root : roots_)
    if (starts_with(path, root)) return true;
  return false;
}

std::optional<LoadedFile> FileLoader::load(std::string_view name, const std::string& base_directory,
                                           std::string& error) {
  if (name.empty()) {
    error = "the file name is empty";
    return std::nullopt;
  }
  std::error_code ec;
  fs::path path = locate(fs::path(name), base_directory);
  if (!under_a_root(path)) {
    error =
        "it is outside the directories configuration files are read from (the configuration's "
        "directory and --include-dir)";
    return std::nullopt;
  }
  fs::file_status status = fs::status(path, ec);
  if (ec || status.type() == fs::file_type::not_found) {
    error = "no such file";
    return std::nullopt;
  }
  if (status.type() == fs::file_type::directory) {
    error = "it is a directory";
    return std::nullopt;
  }
  if (status.type() != fs::file_type::regular) {
    error = "it is not a regular file (a device, FIFO or socket)";
    return std::nullopt;
  }
  std::uintmax_t size = fs::file_size(path, ec);
  if (ec) {
    error = "its size cannot be read";
    return std::nullopt;
  }
  if (size > limits_.include_size) {
    error = "it is larger than " + megabytes(limits_.include_size) + " (--limit include-size)";
    return std::nullopt;
  }
  if (files_ >= limits_.include_files || total_bytes_ + size > limits_.include_size) {
    error = "the configuration already read " + std::to_string(files_) + " other files (" +
            megabytes(total_bytes_) + "); with this one (" + megabytes(size) +
            ") it would pass --limit include-files or include-size";
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "it cannot be opened";
    return std::nullopt;
  }
  LoadedFile file;
  file.path = path.string();
  file.directory = path.parent_path().string();
  // Read at most the size checked above, plus one byte to notice growth.
  file.content.resize(static_cast<std::size_t>(size) + 1);
  in.read(file.content.data(), static_cast<std::streamsize>(file.content.size()));
  file.content.resize(static_cast<std::size_t>(in.gcount()));
  if (file.content.size() > size) {
    error = "it grew while being read";
    return std::nullopt;
  }
  ++files_;
  total_bytes_ += file.content.size();
  return file;
}

}  // namespace fwlint::pf
