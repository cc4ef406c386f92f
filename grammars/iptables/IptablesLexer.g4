// SPDX-License-Identifier: Apache-2.0
// Tokens of one iptables-save line (the reader splits the dump into lines and
// handles comments; a line is never longer than the reader's cap).
lexer grammar IptablesLexer;

// A double-quoted string with backslash escapes ("a \"b\" c").
QUOTED : '"' ( '\\' . | ~["\\\r\n] )* '"' ;
// Any run of non-blank characters outside quotes: options, values, '!'.
WORD : ~[ \t\r\n"]+ ;
WS : [ \t\r\n]+ -> skip ;
