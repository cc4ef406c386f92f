// SPDX-License-Identifier: Apache-2.0
// registry.pol (PReg) reading: synthetic files built byte by byte, hostile
// bytes (every truncation, huge sizes, random garbage), and the real GPO
// files of ../shared/corpora/windows checked against their decoded dumps.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <random>
#include <sstream>

#include "frontends/windows/pol_file_reader.h"
#include "fwlint/analysis/findings.h"
#include "test_support.h"

namespace fwlint::windows {
namespace {

namespace fs = std::filesystem;

std::string dump(const Diagnostics& diags) {
  std::string s;
  for (const Diagnostic& d : diags)
    s += d.id + " " + severity_name(d.severity) + " " + std::to_string(d.where.line) + ":" +
         std::to_string(d.where.column) + " " + d.message + "\n";
  return s;
}

std::size_t errors(const Diagnostics& diags) {
  return static_cast<std::size_t>(std::count_if(
      diags.begin(), diags.end(), [](const Diagnostic& d) { return d.severity == Severity::Error; }));
}

/// Writes PReg bytes: the header, then records.
class PolBuilder {
 public:
  PolBuilder() { bytes_ = std::string("PReg\x01\0\0\0", 8); }

  /// ASCII text as UTF-16LE, without terminator.
  static std::string utf16(std::string_view ascii) {
    std::string out;
    for (char c : ascii) {
      out += c;
      out += '\0';
    }
    return out;
  }
  static std::string uint32(std::uint32_t v) {
    std::string out;
    for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
    return out;
  }

  PolBuilder& raw_record(std::string_view key, std::string_view value, std::uint32_t type, std::string data,
                         std::optional<std::uint32_t> size = std::nullopt) {
    bytes_ += utf16("[") + utf16(key) + utf16(std::string(1, '\0')) + utf16(";") + utf16(value) +
              utf16(std::string(1, '\0')) + utf16(";") + uint32(type) + utf16(";") +
              uint32(size.value_or(static_cast<std::uint32_t>(data.size()))) + utf16(";") + data + utf16("]");
    return *this;
  }
  PolBuilder& sz(std::string_view key, std::string_view value, std::string_view data) {
    return raw_record(key, value, 1, utf16(data) + std::string(2, '\0'));
  }
  PolBuilder& dword(std::string_view key, std::string_view value, std::uint32_t v) {
    return raw_record(key, value, 4, uint32(v));
  }
  PolBuilder& append(std::string_view raw) {
    bytes_ += raw;
    return *this;
  }
  const std::string& bytes() const { return bytes_; }

