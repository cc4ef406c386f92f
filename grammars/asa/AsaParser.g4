// SPDX-License-Identifier: Apache-2.0
//
// Statements of a Cisco ASA running-config that matter for traffic
// filtering. The frontend never parses a whole file with this grammar: it
// splits lines itself, pre-dispatches on the first word and the current
// configuration mode, and calls exactly one of the `...Statement` / `...Sub`
// entry rules below per line. Each entry rule ends in EOF, so a line is
// either fully understood or reported with the column where it went wrong.
//
// The grammar recognizes the shapes of operands; which operand plays which
// role (an `object-group` after the source can be a source-port group or the
// destination) depends on the kind of the named group and is decided by the
// extractor, which knows the symbol table.

parser grammar AsaParser;

options { tokenVocab = AsaLexer; }

// ===== access-list ==========================================================

aclStatement
    : ACCESS_LIST aclName=name (LINE INT)? aclBody EOF
    ;

aclBody
    : REMARK .*?                                              # aclRemark
    | EXTENDED? aclAction aceProtocol aceOperand* aceOption*  # aclExtended
    | (STANDARD | WEBTYPE | ETHERTYPE) .*?                    # aclNonL3
    ;

aclAction
    : PERMIT
    | DENY
    ;

// What follows the action: a protocol, or a service object/group that
// carries protocols and ports, or a protocol group.
aceProtocol
    : OBJECT_GROUP name  # protoGroup
    | OBJECT name        # protoObject
    | protocolName       # protoName
    ;

aceOperand
    : ANY                                          # opAny
    | ANY4                                         # opAny4
    | ANY6                                         # opAny6
    | HOST hostAddr                                # opHost
    | IPV4 IPV4                                    # opAddressMask
    | WORD IPV4                                    # opNameMask
    | IPV6_PREFIX                                  # opPrefix
    | OBJECT name                                  # opObject
    | OBJECT_GROUP name                            # opObjectGroup
    | INTERFACE name                               # opInterface
    | portMatch                                    # opPort
    | (USER | USER_GROUP | OBJECT_GROUP_USER) name  # opIdentity
    | SECURITY_GROUP (NAME | TAG) name             # opSecurityGroup
    | OBJECT_GROUP_SECURITY name                   # opSecurityGroupRef
    | (WORD | INT) INT?                            # opIcmpType
    ;

aceOption
    : LOG (DISABLE | DEFAULT)           # optLogOff
    | LOG logLevel? (INTERVAL INT)?     # optLog
    | INTERVAL INT                      # optInterval
    | TIME_RANGE name                   # optTimeRange
    | (INACTIVE | INACTIVE_PAREN)       # optInactive
    | (HITCNT | HEXNUM)                 # optShowDecoration
    ;

logLevel
    : INT
    | WORD
    ;

// ===== access-group =========================================================

accessGroupStatement
    : ACCESS_GROUP aclName=name direction=(IN | OUT) INTERFACE ifName=name
      (PER_USER_OVERRIDE | CONTROL_PLANE)* EOF                       # agInterface
    | ACCESS_GROUP aclName=name GLOBAL EOF                           # agGlobal
    ;

// ===== interface ============================================================

interfaceHeader
    : INTERFACE hwName=name name? EOF
    ;

interfaceSub
    : NAMEIF name EOF                                                 # ifNameif
    | SECURITY_LEVEL INT EOF                                          # ifSecurityLevel
    | IP ADDRESS address=IPV4 mask=IPV4 (STANDBY standby=IPV4)? EOF   # ifAddress
    | IP ADDRESS (DHCP | PPPOE) .*? EOF                               # ifAddressDynamic
    | IPV6 ADDRESS IPV6_PREFIX (EUI_64 | STANDBY IPV6_ADDRESS)* EOF   # ifAddress6
    | IPV6 ADDRESS (AUTOCONFIG | DHCP | IPV6_ADDRESS LINK_LOCAL) .*? EOF # ifAddress6Other
    | MANAGEMENT_ONLY EOF                                             # ifManagementOnly
    | SHUTDOWN EOF                                                    # ifShutdown
    | DESCRIPTION .*? EOF                                             # ifDescription
    ;

// ===== objects ==============================================================

objectHeader
    : OBJECT kind=(NETWORK | SERVICE) name EOF
    ;

objectNetworkSub
    : HOST hostAddr EOF                   # onHost
    | SUBNET address=IPV4 mask=IPV4 EOF   # onSubnet
    | SUBNET IPV6_PREFIX EOF              # onSubnet6
    | RANGE first=rangeAddr last=rangeAddr EOF  # onRange
    | FQDN (V4 | V6)? name EOF            # onFqdn
    | DESCRIPTION .*? EOF                 # onDescription
    | NAT .*? EOF                         # onNat
    ;

objectServiceSub
    : SERVICE serviceSpec EOF   # osService
    | DESCRIPTION .*? EOF       # osDescription
    ;

