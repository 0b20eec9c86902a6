export { stsModule } from './module.ts';
export { stsErrors } from './errors.ts';
