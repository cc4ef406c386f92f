// SPDX-License-Identifier: Apache-2.0
#include "frontends/windows/gpo_report_reader.h"

#include <tinyxml2.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <unordered_map>
#include <utility>
#include <vector>

#include "frontends/windows/xml_elements.h"
#include "frontends/windows/xml_errors.h"
#include "frontends/windows/xml_locator.h"
#include "fwlint/analysis/findings.h"
#include "fwlint/util/strings.h"

namespace fwlint::windows {
namespace {

using tinyxml2::XMLDocument;
using tinyxml2::XMLElement;
using tinyxml2::XMLNode;

constexpr std::string_view kFirewallNamespace =
    "http://www.microsoft.com/GroupPolicy/Settings/WindowsFirewall";
constexpr std::string_view kPowerShellNamespace = "http://schemas.microsoft.com/powershell/2004/04";
/// The Administrative Templates policy that sets EnableFirewall per profile.
constexpr std::string_view kProtectAllConnections =
    "Windows Firewall: Protect all network connections";

/// RSoP reports put the GPO a value comes from and its precedence beside
/// the value; they are not part of it.
bool is_rsop_provenance(const XMLElement* e) { return named(e, "GPO") || named(e, "Precedence"); }

/// An Extension element holding Windows Firewall settings: it binds a prefix
/// to the firewall namespace or has xsi:type="qN:WindowsFirewallSettings".
bool is_firewall_extension(const XMLElement* e) {
  for (const tinyxml2::XMLAttribute* a = e->FirstAttribute(); a; a = a->Next()) {
    std::string_view name = a->Name();
    if (name.starts_with("xmlns:") && a->Value() == kFirewallNamespace) return true;
    if (local_name(a->Name()) == "type" && local_name(a->Value()) == "WindowsFirewallSettings")
      return true;
  }
  return false;
}

std::string shortened(std::string_view s, std::size_t max = 80) {
  return s.size() <= max ? std::string(s) : std::string(s.substr(0, max)) + "...";
}

// --- values ------------------------------------------------------------------

/// Report booleans are the policy DWORD (true = 1); numbers are as is.
bool parse_setting_value(std::string_view raw, std::uint32_t& value) {
  if (iequals(raw, "true")) {
    value = 1;
    return true;
  }
  if (iequals(raw, "false")) {
    value = 0;
    return true;
  }
  if (raw.empty() ||
      !std::all_of(raw.begin(), raw.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return false;
  auto [end, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), value);
  return ec == std::errc() && end == raw.data() + raw.size();
}

/// Settings whose value is text by nature: no warning when they are not a number.
bool is_text_setting(std::string_view name) { return name == "LogFilePath"; }

std::optional<ProfileIndex> profile_of(std::string_view element) {
  if (element == "DomainProfile") return kDomainProfile;
  if (element == "PrivateProfile") return kPrivateProfile;
  if (element == "PublicProfile") return kPublicProfile;
  return std::nullopt;
}

std::size_t item_count(const WfInput& in) {
  std::size_t n = in.rules.size() + in.standard_profile.settings.size();
  for (const WfProfileSettings& p : in.profiles) n += p.settings.size();
  return n;
}

// --- the reader --------------------------------------------------------------

/// What the report says about one GPO element.
struct GpoState {
  std::string name;
  bool computer_disabled = false;  ///< <Computer><Enabled>false</Enabled>
  SourceLocation enabled_at;
  bool has_firewall = false;
  std::size_t ignored_items = 0;  ///< firewall rules and settings that do not apply
  bool listed = false;            ///< in WfInput::gpo_names
};

class ReportReader {
 public:
  ReportReader(std::string_view text, Diagnostics& diags)
      : text_(text), diags_(diags), locate_(text) {}

  std::optional<WfInput> read() {
    if (!parse()) return std::nullopt;
    const XMLElement* root = doc_.RootElement();
    if (root == nullptr) {
      error(locate_.at_line(1), "XML document has no root element");
      return std::nullopt;
    }
    if (!identify(root)) return std::nullopt;
    for (const XMLElement* e = root; e;) {
      std::string_view name = local_name(e->Name());
      bool done = false;  // the element was read whole: do not walk into it
      if (name == "GPO") {
        note_gpo(e);
      } else if (name == "Extension" && is_firewall_extension(e)) {
        take(e, [&](WfInput& into, Diagnostics& diags, const std::string& origin) {
          read_firewall_extension(e, origin, into, diags);
        });
        done = true;
      } else if (name == "Policy" && is_protect_all_connections(e)) {
        take(e, [&](WfInput& into, Diagnostics& diags, const std::string& origin) {
          read_legacy_policy(e, origin, into, diags);
        });
        done = true;
      }
      e = next_element(e, done);
    }
    report_disabled_gpos();
    if (!found_firewall_) {
      error(locate_.at_line(1), "no Windows Firewall settings in this report");
      return std::nullopt;
    }
    return std::move(input_);
  }

 private:
  void error(SourceLocation where, std::string message) {
    diags_.push_back(
        {finding_id::kUnreadableInput, Severity::Error, std::move(where), std::move(message)});
  }

  bool parse() {
    if (std::optional<std::size_t> offset = crowded_tag(text_)) {
      auto line =
          static_cast<std::uint32_t>(std::count(text_.begin(), text_.begin() + *offset, '\n') + 1);
      error(locate_.at_line(line), "XML cannot be read: an element has more than " +
                                       std::to_string(kMaxAttributesPerElement) + " attributes");
      return false;
    }
    if (doc_.Parse(text_.data(), text_.size()) == tinyxml2::XML_SUCCESS) return true;
    error(locate_.at_line(static_cast<std::uint32_t>(std::max(doc_.ErrorLineNum(), 1))),
          parse_error_message(doc_));
    return false;
  }

  /// Sets the form from the root element, or rejects other kinds of XML.
  bool identify(const XMLElement* root) {
    std::string_view name = local_name(root->Name());
    std::string rejection = "XML is not a Group Policy or RSoP report";
    if (name == "Rsop") {
      input_.form = "RSoP report";
      return true;
    }
    if (name == "Objs") {
      if (bound_namespace(root, "") == kPowerShellNamespace)
        rejection =
            "PowerShell CLIXML of Get-NetFirewallRule has no ports or addresses (they are in "
            "Get-NetFirewallPortFilter/AddressFilter); export the GPO with Get-GPOReport "
            "-ReportType Xml instead";
    } else if (name == "SyncML" || name == "MgmtTree") {
      rejection = "MDM Firewall CSP SyncML is not supported";
    } else if (name == "GPO" || contains_element(root, "GPO")) {
      input_.form = "Group Policy report";  // one GPO, or a wrapper around several
      return true;
    }
    error(locate_.at(root), rejection);
    return false;
  }

  /// Remembers a GPO element; when its computer half is disabled, where.
  /// Done when the walk reaches it, before any of its settings, so that
  /// locations are asked for in document order.
  void note_gpo(const XMLElement* gpo) {
    GpoState state;
    state.name = text_of(child_named(gpo, "Name"));
    if (const XMLElement* enabled = child_named(child_named(gpo, "Computer"), "Enabled")) {
      if (iequals(text_of(enabled), "false")) {
        state.computer_disabled = true;
        state.enabled_at = locate_.at(enabled);
      }
    }
    gpo_index_[gpo] = gpos_.size();
    gpos_.push_back(std::move(state));
  }

  GpoState* enclosing_gpo(const XMLElement* e) {
    for (const XMLElement* p = parent_element(e); p; p = parent_element(p)) {
      if (!named(p, "GPO")) continue;
      auto it = gpo_index_.find(p);
      return it == gpo_index_.end() ? nullptr : &gpos_[it->second];
    }
    return nullptr;
  }

  /// Reads firewall settings with `read` into the result, or, when their GPO
  /// has its computer half disabled, only counts them for the warning.
  template <typename Read>
  void take(const XMLElement* e, Read read) {
    found_firewall_ = true;
    GpoState* gpo = enclosing_gpo(e);
    std::string origin = gpo ? gpo->name : "";
    if (gpo && gpo->computer_disabled) {
      WfInput ignored;
      Diagnostics ignored_diags;
      read(ignored, ignored_diags, origin);
      gpo->has_firewall = true;
      gpo->ignored_items += item_count(ignored);
      return;
    }
    read(input_, diags_, origin);
    if (gpo && !gpo->listed && !gpo->name.empty()) {
      gpo->listed = true;
      input_.gpo_names.push_back(gpo->name);
    }
  }

  void report_disabled_gpos() {
    for (const GpoState& gpo : gpos_) {
      if (!gpo.computer_disabled || !gpo.has_firewall) continue;
      std::string which = gpo.name.empty() ? "a GPO" : "GPO '" + gpo.name + "'";
      diags_.push_back({finding_id::kPartialPolicy, Severity::Warning, gpo.enabled_at,
                        "the computer half of " + which + " is disabled, so none of its " +
                            std::to_string(gpo.ignored_items) +
                            " firewall rules and settings apply"});
    }
  }

  // --- the Windows Firewall extension ---------------------------------------

  void read_firewall_extension(const XMLElement* ext, const std::string& origin, WfInput& into,
                               Diagnostics& diags) {
    // Children in another namespace than the firewall's are not firewall
    // settings whatever their local name; one warning per prefix.
    struct Foreign {
      std::string prefix, ns;
      std::size_t count = 0;
      SourceLocation first;
    };
    std::vector<Foreign> foreign;
    std::map<std::string, std::optional<std::string_view>, std::less<>> bound_at_extension;
    for (const XMLElement* c = ext->FirstChildElement(); c; c = c->NextSiblingElement()) {
      std::string_view prefix = prefix_of(c->Name());
      std::string own_attribute = prefix.empty() ? "xmlns" : "xmlns:" + std::string(prefix);
      std::optional<std::string_view> ns;
      if (const char* own = c->Attribute(own_attribute.c_str())) {
        ns = own;
      } else {
        auto it = bound_at_extension.find(prefix);
        if (it == bound_at_extension.end())
          it = bound_at_extension.emplace(std::string(prefix), bound_namespace(ext, prefix)).first;
        ns = it->second;
      }
      // An unbound prefix cannot be checked (tinyxml2 does not enforce
      // namespaces); the local name decides then.
      if (ns && *ns != kFirewallNamespace) {
        auto f = std::find_if(foreign.begin(), foreign.end(),
                              [&](const Foreign& x) { return x.prefix == prefix; });
        if (f == foreign.end()) {
          foreign.push_back({std::string(prefix), shortened(*ns), 0, locate_.at(c)});
          f = foreign.end() - 1;
        }
        ++f->count;
        continue;
      }
      std::string_view name = local_name(c->Name());
      if (std::optional<ProfileIndex> profile = profile_of(name)) {
        read_profile(c, origin, into.profiles[*profile], diags);
      } else if (name == "InboundFirewallRules") {
        into.rules.push_back(read_rule(c, "In", origin));
      } else if (name == "OutboundFirewallRules") {
        into.rules.push_back(read_rule(c, "Out", origin));
      }
      // GlobalSettings (PolicyVersion…) and anything else: not about
      // which traffic passes.
    }
    for (const Foreign& f : foreign) {
      std::string prefix = f.prefix.empty() ? "no prefix" : "prefix '" + f.prefix + "'";
      diags.push_back({finding_id::kUnsupportedConstruct, Severity::Warning, f.first,
                       std::to_string(f.count) +
                           " element(s) of the Windows Firewall extension with " + prefix +
                           " are in namespace '" + f.ns +
                           "', not the Windows Firewall namespace: skipped"});
    }
  }

  void read_profile(const XMLElement* profile, const std::string& origin, WfProfileSettings& into,
                    Diagnostics& diags) {
    for (const XMLElement* c = profile->FirstChildElement(); c; c = c->NextSiblingElement()) {
      if (is_rsop_provenance(c)) continue;
      WfSetting setting;
      setting.name = std::string(local_name(c->Name()));
      setting.location = locate_.at(c);
      setting.origin = origin;
      // <q1:EnableFirewall><q1:Value>true</q1:Value></q1:EnableFirewall>;
      // RSoP puts <GPO> and <Precedence> before the Value.
      const XMLElement* value = child_named(c, "Value");
      setting.raw = value ? text_of(value) : text_of(c);
      setting.readable = parse_setting_value(setting.raw, setting.value);
      if (!setting.readable && !is_text_setting(setting.name))
        diags.push_back({finding_id::kUnrecognizedLine, Severity::Warning, setting.location,
                         "setting '" + setting.name + "' has the value '" + shortened(setting.raw) +
                             "', which is neither true/false nor a number"});
      into.settings.push_back(std::move(setting));
    }
  }

  WfRule read_rule(const XMLElement* e, const char* direction, const std::string& origin) {
    WfRule rule;
    rule.location = locate_.at(e);
    rule.container_direction = direction;
    rule.origin = origin;
    bool have_version = false;
    for (const XMLElement* c = e->FirstChildElement(); c; c = c->NextSiblingElement()) {
      if (is_rsop_provenance(c)) continue;
      std::string_view key = local_name(c->Name());
      if (key == "Version" && !have_version) {
        have_version = true;
        rule.version = text_of(c);
        // The report writes "2.20"; tolerate the rule string's "v2.20".
        if (!rule.version.empty() && (rule.version[0] == 'v' || rule.version[0] == 'V'))
          rule.version.erase(0, 1);
        continue;
      }
      rule.fields.push_back({std::string(key), text_of(c), locate_.at(c)});
    }
    return rule;
  }

  // --- the legacy Administrative Templates setting ---------------------------

  /// `<qN:Policy>` of the Registry extension that switches the firewall on
  /// or off (Network/Network Connections/Windows Firewall/…).
  static bool is_protect_all_connections(const XMLElement* policy) {
    const XMLElement* parent = parent_element(policy);
    return parent && named(parent, "Extension") &&
           text_of(child_named(policy, "Name")) == kProtectAllConnections;
  }

  void read_legacy_policy(const XMLElement* policy, const std::string& origin, WfInput& into,
                          Diagnostics& diags) {
    std::string category = text_of(child_named(policy, "Category"));
    WfProfileSettings* target = nullptr;
    if (category.ends_with("/Domain Profile")) target = &into.profiles[kDomainProfile];
    if (category.ends_with("/Standard Profile")) target = &into.standard_profile;
    if (target == nullptr) return;
    WfSetting setting;
    setting.name = "EnableFirewall";
    setting.location = locate_.at(child_named(policy, "Name"));
    setting.origin = origin;
    setting.raw = text_of(child_named(policy, "State"));
    if (setting.raw == "NotConfigured") return;
    if (setting.raw == "Enabled" || setting.raw == "Disabled") {
      setting.value = setting.raw == "Enabled" ? 1 : 0;
    } else {
      setting.readable = false;
      diags.push_back({finding_id::kUnrecognizedLine, Severity::Warning, setting.location,
                       "policy '" + std::string(kProtectAllConnections) + "' has the state '" +
                           shortened(setting.raw) + "', which is neither Enabled nor Disabled"});
    }
    target->settings.push_back(std::move(setting));
  }

  std::string_view text_;
  Diagnostics& diags_;
  XmlLocator locate_;
  XMLDocument doc_;
  WfInput input_;
  std::vector<GpoState> gpos_;  ///< in document order
  std::unordered_map<const XMLElement*, std::size_t> gpo_index_;
  bool found_firewall_ = false;
};

}  // namespace

std::optional<WfInput> read_gpo_report(std::string_view utf8_xml, Diagnostics& diags) {
  return ReportReader(utf8_xml, diags).read();
}

}  // namespace fwlint::windows
