// SPDX-License-Identifier: Apache-2.0
// The command line wins over the file key by key; file patterns pick
// dialects; names no pack knows are reported at their place.
#include <gtest/gtest.h>

#include "fwlint/config/config.h"
#include "fwlint/requirements/pack.h"

namespace fwlint::config {
namespace {

Config parsed(std::string_view text, const std::string& directory = "/repo") {
  Diagnostics diags;
  auto c = load_config("/repo/.agora-fwlint.yaml", directory, text, diags);
  EXPECT_TRUE(c) << (diags.empty() ? "" : diags[0].message);
  return c ? *c : Config{};
}

TEST(ConfigMerge, FileFillsWhatTheCommandLineLeavesOut) {
  Config c = parsed(
      "sdks: [rtc-web]\npack: agora@2020-09\nsdk_version: 2.8.0\nwithout: [rtmp-converter]\n"
      "dialect: asa\nsources: [10.0.0.0/8]\nseverity: {FWL004: note}\nignore: [FWL003]\n");
  Effective e = merge({}, &c, "/repo/fw.cfg");
  EXPECT_EQ(e.selection.sdks, std::vector<std::string>{"rtc-web"});
  EXPECT_EQ(e.selection.packs, std::vector<std::string>{"agora@2020-09"});
  EXPECT_EQ(e.selection.sdk_version, "2.8.0");
  EXPECT_EQ(e.selection.without, std::vector<std::string>{"rtmp-converter"});
  EXPECT_EQ(e.selection.dialect, "asa");
  EXPECT_EQ(e.selection.sources, std::vector<std::string>{"10.0.0.0/8"});
  EXPECT_EQ(e.origin["sdks"], "/repo/.agora-fwlint.yaml:1:1");
  EXPECT_EQ(e.origin["sdk_version"], "/repo/.agora-fwlint.yaml:3:14");
  EXPECT_EQ(e.origin["dialect"], "/repo/.agora-fwlint.yaml:5:10");
  EXPECT_EQ(e.severities.at("FWL004"), Severity::Note);
  EXPECT_EQ(e.severities.at("FWL003"), std::nullopt);
  EXPECT_EQ(e.severity_origin.at("FWL003"), "/repo/.agora-fwlint.yaml:8:10");
}

TEST(ConfigMerge, CommandLineWinsKeyByKey) {
  Config c = parsed("sdks: [rtc-web]\npack: agora@2020-09\nsdk_version: 2.8.0\nwithout: [dns]\ndialect: asa\n"
                    "sources: [10.0.0.0/8]\n");
  Selection cli;
  cli.sdks = {"rtm-web"};
  cli.sdk_version = "4.4.0";
  cli.dialect = "pf";
  Effective e = merge(cli, &c, "/repo/fw.cfg");
  EXPECT_EQ(e.selection.sdks, std::vector<std::string>{"rtm-web"});  // not merged with the file's
  EXPECT_EQ(e.origin["sdks"], "command line (--sdk)");
  EXPECT_EQ(e.selection.sdk_version, "4.4.0");
  EXPECT_EQ(e.origin["sdk_version"], "command line (--sdk-version)");
  EXPECT_EQ(e.selection.dialect, "pf");
  EXPECT_EQ(e.origin["dialect"], "command line (--dialect)");
  // What the command line did not say still comes from the file.
  EXPECT_EQ(e.selection.packs, std::vector<std::string>{"agora@2020-09"});
  EXPECT_EQ(e.selection.without, std::vector<std::string>{"dns"});
  EXPECT_EQ(e.selection.sources, std::vector<std::string>{"10.0.0.0/8"});
}

TEST(ConfigMerge, WithoutAFileEverythingIsTheCommandLineOrDefault) {
  Selection cli;
  cli.packs = {"agora"};
  Effective e = merge(cli, nullptr, "fw.cfg");
  EXPECT_EQ(e.selection, cli);
  EXPECT_EQ(e.origin["pack"], "command line (--pack)");
  EXPECT_EQ(e.origin["sdks"], "");
  EXPECT_TRUE(e.severities.empty());
}

TEST(ConfigMerge, FirstMatchingPatternPicksTheDialect) {
  Config c = parsed("dialect:\n  \"edge/**/*.cfg\": asa\n  \"*.cfg\": pf\n  \"hosts/*\": iptables\n");
  EXPECT_EQ(merge({}, &c, "/repo/edge/site1/fw.cfg").selection.dialect, "asa");
  EXPECT_EQ(merge({}, &c, "/repo/edge/fw.cfg").selection.dialect, "asa");
  EXPECT_EQ(merge({}, &c, "/repo/other/fw.cfg").selection.dialect, "pf");  // no '/': any directory
  EXPECT_EQ(merge({}, &c, "/repo/hosts/web1.rules").selection.dialect, "iptables");
  EXPECT_EQ(merge({}, &c, "/repo/hosts/deep/web1.rules").selection.dialect, "");
  EXPECT_EQ(merge({}, &c, "/elsewhere/edge/fw.cfg").selection.dialect, "pf");
  EXPECT_EQ(merge({}, &c, "-").selection.dialect, "");  // standard input has no name
  EXPECT_EQ(merge({}, &c, "/repo/edge/fw.cfg").origin["dialect"], "/repo/.agora-fwlint.yaml:2:20 (\"edge/**/*.cfg\")");
}

TEST(ConfigGlob, Syntax) {
  EXPECT_TRUE(glob_match("*.cfg", "fw.cfg"));
  EXPECT_FALSE(glob_match("*.cfg", "a/fw.cfg"));
  EXPECT_TRUE(glob_match("a/*/fw.cfg", "a/b/fw.cfg"));
  EXPECT_FALSE(glob_match("a/*/fw.cfg", "a/b/c/fw.cfg"));
  EXPECT_TRUE(glob_match("a/**/fw.cfg", "a/fw.cfg"));
  EXPECT_TRUE(glob_match("a/**/fw.cfg", "a/b/c/fw.cfg"));
  EXPECT_TRUE(glob_match("a/**", "a/b/c"));
  EXPECT_TRUE(glob_match("fw?.cfg", "fw1.cfg"));
  EXPECT_FALSE(glob_match("fw?.cfg", "fw/.cfg"));
  EXPECT_TRUE(glob_match("fw[0-9].cfg", "fw7.cfg"));
  EXPECT_FALSE(glob_match("fw[!0-9].cfg", "fw7.cfg"));
  EXPECT_TRUE(glob_match("fw[!0-9].cfg", "fwa.cfg"));
  EXPECT_FALSE(glob_match("fw.cfg", "fw.cfgx"));
  EXPECT_TRUE(glob_match("", ""));
  // No exponential backtracking.
  EXPECT_FALSE(glob_match("*a*a*a*a*a*a*a*a*a*a*a*a*b", std::string(200, 'a')));
}

TEST(ConfigNames, UnknownPacksSdksAndFeaturesAtTheirPlace) {
  Config c = parsed("pack: [agora@2020-09, acme]\nsdks: [rtc-web, rtc-wbe]\nwithout: [stream-channel, strem]\n");
  Diagnostics diags;
  EXPECT_FALSE(check_names(c, builtin_packs(), diags));
  ASSERT_EQ(diags.size(), 3u);
  EXPECT_EQ(diags[0].message, "no requirement pack 'acme' (see agora-fwlint --list-packs)");
  EXPECT_EQ(std::make_pair(diags[0].where.line, diags[0].where.column), std::make_pair(1u, 23u));
  EXPECT_EQ(diags[1].message, "unknown sdk 'rtc-wbe' (see agora-fwlint --list-sdks)");
  EXPECT_EQ(std::make_pair(diags[1].where.line, diags[1].where.column), std::make_pair(2u, 17u));
  EXPECT_EQ(diags[2].message, "unknown feature 'strem' (see agora-fwlint --list-sdks)");
  EXPECT_EQ(diags[2].id, "FWL110");
  diags.clear();
  Config ok = parsed("pack: agora@2020-09\nsdks: [rtc-web]\nwithout: [rtmp-converter]\n");
  EXPECT_TRUE(check_names(ok, builtin_packs(), diags));
}

}  // namespace
}  // namespace fwlint::config
