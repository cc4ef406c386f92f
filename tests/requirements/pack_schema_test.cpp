// SPDX-License-Identifier: Apache-2.0
// rules/pack.schema.json and rules/README.md describe the keys the loader
// accepts: the three must not drift apart.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <span>
#include <string>

#include "fwlint/requirements/pack.h"
#include "requirements/pack_format.h"
#include "test_support.h"

namespace fwlint {
namespace {

using nlohmann::json;

std::set<std::string> keys_of(std::span<const std::string_view> keys) {
  return {keys.begin(), keys.end()};
}

std::set<std::string> properties_of(const json& object_schema) {
  std::set<std::string> out;
  for (const auto& [key, value] : object_schema.at("properties").items()) out.insert(key);
  EXPECT_EQ(object_schema.value("additionalProperties", true), false);
  return out;
}

json schema() {
  return json::parse(test::read_file(test::source_dir() + "/rules/pack.schema.json"));
}

TEST(PackSchema, IsDraft07) {
  EXPECT_EQ(schema().at("$schema"), "http://json-schema.org/draft-07/schema#");
}

TEST(PackSchema, ListsExactlyTheKeysTheLoaderAccepts) {
  const json s = schema();
  const json& defs = s.at("definitions");
  EXPECT_EQ(properties_of(s), keys_of(pack_format::kPackKeys));
  EXPECT_EQ(properties_of(defs.at("sdk")), keys_of(pack_format::kSdkKeys));
  EXPECT_EQ(properties_of(defs.at("portEntry")), keys_of(pack_format::kPortKeys));
  EXPECT_EQ(properties_of(defs.at("domainEntry").at("oneOf").at(1)),
            keys_of(pack_format::kDomainKeys));
  EXPECT_EQ(properties_of(defs.at("versionRange")), keys_of(pack_format::kVersionRangeKeys));
  EXPECT_EQ(properties_of(defs.at("cloudProxy")), keys_of(pack_format::kCloudProxyKeys));
  EXPECT_EQ(properties_of(defs.at("proxyMode")), keys_of(pack_format::kProxyModeKeys));
  EXPECT_EQ(properties_of(defs.at("proxyFlow")), keys_of(pack_format::kProxyFlowKeys));
  EXPECT_EQ(defs.at("sdk").at("properties").at("cloud_proxy").at("$ref"), "#/definitions/cloudProxy");
  EXPECT_EQ(defs.at("transport").at("enum"), json::array({"tcp", "udp"}));
  EXPECT_EQ(s.at("required").get<std::set<std::string>>(),
            (std::set<std::string>{"pack", "version", "title", "source", "sdks"}));
  EXPECT_EQ(defs.at("portEntry").at("properties").at("protocol").at("enum"),
            json::array({"tcp", "udp"}));
}

TEST(PackReadme, DocumentsEveryKey) {
  const std::string readme = test::read_file(test::source_dir() + "/rules/README.md");
  ASSERT_FALSE(readme.empty());
  for (auto keys : {std::span<const std::string_view>(pack_format::kPackKeys),
                    std::span<const std::string_view>(pack_format::kSdkKeys),
                    std::span<const std::string_view>(pack_format::kPortKeys),
                    std::span<const std::string_view>(pack_format::kDomainKeys),
                    std::span<const std::string_view>(pack_format::kVersionRangeKeys),
                    std::span<const std::string_view>(pack_format::kCloudProxyKeys),
                    std::span<const std::string_view>(pack_format::kProxyModeKeys),
                    std::span<const std::string_view>(pack_format::kProxyFlowKeys)})
    for (auto key : keys)
      EXPECT_NE(readme.find("`" + std::string(key) + "`"), std::string::npos) << key;
  EXPECT_NE(readme.find("FWL107"), std::string::npos);
}

TEST(PackReadme, ExamplePacksLoad) {
  const std::string readme = test::read_file(test::source_dir() + "/rules/README.md");
  int examples = 0;
  std::size_t pos = 0;
  while ((pos = readme.find("```yaml\n", pos)) != std::string::npos) {
    pos += 8;
    std::size_t end = readme.find("```", pos);
    ASSERT_NE(end, std::string::npos);
    std::string block = readme.substr(pos, end - pos);
    pos = end + 3;
    if (!block.starts_with("pack:")) continue;
    ++examples;
    Diagnostics diagnostics;
    auto pack = load_pack("README.md", block, diagnostics);
    EXPECT_TRUE(pack) << block;
    for (const auto& d : diagnostics)
      ADD_FAILURE() << d.where.line << ":" << d.where.column << ": " << d.message;
  }
  EXPECT_EQ(examples, 3);
}

}  // namespace
}  // namespace fwlint
