export { connectQmp, type QmpConnectOptions, type QmpTarget } from './connect-qmp';
export {
  QmpClosedError,
  QmpCommandError,
  QmpError,
  type QmpErrorCode,
  QmpTimeoutError,
} from './errors';
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
