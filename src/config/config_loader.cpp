// SPDX-License-Identifier: Apache-2.0
// Reading .agora-fwlint.yaml with strict validation: every problem is an
// FWL110 error at the line and column of the offending key or value, in the
// style of the pack loader (FWL107).
#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "fwlint/analysis/findings.h"
#include "fwlint/config/config.h"
#include "fwlint/frontends/input_limits.h"
#include "fwlint/frontends/frontend.h"
#include "fwlint/model/address.h"
#include "fwlint/report/rule_catalog.h"
#include "fwlint/requirements/pack.h"
#include "config/config_error.h"
#include "util/yaml_screen.h"

namespace fwlint::config {
namespace {

const char* kind_of(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map: return "a mapping";
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Scalar: return "a string";
    default: return "nothing";
  }
}

/// A short quote of user text for a message.
std::string shown(std::string_view s) {
  constexpr std::size_t kMax = 60;
  std::string out;
  for (char c : s.substr(0, kMax)) out += static_cast<unsigned char>(c) < 0x20 ? '?' : c;
  if (s.size() > kMax) out += "...";
  return out;
}

const YamlScreenMessages kScreenMessages{
    "a configuration file must hold exactly one yaml document",
    "yaml aliases are not allowed in a configuration file",
    "yaml tags are not allowed in a configuration file",
};

class Loader {
 public:
  Loader(const std::string& path, std::string_view text, Diagnostics& diagnostics)
      : path_(path), text_(text), diagnostics_(diagnostics), lines_(yaml_source_lines(text_)) {}

  std::optional<Config> run(const std::string& directory);

 private:
  // --- places -------------------------------------------------------------------
  SourceLocation at(const YAML::Mark& m, std::size_t length = 0) const {
    SourceLocation loc;
    loc.file = path_;
    if (m.line < 0) {
      loc.line = 1;
      return loc;
    }
    loc.line = static_cast<std::uint32_t>(m.line) + 1;
    loc.column = static_cast<std::uint32_t>(std::max(m.column, 0)) + 1;
    if (length > 0) loc.end_column = loc.column + static_cast<std::uint32_t>(length) - 1;
    if (static_cast<std::size_t>(m.line) < lines_.size())
      loc.text = std::string(lines_[static_cast<std::size_t>(m.line)].substr(0, 512));
    return loc;
  }
  /// Where a node is; for a scalar written on one line, its text (inside
  /// quotes when quoted).
  SourceLocation at(const YAML::Node& node) const {
    YAML::Mark m = node.Mark();
    if (!node.IsScalar() || m.pos < 0) return at(m);
    const std::string& value = node.Scalar();
    auto pos = static_cast<std::size_t>(m.pos);
    if (value.find('\n') != std::string::npos) return at(m);
    std::size_t skip = pos < text_.size() && (text_[pos] == '"' || text_[pos] == '\'') && node.Tag() == "!" ? 1 : 0;
    if (text_.substr(std::min(pos + skip, text_.size()), value.size()) != value) return at(m);
    m.column += static_cast<int>(skip);
    return at(m, value.size());
  }

  void error(const SourceLocation& where, std::string message) {
    failed_ = true;
    diagnostics_.push_back(config_error(where, std::move(message)));
  }

  // --- values -------------------------------------------------------------------
  /// A non-empty string; reports and returns nullopt otherwise.
  std::optional<Located> string_of(const YAML::Node& node, const std::string& what) {
    if (!node.IsScalar()) {
      error(at(node), "expected " + what + ", found " + kind_of(node));
      return std::nullopt;
    }
    if (node.Scalar().empty()) {
      error(at(node), "expected " + what + ", found an empty string");
      return std::nullopt;
    }
    return Located{node.Scalar(), at(node)};
  }

