// SPDX-License-Identifier: Apache-2.0
/// \file
/// The rule catalogue. Each entry is the single source of its documentation:
/// docs/rules/<ID>.md is rule_doc_file() of the entry, checked by
/// tests/report/rule_catalog_test.cpp (which rewrites the pages when run
/// with FWLINT_UPDATE_DOCS=1). Edit the text here, never the pages.
///
/// Prose fields are single paragraphs (wrapped only in this source); the
/// examples are verbatim blocks. Facts about Agora's requirements quote the
/// agora@2020-09 pack (seeds/000_4e67e0e5b74e4d76.txt).

#include "fwlint/report/rule_catalog.h"

#include <cctype>

#include "fwlint/analysis/findings.h"

namespace fwlint {
namespace {

constexpr std::string_view kSuppressionNote =
    "To accept a finding, write `agora-fwlint: ignore <ID> -- <reason>` in a comment of the "
    "configuration's own syntax on the line before the reported line (`!` or an ACL `remark` on a "
    "Cisco ASA, `#` in iptables-save and pf.conf, `<!-- -->` in XML), or `ignore-file` for every "
    "finding of the id in the file; see docs/suppressions.md. A suppressed finding fails no run "
    "and is left out of the text output; JSON and SARIF keep it, marked with the reason. "
    "`.agora-fwlint.yaml` can also turn an id off (`ignore`) or change its severity for every "
    "file below it (docs/configuration.md).";

// Every Cisco ASA example starts with the same two interfaces, so that it is
// a complete configuration agora-fwlint can check as it stands (path
// inside -> outside); the line numbers in the texts count these lines.
constexpr std::string_view kAsaInterfaces = R"(interface GigabitEthernet0/0
 nameif outside
 security-level 0
 ip address 192.0.2.2 255.255.255.0
!
interface GigabitEthernet0/1
 nameif inside
 security-level 100
 ip address 192.168.1.1 255.255.255.0
!
)";

std::vector<RuleInfo> make_rules() {
  std::vector<RuleInfo> rules;

  // ---------------------------------------------------------------- FWL001
  rules.push_back(RuleInfo{
      .id = finding_id::kPortBlocked,
      .name = "required-port-blocked",
      .default_severity = Severity::Error,
      .short_description = "A port that the selected Agora SDK needs is blocked.",
      .full_description =
          "For a protocol and destination port that the requirement pack lists for the SDK, "
          "traffic from the client sources to the required Agora domains ends in a block: a "
          "deny rule, a chain policy, an ACL's implicit deny, a pf block rule or a Windows "
          "profile's default action. The finding is placed at the line that decides it and names "
          "the ports, the domains and, when only some clients are affected, the sources.",
      .rationale =
          "Agora's SDKs pick ports at run time from the published list. When a required port is "
          "closed the SDK retries elsewhere or gives up: calls take long to connect, audio or "
          "video is missing, or joining a channel fails. Agora asks for every listed port to be "
          "open towards the listed domains.",
      .help =
          "Allow the protocol and ports from the client sources to any destination, above the "
          "line that blocks them. Do not restrict the destination to IP addresses: Agora's "
          "domains resolve to changing addresses. If the traffic must stay blocked, use Agora's "
          "cloud proxy instead of the port list.",
      .tags = {"connectivity", "requirement", "agora"},
      .precision = "high",
      .example_failing = std::string(kAsaInterfaces) + R"(access-list inside_in extended permit tcp 192.168.1.0 255.255.255.0 any eq www
access-list inside_in extended permit tcp 192.168.1.0 255.255.255.0 any eq https
access-list inside_in extended deny udp any any
access-list inside_in extended permit ip any any
access-group inside_in in interface inside)",
      .example_result =
          "Checked with `--sdk rtc-web`, UDP 3478 and 5866-6000 (Web SDK 2.9.0 or later) to "
          "`.agora.io`, `.edge.agora.io`, `.agoraio.cn` and `.edge.agoraio.cn` are denied by line 13 "
          "before `permit ip any any` is reached: agora-fwlint reports FWL001 at line 13.",
      .example_fixed = std::string(kAsaInterfaces) + R"(object-group service AGORA_RTC_WEB_UDP udp
 port-object eq 3478
 port-object range 5866 6000
!
access-list inside_in extended permit tcp 192.168.1.0 255.255.255.0 any eq www
access-list inside_in extended permit tcp 192.168.1.0 255.255.255.0 any eq https
access-list inside_in extended permit udp 192.168.1.0 255.255.255.0 any object-group AGORA_RTC_WEB_UDP
access-list inside_in extended deny udp any any
access-list inside_in extended permit ip any any
access-group inside_in in interface inside)",
      .notes =
          "Which ports are required depends on the SDK version: the Web SDK before 2.9.0 needs "
          "UDP 10000-65535 instead of 5866-6000. Choose the version with `--sdk-version`; without "
          "it the newest version the pack knows is checked. `--source CIDR` limits the check to "
          "the clients that use the SDK.\n\n" +
          std::string(kSuppressionNote),
      .example_args = {"--pack", "agora@2020-09", "--sdk", "rtc-web"},
  });

  // ---------------------------------------------------------------- FWL002
  rules.push_back(RuleInfo{
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
      .example_failing = std::string(kAsaInterfaces) + R"(object network AGORA_AP
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
      .example_result =
          "Checked with `--sdk rtm-web`, TCP 443, 6443, 9591 and 9593 are allowed by line 19, but "
          "only to the one host `ap-web-1.agora.io`. Traffic to `.agora.io`, `.edge.agora.io`, "
          "`.agoraio.cn` and the other required names reaches line 20 and is denied: "
          "agora-fwlint reports FWL002 at line 20.",
      .example_fixed = std::string(kAsaInterfaces) + R"(object-group service RTM_WEB_TCP tcp
 port-object eq https
 port-object eq 6443
 port-object eq 9591
 port-object eq 9593
!
access-list inside_in extended permit tcp 192.168.1.0 255.255.255.0 any object-group RTM_WEB_TCP
access-list inside_in extended deny ip any any
access-group inside_in in interface inside)",
      .notes =
          "A Cisco ASA `fqdn` object names one host whose addresses the firewall resolves; it "
          "cannot express Agora's wildcard domains, so on an ASA the fix is a rule to `any`. "
          "Rules that name exact hosts still count for those hosts: `ap-web-1.agora.io` is "
          "covered by line 19 above.\n\n" +
          std::string(kSuppressionNote),
      .example_args = {"--pack", "agora@2020-09", "--sdk", "rtm-web"},
  });

  // ---------------------------------------------------------------- FWL003
  rules.push_back(RuleInfo{
      .id = finding_id::kNeedsCloudProxy,
      .name = "sdk-needs-cloud-proxy",
      .default_severity = Severity::Note,
      .short_description =
          "The SDK cannot be allow-listed by port and domain; it needs Agora's cloud proxy.",
      .full_description =
          "The requirement pack marks this SDK as cloud-proxy only: the source document "
          "publishes no port and domain list for it and directs users behind a firewall to the "
          "cloud proxy service. agora-fwlint runs no port check for it; the check's verdict is "
          "PROXY REQUIRED and the finding quotes what the pack's source says about it. No line "
          "decides it: the text output shows it for the whole file, SARIF places it at line 1.",
      .rationale =
          "A firewall can be correct for every other SDK and still leave this one unusable. "
          "Opening ports by guess does not help: without a published list there is nothing to "
          "verify, and Agora supports only the proxy for this case.",
      .help =
          "Set up Agora's cloud proxy for this SDK and allow the traffic the proxy needs, then "
          "check it with `--cloud-proxy`: packs from agora@2025-09 on carry Agora's published "
          "proxy addresses and ports per mode and region. Remove the SDK from `--sdk` if your "
          "clients do not use it.",
      .tags = {"connectivity", "cloud-proxy", "agora"},
      .precision = "very-high",
      .example_failing = std::string(kAsaInterfaces) + R"(access-list inside_in extended permit tcp 192.168.1.0 255.255.255.0 any eq https
access-list inside_in extended deny ip any any
access-group inside_in in interface inside)",
      .example_result =
          "Checked with `--sdk rtc-native` against the agora@2020-09 pack, where the RTC Native "
          "SDK is cloud-proxy only (like `recording` and `gaming`), agora-fwlint reports FWL003 "
          "as a note for the file and the check's verdict is PROXY REQUIRED.",
      .example_fixed = std::string(kAsaInterfaces) + R"(! Addresses and ports of the cloud proxy as Agora publishes them for your region;
! 203.0.113.0/28 stands in for them here.
object-group network AGORA_CLOUD_PROXY
 network-object 203.0.113.0 255.255.255.240
access-list inside_in extended permit tcp 192.168.1.0 255.255.255.0 any eq https
access-list inside_in extended permit udp 192.168.1.0 255.255.255.0 object-group AGORA_CLOUD_PROXY
access-list inside_in extended deny ip any any
access-group inside_in in interface inside)",
      .notes =
          "FWL003 is a note: it does not make the check fail, and it stays after the proxy is set "
          "up, because agora-fwlint cannot see from the firewall whether the clients use the "
          "proxy. With `--cloud-proxy` the proxy's own needs are checked instead; FWL003 is then "
          "reported only for an SDK whose proxy list is not published (Agora's On-Premise "
          "Recording SDK: Agora sends the list on request; put it in a pack of your own with "
          "`--rules`, see rules/README.md) or that has none of the modes named by `--proxy-mode`. "
          "Agora's later documents list ports for some SDKs that older ones sent to the proxy; "
          "when a newer pack has them, select it with `--pack`.\n\n" +
          std::string(kSuppressionNote),
  });

  // ---------------------------------------------------------------- FWL004
  rules.push_back(RuleInfo{
      .id = finding_id::kResultUnknown,
      .name = "result-unknown",
      .default_severity = Severity::Warning,
      .short_description =
          "Whether a required flow passes depends on something agora-fwlint cannot evaluate.",
      .full_description =
          "Part of a requirement is decided by a match that agora-fwlint cannot model exactly: "
          "a time range, the contents of an ipset, a pf anchor loaded at run time, an "
          "application-scoped Windows rule, an undefined reference or a line it did not "
          "understand. Depending on facts the config does not contain, those ports, domains or "
          "sources are allowed or blocked, so their verdict is unknown. The finding is placed at "
          "the deciding line and says why.",
      .rationale =
          "agora-fwlint never assumes that traffic is allowed: a rule it cannot read might be "
          "the one that blocks Agora. An unknown result says that the answer needs a human look, "
          "or a config that removes the doubt.",
      .help =
          "Read the line the finding points to. If the traffic must always pass, add an "
          "unconditional allow for the required ports above it. If the doubt comes from a name "
          "the config does not resolve, `--resolve NAME=CIDR` can supply it; if it comes from an "
          "unsupported construct, see FWL105.",
      .tags = {"connectivity", "requirement", "incomplete", "agora"},
      .precision = "medium",
      .example_failing = std::string(kAsaInterfaces) + R"(time-range WORK_HOURS
 periodic weekdays 8:00 to 18:00
!
object-group service AGORA_RTC_WEB_UDP udp
 port-object eq 3478
 port-object range 5866 6000
!
access-list inside_in extended permit tcp 192.168.1.0 255.255.255.0 any
access-list inside_in extended permit udp 192.168.1.0 255.255.255.0 any object-group AGORA_RTC_WEB_UDP time-range WORK_HOURS
access-list inside_in extended deny ip any any
access-group inside_in in interface inside)",
      .example_result =
          "Checked with `--sdk rtc-web`, the UDP ports are allowed by line 19 only while the time "
          "range is active and denied by line 20 otherwise. agora-fwlint does not evaluate time "
          "ranges, so it reports FWL004 at line 19 and the check's verdict is UNKNOWN.",
      .example_fixed = std::string(kAsaInterfaces) + R"(object-group service AGORA_RTC_WEB_UDP udp
 port-object eq 3478
 port-object range 5866 6000
!
access-list inside_in extended permit tcp 192.168.1.0 255.255.255.0 any
access-list inside_in extended permit udp 192.168.1.0 255.255.255.0 any object-group AGORA_RTC_WEB_UDP
access-list inside_in extended deny ip any any
access-group inside_in in interface inside)",
      .notes =
          "A check with unknown parts and no blocked part ends UNKNOWN, not PASS. Parse-level "
          "findings (FWL101 to FWL105) often explain where the doubt comes from.\n\n" +
          std::string(kSuppressionNote),
      .example_args = {"--pack", "agora@2020-09", "--sdk", "rtc-web"},
  });

  // ---------------------------------------------------------------- FWL005
  rules.push_back(RuleInfo{
      .id = finding_id::kReplyBlocked,
      .name = "return-traffic-blocked",
      .default_severity = Severity::Error,
      .short_description = "Requests to Agora pass, but the firewall drops the replies.",
      .full_description =
          "iptables filters each direction of a connection separately. A host's requests leave "
          "through the OUTPUT chain and the answers come back through INPUT; a gateway sees "
          "both in FORWARD. Stateful firewalls (Cisco ASA, pf with state, Windows Firewall) "
          "pass the answers of a connection they allowed, but an iptables chain only does so "
          "when a rule accepts packets in state ESTABLISHED, and pf only for connections a rule "
          "passed with state: after a `no state` pass, the answers meet the ruleset again on "
          "their way back. agora-fwlint follows every required "
          "flow that the request direction allows into the reply direction, as ESTABLISHED "
          "packets from the Agora server's ports to the client, and reports the flows whose "
          "replies are dropped, at the line that drops them (a DROP or REJECT rule, or the "
          "chain's policy).",
      .rationale =
          "A TCP connection whose SYN-ACK is dropped never opens, and a UDP media stream whose "
          "answers are dropped carries no audio or video back. The request direction alone "
          "looks correct, so this mistake survives a review that only reads OUTPUT rules.",
      .help =
          "Accept the replies near the top of the reply chain (INPUT on a host, FORWARD on a "
          "gateway): `-A INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT`. In pf, "
          "drop `no state` from the pass rule, or pass the answers explicitly. Use "
          "`--mode host` or `--mode gateway` to check only the role the machine has.",
      .tags = {"connectivity", "requirement", "stateful", "agora"},
      .precision = "high",
      .example_failing = R"(*filter
:INPUT DROP [0:0]
:FORWARD DROP [0:0]
:OUTPUT ACCEPT [0:0]
-A INPUT -i lo -j ACCEPT
-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT
COMMIT)",
      .example_result =
          "Checked with `--mode host --sdk rtm-web`, OUTPUT lets every request out, but INPUT "
          "accepts only loopback traffic and SSH, so the replies from Agora's servers on TCP "
          "443, 6443, 9591 and 9593 fall to the policy of INPUT. agora-fwlint reports FWL005 at "
          "line 2 and the check fails.",
      .example_fixed = R"(*filter
:INPUT DROP [0:0]
:FORWARD DROP [0:0]
:OUTPUT ACCEPT [0:0]
-A INPUT -i lo -j ACCEPT
-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT
COMMIT)",
      .example_failing_label = "Failing configuration (iptables-save dump of a host):",
      .notes =
          "Replies are checked as packets from the server's required ports to any port of the "
          "client. A rule that accepts replies only to some client ports makes the other ports "
          "fail, and the finding names the client ports affected. When the request direction "
          "itself is unknown but the replies are certainly dropped, the flow cannot work either "
          "way and FWL005 is still reported.\n\n" +
          std::string(kSuppressionNote),
      .example_args = {"--pack", "agora@2020-09", "--mode", "host", "--sdk", "rtm-web"},
  });

  // ---------------------------------------------------------------- FWL101
  rules.push_back(RuleInfo{
      .id = finding_id::kUnrecognizedLine,
      .name = "unrecognized-line",
      .default_severity = Severity::Warning,
      .short_description = "A line of the input was not understood.",
      .full_description =
          "The frontend for this format could not parse the line, so it is skipped. When the "
          "line sits inside a rule list (an ACL, a chain, a pf ruleset) it is kept there as a "
          "rule with an unknown match: verdicts it could change become unknown (FWL004) rather "
          "than silently allowed.",
      .rationale =
          "A line agora-fwlint does not understand can be a deny that blocks Agora. Reporting "
          "it keeps the results honest and shows where the tool's knowledge of the dialect ends.",
      .help =
          "Check the line for typos or truncation (a configuration copied from a terminal often "
          "loses the end of long lines). If the line is valid on your device, report it with the "
          "line so the frontend can learn it; until then treat the results it touches as unknown.",
      .tags = {"parse", "input"},
      .precision = "very-high",
      .example_failing = std::string(kAsaInterfaces) + R"(access-list inside_in extended permit tcp 192.168.1.0 255.255.255.0 any eq https
access-list inside_in extended deny udp 192.168.1.0 255.255.
access-list inside_in extended permit ip any any
access-group inside_in in interface inside)",
      .example_result =
          "Line 12 was cut off when the configuration was copied. agora-fwlint reports FWL101 at "
          "line 12. The line is an entry of the ACL `inside_in` that might deny anything, so "
          "with `--sdk rtc-web` every requirement not already allowed by line 11 becomes unknown "
          "(FWL004) and the check's verdict is UNKNOWN.",
      .example_fixed = std::string(kAsaInterfaces) + R"(access-list inside_in extended permit tcp 192.168.1.0 255.255.255.0 any eq https
access-list inside_in extended deny udp 192.168.1.0 255.255.255.0 any eq 5060
access-list inside_in extended permit ip any any
access-group inside_in in interface inside)",
      .notes =
          "Lines outside rule lists that do not affect filtering (banners, routing, logging) are "
          "not reported when the frontend knows to ignore them; the file's status is `partial` "
          "whenever FWL101 is reported.\n\n" +
          std::string(kSuppressionNote),
      .example_args = {"--pack", "agora@2020-09", "--sdk", "rtc-web"},
  });

  // ---------------------------------------------------------------- FWL102
  rules.push_back(RuleInfo{
      .id = finding_id::kUndefinedReference,
      .name = "undefined-reference",
      .default_severity = Severity::Warning,
      .short_description = "A name is used but never defined.",
      .full_description =
          "A rule or binding refers to an object, object-group, ACL, interface, chain, macro or "
          "table that the input does not define (on a Cisco ASA: not before the line that uses "
          "it). The reference stands for an unknown set, so the rules that use it are kept as "
          "unknown matches and the verdicts they could change become unknown.",
      .rationale =
          "Either the definition exists on the device but not in the checked file (a fragment "
          "was left out), or the device rejects the line. In both cases the file is not what the "
          "device runs, and a check on it would be a guess.",
      .help =
          "Define the name before it is used, correct its spelling, or check the complete "
          "configuration (all included files) instead of a fragment.",
      .tags = {"parse", "input", "reference"},
      .precision = "high",
      .example_failing = std::string(kAsaInterfaces) + R"(object-group service RTM_WEB_TCP tcp
 port-object eq https
 port-object eq 6443
 port-object eq 9591
 port-object eq 9593
!
access-list inside_in extended permit tcp 192.168.1.0 255.255.255.0 any object-group RTM-WEB-TCP
access-list inside_in extended deny ip any any
access-group inside_in in interface inside)",
      .example_result =
          "Line 17 names `RTM-WEB-TCP`, but the group is defined as `RTM_WEB_TCP`: agora-fwlint "
          "reports FWL102 at line 17. Checked with `--sdk rtm-web`, the TCP ports that line 17 "
          "was meant to allow become unknown (FWL004) and the check's verdict is UNKNOWN.",
      .example_fixed = std::string(kAsaInterfaces) + R"(object-group service RTM_WEB_TCP tcp
 port-object eq https
 port-object eq 6443
 port-object eq 9591
 port-object eq 9593
!
access-list inside_in extended permit tcp 192.168.1.0 255.255.255.0 any object-group RTM_WEB_TCP
access-list inside_in extended deny ip any any
access-group inside_in in interface inside)",
      .notes = std::string(kSuppressionNote),
      .example_args = {"--pack", "agora@2020-09", "--sdk", "rtm-web"},
  });

  // ---------------------------------------------------------------- FWL103
  rules.push_back(RuleInfo{
      .id = finding_id::kDuplicateDefinition,
      .name = "duplicate-definition",
      .default_severity = Severity::Warning,
      .short_description = "A name is defined more than once.",
      .full_description =
          "Two definitions use the same name (an object, object-group, chain, macro or table). "
          "agora-fwlint follows the device: the message says whether the definitions were "
          "merged (as an ASA merges the members of an object-group entered twice) or the later "
          "one replaced the earlier (as for an ASA network object). Either way, rules that use "
          "the name may not mean what the author of each definition intended.",
      .rationale =
          "Duplicates appear when configuration fragments are merged or when a definition is "
          "edited by appending to the file. The later lines silently change the earlier object, "
          "and with it every rule that uses it.",
      .help = "Rename one of the definitions, or merge them into one.",
      .tags = {"parse", "input", "reference"},
      .precision = "high",
      .example_failing = std::string(kAsaInterfaces) + R"(object network CLIENTS
 subnet 192.168.1.0 255.255.255.0
object network CLIENTS
 host 192.168.1.10
!
access-list inside_in extended permit ip object CLIENTS any
access-list inside_in extended deny ip any any
access-group inside_in in interface inside)",
      .example_result =
          "`CLIENTS` is defined at line 11 and again at line 13. As on the device, the second "
          "definition replaces the first, so line 16 permits 192.168.1.10 only: agora-fwlint "
          "reports FWL103 at line 14, and every check finds the rest of 192.168.1.0/24 blocked "
          "by line 17.",
      .example_fixed = std::string(kAsaInterfaces) + R"(object network CLIENTS
 subnet 192.168.1.0 255.255.255.0
object network ADMIN_PC
 host 192.168.1.10
!
access-list inside_in extended permit ip object CLIENTS any
access-list inside_in extended deny ip any any
access-group inside_in in interface inside)",
      .notes = std::string(kSuppressionNote),
      .example_args = {"--pack", "agora@2020-09", "--sdk", "rtm-web"},
  });

  // ---------------------------------------------------------------- FWL104
  rules.push_back(RuleInfo{
      .id = finding_id::kReferenceCycle,
      .name = "reference-cycle",
      .default_severity = Severity::Warning,
      .short_description = "Definitions refer to each other in a cycle.",
      .full_description =
          "Following references (nested object-groups, iptables chain jumps, pf anchors or "
          "includes) leads back to where it started. agora-fwlint reports one reference of the "
          "cycle, names the definitions involved, and ignores that reference so that the rest "
          "of the configuration can still be evaluated.",
      .rationale =
          "A device cannot run such a configuration as written (the kernel rejects an iptables "
          "jump loop; a pf include cycle never finishes loading). In a saved configuration it "
          "means the file was edited by hand or assembled from pieces, and is not what the "
          "device runs.",
      .help = "Break the cycle: remove the reference that points back to an enclosing definition.",
      .tags = {"parse", "input", "reference"},
      .precision = "high",
      .example_failing = std::string(kAsaInterfaces) + R"(object-group network LAB
 network-object 192.168.2.0 255.255.255.0
object-group network CLIENTS
 network-object 192.168.1.0 255.255.255.0
 group-object LAB
object-group network LAB
 group-object CLIENTS
!
access-list inside_in extended permit ip object-group CLIENTS any
access-list inside_in extended deny ip any any
access-group inside_in in interface inside)",
      .example_result =
          "Line 15 puts `LAB` into `CLIENTS`, and lines 16-17 reopen `LAB` to put `CLIENTS` into "
          "it. agora-fwlint reports FWL104 at line 15 and ignores that reference (and FWL103 at "
          "line 16, because `LAB` is entered a second time).",
      .example_fixed = std::string(kAsaInterfaces) + R"(object-group network LAB
 network-object 192.168.2.0 255.255.255.0
object-group network CLIENTS
 network-object 192.168.1.0 255.255.255.0
 group-object LAB
!
access-list inside_in extended permit ip object-group CLIENTS any
access-list inside_in extended deny ip any any
access-group inside_in in interface inside)",
      .notes = std::string(kSuppressionNote),
      .example_args = {"--pack", "agora@2020-09", "--sdk", "rtm-web"},
  });

  // ---------------------------------------------------------------- FWL105
  rules.push_back(RuleInfo{
      .id = finding_id::kUnsupportedConstruct,
      .name = "unsupported-construct",
      .default_severity = Severity::Note,
      .short_description = "A known construct whose effect agora-fwlint does not model.",
      .full_description =
          "The line is valid for its format and agora-fwlint recognizes it, but does not model "
          "what it does: for example, on a Cisco ASA, an access-group that binds an ACL without "
          "extended entries (it does not filter IP traffic), a pre-9.0 `ipv6 access-list`, or a "
          "non-contiguous netmask. Where the construct could change a verdict, the rule is kept "
          "as an unknown match; elsewhere it has no effect on the result.",
      .rationale =
          "It marks the places where a result rests on something the tool did not evaluate, so "
          "that a surprising verdict, or an UNKNOWN one (FWL004), can be traced to its cause.",
      .help =
          "Nothing needs fixing if the construct is intended. If it makes a check unknown, add "
          "rules agora-fwlint can evaluate for the Agora traffic (by address, protocol and "
          "port), or tell the project which construct you need.",
      .tags = {"parse", "input", "unsupported"},
      .precision = "high",
      .example_failing = std::string(kAsaInterfaces) + R"(access-list ETHER ethertype permit bpdu
access-group ETHER in interface inside)",
      .example_result =
          "The ethertype ACL bound at line 12 filters non-IP frames only. agora-fwlint reports "
          "FWL105 as a note at line 12 and evaluates `inside` as an interface without an "
          "extended ACL: security levels decide, and traffic from `inside` (100) to `outside` (0) "
          "is permitted.",
      .example_fixed = std::string(kAsaInterfaces) + R"(access-list ETHER ethertype permit bpdu
access-list inside_in extended permit ip 192.168.1.0 255.255.255.0 any
access-group ETHER in interface inside
access-group inside_in in interface inside)",
      .example_failing_label = "Configuration (Cisco ASA):",
      .example_fixed_label =
          "To filter IP traffic on `inside` as well, bind an extended ACL next to it; agora-fwlint "
          "evaluates that one (the note about `ETHER` stays):",
      .notes = std::string(kSuppressionNote),
  });

  // ---------------------------------------------------------------- FWL106
  rules.push_back(RuleInfo{
      .id = finding_id::kUnreadableInput,
      .name = "unreadable-input",
      .default_severity = Severity::Error,
      .short_description = "The input could not be read or parsed at all.",
      .full_description =
          "The file is missing or unreadable, binary, in an encoding agora-fwlint cannot decode, "
          "in no format it recognizes, or its parser gave up before finding anything usable. No "
          "check was run for it; its status is `failed`.",
      .rationale =
          "A linter that skips a file quietly would report success for a firewall it never "
          "looked at. An input that cannot be read is an error, not an empty result.",
      .help =
          "Check the path and the permissions. Give the configuration as text: the output of "
          "`show running-config`, of `iptables-save`, the pf.conf file, or a Group Policy XML "
          "report. When the format is not detected, name it with `--dialect`.",
      .tags = {"input"},
      .precision = "very-high",
      .example_failing = R"($ file asa-backup.zip
asa-backup.zip: Zip archive data, at least v2.0 to extract
$ agora-fwlint asa-backup.zip --sdk rtc-web)",
      .example_result =
          "An ASDM backup archive is not a configuration: agora-fwlint reports FWL106 for "
          "`asa-backup.zip` and checks nothing in it.",
      .example_fixed = R"(asa# show running-config
(save the output as text, e.g. running-config.cfg)
$ agora-fwlint running-config.cfg --sdk rtc-web)",
      .example_failing_label = "Failing input:",
      .example_fixed_label = "Fixed input:",
      .notes =
          "A file that is read but partly understood is not FWL106: its status is `partial` and "
          "each line that was not understood is reported as FWL101.\n\n" +
          std::string(kSuppressionNote),
  });

  // ---------------------------------------------------------------- FWL107
  // Not in finding_id (findings.h) yet; src/requirements/pack_loader.cpp
  // reports it for problems in a requirement pack.
  rules.push_back(RuleInfo{
      .id = "FWL107",
      .name = "invalid-pack",
      .default_severity = Severity::Error,
      .short_description = "A requirement pack is malformed and is not used.",
      .full_description =
          "A requirement pack (a built-in one, or a file given with `--rules`) breaks the pack "
          "format described in rules/README.md: an unknown, duplicate or missing key, a value of "
          "the wrong type, a bad port, protocol, domain or version, or an inconsistent SDK entry. "
          "Every problem is reported at its line and column, and a pack with any problem is "
          "rejected as a whole.",
      .rationale =
          "A pack is the question agora-fwlint answers. Reading half of a malformed pack would "
          "check the firewall against requirements nobody wrote, and a typo in a key name would "
          "silently drop a port from the check.",
      .help =
          "Correct the pack at the reported places; rules/README.md lists the keys and value "
          "formats, and rules/pack.schema.json lets an editor check a pack while it is written.",
      .tags = {"input", "requirement-pack"},
      .precision = "very-high",
      .example_failing = R"(pack: acme
version: "2024-05"
title: ACME softphone firewall requirements
source: "ACME support ticket 4711"
sdks:
  - id: softphone
    title: ACME Softphone
    domains:
      - .acme.example
    ports:
      - protocol: tcp
        prots: "443, 5061"
      - protocol: udp
        ports: "10000-20000, 8443x")",
      .example_result =
          "`agora-fwlint fw.cfg --rules acme.yaml` reports FWL107 three times: at line 12 for "
          "the unknown key `prots`, at line 11 for the TCP entry that therefore has no `ports`, "
          "and at line 14 for the invalid port `8443x`. Nothing is checked against the pack.",
      .example_fixed = R"(pack: acme
version: "2024-05"
title: ACME softphone firewall requirements
source: "ACME support ticket 4711"
sdks:
  - id: softphone
    title: ACME Softphone
    domains:
      - .acme.example
    ports:
      - protocol: tcp
        ports: "443, 5061"
      - protocol: udp
        ports: "10000-20000, 8443")",
      .example_failing_label = "Failing pack (`acme.yaml`):",
      .example_fixed_label = "Fixed pack:",
      .notes =
          "FWL107 cannot be dismissed like the other findings: a rejected pack is not used, so "
          "fix it or leave out `--rules`.",
  });

  // ---------------------------------------------------------------- FWL108
  rules.push_back(RuleInfo{
      .id = finding_id::kPartialPolicy,
      .name = "partial-policy",
      .default_severity = Severity::Note,
      .short_description = "The input is only part of the policy the device enforces.",
      .full_description =
          "A Windows computer enforces the firewall rules and settings of every Group Policy "
          "object that applies to it, merged with its own local rules unless "
          "`AllowLocalPolicyMerge` is off, and Windows' defaults for every setting nobody sets. "
          "A Group Policy report, a registry.pol or a .reg export shows one of those sources. "
          "agora-fwlint says which parts of the effective policy are outside the input: profiles "
          "that merge local rules, profiles whose firewall state the input does not set, a GPO "
          "whose computer half is disabled, files of rule strings that carry no profile settings, "
          "and reports that leave out rule tokens (RA42/RA62 and AppPkgId).",
      .rationale =
          "A verdict is only as complete as its input. An allowed port can still be blocked by a "
          "local rule the GPO lets in, and a blocked one can be opened by it; the note keeps "
          "that assumption visible next to the verdict instead of hiding it.",
      .help =
          "Nothing is wrong with the input. To make the input the whole policy, turn "
          "`AllowLocalPolicyMerge` off in the GPO (Windows Defender Firewall properties, "
          "Customize, \"Apply local firewall rules: No\") and set the firewall state of every "
          "profile. For a computer, an RSoP report (`gpresult /x`) merges every GPO that "
          "applies to it.",
      .tags = {"input", "windows", "completeness"},
      .precision = "very-high",
      .example_failing = R"(Windows Registry Editor Version 5.00

[HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\WindowsFirewall\PublicProfile]
"EnableFirewall"=dword:00000001
"DefaultOutboundAction"=dword:00000001

[HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\WindowsFirewall\FirewallRules]
"AgoraTcp"="v2.30|Action=Allow|Active=TRUE|Dir=Out|Protocol=6|Profile=Public|RPort=443|RPort=6443|RPort=9591|RPort=9593|Name=Agora RTM|")",
      .example_result =
          "Checked with `--sdk rtm-web --profile public`, the TCP ports pass, and FWL108 notes "
          "that the Public profile also applies the computer's local rules, which the export "
          "does not show.",
      .example_fixed = R"(Windows Registry Editor Version 5.00

[HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\WindowsFirewall\PublicProfile]
"EnableFirewall"=dword:00000001
"DefaultOutboundAction"=dword:00000001
"AllowLocalPolicyMerge"=dword:00000000

[HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\WindowsFirewall\FirewallRules]
"AgoraTcp"="v2.30|Action=Allow|Active=TRUE|Dir=Out|Protocol=6|Profile=Public|RPort=443|RPort=6443|RPort=9591|RPort=9593|Name=Agora RTM|")",
      .example_failing_label = "Configuration (.reg export of a GPO's policy):",
      .example_fixed_label = "With local rules turned off, the export is the whole policy of the profile:",
      .notes = std::string(kSuppressionNote),
      .example_args = {"--pack", "agora@2020-09", "--sdk", "rtm-web", "--profile", "public"},
  });

  // ---------------------------------------------------------------- FWL109
  rules.push_back(RuleInfo{
      .id = finding_id::kFirewallDisabled,
      .name = "firewall-disabled",
      .default_severity = Severity::Warning,
      .short_description = "The firewall is turned off, so it allows every connection.",
      .full_description =
          "The input turns Windows Defender Firewall off in a profile (`EnableFirewall` false). "
          "Windows then applies none of the profile's rules and no default action: every "
          "connection passes. agora-fwlint reports every required port of that profile as "
          "allowed by the setting and says so once with this finding.",
      .rationale =
          "Agora's traffic passes, but so does everything else: a GPO that switches the firewall "
          "off is rarely what a security baseline intends, and the rules in the same GPO give a "
          "false impression of protection.",
      .help =
          "Turn the firewall on for the profile (`EnableFirewall` true) and allow the Agora ports "
          "with outbound rules, or keep the default outbound action at allow.",
      .tags = {"security", "windows"},
      .precision = "very-high",
      .example_failing = R"(Windows Registry Editor Version 5.00

[HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\WindowsFirewall\PublicProfile]
"EnableFirewall"=dword:00000000
"AllowLocalPolicyMerge"=dword:00000000)",
      .example_result =
          "Checked with `--sdk rtm-web --profile public`, every port passes because of line 4, "
          "which FWL109 reports.",
      .example_fixed = R"(Windows Registry Editor Version 5.00

[HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\WindowsFirewall\PublicProfile]
"EnableFirewall"=dword:00000001
"DefaultOutboundAction"=dword:00000000
"AllowLocalPolicyMerge"=dword:00000000)",
      .example_failing_label = "Configuration (.reg export of a GPO's policy):",
      .example_fixed_label = "Fixed configuration:",
      .notes = std::string(kSuppressionNote),
      .example_args = {"--pack", "agora@2020-09", "--sdk", "rtm-web", "--profile", "public"},
  });

  // ---------------------------------------------------------------- FWL110
  rules.push_back(RuleInfo{
      .id = finding_id::kInvalidConfig,
      .name = "invalid-config",
      .default_severity = Severity::Error,
      .short_description = "A configuration file is malformed, so nothing is checked.",
      .full_description =
          "A `.agora-fwlint.yaml` (found in an input's directory or a parent, or named with "
          "`--config`) breaks the format described in docs/configuration.md: an unknown or "
          "duplicate option, a value of the wrong type, an unknown finding id, severity or dialect, "
          "an address that is not a CIDR, a malformed file pattern or SDK version, or a pack, SDK "
          "or feature that no requirement pack knows. Every problem is reported at its line and "
          "column, and agora-fwlint stops with exit status 2 before reading any input.",
      .rationale =
          "A configuration decides what a run checks. Skipping a key that is misspelled, or a "
          "severity it does not understand, would silently check something other than what the "
          "file says, and a CI job would pass for the wrong reason.",
      .help =
          "Correct the file at the reported places. docs/configuration.md lists the options and "
          "their values, and docs/config.schema.json lets an editor check the file while it is "
          "written. `agora-fwlint --print-config FILE` shows the options a file is checked with "
          "and where each comes from.",
      .tags = {"input", "configuration"},
      .precision = "very-high",
      .example_failing = R"(sdks: [rtc-web, rtm-web]
pack: agora@2024-08
sdk_versoin: "4.4.0"
sources:
  - 192.168.10.0/24
  - 192.168.300.0/24
severity:
  FWL004: info)",
      .example_result =
          "`agora-fwlint fw.cfg` in the directory of this file reports FWL110 three times and "
          "exits with status 2: at 3:1 for the unknown option `sdk_versoin`, at 6:5 for the "
          "address `192.168.300.0/24` and at 8:11 for the severity `info` (error, warning, note "
          "or off). Nothing is checked.",
      .example_fixed = R"(sdks: [rtc-web, rtm-web]
pack: agora@2024-08
sdk_version: "4.4.0"
sources:
  - 192.168.10.0/24
  - 192.168.30.0/24
severity:
  FWL004: note)",
      .example_failing_label = "Failing configuration (`.agora-fwlint.yaml`):",
      .example_fixed_label = "Fixed configuration:",
      .notes =
          "FWL110 cannot be suppressed or given another severity: the configuration that would "
          "do it is the one that is broken. `--no-config` checks the inputs without any "
          "discovered configuration file, and `--config FILE` uses that file instead.",
  });

  // ---------------------------------------------------------------- FWL111
  rules.push_back(RuleInfo{
      .id = finding_id::kInvalidSuppression,
      .name = "invalid-suppression",
      .default_severity = Severity::Error,
      .short_description = "A suppression comment is malformed or gives no reason, so it suppresses nothing.",
      .full_description =
          "A comment starts with `agora-fwlint:` but is not a valid directive: it gives no reason "
          "after `--`, names no finding id or an unknown one, uses a directive other than "
          "`ignore` and `ignore-file`, names an id that comments cannot suppress (FWL107, FWL110, "
          "FWL111, FWL112), or is an XML comment that does not end on its line. The finding is "
          "placed at the part of the comment that is wrong. The comment suppresses nothing, so "
          "the findings it was meant for are still reported.",
      .rationale =
          "A suppression is a decision to accept a problem in a firewall; the reason is what "
          "tells the next reader whether that decision still holds. A directive that is silently "
          "ignored, or silently obeyed without a reason, hides exactly the findings a review "
          "should see.",
      .help =
          "Write the directive as `agora-fwlint: ignore ID[, ID…] -- REASON` (or `ignore-file`), "
          "with ids from `agora-fwlint --list-rules` and a reason after `--`; docs/suppressions.md "
          "has the form for each dialect.",
      .tags = {"suppression", "input"},
      .precision = "very-high",
      .example_failing = std::string(kAsaInterfaces) + R"(access-list inside_in extended permit tcp 192.168.1.0 255.255.255.0 any eq www
access-list inside_in extended permit tcp 192.168.1.0 255.255.255.0 any eq https
! agora-fwlint: ignore FWL001
access-list inside_in extended deny udp any any
access-list inside_in extended permit ip any any
access-group inside_in in interface inside)",
      .example_result =
          "Checked with `--sdk rtc-web`, the comment on line 13 gives no reason: agora-fwlint "
          "reports FWL111 at line 13, column 30 (where the reason should be), and because the "
          "comment suppresses nothing, the UDP ports denied by line 14 are still reported as FWL001.",
      .example_fixed = std::string(kAsaInterfaces) + R"(access-list inside_in extended permit tcp 192.168.1.0 255.255.255.0 any eq www
access-list inside_in extended permit tcp 192.168.1.0 255.255.255.0 any eq https
! agora-fwlint: ignore FWL001 -- guest VLAN, no Agora clients (NET-1234)
access-list inside_in extended deny udp any any
access-list inside_in extended permit ip any any
access-group inside_in in interface inside)",
      .example_fixed_label = "Fixed configuration (the FWL001 of line 14 is suppressed):",
      .notes =
          "FWL111 can be turned off or given another severity in `.agora-fwlint.yaml`, but not "
          "suppressed by a comment. A run can ignore every suppression comment only through the "
          "library (`LintOptions::inline_suppressions`); the command line always honours them.",
      .example_args = {"--pack", "agora@2020-09", "--sdk", "rtc-web"},
  });

  // ---------------------------------------------------------------- FWL112
  rules.push_back(RuleInfo{
      .id = finding_id::kUnusedSuppression,
      .name = "unused-suppression",
      .default_severity = Severity::Warning,
      .short_description = "A suppression comment matched no finding.",
      .full_description =
          "An `agora-fwlint: ignore` comment names an id that is not reported on the line the "
          "comment applies to (the next line that is neither blank nor a comment, or its own line "
          "for a comment at the end of a rule), or an `ignore-file` comment names an id that is "
          "not reported anywhere in the file. One FWL112 is reported per unused id, at the id.",
      .rationale =
          "Firewall rules change; a suppression left behind after the finding was fixed, or "
          "placed one line off, would silently hide the next real finding of that id on that "
          "line. Reporting it keeps suppressions as few and as precise as the problems they "
          "accept.",
      .help =
          "Remove the comment, or the ids in it that no longer apply. If the finding is reported "
          "elsewhere, move the comment to just above the line the finding names.",
      .tags = {"suppression", "maintenance"},
      .precision = "high",
      .example_failing = std::string(kAsaInterfaces) + R"(object-group service AGORA_RTC_WEB_UDP udp
 port-object eq 3478
 port-object range 5866 6000
!
access-list inside_in extended permit tcp 192.168.1.0 255.255.255.0 any eq www
access-list inside_in extended permit tcp 192.168.1.0 255.255.255.0 any eq https
access-list inside_in extended permit udp 192.168.1.0 255.255.255.0 any object-group AGORA_RTC_WEB_UDP
! agora-fwlint: ignore FWL001 -- Agora UDP blocked until NET-1234 is done
access-list inside_in extended deny udp any any
access-list inside_in extended permit ip any any
access-group inside_in in interface inside)",
      .example_result =
          "Checked with `--sdk rtc-web`, the UDP ports are now allowed by line 17, so line 19 "
          "blocks nothing Agora needs and the comment on line 18 has nothing to suppress: "
          "agora-fwlint reports FWL112 at line 18, column 24.",
      .example_fixed = std::string(kAsaInterfaces) + R"(object-group service AGORA_RTC_WEB_UDP udp
 port-object eq 3478
 port-object range 5866 6000
!
access-list inside_in extended permit tcp 192.168.1.0 255.255.255.0 any eq www
access-list inside_in extended permit tcp 192.168.1.0 255.255.255.0 any eq https
access-list inside_in extended permit udp 192.168.1.0 255.255.255.0 any object-group AGORA_RTC_WEB_UDP
access-list inside_in extended deny udp any any
access-list inside_in extended permit ip any any
access-group inside_in in interface inside)",
      .notes =
          "Which findings are reported depends on the options of the run (`--sdk`, `--pack`, "
          "`--mode`…): a comment for an SDK the run does not check is reported as unused. Run "
          "with the options your CI uses, put them in `.agora-fwlint.yaml`, or set `FWL112: off` "
          "under `severity` there. Findings of files a pf.conf includes are matched only by "
          "`ignore-file` comments of the checked file.",
      .example_args = {"--pack", "agora@2020-09", "--sdk", "rtc-web"},
  });

  return rules;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

