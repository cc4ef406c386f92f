// SPDX-License-Identifier: Apache-2.0
#include "frontends/pf/pf_policy_translations.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace fwlint::pf {
namespace {

/// The first option of `rule` that is `keyword` followed by its arguments.
std::string option_named(const PfRule& rule, std::string_view keyword) {
  for (const std::string& option : rule.options) {
    if (!option.starts_with(keyword)) continue;
    if (option.size() == keyword.size() || option[keyword.size()] == ' ' || option[keyword.size()] == '(')
      return option;
  }
  return {};
}

void add_once(std::vector<SourceTranslation>& to, const SourceTranslation& t) {
  if (std::find(to.begin(), to.end(), t) == to.end()) to.push_back(t);
}

}  // namespace

std::uint8_t packet_ways(PfDirection d) {
  return d == PfDirection::In ? kWayIn : d == PfDirection::Out ? kWayOut : kWayBoth;
}

std::string source_translation_option(const PfRule& rule) {
  if (!rule.translates) return {};
  for (std::string_view keyword : {"nat-to", "binat-to"})
    if (std::string o = option_named(rule, keyword); !o.empty()) return o;
  return {};
}

std::string redirect_option(const PfRule& rule) {
  if (!rule.translates && rule.options.empty()) return {};
  static constexpr std::array<std::string_view, 5> kKeywords = {"rdr-to", "divert-to", "divert-packet",
                                                                "af-to", "rdr pass"};
  for (std::string_view keyword : kKeywords)
    if (std::string o = option_named(rule, keyword); !o.empty()) return o;
  return {};
}

TranslationScan::TranslationScan(const PfConfig& config) {
  std::vector<SourceTranslation> active;
  // Legacy translation statements run before the filter rules, whatever
  // their place in the file.
  for (const auto& [kind, where] : config.ignored)
    if (kind == "nat" || kind == "binat") add_once(active, SourceTranslation{kWayOut, where, kind, true});
  std::vector<const PfAnchor*> open_anchors;
  walk(config.rules, active, open_anchors);
}

const std::vector<SourceTranslation>& TranslationScan::before(const PfRule& rule) const {
  auto it = before_.find(&rule);
  return it == before_.end() ? none_ : it->second;
}

void TranslationScan::walk(const std::vector<PfRule>& rules, std::vector<SourceTranslation>& active,
                           std::vector<const PfAnchor*>& open_anchors) {
  for (const PfRule& rule : rules) {
    std::vector<SourceTranslation>& seen = before_[&rule];
    for (const SourceTranslation& t : active) add_once(seen, t);
    if (rule.action == PfAction::Anchor && rule.anchor) enter(*rule.anchor, active, open_anchors);
    if (rule.action != PfAction::Match || rule.unreadable) continue;
    std::string option = source_translation_option(rule);
    if (!option.empty())
      add_once(active, SourceTranslation{packet_ways(rule.direction), rule.location,
                                         "the match rule's " + option, false});
  }
}

void TranslationScan::enter(const PfAnchor& anchor, std::vector<SourceTranslation>& active,
                            std::vector<const PfAnchor*>& open_anchors) {
  if (std::find(open_anchors.begin(), open_anchors.end(), &anchor) != open_anchors.end()) return;
  AnchorWalk& walked = anchors_[&anchor];
  bool seen_before = walked.walked;
  bool grows = false;
  for (const SourceTranslation& t : active) {
    if (std::find(walked.entered_with.begin(), walked.entered_with.end(), t) != walked.entered_with.end())
      continue;
    walked.entered_with.push_back(t);
    grows = true;
  }
  // An anchor is walked again only with translations it has not seen yet,
  // so anchors called from many places cost one walk per translation.
  if (!seen_before || grows) {
    walked.walked = true;
    std::vector<SourceTranslation> inside = walked.entered_with;
    open_anchors.push_back(&anchor);
    walk(anchor.rules, inside, open_anchors);
    open_anchors.pop_back();
    anchors_[&anchor].leaves_with = std::move(inside);
  }
  // What the anchor translates stays translated after it returns.
  for (const SourceTranslation& t : anchors_[&anchor].leaves_with) add_once(active, t);
}

}  // namespace fwlint::pf