  /// The value of `key` when it is a list of non-empty strings (or, with
  /// `scalar_ok`, one string); each item passes `check`, which reports.
  template <typename Check>
  std::optional<LocatedList> list_of(const YAML::Node& key, const YAML::Node& value, const std::string& what,
                                     const std::string& item_what, bool scalar_ok, Check check) {
    LocatedList list;
    list.where = at(key);
    const std::string name = key.Scalar();
    if (value.IsNull()) {
      error(at(key), "missing value for '" + name + "' (expected a list of " + what + ")");
      return std::nullopt;
    }
    std::vector<YAML::Node> items;
    if (value.IsScalar() && scalar_ok) {
      items.push_back(value);
    } else if (value.IsSequence()) {
      for (auto it = value.begin(); it != value.end(); ++it) items.push_back(*it);
    } else {
      error(at(value), "expected " + std::string(scalar_ok ? "one or a list of " : "a list of ") + what +
                           " for '" + name + "', found " + kind_of(value));
      return std::nullopt;
    }
    bool ok = true;
    for (const YAML::Node& item : items) {
      auto s = string_of(item, item_what);
      if (!s || !check(*s)) {
        ok = false;
        continue;
      }
      auto same = [&](const Located& l) { return l.value == s->value; };
      if (std::any_of(list.items.begin(), list.items.end(), same)) {
        error(s->where, "'" + shown(s->value) + "' is listed twice in '" + name + "'");
        ok = false;
        continue;
      }
      list.items.push_back(std::move(*s));
    }
    if (!ok) return std::nullopt;
    return list;
  }

  /// A finding id or slug, made canonical; reports unknown ones and those
  /// the configuration cannot change.
  bool finding_id_of(Located& id) {
    const RuleInfo* rule = find_rule(id.value);
    if (!rule) {
      error(id.where, "unknown finding id '" + shown(id.value) + "' (see agora-fwlint --list-rules)");
      return false;
    }
    if (rule->id == finding_id::kInvalidConfig || rule->id == finding_id::kInvalidPack) {
      error(id.where, rule->id + " cannot be changed by a configuration file: it is reported before "
                                 "the configuration applies");
      return false;
    }
    id.value = rule->id;
    return true;
  }

  static bool identifier_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.' || c == '@';
  }
  bool name_like(const Located& s, const std::string& what) {
    if (std::all_of(s.value.begin(), s.value.end(), identifier_char)) return true;
    error(s.where, "invalid " + what + " '" + shown(s.value) + "'");
    return false;
  }

  // --- keys -----------------------------------------------------------------------
  void read_dialect(const YAML::Node& key, const YAML::Node& value, Config& config) {
    auto dialect_of = [&](const YAML::Node& node) -> std::optional<Located> {
      auto d = string_of(node, "a dialect");
      if (!d) return std::nullopt;
      if (FrontendRegistry::instance().find(d->value)) return d;
      std::string known;
      for (const Frontend* f : FrontendRegistry::instance().all()) known += (known.empty() ? "" : ", ") + f->name();
      error(d->where, "unknown dialect '" + shown(d->value) + "' (" + known + ")");
      return std::nullopt;
    };
    if (value.IsScalar()) {
      if (auto d = dialect_of(value)) config.dialects.push_back({Located{"", at(key)}, *d});
      return;
    }
    if (!value.IsMap()) {
      error(value.IsNull() ? at(key) : at(value),
            value.IsNull() ? std::string("missing value for 'dialect' (expected a dialect, or a mapping "
                                         "of file patterns to dialects)")
                           : std::string("expected a dialect or a mapping of file patterns to dialects for "
                                         "'dialect', found ") + kind_of(value));
      return;
    }
    for (auto it = value.begin(); it != value.end(); ++it) {
      auto glob = string_of(it->first, "a file pattern");
      auto dialect = dialect_of(it->second);
      if (!glob || !dialect) continue;
      if (std::string problem = glob_problem(glob->value); !problem.empty()) {
        error(glob->where, "invalid file pattern '" + shown(glob->value) + "': " + problem);
        continue;
      }
      auto same = [&](const DialectOverride& o) { return o.glob.value == glob->value; };
      if (std::any_of(config.dialects.begin(), config.dialects.end(), same)) {
        error(glob->where, "duplicate file pattern '" + shown(glob->value) + "' in 'dialect'");
        continue;
      }
      config.dialects.push_back({std::move(*glob), std::move(*dialect)});
    }
  }