std::string severity_label(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
  }
  return "warning";
}

}  // namespace

const std::vector<RuleInfo>& all_rules() {
  static const std::vector<RuleInfo> rules = make_rules();
  return rules;
}

const RuleInfo* find_rule(std::string_view id_or_slug) {
  for (const auto& r : all_rules())
    if (iequals(r.id, id_or_slug) || iequals(r.name, id_or_slug)) return &r;
  return nullptr;
}

int rule_index(std::string_view id) {
  const auto& rules = all_rules();
  for (std::size_t i = 0; i < rules.size(); ++i)
    if (rules[i].id == id) return static_cast<int>(i);
  return -1;
}

std::string rule_help_uri(const RuleInfo& rule) {
  return std::string(kRuleDocsBaseUrl) + std::string(rule.id) + ".md";
}

std::string rule_markdown(const RuleInfo& rule) {
  std::string md;
  auto add = [&md](std::string_view s) { md.append(s.data(), s.size()); };
  add("# ");
  add(rule.id);
  add(": ");
  add(rule.name);
  add("\n\n");
  add(rule.short_description);
  add("\n\nDefault severity: **");
  add(severity_label(rule.default_severity));
  add("**. Tags:");
  for (std::size_t i = 0; i < rule.tags.size(); ++i) {
    add(i ? ", `" : " `");
    add(rule.tags[i]);
    add("`");
  }
  add(".\n\n## What it means\n\n");
  add(rule.full_description);
  add("\n\n## Why it matters\n\n");
  add(rule.rationale);
  add("\n\n## How to fix\n\n");
  add(rule.help);
  add("\n\n## Example\n\n");
  add(rule.example_failing_label.empty() ? "Failing configuration (Cisco ASA):"
                                         : rule.example_failing_label);
  add("\n\n```\n");
  add(rule.example_failing);
  add("\n```\n\n");
  add(rule.example_result);
  add("\n\n");
  add(rule.example_fixed_label.empty() ? "Fixed configuration:" : rule.example_fixed_label);
  add("\n\n```\n");
  add(rule.example_fixed);
  add("\n```\n\n## Notes\n\n");
  add(rule.notes);
  add("\n");
  return md;
}

std::string rule_doc_file(const RuleInfo& rule) {
  return "<!-- Generated from src/report/rule_catalog.cpp; edit the catalogue, then run\n"
         "     FWLINT_UPDATE_DOCS=1 fwlint_tests --gtest_filter='RuleCatalog.*' -->\n" +
         rule_markdown(rule);
}

}  // namespace fwlint
