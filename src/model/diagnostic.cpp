// SPDX-License-Identifier: Apache-2.0
#include "fwlint/model/diagnostic.h"

namespace fwlint {

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::Note: return "note";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
  }
  return "error";
}

}  // namespace fwlint
