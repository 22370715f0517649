import type { CommandContext, OptionDefinition } from '../command';

/** Flags shared by every command that reads winguest.yaml; each overrides its config field. */
export const configOptions: Record<string, OptionDefinition> = {
  config: {
    type: 'string',
    short: 'c',
    valueName: 'file',
    description: 'Config file (default ./winguest.yaml, .yml or .json)',
  },
  iso: {
    type: 'string',
    valueName: 'windows.iso',
    description: 'Windows install ISO: checked for edition, arch and language',
  },
  family: {
    type: 'string',
    valueName: 'family',
    description: 'windows10, windows11, server2022 or server2025',
  },
  arch: {
    type: 'string',
    valueName: 'arch',
    description: 'amd64 or arm64 (default: from --iso, else amd64)',
  },
  'password-file': {
    type: 'string',
    valueName: 'file',
    description: 'Read the account password from a file (first line)',
  },
  'ssh-key': {
    type: 'string',
    valueName: 'key',
    description: 'Public key to authorise: a .pub path or the key text',
  },
};

/** The config file's data with the flags above laid over their fields (only those given). */
export function applyConfigFlags(
  data: Record<string, unknown>,
  values: CommandContext['values'],
): Record<string, unknown> {
  const section = (key: string, field: string, value: unknown) => {
    const current = data[key];
    const base = typeof current === 'object' && current !== null && !Array.isArray(current) ? current : {};
    return { ...base, [field]: value };
  };
  const result = { ...data };
  if (typeof values.iso === 'string') result.media = section('media', 'iso', values.iso);
  if (typeof values.family === 'string') result.family = values.family;
  if (typeof values.arch === 'string') result.arch = values.arch;
  if (typeof values['password-file'] === 'string')
    result.user = section('user', 'passwordFile', values['password-file']);
  if (typeof values['ssh-key'] === 'string') result.ssh = section('ssh', 'publicKey', values['ssh-key']);
  return result;
}
