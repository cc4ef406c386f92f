// SPDX-License-Identifier: Apache-2.0
// .agora-fwlint.yaml: every key, and every kind of mistake reported as
// FWL110 at its exact line and column.
#include <gtest/gtest.h>

#include "fwlint/config/config.h"
#include "fwlint/report/rule_catalog.h"

namespace fwlint::config {
namespace {

std::optional<Config> load(std::string_view text, Diagnostics& diags) {
  return load_config("cfg.yaml", "/repo", text, diags);
}

TEST(ConfigLoader, ReadsEveryKey) {
  const char* text = R"(# agora-fwlint configuration
sdks: [rtc-web, rtm-web]
pack:
  - agora@2024-08
  - agora@2020-09
sdk_version: 4.4.0
without:
  - stream-channel
dialect:
  "edge/*.cfg": asa
  "**/*.rules": iptables
sources: [192.168.10.0/24, "2001:db8::/32"]
severity:
  FWL004: note
  result-unknown-not: off
ignore: [FWL003, partial-policy]
)";
  Diagnostics diags;
  // The slug above is misspelled on purpose: fix it and load again.
  EXPECT_FALSE(load(text, diags));
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].where.line, 15u);
  EXPECT_EQ(diags[0].where.column, 3u);
  diags.clear();
  std::string fixed = text;
  fixed.replace(fixed.find("result-unknown-not"), 18, "FWL105");
  auto c = load(fixed, diags);
  ASSERT_TRUE(c) << diags[0].message;
  EXPECT_TRUE(diags.empty());
  EXPECT_EQ(c->path, "cfg.yaml");
  EXPECT_EQ(c->directory, "/repo");
  ASSERT_TRUE(c->sdks);
  EXPECT_EQ(c->sdks->items.size(), 2u);
  EXPECT_EQ(c->sdks->items[1].value, "rtm-web");
  EXPECT_EQ(c->sdks->items[1].where.line, 2u);
  EXPECT_EQ(c->sdks->items[1].where.column, 17u);
  EXPECT_EQ(c->sdks->items[1].where.file, "cfg.yaml");
  ASSERT_TRUE(c->packs);
  EXPECT_EQ(c->packs->items[1].value, "agora@2020-09");
  ASSERT_TRUE(c->sdk_version);
  EXPECT_EQ(c->sdk_version->value, "4.4.0");
  ASSERT_TRUE(c->without);
  EXPECT_EQ(c->without->items[0].value, "stream-channel");
  ASSERT_EQ(c->dialects.size(), 2u);
  EXPECT_EQ(c->dialects[0].glob.value, "edge/*.cfg");
  EXPECT_EQ(c->dialects[0].dialect.value, "asa");
  EXPECT_EQ(c->dialects[1].dialect.value, "iptables");
  ASSERT_TRUE(c->sources);
  EXPECT_EQ(c->sources->items[1].value, "2001:db8::/32");
  ASSERT_EQ(c->severities.size(), 2u);
  EXPECT_EQ(c->severities[0].id.value, "FWL004");
  EXPECT_EQ(c->severities[0].severity, Severity::Note);
  EXPECT_EQ(c->severities[1].id.value, "FWL105");
  EXPECT_EQ(c->severities[1].severity, std::nullopt);
  ASSERT_TRUE(c->ignore);
  EXPECT_EQ(c->ignore->items[0].value, "FWL003");
  EXPECT_EQ(c->ignore->items[1].value, "FWL108");  // slug made canonical
}

TEST(ConfigLoader, OnePackAsAStringAndOneDialectForEveryFile) {
  Diagnostics diags;
  auto c = load("pack: agora@2020-09\ndialect: pf\n", diags);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->packs->items.size(), 1u);
  ASSERT_EQ(c->dialects.size(), 1u);
  EXPECT_EQ(c->dialects[0].glob.value, "");
  EXPECT_EQ(c->dialects[0].dialect.value, "pf");
}

TEST(ConfigLoader, EmptyFileSetsNothing) {
  for (const char* text : {"", "# only a comment\n", "---\n"}) {
    Diagnostics diags;
    auto c = load(text, diags);
    ASSERT_TRUE(c) << text;
    EXPECT_FALSE(c->sdks);
    EXPECT_TRUE(c->severities.empty());
  }
}

struct Bad {
  const char* text;
  std::uint32_t line;
  std::uint32_t column;
  const char* message;
};

