#!/usr/bin/env python3
"""Writes a synthetic Windows Defender Firewall policy with N rules.

One GPO as an administrator hands it over, in one of three forms:
  report   a Group Policy report (`Get-GPOReport -ReportType Xml`): UTF-16LE with
           a BOM and CRLF line ends, as Windows writes it; one
           <q1:InboundFirewallRules>/<q1:OutboundFirewallRules> element per rule
  pol      the GPO's registry.pol (PReg version 1): the profile DWORDs and one
           REG_SZ rule string per rule under ...\\WindowsFirewall\\FirewallRules
  strings  one rule string `v2.30|Action=...|Dir=...|...|` per line
The profiles block outbound traffic no rule allows in Domain and Private and
allow it in Public. Most rules are a mostly irrelevant enterprise mix: inbound
service and program rules, outbound rules scoped to programs, services or
internal networks, a few blocks of documentation addresses; their ports never
touch Agora's, so they cost the checks work without deciding them. A handful of
rules at the end decide Agora's ports: allows per profile, a block on the
Public profile, a program-scoped allow and a disabled one.
The same seed and N give the same rules in every form.
Usage: gen_windows.py --rules N [--form report|pol|strings]
                      [--encoding utf16le|utf8] [--seed S] [--all-inbound]
                      [--overlap F] > out
--encoding applies to report and strings (utf8: no BOM, still CRLF; the report
keeps its `encoding="utf-16"` declaration, as a report re-saved by PowerShell
does). --all-inbound makes every rule inbound (same draws, one byte shorter per
rule), so the outbound checks have no rule to evaluate. --overlap F adds 443
or 5985/5986 (WinRM, inside Agora's 5866-6000) to that fraction of the outbound
TCP program rules, as real GPOs have them: each such rule makes a check
uncertain ("depends on the program"), which is the costly case to evaluate.
"""
import argparse
import random
import struct
import sys
from xml.sax.saxutils import escape

FIREWALL_KEY = "SOFTWARE\\Policies\\Microsoft\\WindowsFirewall"
VERSION = "2.30"  # PolicyVersion 542 = 2 << 8 | 30

# Every port the agora@2020-09 pack checks; filler rules stay clear of them.
AGORA_RANGES = [(80, 80), (443, 443), (1080, 1080), (3433, 3433), (3478, 3478), (5668, 5669),
                (5866, 6000), (6080, 6080), (6443, 6443), (8000, 8000), (8667, 8667), (9130, 9131),
                (9591, 9591), (9593, 9593), (9667, 9667), (25000, 25000), (30011, 30013)]
COMMON_PORTS = [22, 25, 53, 88, 123, 135, 139, 389, 445, 465, 587, 636, 993, 1433, 1521, 3268,
                3389, 5060, 5061, 7680, 8080, 8443, 9000, 9443, 10443, 27017]
# Ports of ordinary enterprise programs that Agora needs too (HTTPS, WinRM in
# 5866-6000): what --overlap adds to program rules.
OVERLAP_PORTS = ["443", "5985", "5986"]
SERVICES = ["Dnscache", "dhcp", "W32Time", "BITS", "wuauserv", "DoSvc", "CryptSvc", "WinRM",
            "TermService", "RpcSs", "LanmanServer", "Netlogon", "IKEEXT", "iphlpsvc", "*"]
VENDORS = ["Contoso", "Fabrikam", "Northwind", "Tailspin", "Litware", "Adatum", "Woodgrove",
           "Microsoft\u00ae"]
PRODUCTS = ["Agent", "Backup & Restore", "Sync", "Updater", "Inventory", "VPN Client",
            "Print Service", "Telemetry", "Remote Support", "Build Cache"]
PROFILES = ["Domain", "Private", "Public"]

