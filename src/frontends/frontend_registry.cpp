// SPDX-License-Identifier: Apache-2.0
#include "fwlint/frontends/frontend.h"

namespace fwlint {

// Each dialect defines one anchor next to its registration. Referencing the
// anchors here makes the linker keep every frontend's object file out of the
// static library, so their self-registration runs. Adding a dialect = one
// folder under src/frontends/ + one line here.
extern volatile int kAsaFrontendAnchor;
[[maybe_unused]] static int asa_anchor_destination = kAsaFrontendAnchor;
extern volatile int kIptablesFrontendAnchor;
[[maybe_unused]] static int iptables_anchor_destination = kIptablesFrontendAnchor;
extern volatile int kPfFrontendAnchor;
[[maybe_unused]] static int pf_anchor_destination = kPfFrontendAnchor;
extern volatile int kWindowsFrontendAnchor;
[[maybe_unused]] static int windows_anchor_destination = kWindowsFrontendAnchor;

const char* parse_status_name(ParseStatus s) {
  switch (s) {
    case ParseStatus::Ok: return "ok";
    case ParseStatus::Partial: return "partial";
    case ParseStatus::Failed: return "failed";
  }
  return "failed";
}

const Frontend* detect_frontend(std::string_view head) {
  constexpr int kThreshold = 30;
  const Frontend* best = nullptr;
  int best_score = kThreshold - 1;
  for (const Frontend* f : FrontendRegistry::instance().all()) {
    int score = f->detect(head);
    if (score > best_score) {
      best_score = score;
      best = f;
    }
  }
  return best;
}

}  // namespace fwlint