 private:
  std::string bytes_;
};

const std::string kRules = "SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\FirewallRules";
const std::string kDomain = "SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\DomainProfile";

PolBuilder sample() {
  PolBuilder b;
  b.dword("SOFTWARE\\Policies\\Microsoft\\WindowsFirewall", "PolicyVersion", 538)
      .sz(kRules, "{R1}", "v2.30|Action=Allow|Dir=Out|RPort=443|")
      .dword(kDomain, "DefaultOutboundAction", 1)
      .sz(kRules, "{R2}", "v2.30|Action=Block|Dir=Out|RPort=5000|");
  return b;
}

TEST(WfPolFile, ReadsStringsAndDwords) {
  Diagnostics diags;
  auto records = read_pol_file(sample().bytes(), diags);
  ASSERT_TRUE(records);
  EXPECT_TRUE(diags.empty()) << dump(diags);
  ASSERT_EQ(records->size(), 4u);
  const RegistryRecord& policy = (*records)[0];
  EXPECT_EQ(policy.key, "SOFTWARE\\Policies\\Microsoft\\WindowsFirewall");
  EXPECT_EQ(policy.value_name, "PolicyVersion");
  EXPECT_EQ(policy.type, kRegDword);
  EXPECT_EQ(policy.dword, 538u);
  const RegistryRecord& rule = (*records)[1];
  EXPECT_EQ(rule.type, kRegSz);
  EXPECT_EQ(rule.data_utf8, "v2.30|Action=Allow|Dir=Out|RPort=443|");  // no trailing NUL
  EXPECT_FALSE(rule.dword);
  // "line" is the record number; the text is the short readable form.
  EXPECT_EQ(rule.location.line, 2u);
  EXPECT_EQ(rule.location.column, 1u);
  EXPECT_EQ(rule.location.text, kRules + "\\{R1} = v2.30|Action=Allow|Dir=Out|RPort=443|");
  EXPECT_EQ(rule.location.text.substr(rule.data_columns.first - 1, 6), "v2.30|");
  EXPECT_EQ((*records)[2].location.text, kDomain + "\\DefaultOutboundAction = 1");
}

TEST(WfPolFile, MapsToRulesAndSettings) {
  Diagnostics diags;
  auto records = read_pol_file(sample().bytes(), diags);
  ASSERT_TRUE(records);
  WfInput input = settings_from_registry(*records, "registry.pol", diags);
  EXPECT_TRUE(diags.empty()) << dump(diags);
  ASSERT_EQ(input.rules.size(), 2u);
  EXPECT_EQ(input.rules[1].id, "{R2}");
  EXPECT_EQ(input.rules[1].location.line, 4u);
  const WfField& port = input.rules[1].fields.at(2);
  EXPECT_TRUE(port.location.text.empty()) << "the rule's location holds the line";
  EXPECT_EQ(field_location(input.rules[1], port).text.substr(port.location.column - 1, 10), "RPort=5000");
  ASSERT_EQ(input.profiles[kDomainProfile].settings.size(), 1u);
  EXPECT_EQ(input.profiles[kDomainProfile].settings[0].value, 1u);
}

TEST(WfPolFile, HeaderOnlyHasNoRecords) {
  Diagnostics diags;
  auto records = read_pol_file(PolBuilder().bytes(), diags);
  ASSERT_TRUE(records);
  EXPECT_TRUE(records->empty());
  EXPECT_TRUE(diags.empty()) << dump(diags);
}

TEST(WfPolFile, RefusesWhatIsNotPReg) {
  for (std::string bytes :
       {std::string(), std::string("PRe"), std::string("PReg\x01\0", 6), std::string("PREG\x01\0\0\0", 8),
        std::string("PReg\x02\0\0\0", 8), std::string("\xFF\xFE[\0S\0", 6),
        std::string("Windows Registry Editor Version 5.00\r\n")}) {
    Diagnostics diags;
    EXPECT_FALSE(read_pol_file(bytes, diags));
    ASSERT_EQ(diags.size(), 1u) << dump(diags);
    EXPECT_EQ(diags[0].id, finding_id::kUnreadableInput);
    EXPECT_EQ(diags[0].severity, Severity::Error);
  }
}

TEST(WfPolFile, EveryTruncationIsReportedAndKeepsTheRecordsBeforeIt) {
  const std::string full = sample().bytes();
  // Where each record ends, to know how many complete records a cut keeps.
  std::vector<std::size_t> record_ends;
  for (std::size_t i = 0; i + 1 < full.size(); ++i)
    if (full[i] == ']' && full[i + 1] == '\0' && (i + 2 == full.size() || full[i + 2] == '['))
      record_ends.push_back(i + 2);
  ASSERT_EQ(record_ends.size(), 4u);
  for (std::size_t cut = 0; cut < full.size(); ++cut) {
    Diagnostics diags;
    auto records = read_pol_file(std::string_view(full).substr(0, cut), diags);
    if (cut < 8) {
      EXPECT_FALSE(records) << cut;
      continue;
    }
    ASSERT_TRUE(records) << cut;
    std::size_t complete = static_cast<std::size_t>(
        std::count_if(record_ends.begin(), record_ends.end(), [&](std::size_t end) { return end <= cut; }));
    EXPECT_EQ(records->size(), complete) << cut;
    bool at_boundary =
        cut == 8 || std::find(record_ends.begin(), record_ends.end(), cut) != record_ends.end();
    EXPECT_EQ(errors(diags), at_boundary ? 0u : 1u) << cut << "\n" << dump(diags);
    if (!at_boundary) {
      EXPECT_NE(diags.back().message.find("record " + std::to_string(complete + 1) + " at byte "),
                std::string::npos)
          << diags.back().message;
      EXPECT_EQ(diags.back().where.line, complete + 1);
    }
  }
}

TEST(WfPolFile, AHugeSizeIsReportedWithoutAllocating) {
  PolBuilder b = sample();
  b.raw_record(kRules, "{BIG}", 1, "x", 0xFFFFFFF0u);
  Diagnostics diags;
  auto records = read_pol_file(b.bytes(), diags);
  ASSERT_TRUE(records);
  EXPECT_EQ(records->size(), 4u);
  ASSERT_EQ(errors(diags), 1u) << dump(diags);
  EXPECT_NE(diags[0].message.find("record 5 at byte "), std::string::npos) << diags[0].message;
  EXPECT_NE(diags[0].message.find("4294967280"), std::string::npos) << diags[0].message;
  EXPECT_EQ(diags[0].where.text, kRules + "\\{BIG}");
}

TEST(WfPolFile, ReportsAMissingBracketOrSeparator) {
  {
    PolBuilder b = sample();
    b.raw_record(kRules, "{X}", 4, PolBuilder::uint32(1) + "zz", 4);  // two bytes where ']' belongs
    Diagnostics diags;
    auto records = read_pol_file(b.bytes(), diags);
    ASSERT_TRUE(records);
    EXPECT_EQ(records->size(), 4u);
    ASSERT_EQ(errors(diags), 1u) << dump(diags);
    EXPECT_NE(diags[0].message.find("']'"), std::string::npos) << diags[0].message;
  }
  {
    PolBuilder b = sample();
    b.append(PolBuilder::utf16("[") + PolBuilder::utf16("Key") + std::string(2, '\0') +
             PolBuilder::utf16(","));
    Diagnostics diags;
    auto records = read_pol_file(b.bytes(), diags);
    ASSERT_TRUE(records);
    EXPECT_EQ(records->size(), 4u);
    ASSERT_EQ(errors(diags), 1u) << dump(diags);
    EXPECT_NE(diags[0].message.find("';'"), std::string::npos) << diags[0].message;
  }
  {
    PolBuilder b = sample();
    b.append("garbage!");
    Diagnostics diags;
    auto records = read_pol_file(b.bytes(), diags);
    ASSERT_TRUE(records);
    EXPECT_EQ(records->size(), 4u);
    EXPECT_EQ(errors(diags), 1u) << dump(diags);
  }
}

TEST(WfPolFile, DecodesUtf16AndReplacesUnpairedSurrogates) {
  PolBuilder b;
  // "Microsoft®" and an emoji (a surrogate pair) in the value name; a lone
  // low surrogate in the data.
  std::string name = PolBuilder::utf16("Name") + std::string("\xAE\0\x3D\xD8\x00\xDE", 6);
  std::string data = PolBuilder::utf16("v2.30|") + std::string("\x00\xDC", 2) + PolBuilder::utf16("|") +
                     std::string(2, '\0');
  b.append(PolBuilder::utf16("[") + PolBuilder::utf16("K") + std::string(2, '\0') + PolBuilder::utf16(";") +
           name + std::string(2, '\0') + PolBuilder::utf16(";") + PolBuilder::uint32(1) +
           PolBuilder::utf16(";") + PolBuilder::uint32(static_cast<std::uint32_t>(data.size())) +
           PolBuilder::utf16(";") + data + PolBuilder::utf16("]"));
  Diagnostics diags;
  auto records = read_pol_file(b.bytes(), diags);
  ASSERT_TRUE(records);
  ASSERT_EQ(records->size(), 1u);
  EXPECT_EQ((*records)[0].value_name, "Name\xC2\xAE\xF0\x9F\x98\x80");
  EXPECT_EQ((*records)[0].data_utf8, "v2.30|\xEF\xBF\xBD|");
  ASSERT_EQ(diags.size(), 1u) << dump(diags);
  EXPECT_EQ(diags[0].severity, Severity::Warning);
  EXPECT_NE(diags[0].message.find("surrogate"), std::string::npos);
}

TEST(WfPolFile, KeepsOtherTypesWithoutData) {
  PolBuilder b;
  b.raw_record("K", "Bin", 3, "\x01\x02\x03")
      .raw_record("K", "Short", 4, "\x01\x02")
      .raw_record("K", "Multi", 7, PolBuilder::utf16("a") + std::string(4, '\0'));
  Diagnostics diags;
  auto records = read_pol_file(b.bytes(), diags);
  ASSERT_TRUE(records);
  EXPECT_TRUE(diags.empty()) << dump(diags);
  ASSERT_EQ(records->size(), 3u);
  EXPECT_EQ((*records)[0].type, kRegBinary);
  EXPECT_EQ((*records)[0].location.text, "K\\Bin = (REG_BINARY, 3 bytes)");
  EXPECT_FALSE((*records)[1].dword);
  EXPECT_EQ((*records)[2].data_utf8, "");
}

TEST(WfPolFile, RandomBytesNeverCrashOrHang) {
  std::mt19937 rng(20250611);
  const std::string valid = sample().bytes();
  std::uniform_int_distribution<int> byte(0, 255);
  for (int round = 0; round < 2000; ++round) {
    std::string bytes = valid;
    // Flip a few bytes of a valid file (structure mostly kept), or append
    // garbage after the header.
    if (round % 2 == 0) {
      for (int i = 0; i < 1 + round % 7; ++i)
        bytes[8 + static_cast<std::size_t>(rng() % (bytes.size() - 8))] = static_cast<char>(byte(rng));
    } else {
      bytes.resize(8);
      for (int i = 0; i < 1 + round % 300; ++i)
        bytes += static_cast<char>(round % 3 ? byte(rng) : "[\0;\0]\0"[i % 6]);
    }
    Diagnostics diags;
    auto records = read_pol_file(bytes, diags);
    ASSERT_TRUE(records);
    settings_from_registry(*records, "registry.pol", diags);
    for (const Diagnostic& d : diags) EXPECT_FALSE(d.message.empty());
  }
}

// --- the real GPO files -----------------------------------------------------

std::vector<std::vector<std::string>> read_tsv(const fs::path& path) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(fwlint::test::read_file(path.string()));
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    std::vector<std::string> cells;
    std::size_t start = 0;
    for (int i = 0; i < 3; ++i) {  // the data, last, may hold anything
      std::size_t tab = line.find('\t', start);
      cells.push_back(line.substr(start, tab - start));
      start = tab == std::string::npos ? line.size() : tab + 1;
    }
    cells.push_back(line.substr(start));
    rows.push_back(std::move(cells));
  }
  return rows;
}

