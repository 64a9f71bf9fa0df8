// The whole program, every command registered, in help order. The command list and the builder live once,
// in commandIndex.ts (so the registry and this module do not import each other); tests import it from here.
export { buildProgram } from './commandIndex.js';
export { translateCommanderError, type Act } from './programBase.js';
