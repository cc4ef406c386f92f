// SPDX-License-Identifier: Apache-2.0
// Loading a requirement pack from YAML, with strict validation: every
// problem is an FWL107 error located at the exact line and column of the
// offending key, value or token (rules/README.md documents the format).
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fwlint/requirements/pack.h"
#include "requirements/pack_format.h"
#include "util/yaml_screen.h"

namespace fwlint {
namespace {

namespace pf = pack_format;

constexpr const char* kInvalidPackId = "FWL107";

/// 0-based position as yaml-cpp reports it, plus an optional 1-based
/// inclusive end column.
struct Pos {
  int line = -1;
  int column = -1;
  std::uint32_t end_column = 0;
};

Pos pos_of(const YAML::Mark& m) { return {m.line, m.column, 0}; }

const char* kind_of(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map:
      return "a mapping";
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Scalar:
      return "a string";
    default:
      return "nothing";
  }
}

const YamlScreenMessages kScreenMessages{
    "a pack file must hold exactly one yaml document",
    "yaml aliases are not allowed in packs",
    "yaml tags are not allowed in packs",
};

/// How messages name an sdk or a cloud proxy mode: "<kind> '<id>'" when its
/// mapping holds a valid id, `unnamed` otherwise. The id is looked up before
/// the keys are read, so that every message about the entry names it, even
/// one about a key written above the id.
std::string named_context(const YAML::Node& map, const std::string& kind,
                          const std::string& unnamed) {
  for (auto it = map.begin(); it != map.end(); ++it)
    if (it->first.IsScalar() && it->first.Scalar() == "id" && it->second.IsScalar() &&
        pf::valid_identifier(it->second.Scalar()))
      return kind + " '" + it->second.Scalar() + "'";
  return unnamed;
}

/// A key of a mapping and its value.
using Field = std::pair<YAML::Node, YAML::Node>;

/// The entries of one mapping after unknown and duplicate keys were reported.
struct Fields {
  YAML::Node map;
  std::vector<std::pair<std::string, Field>> entries;

  const Field* get(std::string_view key) const {
    for (const auto& e : entries)
      if (e.first == key) return &e.second;
    return nullptr;
  }
};

/// What a string value must look like, and how a message says it does not:
/// "invalid <what> '<value>' (<expected>)".
struct Format {
  std::string_view what;
  bool (*valid)(std::string_view);
  std::string_view expected;
};

/// Pack names, sdk and mode ids, aliases, feature names, regions, services.
constexpr Format identifier(std::string_view what) {
  return {what, pf::valid_identifier, "expected lower-case letters, digits and '-'"};
}
constexpr Format kPackVersion{"pack version", pf::valid_pack_version,
                              "expected YYYY-MM or YYYY-MM-DD"};
constexpr Format kDate{"date", pf::valid_date, "expected YYYY-MM-DD"};

std::string invalid(std::string_view what, std::string_view value, std::string_view expected) {
  return "invalid " + std::string(what) + " '" + pf::shown(value) + "' (" +
         std::string(expected) + ")";
}

class Loader {
 public:
  Loader(std::string_view text, Diagnostics& diagnostics)
      : text_(text), diagnostics_(diagnostics), lines_(yaml_source_lines(text_)) {}

  std::optional<RequirementPack> run();

 private:
  // --- reporting ------------------------------------------------------------
  void error(Pos p, std::string message) {
    failed_ = true;
    Diagnostic d;
    d.id = kInvalidPackId;
    d.severity = Severity::Error;
    if (p.line >= 0) {
      d.where.line = static_cast<std::uint32_t>(p.line) + 1;
      d.where.column = static_cast<std::uint32_t>(std::max(p.column, 0)) + 1;
      d.where.end_column = p.end_column;
      if (static_cast<std::size_t>(p.line) < lines_.size())
        d.where.text = std::string(lines_[static_cast<std::size_t>(p.line)]);
    }
    d.message = std::move(message);
    diagnostics_.push_back(std::move(d));
  }

