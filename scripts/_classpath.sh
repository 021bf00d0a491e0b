# Sourced by the launchers: builds the project when the jar is missing or older
# than the sources, then sets APIMO_CP to the runtime class path.
APIMO_HOME=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
apimo_jar="$APIMO_HOME/target/apimo-shell.jar"
if [ ! -f "$apimo_jar" ] || [ ! -d "$APIMO_HOME/target/lib" ] \
   || [ -n "$(find "$APIMO_HOME/pom.xml" "$APIMO_HOME/src/main" -newer "$apimo_jar" -print -quit 2>/dev/null)" ]; then
  echo "apimo-shell: building (first run or sources changed)..." >&2
  if ! (cd "$APIMO_HOME" && mvn -q -B -DskipTests package >"$APIMO_HOME/target.build.log" 2>&1); then
    echo "apimo-shell: build failed; see $APIMO_HOME/target.build.log" >&2
    exit 1
  fi
  rm -f "$APIMO_HOME/target.build.log"
fi
APIMO_CP="$apimo_jar:$APIMO_HOME/target/lib/*"
