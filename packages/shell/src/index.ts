export { childEnvironment } from './child-environment';
export { type FindExecutableOptions, findExecutable } from './find-executable';
export { quotePosix } from './quote-posix';
export { powerShellSingleQuotes, quotePowerShell } from './quote-powershell';