  /// What is wrong with a glob, or "".
  static std::string glob_problem(std::string_view glob) {
    int depth = 0;
    for (char c : glob) {
      if (c == '[') ++depth;
      else if (c == ']' && depth > 0) --depth;
    }
    if (depth > 0) return "unclosed '['";
    if (glob.find('\\') != std::string_view::npos) return "use '/' to separate directories";
    return "";
  }

  void read_severity(const YAML::Node& key, const YAML::Node& value, Config& config) {
    if (!value.IsMap()) {
      error(value.IsNull() ? at(key) : at(value),
            value.IsNull() ? std::string("missing value for 'severity' (expected a mapping of finding ids "
                                         "to error, warning, note or off)")
                           : std::string("expected a mapping of finding ids to error, warning, note or off "
                                         "for 'severity', found ") + kind_of(value));
      return;
    }
    for (auto it = value.begin(); it != value.end(); ++it) {
      auto id = string_of(it->first, "a finding id");
      if (!id || !finding_id_of(*id)) continue;
      auto level = string_of(it->second, "error, warning, note or off");
      if (!level) continue;
      SeverityOverride o{*id, std::nullopt, level->where};
      if (level->value == "error") o.severity = Severity::Error;
      else if (level->value == "warning") o.severity = Severity::Warning;
      else if (level->value == "note") o.severity = Severity::Note;
      else if (level->value != "off") {
        error(level->where, "unknown severity '" + shown(level->value) + "' (error, warning, note or off)");
        continue;
      }
      auto same = [&](const SeverityOverride& s) { return s.id.value == o.id.value; };
      if (std::any_of(config.severities.begin(), config.severities.end(), same)) {
        error(o.id.where, o.id.value + " is given a severity twice");
        continue;
      }
      config.severities.push_back(std::move(o));
    }
  }

  void read_limits(const YAML::Node& key, const YAML::Node& value, Config& config) {
    if (!value.IsMap()) {
      error(value.IsNull() ? at(key) : at(value),
            std::string("expected a mapping of limit names to numbers for 'limits'") +
                (value.IsNull() ? "" : std::string(", found ") + kind_of(value)));
      return;
    }
    InputLimits scratch;
    for (auto it = value.begin(); it != value.end(); ++it) {
      auto name = string_of(it->first, "a limit name");
      auto number = string_of(it->second, "a number");
      if (!name || !number) continue;
      std::string problem;
      if (!set_limit(scratch, name->value, number->value, problem)) {
        bool unknown_name = problem.starts_with("unknown limit");
        error(unknown_name ? name->where : number->where, problem + " (see docs/limits.md)");
        continue;
      }
      auto same = [&](const LimitOverride& l) { return l.name.value == name->value; };
      if (std::any_of(config.limits.begin(), config.limits.end(), same)) {
        error(name->where, "limit " + name->value + " is given twice");
        continue;
      }
      config.limits.push_back(LimitOverride{*name, *number});
    }
  }

  std::string path_;
  std::string_view text_;
  Diagnostics& diagnostics_;
  std::vector<std::string_view> lines_;
  bool failed_ = false;
};

