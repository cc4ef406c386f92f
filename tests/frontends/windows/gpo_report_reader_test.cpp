// SPDX-License-Identifier: Apache-2.0
// read_gpo_report on synthetic reports (single GPO with q1/q2 prefixes, RSoP,
// several GPOs, a disabled computer half, legacy Administrative Templates
// settings), on hostile XML (deep nesting, huge values, entity bombs,
// truncation) and, when it is next to the checkout, on the real reports of
// ../shared/corpora/windows (never copied into this repository).
#include "frontends/windows/gpo_report_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <map>

#include "frontends/common/text_decoder.h"
#include "fwlint/analysis/findings.h"
#include "test_support.h"

namespace fwlint::windows {
namespace {

namespace fs = std::filesystem;

struct Read {
  std::optional<WfInput> input;
  Diagnostics diags;

  std::size_t count(const std::string& id) const {
    return static_cast<std::size_t>(
        std::count_if(diags.begin(), diags.end(), [&](const Diagnostic& d) { return d.id == id; }));
  }
  std::string dump() const {
    std::string s;
    for (const Diagnostic& d : diags)
      s += d.id + " " + std::to_string(d.where.line) + ":" + std::to_string(d.where.column) + " " +
           d.message + "\n";
    return s;
  }
};

Read read(std::string_view xml) {
  Read r;
  r.input = read_gpo_report(xml, r.diags);
  return r;
}

/// The message of the only diagnostic, or why there is not exactly one.
std::string only_message(const Read& r) {
  return r.diags.size() == 1 ? r.diags[0].message : "diagnostics:\n" + r.dump();
}

const WfSetting* setting(const WfProfileSettings& p, const std::string& name) {
  for (const WfSetting& s : p.settings)
    if (s.name == name) return &s;
  return nullptr;
}

std::vector<std::string> keys(const WfRule& rule) {
  std::vector<std::string> k;
  for (const WfField& f : rule.fields) k.push_back(f.key);
  return k;
}

const char* const kFirewallNs = "http://www.microsoft.com/GroupPolicy/Settings/WindowsFirewall";

/// `text` with each "{key}" replaced by its value.
std::string fill(std::string text, const std::map<std::string, std::string>& values) {
  for (const auto& [key, value] : values) {
    std::string placeholder = "{" + key + "}";
    for (std::size_t p = text.find(placeholder); p != std::string::npos;
         p = text.find(placeholder, p + value.size()))
      text.replace(p, placeholder.size(), value);
  }
  return text;
}

/// One <GPO> element as Get-GPOReport writes it, with `body` inside its
/// Windows Firewall extension (prefix `p`).
std::string gpo_element(const std::string& name, const std::string& body,
                        const std::string& p = "q2", const std::string& enabled = "true") {
  return fill(
      R"(<GPO>
  <Name>{name}</Name>
  <Computer>
    <VersionDirectory>3</VersionDirectory>
    <Enabled>{enabled}</Enabled>
    <ExtensionData>
      <Extension xmlns:{p}="{ns}" xsi:type="{p}:WindowsFirewallSettings">
{body}      </Extension>
      <Name>Windows Firewall</Name>
    </ExtensionData>
  </Computer>
</GPO>
)",
      {{"name", name}, {"enabled", enabled}, {"p", p}, {"ns", kFirewallNs}, {"body", body}});
}

const char* const kGpoNamespaces =
    " xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\""
    " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
    " xmlns=\"http://www.microsoft.com/GroupPolicy/Settings\"";

/// A single-GPO report: the GPO element is the root.
std::string single_gpo_report(const std::string& name, const std::string& body,
                              const std::string& p = "q2", const std::string& enabled = "true") {
  std::string gpo = gpo_element(name, body, p, enabled);
  return "<?xml version=\"1.0\" encoding=\"utf-16\"?>\n<GPO" + std::string(kGpoNamespaces) +
         gpo.substr(4);
}

std::string outbound_rule(const std::string& p, const std::string& name, const std::string& port) {
  return fill(R"(        <{p}:OutboundFirewallRules>
          <{p}:Version>2.20</{p}:Version>
          <{p}:Action>Block</{p}:Action>
          <{p}:Name>{name}</{p}:Name>
          <{p}:Dir>Out</{p}:Dir>
          <{p}:RPort>{port}</{p}:RPort>
          <{p}:Protocol>6</{p}:Protocol>
          <{p}:Active>true</{p}:Active>
        </{p}:OutboundFirewallRules>
)",
              {{"p", p}, {"name", name}, {"port", port}});
}

std::string profile(const std::string& p, const std::string& element,
                    const std::string& setting_name, const std::string& value) {
  return fill(R"(        <{p}:{element}>
          <{p}:{setting}><{p}:Value>{value}</{p}:Value></{p}:{setting}>
        </{p}:{element}>
)",
              {{"p", p}, {"element", element}, {"setting", setting_name}, {"value", value}});
}

// --- reading -----------------------------------------------------------------

