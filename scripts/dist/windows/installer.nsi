; The Windows installer of ILSA Coach, built by scripts/dist.sh with makensis.
;
; Per user, without administrator rights: the program goes to the user's
; local programs folder (%LOCALAPPDATA%\Programs\ILSA Coach), the Start-menu
; entry and the optional desktop shortcut to the user's own menus, and the
; entry in "Apps & features" to HKCU. Running it again upgrades in place.
; The uninstaller removes the program and its shortcuts only: the user's
; data (%LOCALAPPDATA%\ILSA Coach) is never touched.
;
; makensis -DVERSION=0.1.0 -DVERSION4=0.1.0.0 -DEXE=path\ilsa.exe -DICON=ilsa.ico -DOUTFILE=setup.exe installer.nsi

; A 64-bit installer for a 64-bit program: it also runs in a 64-bit-only
; Wine prefix, which the release smoke test uses.
Target amd64-unicode
SetCompressor /SOLID lzma
RequestExecutionLevel user
ManifestDPIAware true

!define APPNAME "ILSA Coach"
!define APPID "eu.ilsa.coach"
!define PUBLISHER "ILSA – Innovation Leadership Sweden–Norway"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APPID}"

Name "${APPNAME}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APPNAME}"
; An earlier install, wherever the user put it, is upgraded in place.
InstallDirRegKey HKCU "${UNINSTKEY}" "InstallLocation"

VIProductVersion "${VERSION4}"
VIAddVersionKey /LANG=0 "ProductName" "${APPNAME}"
VIAddVersionKey /LANG=0 "FileDescription" "${APPNAME} installer"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "LegalCopyright" "${PUBLISHER}"

!include "MUI2.nsh"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\ilsa.exe"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; The installer speaks the user's Windows language: Swedish, Norwegian
; (Bokmål) or English.
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "Swedish"
!insertmacro MUI_LANGUAGE "Norwegian"

LangString SecProgram ${LANG_ENGLISH} "${APPNAME} (required)"
LangString SecProgram ${LANG_SWEDISH} "${APPNAME} (krävs)"
LangString SecProgram ${LANG_NORWEGIAN} "${APPNAME} (påkrevd)"
LangString SecDesktop ${LANG_ENGLISH} "Desktop shortcut"
LangString SecDesktop ${LANG_SWEDISH} "Genväg på skrivbordet"
LangString SecDesktop ${LANG_NORWEGIAN} "Snarvei på skrivebordet"
LangString DataKept ${LANG_ENGLISH} "Your visits, organisations and settings are kept in $LOCALAPPDATA\${APPNAME}; uninstalling does not remove them."
LangString DataKept ${LANG_SWEDISH} "Dina besök, organisationer och inställningar finns kvar i $LOCALAPPDATA\${APPNAME}; avinstallationen tar inte bort dem."
LangString DataKept ${LANG_NORWEGIAN} "Besøkene, organisasjonene og innstillingene dine ligger fortsatt i $LOCALAPPDATA\${APPNAME}; avinstalleringen fjerner dem ikke."

Section "!$(SecProgram)" SecMain
	SectionIn RO
	SetOutPath "$INSTDIR"
	; Overwriting in place is the upgrade; the data folder is elsewhere.
	File "/oname=ilsa.exe" "${EXE}"
	WriteUninstaller "$INSTDIR\uninstall.exe"

	CreateShortcut "$SMPROGRAMS\${APPNAME}.lnk" "$INSTDIR\ilsa.exe" "" "$INSTDIR\ilsa.exe" 0

	WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "${APPNAME}"
	WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
	WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "${PUBLISHER}"
	WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\ilsa.exe"
	WriteRegStr HKCU "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
	WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
	WriteRegStr HKCU "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
	WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
	WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
SectionEnd

Section "$(SecDesktop)" SecDesktop
	CreateShortcut "$DESKTOP\${APPNAME}.lnk" "$INSTDIR\ilsa.exe" "" "$INSTDIR\ilsa.exe" 0
SectionEnd

Section "Uninstall"
	Delete "$INSTDIR\ilsa.exe"
	Delete "$INSTDIR\uninstall.exe"
	RMDir "$INSTDIR" ; only when empty: nothing of the user's is removed
	Delete "$SMPROGRAMS\${APPNAME}.lnk"
	Delete "$DESKTOP\${APPNAME}.lnk"
	DeleteRegKey HKCU "${UNINSTKEY}"
	DetailPrint "$(DataKept)"
SectionEnd
