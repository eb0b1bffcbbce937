#!/bin/bash
# The running room clock's CPU cost, next to a Chromium tab showing a countdown, on one Xvfb
# with software rendering (Mesa lavapipe / Chromium's own). Needs the release binary, Xvfb,
# openbox, xdotool and chromium (the CI packages).
# Usage: benches/clock_cpu.sh [SECONDS]   (prints CPU % of one core and updates per second)
set -euo pipefail
SECS=${1:-20}
BIN=${CARGO_TARGET_DIR:-target}/release/service-camp
TICK=$(getconf CLK_TCK)
WORK=$(mktemp -d)
export DISPLAY=:${CLOCK_BENCH_DISPLAY:-71}
Xvfb "$DISPLAY" -screen 0 1920x1080x24 >/dev/null 2>&1 & XVFB=$!
trap 'kill $XVFB $OPENBOX 2>/dev/null; rm -rf "$WORK"' EXIT
sleep 1
openbox >/dev/null 2>&1 & OPENBOX=$!
sleep 1

# Ticks (user + system) of a process tree's processes.
ticks() { local sum=0; for pid in "$@"; do sum=$((sum + $(awk '{print $14+$15}' /proc/$pid/stat 2>/dev/null || echo 0))); done; echo $sum; }
percent() { echo "scale=1; $1 * 100 / ($SECS * $TICK)" | bc; }

# The app on the Teams screen with the room clock running.
mkdir -p "$WORK/home"
HOME="$WORK/home" RUST_LOG=service_camp::features::redraw=debug "$BIN" >"$WORK/app.log" 2>&1 & APP=$!
sleep 10
WINDOW=$(xdotool search --pid $APP | tail -1)
for key in Next Next s; do xdotool key --window "$WINDOW" $key; sleep 0.5; done
sleep 3
before=$(ticks $APP); lines=$(grep -c "update at" "$WORK/app.log")
sleep "$SECS"
after=$(ticks $APP); lines_after=$(grep -c "update at" "$WORK/app.log")
kill $APP; wait $APP 2>/dev/null || true
echo "app, room clock running: $(percent $((after - before))) % of a core, $(echo "scale=2; ($lines_after - $lines) / $SECS" | bc) updates/s"

# A Chromium window showing a mm:ss countdown, every Chromium process counted.
cat >"$WORK/countdown.html" <<'HTML'
<html><body style="font:180px sans-serif;background:#F7F2EA;color:#B26B00">
<div id=c></div><script>
const end = Date.now() + 600000;
function show() { const s = Math.ceil((end - Date.now()) / 1000);
  document.getElementById('c').textContent = String(Math.floor(s / 60)).padStart(2, '0') + ':' + String(s % 60).padStart(2, '0'); }
show(); setInterval(show, 1000);
</script></body></html>
HTML
chromium --no-sandbox --user-data-dir="$WORK/chromium" --no-first-run --window-size=1920,1080 \
  "file://$WORK/countdown.html" >/dev/null 2>&1 & CHROMIUM=$!
sleep 10
pids() { pgrep -f "user-data-dir=$WORK/chromium" | tr '\n' ' '; }
before=$(ticks $(pids))
sleep "$SECS"
after=$(ticks $(pids))
kill $CHROMIUM 2>/dev/null; sleep 1; pkill -f "user-data-dir=$WORK/chromium" || true
echo "chromium tab, countdown: $(percent $((after - before))) % of a core"
