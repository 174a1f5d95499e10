# Install rules and the package config, so that after `cmake --install` a project can do
#   find_package(ctnn CONFIG REQUIRED)
#   target_link_libraries(app PRIVATE ctnn::ctnn)
#   ctnn_add_model(kws MODEL kws.tflite)
include(CMakePackageConfigHelpers)

set(CTNN_INSTALL_CMAKEDIR "${CMAKE_INSTALL_DATADIR}/cmake/ctnn")

install(DIRECTORY include/ctnn DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
install(TARGETS ctnn EXPORT ctnnTargets)
install(EXPORT ctnnTargets NAMESPACE ctnn:: DESTINATION "${CTNN_INSTALL_CMAKEDIR}")

configure_package_config_file(cmake/ctnnConfig.cmake.in "${CMAKE_CURRENT_BINARY_DIR}/ctnnConfig.cmake"
  INSTALL_DESTINATION "${CTNN_INSTALL_CMAKEDIR}")
write_basic_package_version_file("${CMAKE_CURRENT_BINARY_DIR}/ctnnConfigVersion.cmake"
  COMPATIBILITY SameMinorVersion ARCH_INDEPENDENT)
install(FILES
  "${CMAKE_CURRENT_BINARY_DIR}/ctnnConfig.cmake"
  "${CMAKE_CURRENT_BINARY_DIR}/ctnnConfigVersion.cmake"
  cmake/CtnnDependencies.cmake
  cmake/CtnnModel.cmake
  DESTINATION "${CTNN_INSTALL_CMAKEDIR}")