PROFILE_SETTINGS = {  # report element / registry value: DWORD
    "Domain": [("EnableFirewall", 1), ("DefaultOutboundAction", 1), ("DefaultInboundAction", 1),
               ("AllowLocalPolicyMerge", 0), ("AllowLocalIPsecPolicyMerge", 0)],
    "Private": [("EnableFirewall", 1), ("DefaultOutboundAction", 1), ("DefaultInboundAction", 1),
                ("AllowLocalPolicyMerge", 1), ("AllowLocalIPsecPolicyMerge", 1)],
    "Public": [("EnableFirewall", 1), ("DefaultOutboundAction", 0), ("DefaultInboundAction", 1),
               ("AllowLocalPolicyMerge", 0), ("DoNotAllowExceptions", 0)],
}
LOGGING = [("LogDroppedPackets", 1), ("LogSuccessfulConnections", 0)]


class Rule:
    __slots__ = ("rid", "action", "active", "dir", "protocol", "profiles", "lports", "rports",
                 "ra4", "ra6", "icmp4", "icmp6", "app", "svc", "name", "desc", "embed", "edge")

    def __init__(self, rid, action, direction, name, protocol=None, profiles=(), lports=(),
                 rports=(), ra4=(), ra6=(), icmp4=(), icmp6=(), app=None, svc=None, desc=None,
                 embed=None, edge=False, active=True):
        self.rid, self.action, self.dir, self.name = rid, action, direction, name
        self.protocol, self.profiles, self.lports, self.rports = protocol, profiles, lports, rports
        self.ra4, self.ra6, self.icmp4, self.icmp6 = ra4, ra6, icmp4, icmp6
        self.app, self.svc, self.desc, self.embed = app, svc, desc, embed
        self.edge, self.active = edge, active


# --- rules -------------------------------------------------------------------

def guid(rng):
    v = rng.getrandbits(128)
    h = f"{v:032X}"
    return f"{{{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}}}"


def touches_agora(lo, hi):
    return any(lo <= b and a <= hi for a, b in AGORA_RANGES)


def port(rng):
    if rng.random() < 0.5:
        return str(rng.choice(COMMON_PORTS))
    while True:
        p = rng.randint(1024, 65535)
        if not touches_agora(p, p):
            return str(p)


def port_range(rng):
    while True:
        lo = rng.randint(1024, 64000)
        hi = lo + rng.randint(1, 1500)
        if hi <= 65535 and not touches_agora(lo, hi):
            return f"{lo}-{hi}"


def ports(rng):
    out = []
    for _ in range(rng.choice((1, 1, 1, 2, 3))):
        out.append(port_range(rng) if rng.random() < 0.2 else port(rng))
    return out


def internal_ra4(rng):
    k = rng.random()
    a, b, c = rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254)
    if k < 0.30:
        return "LocalSubnet"
    if k < 0.40:
        return rng.choice(("DNS", "DHCP", "DefaultGateway", "WINS"))
    if k < 0.60:
        return f"10.{a}.{b}.{c}"
    if k < 0.75:
        return f"10.{a}.{b}.0/24"
    if k < 0.85:
        return f"172.{16 + a % 16}.{b}.0/255.255.255.0"
    return f"10.{a}.{b}.1-10.{a}.{b}.{100 + c % 155}"


def internal_ra6(rng):
    k = rng.random()
    if k < 0.5:
        return "LocalSubnet"
    if k < 0.7:
        return "fe80::/64"
    if k < 0.85:
        return f"fd00:{rng.getrandbits(16):x}::/48"
    return f"2001:db8:{rng.getrandbits(16):x}::{rng.getrandbits(16):x}"


def public_ra4(rng):
    """Documentation addresses (RFC 5737): what a block of 'bad' hosts looks like."""
    k = rng.random()
    c = rng.randint(1, 240)
    if k < 0.4:
        return f"{rng.choice(('192.0.2', '198.51.100', '203.0.113'))}.{c}"
    if k < 0.7:
        return f"198.51.100.{c & ~15}/28"
    return f"203.0.113.{c}-203.0.113.{c + rng.randint(1, 15)}"


def some(rng, p, make, most=2):
    if rng.random() >= p:
        return []
    return [make(rng) for _ in range(rng.randint(1, most))]


def profiles(rng):
    k = rng.random()
    if k < 0.6:
        return []
    if k < 0.85:
        return [rng.choice(PROFILES)]
    return sorted(rng.sample(PROFILES, 2), key=PROFILES.index)


def program(rng, i):
    vendor = rng.choice(VENDORS)
    return f"%ProgramFiles%\\{vendor}\\{rng.choice(PRODUCTS)}\\app{i % 9973}.exe", vendor


