export { connectQga, type QgaConnectOptions } from './connect-qga';
export { connectQmp, type QmpConnectOptions, type QmpTarget } from './connect-qmp';
export {
  QmpClosedError,
  QmpCommandError,
  QmpError,
  type QmpErrorCode,
  type QmpProtocol,
  QmpTimeoutError,
} from './errors';
export { type QgaCallOptions, QgaClient } from './qga-client';
export type {
  QgaCommandInfo,
  QgaInfo,
  QgaIpAddress,
  QgaNetworkInterface,
  QgaOsInfo,
  QgaShutdownMode,
} from './qga-types';
export {
  type QmpArgs,
  QmpClient,
  type QmpClientEvents,
  type QmpExecuteOptions,
  type QmpResult,
} from './qmp-client';
export type {
  QmpBlockInfo,
  QmpChardevInfo,
  QmpCommandName,
  QmpCommands,
  QmpEvent,
  QmpGreeting,
  QmpPciBus,
  QmpPciDevice,
  QmpStatusInfo,
  QmpTpmInfo,
  QmpVersion,
} from './types';
