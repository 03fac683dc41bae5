// The two IPC channels, shared by the main process (ipc.ts) and the preload (preload-bridge.ts).
// A file of its own so the preload bundle pulls in nothing else of the main process.
export const INVOKE_CHANNEL = 'smsdesk:invoke';
export const EVENT_CHANNEL = 'smsdesk:event';