def indirect(rng):
    return f"@FirewallAPI.dll,-{rng.randint(25000, 38000)}"


def filler(rng, i, all_inbound, overlap):
    """Rule i of the mostly irrelevant enterprise mix."""
    rid = guid(rng)
    # Drawn for every rule, so --overlap changes nothing else.
    shared, share = rng.choice(OVERLAP_PORTS), rng.random() < overlap
    outbound = rng.random() < 0.6
    kind = rng.random()
    proto = rng.choice((6, 6, 17))
    pname = "TCP" if proto == 6 else "UDP"
    direction = "Out" if outbound and not all_inbound else "In"
    suffix = "Out" if outbound else "In"
    profs = profiles(rng)
    active = rng.random() < 0.92
    desc = f"Rule {i} of the {rng.choice(VENDORS)} baseline, ticket NET-{rng.randint(1000, 9999)}" \
        if rng.random() < 0.5 else None
    if outbound:
        if kind < 0.05:  # block known-bad hosts
            return Rule(rid, "Block", direction, f"Block {rng.choice(PRODUCTS)} {i} ({pname}-{suffix})",
                        protocol=proto, profiles=profs, rports=ports(rng),
                        ra4=[public_ra4(rng) for _ in range(rng.randint(1, 3))], desc=desc,
                        active=active)
        if kind < 0.50:  # one program
            app, vendor = program(rng, i)
            rp = ports(rng) + ([shared] if share and proto == 6 else [])
            return Rule(rid, "Allow", direction, f"{vendor} {rng.choice(PRODUCTS)} {i} ({pname}-{suffix})",
                        protocol=proto, profiles=profs, rports=rp,
                        ra4=some(rng, 0.4, internal_ra4), ra6=some(rng, 0.15, internal_ra6),
                        app=app, desc=desc, active=active)
        if kind < 0.70:  # a service of svchost
            return Rule(rid, "Allow", direction, indirect(rng), protocol=proto, profiles=profs,
                        rports=ports(rng), ra4=some(rng, 0.7, internal_ra4),
                        ra6=some(rng, 0.3, internal_ra6),
                        app="%SystemRoot%\\system32\\svchost.exe", svc=rng.choice(SERVICES),
                        desc=indirect(rng), embed=indirect(rng), active=active)
        if kind < 0.80:  # ICMP
            v6 = rng.random() < 0.4
            return Rule(rid, "Allow", direction, f"Core Networking - ICMP{6 if v6 else 4} {i}",
                        protocol=58 if v6 else 1, profiles=profs,
                        icmp4=[] if v6 else [f"{rng.choice((0, 3, 8, 11))}:*"],
                        icmp6=[f"{rng.choice((1, 2, 3, 4, 128, 135, 136))}:*"] if v6 else [],
                        app="System", embed="@FirewallAPI.dll,-25000", active=active)
        # ports to internal networks only
        return Rule(rid, "Allow", direction, f"{rng.choice(PRODUCTS)} to the data centre {i} ({pname}-{suffix})",
                    protocol=proto, profiles=profs, rports=ports(rng),
                    ra4=[internal_ra4(rng) for _ in range(rng.randint(1, 3))],
                    ra6=some(rng, 0.3, internal_ra6), desc=desc, active=active)
    if kind < 0.35:  # a service listening
        lp = [rng.choice(("RPC", "RPC-EPMap"))] if rng.random() < 0.3 else ports(rng)
        return Rule(rid, "Allow", direction, indirect(rng), protocol=proto, profiles=profs, lports=lp,
                    ra4=some(rng, 0.6, internal_ra4), ra6=some(rng, 0.4, internal_ra6),
                    app="%SystemRoot%\\system32\\svchost.exe", svc=rng.choice(SERVICES),
                    desc=indirect(rng), embed=indirect(rng), active=active)
    if kind < 0.65:  # a program, any protocol
        app, vendor = program(rng, i)
        return Rule(rid, "Allow", direction, f"{vendor} {rng.choice(PRODUCTS)} {i} (In)",
                    profiles=profs, ra4=some(rng, 0.3, internal_ra4), app=app, desc=desc,
                    edge=rng.random() < 0.1, active=active)
    if kind < 0.75:
        v6 = rng.random() < 0.5
        return Rule(rid, "Allow", direction, f"Core Networking - ICMP{6 if v6 else 4} {i} (In)",
                    protocol=58 if v6 else 1, profiles=profs,
                    icmp4=[] if v6 else ["8:*"], icmp6=["128:*"] if v6 else [],
                    ra4=some(rng, 0.5, internal_ra4), app="System",
                    embed="@FirewallAPI.dll,-25000", active=active)
    return Rule(rid, "Block" if kind > 0.97 else "Allow", direction,
                f"{rng.choice(PRODUCTS)} listener {i} ({pname}-In)", protocol=proto, profiles=profs,
                lports=ports(rng), ra4=some(rng, 0.7, internal_ra4, 3),
                ra6=some(rng, 0.2, internal_ra6), desc=desc, active=active)


