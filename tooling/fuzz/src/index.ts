export { defineFuzzTests, type FuzzTarget, fuzzSeconds } from './fuzz-target';
export { applyMutations, type Mutation, type MutationContext, mutationArbitrary } from './mutations';
export { xmlMarkupTokens } from './xml-markup';