  /// Position of characters [offset, offset+length) of a scalar's value.
  /// Exact when the value stands verbatim on one line of the source (plain
  /// or simply quoted); otherwise the position of the scalar itself.
  Pos pos_in(const YAML::Node& scalar, std::size_t offset, std::size_t length) const {
    YAML::Mark m = scalar.Mark();
    Pos p = pos_of(m);
    if (!scalar.IsScalar() || m.pos < 0) return p;
    const std::string& value = scalar.Scalar();
    if (value.find('\n') != std::string::npos) return p;
    auto at = static_cast<std::size_t>(m.pos);
    std::size_t skip = 0;
    if (at < text_.size() && (text_[at] == '"' || text_[at] == '\'') && scalar.Tag() == "!") skip = 1;
    if (text_.substr(std::min(at + skip, text_.size()), value.size()) != value) return p;
    p.column += static_cast<int>(skip + offset);
    if (length > 0) p.end_column = static_cast<std::uint32_t>(p.column + static_cast<int>(length));
    return p;
  }
  Pos pos_of_scalar(const YAML::Node& scalar) const {
    return scalar.IsScalar() ? pos_in(scalar, 0, scalar.Scalar().size()) : pos_of(scalar.Mark());
  }

  // --- structure --------------------------------------------------------------
  Fields read_map(const YAML::Node& map, std::span<const std::string_view> allowed,
                  const std::string& context) {
    Fields fields;
    fields.map = map;
    for (auto it = map.begin(); it != map.end(); ++it) {
      const YAML::Node key = it->first;
      if (!key.IsScalar()) {
        error(pos_of(key.Mark()), "expected a plain key in " + context + ", found " + kind_of(key));
        continue;
      }
      const std::string& name = key.Scalar();
      if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
        error(pos_of_scalar(key), "unknown key '" + pf::shown(name) + "' in " + context);
        continue;
      }
      if (fields.get(name)) {
        error(pos_of_scalar(key), "duplicate key '" + pf::shown(name) + "' in " + context);
        continue;
      }
      fields.entries.push_back({name, {key, it->second}});
    }
    return fields;
  }

  /// The entry for a required key, or nullptr after reporting it missing.
  const Field* require(const Fields& fields, std::string_view key, const std::string& context) {
    if (const auto* f = fields.get(key)) return f;
    error(pos_of(fields.map.Mark()), "missing required key '" + std::string(key) + "' in " + context);
    return nullptr;
  }

  /// Reports a key written without a value ("protocol:"), at the key.
  void missing_value(const Field& field) {
    error(pos_of_scalar(field.first), "missing value for key '" + field.first.Scalar() + "'");
  }

  /// A list value (possibly empty); reports and returns false otherwise.
  bool is_list(const Field& field) {
    const YAML::Node& value = field.second;
    if (value.IsSequence()) return true;
    if (value.IsNull())
      missing_value(field);
    else
      error(pos_of(value.Mark()),
            "expected a list for '" + field.first.Scalar() + "', found " + kind_of(value));
    return false;
  }

  bool is_map(const YAML::Node& node, const std::string& what) {
    if (node.IsMap()) return true;
    error(pos_of(node.Mark()), "expected a mapping for " + what + ", found " + kind_of(node));
    return false;
  }

  /// The value of a key that must hold a mapping; reports and returns false
  /// otherwise.
  bool is_map_field(const Field& field) {
    if (field.second.IsNull()) {
      missing_value(field);
      return false;
    }
    return is_map(field.second, "'" + field.first.Scalar() + "'");
  }

  /// Whether a list item is a scalar; reports "expected <what>, found ..."
  /// at it otherwise.
  bool is_scalar_item(const YAML::Node& item, std::string_view what) {
    if (item.IsScalar()) return true;
    error(pos_of(item.Mark()), "expected " + std::string(what) + ", found " + kind_of(item));
    return false;
  }

  /// Whether a list has items; reports `message` at the list otherwise.
  bool not_empty(const YAML::Node& list, const std::string& message) {
    if (list.size() != 0) return true;
    error(pos_of(list.Mark()), message);
    return false;
  }

