from qt_trim import trimmed_qt6_dependencies  # packaging/hooks is on the path (collabdesk.spec)

hiddenimports, binaries, datas = trimmed_qt6_dependencies(__file__)
