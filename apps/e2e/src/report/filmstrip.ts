import type { Frame } from './results-schema.ts';

/** A screenshot found on disk, with what `up` said about it when it reported it. */
export interface ScreenshotSource {
  path: string;
  stage?: string | undefined;
  reason?: string | undefined;
  elapsedMs?: number | undefined;
}

/**
 * The frames of a filmstrip, oldest first, from the screenshots `up` reported (stage changes,
 * periodic, failure) and those `winguest logs` lists (named `0001-<stage>.png`): each file once,
 * labelled from the event when there was one, else from its name.
 */
export function filmstripFrames(
  reported: readonly ScreenshotSource[],
  listed: readonly string[],
): ScreenshotSource[] {
  const byPath = new Map<string, ScreenshotSource>();
  for (const path of listed) byPath.set(path, { path, stage: stageFromName(path), reason: 'interval' });
  for (const shot of reported) byPath.set(shot.path, { ...byPath.get(shot.path), ...shot });
  return [...byPath.values()].sort((a, b) => baseName(a.path).localeCompare(baseName(b.path)));
}

/** An HTML page that shows a scenario's frames in order with their stage, reason and time. */
export function renderFilmstripHtml(scenario: string, frames: readonly Frame[]): string {
  const figures = frames.map(
    (frame) =>
      `<figure><img src="${escapeHtml(frame.file)}" alt="${escapeHtml(frame.stage)}" loading="lazy"><figcaption>${escapeHtml(
        `${frame.stage} · ${frame.reason}${frame.elapsedMs === undefined ? '' : ` · ${formatSeconds(frame.elapsedMs)}`}`,
      )}</figcaption></figure>`,
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(scenario)} filmstrip</title>
<style>body{font:14px sans-serif}figure{display:inline-block;margin:4px}img{width:320px;border:1px solid #888}</style></head>
<body><h1>${escapeHtml(scenario)}</h1>
${figures.join('\n')}
</body></html>
`;
}

/** Text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function stageFromName(path: string): string {
  return /^\d+-(.+)\.png$/i.exec(baseName(path))?.[1] ?? 'unknown';
}

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
