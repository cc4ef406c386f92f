// SPDX-License-Identifier: Apache-2.0
// Applying a configuration: the command line wins key by key, and names a
// pack does not know are reported at their line.
#include <algorithm>

#include "fwlint/analysis/findings.h"
#include "fwlint/config/config.h"
#include "fwlint/requirements/pack.h"
#include "config/config_error.h"

namespace fwlint::config {
namespace {

std::vector<std::string> values(const LocatedList& list) {
  std::vector<std::string> out;
  for (const Located& l : list.items) out.push_back(l.value);
  return out;
}

}  // namespace

std::string origin_of(const SourceLocation& where) {
  return where.file + ":" + std::to_string(where.line) + ":" + std::to_string(where.column);
}

Effective merge(const Selection& command_line, const Config* config, const std::string& input) {
  Effective e;
  e.selection = command_line;
  auto list = [&](const char* key, const char* option, std::vector<std::string>& value,
                  const std::optional<LocatedList>& from_file) {
    if (!value.empty())
      e.origin[key] = std::string("command line (") + option + ")";
    else if (config && from_file) {
      value = values(*from_file);
      e.origin[key] = origin_of(from_file->where);
    } else {
      e.origin[key] = "";
    }
  };
  list("sdks", "--sdk", e.selection.sdks, config ? config->sdks : std::nullopt);
  list("pack", "--pack", e.selection.packs, config ? config->packs : std::nullopt);
  list("without", "--without", e.selection.without, config ? config->without : std::nullopt);
  list("sources", "--source", e.selection.sources, config ? config->sources : std::nullopt);
  if (!command_line.sdk_version.empty()) {
    e.origin["sdk_version"] = "command line (--sdk-version)";
  } else if (config && config->sdk_version) {
    e.selection.sdk_version = config->sdk_version->value;
    e.origin["sdk_version"] = origin_of(config->sdk_version->where);
  }
  if (!command_line.dialect.empty()) {
    e.origin["dialect"] = "command line (--dialect)";
  } else if (config) {
    for (const DialectOverride& o : config->dialects)
      if (glob_applies(o.glob.value, input, config->directory)) {
        e.selection.dialect = o.dialect.value;
        e.origin["dialect"] = origin_of(o.dialect.where) +
                              (o.glob.value.empty() ? "" : " (\"" + o.glob.value + "\")");
        break;
      }
  }
  if (config) {
    for (const SeverityOverride& s : config->severities) {
      e.severities[s.id.value] = s.severity;
      e.severity_origin[s.id.value] = origin_of(s.id.where);
    }
    if (config->ignore)
      for (const Located& id : config->ignore->items) {
        e.severities[id.value] = std::nullopt;
        e.severity_origin[id.value] = origin_of(id.where);
      }
  }
  // The file's limits, then the command line's, which win name by name.
  e.selection.limits.clear();
  if (config)
    for (const LimitOverride& l : config->limits) {
      e.selection.limits.push_back(l.name.value + "=" + l.value.value);
      e.limit_origin[l.name.value] = origin_of(l.name.where);
    }
  for (const std::string& spec : command_line.limits) {
    e.selection.limits.push_back(spec);
    e.limit_origin[spec.substr(0, spec.find('='))] = "command line (--limit)";
  }
  return e;
}

bool check_names(const Config& config, const std::vector<RequirementPack>& packs, Diagnostics& diagnostics) {
  bool ok = true;
  auto error = [&](const SourceLocation& where, std::string message) {
    diagnostics.push_back(config_error(where, std::move(message)));
    ok = false;
  };
  if (config.packs)
    for (const Located& spec : config.packs->items)
      if (!select_pack(packs, spec.value))
        error(spec.where, "no requirement pack '" + spec.value + "' (see agora-fwlint --list-packs)");
  // SDKs and features are looked up in every pack: which packs a run
  // checks also depends on its command line, which decides the rest.
  if (config.sdks)
    for (const Located& id : config.sdks->items)
      if (std::none_of(packs.begin(), packs.end(), [&](const RequirementPack& p) { return p.find_sdk(id.value); }))
        error(id.where, "unknown sdk '" + id.value + "' (see agora-fwlint --list-sdks)");
  if (config.without)
    for (const Located& feature : config.without->items) {
      bool known = false;
      for (const RequirementPack& p : packs)
        for (const SdkRequirements& sdk : p.sdks)
          for (const auto& list : {sdk.features(), sdk.proxy_features()})
            known = known || std::find(list.begin(), list.end(), feature.value) != list.end();
      if (!known) error(feature.where, "unknown feature '" + feature.value + "' (see agora-fwlint --list-sdks)");
    }
  return ok;
}

}  // namespace fwlint::config
