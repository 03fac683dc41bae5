export * from './parse';
export * from './recipients';