TEST(WfReport, SingleGpoWithQ2Prefix) {
  std::string body =
      "        <q2:GlobalSettings><q2:PolicyVersion><q2:Value>534</q2:Value>"
      "</q2:PolicyVersion></q2:GlobalSettings>\n" +
      profile("q2", "PublicProfile", "DefaultOutboundAction", "true") +
      profile("q2", "DomainProfile", "LogFileSize", "16384") +
      "        <q2:InboundFirewallRules>\n"
      "          <q2:Version>2.20</q2:Version>\n"
      "          <q2:Action>Allow</q2:Action>\n"
      "          <q2:Dir>In</q2:Dir>\n"
      "          <q2:LPort>RPC</q2:LPort>\n"
      "        </q2:InboundFirewallRules>\n" +
      outbound_rule("q2", "Agora (TCP-Out)", "443");
  Read r = read(single_gpo_report("SN-Domain Firewall Baseline", body));
  ASSERT_TRUE(r.input) << r.dump();
  EXPECT_TRUE(r.diags.empty()) << r.dump();
  const WfInput& in = *r.input;
  EXPECT_EQ(in.form, "Group Policy report");
  EXPECT_EQ(in.gpo_names, std::vector<std::string>{"SN-Domain Firewall Baseline"});
  EXPECT_FALSE(in.local_store);

  const WfSetting* outbound = setting(in.profiles[kPublicProfile], "DefaultOutboundAction");
  ASSERT_NE(outbound, nullptr);
  EXPECT_TRUE(outbound->readable);
  EXPECT_EQ(outbound->value, 1u);  // true = block
  EXPECT_EQ(outbound->raw, "true");
  EXPECT_EQ(outbound->origin, "SN-Domain Firewall Baseline");
  const WfSetting* size = setting(in.profiles[kDomainProfile], "LogFileSize");
  ASSERT_NE(size, nullptr);
  EXPECT_EQ(size->value, 16384u);
  EXPECT_TRUE(in.profiles[kPrivateProfile].settings.empty());
  EXPECT_TRUE(in.standard_profile.settings.empty());

  ASSERT_EQ(in.rules.size(), 2u);
  EXPECT_EQ(in.rules[0].container_direction, "In");
  EXPECT_EQ(in.rules[0].version, "2.20");
  EXPECT_EQ(keys(in.rules[0]), (std::vector<std::string>{"Action", "Dir", "LPort"}));
  const WfRule& out = in.rules[1];
  EXPECT_EQ(out.container_direction, "Out");
  EXPECT_EQ(out.origin, "SN-Domain Firewall Baseline");
  EXPECT_EQ(out.id, "");
  EXPECT_TRUE(out.unreadable.empty());
  EXPECT_EQ(keys(out),
            (std::vector<std::string>{"Action", "Name", "Dir", "RPort", "Protocol", "Active"}));
  EXPECT_EQ(out.fields[1].value, "Agora (TCP-Out)");
  EXPECT_EQ(out.fields[3].value, "443");
}

TEST(WfReport, Q1PrefixAndRepeatedFields) {
  std::string body = profile("q1", "PrivateProfile", "EnableFirewall", "false") +
                     "        <q1:OutboundFirewallRules>\n"
                     "          <q1:Version>2.26</q1:Version>\n"
                     "          <q1:RPort>135</q1:RPort>\n"
                     "          <q1:RPort>389</q1:RPort>\n"
                     "          <q1:RPort>49152-65535</q1:RPort>\n"
                     "        </q1:OutboundFirewallRules>\n";
  Read r = read(single_gpo_report("NSA", body, "q1"));
  ASSERT_TRUE(r.input) << r.dump();
  EXPECT_TRUE(r.diags.empty()) << r.dump();
  const WfSetting* enable = setting(r.input->profiles[kPrivateProfile], "EnableFirewall");
  ASSERT_NE(enable, nullptr);
  EXPECT_EQ(enable->value, 0u);
  ASSERT_EQ(r.input->rules.size(), 1u);
  const WfRule& rule = r.input->rules[0];
  EXPECT_EQ(rule.version, "2.26");
  ASSERT_EQ(rule.fields.size(), 3u);
  EXPECT_EQ(rule.fields[2].key, "RPort");
  EXPECT_EQ(rule.fields[2].value, "49152-65535");
}

