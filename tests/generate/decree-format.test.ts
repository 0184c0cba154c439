/**
 * The generated documents keep their formatting in LibreOffice as in Word (issue 11): figures are
 * rich-text controls (LibreOffice drops the run properties inside plain-text controls: the
 * title's bold, the date's italic), and the header has the Nghị định 30/2020 rule lines — under
 * the motto as long as it, under the issuing body's name shorter than it. Checked on the
 * committed files (tests/generate/template.test.ts proves they are what the generator writes).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { textWidth } from '../../src/document/generate/write-docx';
import { REPO_DIR } from '../helpers/paths';

const documentXml = (file: string) => strFromU8(unzipSync(new Uint8Array(fs.readFileSync(path.join(REPO_DIR, file))))['word/document.xml']!);

describe.each(['src/templates/cchc-6-thang/sample.docx', 'src/templates/cchc-6-thang/template.docx'])('%s', (file) => {
  const xml = documentXml(file);

  test('no plain-text controls; the runs inside a control carry the formatting of their place', () => {
    expect(xml).not.toContain('<w:text/>');
    const period = /<w:tag w:val="meta\.periodLabel"\/>.*?<w:sdtContent>(.*?)<\/w:sdtContent>/.exec(xml)![1]!;
    expect(period).toMatch(/^<w:r><w:rPr>(<w:rStyle w:val="PlaceholderText"\/>)?<w:b\/>/);
    const date = /<w:tag w:val="meta\.reportDate"\/>.*?<w:sdtContent>(.*?)<\/w:sdtContent>/.exec(xml)![1]!;
    expect(date).toMatch(/^<w:r><w:rPr>(<w:rStyle w:val="PlaceholderText"\/>)?(<w:b\/>)?<w:i\/>/);
  });

  test('a rule line under the motto, about its length, and a shorter one under the office name', () => {
    const motto = /<w:p><w:pPr>(<w:pBdr><w:bottom [^>]*\/><\/w:pBdr>.*?)<\/w:pPr>(?:(?!<\/w:p>).)*Độc lập - Tự do - Hạnh phúc/.exec(xml);
    expect(motto).not.toBeNull();
    const [, left, right] = /<w:ind w:left="(\d+)" w:right="(\d+)"\/>/.exec(motto![1]!)!;
    const column = 9355 - 3600 - 216;
    const line = column - Number(left) - Number(right);
    const text = textWidth('Độc lập - Tự do - Hạnh phúc', 28, true);
    expect(line).toBeGreaterThanOrEqual(text);
    expect(line).toBeLessThanOrEqual(text * 1.2);
    // The office name ("VĂN PHÒNG") is followed by its own thin paragraph with a top border.
    const office = /VĂN PHÒNG<\/w:t><\/w:r><\/w:p><w:p><w:pPr><w:pBdr><w:top [^>]*\/><\/w:pBdr>.*?<w:ind w:left="(\d+)" w:right="(\d+)"\/>/.exec(xml);
    expect(office).not.toBeNull();
    const officeLine = 3600 - 216 - Number(office![1]) - Number(office![2]);
    const name = textWidth('VĂN PHÒNG', 26, true);
    expect(officeLine).toBeGreaterThanOrEqual(name / 3);
    expect(officeLine).toBeLessThanOrEqual(name / 2);
  });
});
