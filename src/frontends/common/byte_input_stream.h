// SPDX-License-Identifier: Apache-2.0
/// \file
/// The character stream the ANTLR lexers of every frontend read.
#pragma once

#include <string_view>

#include "antlr4-runtime.h"

namespace fwlint {

/// Feeds bytes to a lexer one byte per character, so token indexes are
/// byte offsets into the text and no UTF-8 decoding can fail (configs are
/// not always valid UTF-8; a bad byte must not stop the parse).
class ByteInputStream : public antlr4::ANTLRInputStream {
 public:
  void load_bytes(std::string_view bytes);
};

}  // namespace fwlint
