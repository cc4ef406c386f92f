// SPDX-License-Identifier: Apache-2.0
// The "iptables" frontend: reads an iptables-save / ip6tables-save dump line
// by line (comments, *table, :CHAIN POLICY, -A CHAIN rule, COMMIT), turns
// each rule's options into a Match and its target into an Action, and builds
// one FirstMatch list per filter chain plus the host (OUTPUT) and gateway
// (FORWARD) paths.
//
// Modeling choices (each rule is either modeled exactly or marked unknown):
// - the paths get their own copy of the chains, because a rule with -i/-o is
//   unknown on a path whose interface the user did not give (--from/--to);
//   `-o lo` / `-i lo` never carry Internet traffic and stay exact;
// - `-f` matches only non-first fragments, never the first packet of a
//   connection; `--syn` / `--tcp-flags <mask with SYN> SYN` match it;
// - an undefined target, an unreadable or over-long rule line may accept or
//   drop: it becomes an unknown accept followed by an unknown drop;
// - only the last *filter section decides (iptables-restore replaces a
//   table with each section); nat/mangle/raw/security get one note.
#include "frontends/iptables/iptables_frontend.h"

#include "frontends/common/line_reader.h"

#include <algorithm>
#include <charconv>
#include <functional>
#include <map>
#include <set>

#include "fwlint/analysis/findings.h"
#include "fwlint/model/address.h"

namespace fwlint {

// Referenced by the registry so the linker keeps this object file.
volatile int kIptablesFrontendAnchor = 0;

namespace iptables {
namespace {

FrontendRegistration<IptablesFrontend> registration;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

SourceLocation loc(const SourceLine& line, std::uint32_t column = 1, std::uint32_t end_column = 0) {
  std::string_view text = line.text.substr(0, std::min<std::size_t>(line.text.size(), 512));
  return SourceLocation{line.number, column, end_column, std::string(text)};
}

std::optional<unsigned> number(std::string_view s, unsigned max) {
  unsigned v = 0;
  if (s.empty()) return std::nullopt;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || p != s.data() + s.size() || v > max) return std::nullopt;
  return v;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    std::size_t p = s.find(sep, start);
    out.push_back(s.substr(start, p == std::string_view::npos ? std::string_view::npos : p - start));
    if (p == std::string_view::npos) break;
    start = p + 1;
  }
  return out;
}

bool is_builtin_filter_chain(std::string_view c) { return c == "INPUT" || c == "FORWARD" || c == "OUTPUT"; }

std::optional<ProtocolSet> parse_protocol(std::string_view p) {
  static const std::map<std::string, unsigned, std::less<>> names = {
      {"icmp", 1},  {"igmp", 2},    {"ipip", 4},      {"tcp", 6},     {"egp", 8},          {"udp", 17},
      {"dccp", 33}, {"ipv6", 41},   {"gre", 47},      {"esp", 50},    {"ah", 51},          {"icmpv6", 58},
      {"ipv6-icmp", 58}, {"ospf", 89}, {"pim", 103},  {"ipcomp", 108}, {"vrrp", 112},      {"l2tp", 115},
      {"sctp", 132}, {"mobility-header", 135}, {"mh", 135}, {"udplite", 136}};
  std::string lower(p);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  if (lower == "all" || lower == "0") return ProtocolSet::all();
  if (auto it = names.find(lower); it != names.end()) return ProtocolSet::single(static_cast<std::uint8_t>(it->second));
  if (auto n = number(lower, 255)) return ProtocolSet::single(static_cast<std::uint8_t>(*n));
  return std::nullopt;
}

std::optional<std::uint16_t> port_value(std::string_view s) {
  if (auto n = number(s, 65535)) return static_cast<std::uint16_t>(*n);
  return service_port(s);
}

/// "80", "http", "a:b", ":b", "a:"; for multiport also "a:b" inside a list.
std::optional<PortSet> parse_port_range(std::string_view s) {
  std::size_t colon = s.find(':');
  if (colon == std::string_view::npos) {
    auto v = port_value(s);
    if (!v) return std::nullopt;
    return PortSet::single(*v);
  }
  std::string_view a = s.substr(0, colon), b = s.substr(colon + 1);
  std::optional<std::uint16_t> lo = a.empty() ? std::optional<std::uint16_t>(0) : port_value(a);
  std::optional<std::uint16_t> hi = b.empty() ? std::optional<std::uint16_t>(65535) : port_value(b);
  if (!lo || !hi) return std::nullopt;
  if (*lo > *hi) std::swap(lo, hi);  // iptables swaps reversed ranges too
  return PortSet::range(*lo, *hi);
}

std::optional<PortSet> parse_port_list(std::string_view s) {
  PortSet out;
  for (std::string_view part : split(s, ',')) {
    auto p = parse_port_range(part);
    if (!p) return std::nullopt;
    out.add(*p);
  }
  return out;
}

std::optional<IpSet> parse_one_address(std::string_view s) {
  std::size_t slash = s.find('/');
  if (slash != std::string_view::npos && s.substr(slash + 1).find('.') != std::string_view::npos)
    return parse_ipv4_with_mask(s.substr(0, slash), s.substr(slash + 1));
  return parse_cidr(s);
}

std::optional<IpSet> parse_address_list(std::string_view s) {
  IpSet out;
  for (std::string_view part : split(s, ',')) {
    auto a = parse_one_address(part);
    if (!a) return std::nullopt;
    out.add(*a);
  }
  return out;
}

std::optional<std::uint8_t> parse_states(std::string_view s) {
  std::uint8_t out = 0;
  for (std::string_view part : split(s, ',')) {
    if (part == "NEW") out |= kStateNew;
    else if (part == "ESTABLISHED") out |= kStateEstablished;
    else if (part == "RELATED") out |= kStateRelated;
    else if (part == "INVALID") out |= kStateInvalid;
    else if (part == "UNTRACKED") out |= kStateUntracked;
    else return std::nullopt;
  }
  return out;
}

/// Modules whose options are accepted but whose effect cannot be known from
/// the dump alone.
bool is_opaque_module(std::string_view m) {
  static const std::set<std::string, std::less<>> opaque = {
      "set", "owner", "mark", "connmark", "limit", "hashlimit", "recent", "string", "time",
      "connlimit", "u32", "bpf", "statistic", "quota", "physdev", "addrtype", "pkttype",
      "length", "ttl", "hl", "tos", "dscp", "ecn", "helper", "policy", "mac", "rt",
      "frag", "ipv6header", "hbh", "dst", "mh", "ah", "esp", "socket", "cgroup", "devgroup",
      "realm", "cpu", "nfacct", "rpfilter", "osf", "ipvs", "cluster", "connbytes", "connlabel",
      "dccp", "sctp", "icmp", "icmp6", "tcpmss", "eui64", "l2tp", "geoip", "account"};
  return opaque.count(m) > 0;
}

enum class TargetKind { None, Builtin, Chain, Goto };

struct PendingRule {
  Match match;
  TargetKind target_kind = TargetKind::None;
  ActionKind action = ActionKind::Continue;
  std::string target;
  std::uint32_t target_column = 1;
  SourceLocation location;
  std::vector<std::string> unknown_reasons;
  /// The line was not read completely: the rule may accept or drop.
  bool any_outcome = false;
};

struct Chain {
  std::string name;
  bool builtin = false;
  std::optional<ActionKind> policy;
  SourceLocation location;
  std::vector<PendingRule> rules;
};

struct Table {
  std::string name;
  SourceLocation location;
  std::vector<Chain> chains;
  std::map<std::string, std::size_t, std::less<>> index;
  bool committed = false;
};

class Reader {
 public:
  explicit Reader(Diagnostics& diags) : diags_(diags) {}