TEST(WfReport, RsopSkipsGpoAndPrecedenceBesideValuesAndFields) {
  // Shaped like a Windows 11 gpresult /x report (synthetic: no real RSoP
  // with firewall rules was found).
  std::string xml = R"(<?xml version="1.0" encoding="utf-16"?>
<Rsop xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://www.microsoft.com/GroupPolicy/Rsop">
  <ComputerResults>
    <GPO><Name>Default Domain Policy</Name></GPO>
    <ExtensionData>
      <Extension xmlns:q6="http://www.microsoft.com/GroupPolicy/Settings/WindowsFirewall" xsi:type="q6:WindowsFirewallSettings" xmlns="http://www.microsoft.com/GroupPolicy/Settings">
        <q6:DomainProfile>
          <q6:DefaultOutboundAction>
            <GPO xmlns="http://www.microsoft.com/GroupPolicy/Settings/Base"><Identifier xmlns="http://www.microsoft.com/GroupPolicy/Types">{31B2F340-016D-11D2-945F-00C04FB984F9}</Identifier><Domain xmlns="http://www.microsoft.com/GroupPolicy/Types">corp.example</Domain></GPO>
            <Precedence xmlns="http://www.microsoft.com/GroupPolicy/Settings/Base">1</Precedence>
            <q6:Value>false</q6:Value>
          </q6:DefaultOutboundAction>
        </q6:DomainProfile>
        <q6:OutboundFirewallRules>
          <GPO xmlns="http://www.microsoft.com/GroupPolicy/Settings/Base"><Identifier xmlns="http://www.microsoft.com/GroupPolicy/Types">{31B2F340-016D-11D2-945F-00C04FB984F9}</Identifier></GPO>
          <Precedence xmlns="http://www.microsoft.com/GroupPolicy/Settings/Base">1</Precedence>
          <q6:Version>2.31</q6:Version>
          <q6:Action>Block</q6:Action>
          <q6:RPort>8443</q6:RPort>
        </q6:OutboundFirewallRules>
      </Extension>
      <Name>Windows Firewall</Name>
    </ExtensionData>
  </ComputerResults>
</Rsop>
)";
  Read r = read(xml);
  ASSERT_TRUE(r.input) << r.dump();
  EXPECT_TRUE(r.diags.empty()) << r.dump();
  EXPECT_EQ(r.input->form, "RSoP report");
  ASSERT_EQ(r.input->profiles[kDomainProfile].settings.size(), 1u);
  const WfSetting& s = r.input->profiles[kDomainProfile].settings[0];
  EXPECT_EQ(s.name, "DefaultOutboundAction");
  EXPECT_EQ(s.raw, "false");
  EXPECT_TRUE(s.readable);
  EXPECT_EQ(s.origin, "");
  ASSERT_EQ(r.input->rules.size(), 1u);
  EXPECT_EQ(r.input->rules[0].version, "2.31");
  EXPECT_EQ(keys(r.input->rules[0]), (std::vector<std::string>{"Action", "RPort"}));
}

TEST(WfReport, WrapperOfSeveralGposKeepsEachOrigin) {
  std::string xml = "<?xml version=\"1.0\"?>\n<Report" + std::string(kGpoNamespaces) + ">\n" +
                    gpo_element("Tier 0", outbound_rule("q2", "A", "80")) +
                    gpo_element("No firewall here", "") +  // an empty extension still counts
                    gpo_element("Tier 1", outbound_rule("q3", "B", "443"), "q3") + "</Report>\n";
  Read r = read(xml);
  ASSERT_TRUE(r.input) << r.dump();
  EXPECT_TRUE(r.diags.empty()) << r.dump();
  EXPECT_EQ(r.input->form, "Group Policy report");
  EXPECT_EQ(r.input->gpo_names, (std::vector<std::string>{"Tier 0", "No firewall here", "Tier 1"}));
  ASSERT_EQ(r.input->rules.size(), 2u);
  EXPECT_EQ(r.input->rules[0].origin, "Tier 0");
  EXPECT_EQ(r.input->rules[1].origin, "Tier 1");
  EXPECT_EQ(r.input->rules[1].fields[3].value, "443");
}

TEST(WfReport, DisabledComputerHalfAppliesNothing) {
  std::string body = profile("q2", "PublicProfile", "DefaultOutboundAction", "true") +
                     outbound_rule("q2", "A", "80") + outbound_rule("q2", "B", "81");
  std::string xml = single_gpo_report("Retired", body, "q2", "false");
  Read r = read(xml);
  ASSERT_TRUE(r.input) << r.dump();
  EXPECT_TRUE(r.input->rules.empty());
  EXPECT_TRUE(r.input->profiles[kPublicProfile].settings.empty());
  EXPECT_TRUE(r.input->gpo_names.empty());
  ASSERT_EQ(r.diags.size(), 1u) << r.dump();
  const Diagnostic& d = r.diags[0];
  EXPECT_EQ(d.id, finding_id::kPartialPolicy);
  EXPECT_EQ(d.severity, Severity::Warning);
  EXPECT_EQ(d.message,
            "the computer half of GPO 'Retired' is disabled, so none of its 3 firewall rules and "
            "settings apply");
  EXPECT_EQ(d.where.line, 6u);  // <Enabled>false</Enabled>
  EXPECT_EQ(d.where.column, 5u);
  EXPECT_EQ(d.where.text, "    <Enabled>false</Enabled>");
}

TEST(WfReport, DisabledGpoBesideAnEnabledOne) {
  std::string xml = "<Report" + std::string(kGpoNamespaces) + ">\n" +
                    gpo_element("Off", outbound_rule("q2", "A", "80"), "q2", "false") +
                    gpo_element("On", outbound_rule("q2", "B", "81")) + "</Report>\n";
  Read r = read(xml);
  ASSERT_TRUE(r.input) << r.dump();
  EXPECT_EQ(r.count(finding_id::kPartialPolicy), 1u) << r.dump();
  ASSERT_EQ(r.input->rules.size(), 1u);
  EXPECT_EQ(r.input->rules[0].origin, "On");
  EXPECT_EQ(r.input->gpo_names, std::vector<std::string>{"On"});
}

