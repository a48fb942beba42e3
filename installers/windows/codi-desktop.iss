; Inno Setup 6 script for CODI Desktop on Windows (docs/INSTALL.md, "Windows").
; Build on Windows, after the PyInstaller folder exists (dist\codi-desktop):
;   iscc /DAppVersion=0.1.0 installers\windows\codi-desktop.iss
; Output: dist\codi-desktop-0.1.0-setup.exe
;
; Per user: no administrator rights, installed under %LOCALAPPDATA%\Programs. The data
; (database, backups, logs) is NOT in the install folder: the app keeps it in
; %LOCALAPPDATA%\CODI\CODI Desktop (platformdirs), which neither an upgrade nor the
; uninstaller touches. An upgrade is the next setup.exe run over the old one (same AppId);
; the first start of the new version backs the database up and migrates it.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z codi-desktop.iss
#endif

[Setup]
; Never change AppId: it is how an upgrade finds the installed copy.
AppId={{6F0C8F7A-3C2B-4C1E-9B7D-2A7E4C0D9E51}
AppName=CODI Desktop
AppVersion={#AppVersion}
AppVerName=CODI Desktop {#AppVersion}
AppPublisher=CODI (Community Organizations Development Institute)
AppPublisherURL=https://www.codi.or.th/
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=
DefaultDirName={localappdata}\Programs\CODI Desktop
DisableDirPage=yes
DefaultGroupName=CODI Desktop
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
OutputDir=..\..\dist
OutputBaseFilename=codi-desktop-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\codi-desktop.ico
UninstallDisplayIcon={app}\codi-desktop.exe
UninstallDisplayName=CODI Desktop
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
; A running copy holds its files open: ask to close it before upgrading.
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
; Thai wizard text: put the unofficial Thai.isl (jrsoftware.org/files/istrans) next to
; this script and uncomment:
; Name: "thai"; MessagesFile: "Thai.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
; The whole PyInstaller folder. ignoreversion: every file is replaced on upgrade.
Source: "..\..\dist\codi-desktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; Files of the previous version that the new one no longer ships must not linger in
; _internal (an old module could be imported); the data folder is elsewhere.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{userprograms}\CODI Desktop"; Filename: "{app}\codi-desktop.exe"; WorkingDir: "{app}"
Name: "{userprograms}\CODI Desktop self-test"; Filename: "{cmd}"; Parameters: "/k ""{app}\codi-desktop-cli.exe"" self-test"; WorkingDir: "{app}"
Name: "{userdesktop}\CODI Desktop"; Filename: "{app}\codi-desktop.exe"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\codi-desktop.exe"; Description: "{cm:LaunchProgram,CODI Desktop}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] for the data: uninstalling removes the program only, and
; %LOCALAPPDATA%\CODI\CODI Desktop (the database and its backups) stays for the next
; install. The device token is in Windows Credential Manager and stays too.
