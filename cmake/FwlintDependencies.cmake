# Finds the Debian-packaged dependencies and exposes them as imported targets.
find_package(Boost 1.74 REQUIRED COMPONENTS program_options)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(yaml-cpp REQUIRED)
find_package(tinyxml2 REQUIRED)

find_path(ANTLR4_RUNTIME_INCLUDE_DIR antlr4-runtime.h
          PATH_SUFFIXES antlr4-runtime REQUIRED)
find_library(ANTLR4_RUNTIME_LIBRARY NAMES antlr4-runtime REQUIRED)
add_library(fwlint::antlr4 INTERFACE IMPORTED)
# SYSTEM: the 4.9 runtime headers trip -Wattributes; they are not our code.
set_target_properties(fwlint::antlr4 PROPERTIES
  INTERFACE_SYSTEM_INCLUDE_DIRECTORIES ${ANTLR4_RUNTIME_INCLUDE_DIR}
  INTERFACE_INCLUDE_DIRECTORIES ${ANTLR4_RUNTIME_INCLUDE_DIR}
  INTERFACE_LINK_LIBRARIES ${ANTLR4_RUNTIME_LIBRARY})

find_program(ANTLR4_TOOL NAMES antlr4 REQUIRED)
