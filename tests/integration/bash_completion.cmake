# The generated bash completion (packaging/), driven as bash drives it.
add_test(NAME Integration.BashCompletion
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/bash_completion.sh ${FWLINT_COMPLETION}
                 $<TARGET_FILE:agora-fwlint> ${PROJECT_SOURCE_DIR})
set_tests_properties(Integration.BashCompletion PROPERTIES TIMEOUT 120)
