import * as z from 'zod';
import { instanceNamePattern } from './instance-paths';

/** An instance name: used as a directory name and in QEMU's `-name`. */
export const instanceNameSchema = z
  .string()
  .regex(
    instanceNamePattern,
    'must be 1-63 letters, digits, ".", "_" or "-", starting with a letter or digit',
  );
