// SPDX-License-Identifier: Apache-2.0
/// \file
/// `table <name> [persist] [const] [counters] [{ … }] [file "…"]…` into a
/// PfTable, with the entries of the files it names when they can be read
/// (one or more addresses per line, `#` comments, `!` negation).
#pragma once

#include "frontends/pf/file_loader.h"
#include "frontends/pf/rule_model.h"
#include "frontends/pf/statement_site.h"

namespace fwlint::pf {

PfTable read_table(PfParser::TableStatementContext* ctx, const StatementSite& site, FileLoader& loader);

/// The addresses of a table file's text; problems are reported at their
/// line in `file_name` through `site` (whose statement names the file).
void read_table_file(std::string_view text, const std::string& file_name, const StatementSite& site,
                     PfTable& table);

}  // namespace fwlint::pf
