// SPDX-License-Identifier: Apache-2.0
// Loading a requirement pack from YAML, with strict validation: every
// problem is an FWL107 error located at the exact line and column of the
// offending key, value or token (rules/README.md documents the format).
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fwlint/requirements/pack.h"
#include "requirements/pack_format.h"

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

/// First pass over the event stream: rejects what the tree API would hide
/// (aliases, explicit tags, more than one document) before the tree is used.
class Screen : public YAML::EventHandler {
 public:
  struct Problem {
    YAML::Mark mark;
    std::string message;
  };
  std::vector<Problem> problems;
  int documents = 0;

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (++documents == 2) problems.push_back({mark, "a pack file must hold exactly one yaml document"});
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    problems.push_back({mark, "yaml aliases are not allowed in packs"});
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                const std::string&) override {
    check_tag(mark, tag);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    check_tag(mark, tag);
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    check_tag(mark, tag);
  }
  void OnMapEnd() override {}

 private:
  void check_tag(const YAML::Mark& mark, const std::string& tag) {
    // "?" = untagged plain node, "!" = quoted or block scalar.
    if (!tag.empty() && tag != "?" && tag != "!")
      problems.push_back({mark, "yaml tags are not allowed in packs"});
  }
};

/// The entries of one mapping after unknown and duplicate keys were reported.
struct Fields {
  YAML::Node map;
  std::vector<std::pair<std::string, std::pair<YAML::Node, YAML::Node>>> entries;

  const std::pair<YAML::Node, YAML::Node>* get(std::string_view key) const {
    for (const auto& e : entries)
      if (e.first == key) return &e.second;
    return nullptr;
  }
};

class Loader {
 public:
  Loader(std::string_view text, Diagnostics& diagnostics)
      : text_(text), diagnostics_(diagnostics) {
    std::size_t start = 0;
    while (start <= text_.size()) {
      std::size_t nl = text_.find('\n', start);
      std::size_t end = nl == std::string_view::npos ? text_.size() : nl;
      std::string_view line = text_.substr(start, end - start);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      lines_.push_back(line);
      if (nl == std::string_view::npos) break;
      start = nl + 1;
    }
  }

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
  const std::pair<YAML::Node, YAML::Node>* require(const Fields& fields, std::string_view key,
                                                   const std::string& context) {
    if (const auto* f = fields.get(key)) return f;
    error(pos_of(fields.map.Mark()), "missing required key '" + std::string(key) + "' in " + context);
    return nullptr;
  }

