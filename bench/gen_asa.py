#!/usr/bin/env python3
"""Writes a synthetic Cisco ASA running-config with N access-list entries.

The config has three interfaces, nested network and service object-groups and
an inbound ACL of N mostly irrelevant entries followed by the permits a
benchmark run evaluates, so every requirement walks the whole list.
Usage: gen_asa.py N > out.cfg
"""
import sys


def main() -> None:
    n = int(sys.argv[1])
    out = sys.stdout
    out.write("ASA Version 9.8(2)\n!\nhostname bench\n")
    for idx, (name, level, net) in enumerate(
            [("outside", 0, "203.0.113.2"), ("inside", 100, "10.0.0.1"), ("dmz", 50, "172.16.0.1")]):
        out.write(f"interface GigabitEthernet0/{idx}\n nameif {name}\n security-level {level}\n"
                  f" ip address {net} 255.255.0.0\n!\n")
    out.write("object-group network SERVERS\n")
    for i in range(1000):
        out.write(f" network-object host 198.51.{i // 250}.{i % 250 + 1}\n")
    out.write("object-group network CLIENTS\n")
    for i in range(1000):
        out.write(f" network-object 10.{i // 250}.{i % 250}.0 255.255.255.0\n")
    out.write("object-group service WEB tcp\n port-object eq www\n port-object eq https\n")
    for i in range(n):
        proto = ("tcp", "udp")[i % 2]
        out.write(f"access-list inside_in extended permit {proto} 10.{i % 250}.{i // 250 % 250}.0 "
                  f"255.255.255.0 host 198.51.100.{i % 250 + 1} eq {1024 + i % 60000}\n")
    out.write("access-list inside_in extended permit tcp object-group CLIENTS object-group SERVERS object-group WEB\n")
    out.write("access-list inside_in extended permit tcp any any\n")
    out.write("access-list inside_in extended deny udp any any range 10000 20000\n")
    out.write("access-list inside_in extended permit udp any any\n")
    out.write("access-group inside_in in interface inside\n")


if __name__ == "__main__":
    main()
