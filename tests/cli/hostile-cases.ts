/**
 * Hostile inputs for the CLI, generated (no committed binaries): documents derived from the
 * bundled sample by editing word/document.xml, and files that are not documents at all.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

/** The .docx `bytes` with word/document.xml rewritten by `edit`. */
export function withDocumentXml(bytes: Uint8Array, edit: (xml: string) => string): Uint8Array {
  const files = unzipSync(new Uint8Array(bytes));
  files['word/document.xml'] = strToU8(edit(strFromU8(files['word/document.xml']!)));
  return zipSync(files);
}

/** `depth` tables, each inside the single cell of the one before, at the start of the body. */
export function nestedTables(xml: string, depth: number): string {
  const open = '<w:tbl><w:tr><w:tc>'.repeat(depth);
  const close = '</w:tc></w:tr></w:tbl>'.repeat(depth);
  return xml.replace('<w:body>', `<w:body>${open}<w:p><w:r><w:t>12</w:t></w:r></w:p>${close}`);
}

/** `depth` block content controls, each inside the one before, at the start of the body. */
export function nestedControls(xml: string, depth: number): string {
  const open = '<w:sdt><w:sdtPr><w:tag w:val="x"/></w:sdtPr><w:sdtContent>'.repeat(depth);
  const close = '</w:sdtContent></w:sdt>'.repeat(depth);
  return xml.replace('<w:body>', `<w:body>${open}<w:p><w:r><w:t>12</w:t></w:r></w:p>${close}`);
}

/** The same document with WordprocessingML as the default namespace: elements unprefixed. */
export function defaultNamespace(xml: string): string {
  return xml
    .replace(/<(\/?)w:/gu, '<$1')
    .replace(/<document\b/u, '<document xmlns="http://schemas.openxmlformats.org/wordprocessingml/2006/main"');
}

/** A comment after the root element that looks like its end tag. */
export function trailingComment(xml: string): string {
  return `${xml}<!-- </w:document> -->`;
}

/** `count` attributes on one element (the first paragraph's properties). */
export function manyAttributes(xml: string, count: number): string {
  let attrs = '';
  for (let i = 0; i < count; i++) attrs += ` a${i}="1"`;
  return xml.replace('<w:body>', `<w:body><w:p><w:pPr${attrs}/></w:p>`);
}

/** One paragraph with `count` numbers in it. */
export function manyNumbers(xml: string, count: number): string {
  const text = Array.from({ length: count }, (_, i) => `${i + 1} hồ sơ`).join(', ');
  return xml.replace('<w:body>', `<w:body><w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`);
}

/** How a hostile case is run by the CLI and what must come out. */
export interface HostileCase {
  name: string;
  /** Writes the inputs into `dir`; returns the arguments after "baocao". */
  make: (dir: string, sample: Uint8Array) => string[];
  /** Exit status. */
  code: number;
  /** One pattern per line of stderr, in order (every line names its file). */
  stderr: RegExp[];
}

const write = (file: string, bytes: Uint8Array | string) => {
  fs.writeFileSync(file, bytes);
  return file;
};
const join = (dir: string, name: string) => `${dir}/${name}`;
const quoted = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/**
 * The cases: files that are not documents (each refused with its reason, the other files still
 * checked), documents nested past the engine's limits, hostile data for fill, an output device
 * that is full. Sizes are small on disk (the 1.5 GB input is sparse).
 */
