#!/usr/bin/env python3
"""Writes a synthetic pf.conf with N filter rules.

A router-like ruleset: macros and tables, `block all`, N mostly irrelevant
per-host pass/block rules with port lists and operators, an inline anchor,
and the rules that decide the Agora ports last, so every requirement is
evaluated against the whole ruleset inbound and outbound.
Usage: gen_pf.py N > pf.conf
"""
import sys


def main() -> None:
    n = int(sys.argv[1])
    out = sys.stdout
    out.write('ext_if = "em0"\nint_if = "em1"\nweb = "{ 80, 443 }"\n')
    out.write("table <servers> const { 198.51.100.0/24, 203.0.113.0/25 }\n")
    out.write("set skip on lo\nblock all\n")
    out.write("match out on egress inet from 10.0.0.0/8 to any nat-to (egress:0)\n")
    for i in range(n):
        host = f"10.{i // 62500 % 250}.{i // 250 % 250}.{i % 250 + 1}"
        port = 1024 + i % 60000
        if i % 9 == 0:
            out.write(f"block in quick on $int_if proto udp from {host} to <servers> port {port}\n")
        elif i % 5 == 0:
            out.write(f"pass in on $int_if proto tcp from {host} to any port {{ {port}, {port + 2}:{port + 9} }}\n")
        else:
            out.write(f"pass in on $int_if proto {('tcp', 'udp')[i % 2]} from {host} "
                      f"to 198.51.100.{i % 250 + 1} port >= {port}\n")
    out.write('anchor "agora" {\n')
    out.write("  pass in on $int_if proto tcp to port { $web, 3433, 5668:5669, 5866:6000, 6080, 6443 }\n")
    out.write("  pass in on $int_if proto tcp to port { 8667, 9667, 9130:9131, 9591, 9593, 30011:30013 }\n")
    out.write("  pass in on $int_if proto udp to port { 1080, 3478, 5866:6000, 8000, 25000 }\n")
    out.write("}\n")
    out.write("pass out on egress\n")


if __name__ == "__main__":
    main()
