// SPDX-License-Identifier: Apache-2.0
/// \file
/// The normalized policy graph (DESIGN.md §3): rules with set-valued matches,
/// rule lists with one of three evaluation orders, and the paths a packet
/// takes through those lists. Frontends build it; nothing after a frontend
/// knows which dialect it came from.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "fwlint/model/address.h"
#include "fwlint/model/domain.h"
#include "fwlint/model/interval_set.h"
#include "fwlint/model/source_location.h"

namespace fwlint {

/// Connection-tracking states as a bit mask.
enum ConnState : std::uint8_t {
  kStateNew = 1,
  kStateEstablished = 2,
  kStateRelated = 4,
  kStateInvalid = 8,
  kStateUntracked = 16,
  kStateAll = 31,
};

/// Which direction of a tracked connection a packet travels (iptables
/// `--ctdir`), as a bit mask.
enum ConnDirection : std::uint8_t {
  kDirOriginal = 1,  ///< client -> server: the requirement's flows
  kDirReply = 2,     ///< server -> client: their replies
  kDirBoth = 3,
};

/// Which way a packet crosses the device where a stage filters it (pf
/// `in` / `out` rules), as a bit mask.
enum PacketWay : std::uint8_t {
  kWayIn = 1,
  kWayOut = 2,
  kWayBoth = 3,
};

/// Kernel address types (iptables `-m addrtype`), as a bit mask. The
/// evaluator knows the type of each side of a checked flow: Agora's servers
/// are UNICAST, the client is UNICAST behind a gateway and LOCAL on a host.
enum AddressType : std::uint16_t {
  kTypeUnspec = 1 << 0,
  kTypeUnicast = 1 << 1,
  kTypeLocal = 1 << 2,
  kTypeBroadcast = 1 << 3,
  kTypeAnycast = 1 << 4,
  kTypeMulticast = 1 << 5,
  kTypeBlackhole = 1 << 6,
  kTypeUnreachable = 1 << 7,
  kTypeProhibit = 1 << 8,
  kTypeThrow = 1 << 9,
  kTypeNat = 1 << 10,
  kTypeXresolve = 1 << 11,
  kTypeAll = (1 << 12) - 1,
};

/// Destination (or source) side of a match: addresses plus DNS names.
struct AddressMatch {
  IpSet addresses = IpSet::all();
  /// FQDN / wildcard names this side also matches (ASA `fqdn` objects,
  /// pf hostnames left unresolved). Names never widen `addresses`.
  std::vector<DomainName> names;
  /// Address types this side may have (AddressType bits); narrows `addresses`.
  std::uint16_t types = kTypeAll;

