# Sourced by the launchers (after they resolved their own symlinks): sets APIMO_HOME, APIMO_JAVA
# (JAVA_HOME's java, else the PATH's) and APIMO_CP, the runtime class path, with APIMO_JAR its jar.
# Two layouts: the distribution (apimo-shell.jar and lib/ beside bin/: no build, no Maven), and the
# repository (scripts/ beside pom.xml), which builds target/ when the jar is missing or older than
# the sources.
# APIMO_SHELL_CP, when set, is used as the class path instead (no build; the tests
# run the launcher on their own classes this way).
# Also makes the JVM read and write UTF-8 under a non-UTF-8 locale (LANG=C in cron
# and containers), where it would decode arguments as ASCII.
APIMO_HOME=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

apimo_utf8_locale() {
  local charmap utf8
  charmap=$(locale charmap 2>/dev/null) || return 0
  case "$charmap" in UTF-8 | utf8 | "") return 0 ;; esac
  utf8=$(locale -a 2>/dev/null | grep -m1 -ixE 'c\.utf-?8') \
    || utf8=$(locale -a 2>/dev/null | grep -m1 -iE '\.utf-?8$') || return 0
  if [ -n "${LC_ALL:-}" ]; then export LC_ALL="$utf8"; else export LC_CTYPE="$utf8"; fi
}

# Maven's steps as they start, with the seconds elapsed, so a first build of about a minute
# shows it is alive; the full output goes to the log named on failure. The last line read is
# Maven's exit status, returned (callers need not set pipefail).
apimo_build_progress() {
  local line step plugin goal start=$SECONDS
  while IFS= read -r line; do
    # Maven may end its output with colour resets and no newline, ahead of the status line.
    case "$line" in
      *"apimo-build-status "*) return "${line##*apimo-build-status }" ;;
    esac
    printf '%s\n' "$line" >>"$1"
    case "$line" in
      "[INFO] --- "*)
        step=${line#"[INFO] --- "}
        plugin=${step%%:*}
        plugin=${plugin#maven-}
        plugin=${plugin%-plugin}
        goal=${step#*:}
        goal=${goal#*:}
        goal=${goal%% *}
        printf 'apimo-shell: building: %s:%s (%d s)\n' "$plugin" "$goal" $((SECONDS - start)) >&2
        ;;
    esac
  done
  return 1
}

apimo_utf8_locale
if [ -n "${JAVA_HOME:-}" ]; then
  APIMO_JAVA="$JAVA_HOME/bin/java"
  if [ ! -x "$APIMO_JAVA" ]; then
    echo "apimo-shell: JAVA_HOME=$JAVA_HOME has no bin/java: point it at a JDK 17 or later, or unset it" >&2
    exit 1
  fi
elif command -v java >/dev/null 2>&1; then
  APIMO_JAVA=java
else
  echo "apimo-shell: no java on the PATH: install a JDK 17 or later, or set JAVA_HOME" >&2
  exit 1
fi

APIMO_JAR=
if [ -n "${APIMO_SHELL_CP:-}" ]; then
  APIMO_CP=$APIMO_SHELL_CP
elif [ -f "$APIMO_HOME/apimo-shell.jar" ] && [ -d "$APIMO_HOME/lib" ]; then
  APIMO_JAR="$APIMO_HOME/apimo-shell.jar"
  APIMO_CP="$APIMO_JAR:$APIMO_HOME/lib/*"
else
  apimo_jar="$APIMO_HOME/target/apimo-shell.jar"
  if [ ! -f "$apimo_jar" ] || [ ! -d "$APIMO_HOME/target/lib" ] \
     || [ -n "$(find "$APIMO_HOME/pom.xml" "$APIMO_HOME/src/main" -newer "$apimo_jar" -print -quit 2>/dev/null)" ]; then
    if ! command -v mvn >/dev/null 2>&1; then
      echo "apimo-shell: $apimo_jar is missing or older than the sources, and there is no mvn on the PATH to build it: install Maven, or use the distribution (mvn package makes target/apimo-shell-VERSION.tar.gz)" >&2
      exit 1
    fi
    echo "apimo-shell: building (first run or sources changed; about a minute)..." >&2
    apimo_log="$APIMO_HOME/target.build.log"
    : >"$apimo_log"
    if ! { (cd "$APIMO_HOME" && mvn -B -ntp -Dstyle.color=never -DskipTests package 2>&1); echo "apimo-build-status $?"; } \
      | apimo_build_progress "$apimo_log"; then
      echo "apimo-shell: build failed; see $apimo_log" >&2
      exit 1
    fi
    rm -f "$apimo_log"
  fi
  APIMO_JAR=$apimo_jar
  APIMO_CP="$apimo_jar:$APIMO_HOME/target/lib/*"
fi
