; Inno Setup script: a per-user installer for Relief Wizard (no admin rights).
; Build on Windows after PyInstaller (see packaging/README.md):
;   iscc /DAppVersion=0.1.0 packaging\windows\relief-wizard.iss
; Output: dist\ReliefWizard-Setup-<version>.exe

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6B1C7A52-3E0F-4C4B-9A8E-5E2F3B7D9C41}
AppName=Relief Wizard
AppVersion={#AppVersion}
AppPublisher=Relief Wizard team
; Per-user: installs under %LOCALAPPDATA%\Programs without asking for admin.
PrivilegesRequired=lowest
; No "for all users" question: that choice asks for an administrator password,
; which a volunteer does not have.
DefaultDirName={autopf}\Relief Wizard
DefaultGroupName=Relief Wizard
DisableProgramGroupPage=yes
OutputDir=..\..\dist
OutputBaseFilename=ReliefWizard-Setup-{#AppVersion}
SetupIconFile=..\..\assets\icons\relief-wizard.ico
UninstallDisplayIcon={app}\relief-wizard.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; An update installs over the old version; the data folder is separate and stays.
UsePreviousAppDir=yes
CloseApplications=yes

; The installer speaks Spanish on a Spanish Windows, English otherwise, without asking.
ShowLanguageDialog=auto

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "spanish"; MessagesFile: "compiler:Languages\Spanish.isl"

[Files]
Source: "..\..\dist\relief-wizard\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Relief Wizard"; Filename: "{app}\relief-wizard.exe"
; The volunteers' guide in six languages, as web pages that open offline.
Name: "{group}\Relief Wizard guide"; Filename: "{app}\guide\index.html"
Name: "{group}\Uninstall Relief Wizard"; Filename: "{uninstallexe}"
Name: "{userdesktop}\Relief Wizard"; Filename: "{app}\relief-wizard.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; Flags: unchecked

[Run]
Filename: "{app}\relief-wizard.exe"; Description: "{cm:StartApp}"; Flags: nowait postinstall skipifsilent

; Inno Setup translates its own pages; these are ours, in the same two languages.
; docs/center-guide*.md quotes the first line of AlsoDeleteRecords: keep them in step.
[CustomMessages]
english.DesktopIcon=Put an icon on the desktop
spanish.DesktopIcon=Poner un icono en el escritorio
english.StartApp=Start Relief Wizard
spanish.StartApp=Abrir Relief Wizard
english.AlsoDeleteRecords=Also delete all client records saved on this computer?%nChoose No to keep them (for example, to install a new version).
spanish.AlsoDeleteRecords=¿Borrar también todos los registros de clientes guardados en esta computadora?%nElija No para conservarlos (por ejemplo, para instalar una versión nueva).
english.ReallyDeleteRecords=This cannot be undone. Delete all client records now?
spanish.ReallyDeleteRecords=Esto no se puede deshacer. ¿Borrar ahora todos los registros de clientes?

[Code]
// The client records live in %LOCALAPPDATA%\ReliefWizard, outside {app}.
// Uninstalling leaves them alone unless the person says so twice.
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if CurUninstallStep = usPostUninstall then
  begin
    DataDir := ExpandConstant('{localappdata}\ReliefWizard');
    if DirExists(DataDir) and not UninstallSilent then
      if MsgBox(CustomMessage('AlsoDeleteRecords'), mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
        if MsgBox(CustomMessage('ReallyDeleteRecords'), mbError, MB_YESNO or MB_DEFBUTTON2) = IDYES then
          DelTree(DataDir, True, True, True);
  end;
end;
