export { jolietRecordOffset, patchBoth32, patchJolietName, rootRecordOffset } from './crafted-iso.ts';
export { buildFakeInstallIso, type FakeInstallIsoOptions, installIsoTools } from './install-iso.ts';
export { allowedAgentCommands, RealQemuGa } from './real-qemu-ga.ts';
export { run, writeTree } from './run.ts';
export {
  buildFakeVirtioWinIso,
  type FakeVirtioWinOptions,
  virtioWinExtras,
  virtioWinIsoTools,
  virtioWinLayout,
} from './virtio-win-iso.ts';
export { buildWim, consumerEditions, type EditionFixture, edition } from './wim.ts';