  void feed(const SourceLine& line) {
    std::string_view body = trim(line.text);
    if (body.empty()) return;
    if (body.front() == '#') {
      if (body.find("ip6tables-save") != std::string_view::npos) ipv6_header = true;
      return;
    }
    if (line.text.size() > kMaxParsedLineLength) {
      report(finding_id::kUnrecognizedLine, Severity::Error, loc(line),
             "line is longer than " + std::to_string(kMaxParsedLineLength) + " bytes and was not parsed");
      if (trim(line.text).substr(0, 3) == "-A " && current_ != nullptr) {
        // The rule is still there; keep its place as an unknown rule.
        std::string_view rest = trim(line.text).substr(3);
        std::string chain(rest.substr(0, rest.find(' ')));
        if (Chain* c = find_chain(chain)) {
          PendingRule r;
          r.location = loc(line);
          r.unknown_reasons.push_back("rule line too long to parse");
          r.any_outcome = true;
          c->rules.push_back(std::move(r));
        }
      }
      return;
    }
    TokenizedLine tl = tokenizer_.tokenize(line.text);
    if (tl.error) {
      report(finding_id::kUnrecognizedLine, Severity::Error, loc(line, tl.error->first),
             "cannot read line: " + tl.error->second);
      if (!tl.words.empty() && (tl.words[0].text == "-A" || tl.words[0].text == "-I")) {
        // Keep the rule, marked unknown: its text may hide a decision.
        feed_rule(line, tl.words, /*broken=*/true);
      }
      return;
    }
    auto& w = tl.words;
    if (w.empty()) return;
    const std::string& first = w[0].text;
    if (first[0] == '*') {
      start_table(line, first.substr(1));
    } else if (first[0] == ':') {
      declare_chain(line, w);
    } else if (first == "COMMIT") {
      if (current_ == nullptr)
        report(finding_id::kUnrecognizedLine, Severity::Warning, loc(line), "COMMIT outside a table");
      else
        current_->committed = true;
      current_ = nullptr;
    } else if (first == "-A" || first == "--append" || first == "-I" || first == "--insert" ||
               (first[0] == '[' && w.size() > 1 && (w[1].text == "-A" || w[1].text == "-I"))) {
      if (first[0] == '[') w.erase(w.begin());
      feed_rule(line, w, false);
    } else {
      report(finding_id::kUnrecognizedLine, Severity::Warning, loc(line, w[0].column),
             "not an iptables-save line: '" + first.substr(0, 40) + "'");
    }
  }

