// SPDX-License-Identifier: Apache-2.0
// `include` and `load anchor … from`: relative names, shared macros, and
// every way a named file can be refused (missing, outside the roots, not a
// regular file, too large, a cycle, too deep), each reported at the line
// that names it, never a hang or a crash.
#include <sys/stat.h>

#include "frontends/pf/pf_test_util.h"

namespace fwlint::pf::test {
namespace {

TEST(PfReaderFiles, IncludeReadsInPlaceAndSharesMacros) {
  ScratchDir dir;
  dir.write("conf.d/lan.conf", "lan = \"10.0.0.0/8\"\npass in on $ext from $lan\n");
  Read r = read("ext = \"em0\"\ninclude \"conf.d/lan.conf\"\nblock out from $lan\n", dir.path("pf.conf"));
  ASSERT_EQ(r.config.rules.size(), 2u) << r.dump();
  EXPECT_EQ(r.rule(0).interfaces.at(0).name, "em0");
  EXPECT_EQ(r.rule(0).location.line, 2u);  // its line in the included file
  EXPECT_EQ(r.rule(1).from.addresses.at(0).text, "10.0.0.0/8");
  EXPECT_EQ(r.summary.files, 2u);
  EXPECT_TRUE(r.diags.empty()) << r.dump();
}

TEST(PfReaderFiles, NestedIncludesAreRelativeToTheIncludingFile) {
  ScratchDir dir;
  dir.write("a/one.conf", "include \"b/two.conf\"\n");
  dir.write("a/b/two.conf", "pass quick all\n");
  Read r = read("include \"a/one.conf\"\n", dir.path("pf.conf"));
  ASSERT_EQ(r.config.rules.size(), 1u) << r.dump();
  EXPECT_TRUE(r.rule(0).quick);
}

TEST(PfReaderFiles, IncludeInsideAnAnchorBlockFillsTheAnchor) {
  ScratchDir dir;
  dir.write("inner.conf", "block in all\n");
  Read r = read("anchor \"x\" {\n include \"inner.conf\"\n}\n", dir.path("pf.conf"));
  ASSERT_EQ(r.config.rules.size(), 1u) << r.dump();
  ASSERT_TRUE(r.rule(0).anchor);
  EXPECT_EQ(r.rule(0).anchor->rules.size(), 1u);
}

TEST(PfReaderFiles, MissingIncludeIsAnUnreadableRule) {
  ScratchDir dir;
  Read r = read("pass out all\ninclude \"missing.conf\"\n", dir.path("pf.conf"));
  ASSERT_EQ(r.config.rules.size(), 2u) << r.dump();
  EXPECT_TRUE(r.rule(1).unreadable);
  const Diagnostic* d = r.first(finding_id::kUnreadableInput);
  ASSERT_NE(d, nullptr) << r.dump();
  EXPECT_EQ(d->where.line, 2u);
  EXPECT_EQ(d->severity, Severity::Error);
  EXPECT_NE(d->message.find("no such file"), std::string::npos) << d->message;
}

TEST(PfReaderFiles, DevicesDirectoriesAndFifosAreRefusedUnopened) {
  ScratchDir dir;
  ASSERT_EQ(::mkfifo(dir.path("fifo").c_str(), 0600), 0);
  std::filesystem::create_directories(dir.path("subdir"));
  PfReaderOptions options;
  options.include_dirs = {"/dev"};
  Read r = read("include \"/dev/zero\"\ninclude \"fifo\"\ninclude \"subdir\"\ninclude \"/dev/null\"\n",
                dir.path("pf.conf"), options);
  EXPECT_EQ(r.count(finding_id::kUnreadableInput), 4u) << r.dump();
  EXPECT_EQ(r.config.rules.size(), 4u);
  for (const PfRule& rule : r.config.rules) EXPECT_TRUE(rule.unreadable);
  EXPECT_NE(r.diags[0].message.find("not a regular file"), std::string::npos) << r.dump();
  EXPECT_NE(r.diags[2].message.find("directory"), std::string::npos) << r.dump();
}

TEST(PfReaderFiles, AbsolutePathsOutsideTheRootsAreRefused) {
  ScratchDir dir, other;
  other.write("rules.conf", "pass all\n");
  std::string text = "include \"" + other.path("rules.conf") + "\"\ninclude \"/etc/passwd\"\n";
  Read refused = read(text, dir.path("pf.conf"));
  EXPECT_EQ(refused.count(finding_id::kUnreadableInput), 2u) << refused.dump();
  EXPECT_NE(refused.diags[0].message.find("outside"), std::string::npos);

  PfReaderOptions options;
  options.include_dirs = {other.path("")};
  Read allowed = read("include \"" + other.path("rules.conf") + "\"\n", dir.path("pf.conf"), options);
  ASSERT_EQ(allowed.config.rules.size(), 1u) << allowed.dump();
  EXPECT_FALSE(allowed.rule(0).unreadable);
}

TEST(PfReaderFiles, RelativeNamesAreAlsoLookedUpInIncludeDirs) {
  ScratchDir dir, shared;
  shared.write("anchors/common.conf", "block in quick from <bad>\n");
  shared.write("bad.txt", "192.0.2.66\n");
  PfReaderOptions options;
  options.include_dirs = {shared.path("")};
  Read r =
      read("table <bad> file \"bad.txt\"\ninclude \"anchors/common.conf\"\n", dir.path("pf.conf"), options);
  ASSERT_EQ(r.config.rules.size(), 1u) << r.dump();
  EXPECT_TRUE(r.rule(0).quick);
  ASSERT_EQ(r.config.tables.size(), 1u);
  EXPECT_TRUE(r.config.tables[0].files_read);
  EXPECT_EQ(r.config.tables[0].entries.size(), 1u);
  EXPECT_TRUE(r.diags.empty()) << r.dump();
}

TEST(PfReaderFiles, RelativePathsCannotClimbOutOfTheRoots) {
  ScratchDir dir;
  dir.write("outside.conf", "pass all\n");
  dir.write("conf/pf.conf", "");
  Read r = read("include \"../outside.conf\"\n", dir.path("conf/pf.conf"));
  EXPECT_EQ(r.count(finding_id::kUnreadableInput), 1u) << r.dump();
}

TEST(PfReaderFiles, IncludeCycleIsReportedOnce) {
  ScratchDir dir;
  dir.write("a.conf", "pass in all\ninclude \"b.conf\"\n");
  dir.write("b.conf", "block in all\ninclude \"a.conf\"\n");
  std::string main = dir.write("pf.conf", "include \"a.conf\"\n");
  Read r = read("include \"a.conf\"\n", main);
  EXPECT_EQ(r.count(finding_id::kReferenceCycle), 1u) << r.dump();
  ASSERT_EQ(r.config.rules.size(), 2u) << r.dump();
  // Reported where b.conf includes a.conf again.
  EXPECT_TRUE(r.first(finding_id::kReferenceCycle)->where.file.ends_with("/b.conf"))
      << r.first(finding_id::kReferenceCycle)->where.file;
}

TEST(PfReaderFiles, SelfIncludeOfTheMainFileIsACycle) {
  ScratchDir dir;
  std::string main = dir.write("pf.conf", "pass all\ninclude \"pf.conf\"\n");
  Read r = read("pass all\ninclude \"pf.conf\"\n", main);
  EXPECT_EQ(r.count(finding_id::kReferenceCycle), 1u) << r.dump();
  EXPECT_EQ(r.config.rules.size(), 1u);
}

TEST(PfReaderFiles, IncludesNestedTooDeepStop) {
  ScratchDir dir;
  for (int i = 0; i < 30; ++i)
    dir.write("f" + std::to_string(i) + ".conf", "include \"f" + std::to_string(i + 1) + ".conf\"\n");
  dir.write("f30.conf", "pass all\n");
  Read r = read("include \"f0.conf\"\n", dir.path("pf.conf"));
  EXPECT_EQ(r.count(finding_id::kUnreadableInput), 1u) << r.dump();
  ASSERT_EQ(r.config.rules.size(), 1u);
  EXPECT_TRUE(r.rule(0).unreadable);
}

TEST(PfReaderFiles, FilesLargerThanTheLimitAreNotRead) {
  ScratchDir dir;
  std::string big = dir.write("big.conf", "pass all\n");
  std::filesystem::resize_file(big, 257ull * 1024 * 1024);  // sparse: nothing written
  Read r = read("include \"big.conf\"\n", dir.path("pf.conf"));
  ASSERT_EQ(r.count(finding_id::kUnreadableInput), 1u) << r.dump();
  EXPECT_NE(r.diags[0].message.find("larger than"), std::string::npos);
}

TEST(PfReaderFiles, BinaryIncludeIsRefused) {
  ScratchDir dir;
  dir.write("bin.conf", std::string("pass all\n\0\0\0\x01\x02", 14));
  Read r = read("include \"bin.conf\"\n", dir.path("pf.conf"));
  EXPECT_EQ(r.count(finding_id::kUnreadableInput), 1u) << r.dump();
}

TEST(PfReaderFiles, ProblemsInIncludedFilesNameTheFile) {
  ScratchDir dir;
  dir.write("bad.conf", "pass in on $nowhere\n");
  Read r = read("include \"bad.conf\"\n", dir.path("pf.conf"));
  const Diagnostic* d = r.first(finding_id::kUndefinedReference);
  ASSERT_NE(d, nullptr) << r.dump();
  EXPECT_EQ(d->where.line, 1u);
  EXPECT_EQ(d->where.column, 12u);
  EXPECT_TRUE(d->where.file.ends_with("/bad.conf")) << d->where.file;
}

TEST(PfReaderFiles, LoadAnchorReadsTheFileIntoTheAnchor) {
  ScratchDir dir;
  dir.write("one.conf", "anchor \"two\"\nload anchor \"two\" from \"two.conf\"\n");
  dir.write("two.conf", "table <foo> { 10.0.0.1 }\npass from <foo>\n");
  Read r = read("anchor \"one\"\nload anchor \"one\" from \"one.conf\"\n", dir.path("pf.conf"));
  ASSERT_EQ(r.config.rules.size(), 1u) << r.dump();
  std::shared_ptr<PfAnchor> one = r.rule(0).anchor;
  ASSERT_TRUE(one);
  EXPECT_EQ(one->name, "one");
  EXPECT_TRUE(one->inline_rules);
  EXPECT_FALSE(one->loaded_at_runtime);
  ASSERT_EQ(one->rules.size(), 1u);
  std::shared_ptr<PfAnchor> two = one->rules[0].anchor;
  ASSERT_TRUE(two);
  EXPECT_EQ(two->name, "one/two");
  ASSERT_EQ(two->rules.size(), 1u);
  EXPECT_EQ(two->rules[0].from.addresses.at(0).text, "<foo>");
  EXPECT_EQ(r.config.tables.size(), 1u);
  EXPECT_TRUE(r.diags.empty()) << r.dump();
}

TEST(PfReaderFiles, AnchorFileThatCannotBeReadLeavesTheAnchorUnknown) {
  ScratchDir dir;
  Read r = read("anchor \"com.apple/*\"\nanchor \"x\"\nload anchor \"x\" from \"/etc/pf.anchors/x\"\n",
                dir.path("pf.conf"));
  ASSERT_EQ(r.config.rules.size(), 2u);
  EXPECT_TRUE(r.rule(1).anchor->loaded_at_runtime);
  EXPECT_FALSE(r.rule(1).anchor->inline_rules);
  const Diagnostic* d = r.first(finding_id::kUnreadableInput);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->where.line, 3u);
  EXPECT_EQ(d->severity, Severity::Warning);
}

TEST(PfReaderFiles, AnchorFileCycleStops) {
  ScratchDir dir;
  dir.write("loop.conf", "anchor \"again\"\nload anchor \"again\" from \"loop.conf\"\npass all\n");
  Read r = read("anchor \"a\"\nload anchor \"a\" from \"loop.conf\"\n", dir.path("pf.conf"));
  EXPECT_EQ(r.count(finding_id::kReferenceCycle), 1u) << r.dump();
  ASSERT_EQ(r.config.rules.size(), 1u);
  ASSERT_EQ(r.rule(0).anchor->rules.size(), 2u);
}

}  // namespace
}  // namespace fwlint::pf::test
