// SPDX-License-Identifier: Apache-2.0
//
// Statements of pf.conf(5) (OpenBSD, FreeBSD and macOS dialects). The
// frontend calls the single entry rule `statement` once per statement the
// scanner cut out of the file (macros already expanded, one line per
// statement except for lists and anchor blocks). Every alternative ends in
// EOF, so a statement is either fully understood or reported with the
// column where it went wrong.
//
// The grammar follows pfctl's statement shapes: a filter rule is
//   action [direction] [log] [quick] [on …] [inet|inet6] [proto …]
//   [all | from … to …] [options…]
// with lists `{ … }` wherever pfctl accepts them (commas optional). What a
// word means (an address, an interface, a host name, a service) is decided
// by the extractor. Statements that do not affect filtering (queues, legacy
// scrub, `set` options) are recognized by their first words only.

parser grammar PfParser;

options { tokenVocab = PfLexer; }

statement
    : macroName EQ valueToken* EOF                                  # macroStatement
    | INCLUDE text EOF                                              # includeStatement
    | LOAD ANCHOR anchorName FROM text EOF                          # loadAnchorStatement
    | TABLE tableRef tableOption* EOF                               # tableStatement
    | SET setOption EOF                                             # setStatement
    | filterRule EOF                                                # filterStatement
    | anchorRule EOF                                                # anchorStatement
    | ANTISPOOF logQuick* FOR interfaceList family? ruleOption* EOF # antispoofStatement
    | legacyTranslation EOF                                         # legacyTranslationStatement
    | SCRUB valueToken* EOF                                         # scrubStatement
    | (ALTQ | QUEUE) valueToken* EOF                                # queueStatement
    | translationAnchorKind valueToken* EOF                         # translationAnchorStatement
    | ETHER valueToken* EOF                                         # etherStatement
    ;

// ===== macros, options, tables =============================================

macroName
    : WORD
    | keyword
    ;

valueToken
    : ~EOF
    ;

setOption
    : SKIP_IFS ON interfaceList                        # setSkip
    | BLOCK_POLICY policy=(DROP | RETURN)              # setBlockPolicy
    | ~(SKIP_IFS | BLOCK_POLICY | EOF) valueToken*     # setOther
    ;

tableRef
    : LT name GT
    ;

tableOption
    : PERSIST                               # tablePersist
    | CONST                                 # tableConst
    | COUNTERS                              # tableCounters
    | FILE text                             # tableFile
    | LBRACE (tableEntry COMMA?)* RBRACE    # tableEntries
    ;

tableEntry
    : NOT? host
    ;

// ===== filter rules ==========================================================

filterRule
    : action ruleBody
    ;

action
    : PASS                 # actionPass
    | MATCH                # actionMatch
    | BLOCK blockStyle?    # actionBlock
    ;

blockStyle
    : DROP
    | RETURN
    | RETURN_RST (LPAREN TTL NUMBER RPAREN)?
    | RETURN_ICMP (LPAREN icmpCode (COMMA icmpCode)? RPAREN)?
    | RETURN_ICMP6 (LPAREN icmpCode RPAREN)?
    ;

icmpCode
    : WORD
    | NUMBER
    ;

// FreeBSD and pre-4.7 OpenBSD write route-to right after the interface.
ruleBody
    : direction? logQuick* interfaceSpec? routeOption? family? protoSpec? hosts? ruleOption*
    ;

anchorRule
    : ANCHOR anchorName? direction? logQuick* interfaceSpec? family? protoSpec? hosts? ruleOption*
    ;

anchorName
    : WORD
    | QUOTED
    | NUMBER
    ;

direction
    : IN
    | OUT
    ;

logQuick
    : LOG (LPAREN logOption (COMMA? logOption)* RPAREN)?   # logSpec
    | QUICK                                                 # quickSpec
    ;

logOption
    : ALL
    | MATCHES
    | USER
    | TO interfaceName
    ;

interfaceSpec
    : ON RDOMAIN NUMBER   # onRdomain
    | ON interfaceList    # onInterfaces
    ;

// Lists may nest (a macro holding a list, used inside a list).
interfaceList
    : interfaceItem
    | LBRACE (interfaceList COMMA?)+ RBRACE
    ;

interfaceItem
    : NOT? interfaceName
    ;

