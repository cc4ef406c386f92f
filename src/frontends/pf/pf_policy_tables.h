// SPDX-License-Identifier: Apache-2.0
/// \file
/// What a `<table>` holds as far as pf.conf tells: its listed entries with
/// pf's most-specific-entry rule for `!` entries, and whether anything else
/// may be in it at run time (a file not read, a table filled by pfctl or
/// `overload`, an interface's addresses).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "frontends/pf/rule_model.h"
#include "fwlint/model/address.h"
#include "fwlint/model/diagnostic.h"
#include "fwlint/model/domain.h"

namespace fwlint::pf {

struct TableContents {
  IpSet addresses;                ///< addresses the listed entries certainly match
  std::vector<DomainName> names;  ///< host names listed (pfctl resolves them when loading)
  /// Non-empty when the table may match addresses pf.conf does not list.
  std::string unknown_reason;
};

/// Resolves tables by name once each, and says once per table how it was
/// taken (a FWL105 note at its definition).
class TableResolver {
 public:
  TableResolver(const std::vector<PfTable>& tables, Diagnostics& diags);

  /// The contents of `<name>` (written without the angle brackets), first
  /// used at `used_at`.
  const TableContents& contents(const std::string& name, const SourceLocation& used_at);

 private:
  TableContents resolve(const std::string& name, const SourceLocation& used_at);

  std::map<std::string, const PfTable*> tables_;
  std::map<std::string, TableContents> resolved_;
  Diagnostics& diags_;
};

/// The entries of `table` with pf's lookup rule: an address matches when
/// its most specific entry is not negated. Entries the model cannot hold
/// (interfaces, negated names) set `unknown_reason`.
TableContents listed_contents(const PfTable& table);

}  // namespace fwlint::pf