  void finish(const SourceLine& last) {
    if (current_ != nullptr && !current_->committed)
      report(finding_id::kUnrecognizedLine, Severity::Warning, loc(last),
             "table " + current_->name + " has no COMMIT; its rules are checked as read");
  }

  std::vector<Table> tables;
  bool ipv6_header = false;
  bool ipv6_addresses = false;
  std::size_t recognized = 0;

 private:
  void report(const char* id, Severity sev, SourceLocation where, std::string msg) {
    diags_.push_back(Diagnostic{id, sev, std::move(where), std::move(msg)});
  }

  Chain* find_chain(std::string_view name) {
    if (current_ == nullptr) return nullptr;
    auto it = current_->index.find(name);
    return it == current_->index.end() ? nullptr : &current_->chains[it->second];
  }

  void start_table(const SourceLine& line, std::string name) {
    if (current_ != nullptr && !current_->committed)
      report(finding_id::kUnrecognizedLine, Severity::Warning, loc(line),
             "table " + current_->name + " has no COMMIT before *" + name);
    Table t;
    t.name = std::move(name);
    t.location = loc(line);
    tables.push_back(std::move(t));
    current_ = &tables.back();
    ++recognized;
  }

  void declare_chain(const SourceLine& line, const std::vector<Word>& w) {
    if (current_ == nullptr) {
      report(finding_id::kUnrecognizedLine, Severity::Error, loc(line),
             "chain declared before any *table line");
      return;
    }
    std::string name = w[0].text.substr(1);
    if (name.empty() || w.size() < 2) {
      report(finding_id::kUnrecognizedLine, Severity::Warning, loc(line), "malformed chain declaration");
      return;
    }
    if (find_chain(name) != nullptr) {
      report(finding_id::kDuplicateDefinition, Severity::Warning, loc(line), "chain " + name + " declared twice");
      return;
    }
    Chain c;
    c.name = name;
    c.location = loc(line);
    const std::string& pol = w[1].text;
    if (pol != "-") {
      c.builtin = true;
      if (pol == "ACCEPT") c.policy = ActionKind::Allow;
      else if (pol == "DROP") c.policy = ActionKind::Block;
      else
        report(finding_id::kUnrecognizedLine, Severity::Warning, loc(line, w[1].column),
               "unknown chain policy '" + pol + "'");
    }
    current_->index[name] = current_->chains.size();
    current_->chains.push_back(std::move(c));
    ++recognized;
  }

  void mark_unknown(PendingRule& r, std::string reason) { r.unknown_reasons.push_back(std::move(reason)); }

  void feed_rule(const SourceLine& line, std::vector<Word>& w, bool broken) {
    if (current_ == nullptr) {
      report(finding_id::kUnrecognizedLine, Severity::Error, loc(line),
             "rule before any *table line; it is ignored");
      return;
    }
    if (w.size() < 2) {
      report(finding_id::kUnrecognizedLine, Severity::Error, loc(line), "-A without a chain");
      return;
    }
    ++recognized;
    Chain* chain = find_chain(w[1].text);
    if (chain == nullptr) {
      report(finding_id::kUndefinedReference, Severity::Warning, loc(line, w[1].column),
             "chain " + w[1].text + " is not declared in table " + current_->name);
      Chain c;
      c.name = w[1].text;
      c.builtin = current_->name == "filter" && is_builtin_filter_chain(c.name);
      c.location = loc(line);
      current_->index[c.name] = current_->chains.size();
      current_->chains.push_back(std::move(c));
      chain = &current_->chains.back();
    }
    PendingRule r;
    r.location = loc(line);
    bool insert = w[0].text == "-I" || w[0].text == "--insert";
    std::size_t start = 2;
    // `-I CHAIN [N]`: a position other than 1 is not modeled.
    if (insert && start < w.size() && !w[start].quoted && number(w[start].text, 1u << 30)) {
      if (w[start].text != "1") mark_unknown(r, "-I at position " + w[start].text + " is not modeled");
      ++start;
    }
    // Old iptables wrote the negation after the option (`-d ! 10.0.0.0/8`).
    for (std::size_t k = start; k + 2 < w.size(); ++k)
      if (!w[k].quoted && w[k].text.size() > 1 && w[k].text[0] == '-' && !w[k + 1].quoted && w[k + 1].text == "!")
        std::swap(w[k], w[k + 1]);
    parse_options(line, w, start, r);
    if (broken) {
      r.unknown_reasons.insert(r.unknown_reasons.begin(), "line could not be read completely");
      r.any_outcome = true;
    }
    if (insert) chain->rules.insert(chain->rules.begin(), std::move(r));
    else chain->rules.push_back(std::move(r));
  }

