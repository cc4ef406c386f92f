// SPDX-License-Identifier: Apache-2.0
// The "windows" frontend: decides the form from the bytes (wf_detect),
// decodes text from its bytes whatever an XML declaration says
// (text_decoder), reads the form into WfInput (gpo_report_reader,
// pol_file_reader, reg_file_reader + registry_records, rule_string_reader)
// and builds one path per profile (wf_policy_builder). Every form means the
// same thing because only the builder interprets rule tokens.
#include "frontends/windows/windows_frontend.h"

#include "frontends/common/text_decoder.h"
#include "frontends/windows/gpo_report_reader.h"
#include "frontends/windows/pol_file_reader.h"
#include "frontends/windows/reg_file_reader.h"
#include "frontends/windows/registry_records.h"
#include "frontends/windows/rule_string_reader.h"
#include "frontends/windows/wf_detect.h"
#include "frontends/windows/wf_policy_builder.h"
#include "fwlint/analysis/findings.h"
#include "fwlint/util/strings.h"

namespace fwlint {

// Referenced by the registry so the linker keeps this object file.
volatile int kWindowsFrontendAnchor = 0;

namespace windows {
namespace {

FrontendRegistration<WindowsFrontend> registration;

constexpr std::size_t kDetectBytes = 64 * 1024;

const char* kSupportedForms =
    "agora-fwlint reads Group Policy reports (Get-GPOReport -ReportType Xml, gpreport.xml of a "
    "GPO backup, gpresult /x), registry.pol, .reg exports and files of rule strings";

ParseResult failed(std::string message, SourceLocation where = SourceLocation{1, 1, 0, ""}) {
  ParseResult result;
  result.policy.dialect = "windows";
  result.status = ParseStatus::Failed;
  result.diagnostics.push_back(
      Diagnostic{finding_id::kUnreadableInput, Severity::Error, std::move(where), std::move(message)});
  return result;
}

bool partial(const Diagnostics& diags) {
  for (const Diagnostic& d : diags)
    if (d.severity == Severity::Error &&
        (d.id == finding_id::kUnrecognizedLine || d.id == finding_id::kUnreadableInput))
      return true;
  return false;
}

std::optional<std::uint8_t> profile_bits(const std::vector<std::string>& names, std::string& bad) {
  if (names.empty()) return kAllProfileBits;
  std::uint8_t bits = 0;
  for (const std::string& n : names) {
    bool found = false;
    for (std::uint8_t p = 0; p < 3; ++p)
      if (iequals(n, kProfileNames[p])) {
        bits |= profile_bit(static_cast<ProfileIndex>(p));
        found = true;
      }
    if (!found && iequals(n, "all")) bits = kAllProfileBits, found = true;
    if (!found) {
      bad = n;
      return std::nullopt;
    }
  }
  return bits;
}

}  // namespace

int WindowsFrontend::detect(std::string_view head) const {
  return sniff_windows_form(head.substr(0, kDetectBytes)).confidence;
}

ParseResult WindowsFrontend::parse(const std::string& /*file_name*/, std::string_view content,
                                   const PathOptions& options) const {
  WfBuildOptions build;
  std::string bad_profile;
  auto bits = profile_bits(options.profiles, bad_profile);
  if (!bits) return failed("unknown profile '" + bad_profile + "' (domain, private or public)");
  build.profiles = *bits;
  build.scope.app = options.program;
  build.scope.service = options.service;

  Diagnostics diags;
  std::optional<WfInput> input;
  WfSniff sniff = sniff_windows_form(content.substr(0, kDetectBytes));
  switch (sniff.form) {
    case WfForm::RegistryHive:
      return failed("this is a binary registry hive (a `netsh advfirewall export` .wfw file), not a "
                    "policy export; " + std::string(kSupportedForms));
    case WfForm::NetshText:
      return failed("this is the text output of `netsh advfirewall firewall show rule`, which is "
                    "localized and drops rule details; " + std::string(kSupportedForms));
    case WfForm::RegistryPol: {
      auto records = read_pol_file(content, diags);
      if (records)
        input = settings_from_registry(*records, "registry.pol", diags, options.limits.rule_string_length);
      break;
    }
    default: {
      DecodedText decoded = decode_text(content);
      if (decoded.utf8.find_first_not_of(" \t\r\n") == std::string::npos) return failed("the file is empty");
      if (decoded.has_error)
        diags.push_back(Diagnostic{finding_id::kUnreadableInput, Severity::Error,
                                   SourceLocation{decoded.error_line, decoded.error_column, 0, ""},
                                   decoded.error + " at byte " + std::to_string(decoded.error_offset) +
                                       " (read as " + decoded.encoding + ")"});
      if (sniff.form == WfForm::Report) {
        input = read_gpo_report(decoded.utf8, diags);
      } else if (sniff.form == WfForm::RegFile) {
        auto records = read_reg_file(decoded.utf8, diags);
        if (records)
          input = settings_from_registry(*records, ".reg export", diags, options.limits.rule_string_length);
      } else {
        input = read_rule_string_file(decoded.utf8, diags, options.limits.rule_string_length);
      }
    }
  }
  if (!input) {
    ParseResult result;
    result.policy.dialect = "windows";
    result.status = ParseStatus::Failed;
    result.diagnostics = std::move(diags);
    if (result.diagnostics.empty()) return failed("input is not a Windows Firewall policy; " + std::string(kSupportedForms));
    return result;
  }
  ParseResult result;
  build_windows_policy(*input, build, result.policy, diags);
  result.diagnostics = std::move(diags);
  result.status = partial(result.diagnostics) ? ParseStatus::Partial : ParseStatus::Ok;
  return result;
}

}  // namespace windows
}  // namespace fwlint
