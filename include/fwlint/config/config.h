// SPDX-License-Identifier: Apache-2.0
/// \file
/// `.agora-fwlint.yaml`: default options for the inputs below a directory
/// (docs/configuration.md). A configuration is read strictly: every problem
/// is an FWL110 error at its line and column, and a file with any problem
/// stops the run. Options given on the command line win over the file.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fwlint/model/diagnostic.h"

namespace fwlint {
struct LintOptions;
struct RequirementPack;
}  // namespace fwlint

namespace fwlint::config {

/// The name looked for in each input's directory and its parents.
inline constexpr std::string_view kFileName = ".agora-fwlint.yaml";
/// Largest configuration file read.
inline constexpr std::size_t kMaxConfigBytes = 1 << 20;
/// The keys of a configuration file, in the order --print-config shows them.
inline constexpr std::string_view kKeys[] = {"sdks",    "pack",    "sdk_version", "without",
                                             "dialect", "sources", "severity",    "ignore",
                                             "limits"};

/// A string of the file and where it is written (`where.file` is the file).
struct Located {
  std::string value;
  SourceLocation where;
};

/// A list-valued key: where the key is, and its items.
struct LocatedList {
  SourceLocation where;
  std::vector<Located> items;
};

/// `dialect`: files matching `glob` (relative to the file's directory; a
/// pattern without '/' matches the file name) are read as `dialect`. A
/// plain `dialect: NAME` is one override with an empty glob: every file.
struct DialectOverride {
  Located glob;
  Located dialect;
};

/// `severity: {ID: LEVEL}`; nullopt = `off`.
struct SeverityOverride {
  Located id;  ///< canonical id ("FWL004"), located where the key is written
  std::optional<Severity> severity;
  SourceLocation value_where;
};

/// `limits: {NAME: N}` (docs/limits.md).
struct LimitOverride {
  Located name;   ///< "line-length", located where the key is written
  Located value;  ///< as written: "128K"
};

struct Config {
  std::string path;       ///< the file, as messages name it
  std::string directory;  ///< absolute; globs are relative to it
  std::optional<LocatedList> sdks;
  std::optional<LocatedList> packs;  ///< key `pack`: one or a list
  std::optional<Located> sdk_version;
  std::optional<LocatedList> without;
  std::vector<DialectOverride> dialects;  ///< in file order; the first match wins
  std::optional<LocatedList> sources;
  std::vector<SeverityOverride> severities;
  std::optional<LocatedList> ignore;  ///< canonical ids
  std::vector<LimitOverride> limits;
};

/// Reads a configuration from `text`. `path` names the file in messages
/// and locations; `directory` is where its globs start. nullopt when the
/// file has any problem (each one in `diagnostics`, FWL110).
std::optional<Config> load_config(const std::string& path, const std::string& directory,
                                  std::string_view text, Diagnostics& diagnostics);

/// Reports, at their lines, pack names, SDK ids and feature names of
/// `config` that none of `packs` knows (a typo would otherwise be a usage
/// error without a place). False when there was any.
bool check_names(const Config& config, const std::vector<RequirementPack>& packs,
                 Diagnostics& diagnostics);

// --- discovery -----------------------------------------------------------------

struct DiscoveryOptions {
  std::string config_file;  ///< --config: every input uses this file
  bool disabled = false;    ///< --no-config
};

/// The configuration file of `input`: the --config file, else the nearest
/// `.agora-fwlint.yaml` in the input's directory or one of its parents (for
/// "-", standard input, from the current directory), up to the filesystem
/// root; "" when there is none or discovery is disabled.
std::string find_config_file(const std::string& input, const DiscoveryOptions& options);

/// The configurations of a run's inputs, each file read once.
struct InputConfigs {
  std::vector<std::shared_ptr<const Config>> files;  ///< distinct, in discovery order
  std::vector<const Config*> per_input;              ///< nullptr = none
};

/// Finds and reads the configuration of every input. False when one
/// cannot be read or is invalid (the problems are in `diagnostics`).
bool discover(const std::vector<std::string>& inputs, const DiscoveryOptions& options,
              InputConfigs& out, Diagnostics& diagnostics);

// --- applying ------------------------------------------------------------------

/// The options a configuration can set, spelled as on the command line.
struct Selection {
  std::vector<std::string> sdks;
  std::vector<std::string> packs;
  std::string sdk_version;
  std::vector<std::string> without;
  std::string dialect;
  std::vector<std::string> sources;
  std::vector<std::string> limits;  ///< "NAME=N" each, applied in order (the last wins)
  friend bool operator==(const Selection&, const Selection&) = default;
};

/// The options one input is checked with, and where each came from.
struct Effective {
  Selection selection;
  /// Per key of kKeys: "command line (--sdk)", "FILE:LINE:COL" or "" (the
  /// default).
  std::map<std::string, std::string> origin;
  std::map<std::string, std::optional<Severity>> severities;  ///< nullopt = off / ignored
  std::map<std::string, std::string> severity_origin;         ///< id -> "FILE:LINE:COL"
  /// Where each limit that is set comes from: "FILE:LINE:COL" or
  /// "command line (--limit)"; the selection's limits hold the file's first.
  std::map<std::string, std::string> limit_origin;
};

/// `command_line` with every option it leaves unset taken from `config`
/// (nullptr = none) for `input`; the command line wins key by key.
Effective merge(const Selection& command_line, const Config* config, const std::string& input);

/// Whether `pattern` (a `dialect` glob) matches `input`, given the
/// directory the pattern is relative to.
bool glob_applies(std::string_view pattern, const std::string& input, const std::string& directory);

/// `*` (not across '/'), `**` (across), `?` and `[...]` on a '/'-separated
/// path; the whole path must match.
bool glob_match(std::string_view pattern, std::string_view path);

/// Writes, as YAML, the configuration one input is checked with and where
/// every value came from (--print-config); `options` resolves the defaults.
void write_effective(std::ostream& out, const std::string& input, const Config* config,
                     const Effective& effective, const LintOptions& options);

/// "FILE:LINE:COL" of a located value.
std::string origin_of(const SourceLocation& where);

}  // namespace fwlint::config
