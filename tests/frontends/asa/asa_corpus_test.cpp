// SPDX-License-Identifier: Apache-2.0
// Every public ASA config of ../shared/corpora/asa through the frontend: no
// crash, and few lines the grammar does not understand. Skipped when the
// corpus is not next to the checkout.
#include <filesystem>
#include <iostream>

#include "asa_test_util.h"
#include "test_support.h"

namespace fwlint::asa::test {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> corpus_files() {
  std::vector<fs::path> out;
  std::string dir = fwlint::test::corpus_dir("asa");
  if (dir.empty()) return out;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    auto ext = entry.path().extension();
    if (ext == ".cfg" || ext == ".asa") out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(AsaCorpus, EveryFileParsesWithFewUnrecognizedLines) {
  auto files = corpus_files();
  if (files.empty()) GTEST_SKIP() << "no ASA corpus next to the checkout";
  std::size_t total_unrecognized = 0, failed = 0;
  for (const auto& file : files) {
    std::string text = fwlint::test::read_file(file.string());
    ParseResult r = parse(text);
    std::size_t unrecognized = count(r, finding_id::kUnrecognizedLine);
    total_unrecognized += unrecognized;
    if (r.status == ParseStatus::Failed) ++failed;
    // Reported, not asserted per file: the corpus is allowed to contain
    // constructs outside the modeled subset.
    std::cout << "[ corpus   ] " << file.filename().string() << ": " << unrecognized << " FWL101, "
              << count(r, finding_id::kUndefinedReference) << " FWL102, status "
              << parse_status_name(r.status) << "\n";
    for (const Diagnostic* d : diagnostics(r, finding_id::kUnrecognizedLine))
      std::cout << "             line " << d->where.line << ":" << d->where.column << " " << d->message << "\n";
    EXPECT_LE(unrecognized, 2u) << file;
  }
  std::cout << "[ corpus   ] " << files.size() << " files, " << total_unrecognized
            << " unrecognized lines, " << failed << " not recognized as ASA\n";
  EXPECT_LE(total_unrecognized, files.size() / 10);
  // Only files without a single ASA marker may be rejected (asa_ssh has
  // nothing but `ssh` lines).
  EXPECT_LE(failed, 1u);
}

TEST(AsaCorpus, CiscoconfparseSample) {
  std::string dir = fwlint::test::corpus_dir("asa");
  if (dir.empty()) GTEST_SKIP() << "no ASA corpus next to the checkout";
  std::string text = fwlint::test::read_file(dir + "/ciscoconfparse/ciscoconfparse-sample_01.asa");
  if (text.empty()) GTEST_SKIP() << "sample_01.asa not in the corpus";
  ParseResult r = parse(text);
  EXPECT_EQ(count(r, finding_id::kUnrecognizedLine), 0u) << dump_diagnostics(r);
  // TSUNAMI_addrs is used twice and never defined.
  auto undefined = diagnostics(r, finding_id::kUndefinedReference);
  ASSERT_EQ(undefined.size(), 2u) << dump_diagnostics(r);
  EXPECT_NE(undefined[0]->message.find("TSUNAMI_addrs"), std::string::npos);
  const Path* p = path(r, "INSIDE -> OUTSIDE");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->default_sources, cidr("192.0.2.0/24").unite(cidr("10.0.0.0/8")));
  ASSERT_NE(list(r, "INSIDE_in"), nullptr);
  EXPECT_EQ(list(r, "SPLIT_TUNNEL_NETS"), nullptr);  // standard ACL
  EXPECT_EQ(verdicts(r, *p, 6, 443), only(Verdict::Allowed));
  EXPECT_EQ(verdicts(r, *p, 17, 3478), only(Verdict::Blocked));
}

TEST(AsaCorpus, BatfishUndefinedReferenceOracle) {
  std::string dir = fwlint::test::corpus_dir("asa");
  std::string text = dir.empty() ? "" : fwlint::test::read_file(dir + "/batfish/batfish-parsing-tests-unit-tests-asa_acl.cfg");
  if (text.empty()) GTEST_SKIP() << "batfish asa_acl not in the corpus";
  ParseResult r = parse(text);
  // Batfish's oracle: object-group network drawbridge_hosts, line 9.
  bool found = false;
  for (const Diagnostic* d : diagnostics(r, finding_id::kUndefinedReference))
    if (d->where.line == 9 && d->message.find("drawbridge_hosts") != std::string::npos) found = true;
  EXPECT_TRUE(found) << dump_diagnostics(r);
  // The inline predefined service objects (object icmp-echo, object ospf) are understood.
  EXPECT_EQ(count(r, finding_id::kUnrecognizedLine), 0u) << dump_diagnostics(r);
  ASSERT_NE(list(r, "inline_specifiers"), nullptr);
  EXPECT_EQ(list(r, "inline_specifiers")->rules.size(), 20u);
}

}  // namespace
}  // namespace fwlint::asa::test
