// SPDX-License-Identifier: Apache-2.0
// `table <name> …`: flags, inline entries, files read when they may be.
#include "frontends/pf/pf_test_util.h"

namespace fwlint::pf::test {
namespace {

TEST(PfReaderTables, FlagsAndInlineEntries) {
  Read r = read(
      "table < regress > persist { 1.2.3.4 !5.6.7.8 10/8, self }\n"
      "table <regress.1> const counters { ::1 fe80::/64 }\n"
      "table <multi> { 1.2.3.4 } { ::2 ::3 } const { 4.3.2.1 }\n");
  ASSERT_EQ(r.config.tables.size(), 3u) << r.dump();
  const PfTable& t = r.config.tables[0];
  EXPECT_EQ(t.name, "regress");
  EXPECT_TRUE(t.persist);
  EXPECT_FALSE(t.is_const);
  ASSERT_EQ(t.entries.size(), 4u);
  EXPECT_EQ(t.entries[0].text, "1.2.3.4");
  EXPECT_TRUE(t.entries[1].negated);
  EXPECT_EQ(t.entries[2].text, "10.0.0.0/8");
  EXPECT_EQ(t.entries[3].kind, PfAddress::Kind::Interface);
  EXPECT_TRUE(t.files.empty());
  EXPECT_TRUE(t.files_read);
  EXPECT_TRUE(r.config.tables[1].is_const);
  EXPECT_EQ(r.config.tables[2].entries.size(), 4u);
  EXPECT_TRUE(r.config.tables[2].is_const);
  EXPECT_TRUE(r.diags.empty()) << r.dump();
  EXPECT_TRUE(r.config.rules.empty());
}

TEST(PfReaderTables, FileNextToTheConfigIsRead) {
  ScratchDir dir;
  dir.write("badhosts",
            "# blocked\n192.0.2.1\n198.51.100.0/24  203.0.113.7 # two on a line\n\n!192.0.2.128/25\n");
  Read r = read("table <bad> persist file \"badhosts\"\n", dir.path("pf.conf"));
  ASSERT_EQ(r.config.tables.size(), 1u) << r.dump();
  const PfTable& t = r.config.tables[0];
  EXPECT_EQ(t.files, (std::vector<std::string>{"badhosts"}));
  EXPECT_TRUE(t.files_read);
  ASSERT_EQ(t.entries.size(), 4u);
  EXPECT_EQ(t.entries[1].text, "198.51.100.0/24");
  EXPECT_TRUE(t.entries[3].negated);
  EXPECT_EQ(t.entries[3].text, "192.0.2.128/25");
  EXPECT_TRUE(r.diags.empty()) << r.dump();
}

TEST(PfReaderTables, MissingFileLeavesTheTableIncomplete) {
  ScratchDir dir;
  Read r = read("table <bad> persist { 192.0.2.1 } file \"nowhere\"\n", dir.path("pf.conf"));
  ASSERT_EQ(r.config.tables.size(), 1u);
  EXPECT_FALSE(r.config.tables[0].files_read);
  EXPECT_EQ(r.config.tables[0].entries.size(), 1u);
  ASSERT_EQ(r.count(finding_id::kUnreadableInput), 1u) << r.dump();
  EXPECT_EQ(r.first(finding_id::kUnreadableInput)->severity, Severity::Note);
  EXPECT_EQ(r.first(finding_id::kUnreadableInput)->where.column, 35u);
}

TEST(PfReaderTables, FilesOutsideTheRootsAreNotRead) {
  ScratchDir dir;
  Read r = read("table <pw> file \"/etc/passwd\"\ntable <up> file \"../outside\"\n", dir.path("pf.conf"));
  ASSERT_EQ(r.config.tables.size(), 2u);
  EXPECT_FALSE(r.config.tables[0].files_read);
  EXPECT_TRUE(r.config.tables[0].entries.empty());
  EXPECT_FALSE(r.config.tables[1].files_read);
  EXPECT_EQ(r.count(finding_id::kUnreadableInput), 2u) << r.dump();
}

TEST(PfReaderTables, BadEntriesInAFileAreReportedBriefly) {
  ScratchDir dir;
  std::string junk;
  for (int i = 0; i < 50; ++i) junk += "not_an_address_" + std::to_string(i) + "!\n";
  dir.write("junk", junk + "192.0.2.1\n");
  Read r = read("table <j> file \"junk\"\n", dir.path("pf.conf"));
  ASSERT_EQ(r.config.tables.size(), 1u);
  EXPECT_EQ(r.config.tables[0].entries.size(), 1u);
  EXPECT_TRUE(r.config.tables[0].unreadable_entries);  // the table is more than that entry
  EXPECT_LE(r.count(finding_id::kUnrecognizedLine), 5u);
}

TEST(PfReaderTables, DuplicateTableIsReported) {
  Read r = read("table <t> { 10.0.0.1 }\ntable <t> { 10.0.0.2 }\n");
  ASSERT_EQ(r.config.tables.size(), 1u);
  EXPECT_EQ(r.config.tables[0].entries.at(0).text, "10.0.0.1");
  EXPECT_EQ(r.count(finding_id::kDuplicateDefinition), 1u);
}

}  // namespace
}  // namespace fwlint::pf::test
