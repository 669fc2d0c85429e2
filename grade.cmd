@echo off
rem grade.cmd <exercise-dir> [--file <handler.cs>] [--format text|json|junit] [--seed N] [--logs] [--watch]
rem Grades an exercise with the course tool; the first run publishes it (ReadyToRun) into .build\grade.
setlocal
set "ROOT=%~dp0"
set "OUT=%ROOT%.build\grade"
if not exist "%OUT%\course.exe" (
  echo grade: building the course tool ^(once; takes a minute^)... 1>&2
  dotnet publish "%ROOT%src\Cli\Cli.csproj" -c Release -r win-x64 --self-contained false -p:PublishReadyToRun=true -o "%OUT%" --nologo > "%ROOT%.build\grade-build.log" 2>&1
  if errorlevel 1 (
    dotnet publish "%ROOT%src\Cli\Cli.csproj" -c Release -o "%OUT%" --nologo >> "%ROOT%.build\grade-build.log" 2>&1
    if errorlevel 1 (
      echo grade: the build failed; see %ROOT%.build\grade-build.log 1>&2
      exit /b 2
    )
  )
)
"%OUT%\course.exe" grade %*
exit /b %ERRORLEVEL%
