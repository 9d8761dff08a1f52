export * from './errors';
export * from './mci';
export * from './rent-rates';
export * from './subsidy-calculation';
export * from './relocation-subsidy';
export * from './rent-subsidy';
