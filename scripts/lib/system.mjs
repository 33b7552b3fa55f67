// Small wrappers over child processes and the file system for the provisioning steps.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Runs a command to completion and returns { ok, status, stdout, output } (output: stdout and stderr together). */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
    timeout: 10 * 60 * 1000,
    ...options,
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error.message) : ''}`;
  return {
    ok: result.status === 0,
    status: result.status,
    stdout: (result.stdout ?? '').trim(),
    output: output.trim(),
  };
}

/** Like run(), but throws with the command's last lines of output when it fails. */
export function runOrThrow(command, args, options = {}) {
  const result = run(command, args, options);
  if (!result.ok) {
    const tail = result.output.split('\n').slice(-15).join('\n');
    throw new Error(`\`${[command, ...args].join(' ')}\` failed (exit ${result.status ?? 'none'}):\n${tail}`);
  }
  return result;
}

export function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The absolute path of `command` on PATH (plus the sbin folders a non-login root shell may lack), or null. */
export function which(command) {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/local/sbin', '/usr/sbin', '/sbin'];
  for (const dir of dirs) {
    if (dir && isExecutable(path.join(dir, command))) return path.join(dir, command);
  }
  return null;
}

/**
 * Whether this run may install and start services itself, and if not, why: only as root on a Debian-family system,
 * and never when LP_TEST_NO_INSTALL is set (for machines where the caller manages services).
 */
export function installCapability(env = process.env) {
  if (env.LP_TEST_NO_INSTALL) return { can: false, why: 'LP_TEST_NO_INSTALL is set' };
  if (process.getuid?.() !== 0) return { can: false, why: 'not running as root' };
  if (!which('apt-get') || !fs.existsSync('/etc/debian_version')) {
    return { can: false, why: 'not a Debian/Ubuntu system (no apt-get)' };
  }
  return { can: true };
}

let aptUpdated = false;

/** apt-get installs `packages` non-interactively, running `apt-get update` once per process first. */
export function aptInstall(packages) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const timeout = 30 * 60 * 1000;
  if (!aptUpdated) {
    runOrThrow('apt-get', ['update', '-qq'], { env, timeout });
    aptUpdated = true;
  }
  runOrThrow('apt-get', ['install', '-y', '-qq', ...packages], { env, timeout });
}
