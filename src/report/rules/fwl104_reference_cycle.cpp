// SPDX-License-Identifier: Apache-2.0
/// \file
/// FWL104 reference-cycle: its catalogue entry and worked examples. docs/rules/FWL104.md
/// is generated from it (see rule_catalog.cpp).

#include "report/rules/rule_entries.h"

#include "fwlint/analysis/findings.h"
#include "report/rules/shared_text.h"

namespace fwlint::rule_entries {

RuleInfo fwl104_reference_cycle() {
  return RuleInfo{
      .id = finding_id::kReferenceCycle,
      .name = "reference-cycle",
      .default_severity = Severity::Warning,
      .short_description = "Definitions refer to each other in a cycle.",
      .full_description =
          "Following references (nested object-groups on a Cisco ASA, iptables chain jumps, pf "
          "macros, includes and anchor files) leads back to where it started. agora-fwlint "
          "reports one reference of the cycle, names the definitions involved, and ignores that "
          "reference so that the rest of the configuration can still be evaluated.",
      .rationale =
          "A device cannot run such a configuration as written (the kernel rejects an iptables "
          "jump loop; a pf include cycle never finishes loading). In a saved configuration it "
          "means the file was edited by hand or assembled from pieces, and is not what the "
          "device runs.",
      .help = "Break the cycle: remove the reference that points back to an enclosing definition.",
      .tags = {"parse", "input", "reference"},
      .precision = "high",
      .notes = std::string(kSuppressionNote),
      .examples = {
          RuleExample{
              .format = "asa",
              .failing = std::string(kAsaInterfaces) + R"(object-group network LAB
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
              .result =
                  "Line 15 puts `LAB` into `CLIENTS`, and lines 16-17 reopen `LAB` to put "
                  "`CLIENTS` into it. agora-fwlint reports FWL104 at line 15 and ignores that "
                  "reference (and FWL103 at line 16, because `LAB` is entered a second time).",
              .fixed = std::string(kAsaInterfaces) + R"(object-group network LAB
 network-object 192.168.2.0 255.255.255.0
object-group network CLIENTS
 network-object 192.168.1.0 255.255.255.0
 group-object LAB
!
access-list inside_in extended permit ip object-group CLIENTS any
access-list inside_in extended deny ip any any
access-group inside_in in interface inside)",
              .args = {"--pack", "agora@2020-09", "--sdk", "rtm-web"},
          },
          RuleExample{
              .format = "iptables",
              .failing = R"(*filter
:INPUT DROP [0:0]
:FORWARD DROP [0:0]
:OUTPUT DROP [0:0]
:AGORA_MEDIA - [0:0]
:AGORA_OUT - [0:0]
-A INPUT -i lo -j ACCEPT
-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A OUTPUT -o lo -j ACCEPT
-A OUTPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A OUTPUT -p udp -m udp --dport 53 -j ACCEPT
-A OUTPUT -j AGORA_OUT
-A AGORA_MEDIA -p udp -m multiport --dports 3478,5866:6000 -j ACCEPT
-A AGORA_MEDIA -j AGORA_OUT
-A AGORA_OUT -p tcp -m multiport --dports 80,443,3433,5668:5669,5866:6000,6080,6443,8667,9667 -j ACCEPT
-A AGORA_OUT -p udp -j AGORA_MEDIA
COMMIT)",
              .result =
                  "Checked with `--mode host --sdk rtc-web --without rtmp-converter`, line 16 "
                  "sends UDP from `AGORA_OUT` to `AGORA_MEDIA`, and line 14 jumps from "
                  "`AGORA_MEDIA` back to `AGORA_OUT` where `RETURN` was meant. The kernel refuses "
                  "a ruleset with such a loop, so iptables-restore would not load this file. "
                  "agora-fwlint reports FWL104 at line 14, column 19, and evaluates the rest "
                  "without that jump: the check passes, but on rules the host cannot load.",
              .fixed = R"(*filter
:INPUT DROP [0:0]
:FORWARD DROP [0:0]
:OUTPUT DROP [0:0]
:AGORA_MEDIA - [0:0]
:AGORA_OUT - [0:0]
-A INPUT -i lo -j ACCEPT
-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A OUTPUT -o lo -j ACCEPT
-A OUTPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A OUTPUT -p udp -m udp --dport 53 -j ACCEPT
-A OUTPUT -j AGORA_OUT
-A AGORA_MEDIA -p udp -m multiport --dports 3478,5866:6000 -j ACCEPT
-A AGORA_MEDIA -j RETURN
-A AGORA_OUT -p tcp -m multiport --dports 80,443,3433,5668:5669,5866:6000,6080,6443,8667,9667 -j ACCEPT
-A AGORA_OUT -p udp -j AGORA_MEDIA
COMMIT)",
              .args = {"--pack", "agora@2020-09", "--mode", "host", "--sdk", "rtc-web", "--without",
                       "rtmp-converter"},
              .failing_label = "Failing configuration (`rules.v4` of a host, edited by hand):",
          },
          RuleExample{
              .format = "pf",
              .failing = R"(tcp_out = "{ http, https }"
tcp_out = "{ $tcp_out, 6443, 9591, 9593 }"

set skip on lo
block return all
pass out on egress proto { tcp, udp } to port domain
pass out on egress proto tcp to port $tcp_out)",
              .result =
                  "Checked with `--mode host --sdk rtm-web`, line 2 redefines `tcp_out` with a "
                  "value that names `$tcp_out` itself, meant to extend the list. agora-fwlint "
                  "reports FWL104 where the macro is used (line 7, column 38) and does not expand "
                  "it; the rule cannot be read, so the TCP ports it was meant to pass become "
                  "unknown (FWL004). The fixed configuration builds the list from a second macro "
                  "expanded outside the quotes, the way pf.conf(5) shows it.",
              .fixed = R"(web_ports = "http https"
tcp_out = "{" $web_ports "6443 9591 9593 }"

set skip on lo
block return all
pass out on egress proto { tcp, udp } to port domain
pass out on egress proto tcp to port $tcp_out)",
              .args = {"--pack", "agora@2020-09", "--mode", "host", "--sdk", "rtm-web"},
          },
      },
  };
}

}  // namespace fwlint::rule_entries
