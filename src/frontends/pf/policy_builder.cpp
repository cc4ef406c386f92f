// SPDX-License-Identifier: Apache-2.0
#include "frontends/pf/policy_builder.h"

#include <set>
#include <string>

#include "frontends/pf/pf_paths.h"
#include "frontends/pf/pf_policy_rulesets.h"
#include "fwlint/analysis/findings.h"

namespace fwlint::pf {
namespace {

/// Why a statement the reader set aside can still matter for a check, for
/// the kinds where it can; nullptr for those that never decide a verdict
/// (scrub, queues, most `set` options).
const char* why_ignored_matters(const std::string& kind) {
  if (kind == "antispoof")
    return "antispoof blocks packets whose source address does not belong behind the interface they arrive "
           "on; "
           "interface addresses are not in pf.conf, so the check assumes the clients' addresses are not "
           "spoofed";
  if (kind == "rdr")
    return "rdr redirects connections before the filter rules see them; redirected connections are not "
           "modeled (the check assumes the checked traffic is not redirected)";
  if (kind == "nat" || kind == "binat")
    return "translates source addresses before the filter rules see them; outbound rules that filter on the "
           "source are unknown";
  if (kind == "ether") return "ether rules filter Ethernet frames before pf's IP rules; they are not modeled";
  if (kind == "nat-anchor" || kind == "rdr-anchor" || kind == "binat-anchor")
    return "translation anchors are filled at run time; their translations are not modeled";
  return nullptr;
}

void note_ignored(const PfConfig& config, Diagnostics& diags) {
  std::set<std::string> noted;
  for (const auto& [kind, where] : config.ignored) {
    const char* why = why_ignored_matters(kind);
    if (why == nullptr || !noted.insert(kind).second) continue;
    std::string message = kind == "nat" || kind == "binat" ? kind + " " + why : why;
    diags.push_back(Diagnostic{finding_id::kUnsupportedConstruct, Severity::Note, where, std::move(message)});
  }
}

}  // namespace

void build_policy(const PfConfig& config, const PathOptions& options, Policy& policy, Diagnostics& diags) {
  policy.dialect = "pf";
  RulesetBuilder rulesets(config, options, policy, diags);
  int main_list = rulesets.build_main();
  add_paths(scan_role_signals(config, options), options, main_list, policy, diags);
  note_ignored(config, diags);
}

}  // namespace fwlint::pf
