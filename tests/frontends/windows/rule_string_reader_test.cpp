// SPDX-License-Identifier: Apache-2.0
// The MS-GPFAS rule string tokenizer and the "rule strings" file form: the
// published examples, the malformed strings admins really write
// (reference/windows-firewall-formats.md §3.4), and the columns of fields.
#include <gtest/gtest.h>

#include <cctype>
#include <iterator>
#include <random>

#include "frontends/windows/rule_string_reader.h"
#include "fwlint/analysis/findings.h"

namespace fwlint::windows {
namespace {

std::string dump(const Diagnostics& diags) {
  std::string s;
  for (const Diagnostic& d : diags)
    s += d.id + " " + severity_name(d.severity) + " " + std::to_string(d.where.line) + ":" +
         std::to_string(d.where.column) + "-" + std::to_string(d.where.end_column) + " " + d.message + "\n";
  return s;
}

std::size_t count(const Diagnostics& diags, Severity severity) {
  std::size_t n = 0;
  for (const Diagnostic& d : diags) n += d.severity == severity;
  return n;
}

/// Reads `text` as if it started at column 1 of line 3 of a file.
WfRule read(std::string_view text, Diagnostics& diags) {
  SourceLocation where{3, 1, 0, std::string(text)};
  return read_rule_string(text, where, diags);
}

/// "key=value" for every field, '|'-joined: one string to compare.
std::string fields(const WfRule& rule) {
  std::string s;
  for (const WfField& f : rule.fields) s += (s.empty() ? "" : "|") + f.key + "=" + f.value;
  return s;
}

TEST(WfRuleString, ReadsTheMsGpfasExample) {
  // MS-GPFAS §4.2, the published example.
  const std::string text =
      "v2.10|Action=Allow|Active=TRUE|Dir=In|Protocol=6|Profile=Public|LPort=RPC|RPort=49000|"
      "LA4=192.168.1.0/255.255.255.0|LA4=192.168.0.0/255.255.255.0|RA4=LocalSubnet|RA6=LocalSubnet|"
      "App=c:\\\\path\\\\foo.exe|Name=Firewall Rule Test|Security=Authenticate|Security2_9=An-NoEncap|";
  Diagnostics diags;
  WfRule rule = read(text, diags);
  EXPECT_TRUE(diags.empty()) << dump(diags);
  EXPECT_EQ(rule.version, "2.10");
  EXPECT_EQ(rule.unreadable, "");
  ASSERT_EQ(rule.fields.size(), 15u);
  EXPECT_EQ(fields(rule),
            "Action=Allow|Active=TRUE|Dir=In|Protocol=6|Profile=Public|LPort=RPC|RPort=49000|"
            "LA4=192.168.1.0/255.255.255.0|LA4=192.168.0.0/255.255.255.0|RA4=LocalSubnet|RA6=LocalSubnet|"
            "App=c:\\\\path\\\\foo.exe|Name=Firewall Rule Test|Security=Authenticate|Security2_9=An-NoEncap");
}

TEST(WfRuleString, ReadsTheOutboundBlockExample) {
  // Microsoft's "block Cortana" example (windows-itpro-docs).
  const std::string text =
      "v2.25|Action=Block|Active=TRUE|Dir=Out|Protocol=6|"
      "App=%windir%\\SystemApps\\Microsoft.Windows.Cortana_cw5n1h2txyewy\\searchUI.exe|"
      "Name=Block outbound Cortana|";
  Diagnostics diags;
  WfRule rule = read(text, diags);
  EXPECT_TRUE(diags.empty()) << dump(diags);
  EXPECT_EQ(rule.version, "2.25");
  ASSERT_EQ(rule.fields.size(), 6u);
  EXPECT_EQ(rule.fields[4].key, "App");
  EXPECT_EQ(rule.fields[4].value,
            "%windir%\\SystemApps\\Microsoft.Windows.Cortana_cw5n1h2txyewy\\searchUI.exe");
  EXPECT_EQ(rule.fields[5].value, "Block outbound Cortana");
}

TEST(WfRuleString, KeepsRepeatedKeysInOrder) {
  Diagnostics diags;
  WfRule rule =
      read("v2.20|Action=Allow|Dir=Out|RPort=135|RPort=389|RPort2_10=49152-65535|RA42=IntrAnet|", diags);
  EXPECT_TRUE(diags.empty()) << dump(diags);
  EXPECT_EQ(fields(rule), "Action=Allow|Dir=Out|RPort=135|RPort=389|RPort2_10=49152-65535|RA42=IntrAnet");
}

TEST(WfRuleString, SplitsAtTheFirstEquals) {
  Diagnostics diags;
  WfRule rule = read("v2.24|LUAuth=O:LSD:(A;;CC;;;S-1-5-21-1=2)|Desc=a=b=c|", diags);
  EXPECT_TRUE(diags.empty()) << dump(diags);
  ASSERT_EQ(rule.fields.size(), 2u);
  EXPECT_EQ(rule.fields[0].value, "O:LSD:(A;;CC;;;S-1-5-21-1=2)");
  EXPECT_EQ(rule.fields[1].key, "Desc");
  EXPECT_EQ(rule.fields[1].value, "a=b=c");
}

TEST(WfRuleString, GivesEachFieldItsColumns) {
  // `where` is column 5 of line 9: the rule string starts there.
  const std::string line = "abc=v2.30|Action=Allow| RPort = 443 |";
  SourceLocation where{9, 5, 0, line};
  Diagnostics diags;
  WfRule rule = read_rule_string(std::string_view(line).substr(4), where, diags);
  EXPECT_TRUE(diags.empty()) << dump(diags);
  EXPECT_EQ(rule.location, where);
  ASSERT_EQ(rule.fields.size(), 2u);
  const WfField& action = rule.fields[0];
  EXPECT_EQ(action.location.line, 9u);
  EXPECT_EQ(action.location.column, 11u);  // 'A' of Action
  EXPECT_EQ(action.location.end_column, 22u);
  EXPECT_TRUE(action.location.text.empty()) << "not copied: the rule's location holds the line";
  EXPECT_EQ(field_location(rule, action).text, line);
  EXPECT_EQ(line.substr(action.location.column - 1, action.location.end_column - action.location.column + 1),
            "Action=Allow");
  // Blanks around keys and values are trimmed, and so is the field's span.
  const WfField& port = rule.fields[1];
  EXPECT_EQ(port.key, "RPort");
  EXPECT_EQ(port.value, "443");
  EXPECT_EQ(line.substr(port.location.column - 1, port.location.end_column - port.location.column + 1),
            "RPort = 443");
}

TEST(WfRuleString, ColumnsFollowEscapesOfTheSource) {
  // The source line holds `App=C:\\x.exe|Name=n|` with .reg escapes; the
  // decoded text has one backslash, and Name still points at its columns.
  const std::string line = "\"id\"=\"v2.30|App=C:\\\\x.exe|Name=n|\"";
  std::string decoded = "v2.30|App=C:\\x.exe|Name=n|";
  TextColumns columns;
  columns.first = 7;
  columns.escaped = {static_cast<std::uint32_t>(decoded.find('\\'))};
  SourceLocation where{1, 7, 0, line};
  Diagnostics diags;
  WfRule rule = read_rule_string(decoded, where, columns, diags);
  EXPECT_TRUE(diags.empty()) << dump(diags);
  ASSERT_EQ(rule.fields.size(), 2u);
  auto span = [&](const WfField& f) {
    return line.substr(f.location.column - 1, f.location.end_column - f.location.column + 1);
  };
  EXPECT_EQ(rule.fields[0].value, "C:\\x.exe");
  EXPECT_EQ(span(rule.fields[0]), "App=C:\\\\x.exe");
  EXPECT_EQ(span(rule.fields[1]), "Name=n");
}

TEST(WfRuleString, ReportsAMissingVersionAndStillReadsTheFields) {
  // §3.4: a name where the version belongs.
  Diagnostics diags;
  WfRule rule = read("BlockCortana|Action=Block|Dir=Out|Protocol=6|", diags);
  ASSERT_EQ(diags.size(), 1u) << dump(diags);
  EXPECT_EQ(diags[0].id, finding_id::kUnrecognizedLine);
  EXPECT_EQ(diags[0].severity, Severity::Error);
  EXPECT_EQ(diags[0].where.line, 3u);
  EXPECT_EQ(diags[0].where.column, 1u);
  EXPECT_EQ(diags[0].where.end_column, 12u);
  EXPECT_NE(diags[0].message.find("version"), std::string::npos);
  EXPECT_FALSE(rule.unreadable.empty());
  EXPECT_EQ(rule.version, "");
  EXPECT_EQ(fields(rule), "Action=Block|Dir=Out|Protocol=6");
}

TEST(WfRuleString, ReportsAMissingVersionBeforeAField) {
  Diagnostics diags;
  WfRule rule = read("Action=Allow|Dir=Out|", diags);
  EXPECT_EQ(count(diags, Severity::Error), 1u) << dump(diags);
  EXPECT_FALSE(rule.unreadable.empty());
  EXPECT_EQ(fields(rule), "Action=Allow|Dir=Out");
}

TEST(WfRuleString, ReportsBadVersions) {
  for (const char* text : {"v2|Action=Allow|", "V2.30|Action=Allow|", "v2.30a|Action=Allow|",
                           "v1234.1|Action=Allow|", "v2.|Action=Allow|", "v2.3.1|Action=Allow|"}) {
    Diagnostics diags;
    WfRule rule = read(text, diags);
    EXPECT_EQ(count(diags, Severity::Error), 1u) << text << "\n" << dump(diags);
    EXPECT_EQ(rule.version, "") << text;
    EXPECT_NE(rule.unreadable.find("version"), std::string::npos) << text;
    EXPECT_EQ(fields(rule), "Action=Allow") << text;
  }
}

TEST(WfRuleString, AcceptsEveryVersionSeenInTheWild) {
  for (const char* v : {"2.0", "2.10", "2.20", "2.22", "2.24", "2.25", "2.26", "2.28", "2.29", "2.30", "2.31",
                        "2.32", "2.33"}) {
    Diagnostics diags;
    WfRule rule = read(std::string("v") + v + "|Action=Allow|", diags);
    EXPECT_TRUE(diags.empty()) << v << "\n" << dump(diags);
    EXPECT_EQ(rule.version, v);
  }
}

TEST(WfRuleString, ReportsATokenWithoutEquals) {
  Diagnostics diags;
  WfRule rule = read("v2.30|Action=Allow|Outbound|Dir=Out|", diags);
  ASSERT_EQ(diags.size(), 1u) << dump(diags);
  EXPECT_EQ(diags[0].severity, Severity::Error);
  EXPECT_EQ(diags[0].where.column, 20u);
  EXPECT_EQ(diags[0].where.end_column, 27u);
  EXPECT_NE(rule.unreadable.find("Outbound"), std::string::npos);
  EXPECT_EQ(fields(rule), "Action=Allow|Dir=Out");
}

TEST(WfRuleString, ReportsAnEmptyKey) {
  Diagnostics diags;
  WfRule rule = read("v2.30|=Allow|Dir=Out|", diags);
  EXPECT_EQ(count(diags, Severity::Error), 1u) << dump(diags);
  EXPECT_FALSE(rule.unreadable.empty());
  EXPECT_EQ(fields(rule), "Dir=Out");
}

TEST(WfRuleString, WarnsAboutAMissingFinalBar) {
  Diagnostics diags;
  WfRule rule = read("v2.30|Action=Allow|Dir=Out", diags);
  ASSERT_EQ(diags.size(), 1u) << dump(diags);
  EXPECT_EQ(diags[0].severity, Severity::Warning);
  EXPECT_EQ(diags[0].where.column, 26u);
  EXPECT_EQ(rule.unreadable, "");
  EXPECT_EQ(fields(rule), "Action=Allow|Dir=Out");
}

TEST(WfRuleString, KeepsTokensItDoesNotKnowAsWritten) {
  // §3.4: not in the grammar, but tokenizing is not judging; the builder
  // reports them.
  Diagnostics diags;
  WfRule rule = read("v2.30|Action=Block|Dir=Out|RemoteIP=13.107.4.50|RA4=Any|Profile=Any|Edge=NO|", diags);
  EXPECT_TRUE(diags.empty()) << dump(diags);
  EXPECT_EQ(rule.unreadable, "");
  EXPECT_EQ(fields(rule), "Action=Block|Dir=Out|RemoteIP=13.107.4.50|RA4=Any|Profile=Any|Edge=NO");
}

TEST(WfRuleString, WarnsAboutAnEmptyField) {
  Diagnostics diags;
  WfRule rule = read("v2.30|Action=Allow||Dir=Out|", diags);
  ASSERT_EQ(diags.size(), 1u) << dump(diags);
  EXPECT_EQ(diags[0].severity, Severity::Warning);
  EXPECT_EQ(rule.unreadable, "");
  EXPECT_EQ(fields(rule), "Action=Allow|Dir=Out");
}

TEST(WfRuleString, ReportsAnEmptyString) {
  for (const char* text : {"", "   ", "|"}) {
    Diagnostics diags;
    WfRule rule = read(text, diags);
    EXPECT_EQ(count(diags, Severity::Error), 1u) << "'" << text << "'\n" << dump(diags);
    EXPECT_FALSE(rule.unreadable.empty());
    EXPECT_TRUE(rule.fields.empty());
  }
}

TEST(WfRuleString, RefusesAGiganticString) {
  std::string text = "v2.30|";
  while (text.size() <= kMaxRuleStringLength) text += "RA4=10.0.0.1|";
  Diagnostics diags;
  WfRule rule = read(text, diags);
  ASSERT_EQ(diags.size(), 1u) << dump(diags);
  EXPECT_EQ(diags[0].severity, Severity::Error);
  EXPECT_FALSE(rule.unreadable.empty());
  EXPECT_TRUE(rule.fields.empty());
}

TEST(WfRuleString, ReportsAFewProblemsOfAHostileString) {
  std::string text = "v2.30|";
  for (int i = 0; i < 100000; ++i) text += "x||";
  Diagnostics diags;
  WfRule rule = read(text, diags);
  EXPECT_LE(diags.size(), 9u) << dump(diags);
  EXPECT_EQ(diags.back().severity, Severity::Note);
  EXPECT_FALSE(rule.unreadable.empty());
  EXPECT_TRUE(rule.fields.empty());
}

TEST(WfRuleString, PointsAnEmptyFieldAtItsBars) {
  Diagnostics diags;
  read("v2.30|Action=Allow||Dir=Out|", diags);
  ASSERT_EQ(diags.size(), 1u) << dump(diags);
  EXPECT_EQ(diags[0].where.column, 19u);
  EXPECT_EQ(diags[0].where.end_column, 20u);
}

TEST(WfRuleString, RandomTextNeverCrashes) {
  std::mt19937 rng(7);
  const std::string pieces[] = {"v2.30", "|", "=", "Action", "Allow", " ", "\\", "\"", "v", "2", ".", "\t"};
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    for (int i = 0, n = static_cast<int>(rng() % 20); i < n; ++i) text += pieces[rng() % std::size(pieces)];
    Diagnostics diags;
    WfRule rule = read(text, diags);
    for (const WfField& f : rule.fields) EXPECT_FALSE(f.key.empty());
    for (const Diagnostic& d : diags) EXPECT_GE(d.where.column, 1u);
    read_rule_string_file(text + "\n" + text + "\r\n\"" + text, diags);
  }
}

TEST(WfRuleString, MessagesAreLowerCaseWithoutFinalPeriod) {
  Diagnostics diags;
  for (const char* text : {"", "BlockCortana|Action=Block|", "v2|x|=y|a=b||c=d", "Action=Allow|"})
    read(text, diags);
  ASSERT_GE(diags.size(), 6u);
  for (const Diagnostic& d : diags) {
    EXPECT_FALSE(std::isupper(static_cast<unsigned char>(d.message.front()))) << d.message;
    EXPECT_NE(d.message.back(), '.') << d.message;
  }
}

// --- the "rule strings" file --------------------------------------------------

TEST(WfRuleStringFile, ReadsRulesIdsCommentsAndCrlf) {
  const std::string text =
      "# exported rules\r\n"
      "\r\n"
      "v2.30|Action=Allow|Dir=Out|RPort=443|\r\n"
      "; another comment\r\n"
      "{AAA}=v2.30|Action=Block|Dir=Out|\r\n"
      "\"{BBB}\"=\"v2.30|Action=Allow|App=C:\\\\x.exe|Name=n|\"\r\n"
      "{CCC}\tv2.26|Action=Allow|Dir=In|\r\n"
      "   v2.20|Action=Allow|   \r\n";
  Diagnostics diags;
  WfInput input = read_rule_string_file(text, diags);
  EXPECT_TRUE(diags.empty()) << dump(diags);
  EXPECT_EQ(input.form, "rule strings");
  ASSERT_EQ(input.rules.size(), 5u);

  EXPECT_EQ(input.rules[0].id, "");
  EXPECT_EQ(input.rules[0].location.line, 3u);
  EXPECT_EQ(input.rules[0].location.text, "v2.30|Action=Allow|Dir=Out|RPort=443|");
  EXPECT_EQ(input.rules[0].location.file, "");
  EXPECT_EQ(fields(input.rules[0]), "Action=Allow|Dir=Out|RPort=443");

  EXPECT_EQ(input.rules[1].id, "{AAA}");
  EXPECT_EQ(input.rules[1].version, "2.30");
  EXPECT_EQ(input.rules[1].fields[0].location.column, 13u);

  EXPECT_EQ(input.rules[2].id, "{BBB}");
  EXPECT_EQ(fields(input.rules[2]), "Action=Allow|App=C:\\x.exe|Name=n");
  const WfField& name = input.rules[2].fields[2];
  EXPECT_EQ(field_location(input.rules[2], name).text.substr(name.location.column - 1, 6), "Name=n");

  EXPECT_EQ(input.rules[3].id, "{CCC}");
  EXPECT_EQ(input.rules[3].version, "2.26");
  EXPECT_EQ(input.rules[4].location.line, 8u);
  EXPECT_EQ(input.rules[4].fields[0].location.column, 10u);
}

TEST(WfRuleStringFile, ReportsOtherLinesAndKeepsGoing) {
  const std::string text =
      "v2.30|Action=Allow|Dir=Out|\n"
      "this is not a rule\n"
      "BlockCortana|Action=Block|Dir=Out|\n"
      "\"{X}\"=\"v2.30|Action=Allow|\n"
      "v2.30|Action=Block|Dir=Out|\n";
  Diagnostics diags;
  WfInput input = read_rule_string_file(text, diags);
  ASSERT_EQ(count(diags, Severity::Error), 3u) << dump(diags);
  EXPECT_EQ(diags[0].where.line, 2u);
  EXPECT_EQ(diags[0].where.text, "this is not a rule");
  // The versionless block rule is kept, unreadable, rather than dropped.
  ASSERT_EQ(input.rules.size(), 3u);
  EXPECT_FALSE(input.rules[1].unreadable.empty());
  EXPECT_EQ(fields(input.rules[1]), "Action=Block|Dir=Out");
  EXPECT_EQ(input.rules[2].location.line, 5u);
}

TEST(WfRuleStringFile, WarnsAboutABackslashThatIsNoEscape) {
  Diagnostics diags;
  WfInput input = read_rule_string_file("\"{X}\"=\"v2.30|App=C:\\Windows\\x.exe|\"\n", diags);
  ASSERT_EQ(diags.size(), 1u) << dump(diags);
  EXPECT_EQ(diags[0].severity, Severity::Warning);
  ASSERT_EQ(input.rules.size(), 1u);
  EXPECT_EQ(fields(input.rules[0]), "App=C:\\Windows\\x.exe");
}

TEST(WfRuleStringFile, EmptyFileHasNoRules) {
  Diagnostics diags;
  WfInput input = read_rule_string_file("\xEF\xBB\xBF\n# nothing\n", diags);
  EXPECT_TRUE(diags.empty()) << dump(diags);
  EXPECT_TRUE(input.rules.empty());
}

}  // namespace
}  // namespace fwlint::windows
