// The preload, bundled by scripts/build-electron.js into ONE CommonJS file (dist-electron/preload.cjs):
// a sandboxed preload cannot load other files. It exposes `window.smsdesk` (shape documented in
// preload-bridge.ts) and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { exposeBridge } from './preload-bridge';

exposeBridge(contextBridge, ipcRenderer);
