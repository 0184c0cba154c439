import * as path from 'node:path';

/** The repository root. */
export const REPO_DIR = path.resolve(__dirname, '..', '..');
/** `../shared` beside the clone (spec, samples, corpus), as on developer machines and CI. */
export const SHARED_DIR = path.resolve(REPO_DIR, '..', 'shared');
export const SEED_TEXT = path.join(SHARED_DIR, 'spec', 'bao-cao-cchc-6-thang-2022.txt');
export const RECEIVED_SAMPLE = path.join(SHARED_DIR, 'samples', 'received-bao-cao-cchc-6-thang-2022.docx');
export const CORPUS_DIR = path.join(SHARED_DIR, 'corpus');
