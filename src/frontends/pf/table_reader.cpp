// SPDX-License-Identifier: Apache-2.0
#include "frontends/pf/table_reader.h"

#include "frontends/common/input_check.h"
#include "frontends/pf/address_parser.h"
#include "frontends/pf/endpoint_reader.h"
#include "fwlint/analysis/findings.h"

namespace fwlint::pf {
namespace {

/// At most this many problems are reported per table file: a file of
/// garbage says so in a few lines.
constexpr int kMaxReportedFileProblems = 5;

void read_inline_entries(PfParser::TableEntriesContext* list, const StatementSite& site, PfTable& table) {
  EndpointReader reader(site);
  for (auto* entry : list->tableEntry()) {
    std::optional<PfAddress> a = reader.read_host(entry->host(), entry->NOT() != nullptr);
    if (!a) {  // reported; the table is now more than its readable entries
      table.unreadable_entries = true;
      continue;
    }
    if (a->kind == PfAddress::Kind::Table || a->kind == PfAddress::Kind::NoRoute ||
        a->kind == PfAddress::Kind::UrpfFailed) {
      site.report(finding_id::kUnrecognizedLine, Severity::Warning, a->location,
                  "'" + a->text + "' cannot be a table entry; it is ignored");
      table.unreadable_entries = true;
      continue;
    }
    table.entries.push_back(std::move(*a));
  }
}

void read_file_entries(const std::string& name, const StatementSite& site, FileLoader& loader, PfTable& table,
                       const SourceLocation& where) {
  std::string error;
  std::optional<LoadedFile> file = loader.load(name, site.file().directory(), error);
  if (!file) {
    table.files_read = false;
    site.report(finding_id::kUnreadableInput, Severity::Note, where,
                "table <" + table.name + ">: file \"" + name + "\" is not read (" + error +
                    "); the table's addresses from it are unknown");
    return;
  }
  InputCheck check = check_input(file->content);
  if (check.kind == InputKind::Binary || check.kind == InputKind::Utf16) {
    table.files_read = false;
    site.report(finding_id::kUnreadableInput, Severity::Warning, where,
                "table <" + table.name + ">: file \"" + name + "\" is not a text file (" + check.reason +
                    "); the table's addresses from it are unknown");
    return;
  }
  read_table_file(std::string_view(file->content).substr(check.text_start), name, site, table);
}

}  // namespace

void read_table_file(std::string_view text, const std::string& file_name, const StatementSite& site,
                     PfTable& table) {
  int problems = 0;
  std::uint32_t line = 0;
  for (std::size_t start = 0; start < text.size();) {
    ++line;
    std::size_t end = std::min(text.find('\n', start), text.size());
    std::string_view content = text.substr(start, end - start);
    start = end + 1;
    content = content.substr(0, content.find('#'));
    for (std::size_t i = 0; i < content.size();) {
      while (i < content.size() && (content[i] == ' ' || content[i] == '\t' || content[i] == '\r')) ++i;
      std::size_t word_start = i;
      while (i < content.size() && content[i] != ' ' && content[i] != '\t' && content[i] != '\r') ++i;
      std::string_view word = content.substr(word_start, i - word_start);
      if (word.empty()) continue;
      bool negated = word.front() == '!';
      if (negated) word.remove_prefix(1);
      std::size_t slash = word.find('/');
      std::optional<unsigned> prefix;
      if (slash != std::string_view::npos && slash + 1 < word.size() && word.size() - slash <= 4 &&
          word.substr(slash + 1).find_first_not_of("0123456789") == std::string_view::npos)
        prefix = static_cast<unsigned>(std::stoul(std::string(word.substr(slash + 1))));
      AddressResult r = parse_address_word(word.substr(0, prefix ? slash : word.size()), prefix);
      if (!r.address) {
        if (++problems <= kMaxReportedFileProblems)
          site.report(
              finding_id::kUnrecognizedLine, Severity::Warning, site.location(),
              "table <" + table.name + ">: " + file_name + " line " + std::to_string(line) + ": " + r.error);
        table.unreadable_entries = true;
        continue;
      }
      r.address->negated = negated;
      r.address->location = site.location();
      table.entries.push_back(std::move(*r.address));
    }
  }
}

PfTable read_table(PfParser::TableStatementContext* ctx, const StatementSite& site, FileLoader& loader) {
  PfTable table;
  table.name = site.value(ctx->tableRef()->name());
  table.location = site.location();
  table.files_read = true;
  for (auto* option : ctx->tableOption()) {
    if (dynamic_cast<PfParser::TablePersistContext*>(option)) {
      table.persist = true;
    } else if (dynamic_cast<PfParser::TableConstContext*>(option)) {
      table.is_const = true;
    } else if (auto* file = dynamic_cast<PfParser::TableFileContext*>(option)) {
      std::string name = site.value(file->text());
      table.files.push_back(name);
      read_file_entries(name, site, loader, table, site.location(file));
    } else if (auto* list = dynamic_cast<PfParser::TableEntriesContext*>(option)) {
      read_inline_entries(list, site, table);
    }
  }
  return table;
}

}  // namespace fwlint::pf
