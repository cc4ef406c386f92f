// SPDX-License-Identifier: Apache-2.0
/// \file
/// The reader's state while it reads one configuration (internal to the
/// reader; pf_reader.h is its interface). reader_files.cpp reads files,
/// includes and anchor files; reader_statements.cpp turns each statement
/// into the config.
#pragma once

#include <cstddef>
#include <deque>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "frontends/pf/file_loader.h"
#include "frontends/pf/macro_table.h"
#include "frontends/pf/pf_reader.h"
#include "frontends/pf/source_file.h"
#include "frontends/pf/statement_parser.h"
#include "frontends/pf/statement_scanner.h"
#include "frontends/pf/statement_site.h"

namespace fwlint::pf {

class PfReader {
 public:
  PfReader(const std::string& file_name, const PfReaderOptions& options, Diagnostics& diags);
  PfConfig read(std::string_view content);
  const ReadSummary& summary() const { return summary_; }

 private:
  /// A ruleset being filled: the main one or an anchor's.
  struct Ruleset {
    std::vector<PfRule>* rules;
    std::string path;       ///< anchor path, "" for the main ruleset
    SourceLocation opened;  ///< the `anchor … {` that opened it
  };
  /// `load anchor NAME from FILE`, done once the file naming it is read
  /// (pfctl loads anchors after parsing the main ruleset).
  struct LoadRequest {
    std::string anchor_path;
    std::string file_name;
    std::string base_directory;
    SourceLocation where;
    std::vector<std::string> chain;
  };
  /// The files that led to the one being read (canonical paths, main first).
  using Chain = std::vector<std::string>;

  // reader_files.cpp
  void read_file(const SourceFile& file, const Chain& chain);
  void include(const std::string& name, const StatementSite& site, const Statement& st, const Chain& chain);
  void queue_load(const std::string& anchor_name, const std::string& file_name, const StatementSite& site,
                  const Chain& chain);
  void run_loads();
  /// Loads `name` for an include or an anchor: nullopt with `error` set.
  std::optional<SourceFile> open_file(const std::string& name, const std::string& base_directory,
                                      std::string& error, std::string& identity);

  // reader_statements.cpp
  void handle(const SourceFile& file, const Statement& st, const Chain& chain);
  void handle_parsed(PfParser::StatementContext* tree, const StatementSite& site, const Statement& st,
                     const Chain& chain);
  void define_macro(PfParser::MacroStatementContext* ctx, const StatementSite& site);
  void add_table(PfParser::TableStatementContext* ctx, const StatementSite& site);
  void apply_set(PfParser::SetStatementContext* ctx, const StatementSite& site);
  void add_filter_rule(PfParser::FilterStatementContext* ctx, const StatementSite& site);
  void add_anchor_rule(PfParser::AnchorStatementContext* ctx, const StatementSite& site, const Statement& st);
  void add_legacy_translation(PfParser::LegacyTranslationStatementContext* ctx, const StatementSite& site);
  void add_rule(PfRule rule);
  /// Keeps a statement that could not be read in its ruleset, when it may
  /// have been a rule, as an unreadable rule.
  void add_unreadable(const StatementSite& site, const Statement& st, const std::string& reason);
  void ignore(std::string kind, const SourceLocation& where);

  // Anchors by path ("one", "one/two").
  std::shared_ptr<PfAnchor> anchor_at(const std::string& path, const SourceLocation& where);
  std::string anchor_path(const std::string& name) const;
  void open_block(std::shared_ptr<PfAnchor> anchor, const SourceLocation& where);

  Diagnostics& diags_;
  InputLimits limits_;
  FileLoader loader_;
  std::string main_name_;
  MacroTable macros_;
  StatementParser parser_;
  PfConfig config_;
  std::map<std::string, std::shared_ptr<PfAnchor>> anchors_;
  std::vector<Ruleset> rulesets_;
  std::deque<LoadRequest> loads_;
  std::string block_policy_ = "drop";
  std::size_t unnamed_anchors_ = 0;
  ReadSummary summary_;
};

}  // namespace fwlint::pf