interfaceName
    : WORD
    | QUOTED
    | ANY
    ;

family
    : INET
    | INET6
    ;

protoSpec
    : PROTO protoList
    ;

protoList
    : protoItem
    | LBRACE (protoList COMMA?)+ RBRACE
    ;

protoItem
    : WORD
    | NUMBER
    | QUOTED
    ;

// ===== addresses and ports ===================================================

hosts
    : ALL                   # hostsAll
    | fromPart toPart?      # hostsFrom
    | toPart                # hostsTo
    ;

fromPart
    : FROM hostSpec portSpec? osSpec?
    | FROM portSpec osSpec?
    ;

toPart
    : TO hostSpec portSpec?
    | TO portSpec
    ;

osSpec
    : OS name
    | OS LBRACE (name COMMA?)+ RBRACE
    ;

hostSpec
    : ANY
    | hostTerm
    | hostList
    ;

hostList
    : LBRACE (hostListItem COMMA?)+ RBRACE
    ;

hostListItem
    : ANY
    | hostTerm
    | hostList
    ;

hostTerm
    : NOT? host
    ;

host
    : address DASH address                      # hostRange
    | address (SLASH NUMBER)?                   # hostAddress
    | LPAREN address RPAREN (SLASH NUMBER)?     # hostDynamic
    | LT name GT                                # hostTable
    | NO_ROUTE                                  # hostNoRoute
    | URPF_FAILED                               # hostUrpfFailed
    ;

address
    : WORD
    | NUMBER
    | QUOTED
    ;

portSpec
    : PORT portList
    ;

portList
    : portItem
    | LBRACE (portList COMMA?)+ RBRACE
    ;

portItem
    : portValue rangeOp=(INSIDE_RANGE | OUTSIDE_RANGE) portValue   # portBinary
    | unaryOp portValue                                            # portUnary
    | portValue                                                    # portSingle
    ;

unaryOp
    : EQ
    | NE
    | LT
    | LE
    | GT
    | GE
    ;

portValue
    : WORD
    | NUMBER
    | QUOTED
    ;

// ===== filter options ========================================================

ruleOption
    : USER idList                                               # optUser
    | GROUP idList                                              # optGroup
    | FLAGS flagSpec                                            # optFlags
    | (ICMP_TYPE | ICMP6_TYPE) icmpList                         # optIcmpType
    | TOS tosValue                                              # optTos
    | stateSpec                                                 # optState
    | FRAGMENT                                                  # optFragment
    | ALLOW_OPTS                                                # optAllowOpts
    | LABEL name                                                # optLabel
    | TAG name                                                  # optTag
    | NOT? TAGGED name                                          # optTagged
    | QUEUE queueNames                                          # optQueue
    | RTABLE NUMBER                                             # optRtable
    | PROBABILITY probabilityValue                              # optProbability
    | PRIO NUMBER                                               # optPrio
    | SET setAction                                             # optSet
    | SCRUB LPAREN (~RPAREN)* RPAREN                            # optScrub
    | ONCE                                                      # optOnce
    | MAX_PKT_RATE NUMBER SLASH NUMBER                          # optMaxPktRate
    | RECEIVED_ON interfaceItem                                 # optReceivedOn
    | DIVERT_TO host PORT portValue                             # optDivertTo
    | DIVERT_REPLY                                              # optDivertReply
    | DIVERT_PACKET PORT portValue                              # optDivertPacket
    | routeOption                                               # optRoute
    | (NAT_TO | RDR_TO | BINAT_TO) redirection                  # optTranslate
    | AF_TO family FROM redirHosts (TO redirHosts)?             # optAfTo
    | FASTROUTE                                                 # optFastroute
    | (DNPIPE | DNQUEUE) (NUMBER | LPAREN NUMBER COMMA? NUMBER RPAREN)  # optDummynet
    | RIDENTIFIER NUMBER                                        # optRidentifier
    ;

idList
    : idItem
    | LBRACE (idItem COMMA?)+ RBRACE
    ;

idItem
    : idValue rangeOp=(INSIDE_RANGE | OUTSIDE_RANGE) idValue
    | unaryOp? idValue
    ;

idValue
    : WORD
    | NUMBER
    | QUOTED
    ;

flagSpec
    : ANY
    | WORD? SLASH WORD
    | WORD
    ;

