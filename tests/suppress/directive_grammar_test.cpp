// SPDX-License-Identifier: Apache-2.0
// The grammar of a suppression comment, the same in every dialect:
//   agora-fwlint: ignore|ignore-file ID[, ID…] -- REASON
#include <gtest/gtest.h>

#include "fwlint/suppress/suppressions.h"
#include "suppress/directive_parser.h"

namespace fwlint::suppress {
namespace {

ParsedDirective parse(std::string_view line) {
  std::size_t at = line.find("agora-fwlint:");
  return parse_directive(line, at, line.size());
}

std::vector<std::string> ids_of(const ParsedDirective& p) {
  std::vector<std::string> out;
  for (const auto& i : p.directive.ids) out.push_back(i.id);
  return out;
}

TEST(SuppressionGrammar, IgnoreWithOneIdAndAReason) {
  auto p = parse("! agora-fwlint: ignore FWL001 -- guest VLAN, no Agora clients");
  ASSERT_TRUE(p.valid) << p.error;
  EXPECT_EQ(ids_of(p), (std::vector<std::string>{"FWL001"}));
  EXPECT_EQ(p.directive.reason, "guest VLAN, no Agora clients");
  EXPECT_FALSE(p.directive.whole_file);
  EXPECT_EQ(p.directive.ids[0].column, 24u);
  EXPECT_EQ(p.directive.ids[0].end_column, 29u);
}

TEST(SuppressionGrammar, SeveralIdsSlugsAndAnyCase) {
  auto p = parse("# agora-fwlint: ignore FWL001,fwl004 , return-traffic-blocked -- see NET-7 -- twice");
  ASSERT_TRUE(p.valid) << p.error;
  EXPECT_EQ(ids_of(p), (std::vector<std::string>{"FWL001", "FWL004", "FWL005"}));
  // Only the first `--` separates; the reason keeps the rest.
  EXPECT_EQ(p.directive.reason, "see NET-7 -- twice");
}

TEST(SuppressionGrammar, IgnoreFileAndTheSingleDashOfXml) {
  auto p = parse("<!-- agora-fwlint: ignore-file FWL108 - the GPO is complete -->");
  // The caller passes the text before "-->"; here the whole line is parsed.
  ASSERT_TRUE(p.valid) << p.error;
  EXPECT_TRUE(p.directive.whole_file);
  EXPECT_EQ(p.directive.reason, "the GPO is complete -->");
  auto q = parse_directive("<!-- agora-fwlint: ignore-file FWL108 - the GPO is complete -->", 5, 59);
  ASSERT_TRUE(q.valid);
  EXPECT_EQ(q.directive.reason, "the GPO is complete");
}

TEST(SuppressionGrammar, DuplicateIdsCountOnce) {
  auto p = parse("# agora-fwlint: ignore FWL001, FWL001 -- twice");
  ASSERT_TRUE(p.valid);
  EXPECT_EQ(ids_of(p), (std::vector<std::string>{"FWL001"}));
}

TEST(SuppressionGrammar, EscapedQuotesOfIptablesComments) {
  std::string_view line = R"(-A OUTPUT -m comment --comment "agora-fwlint: ignore FWL001 -- the \"lab\" net" -j DROP)";
  std::size_t at = line.find("agora-fwlint:");
  auto p = parse_directive(line, at, line.rfind('"'), true);
  ASSERT_TRUE(p.valid) << p.error;
  EXPECT_EQ(p.directive.reason, "the \"lab\" net");
}

struct Bad {
  const char* line;
  const char* message;
  std::uint32_t column;  // of the error, 1-based
};

TEST(SuppressionGrammar, RejectsWithThePlaceThatIsWrong) {
  const Bad cases[] = {
      {"! agora-fwlint: ignore FWL001", "suppression without a reason: write '-- REASON' after the ids", 30},
      {"! agora-fwlint: ignore FWL001 --   ", "suppression without a reason: write the reason after '--'", 31},
      {"! agora-fwlint: ignore FWL001 because", "expected ',' or '-- REASON' after the ids, found 'because'", 31},
      {"! agora-fwlint: ignore FWL001 FWL004 -- x", "expected ',' or '-- REASON' after the ids, found 'FWL004'", 31},
      {"! agora-fwlint: ignore -- why", "'ignore' needs the ids of the findings to suppress, e.g. 'ignore FWL001 -- REASON'", 24},
      {"! agora-fwlint: ignore FWL001, -- x", "expected a finding id after ','", 32},
      {"! agora-fwlint: ignore FWL999 -- x", "unknown finding id 'FWL999' (see agora-fwlint --list-rules)", 24},
      {"! agora-fwlint: disable FWL001 -- x", "unknown agora-fwlint directive 'disable' (expected 'ignore' or 'ignore-file')", 17},
      {"! agora-fwlint:", "agora-fwlint comment without a directive (expected 'ignore ID -- REASON')", 16},
      {"! agora-fwlint: ignore FWL112 -- x",
       "FWL112 cannot be suppressed by a comment (use 'ignore' or 'severity' in .agora-fwlint.yaml)", 24},
      {"! agora-fwlint: ignore-file invalid-config -- x",
       "FWL110 cannot be suppressed by a comment (use 'ignore' or 'severity' in .agora-fwlint.yaml)", 29},
  };
  for (const Bad& c : cases) {
    SCOPED_TRACE(c.line);
    auto p = parse(c.line);
    EXPECT_FALSE(p.valid);
    EXPECT_EQ(p.error, c.message);
    EXPECT_EQ(column_of(c.line, p.error_offset), c.column);
  }
}

TEST(SuppressionGrammar, ColumnsCountCodePoints) {
  EXPECT_EQ(column_of("aé b", 0), 1u);
  EXPECT_EQ(column_of("aé b", 3), 3u);  // after the two bytes of é
  EXPECT_EQ(column_of("ab", 99), 3u);
}

}  // namespace
}  // namespace fwlint::suppress
