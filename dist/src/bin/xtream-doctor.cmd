@echo off
rem xtream-doctor, from the release archive, for Windows: runs lib\xtream-doctor.jar with a
rem Java 17 or newer runtime, found through JAVA_HOME, else the java on PATH.
rem Options for the JVM: XTREAM_DOCTOR_JAVA_OPTS. Exits 2, with one line saying what to do,
rem when no suitable Java is found. Messages are printed outside parenthesised blocks, so a
rem path such as "C:\Program Files (x86)\..." cannot break them.
setlocal EnableExtensions DisableDelayedExpansion

set "JAR=%~dp0..\lib\xtream-doctor.jar"
set "INSTALL_JAVA=install a Java 17 or newer runtime, for example with 'winget install EclipseAdoptium.Temurin.17.JRE', or set JAVA_HOME to one"
if not exist "%JAR%" goto noJar

if not defined JAVA_HOME goto javaOnPath
set "JAVA=%JAVA_HOME%\bin\java.exe"
if not exist "%JAVA%" goto badJavaHome
goto checkVersion

:javaOnPath
set "JAVA=java.exe"
where java.exe >nul 2>nul || goto noJava

:checkVersion
rem The major version, from the line of "java -version" that says: version "17.0.15" or "1.8.0_402".
set "VERSION="
for /f "tokens=3" %%v in ('call "%JAVA%" -version 2^>^&1 ^| findstr /i /c:" version "') do if not defined VERSION set "VERSION=%%~v"
if not defined VERSION goto silentJava
set "MAJOR="
for /f "tokens=1,2 delims=.-+_" %%a in ("%VERSION%") do if "%%a"=="1" (set "MAJOR=%%b") else (set "MAJOR=%%a")
if %MAJOR% LSS 17 goto oldJava

rem Short runs never live long enough to profit from C2; the service does (see the README).
set "TIERED=-XX:TieredStopAtLevel=1"
if /i "%~1"=="serve" set "TIERED=-XX:+TieredCompilation"

"%JAVA%" %TIERED% -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto %XTREAM_DOCTOR_JAVA_OPTS% "-Dxtreamdoctor.launcher=xtream-doctor" -jar "%JAR%" %*
exit /b %ERRORLEVEL%

:noJar
echo xtream-doctor: "%JAR%" is missing: unpack the whole release archive again 1>&2
exit /b 2

:badJavaHome
echo xtream-doctor: JAVA_HOME is "%JAVA_HOME%", but it has no bin\java.exe: set JAVA_HOME to a Java 17 or newer, or clear it to use the java on PATH 1>&2
exit /b 2

:noJava
echo xtream-doctor: no Java found: %INSTALL_JAVA% 1>&2
exit /b 2

:silentJava
echo xtream-doctor: "%JAVA%" does not run or does not say its version: %INSTALL_JAVA% 1>&2
exit /b 2

:oldJava
echo xtream-doctor: needs Java 17 or newer, but "%JAVA%" is Java %MAJOR%: %INSTALL_JAVA% 1>&2
exit /b 2
