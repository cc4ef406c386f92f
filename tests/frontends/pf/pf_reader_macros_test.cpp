// SPDX-License-Identifier: Apache-2.0
// Macros as pfctl expands them: the value is read again as input (lists,
// ranges, half a rule), at the start of a word only, never inside quotes;
// `$other` inside a definition's quoted value is expanded where the macro
// is used. Undefined macros and cycles are reported, bounded, never hang.
#include <chrono>

#include "frontends/pf/pf_test_util.h"

namespace fwlint::pf::test {
namespace {

TEST(PfReaderMacros, QuotedAndUnquotedDefinitions) {
  Read r = read("ext_if = \"em0\"\nlan=10.0.0.0/8\npass in on $ext_if from $lan\n");
  ASSERT_EQ(r.config.rules.size(), 1u) << r.dump();
  EXPECT_EQ(r.rule(0).interfaces.at(0).name, "em0");
  ASSERT_EQ(r.rule(0).from.addresses.size(), 1u);
  EXPECT_EQ(r.rule(0).from.addresses[0].text, "10.0.0.0/8");
  EXPECT_TRUE(r.diags.empty()) << r.dump();
}

TEST(PfReaderMacros, ValueIsReadAgainInsideALists) {
  Read r = read("foo = \"ssh, ftp\"\nblock in proto udp from any port { echo, $foo, ident }\n");
  ASSERT_EQ(r.config.rules.size(), 1u) << r.dump();
  const auto& ports = r.rule(0).from.ports;
  ASSERT_EQ(ports.size(), 4u);
  EXPECT_EQ(ports[0].a, 7);
  EXPECT_EQ(ports[1].a, 22);
  EXPECT_EQ(ports[2].a, 21);
  EXPECT_EQ(ports[3].a, 113);
}

TEST(PfReaderMacros, ConcatenationBuildsAList) {
  Read r = read("a = \"10.0.0.1\"\nb = \"10.0.0.2\"\nall = \"{\" $a $b \"}\"\npass from $all to any\n");
  ASSERT_EQ(r.config.rules.size(), 1u) << r.dump();
  ASSERT_EQ(r.rule(0).from.addresses.size(), 2u);
  EXPECT_EQ(r.rule(0).from.addresses[1].text, "10.0.0.2");
}

TEST(PfReaderMacros, QuotedReferenceIsExpandedWhereTheMacroIsUsed) {
  Read r = read("inner = \"10.1.0.0/16\"\nouter = \"{ $inner 10.2.0.0/16 }\"\npass from $outer\n");
  ASSERT_EQ(r.config.rules.size(), 1u) << r.dump();
  ASSERT_EQ(r.rule(0).from.addresses.size(), 2u);
  EXPECT_EQ(r.rule(0).from.addresses[0].text, "10.1.0.0/16");
}

TEST(PfReaderMacros, MacroInsideAWordJoinsIt) {
  Read r = read("int_if = \"em1\"\npass in from $int_if:network to ($int_if)\n");
  ASSERT_EQ(r.config.rules.size(), 1u) << r.dump();
  const PfAddress& from = r.rule(0).from.addresses.at(0);
  EXPECT_EQ(from.kind, PfAddress::Kind::Interface);
  EXPECT_EQ(from.interface, "em1");
  EXPECT_EQ(from.modifier, "network");
  const PfAddress& to = r.rule(0).to.addresses.at(0);
  EXPECT_TRUE(to.dynamic);
  EXPECT_EQ(to.text, "(em1)");
}

TEST(PfReaderMacros, WholeRuleFromMacros) {
  Read r = read(
      "body = \"pass in log quick on lo0 inet proto tcp all \"\n"
      "opts = \"keep state \"\n"
      "$body $opts\n");
  ASSERT_EQ(r.config.rules.size(), 1u) << r.dump();
  EXPECT_TRUE(r.rule(0).quick);
  EXPECT_TRUE(r.rule(0).log);
  EXPECT_EQ(r.rule(0).protocols.at(0), "tcp");
  EXPECT_EQ(r.rule(0).state, PfState::Keep);
  EXPECT_EQ(r.rule(0).location.line, 3u);
}

TEST(PfReaderMacros, NotExpandedInsideQuotesOrMidWord) {
  Read r = read("pass in all label \"$undefined:$nr\" tag foo$bar\n");
  ASSERT_EQ(r.config.rules.size(), 1u) << r.dump();
  EXPECT_TRUE(r.diags.empty()) << r.dump();
  ASSERT_EQ(r.rule(0).options.size(), 2u);
  EXPECT_EQ(r.rule(0).options[0], "label \"$undefined:$nr\"");
  EXPECT_EQ(r.rule(0).options[1], "tag foo$bar");
}

TEST(PfReaderMacros, RedefinitionAppliesFromThenOn) {
  Read r = read("if = \"em0\"\npass on $if\nif = \"em1\"\npass on $if\n");
  ASSERT_EQ(r.config.rules.size(), 2u) << r.dump();
  EXPECT_EQ(r.rule(0).interfaces.at(0).name, "em0");
  EXPECT_EQ(r.rule(1).interfaces.at(0).name, "em1");
}

TEST(PfReaderMacros, UndefinedMacroMakesTheRuleUnreadable) {
  Read r = read("pass in on $ext_if proto tcp to port 80\nblock out all\n");
  ASSERT_EQ(r.config.rules.size(), 2u) << r.dump();
  EXPECT_TRUE(r.rule(0).unreadable);
  EXPECT_EQ(r.rule(0).action, PfAction::Pass);
  EXPECT_EQ(r.rule(0).direction, PfDirection::In);
  ASSERT_EQ(r.count(finding_id::kUndefinedReference), 1u) << r.dump();
  const Diagnostic* d = r.first(finding_id::kUndefinedReference);
  EXPECT_EQ(d->where.line, 1u);
  EXPECT_EQ(d->where.column, 12u);
  EXPECT_NE(d->message.find("ext_if"), std::string::npos);
  EXPECT_FALSE(r.rule(1).unreadable);
}

TEST(PfReaderMacros, SelfReferenceIsACycleNotAHang) {
  Read r = read("a = \"$a\"\npass from $a\n");
  ASSERT_EQ(r.config.rules.size(), 1u) << r.dump();
  EXPECT_TRUE(r.rule(0).unreadable);
  ASSERT_EQ(r.count(finding_id::kReferenceCycle), 1u) << r.dump();
  EXPECT_EQ(r.first(finding_id::kReferenceCycle)->where.line, 2u);
}

TEST(PfReaderMacros, MutualReferenceIsACycle) {
  Read r = read("a = \"{ $b }\"\nb = \"10.0.0.1 $a\"\nblock from $a\n");
  ASSERT_EQ(r.config.rules.size(), 1u) << r.dump();
  EXPECT_TRUE(r.rule(0).unreadable);
  EXPECT_EQ(r.rule(0).action, PfAction::Block);
  ASSERT_EQ(r.count(finding_id::kReferenceCycle), 1u) << r.dump();
  EXPECT_NE(r.first(finding_id::kReferenceCycle)->message.find("a -> b -> a"), std::string::npos);
}

TEST(PfReaderMacros, ExponentialExpansionIsBounded) {
  std::string text = "m0 = \"10.0.0.1 10.0.0.2 10.0.0.3 10.0.0.4 10.0.0.5 10.0.0.6 10.0.0.7 10.0.0.8\"\n";
  for (int i = 1; i <= 12; ++i) {
    std::string prev = "$m" + std::to_string(i - 1);
    text +=
        "m" + std::to_string(i) + " = \"" + prev + " " + prev + " " + prev + " " + prev + " " + prev + "\"\n";
  }
  text += "pass from { $m12 } to any\npass out all\n";
  auto start = std::chrono::steady_clock::now();
  Read r = read(text);
  auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 10.0);
  ASSERT_EQ(r.config.rules.size(), 2u) << r.dump();
  EXPECT_TRUE(r.rule(0).unreadable);
  EXPECT_FALSE(r.rule(1).unreadable);
}

TEST(PfReaderMacros, DeepNestingIsBounded) {
  std::string text;
  // Deeper than the nesting limit (64) from m0, within it from m70.
  for (int i = 0; i < 80; ++i) text += "m" + std::to_string(i) + " = \"$m" + std::to_string(i + 1) + "\"\n";
  text += "m80 = \"10.0.0.1\"\npass from $m0\npass from $m70\n";
  Read r = read(text);
  ASSERT_EQ(r.config.rules.size(), 2u) << r.dump();
  EXPECT_TRUE(r.rule(0).unreadable);
  EXPECT_FALSE(r.rule(1).unreadable) << r.dump();
  EXPECT_EQ(r.rule(1).from.addresses.at(0).text, "10.0.0.1");
}

TEST(PfReaderMacros, LocationOfAnExpandedTokenIsTheMacroUse) {
  Read r = read("ports = \"{ 22 frob }\"\npass in proto tcp to port $ports\n");
  ASSERT_EQ(r.config.rules.size(), 1u);
  EXPECT_TRUE(r.rule(0).unreadable);
  const Diagnostic* d = r.first(finding_id::kUnrecognizedLine);
  ASSERT_NE(d, nullptr) << r.dump();
  EXPECT_EQ(d->where.line, 2u);
  EXPECT_EQ(d->where.column, 27u);
}

}  // namespace
}  // namespace fwlint::pf::test