  /// Words after `i` up to the next option (a word starting with '-' that is
  /// not quoted, or '!').
  std::size_t values_end(const std::vector<Word>& w, std::size_t i) {
    while (i < w.size() && (w[i].quoted || (w[i].text != "!" && !(w[i].text.size() > 1 && w[i].text[0] == '-'))))
      ++i;
    return i;
  }

  void parse_options(const SourceLine& line, const std::vector<Word>& w, std::size_t i, PendingRule& r) {
    Match& m = r.match;
    std::set<std::string> modules;
    std::string opaque_module;
    bool target_seen = false;
    bool negate = false;
    auto need_value = [&](std::size_t at) -> const Word* {
      if (at + 1 < w.size() && (w[at + 1].quoted || w[at + 1].text != "!")) return &w[at + 1];
      report(finding_id::kUnrecognizedLine, Severity::Warning, loc(line, w[at].column),
             "option " + w[at].text + " needs a value");
      mark_unknown(r, "option " + w[at].text + " without a value");
      return nullptr;
    };
    auto bad_value = [&](const Word& opt, const Word& val) {
      report(finding_id::kUnrecognizedLine, Severity::Warning, loc(line, val.column),
             "cannot read value '" + val.text.substr(0, 60) + "' of " + opt.text);
      mark_unknown(r, "unreadable " + opt.text + " " + val.text.substr(0, 60));
    };
    while (i < w.size()) {
      const Word& opt = w[i];
      const std::string& o = opt.text;
      if (o == "!" && !opt.quoted) {
        negate = true;
        ++i;
        continue;
      }
      bool neg = negate;
      negate = false;
      if (target_seen) {
        // Target options (--reject-with, --log-prefix, --set-mark…).
        i = values_end(w, i + 1);
        continue;
      }
      if (o == "-p" || o == "--protocol") {
        const Word* v = need_value(i);
        if (!v) break;
        if (auto p = parse_protocol(v->text)) m.protocols = neg ? p->complement() : *p;
        else bad_value(opt, *v);
        i += 2;
      } else if (o == "-s" || o == "--source" || o == "-d" || o == "--destination") {
        const Word* v = need_value(i);
        if (!v) break;
        bool src = o == "-s" || o == "--source";
        if (v->text.find(':') != std::string::npos) ipv6_addresses = true;
        if (auto a = parse_address_list(v->text)) {
          IpSet set = neg ? IpSet::all().subtract(*a) : *a;
          (src ? m.src : m.dst).addresses = set;
        } else if (v->text.find('/') != std::string::npos && v->text.find(':') == std::string::npos &&
                   v->text.find(',') == std::string::npos &&
                   parse_ipv4(std::string_view(v->text).substr(0, v->text.find('/'))) &&
                   parse_ipv4(std::string_view(v->text).substr(v->text.find('/') + 1))) {
          // iptables accepts any netmask; a non-contiguous one is not a set of ranges we model.
          report(finding_id::kUnsupportedConstruct, Severity::Warning, loc(line, v->column),
                 "non-contiguous netmask in '" + v->text + "' is not supported; the rule is treated as unknown");
          mark_unknown(r, "non-contiguous netmask " + v->text);
        } else {
          bad_value(opt, *v);
        }
        i += 2;
      } else if (o == "-i" || o == "--in-interface" || o == "-o" || o == "--out-interface") {
        const Word* v = need_value(i);
        if (!v) break;
        if (o == "-i" || o == "--in-interface") {
          m.in_interface = v->text;
          m.in_interface_negated = neg;
        } else {
          m.out_interface = v->text;
          m.out_interface_negated = neg;
        }
        i += 2;
      } else if (o == "-f" || o == "--fragment") {
        // Only non-first fragments; connection checks are about first
        // packets, which `-f` never matches.
        if (!neg) m.protocols = ProtocolSet{};
        ++i;
      } else if (o == "-m" || o == "--match") {
        const Word* v = need_value(i);
        if (!v) break;
        modules.insert(v->text);
        if (is_opaque_module(v->text)) {
          opaque_module = v->text;
          mark_unknown(r, "-m " + v->text + " is not modeled");
        } else if (v->text != "tcp" && v->text != "udp" && v->text != "multiport" && v->text != "state" &&
                   v->text != "conntrack" && v->text != "iprange" && v->text != "comment") {
          report(finding_id::kUnsupportedConstruct, Severity::Warning, loc(line, v->column),
                 "match module '" + v->text + "' is not supported; the rule is treated as unknown");
          opaque_module = v->text;
          mark_unknown(r, "-m " + v->text + " is not supported");
        } else {
          opaque_module.clear();
        }
        i += 2;
      } else if (o == "--sport" || o == "--source-port" || o == "--dport" || o == "--destination-port") {
        const Word* v = need_value(i);
        if (!v) break;
        bool src = o == "--sport" || o == "--source-port";
        if (auto p = parse_port_range(v->text)) (src ? m.src_ports : m.dst_ports) = neg ? p->complement() : *p;
        else bad_value(opt, *v);
        i += 2;
      } else if (o == "--dports" || o == "--sports" || o == "--ports" || o == "--destination-ports" ||
                 o == "--source-ports") {
        const Word* v = need_value(i);
        if (!v) break;
        if (auto p = parse_port_list(v->text)) {
          PortSet set = neg ? p->complement() : *p;
          if (o == "--dports" || o == "--destination-ports") m.dst_ports = set;
          else if (o == "--sports" || o == "--source-ports") m.src_ports = set;
          else mark_unknown(r, "--ports matches source or destination port");
        } else {
          bad_value(opt, *v);
        }
        i += 2;
      } else if (o == "--state" || o == "--ctstate") {
        const Word* v = need_value(i);
        if (!v) break;
        if (auto s = parse_states(v->text)) {
          m.states = neg ? static_cast<std::uint8_t>(kStateAll & ~*s) : *s;
        } else if (o == "--ctstate" && (v->text.find("SNAT") != std::string::npos ||
                                        v->text.find("DNAT") != std::string::npos)) {
          // Virtual states of NATed connections: not a connection state we model.
          mark_unknown(r, "--ctstate " + v->text.substr(0, 60) + " is not modeled");
        } else {
          bad_value(opt, *v);
        }
        i += 2;
      } else if (o == "--src-range" || o == "--dst-range") {
        const Word* v = need_value(i);
        if (!v) break;
        std::size_t dash = v->text.find('-');
        std::optional<IpSet> a;
        if (dash != std::string::npos)
          a = parse_address_range(std::string_view(v->text).substr(0, dash),
                                  std::string_view(v->text).substr(dash + 1));
        if (a) (o == "--src-range" ? m.src : m.dst).addresses = neg ? IpSet::all().subtract(*a) : *a;
        else bad_value(opt, *v);
        i += 2;
      } else if (o == "--ctproto") {
        // The original direction's protocol is the packet's protocol.
        const Word* v = need_value(i);
        if (!v) break;
        if (auto p = parse_protocol(v->text)) m.protocols = m.protocols.intersect(neg ? p->complement() : *p);
        else bad_value(opt, *v);
        i += 2;
      } else if (o == "--icmp-type" || o == "--icmpv6-type") {
        // Narrows ICMP only; never decides TCP/UDP flows.
        mark_unknown(r, o + " is not modeled");
        i = values_end(w, i + 1);
      } else if (o == "--comment") {
        i = values_end(w, i + 1);
      } else if (o == "--tcp-flags" || o == "--syn" || o == "--tcp-option") {
        // New connections start with SYN: a SYN-only match still admits them,
        // anything else is not modeled.
        std::size_t end = values_end(w, i + 1);
        bool syn = o == "--syn" || (end == i + 3 && w[i + 2].text == "SYN" &&
                                    (w[i + 1].text == "ALL" || w[i + 1].text.find("SYN") != std::string::npos));
        if (!syn || neg) mark_unknown(r, o + " is not modeled");
        i = end;
      } else if (o == "-j" || o == "--jump" || o == "-g" || o == "--goto") {
        const Word* v = need_value(i);
        if (!v) break;
        set_target(r, v->text, v->column, o == "-g" || o == "--goto");
        target_seen = true;
        i += 2;
      } else if (o.size() > 2 && o[0] == '-' && o[1] == '-' && !opaque_module.empty()) {
        // An option of an opaque module: the rule is already unknown.
        i = values_end(w, i + 1);
      } else {
        report(finding_id::kUnsupportedConstruct, Severity::Warning, loc(line, opt.column),
               "unknown option '" + o.substr(0, 60) + "'; the rule is treated as unknown");
        mark_unknown(r, "unknown option " + o.substr(0, 60));
        i = values_end(w, i + 1);
      }
    }
  }

