// SPDX-License-Identifier: Apache-2.0
/// \file
/// The iptables-save / ip6tables-save frontend ("iptables").
#pragma once

#include <string>
#include <string_view>

#include "fwlint/frontends/frontend.h"

namespace fwlint::iptables {

class IptablesFrontend : public Frontend {
 public:
  std::string name() const override { return "iptables"; }
  std::string description() const override { return "iptables-save / ip6tables-save dump"; }
  int detect(std::string_view head) const override;
  ParseResult parse(const std::string& file_name, std::string_view content,
                    const PathOptions& options) const override;
  std::unique_ptr<CommentSyntax> comment_syntax(std::string_view content) const override;
  std::vector<std::string> permit_lines(std::string_view deciding_line,
                                        const PermitRequest& request) const override;
};

/// Confidence 0–100 that `head` is an iptables-save dump.
int detect_iptables(std::string_view head);

}  // namespace fwlint::iptables
