#!/usr/bin/env bash
# `npm run demo`: builds the app when the sources changed, then runs the Messenger sandbox and the app
# in demo mode (Demo Co, demo@example.com / messenger-desk-demo, the sandbox's demo Page as a channel).
# Data lives in .data/ (embedded PGlite) unless DATABASE_URL is set. Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
PORT=${PORT:-3000}
SANDBOX_PORT=${SANDBOX_PORT:-4010}
export APP_URL=${APP_URL:-http://localhost:$PORT}
export NEXTAUTH_URL=${NEXTAUTH_URL:-$APP_URL}
export GRAPH_API_URL=${GRAPH_API_URL:-http://127.0.0.1:$SANDBOX_PORT}
export DEMO_SEED=1
# The sandbox's platform app (sandbox/state/demo.ts PLATFORM): "Connect with Facebook" and its app-level webhook.
export META_APP_ID=${META_APP_ID:-3000000000000003}
export META_APP_SECRET=${META_APP_SECRET:-platform-app-secret}
export META_LOGIN_CONFIG_ID=${META_LOGIN_CONFIG_ID:-5000000000000005}
export META_WEBHOOK_VERIFY_TOKEN=${META_WEBHOOK_VERIFY_TOKEN:-platform-verify-token}
mkdir -p .data
if [ -z "${NEXTAUTH_SECRET:-}" ]; then
  [ -f .data/nextauth-secret ] || node -e 'console.log(require("crypto").randomBytes(32).toString("base64"))' > .data/nextauth-secret
  NEXTAUTH_SECRET=$(cat .data/nextauth-secret)
  export NEXTAUTH_SECRET
fi

# Rebuild only when the sources differ from the last build's.
stamp=$(git ls-files -s app pages components db lib inngest instrumentation.ts next.config.mjs package-lock.json 2>/dev/null | sha1sum | cut -c1-40)
if [ ! -f .next/BUILD_ID ] || [ "$(cat .data/build-stamp 2>/dev/null)" != "$stamp" ] || [ -n "$(git status --porcelain app pages components db lib inngest 2>/dev/null)" ]; then
  # Measured (Next 16.4, Turbopack, 2 cores): 66 s and 116 CPU-seconds when idle; 10 minutes when busy with other work.
  echo "Building the app: about a minute on an idle 2-core machine, longer when it is busy..."
  npx next build
  echo "$stamp" > .data/build-stamp
fi

SANDBOX_PORT=$SANDBOX_PORT SANDBOX_STATE_FILE=.data/sandbox-state.json npx tsx sandbox/main.ts &
sandbox_pid=$!
trap 'kill $sandbox_pid 2>/dev/null || true' EXIT INT TERM
# The demo seed connects the sandbox's demo Page, proving it through the sandbox's Graph /me: wait for it.
for _ in $(seq 1 60); do
  curl -fs "http://127.0.0.1:$SANDBOX_PORT/_sandbox/api/health" >/dev/null 2>&1 && break
  sleep 0.5
done

echo
echo "  Messenger Desk: $APP_URL   (sign in as demo@example.com / messenger-desk-demo)"
echo "  Messenger sandbox (play a Messenger user): http://127.0.0.1:$SANDBOX_PORT/_sandbox/"
echo "  Sandbox apps, Pages and webhooks:           http://127.0.0.1:$SANDBOX_PORT/_sandbox/setup"
echo
npx next start -p "$PORT"
