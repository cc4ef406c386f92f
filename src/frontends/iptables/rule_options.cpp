// SPDX-License-Identifier: Apache-2.0
// Option parsing of one rule. Every option either narrows the Match
// exactly or makes the rule unknown with a reason that names it: an option
// the reader skips silently could hide the part of a rule that decides.
// Options of one rule are AND-ed, so each narrows what earlier ones left
// (`-s A -m iprange --src-range B` matches A ∩ B).
#include "frontends/iptables/rule_options.h"

#include <map>
#include <set>
#include <string>

#include "frontends/iptables/source_text.h"
#include "frontends/iptables/value_parsers.h"
#include "fwlint/analysis/findings.h"

namespace fwlint::iptables {
namespace {

/// Match modules whose options are all modeled below (or marked unknown by name).
bool is_modeled_module(std::string_view module) {
  static const std::set<std::string, std::less<>> modeled = {"tcp",     "udp",       "udplite", "sctp",
                                                             "dccp",    "multiport", "state",   "conntrack",
                                                             "iprange", "comment",   "addrtype"};
  return modeled.count(module) > 0;
}

/// Modules iptables knows whose effect cannot be known from the dump alone
/// (ipsets, owners, marks, rates…): the rule is unknown, without a warning,
/// because nothing is wrong with the line.
bool is_opaque_module(std::string_view module) {
  static const std::set<std::string, std::less<>> opaque = {
      "set",    "owner",     "mark",    "connmark",   "limit",     "hashlimit", "recent",  "string",
      "time",   "connlimit", "u32",     "bpf",        "statistic", "quota",     "physdev", "pkttype",
      "length", "ttl",       "hl",      "tos",        "dscp",      "ecn",       "helper",  "policy",
      "mac",    "rt",        "frag",    "ipv6header", "hbh",       "dst",       "mh",      "ah",
      "esp",    "socket",    "cgroup",  "devgroup",   "realm",     "cpu",       "nfacct",  "rpfilter",
      "osf",    "ipvs",      "cluster", "connbytes",  "connlabel", "icmp",      "icmp6",   "tcpmss",
      "eui64",  "l2tp",      "geoip",   "account"};
  return opaque.count(module) > 0;
}

/// The protocol a port module matches: `-m sctp` never matches a TCP packet.
std::optional<std::uint8_t> module_protocol(std::string_view module) {
  static const std::map<std::string, std::uint8_t, std::less<>> protocols = {
      {"tcp", 6}, {"udp", 17}, {"dccp", 33}, {"sctp", 132}, {"udplite", 136}};
  auto it = protocols.find(module);
  if (it == protocols.end()) return std::nullopt;
  return it->second;
}

bool is_bang(const Word& word) { return !word.quoted && word.text == "!"; }

bool is_option(const Word& word) { return !word.quoted && word.text.size() > 1 && word.text[0] == '-'; }

/// Old iptables wrote the negation after the option (`-d ! 10.0.0.0/8`);
/// moves it in front. A `!` followed by an option belongs to that option
/// (`-f ! -s 10.0.0.1`) and stays.
void move_negations_first(std::vector<Word>& words, std::size_t first) {
  for (std::size_t k = first; k + 2 < words.size(); ++k)
    if (is_option(words[k]) && is_bang(words[k + 1]) && !is_option(words[k + 2]) && !is_bang(words[k + 2]))
      std::swap(words[k], words[k + 1]);
}

/// What a built-in target does to the verdict; nullopt for a chain name.
std::optional<ActionKind> builtin_target(std::string_view target) {
  static const std::map<std::string, ActionKind, std::less<>> builtin = {
      {"ACCEPT", ActionKind::Allow},       {"DROP", ActionKind::Block},
      {"REJECT", ActionKind::Block},       {"RETURN", ActionKind::Return},
      {"LOG", ActionKind::Continue},       {"NFLOG", ActionKind::Continue},
      {"ULOG", ActionKind::Continue},      {"MARK", ActionKind::Continue},
      {"CONNMARK", ActionKind::Continue},  {"TRACE", ActionKind::Continue},
      {"CT", ActionKind::Continue},        {"TCPMSS", ActionKind::Continue},
      {"CLASSIFY", ActionKind::Continue},  {"DSCP", ActionKind::Continue},
      {"TOS", ActionKind::Continue},       {"SET", ActionKind::Continue},
      {"AUDIT", ActionKind::Continue},     {"CHECKSUM", ActionKind::Continue},
      {"SECMARK", ActionKind::Continue},   {"CONNSECMARK", ActionKind::Continue},
      {"IDLETIMER", ActionKind::Continue}, {"LED", ActionKind::Continue}};
  auto it = builtin.find(target);
  if (it == builtin.end()) return std::nullopt;
  return it->second;
}

class OptionReader {
 public:
  OptionReader(const SourceLine& line, const std::vector<Word>& words, PendingRule& rule, Diagnostics& diags)
      : line_(line), words_(words), rule_(rule), match_(rule.match), diags_(diags) {}

