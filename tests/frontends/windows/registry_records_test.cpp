// SPDX-License-Identifier: Apache-2.0
// Registry records to WfInput: which keys are the firewall's, rules by
// value name, profile DWORDs, the local store, deletions, wrong types and
// duplicates. Records are written by hand here (synthetic).
#include <gtest/gtest.h>

#include "frontends/windows/registry_records.h"
#include "fwlint/analysis/findings.h"

namespace fwlint::windows {
namespace {

const std::string kGpo = "SOFTWARE\\Policies\\Microsoft\\WindowsFirewall";
const std::string kLocal =
    "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\SharedAccess\\Parameters\\FirewallPolicy";

std::string dump(const Diagnostics& diags) {
  std::string s;
  for (const Diagnostic& d : diags)
    s += d.id + " " + severity_name(d.severity) + " " + std::to_string(d.where.line) + ":" +
         std::to_string(d.where.column) + " " + d.message + "\n";
  return s;
}

std::size_t count(const Diagnostics& diags, const std::string& id, Severity severity) {
  std::size_t n = 0;
  for (const Diagnostic& d : diags) n += d.id == id && d.severity == severity;
  return n;
}

/// Records numbered like registry.pol records (line = position).
class Records {
 public:
  Records& sz(std::string key, std::string name, std::string data, std::uint32_t type = kRegSz) {
    RegistryRecord r = base(std::move(key), std::move(name), type);
    r.data_utf8 = std::move(data);
    r.location.text = r.key + "\\" + r.value_name + " = " + r.data_utf8;
    r.data_columns.first = static_cast<std::uint32_t>(r.key.size() + r.value_name.size() + 5);
    list.push_back(std::move(r));
    return *this;
  }
  Records& dword(std::string key, std::string name, std::uint32_t value) {
    RegistryRecord r = base(std::move(key), std::move(name), kRegDword);
    r.dword = value;
    list.push_back(std::move(r));
    return *this;
  }
  Records& other(std::string key, std::string name, std::uint32_t type) {
    list.push_back(base(std::move(key), std::move(name), type));
    return *this;
  }
  Records& deletion(std::string key, std::string name) {
    RegistryRecord r = base(std::move(key), std::move(name), kRegNone);
    r.deletes = true;
    list.push_back(std::move(r));
    return *this;
  }
  WfInput map(Diagnostics& diags, std::string form = "registry.pol") const {
    return settings_from_registry(list, std::move(form), diags);
  }

  std::vector<RegistryRecord> list;

