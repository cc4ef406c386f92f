// SPDX-License-Identifier: Apache-2.0
// Scores how much the start of a file looks like an ASA running-config:
// ASA-only markers (`ASA Version`, `nameif`, `security-level`,
// `same-security-traffic`, `access-list X extended`) add up, markers of the
// other dialects (iptables-save, pf, XML) subtract.
#include <algorithm>

#include "frontends/asa/asa_frontend.h"
#include "frontends/common/line_reader.h"

namespace fwlint::asa {

int detect_asa(std::string_view head) {
  struct Marker {
    bool seen = false;
    int weight;
  };
  Marker version{false, 60}, legacy_version{false, 40}, saved{false, 25}, checksum{false, 20},
      extended_acl{false, 25}, nameif{false, 25}, security_level{false, 20}, same_security{false, 20},
      access_group{false, 20}, object_group{false, 15}, object{false, 15};
  int penalty = 0;
  bool iptables = false, pf = false, ios = false, xml = false;

  LineReader reader(head.substr(0, 256 * 1024));
  SourceLine line;
  while (reader.next(line)) {
    std::string_view b = line.body;
    std::string_view w0 = line.first_word();
    if (b.starts_with("ASA Version ")) version.seen = true;
    if (b.starts_with("PIX Version ") || b.starts_with("FWSM Version ")) legacy_version.seen = true;
    if (b.starts_with(": Saved")) saved.seen = true;
    if (b.starts_with("Cryptochecksum:")) checksum.seen = true;
    if (w0 == "access-list" && (line.word(2) == "extended" || line.word(4) == "extended"))
      extended_acl.seen = true;
    if (w0 == "nameif" && line.indent > 0) nameif.seen = true;
    if (w0 == "security-level") security_level.seen = true;
    if (w0 == "same-security-traffic") same_security.seen = true;
    if (w0 == "access-group" && (line.word(3) == "interface" || line.word(2) == "global"))
      access_group.seen = true;
    if (w0 == "object-group") object_group.seen = true;
    if (w0 == "object" && (line.word(1) == "network" || line.word(1) == "service")) object.seen = true;
    if (b.starts_with("*filter") || b.starts_with("*nat") || b.starts_with("-A ") || b == "COMMIT" ||
        (b.starts_with(":") && b.find(" [") != std::string_view::npos))
      iptables = true;
    if (line.indent == 0 && (w0 == "pass" || w0 == "block" || w0 == "match" || b.starts_with("set skip")))
      pf = true;
    if (b.starts_with("<")) xml = true;
    if (b.starts_with("Building configuration") || w0 == "version") ios = true;
  }
  int score = 0;
  for (const Marker& m : {version, legacy_version, saved, checksum, extended_acl, nameif, security_level,
                          same_security, access_group, object_group, object})
    if (m.seen) score += m.weight;
  if (xml) penalty += 80;
  if (iptables) penalty += 60;
  if (pf) penalty += 30;
  if (ios && !version.seen) penalty += 20;
  return std::clamp(score - penalty, 0, 100);
}

int AsaFrontend::detect(std::string_view head) const { return detect_asa(head); }

}  // namespace fwlint::asa
