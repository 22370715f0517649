// Why a cidata-iso bench target was missed, worded from the figures of the same run, so that the
// table names the measurement behind every "missed".

/** Wall seconds, peak RSS (MiB) and CPU seconds of one tool on one tree, medians of the run. */
export type Figures = { wall: number; rss: number; cpu: number };

/** Why the wall-time target was missed, from this run's figures. */
export function wallWhy(ours: Figures, floor: Figures, genisoimage: Figures, start: Figures): string {
  const ms = (s: number) => `${Math.round(s * 1000)} ms`;
  const over = `${ms(ours.wall - genisoimage.wall)} over genisoimage (${(ours.wall / genisoimage.wall).toFixed(2)}×)`;
  // Faster than the sync floor: the time is the bytes themselves (the floor cannot overlap them).
  if (ours.wall <= floor.wall)
    return `${over}; per-file work is not it: the Node walk + copy floor takes ${ms(floor.wall)}`;
  const above = `ours is ${ms(ours.wall - floor.wall)} above the Node walk + copy floor`;
  if (floor.wall <= genisoimage.wall) return `${over}; ${above}`;
  return `Node walking and copying alone (no ISO) takes ${ms(floor.wall)}, ${(floor.wall / genisoimage.wall).toFixed(2)}× genisoimage (Node's start alone ${ms(start.wall)}); ${above}`;
}

/** Why the flat-RSS target was missed, from this run's figures. */
export function rssWhy(ours: number, oursSmall: number, floor: number, floorSmall: number): string {
  const mib = (x: number) => `${x.toFixed(1)} MiB`;
  return `Node walking and copying alone grows ${mib(floorSmall)} → ${mib(floor)} from the 2-file tree (V8's optimising compiler paged in, young generation grown); ours grows ${mib(oursSmall)} → ${mib(ours)}`;
}
