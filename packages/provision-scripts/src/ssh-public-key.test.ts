import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { afterAll, describe, expect, test } from 'vitest';
import fixture from './__fixtures__/variants.json';
import { parseSshPublicKey } from './index';

const tools = requireHostTools([{ command: 'ssh-keygen', debian: 'openssh-client' }]);
const [ed25519 = '', ecdsa = '', rsa = '', skEd25519 = ''] = fixture.all.authorizedKeys.keys;

describe.skipIf(!tools.available)('keys made by ssh-keygen', () => {
  const dir = mkdtempSync(join(tmpdir(), 'winguest-keys-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test.each([
    ['ed25519', []],
    ['ecdsa', ['-b', '256']],
    ['ecdsa', ['-b', '521']],
    ['rsa', ['-b', '2048']],
  ])('a fresh %s key %j is accepted as it is', (type, bits) => {
    const file = join(dir, `${type}${bits.join('')}`);
    execFileSync('ssh-keygen', ['-q', '-t', type, ...bits, '-N', '', '-C', "o'brien ‘x’", '-f', file]);
    const line = readFileSync(`${file}.pub`, 'utf8').trim();
    const key = parseSshPublicKey(line);
    expect(key).toMatchObject({ blob: line.split(' ')[1], comment: "o'brien ‘x’" });
  });

  test('the sk-ssh-ed25519 fixture key is one ssh-keygen reads (a security-key type it cannot create here)', () => {
    const file = join(dir, 'sk.pub');
    writeFileSync(file, `${skEd25519}\n`);
    expect(execFileSync('ssh-keygen', ['-l', '-f', file]).toString()).toMatch(/\(ED25519-SK\)/);
    expect(parseSshPublicKey(skEd25519)).toMatchObject({
      type: 'sk-ssh-ed25519@openssh.com',
      comment: 'yubikey',
    });
  });
});

describe('parseSshPublicKey', () => {
  test.each([ed25519, ecdsa, rsa])('accepts the fixture key %s', (line) => {
    expect(typeof parseSshPublicKey(line)).toBe('object');
  });

  test('normalises spacing and keeps the comment', () => {
    const [type, blob] = ed25519.split(' ');
    expect(parseSshPublicKey(`  ${type}\t${blob}   my  laptop `)).toEqual({
      type,
      blob,
      comment: 'my  laptop',
    });
  });

  test.each([
    ['', 'not a supported key type'],
    ['ssh-dss AAAAB3NzaC1kc3MAAACBAP', 'not a supported key type'],
    [`from="10.0.0.1" ${ed25519}`, 'options are not accepted'],
    [`ssh-ed25519-cert-v01@openssh.com ${ed25519.split(' ')[1]}`, 'not a supported key type'],
    ['ssh-ed25519 not*base64', 'not base64'],
    [`ssh-rsa ${ed25519.split(' ')[1]}`, 'encodes "ssh-ed25519", not "ssh-rsa"'],
    ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5', 'nothing readable'],
    [`${ed25519}\nssh-rsa AAAA`, 'one line'],
    [`${ed25519} bell\u0007`, 'control characters'],
  ])('rejects %j: %s', (line, problem) => {
    expect(parseSshPublicKey(line)).toContain(problem);
  });
});
