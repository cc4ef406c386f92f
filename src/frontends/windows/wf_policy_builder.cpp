// SPDX-License-Identifier: Apache-2.0
// Windows decides a connection by deny-overrides, not by rule order: an
// authenticated bypass beats a block, a block beats an allow, and traffic no
// rule matches gets the profile's default outbound action. Each network
// profile has its own settings and rules, so each becomes one path with one
// stage; the program's own outbound connections leave with no ingress
// interface, and their replies are passed by the connection's state.
#include "frontends/windows/wf_policy_builder.h"

#include <string>
#include <vector>

#include "frontends/windows/wf_profiles.h"
#include "fwlint/analysis/findings.h"

namespace fwlint::windows {
namespace {

std::string profile_name(ProfileIndex p) { return kProfileNames[p]; }

/// "Domain, Private and Public".
std::string join_profiles(const std::vector<ProfileIndex>& ps) {
  std::string out;
  for (std::size_t i = 0; i < ps.size(); ++i) {
    if (i > 0) out += i + 1 == ps.size() ? " and " : ", ";
    out += profile_name(ps[i]);
  }
  return out;
}

/// Rule schema version "2.20" or later (RA42/RA62 and AppPkgId exist).
bool at_least_2_20(const std::string& version) {
  std::size_t dot = version.find('.');
  if (dot == std::string::npos) return false;
  int major = 0, minor = 0;
  for (char c : version.substr(0, dot)) major = c >= '0' && c <= '9' && major < 1000 ? major * 10 + (c - '0') : major;
  for (char c : version.substr(dot + 1)) minor = c >= '0' && c <= '9' && minor < 1000 ? minor * 10 + (c - '0') : minor;
  return major > 2 || (major == 2 && minor >= 20);
}

Match uncertain_everything(std::string reason) {
  Match m;
  m.unknown = true;
  m.unknown_reason = std::move(reason);
  return m;
}

Rule make_rule(Match match, ActionKind kind, const SourceLocation& where) {
  Rule r;
  r.match = std::move(match);
  r.action.kind = kind;
  r.location = where;
  return r;
}

/// A match that keeps everything `m` may match, uncertain for `reason`.
Match as_uncertain(const RuleMeaning& m, const std::string& reason) {
  Match out = m.uncertain ? *m.uncertain : *m.certain;
  if (!out.unknown) {
    out.unknown = true;
    out.unknown_reason = reason;
  }
  return out;
}

class Builder {
 public:
  Builder(const WfInput& input, const WfBuildOptions& options, Policy& policy, Diagnostics& diags)
      : input_(input), options_(options), policy_(policy), diags_(diags) {}

  void run() {
    policy_.dialect = "windows";
    meanings_.reserve(input_.rules.size());
    for (const WfRule& r : input_.rules) meanings_.push_back(interpret_rule(r, options_.scope, diags_));
    for (std::uint8_t p = 0; p < 3; ++p) {
      auto profile = static_cast<ProfileIndex>(p);
      if (options_.profiles & profile_bit(profile)) build_profile(profile);
    }
    note_what_is_outside();
  }

 private:
  void build_profile(ProfileIndex p) {
    RuleList list;
    list.name = "outbound rules (" + profile_name(p) + " profile)";
    list.order = EvalOrder::DenyOverrides;
    EffectiveSetting enabled = effective_setting(input_, p, "EnableFirewall");
    if (enabled.state == EffectiveSetting::Set && enabled.value == 0) {
      DefaultAction off;
      off.kind = ActionKind::Allow;
      off.location = enabled.source->location;
      off.description = "Windows Firewall is off in the " + profile_name(p) + " profile (EnableFirewall)";
      list.default_action = off;
      diags_.push_back(Diagnostic{finding_id::kFirewallDisabled, Severity::Warning, off.location,
                                  "Windows Firewall is off in the " + profile_name(p) +
                                      " profile: it allows all traffic there"});
    } else {
      if (enabled.state == EffectiveSetting::Conflicting || enabled.state == EffectiveSetting::Unreadable) {
        // Off would allow everything, so every verdict of the rules is in
        // doubt; a bypass ranks above every block.
        Rule maybe_off = make_rule(
            uncertain_everything(doubt(enabled, "whether Windows Firewall is on in the " + profile_name(p) + " profile")),
            ActionKind::Allow, enabled.source->location);
        maybe_off.bypass = true;
        list.rules.push_back(std::move(maybe_off));
      }
      add_rules(p, list);
      list.default_action = default_outbound(p, list);
    }
    int index = policy_.add_list(std::move(list));

    Path path;
    path.name = profile_name(p) + " profile";
    Stage stage;
    stage.list = index;
    stage.description = "outbound rules of the " + profile_name(p) + " profile";
    path.stages.push_back(stage);
    path.sent_by_device = true;
    path.client_type = kTypeLocal;
    path.sources_description = "this computer" + local_rules_remark(p);
    policy_.paths.push_back(std::move(path));
  }

