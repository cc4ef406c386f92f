// SPDX-License-Identifier: Apache-2.0
// One line of an iptables-save dump as a flat list of words; the meaning of
// each word depends on the option before it and is given by the extractor.
parser grammar IptablesParser;

options { tokenVocab = IptablesLexer; }

line : word* EOF ;
word : WORD | QUOTED ;