def agora_rules(rng, all_inbound):
    """The rules that decide Agora's ports (agora@2020-09)."""
    d = "In" if all_inbound else "Out"
    return [
        Rule(guid(rng), "Allow", d, "Web (TCP-Out)", protocol=6, rports=["80", "443"],
             desc="HTTP and HTTPS for every program"),
        Rule(guid(rng), "Allow", d, "Agora RTC and RTM signalling (TCP-Out)", protocol=6,
             profiles=["Domain", "Private"],
             rports=["3433", "5668", "5669", "5866-6000", "6080", "6443", "8667", "9667",
                     "9130-9131", "9591", "9593"],
             desc="Agora SDKs, firewall requirements of 2020-09 (NET-2291)"),
        Rule(guid(rng), "Allow", d, "Agora media (UDP-Out)", protocol=17,
             rports=["1080", "3478", "5866-6000", "8000", "25000"]),
        Rule(guid(rng), "Block", d, "Block RTMP push on public networks (TCP-Out)", protocol=6,
             profiles=["Public"], rports=["30000-30100"]),
        Rule(guid(rng), "Allow", d, "Studio RTMP converter (TCP-Out)", protocol=6,
             rports=["30011-30013"], app="%ProgramFiles%\\Contoso\\Studio\\studio.exe"),
        Rule(guid(rng), "Block", d, "Block cloud uploads on public networks (UDP-Out)", protocol=17,
             profiles=["Public"], rports=["8000"], ra4=["13.64.0.0/11", "52.96.0.0/12"]),
        Rule(guid(rng), "Allow", d, "Legacy media relay (UDP-Out)", protocol=17,
             rports=["10000-65535"], active=False),
    ]


AGORA_RULE_COUNT = 7  # len(agora_rules(...))


def rules(n, seed, all_inbound, overlap):
    rng = random.Random(seed)
    tail = agora_rules(random.Random(seed + 1), all_inbound)
    for i in range(n - len(tail)):
        yield filler(rng, i, all_inbound, overlap)
    yield from tail


# --- rendering -----------------------------------------------------------------

def is_range(p):
    return "-" in p and p[0].isdigit()


def rule_string(r):
    f = [f"v{VERSION}", f"Action={r.action}", f"Active={'TRUE' if r.active else 'FALSE'}",
         f"Dir={r.dir}"]
    if r.protocol is not None:
        f.append(f"Protocol={r.protocol}")
    f += [f"Profile={p}" for p in r.profiles]
    f += [f"LPort2_10={p}" if is_range(p) else f"LPort={p}" for p in r.lports]
    f += [f"RPort2_10={p}" if is_range(p) else f"RPort={p}" for p in r.rports]
    f += [f"RA4={a}" for a in r.ra4] + [f"RA6={a}" for a in r.ra6]
    f += [f"ICMP4={t}" for t in r.icmp4] + [f"ICMP6={t}" for t in r.icmp6]
    if r.app:
        f.append(f"App={r.app}")
    if r.svc:
        f.append(f"Svc={r.svc}")
    f.append(f"Name={r.name}")
    if r.desc:
        f.append(f"Desc={r.desc}")
    if r.embed:
        f.append(f"EmbedCtxt={r.embed}")
    if r.edge:
        f.append("Edge=TRUE")
    return "|".join(f) + "|"