  /// Whether the computer's own rules join the profile's, as the check's
  /// header states it.
  std::string local_rules_remark(ProfileIndex p) const {
    if (input_.local_store || input_.form == "rule strings") return "";
    EffectiveSetting merge = effective_setting(input_, p, "AllowLocalPolicyMerge");
    if (merge.state == EffectiveSetting::Set && merge.value == 0)
      return "; AllowLocalPolicyMerge off: local rules ignored";
    return "; local rules merged in";
  }

  std::string doubt(const EffectiveSetting& e, const std::string& what) const {
    if (e.state == EffectiveSetting::Unreadable)
      return "the value of " + e.source->name + " (" + e.source->raw + ") cannot be read, so it is unknown " + what;
    const std::string& name = e.source->name;
    std::string conflict = "two settings set " + name + " differently";
    // One GPO can set a value twice: in its Windows Firewall settings and
    // in an Administrative Templates policy that writes the same registry
    // value.
    if (e.source->origin == e.other->origin && !e.source->origin.empty())
      conflict = "GPO '" + e.source->origin + "' sets " + name + " twice, to different values";
    else if (!e.source->origin.empty() && !e.other->origin.empty())
      conflict = "GPOs '" + e.source->origin + "' and '" + e.other->origin + "' set " + name +
                 " differently";
    return conflict + "; the input does not say which takes precedence, so it is unknown " + what;
  }

  void add_rules(ProfileIndex p, RuleList& list) {
    for (std::size_t i = 0; i < meanings_.size(); ++i) {
      const RuleMeaning& m = meanings_[i];
      const WfRule& source = input_.rules[i];
      if (m.never || m.outbound == false || m.active == false || !(m.profiles & profile_bit(p))) continue;
      if (!m.certain && !m.uncertain) continue;
      std::string doubt;
      if (!m.outbound) doubt = "its direction (Dir) is unknown";
      else if (!m.active) doubt = "it may be disabled (Active)";
      if (m.action == RuleAction::Unknown) {
        // Either action is possible: one uncertain rule of each kind.
        std::string why = doubt.empty() ? "its action is unknown" : doubt;
        list.rules.push_back(make_rule(as_uncertain(m, why), ActionKind::Block, source.location));
        list.rules.push_back(make_rule(as_uncertain(m, why), ActionKind::Allow, source.location));
        continue;
      }
      ActionKind kind = m.action == RuleAction::Block ? ActionKind::Block : ActionKind::Allow;
      if (!doubt.empty()) {
        list.rules.push_back(make_rule(as_uncertain(m, doubt), kind, source.location));
        continue;
      }
      if (m.certain) list.rules.push_back(make_rule(*m.certain, kind, source.location));
      if (m.uncertain) list.rules.push_back(make_rule(*m.uncertain, kind, source.location));
    }
  }

  DefaultAction default_outbound(ProfileIndex p, RuleList& list) {
    EffectiveSetting e = effective_setting(input_, p, "DefaultOutboundAction");
    DefaultAction d;
    switch (e.state) {
      case EffectiveSetting::NotSet:
        d.kind = ActionKind::Allow;
        d.description = "Windows' default outbound action (allow): the policy does not set "
                        "DefaultOutboundAction for the " + profile_name(p) + " profile";
        break;
      case EffectiveSetting::Set:
        d.kind = e.value == 0 ? ActionKind::Allow : ActionKind::Block;
        d.location = e.source->location;
        d.description = "default outbound action of the " + profile_name(p) + " profile (" +
                        (e.value == 0 ? "allow" : "block") + ")";
        break;
      case EffectiveSetting::Conflicting:
      case EffectiveSetting::Unreadable:
        // Block, unless an uncertain allow at the end (below every real
        // rule) says it may have been allow.
        d.kind = ActionKind::Block;
        d.location = e.source->location;
        d.description = "default outbound action of the " + profile_name(p) + " profile (in doubt)";
        list.rules.push_back(make_rule(
            uncertain_everything(doubt(e, "whether the " + profile_name(p) + " profile allows or blocks "
                                          "outbound traffic no rule matches")),
            ActionKind::Allow, e.source->location));
        break;
    }
    return d;
  }

