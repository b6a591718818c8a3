// Extra HAProxy backends that make the bundled HAProxy alerts fire on loopback, switched on with
// SITREP_STACK_SCENARIOS=1 (off by default, so the shared test stack keeps only the seed alert).
// Every "server" is a tiny HAProxy frontend on a unix socket in the stack folder that answers in one
// fixed way (200, 503, 404, a dropped connection, a slow answer, a flapping health check), and the
// traffic comes from HAProxy itself: "traffic" servers whose health checks request a path through
// the `web` frontend several times a second. No extra process and no extra TCP port.
//
// What fires (see runbooks/README.md, "The stack"): HaproxyServerConnectionErrors and
// HaproxyBackendConnectionErrors (seed load), HaproxyServerDown (checked/bad1), HaproxyBackendDown
// (gone), HaproxyServerHealthcheckFailure (checked/flaky1), HaproxyHighHttp5xxErrorRate* (errors),
// HaproxyHighHttp4xxErrorRate* (missing), HaproxyServerResponseErrors (broken),
// HaproxyPendingRequests, HaproxyHttpSlowingDown and HaproxyBackendMaxActiveSession (slow),
// HaproxyRetryHigh (retry), HaproxyFrontendSecurityBlockedRequests (/blocked on web).
// HaproxyDown cannot fire while the stack runs: it needs HAProxy (or the exporter) to stop answering.
import path from 'node:path';

/** True when the scenario backends are switched on. */
export function scenariosOn() {
  return process.env.SITREP_STACK_SCENARIOS === '1';
}

const sock = (s, name) => `unix@${path.join(s.dir, `${name}.sock`)}`;

/** Lines for `frontend web`: deny /blocked, route each scenario path to its backend. */
export function scenarioRoutes(s) {
  if (!scenariosOn()) return '';
  void s;
  return `  http-request deny if { path_beg /blocked }
  use_backend errors if { path_beg /errors }
  use_backend missing if { path_beg /missing }
  use_backend broken if { path_beg /broken }
  use_backend slow if { path_beg /slow }
  use_backend retry if { path_beg /retry }
`;
}

// A backend whose only server is a health-checking client requesting PATH through `web` every
// INTER ms, and expecting STATUS back (so the traffic server itself stays UP).
function traffic(s, name, uri, status, inter, count = 1) {
  const servers = Array.from(
    { length: count },
    (_, i) => `  server ${name}${i + 1} 127.0.0.1:${s.haproxyPort} check inter ${inter} fall 1000 rise 1`,
  ).join('\n');
  return `backend traffic_${name}
  option httpchk
  http-check send meth GET uri ${uri}
  http-check expect ${typeof status === 'number' ? `status ${status}` : `rstatus ${status}`}
  timeout check 20s
${servers}
`;
}

/** The scenario backends, fake servers and traffic generators. */
export function scenarioSections(s) {
  if (!scenariosOn()) return '';
  const nothing = sock(s, 'nothing-listens');
  return `
# ---- scenarios (SITREP_STACK_SCENARIOS=1) ----
backend checked
  option httpchk GET /
  server ok1 ${sock(s, 'ok')} check inter 1s
  server bad1 ${nothing} check inter 1s
  server flaky1 ${sock(s, 'flaky')} check inter 500ms fall 5 rise 1

backend gone
  server gone1 ${nothing} check inter 1s

backend errors
  server err1 ${sock(s, 'err')}

backend missing
  server nf1 ${sock(s, 'notfound')}

backend broken
  server brk1 ${sock(s, 'reject')}

backend slow
  fullconn 3
  timeout queue 6s
  server slow1 ${sock(s, 'slow')} maxconn 1

backend retry
  retries 3
  server r1 ${nothing}

frontend fake_ok
  bind ${sock(s, 'ok')}
  http-request return status 200

frontend fake_flaky
  bind ${sock(s, 'flaky')}
  http-request return status 503 if { rand(3) -m int 0 }
  http-request return status 200

frontend fake_err
  bind ${sock(s, 'err')}
  http-request return status 503

frontend fake_notfound
  bind ${sock(s, 'notfound')}
  http-request return status 404

frontend fake_reject
  bind ${sock(s, 'reject')}
  http-request reject

# TCP mode: an HTTP frontend ends its inspect delay as soon as the request is complete.
listen fake_slow
  mode tcp
  bind ${sock(s, 'slow')}
  tcp-request inspect-delay 1500ms
  tcp-request content accept if WAIT_END
  server ok ${sock(s, 'ok')}

${traffic(s, 'errors', '/errors', 503, 250)}
${traffic(s, 'missing', '/missing', 404, 250)}
${traffic(s, 'broken', '/broken', 502, 250)}
${traffic(s, 'slow', '/slow', '^(200|503)$', 500, 4)}
${traffic(s, 'retry', '/retry', 503, 200)}
${traffic(s, 'blocked', '/blocked', 403, 80, 2)}`;
}
