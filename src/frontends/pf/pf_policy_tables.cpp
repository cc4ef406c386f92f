// SPDX-License-Identifier: Apache-2.0
#include "frontends/pf/pf_policy_tables.h"

#include <algorithm>
#include <charconv>

#include "fwlint/analysis/findings.h"

namespace fwlint::pf {
namespace {

void note(Diagnostics& diags, const SourceLocation& where, std::string message) {
  diags.push_back(Diagnostic{finding_id::kUnsupportedConstruct, Severity::Note, where, std::move(message)});
}

/// One listed entry as a set with its prefix length (pf compares entries
/// by how specific they are).
struct Entry {
  IpSet addresses;
  unsigned prefix = 0;
  bool negated = false;
};

/// The prefix length written after '/', or the full length of the family.
unsigned prefix_of(const std::string& text, const IpSet& addresses) {
  unsigned full = addresses.v6.empty() ? 32 : 128;
  std::size_t slash = text.find('/');
  if (slash == std::string::npos) return full;
  unsigned value = full;
  std::from_chars(text.data() + slash + 1, text.data() + text.size(), value);
  return std::min(value, full);
}

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : ", ") + p;
  return out;
}

}  // namespace

TableContents listed_contents(const PfTable& table) {
  TableContents out;
  std::vector<Entry> entries;
  std::vector<std::string> unmodeled;
  for (const PfAddress& a : table.entries) {
    std::optional<IpSet> set;
    if (a.kind == PfAddress::Kind::Cidr) set = parse_cidr(a.text);
    if (set) {
      entries.push_back(Entry{*set, prefix_of(a.text, *set), a.negated});
      continue;
    }
    std::optional<DomainName> name;
    if (a.kind == PfAddress::Kind::Hostname && !a.negated) name = DomainName::parse(a.text);
    if (name) {
      out.names.push_back(std::move(*name));
      continue;
    }
    unmodeled.push_back((a.negated ? "!" : "") + a.text);
  }
  // Less specific entries first: a more specific one then overrides them,
  // which is pf's longest-prefix lookup for nested entries.
  std::stable_sort(entries.begin(), entries.end(),
                   [](const Entry& x, const Entry& y) { return x.prefix < y.prefix; });
  for (const Entry& e : entries)
    out.addresses = e.negated ? out.addresses.subtract(e.addresses) : out.addresses.unite(e.addresses);
  if (!unmodeled.empty())
    out.unknown_reason =
        "table <" + table.name + "> lists " + join(unmodeled) + ", whose addresses are not in pf.conf";
  return out;
}

TableResolver::TableResolver(const std::vector<PfTable>& tables, Diagnostics& diags) : diags_(diags) {
  for (const PfTable& t : tables) tables_.emplace(t.name, &t);  // the reader keeps the first definition
}

const TableContents& TableResolver::contents(const std::string& name, const SourceLocation& used_at) {
  auto it = resolved_.find(name);
  if (it != resolved_.end()) return it->second;
  return resolved_.emplace(name, resolve(name, used_at)).first->second;
}

TableContents TableResolver::resolve(const std::string& name, const SourceLocation& used_at) {
  auto it = tables_.find(name);
  if (it == tables_.end()) {
    TableContents unknown;
    unknown.unknown_reason =
        "table <" + name + "> is not defined in pf.conf; its addresses are added at run time";
    note(diags_, used_at, unknown.unknown_reason + ": rules using it are unknown");
    return unknown;
  }
  const PfTable& table = *it->second;
  TableContents out = listed_contents(table);
  bool files_missing = !table.files.empty() && !table.files_read;
  bool filled_at_run_time = table.entries.empty() && table.files.empty() && !table.is_const;
  auto add_reason = [&out](const std::string& reason) {
    out.unknown_reason += (out.unknown_reason.empty() ? "" : "; ") + reason;
  };
  if (files_missing) add_reason("table <" + name + ">: a file it loads was not read");
  if (table.unreadable_entries) add_reason("table <" + name + "> has entries that could not be read");
  if (filled_at_run_time)
    add_reason("table <" + name + "> has no entries in pf.conf; it is filled at run time");
  if (!out.unknown_reason.empty()) {
    note(diags_, table.location, out.unknown_reason + ": rules using it are unknown");
  } else if (!table.is_const) {
    note(diags_, table.location,
         "table <" + name +
             "> is not const: it is checked with the entries pf.conf gives it, but "
             "pfctl -t " +
             name + " -T add/delete (or an overload rule) can change them at run time");
  }
  return out;
}

}  // namespace fwlint::pf
