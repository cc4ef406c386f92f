# fwlint_add_grammar(<dir> <Prefix>): generates C++ for grammars/<dir>/<Prefix>Lexer.g4
# and <Prefix>Parser.g4 into the build tree (never into the source tree) and appends the
# outputs to FWLINT_GRAMMAR_SOURCES / FWLINT_GRAMMAR_INCLUDE_DIRS.
function(fwlint_add_grammar dir prefix)
  set(src ${CMAKE_CURRENT_SOURCE_DIR}/grammars/${dir})
  set(out ${CMAKE_CURRENT_BINARY_DIR}/generated/grammars/${dir})
  set(outputs
    ${out}/${prefix}Lexer.cpp ${out}/${prefix}Lexer.h
    ${out}/${prefix}Parser.cpp ${out}/${prefix}Parser.h)
  add_custom_command(
    OUTPUT ${outputs}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${out}
    COMMAND ${ANTLR4_TOOL} -Dlanguage=Cpp -no-listener -no-visitor
            -package fwlint::grammar::${dir} -Xexact-output-dir -o ${out}
            ${src}/${prefix}Lexer.g4
    COMMAND ${ANTLR4_TOOL} -Dlanguage=Cpp -no-listener -no-visitor
            -package fwlint::grammar::${dir} -Xexact-output-dir -o ${out}
            -lib ${out} ${src}/${prefix}Parser.g4
    DEPENDS ${src}/${prefix}Lexer.g4 ${src}/${prefix}Parser.g4
    COMMENT "Generating the ${dir} parser with ANTLR"
    VERBATIM)
  set(FWLINT_GRAMMAR_SOURCES ${FWLINT_GRAMMAR_SOURCES}
      ${out}/${prefix}Lexer.cpp ${out}/${prefix}Parser.cpp PARENT_SCOPE)
  set(FWLINT_GRAMMAR_INCLUDE_DIRS ${FWLINT_GRAMMAR_INCLUDE_DIRS} ${out} PARENT_SCOPE)
endfunction()
