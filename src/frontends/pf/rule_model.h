// SPDX-License-Identifier: Apache-2.0
/// \file
/// What the pf reader extracts from pf.conf, before any modeling decision:
/// rules as pfctl reads them (lists not yet expanded), tables, anchors and
/// options, each with its source location. The policy builder turns this
/// into the normalized Policy; tests compare its expansion with pfctl -nv.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "fwlint/model/diagnostic.h"
#include "fwlint/model/source_location.h"

namespace fwlint::pf {

/// One item of an address list, as written (after macro expansion).
struct PfAddress {
  enum class Kind : std::uint8_t {
    Any,          ///< any
    Cidr,         ///< 10.0.0.0/8, 2001:db8::/32, 10.1.2.3 (text holds it)
    Range,        ///< 10.0.0.1 - 10.0.0.9 (text "a - b")
    Table,        ///< <name>
    Interface,    ///< em0, (em0), em0:network, em0:broadcast, em0:peer, em0:0, egress, self
    Hostname,     ///< www.example.com (pfctl resolves it when loading)
    NoRoute,      ///< no-route
    UrpfFailed,   ///< urpf-failed
  };
  Kind kind = Kind::Any;
  bool negated = false;  ///< `! item`
  std::string text;      ///< the item as pfctl prints it ("10.0.0.0/8", "<bad>", "(em0:network)")
  /// Interface items: the interface or group name and the modifier
  /// ("network", "broadcast", "peer", "0" or empty), and whether it was in
  /// parentheses (dynamic: follows address changes).
  std::string interface;
  std::string modifier;
  bool dynamic = false;
  SourceLocation location;
};

/// One item of a port list: pf.conf(5) operators.
struct PfPort {
  enum class Op : std::uint8_t {
    Eq,         ///< = p (also a bare port or service name)
    Ne,         ///< != p
    Lt,         ///< < p
    Le,         ///< <= p
    Gt,         ///< > p
    Ge,         ///< >= p
    Range,      ///< a:b (inclusive)
    Inside,     ///< a >< b (exclusive)
    Outside,    ///< a <> b (except a..b)
  };
  Op op = Op::Eq;
  std::uint16_t a = 0;
  std::uint16_t b = 0;
  SourceLocation location;
};

/// One side of a rule: `from` or `to`.
struct PfEndpoint {
  std::vector<PfAddress> addresses;  ///< empty = any
  std::vector<PfPort> ports;         ///< empty = any port
};

struct PfInterface {
  std::string name;  ///< interface or group ("em0", "egress", "lo")
  bool negated = false;
};

enum class PfAction : std::uint8_t { Pass, Block, Match, Anchor };
enum class PfDirection : std::uint8_t { Both, In, Out };
enum class PfState : std::uint8_t { Keep, Modulate, Synproxy, None };

struct PfRule;

/// An anchor: a named ruleset evaluated in place where a rule calls it.
struct PfAnchor {
  std::string name;               ///< "one", "one/two", "relayd/*"
  bool inline_rules = false;      ///< `anchor "x" { … }` or loaded from a file we read
  bool loaded_at_runtime = false; ///< contents come from outside pf.conf (pfctl -a, relayd)
  std::vector<PfRule> rules;
  SourceLocation location;
};

/// A filter rule (pass/block/match) or an anchor call, lists unexpanded.
struct PfRule {
  PfAction action = PfAction::Pass;
  PfDirection direction = PfDirection::Both;
  bool quick = false;
  bool log = false;
  /// block: drop, return, return-rst, return-icmp… as written (verdict is Block either way)
  std::string block_style;
  std::vector<PfInterface> interfaces;  ///< `on IF`, `on ! IF`, `on { a b }`; empty = any
  std::optional<int> family;            ///< 4 (inet), 6 (inet6) or unset
  std::vector<std::string> protocols;   ///< `proto tcp`, `proto { tcp udp }`; empty = any
  bool all = false;                     ///< `all` (= from any to any)
  PfEndpoint from;
  PfEndpoint to;
  std::string flags;                    ///< `flags S/SA` as written, empty = pfctl default
  std::optional<PfState> state;         ///< unset = pfctl default (keep state for pass)
  /// Everything else, kept as written for reports and the pfctl comparison:
  /// label, tag, tagged, user, group, os, icmp-type, rtable, route-to,
  /// nat-to, rdr-to, divert-to, queue, set prio, scrub, allow-opts…
  std::vector<std::string> options;
  /// Options that change which packets the rule matches and that the model
  /// cannot express (tagged, user, group, os, received-on, probability…).
  std::vector<std::string> unmodeled_matches;
  /// Address/port translation done by the rule (nat-to, rdr-to, binat-to, af-to).
  bool translates = false;
  /// For PfAction::Anchor: the anchor called (shared with other calls).
  std::shared_ptr<PfAnchor> anchor;
  /// Added by the reader: the statement could not be read (syntax error,
  /// undefined macro, macro cycle, an include that could not be read…), so
  /// the rule may pass or block anything. action, direction and quick are
  /// the reader's best guess from its words; unmodeled_matches says why.
  bool unreadable = false;
  SourceLocation location;
};

/// `table <name> [persist] [const] [counters] { … } [file "…"]`.
struct PfTable {
  std::string name;
  bool persist = false;
  bool is_const = false;
  std::vector<PfAddress> entries;          ///< inline entries
  std::vector<std::string> files;          ///< `file "…"`
  bool files_read = false;                 ///< every file was found and read
  /// Some entry could not be read and is missing from `entries`: the
  /// table holds more than we know (rules using it are unknown).
  bool unreadable_entries = false;
  SourceLocation location;
};

/// Everything read from one pf.conf and the files it includes.
struct PfConfig {
  std::vector<PfRule> rules;  ///< the main ruleset, in order
  std::vector<PfTable> tables;
  std::vector<std::string> skip_interfaces;  ///< `set skip on …`
  /// Where each skip_interfaces entry was set, in the same order (added for
  /// the policy builder: a skipped interface passes everything, and that
  /// pass is reported at its `set skip` line). May be shorter than
  /// skip_interfaces; missing entries have no location.
  std::vector<SourceLocation> skip_locations;
  /// Lines parsed but not affecting the filter verdict (scrub, antispoof,
  /// queue/altq, nat/rdr/binat, other set options): one note per kind.
  std::vector<std::pair<std::string, SourceLocation>> ignored;
};

}  // namespace fwlint::pf
