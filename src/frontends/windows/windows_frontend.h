// SPDX-License-Identifier: Apache-2.0
/// \file
/// The Windows Defender Firewall frontend ("windows"): Group Policy and
/// RSoP report XML, registry.pol, .reg exports and rule-string files.
#pragma once

#include <string>
#include <string_view>

#include "fwlint/frontends/frontend.h"

namespace fwlint::windows {

class WindowsFrontend : public Frontend {
 public:
  std::string name() const override { return "windows"; }
  std::string description() const override {
    return "Windows Defender Firewall (Group Policy / RSoP report XML, registry.pol, .reg, rule strings)";
  }
  int detect(std::string_view head) const override;
  ParseResult parse(const std::string& file_name, std::string_view content,
                    const PathOptions& options) const override;
  std::unique_ptr<CommentSyntax> comment_syntax(std::string_view content) const override;
};

}  // namespace fwlint::windows
