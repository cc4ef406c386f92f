// SPDX-License-Identifier: Apache-2.0
// The pfctl printer of the conformance test, and the tests of the printer
// itself at the end (the test build compiles *_test.cpp files only).
//
// pfctl's rule expansion (parse.y expand_rule) loops, outermost first, over
// interfaces, protocols, source hosts, source ports, destination hosts,
// destination ports, users and groups; a combination whose addresses have
// different families is skipped, and the rule takes the family of its
// addresses (or of its translation target) when it names none. print_rule
// (pfctl_parser.c) then writes the fields in a fixed order. Only what the
// comparison needs is reproduced exactly; options are printed as written.
#include "frontends/pf/pfctl_printer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <optional>

#include "frontends/pf/address_parser.h"

namespace fwlint::pf::test {
namespace {

/// One address after interface names were resolved on the host.
struct Host {
  std::string text = "any";
  bool negated = false;
  int af = 0;
  bool plain = false;  ///< an address/mask: may go into an automatic table
  std::string scope;   ///< interface of a scoped IPv6 address
};

struct Expanded {
  const PfRule* rule = nullptr;
  PfDirection direction = PfDirection::Both;
  std::string interface;
  std::string proto;
  int af = 0;
  Host src, dst;
  std::string src_port, dst_port;
  std::string user, group;
  std::vector<std::string> options;
};

int family_of_text(std::string_view text) {
  if (text.empty() || text == "any") return 0;
  return text.find(':') != std::string_view::npos ? 6 : 4;
}

std::string canonical_proto(const std::string& p) {
  static const std::map<std::string, std::string> names = {
      {"1", "icmp"},       {"2", "igmp"},          {"6", "tcp"},   {"17", "udp"},
      {"41", "ipv6"},      {"47", "gre"},          {"50", "esp"},  {"51", "ah"},
      {"58", "ipv6-icmp"}, {"icmp6", "ipv6-icmp"}, {"112", "carp"}};
  auto it = names.find(p);
  return it == names.end() ? p : it->second;
}

std::string port_text(const PfPort& p) {
  std::string a = std::to_string(p.a), b = std::to_string(p.b);
  switch (p.op) {
    case PfPort::Op::Eq: return "= " + a;
    case PfPort::Op::Ne: return "!= " + a;
    case PfPort::Op::Lt: return "< " + a;
    case PfPort::Op::Le: return "<= " + a;
    case PfPort::Op::Gt: return "> " + a;
    case PfPort::Op::Ge: return ">= " + a;
    case PfPort::Op::Range: return a + ":" + b;
    case PfPort::Op::Inside: return a + " >< " + b;
    case PfPort::Op::Outside: return a + " <> " + b;
  }
  return a;
}

/// "lo0/8" → the prefix length 8, or none.
std::optional<unsigned> prefix_of(const std::string& text) {
  std::size_t slash = text.rfind('/');
  if (slash == std::string::npos) return std::nullopt;
  return static_cast<unsigned>(std::stoul(text.substr(slash + 1)));
}

/// An address with the host bits of `prefix` cleared, as pfctl prints it.
std::string masked(const std::string& address, std::optional<unsigned> prefix) {
  if (!prefix) return address;
  AddressResult r = parse_address_word(address.substr(0, address.find('/')), prefix);
  return r.address ? r.address->text : address;
}

std::vector<Host> resolve(const PfAddress& a, const HostModel& host) {
  Host h;
  h.negated = a.negated;
  h.text = a.text;
  switch (a.kind) {
    case PfAddress::Kind::Any: h.text = "any"; return {h};
    case PfAddress::Kind::Cidr:
      h.af = family_of_text(a.text);
      h.plain = true;
      h.scope = a.interface;
      if (a.text == "0.0.0.0/0" || a.text == "::/0") h.text = "any";
      return {h};
    case PfAddress::Kind::Range: h.af = family_of_text(a.text); return {h};
    case PfAddress::Kind::Interface: {
      if (a.dynamic) return {h};
      std::string key = a.modifier.empty() ? a.interface : a.interface + ":" + a.modifier;
      auto it = host.interfaces.find(key);
      if (it == host.interfaces.end()) return {h};
      std::vector<Host> out;
      for (const auto& [address, af] : it->second) {
        Host r = h;
        r.text = masked(address, prefix_of(a.text));
        r.af = af;
        r.plain = true;
        out.push_back(r);
      }
      return out;
    }
    default: return {h};
  }
}

std::vector<Host> resolve_all(const std::vector<PfAddress>& list, const HostModel& host) {
  if (list.empty()) return {Host{}};
  std::vector<Host> out;
  for (const PfAddress& a : list)
    for (Host& h : resolve(a, host)) out.push_back(std::move(h));
  return out;
}

/// The value of option `keyword` ("nat-to 10.0.0.1 port 500" → "10.0.0.1"),
/// the first item of a list.
std::optional<std::string> option_target(const std::string& option, const std::string& keyword) {
  if (!option.starts_with(keyword + " ")) return std::nullopt;
  std::string rest = option.substr(keyword.size() + 1);
  std::size_t start = rest.find_first_not_of("{( ");
  if (start == std::string::npos) return std::nullopt;
  std::size_t end = rest.find_first_of(" ,})", start);
  return rest.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

/// The family a translation or routing target gives a rule naming none.
int family_from_targets(const PfRule& r) {
  for (const std::string& o : r.options)
    for (const char* k : {"nat-to", "rdr-to", "binat-to", "route-to", "reply-to", "dup-to"}) {
      std::optional<std::string> target = option_target(o, k);
      if (!target) continue;
      std::size_t slash = target->find('/');
      AddressResult a = parse_address_word(target->substr(0, slash), std::nullopt);
      if (a.address && a.address->kind == PfAddress::Kind::Cidr) return family_of_text(a.address->text);
    }
  return 0;
}

/// `user`/`group` options as pfctl lists them: a later option's items come
/// first, each mapped to its number on the host.
std::vector<std::string> id_list(const PfRule& r, const std::string& keyword,
                                 const std::map<std::string, std::string>& ids) {
  std::vector<std::string> out;
  for (const std::string& o : r.options) {
    if (!o.starts_with(keyword + " ")) continue;
    std::vector<std::string> items;
    std::string rest = o.substr(keyword.size() + 1);
    for (std::size_t i = 0; i < rest.size();) {
      std::size_t start = rest.find_first_not_of("{}, ", i);
      if (start == std::string::npos) break;
      std::size_t end = std::min(rest.find_first_of("{}, ", start), rest.size());
      std::string name = rest.substr(start, end - start);
      auto it = ids.find(name);
      items.push_back(it == ids.end() ? name : it->second);
      i = end;
    }
    out.insert(out.begin(), items.begin(), items.end());
  }
  if (out.empty()) out.push_back("");
  return out;
}

std::string host_text(const Host& h, int af) {
  std::string text = h.text;
  // A dynamic address with a prefix longer than the family allows prints
  // without it (pfctl keeps the mask per family).
  if (af == 4 && text.starts_with("(")) {
    std::optional<unsigned> prefix = prefix_of(text);
    if (prefix && *prefix > 32) text = text.substr(0, text.rfind('/'));
  }
  return (h.negated ? "! " : "") + text;
}

std::string canonical_flags(const std::string& flags) {
  static const std::string kOrder = "FSRPAUEW";
  auto order = [&](const std::string& set) {
    std::string out;
    for (char c : kOrder)
      if (set.find(c) != std::string::npos) out += c;
    return out;
  };
  std::size_t slash = flags.find('/');
  if (slash == std::string::npos) return order(flags);
  return order(flags.substr(0, slash)) + "/" + order(flags.substr(slash + 1));
}

bool is_tcp_or_any(const std::string& proto) { return proto.empty() || proto == "tcp"; }

std::string print(const Expanded& e, const std::string& anchor_name) {
  const PfRule& r = *e.rule;
  std::string s;
  switch (r.action) {
    case PfAction::Pass: s = "pass"; break;
    case PfAction::Match: s = "match"; break;
    case PfAction::Block: s = "block " + (r.block_style.empty() ? std::string("drop") : r.block_style); break;
    case PfAction::Anchor: s = "anchor \"" + anchor_name + "\""; break;
  }
  if (r.unreadable) s = "unreadable " + s;
  if (e.direction == PfDirection::In) s += " in";
  if (e.direction == PfDirection::Out) s += " out";
  if (r.log) s += " log";
  if (r.quick) s += " quick";
  if (!e.interface.empty()) s += " on " + e.interface;
  if (e.af) s += e.af == 4 ? " inet" : " inet6";
  if (!e.proto.empty()) s += " proto " + e.proto;
  bool src_any = e.src.text == "any" && !e.src.negated, dst_any = e.dst.text == "any" && !e.dst.negated;
  if (src_any && dst_any && e.src_port.empty() && e.dst_port.empty()) {
    s += " all";
  } else {
    s += " from " + host_text(e.src, e.af);
    if (!e.src_port.empty()) s += " port " + e.src_port;
    s += " to " + host_text(e.dst, e.af);
    if (!e.dst_port.empty()) s += " port " + e.dst_port;
  }
  if (!e.user.empty()) s += " user = " + e.user;
  if (!e.group.empty()) s += " group = " + e.group;
  bool keep_state = r.action == PfAction::Pass && r.state != PfState::None;
  bool fragment = std::find(r.options.begin(), r.options.end(), "fragment") != r.options.end();
  if (is_tcp_or_any(e.proto)) {
    if (r.flags == "any") {
      if (keep_state) s += " flags any";
    } else if (!r.flags.empty()) {
      s += " flags " + canonical_flags(r.flags);
    } else if (keep_state && !fragment) {
      s += " flags S/SA";
    }
  }
  if (r.action == PfAction::Pass && r.state == PfState::None) s += " no state";
  if (r.state == PfState::Modulate) s += " modulate state";
  if (r.state == PfState::Synproxy) s += " synproxy state";
  for (const std::string& o : e.options) {
    if (o.starts_with("user ") || o.starts_with("group ")) continue;
    s += " " + o;
  }
  if (r.action == PfAction::Anchor && r.anchor && r.anchor->inline_rules) s += " {";
  return s;
}

std::vector<Expanded> expand(const PfRule& r, const HostModel& host) {
  std::vector<std::string> interfaces;
  for (const PfInterface& i : r.interfaces) interfaces.push_back((i.negated ? "! " : "") + i.name);
  if (interfaces.empty()) interfaces.push_back("");
  std::vector<std::string> protos;
  for (const std::string& p : r.protocols) protos.push_back(canonical_proto(p));
  if (protos.empty()) protos.push_back("");
  std::vector<Host> sources = resolve_all(r.from.addresses, host);
  std::vector<Host> destinations = resolve_all(r.to.addresses, host);
  std::vector<std::string> src_ports, dst_ports;
  for (const PfPort& p : r.from.ports) src_ports.push_back(port_text(p));
  for (const PfPort& p : r.to.ports) dst_ports.push_back(port_text(p));
  if (src_ports.empty()) src_ports.push_back("");
  if (dst_ports.empty()) dst_ports.push_back("");
  std::vector<std::string> users = id_list(r, "user", host.users);
  std::vector<std::string> groups = id_list(r, "group", host.groups);
  int rule_af = r.family.value_or(family_from_targets(r));

  std::vector<Expanded> out;
  for (const std::string& interface : interfaces)
    for (const std::string& proto : protos)
      for (const Host& src : sources)
        for (const std::string& src_port : src_ports)
          for (const Host& dst : destinations)
            for (const std::string& dst_port : dst_ports)
              for (const std::string& user : users)
                for (const std::string& group : groups) {
                  int af = rule_af;
                  if (src.af && af && src.af != af) continue;
                  if (src.af) af = src.af;
                  if (dst.af && af && dst.af != af) continue;
                  if (dst.af) af = dst.af;
                  Expanded e{&r,  r.direction, interface, proto, af,    src,
                             dst, src_port,    dst_port,  user,  group, r.options};
                  if (e.interface.empty()) e.interface = !src.scope.empty() ? src.scope : dst.scope;
                  out.push_back(std::move(e));
                }
  return out;
}

/// `binat-to X` is a nat-to out and an rdr-to back in (pfctl prints both).
std::vector<Expanded> split_binat(std::vector<Expanded> rules) {
  std::vector<Expanded> out;
  for (Expanded& e : rules) {
    auto binat = std::find_if(e.options.begin(), e.options.end(),
                              [](const std::string& o) { return o.starts_with("binat-to "); });
    if (binat == e.options.end()) {
      out.push_back(std::move(e));
      continue;
    }
    std::string target = binat->substr(9);
    Expanded out_half = e, in_half = e;
    out_half.direction = PfDirection::Out;
    *std::find(out_half.options.begin(), out_half.options.end(), *binat) =
        "nat-to " + target + " static-port";
    in_half.direction = PfDirection::In;
    in_half.src = e.dst;
    AddressResult t = target.starts_with("(")
                          ? parse_dynamic_address(target.substr(1, target.find(')') - 1), prefix_of(target))
                          : parse_address_word(target.substr(0, target.find('/')), prefix_of(target));
    in_half.dst = Host{};
    in_half.dst.text = t.address ? t.address->text : target;
    *std::find(in_half.options.begin(), in_half.options.end(), *binat) = "rdr-to " + e.src.text;
    out.push_back(std::move(out_half));
    out.push_back(std::move(in_half));
  }
  return out;
}

/// pfctl's optimizer puts the addresses of six or more rules that differ
/// only in one address into a table <__automatic_…>.
std::vector<Expanded> combine_into_tables(std::vector<Expanded> rules) {
  constexpr std::size_t kThreshold = 6;
  if (rules.size() < kThreshold) return rules;
  auto same_except = [&](bool source) {
    for (const Expanded& e : rules) {
      const Expanded& f = rules.front();
      const Host& varying = source ? e.src : e.dst;
      const Host& fixed = source ? e.dst : e.src;
      const Host& fixed0 = source ? f.dst : f.src;
      if (!varying.plain || varying.negated || e.af != f.af || e.interface != f.interface ||
          e.proto != f.proto || fixed.text != fixed0.text || fixed.negated != fixed0.negated ||
          e.src_port != f.src_port || e.dst_port != f.dst_port || e.user != f.user || e.group != f.group)
        return false;
    }
    return true;
  };
  for (bool source : {true, false}) {
    if (!same_except(source)) continue;
    Expanded merged = rules.front();
    Host& table = source ? merged.src : merged.dst;
    table.text = "<__automatic_>";
    return {merged};
  }
  return rules;
}

void print_ruleset(const std::vector<PfRule>& rules, const std::string& path, int depth,
                   const HostModel& host, std::vector<PrintedRule>& out) {
  for (const PfRule& r : rules) {
    std::string anchor_name;
    if (r.action == PfAction::Anchor && r.anchor) {
      anchor_name = r.anchor->name;
      if (!path.empty() && anchor_name.starts_with(path + "/"))
        anchor_name = anchor_name.substr(path.size() + 1);
    }
    for (const Expanded& e : combine_into_tables(split_binat(expand(r, host))))
      out.push_back(PrintedRule{print(e, anchor_name), depth});
    if (r.action == PfAction::Anchor && r.anchor && r.anchor->inline_rules && depth < 16)
      print_ruleset(r.anchor->rules, r.anchor->name, depth + 1, host, out);
  }
}

std::vector<std::string> split_words(const std::string& line) {
  std::vector<std::string> words;
  for (std::size_t i = 0; i < line.size();) {
    while (i < line.size() && line[i] == ' ') ++i;
    if (i >= line.size()) break;
    std::size_t start = i;
    if (line[i] == '"') {
      std::size_t close = line.find('"', i + 1);
      i = close == std::string::npos ? line.size() : close + 1;
    } else {
      while (i < line.size() && line[i] != ' ') ++i;
    }
    words.push_back(line.substr(start, i - start));
  }
  return words;
}

}  // namespace

HostModel HostModel::openbsd_regress() {
  HostModel h;
  h.interfaces["lo0"] = {{"::1", 6}, {"fe80::1", 6}, {"127.0.0.1", 4}};
  h.interfaces["lo0:network"] = {{"::1", 6}, {"127.0.0.0/8", 4}};
  h.users = {{"root", "0"}, {"bin", "3"}};
  h.groups = {{"wheel", "0"}, {"bin", "7"}, {"nobody", "32767"}};
  return h;
}

std::vector<PrintedRule> print_pfctl(const PfConfig& config, const HostModel& host) {
  std::vector<PrintedRule> out;
  print_ruleset(config.rules, "", 0, host, out);
  return out;
}

std::string comparison_key(const std::string& pfctl_line) {
  std::vector<std::string> w = split_words(pfctl_line);
  if (w.empty()) return {};
  std::size_t i = 0;
  std::string action = w[i++];
  if (action == "unreadable") return "unreadable";
  if (action == "block" && i < w.size() && (w[i].starts_with("drop") || w[i].starts_with("return"))) {
    bool open = w[i].find('(') != std::string::npos && w[i].find(')') == std::string::npos;
    ++i;
    while (open && i < w.size()) open = w[i++].find(')') == std::string::npos;
  }
  if (action == "anchor" && i < w.size()) action += " " + w[i++];
  std::string direction, quick, interface, family, proto, from = "any", from_port, to = "any", to_port;
  auto host = [&]() {
    std::string h;
    if (i < w.size() && w[i] == "!") h = w[i++] + " ";
    if (i < w.size()) h += w[i++];
    if (i + 1 < w.size() && w[i] == "-") {
      h += " - " + w[i + 1];
      i += 2;
    }
    if (h.starts_with("<__automatic_")) h = "<__automatic>";
    return h;
  };
  auto port = [&]() {
    std::string p;
    if (i >= w.size() || w[i] != "port") return p;
    ++i;
    static const std::vector<std::string> unary = {"=", "!=", "<", "<=", ">", ">="};
    if (i + 1 < w.size() && std::find(unary.begin(), unary.end(), w[i]) != unary.end()) {
      p = w[i] + " " + w[i + 1];
      i += 2;
    } else if (i + 2 < w.size() && (w[i + 1] == "><" || w[i + 1] == "<>")) {
      p = w[i] + " " + w[i + 1] + " " + w[i + 2];
      i += 3;
    } else if (i < w.size()) {
      p = w[i++];
    }
    return p;
  };
  while (i < w.size()) {
    const std::string& t = w[i];
    if (t == "in" || t == "out") {
      direction = t;
      ++i;
    } else if (t == "log") {
      ++i;
      if (i < w.size() && w[i].starts_with("(")) {
        while (i < w.size() && w[i].find(')') == std::string::npos) ++i;
        ++i;
      }
    } else if (t == "quick") {
      quick = t;
      ++i;
    } else if (t == "on" && i + 1 < w.size()) {
      ++i;
      interface = w[i] == "!" && i + 1 < w.size() ? "! " + w[++i] : w[i];
      ++i;
    } else if (t == "inet" || t == "inet6") {
      family = t;
      ++i;
    } else if (t == "proto" && i + 1 < w.size()) {
      proto = w[i + 1];
      i += 2;
    } else if (t == "all") {
      ++i;
      break;
    } else if (t == "from") {
      ++i;
      from = host();
      from_port = port();
    } else if (t == "to") {
      ++i;
      to = host();
      to_port = port();
      break;
    } else {
      break;
    }
  }
  return action + "|" + direction + "|" + quick + "|" + interface + "|" + family + "|" + proto + "|" + from +
         "|" + from_port + "|" + to + "|" + to_port;
}

}  // namespace fwlint::pf::test

namespace fwlint::pf::test {
namespace {

TEST(PfPfctlPrinter, KeyOfAnOkLine) {
  EXPECT_EQ(comparison_key(
                "pass in inet proto tcp from 10.0.0.0/8 port > 1024 to ! 10.1.2.3 port != 22 flags S/SA"),
            "pass|in|||inet|tcp|10.0.0.0/8|> 1024|! 10.1.2.3|!= 22");
  EXPECT_EQ(comparison_key("block return-icmp(srcfail, admin-unr) in all"), "block|in|||||any||any|");
  EXPECT_EQ(comparison_key("anchor \"one\" all {"), "anchor \"one\"||||||any||any|");
  EXPECT_EQ(comparison_key("match out on ! lo0 inet from ! <regress.1> to <regress.2> nat-to 127.0.0.1"),
            "match|out||! lo0|inet||! <regress.1>||<regress.2>|");
  EXPECT_EQ(comparison_key("pass in on lo0 proto tcp from any port 28 >< 29 to any flags S/SA"),
            "pass|in||lo0||tcp|any|28 >< 29|any|");
}

}  // namespace
}  // namespace fwlint::pf::test