TEST(WfReport, LegacyAdministrativeTemplatesEnableFirewall) {
  // The Registry extension of a report without a firewall extension: the
  // Domain Profile item is on, the Standard Profile item off.
  std::string xml = R"(<?xml version="1.0" encoding="utf-16"?>
<GPO xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://www.microsoft.com/GroupPolicy/Settings">
  <Name>Legacy</Name>
  <Computer>
    <Enabled>true</Enabled>
    <ExtensionData>
      <Extension xmlns:q8="http://www.microsoft.com/GroupPolicy/Settings/Registry" xsi:type="q8:RegistrySettings">
        <q8:Policy>
          <q8:Name>Windows Firewall: Allow logging</q8:Name>
          <q8:State>Enabled</q8:State>
          <q8:Category>Network/Network Connections/Windows Firewall/Domain Profile</q8:Category>
          <q8:CheckBox><q8:Name>Log dropped packets</q8:Name><q8:State>Enabled</q8:State></q8:CheckBox>
        </q8:Policy>
        <q8:Policy>
          <q8:Name>Windows Firewall: Protect all network connections</q8:Name>
          <q8:State>Enabled</q8:State>
          <q8:Category>Network/Network Connections/Windows Firewall/Domain Profile</q8:Category>
        </q8:Policy>
        <q8:Policy>
          <q8:Name>Windows Firewall: Protect all network connections</q8:Name>
          <q8:State>Disabled</q8:State>
          <q8:Category>Network/Network Connections/Windows Firewall/Standard Profile</q8:Category>
        </q8:Policy>
      </Extension>
      <Name>Registry</Name>
    </ExtensionData>
  </Computer>
</GPO>
)";
  Read r = read(xml);
  ASSERT_TRUE(r.input) << r.dump();
  EXPECT_TRUE(r.diags.empty()) << r.dump();
  ASSERT_EQ(r.input->profiles[kDomainProfile].settings.size(), 1u);
  const WfSetting& domain = r.input->profiles[kDomainProfile].settings[0];
  EXPECT_EQ(domain.name, "EnableFirewall");
  EXPECT_EQ(domain.value, 1u);
  EXPECT_EQ(domain.raw, "Enabled");
  EXPECT_EQ(domain.origin, "Legacy");
  EXPECT_EQ(domain.location.line, 15u);  // its <q8:Name>
  ASSERT_EQ(r.input->standard_profile.settings.size(), 1u);
  EXPECT_EQ(r.input->standard_profile.settings[0].value, 0u);
  EXPECT_EQ(r.input->gpo_names, std::vector<std::string>{"Legacy"});
}

TEST(WfReport, UnknownRuleChildIsKeptAsAField) {
  std::string body =
      "        <q2:OutboundFirewallRules><q2:Version>2.33</q2:Version>"
      "<q2:TTK2_28>WFP</q2:TTK2_28><q2:RPort>1</q2:RPort></q2:OutboundFirewallRules>\n";
  Read r = read(single_gpo_report("G", body));
  ASSERT_TRUE(r.input) << r.dump();
  ASSERT_EQ(r.input->rules.size(), 1u);
  ASSERT_EQ(r.input->rules[0].fields.size(), 2u);
  EXPECT_EQ(r.input->rules[0].fields[0].key, "TTK2_28");
  EXPECT_EQ(r.input->rules[0].fields[0].value, "WFP");
}

TEST(WfReport, EntitiesAreDecodedAndValuesTrimmed) {
  std::string body =
      "        <q2:OutboundFirewallRules>\n"
      "          <q2:Name>  R&amp;D &lt;Out&gt; &#174; &#x263A; </q2:Name>\n"
      "          <q2:App><![CDATA[C:\\a&b\\x.exe]]></q2:App>\n"
      "        </q2:OutboundFirewallRules>\n";
  Read r = read(single_gpo_report("G &amp; H", body));
  ASSERT_TRUE(r.input) << r.dump();
  ASSERT_EQ(r.input->rules.size(), 1u);
  EXPECT_EQ(r.input->rules[0].fields[0].value, "R&D <Out> \xC2\xAE \xE2\x98\xBA");
  EXPECT_EQ(r.input->rules[0].fields[1].value, "C:\\a&b\\x.exe");
  EXPECT_EQ(r.input->rules[0].origin, "G & H");
}

