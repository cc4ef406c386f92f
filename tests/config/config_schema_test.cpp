// SPDX-License-Identifier: Apache-2.0
// docs/config.schema.json and docs/configuration.md describe the keys the
// loader accepts: the three must not drift apart.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "fwlint/config/config.h"
#include "fwlint/frontends/frontend.h"
#include "test_support.h"

namespace fwlint::config {
namespace {

using nlohmann::json;

json schema() { return json::parse(test::read_file(test::source_dir() + "/docs/config.schema.json")); }

TEST(ConfigSchema, ListsExactlyTheKeysTheLoaderAccepts) {
  const json s = schema();
  EXPECT_EQ(s.at("$schema"), "http://json-schema.org/draft-07/schema#");
  EXPECT_EQ(s.at("additionalProperties"), false);
  std::set<std::string> properties, keys;
  for (const auto& [key, value] : s.at("properties").items()) properties.insert(key);
  for (auto k : kKeys) keys.insert(std::string(k));
  EXPECT_EQ(properties, keys);
  std::set<std::string> dialects, frontends;
  for (const auto& d : s.at("definitions").at("dialect").at("enum")) dialects.insert(d.get<std::string>());
  for (const Frontend* f : FrontendRegistry::instance().all()) frontends.insert(f->name());
  EXPECT_EQ(dialects, frontends);
  EXPECT_EQ(s.at("properties").at("severity").at("additionalProperties").at("enum"),
            json::array({"error", "warning", "note", "off"}));
  std::set<std::string> limits, catalog;
  for (const auto& l : s.at("properties").at("limits").at("propertyNames").at("enum"))
    limits.insert(l.get<std::string>());
  for (const auto& l : limit_catalog()) catalog.insert(std::string(l.name));
  EXPECT_EQ(limits, catalog);
}

TEST(ConfigDocs, DocumentEveryKeyAndTheFinding) {
  const std::string doc = test::read_file(test::source_dir() + "/docs/configuration.md");
  ASSERT_FALSE(doc.empty());
  for (auto key : kKeys) EXPECT_NE(doc.find("`" + std::string(key) + "`"), std::string::npos) << key;
  for (const char* needle : {"FWL110", "--config", "--no-config", "--print-config", "config.schema.json"})
    EXPECT_NE(doc.find(needle), std::string::npos) << needle;
  const std::string sup = test::read_file(test::source_dir() + "/docs/suppressions.md");
  for (const char* needle : {"FWL111", "FWL112", "ignore-file", "--comment", "remark", "<!--"})
    EXPECT_NE(sup.find(needle), std::string::npos) << needle;
}

}  // namespace
}  // namespace fwlint::config