 private:
  RegistryRecord base(std::string key, std::string name, std::uint32_t type) const {
    RegistryRecord r;
    r.key = std::move(key);
    r.value_name = std::move(name);
    r.type = type;
    r.location.line = static_cast<std::uint32_t>(list.size() + 1);
    return r;
  }
};

const WfSetting* setting(const WfProfileSettings& profile, const std::string& name) {
  for (const WfSetting& s : profile.settings)
    if (s.name == name) return &s;
  return nullptr;
}

TEST(WfRegistryRecords, ReadsTheGroupPolicyStore) {
  Records records;
  records.dword(kGpo, "PolicyVersion", 538)
      .sz(kGpo + "\\FirewallRules", "{R1}", "v2.30|Action=Allow|Dir=Out|RPort=443|")
      .dword(kGpo + "\\DomainProfile", "EnableFirewall", 1)
      .dword(kGpo + "\\DomainProfile\\Logging", "LogDroppedPackets", 1)
      .dword(kGpo + "\\PrivateProfile", "DefaultOutboundAction", 1)
      .dword(kGpo + "\\PublicProfile", "AllowLocalPolicyMerge", 0)
      .sz(kGpo + "\\FirewallRules", "{R2}", "v2.30|Action=Block|Dir=Out|RPort=5000|");
  Diagnostics diags;
  WfInput input = records.map(diags);
  EXPECT_TRUE(diags.empty()) << dump(diags);
  EXPECT_EQ(input.form, "registry.pol");
  EXPECT_FALSE(input.local_store);
  ASSERT_EQ(input.rules.size(), 2u);
  EXPECT_EQ(input.rules[0].id, "{R1}");
  EXPECT_EQ(input.rules[0].version, "2.30");
  EXPECT_EQ(input.rules[0].location.line, 2u);
  EXPECT_EQ(input.rules[1].id, "{R2}");
  ASSERT_EQ(input.profiles[kDomainProfile].settings.size(), 1u);  // Logging is not a profile setting
  const WfSetting& enable = input.profiles[kDomainProfile].settings[0];
  EXPECT_EQ(enable.name, "EnableFirewall");
  EXPECT_EQ(enable.value, 1u);
  EXPECT_EQ(enable.raw, "1");
  EXPECT_TRUE(enable.readable);
  EXPECT_EQ(enable.location.line, 3u);
  ASSERT_NE(setting(input.profiles[kPrivateProfile], "DefaultOutboundAction"), nullptr);
  ASSERT_NE(setting(input.profiles[kPublicProfile], "AllowLocalPolicyMerge"), nullptr);
  EXPECT_EQ(setting(input.profiles[kPublicProfile], "AllowLocalPolicyMerge")->value, 0u);
  EXPECT_TRUE(input.standard_profile.settings.empty());
}

TEST(WfRegistryRecords, FieldsOfARuleGetColumnsInTheRecordText) {
  Records records;
  records.sz(kGpo + "\\FirewallRules", "{R1}", "v2.30|Action=Allow|");
  Diagnostics diags;
  WfInput input = records.map(diags);
  ASSERT_EQ(input.rules.size(), 1u);
  const WfField& action = input.rules[0].fields.at(0);
  EXPECT_EQ(field_location(input.rules[0], action).text.substr(action.location.column - 1, 12), "Action=Allow");
}

TEST(WfRegistryRecords, KeysAreCaseInsensitiveWithOrWithoutTheHive) {
  Records records;
  records
      .sz("HKLM\\software\\policies\\microsoft\\windowsfirewall\\firewallrules", "a", "v2.30|Action=Allow|")
      .sz("HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\FirewallRules\\", "b",
          "v2.30|Action=Allow|")
      .dword("hkey_local_machine\\Software\\Policies\\Microsoft\\WindowsFirewall\\publicprofile",
             "EnableFirewall", 0)
      // Not the firewall: other hives, look-alike keys, other policies.
      .sz("HKEY_CURRENT_USER\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\FirewallRules", "c", "v2.30|")
      .sz("SOFTWARE\\Policies\\Microsoft\\WindowsFirewallX\\FirewallRules", "d", "v2.30|")
      .dword("SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU", "NoAutoUpdate", 1)
      .sz(kGpo + "\\FirewallRules\\Sub", "e", "v2.30|");
  Diagnostics diags;
  WfInput input = records.map(diags);
  EXPECT_TRUE(diags.empty()) << dump(diags);
  ASSERT_EQ(input.rules.size(), 2u);
  EXPECT_EQ(input.rules[0].id, "a");
  EXPECT_EQ(input.rules[1].id, "b");
  EXPECT_EQ(input.profiles[kPublicProfile].settings.size(), 1u);
}

TEST(WfRegistryRecords, ReadsTheLocalStore) {
  Records records;
  records
      .sz(kLocal + "\\FirewallRules", "CoreNet-DNS-Out-UDP",
          "v2.30|Action=Allow|Dir=Out|Protocol=17|RPort=53|")
      .dword(kLocal + "\\DomainProfile", "EnableFirewall", 1)
      // The local store keeps the Private profile under its old name.
      .dword(kLocal + "\\StandardProfile", "DefaultOutboundAction", 1)
      .dword(kLocal + "\\PublicProfile", "DefaultOutboundAction", 0)
      .sz(kLocal + "\\RestrictedServices\\Static\\System", "x", "v2.30|Action=Block|")
      .dword("SYSTEM\\ControlSet001\\Services\\SharedAccess\\Parameters\\FirewallPolicy\\PublicProfile",
             "EnableFirewall", 1);
  Diagnostics diags;
  WfInput input = records.map(diags, ".reg export");
  EXPECT_TRUE(diags.empty()) << dump(diags);
  EXPECT_TRUE(input.local_store);
  ASSERT_EQ(input.rules.size(), 1u);
  EXPECT_EQ(input.rules[0].id, "CoreNet-DNS-Out-UDP");
  EXPECT_NE(setting(input.profiles[kPrivateProfile], "DefaultOutboundAction"), nullptr);
  EXPECT_TRUE(input.standard_profile.settings.empty());
  EXPECT_EQ(input.profiles[kPublicProfile].settings.size(), 2u);
}

TEST(WfRegistryRecords, GroupPolicyStandardProfileIsTheLegacyProfile) {
  Records records;
  records.dword(kGpo + "\\StandardProfile", "EnableFirewall", 0);
  Diagnostics diags;
  WfInput input = records.map(diags);
  ASSERT_EQ(input.standard_profile.settings.size(), 1u);
  EXPECT_EQ(input.standard_profile.settings[0].name, "EnableFirewall");
  EXPECT_TRUE(input.profiles[kPrivateProfile].settings.empty());
}

TEST(WfRegistryRecords, PrefersTheGroupPolicyStoreWhenBothArePresent) {
  Records records;
  records.sz(kLocal + "\\FirewallRules", "local", "v2.30|Action=Block|Dir=Out|")
      .sz(kGpo + "\\FirewallRules", "gpo", "v2.30|Action=Allow|Dir=Out|")
      .dword(kLocal + "\\PublicProfile", "EnableFirewall", 0);
  Diagnostics diags;
  WfInput input = records.map(diags);
  EXPECT_EQ(count(diags, finding_id::kUnsupportedConstruct, Severity::Warning), 1u) << dump(diags);
  EXPECT_FALSE(input.local_store);
  ASSERT_EQ(input.rules.size(), 1u);
  EXPECT_EQ(input.rules[0].id, "gpo");
  EXPECT_TRUE(input.profiles[kPublicProfile].settings.empty());
}

TEST(WfRegistryRecords, NotesDeletionsOnce) {
  Records records;
  records.sz(kGpo + "\\FirewallRules", "**delvals.", " ")
      .sz(kGpo + "\\DomainProfile", "**del.EnableFirewall", " ")
      .sz(kGpo + "\\FirewallRules", "**DeleteValues", "a;b")
      .deletion("HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft", "")
      .sz(kGpo + "\\FirewallRules", "{R1}", "v2.30|Action=Allow|");
  Diagnostics diags;
  WfInput input = records.map(diags);
  ASSERT_EQ(diags.size(), 1u) << dump(diags);
  EXPECT_EQ(diags[0].id, finding_id::kUnsupportedConstruct);
  EXPECT_EQ(diags[0].severity, Severity::Note);
  EXPECT_EQ(diags[0].where.line, 1u);
  EXPECT_NE(diags[0].message.find("not applied"), std::string::npos);
  ASSERT_EQ(input.rules.size(), 1u);
  EXPECT_TRUE(input.profiles[kDomainProfile].settings.empty());
}

TEST(WfRegistryRecords, IgnoresDeletionsOfOtherKeys) {
  Records records;
  records.sz("SOFTWARE\\Policies\\Microsoft\\Windows\\System", "**del.Foo", " ")
      .deletion("HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso", "")
      .deletion("HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso", "Value");
  Diagnostics diags;
  records.map(diags);
  EXPECT_TRUE(diags.empty()) << dump(diags);
}

TEST(WfRegistryRecords, NotesAKeyDeletionOfAStore) {
  Records records;
  records.deletion(kLocal + "\\FirewallRules", "");
  Diagnostics diags;
  records.map(diags);
  EXPECT_EQ(count(diags, finding_id::kUnsupportedConstruct, Severity::Note), 1u) << dump(diags);
}

TEST(WfRegistryRecords, SoftValuesAreValues) {
  Records records;
  records.dword(kGpo + "\\DomainProfile", "**soft.EnableFirewall", 1)
      .dword(kGpo + "\\DomainProfile", "**SecureKey", 1);
  Diagnostics diags;
  WfInput input = records.map(diags);
  EXPECT_TRUE(diags.empty()) << dump(diags);
  ASSERT_EQ(input.profiles[kDomainProfile].settings.size(), 1u);
  EXPECT_EQ(input.profiles[kDomainProfile].settings[0].name, "EnableFirewall");
}

TEST(WfRegistryRecords, WarnsAboutAStringWhereANumberBelongs) {
  Records records;
  records.sz(kGpo + "\\DomainProfile", "EnableFirewall", "1")
      .other(kGpo + "\\PublicProfile", "DefaultOutboundAction", kRegBinary)
      .other(kGpo + "\\PrivateProfile", "DefaultOutboundAction", kRegDword);  // no four bytes
  Diagnostics diags;
  WfInput input = records.map(diags);
  EXPECT_EQ(count(diags, finding_id::kUnrecognizedLine, Severity::Warning), 3u) << dump(diags);
  const WfSetting* enable = setting(input.profiles[kDomainProfile], "EnableFirewall");
  ASSERT_NE(enable, nullptr);
  EXPECT_FALSE(enable->readable);
  EXPECT_EQ(enable->raw, "1");
  ASSERT_NE(setting(input.profiles[kPublicProfile], "DefaultOutboundAction"), nullptr);
  EXPECT_FALSE(setting(input.profiles[kPublicProfile], "DefaultOutboundAction")->readable);
  EXPECT_FALSE(setting(input.profiles[kPrivateProfile], "DefaultOutboundAction")->readable);
}

TEST(WfRegistryRecords, KeepsANumberWhereARuleBelongsAsUnreadable) {
  Records records;
  records.dword(kGpo + "\\FirewallRules", "{R1}", 1)
      .sz(kGpo + "\\FirewallRules", "{R2}", "v2.30|Action=Allow|", kRegExpandSz);
  Diagnostics diags;
  WfInput input = records.map(diags);
  EXPECT_EQ(count(diags, finding_id::kUnrecognizedLine, Severity::Warning), 1u) << dump(diags);
  ASSERT_EQ(input.rules.size(), 2u);
  EXPECT_EQ(input.rules[0].id, "{R1}");
  EXPECT_FALSE(input.rules[0].unreadable.empty());
  EXPECT_EQ(input.rules[0].location.line, 1u);
  EXPECT_EQ(input.rules[1].unreadable, "");
}

TEST(WfRegistryRecords, ALaterValueReplacesAnEarlierOne) {
  Records records;
  records.sz(kGpo + "\\FirewallRules", "{R1}", "v2.30|Action=Block|")
      .sz(kGpo + "\\FirewallRules", "{R2}", "v2.30|Action=Allow|")
      .sz(kGpo + "\\FirewallRules", "{r1}", "v2.30|Action=Allow|")
      .dword(kGpo + "\\DomainProfile", "EnableFirewall", 0)
      .dword(kGpo + "\\DomainProfile", "EnableFirewall", 1);
  Diagnostics diags;
  WfInput input = records.map(diags);
  EXPECT_EQ(count(diags, finding_id::kDuplicateDefinition, Severity::Warning), 2u) << dump(diags);
  ASSERT_EQ(input.rules.size(), 2u);
  EXPECT_EQ(input.rules[0].id, "{r1}");
  EXPECT_EQ(input.rules[0].fields.at(0).value, "Allow");
  ASSERT_EQ(input.profiles[kDomainProfile].settings.size(), 1u);
  EXPECT_EQ(input.profiles[kDomainProfile].settings[0].value, 1u);
}

TEST(WfRegistryRecords, RuleStringProblemsAreReportedAtTheRecord) {
  Records records;
  records.sz(kGpo + "\\FirewallRules", "{R1}", "BlockCortana|Action=Block|");
  Diagnostics diags;
  WfInput input = records.map(diags);
  ASSERT_EQ(diags.size(), 1u) << dump(diags);
  EXPECT_EQ(diags[0].where.line, 1u);
  EXPECT_EQ(diags[0].where.text.substr(diags[0].where.column - 1, 12), "BlockCortana");
  ASSERT_EQ(input.rules.size(), 1u);
  EXPECT_FALSE(input.rules[0].unreadable.empty());
}

TEST(WfRegistryRecords, DecodesUtf16) {
  std::size_t unpaired = 0;
  // "A", U+00AE, U+1F600 (surrogate pair), a lone high surrogate, "B".
  std::string bytes(
      "A\0\xAE\0\x3D\xD8\x00\xDE\x3D\xD8"
      "B\0",
      12);
  EXPECT_EQ(utf16le_to_utf8(bytes, unpaired),
            "A\xC2\xAE\xF0\x9F\x98\x80\xEF\xBF\xBD"
            "B");
  EXPECT_EQ(unpaired, 1u);
  unpaired = 0;
  EXPECT_EQ(utf16le_to_utf8(std::string("\x00\xDC"
                                        "A",
                                        3),
                            unpaired),
            "\xEF\xBF\xBD");  // odd byte ignored
  EXPECT_EQ(unpaired, 1u);
  std::string nuls("x\0\0", 3);
  remove_trailing_nuls(nuls);
  EXPECT_EQ(nuls, "x");
}

}  // namespace
}  // namespace fwlint::windows
