# What `cmake --install` puts where, and the Debian package (`cpack -G DEB`);
# docs/install.md describes both. Included from the top-level CMakeLists.txt.
include(GNUInstallDirs)
set(FWLINT_PACKAGING_DIR ${CMAKE_CURRENT_LIST_DIR})
set(FWLINT_GENERATED_DIR ${CMAKE_CURRENT_BINARY_DIR}/packaging)

install(TARGETS agora-fwlint RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# --- man page: help2man on the built binary's --help and --version, plus
# packaging/agora-fwlint.h2m for the sections --help does not have.
find_program(FWLINT_HELP2MAN help2man)
# The page is installed compressed (gzip -9n: no name or time stamp, so the
# build is reproducible), as Debian's policy asks and man reads everywhere.
find_program(FWLINT_GZIP gzip)
if(FWLINT_HELP2MAN AND FWLINT_GZIP)
  set(FWLINT_MAN_PAGE ${FWLINT_GENERATED_DIR}/agora-fwlint.1)
  add_custom_command(
    OUTPUT ${FWLINT_MAN_PAGE}
    COMMAND ${CMAKE_COMMAND} -E env FWLINT_BINARY=$<TARGET_FILE:agora-fwlint>
            ${FWLINT_HELP2MAN} --no-info
            --name "check firewall configs against Agora's firewall requirements"
            --include ${FWLINT_PACKAGING_DIR}/agora-fwlint.h2m
            --output ${FWLINT_MAN_PAGE}
            ${FWLINT_PACKAGING_DIR}/help2man-filter.sh
    DEPENDS agora-fwlint ${FWLINT_PACKAGING_DIR}/agora-fwlint.h2m
            ${FWLINT_PACKAGING_DIR}/help2man-filter.sh
    COMMENT "Generating the agora-fwlint(1) man page"
    VERBATIM)
  add_custom_command(
    OUTPUT ${FWLINT_MAN_PAGE}.gz
    COMMAND ${FWLINT_GZIP} -9nkf ${FWLINT_MAN_PAGE}
    DEPENDS ${FWLINT_MAN_PAGE}
    VERBATIM)
  add_custom_target(fwlint_man_page ALL DEPENDS ${FWLINT_MAN_PAGE}.gz)
  install(FILES ${FWLINT_MAN_PAGE}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
  message(WARNING "help2man or gzip not found: no man page is built or installed (scripts/install-deps.sh installs help2man)")
endif()

# --- bash completion: the options from the built binary's --help.
set(FWLINT_COMPLETION ${FWLINT_GENERATED_DIR}/agora-fwlint.bash)
add_custom_command(
  OUTPUT ${FWLINT_COMPLETION}
  COMMAND ${CMAKE_COMMAND} -DBINARY=$<TARGET_FILE:agora-fwlint>
          -DTEMPLATE=${FWLINT_PACKAGING_DIR}/bash-completion.in -DOUTPUT=${FWLINT_COMPLETION}
          -P ${FWLINT_PACKAGING_DIR}/generate-completion.cmake
  DEPENDS agora-fwlint ${FWLINT_PACKAGING_DIR}/bash-completion.in
          ${FWLINT_PACKAGING_DIR}/generate-completion.cmake
  COMMENT "Generating the bash completion of agora-fwlint"
  VERBATIM)
add_custom_target(fwlint_completion ALL DEPENDS ${FWLINT_COMPLETION})
install(FILES ${FWLINT_COMPLETION} RENAME agora-fwlint
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)

# --- documentation, and the built-in packs as a reference and for --rules.
# copyright: the Debian machine-readable form, where Debian looks for it.
install(FILES README.md LICENSE packaging/copyright DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY docs DESTINATION ${CMAKE_INSTALL_DOCDIR}
        FILES_MATCHING PATTERN "*.md" PATTERN "*.json")
install(FILES ${FWLINT_PACK_FILES} rules/pack.schema.json rules/README.md
        DESTINATION ${CMAKE_INSTALL_DATADIR}/agora-fwlint/rules)

# --- Debian package: cpack -G DEB in the build directory.
set(FWLINT_PACKAGE_MAINTAINER "agora-fwlint maintainers <maintainers@users.noreply.b-seed-65c2b473.example>"
    CACHE STRING "Maintainer field of the Debian package")
set(FWLINT_PACKAGE_HOMEPAGE "" CACHE STRING "Homepage field of the Debian package (left out when empty)")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME agora-fwlint)
set(CPACK_PACKAGE_CONTACT "${FWLINT_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "firewall config checker for Agora's firewall requirements")
set(CPACK_PACKAGE_DESCRIPTION
    "agora-fwlint reads a Cisco ASA running-config, an iptables-save dump, a pf.conf or a
Windows Defender Firewall policy and checks it against connectivity requirements,
first of all the ports and domains Agora's SDKs need. It reports which required
port or domain is blocked, from where, and which line of the config decides it,
as text, JSON or SARIF. A pre-commit hook runs it on every commit of a config.")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${FWLINT_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
if(FWLINT_PACKAGE_HOMEPAGE)
  set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${FWLINT_PACKAGE_HOMEPAGE}")
endif()
# Depends: from the libraries the binary links, as dpkg-shlibdeps finds them.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "bash-completion, pre-commit")
# `package_source` (a source tarball) leaves out git and the build trees.
set(CPACK_SOURCE_GENERATOR TGZ)
set(CPACK_SOURCE_IGNORE_FILES "/\\.git/" "/build[^/]*/" "/cmake-build[^/]*/")
include(CPack)
