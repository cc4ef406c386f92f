// SPDX-License-Identifier: Apache-2.0
/// \file
/// Text output for people: compiler-style lines (`file:line:col: severity:
/// message [ID]` with the source line and a caret underline, as clang prints
/// them), then one summary block per SDK check and a one-line total.
///
/// Everything that comes from the input (paths, source lines, messages that
/// quote them) is made safe for a terminal first: control characters and
/// bidirectional overrides are replaced, so a hostile config cannot move
/// the cursor or recolor the screen.

#include <algorithm>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "fwlint/report/fix_suggestion.h"
#include "fwlint/report/reporter.h"
#include "report/report_util.h"

namespace fwlint {
namespace {

using namespace report_detail;

constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kRed = "\x1b[1;31m";
constexpr std::string_view kGreen = "\x1b[1;32m";
constexpr std::string_view kYellow = "\x1b[1;33m";
constexpr std::string_view kMagenta = "\x1b[1;35m";
constexpr std::string_view kCyan = "\x1b[1;36m";
constexpr std::string_view kReset = "\x1b[0m";

constexpr std::size_t kTabWidth = 8;
constexpr std::size_t kMaxSnippetWidth = 160;  // display cells of a source excerpt
constexpr std::size_t kSnippetLead = 60;       // cells kept left of the caret when cut
constexpr std::size_t kMaxQuotedLine = 100;    // code points of a line quoted in a summary
constexpr std::size_t kMaxListed = 3;          // domains / sources named per flow
constexpr std::size_t kMaxMessage = 2000;      // code points of a message

class Painter {
 public:
  explicit Painter(bool on) : on_(on) {}
  std::string operator()(std::string_view code, std::string_view text) const {
    if (!on_ || text.empty()) return std::string(text);
    std::string s(code);
    s += text;
    s += kReset;
    return s;
  }

