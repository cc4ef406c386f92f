// SPDX-License-Identifier: Apache-2.0
#include "frontends/common/expected_tokens.h"

#include <antlr4-runtime.h>

namespace fwlint {

std::string expected_tokens_suffix(antlr4::Recognizer* recognizer, const TokenDescriber& describe) {
  auto* parser = dynamic_cast<antlr4::Parser*>(recognizer);
  if (parser == nullptr) return {};
  antlr4::misc::IntervalSet expected = parser->getExpectedTokens();
  // A longer list reads as noise: the statement is just wrong there.
  if (expected.isEmpty() || expected.size() > 4) return {};
  std::string list;
  std::vector<ssize_t> types = expected.toList();
  for (std::size_t i = 0; i < types.size(); ++i) {
    if (i) list += i + 1 == types.size() ? " or " : ", ";
    list += describe(static_cast<std::size_t>(types[i]));
  }
  return ", expected " + list;
}

}  // namespace fwlint
