@echo off
rem course.cmd <verb> [options]   (course.cmd --help lists the verbs; grade.cmd is course.cmd grade)
rem The course tool. The first run publishes it (ReadyToRun) into .build\grade; later
rem runs start the built binary directly and rebuild only when a source under src\ (or a Directory.*.props) changed.
rem Change detection: a listing of every source's last-write time and size is kept in .build\grade\.sources and
rem compared with a fresh one (cmd shows times to the minute, so an edit that keeps a file's size within the
rem same minute as the last build is missed; delete .build\grade\.sources to force a rebuild).
setlocal
set "ROOT=%~dp0"
set "OUT=%ROOT%.build\grade"
set "STAMP=%OUT%\.sources"
set "NEXT=%ROOT%.build\grade-sources.next"
if not exist "%ROOT%.build" mkdir "%ROOT%.build"

rem The listing is taken before building, so edits made during the build trigger the next one.
(for /r "%ROOT%src" %%F in (*.cs *.csproj *.props *.txt) do @echo %%~tF %%~zF %%F) > "%NEXT%.all"
findstr /v /i /r /c:"\\obj\\" /c:"\\bin\\" "%NEXT%.all" > "%NEXT%"
del "%NEXT%.all" >nul 2>&1
for %%F in ("%ROOT%Directory.Build.props" "%ROOT%Directory.Packages.props") do @echo %%~tF %%~zF %%~fF>> "%NEXT%"

set "BUILD="
if not exist "%OUT%\course.exe" set "BUILD=1"
if not exist "%STAMP%" set "BUILD=1"
if not defined BUILD (
  fc /b "%STAMP%" "%NEXT%" >nul 2>&1 || set "BUILD=1"
)

if defined BUILD (
  echo course: building the course tool ^(once per change of the sources; about a minute^)... 1>&2
  echo   step 1 of 2: restore, compile and publish ^(ReadyToRun^); started %TIME% 1>&2
  dotnet publish "%ROOT%src\Cli\Cli.csproj" -c Release -r win-x64 --self-contained false -p:PublishReadyToRun=true -o "%OUT%" --nologo > "%ROOT%.build\grade-build.log" 2>&1
  if errorlevel 1 (
    rem ReadyToRun needs the crossgen package from NuGet; without it, fall back to a plain JIT build.
    echo   step 2 of 2: ReadyToRun failed; publishing without it 1>&2
    dotnet publish "%ROOT%src\Cli\Cli.csproj" -c Release -o "%OUT%" --nologo >> "%ROOT%.build\grade-build.log" 2>&1
    if errorlevel 1 (
      echo course: the build failed; see %ROOT%.build\grade-build.log 1>&2
      exit /b 2
    )
  )
  move /y "%NEXT%" "%STAMP%" >nul
  echo course: built; finished %TIME% 1>&2
) else (
  del "%NEXT%" >nul 2>&1
)

if not defined COURSE_INVOKED_AS set "COURSE_INVOKED_AS=course.cmd"
"%OUT%\course.exe" %*
exit /b %ERRORLEVEL%