  /// Reads every item of a list with `read`, which returns an optional and
  /// reports its own problems, and appends what it gives to `out`. False when
  /// any item failed; the other items are still read, for their problems.
  template <typename T, typename Read>
  bool read_items(const YAML::Node& list, std::vector<T>& out, Read read) {
    bool ok = true;
    for (auto it = list.begin(); it != list.end(); ++it) {
      auto item = read(*it);
      if (item)
        out.push_back(std::move(*item));
      else
        ok = false;
    }
    return ok;
  }

  // --- values -----------------------------------------------------------------
  /// A non-empty string value; reports and returns nullopt otherwise.
  std::optional<std::string> string_value(const Field& field) {
    const YAML::Node& key = field.first;
    const YAML::Node& value = field.second;
    if (value.IsNull()) {
      missing_value(field);
      return std::nullopt;
    }
    if (!value.IsScalar()) {
      error(pos_of(value.Mark()),
            "expected a string for '" + key.Scalar() + "', found " + kind_of(value));
      return std::nullopt;
    }
    if (value.Scalar().empty()) {
      error(pos_of(value.Mark()), "value of '" + key.Scalar() + "' must not be empty");
      return std::nullopt;
    }
    return value.Scalar();
  }

  /// Whether a scalar has `format`; reports at the scalar otherwise.
  bool has_format(const YAML::Node& scalar, const Format& format) {
    if (format.valid(scalar.Scalar())) return true;
    error(pos_of_scalar(scalar), invalid(format.what, scalar.Scalar(), format.expected));
    return false;
  }

  /// A non-empty string value with `format`; reports and returns nullopt otherwise.
  std::optional<std::string> string_value(const Field& field, const Format& format) {
    auto s = string_value(field);
    if (!s || !has_format(field.second, format)) return std::nullopt;
    return s;
  }

  std::optional<bool> bool_value(const Field& field) {
    const YAML::Node& value = field.second;
    if (value.IsScalar() && value.Tag() == "?") {
      const std::string& s = value.Scalar();
      if (s == "true" || s == "True" || s == "TRUE") return true;
      if (s == "false" || s == "False" || s == "FALSE") return false;
    }
    error(value.IsNull() ? pos_of_scalar(field.first) : pos_of(value.Mark()),
          "expected true or false for '" + field.first.Scalar() + "'");
    return std::nullopt;
  }

  std::optional<SdkVersion> version_value(const Field& field) {
    auto s = string_value(field);
    if (!s) return std::nullopt;
    auto v = SdkVersion::parse(*s);
    if (!v)
      error(pos_of_scalar(field.second),
            invalid("version", *s, "expected numbers separated by dots, e.g. 2.9.0"));
    return v;
  }

  std::optional<VersionRange> range_value(const Field& field) {
    const YAML::Node& node = field.second;
    if (!is_map(node, "'versions'")) return std::nullopt;
    const std::string context = "version range";
    Fields f = read_map(node, pf::kVersionRangeKeys, context);
    VersionRange range;
    bool ok = true;
    ok &= read_version(f, "min", context, range.min, Optional);
    ok &= read_version(f, "before", context, range.before, Optional);
    if (!ok) return std::nullopt;
    if (f.entries.empty() && node.size() == 0) {
      error(pos_of(node.Mark()), "version range needs 'min' or 'before'");
      return std::nullopt;
    }
    if (range.min && range.before && !(*range.min < *range.before)) {
      error(pos_of(node.Mark()), "empty version range: min " + range.min->text() +
                                     " is not below before " + range.before->text());
      return std::nullopt;
    }
    return range;
  }

  std::optional<Transport> transport_of(const YAML::Node& scalar) {
    const std::string& s = scalar.Scalar();
    if (s == "tcp") return Transport::Tcp;
    if (s == "udp") return Transport::Udp;
    error(pos_of_scalar(scalar), "unknown protocol '" + pf::shown(s) + "' (expected tcp or udp)");
    return std::nullopt;
  }

  /// A protocol written as one string: tcp or udp.
  std::optional<Transport> transport_value(const Field& field) {
    if (!string_value(field)) return std::nullopt;
    return transport_of(field.second);
  }

