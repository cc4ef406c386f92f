// SPDX-License-Identifier: Apache-2.0
#include "frontends/common/byte_input_stream.h"

namespace fwlint {

void ByteInputStream::load_bytes(std::string_view bytes) {
  _data.clear();
  _data.reserve(bytes.size());
  for (char c : bytes) _data.push_back(static_cast<char32_t>(static_cast<unsigned char>(c)));
  p = 0;
}

}  // namespace fwlint
