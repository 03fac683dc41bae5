export * from './contract';
export * from './schemas';
export * from './events';
export * from './errors';
export * from './dispatch';
export * from './contacts-schemas';
export * from './scheduler-schemas';
