# The Debian package of this build (cpack -G DEB): control fields, contents,
# and, as root, install, run and remove (docs/install.md).
add_test(NAME Integration.DebPackage
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/deb_package.sh
                 ${CMAKE_CPACK_COMMAND} ${PROJECT_BINARY_DIR} ${PROJECT_SOURCE_DIR})
set_tests_properties(Integration.DebPackage PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 900)
