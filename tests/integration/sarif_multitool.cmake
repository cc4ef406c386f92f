# The SARIF output validated with Microsoft's SARIF multitool, with the default
# rule kinds and with GitHub's ingestion rules (docs/sarif.md). The multitool
# comes from scripts/install-deps.sh (npm, into .tools/); where it is missing
# the test is skipped, except in CI (CI=true), where that fails.
add_test(NAME Integration.SarifMultitool
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/sarif_multitool.sh
                 $<TARGET_FILE:agora-fwlint> ${PROJECT_SOURCE_DIR}
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(Integration.SarifMultitool PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)