  static AddressMatch any() { return {}; }
  static AddressMatch none() { return {IpSet{}, {}}; }
};

/// One set per packet dimension; negation is already folded into the sets.
struct Match {
  ProtocolSet protocols = ProtocolSet::all();
  PortSet src_ports = PortSet::all();
  PortSet dst_ports = PortSet::all();
  AddressMatch src;
  AddressMatch dst;
  std::uint8_t states = kStateAll;
  std::uint8_t directions = kDirBoth;  ///< ConnDirection bits
  std::uint8_t ways = kWayBoth;        ///< PacketWay bits: pf `in` / `out`
  /// Interface constraints; empty = any. A trailing '+' is a prefix wildcard.
  std::string in_interface;
  std::string out_interface;
  bool in_interface_negated = false;
  bool out_interface_negated = false;
  /// The frontend could not model this match exactly (time-range, ipset
  /// contents, an unparsed line…): it may or may not match any packet it
  /// covers, and the evaluator keeps both possibilities.
  bool unknown = false;
  std::string unknown_reason;
};

enum class ActionKind : std::uint8_t {
  Allow,     ///< terminal accept
  Block,     ///< terminal deny / drop / reject
  Call,      ///< evaluate `target`, continue here when it returns (iptables -j CHAIN, pf anchor)
  Goto,      ///< evaluate `target`, never come back here (iptables -g)
  Return,    ///< back to the caller; at top level the list's default applies
  Continue,  ///< no effect on the verdict (log, counters, marks)
};

struct Action {
  ActionKind kind = ActionKind::Block;
  int target = -1;  ///< index into Policy::lists for Call/Goto
};

struct Rule {
  Match match;
  Action action;
  /// pf `quick`: a match ends evaluation of a LastMatch list at once.
  bool quick = false;
  /// Windows "authenticated bypass": beats Block in DenyOverrides.
  bool bypass = false;
  /// An Allow that creates connection state (pf `keep state`, the default):
  /// the replies of what it passes need no rule (see Stage::state_from).
  bool keeps_state = false;
  SourceLocation location;
};

enum class EvalOrder : std::uint8_t {
  FirstMatch,     ///< iptables chains, ASA ACLs
  LastMatch,      ///< pf: last match wins unless `quick`
  DenyOverrides,  ///< Windows: bypass > block > allow, order irrelevant
};

/// What happens to a packet that falls off the end of a list evaluated as
/// the top of a stage (a built-in chain's policy, an ACL's implicit deny).
struct DefaultAction {
  ActionKind kind = ActionKind::Block;  // Allow or Block
  SourceLocation location;              // the line that decides it
  std::string description;              // e.g. "implicit deny of ACL outside_in"
  bool keeps_state = false;             // see Rule::keeps_state
};

struct RuleList {
  std::string name;
  EvalOrder order = EvalOrder::FirstMatch;
  std::vector<Rule> rules;
  /// Set for lists that can end a stage (built-in chains, applied ACLs);
  /// user chains have none and return to their caller instead.
  std::optional<DefaultAction> default_action;
};

/// One filtering step on the way from the client to the Internet, evaluated
/// from the top of `list`. A packet must be allowed by every stage.
struct Stage {
  int list = -1;  ///< index into Policy::lists
  std::string description;  ///< "ingress ACL inside_in on inside"
  /// The way packets cross the device here; rules for the other way do not
  /// apply (pf evaluates one ruleset inbound and again outbound).
  std::uint8_t way = kWayBoth;
  /// Reply stages only: the request stage (index into Path::stages) whose
  /// state admits the replies here when a state-keeping rule passed the
  /// request there; -1 = replies always need a rule (iptables).
  int state_from = -1;
};

/// A way through the device: which interfaces, which stages, which sources
/// are assumed when the user gave none.
struct Path {
  std::string name;  ///< "inside -> outside"
  /// Interfaces of the request direction; empty = not pinned (any interface
  /// but `unused_interfaces`): a rule on an interface is then unknown.
  std::string in_interface;
  std::string out_interface;
  /// Interface groups the request's ingress (egress) interface belongs to,
  /// pinned or not (pf `egress`): a rule on the group certainly applies.
  std::vector<std::string> in_groups;
  std::vector<std::string> out_groups;
  std::vector<Stage> stages;
  /// Stages the replies of an allowed flow must pass, evaluated on the reply
  /// packet (addresses, ports and interfaces swapped, state ESTABLISHED).
  /// Empty for stateful devices, which pass replies themselves (ASA, pf).
  std::vector<Stage> reply_stages;
  /// Interfaces the traffic certainly does not use where an interface is
  /// not pinned ("lo" for a host's Internet traffic).
  std::vector<std::string> unused_interfaces;
  /// Address type of the clients as the device sees them (AddressType).
  std::uint16_t client_type = kTypeUnicast;
  /// The device itself sends the requests (a host's own traffic): they have
  /// no ingress interface, and their replies no egress interface, so a rule
  /// on one never matches them (and its negation always does).
  bool sent_by_device = false;
  IpSet default_sources = client_addresses();
  std::string sources_description;  ///< why those sources ("connected subnet of inside")
};

/// The normalized policy of one input file.
struct Policy {
  std::string dialect;  ///< "asa", "iptables", ...
  std::vector<RuleList> lists;
  std::vector<Path> paths;

  int add_list(RuleList l) {
    lists.push_back(std::move(l));
    return static_cast<int>(lists.size()) - 1;
  }
};

}  // namespace fwlint
