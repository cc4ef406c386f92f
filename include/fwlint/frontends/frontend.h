// SPDX-License-Identifier: Apache-2.0
/// \file
/// The interface every input dialect implements, and the registry they
/// register themselves in (one folder under src/frontends/ + one
/// registration per dialect).
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fwlint/frontends/comment_syntax.h"
#include "fwlint/frontends/input_limits.h"
#include "fwlint/frontends/permit_lines.h"
#include "fwlint/model/diagnostic.h"
#include "fwlint/model/policy.h"
#include "fwlint/util/registry.h"

namespace fwlint {

/// Where the clients are relative to the device (`--mode`).
enum class PathMode {
  Auto,     ///< the frontend decides, or checks both and labels each path
  Host,     ///< clients are the device itself
  Gateway,  ///< clients are behind the device
};

/// What the user said about the traffic to check, in dialect-neutral terms.
struct PathOptions {
  PathMode mode = PathMode::Auto;
  std::vector<std::string> from_interfaces;  ///< empty = the frontend's default
  std::string to_interface;                  ///< empty = the frontend's default
  bool ipv6 = false;                         ///< evaluate IPv6 as well as IPv4
  /// Directories besides the input's own from which it may read other files
  /// (pf `include`, `load anchor … from`, table `file`).
  std::vector<std::string> include_dirs;
  /// Windows: the profiles to check ("domain", "private", "public"); empty = all three.
  std::vector<std::string> profiles;
  /// Windows: the program that runs the SDK (`--app`) and the service it
  /// runs as (`--service`); empty = any program, so program-scoped rules
  /// are conditional.
  std::string program;
  std::string service;
  /// Bounds on what one input may cost (docs/limits.md).
  InputLimits limits;
};

enum class ParseStatus { Ok, Partial, Failed };

const char* parse_status_name(ParseStatus s);

struct ParseResult {
  Policy policy;
  Diagnostics diagnostics;
  /// Partial: some lines were not understood; Failed: nothing usable.
  ParseStatus status = ParseStatus::Ok;
};

class Frontend {
 public:
  virtual ~Frontend() = default;
  /// Stable dialect id used by --dialect ("asa", "iptables", "pf", "windows").
  virtual std::string name() const = 0;
  virtual std::string description() const = 0;
  /// Confidence 0–100 that `head` (the first few KB of a file) is this dialect.
  virtual int detect(std::string_view head) const = 0;
  virtual ParseResult parse(const std::string& file_name, std::string_view content,
                            const PathOptions& options) const = 0;

  /// How `content` (the raw input) writes comments, for suppression
  /// directives; nullptr when it cannot hold any.
  virtual std::unique_ptr<CommentSyntax> comment_syntax(std::string_view content) const = 0;

  /// Config lines that let `request` through when inserted right before
  /// `deciding_line` (the text of a line that blocks it), without the line's
  /// indentation; empty when the dialect has no such line there.
  virtual std::vector<std::string> permit_lines(std::string_view deciding_line,
                                                const PermitRequest& request) const {
    (void)deciding_line;
    (void)request;
    return {};
  }
};

using FrontendRegistry = Registry<Frontend>;

/// The most confident registered frontend for `head` (the first KB of a
/// file), or nullptr when none reaches the threshold.
const Frontend* detect_frontend(std::string_view head);

/// Registers a frontend at static-initialization time:
///   static FrontendRegistration<AsaFrontend> registration;
template <typename T>
using FrontendRegistration = Registration<Frontend, T>;

}  // namespace fwlint