export function hostileCases(): HostileCase[] {
  return [
    {
      name: 'check: text, empty, truncated, a device, a FIFO, a folder, a sparse 1.5 GB file, a missing file — each one line, the sample still checked',
      make: (dir, sample) => {
        const fifo = join(dir, 'ong.docx');
        execFileSync('mkfifo', [fifo]);
        const big = join(dir, 'lon.docx');
        fs.closeSync(fs.openSync(big, 'w'));
        fs.truncateSync(big, 1.5 * 1024 * 1024 * 1024);
        fs.mkdirSync(join(dir, 'thu-muc.docx'));
        return [
          'check',
          write(join(dir, 'van-ban.docx'), 'đây không phải tệp docx'),
          write(join(dir, 'rong.docx'), ''),
          write(join(dir, 'cut.docx'), sample.subarray(0, 3000)),
          '/dev/zero',
          fifo,
          join(dir, 'thu-muc.docx'),
          big,
          join(dir, 'khong-co.docx'),
          write(join(dir, 'mau.docx'), sample),
          '--format',
          'json',
        ];
      },
      code: 2,
      stderr: [
        /"\S+\/van-ban\.docx": .*\[not-zip\]/u,
        /"\S+\/rong\.docx": .*\[not-zip\]/u,
        /"\S+\/cut\.docx": .*\[(?:not-zip|corrupt|missing-part)\]/u,
        /"\/dev\/zero": không phải tệp thông thường/u,
        /"\S+\/ong\.docx": không phải tệp thông thường/u,
        /"\S+\/thu-muc\.docx": đây là một thư mục/u,
        /"\S+\/lon\.docx": tệp quá lớn: 1536 MB, giới hạn 200 MB \(file too large\)/u,
        /"\S+\/khong-co\.docx": không tìm thấy tệp \(file not found\)/u,
      ].map((re) => new RegExp(`^baocao check: không đọc được ${re.source}`, 'u')),
    },
    ...(['check', 'extract', 'fill', 'rollover', 'adopt'] as const).flatMap((command) =>
      (
        [
          ['1 000 nested tables', (x: string) => nestedTables(x, 1000)],
          ['6 000 nested controls', (x: string) => nestedControls(x, 6000)],
        ] as const
      ).map(
        ([what, edit]): HostileCase => ({
          name: `${command}: ${what} — exit 2, one line, no stack trace`,
          make: (dir, sample) => {
            const file = write(join(dir, `sau-${command}.docx`), withDocumentXml(sample, edit));
            const data = write(join(dir, 'so-lieu.json'), '{ "fields": { "bi1.planTasks": "52" } }');
            const out = join(dir, `ra-${command}.docx`);
            if (command === 'check' || command === 'extract') return [command, file];
            if (command === 'fill') return [command, file, '--data', data, '-o', out];
            if (command === 'rollover') return [command, file, '--to', 'nam-2022', '-o', out];
            return [command, file, '-o', out];
          },
          code: 2,
          stderr: [new RegExp(`^baocao ${command}: (?:không đọc được ")?\\S+/sau-${command}\\.docx"?: .*lồng nhau quá sâu`, 'u')],
        }),
      ),
    ),
    ...(
      [
        ['not JSON', 'so-lieu.json', '{ "fields": ', /không đọc được JSON.*\(invalid JSON\)/u],
        ['JSON null', 'null.json', 'null', /dữ liệu không đúng dạng.*\(invalid data\)/u],
        ['a figure that is not text', 'so.json', '{ "fields": { "bi1.planTasks": { "x": 1 } } }', /dữ liệu không đúng dạng.*\(invalid data\)/u],
        ['a "__proto__" field', 'proto.json', '{ "fields": { "__proto__": "1" }, "__proto__": { "fields": 1 } }', /mã chỉ tiêu không hợp lệ: "__proto__" \(invalid field id\)/u],
      ] as const
    ).map(
      ([what, name, text, reason]): HostileCase => ({
        name: `fill --data: ${what} — exit 2, nothing written`,
        make: (dir, sample) => ['fill', write(join(dir, 'mau.docx'), sample), '--data', write(join(dir, name), text), '-o', join(dir, `ra-${name}.docx`)],
        code: 2,
        stderr: [new RegExp(`^baocao fill: \\S+/${quoted(name)}: ${reason.source}`, 'u')],
      }),
    ),
    {
      name: 'fill --data: a sparse 40 MB JSON file is refused from its size',
      make: (dir, sample) => {
        const data = join(dir, 'lon.json');
        fs.closeSync(fs.openSync(data, 'w'));
        fs.truncateSync(data, 40 * 1024 * 1024);
        return ['fill', write(join(dir, 'mau.docx'), sample), '--data', data, '-o', join(dir, 'ra-lon.docx')];
      },
      code: 2,
      stderr: [/^baocao fill: \S+\/lon\.json: tệp quá lớn: 40 MB, giới hạn 32 MB \(file too large\)$/u],
    },
    {
      name: 'extract -o /dev/full: the write fails with one line',
      make: (dir, sample) => ['extract', write(join(dir, 'mau.docx'), sample), '-o', '/dev/full'],
      code: 2,
      stderr: [/^baocao extract: \/dev\/full: hết chỗ trống trên đĩa \(no space left on device\)$/u],
    },
  ];
}
