// SPDX-License-Identifier: Apache-2.0
/// \file
/// Reads the Windows Firewall part of a Group Policy report XML
/// (`Get-GPOReport -ReportType Xml`, the `gpreport.xml` of a GPO backup, a
/// report of several GPOs) or of an RSoP report (`gpresult /x`) into WfInput.
/// Element names are matched by local name because the namespace prefix
/// differs from report to report (q1, q2, q3, q6 all occur).
#pragma once

#include <optional>
#include <string_view>

#include "frontends/windows/wf_input.h"
#include "fwlint/model/diagnostic.h"

namespace fwlint::windows {

/// Reads `utf8_xml` (already decoded: see decode_text; the caller reports
/// decoding errors). Returns nullopt, with an Error diagnostic, when the text
/// is not well-formed XML, is another kind of XML (PowerShell CLIXML, MDM
/// SyncML…) or has no Windows Firewall settings at all. Locations are lines
/// of `utf8_xml`, which are those of the original file.
std::optional<WfInput> read_gpo_report(std::string_view utf8_xml, Diagnostics& diags);

}  // namespace fwlint::windows