// `service tcp source eq 1234 destination range 100 200`, `service icmp echo`.
// The `destination` keyword is optional in `service-object` entries.
serviceSpec
    : protocolName (SOURCE source=portMatch)? (DESTINATION? destination=portMatch)? icmpSpec?
    ;

icmpSpec
    : (WORD | INT) INT?
    ;

// ===== object-groups =======================================================

// `object-group group network X` is an old (FWSM) spelling of the same thing.
objectGroupHeader
    : OBJECT_GROUP GROUP? groupKind EOF
    ;

groupKind
    : NETWORK name                           # ogNetwork
    | SERVICE name (TCP | UDP | TCP_UDP)?    # ogService
    | PROTOCOL name                          # ogProtocol
    | ICMP_TYPE name                         # ogIcmpType
    | (USER | SECURITY) name                 # ogIdentity
    ;

objectGroupSub
    : NETWORK_OBJECT networkItem EOF                 # ogsNetwork
    | SERVICE_OBJECT OBJECT name EOF                 # ogsServiceRef
    | SERVICE_OBJECT serviceSpec EOF                 # ogsService
    | PORT_OBJECT portMatch EOF                      # ogsPort
    | PROTOCOL_OBJECT protocolName EOF               # ogsProtocol
    | ICMP_OBJECT (WORD | INT) EOF                   # ogsIcmp
    | GROUP_OBJECT name EOF                          # ogsGroup
    | DESCRIPTION .*? EOF                            # ogsDescription
    | (USER | USER_GROUP | SECURITY_GROUP) .*? EOF   # ogsIdentity
    ;

networkItem
    : HOST hostAddr     # niHost
    | IPV4 IPV4         # niMask
    | WORD IPV4         # niNameMask
    | IPV6_PREFIX       # niPrefix
    | OBJECT name       # niObject
    ;

// ===== small top-level statements ==========================================

namesStatement
    : NAMES EOF
    ;

nameStatement
    : NAME address=(IPV4 | IPV6_ADDRESS) name (DESCRIPTION .*?)? EOF
    ;

sameSecurityStatement
    : SAME_SECURITY_TRAFFIC PERMIT scope=(INTER_INTERFACE | INTRA_INTERFACE) EOF
    ;

// `route inside 10.0.0.0 255.0.0.0 192.0.2.2 1 [track N] [tunneled]`
routeStatement
    : ROUTE ifName=name network=routeAddr mask=IPV4 (gateway=routeAddr .*?)? EOF  # route4
    | IPV6 ROUTE ifName=name IPV6_PREFIX .*? EOF                                # route6
    ;

// ===== shared pieces =======================================================

portMatch
    : op=(EQ | NEQ | LT | GT) port   # pmCompare
    | RANGE low=port high=port       # pmRange
    ;

port
    : INT
    | WORD
    ;

protocolName
    : WORD
    | INT
    | IP
    | TCP
    | UDP
    | TCP_UDP
    ;

// A `names` alias or a literal address.
hostAddr
    : IPV4
    | IPV6_ADDRESS
    | WORD
    ;

rangeAddr
    : IPV4
    | IPV6_ADDRESS
    ;

routeAddr
    : IPV4
    | IPV6_ADDRESS
    | WORD
    ;

// Object, group, ACL and interface names: any single token, keywords
// included (an object-group may well be called "ANY" or "3300").
name
    : WORD | INT | IPV4 | IPV6_ADDRESS | HEXNUM | keyword
    ;

keyword
    : ACCESS_LIST | ACCESS_GROUP | OBJECT_GROUP_USER | OBJECT_GROUP_SECURITY | OBJECT_GROUP
    | OBJECT | NETWORK_OBJECT | SERVICE_OBJECT | PORT_OBJECT | PROTOCOL_OBJECT | ICMP_OBJECT
    | GROUP_OBJECT | SAME_SECURITY_TRAFFIC | SECURITY_LEVEL | MANAGEMENT_ONLY | INTER_INTERFACE
    | INTRA_INTERFACE | CONTROL_PLANE | PER_USER_OVERRIDE | TIME_RANGE | SECURITY_GROUP
    | USER_GROUP | ICMP_TYPE | TCP_UDP | EUI_64 | LINK_LOCAL | ADDRESS | ANY4 | ANY6 | ANY
    | AUTOCONFIG | DEFAULT | DENY | DESCRIPTION | DESTINATION | DHCP | DISABLE | EQ | ETHERTYPE
    | EXTENDED | FQDN | GLOBAL | GROUP | GT | HOST | IN | INACTIVE | INTERFACE | INTERVAL | IPV6
    | IP | LINE | LOG | LT | NAMEIF | NAMES | NAME | NAT | NEQ | NETWORK | OUT | PERMIT | PPPOE
    | PROTOCOL | RANGE | REMARK | ROUTE | SECURITY | SERVICE | SETROUTE | SHUTDOWN | SOURCE
    | STANDARD | STANDBY | SUBNET | TAG | TCP | UDP | USER | V4 | V6 | WEBTYPE
    ;