  void read(std::size_t at) {
    bool negated = false;
    while (at < words_.size()) {
      if (is_bang(words_[at])) {
        negated = true;
        ++at;
        continue;
      }
      if (target_seen_ && !is_rule_option(words_[at])) {
        // Target options (--reject-with, --log-prefix, --set-mark…) do not
        // change the verdict. A rule option after the target still narrows
        // the rule: iptables reads options in any order, and a hand-written
        // `-j ACCEPT -d 10.0.0.0/8` accepts only 10.0.0.0/8.
        at = values_end(at + 1);
      } else {
        at = read_option(at, negated);
      }
      negated = false;
    }
  }

 private:
  using Handler = std::size_t (OptionReader::*)(std::size_t at, bool negated);
  using Handlers = std::map<std::string, Handler, std::less<>>;

  /// Reads the option at `at`; returns the index of the next option.
  std::size_t read_option(std::size_t at, bool negated) {
    auto it = handlers().find(words_[at].text);
    if (words_[at].quoted || it == handlers().end()) return unknown_option(at);
    return (this->*(it->second))(at, negated);
  }

  static bool is_rule_option(const Word& word) {
    return !word.quoted && handlers().count(word.text) > 0;
  }

  static const Handlers& handlers() {
    static const Handlers handlers = {
        {"-p", &OptionReader::protocol},
        {"--protocol", &OptionReader::protocol},
        {"-s", &OptionReader::address},
        {"--source", &OptionReader::address},
        {"-d", &OptionReader::address},
        {"--destination", &OptionReader::address},
        {"-i", &OptionReader::interface},
        {"--in-interface", &OptionReader::interface},
        {"-o", &OptionReader::interface},
        {"--out-interface", &OptionReader::interface},
        {"-f", &OptionReader::fragment},
        {"--fragment", &OptionReader::fragment},
        {"-m", &OptionReader::module},
        {"--match", &OptionReader::module},
        {"-j", &OptionReader::target},
        {"--jump", &OptionReader::target},
        {"-g", &OptionReader::target},
        {"--goto", &OptionReader::target},
        // tcp, udp, udplite, sctp, dccp
        {"--sport", &OptionReader::port},
        {"--source-port", &OptionReader::port},
        {"--dport", &OptionReader::port},
        {"--destination-port", &OptionReader::port},
        {"--tcp-flags", &OptionReader::tcp_flags},
        {"--syn", &OptionReader::tcp_flags},
        {"--tcp-option", &OptionReader::tcp_flags},
        {"--chunk-types", &OptionReader::not_modeled},
        {"--dccp-types", &OptionReader::not_modeled},
        {"--dccp-option", &OptionReader::not_modeled},
        // multiport
        {"--sports", &OptionReader::port_list},
        {"--source-ports", &OptionReader::port_list},
        {"--dports", &OptionReader::port_list},
        {"--destination-ports", &OptionReader::port_list},
        {"--ports", &OptionReader::port_list},
        // state, conntrack
        {"--state", &OptionReader::state},
        {"--ctstate", &OptionReader::state},
        {"--ctproto", &OptionReader::ct_protocol},
        {"--ctdir", &OptionReader::ct_direction},
        {"--ctorigsrc", &OptionReader::not_modeled},
        {"--ctorigdst", &OptionReader::not_modeled},
        {"--ctreplsrc", &OptionReader::not_modeled},
        {"--ctrepldst", &OptionReader::not_modeled},
        {"--ctorigsrcport", &OptionReader::not_modeled},
        {"--ctorigdstport", &OptionReader::not_modeled},
        {"--ctreplsrcport", &OptionReader::not_modeled},
        {"--ctrepldstport", &OptionReader::not_modeled},
        {"--ctstatus", &OptionReader::not_modeled},
        {"--ctexpire", &OptionReader::not_modeled},
        // iprange, addrtype, comment
        {"--src-range", &OptionReader::ip_range},
        {"--dst-range", &OptionReader::ip_range},
        {"--src-type", &OptionReader::address_type},
        {"--dst-type", &OptionReader::address_type},
        {"--limit-iface-in", &OptionReader::not_modeled},
        {"--limit-iface-out", &OptionReader::not_modeled},
        {"--comment", &OptionReader::skip},
        // icmp: narrows ICMP only, never decides a TCP/UDP flow.
        {"--icmp-type", &OptionReader::not_modeled},
        {"--icmpv6-type", &OptionReader::not_modeled},
    };
    return handlers;
  }

