# The Debian package (`make deb`), built by CPack's DEB generator from these install rules:
# the binary, the static files, the systemd units, the default configuration (a conffile,
# being under /etc), the man page uppsikt(1) generated from --help, the README, and the
# maintainer scripts in packaging/debian that create the user and the directories.
include(GNUInstallDirs)

# uppsikt(1), from the same text as --help (help2man), rebuilt with the binary.
add_custom_command(OUTPUT ${CMAKE_BINARY_DIR}/uppsikt.1.gz
  COMMAND ${CMAKE_SOURCE_DIR}/scripts/make-manpage $<TARGET_FILE:uppsikt> ${CMAKE_BINARY_DIR}/uppsikt.1
  COMMAND gzip -9nf ${CMAKE_BINARY_DIR}/uppsikt.1
  DEPENDS uppsikt ${CMAKE_SOURCE_DIR}/scripts/make-manpage
  COMMENT "Writing the man page uppsikt(1)")
add_custom_target(uppsikt_manpage ALL DEPENDS ${CMAKE_BINARY_DIR}/uppsikt.1.gz)

set(CMAKE_INSTALL_PREFIX /usr)
install(TARGETS uppsikt RUNTIME DESTINATION bin)
install(DIRECTORY ${CMAKE_BINARY_DIR}/static/ DESTINATION share/uppsikt/static)
install(FILES ${CMAKE_BINARY_DIR}/uppsikt.1.gz DESTINATION share/man/man1)
install(FILES README.md DESTINATION share/doc/uppsikt)
install(PROGRAMS packaging/uppsikt-backup DESTINATION lib/uppsikt)
# Debian 12 keeps packaged units under /lib/systemd/system.
install(FILES packaging/systemd/uppsikt.service packaging/systemd/uppsikt-backup.service
              packaging/systemd/uppsikt-backup.timer
        DESTINATION /lib/systemd/system)
# postinst gives the directory and the file to the group uppsikt, which exists only then.
install(DIRECTORY DESTINATION /etc/uppsikt
        DIRECTORY_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE)
install(FILES packaging/uppsikt.conf DESTINATION /etc/uppsikt
        PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME uppsikt)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "Uppsikt <uppsikt@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "follow-up of municipal governing documents (uppföljning av styrdokument)")
set(CPACK_PACKAGE_DESCRIPTION "Uppsikt replaces the Word files of yearly follow-ups with one web application: \
rounds of questions, answers by every committee and company, approval and compiled reports. \
Runs on SQLite by default, or on PostgreSQL.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION web)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)  # library dependencies from the binary (dpkg-shlibdeps)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "init-system-helpers (>= 1.54), passwd, fonts-dejavu-core, fonts-liberation2")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "postgresql, nginx | haproxy, prometheus")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${CMAKE_SOURCE_DIR}/packaging/debian/conffiles
    ${CMAKE_SOURCE_DIR}/packaging/debian/postinst
    ${CMAKE_SOURCE_DIR}/packaging/debian/prerm
    ${CMAKE_SOURCE_DIR}/packaging/debian/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_PACKAGE_DIRECTORY ${CMAKE_BINARY_DIR}/package)
include(CPack)
