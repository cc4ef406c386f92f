// SPDX-License-Identifier: Apache-2.0
/// \file
/// Turns the vendor model into Policy rule lists and the paths a client's
/// traffic takes through the ASA: ingress (interface `in` ACL then the
/// global ACL, or security levels when no ACL applies), then the egress
/// interface's `out` ACL.
#pragma once

#include "frontends/asa/asa_config.h"
#include "frontends/asa/diagnostic_sink.h"
#include "fwlint/frontends/frontend.h"
#include "fwlint/model/policy.h"

namespace fwlint::asa {

/// Moves the ACL rules of `config` into `policy` (one FirstMatch list per
/// ACL, no default) and adds one Path per ingress interface, per `options`.
/// Returns false when `options` name an interface the config does not have.
bool build_policy(AsaConfig& config, const PathOptions& options, Policy& policy, DiagnosticSink& sink);

}  // namespace fwlint::asa
