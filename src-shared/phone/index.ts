export * from './parse';
export * from './recipients';
export * from './mobile';
