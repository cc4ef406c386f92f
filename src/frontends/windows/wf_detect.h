// SPDX-License-Identifier: Apache-2.0
/// \file
/// Which Windows Firewall form a file is, decided from its first bytes.
#pragma once

#include <string_view>

namespace fwlint::windows {

enum class WfForm {
  None,             ///< not a Windows Firewall input
  Report,           ///< XML: Group Policy report, RSoP report (or other XML to reject)
  RegistryPol,      ///< binary PReg file (registry.pol)
  RegFile,          ///< .reg export (REGEDIT4 / version 5.00)
  RuleStrings,      ///< text, one `v2.xx|…|` rule string per line
  RegistryHive,     ///< `netsh advfirewall export` .wfw: a binary registry hive (rejected)
  NetshText,        ///< `netsh advfirewall firewall show rule` output (rejected)
};

struct WfSniff {
  WfForm form = WfForm::None;
  int confidence = 0;  ///< 0–100, as Frontend::detect
};

/// `head` is the raw start of the file (any encoding).
WfSniff sniff_windows_form(std::string_view head);

}  // namespace fwlint::windows
