# The pre-commit hook of .pre-commit-hooks.yaml, run by pre-commit in a
# throwaway repository (docs/pre-commit.md).
add_test(NAME Integration.PreCommit
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/pre_commit.sh
                 $<TARGET_FILE:agora-fwlint> ${PROJECT_SOURCE_DIR})
set_tests_properties(Integration.PreCommit PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120)
