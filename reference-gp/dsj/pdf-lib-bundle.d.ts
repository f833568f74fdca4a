// pdf-lib's single-file ES build (forms-pdf.ts), typed as the package it is built from.
declare module 'pdf-lib/dist/pdf-lib.esm.min.js' {
  export * from 'pdf-lib';
}
