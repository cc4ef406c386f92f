// SPDX-License-Identifier: Apache-2.0
/// \file
/// The pf.conf frontend ("pf"): OpenBSD, FreeBSD and macOS packet filter
/// rulesets.
#pragma once

#include <string>
#include <string_view>

#include "fwlint/frontends/frontend.h"

namespace fwlint::pf {

class PfFrontend : public Frontend {
 public:
  std::string name() const override { return "pf"; }
  std::string description() const override { return "pf.conf (OpenBSD / FreeBSD / macOS packet filter)"; }
  int detect(std::string_view head) const override;
  ParseResult parse(const std::string& file_name, std::string_view content,
                    const PathOptions& options) const override;
  std::unique_ptr<CommentSyntax> comment_syntax(std::string_view content) const override;
  std::vector<std::string> permit_lines(std::string_view deciding_line,
                                        const PermitRequest& request) const override;
};

/// Confidence 0–100 that `head` (the start of a file) is a pf.conf.
int detect_pf(std::string_view head);

}  // namespace fwlint::pf