 private:
  bool on_;
};

/// Decodes one UTF-8 sequence at `i`; returns its length (1 for an invalid
/// byte, with `cp` = -1).
std::size_t decode(std::string_view s, std::size_t i, long& cp) {
  auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    cp = c;
    return 1;
  }
  std::size_t len = (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (len == 0 || i + len > s.size()) {
    cp = -1;
    return 1;
  }
  long v = c & (0x7F >> len);
  for (std::size_t j = 1; j < len; ++j) {
    auto cc = static_cast<unsigned char>(s[i + j]);
    if ((cc & 0xC0) != 0x80) {
      cp = -1;
      return 1;
    }
    v = (v << 6) | (cc & 0x3F);
  }
  static const long kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (v < kMin[len] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
    cp = -1;
    return 1;
  }
  cp = v;
  return len;
}

bool unsafe_codepoint(long cp) {
  return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E ||
         cp == 0x200F;
}

/// What a code point shows as: itself, or a replacement when it could
/// control the terminal or is not valid UTF-8. Tabs and line breaks are
/// left to the caller.
std::string_view shown_as(long cp, std::string_view bytes) {
  if (cp < 0) return "\xEF\xBF\xBD";  // U+FFFD
  if (unsafe_codepoint(cp)) return "?";
  return bytes;
}

/// A line split into display cells (one terminal column each), with the
/// first cell of every code point, so 1-based code-point columns map to
/// cells even after tabs were expanded.
struct Cells {
  std::vector<std::string> cells;
  std::vector<std::size_t> first_cell;  // per code point, plus one past the end
};

Cells to_cells(std::string_view text) {
  Cells out;
  for (std::size_t i = 0; i < text.size();) {
    long cp;
    std::size_t len = decode(text, i, cp);
    out.first_cell.push_back(out.cells.size());
    if (cp == '\t') {
      do out.cells.emplace_back(" ");
      while (out.cells.size() % kTabWidth != 0);
    } else if (cp == '\r' || cp == '\n') {
      out.cells.emplace_back(" ");
    } else {
      out.cells.emplace_back(shown_as(cp, text.substr(i, len)));
    }
    i += len;
  }
  out.first_cell.push_back(out.cells.size());
  return out;
}

/// One-line text safe for a terminal (tabs and line breaks become spaces);
/// at most `max_codepoints`, then an ellipsis.
std::string safe(std::string_view text, std::size_t max_codepoints = std::string::npos) {
  std::string out;
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size(); ++n) {
    if (n == max_codepoints) {
      out += "\xE2\x80\xA6";  // …
      break;
    }
    long cp;
    std::size_t len = decode(text, i, cp);
    if (cp == '\t' || cp == '\r' || cp == '\n')
      out += ' ';
    else
      out += shown_as(cp, text.substr(i, len));
    i += len;
  }
  return out;
}

/// A quoted source line for summaries: blanks collapsed, safe, shortened.
std::string quoted_line(std::string_view text) {
  // Bound the work on gigantic lines before normalizing.
  std::string s = normalize_space(text.substr(0, 8 * kMaxQuotedLine));
  return safe(s, kMaxQuotedLine - 1 + (codepoint_count(s) <= kMaxQuotedLine ? 1 : 0));
}

/// The part of a (possibly gigantic) line worth showing around code point
/// `col0` (0-based): the whole line when it is short. `skipped` receives the
/// number of code points cut on the left.
std::string_view source_window(std::string_view text, std::size_t col0, std::size_t& skipped) {
  constexpr std::size_t kSmall = 4096, kBefore = 2 * kMaxSnippetWidth, kBytes = 2048;
  skipped = 0;
  if (text.size() <= kSmall) return text;
  std::size_t begin = 0;
  long cp;
  while (begin < text.size() && skipped + kBefore < col0) {
    begin += decode(text, begin, cp);
    ++skipped;
  }
  std::size_t end = std::min(text.size(), begin + kBytes);
  while (end < text.size() && end > begin && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
    --end;
  return text.substr(begin, end - begin);
}

std::string severity_paint(const Painter& paint, Severity s) {
  switch (s) {
    case Severity::Error: return paint(kRed, severity_word(s));
    case Severity::Warning: return paint(kMagenta, severity_word(s));
    case Severity::Note: return paint(kCyan, severity_word(s));
  }
  return severity_word(s);
}

/// `file:line:col: severity: message [ID]`, then the source excerpt.
void write_diagnostic(std::ostream& out, const Painter& paint, const std::string& path,
                      const std::string& id, Severity severity, const SourceLocation& where,
                      const std::string& message) {
  std::string place = safe(where.file.empty() ? path : where.file) + ":";
  if (where.known()) {
    place += std::to_string(where.line) + ":" +
             std::to_string(std::max<std::uint32_t>(where.column, 1)) + ":";
  }
  out << paint(kBold, place) << ' ' << severity_paint(paint, severity) << ": "
      << paint(kBold, safe(message, kMaxMessage));
  if (!id.empty()) out << " [" << safe(id) << "]";
  out << '\n';
  if (!where.known() || where.text.empty()) return;

  std::size_t col = std::max<std::uint32_t>(where.column, 1) - 1;
  std::size_t skipped = 0;
  std::string_view shown = source_window(where.text, col, skipped);
  bool cut_left = skipped > 0;
  bool cut_right = shown.data() + shown.size() < where.text.data() + where.text.size();
  Cells line = to_cells(shown);
  std::size_t ncp = line.first_cell.size() - 1;
  col -= skipped;
  std::size_t start = line.first_cell[std::min(col, ncp)];
  std::size_t end_cp = where.end_column == 0 ? ncp
                       : where.end_column > skipped ? where.end_column - skipped
                                                    : 0;
  std::size_t end = line.first_cell[std::min(end_cp, ncp)];
  // A location past the text, or ending before it starts, still gets a caret.
  if (end <= start) end = start + 1;

  std::size_t total = std::max(line.cells.size(), end);
  std::size_t from = 0, to = total;
  if (total > kMaxSnippetWidth) {
    from = start > kSnippetLead ? start - kSnippetLead : 0;
    to = std::min(total, from + kMaxSnippetWidth);
  }
  bool ellipsis_left = cut_left || from > 0;
  std::string text = ellipsis_left ? "\xE2\x80\xA6" : "";
  for (std::size_t i = from; i < std::min(to, line.cells.size()); ++i) text += line.cells[i];
  if (to < line.cells.size() || cut_right) text += "\xE2\x80\xA6";
  std::string pad(ellipsis_left ? 1 : 0, ' ');
  std::string marks;
  for (std::size_t i = from; i < to; ++i) {
    if (i < start) pad += ' ';
    else if (i == start) marks += '^';
    else if (i < end) marks += '~';
  }

  std::string number = std::to_string(where.line);
  std::string gutter(std::max<std::size_t>(number.size(), 4) + 1, ' ');
  std::string numbered = gutter.substr(number.size()) + number;
  out << numbered << " | " << text << '\n';
  out << gutter << " | " << pad << paint(kGreen, marks) << '\n';
}

/// The suggested lines under a finding:
///   `  help: add before line 45: access-list ... eq 3478`
/// and the further lines aligned under the first.
void write_fix(std::ostream& out, const Painter& paint, const FixSuggestion& fix) {
  std::string head = "add before ";
  if (!fix.file.empty()) head += safe(fix.file) + " ";
  head += "line " + std::to_string(fix.before_line) + ": ";
  std::string pad(std::string_view("  help: ").size() + codepoint_count(head), ' ');
  for (std::size_t i = 0; i < fix.lines.size(); ++i) {
    if (i == 0)
      out << "  " << paint(kBold, "help") << ": " << head;
    else
      out << pad;
    out << safe(fix.lines[i]) << '\n';
  }
}

/// A failed or undecided check whose every finding is suppressed in the
/// config: it neither prints nor fails the run, and says so.
bool settled_by_suppressions(const CheckResult& check) {
  if (check.verdict == CheckVerdict::Pass) return false;
  return !check.findings.empty() &&
         std::all_of(check.findings.begin(), check.findings.end(),
                     [](const Finding& f) { return f.suppression.has_value(); });
}

std::string check_verdict_label(const Painter& paint, CheckVerdict v) {
  switch (v) {
    case CheckVerdict::Pass: return paint(kGreen, "PASS");
    case CheckVerdict::Fail: return paint(kRed, "FAIL");
    case CheckVerdict::Unknown: return paint(kYellow, "UNKNOWN");
    case CheckVerdict::ProxyRequired: return paint(kCyan, "PROXY REQUIRED");
  }
  return "UNKNOWN";
}

std::string flow_verdict_label(const Painter& paint, Verdict v) {
  switch (v) {
    case Verdict::Allowed: return paint(kGreen, "allowed");
    case Verdict::Blocked: return paint(kRed, "blocked");
    case Verdict::Unknown: return paint(kYellow, "unknown");
  }
  return "unknown";
}

/// "line 42 (deny rule): access-list ..." or the description alone for a
/// decider that has no line.
std::string decider_text(const Decider& d) {
  std::string desc = safe(normalize_space(d.description));
  // The evaluator's words for a plain permit or deny add nothing to "by".
  if (desc == "blocked by" || desc == "allowed by") desc.clear();
  if (!d.location.known()) return desc.empty() ? "an unlocated rule" : desc;
  std::string s = "line " + std::to_string(d.location.line);
  if (!desc.empty()) s += " (" + desc + ")";
  std::string text = quoted_line(d.location.text);
  if (!text.empty()) s += ": " + text;
  return s;
}

std::string deciders_text(const std::vector<Decider>& deciders) {
  if (deciders.empty()) return "";
  std::string s = decider_text(deciders.front());
  if (deciders.size() > 1) {
    std::vector<std::string> rest;
    for (std::size_t i = 1; i < deciders.size(); ++i) {
      const auto& d = deciders[i];
      std::string item = !d.location.known() ? safe(normalize_space(d.description))
                         : d.location.file.empty()
                             ? "line " + std::to_string(d.location.line)
                             : safe(d.location.file) + ":" + std::to_string(d.location.line);
      // One line can decide twice (a request and its replies): name it once.
      if (d.location.known() && d.location.line == deciders.front().location.line &&
          d.location.file == deciders.front().location.file)
        continue;
      if (std::find(rest.begin(), rest.end(), item) == rest.end()) rest.push_back(std::move(item));
    }
    if (!rest.empty()) s += "; also " + join_limited(rest, kMaxListed);
  }
  return s;
}

void write_flow(std::ostream& out, const Painter& paint, const Flow& flow) {
  out << "  " << flow_verdict_label(paint, flow.verdict) << "  " << transport_word(flow.transport);
  std::string ports = compact_ports(flow.ports);
  if (!ports.empty()) out << ' ' << ports;
  if (!flow.feature.empty()) out << " for " << safe(flow.feature);
  if (!flow.domains.empty()) {
    std::vector<std::string> domains;
    for (const auto& d : flow.domains) domains.push_back(safe(d));
    out << " (" << join_limited(domains, kMaxListed) << ")";
  }
  if (!flow.destinations.empty())
    out << " to " << join_limited(address_strings(flow.destinations), kMaxListed);
  if (!flow.all_sources) {
    // "any4 except 192.168.10.0/24" says more than the blocks that make it.
    std::string described = format_ipset(flow.sources);
    auto sources = address_strings(flow.sources);
    out << " from "
        << (described.starts_with("any") ? described
            : sources.empty()           ? std::string("no source")
                                        : join_limited(sources, kMaxListed));
  }
  if (!flow.source_ports.is_all()) out << " source port " << compact_ports(flow.source_ports);
  if (flow.by_replies) out << ": replies";
  if (flow.verdict != Verdict::Allowed && !flow.decided_by.empty()) {
    out << (flow.verdict == Verdict::Blocked ? " by " : " because of ")
        << deciders_text(flow.decided_by);
  }
  out << '\n';
}

void write_check(std::ostream& out, const Painter& paint, const CheckResult& check) {
  std::string head = safe(check.sdk);
  if (!check.sdk_version.empty()) head += " " + safe(check.sdk_version);
  if (!check.proxy_mode.empty()) head += " via cloud proxy " + safe(check.proxy_mode);
  std::vector<std::string> details;
  if (!check.pack.empty()) details.push_back(safe(check.pack));
  // Which optional features the verdict covers, so a PASS without one is
  // not read as a PASS with it.
  auto listed = [](const std::vector<std::string>& items) {
    std::string s;
    for (const auto& i : items) s += (s.empty() ? "" : ", ") + safe(i);
    return s;
  };
  if (!check.features.empty()) details.push_back("with " + listed(check.features));
  if (!check.features_left_out.empty()) details.push_back("without " + listed(check.features_left_out));
  if (!check.path.empty() && check.path != "-") details.push_back("path " + safe(check.path));
  if (!check.sources.empty()) details.push_back("sources " + safe(check.sources));
  if (check.family == Family::V6) details.push_back("IPv6");
  if (!details.empty()) {
    head += " (";
    for (std::size_t i = 0; i < details.size(); ++i) head += (i ? ", " : "") + details[i];
    head += ")";
  }
  out << paint(kBold, head + ":") << ' ' << check_verdict_label(paint, check.verdict)
      << (settled_by_suppressions(check) ? " (every finding suppressed)" : "") << '\n';

  for (const auto& f : check.findings) {
    if (f.id == finding_id::kNeedsCloudProxy && !f.suppression)
      out << "  " << paint(kCyan, "note") << "     " << safe(f.message) << '\n';
  }
  // Most important first: blocked, then unknown, then allowed. Allowed
  // flows show no deciding lines, so those that differ only in their
  // deciders are merged into one line per protocol, domains and sources.
  // When everything passed, the requirement space of each protocol (ports x
  // domains x sources) is allowed as a whole: one line per protocol says so
  // exactly, however the rules split it. Flows towards listed addresses (the
  // cloud proxy's) stay apart: each set of ports was required towards its
  // own addresses, not towards the union.
  bool all_allowed = std::all_of(check.flows.begin(), check.flows.end(),
                                 [](const Flow& f) { return f.verdict == Verdict::Allowed; });
  std::vector<const Flow*> flows;
  std::vector<Flow> allowed;
  for (const auto& f : check.flows) {
    if (f.verdict != Verdict::Allowed) {
      flows.push_back(&f);
      continue;
    }
    auto same = std::find_if(allowed.begin(), allowed.end(), [&f, all_allowed](const Flow& a) {
      if (all_allowed) return a.transport == f.transport && a.destinations == f.destinations;
      return a.transport == f.transport && a.domains == f.domains && a.feature == f.feature &&
             a.destinations == f.destinations &&
             a.all_sources == f.all_sources && (a.all_sources || a.sources == f.sources) &&
             a.source_ports == f.source_ports;
    });
    if (same == allowed.end()) {
      allowed.push_back(f);
      allowed.back().decided_by.clear();
      if (all_allowed) {
        allowed.back().all_sources = true;
        allowed.back().source_ports = PortSet::all();
      }
    } else {
      same->ports.add(f.ports);
      for (const auto& d : f.domains)
        if (std::find(same->domains.begin(), same->domains.end(), d) == same->domains.end())
          same->domains.push_back(d);
    }
  }
  std::stable_sort(flows.begin(), flows.end(), [](const Flow* a, const Flow* b) {
    return a->verdict == Verdict::Blocked && b->verdict != Verdict::Blocked;
  });
  for (const Flow* f : flows) write_flow(out, paint, *f);
  for (const Flow& f : allowed) write_flow(out, paint, f);
}

std::string counted(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string total_line(const std::vector<FileResult>& files) {
  std::size_t failed = 0, unknown = 0, proxy = 0, passed = 0, suppressed = 0, not_analyzed = 0;
  for (const auto& file : files) {
    if (file.status == ParseStatus::Failed) ++not_analyzed;
    for (const auto& c : file.checks) {
      if (settled_by_suppressions(c)) {
        ++suppressed;
        continue;
      }
      switch (c.verdict) {
        case CheckVerdict::Fail: ++failed; break;
        case CheckVerdict::Unknown: ++unknown; break;
        case CheckVerdict::ProxyRequired: ++proxy; break;
        case CheckVerdict::Pass: ++passed; break;
      }
    }
  }
  struct Part {
    std::size_t n;
    const char* one;   // verb for one, when not the first part
    const char* many;
  };
  const Part parts[] = {{failed, "failed", "failed"},
                        {unknown, "unknown", "unknown"},
                        {proxy, "needs the cloud proxy", "need the cloud proxy"},
                        {suppressed, "is suppressed", "are suppressed"},
                        {passed, "passed", "passed"}};
  std::string s;
  for (const auto& p : parts) {
    if (p.n == 0) continue;
    if (s.empty())
      s = counted(p.n, "check", "checks") + " " + (p.n == 1 ? p.one : p.many);
    else
      s += ", " + std::to_string(p.n) + " " + (p.n == 1 ? p.one : p.many);
  }
  if (s.empty()) s = "no checks";
  s += " in " + counted(files.size(), "file", "files");
  if (not_analyzed > 0) s += " (" + std::to_string(not_analyzed) + " not analyzed)";
  return s;
}

}  // namespace

void write_text(const std::vector<FileResult>& files, const ReportOptions& options,
                std::ostream& out) {
  Painter paint(options.color);

  // Compiler-style lines, per file in line order (file-level ones first);
  // parse diagnostics before findings on the same line.
  bool any_line = false;
  for (const auto& file : files) {
    struct Line {
      const std::string* id;
      Severity severity;
      const SourceLocation* where;
      const std::string* message;
      const FixSuggestion* fix = nullptr;
    };
    std::vector<Line> lines;
    // Suppressed ones (docs/suppressions.md) are only in JSON and SARIF.
    for (const auto& d : file.diagnostics)
      if (!d.suppression) lines.push_back({&d.id, d.severity, &d.where, &d.message});
    std::vector<std::vector<std::optional<FixSuggestion>>> fixes;
    fixes.reserve(file.checks.size());
    for (const auto& check : file.checks) {
      const auto& check_fixes = fixes.emplace_back(suggest_fixes(file.format, check));
      for (std::size_t i = 0; i < check.findings.size(); ++i) {
        const Finding& f = check.findings[i];
        if (f.suppression) continue;
        lines.push_back({&f.id, f.severity, &f.where, &f.message,
                         check_fixes[i] ? &*check_fixes[i] : nullptr});
      }
    }
    // The input's own lines first, then those of files it includes.
    std::stable_sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) {
      return std::tie(a.where->file, a.where->line) < std::tie(b.where->file, b.where->line);
    });
    for (const auto& l : lines) {
      write_diagnostic(out, paint, file.path, *l.id, l.severity, *l.where, *l.message);
      if (l.fix) write_fix(out, paint, *l.fix);
    }
    any_line = any_line || !lines.empty();
  }

  if (options.quiet) return;

  bool several = files.size() > 1;
  bool first_block = true;
  for (const auto& file : files) {
    if (file.checks.empty() && file.status != ParseStatus::Failed && !several) continue;
    if (any_line || !first_block) out << '\n';
    first_block = false;
    if (several || file.status != ParseStatus::Ok) {
      std::string head = safe(file.path);
      if (!file.format.empty()) head += " (" + safe(file.format) + ")";
      switch (file.status) {
        case ParseStatus::Ok: head += ":"; break;
        case ParseStatus::Partial: head += ": some lines not understood"; break;
        case ParseStatus::Failed: head += ": could not be analyzed"; break;
      }
      out << paint(kBold, head) << '\n';
    }
    for (const auto& check : file.checks) write_check(out, paint, check);
  }
  if (any_line || !first_block) out << '\n';
  out << paint(kBold, total_line(files)) << '\n';
}

}  // namespace fwlint
