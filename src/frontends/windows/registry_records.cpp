// SPDX-License-Identifier: Apache-2.0
#include "frontends/windows/registry_records.h"

#include <map>
#include <utility>

#include "frontends/common/utf8.h"
#include "fwlint/analysis/findings.h"
#include "fwlint/util/strings.h"

namespace fwlint::windows {
namespace {

constexpr std::string_view kGroupPolicyStore = "SOFTWARE\\Policies\\Microsoft\\WindowsFirewall";
constexpr std::string_view kLocalStoreServices = "\\Services\\SharedAccess\\Parameters\\FirewallPolicy";

enum class Store { None, GroupPolicy, Local };

/// Which store a key is in, and the rest of the key below the store
/// ("" for the store itself, "FirewallRules", "DomainProfile\Logging", …).
struct KeyPlace {
  Store store = Store::None;
  std::string_view below;
};

bool istarts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

/// The key without its HKLM prefix; nullopt for the keys of another hive.
/// Keys without a hive (registry.pol's) are machine keys.
std::optional<std::string_view> machine_key(std::string_view key) {
  while (!key.empty() && key.front() == '\\') key.remove_prefix(1);
  while (!key.empty() && key.back() == '\\') key.remove_suffix(1);
  for (std::string_view hive : {"HKEY_LOCAL_MACHINE\\", "HKLM\\", "HKLM:\\"})
    if (istarts_with(key, hive)) return key.substr(hive.size());
  if (iequals(key, "HKEY_LOCAL_MACHINE") || iequals(key, "HKLM")) return std::string_view{};
  for (std::string_view hive : {"HKEY_", "HKCU\\", "HKU\\", "HKCR\\", "HKCC\\", "HKCU:\\"})
    if (istarts_with(key, hive)) return std::nullopt;
  return key;
}

/// `prefix` then the end of `key` or a backslash: the rest after it.
std::optional<std::string_view> below_prefix(std::string_view key, std::string_view prefix) {
  if (!istarts_with(key, prefix)) return std::nullopt;
  std::string_view rest = key.substr(prefix.size());
  if (rest.empty()) return rest;
  if (rest.front() != '\\') return std::nullopt;
  return rest.substr(1);
}

KeyPlace place_of(std::string_view key) {
  std::optional<std::string_view> machine = machine_key(key);
  if (!machine) return {};
  if (auto below = below_prefix(*machine, kGroupPolicyStore)) return {Store::GroupPolicy, *below};
  // SYSTEM\CurrentControlSet\… or the control set it links to
  // (SYSTEM\ControlSet001\…), as an export of an offline hive shows it.
  if (!istarts_with(*machine, "SYSTEM\\")) return {};
  std::string_view rest = machine->substr(7);
  std::size_t set_end = rest.find('\\');
  std::string_view control_set = rest.substr(0, set_end);
  bool numbered = control_set.size() == 13 && istarts_with(control_set, "ControlSet") &&
                  control_set.substr(10).find_first_not_of("0123456789") == std::string_view::npos;
  if (set_end == std::string_view::npos || !(iequals(control_set, "CurrentControlSet") || numbered))
    return {};
  if (auto below = below_prefix(rest.substr(set_end), kLocalStoreServices)) return {Store::Local, *below};
  return {};
}

/// registry.pol's special value names: `**del.Name`, `**delvals.`,
/// `**DeleteValues`, `**DeleteKeys` delete what other GPOs or the local
/// store set.
bool is_deletion_name(std::string_view name) {
  return istarts_with(name, "**del.") || istarts_with(name, "**delvals") ||
         istarts_with(name, "**DeleteValues") || istarts_with(name, "**DeleteKeys");
}

/// A `[-KEY]` deletion concerns the firewall when it deletes a store, a
/// part of one, or a key above one.
bool deletes_firewall_key(std::string_view key) {
  if (place_of(key).store != Store::None) return true;
  std::optional<std::string_view> machine = machine_key(key);
  if (!machine || machine->empty()) return machine.has_value();
  auto above = [&](std::string_view store) { return below_prefix(store, *machine).has_value(); };
  return above(kGroupPolicyStore) ||
         above("SYSTEM\\CurrentControlSet\\Services\\SharedAccess\\Parameters\\FirewallPolicy");
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

/// Maps records to a WfInput, one store at a time.
class RegistryMapper {
 public:
  RegistryMapper(std::string form, Diagnostics& diags, std::size_t max_rule_string_length)
      : diags_(diags), max_rule_string_length_(max_rule_string_length) {
    input_.form = std::move(form);
  }

  WfInput map(const std::vector<RegistryRecord>& records) {
    // A machine's whole registry holds both stores. Windows merges local
    // rules into Group Policy ones only when AllowLocalPolicyMerge allows;
    // that is not modelled, so the Group Policy store alone is read, and
    // the user is told.
    bool has_group_policy = false, has_local = false;
    for (const RegistryRecord& r : records) {
      Store store = place_of(r.key).store;
      has_group_policy |= store == Store::GroupPolicy;
      has_local |= store == Store::Local;
    }
    Store wanted = has_group_policy ? Store::GroupPolicy : Store::Local;
    input_.local_store = !has_group_policy && has_local;
    bool local_ignored_reported = false;
    for (const RegistryRecord& r : records) {
      KeyPlace place = place_of(r.key);
      if (r.deletes || is_deletion_name(r.value_name)) {
        bool key_deletion = r.deletes && r.value_name.empty();
        if (key_deletion ? deletes_firewall_key(r.key) : place.store != Store::None) report_deletion(r);
        continue;
      }
      if (place.store == Store::None) continue;
      if (place.store != wanted) {
        if (!local_ignored_reported)
          diags_.push_back(Diagnostic{
              finding_id::kUnsupportedConstruct, Severity::Warning, r.location,
              "the input holds both the Group Policy and the local firewall store; only the Group Policy "
              "store is read, local rules and settings are ignored"});
        local_ignored_reported = true;
        continue;
      }
      map_record(r, place);
    }
    return std::move(input_);
  }

 private:
  void report_deletion(const RegistryRecord& r) {
    if (deletion_reported_) return;
    deletion_reported_ = true;
    std::string what = r.deletes ? (r.value_name.empty() ? "key " + r.key : "value '" + r.value_name + "'")
                                 : "'" + r.value_name + "'";
    diags_.push_back(Diagnostic{finding_id::kUnsupportedConstruct, Severity::Note, r.location,
                                "the input deletes registry values (" + what +
                                    "); deletions of values set by other GPOs or locally are not applied"});
  }

  void map_record(const RegistryRecord& r, const KeyPlace& place) {
    std::string_view name = r.value_name;
    if (name.substr(0, 2) == "**") {
      // `**soft.Name` sets Name unless it exists; other `**` names
      // (`**SecureKey`) are about the key's permissions, not values.
      if (!istarts_with(name, "**soft.")) return;
      name.remove_prefix(7);
    }
    if (iequals(place.below, "FirewallRules")) return add_rule(r, name);
    WfProfileSettings* profile = profile_for(place);
    if (profile) add_setting(r, name, *profile);
    // Other keys (the store's PolicyVersion, Logging subkeys, IPsec and
    // connection security settings) say nothing about which traffic passes.
  }

  WfProfileSettings* profile_for(const KeyPlace& place) {
    std::string_view key = place.below;
    if (iequals(key, "DomainProfile")) return &input_.profiles[kDomainProfile];
    if (iequals(key, "PrivateProfile")) return &input_.profiles[kPrivateProfile];
    if (iequals(key, "PublicProfile")) return &input_.profiles[kPublicProfile];
    if (iequals(key, "StandardProfile")) {
      // The local store keeps the Private profile under its pre-Vista
      // name; in the Group Policy store StandardProfile is the legacy
      // Administrative Templates profile.
      return place.store == Store::Local ? &input_.profiles[kPrivateProfile] : &input_.standard_profile;
    }
    return nullptr;
  }

  void add_rule(const RegistryRecord& r, std::string_view id) {
    WfRule rule;
    if (r.type == kRegSz || r.type == kRegExpandSz) {
      rule = read_rule_string(r.data_utf8, r.location, r.data_columns, diags_, max_rule_string_length_);
    } else {
      // Kept as an unreadable rule: it could be a block rule.
      rule.location = r.location;
      rule.unreadable = "not a string value";
      diags_.push_back(Diagnostic{finding_id::kUnrecognizedLine, Severity::Warning, r.location,
                                  "firewall rule '" + std::string(id) + "' is a " +
                                      registry_type_name(r.type) + " value, not a rule string (REG_SZ)"});
    }
    rule.id = std::string(id);
    auto [it, added] = rule_index_.try_emplace(lower(id), input_.rules.size());
    if (added) {
      input_.rules.push_back(std::move(rule));
      return;
    }
    // One registry value per name: a later record replaces the earlier.
    diags_.push_back(Diagnostic{
        finding_id::kDuplicateDefinition, Severity::Warning, r.location,
        "firewall rule '" + std::string(id) + "' is set more than once; the last value replaces the others"});
    input_.rules[it->second] = std::move(rule);
  }

  void add_setting(const RegistryRecord& r, std::string_view name, WfProfileSettings& profile) {
    WfSetting setting;
    setting.name = std::string(name);
    setting.location = r.location;
    if (r.type == kRegDword && r.dword) {
      setting.value = *r.dword;
      setting.raw = std::to_string(*r.dword);
    } else {
      setting.readable = false;
      setting.raw = r.data_utf8;
      std::string what = r.type == kRegDword ? "a REG_DWORD without four bytes of data"
                                             : "a " + registry_type_name(r.type) + " value";
      // A list is expected for some settings (DisabledInterfaces), so it
      // is only noted; a string or binary where numbers are is a mistake.
      Severity severity = r.type == kRegMultiSz ? Severity::Note : Severity::Warning;
      diags_.push_back(Diagnostic{finding_id::kUnrecognizedLine, severity, r.location,
                                  "profile setting '" + setting.name + "' is " + what +
                                      " where a number (REG_DWORD) is expected; its value is unknown"});
    }
    auto [it, added] = setting_index_.try_emplace({&profile, lower(name)}, profile.settings.size());
    if (added) {
      profile.settings.push_back(std::move(setting));
      return;
    }
    diags_.push_back(Diagnostic{
        finding_id::kDuplicateDefinition, Severity::Warning, r.location,
        "profile setting '" + setting.name + "' is set more than once; the last value replaces the others"});
    profile.settings[it->second] = std::move(setting);
  }

  WfInput input_;
  Diagnostics& diags_;
  std::size_t max_rule_string_length_;
  // Registry names are case-insensitive: lower-case name -> index.
  std::map<std::string, std::size_t> rule_index_;
  std::map<std::pair<const WfProfileSettings*, std::string>, std::size_t> setting_index_;
  bool deletion_reported_ = false;
};

}  // namespace

std::string registry_type_name(std::uint32_t type) {
  switch (type) {
    case kRegNone:
      return "REG_NONE";
    case kRegSz:
      return "REG_SZ";
    case kRegExpandSz:
      return "REG_EXPAND_SZ";
    case kRegBinary:
      return "REG_BINARY";
    case kRegDword:
      return "REG_DWORD";
    case kRegDwordBigEndian:
      return "REG_DWORD_BIG_ENDIAN";
    case 6:
      return "REG_LINK";
    case kRegMultiSz:
      return "REG_MULTI_SZ";
    case kRegQword:
      return "REG_QWORD";
    default:
      return "registry type " + std::to_string(type);
  }
}

std::string utf16le_to_utf8(std::string_view bytes, std::size_t& unpaired) {
  std::string out;
  out.reserve(bytes.size() / 2);
  auto unit = [&](std::size_t i) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[2 * i]) |
                                      (static_cast<unsigned char>(bytes[2 * i + 1]) << 8));
  };
  const std::size_t units = bytes.size() / 2;
  for (std::size_t i = 0; i < units; ++i) {
    std::uint32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF && i + 1 < units && unit(i + 1) >= 0xDC00 && unit(i + 1) <= 0xDFFF) {
      append_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (unit(i + 1) - 0xDC00));
      ++i;
    } else if (u >= 0xD800 && u <= 0xDFFF) {
      append_utf8(out, 0xFFFD);
      ++unpaired;
    } else {
      append_utf8(out, u);
    }
  }
  return out;
}

void remove_trailing_nuls(std::string& text) {
  while (!text.empty() && text.back() == '\0') text.pop_back();
}

WfInput settings_from_registry(const std::vector<RegistryRecord>& records, std::string form,
                               Diagnostics& diags, std::size_t max_rule_string_length) {
  return RegistryMapper(std::move(form), diags, max_rule_string_length).map(records);
}

}  // namespace fwlint::windows
