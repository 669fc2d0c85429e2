@echo off
rem grade.cmd [exercise] [--file <handler.cs>] [--format text|json|junit] [--seed N] [--logs] [--watch]
rem Grades an exercise (01, 01-hello-api or exercises\01-hello-api); with no exercise, lists them with their state.
rem The same as `course.cmd grade ...`: both share the one build in .build\grade (see course.cmd).
if not defined COURSE_INVOKED_AS set "COURSE_INVOKED_AS=course.cmd"
call "%~dp0course.cmd" grade %*
exit /b %ERRORLEVEL%
