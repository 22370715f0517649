/**
 * The variables a child process (QEMU, swtpm, qemu-img, ssh) may see: where programs and the
 * user's files are, the locale, and how to reach a display. Everything else — WINGUEST_PASSWORD,
 * tokens, cloud credentials — stays in the parent.
 */
const passedOn = [
  /^PATH$/i,
  /^PATHEXT$/i,
  /^HOME$/,
  /^USER$/,
  /^LOGNAME$/,
  /^SHELL$/,
  /^LANG$/,
  /^LANGUAGE$/,
  /^LC_[A-Z]+$/,
  /^TZ$/,
  /^TERM$/,
  /^TMPDIR$/,
  /^TEMP$/i,
  /^TMP$/i,
  /^XDG_RUNTIME_DIR$/,
  /^DISPLAY$/,
  /^WAYLAND_DISPLAY$/,
  /^XAUTHORITY$/,
  /^SSH_AUTH_SOCK$/,
  /^SYSTEMROOT$/i,
  /^WINDIR$/i,
  /^USERPROFILE$/i,
  /^APPDATA$/i,
  /^LOCALAPPDATA$/i,
  /^PROGRAMDATA$/i,
  /^COMSPEC$/i,
];

/**
 * A clean environment for a child process: only the variables in an allow-list are copied from
 * `env` (default `process.env`), so no secret reaches it. Pass it with execa's `extendEnv: false`
 * (or as `spawn`'s `env`).
 */
export function childEnvironment(
  env: Record<string, string | undefined> = process.env,
): Record<string, string> {
  const clean: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && passedOn.some((pattern) => pattern.test(name))) clean[name] = value;
  }
  return clean;
}
