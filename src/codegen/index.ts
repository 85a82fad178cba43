/** The code generator: IR → standalone ES module (ARCHITECTURE.md §2, §4). */
export { generate, type GenerateOptions, type GeneratedModule } from './generate.js';
export {
  bundleModule,
  runtimeEntryPath,
  type BundleOptions,
  type BundledModule,
} from './bundle.js';
