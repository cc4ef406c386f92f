// SPDX-License-Identifier: Apache-2.0
// The service names iptables-save may print (it prints numbers unless the
// dump was written by hand; ufw and old tools use names).
#include "frontends/iptables/services.h"

#include <map>
#include <string>

namespace fwlint::iptables {

std::optional<std::uint16_t> service_port(std::string_view name) {
  static const std::map<std::string, std::uint16_t, std::less<>> table = {
      {"ftp-data", 20}, {"ftp", 21},       {"ssh", 22},      {"telnet", 23},  {"smtp", 25},
      {"domain", 53},   {"bootps", 67},    {"bootpc", 68},   {"tftp", 69},    {"http", 80},
      {"www", 80},      {"kerberos", 88},  {"pop3", 110},    {"sunrpc", 111}, {"ntp", 123},
      {"netbios-ns", 137}, {"netbios-dgm", 138}, {"netbios-ssn", 139}, {"imap", 143}, {"imap2", 143},
      {"snmp", 161},    {"snmp-trap", 162}, {"ldap", 389},   {"https", 443},  {"microsoft-ds", 445},
      {"isakmp", 500},  {"syslog", 514},   {"submission", 587}, {"ldaps", 636}, {"imaps", 993},
      {"pop3s", 995},   {"openvpn", 1194}, {"ms-sql-s", 1433}, {"mysql", 3306}, {"rdp", 3389},
      {"ipsec-nat-t", 4500}, {"sip", 5060}, {"postgresql", 5432}, {"x11", 6000}, {"http-alt", 8080}};
  if (auto it = table.find(name); it != table.end()) return it->second;
  return std::nullopt;
}

}  // namespace fwlint::iptables
