#!/usr/bin/env bash
# Tries the javax JAR, with no application code, on a stock Jetty distribution (jetty-home tar.gz from Maven
# Central): a jetty.base with http,deploy,annotations,jndi, an exploded web app webapps/app/ (WEB-INF/lib = the
# javax JAR + javax/target/webapp-lib, a web.xml with only context-params, login-config and a security-role) and
# webapps/app.xml giving it a HashLoginService realm (alice: alice-pw,user). Then login, sessions, refresh,
# logout and the browser script with curl, a clean stop (TERM), and every WARN/ERROR/exception line of the log.
#
#   javax/src/stock/jetty-try.sh 10.0.25        # Jetty 10 (Servlet 4.0)
#   javax/src/stock/jetty-try.sh 9.4.58.v20250814   # Jetty 9.4 (Servlet 3.1)
#
# Needs: a built javax JAR (mvn install; mvn -f javax/pom.xml package), Java 11+, Maven, curl.
# Env: WORK (default /tmp/jetty-try), REPO (a Maven local repository; default: Maven's own), PORT (8090).
set -euo pipefail

VERSION=${1:?usage: $0 JETTY_VERSION (e.g. 10.0.25 or 9.4.58.v20250814)}
WORK=${WORK:-/tmp/jetty-try}
REPO=${REPO:-$HOME/.m2/repository}
PORT=${PORT:-8090}
HERE=$(cd "$(dirname "$0")/../.." && pwd)          # javax/
JAR=$(ls "$HERE"/target/jwt-servlet-auth-javax-*.jar | grep -v -e sources -e javadoc | head -1)
LIBS="$HERE/target/webapp-lib"
[ -d "$LIBS" ] || { echo "no $LIBS: run mvn -f javax/pom.xml package first" >&2; exit 2; }

mkdir -p "$WORK"
HOME_DIR="$WORK/jetty-home-$VERSION"
if [ ! -d "$HOME_DIR" ]; then
  mvn -B -q dependency:copy -Dartifact=org.eclipse.jetty:jetty-home:"$VERSION":tar.gz \
      -DoutputDirectory="$WORK" -Dmaven.repo.local="$REPO"
  tar xzf "$WORK/jetty-home-$VERSION.tar.gz" -C "$WORK"
fi

BASE="$WORK/base-$VERSION"
rm -rf "$BASE"; mkdir -p "$BASE"; cd "$BASE"
case "$VERSION" in
  9.*) java -jar "$HOME_DIR/start.jar" --add-to-start=http,deploy,annotations,jndi; SCHEMA=3.1 ;;
  *)   java -jar "$HOME_DIR/start.jar" --add-module=http,deploy,annotations,jndi;   SCHEMA=4.0 ;;
esac

