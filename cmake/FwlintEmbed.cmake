# fwlint_embed_files(<output.cpp> <symbol> <files...>): compiles data files into the
# binary as an array of {name, bytes}, so built-in rule packs and the rule pages
# need no install path.
function(fwlint_embed_files output symbol)
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${output} -DSYMBOL=${symbol}
            "-DFILES=${ARGN}" -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/embed_files.cmake
    DEPENDS ${ARGN} ${CMAKE_CURRENT_SOURCE_DIR}/cmake/embed_files.cmake
    COMMENT "Embedding ${symbol}"
    VERBATIM)
endfunction()
