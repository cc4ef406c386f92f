// SPDX-License-Identifier: Apache-2.0
/// \file
/// Shared by the strict YAML loaders (requirement packs, .agora-fwlint.yaml):
/// a first pass over the event stream that rejects what the tree API would
/// hide, and the source split into lines for locating problems.
#pragma once

#include <yaml-cpp/mark.h>

#include <string>
#include <string_view>
#include <vector>

namespace fwlint {

/// How the screen words its problems; each loader names its own kind of file.
struct YamlScreenMessages {
  std::string several_documents;  ///< at the start of the second document
  std::string alias;              ///< at an alias
  std::string tag;                ///< at an explicitly tagged node
};

struct YamlScreenProblem {
  YAML::Mark mark;
  std::string message;
};

/// Reads `text` as a YAML event stream, stopping after the second document,
/// and returns every alias, explicit tag and second document it met, in
/// order. Throws what yaml-cpp's parser throws on invalid YAML.
std::vector<YamlScreenProblem> screen_yaml(std::string_view text, const YamlScreenMessages& messages);

/// The lines of `text` (split at LF, a trailing CR dropped), as views into
/// it; an empty text or one ending with LF has an empty last line.
std::vector<std::string_view> yaml_source_lines(std::string_view text);

}  // namespace fwlint
