// SPDX-License-Identifier: Apache-2.0
/// \file
/// The Cisco ASA running-config frontend ("asa").
#pragma once

#include <string>
#include <string_view>

#include "fwlint/frontends/frontend.h"

namespace fwlint::asa {

class AsaFrontend : public Frontend {
 public:
  std::string name() const override { return "asa"; }
  std::string description() const override { return "Cisco ASA running-config (show running-config)"; }
  int detect(std::string_view head) const override;
  ParseResult parse(const std::string& file_name, std::string_view content,
                    const PathOptions& options) const override;
  std::unique_ptr<CommentSyntax> comment_syntax(std::string_view content) const override;
  std::vector<std::string> permit_lines(std::string_view deciding_line,
                                        const PermitRequest& request) const override;
};

/// Confidence 0–100 that `head` is an ASA running-config (shared by
/// AsaFrontend::detect and the parse-time sanity check).
int detect_asa(std::string_view head);

}  // namespace fwlint::asa