def report_rule(r, nl):
    tag = "q1:OutboundFirewallRules" if r.dir == "Out" else "q1:InboundFirewallRules"
    out = [f"        <{tag}>"]

    def el(name, value):
        out.append(f"          <q1:{name}>{escape(value)}</q1:{name}>")

    el("Version", VERSION)
    el("Action", r.action)
    el("Name", r.name)
    el("Dir", r.dir)
    if r.app:
        el("App", r.app)
    if r.svc:
        el("Svc", r.svc)
    for p in r.profiles:
        el("Profile", p)
    for a in r.ra4:
        el("RA4", a)
    for a in r.ra6:
        el("RA6", a)
    for p in r.lports:
        el("LPort", p)
    for p in r.rports:
        el("RPort", p)
    if r.protocol is not None:
        el("Protocol", str(r.protocol))
    for t in r.icmp4:
        el("ICMP4", t)
    for t in r.icmp6:
        el("ICMP6", t)
    if r.desc:
        el("Desc", r.desc)
    el("Active", "true" if r.active else "false")
    if r.edge:
        el("Edge", "true")
    if r.embed:
        el("EmbedCtxt", r.embed)
    out.append(f"        </{tag}>")
    return nl.join(out) + nl


REPORT_HEAD = """<?xml version="1.0" encoding="utf-16"?>
<GPO xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://www.microsoft.com/GroupPolicy/Settings">
  <Identifier>
    <Identifier xmlns="http://www.microsoft.com/GroupPolicy/Types">{7D1C4A52-3E0B-4F6A-9C21-5B8E0D7F1A63}</Identifier>
    <Domain xmlns="http://www.microsoft.com/GroupPolicy/Types">corp.example.com</Domain>
  </Identifier>
  <Name>Bench Workstation Firewall</Name>
  <IncludeComments>true</IncludeComments>
  <CreatedTime>2026-03-02T09:14:51</CreatedTime>
  <ModifiedTime>2026-11-18T16:40:07</ModifiedTime>
  <ReadTime>2026-11-24T08:02:33.4172215Z</ReadTime>
  <SecurityDescriptor>
    <SDDL xmlns="http://www.microsoft.com/GroupPolicy/Types/Security">O:DAG:DAD:PAI(OA;CI;CR;edacfd8f-ffb3-11d1-b41d-00a0c968f939;;AU)(A;;CCDCLCSWRPWPDTLOSDRCWDWO;;;DA)(A;CI;CCDCLCSWRPWPDTLOSDRCWDWO;;;S-1-5-21-1833989383-2035564578-3677978923-519)(A;CI;LCRPLORC;;;ED)(A;CI;LCRPLORC;;;AU)(A;CI;CCDCLCSWRPWPDTLOSDRCWDWO;;;SY)</SDDL>
    <Owner xmlns="http://www.microsoft.com/GroupPolicy/Types/Security">
      <SID xmlns="http://www.microsoft.com/GroupPolicy/Types">S-1-5-21-1833989383-2035564578-3677978923-512</SID>
      <Name xmlns="http://www.microsoft.com/GroupPolicy/Types">CORP\\Domain Admins</Name>
    </Owner>
    <PermissionsPresent xmlns="http://www.microsoft.com/GroupPolicy/Types/Security">false</PermissionsPresent>
    <AuditingPresent xmlns="http://www.microsoft.com/GroupPolicy/Types/Security">false</AuditingPresent>
  </SecurityDescriptor>
  <FilterDataAvailable>true</FilterDataAvailable>
  <Computer>
    <VersionDirectory>42</VersionDirectory>
    <VersionSysvol>42</VersionSysvol>
    <Enabled>true</Enabled>
    <ExtensionData>
      <Extension xmlns:q1="http://www.microsoft.com/GroupPolicy/Settings/WindowsFirewall" xsi:type="q1:WindowsFirewallSettings">
        <q1:GlobalSettings>
          <q1:PolicyVersion>
            <q1:Value>542</q1:Value>
          </q1:PolicyVersion>
        </q1:GlobalSettings>
"""

