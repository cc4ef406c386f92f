// SPDX-License-Identifier: Apache-2.0
/// \file
/// Reads the options of one rule line (everything after `-A CHAIN`) into a
/// PendingRule: its Match, its target, and why it is unknown when it is.
#pragma once

#include <cstddef>
#include <vector>

#include "frontends/common/line_reader.h"
#include "frontends/iptables/dump_model.h"
#include "frontends/iptables/line_tokenizer.h"
#include "fwlint/model/diagnostic.h"

namespace fwlint::iptables {

/// Reads `words[first..]` into `rule`. Options whose effect is not modeled
/// make the rule unknown (with the option in the reason), never disappear;
/// options iptables does not know are also reported on `line`.
void read_rule_options(const SourceLine& line, std::vector<Word> words, std::size_t first, PendingRule& rule,
                       Diagnostics& diags);

}  // namespace fwlint::iptables
