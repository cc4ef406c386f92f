// SPDX-License-Identifier: Apache-2.0
/// \file
/// The pf.conf reader: reads a configuration and the files it includes or
/// loads into a PfConfig, statement by statement (never a whole-file parse
/// tree). Anything it cannot read is reported with its file:line:col, and a
/// rule it cannot read stays in its ruleset as an unreadable rule.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "frontends/pf/reader_options.h"
#include "frontends/pf/rule_model.h"
#include "fwlint/model/diagnostic.h"

namespace fwlint::pf {

/// How much of the input the reader understood.
struct ReadSummary {
  std::size_t statements = 0;  ///< statements seen, in every file
  std::size_t understood = 0;  ///< statements parsed without a problem
  std::size_t files = 1;       ///< files read (the main file included)
};

/// Reads `content`, the text of `file_name` (UTF-8; the frontend converts
/// other encodings first). Relative names in it are resolved against
/// `file_name`'s directory.
PfConfig read_pf_config(const std::string& file_name, std::string_view content,
                        const PfReaderOptions& options, Diagnostics& diags, ReadSummary* summary = nullptr);

}  // namespace fwlint::pf
