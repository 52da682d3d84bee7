; The Windows installer, made on Linux by Debian's makensis (make dist-windows). Tauri's own NSIS bundler
; cannot run on these machines: it fetches a plugin DLL pinned by checksum from GitHub.
; Per-user (no administrator rights): the app and the CLI side by side (with WebView2Loader.dll), the sheet's fonts beside them in
; fonts\ (where zhicheng_sheet::fonts::default_dir looks), a Start menu entry, an uninstaller that removes
; the program and leaves the user's workspace (%APPDATA%) alone.
;   makensis -DVERSION=0.1.0 -DBIN=<folder with the two .exe> -DROOT=<repository> -DOUT=<setup.exe> installer.nsi
Unicode true
ManifestDPIAware true
SetCompressor /SOLID lzma

!ifndef VERSION
  !error "give -DVERSION= -DBIN= -DROOT= -DOUT="
!endif
!ifndef BIN
  !error "give -DBIN= (the folder with zhicheng-app.exe and zhicheng.exe)"
!endif
!ifndef ROOT
  !error "give -DROOT= (the repository)"
!endif
!ifndef OUT
  !error "give -DOUT= (the setup .exe to write)"
!endif

!define NAME_ZH "绿色低碳职称申报助手"
!define NAME_EN "Green & Low-Carbon Title Assistant"
!define KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\cn.zhicheng.lowcarbon"

Name "${NAME_ZH}"
OutFile "${OUT}"
InstallDir "$LOCALAPPDATA\Programs\zhicheng"
InstallDirRegKey HKCU "${KEY}" "InstallLocation"
RequestExecutionLevel user
BrandingText "${NAME_ZH} ${VERSION}"
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${NAME_ZH}"
VIAddVersionKey /LANG=0 "FileDescription" "${NAME_EN}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "MIT"

!include "MUI2.nsh"
!define MUI_ICON "${ROOT}/icons/icon.ico"
!define MUI_UNICON "${ROOT}/icons/icon.ico"
!define MUI_FINISHPAGE_RUN "$INSTDIR\zhicheng-app.exe"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
; The installer speaks the system's language: Chinese on a Chinese Windows, else English.
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

Function .onInit
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Section "Install"
  SetOutPath "$INSTDIR"
  File "${BIN}/zhicheng-app.exe"
  File "${BIN}/zhicheng.exe"
  ; The GNU target links WebView2 through this loader (the MSVC target would link it statically).
  File "${BIN}/WebView2Loader.dll"
  File "${ROOT}/LICENSE"
  SetOutPath "$INSTDIR\fonts"
  File "${ROOT}/fonts/NotoSerifSC-Regular.otf"
  File "${ROOT}/fonts/NotoSansSC-Bold.otf"
  File "${ROOT}/fonts/HanaMinB.ttf"
  File "${ROOT}/fonts/LICENSE-NotoCJK.txt"
  File "${ROOT}/fonts/LICENSE-Hanazono.txt"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "$SMPROGRAMS\${NAME_ZH}.lnk" "$INSTDIR\zhicheng-app.exe"
  WriteRegStr HKCU "${KEY}" "DisplayName" "${NAME_ZH}"
  WriteRegStr HKCU "${KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${KEY}" "DisplayIcon" "$INSTDIR\zhicheng-app.exe"
  WriteRegStr HKCU "${KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKCU "${KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  ; Only what the installer put there: the workspace (the applicant file, the vault) is the user's.
  Delete "$INSTDIR\zhicheng-app.exe"
  Delete "$INSTDIR\zhicheng.exe"
  Delete "$INSTDIR\WebView2Loader.dll"
  Delete "$INSTDIR\LICENSE"
  Delete "$INSTDIR\fonts\NotoSerifSC-Regular.otf"
  Delete "$INSTDIR\fonts\NotoSansSC-Bold.otf"
  Delete "$INSTDIR\fonts\HanaMinB.ttf"
  Delete "$INSTDIR\fonts\LICENSE-NotoCJK.txt"
  Delete "$INSTDIR\fonts\LICENSE-Hanazono.txt"
  RMDir "$INSTDIR\fonts"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${NAME_ZH}.lnk"
  DeleteRegKey HKCU "${KEY}"
SectionEnd