  std::size_t protocol(std::size_t at, bool negated) {
    const Word* value = value_of(at);
    if (value == nullptr) return words_.size();
    if (auto protocols = parse_protocol(value->text))
      narrow_protocols(negated ? protocols->complement() : *protocols);
    else
      bad_value(at, *value);
    return at + 2;
  }

  std::size_t address(std::size_t at, bool negated) {
    const Word* value = value_of(at);
    if (value == nullptr) return words_.size();
    const std::string& option = words_[at].text;
    AddressMatch& side = option == "-s" || option == "--source" ? match_.src : match_.dst;
    note_family(value->text);
    if (auto addresses = parse_address_list(value->text)) {
      side.addresses = side.addresses.intersect(negated ? addresses->complement() : *addresses);
    } else if (is_noncontiguous_netmask(value->text)) {
      report(
          finding_id::kUnsupportedConstruct, Severity::Warning, value->column,
          "non-contiguous netmask in '" + value->text + "' is not supported; the rule is treated as unknown");
      mark_unknown("non-contiguous netmask " + value->text);
    } else {
      bad_value(at, *value);
    }
    return at + 2;
  }

  std::size_t interface(std::size_t at, bool negated) {
    const Word* value = value_of(at);
    if (value == nullptr) return words_.size();
    const std::string& option = words_[at].text;
    if (option == "-i" || option == "--in-interface") {
      match_.in_interface = value->text;
      match_.in_interface_negated = negated;
    } else {
      match_.out_interface = value->text;
      match_.out_interface_negated = negated;
    }
    return at + 2;
  }

  std::size_t fragment(std::size_t at, bool negated) {
    // `-f` matches only non-first fragments; a connection's first packet,
    // which the checks are about, is never one.
    if (!negated) match_.protocols = ProtocolSet{};
    return at + 1;
  }

  std::size_t module(std::size_t at, bool /*negated*/) {
    const Word* value = value_of(at);
    if (value == nullptr) return words_.size();
    const std::string& name = value->text;
    if (is_modeled_module(name)) {
      opaque_module_.clear();
      if (auto protocol = module_protocol(name)) narrow_protocols(ProtocolSet::single(*protocol));
    } else if (is_opaque_module(name)) {
      opaque_module_ = name;
      mark_unknown("-m " + name + " is not modeled");
    } else {
      report(finding_id::kUnsupportedConstruct, Severity::Warning, value->column,
             "match module '" + name + "' is not supported; the rule is treated as unknown");
      opaque_module_ = name;
      mark_unknown("-m " + name + " is not supported");
    }
    return at + 2;
  }

