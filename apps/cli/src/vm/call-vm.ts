import { vmErrorToCli } from './vm-error';

/** Calls `@winguest/vm` (loaded on first use) and turns its errors into CLI errors. */
export async function callVm<T>(action: (api: typeof import('@winguest/vm')) => T | Promise<T>): Promise<T> {
  const api = await import('@winguest/vm');
  try {
    return await action(api);
  } catch (error) {
    throw vmErrorToCli(error);
  }
}
