// SPDX-License-Identifier: Apache-2.0
/// \file
/// The "expected X, Y or Z" part of a syntax error, shared by the ANTLR
/// statement parsers of every frontend.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

namespace antlr4 {
class Recognizer;
}

namespace fwlint {

/// Names one token type for a person ("a number", "end of line").
using TokenDescriber = std::function<std::string(std::size_t type)>;

/// ", expected A, B or C" when `recognizer` is a parser expecting at most
/// four token types at the error; empty otherwise.
std::string expected_tokens_suffix(antlr4::Recognizer* recognizer, const TokenDescriber& describe);

}  // namespace fwlint
