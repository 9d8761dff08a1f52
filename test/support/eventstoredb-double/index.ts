export { EventStoreDbWireDouble, type WireDoubleOptions } from './server';
