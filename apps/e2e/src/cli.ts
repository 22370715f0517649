import { E2eError } from './errors.ts';
import { main } from './main.ts';

// The `pnpm e2e` executable: exit 2 for bad usage, 1 for a failure, 0 otherwise.
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(E2eError.isInstance(error) ? `e2e: ${error.message}` : error);
    process.exit(
      E2eError.isInstance(error) && (error.code === 'invalid-arguments' || error.code === 'unknown-scenario')
        ? 2
        : 1,
    );
  },
);
