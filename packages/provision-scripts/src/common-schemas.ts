import * as z from 'zod';

/** An error message that quotes the offending value first. */
export function bad(problem: string) {
  return (issue: { input?: unknown }) => `${JSON.stringify(issue.input)} ${problem}`;
}

const forbiddenInName = /[<>:"/\\|?*\p{Cc}]/u;

function isWindowsFileName(part: string): boolean {
  return part !== '' && part !== '.' && part !== '..' && !forbiddenInName.test(part) && !/[. ]$/.test(part);
}

/**
 * A file on our media, relative to the folder that holds the script (`openssh/OpenSSH-Win64.msi`).
 * `/` and `\` both separate folders; the script receives backslashes.
 */
export const mediaPathSchema = z
  .string()
  .max(200, { error: bad('is longer than 200 characters') })
  .refine((path) => path.split(/[\\/]/).every(isWindowsFileName), {
    error: bad(
      'is not a relative path on the media: use folder/file names without < > : " | ? *, control characters, "." or ".." parts, or a trailing dot or space',
    ),
  })
  .transform((path) => path.replaceAll('/', '\\'));

/** A file on the media with the SHA-256 the script verifies before using it. */
export const mediaFileSchema = z.object({
  /** Path relative to the script's folder on the media. */
  path: mediaPathSchema,
  /** SHA-256 of the file as 64 hex digits; the script refuses a file whose hash differs. */
  sha256: z
    .string()
    .regex(/^[0-9A-Fa-f]{64}$/, { error: bad('is not a SHA-256 (64 hex digits)') })
    .transform((hex) => hex.toUpperCase()),
});

/** An absolute path on the guest (`C:\Temp\setup`), at least two folders deep. */
export const guestPathSchema = z
  .string()
  .max(240, { error: bad('is longer than 240 characters') })
  .refine(
    (path) => {
      const match = /^[A-Za-z]:\\(.+)$/.exec(path);
      const parts = match?.[1]?.split('\\') ?? [];
      return parts.length >= 2 && parts.every(isWindowsFileName);
    },
    { error: bad('is not an absolute Windows path at least two folders deep (C:\\folder\\file)') },
  );

/** A local Windows account name, by the rules Windows applies when it creates one. */
export const windowsUserNameSchema = z
  .string()
  .min(1, { error: 'a user name cannot be empty' })
  .max(20, { error: bad('is longer than 20 characters, the limit for Windows user names') })
  .refine((name) => !/["/\\[\]:;|=,+*?<>@%\p{Cc}]/u.test(name), {
    error: bad(
      'contains a character Windows user names cannot hold (" / \\ [ ] : ; | = , + * ? < > @ % or a control character)',
    ),
  })
  .refine((name) => !/^[. ]+$/.test(name) && !name.endsWith('.'), {
    error: bad('is only dots and spaces or ends with a dot, which Windows does not allow'),
  });