TEST(WfReport, LocationsOfRulesFieldsAndSettings) {
  // CRLF line breaks as in real reports; two rules and two RPorts share lines.
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"utf-16\"?>\r\n"                    // 1
      "<GPO xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\r\n"  // 2
      "  <Name>L</Name><Computer><ExtensionData>\r\n"                      // 3
      "    <Extension "
      "xmlns:q2=\"http://www.microsoft.com/GroupPolicy/Settings/WindowsFirewall\">\r\n"  // 4
      "      <q2:PublicProfile>\r\n"                                                  // 5
      "        <q2:EnableFirewall><q2:Value>true</q2:Value></q2:EnableFirewall>\r\n"  // 6
      "      </q2:PublicProfile>\r\n"                                                 // 7
      "      <q2:OutboundFirewallRules>\r\n"                                          // 8
      "        <q2:Version>2.20</q2:Version>\r\n"                                     // 9
      "        <q2:RPort>80</q2:RPort> <q2:RPort>443</q2:RPort>\r\n"                  // 10
      "      </q2:OutboundFirewallRules>\r\n"                                         // 11
      "<q2:OutboundFirewallRules><q2:RPort>1</q2:RPort></q2:OutboundFirewallRules>"   // 12
      "<q2:OutboundFirewallRules><q2:RPort>2</q2:RPort></q2:OutboundFirewallRules>\r\n"
      "    </Extension>\r\n"
      "  </ExtensionData></Computer>\r\n"
      "</GPO>\r\n";
  Read r = read(xml);
  ASSERT_TRUE(r.input) << r.dump();
  const WfSetting& enable = r.input->profiles[kPublicProfile].settings.at(0);
  EXPECT_EQ(enable.location.line, 6u);
  EXPECT_EQ(enable.location.column, 9u);
  EXPECT_EQ(enable.location.end_column, 0u);
  EXPECT_EQ(enable.location.text,
            "        <q2:EnableFirewall><q2:Value>true</q2:Value></q2:EnableFirewall>");

  ASSERT_EQ(r.input->rules.size(), 3u);
  const WfRule& first = r.input->rules[0];
  EXPECT_EQ(first.location.line, 8u);
  EXPECT_EQ(first.location.column, 7u);
  EXPECT_EQ(first.location.text, "      <q2:OutboundFirewallRules>");
  ASSERT_EQ(first.fields.size(), 2u);
  EXPECT_EQ(first.fields[0].location.line, 10u);
  EXPECT_EQ(first.fields[0].location.column, 9u);
  EXPECT_EQ(first.fields[1].location.line, 10u);
  EXPECT_EQ(first.fields[1].location.column, 33u);

  // Same-named elements on one line are placed in document order.
  EXPECT_EQ(r.input->rules[1].location.line, 12u);
  EXPECT_EQ(r.input->rules[1].location.column, 1u);
  EXPECT_EQ(r.input->rules[2].location.line, 12u);
  EXPECT_EQ(r.input->rules[2].location.column, 76u);
  EXPECT_EQ(r.input->rules[2].fields[0].location.column, 102u);
}

TEST(WfReport, DetectsTheExtensionByXsiTypeAlone) {
  std::string xml = R"(<GPO xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
     xmlns:fw="http://www.microsoft.com/GroupPolicy/Settings/WindowsFirewall">
  <Computer><ExtensionData>
    <Extension xsi:type="fw:WindowsFirewallSettings">
      <fw:OutboundFirewallRules><fw:Action>Allow</fw:Action></fw:OutboundFirewallRules>
    </Extension>
  </ExtensionData></Computer>
</GPO>)";
  Read r = read(xml);
  ASSERT_TRUE(r.input) << r.dump();
  EXPECT_EQ(r.input->rules.size(), 1u);
  EXPECT_TRUE(r.input->gpo_names.empty());  // the GPO has no <Name>
}

TEST(WfReport, ChildrenInAnotherNamespaceAreSkippedWithAWarning) {
  std::string body =
      "        <q3:DomainProfile xmlns:q3=\"urn:not-the-firewall\">\n"
      "          <q3:EnableFirewall><q3:Value>false</q3:Value></q3:EnableFirewall>\n"
      "        </q3:DomainProfile>\n"
      "        <DomainProfile><EnableFirewall><Value>false</Value></EnableFirewall>"
      "</DomainProfile>\n" +
      profile("q2", "PublicProfile", "EnableFirewall", "true");
  Read r = read(single_gpo_report("G", body));
  ASSERT_TRUE(r.input) << r.dump();
  EXPECT_TRUE(r.input->profiles[kDomainProfile].settings.empty());
  EXPECT_EQ(r.input->profiles[kPublicProfile].settings.size(), 1u);
  ASSERT_EQ(r.count(finding_id::kUnsupportedConstruct), 2u) << r.dump();
  EXPECT_EQ(r.diags[0].where.line, 9u);
  EXPECT_NE(r.diags[0].message.find("urn:not-the-firewall"), std::string::npos) << r.dump();
  // Unprefixed: the report's default namespace, GroupPolicy/Settings.
  EXPECT_NE(r.diags[1].message.find("no prefix"), std::string::npos) << r.dump();
}

TEST(WfReport, SettingValueThatIsNeitherBooleanNorNumber) {
  std::string body = profile("q2", "DomainProfile", "DefaultOutboundAction", "Block") +
                     profile("q2", "PrivateProfile", "LogFilePath", "%windir%\\fw.log");
  Read r = read(single_gpo_report("G", body));
  ASSERT_TRUE(r.input) << r.dump();
  const WfSetting& bad = r.input->profiles[kDomainProfile].settings.at(0);
  EXPECT_FALSE(bad.readable);
  EXPECT_EQ(bad.raw, "Block");
  const WfSetting& path = r.input->profiles[kPrivateProfile].settings.at(0);
  EXPECT_FALSE(path.readable);
  EXPECT_EQ(path.raw, "%windir%\\fw.log");
  ASSERT_EQ(r.diags.size(), 1u) << r.dump();  // the log path is text by nature
  EXPECT_EQ(r.diags[0].id, finding_id::kUnrecognizedLine);
  EXPECT_EQ(r.diags[0].severity, Severity::Warning);
  EXPECT_EQ(r.diags[0].where.line, 10u);
}