APP="$BASE/webapps/app"
mkdir -p "$APP/WEB-INF/lib" "$BASE/etc"
cp "$JAR" "$LIBS"/*.jar "$APP/WEB-INF/lib/"
SECRET="base64:$(head -c 48 /dev/urandom | base64 | tr -d '\n')"

if [ "$SCHEMA" = 3.1 ]; then
  WEBAPP_OPEN='<web-app xmlns="http://xmlns.jcp.org/xml/ns/javaee" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://xmlns.jcp.org/xml/ns/javaee http://xmlns.jcp.org/xml/ns/javaee/web-app_3_1.xsd"
         version="3.1">'
else
  WEBAPP_OPEN='<web-app xmlns="http://xmlns.jcp.org/xml/ns/javaee" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://xmlns.jcp.org/xml/ns/javaee http://xmlns.jcp.org/xml/ns/javaee/web-app_4_0.xsd"
         version="4.0">'
fi
cat > "$APP/WEB-INF/web.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
$WEBAPP_OPEN
  <context-param><param-name>jwtauth.issuer</param-name><param-value>jetty-try</param-value></context-param>
  <context-param><param-name>jwtauth.secret</param-name><param-value>$SECRET</param-value></context-param>
  <context-param><param-name>jwtauth.login.roles</param-name><param-value>user</param-value></context-param>
  <login-config>
    <auth-method>BASIC</auth-method>
    <realm-name>jwtauth-try</realm-name>
  </login-config>
  <security-role><role-name>user</role-name></security-role>
</web-app>
EOF

echo 'alice: alice-pw,user' > "$BASE/etc/realm.properties"
cat > "$BASE/webapps/app.xml" <<EOF
<?xml version="1.0"?>
<!DOCTYPE Configure PUBLIC "-//Jetty//Configure//EN" "https://www.eclipse.org/jetty/configure_9_3.dtd">
<Configure class="org.eclipse.jetty.webapp.WebAppContext">
  <Set name="contextPath">/app</Set>
  <Set name="war"><Property name="jetty.base"/>/webapps/app</Set>
  <Get name="securityHandler">
    <Set name="loginService">
      <New class="org.eclipse.jetty.security.HashLoginService">
        <Set name="name">jwtauth-try</Set>
        <Set name="config"><Property name="jetty.base"/>/etc/realm.properties</Set>
      </New>
    </Set>
  </Get>
</Configure>
EOF

LOG="$BASE/jetty.log"
java -jar "$HOME_DIR/start.jar" jetty.http.port="$PORT" > "$LOG" 2>&1 &
PID=$!
for _ in $(seq 1 120); do
  grep -q -E 'Started (Server|@)|Started oejs.Server' "$LOG" && break
  kill -0 "$PID" 2>/dev/null || { echo "Jetty exited"; cat "$LOG"; exit 1; }
  sleep 0.5
done

U="http://localhost:$PORT/app"
FAIL=0
check() { # name expected actual
  printf '%-28s expected %s got %s\n' "$1" "$2" "$3"; [ "$2" = "$3" ] || FAIL=1
}
OUT=$(curl -s -o "$BASE/login.json" -w '%{http_code}' -X POST "$U/auth/login" \
      -H 'Content-Type: application/json' -d '{"username":"alice","password":"alice-pw"}')
check "POST /auth/login" 200 "$OUT"
ACCESS=$(sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p' "$BASE/login.json")
REFRESH=$(sed -n 's/.*"refreshToken":"\([^"]*\)".*/\1/p' "$BASE/login.json")
check "GET /auth/sessions no token" 401 "$(curl -s -o /dev/null -w '%{http_code}' "$U/auth/sessions")"
check "GET /auth/sessions bearer" 200 "$(curl -s -o "$BASE/sessions.json" -w '%{http_code}' \
      -H "Authorization: Bearer $ACCESS" "$U/auth/sessions")"
check "GET /api/x no token" 401 "$(curl -s -o /dev/null -w '%{http_code}' "$U/api/x")"
check "GET /api/x bearer (no res.)" 404 "$(curl -s -o /dev/null -w '%{http_code}' \
      -H "Authorization: Bearer $ACCESS" "$U/api/x")"
check "POST /auth/refresh" 200 "$(curl -s -o "$BASE/refresh.json" -w '%{http_code}' -X POST "$U/auth/refresh" \
      -H 'Content-Type: application/json' -d "{\"accessToken\":\"$ACCESS\",\"refreshToken\":\"$REFRESH\"}")"
REFRESH2=$(sed -n 's/.*"refreshToken":"\([^"]*\)".*/\1/p' "$BASE/refresh.json")
check "POST /auth/logout" 204 "$(curl -s -o /dev/null -w '%{http_code}' -X POST "$U/auth/logout" \
      -H 'Content-Type: application/json' -d "{\"refreshToken\":\"$REFRESH2\"}")"
check "POST /auth/refresh (gone)" 400 "$(curl -s -o /dev/null -w '%{http_code}' -X POST "$U/auth/refresh" \
      -H 'Content-Type: application/json' -d "{\"accessToken\":\"$ACCESS\",\"refreshToken\":\"$REFRESH2\"}")"
check "POST /auth/login wrong pw" 400 "$(curl -s -o /dev/null -w '%{http_code}' -X POST "$U/auth/login" \
      -H 'Content-Type: application/json' -d '{"username":"alice","password":"nope"}')"
check "GET /jwtauth/jwtauth.js" 200 "$(curl -s -o /dev/null -w '%{http_code}' "$U/jwtauth/jwtauth.js")"

kill -TERM "$PID"; wait "$PID" || true
echo "--- WARN/ERROR/exception lines of $LOG:"
# SLF4J(W): slf4j-api (jose4j's) finds no provider in the web app; the library then logs to java.util.logging.
grep -n -E 'WARN|ERROR|SEVERE|SLF4J|Exception|Error:|^\s+at ' "$LOG" || echo "(none)"
echo "--- last lines (shutdown):"; tail -n 8 "$LOG"
[ "$FAIL" = 0 ] && echo "RESULT: all statuses as expected on Jetty $VERSION" || echo "RESULT: FAILED on Jetty $VERSION"
exit "$FAIL"
