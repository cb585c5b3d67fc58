# Installation of one build (one LLVM major) of PPCGoABI.
#
# The LLVM 19 and LLVM 22 builds install side by side into one prefix, so
# every file that depends on the LLVM major carries it in its name:
#
#   lib/PPCGoABI-<major>.so                     the plugin
#   bin/ppc-go-abi-check-<major>                the object checker
#   bin/ppc-go-stubs-<major>                    the Go stub generator
#   lib/cmake/PPCGoABI/PPCGoABI-llvm<major>.cmake   what find_package learns
#                                               about that build
#
# Shared by every build, and identical whichever installs them last:
#
#   lib/cmake/PPCGoABI/PPCGoABIConfig.cmake     find_package(PPCGoABI)
#   lib/cmake/PPCGoABI/PPCGoABIConfigVersion.cmake
#   share/doc/ppcgoabi/                         the documentation
#
# The build of the newest supported major also installs the unversioned
# names lib/PPCGoABI.so, bin/ppc-go-abi-check and bin/ppc-go-stubs (symbolic
# links), for the common case of one LLVM; PPCGOABI_INSTALL_UNVERSIONED
# changes who owns them.

include(CMakePackageConfigHelpers)

set(PPCGOABI_PLUGIN_INSTALL_NAME PPCGoABI-${LLVM_VERSION_MAJOR}.so)
set(PPCGOABI_CHECKER_INSTALL_NAME ppc-go-abi-check-${LLVM_VERSION_MAJOR})
set(PPCGOABI_STUBS_INSTALL_NAME ppc-go-stubs-${LLVM_VERSION_MAJOR})
set(PPCGOABI_CMAKE_INSTALL_DIR lib/cmake/PPCGoABI)

list(GET PPCGOABI_SUPPORTED_LLVM_MAJORS -1 ppcgoabi_newest_major)
if(LLVM_VERSION_MAJOR EQUAL ppcgoabi_newest_major)
  set(ppcgoabi_owns_unversioned ON)
else()
  set(ppcgoabi_owns_unversioned OFF)
endif()
option(PPCGOABI_INSTALL_UNVERSIONED
  "Also install lib/PPCGoABI.so, bin/ppc-go-abi-check and bin/ppc-go-stubs for this build"
  ${ppcgoabi_owns_unversioned})

install(PROGRAMS $<TARGET_FILE:PPCGoABI>
  DESTINATION lib RENAME ${PPCGOABI_PLUGIN_INSTALL_NAME})
install(PROGRAMS $<TARGET_FILE:ppc-go-abi-check>
  DESTINATION bin RENAME ${PPCGOABI_CHECKER_INSTALL_NAME})
install(PROGRAMS $<TARGET_FILE:ppc-go-stubs>
  DESTINATION bin RENAME ${PPCGOABI_STUBS_INSTALL_NAME})
if(PPCGOABI_INSTALL_UNVERSIONED)
  foreach(link IN ITEMS "lib/PPCGoABI.so:${PPCGOABI_PLUGIN_INSTALL_NAME}"
                        "bin/ppc-go-abi-check:${PPCGOABI_CHECKER_INSTALL_NAME}"
                        "bin/ppc-go-stubs:${PPCGOABI_STUBS_INSTALL_NAME}")
    string(REPLACE ":" ";" link "${link}")
    list(GET link 0 name)
    list(GET link 1 target)
    install(CODE "
      set(ppcgoabi_link \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${name}\")
      message(STATUS \"Installing: \${ppcgoabi_link} -> ${target}\")
      file(REMOVE \"\${ppcgoabi_link}\")
      file(CREATE_LINK \"${target}\" \"\${ppcgoabi_link}\" SYMBOLIC)")
  endforeach()
endif()

configure_file(${PROJECT_SOURCE_DIR}/cmake/PPCGoABI-llvm.cmake.in
  ${PROJECT_BINARY_DIR}/cmake/PPCGoABI-llvm${LLVM_VERSION_MAJOR}.cmake @ONLY)
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/PPCGoABIConfig.cmake.in
  ${PROJECT_BINARY_DIR}/cmake/PPCGoABIConfig.cmake
  INSTALL_DESTINATION ${PPCGOABI_CMAKE_INSTALL_DIR})
write_basic_package_version_file(
  ${PROJECT_BINARY_DIR}/cmake/PPCGoABIConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES
  ${PROJECT_BINARY_DIR}/cmake/PPCGoABIConfig.cmake
  ${PROJECT_BINARY_DIR}/cmake/PPCGoABIConfigVersion.cmake
  ${PROJECT_BINARY_DIR}/cmake/PPCGoABI-llvm${LLVM_VERSION_MAJOR}.cmake
  DESTINATION ${PPCGOABI_CMAKE_INSTALL_DIR})

install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/ DESTINATION share/doc/ppcgoabi)
