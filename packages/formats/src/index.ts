export * from './browser';
export { buildZip, zipStream, ZipWriter, type ZipEntry } from './zip';
