export { IsoToolFailedError, IsoToolNotFoundError } from './errors';
export { detectIsoTools, type IsoTool, isoTools } from './tools';
export { type WriteIsoWithToolOptions, writeIsoWithTool } from './write-iso-with-tool';