std::optional<Config> Loader::run(const std::string& directory) {
  Config config;
  config.path = path_;
  config.directory = directory;
  if (text_.size() > kMaxConfigBytes) {
    error(at(YAML::Mark::null_mark()),
          "configuration file is larger than " + std::to_string(kMaxConfigBytes) + " bytes");
    return std::nullopt;
  }
  YAML::Node root;
  try {
    for (const auto& p : screen_yaml(text_, kScreenMessages)) error(at(p.mark), p.message);
    if (failed_) return std::nullopt;
    root = YAML::Load(std::string(text_));
  } catch (const YAML::Exception& e) {
    error(at(e.mark), "invalid yaml: " + e.msg);
    return std::nullopt;
  } catch (const std::exception& e) {
    error(at(YAML::Mark::null_mark()), std::string("invalid yaml: ") + e.what());
    return std::nullopt;
  }
  // An empty file (or one with comments only) sets nothing.
  if (!root.IsDefined() || root.IsNull()) return config;
  if (!root.IsMap()) {
    error(at(root), std::string("expected a mapping of options at the top level, found ") + kind_of(root));
    return std::nullopt;
  }
  std::vector<std::string> seen;
  for (auto it = root.begin(); it != root.end(); ++it) {
    const YAML::Node key = it->first;
    const YAML::Node value = it->second;
    if (!key.IsScalar()) {
      error(at(key), std::string("expected an option name, found ") + kind_of(key));
      continue;
    }
    const std::string& name = key.Scalar();
    if (std::find(std::begin(kKeys), std::end(kKeys), name) == std::end(kKeys)) {
      std::string known;
      for (auto k : kKeys) known += (known.empty() ? "" : ", ") + std::string(k);
      error(at(key), "unknown option '" + shown(name) + "' (known: " + known + ")");
      continue;
    }
    if (std::find(seen.begin(), seen.end(), name) != seen.end()) {
      error(at(key), "duplicate option '" + name + "'");
      continue;
    }
    seen.push_back(name);
    // A list that must name something when it is there at all.
    auto not_empty = [&](std::optional<LocatedList>& list, const char* leave_out) {
      if (list && list->items.empty()) {
        error(at(key), "'" + name + "' is an empty list (" + leave_out + ")");
        list.reset();
      }
    };
    if (name == "sdks") {
      config.sdks = list_of(key, value, "sdk ids", "an sdk id", false, [&](const Located& s) { return name_like(s, "sdk id"); });
      not_empty(config.sdks, "leave it out to check every sdk of the packs");
    } else if (name == "pack") {
      config.packs = list_of(key, value, "packs", "a pack", true, [&](const Located& s) { return name_like(s, "pack"); });
      not_empty(config.packs, "leave it out for the default pack");
    } else if (name == "sdk_version") {
      if (value.IsNull()) {
        error(at(key), "missing value for 'sdk_version' (expected a version such as \"4.4.0\")");
      } else if (auto v = string_of(value, "a version such as \"4.4.0\"")) {
        if (SdkVersion::parse(v->value))
          config.sdk_version = std::move(*v);
        else
          error(v->where, "invalid sdk version '" + shown(v->value) + "' (expected numbers separated by dots, "
                          "e.g. 4.4.0)");
      }
    } else if (name == "without") {
      config.without = list_of(key, value, "features", "a feature", false, [&](const Located& s) { return name_like(s, "feature"); });
    } else if (name == "dialect") {
      read_dialect(key, value, config);
    } else if (name == "sources") {
      config.sources = list_of(key, value, "addresses", "an address or CIDR", false, [&](const Located& s) {
        if (parse_cidr(s.value)) return true;
        error(s.where, "invalid source '" + shown(s.value) + "' (expected an address or CIDR, e.g. 192.168.1.0/24)");
        return false;
      });
      not_empty(config.sources, "leave it out for the networks behind the ingress interface");
    } else if (name == "severity") {
      read_severity(key, value, config);
    } else if (name == "ignore") {
      config.ignore = list_of(key, value, "finding ids", "a finding id", false,
                              [&](Located& id) { return finding_id_of(id); });
    } else if (name == "limits") {
      read_limits(key, value, config);
    }
  }
  // An id both ignored and given a severity is a contradiction.
  if (config.ignore)
    for (const SeverityOverride& s : config.severities)
      for (const Located& id : config.ignore->items)
        if (id.value == s.id.value)
          error(s.id.where, s.id.value + " is both ignored (line " + std::to_string(id.where.line) +
                                ") and given a severity");
  if (failed_) return std::nullopt;
  return config;
}

}  // namespace

std::optional<Config> load_config(const std::string& path, const std::string& directory, std::string_view text,
                                  Diagnostics& diagnostics) {
  return Loader(path, text, diagnostics).run(directory);
}

}  // namespace fwlint::config
