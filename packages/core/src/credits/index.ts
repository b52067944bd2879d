export * from './instances';
export * from './balance';
export * from './credit-guard';
export * from './projection';
