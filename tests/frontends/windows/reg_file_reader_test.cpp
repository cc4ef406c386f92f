// SPDX-License-Identifier: Apache-2.0
// .reg exports: the header, key lines, string / dword / hex values with
// continuation lines, deletions, comments, malformed lines, and the
// columns of rule fields through .reg escapes. Inputs are synthetic.
#include <gtest/gtest.h>

#include <iterator>
#include <random>

#include "frontends/windows/reg_file_reader.h"
#include "fwlint/analysis/findings.h"

namespace fwlint::windows {
namespace {

std::string dump(const Diagnostics& diags) {
  std::string s;
  for (const Diagnostic& d : diags)
    s += d.id + " " + severity_name(d.severity) + " " + std::to_string(d.where.line) + ":" +
         std::to_string(d.where.column) + " " + d.message + "\n";
  return s;
}

std::size_t count(const Diagnostics& diags, Severity severity) {
  std::size_t n = 0;
  for (const Diagnostic& d : diags) n += d.severity == severity;
  return n;
}

const char* const kExport =
    "Windows Registry Editor Version 5.00\r\n"
    "\r\n"
    "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall]\r\n"
    "\"PolicyVersion\"=dword:0000021a\r\n"
    "\r\n"
    "; the rules\r\n"
    "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\FirewallRules]\r\n"
    "\"{R1}\"=\"v2.30|Action=Allow|Dir=Out|App=%SystemRoot%\\\\System32\\\\svchost.exe|RPort=443|\"\r\n"
    "\"{R2}\"=\"v2.30|Action=Block|Dir=Out|Name=say \\\"hi\\\"|\"\r\n"
    "@=\"v2.30|\"\r\n"
    "\r\n"
    "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\PublicProfile]\r\n"
    "\"DefaultOutboundAction\"=dword:00000001\r\n"
    "\"DisabledInterfaces\"=hex(7):7b,00,41,00,7d,00,00,00,\\\r\n"
    "  00,00\r\n"
    "\"EnableFirewall\"=dword:1\r\n";

TEST(WfRegFile, ReadsAnExport) {
  Diagnostics diags;
  auto records = read_reg_file(kExport, diags);
  ASSERT_TRUE(records);
  EXPECT_TRUE(diags.empty()) << dump(diags);
  ASSERT_EQ(records->size(), 7u);
  const RegistryRecord& version = (*records)[0];
  EXPECT_EQ(version.key, "HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall");
  EXPECT_EQ(version.value_name, "PolicyVersion");
  EXPECT_EQ(version.type, kRegDword);
  EXPECT_EQ(version.dword, 0x21au);
  EXPECT_EQ(version.location.line, 4u);
  EXPECT_EQ(version.location.column, 1u);

  const RegistryRecord& r1 = (*records)[1];
  EXPECT_EQ(r1.value_name, "{R1}");
  EXPECT_EQ(r1.type, kRegSz);
  EXPECT_EQ(r1.data_utf8, "v2.30|Action=Allow|Dir=Out|App=%SystemRoot%\\System32\\svchost.exe|RPort=443|");
  EXPECT_EQ(r1.location.line, 8u);
  EXPECT_EQ(r1.location.text.substr(0, 14), "\"{R1}\"=\"v2.30|");
  EXPECT_EQ((*records)[2].data_utf8, "v2.30|Action=Block|Dir=Out|Name=say \"hi\"|");
  EXPECT_EQ((*records)[3].value_name, "");  // @
  EXPECT_EQ((*records)[3].data_utf8, "v2.30|");

  EXPECT_EQ((*records)[4].dword, 1u);
  const RegistryRecord& multi = (*records)[5];
  EXPECT_EQ(multi.type, kRegMultiSz);
  EXPECT_EQ(multi.location.line, 14u);
  // The continuation line is part of the value, not a line of its own.
  EXPECT_EQ((*records)[6].value_name, "EnableFirewall");
  EXPECT_EQ((*records)[6].location.line, 16u);
}

TEST(WfRegFile, RuleFieldsKeepTheirColumnsThroughEscapes) {
  Diagnostics diags;
  auto records = read_reg_file(kExport, diags);
  ASSERT_TRUE(records);
  WfInput input = settings_from_registry(*records, ".reg export", diags);
  // DisabledInterfaces is a list, not a number: noted, not warned about.
  ASSERT_EQ(diags.size(), 1u) << dump(diags);
  EXPECT_EQ(diags[0].severity, Severity::Note);
  EXPECT_EQ(diags[0].where.line, 14u);
  EXPECT_FALSE(input.local_store);
  ASSERT_EQ(input.rules.size(), 3u);  // @ too, with an empty id
  const WfRule& r1 = input.rules[0];
  EXPECT_EQ(r1.id, "{R1}");
  ASSERT_EQ(r1.fields.size(), 4u);
  auto span = [&](const WfField& f) {
    std::string text = f.location.text.empty() ? r1.location.text : f.location.text;
    return text.substr(f.location.column - 1, f.location.end_column - f.location.column + 1);
  };
  EXPECT_EQ(span(r1.fields[2]), "App=%SystemRoot%\\\\System32\\\\svchost.exe");
  EXPECT_EQ(r1.fields[2].value, "%SystemRoot%\\System32\\svchost.exe");
  EXPECT_EQ(span(r1.fields[3]), "RPort=443");
  const WfField& name = input.rules[1].fields[2];
  std::string text = field_location(input.rules[1], name).text;
  EXPECT_EQ(text.substr(name.location.column - 1, name.location.end_column - name.location.column + 1),
            "Name=say \\\"hi\\\"");
  ASSERT_EQ(input.profiles[kPublicProfile].settings.size(), 3u);
  // REG_MULTI_SZ is no number: unreadable.
  EXPECT_FALSE(input.profiles[kPublicProfile].settings[1].readable);
}

TEST(WfRegFile, DecodesHexStringsAndDwords) {
  const char* text =
      "Windows Registry Editor Version 5.00\n"
      "[HKLM\\K]\n"
      "\"Expand\"=hex(2):25,00,53,00,79,00,73,00,74,00,65,00,6d,00,52,00,6f,00,6f,00,74,00,25,\\\n"
      "  00,00,00\n"
      "\"Dword\"=hex(4):1f,00,00,00\n"
      "\"Bin\"=hex:01,02\n"
      "\"Empty\"=hex:\n";
  Diagnostics diags;
  auto records = read_reg_file(text, diags);
  ASSERT_TRUE(records);
  EXPECT_TRUE(diags.empty()) << dump(diags);
  ASSERT_EQ(records->size(), 4u);
  EXPECT_EQ((*records)[0].type, kRegExpandSz);
  EXPECT_EQ((*records)[0].data_utf8, "%SystemRoot%");
  EXPECT_EQ((*records)[1].type, kRegDword);
  EXPECT_EQ((*records)[1].dword, 0x1fu);
  EXPECT_EQ((*records)[2].type, kRegBinary);
  EXPECT_EQ((*records)[3].location.line, 7u);
}

TEST(WfRegFile, AcceptsRegedit4) {
  const char* text =
      "REGEDIT4\n"
      "\n"
      "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\DomainProfile]\n"
      "\"EnableFirewall\"=dword:00000001\n"
      "\"Path\"=hex(2):25,53,25,00\n";
  Diagnostics diags;
  auto records = read_reg_file(text, diags);
  ASSERT_TRUE(records);
  EXPECT_TRUE(diags.empty()) << dump(diags);
  ASSERT_EQ(records->size(), 2u);
  EXPECT_EQ((*records)[1].data_utf8, "%S%");  // single bytes in REGEDIT4
}

TEST(WfRegFile, RefusesWhatIsNotARegFile) {
  for (const char* text :
       {"", "\n\n  \n", "v2.30|Action=Allow|\n", "[HKEY_LOCAL_MACHINE\\X]\n\"a\"=dword:1\n"}) {
    Diagnostics diags;
    EXPECT_FALSE(read_reg_file(text, diags)) << text;
    ASSERT_EQ(diags.size(), 1u) << dump(diags);
    EXPECT_EQ(diags[0].id, finding_id::kUnreadableInput);
    EXPECT_EQ(diags[0].severity, Severity::Error);
  }
}

TEST(WfRegFile, DeletionsBecomeDeletionRecords) {
  const char* text =
      "\xEF\xBB\xBFWindows Registry Editor Version 5.00\n"
      "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\FirewallRules]\n"
      "\"{OLD}\"=-\n"
      "[-HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\PublicProfile]\n"
      "\"Ignored\"=dword:1\n"
      "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\FirewallRules]\n"
      "\"{NEW}\"=\"v2.30|Action=Allow|\"\n";
  Diagnostics diags;
  auto records = read_reg_file(text, diags);
  ASSERT_TRUE(records);
  EXPECT_TRUE(diags.empty()) << dump(diags);
  ASSERT_EQ(records->size(), 3u);
  EXPECT_TRUE((*records)[0].deletes);
  EXPECT_EQ((*records)[0].value_name, "{OLD}");
  EXPECT_TRUE((*records)[1].deletes);
  EXPECT_EQ((*records)[1].value_name, "");
  EXPECT_EQ((*records)[1].key,
            "HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\PublicProfile");
  EXPECT_FALSE((*records)[2].deletes);

  WfInput input = settings_from_registry(*records, ".reg export", diags);
  ASSERT_EQ(diags.size(), 1u) << dump(diags);
  EXPECT_EQ(diags[0].id, finding_id::kUnsupportedConstruct);
  EXPECT_EQ(diags[0].severity, Severity::Note);
  EXPECT_EQ(diags[0].where.line, 3u);
  ASSERT_EQ(input.rules.size(), 1u);
  EXPECT_EQ(input.rules[0].id, "{NEW}");
}

TEST(WfRegFile, ReportsMalformedLinesAndKeepsGoing) {
  const char* text =
      "Windows Registry Editor Version 5.00\n"
      "\"Early\"=dword:1\n"                    // 2: before any key
      "[HKEY_LOCAL_MACHINE\\K\n"               // 3: no ']'
      "\"Skipped\"=dword:1\n"                  // 4: under the unreadable key: skipped quietly
      "[HKEY_LOCAL_MACHINE\\K]\n"              // 5
      "\"Open\"=\"no closing quote\n"          // 6
      "\"NoEquals\" \"x\"\n"                   // 7
      "\"BadDword\"=dword:xyz\n"               // 8
      "\"LongDword\"=dword:123456789\n"        // 9
      "\"BadHex\"=hex:01,zz,\\\n"              // 10
      "  03,04\n"                              // 11: continuation, consumed
      "\"BadType\"=hex(q):01\n"                // 12
      "\"Unknown\"=qword:1\n"                  // 13
      "just some words\n"                      // 14
      "\"Trailing\"=\"x\" y\n"                 // 15
      "\"Good\"=dword:00000002 ; a comment\n"  // 16
      "   ; indented comment\n"                // 17
      "  \"Indented\"=\"v\"\n";                // 18
  Diagnostics diags;
  auto records = read_reg_file(text, diags);
  ASSERT_TRUE(records);
  std::vector<std::uint32_t> lines;
  for (const Diagnostic& d : diags) {
    EXPECT_EQ(d.id, finding_id::kUnrecognizedLine);
    EXPECT_EQ(d.severity, Severity::Error) << d.message;
    EXPECT_EQ(d.where.file, "");
    lines.push_back(d.where.line);
  }
  EXPECT_EQ(lines, (std::vector<std::uint32_t>{2, 3, 6, 7, 8, 9, 10, 12, 13, 14, 15})) << dump(diags);
  // The bad hex byte is pointed at.
  const Diagnostic& hex = diags[6];
  EXPECT_EQ(hex.where.text.substr(hex.where.column - 1, 2), "zz");
  ASSERT_EQ(records->size(), 2u);
  EXPECT_EQ((*records)[0].value_name, "Good");
  EXPECT_EQ((*records)[0].dword, 2u);
  EXPECT_EQ((*records)[1].value_name, "Indented");
  EXPECT_EQ((*records)[1].location.column, 3u);
  EXPECT_EQ((*records)[1].location.text, "  \"Indented\"=\"v\"");
}

TEST(WfRegFile, WarnsAboutABackslashThatIsNoEscape) {
  const char* text =
      "Windows Registry Editor Version 5.00\n"
      "[HKLM\\K]\n"
      "\"R\"=\"App=C:\\Windows\\x.exe\"\n";
  Diagnostics diags;
  auto records = read_reg_file(text, diags);
  ASSERT_TRUE(records);
  ASSERT_EQ(count(diags, Severity::Warning), 1u) << dump(diags);
  EXPECT_EQ(diags[0].where.column, 12u);
  ASSERT_EQ(records->size(), 1u);
  EXPECT_EQ((*records)[0].data_utf8, "App=C:\\Windows\\x.exe");
}

TEST(WfRegFile, QuotedStrings) {
  QuotedRegString s = read_quoted_reg_string("\"a\\\\b\\\"c\" tail");
  EXPECT_TRUE(s.closed());
  EXPECT_EQ(s.text, "a\\b\"c");
  EXPECT_EQ(s.length, 9u);
  EXPECT_EQ(s.escaped, (std::vector<std::uint32_t>{1, 3}));
  EXPECT_EQ(s.odd_escape, std::string_view::npos);
  EXPECT_FALSE(read_quoted_reg_string("\"abc").closed());
  EXPECT_FALSE(read_quoted_reg_string("\"abc\\\"").closed());
}

TEST(WfRegFile, AnUnendedContinuationDoesNotLoop) {
  Diagnostics diags;
  auto records = read_reg_file("REGEDIT4\n[HKLM\\K]\n\"a\"=hex:01,\\\n", diags);
  ASSERT_TRUE(records);
  EXPECT_TRUE(diags.empty()) << dump(diags);
  ASSERT_EQ(records->size(), 1u);
}

TEST(WfRegFile, RandomLinesNeverCrashOrHang) {
  std::mt19937 rng(11);
  const std::string pieces[] = {"[",
                                "]",
                                "-",
                                "\"",
                                "@",
                                "=",
                                "dword:",
                                "hex",
                                "(2)",
                                ":",
                                "00",
                                ",",
                                "\\",
                                "\n",
                                "\r\n",
                                ";",
                                " ",
                                "HKLM\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall",
                                "\\FirewallRules",
                                "\\PublicProfile",
                                "v2.30|Action=Block|",
                                "zz",
                                "\xff"};
  for (int round = 0; round < 3000; ++round) {
    std::string text = "Windows Registry Editor Version 5.00\n";
    for (int i = 0, n = static_cast<int>(rng() % 40); i < n; ++i) text += pieces[rng() % std::size(pieces)];
    Diagnostics diags;
    auto records = read_reg_file(text, diags);
    ASSERT_TRUE(records);
    settings_from_registry(*records, ".reg export", diags);
    for (const Diagnostic& d : diags) EXPECT_GE(d.where.line, 1u) << d.message;
  }
}

}  // namespace
}  // namespace fwlint::windows
