# `./dev package`: a Debian package of the installed files, its dependencies computed from the
# libraries the binary links (dpkg-shlibdeps), so it installs with `apt-get install ./FILE.deb`.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME sourceline)
set(CPACK_PACKAGE_VENDOR "The Sourceline developers")
set(CPACK_PACKAGE_CONTACT "The Sourceline developers <maintainers@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "timeline viewer that keeps every event beside its evidence")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "Sourceline shows dated events on a timeline, one lane per actor, and keeps every event\n\
beside the exact source sentences it rests on. It opens its own timeline format,\n\
TimelineJS JSON files and TimelineJS spreadsheets saved as CSV, and writes\n\
TimelineJS JSON, CSV and PNG pictures of the chart, also from the command line.")
set(CPACK_PACKAGE_INSTALL_DIRECTORY sourceline)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION graphics)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Qt loads the SVG icon engine as a plugin at run time, so dpkg-shlibdeps cannot see it.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6svg6")
set(CPACK_STRIP_FILES ON)
include(CPack)