  /// `protocol` of a proxy flow: "tcp", "udp", or a list of them.
  bool parse_transports(const Field& field, std::vector<Transport>& transports) {
    const YAML::Node& value = field.second;
    if (value.IsScalar()) {
      auto t = transport_value(field);
      if (t) transports.push_back(*t);
      return t.has_value();
    }
    if (value.IsMap()) {
      error(pos_of(value.Mark()), "expected tcp, udp or a list of them for '" + field.first.Scalar() +
                                      "', found a mapping");
      return false;
    }
    if (!is_list(field) || !not_empty(value, "empty protocol list")) return false;
    bool ok = true;
    for (auto it = value.begin(); it != value.end(); ++it) {
      const YAML::Node item = *it;
      if (!is_scalar_item(item, "tcp or udp")) {
        ok = false;
        continue;
      }
      auto t = transport_of(item);
      if (!t) {
        ok = false;
        continue;
      }
      if (std::find(transports.begin(), transports.end(), *t) != transports.end()) {
        error(pos_of_scalar(item), "protocol '" + item.Scalar() + "' is already listed");
        ok = false;
        continue;
      }
      transports.push_back(*t);
    }
    return ok;
  }

  /// Parses a port list held by `scalar` into `ports`, reporting at the token.
  bool read_port_text(const YAML::Node& scalar, PortSet& ports) {
    auto problem = pf::parse_port_list(scalar.Scalar(), ports);
    if (!problem) return true;
    error(pos_in(scalar, problem->offset, problem->length), problem->message);
    return false;
  }

  /// The value of a 'ports' key: a port list (see pack_format.h) as one
  /// string or number, or as a list of them.
  bool parse_ports(const Field& field, PortSet& ports) {
    const YAML::Node& value = field.second;
    if (value.IsScalar()) return read_port_text(value, ports);
    if (value.IsNull()) {
      missing_value(field);
      return false;
    }
    if (!value.IsSequence()) {
      error(pos_of(value.Mark()), "expected a port list for '" + field.first.Scalar() + "', found " +
                                      kind_of(value));
      return false;
    }
    bool ok = not_empty(value, "empty port list");
    for (auto it = value.begin(); it != value.end(); ++it)
      ok &= is_scalar_item(*it, "a port or range") && read_port_text(*it, ports);
    return ok;
  }

  /// `addresses` of a proxy flow: a non-empty list of addresses and CIDR blocks.
  bool parse_addresses(const Field& field, IpSet& addresses) {
    if (!is_list(field) ||
        !not_empty(field.second,
                   "empty address list (leave out 'addresses' for any public destination)"))
      return false;
    bool ok = true;
    for (auto it = field.second.begin(); it != field.second.end(); ++it) {
      const YAML::Node item = *it;
      if (!is_scalar_item(item, "an address")) {
        ok = false;
        continue;
      }
      if (auto problem = pf::parse_address(item.Scalar(), addresses)) {
        error(pos_of_scalar(item), *problem);
        ok = false;
      }
    }
    return ok;
  }

  // --- keys -------------------------------------------------------------------
  // Each read_* below reads the value of `key` into `out` and returns true,
  // or returns false after reporting why it could not, so that a caller
  // collects every problem of an entry with `ok &= read_...(...)` before it
  // gives up on the entry. A missing Required key is reported; a missing
  // Optional key is no problem and leaves `out` as it is.
  enum Presence { Optional, Required };

  /// Runs `read` (Field -> bool) on the entry for `key`, if there is one.
  template <typename Read>
  bool with_field(const Fields& f, std::string_view key, const std::string& context,
                  Presence presence, Read read) {
    const Field* field = presence == Required ? require(f, key, context) : f.get(key);
    if (!field) return presence == Optional;
    return read(*field);
  }

  /// Stores in `out` what `value` (Field -> std::optional) makes of the
  /// entry for `key`.
  template <typename T, typename Value>
  bool read_value(const Fields& f, std::string_view key, const std::string& context, T& out,
                  Presence presence, Value value) {
    return with_field(f, key, context, presence, [&](const Field& field) {
      auto v = value(field);
      if (v) out = std::move(*v);
      return v.has_value();
    });
  }