TEST(WfReport, Utf16FileDecodedFirstKeepsItsLineNumbers) {
  std::string xml =
      single_gpo_report("G", outbound_rule("q2", "Caf\xC3\xA9 \xF0\x9F\x98\x80", "443"));
  // Encode as UTF-16LE with BOM: BMP characters directly, U+1F600 as a pair.
  std::string bytes = "\xFF\xFE";
  for (std::size_t i = 0; i < xml.size();) {
    auto b = static_cast<unsigned char>(xml[i]);
    std::uint32_t cp;
    std::size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    cp = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
    for (std::size_t k = 1; k < n; ++k)
      cp = cp << 6 | (static_cast<unsigned char>(xml[i + k]) & 0x3F);
    i += n;
    auto unit = [&](std::uint32_t u) {
      bytes += static_cast<char>(u & 0xFF);
      bytes += static_cast<char>(u >> 8);
    };
    if (cp >= 0x10000) {
      unit(0xD800 + ((cp - 0x10000) >> 10));
      unit(0xDC00 + ((cp - 0x10000) & 0x3FF));
    } else {
      unit(cp);
    }
  }
  DecodedText text = decode_text(bytes);
  ASSERT_FALSE(text.has_error) << text.error;
  EXPECT_EQ(text.encoding, "UTF-16LE with BOM");
  Read r = read(text.utf8);
  ASSERT_TRUE(r.input) << r.dump();
  ASSERT_EQ(r.input->rules.size(), 1u);
  EXPECT_EQ(r.input->rules[0].fields[1].value, "Caf\xC3\xA9 \xF0\x9F\x98\x80");
  EXPECT_EQ(r.input->rules[0].location.line, 9u);
}

// --- not a report, or not firewall settings -----------------------------------

TEST(WfReport, ReportWithoutFirewallSettingsIsRejected) {
  std::string xml =
      "<GPO xmlns=\"http://www.microsoft.com/GroupPolicy/Settings\"><Name>G</Name>"
      "<Computer><Enabled>true</Enabled><ExtensionData><Extension "
      "xmlns:q1=\"http://www.microsoft.com/GroupPolicy/Settings/Security\"/>"
      "</ExtensionData></Computer></GPO>";
  Read r = read(xml);
  EXPECT_FALSE(r.input);
  EXPECT_EQ(only_message(r), "no Windows Firewall settings in this report");
  EXPECT_EQ(r.diags[0].id, finding_id::kUnreadableInput);
  EXPECT_EQ(r.diags[0].severity, Severity::Error);
  EXPECT_EQ(r.diags[0].where.line, 1u);
}

TEST(WfReport, OtherKindsOfXmlAreRejectedWithAReason) {
  Read clixml = read(
      "<?xml version=\"1.0\"?>\n<Objs Version=\"1.1.0.1\" "
      "xmlns=\"http://schemas.microsoft.com/powershell/2004/04\"><Obj RefId=\"0\"/></Objs>");
  EXPECT_FALSE(clixml.input);
  EXPECT_EQ(
      only_message(clixml),
      "PowerShell CLIXML of Get-NetFirewallRule has no ports or addresses (they are in "
      "Get-NetFirewallPortFilter/AddressFilter); export the GPO with Get-GPOReport -ReportType "
      "Xml instead");
  EXPECT_EQ(clixml.diags[0].where.line, 2u);

  for (const char* syncml : {"<SyncML xmlns=\"SYNCML:SYNCML1.2\"><SyncBody/></SyncML>",
                             "<MgmtTree><VerDTD>1.2</VerDTD></MgmtTree>"}) {
    Read r = read(syncml);
    EXPECT_FALSE(r.input);
    EXPECT_EQ(only_message(r), "MDM Firewall CSP SyncML is not supported");
  }
  Read other = read("<project><modelVersion>4.0.0</modelVersion></project>");
  EXPECT_FALSE(other.input);
  EXPECT_EQ(only_message(other), "XML is not a Group Policy or RSoP report");
  EXPECT_EQ(other.diags[0].id, finding_id::kUnreadableInput);
}

// --- broken and hostile XML --------------------------------------------------

TEST(WfReport, TruncatedDocumentIsAnErrorAtItsLine) {
  std::string xml = single_gpo_report("G", outbound_rule("q2", "A", "80"));
  Read r = read(xml.substr(0, xml.find("<q2:RPort>") + 6));
  EXPECT_FALSE(r.input);
  ASSERT_EQ(r.diags.size(), 1u) << r.dump();
  EXPECT_EQ(r.diags[0].id, finding_id::kUnreadableInput);
  EXPECT_EQ(r.diags[0].severity, Severity::Error);
  EXPECT_TRUE(r.diags[0].message.starts_with("XML is not well-formed: ")) << r.dump();
  EXPECT_EQ(r.diags[0].where.line, 14u) << r.dump();

  Read mismatched = read("<GPO>\n<Name>x</Nam>\n</GPO>");
  EXPECT_EQ(only_message(mismatched),
            "XML is not well-formed: an end tag does not match the start tag of element 'Name'");
  EXPECT_EQ(mismatched.diags[0].where.line, 2u);
  EXPECT_EQ(mismatched.diags[0].where.text, "<Name>x</Nam>");
}

