import fc from 'fast-check';

/**
 * One structured change to an input. Positions are raw numbers reduced modulo the input's length
 * when applied, so a saved list replays the same way on the same seed.
 */
export type Mutation =
  | { kind: 'field'; field: number; value: number; order: 'le' | 'be' | 'both' }
  | { kind: 'byte'; at: number; value: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; token: number }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'copy'; from: number; to: number; length: number };

/** Values that break length checks: zero, one, the signed and unsigned edges, and huge sizes. */
const edges = [
  0, 1, 2, 33, 0x7f, 0x80, 0xff, 0x7fff, 0xffff, 0x7fff_ffff, 0x8000_0000, 0xffff_fffe, 0xffff_ffff,
];

/** Mutations of an input, weighted towards the fields the format's readers trust. */
export function mutationArbitrary(hasFields: boolean, hasTokens: boolean): fc.Arbitrary<Mutation> {
  const value = fc.oneof(fc.constantFrom(...edges), fc.nat({ max: 0xffff_ffff }), fc.nat({ max: 4096 }));
  const at = fc.nat();
  const choices: fc.Arbitrary<Mutation>[] = [
    fc.record({ kind: fc.constant('byte' as const), at, value: fc.nat({ max: 255 }) }),
    fc.record({ kind: fc.constant('truncate' as const), at }),
    fc.record({ kind: fc.constant('delete' as const), at, length: fc.nat({ max: 4096 }) }),
    fc.record({ kind: fc.constant('copy' as const), from: at, to: at, length: fc.nat({ max: 4096 }) }),
  ];
  if (hasFields) {
    const order = fc.constantFrom('le' as const, 'be' as const, 'both' as const);
    const field = fc.record({ kind: fc.constant('field' as const), field: at, value, order });
    choices.push(field, field, field);
  }
  if (hasTokens) choices.push(fc.record({ kind: fc.constant('insert' as const), at, token: fc.nat() }));
  return fc.oneof(...choices);
}

/** What a mutation may refer to: offsets of numeric fields and text fragments to insert. */
export interface MutationContext {
  fields: readonly number[];
  tokens: readonly Uint8Array[];
}

/** Applies mutations in order to a copy of `seed`. */
export function applyMutations(
  seed: Uint8Array,
  mutations: readonly Mutation[],
  context: MutationContext,
): Uint8Array {
  let bytes: Uint8Array = Uint8Array.from(seed);
  for (const m of mutations) {
    const length = Math.max(1, bytes.length);
    if (m.kind === 'field') {
      const at = context.fields[m.field % Math.max(1, context.fields.length)] ?? 0;
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      if (at + 4 <= bytes.length && m.order !== 'be') view.setUint32(at, m.value >>> 0, true);
      const be = m.order === 'both' ? at + 4 : at;
      if (be + 4 <= bytes.length && m.order !== 'le') view.setUint32(be, m.value >>> 0, false);
    } else if (m.kind === 'byte') bytes[m.at % length] = m.value;
    else if (m.kind === 'truncate') bytes = bytes.slice(0, m.at % length);
    else if (m.kind === 'insert') {
      const token = context.tokens[m.token % Math.max(1, context.tokens.length)] ?? new Uint8Array();
      const at = m.at % length;
      bytes = concat(bytes.subarray(0, at), token, bytes.subarray(at));
    } else if (m.kind === 'delete') {
      const at = m.at % length;
      bytes = concat(bytes.subarray(0, at), bytes.subarray(at + m.length));
    } else {
      const from = m.from % length;
      bytes.copyWithin(m.to % length, from, from + m.length);
    }
  }
  return bytes;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