  bool read_text(const Fields& f, std::string_view key, const std::string& context,
                 std::string& out, Presence presence) {
    return read_value(f, key, context, out, presence,
                      [&](const Field& field) { return string_value(field); });
  }
  bool read_text(const Fields& f, std::string_view key, const std::string& context,
                 std::string& out, Presence presence, const Format& format) {
    return read_value(f, key, context, out, presence,
                      [&](const Field& field) { return string_value(field, format); });
  }
  bool read_bool(const Fields& f, std::string_view key, const std::string& context, bool& out,
                 Presence presence) {
    return read_value(f, key, context, out, presence,
                      [&](const Field& field) { return bool_value(field); });
  }
  bool read_version(const Fields& f, std::string_view key, const std::string& context,
                    std::optional<SdkVersion>& out, Presence presence) {
    return read_value(f, key, context, out, presence,
                      [&](const Field& field) { return version_value(field); });
  }
  bool read_versions(const Fields& f, std::string_view key, const std::string& context,
                     VersionRange& out, Presence presence) {
    return read_value(f, key, context, out, presence,
                      [&](const Field& field) { return range_value(field); });
  }
  bool read_transport(const Fields& f, std::string_view key, const std::string& context,
                      Transport& out, Presence presence) {
    return read_value(f, key, context, out, presence,
                      [&](const Field& field) { return transport_value(field); });
  }
  // These three add to `out`.
  bool read_transports(const Fields& f, std::string_view key, const std::string& context,
                       std::vector<Transport>& out, Presence presence) {
    return with_field(f, key, context, presence,
                      [&](const Field& field) { return parse_transports(field, out); });
  }
  bool read_ports(const Fields& f, std::string_view key, const std::string& context,
                  PortSet& out, Presence presence) {
    return with_field(f, key, context, presence,
                      [&](const Field& field) { return parse_ports(field, out); });
  }
  bool read_addresses(const Fields& f, std::string_view key, const std::string& context,
                      IpSet& out, Presence presence) {
    return with_field(f, key, context, presence,
                      [&](const Field& field) { return parse_addresses(field, out); });
  }

  /// The required 'id' of an sdk or a cloud proxy mode. `id_node` is set
  /// when the id is valid, so that a later duplicate is reported at it.
  bool read_id(const Fields& f, std::string_view what, const std::string& context,
               std::string& id, YAML::Node& id_node) {
    if (!read_text(f, "id", context, id, Required, identifier(what))) return false;
    id_node = f.get("id")->second;
    return true;
  }

  // --- pieces of a pack -----------------------------------------------------
  std::optional<PortRequirement> read_port(const YAML::Node& node) {
    if (!is_map(node, "a port entry")) return std::nullopt;
    const std::string context = "port entry";
    Fields f = read_map(node, pf::kPortKeys, context);
    PortRequirement row;
    bool ok = true;
    ok &= read_transport(f, "protocol", context, row.transport, Required);
    ok &= read_ports(f, "ports", context, row.ports, Required);
    ok &= read_versions(f, "versions", context, row.versions, Optional);
    ok &= read_text(f, "feature", context, row.feature, Optional, identifier("feature name"));
    ok &= read_text(f, "note", context, row.note, Optional);
    if (!ok) return std::nullopt;
    return row;
  }

  std::optional<DomainRequirement> read_domain(const YAML::Node& node) {
    DomainRequirement req;
    YAML::Node name_node;
    if (node.IsScalar()) {
      name_node = node;
    } else if (node.IsMap()) {
      const std::string context = "domain entry";
      Fields f = read_map(node, pf::kDomainKeys, context);
      bool ok = true;
      ok &= read_versions(f, "versions", context, req.versions, Optional);
      ok &= read_text(f, "feature", context, req.feature, Optional, identifier("feature name"));
      const Field* name = require(f, "name", context);
      if (!name || !string_value(*name) || !ok) return std::nullopt;
      name_node = name->second;
    } else {
      error(pos_of(node.Mark()),
            std::string("expected a domain or a mapping with 'name', found ") + kind_of(node));
      return std::nullopt;
    }
    auto domain = DomainName::parse(name_node.Scalar());
    if (!domain) {
      error(pos_of_scalar(name_node), "invalid domain '" + pf::shown(name_node.Scalar()) + "'");
      return std::nullopt;
    }
    req.domain = *domain;
    return req;
  }