TEST(WfReport, EmptyBomOnlyAndDeclarationOnlyInputs) {
  Read empty = read("");
  EXPECT_FALSE(empty.input);
  EXPECT_EQ(only_message(empty), "XML document is empty");
  EXPECT_EQ(empty.diags[0].where.line, 1u);

  DecodedText bom_only = decode_text("\xFF\xFE");
  Read from_bom = read(bom_only.utf8);
  EXPECT_FALSE(from_bom.input);
  EXPECT_EQ(only_message(from_bom), "XML document is empty");

  Read blank = read(" \r\n\t\n");
  EXPECT_FALSE(blank.input);
  EXPECT_EQ(blank.count(finding_id::kUnreadableInput), 1u);

  Read declaration = read("<?xml version=\"1.0\" encoding=\"utf-16\"?>\n<!-- nothing -->\n");
  EXPECT_FALSE(declaration.input);
  EXPECT_EQ(only_message(declaration), "XML document has no root element");
}

TEST(WfReport, EveryTruncationIsReportedInsideTheInput) {
  std::string xml =
      single_gpo_report("G", profile("q2", "PublicProfile", "EnableFirewall", "true") +
                                 outbound_rule("q2", "A &amp; B", "443"));
  for (std::size_t n = 0; n < xml.size(); ++n) {
    Read r = read(std::string_view(xml).substr(0, n));
    std::uint32_t lines =
        static_cast<std::uint32_t>(std::count(xml.begin(), xml.begin() + n, '\n')) + 1;
    if (!r.input) {
      EXPECT_EQ(r.count(finding_id::kUnreadableInput), 1u) << n;
    }
    for (const Diagnostic& d : r.diags) {
      EXPECT_GE(d.where.line, 1u) << n;
      EXPECT_LE(d.where.line, lines) << n << ": " << d.message;
    }
    if (r.input) {  // only once the root element is closed
      EXPECT_TRUE(std::string_view(xml).substr(n).find_first_not_of(" \n") ==
                  std::string_view::npos)
          << n << ": " << r.dump();
    }
  }
}

