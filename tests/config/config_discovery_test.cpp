// SPDX-License-Identifier: Apache-2.0
// Which .agora-fwlint.yaml applies: the nearest from the input's directory
// up to the root, --config instead, or none with --no-config.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "fwlint/config/config.h"

namespace fwlint::config {
namespace {

namespace fs = std::filesystem;

class ConfigDiscovery : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("fwlint-discovery-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_ / "a" / "b" / "c");
  }
  void TearDown() override { fs::remove_all(root_); }
  void write(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
  }
  std::string input(const std::string& rel) {
    fs::path p = root_ / rel;
    write(p, "! config\n");
    return p.string();
  }
  fs::path root_;
};

TEST_F(ConfigDiscovery, NearestFileFromTheInputsDirectoryUp) {
  write(root_ / ".agora-fwlint.yaml", "sdks: [rtc-web]\n");
  write(root_ / "a" / "b" / ".agora-fwlint.yaml", "sdks: [rtm-web]\n");
  EXPECT_EQ(find_config_file(input("a/b/c/fw.cfg"), {}), (root_ / "a" / "b" / ".agora-fwlint.yaml").string());
  EXPECT_EQ(find_config_file(input("a/b/fw.cfg"), {}), (root_ / "a" / "b" / ".agora-fwlint.yaml").string());
  EXPECT_EQ(find_config_file(input("a/fw.cfg"), {}), (root_ / ".agora-fwlint.yaml").string());
  EXPECT_EQ(find_config_file(input("fw.cfg"), {}), (root_ / ".agora-fwlint.yaml").string());
}

TEST_F(ConfigDiscovery, ConfigOptionWinsAndNoConfigDisables) {
  write(root_ / ".agora-fwlint.yaml", "sdks: [rtc-web]\n");
  std::string fw = input("a/fw.cfg");
  EXPECT_EQ(find_config_file(fw, {"/elsewhere/x.yaml", false}), "/elsewhere/x.yaml");
  EXPECT_EQ(find_config_file(fw, {"", true}), "");
  // --config wins over --no-config: the file was named explicitly.
  EXPECT_EQ(find_config_file(fw, {"/elsewhere/x.yaml", true}), "/elsewhere/x.yaml");
}

TEST_F(ConfigDiscovery, StandardInputStartsFromTheCurrentDirectory) {
  write(root_ / "a" / ".agora-fwlint.yaml", "sdks: [rtc-web]\n");
  fs::path before = fs::current_path();
  fs::current_path(root_ / "a" / "b");
  std::string found = find_config_file("-", {});
  fs::current_path(before);
  EXPECT_EQ(found, (root_ / "a" / ".agora-fwlint.yaml").string());
}

TEST_F(ConfigDiscovery, RelativeInputsAndNoFileUpToTheRoot) {
  fs::path before = fs::current_path();
  fs::current_path(root_ / "a");
  std::string rel = "b/c/fw.cfg";
  input("a/b/c/fw.cfg");
  std::string none = find_config_file(rel, {});
  write(root_ / "a" / "b" / ".agora-fwlint.yaml", "");
  std::string found = find_config_file(rel, {});
  fs::current_path(before);
  // The temporary directory's parents have no .agora-fwlint.yaml (unless a
  // machine puts one there, which this test would then see).
  if (!none.empty()) GTEST_SKIP() << "a configuration file above the temporary directory: " << none;
  EXPECT_EQ(found, (root_ / "a" / "b" / ".agora-fwlint.yaml").string());
}

TEST_F(ConfigDiscovery, EachFileIsReadOnceAndSharedByItsInputs) {
  write(root_ / ".agora-fwlint.yaml", "sdks: [rtc-web]\n");
  write(root_ / "a" / "b" / ".agora-fwlint.yaml", "sdks: [rtm-web]\n");
  std::vector<std::string> inputs = {input("x.cfg"), input("a/y.cfg"), input("a/b/z.cfg"), input("a/b/c/w.cfg")};
  InputConfigs out;
  Diagnostics diags;
  ASSERT_TRUE(discover(inputs, {}, out, diags));
  EXPECT_TRUE(diags.empty());
  ASSERT_EQ(out.files.size(), 2u);
  ASSERT_EQ(out.per_input.size(), 4u);
  EXPECT_EQ(out.per_input[0], out.per_input[1]);
  EXPECT_EQ(out.per_input[2], out.per_input[3]);
  EXPECT_NE(out.per_input[0], out.per_input[2]);
  EXPECT_EQ(out.per_input[2]->sdks->items[0].value, "rtm-web");
  EXPECT_EQ(out.per_input[2]->directory, (root_ / "a" / "b").string());
}

TEST_F(ConfigDiscovery, NoConfigMeansNone) {
  write(root_ / ".agora-fwlint.yaml", "sdks: [rtc-web]\n");
  InputConfigs out;
  Diagnostics diags;
  ASSERT_TRUE(discover({input("x.cfg")}, {"", true}, out, diags));
  EXPECT_TRUE(out.files.empty());
  EXPECT_EQ(out.per_input, std::vector<const Config*>{nullptr});
}

TEST_F(ConfigDiscovery, InvalidOrUnreadableFilesAreErrors) {
  write(root_ / "a" / ".agora-fwlint.yaml", "sdks: [rtc-web]\nbogus: 1\n");
  fs::create_directories(root_ / "d" / ".agora-fwlint.yaml");  // a directory of that name
  InputConfigs out;
  Diagnostics diags;
  EXPECT_FALSE(discover({input("a/x.cfg"), input("d/y.cfg"), input("a/z.cfg")}, {}, out, diags));
  ASSERT_EQ(diags.size(), 2u);  // the invalid file is read, and reported, once
  EXPECT_EQ(diags[0].where.line, 2u);
  EXPECT_NE(diags[0].where.file.find(".agora-fwlint.yaml"), std::string::npos);
  EXPECT_EQ(diags[1].where.line, 0u);
  EXPECT_NE(diags[1].message.find("cannot read configuration file: "), std::string::npos) << diags[1].message;
  diags.clear();
  EXPECT_FALSE(discover({input("x.cfg")}, {(root_ / "missing.yaml").string(), false}, out, diags));
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].where.file, (root_ / "missing.yaml").string());
}

}  // namespace
}  // namespace fwlint::config