  // --- cloud proxy ------------------------------------------------------------
  std::optional<ProxyFlow> read_flow(const YAML::Node& node, const std::string& mode_context) {
    if (!is_map(node, "a flow")) return std::nullopt;
    const std::string context = "flow of " + mode_context;
    Fields f = read_map(node, pf::kProxyFlowKeys, context);
    ProxyFlow flow;
    bool ok = true;
    ok &= read_text(f, "region", context, flow.region, Optional, identifier("region"));
    ok &= read_text(f, "service", context, flow.service, Optional, identifier("service"));
    ok &= read_transports(f, "protocol", context, flow.transports, Required);
    ok &= read_ports(f, "ports", context, flow.ports, Required);
    ok &= read_addresses(f, "addresses", context, flow.addresses, Optional);
    ok &= read_text(f, "feature", context, flow.feature, Optional, identifier("feature name"));
    ok &= read_text(f, "note", context, flow.note, Optional);
    if (!ok) return std::nullopt;
    return flow;
  }

  struct ModeEntry {
    ProxyMode mode;
    YAML::Node id_node;  ///< set when the id is valid, even if the rest is not
    bool ok = false;
  };

  /// A mode; `ok` is false after a problem was reported.
  ModeEntry read_mode(const YAML::Node& node) {
    ModeEntry entry;
    if (!is_map(node, "a cloud proxy mode")) return entry;
    ProxyMode& mode = entry.mode;
    const std::string context = named_context(node, "cloud proxy mode", "cloud proxy mode");
    Fields f = read_map(node, pf::kProxyModeKeys, context);
    bool ok = true;
    ok &= read_id(f, "mode id", context, mode.id, entry.id_node);
    ok &= read_text(f, "title", context, mode.title, Required);
    if (const Field* flows = require(f, "flows", context); flows && is_list(*flows)) {
      ok &= not_empty(flows->second, context + " lists no flows");
      ok &= read_items(flows->second, mode.flows,
                       [&](const YAML::Node& item) { return read_flow(item, context); });
    } else {
      ok = false;
    }
    entry.ok = ok;
    return entry;
  }

  std::optional<CloudProxy> read_cloud_proxy(const Field& field, const std::string& sdk_context) {
    if (!is_map_field(field)) return std::nullopt;
    const std::string context = "cloud proxy of " + sdk_context;
    Fields f = read_map(field.second, pf::kCloudProxyKeys, context);
    CloudProxy proxy;
    bool ok = true;
    ok &= read_text(f, "source", context, proxy.source, Required);
    const auto* unpublished = f.get("unpublished");
    const auto* modes = f.get("modes");
    if (unpublished && modes) {
      // At whichever of the two comes second.
      const auto* second = modes;
      for (const auto& e : f.entries)
        if (&e.second == unpublished || &e.second == modes) second = &e.second;
      error(pos_of_scalar(second->first),
            context + " has both 'unpublished' and 'modes' (expected one of them)");
      ok = false;
    } else if (!unpublished && !modes) {
      error(pos_of(field.second.Mark()), context + " needs 'modes' or 'unpublished'");
      ok = false;
    }
    ok &= read_text(f, "unpublished", context, proxy.unpublished, Optional);
    if (modes && is_list(*modes)) {
      ok &= not_empty(modes->second, context + " lists no modes");
      std::vector<std::string> ids;  // of every mode with a valid id, loaded or not
      for (auto it = modes->second.begin(); it != modes->second.end(); ++it) {
        ModeEntry entry = read_mode(*it);
        ok &= entry.ok;
        if (entry.mode.id.empty()) continue;
        if (std::find(ids.begin(), ids.end(), entry.mode.id) != ids.end()) {
          error(pos_of_scalar(entry.id_node),
                "duplicate cloud proxy mode '" + entry.mode.id + "' in " + sdk_context);
          ok = false;
          continue;
        }
        ids.push_back(entry.mode.id);
        if (entry.ok) proxy.modes.push_back(std::move(entry.mode));
      }
    } else if (modes) {
      ok = false;
    }
    if (!ok) return std::nullopt;
    return proxy;
  }

