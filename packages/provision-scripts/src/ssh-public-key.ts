/** The public key types sshd accepts in authorized_keys files that this package writes. */
export const sshKeyTypes = [
  'ssh-ed25519',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'ssh-rsa',
  'sk-ssh-ed25519@openssh.com',
  'sk-ecdsa-sha2-nistp256@openssh.com',
] as const;

/** One of `sshKeyTypes`. */
export type SshKeyType = (typeof sshKeyTypes)[number];

/** A public key split into its parts. */
export interface SshPublicKey {
  type: SshKeyType;
  /** The base64 key blob. */
  blob: string;
  /** The comment after the blob, or `''`. */
  comment: string;
}

const base64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Parses one OpenSSH public key line (`type base64 [comment]`, as in `id_ed25519.pub`). Returns the
 * key, or a sentence saying what is wrong. The blob is decoded and must name the same type as the
 * line; leading authorized_keys options (`from="…"`) are not accepted.
 */
export function parseSshPublicKey(line: string): SshPublicKey | string {
  if (/[\r\n\0]/.test(line)) return 'a public key is one line; it contains a line break or NUL';
  const [, type = '', blob = '', comment = ''] = /^(\S*)[ \t]*(\S*)[ \t]*(.*)$/.exec(line.trim()) ?? [];
  if (!(sshKeyTypes as readonly string[]).includes(type)) {
    return `"${type.slice(0, 40)}" is not a supported key type (${sshKeyTypes.join(', ')}); authorized_keys options are not accepted`;
  }
  if (!base64.test(blob) || blob.length % 4 !== 0) return `the key data after "${type}" is not base64`;
  const blobType = leadingString(Uint8Array.from(atob(blob), (char) => char.charCodeAt(0)));
  if (blobType !== type) {
    return `the key data encodes "${blobType ?? 'nothing readable'}", not "${type}"; the key is damaged`;
  }
  if (/[\p{Cc}]/u.test(comment)) return 'the comment contains control characters';
  return { type: type as SshKeyType, blob, comment };
}

/** Formats a parsed key as one authorized_keys line: `type blob comment`. */
export function formatSshPublicKey(key: SshPublicKey): string {
  return key.comment === '' ? `${key.type} ${key.blob}` : `${key.type} ${key.blob} ${key.comment}`;
}

/** The first SSH wire-format string of a blob (uint32 big-endian length, then bytes). */
function leadingString(bytes: Uint8Array): string | undefined {
  if (bytes.length < 4) return undefined;
  const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0);
  // A key blob continues after its type name with at least one more wire-format field.
  if (length === 0 || length > 64 || 4 + length + 4 > bytes.length) return undefined;
  return new TextDecoder('latin1').decode(bytes.subarray(4, 4 + length));
}