TEST(ConfigLoader, ReportsEachMistakeAtItsLineAndColumn) {
  const Bad cases[] = {
      {"sdks: [rtc-web]\nsdk_versoin: 4.4.0\n", 2, 1,
       "unknown option 'sdk_versoin' (known: sdks, pack, sdk_version, without, dialect, sources, severity, ignore, limits)"},
      {"sdks: [a]\nsdks: [b]\n", 2, 1, "duplicate option 'sdks'"},
      {"sdks: rtc-web\n", 1, 7, "expected a list of sdk ids for 'sdks', found a string"},
      {"sdks:\n", 1, 1, "missing value for 'sdks' (expected a list of sdk ids)"},
      {"sdks: []\n", 1, 1, "'sdks' is an empty list (leave it out to check every sdk of the packs)"},
      {"sdks: [rtc-web, rtc-web]\n", 1, 17, "'rtc-web' is listed twice in 'sdks'"},
      {"sdks:\n  - {id: x}\n", 2, 5, "expected an sdk id, found a mapping"},
      {"pack: {name: agora}\n", 1, 7, "expected one or a list of packs for 'pack', found a mapping"},
      {"pack: \"agora 2020\"\n", 1, 8, "invalid pack 'agora 2020'"},
      {"sdk_version: [4]\n", 1, 14, "expected a version such as \"4.4.0\", found a list"},
      {"sdk_version: 4.x\n", 1, 14, "invalid sdk version '4.x' (expected numbers separated by dots, e.g. 4.4.0)"},
      {"without: stream-channel\n", 1, 10, "expected a list of features for 'without', found a string"},
      {"dialect:\n  \"*.cfg\": cisco\n", 2, 12, "unknown dialect 'cisco' (asa, iptables, pf, windows)"},
      {"dialect: [asa]\n", 1, 10,
       "expected a dialect or a mapping of file patterns to dialects for 'dialect', found a list"},
      {"dialect:\n  \"edge/[ab.cfg\": asa\n", 2, 4, "invalid file pattern 'edge/[ab.cfg': unclosed '['"},
      {"dialect:\n  'edge\\*.cfg': asa\n", 2, 4, "invalid file pattern 'edge\\*.cfg': use '/' to separate directories"},
      {"sources:\n  - 192.168.10.0/24\n  - 192.168.300.0/24\n", 3, 5,
       "invalid source '192.168.300.0/24' (expected an address or CIDR, e.g. 192.168.1.0/24)"},
      {"sources: [10.0.0.0/33]\n", 1, 11,
       "invalid source '10.0.0.0/33' (expected an address or CIDR, e.g. 192.168.1.0/24)"},
      {"severity:\n  FWL004: info\n", 2, 11, "unknown severity 'info' (error, warning, note or off)"},
      {"severity:\n  FWL999: note\n", 2, 3, "unknown finding id 'FWL999' (see agora-fwlint --list-rules)"},
      {"severity:\n  FWL110: note\n", 2, 3,
       "FWL110 cannot be changed by a configuration file: it is reported before the configuration applies"},
      {"severity: [FWL004]\n", 1, 11,
       "expected a mapping of finding ids to error, warning, note or off for 'severity', found a list"},
      {"severity:\n  FWL004: note\n  result-unknown: error\n", 3, 3, "FWL004 is given a severity twice"},
      {"ignore: [FWL003, FWL107]\n", 1, 18,
       "FWL107 cannot be changed by a configuration file: it is reported before the configuration applies"},
      {"ignore: [FWL004]\nseverity: {FWL004: note}\n", 2, 12,
       "FWL004 is both ignored (line 1) and given a severity"},
      {"- sdks\n", 1, 1, "expected a mapping of options at the top level, found a list"},
      {"sdks: [rtc-web\n", 2, 1, "invalid yaml: end of sequence flow not found"},
      {"sdks: &a [rtc-web]\nwithout: *a\n", 2, 10, "yaml aliases are not allowed in a configuration file"},
      {"sdks: !!seq [rtc-web]\n", 1, 7, "yaml tags are not allowed in a configuration file"},
      {"sdks: [rtc-web]\n---\nsdks: [rtm-web]\n", 2, 1, "a configuration file must hold exactly one yaml document"},
  };
  for (const Bad& c : cases) {
    SCOPED_TRACE(c.text);
    Diagnostics diags;
    EXPECT_FALSE(load(c.text, diags));
    ASSERT_FALSE(diags.empty());
    EXPECT_EQ(diags[0].id, "FWL110");
    EXPECT_EQ(diags[0].severity, Severity::Error);
    EXPECT_EQ(diags[0].where.file, "cfg.yaml");
    EXPECT_EQ(diags[0].message, c.message);
    EXPECT_EQ(diags[0].where.line, c.line);
    EXPECT_EQ(diags[0].where.column, c.column);
  }
}

TEST(ConfigLoader, ReportsEveryProblemOfAFile) {
  Diagnostics diags;
  EXPECT_FALSE(load("sdks: [a, a]\nwithout: x\nsources: [nope]\nbogus: 1\n", diags));
  ASSERT_EQ(diags.size(), 4u);
  EXPECT_EQ(diags[0].where.line, 1u);
  EXPECT_EQ(diags[1].where.line, 2u);
  EXPECT_EQ(diags[2].where.line, 3u);
  EXPECT_EQ(diags[3].where.line, 4u);
}

TEST(ConfigLoader, TheCatalogueExampleOfFwl110) {
  const RuleInfo* rule = find_rule("FWL110");
  ASSERT_NE(rule, nullptr);
  ASSERT_FALSE(rule->examples.empty());
  const RuleExample& example = rule->examples.front();
  Diagnostics diags;
  EXPECT_FALSE(load(example.failing, diags));
  ASSERT_EQ(diags.size(), 3u);
  EXPECT_EQ(std::make_pair(diags[0].where.line, diags[0].where.column), std::make_pair(3u, 1u));
  EXPECT_EQ(std::make_pair(diags[1].where.line, diags[1].where.column), std::make_pair(6u, 5u));
  EXPECT_EQ(std::make_pair(diags[2].where.line, diags[2].where.column), std::make_pair(8u, 11u));
  diags.clear();
  EXPECT_TRUE(load(example.fixed, diags));
  EXPECT_TRUE(diags.empty());
}

TEST(ConfigLoader, RefusesAHugeFile) {
  Diagnostics diags;
  EXPECT_FALSE(load(std::string(kMaxConfigBytes + 1, '#'), diags));
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].where.line, 1u);
}

}  // namespace
}  // namespace fwlint::config