icmpList
    : icmpItem
    | LBRACE (icmpItem COMMA?)+ RBRACE
    ;

icmpItem
    : icmpCode (CODE icmpCode)?
    ;

tosValue
    : WORD
    | NUMBER
    ;

stateSpec
    : (KEEP | MODULATE | SYNPROXY) STATE (LPAREN (~RPAREN)* RPAREN)?
    | NO STATE
    ;

queueNames
    : name
    | LPAREN name (COMMA? name)? RPAREN
    ;

probabilityValue
    : WORD
    | NUMBER
    ;

setAction
    : PRIO (NUMBER | LPAREN NUMBER COMMA? NUMBER RPAREN)
    | TOS tosValue
    | QUEUE queueNames
    | DELAY NUMBER
    | LPAREN (~RPAREN)* RPAREN
    ;

routeOption
    : (ROUTE_TO | REPLY_TO | DUP_TO) routeHosts poolOption*
    ;

routeHosts
    : routeHost
    | LBRACE (routeHost COMMA?)+ RBRACE
    ;

// FreeBSD writes a gateway as `(interface address)`.
routeHost
    : LPAREN interfaceName address (SLASH NUMBER)? RPAREN
    | host
    ;

redirection
    : redirHosts (PORT portValue)? poolOption*
    ;

redirHosts
    : host
    | LBRACE (host COMMA?)+ RBRACE
    ;

poolOption
    : BITMASK
    | RANDOM
    | ROUND_ROBIN
    | SOURCE_HASH WORD?
    | STATIC_PORT
    | STICKY_ADDRESS
    | LEAST_STATES
    ;

// ===== legacy translation and other non-filter statements ====================

// Pre-4.7 OpenBSD and FreeBSD: `nat|rdr|binat [pass] … -> target`, `no nat …`.
legacyTranslation
    : NO? kind=(NAT | RDR | BINAT) PASS? logQuick* interfaceSpec? family? protoSpec? hosts?
      legacyOption* (ARROW valueToken*)?
    ;

legacyOption
    : TAG name
    | NOT? TAGGED name
    ;

translationAnchorKind
    : NAT_ANCHOR
    | RDR_ANCHOR
    | BINAT_ANCHOR
    | SCRUB_ANCHOR
    | DUMMYNET_ANCHOR
    ;

// ===== shared pieces =========================================================

text
    : QUOTED
    | WORD
    ;

// Labels, tags, table and queue names: any single word, keywords included.
name
    : WORD
    | NUMBER
    | QUOTED
    | keyword
    ;

keyword
    : PASS | BLOCK | MATCH | ANCHOR | LOAD | INCLUDE | TABLE | SET | ANTISPOOF | SCRUB | ALTQ
    | QUEUE | NAT | RDR | BINAT | NAT_ANCHOR | RDR_ANCHOR | BINAT_ANCHOR | SCRUB_ANCHOR
    | DUMMYNET_ANCHOR | ETHER | DROP | RETURN | RETURN_RST | RETURN_ICMP | RETURN_ICMP6 | TTL | IN
    | OUT | LOG | MATCHES | QUICK | ON | RDOMAIN | INET | INET6 | PROTO | ALL | FROM | TO | ANY
    | PORT | OS | NO_ROUTE | URPF_FAILED | FOR | USER | GROUP | FLAGS | ICMP_TYPE | ICMP6_TYPE
    | CODE | TOS | KEEP | MODULATE | SYNPROXY | STATE | NO | FRAGMENT | ALLOW_OPTS | LABEL | TAG
    | TAGGED | RTABLE | PROBABILITY | PRIO | DELAY | ONCE | MAX_PKT_RATE | RECEIVED_ON | DIVERT_TO
    | DIVERT_REPLY | DIVERT_PACKET | ROUTE_TO | REPLY_TO | DUP_TO | FASTROUTE | NAT_TO | RDR_TO
    | BINAT_TO | AF_TO | BITMASK | RANDOM | ROUND_ROBIN | SOURCE_HASH | STATIC_PORT
    | STICKY_ADDRESS | LEAST_STATES | DNPIPE | DNQUEUE | RIDENTIFIER | PERSIST | CONST | COUNTERS
    | FILE | SKIP_IFS | BLOCK_POLICY
    ;
