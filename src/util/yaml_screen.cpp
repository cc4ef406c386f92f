// SPDX-License-Identifier: Apache-2.0
#include "util/yaml_screen.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <sstream>

namespace fwlint {
namespace {

/// Rejects what the tree API would hide: aliases, explicit tags, more than
/// one document.
class Screen : public YAML::EventHandler {
 public:
  explicit Screen(const YamlScreenMessages& messages) : messages_(messages) {}

  std::vector<YamlScreenProblem> problems;
  int documents = 0;

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (++documents == 2) problems.push_back({mark, messages_.several_documents});
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { problems.push_back({mark, messages_.alias}); }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t, const std::string&) override {
    check_tag(mark, tag);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    check_tag(mark, tag);
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    check_tag(mark, tag);
  }
  void OnMapEnd() override {}

 private:
  void check_tag(const YAML::Mark& mark, const std::string& tag) {
    // "?" = untagged plain node, "!" = quoted or block scalar.
    if (!tag.empty() && tag != "?" && tag != "!") problems.push_back({mark, messages_.tag});
  }

  const YamlScreenMessages& messages_;
};

}  // namespace

std::vector<YamlScreenProblem> screen_yaml(std::string_view text, const YamlScreenMessages& messages) {
  std::istringstream in{std::string(text)};
  YAML::Parser parser(in);
  Screen screen(messages);
  while (parser.HandleNextDocument(screen))
    if (screen.documents > 1) break;
  return std::move(screen.problems);
}

std::vector<std::string_view> yaml_source_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  for (std::size_t start = 0; start <= text.size();) {
    std::size_t nl = text.find('\n', start);
    std::size_t end = nl == std::string_view::npos ? text.size() : nl;
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return lines;
}

}  // namespace fwlint
