// SPDX-License-Identifier: Apache-2.0
//
// Tokens of one Cisco ASA configuration statement.
//
// The frontend feeds this lexer a single line at a time (statement_reader
// splits the file), so there are no newline tokens. Keywords are the
// lower-case words of the running-config; anything else that is not
// whitespace falls into WORD, so the lexer itself can never fail and every
// problem surfaces in the parser with a precise column.
//
// Order matters: ANTLR picks the longest match and, on a tie, the rule
// defined first. Keywords therefore come before IPV4/INT/HEXNUM, which come
// before the catch-all WORD ("tcp" is TCP, "tcp-foo" is a WORD, "1.2.3.4" is
// an IPV4, "1.2.3.4x" is a WORD).

lexer grammar AsaLexer;

// --- commands and sub-commands ---------------------------------------------
ACCESS_LIST           : 'access-list';
ACCESS_GROUP          : 'access-group';
OBJECT_GROUP_USER     : 'object-group-user';
OBJECT_GROUP_SECURITY : 'object-group-security';
OBJECT_GROUP          : 'object-group';
OBJECT                : 'object';
NETWORK_OBJECT        : 'network-object';
SERVICE_OBJECT        : 'service-object';
PORT_OBJECT           : 'port-object';
PROTOCOL_OBJECT       : 'protocol-object';
ICMP_OBJECT           : 'icmp-object';
GROUP_OBJECT          : 'group-object';
SAME_SECURITY_TRAFFIC : 'same-security-traffic';
SECURITY_LEVEL        : 'security-level';
MANAGEMENT_ONLY       : 'management-only';
INTER_INTERFACE       : 'inter-interface';
INTRA_INTERFACE       : 'intra-interface';
CONTROL_PLANE         : 'control-plane';
PER_USER_OVERRIDE     : 'per-user-override';
TIME_RANGE            : 'time-range';
SECURITY_GROUP        : 'security-group';
USER_GROUP            : 'user-group';
ICMP_TYPE             : 'icmp-type';
TCP_UDP               : 'tcp-udp';
EUI_64                : 'eui-64';
LINK_LOCAL            : 'link-local';

ADDRESS     : 'address';
ANY4        : 'any4';
ANY6        : 'any6';
ANY         : 'any';
AUTOCONFIG  : 'autoconfig';
DEFAULT     : 'default';
DENY        : 'deny';
DESCRIPTION : 'description';
DESTINATION : 'destination';
DHCP        : 'dhcp';
DISABLE     : 'disable';
EQ          : 'eq';
ETHERTYPE   : 'ethertype';
EXTENDED    : 'extended';
FQDN        : 'fqdn';
GLOBAL      : 'global';
GROUP       : 'group';
GT          : 'gt';
HOST        : 'host';
IN          : 'in';
INACTIVE    : 'inactive';
INTERFACE   : 'interface';
INTERVAL    : 'interval';
IPV6        : 'ipv6';
IP          : 'ip';
LINE        : 'line';
LOG         : 'log';
LT          : 'lt';
NAMEIF      : 'nameif';
NAMES       : 'names';
NAME        : 'name';
NAT         : 'nat';
NEQ         : 'neq';
NETWORK     : 'network';
OUT         : 'out';
PERMIT      : 'permit';
PPPOE       : 'pppoe';
PROTOCOL    : 'protocol';
RANGE       : 'range';
REMARK      : 'remark';
ROUTE       : 'route';
SECURITY    : 'security';
SERVICE     : 'service';
SETROUTE    : 'setroute';
SHUTDOWN    : 'shutdown';
SOURCE      : 'source';
STANDARD    : 'standard';
STANDBY     : 'standby';
SUBNET      : 'subnet';
TAG         : 'tag';
TCP         : 'tcp';
UDP         : 'udp';
USER        : 'user';
V4          : 'v4';
V6          : 'v6';
WEBTYPE     : 'webtype';

// --- values ------------------------------------------------------------------
// Dotted quads of any digits; the extractor checks each octet's range so an
// "1.2.3.999" is reported at its column instead of vanishing into a WORD.
IPV4 : DIGITS '.' DIGITS '.' DIGITS '.' DIGITS;

// Loose IPv6 shapes (validated by the extractor): at least one colon among
// hex digits, dots for an embedded IPv4 tail.
IPV6_PREFIX  : V6_BODY '/' DIGITS;
IPV6_ADDRESS : V6_BODY;

INT    : DIGITS;
// `show access-list` output decorations: "(hitcnt=0) 0x831d8948", "(inactive)".
HITCNT         : '(hitcnt=' DIGITS ')';
INACTIVE_PAREN : '(inactive)';
HEXNUM         : '0x' [0-9a-fA-F]+;

WS   : [ \t\f\u000B]+ -> skip;
WORD : ~[ \t\f\u000B\r\n]+;

fragment DIGITS  : [0-9]+;
fragment HEX     : [0-9a-fA-F];
fragment V6_BODY : HEX* ':' (HEX | ':')* ('.' DIGITS '.' DIGITS '.' DIGITS)?;