REPORT_TAIL = """      </Extension>
      <Name>Windows Firewall</Name>
    </ExtensionData>
  </Computer>
  <User>
    <VersionDirectory>0</VersionDirectory>
    <VersionSysvol>0</VersionSysvol>
    <Enabled>true</Enabled>
  </User>
</GPO>
"""


def report_profiles():
    out = []
    for p in PROFILES:
        out.append(f"        <q1:{p}Profile>")
        for name, value in PROFILE_SETTINGS[p] + LOGGING:
            out += [f"          <q1:{name}>", f"            <q1:Value>{'true' if value else 'false'}</q1:Value>",
                    f"          </q1:{name}>"]
        out.append(f"        </q1:{p}Profile>")
    return "\n".join(out) + "\n"


def write_text(chunks, encoding, out):
    """Writes text chunks with CRLF line ends in `encoding` (utf16le with a BOM)."""
    codec = "utf-16-le" if encoding == "utf16le" else "utf-8"
    if encoding == "utf16le":
        out.write(b"\xff\xfe")
    buf, size = [], 0
    for c in chunks:
        buf.append(c)
        size += len(c)
        if size > 1 << 20:
            out.write("".join(buf).encode(codec))
            buf, size = [], 0
    out.write("".join(buf).encode(codec))


def report_chunks(rs):
    yield (REPORT_HEAD + report_profiles()).replace("\n", "\r\n")
    for r in rs:
        yield report_rule(r, "\r\n")
    yield REPORT_TAIL.replace("\n", "\r\n")


def string_chunks(rs):
    for r in rs:
        yield rule_string(r) + "\r\n"


def pol_record(key, name, reg_type, data):
    def sz(s):
        return (s + "\0").encode("utf-16-le")
    return b"".join(("[".encode("utf-16-le"), sz(key), ";".encode("utf-16-le"), sz(name),
                     ";".encode("utf-16-le"), struct.pack("<I", reg_type), ";".encode("utf-16-le"),
                     struct.pack("<I", len(data)), ";".encode("utf-16-le"), data,
                     "]".encode("utf-16-le")))


def write_pol(rs, out):
    out.write(b"PReg" + struct.pack("<I", 1))
    out.write(pol_record(FIREWALL_KEY, "PolicyVersion", 4, struct.pack("<I", 542)))
    for p in PROFILES:
        key = f"{FIREWALL_KEY}\\{p}Profile"
        for name, value in PROFILE_SETTINGS[p]:
            out.write(pol_record(key, name, 4, struct.pack("<I", value)))
        for name, value in LOGGING:
            out.write(pol_record(key + "\\Logging", name, 4, struct.pack("<I", value)))
    key = f"{FIREWALL_KEY}\\FirewallRules"
    buf = []
    for r in rs:
        buf.append(pol_record(key, r.rid, 1, (rule_string(r) + "\0").encode("utf-16-le")))
        if len(buf) >= 4096:
            out.write(b"".join(buf))
            buf = []
    out.write(b"".join(buf))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rules", type=int, required=True, help="number of rules (at least 7)")
    ap.add_argument("--form", choices=("report", "pol", "strings"), default="report")
    ap.add_argument("--encoding", choices=("utf16le", "utf8"), default="utf16le",
                    help="report and strings only; registry.pol is always UTF-16LE")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--all-inbound", action="store_true",
                    help="every rule inbound: the outbound checks have nothing to evaluate")
    ap.add_argument("--overlap", type=float, default=0.0, metavar="F",
                    help="fraction of outbound program rules that also open a port Agora needs "
                         "(443, WinRM 5985/5986); default 0")
    args = ap.parse_args()
    if args.rules < AGORA_RULE_COUNT:
        ap.error(f"--rules must be at least {AGORA_RULE_COUNT} (the Agora rules)")
    out = sys.stdout.buffer
    rs = rules(args.rules, args.seed, args.all_inbound, args.overlap)
    if args.form == "pol":
        write_pol(rs, out)
    elif args.form == "report":
        write_text(report_chunks(rs), args.encoding, out)
    else:
        write_text(string_chunks(rs), args.encoding, out)
    out.flush()


if __name__ == "__main__":
    main()
