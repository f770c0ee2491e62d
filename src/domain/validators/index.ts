// Validators for what a resident ledger holds: ID numbers, phones, vehicle plates. Pure, no I/O.
export * from './idNumber';
export * from './phone';
export * from './plate';
export { removeSpaces, toHalfWidth } from './text';