  void set_target(PendingRule& r, const std::string& t, std::uint32_t column, bool go) {
    r.target = t;
    r.target_column = column;
    if (go) {
      r.target_kind = TargetKind::Goto;
      return;
    }
    static const std::map<std::string, ActionKind, std::less<>> builtin = {
        {"ACCEPT", ActionKind::Allow}, {"DROP", ActionKind::Block},   {"REJECT", ActionKind::Block},
        {"RETURN", ActionKind::Return}, {"LOG", ActionKind::Continue}, {"NFLOG", ActionKind::Continue},
        {"ULOG", ActionKind::Continue}, {"MARK", ActionKind::Continue}, {"CONNMARK", ActionKind::Continue},
        {"TRACE", ActionKind::Continue}, {"CT", ActionKind::Continue}, {"TCPMSS", ActionKind::Continue},
        {"CLASSIFY", ActionKind::Continue}, {"DSCP", ActionKind::Continue}, {"TOS", ActionKind::Continue},
        {"SET", ActionKind::Continue}, {"AUDIT", ActionKind::Continue}, {"CHECKSUM", ActionKind::Continue},
        {"SECMARK", ActionKind::Continue}, {"CONNSECMARK", ActionKind::Continue},
        {"IDLETIMER", ActionKind::Continue}, {"LED", ActionKind::Continue}};
    if (auto it = builtin.find(t); it != builtin.end()) {
      r.target_kind = TargetKind::Builtin;
      r.action = it->second;
    } else {
      r.target_kind = TargetKind::Chain;
    }
  }

