// SPDX-License-Identifier: Apache-2.0
// agora-fwlint: option parsing and wiring only; the work is in libfwlint.
#include <boost/program_options.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <unistd.h>

#include "lint_files.h"
#include "suggest.h"
#include "fwlint/analysis/findings.h"
#include "fwlint/analysis/lint.h"
#include "fwlint/config/config.h"
#include "fwlint/report/reporter.h"
#include "fwlint/report/rule_catalog.h"
#include "fwlint/requirements/pack.h"
#include "fwlint/requirements/pack_diff.h"
#include "fwlint/util/input_reader.h"
#include "fwlint/util/strings.h"

namespace po = boost::program_options;
using namespace fwlint;

namespace {

constexpr const char* kVersion = "0.1.0";

enum ExitCode { kPass = 0, kFindings = 1, kUsage = 2 };

/// "a,b" -> {"a", "b"}; empty items are kept ("a," has an empty second
/// item), so that a stray comma is reported instead of ignored.
std::vector<std::string> split_commas(std::string_view list) {
  std::vector<std::string> out;
  for (bool more = true; more;) {
    std::size_t comma = list.find(',');
    out.emplace_back(list.substr(0, comma));
    more = comma != std::string_view::npos;
    if (more) list.remove_prefix(comma + 1);
  }
  return out;
}

/// "NAME" and "NAME@VERSION" of every pack, for suggestions.
std::vector<std::string> pack_names(const std::vector<RequirementPack>& packs) {
  std::vector<std::string> names;
  for (const auto& p : packs) {
    if (std::find(names.begin(), names.end(), p.name) == names.end()) names.push_back(p.name);
    names.push_back(p.id());
  }
  return names;
}

/// Whether `s` is as severe as `threshold` or more (Note < Warning < Error).
bool at_least(Severity s, Severity threshold) { return s >= threshold; }

/// FWL101-FWL105: the tool did not fully understand a line of the input.
bool is_parse_problem(const std::string& id) {
  for (const char* parse_id : {finding_id::kUnrecognizedLine, finding_id::kUndefinedReference,
                               finding_id::kDuplicateDefinition, finding_id::kReferenceCycle,
                               finding_id::kUnsupportedConstruct})
    if (id == parse_id) return true;
  return false;
}

int usage_error(const std::string& message) {
  std::cerr << "agora-fwlint: error: " << message << "\n"
            << "Try 'agora-fwlint --help' for more information.\n";
  return kUsage;
}

struct Cli {
  std::vector<std::string> files;
  std::vector<std::string> limits;  ///< --limit NAME=N
  std::vector<std::string> sdks;
  std::string sdk_version;
  std::vector<std::string> packs;
  std::vector<std::string> without;
  std::vector<std::string> proxy_regions;
  bool cloud_proxy = false;
  std::vector<std::string> proxy_modes;
  std::string fail_on = "warning";
  bool quiet = false;
  std::string color = "auto";
  unsigned jobs = 1;
  std::string config_file;  // --config
  bool no_config = false;
  bool print_config = false;
  std::vector<std::string> rules_files;
  std::string dialect;
  std::string format = "text";
  std::string output;
  std::string sarif_category;
  std::vector<std::string> from;
  std::string to;
  std::string mode = "auto";
  std::vector<std::string> include_dirs;
  std::vector<std::string> sources;
  std::vector<std::string> resolves;
  bool ipv6 = false;
  std::vector<std::string> profiles;
  std::string app;
  std::string service;
};

/// "--dialect" help naming every registered frontend.
const std::string& dialect_help() {
  static const std::string text = [] {
    std::string names;
    for (const Frontend* f : FrontendRegistry::instance().all()) names += (names.empty() ? "" : ", ") + f->name();
    return "input dialect (" + names + "); default: detected from content";
  }();
  return text;
}

po::options_description visible_options(Cli& cli) {
  po::options_description o("Options");
  o.add_options()
      ("help,h", "show this help and exit")
      ("version", "show the version and exit")
      ("sdk", po::value(&cli.sdks)->composing(), "SDK id to check (repeatable; default: every SDK of the pack)")
      ("sdk-version", po::value(&cli.sdk_version), "SDK version X.Y.Z whose requirements apply (default: newest)")
      ("pack", po::value(&cli.packs)->composing(),
       "requirement pack NAME[@VERSION] (repeatable; default: the --rules packs, else the newest 'agora')")
      ("rules", po::value(&cli.rules_files)->composing(), "load a requirement pack from a YAML file (repeatable)")
      ("without", po::value(&cli.without)->composing(),
       "leave out an optional feature, e.g. rtmp-converter, stream-channel, dns (repeatable)")
      ("cloud-proxy", po::bool_switch(&cli.cloud_proxy),
       "check what each SDK's cloud proxy needs instead of its allow-list, one check per proxy mode")
      ("proxy-mode", po::value(&cli.proxy_modes)->composing(),
       "with --cloud-proxy: only this proxy mode, e.g. force-tcp (repeatable or comma-separated)")
      ("proxy-region", po::value(&cli.proxy_regions)->composing(),
       "with --cloud-proxy: only this region's proxy addresses, e.g. europe (repeatable; default: all)")
      ("list-sdks", "list the SDKs of the selected packs and exit")
      ("list-packs", "list every built-in and --rules pack with its date and source, and exit")
      ("diff-packs", po::value<std::vector<std::string>>()->multitoken(),
       "OLD NEW: print the ports and domains each SDK gains or loses from pack OLD to NEW, and exit")
      ("list-rules", "list the finding ids and exit")
      ("explain", po::value<std::string>(), "print the documentation of a finding id and exit")
      ("dialect", po::value(&cli.dialect), dialect_help().c_str())
      ("format,f", po::value(&cli.format), "output format: text, json or sarif")
      ("output,o", po::value(&cli.output), "write the report to FILE instead of standard output")
      ("sarif-category", po::value(&cli.sarif_category),
       "SARIF: the run's automationDetails.id, to tell several uploads of one commit apart "
       "(default: none; GitHub's upload action sets its own category)")
      ("fail-on", po::value(&cli.fail_on),
       "exit 1 when a finding is at least this severe: error (a check failed), warning (default: "
       "also when a result is unknown) or never")
      ("quiet,q", po::bool_switch(&cli.quiet), "text output: only the findings, no check summaries")
      ("color", po::value(&cli.color), "text output colors: auto (default: on a terminal, unless NO_COLOR is set), always or never")
      ("jobs,j", po::value(&cli.jobs), "lint up to N files at the same time (default: 1)")
      ("config", po::value(&cli.config_file),
       "take default options from this file instead of the .agora-fwlint.yaml found in each input's "
       "directory or above")
      ("no-config", po::bool_switch(&cli.no_config), "ignore .agora-fwlint.yaml files")
      ("print-config", po::bool_switch(&cli.print_config),
       "print the options each FILE is checked with, as YAML with where each comes from, and exit")
      ("from", po::value(&cli.from)->composing(), "interface clients enter on (repeatable)")
      ("to", po::value(&cli.to), "interface towards the Internet")
      ("mode", po::value(&cli.mode),
       "where the clients are: host (this machine), gateway (behind it) or auto (default: "
       "both, each check labelled with its path); iptables and pf")
      ("include-dir", po::value(&cli.include_dirs)->composing(),
       "directory a pf.conf may include files from, besides its own (repeatable)")
      ("limit", po::value(&cli.limits)->composing(),
       "NAME=N: change a bound on what one input may cost (repeatable): file-size, line-length, "
       "rule-string-length, nesting, include-depth, include-files, include-size, expansion-size, "
       "repeated-diagnostics; sizes take K, M or G (see docs/limits.md)")
      ("source", po::value(&cli.sources)->composing(), "client addresses CIDR (repeatable; default: networks behind --from)")
      ("resolve", po::value(&cli.resolves)->composing(), "NAME=CIDR: addresses a required domain resolves to (repeatable)")
      ("ipv6", po::bool_switch(&cli.ipv6), "check IPv6 as well as IPv4")
      ("profile", po::value(&cli.profiles)->composing(),
       "Windows: profile to check, domain, private or public (repeatable or comma-separated; default: all three)")
      ("app", po::value(&cli.app), "Windows: full path of the program that runs the SDK; rules scoped to other programs do not apply")
      ("service", po::value(&cli.service), "Windows: short name of the service the --app program runs as");
  return o;
}

void print_help(const po::options_description& o) {
  std::cout << "Usage: agora-fwlint [options] FILE...\n\n"
               "Checks firewall configurations against Agora's firewall requirements and\n"
               "reports which required port or domain is blocked, and by which line.\n\n"
            << o
            << "\nExit status: 0 every check passes (or needs the cloud proxy), 1 a check failed\n"
               "or could not be decided, 2 usage error or unusable input.\n";
}

int list_sdks(const RequirementPack& pack) {
  std::cout << pack.id() << " — " << pack.title << " (" << (pack.date.empty() ? "no exact date" : pack.date)
            << ")\n";
  std::size_t width = 10;
  for (const auto& sdk : pack.sdks) width = std::max(width, sdk.id.size());
  const std::string indent(width + 4, ' ');
  for (const auto& sdk : pack.sdks) {
    std::cout << "  " << sdk.id;
    for (std::size_t pad = sdk.id.size(); pad < width + 2; ++pad) std::cout << ' ';
    std::cout << sdk.title;
    if (sdk.cloud_proxy_only) std::cout << " (cloud proxy only)";
    if (!sdk.checked_by_default) std::cout << " (only with --sdk)";
    if (!sdk.aliases.empty()) {
      std::cout << " [aliases:";
      for (const auto& a : sdk.aliases) std::cout << ' ' << a;
      std::cout << ']';
    }
    std::cout << '\n';
    std::string features = join(sdk.features(), ", ");
    if (!features.empty()) std::cout << indent << "features: " << features << '\n';
    if (sdk.cloud_proxy) {
      std::vector<std::string> modes;
      for (const auto& m : sdk.cloud_proxy->modes) modes.push_back(m.id);
      std::string proxy_features = join(sdk.proxy_features(), ", ");
      std::cout << indent << "cloud proxy: "
                << (modes.empty() ? std::string("no published list") : join(modes, ", "))
                << (proxy_features.empty() ? "" : " (features: " + proxy_features + ")") << '\n';
    }
  }
  return kPass;
}

/// Every pack of this run, built-in ones first, as NAME@VERSION with the
/// date and source of its values; the version a bare NAME selects is marked.
int list_packs(const std::vector<RequirementPack>& packs, std::size_t builtin_count) {
  for (std::size_t i = 0; i < packs.size(); ++i) {
    const RequirementPack& pack = packs[i];
    bool is_default = select_pack(packs, pack.name) == &pack;
    std::cout << pack.id() << "  " << (pack.date.empty() ? "(no date)" : pack.date) << "  " << pack.title
              << "  [" << (i < builtin_count ? "built-in" : "--rules") << (is_default ? ", default for '" + pack.name + "'" : "")
              << "]\n";
    if (!pack.source.empty()) std::cout << "  source: " << pack.source << '\n';
  }
  return kPass;
}

int list_rules() {
  for (const auto& r : all_rules())
    std::cout << r.id << "  " << severity_name(r.default_severity) << "  " << r.name << "  "
              << r.short_description << '\n';
  return kPass;
}

int explain(const std::string& id) {
  const RuleInfo* r = find_rule(id);
  if (!r) {
    std::vector<std::string> ids;
    for (const auto& rule : all_rules()) ids.push_back(rule.id);
    return usage_error("unknown finding id '" + id + "' (see --list-rules)" + cli::did_you_mean(id, ids));
  }
  std::cout << rule_explanation(*r);
  return kPass;
}

/// Packs available to this run: the built-in ones plus --rules files.
bool load_packs(const Cli& cli, std::vector<RequirementPack>& packs) {
  packs = builtin_packs();
  bool ok = true;
  for (const auto& file : cli.rules_files) {
    std::string text, error;
    if (!read_input(file, text, error)) {
      std::cerr << file << ": error: " << error << '\n';
      ok = false;
      continue;
    }
    Diagnostics diags;
    auto pack = load_pack(file, text, diags);
    // The loader finds some problems only when an entry ends; print in file order.
    std::stable_sort(diags.begin(), diags.end(), [](const Diagnostic& a, const Diagnostic& b) {
      return std::pair(a.where.line, a.where.column) < std::pair(b.where.line, b.where.column);
    });
    for (const auto& d : diags)
      std::cerr << file << ':' << d.where.line << ':' << d.where.column << ": "
                << severity_name(d.severity) << ": " << d.message << " [" << d.id << "]\n";
    if (!pack) {
      ok = false;
      continue;
    }
    packs.push_back(std::move(*pack));
  }
  return ok;
}

/// lint_options() returns it to say: go on with the options it set.
constexpr int kGoOn = -1;
int lint_options(const Cli& cli, const po::variables_map& vm, const std::vector<RequirementPack>& packs,
                 LintOptions& out);
int write_report(const Cli& cli, const std::vector<FileResult>& results);
int lint_with_configs(const Cli& cli, const po::variables_map& vm, const std::vector<RequirementPack>& packs);

int run(const Cli& cli, const po::variables_map& vm) {
  std::vector<RequirementPack> packs;
  if (!load_packs(cli, packs)) return kUsage;
  if (vm.count("list-packs")) return list_packs(packs, builtin_packs().size());
  if (vm.count("diff-packs")) {
    const auto& specs = vm["diff-packs"].as<std::vector<std::string>>();
    if (specs.size() != 2) return usage_error("--diff-packs takes two packs: OLD NEW (e.g. agora@2020-09 agora)");
    const RequirementPack* from = select_pack(packs, specs[0]);
    const RequirementPack* to = select_pack(packs, specs[1]);
    if (!from || !to) {
      const std::string& missing = from ? specs[1] : specs[0];
      return usage_error("no requirement pack '" + missing + "' (see --list-packs)" +
                         cli::did_you_mean(missing, pack_names(packs)));
    }
    std::cout << format_pack_diff(*from, *to, diff_packs(*from, *to));
    return kPass;
  }
  return lint_with_configs(cli, vm, packs);
}

/// The lint options `cli` asks for: kGoOn with `out` set, or the status to
/// exit with (a usage error, or --list-sdks done).
int lint_options(const Cli& cli, const po::variables_map& vm, const std::vector<RequirementPack>& packs,
                 LintOptions& out) {
  // Without --pack: the --rules packs when there are any, else Agora's newest.
  std::vector<std::string> specs = cli.packs;
  if (specs.empty()) {
    for (std::size_t i = builtin_packs().size(); i < packs.size(); ++i)
      if (std::find(specs.begin(), specs.end(), packs[i].id()) == specs.end()) specs.push_back(packs[i].id());
    if (specs.empty()) specs.push_back("agora");
  }
  std::vector<PackSelection> selections;
  for (const auto& spec : specs) {
    const RequirementPack* pack = select_pack(packs, spec);
    if (!pack)
      return usage_error("no requirement pack '" + spec + "' (see --list-packs)" +
                         cli::did_you_mean(spec, pack_names(packs)));
    bool seen = std::any_of(selections.begin(), selections.end(),
                            [&](const PackSelection& sel) { return sel.pack == pack; });
    if (!seen) selections.push_back({pack, {}});
  }
  if (vm.count("list-sdks")) {
    for (const auto& sel : selections) list_sdks(*sel.pack);
    return kPass;
  }

  LintOptions options;
  options.dialect = cli.dialect;
  options.paths.from_interfaces = cli.from;
  options.paths.to_interface = cli.to;
  options.paths.ipv6 = cli.ipv6;
  options.paths.include_dirs = cli.include_dirs;
  for (const std::string& spec : cli.limits) {
    std::size_t eq = spec.find('=');
    std::string name = spec.substr(0, eq), error;
    if (eq == std::string::npos)
      return usage_error("--limit needs NAME=N, not '" + spec + "'");
    if (!set_limit(options.paths.limits, name, spec.substr(eq + 1), error)) {
      std::vector<std::string> names;
      for (const auto& l : limit_catalog()) names.emplace_back(l.name);
      bool unknown_name = error.starts_with("unknown limit");
      return usage_error(error + " (see docs/limits.md)" +
                         (unknown_name ? cli::did_you_mean(name, names) : ""));
    }
  }
  // Every comma-separated name counts, empty ones too: `--profile ''` or
  // `--profile domain,` is a mistake, not "every profile".
  for (const std::string& list : cli.profiles)
    for (const std::string& name : split_commas(list)) {
      if (!iequals(name, "domain") && !iequals(name, "private") && !iequals(name, "public"))
        return usage_error("unknown --profile '" + name + "' (domain, private or public)" +
                           cli::did_you_mean(name, {"domain", "private", "public"}));
      options.paths.profiles.push_back(name);
    }
  if (!cli.service.empty() && cli.app.empty()) return usage_error("--service needs --app (the program that runs as the service)");
  options.paths.program = cli.app;
  options.paths.service = cli.service;
  if (cli.mode == "host") options.paths.mode = PathMode::Host;
  else if (cli.mode == "gateway") options.paths.mode = PathMode::Gateway;
  else if (cli.mode != "auto")
    return usage_error("unknown --mode '" + cli.mode + "' (host, gateway or auto)" +
                       cli::did_you_mean(cli.mode, {"host", "gateway", "auto"}));
  options.checks.ipv6 = cli.ipv6;
  // An SDK id is looked up in every selected pack and checked in each that
  // has it (e.g. the same SDK under two dated packs).
  for (const auto& id : cli.sdks) {
    bool found = false;
    for (auto& sel : selections)
      if (const SdkRequirements* sdk = sel.pack->find_sdk(id)) {
        sel.sdks.push_back(sdk);
        found = true;
      }
    if (!found) {
      std::string known;
      std::vector<std::string> names;
      for (const auto& sel : selections)
        for (const auto& s : sel.pack->sdks) {
          known += (known.empty() ? "" : ", ") + s.id;
          names.push_back(s.id);
          names.insert(names.end(), s.aliases.begin(), s.aliases.end());
        }
      std::string where = selections.size() == 1 ? selections.front().pack->id() : "the selected packs";
      return usage_error("unknown SDK '" + id + "' in " + where + " (known: " + known + ")" +
                         cli::did_you_mean(id, names));
    }
  }
  // A pack none of whose SDKs was asked for is not checked at all.
  if (!cli.sdks.empty())
    selections.erase(std::remove_if(selections.begin(), selections.end(),
                                    [](const PackSelection& sel) { return sel.sdks.empty(); }),
                     selections.end());
  options.checks.packs = selections;
  // Every SDK a selection checks, for validating feature and proxy names.
  std::vector<const SdkRequirements*> checked_sdks;
  for (const auto& sel : selections) {
    if (!sel.sdks.empty()) checked_sdks.insert(checked_sdks.end(), sel.sdks.begin(), sel.sdks.end());
    else
      for (const auto& sdk : sel.pack->sdks)
        if (sdk.checked_by_default) checked_sdks.push_back(&sdk);
  }
  std::vector<std::string> known_features;
  for (const SdkRequirements* sdk : checked_sdks)
    for (const auto& list : {sdk->features(), sdk->proxy_features()})
      for (const auto& f : list) append_unique(known_features, f);
  for (const auto& f : cli.without)
    if (std::find(known_features.begin(), known_features.end(), f) == known_features.end())
      return usage_error("unknown feature '" + f + "' for --without (the checked SDKs have: " +
                         (known_features.empty() ? std::string("none") : join(known_features, ", ")) + ")" +
                         cli::did_you_mean(f, known_features));
  options.checks.without = cli.without;
  if (cli.cloud_proxy) {
    options.checks.cloud_proxy = true;
    std::vector<std::string> known_modes, known_regions;
    for (const SdkRequirements* sdk : checked_sdks)
      if (sdk->cloud_proxy)
        for (const auto& mode : sdk->cloud_proxy->modes) {
          append_unique(known_modes, mode.id);
          for (const auto& flow : mode.flows) append_unique(known_regions, flow.region);
        }
    for (const std::string& list : cli.proxy_modes)
      for (const std::string& mode : split_commas(list)) {
        if (std::find(known_modes.begin(), known_modes.end(), mode) == known_modes.end())
          return usage_error("unknown --proxy-mode '" + mode + "' (the checked SDKs have: " +
                             (known_modes.empty() ? std::string("none") : join(known_modes, ", ")) + ")" +
                             cli::did_you_mean(mode, known_modes));
        options.checks.proxy_modes.push_back(mode);
      }
    for (const auto& region : cli.proxy_regions)
      if (std::find(known_regions.begin(), known_regions.end(), region) == known_regions.end())
        return usage_error("unknown --proxy-region '" + region + "' (the checked SDKs' proxies list: " +
                           (known_regions.empty() ? std::string("none") : join(known_regions, ", ")) + ")" +
                           cli::did_you_mean(region, known_regions));
    options.checks.proxy_regions = cli.proxy_regions;
  } else if (!cli.proxy_regions.empty() || !cli.proxy_modes.empty()) {
    return usage_error(std::string(cli.proxy_regions.empty() ? "--proxy-mode" : "--proxy-region") +
                       " needs --cloud-proxy");
  }
  if (!cli.sdk_version.empty()) {
    options.checks.sdk_version = SdkVersion::parse(cli.sdk_version);
    if (!options.checks.sdk_version) return usage_error("bad --sdk-version '" + cli.sdk_version + "'");
  }
  if (!cli.sources.empty()) {
    IpSet sources;
    for (const auto& s : cli.sources) {
      auto parsed = parse_cidr(s);
      if (!parsed) return usage_error("bad --source '" + s + "' (want an address or CIDR)");
      sources.add(*parsed);
    }
    options.checks.sources = sources;
  }
  for (const auto& r : cli.resolves) {
    auto eq = r.find('=');
    auto name = eq == std::string::npos ? std::nullopt : DomainName::parse(r.substr(0, eq));
    auto cidr = eq == std::string::npos ? std::nullopt : parse_cidr(r.substr(eq + 1));
    if (!name || !cidr) return usage_error("bad --resolve '" + r + "' (want NAME=CIDR)");
    options.checks.resolutions[name->text()].add(*cidr);
  }
  if (cli.format != "text" && cli.format != "json" && cli.format != "sarif")
    return usage_error("unknown --format '" + cli.format + "' (text, json or sarif)" +
                       cli::did_you_mean(cli.format, {"text", "json", "sarif"}));
  if (cli.files.empty()) return usage_error("no input file");

  if (cli.fail_on != "error" && cli.fail_on != "warning" && cli.fail_on != "never")
    return usage_error("unknown --fail-on '" + cli.fail_on + "' (error, warning or never)" +
                       cli::did_you_mean(cli.fail_on, {"error", "warning", "never"}));
  if (cli.color != "auto" && cli.color != "always" && cli.color != "never")
    return usage_error("unknown --color '" + cli.color + "' (auto, always or never)" +
                       cli::did_you_mean(cli.color, {"auto", "always", "never"}));
  if (cli.jobs == 0) return usage_error("--jobs needs at least 1");

  out = std::move(options);
  return kGoOn;
}

/// Writes the report of `results`; returns the exit status.
int write_report(const Cli& cli, const std::vector<FileResult>& results) {
  bool unusable = std::any_of(results.begin(), results.end(),
                              [](const FileResult& r) { return r.status == ParseStatus::Failed; });

  ReportOptions report;
  report.tool_version = kVersion;
  report.quiet = cli.quiet;
  report.sarif_category = cli.sarif_category;
  // NO_COLOR (no-color.org) turns colors off unless asked for explicitly.
  report.color = cli.format == "text" &&
                 (cli.color == "always" ||
                  (cli.color == "auto" && cli.output.empty() && isatty(1) && !std::getenv("NO_COLOR")));
  std::ofstream file_out;
  std::ostream* out = &std::cout;
  if (!cli.output.empty()) {
    file_out.open(cli.output, std::ios::binary);
    if (!file_out) return usage_error("cannot write '" + cli.output + "'");
    out = &file_out;
  }
  if (cli.format == "json")
    write_json(results, report, *out);
  else if (cli.format == "sarif")
    write_sarif(results, report, *out);
  else
    write_text(results, report, *out);
  out->flush();

  if (unusable) return kUsage;
  if (cli.fail_on == "never") return kPass;
  // A failed check reports error findings, an undecided one warnings, a
  // cloud-proxy-only SDK a note; the threshold applies to those severities.
  // Diagnostics count too (a disabled firewall, a broken or stale
  // suppression), except the parse problems FWL101-FWL105: those fail a run
  // through the checks they make unknown, and a line the tool does not
  // understand is not by itself a fault of the configuration.
  const Severity threshold = cli.fail_on == "error" ? Severity::Error : Severity::Warning;
  for (const auto& r : results) {
    for (const auto& c : r.checks)
      for (const auto& f : c.findings)
        if (!f.suppression && at_least(f.severity, threshold)) return kFindings;
    for (const auto& d : r.diagnostics)
      if (!d.suppression && !is_parse_problem(d.id) && at_least(d.severity, threshold))
        return kFindings;
  }
  return kPass;
}

/// Lints every input with the options of its .agora-fwlint.yaml under the
/// command line's (docs/configuration.md); inputs that end with the same
/// options are linted together. --print-config prints them instead.
int lint_with_configs(const Cli& cli, const po::variables_map& vm, const std::vector<RequirementPack>& packs) {
  // Standard input, and a run without files (--list-sdks), look for a
  // configuration from the current directory.
  const std::vector<std::string> inputs = cli.files.empty() ? std::vector<std::string>{"-"} : cli.files;
  config::InputConfigs configs;
  Diagnostics problems;
  bool ok = config::discover(inputs, {cli.config_file, cli.no_config}, configs, problems);
  for (const auto& c : configs.files) ok = config::check_names(*c, packs, problems) && ok;
  for (const auto& d : problems) {
    std::cerr << d.where.file << ':';
    if (d.where.known()) std::cerr << d.where.line << ':' << d.where.column << ':';
    std::cerr << ' ' << severity_name(d.severity) << ": " << d.message << " [" << d.id << "]\n";
  }
  if (!ok) return kUsage;

  const config::Selection command_line{cli.sdks,    cli.packs,   cli.sdk_version, cli.without,
                                       cli.dialect, cli.sources, cli.limits};
  struct Group {
    const config::Config* config;
    config::Effective effective;
    std::vector<std::size_t> inputs;
  };
  std::vector<Group> groups;
  std::vector<config::Effective> effective;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const config::Config* c = configs.per_input[i];
    effective.push_back(config::merge(command_line, c, inputs[i]));
    auto same = [&](const Group& g) { return g.config == c && g.effective.selection == effective.back().selection; };
    auto g = std::find_if(groups.begin(), groups.end(), same);
    if (g == groups.end()) g = groups.insert(groups.end(), Group{c, effective.back(), {}});
    g->inputs.push_back(i);
  }
  std::vector<FileResult> results(cli.files.size());
  std::vector<std::string> printed(inputs.size());
  for (const Group& g : groups) {
    Cli merged = cli;
    const config::Selection& s = g.effective.selection;
    merged.sdks = s.sdks;
    merged.packs = s.packs;
    merged.sdk_version = s.sdk_version;
    merged.without = s.without;
    merged.dialect = s.dialect;
    merged.sources = s.sources;
    merged.limits = s.limits;
    merged.files.clear();
    for (std::size_t i : g.inputs)
      if (!cli.files.empty() || cli.print_config) merged.files.push_back(inputs[i]);
    LintOptions options;
    if (int status = lint_options(merged, vm, packs, options); status != kGoOn) return status;
    options.severities = g.effective.severities;
    if (cli.print_config) {
      for (std::size_t i : g.inputs) {
        std::ostringstream text;
        config::write_effective(text, inputs[i], g.config, effective[i], options);
        printed[i] = text.str();
      }
      continue;
    }
    std::vector<FileResult> part = cli::lint_files(merged.files, options, cli.jobs);
    for (std::size_t k = 0; k < g.inputs.size(); ++k) results[g.inputs[k]] = std::move(part[k]);
  }
  if (cli.print_config) {
    for (const auto& text : printed) std::cout << text;
    return kPass;
  }
  return write_report(cli, results);
}

}  // namespace

int main(int argc, char** argv) {
  Cli cli;
  po::options_description visible = visible_options(cli);
  po::options_description all;
  all.add(visible).add_options()("file", po::value(&cli.files)->composing(), "input file");
  po::positional_options_description positional;
  positional.add("file", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::unknown_option& e) {
    // "--sdkk": name the option that was probably meant.
    std::vector<std::string> names;
    for (const auto& option : visible.options()) names.push_back("--" + option->long_name());
    return usage_error(std::string(e.what()) + cli::did_you_mean(e.get_option_name(), names));
  } catch (const po::error& e) {
    return usage_error(e.what());
  }
  if (vm.count("help")) {
    print_help(visible);
    return kPass;
  }
  if (vm.count("version")) {
    std::cout << "agora-fwlint " << kVersion << '\n';
    return kPass;
  }
  if (vm.count("list-rules")) return list_rules();
  if (vm.count("explain")) return explain(vm["explain"].as<std::string>());
  try {
    return run(cli, vm);
  } catch (const std::exception& e) {
    std::cerr << "agora-fwlint: internal error: " << e.what() << '\n';
    return kUsage;
  }
}
