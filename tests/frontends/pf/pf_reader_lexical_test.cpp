// SPDX-License-Identifier: Apache-2.0
// The lexical layer: continuations, comments, quotes, lists over several
// lines, anchor blocks, and what happens when a brace or a quote is never
// closed (reported where it was opened; the rest of the file is still read).
#include "frontends/pf/pf_test_util.h"

namespace fwlint::pf::test {
namespace {

TEST(PfReaderLexical, ContinuationJoinsLines) {
  Read r = read("block \\\n    in \\\n    on lo0 \\\n    from any \\\n    to any\npass out all\n");
  ASSERT_EQ(r.config.rules.size(), 2u) << r.dump();
  EXPECT_EQ(r.rule(0).action, PfAction::Block);
  EXPECT_EQ(r.rule(0).direction, PfDirection::In);
  ASSERT_EQ(r.rule(0).interfaces.size(), 1u);
  EXPECT_EQ(r.rule(0).interfaces[0].name, "lo0");
  EXPECT_EQ(r.rule(0).location.line, 1u);
  EXPECT_EQ(r.rule(1).location.line, 6u);
  EXPECT_TRUE(r.diags.empty()) << r.dump();
}

TEST(PfReaderLexical, ContinuationWithCrLf) {
  Read r = read("pass in \\\r\n  on em0 all\r\nblock out all\r\n");
  ASSERT_EQ(r.config.rules.size(), 2u) << r.dump();
  EXPECT_EQ(r.rule(0).interfaces.at(0).name, "em0");
  EXPECT_EQ(r.rule(1).direction, PfDirection::Out);
}

TEST(PfReaderLexical, CommentsEndAtTheLineButNotInsideQuotes) {
  Read r =
      read("# a comment { with a brace\npass in all # trailing \"quote\nblock out all label \"a # b\"\n");
  ASSERT_EQ(r.config.rules.size(), 2u) << r.dump();
  EXPECT_TRUE(r.diags.empty()) << r.dump();
  ASSERT_EQ(r.rule(1).options.size(), 1u);
  EXPECT_EQ(r.rule(1).options[0], "label \"a # b\"");
}

TEST(PfReaderLexical, SingleQuotesAreStrings) {
  Read r = read("anchor 'blockips' label \"x y\"\n");
  ASSERT_EQ(r.config.rules.size(), 1u) << r.dump();
  ASSERT_TRUE(r.rule(0).anchor);
  EXPECT_EQ(r.rule(0).anchor->name, "blockips");
}

TEST(PfReaderLexical, ListsSpanLinesWithOrWithoutCommas) {
  Read r =
      read("pass in proto tcp from {\n  10.0.0.1, 10.0.0.2\n  10.0.0.3 # third\n} to any port { 22\n 80 }\n");
  ASSERT_EQ(r.config.rules.size(), 1u) << r.dump();
  EXPECT_EQ(r.rule(0).from.addresses.size(), 3u);
  EXPECT_EQ(r.rule(0).to.ports.size(), 2u);
  EXPECT_EQ(r.rule(0).from.addresses[2].location.line, 3u);
}

TEST(PfReaderLexical, NestedListsAreFlattened) {
  Read r =
      read("inner = \"{ 10.0.0.1 10.0.0.2 }\"\npass from { $inner 10.0.0.3 } to any port { { 22 23 } 80 }\n");
  ASSERT_EQ(r.config.rules.size(), 1u) << r.dump();
  ASSERT_EQ(r.rule(0).from.addresses.size(), 3u);
  EXPECT_EQ(r.rule(0).from.addresses[0].text, "10.0.0.1");
  EXPECT_EQ(r.rule(0).from.addresses[2].text, "10.0.0.3");
  EXPECT_EQ(r.rule(0).to.ports.size(), 3u);
}

TEST(PfReaderLexical, AnchorBlocksHoldRulesAndNest) {
  Read r = read(
      "anchor \"outer\" in on em0 {\n"
      "  pass in proto tcp to port 22\n"
      "  anchor \"inner\" {\n"
      "    block in all\n"
      "  }\n"
      "}\n"
      "pass out all\n");
  ASSERT_EQ(r.config.rules.size(), 2u) << r.dump();
  const PfRule& call = r.rule(0);
  EXPECT_EQ(call.action, PfAction::Anchor);
  EXPECT_EQ(call.direction, PfDirection::In);
  ASSERT_TRUE(call.anchor);
  EXPECT_EQ(call.anchor->name, "outer");
  EXPECT_TRUE(call.anchor->inline_rules);
  EXPECT_FALSE(call.anchor->loaded_at_runtime);
  ASSERT_EQ(call.anchor->rules.size(), 2u);
  const PfRule& inner = call.anchor->rules[1];
  ASSERT_TRUE(inner.anchor);
  EXPECT_EQ(inner.anchor->name, "outer/inner");
  ASSERT_EQ(inner.anchor->rules.size(), 1u);
  EXPECT_EQ(inner.anchor->rules[0].action, PfAction::Block);
  EXPECT_EQ(r.rule(1).direction, PfDirection::Out);
  EXPECT_TRUE(r.diags.empty()) << r.dump();
}

TEST(PfReaderLexical, AnchorBlockAfterAnAddressListIsStillABlock) {
  Read r = read("anchor \"a\" from { 10.0.0.1 10.0.0.2 } to any {\n  pass\n}\n");
  ASSERT_EQ(r.config.rules.size(), 1u) << r.dump();
  EXPECT_EQ(r.rule(0).from.addresses.size(), 2u);
  ASSERT_TRUE(r.rule(0).anchor);
  EXPECT_EQ(r.rule(0).anchor->rules.size(), 1u);
}

TEST(PfReaderLexical, UnnamedAnchorBlocksGetNames) {
  Read r = read("anchor {\n pass\n}\nanchor out {\n block\n}\n");
  ASSERT_EQ(r.config.rules.size(), 2u) << r.dump();
  EXPECT_EQ(r.rule(0).anchor->name, "_1");
  EXPECT_EQ(r.rule(1).anchor->name, "_2");
  EXPECT_EQ(r.rule(1).direction, PfDirection::Out);
}

TEST(PfReaderLexical, UnclosedListEndsAtTheNextStatement) {
  Read r = read("pass in from { 10.0.0.1 10.0.0.2\nblock in all\n");
  ASSERT_EQ(r.config.rules.size(), 2u) << r.dump();
  EXPECT_TRUE(r.rule(0).unreadable);
  EXPECT_EQ(r.rule(0).action, PfAction::Pass);
  EXPECT_FALSE(r.rule(1).unreadable);
  EXPECT_EQ(r.rule(1).action, PfAction::Block);
  const Diagnostic* d = r.first(finding_id::kUnrecognizedLine);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->where.line, 1u);
  EXPECT_EQ(d->where.column, 14u);
}

TEST(PfReaderLexical, UnclosedListAtTheEndOfTheFile) {
  Read r = read("pass in all\nblock in from { 10.0.0.1\n 10.0.0.2\n");
  ASSERT_EQ(r.config.rules.size(), 2u) << r.dump();
  EXPECT_TRUE(r.rule(1).unreadable);
  EXPECT_EQ(r.rule(1).action, PfAction::Block);
  ASSERT_EQ(r.count(finding_id::kUnrecognizedLine), 1u) << r.dump();
  EXPECT_EQ(r.first(finding_id::kUnrecognizedLine)->where.line, 2u);
  EXPECT_EQ(r.first(finding_id::kUnrecognizedLine)->where.column, 15u);
}

TEST(PfReaderLexical, UnclosedQuoteIsReportedAndTheRestIsRead) {
  Read r = read("pass in all label \"oops\nblock out all\npass out quick all\n");
  ASSERT_EQ(r.config.rules.size(), 3u) << r.dump();
  EXPECT_TRUE(r.rule(0).unreadable);
  EXPECT_EQ(r.rule(1).action, PfAction::Block);
  EXPECT_FALSE(r.rule(1).unreadable);
  EXPECT_TRUE(r.rule(2).quick);
  const Diagnostic* d = r.first(finding_id::kUnrecognizedLine);
  ASSERT_NE(d, nullptr) << r.dump();
  EXPECT_EQ(d->where.line, 1u);
  EXPECT_EQ(d->where.column, 19u);
  EXPECT_NE(d->message.find("never closed"), std::string::npos);
}

TEST(PfReaderLexical, QuotedStringsMaySpanLines) {
  Read r = read("addrs = \"{ 10.0.0.1,\n  10.0.0.2 }\"\npass from $addrs\n");
  ASSERT_EQ(r.config.rules.size(), 1u) << r.dump();
  EXPECT_EQ(r.rule(0).from.addresses.size(), 2u);
}

TEST(PfReaderLexical, UnclosedAnchorBlockEndsWithTheFile) {
  Read r = read("anchor \"x\" {\n  pass in all\n");
  ASSERT_EQ(r.config.rules.size(), 1u) << r.dump();
  ASSERT_TRUE(r.rule(0).anchor);
  EXPECT_EQ(r.rule(0).anchor->rules.size(), 1u);
  ASSERT_NE(r.first(finding_id::kUnrecognizedLine), nullptr);
  EXPECT_EQ(r.first(finding_id::kUnrecognizedLine)->where.line, 1u);
}

TEST(PfReaderLexical, StrayClosingBraceIsReported) {
  Read r = read("}\npass in all\n");
  ASSERT_EQ(r.config.rules.size(), 1u);
  ASSERT_EQ(r.count(finding_id::kUnrecognizedLine), 1u) << r.dump();
  EXPECT_EQ(r.first(finding_id::kUnrecognizedLine)->severity, Severity::Warning);
}

TEST(PfReaderLexical, DeeplyNestedListsAreRefused) {
  std::string text =
      "pass from " + std::string(200, '{') + " 10.0.0.1 " + std::string(200, '}') + "\npass out all\n";
  Read r = read(text);
  ASSERT_EQ(r.config.rules.size(), 2u) << r.dump();
  EXPECT_TRUE(r.rule(0).unreadable);
  EXPECT_FALSE(r.rule(1).unreadable);
}

TEST(PfReaderLexical, HugeStatementIsCutNotParsed) {
  std::string list;
  for (int i = 0; i < 120000; ++i)
    list += "10.0." + std::to_string(i / 250 % 250) + "." + std::to_string(i % 250) + " ";
  Read r = read("pass from { " + list + "} to any\npass out all\n");
  ASSERT_EQ(r.config.rules.size(), 2u) << r.dump();
  EXPECT_TRUE(r.rule(0).unreadable);
  EXPECT_FALSE(r.rule(1).unreadable);
  EXPECT_EQ(r.count(finding_id::kUnrecognizedLine), 1u) << r.dump();
}

TEST(PfReaderLexical, LocationsPointIntoTheLine) {
  Read r = read("pass in on em0 proto tcp from any to any port frob\n");
  ASSERT_EQ(r.config.rules.size(), 1u);
  EXPECT_TRUE(r.rule(0).unreadable);
  const Diagnostic* d = r.first(finding_id::kUnrecognizedLine);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->where.line, 1u);
  EXPECT_EQ(d->where.column, 47u);
  EXPECT_EQ(d->where.end_column, 50u);
  EXPECT_EQ(d->where.text, "pass in on em0 proto tcp from any to any port frob");
}

}  // namespace
}  // namespace fwlint::pf::test
