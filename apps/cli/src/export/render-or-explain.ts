import { CliError } from '../errors';

/** The description's fields behind the VM spec paths an export reports. */
const configField: Record<string, string> = {
  'spec.disk.interface': 'vm.disk.bus',
  'spec.network.model': 'vm.network.model',
  'spec.firmware': 'firmware',
  'spec.secureBoot': 'vm.secureBoot',
};

/**
 * Runs a renderer of @winguest/export; its issues (VM spec paths) become one CLI error whose
 * details name the winguest.yaml field to change.
 */
export async function renderOrExplain<T>(target: string, render: () => T): Promise<T> {
  const { ExportError } = await import('@winguest/export');
  try {
    return render();
  } catch (error) {
    if (!ExportError.isInstance(error)) throw error;
    throw new CliError('invalid-export', `This guest cannot be exported to ${target}`, {
      details: error.issues.map((issue) => {
        const field = configField[issue.path];
        return `${field ?? issue.path}: ${issue.message}`;
      }),
      hint: 'change those fields in winguest.yaml (or the flags that set them) and export again',
      cause: error,
    });
  }
}