  std::size_t target(std::size_t at, bool /*negated*/) {
    const Word* value = value_of(at);
    if (value == nullptr) return words_.size();
    const std::string& option = words_[at].text;
    if (target_seen_) {
      // iptables refuses a rule with two targets.
      report(finding_id::kUnrecognizedLine, Severity::Warning, words_[at].column,
             "a rule has one target; iptables rejects a second " + option);
      mark_unknown("two targets");
      return at + 2;
    }
    rule_.target = value->text;
    rule_.target_column = value->column;
    if (option == "-g" || option == "--goto") {
      rule_.target_kind = TargetKind::Goto;
    } else if (auto action = builtin_target(value->text)) {
      rule_.target_kind = TargetKind::Builtin;
      rule_.action = *action;
    } else {
      rule_.target_kind = TargetKind::Chain;
    }
    target_seen_ = true;
    return at + 2;
  }

  std::size_t port(std::size_t at, bool negated) {
    const Word* value = value_of(at);
    if (value == nullptr) return words_.size();
    const std::string& option = words_[at].text;
    PortSet& ports = option == "--sport" || option == "--source-port" ? match_.src_ports : match_.dst_ports;
    if (auto range = parse_port_range(value->text))
      ports = ports.intersect(negated ? range->complement() : *range);
    else
      bad_value(at, *value);
    return at + 2;
  }

  std::size_t port_list(std::size_t at, bool negated) {
    const Word* value = value_of(at);
    if (value == nullptr) return words_.size();
    const std::string& option = words_[at].text;
    auto list = parse_port_list(value->text);
    if (!list) {
      bad_value(at, *value);
      return at + 2;
    }
    PortSet set = negated ? list->complement() : *list;
    if (option == "--dports" || option == "--destination-ports")
      match_.dst_ports = match_.dst_ports.intersect(set);
    else if (option == "--sports" || option == "--source-ports")
      match_.src_ports = match_.src_ports.intersect(set);
    else  // A packet matches --ports by either port: not one box of the packet space.
      mark_unknown("--ports matches source or destination port");
    return at + 2;
  }

  std::size_t state(std::size_t at, bool negated) {
    const Word* value = value_of(at);
    if (value == nullptr) return words_.size();
    const std::string& option = words_[at].text;
    if (auto states = parse_states(value->text)) {
      match_.states &= negated ? static_cast<std::uint8_t>(kStateAll & ~*states) : *states;
    } else if (option == "--ctstate" && (value->text.find("SNAT") != std::string::npos ||
                                         value->text.find("DNAT") != std::string::npos)) {
      // Virtual states of NATed connections, not connection states.
      mark_unknown("--ctstate " + value->text.substr(0, 60) + " is not modeled");
    } else {
      bad_value(at, *value);
    }
    return at + 2;
  }

  std::size_t ct_protocol(std::size_t at, bool negated) {
    // The original direction's protocol is the packet's protocol.
    return protocol(at, negated);
  }

  std::size_t ct_direction(std::size_t at, bool negated) {
    const Word* value = value_of(at);
    if (value == nullptr) return words_.size();
    if (auto direction = parse_direction(value->text))
      match_.directions &= negated ? static_cast<std::uint8_t>(kDirBoth & ~*direction) : *direction;
    else
      bad_value(at, *value);
    return at + 2;
  }

  std::size_t ip_range(std::size_t at, bool negated) {
    const Word* value = value_of(at);
    if (value == nullptr) return words_.size();
    AddressMatch& side = words_[at].text == "--src-range" ? match_.src : match_.dst;
    note_family(value->text);
    if (auto range = parse_ip_range(value->text))
      side.addresses = side.addresses.intersect(negated ? range->complement() : *range);
    else
      bad_value(at, *value);
    return at + 2;
  }

