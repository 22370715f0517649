export { childEnvironment } from './child-environment';
export { type FindExecutableOptions, findExecutable } from './find-executable';
export { isAlive } from './process-alive';
export { quotePosix } from './quote-posix';
export { powerShellSingleQuotes, quotePowerShell } from './quote-powershell';
export { randomBytesFromSystem, randomIndexes } from './random-bytes';
export { createRedactor, isSecretKey, minimumSecretLength, type Redactor, redactedText } from './redact';
export { removeStaleTempFiles, tempFileOwner, tempPathFor } from './temp-files';
