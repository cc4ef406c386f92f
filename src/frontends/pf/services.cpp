// SPDX-License-Identifier: Apache-2.0
// Names and numbers from the IANA service registry as OpenBSD and FreeBSD
// ship them in /etc/services (tcp and udp share a number for these names).
#include "frontends/pf/services.h"

#include <map>
#include <string>

namespace fwlint::pf {

std::optional<std::uint16_t> service_port(std::string_view name) {
  // clang-format off
  static const std::map<std::string, std::uint16_t, std::less<>> table = {
      {"tcpmux", 1}, {"echo", 7}, {"discard", 9}, {"systat", 11}, {"daytime", 13},
      {"netstat", 15}, {"qotd", 17}, {"chargen", 19}, {"ftp-data", 20}, {"ftp", 21},
      {"ssh", 22}, {"telnet", 23}, {"smtp", 25}, {"time", 37}, {"whois", 43},
      {"nicname", 43}, {"tacacs", 49}, {"domain", 53}, {"bootps", 67}, {"bootpc", 68},
      {"tftp", 69}, {"gopher", 70}, {"finger", 79}, {"http", 80}, {"www", 80},
      {"www-http", 80}, {"kerberos", 88}, {"kerberos-sec", 88}, {"supdup", 95}, {"hostname", 101},
      {"iso-tsap", 102}, {"pop2", 109}, {"pop3", 110}, {"pop-3", 110}, {"sunrpc", 111},
      {"rpcbind", 111}, {"auth", 113}, {"ident", 113}, {"sftp", 115}, {"uucp-path", 117},
      {"nntp", 119}, {"ntp", 123}, {"epmap", 135}, {"loc-srv", 135}, {"netbios-ns", 137},
      {"netbios-dgm", 138}, {"netbios-ssn", 139}, {"imap", 143}, {"imap2", 143}, {"snmp", 161},
      {"snmp-trap", 162}, {"snmptrap", 162}, {"xdmcp", 177}, {"bgp", 179}, {"irc", 194},
      {"smux", 199}, {"at-rtmp", 201}, {"qmtp", 209}, {"imap3", 220}, {"ipx", 213},
      {"ldap", 389}, {"svrloc", 427}, {"https", 443}, {"snpp", 444}, {"microsoft-ds", 445},
      {"kpasswd", 464}, {"urd", 465}, {"smtps", 465}, {"ssmtp", 465}, {"photuris", 468},
      {"isakmp", 500}, {"exec", 512}, {"biff", 512}, {"login", 513}, {"who", 513},
      {"shell", 514}, {"cmd", 514}, {"syslog", 514}, {"printer", 515}, {"talk", 517},
      {"ntalk", 518}, {"route", 520}, {"router", 520}, {"ripng", 521}, {"timed", 525},
      {"tempo", 526}, {"courier", 530}, {"conference", 531}, {"netnews", 532}, {"uucp", 540},
      {"klogin", 543}, {"kshell", 544}, {"afpovertcp", 548}, {"rtsp", 554}, {"remotefs", 556},
      {"nntps", 563}, {"submission", 587}, {"ipp", 631}, {"ldaps", 636}, {"ldp", 646},
      {"silc", 706}, {"kerberos-adm", 749}, {"kerberos-iv", 750}, {"webster", 765}, {"rsync", 873},
      {"ftps-data", 989}, {"ftps", 990}, {"telnets", 992}, {"imaps", 993}, {"ircs", 994},
      {"pop3s", 995}, {"imap4-ssl", 585}, {"socks", 1080}, {"kpop", 1109}, {"openvpn", 1194},
      {"nessus", 1241}, {"ms-sql-s", 1433}, {"ms-sql-m", 1434}, {"ingreslock", 1524}, {"l2tp", 1701},
      {"pptp", 1723}, {"radius", 1812}, {"radius-acct", 1813}, {"nfsd", 2049}, {"nfs", 2049},
      {"cvspserver", 2401}, {"mysql", 3306}, {"svn", 3690}, {"rdp", 3389}, {"ms-wbt-server", 3389},
      {"sieve", 4190}, {"ipsec-nat-t", 4500}, {"sip", 5060}, {"sip-tls", 5061}, {"xmpp-client", 5222},
      {"xmpp-server", 5269}, {"mdns", 5353}, {"postgresql", 5432}, {"x11", 6000}, {"ircd", 6667},
      {"spamd", 8025}, {"spamd-cfg", 8026}, {"http-alt", 8080}, {"hkp", 11371}, {"dhcpv6-client", 546},
      {"dhcpv6-server", 547}, {"kerberos5", 88}, {"distcc", 3632}, {"iax", 4569}, {"epmd", 4369},
      {"git", 9418}, {"sane-port", 6566}, {"nut", 3493}, {"munin", 4949}, {"dict", 2628}};
  // clang-format on
  if (auto it = table.find(name); it != table.end()) return it->second;
  return std::nullopt;
}

}  // namespace fwlint::pf
