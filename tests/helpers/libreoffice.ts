import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/**
 * Converts a document with headless LibreOffice, one user profile per call so that parallel
 * jest workers never share a profile. Returns the converted bytes.
 */
export async function sofficeConvert(input: Uint8Array | string, target: 'txt' | 'pdf' | 'odt'): Promise<Buffer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'baocao-lo-'));
  try {
    const src = path.join(dir, 'input.docx');
    if (typeof input === 'string') copyFileSync(input, src);
    else writeFileSync(src, input);
    const filter = target === 'txt' ? 'txt:Text (encoded):UTF8' : target;
    await new Promise<void>((resolve, reject) => {
      execFile(
        'soffice',
        [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', filter, '--outdir', dir, src],
        { timeout: 120_000 },
        (error, _stdout, stderr) => (error ? reject(new Error(`soffice failed: ${error.message}\n${stderr}`)) : resolve()),
      );
    });
    return readFileSync(path.join(dir, `input.${target}`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function sofficeText(input: Uint8Array | string): Promise<string> {
  return (await sofficeConvert(input, 'txt')).toString('utf8').replace(/^\uFEFF/, '');
}

/** Page count of a PDF, read from its page tree (no extra tools needed). */
export function pdfPageCount(pdf: Buffer): number {
  const text = pdf.toString('latin1');
  const counts = [...text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)/g)].map((m) => Number(m[1]));
  return counts.length ? Math.max(...counts) : 0;
}

/** Whitespace collapsed, for comparing text across renderers. */
export const normalizeSpace = (s: string) => s.replace(/\s+/g, ' ').trim();