std::size_t expected_rules(const std::string& name) {
  if (name.find("sn-domain") != std::string::npos) return 93;
  if (name.find("sn-tierx") != std::string::npos) return 70;
  if (name.find("sn-server-remote-admin") != std::string::npos) return 54;
  return 0;  // nsa, dod: profiles only
}

TEST(WfCorpus, RegistryPolRuleCounts) {
  fs::path dir = fs::path(FWLINT_SOURCE_DIR) / ".." / "shared" / "corpora" / "windows";
  if (!fs::is_directory(dir)) GTEST_SKIP() << "no Windows corpus next to the checkout";
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir)) {
    std::string name = e.path().filename().string();
    if (name.rfind("registrypol-", 0) == 0 && e.path().extension() == ".pol") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  ASSERT_GE(files.size(), 5u);
  for (const fs::path& file : files) {
    const std::string name = file.filename().string();
    SCOPED_TRACE(name);
    Diagnostics diags;
    auto records = read_pol_file(fwlint::test::read_file(file.string()), diags);
    ASSERT_TRUE(records);
    WfInput input = settings_from_registry(*records, "registry.pol", diags);
    EXPECT_EQ(errors(diags), 0u) << dump(diags);
    EXPECT_EQ(input.rules.size(), expected_rules(name));
    for (const WfRule& rule : input.rules) {
      EXPECT_EQ(rule.unreadable, "") << rule.id;
      EXPECT_FALSE(rule.version.empty()) << rule.id;
      EXPECT_FALSE(rule.fields.empty()) << rule.id;
    }
    std::cout << "[ corpus   ] " << name << ": " << records->size() << " records, " << input.rules.size()
              << " rules, " << diags.size() << " diagnostics\n";

    fs::path tsv = file;
    tsv.replace_extension(".decoded.tsv");
    if (!fs::exists(tsv)) continue;
    auto rows = read_tsv(tsv);
    ASSERT_EQ(rows.size(), records->size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const RegistryRecord& r = (*records)[i];
      const auto& row = rows[i];
      EXPECT_EQ(r.key, row[0]) << "record " << i + 1;
      EXPECT_EQ(r.value_name, row[1]) << "record " << i + 1;
      EXPECT_EQ(std::to_string(r.type), row[2]) << "record " << i + 1;
      std::string data = r.type == kRegDword && r.dword ? std::to_string(*r.dword) : r.data_utf8;
      EXPECT_EQ(data, row[3]) << "record " << i + 1;
      // Every profile DWORD of the dump is a setting of its profile.
      static const std::map<std::string, int> profiles = {{"DomainProfile", kDomainProfile},
                                                          {"PrivateProfile", kPrivateProfile},
                                                          {"PublicProfile", kPublicProfile}};
      std::string store = "SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\";
      if (row[0].rfind(store, 0) != 0) continue;
      auto profile = profiles.find(row[0].substr(store.size()));
      if (profile == profiles.end()) continue;
      const auto& settings = input.profiles[static_cast<std::size_t>(profile->second)].settings;
      auto it = std::find_if(settings.begin(), settings.end(),
                             [&](const WfSetting& s) { return s.name == row[1]; });
      ASSERT_NE(it, settings.end()) << row[0] << "\\" << row[1];
      EXPECT_EQ(it->raw, row[3]);
      EXPECT_TRUE(it->readable);
    }
    if (name.find("nsa") != std::string::npos) {
      const auto& pub = input.profiles[kPublicProfile].settings;
      auto merge = std::find_if(pub.begin(), pub.end(),
                                [](const WfSetting& s) { return s.name == "AllowLocalPolicyMerge"; });
      ASSERT_NE(merge, pub.end());
      EXPECT_EQ(merge->value, 0u);
    }
    if (name.find("sn-tierx") != std::string::npos) {
      for (const WfProfileSettings& p : input.profiles) {
        auto out = std::find_if(p.settings.begin(), p.settings.end(),
                                [](const WfSetting& s) { return s.name == "DefaultOutboundAction"; });
        ASSERT_NE(out, p.settings.end());
        EXPECT_EQ(out->value, 1u);
      }
    }
  }
}

}  // namespace
}  // namespace fwlint::windows
