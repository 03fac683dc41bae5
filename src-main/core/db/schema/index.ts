export * from './accounts';
export * from './settings';
export * from './lease';
export * from './messages';
export * from './contacts';
export * from './reports';
