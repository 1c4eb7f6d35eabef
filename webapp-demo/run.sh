#!/bin/sh
# Runs the demo from a fresh clone: builds and installs the library, builds the demo WAR and starts it on
# embedded Jetty (see README.md). Options go to the launcher, e.g.: webapp-demo/run.sh --port 9090 --data /tmp/demo
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
echo "Building and installing the library (mvn install -DskipTests, and its javax build)..."
mvn -B -q install -DskipTests
mvn -B -q -f javax/pom.xml install -DskipTests
echo "Building the demo WAR and starting it..."
exec mvn -B -q -f webapp-demo/pom.xml package exec:java -DskipTests -Ddemo.args="$*"