  Diagnostics& diags_;
  LineTokenizer tokenizer_;
  Table* current_ = nullptr;

 public:
  // tables is a vector; current_ points into it, so reserve generously.
  void reserve() { tables.reserve(64); }
};

/// Copies the filter chains into `policy` for one path, resolving targets.
/// Returns the list index of each chain.
std::vector<int> emit_lists(const Table& filter, Policy& policy, bool interfaces_known_in,
                            bool interfaces_known_out) {
  std::vector<int> index(filter.chains.size());
  int base = static_cast<int>(policy.lists.size());
  for (std::size_t c = 0; c < filter.chains.size(); ++c) index[c] = base + static_cast<int>(c);
  for (const Chain& chain : filter.chains) {
    RuleList list;
    list.name = chain.name;
    list.order = EvalOrder::FirstMatch;
    if (chain.builtin) {
      DefaultAction d;
      d.kind = chain.policy.value_or(ActionKind::Allow);
      d.location = chain.location;
      d.description = "policy of chain " + chain.name;
      list.default_action = d;
    }
    for (const PendingRule& pr : chain.rules) {
      Rule rule;
      rule.match = pr.match;
      rule.location = pr.location;
      std::vector<std::string> reasons = pr.unknown_reasons;
      bool undefined = false;
      switch (pr.target_kind) {
        case TargetKind::None: rule.action.kind = ActionKind::Continue; break;
        case TargetKind::Builtin: rule.action.kind = pr.action; break;
        case TargetKind::Chain:
        case TargetKind::Goto: {
          auto it = filter.index.find(pr.target);
          if (it == filter.index.end()) {
            undefined = true;
            reasons.push_back("target " + pr.target + " is not defined");
          } else {
            rule.action.kind = pr.target_kind == TargetKind::Goto ? ActionKind::Goto : ActionKind::Call;
            rule.action.target = index[it->second];
          }
          break;
        }
      }
      Match& m = rule.match;
      auto resolve_iface = [&](std::string& pattern, bool& negated, bool known) {
        if (pattern.empty() || known) return false;
        // Loopback never carries traffic to the Internet.
        if (pattern == "lo") {
          if (negated) pattern.clear(), negated = false;
          return false;
        }
        pattern.clear();
        negated = false;
        return true;
      };
      bool in_unknown = resolve_iface(m.in_interface, m.in_interface_negated, interfaces_known_in);
      bool out_unknown = resolve_iface(m.out_interface, m.out_interface_negated, interfaces_known_out);
      if (in_unknown || out_unknown)
        reasons.push_back(std::string("interface not known; use ") +
                          (in_unknown && out_unknown ? "--from/--to" : in_unknown ? "--from" : "--to"));
      if (!reasons.empty()) {
        m.unknown = true;
        m.unknown_reason = reasons.front();
        for (std::size_t k = 1; k < reasons.size(); ++k) m.unknown_reason += "; " + reasons[k];
      }
      if (undefined || pr.any_outcome) {
        // Could be anything: keep both outcomes possible.
        rule.action.kind = ActionKind::Allow;
        list.rules.push_back(rule);
        rule.action.kind = ActionKind::Block;
      }
      list.rules.push_back(std::move(rule));
    }
    policy.add_list(std::move(list));
  }
  return index;
}

/// Reports chain call loops once (FWL104) and undefined targets (FWL102).
void check_references(const Table& filter, Diagnostics& diags) {
  for (const Chain& chain : filter.chains)
    for (const PendingRule& r : chain.rules)
      if ((r.target_kind == TargetKind::Chain || r.target_kind == TargetKind::Goto) &&
          filter.index.find(r.target) == filter.index.end()) {
        SourceLocation where = r.location;
        where.column = r.target_column;
        where.end_column = r.target_column + static_cast<std::uint32_t>(r.target.size()) - 1;
        diags.push_back(Diagnostic{finding_id::kUndefinedReference, Severity::Warning, where,
                                   "target " + r.target + " is neither a built-in target nor a chain of table filter"});
      }
  // DFS over call/goto edges.
  std::size_t n = filter.chains.size();
  std::vector<int> color(n, 0);
  std::set<std::size_t> reported;
  std::function<void(std::size_t)> visit = [&](std::size_t c) {
    color[c] = 1;
    for (const PendingRule& r : filter.chains[c].rules) {
      if (r.target_kind != TargetKind::Chain && r.target_kind != TargetKind::Goto) continue;
      auto it = filter.index.find(r.target);
      if (it == filter.index.end()) continue;
      std::size_t t = it->second;
      if (color[t] == 1) {
        if (reported.insert(t).second) {
          SourceLocation where = r.location;
          where.column = r.target_column;
          diags.push_back(Diagnostic{finding_id::kReferenceCycle, Severity::Warning, where,
                                     "chain " + filter.chains[c].name + " jumps back to " + r.target +
                                         ", which is still being evaluated (loop)"});
        }
      } else if (color[t] == 0) {
        visit(t);
      }
    }
    color[c] = 2;
  };
  for (std::size_t c = 0; c < n; ++c)
    if (color[c] == 0) visit(c);
}

ParseResult failed(SourceLocation where, std::string message) {
  ParseResult r;
  r.policy.dialect = "iptables";
  r.status = ParseStatus::Failed;
  r.diagnostics.push_back(Diagnostic{finding_id::kUnreadableInput, Severity::Error, std::move(where), std::move(message)});
  return r;
}

}  // namespace

