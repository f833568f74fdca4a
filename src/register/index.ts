/** The results register (issue 20): runs recorded in PGlite (a folder) or PostgreSQL (a URL). See docs/register.md. */
export { openRegister, displayUrl, type Register } from './open.ts';
export { importFile, importFolders, type ImportSummary } from './import.ts';
export { registerRecord, RegisterConflictError, sha256Hex, type RecordSubmission } from './record.ts';
export { loadRegisterResults } from './status-source.ts';