  /// Parts of the effective policy that are not in the input.
  void note_what_is_outside() {
    SourceLocation top{1, 1, 0, ""};
    if (input_.form == "rule strings") {
      diags_.push_back(Diagnostic{finding_id::kPartialPolicy, Severity::Note, top,
                                  "rule strings carry no profile settings: Windows' defaults are assumed "
                                  "(firewall on, outbound traffic allowed unless a rule blocks it)"});
      return;
    }
    std::vector<ProfileIndex> merging, state_unset;
    for (std::uint8_t i = 0; i < 3; ++i) {
      auto p = static_cast<ProfileIndex>(i);
      if (!(options_.profiles & profile_bit(p))) continue;
      EffectiveSetting merge = effective_setting(input_, p, "AllowLocalPolicyMerge");
      if (!input_.local_store && !(merge.state == EffectiveSetting::Set && merge.value == 0)) merging.push_back(p);
      if (effective_setting(input_, p, "EnableFirewall").state == EffectiveSetting::NotSet) state_unset.push_back(p);
    }
    if (!merging.empty())
      diags_.push_back(Diagnostic{
          finding_id::kPartialPolicy, Severity::Note, top,
          "the computer's local firewall rules also apply in the " + join_profiles(merging) + " profile" +
              (merging.size() > 1 ? "s" : "") +
              " (AllowLocalPolicyMerge is not off): a rule outside this policy can still block or allow "
              "Agora's traffic there"});
    if (!state_unset.empty())
      diags_.push_back(Diagnostic{
          finding_id::kPartialPolicy, Severity::Note, top,
          "the policy does not set EnableFirewall for the " + join_profiles(state_unset) + " profile" +
              (state_unset.size() > 1 ? "s" : "") +
              ": Windows' default (on) is assumed, but a local setting or another GPO can turn it off"});
    note_dropped_tokens();
  }

  /// Group Policy reports leave out RA42/RA62 and AppPkgId (see
  /// windows-firewall-formats notes): an allow rule scoped only by them
  /// looks unscoped.
  void note_dropped_tokens() {
    if (input_.form != "Group Policy report" && input_.form != "RSoP report") return;
    std::size_t count = 0;
    const WfRule* first = nullptr;
    for (std::size_t i = 0; i < input_.rules.size(); ++i) {
      const WfRule& r = input_.rules[i];
      const RuleMeaning& m = meanings_[i];
      if (m.never || m.outbound != true || m.active != true || m.action != RuleAction::Allow) continue;
      if (!at_least_2_20(r.version)) continue;
      bool has_remote_address = false;
      for (const WfField& f : r.fields)
        has_remote_address = has_remote_address || f.key == "RA4" || f.key == "RA6";
      if (has_remote_address) continue;
      ++count;
      if (!first) first = &r;
    }
    if (count == 0) return;
    diags_.push_back(Diagnostic{
        finding_id::kPartialPolicy, Severity::Note, first->location,
        std::to_string(count) + " outbound allow rule" + (count > 1 ? "s have" : " has") +
            " no remote address in this report; a report leaves out the RA42/RA62 keywords "
            "(PlayTo, RemoteCorpNetwork…) and AppPkgId, so check the GPO's registry.pol if such a rule "
            "should be narrower"});
  }

  const WfInput& input_;
  const WfBuildOptions& options_;
  Policy& policy_;
  Diagnostics& diags_;
  std::vector<RuleMeaning> meanings_;
};

}  // namespace

void build_windows_policy(const WfInput& input, const WfBuildOptions& options, Policy& policy,
                          Diagnostics& diags) {
  Builder(input, options, policy, diags).run();
}

}  // namespace fwlint::windows