  std::size_t address_type(std::size_t at, bool negated) {
    const Word* value = value_of(at);
    if (value == nullptr) return words_.size();
    AddressMatch& side = words_[at].text == "--src-type" ? match_.src : match_.dst;
    if (auto types = parse_address_types(value->text))
      side.types &= negated ? static_cast<std::uint16_t>(kTypeAll & ~*types) : *types;
    else
      bad_value(at, *value);
    return at + 2;
  }

  std::size_t tcp_flags(std::size_t at, bool negated) {
    // A new connection starts with a SYN (without ACK, RST or FIN): a match
    // on exactly that still admits it; any other flag test is not modeled.
    const std::string& option = words_[at].text;
    std::size_t end = values_end(at + 1);
    bool syn_only = option == "--syn" ||
                    (option == "--tcp-flags" && end == at + 3 && words_[at + 2].text == "SYN" &&
                     (words_[at + 1].text == "ALL" || words_[at + 1].text.find("SYN") != std::string::npos));
    if (!syn_only || negated) mark_unknown(option + " is not modeled");
    return end;
  }

  std::size_t not_modeled(std::size_t at, bool /*negated*/) {
    mark_unknown(words_[at].text + " is not modeled");
    return values_end(at + 1);
  }

  std::size_t skip(std::size_t at, bool /*negated*/) { return values_end(at + 1); }

  std::size_t unknown_option(std::size_t at) {
    const Word& option = words_[at];
    bool long_option = option.text.size() > 2 && option.text[0] == '-' && option.text[1] == '-';
    if (!long_option || opaque_module_.empty()) {
      report(finding_id::kUnsupportedConstruct, Severity::Warning, option.column,
             "unknown option '" + option.text.substr(0, 60) + "'; the rule is treated as unknown");
      mark_unknown("unknown option " + option.text.substr(0, 60));
    }
    // Otherwise it belongs to the opaque module: the rule is already unknown.
    return values_end(at + 1);
  }

  /// The value word of the option at `at`, or nullptr (reported) when the
  /// line ends or the next word is `!`.
  const Word* value_of(std::size_t at) {
    if (at + 1 < words_.size() && !is_bang(words_[at + 1])) return &words_[at + 1];
    report(finding_id::kUnrecognizedLine, Severity::Warning, words_[at].column,
           "option " + words_[at].text + " needs a value");
    mark_unknown("option " + words_[at].text + " without a value");
    return nullptr;
  }

  void bad_value(std::size_t at, const Word& value) {
    report(finding_id::kUnrecognizedLine, Severity::Warning, value.column,
           "cannot read value '" + value.text.substr(0, 60) + "' of " + words_[at].text);
    mark_unknown("unreadable " + words_[at].text + " " + value.text.substr(0, 60));
  }

  /// Index of the next option or `!` at or after `at`.
  std::size_t values_end(std::size_t at) const {
    while (at < words_.size() && !is_bang(words_[at]) && !is_option(words_[at])) ++at;
    return at;
  }

  void narrow_protocols(const ProtocolSet& protocols) {
    match_.protocols = match_.protocols.intersect(protocols);
  }

  void note_family(const std::string& address) {
    if (address.find(':') != std::string::npos) rule_.names_ipv6_address = true;
  }

  void mark_unknown(std::string reason) { rule_.unknown_reasons.push_back(std::move(reason)); }

  void report(const char* id, Severity severity, std::uint32_t column, std::string message) {
    diags_.push_back(Diagnostic{id, severity, location(line_, column), std::move(message)});
  }

  const SourceLine& line_;
  const std::vector<Word>& words_;
  PendingRule& rule_;
  Match& match_;
  Diagnostics& diags_;
  std::string opaque_module_;  ///< the last -m, when its options are not modeled
  bool target_seen_ = false;
};

}  // namespace

void read_rule_options(const SourceLine& line, std::vector<Word> words, std::size_t first, PendingRule& rule,
                       Diagnostics& diags) {
  move_negations_first(words, first);
  OptionReader(line, words, rule, diags).read(first);
}

}  // namespace fwlint::iptables
