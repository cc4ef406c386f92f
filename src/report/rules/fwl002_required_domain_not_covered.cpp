// SPDX-License-Identifier: Apache-2.0
/// \file
/// FWL002 required-domain-not-covered: its catalogue entry and worked examples. docs/rules/FWL002.md
/// is generated from it (see rule_catalog.cpp).

#include "report/rules/rule_entries.h"

#include "fwlint/analysis/findings.h"
#include "report/rules/shared_text.h"

namespace fwlint::rule_entries {

RuleInfo fwl002_required_domain_not_covered() {
  return RuleInfo{
      .id = finding_id::kDomainNotCovered,
      .name = "required-domain-not-covered",
      .default_severity = Severity::Error,
      .short_description = "Required ports are allowed, but not towards a required Agora domain.",
      .full_description =
          "The protocol and ports the SDK needs are allowed only towards destinations that do "
          "not cover one of the required domains: explicit IP addresses, or FQDN objects that "
          "name other hosts. Traffic to that domain falls through to a line that blocks it, "
          "where the finding is placed. A domain with a leading dot (`.agora.io`) stands for "
          "every host under it; only a rule whose destination is any address, or a wildcard for "
          "that domain, covers it. For an SDK whose source names domains but no ports (Agora's "
          "Native SDK domain allow-list mode, `rtc-native-domain-limit`), FWL002 means the domain "
          "is blocked on every TCP or UDP port; a domain reachable on some ports only is FWL004.",
      .rationale =
          "Agora's instruction is to allow the domains and ports and not to restrict IP "
          "addresses. An address list that works today breaks when Agora moves its edge servers, "
          "and a host-name object such as `ap-web-1.agora.io` admits that one host, not the rest "
          "of `.agora.io`. The result is a firewall that passes a quick test and fails for some "
          "users, some of the time.",
      .help =
          "Make the destination of the allow rule any address for the required ports (the "
          "source can stay narrow). If the destinations really are fixed addresses in your "
          "deployment, give agora-fwlint the resolutions with `--resolve NAME=CIDR` so that it "
          "can check them.",
      .tags = {"connectivity", "requirement", "domain", "agora"},
      .precision = "high",
      .notes =
          "A Cisco ASA `fqdn` object names one host whose addresses the firewall resolves; it "
          "cannot express Agora's wildcard domains, so on an ASA the fix is a rule to `any`. "
          "Rules that name exact hosts still count for those hosts: `ap-web-1.agora.io` is "
          "covered by line 19 above.\n\n" +
          std::string(kSuppressionNote),
      .examples = {
          RuleExample{
              .format = "asa",
              .failing = std::string(kAsaInterfaces) + R"(object network AGORA_AP
 fqdn v4 ap-web-1.agora.io
object-group service RTM_WEB_TCP tcp
 port-object eq https
 port-object eq 6443
 port-object eq 9591
 port-object eq 9593
!
access-list inside_in extended permit tcp 192.168.1.0 255.255.255.0 object AGORA_AP object-group RTM_WEB_TCP
access-list inside_in extended deny ip any any
access-group inside_in in interface inside)",
              .result =
                  "Checked with `--sdk rtm-web`, TCP 443, 6443, 9591 and 9593 are allowed by line 19, but "
                  "only to the one host `ap-web-1.agora.io`. Traffic to `.agora.io`, `.edge.agora.io`, "
                  "`.agoraio.cn` and the other required names reaches line 20 and is denied: "
                  "agora-fwlint reports FWL002 at line 20.",
              .fixed = std::string(kAsaInterfaces) + R"(object-group service RTM_WEB_TCP tcp
 port-object eq https
 port-object eq 6443
 port-object eq 9591
 port-object eq 9593
!
access-list inside_in extended permit tcp 192.168.1.0 255.255.255.0 any object-group RTM_WEB_TCP
access-list inside_in extended deny ip any any
access-group inside_in in interface inside)",
              .args = {"--pack", "agora@2020-09", "--sdk", "rtm-web"},
          },
      },
  };
}

}  // namespace fwlint::rule_entries