  /// A non-empty string value; reports and returns nullopt otherwise.
  std::optional<std::string> string_value(const std::pair<YAML::Node, YAML::Node>& field) {
    const YAML::Node& key = field.first;
    const YAML::Node& value = field.second;
    if (value.IsNull()) {
      error(pos_of_scalar(key), "missing value for key '" + key.Scalar() + "'");
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

  /// A list value (possibly empty); reports and returns false otherwise.
  bool is_list(const std::pair<YAML::Node, YAML::Node>& field) {
    const YAML::Node& key = field.first;
    const YAML::Node& value = field.second;
    if (value.IsSequence()) return true;
    if (value.IsNull())
      error(pos_of_scalar(key), "missing value for key '" + key.Scalar() + "'");
    else
      error(pos_of(value.Mark()),
            "expected a list for '" + key.Scalar() + "', found " + kind_of(value));
    return false;
  }

  bool is_map(const YAML::Node& node, const std::string& what) {
    if (node.IsMap()) return true;
    error(pos_of(node.Mark()), "expected a mapping for " + what + ", found " + kind_of(node));
    return false;
  }

  std::optional<bool> bool_value(const std::pair<YAML::Node, YAML::Node>& field) {
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

  std::optional<std::string> identifier_value(const std::pair<YAML::Node, YAML::Node>& field,
                                              std::string_view what) {
    auto s = string_value(field);
    if (!s) return std::nullopt;
    if (!pf::valid_identifier(*s)) {
      error(pos_of_scalar(field.second),
            "invalid " + std::string(what) + " '" + pf::shown(*s) +
                "' (expected lower-case letters, digits and '-')");
      return std::nullopt;
    }
    return s;
  }

  std::optional<SdkVersion> version_value(const std::pair<YAML::Node, YAML::Node>& field) {
    auto s = string_value(field);
    if (!s) return std::nullopt;
    auto v = SdkVersion::parse(*s);
    if (!v)
      error(pos_of_scalar(field.second),
            "invalid version '" + pf::shown(*s) + "' (expected numbers separated by dots, e.g. 2.9.0)");
    return v;
  }

  // --- pieces of a pack -----------------------------------------------------
  std::optional<VersionRange> read_range(const std::pair<YAML::Node, YAML::Node>& field) {
    const YAML::Node& node = field.second;
    if (!is_map(node, "'versions'")) return std::nullopt;
    Fields f = read_map(node, pf::kVersionRangeKeys, "version range");
    VersionRange range;
    bool ok = true;
    if (const auto* min = f.get("min")) {
      range.min = version_value(*min);
      ok &= range.min.has_value();
    }
    if (const auto* before = f.get("before")) {
      range.before = version_value(*before);
      ok &= range.before.has_value();
    }
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

  /// Parses a port list held by `scalar` into `ports`, reporting at the token.
  bool read_port_text(const YAML::Node& scalar, PortSet& ports) {
    auto problem = pf::parse_port_list(scalar.Scalar(), ports);
    if (!problem) return true;
    error(pos_in(scalar, problem->offset, problem->length), problem->message);
    return false;
  }

  /// The value of a 'ports' key: a port list (see pack_format.h) as one
  /// string or number, or as a list of them.
  bool read_ports_field(const std::pair<YAML::Node, YAML::Node>& field, PortSet& ports) {
    const YAML::Node& value = field.second;
    bool ok = true;
    if (value.IsScalar()) {
      ok &= read_port_text(value, ports);
    } else if (value.IsSequence()) {
      if (value.size() == 0) {
        error(pos_of(value.Mark()), "empty port list");
        ok = false;
      }
      for (auto it = value.begin(); it != value.end(); ++it) {
        const YAML::Node item = *it;
        if (!item.IsScalar()) {
          error(pos_of(item.Mark()), std::string("expected a port or range, found ") + kind_of(item));
          ok = false;
          continue;
        }
        ok &= read_port_text(item, ports);
      }
    } else if (value.IsNull()) {
      error(pos_of_scalar(field.first), "missing value for key '" + field.first.Scalar() + "'");
      ok = false;
    } else {
      error(pos_of(value.Mark()), "expected a port list for '" + field.first.Scalar() + "', found " +
                                      kind_of(value));
      ok = false;
    }
    return ok;
  }

  std::optional<Transport> transport_of(const YAML::Node& scalar) {
    const std::string& s = scalar.Scalar();
    if (s == "tcp") return Transport::Tcp;
    if (s == "udp") return Transport::Udp;
    error(pos_of_scalar(scalar), "unknown protocol '" + pf::shown(s) + "' (expected tcp or udp)");
    return std::nullopt;
  }

  std::optional<PortRequirement> read_port(const YAML::Node& node) {
    if (!is_map(node, "a port entry")) return std::nullopt;
    const std::string context = "port entry";
    Fields f = read_map(node, pf::kPortKeys, context);
    PortRequirement row;
    bool ok = true;

    if (const auto* proto = require(f, "protocol", context)) {
      if (string_value(*proto)) {
        if (auto t = transport_of(proto->second))
          row.transport = *t;
        else
          ok = false;
      } else {
        ok = false;
      }
    } else {
      ok = false;
    }

    if (const auto* ports = require(f, "ports", context))
      ok &= read_ports_field(*ports, row.ports);
    else
      ok = false;

    if (const auto* versions = f.get("versions")) {
      auto range = read_range(*versions);
      if (range)
        row.versions = *range;
      else
        ok = false;
    }
    if (const auto* feature = f.get("feature")) {
      auto s = identifier_value(*feature, "feature name");
      if (s)
        row.feature = *s;
      else
        ok = false;
    }
    if (const auto* note = f.get("note")) {
      auto s = string_value(*note);
      if (s)
        row.note = *s;
      else
        ok = false;
    }
    if (!ok) return std::nullopt;
    return row;
  }

  std::optional<DomainRequirement> read_domain(const YAML::Node& node) {
    DomainRequirement req;
    YAML::Node name_node;
    if (node.IsScalar()) {
      name_node = node;
    } else if (node.IsMap()) {
      Fields f = read_map(node, pf::kDomainKeys, "domain entry");
      bool ok = true;
      if (const auto* versions = f.get("versions")) {
        auto range = read_range(*versions);
        if (range)
          req.versions = *range;
        else
          ok = false;
      }
      if (const auto* feature = f.get("feature")) {
        auto s = identifier_value(*feature, "feature name");
        if (s)
          req.feature = *s;
        else
          ok = false;
      }
      const auto* name = require(f, "name", "domain entry");
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
  /// The value of a key that must hold a mapping; reports and returns false
  /// otherwise.
  bool is_map_field(const std::pair<YAML::Node, YAML::Node>& field) {
    if (field.second.IsNull()) {
      error(pos_of_scalar(field.first), "missing value for key '" + field.first.Scalar() + "'");
      return false;
    }
    return is_map(field.second, "'" + field.first.Scalar() + "'");
  }

  /// `protocol` of a proxy flow: "tcp", "udp", or a list of them.
  bool read_transports(const std::pair<YAML::Node, YAML::Node>& field,
                       std::vector<Transport>& transports) {
    const YAML::Node& value = field.second;
    if (value.IsScalar()) {
      if (!string_value(field)) return false;
      auto t = transport_of(value);
      if (t) transports.push_back(*t);
      return t.has_value();
    }
    if (value.IsMap()) {
      error(pos_of(value.Mark()), "expected tcp, udp or a list of them for '" + field.first.Scalar() +
                                      "', found a mapping");
      return false;
    }
    if (!is_list(field)) return false;
    if (value.size() == 0) {
      error(pos_of(value.Mark()), "empty protocol list");
      return false;
    }
    bool ok = true;
    for (auto it = value.begin(); it != value.end(); ++it) {
      const YAML::Node item = *it;
      if (!item.IsScalar()) {
        error(pos_of(item.Mark()), std::string("expected tcp or udp, found ") + kind_of(item));
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

  /// `addresses` of a proxy flow: a non-empty list of addresses and CIDR blocks.
  bool read_addresses(const std::pair<YAML::Node, YAML::Node>& field, IpSet& addresses) {
    if (!is_list(field)) return false;
    const YAML::Node& value = field.second;
    if (value.size() == 0) {
      error(pos_of(value.Mark()),
            "empty address list (leave out 'addresses' for any public destination)");
      return false;
    }
    bool ok = true;
    for (auto it = value.begin(); it != value.end(); ++it) {
      const YAML::Node item = *it;
      if (!item.IsScalar()) {
        error(pos_of(item.Mark()), std::string("expected an address, found ") + kind_of(item));
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

  std::optional<ProxyFlow> read_flow(const YAML::Node& node, const std::string& mode_context) {
    if (!is_map(node, "a flow")) return std::nullopt;
    const std::string context = "flow of " + mode_context;
    Fields f = read_map(node, pf::kProxyFlowKeys, context);
    ProxyFlow flow;
    bool ok = true;
    if (const auto* region = f.get("region")) {
      auto s = identifier_value(*region, "region");
      if (s)
        flow.region = *s;
      else
        ok = false;
    }
    if (const auto* service = f.get("service")) {
      auto s = identifier_value(*service, "service");
      if (s)
        flow.service = *s;
      else
        ok = false;
    }
    if (const auto* proto = require(f, "protocol", context))
      ok &= read_transports(*proto, flow.transports);
    else
      ok = false;
    if (const auto* ports = require(f, "ports", context))
      ok &= read_ports_field(*ports, flow.ports);
    else
      ok = false;
    if (const auto* addresses = f.get("addresses")) ok &= read_addresses(*addresses, flow.addresses);
    if (const auto* feature = f.get("feature")) {
      auto s = identifier_value(*feature, "feature name");
      if (s)
        flow.feature = *s;
      else
        ok = false;
    }
    if (const auto* note = f.get("note")) {
      auto s = string_value(*note);
      if (s)
        flow.note = *s;
      else
        ok = false;
    }
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
    std::string context = "cloud proxy mode";
    // The id first, so later messages can name the mode.
    for (auto it = node.begin(); it != node.end(); ++it)
      if (it->first.IsScalar() && it->first.Scalar() == "id" && it->second.IsScalar() &&
          pf::valid_identifier(it->second.Scalar())) {
        context = "cloud proxy mode '" + it->second.Scalar() + "'";
        break;
      }
    Fields f = read_map(node, pf::kProxyModeKeys, context);
    bool ok = true;
    if (const auto* id = require(f, "id", context)) {
      auto s = identifier_value(*id, "mode id");
      if (s) {
        mode.id = *s;
        entry.id_node = id->second;
      } else {
        ok = false;
      }
    } else {
      ok = false;
    }
    if (const auto* title = require(f, "title", context)) {
      auto s = string_value(*title);
      if (s)
        mode.title = *s;
      else
        ok = false;
    } else {
      ok = false;
    }
    if (const auto* flows = require(f, "flows", context); flows && is_list(*flows)) {
      if (flows->second.size() == 0) {
        error(pos_of(flows->second.Mark()), context + " lists no flows");
        ok = false;
      }
      for (auto it = flows->second.begin(); it != flows->second.end(); ++it) {
        auto flow = read_flow(*it, context);
        if (flow)
          mode.flows.push_back(std::move(*flow));
        else
          ok = false;
      }
    } else {
      ok = false;
    }
    entry.ok = ok;
    return entry;
  }

  std::optional<CloudProxy> read_cloud_proxy(const std::pair<YAML::Node, YAML::Node>& field,
                                             const std::string& sdk_context) {
    if (!is_map_field(field)) return std::nullopt;
    const std::string context = "cloud proxy of " + sdk_context;
    Fields f = read_map(field.second, pf::kCloudProxyKeys, context);
    CloudProxy proxy;
    bool ok = true;
    if (const auto* source = require(f, "source", context)) {
      auto s = string_value(*source);
      if (s)
        proxy.source = *s;
      else
        ok = false;
    } else {
      ok = false;
    }
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
    if (unpublished) {
      auto s = string_value(*unpublished);
      if (s)
        proxy.unpublished = *s;
      else
        ok = false;
    }
    if (modes && is_list(*modes)) {
      if (modes->second.size() == 0) {
        error(pos_of(modes->second.Mark()), context + " lists no modes");
        ok = false;
      }
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
    bool ok = true;
    std::string context = "sdk entry";
    // The id first, so later messages can name the SDK.
    for (auto it = node.begin(); it != node.end(); ++it)
      if (it->first.IsScalar() && it->first.Scalar() == "id" && it->second.IsScalar() &&
          pf::valid_identifier(it->second.Scalar())) {
        context = "sdk '" + it->second.Scalar() + "'";
        break;
      }
    Fields f = read_map(node, pf::kSdkKeys, context);

    if (const auto* id = require(f, "id", context)) {
      auto s = identifier_value(*id, "sdk id");
      if (s) {
        sdk.id = *s;
        entry.id_node = id->second;
      } else {
        ok = false;
      }
    } else {
      ok = false;
    }
    if (const auto* title = require(f, "title", context)) {
      auto s = string_value(*title);
      if (s)
        sdk.title = *s;
      else
        ok = false;
    } else {
      ok = false;
    }
    if (const auto* aliases = f.get("aliases")) {
      if (is_list(*aliases)) {
        for (auto it = aliases->second.begin(); it != aliases->second.end(); ++it) {
          const YAML::Node item = *it;
          if (!item.IsScalar() || !pf::valid_identifier(item.Scalar())) {
            error(item.IsScalar() ? pos_of_scalar(item) : pos_of(item.Mark()),
                  item.IsScalar() ? "invalid alias '" + pf::shown(item.Scalar()) +
                                        "' (expected lower-case letters, digits and '-')"
                                  : std::string("expected an alias, found ") + kind_of(item));
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
    if (const auto* proxy = f.get("cloud_proxy_only")) {
      auto b = bool_value(*proxy);
      if (b)
        sdk.cloud_proxy_only = *b;
      else
        ok = false;
    }
    if (const auto* note = f.get("proxy_note")) {
      auto s = string_value(*note);
      if (s)
        sdk.proxy_note = *s;
      else
        ok = false;
    }
    if (const auto* latest = f.get("latest_version")) {
      sdk.latest_version = version_value(*latest);
      ok &= sdk.latest_version.has_value();
    }

    if (const auto* by_default = f.get("checked_by_default")) {
      auto b = bool_value(*by_default);
      if (b)
        sdk.checked_by_default = *b;
      else
        ok = false;
    }

    const auto* unpublished = f.get("ports_unpublished");
    if (unpublished) {
      auto b = bool_value(*unpublished);
      if (b)
        sdk.ports_unpublished = *b;
      else
        ok = false;
    }

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
        if (sdk.ports_unpublished && domains->second.size() == 0) {
          error(pos_of(domains->second.Mark()),
                context + " has ports_unpublished and lists no domains");
          ok = false;
        }
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
        if (ports->second.size() == 0) {
          error(pos_of(ports->second.Mark()), context + " lists no ports");
          ok = false;
        }
        for (auto it = ports->second.begin(); it != ports->second.end(); ++it) {
          auto row = read_port(*it);
          if (row)
            sdk.ports.push_back(std::move(*row));
          else
            ok = false;
        }
      } else {
        ok = false;
      }
    }

    if (const auto* proxy = f.get("cloud_proxy")) {
      auto cp = read_cloud_proxy(*proxy, context);
      if (cp)
        sdk.cloud_proxy = std::move(*cp);
      else
        ok = false;
    }
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
    {
      std::istringstream in{std::string(text_)};
      YAML::Parser parser(in);
      Screen screen;
      while (parser.HandleNextDocument(screen)) {
        if (screen.documents > 1) break;
      }
      for (const auto& p : screen.problems) error(pos_of(p.mark), p.message);
      if (failed_) return std::nullopt;
    }
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
  if (const auto* name = require(f, "pack", context))
    if (auto s = identifier_value(*name, "pack name")) pack.name = *s;
  if (const auto* version = require(f, "version", context)) {
    if (auto s = string_value(*version)) {
      if (pf::valid_pack_version(*s))
        pack.version = *s;
      else
        error(pos_of_scalar(version->second),
              "invalid pack version '" + pf::shown(*s) + "' (expected YYYY-MM or YYYY-MM-DD)");
    }
  }
  if (const auto* title = require(f, "title", context))
    if (auto s = string_value(*title)) pack.title = *s;
  if (const auto* date = f.get("date")) {
    if (auto s = string_value(*date)) {
      if (pf::valid_date(*s))
        pack.date = *s;
      else
        error(pos_of_scalar(date->second), "invalid date '" + pf::shown(*s) + "' (expected YYYY-MM-DD)");
    }
  }
  if (const auto* source = require(f, "source", context))
    if (auto s = string_value(*source)) pack.source = *s;

  if (const auto* sdks = require(f, "sdks", context); sdks && is_list(*sdks)) {
    if (sdks->second.size() == 0) error(pos_of(sdks->second.Mark()), "pack lists no sdks");
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
