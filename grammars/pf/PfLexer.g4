// SPDX-License-Identifier: Apache-2.0
//
// Tokens of one pf.conf statement.
//
// The frontend never runs this lexer on the raw file: the statement scanner
// (src/frontends/pf/statement_scanner) first joins `\` continuations, drops
// comments, expands macros the way pfctl does and cuts the file into
// statements. What reaches this lexer is one statement whose quoted strings
// are normalized to "…" with \" and \\ escapes.
//
// Character classes follow pfctl: a word is a run of characters other than
// blanks, quotes and the punctuation { } ( ) < > ! = , / (so "em0:network",
// "fe80::1%lo0", "5900:5909" and "0x10" are single words, and "10.0.0.0/8"
// is a word, a slash and a number). Keywords are the lower-case words of
// pf.conf(5); anything else that is not blank falls into WORD, so the lexer
// never fails and every problem surfaces in the parser with a column.
//
// Order matters: ANTLR picks the longest match and, on a tie, the rule
// defined first. Keywords, NUMBER and the punctuation therefore come before
// WORD ("in" is IN, "inet" is INET, "no-df" is a WORD, "-" alone is DASH).

lexer grammar PfLexer;

// --- statements ---------------------------------------------------------------
PASS            : 'pass';
BLOCK           : 'block';
MATCH           : 'match';
ANCHOR          : 'anchor';
LOAD            : 'load';
INCLUDE         : 'include';
TABLE           : 'table';
SET             : 'set';
ANTISPOOF       : 'antispoof';
SCRUB           : 'scrub';
ALTQ            : 'altq';
QUEUE           : 'queue';
NAT             : 'nat';
RDR             : 'rdr';
BINAT           : 'binat';
NAT_ANCHOR      : 'nat-anchor';
RDR_ANCHOR      : 'rdr-anchor';
BINAT_ANCHOR    : 'binat-anchor';
SCRUB_ANCHOR    : 'scrub-anchor';
DUMMYNET_ANCHOR : 'dummynet-anchor';
ETHER           : 'ether';

// --- rule head ----------------------------------------------------------------
DROP         : 'drop';
RETURN       : 'return';
RETURN_RST   : 'return-rst';
RETURN_ICMP  : 'return-icmp';
RETURN_ICMP6 : 'return-icmp6';
TTL          : 'ttl';
IN           : 'in';
OUT          : 'out';
LOG          : 'log';
MATCHES      : 'matches';
QUICK        : 'quick';
ON           : 'on';
RDOMAIN      : 'rdomain';
INET         : 'inet';
INET6        : 'inet6';
PROTO        : 'proto';
ALL          : 'all';
FROM         : 'from';
TO           : 'to';
ANY          : 'any';
PORT         : 'port';
OS           : 'os';
NO_ROUTE     : 'no-route';
URPF_FAILED  : 'urpf-failed';
FOR          : 'for';

// --- filter options -----------------------------------------------------------
USER          : 'user';
GROUP         : 'group';
FLAGS         : 'flags';
ICMP_TYPE     : 'icmp-type';
ICMP6_TYPE    : 'icmp6-type';
CODE          : 'code';
TOS           : 'tos';
KEEP          : 'keep';
MODULATE      : 'modulate';
SYNPROXY      : 'synproxy';
STATE         : 'state';
NO            : 'no';
FRAGMENT      : 'fragment';
ALLOW_OPTS    : 'allow-opts';
LABEL         : 'label';
TAG           : 'tag';
TAGGED        : 'tagged';
RTABLE        : 'rtable';
PROBABILITY   : 'probability';
PRIO          : 'prio';
DELAY         : 'delay';
ONCE          : 'once';
MAX_PKT_RATE  : 'max-pkt-rate';
RECEIVED_ON   : 'received-on';
DIVERT_TO     : 'divert-to';
DIVERT_REPLY  : 'divert-reply';
DIVERT_PACKET : 'divert-packet';
ROUTE_TO      : 'route-to';
REPLY_TO      : 'reply-to';
DUP_TO        : 'dup-to';
FASTROUTE     : 'fastroute';
NAT_TO        : 'nat-to';
RDR_TO        : 'rdr-to';
BINAT_TO      : 'binat-to';
AF_TO         : 'af-to';
BITMASK       : 'bitmask';
RANDOM        : 'random';
ROUND_ROBIN   : 'round-robin';
SOURCE_HASH   : 'source-hash';
STATIC_PORT   : 'static-port';
STICKY_ADDRESS: 'sticky-address';
LEAST_STATES  : 'least-states';
DNPIPE        : 'dnpipe';
DNQUEUE       : 'dnqueue';
RIDENTIFIER   : 'ridentifier';

// --- tables and options -------------------------------------------------------
PERSIST      : 'persist';
CONST        : 'const';
COUNTERS     : 'counters';
FILE         : 'file';
SKIP_IFS     : 'skip';
BLOCK_POLICY : 'block-policy';

// --- punctuation --------------------------------------------------------------
NE            : '!=';
LE            : '<=';
GE            : '>=';
INSIDE_RANGE  : '><';
OUTSIDE_RANGE : '<>';
ARROW         : '->';
LBRACE        : '{';
RBRACE        : '}';
LPAREN        : '(';
RPAREN        : ')';
LT            : '<';
GT            : '>';
NOT           : '!';
EQ            : '=';
COMMA         : ',';
SLASH         : '/';
DASH          : '-';

// --- values -------------------------------------------------------------------
QUOTED : '"' ( '\\' . | ~["\\] )* '"';
NUMBER : [0-9]+;
// pfctl takes a quote as the start of a string only at the start of a word;
// inside a word it is an ordinary character.
WORD   : ~[ \t\r\n\f\u000B"'{}()<>!=,/#] ~[ \t\r\n\f\u000B{}()<>!=,/#]*;

WS : [ \t\r\n\f\u000B]+ -> skip;
