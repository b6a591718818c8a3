// A bounded load generator: sends requests through HAProxy at a fixed rate for a fixed time.
// Run as its own process by `stack fire`: node load.mjs URL REQUESTS_PER_SECOND SECONDS
// Every request fails at HAProxy's backend (closed ports), which counts one connection error.
import http from 'node:http';

const [url, rateArg, secondsArg] = process.argv.slice(2);
const rate = Number(rateArg);
const seconds = Number(secondsArg);
if (!url || !(rate > 0 && rate <= 5000) || !(seconds > 0 && seconds <= 3600)) {
  console.error('usage: load.mjs URL RATE(1-5000/s) SECONDS(1-3600)');
  process.exit(2);
}
if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(url)) {
  console.error('load.mjs only targets loopback (http://127.0.0.1:PORT/)');
  process.exit(2);
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const tickMs = 50;
const maxInFlight = 256;
const startedAt = Date.now();
let sent = 0;
let inFlight = 0;

function send() {
  inFlight += 1;
  sent += 1;
  const req = http.get(url, { agent }, (res) => {
    res.resume();
    res.on('end', () => (inFlight -= 1));
  });
  req.on('error', () => (inFlight -= 1));
  req.setTimeout(5000, () => req.destroy());
}

const timer = setInterval(() => {
  const elapsed = (Date.now() - startedAt) / 1000;
  if (elapsed >= seconds) {
    clearInterval(timer);
    agent.destroy();
    console.log(`sent ${sent} requests in ${elapsed.toFixed(1)} s`);
    return;
  }
  // Catch up to where the schedule says we should be, never past the in-flight bound.
  const due = Math.floor(elapsed * rate) - sent;
  for (let i = 0; i < due && inFlight < maxInFlight; i += 1) send();
}, tickMs);

process.on('SIGTERM', () => {
  clearInterval(timer);
  agent.destroy();
  process.exit(0);
});