  struct SdkEntry {
    SdkRequirements sdk;
    YAML::Node id_node;
    std::vector<YAML::Node> alias_nodes;
  };

  std::optional<SdkEntry> read_sdk(const YAML::Node& node) {
    if (!is_map(node, "an sdk entry")) return std::nullopt;
    SdkEntry entry;
    SdkRequirements& sdk = entry.sdk;
    const std::string context = named_context(node, "sdk", "sdk entry");
    Fields f = read_map(node, pf::kSdkKeys, context);
    bool ok = true;
    ok &= read_id(f, "sdk id", context, sdk.id, entry.id_node);
    ok &= read_text(f, "title", context, sdk.title, Required);
    if (const Field* aliases = f.get("aliases")) {
      if (is_list(*aliases)) {
        for (auto it = aliases->second.begin(); it != aliases->second.end(); ++it) {
          const YAML::Node item = *it;
          if (!is_scalar_item(item, "an alias") || !has_format(item, identifier("alias"))) {
            ok = false;
            continue;
          }
          sdk.aliases.push_back(item.Scalar());
          entry.alias_nodes.push_back(item);
        }
      } else {
        ok = false;
      }
    }
    ok &= read_bool(f, "cloud_proxy_only", context, sdk.cloud_proxy_only, Optional);
    ok &= read_text(f, "proxy_note", context, sdk.proxy_note, Optional);
    ok &= read_version(f, "latest_version", context, sdk.latest_version, Optional);
    ok &= read_bool(f, "checked_by_default", context, sdk.checked_by_default, Optional);
    ok &= read_bool(f, "ports_unpublished", context, sdk.ports_unpublished, Optional);

    const auto* unpublished = f.get("ports_unpublished");
    const auto* domains = f.get("domains");
    const auto* ports = f.get("ports");
    if (sdk.cloud_proxy_only) {
      if (!f.get("proxy_note")) {
        error(pos_of(node.Mark()), context + " is cloud-proxy-only and needs a 'proxy_note'");
        ok = false;
      }
      if (sdk.ports_unpublished) {
        error(pos_of_scalar(unpublished->first),
              context + " is cloud-proxy-only and must not set ports_unpublished");
        ok = false;
      }
      for (const auto* listed : {domains, ports})
        if (listed && !(listed->second.IsSequence() && listed->second.size() == 0)) {
          error(pos_of_scalar(listed->first),
                context + " is cloud-proxy-only and must not list " + listed->first.Scalar());
          ok = false;
        }
    } else {
      // No domains: the flows go to any public destination.
      if (domains && is_list(*domains)) {
        if (sdk.ports_unpublished)
          ok &= not_empty(domains->second, context + " has ports_unpublished and lists no domains");
        for (auto it = domains->second.begin(); it != domains->second.end(); ++it) {
          const YAML::Node item = *it;
          auto d = read_domain(item);
          if (!d) {
            ok = false;
            continue;
          }
          bool duplicate = std::any_of(sdk.domains.begin(), sdk.domains.end(), [&](const auto& o) {
            return o.domain == d->domain && o.versions.min == d->versions.min &&
                   o.versions.before == d->versions.before && o.feature == d->feature;
          });
          if (duplicate) {
            error(pos_of(item.Mark()),
                  "domain '" + d->domain.text() + "' is listed twice" +
                      (d->feature.empty() ? "" : " for feature '" + d->feature + "'") + " in " +
                      context);
            ok = false;
            continue;
          }
          sdk.domains.push_back(std::move(*d));
        }
      } else if (domains) {
        ok = false;
      } else if (sdk.ports_unpublished) {
        error(pos_of_scalar(unpublished->first),
              context + " has ports_unpublished and needs a non-empty 'domains' list");
        ok = false;
      }

      if (sdk.ports_unpublished) {
        // The source gives no ports: an empty list is the most a pack may say.
        if (ports && is_list(*ports)) {
          if (ports->second.size() != 0) {
            error(pos_of_scalar(ports->first),
                  context + " has ports_unpublished and must not list ports");
            ok = false;
          }
        } else if (ports) {
          ok = false;
        }
      } else if (!ports) {
        require(f, "ports", context);
        ok = false;
      } else if (is_list(*ports)) {
        ok &= not_empty(ports->second, context + " lists no ports");
        ok &= read_items(ports->second, sdk.ports,
                         [&](const YAML::Node& item) { return read_port(item); });
      } else {
        ok = false;
      }
    }

    ok &= read_value(f, "cloud_proxy", context, sdk.cloud_proxy, Optional,
                     [&](const Field& proxy) { return read_cloud_proxy(proxy, context); });
    if (!ok) return std::nullopt;
    return entry;
  }