TEST(WfReport, DeepNestingIsADiagnosticNotACrash) {
  std::string xml;
  for (int i = 0; i < 10'000; ++i) xml += "<q2:DomainProfile>";
  for (int i = 0; i < 10'000; ++i) xml += "</q2:DomainProfile>";
  Read r = read(xml);
  EXPECT_FALSE(r.input);
  EXPECT_EQ(only_message(r),
            "XML cannot be read: elements nested too deeply (more than 100 levels)");
  EXPECT_EQ(r.diags[0].where.line, 1u);
  EXPECT_LE(r.diags[0].where.text.size(), 515u);  // a long line is shortened
}

TEST(WfReport, HugeAttributeValueIsReadInLinearTime) {
  std::string xml = single_gpo_report("G", outbound_rule("q2", "A", "80"));
  std::string huge = " Filler=\"" + std::string(50 * 1024 * 1024, 'x') + "\"";
  xml.insert(xml.find("<q2:OutboundFirewallRules") + 25, huge);
  auto start = std::chrono::steady_clock::now();
  Read r = read(xml);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(r.input) << r.dump();
  ASSERT_EQ(r.input->rules.size(), 1u);
  EXPECT_EQ(r.input->rules[0].fields.size(), 6u);
  EXPECT_LE(r.input->rules[0].location.text.size(), 515u);
  EXPECT_LT(seconds, 20.0);
}

TEST(WfReport, EntityBombIsNotExpanded) {
  // Billion laughs: tinyxml2 does not read DOCTYPE entity declarations and
  // leaves unknown references as written.
  std::string doctype = "<!DOCTYPE GPO [\n <!ENTITY lol \"lol\">\n";
  for (int i = 1; i <= 9; ++i) {
    std::string previous = "&lol" + (i == 1 ? std::string() : std::to_string(i - 1)) + ";";
    std::string ten;
    for (int k = 0; k < 10; ++k) ten += previous;
    doctype += " <!ENTITY lol" + std::to_string(i) + " \"" + ten + "\">\n";
  }
  doctype += "]>\n";
  std::string xml = single_gpo_report("G", outbound_rule("q2", "&lol9;", "80"));
  xml.insert(xml.find("<GPO"), doctype);
  auto start = std::chrono::steady_clock::now();
  Read r = read(xml);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 5.0);
  ASSERT_TRUE(r.input) << r.dump();
  ASSERT_EQ(r.input->rules.size(), 1u);
  EXPECT_EQ(r.input->rules[0].fields[1].value, "&lol9;");
}

TEST(WfReport, ElementWithMillionsOfAttributesIsRefusedQuickly) {
  // tinyxml2 would need quadratic time for these.
  std::string xml = "<GPO";
  for (int i = 0; i < 300'000; ++i) xml += " a" + std::to_string(i) + "=\"1\"";
  xml += "/>";
  auto start = std::chrono::steady_clock::now();
  Read r = read("<?xml version=\"1.0\"?>\n" + xml);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 5.0);
  EXPECT_FALSE(r.input);
  EXPECT_EQ(only_message(r), "XML cannot be read: an element has more than 1000 attributes");
  EXPECT_EQ(r.diags[0].where.line, 2u);
}

// --- the real reports --------------------------------------------------------

TEST(WfCorpus, ReportsParse) {
  fs::path dir = fs::path(FWLINT_SOURCE_DIR) / ".." / "shared" / "corpora" / "windows";
  if (!fs::is_directory(dir)) GTEST_SKIP() << "no Windows corpus next to the checkout";
  struct Expected {
    std::size_t inbound, outbound;
  };
  const std::map<std::string, Expected> expected = {{"sn-domain", {11, 82}},
                                                    {"sn-tierx", {20, 50}},
                                                    {"sn-server-remote-admin", {1, 53}},
                                                    {"nsa", {0, 0}},
                                                    {"dod", {0, 0}}};
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::string name = entry.path().filename().string();
    if (name.starts_with("gporeport-") && name.ends_with(".xml")) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  ASSERT_FALSE(files.empty());
  for (const fs::path& file : files) {
    std::string name = file.filename().string();
    SCOPED_TRACE(name);
    DecodedText text = decode_text(fwlint::test::read_file(file.string()));
    EXPECT_FALSE(text.has_error) << text.error;
    Read r = read(text.utf8);
    ASSERT_TRUE(r.input) << r.dump();
    for (const Diagnostic& d : r.diags) EXPECT_NE(d.severity, Severity::Error) << r.dump();
    const WfInput& in = *r.input;
    EXPECT_EQ(in.form, "Group Policy report");
    EXPECT_EQ(in.gpo_names.size(), 1u);

    std::size_t inbound = 0, outbound = 0, fields = 0, settings = 0;
    // Every location points at the start tag of its element.
    auto at_tag = [](const SourceLocation& loc, const std::string& local) {
      if (loc.line == 0 || loc.column == 0 || loc.column > loc.text.size()) return false;
      std::string_view tag = std::string_view(loc.text).substr(loc.column - 1);
      std::size_t colon = tag.find(':');
      return tag.starts_with("<") && colon != std::string_view::npos &&
             tag.substr(colon + 1).starts_with(local);
    };
    for (const WfRule& rule : in.rules) {
      (rule.container_direction == "In" ? inbound : outbound)++;
      fields += rule.fields.size();
      EXPECT_TRUE(at_tag(rule.location, rule.container_direction == "In" ? "InboundFirewallRules"
                                                                         : "OutboundFirewallRules"))
          << rule.location.text;
      for (const WfField& f : rule.fields)
        EXPECT_TRUE(at_tag(f.location, f.key)) << f.location.text;
    }
    for (const WfProfileSettings& p : in.profiles) {
      settings += p.settings.size();
      for (const WfSetting& s : p.settings) {
        EXPECT_TRUE(s.readable) << s.name << " = " << s.raw;
        EXPECT_TRUE(at_tag(s.location, s.name) || at_tag(s.location, "Name")) << s.location.text;
      }
    }
    std::cout << "  " << name << ": " << in.rules.size() << " rules (" << inbound << " in, "
              << outbound << " out), " << fields << " fields, " << settings << " settings, "
              << r.diags.size() << " diagnostics\n";

    std::string key = name.substr(std::string("gporeport-").size());
    for (const auto& [prefix, counts] : expected) {
      if (!key.starts_with(prefix + "-")) continue;
      EXPECT_EQ(inbound, counts.inbound);
      EXPECT_EQ(outbound, counts.outbound);
    }
    auto value_of = [&](ProfileIndex profile, const std::string& setting_name) -> std::int64_t {
      for (const WfSetting& s : in.profiles[profile].settings)
        if (s.name == setting_name && s.readable) return s.value;
      return -1;
    };
    if (key.starts_with("sn-domain-")) {
      EXPECT_EQ(in.rules.size(), 93u);
    }
    if (key.starts_with("sn-tierx-")) {
      for (ProfileIndex p : {kDomainProfile, kPrivateProfile, kPublicProfile}) {
        EXPECT_EQ(value_of(p, "DefaultOutboundAction"), 1) << kProfileNames[p];
        EXPECT_EQ(value_of(p, "AllowLocalPolicyMerge"), 0) << kProfileNames[p];
      }
    }
    if (key.starts_with("nsa-")) {
      for (ProfileIndex p : {kDomainProfile, kPrivateProfile, kPublicProfile}) {
        EXPECT_EQ(value_of(p, "DefaultOutboundAction"), 0) << kProfileNames[p];
        EXPECT_EQ(value_of(p, "DefaultInboundAction"), 1) << kProfileNames[p];
      }
    }
  }
}

}  // namespace
}  // namespace fwlint::windows
