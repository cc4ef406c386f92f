// SPDX-License-Identifier: Apache-2.0
// Files of a configuration: the main file, `include` (read in place, in the
// ruleset being filled, sharing macros), and `load anchor … from` (read
// after the file that names it, into the anchor). Every file is read
// through the FileLoader's checks; a chain of files longer than
// the include-depth limit or one that comes back to a file already in it stops
// there, reported at the statement that asked for it.
#include <algorithm>
#include <filesystem>

#include "frontends/common/input_check.h"
#include "frontends/pf/reader.h"
#include "fwlint/analysis/findings.h"

namespace fwlint::pf {
namespace {

std::string describe_chain(const std::vector<std::string>& chain, const std::string& last) {
  std::string out;
  for (const std::string& file : chain) out += file + " -> ";
  return out + last;
}

}  // namespace

PfReader::PfReader(const std::string& file_name, const PfReaderOptions& options, Diagnostics& diags)
    : diags_(diags),
      limits_(options.limits),
      loader_(file_name, options.include_dirs, options.limits),
      main_name_(file_name) {}

PfConfig PfReader::read(std::string_view content) {
  SourceFile main(main_name_, loader_.main_directory(), content, true);
  rulesets_ = {Ruleset{&config_.rules, "", {}}};
  read_file(main, Chain{FileLoader::identity(main_name_)});
  run_loads();
  return std::move(config_);
}

void PfReader::read_file(const SourceFile& file, const Chain& chain) {
  StatementScanner scanner(file, macros_, limits_);
  Statement st;
  std::size_t base = rulesets_.size();
  while (scanner.next(st)) {
    if (st.closes_block) {
      if (rulesets_.size() > base) {
        rulesets_.pop_back();
      } else {
        diags_.push_back(Diagnostic{finding_id::kUnrecognizedLine, Severity::Warning,
                                    file.location(st.start.line, st.start.column, st.start.column),
                                    "'}' closes no anchor block; it is ignored"});
      }
      continue;
    }
    ++summary_.statements;
    handle(file, st, chain);
  }
  while (rulesets_.size() > base) {
    diags_.push_back(Diagnostic{finding_id::kUnrecognizedLine, Severity::Error, rulesets_.back().opened,
                                "the block of anchor \"" + rulesets_.back().path +
                                    "\" is never closed; it ends with the file"});
    rulesets_.pop_back();
  }
}

/// How reports name an included file: relative to the working directory
/// when it lies below it (as the user named the main file), else absolute.
static std::string display_path(const std::string& canonical) {
  std::error_code ec;
  std::filesystem::path cwd = std::filesystem::current_path(ec);
  if (ec) return canonical;
  std::filesystem::path relative = std::filesystem::path(canonical).lexically_relative(cwd);
  std::string r = relative.generic_string();
  if (relative.empty() || r.starts_with("..")) return canonical;
  return r;
}

std::optional<SourceFile> PfReader::open_file(const std::string& name, const std::string& base_directory,
                                              std::string& error, std::string& identity) {
  std::optional<LoadedFile> loaded = loader_.load(name, base_directory, error);
  if (!loaded) return std::nullopt;
  InputCheck check = check_input(loaded->content);
  std::string text;
  switch (check.kind) {
    case InputKind::Binary: error = "it is not a text file (" + check.reason + ")"; return std::nullopt;
    case InputKind::Utf16:
      text = utf16_to_utf8(std::string_view(loaded->content).substr(check.text_start), check.big_endian);
      break;
    case InputKind::Empty: break;
    case InputKind::Text: text = loaded->content.substr(check.text_start); break;
  }
  identity = loaded->path;
  ++summary_.files;
  return SourceFile(display_path(loaded->path), loaded->directory, std::move(text), false);
}

void PfReader::include(const std::string& name, const StatementSite& site, const Statement& st,
                       const Chain& chain) {
  SourceLocation where = site.location();
  auto refuse = [&](const char* id, const std::string& why) {
    site.report(id, Severity::Error, where,
                "cannot include \"" + name + "\": " + why + "; its rules are unknown");
    add_unreadable(site, st, "include \"" + name + "\" could not be read");
  };
  if (chain.size() > limits_.include_depth) {
    refuse(finding_id::kUnreadableInput, "files are nested more than " +
                                             std::to_string(limits_.include_depth) +
                                             " deep (--limit include-depth)");
    return;
  }
  std::string error, identity;
  std::optional<SourceFile> file = open_file(name, site.file().directory(), error, identity);
  if (!file) {
    refuse(finding_id::kUnreadableInput, error);
    return;
  }
  if (std::find(chain.begin(), chain.end(), identity) != chain.end()) {
    // Its rules are already being read: pfctl would never finish.
    site.report(finding_id::kReferenceCycle, Severity::Error, where,
                "include cycle (" + describe_chain(chain, identity) + "); it is not included again");
    return;
  }
  Chain inner = chain;
  inner.push_back(identity);
  read_file(*file, inner);
}

void PfReader::queue_load(const std::string& anchor_name, const std::string& file_name,
                          const StatementSite& site, const Chain& chain) {
  loads_.push_back(LoadRequest{anchor_path(anchor_name), file_name, site.file().directory(),
                               site.location(), chain});
}

void PfReader::run_loads() {
  while (!loads_.empty()) {
    LoadRequest request = std::move(loads_.front());
    loads_.pop_front();
    auto refuse = [&](const char* id, const std::string& why) {
      diags_.push_back(Diagnostic{id, Severity::Warning, request.where,
                                  "anchor \"" + request.anchor_path +
                                      "\" is not loaded from \"" + request.file_name + "\": " + why +
                                      "; its rules are unknown"});
    };
    std::shared_ptr<PfAnchor> anchor = anchor_at(request.anchor_path, request.where);
    if (request.chain.size() > limits_.include_depth) {
      refuse(finding_id::kUnreadableInput, "files are nested more than " +
                                               std::to_string(limits_.include_depth) +
                                               " deep (--limit include-depth)");
      continue;
    }
    std::string error, identity;
    std::optional<SourceFile> file = open_file(request.file_name, request.base_directory, error, identity);
    if (!file) {
      refuse(finding_id::kUnreadableInput, error);
      continue;
    }
    if (std::find(request.chain.begin(), request.chain.end(), identity) != request.chain.end()) {
      refuse(finding_id::kReferenceCycle,
             "the file is already being read (" + describe_chain(request.chain, identity) + ")");
      continue;
    }
    anchor->inline_rules = true;
    anchor->loaded_at_runtime = false;
    rulesets_ = {Ruleset{&anchor->rules, request.anchor_path, request.where}};
    Chain inner = request.chain;
    inner.push_back(identity);
    read_file(*file, inner);
  }
}

// --- anchors ---------------------------------------------------------------

std::string PfReader::anchor_path(const std::string& name) const {
  if (name.starts_with("/")) return name.substr(1);
  const std::string& base = rulesets_.back().path;
  return base.empty() ? name : base + "/" + name;
}

std::shared_ptr<PfAnchor> PfReader::anchor_at(const std::string& path, const SourceLocation& where) {
  std::shared_ptr<PfAnchor>& anchor = anchors_[path];
  if (!anchor) {
    anchor = std::make_shared<PfAnchor>();
    anchor->name = path;
    anchor->loaded_at_runtime = true;  // until a block or a file gives its rules
    anchor->location = where;
  }
  return anchor;
}

void PfReader::open_block(std::shared_ptr<PfAnchor> anchor, const SourceLocation& where) {
  anchor->inline_rules = true;
  anchor->loaded_at_runtime = false;
  rulesets_.push_back(Ruleset{&anchor->rules, anchor->name, where});
}

}  // namespace fwlint::pf