int detect_iptables(std::string_view head) {
  int score = 0;
  if (head.find("# Generated by iptables-save") != std::string_view::npos ||
      head.find("# Generated by ip6tables-save") != std::string_view::npos ||
      head.find("# Generated by iptables-nft-save") != std::string_view::npos)
    score += 60;
  LineReader lines(head);
  SourceLine line;
  int tables = 0, chains = 0, rules = 0, commits = 0;
  while (lines.next(line)) {
    std::string_view b = trim(line.text);
    if (b.size() > 1 && b[0] == '*' && b.find(' ') == std::string_view::npos &&
        (b == "*filter" || b == "*nat" || b == "*mangle" || b == "*raw" || b == "*security"))
      ++tables;
    else if (b.size() > 1 && b[0] == ':' && (b.find(" ACCEPT") != std::string_view::npos ||
                                              b.find(" DROP") != std::string_view::npos ||
                                              b.find(" - [") != std::string_view::npos || b.ends_with(" -")))
      ++chains;
    else if (b.starts_with("-A ") || (b.starts_with("[") && b.find("] -A ") != std::string_view::npos))
      ++rules;
    else if (b == "COMMIT")
      ++commits;
  }
  if (tables > 0) score += 30;
  if (chains > 0) score += 20;
  if (commits > 0) score += 10;
  if (rules > 0 && (tables > 0 || chains > 0)) score += 20;
  else if (rules > 2) score += 25;  // a bare list of -A lines (ufw rule files)
  return std::min(score, 100);
}

int IptablesFrontend::detect(std::string_view head) const { return detect_iptables(head); }

