// Finds the Debian binaries the stack runs, installing their packages when we may.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const programs = [
  { name: 'prometheus', pkg: 'prometheus', paths: ['/usr/bin/prometheus'] },
  { name: 'alertmanager', pkg: 'prometheus-alertmanager', paths: ['/usr/bin/prometheus-alertmanager'] },
  { name: 'haproxy', pkg: 'haproxy', paths: ['/usr/sbin/haproxy', '/usr/bin/haproxy'] },
];

function locate(program) {
  return program.paths.find((p) => fs.existsSync(p));
}

function canInstall() {
  return process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get');
}

/** Returns { prometheus, alertmanager, haproxy } binary paths, or throws saying what to install. */
export function ensureBinaries(log) {
  const missing = programs.filter((p) => !locate(p));
  if (missing.length > 0) {
    const pkgs = missing.map((p) => p.pkg);
    if (!canInstall()) {
      throw new Error(
        `missing ${missing.map((p) => p.name).join(', ')}. Install them with:\n  sudo apt-get install ${pkgs.join(' ')}`,
      );
    }
    log(`installing ${pkgs.join(' ')} with apt-get (first run only)...`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...pkgs], {
      stdio: 'inherit',
      env,
    });
  }
  const found = Object.fromEntries(programs.map((p) => [p.name, locate(p)]));
  for (const p of programs) {
    if (!found[p.name]) throw new Error(`${p.pkg} installed but ${p.name} is not at ${p.paths.join(' or ')}`);
  }
  return found;
}
