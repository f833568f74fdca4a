import { spawn } from 'node:child_process';
import { PACKAGE_ROOT } from '../../src/run/package-root.ts';

export interface NodeOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `node <args>` in the installation folder with only PATH, HOME and `env` set, as a user's shell would. */
export function runNode(args: string[], env: Record<string, string> = {}): Promise<NodeOutcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd: PACKAGE_ROOT,
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