ParseResult IptablesFrontend::parse(const std::string& /*file_name*/, std::string_view content,
                                    const PathOptions& options) const {
  if (content.empty()) return failed(SourceLocation{1, 1, 0, ""}, "input is empty");
  std::string_view text = content;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  if (text.find('\0') != std::string_view::npos)
    return failed(SourceLocation{1, 1, 0, ""}, "input is not a text file (it contains NUL bytes)");

  ParseResult result;
  result.policy.dialect = "iptables";
  Reader reader(result.diagnostics);
  reader.reserve();
  LineReader lines(text);
  SourceLine line, last;
  while (lines.next(line)) {
    if (reader.tables.size() >= 64 && trim(line.text).starts_with("*")) {
      result.diagnostics.push_back(Diagnostic{finding_id::kUnsupportedConstruct, Severity::Error, loc(line),
                                              "more than 64 tables; the rest of the input is ignored"});
      break;
    }
    reader.feed(line);
    last = line;
  }
  reader.finish(last);

  if (reader.recognized == 0)
    return failed(SourceLocation{1, 1, 0, std::string(trim(text.substr(0, text.find('\n'))).substr(0, 200))},
                  "input does not look like an iptables-save dump");

  const Table* filter = nullptr;
  bool noted = false;
  for (const Table& t : reader.tables) {
    if (t.name == "filter") {
      // iptables-restore replaces a table with each of its sections: the last one counts.
      if (filter != nullptr)
        result.diagnostics.push_back(Diagnostic{finding_id::kDuplicateDefinition, Severity::Warning, t.location,
                                                "table filter appears again; it replaces the one at line " +
                                                    std::to_string(filter->location.line)});
      filter = &t;
    } else if (!noted) {
      noted = true;
      result.diagnostics.push_back(Diagnostic{finding_id::kUnsupportedConstruct, Severity::Note, t.location,
                                              "table " + t.name +
                                                  " (and any other table but filter) does not affect the verdict"});
    }
  }
  // ip6tables-save says so in its header; a hand-written dump shows it by
  // its addresses.
  Family family = reader.ipv6_header || reader.ipv6_addresses ? Family::V6 : Family::V4;

  if (family == Family::V6 && !options.ipv6)
    result.diagnostics.push_back(Diagnostic{finding_id::kUnsupportedConstruct, Severity::Note,
                                            SourceLocation{1, 1, 0, ""},
                                            "this is an ip6tables dump: it filters IPv6 only; use --ipv6 to check it"});
  if (filter == nullptr) {
    result.diagnostics.push_back(Diagnostic{finding_id::kUnsupportedConstruct, Severity::Note,
                                            SourceLocation{1, 1, 0, ""},
                                            "no *filter table: nothing is filtered, every path accepts"});
  } else {
    check_references(*filter, result.diagnostics);
  }

  std::string from = options.from_interfaces.empty() ? "" : options.from_interfaces.front();
  std::string to = options.to_interface;
  auto add_path = [&](const char* name, const char* chain_name, std::string in, std::string out, bool in_known,
                      bool out_known) {
    Path path;
    path.name = name;
    path.in_interface = std::move(in);
    path.out_interface = std::move(out);
    path.default_sources = IpSet::all_of(family);
    path.sources_description = family == Family::V6 ? "any IPv6 address" : "any IPv4 address";
    if (filter != nullptr) {
      auto it = filter->index.find(chain_name);
      if (it == filter->index.end()) return;
      std::vector<int> index = emit_lists(*filter, result.policy, in_known, out_known);
      path.stages.push_back(Stage{index[it->second], std::string("filter ") + chain_name});
    } else {
      RuleList empty;
      empty.name = chain_name;
      empty.default_action = DefaultAction{ActionKind::Allow, SourceLocation{}, "no filter table"};
      path.stages.push_back(Stage{result.policy.add_list(std::move(empty)), std::string("filter ") + chain_name});
    }
    result.policy.paths.push_back(std::move(path));
  };
  add_path("host (OUTPUT)", "OUTPUT", "", to, true, !to.empty());
  add_path("gateway (FORWARD)", "FORWARD", from, to, !from.empty(), !to.empty());
  if (filter != nullptr && result.policy.paths.empty()) {
    // Only user chains (a ufw rule file): keep them, with nothing to check.
    emit_lists(*filter, result.policy, true, true);
    result.diagnostics.push_back(Diagnostic{finding_id::kUnsupportedConstruct, Severity::Note, filter->location,
                                            "table filter declares neither OUTPUT nor FORWARD; no path to check"});
  }

  bool partial = false;
  for (const Diagnostic& d : result.diagnostics)
    if (d.id == std::string(finding_id::kUnrecognizedLine) || d.id == std::string(finding_id::kUndefinedReference) ||
        (d.id == std::string(finding_id::kUnsupportedConstruct) && d.severity != Severity::Note))
      partial = true;
  result.status = partial ? ParseStatus::Partial : ParseStatus::Ok;
  return result;
}

}  // namespace iptables
}  // namespace fwlint