  std::string_view text_;
  Diagnostics& diagnostics_;
  std::vector<std::string_view> lines_;
  bool failed_ = false;
};

std::optional<RequirementPack> Loader::run() {
  if (text_.size() > pf::kMaxPackBytes) {
    error({0, 0, 0}, "pack file is larger than " + std::to_string(pf::kMaxPackBytes) + " bytes");
    return std::nullopt;
  }
  YAML::Node root;
  try {
    for (const auto& p : screen_yaml(text_, kScreenMessages)) error(pos_of(p.mark), p.message);
    if (failed_) return std::nullopt;
    root = YAML::Load(std::string(text_));
  } catch (const YAML::Exception& e) {
    error(pos_of(e.mark), "invalid yaml: " + e.msg);
    return std::nullopt;
  } catch (const std::exception& e) {
    error({0, 0, 0}, std::string("invalid yaml: ") + e.what());
    return std::nullopt;
  }
  if (!root.IsDefined() || root.IsNull()) {
    error({0, 0, 0}, "pack file is empty");
    return std::nullopt;
  }
  if (!root.IsMap()) {
    error(pos_of(root.Mark()), std::string("expected a mapping at the top level, found ") +
                                   kind_of(root));
    return std::nullopt;
  }

  const std::string context = "pack";
  RequirementPack pack;
  Fields f = read_map(root, pf::kPackKeys, context);
  // Problems are counted in failed_: the whole pack is read, for all of them.
  read_text(f, "pack", context, pack.name, Required, identifier("pack name"));
  read_text(f, "version", context, pack.version, Required, kPackVersion);
  read_text(f, "title", context, pack.title, Required);
  read_text(f, "date", context, pack.date, Optional, kDate);
  read_text(f, "source", context, pack.source, Required);

  if (const Field* sdks = require(f, "sdks", context); sdks && is_list(*sdks)) {
    not_empty(sdks->second, "pack lists no sdks");
    // Every id and alias names exactly one SDK.
    std::vector<std::pair<std::string, std::string>> names;  // name -> sdk id
    for (auto it = sdks->second.begin(); it != sdks->second.end(); ++it) {
      auto entry = read_sdk(*it);
      if (!entry) continue;
      const SdkRequirements& sdk = entry->sdk;
      auto owner = [&](const std::string& n) -> const std::string* {
        for (const auto& [name, id] : names)
          if (name == n) return &id;
        return nullptr;
      };
      bool ok = true;
      if (const std::string* other = owner(sdk.id)) {
        error(pos_of_scalar(entry->id_node),
              *other == sdk.id ? "duplicate sdk id '" + sdk.id + "'"
                               : "sdk id '" + sdk.id + "' is already an alias of sdk '" + *other + "'");
        ok = false;
      } else {
        names.push_back({sdk.id, sdk.id});
      }
      for (std::size_t i = 0; i < sdk.aliases.size(); ++i) {
        const std::string& alias = sdk.aliases[i];
        if (const std::string* other = owner(alias)) {
          error(pos_of_scalar(entry->alias_nodes[i]),
                "alias '" + alias + "' is already used by sdk '" + *other + "'");
          ok = false;
        } else {
          names.push_back({alias, sdk.id});
        }
      }
      if (ok) pack.sdks.push_back(std::move(entry->sdk));
    }
  }
  if (failed_) return std::nullopt;
  return pack;
}

}  // namespace

// Diagnostic carries no file name: the caller, which named the file, prints
// it in front of line:col.
std::optional<RequirementPack> load_pack(const std::string& /*file_name*/, std::string_view text,
                                         Diagnostics& diagnostics) {
  return Loader(text, diagnostics).run();
}

}  // namespace fwlint
