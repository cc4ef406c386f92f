// SPDX-License-Identifier: Apache-2.0
#include "fwlint/report/rule_catalog.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

#include "fwlint/analysis/findings.h"
#include "test_support.h"

namespace fwlint {
namespace {

namespace fs = std::filesystem;

TEST(RuleCatalog, HoldsEveryFindingIdInOrder) {
  const std::vector<std::string> ids = {
      finding_id::kPortBlocked,         finding_id::kDomainNotCovered,
      finding_id::kNeedsCloudProxy,     finding_id::kResultUnknown,
      finding_id::kReplyBlocked,        finding_id::kUnrecognizedLine,    finding_id::kUndefinedReference,
      finding_id::kDuplicateDefinition, finding_id::kReferenceCycle,
      finding_id::kUnsupportedConstruct, finding_id::kUnreadableInput,
      "FWL107",  // invalid-pack, reported by the pack loader
      finding_id::kPartialPolicy,       finding_id::kFirewallDisabled,
      finding_id::kInvalidConfig,       finding_id::kInvalidSuppression,
      finding_id::kUnusedSuppression};
  ASSERT_EQ(all_rules().size(), ids.size());
  for (std::size_t i = 0; i < ids.size(); ++i) {
    EXPECT_EQ(all_rules()[i].id, ids[i]);
    EXPECT_EQ(rule_index(ids[i]), static_cast<int>(i));
  }
  EXPECT_EQ(rule_index("FWL999"), -1);
}

TEST(RuleCatalog, SlugsMatchTheFindingsHeader) {
  EXPECT_EQ(find_rule("FWL001")->name, "required-port-blocked");
  EXPECT_EQ(find_rule("FWL002")->name, "required-domain-not-covered");
  EXPECT_EQ(find_rule("FWL003")->name, "sdk-needs-cloud-proxy");
  EXPECT_EQ(find_rule("FWL004")->name, "result-unknown");
  EXPECT_EQ(find_rule("FWL005")->name, "return-traffic-blocked");
  EXPECT_EQ(find_rule("FWL101")->name, "unrecognized-line");
  EXPECT_EQ(find_rule("FWL102")->name, "undefined-reference");
  EXPECT_EQ(find_rule("FWL103")->name, "duplicate-definition");
  EXPECT_EQ(find_rule("FWL104")->name, "reference-cycle");
  EXPECT_EQ(find_rule("FWL105")->name, "unsupported-construct");
  EXPECT_EQ(find_rule("FWL106")->name, "unreadable-input");
  EXPECT_EQ(find_rule("FWL107")->name, "invalid-pack");
  EXPECT_EQ(find_rule("FWL110")->name, "invalid-config");
  EXPECT_EQ(find_rule("FWL111")->name, "invalid-suppression");
  EXPECT_EQ(find_rule("FWL112")->name, "unused-suppression");
}

TEST(RuleCatalog, FindsByIdOrSlugIgnoringCase) {
  const RuleInfo* r = find_rule("FWL002");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(find_rule("fwl002"), r);
  EXPECT_EQ(find_rule("required-domain-not-covered"), r);
  EXPECT_EQ(find_rule("Required-Domain-Not-Covered"), r);
  EXPECT_EQ(find_rule("FWL0020"), nullptr);
  EXPECT_EQ(find_rule(""), nullptr);
  EXPECT_EQ(find_rule("required"), nullptr);
}

TEST(RuleCatalog, EntriesAreCompleteAndWithinSarifLimits) {
  std::set<std::string> names;
  const std::set<std::string> precisions = {"very-high", "high", "medium", "low"};
  for (const auto& r : all_rules()) {
    SCOPED_TRACE(r.id);
    EXPECT_TRUE(names.insert(r.name).second) << "duplicate slug " << r.name;
    for (const std::string* field :
         {&r.short_description, &r.full_description, &r.rationale, &r.help, &r.notes})
      EXPECT_FALSE(field->empty());
    EXPECT_FALSE(r.examples.empty());
    for (const RuleExample& ex : r.examples) {
      EXPECT_FALSE(ex.failing.empty());
      EXPECT_FALSE(ex.result.empty());
      EXPECT_FALSE(ex.fixed.empty());
      EXPECT_NE(ex.failing, ex.fixed);
    }
    EXPECT_LE(r.name.size(), 255u);
    EXPECT_LE(r.short_description.size(), 1024u);
    EXPECT_LE(r.full_description.size(), 1024u);
    EXPECT_EQ(r.short_description.find('\n'), std::string::npos);
    EXPECT_EQ(r.short_description.back(), '.');
    EXPECT_FALSE(r.tags.empty());
    EXPECT_LE(r.tags.size(), 10u);  // GitHub shows ten
    EXPECT_TRUE(precisions.count(r.precision)) << r.precision;
  }
}

TEST(RuleCatalog, DefaultSeverities) {
  EXPECT_EQ(find_rule("FWL001")->default_severity, Severity::Error);
  EXPECT_EQ(find_rule("FWL002")->default_severity, Severity::Error);
  EXPECT_EQ(find_rule("FWL003")->default_severity, Severity::Note);
  EXPECT_EQ(find_rule("FWL004")->default_severity, Severity::Warning);
  EXPECT_EQ(find_rule("FWL005")->default_severity, Severity::Error);
  EXPECT_EQ(find_rule("FWL106")->default_severity, Severity::Error);
}

TEST(RuleCatalog, HelpUriPointsAtTheRulePage) {
  EXPECT_EQ(rule_help_uri(*find_rule("FWL104")), std::string(kRuleDocsBaseUrl) + "FWL104.md");
  EXPECT_EQ(kRuleDocsBaseUrl.back(), '/');
}

TEST(RuleCatalog, MarkdownPageHasTheSharedShape) {
  for (const auto& r : all_rules()) {
    SCOPED_TRACE(r.id);
    std::string md = rule_markdown(r);
    EXPECT_EQ(md.rfind("# " + r.id + ": " + r.name + "\n\n" + r.short_description + "\n", 0), 0u);
    for (const char* heading :
         {"\n## What it means\n", "\n## Why it matters\n", "\n## How to fix\n", "\n## Examples\n",
          "\n## Notes\n"})
      EXPECT_NE(md.find(heading), std::string::npos) << heading;
    EXPECT_NE(md.find(r.full_description), std::string::npos);
    EXPECT_NE(md.find(r.help), std::string::npos);
    for (const RuleExample& ex : r.examples) {
      EXPECT_NE(md.find("\n### " + example_format_title(ex) + "\n"), std::string::npos);
      EXPECT_NE(md.find("```\n" + ex.failing + "\n```"), std::string::npos);
      EXPECT_NE(md.find("```\n" + ex.fixed + "\n```"), std::string::npos);
    }
    EXPECT_EQ(md.back(), '\n');
  }
}

}  // namespace
}  // namespace fwlint
