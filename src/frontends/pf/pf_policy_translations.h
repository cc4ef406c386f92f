// SPDX-License-Identifier: Apache-2.0
/// \file
/// Address translation seen from the rules that follow it. pf.conf(5): "If
/// specified on a match rule, subsequent rules will see packets as they look
/// after any addresses and ports have been translated", while a pass rule
/// translates only once it is the deciding rule. Legacy `nat`/`binat`
/// statements (FreeBSD before 15) translate before any filter rule runs.
/// A translated source is the device's own address, which pf.conf does not
/// give, so rules after a source translation that filter on the source are
/// unknown. Redirections (rdr-to, divert-to, af-to) send the connection
/// somewhere else: whether it still reaches the destination is unknown.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "frontends/pf/rule_model.h"
#include "fwlint/model/policy.h"

namespace fwlint::pf {

/// A source translation in force for the rules evaluated after it.
struct SourceTranslation {
  std::uint8_t ways = kWayBoth;  ///< PacketWay bits of the packets it translates
  SourceLocation location;
  std::string what;     ///< "the match rule's nat-to (egress)", "nat": for messages
  bool legacy = false;  ///< a `nat`/`binat` statement, which runs before every filter rule
  friend bool operator==(const SourceTranslation&, const SourceTranslation&) = default;
};

/// The ways (PacketWay bits) of the packets a rule for `direction` sees.
std::uint8_t packet_ways(PfDirection direction);

/// The option of `rule` that translates the source (nat-to, binat-to), or "".
std::string source_translation_option(const PfRule& rule);
/// The option of `rule` that sends matching packets elsewhere (rdr-to,
/// divert-to, divert-packet, af-to, a legacy `rdr pass`), or "".
std::string redirect_option(const PfRule& rule);

/// Which source translations are in force before each rule, in pf's order
/// of evaluation (anchors in place). An anchor called from several places
/// gets the union: its list is built once.
class TranslationScan {
 public:
  explicit TranslationScan(const PfConfig& config);
  const std::vector<SourceTranslation>& before(const PfRule& rule) const;

 private:
  struct AnchorWalk {
    bool walked = false;
    std::vector<SourceTranslation> entered_with;  ///< every translation it was called with
    std::vector<SourceTranslation> leaves_with;   ///< those plus what it translates itself
  };

  void walk(const std::vector<PfRule>& rules, std::vector<SourceTranslation>& active,
            std::vector<const PfAnchor*>& open_anchors);
  void enter(const PfAnchor& anchor, std::vector<SourceTranslation>& active,
             std::vector<const PfAnchor*>& open_anchors);

  std::map<const PfRule*, std::vector<SourceTranslation>> before_;
  std::map<const PfAnchor*, AnchorWalk> anchors_;
  std::vector<SourceTranslation> none_;
};

}  // namespace fwlint::pf
