// SPDX-License-Identifier: Apache-2.0
/// \file
/// Results of checking one file: per SDK and path, the flows with their
/// verdicts, plus findings with stable ids. Reporters only format these.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "fwlint/analysis/evaluator.h"
#include "fwlint/frontends/frontend.h"
#include "fwlint/model/diagnostic.h"
#include "fwlint/requirements/pack.h"

namespace fwlint {

/// Finding ids (stable; one page each under docs/rules/).
namespace finding_id {
inline constexpr const char* kPortBlocked = "FWL001";          // required-port-blocked
inline constexpr const char* kDomainNotCovered = "FWL002";     // required-domain-not-covered
inline constexpr const char* kNeedsCloudProxy = "FWL003";      // sdk-needs-cloud-proxy
inline constexpr const char* kResultUnknown = "FWL004";        // result-unknown
inline constexpr const char* kReplyBlocked = "FWL005";         // return-traffic-blocked
inline constexpr const char* kUnrecognizedLine = "FWL101";     // unrecognized-line
inline constexpr const char* kUndefinedReference = "FWL102";   // undefined-reference
inline constexpr const char* kDuplicateDefinition = "FWL103";  // duplicate-definition
inline constexpr const char* kReferenceCycle = "FWL104";       // reference-cycle
inline constexpr const char* kUnsupportedConstruct = "FWL105"; // unsupported-construct
inline constexpr const char* kUnreadableInput = "FWL106";      // unreadable-input
inline constexpr const char* kInvalidPack = "FWL107";          // invalid-pack
inline constexpr const char* kPartialPolicy = "FWL108";        // partial-policy
inline constexpr const char* kFirewallDisabled = "FWL109";     // firewall-disabled
inline constexpr const char* kInvalidConfig = "FWL110";        // invalid-config
inline constexpr const char* kInvalidSuppression = "FWL111";   // invalid-suppression
inline constexpr const char* kUnusedSuppression = "FWL112";    // unused-suppression
}  // namespace finding_id

/// One group of the requirement space with a single verdict and deciders.
struct Flow {
  Transport transport = Transport::Tcp;
  PortSet ports;
  std::vector<std::string> domains;  ///< display form (".agora.io")
  /// Destination addresses when the requirement names them (cloud proxy);
  /// empty = the domains above, or any public destination.
  IpSet destinations;
  std::string feature;  ///< optional feature the flow belongs to; empty = core
  IpSet sources;                     ///< the part of the check's sources this flow covers
  bool all_sources = true;           ///< sources == the check's sources
  /// Client source ports this flow covers; all of them unless a rule
  /// matched on source ports (e.g. `permit tcp host A eq https any`).
  PortSet source_ports = PortSet::all();
  Verdict verdict = Verdict::Unknown;
  /// The verdict was decided on the replies (a stateless reply direction,
  /// iptables INPUT / FORWARD), not on the requests.
  bool by_replies = false;
  std::vector<Decider> decided_by;
};

enum class CheckVerdict { Pass, Fail, Unknown, ProxyRequired };

const char* check_verdict_name(CheckVerdict v);

/// A reportable result: a blocked or unknown flow, a proxy note, placed at
/// its deciding line.
struct Finding {
  std::string id;
  Severity severity = Severity::Error;
  SourceLocation where;
  std::string message;
  std::string sdk;
  std::string path;
  /// Set when a comment in the input suppresses it (see Diagnostic).
  std::optional<Suppression> suppression{};
};

struct CheckResult {
  std::string sdk;        ///< SDK id
  std::string sdk_title;
  std::string pack;       ///< "agora@2020-09"
  std::string sdk_version;  ///< the version whose rows were checked
  std::vector<std::string> features;           ///< optional features checked
  std::vector<std::string> features_left_out;  ///< --without
  std::string proxy_mode;  ///< cloud-proxy mode checked ("force-udp"); empty = allow-list
  std::string path;       ///< "inside -> outside"
  std::string sources;    ///< human description of the sources assumed
  Family family = Family::V4;
  CheckVerdict verdict = CheckVerdict::Pass;
  std::vector<Flow> flows;
  std::vector<Finding> findings;
};

struct FileResult {
  std::string path;
  std::string format;  ///< dialect id
  ParseStatus status = ParseStatus::Ok;
  Diagnostics diagnostics;
  std::vector<CheckResult> checks;
};

}  // namespace fwlint
