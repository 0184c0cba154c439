/**
 * `baocao annotate`: the check's errors and warnings as real Word comments, proved on the
 * signed report and the bound sample, read back by our engine and by LibreOffice (ODT export:
 * LibreOffice turns each imported comment into an office:annotation over the commented text).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { annotateDocx } from '../../src/cli/annotate-command';
import { main } from '../../src/cli/main';
import { runCli as run } from '../helpers/cli';
import { isCommented } from '../../src/core/check/annotations';
import { commentsOf } from '../../src/document/ooxml/comments';
import { OoxmlDocument } from '../../src/document/ooxml/document';
import { BOUND_SAMPLE, RECEIVED_SAMPLE } from '../check/helpers';
import { sofficeConvert, sofficeText } from '../helpers/libreoffice';

const dir = mkdtempSync(path.join(tmpdir(), 'baocao-annotate-'));
const tmp = (name: string) => path.join(dir, name);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

function snapshotOf(bytes: Uint8Array) {
  return OoxmlDocument.open(bytes).readSync();
}

/** Text between commentRangeStart and commentRangeEnd of each comment id, from document.xml. */
function rangesOf(bytes: Uint8Array): Map<string, string> {
  const xml = strFromU8(unzipSync(bytes)['word/document.xml']!);
  const out = new Map<string, string>();
  const open = new Set<string>();
  for (const m of xml.matchAll(/<w:commentRange(Start|End) w:id="(\d+)"\/>|<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)) {
    if (m[1] === 'Start') {
      open.add(m[2]!);
      out.set(m[2]!, '');
    } else if (m[1] === 'End') open.delete(m[2]!);
    else for (const id of open) out.set(id, out.get(id)! + m[3]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"'));
  }
  return out;
}

/** LibreOffice's view of the comments: each office:annotation's author, text and anchored text. */
function odtAnnotations(odt: Buffer): Array<{ author: string; text: string; anchored: string }> {
  const content = strFromU8(unzipSync(new Uint8Array(odt))['content.xml']!);
  const doc = new DOMParser().parseFromString(content, 'text/xml') as unknown as Document;
  const out: Array<{ author: string; text: string; anchored: string }> = [];
  const open = new Map<string, { anchored: string }>();
  const walk = (n: Node): void => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        for (const a of open.values()) a.anchored += (c as Text).data;
      } else if (c.nodeType === 1) {
        const el = c as Element;
        if (el.localName === 'annotation') {
          const author = Array.from(el.getElementsByTagName('dc:creator'))[0]?.textContent ?? '';
          const text = Array.from(el.getElementsByTagName('text:p'))
            .map((p) => p.textContent ?? '')
            .join('\n');
          const entry = { author, text, anchored: '' };
          out.push(entry);
          const name = el.getAttribute('office:name');
          if (name) open.set(name, entry);
        } else if (el.localName === 'annotation-end') {
          open.delete(el.getAttribute('office:name') ?? '');
        } else if (el.localName === 's') {
          for (const a of open.values()) a.anchored += ' ';
        } else walk(el);
      }
    }
  };
  walk(doc.documentElement);
  return out;
}

describe('baocao annotate on the signed report', () => {
  const source = tmp('bao-cao.docx');
  const output = tmp('bao-cao-nhan-xet.docx');
  let before: string;

  beforeAll(async () => {
    writeFileSync(source, readFileSync(RECEIVED_SAMPLE));
    before = sha(readFileSync(source));
    const r = await run('annotate', source, '-o', output, '--author', 'Sở Nội vụ');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });

  test('one comment per error and warning, plus the summary on the title; the source is unchanged', async () => {
    expect(sha(readFileSync(source))).toBe(before);
    const { report } = annotateDocx(new Uint8Array(readFileSync(RECEIVED_SAMPLE)), { fileName: source });
    const commented = report.findings.filter(isCommented);
    expect(commented.length).toBe(report.summary.error + report.summary.warning);
    expect(commented.length).toBeGreaterThan(5);

    const comments = commentsOf(new Uint8Array(readFileSync(output)));
    expect(comments).toHaveLength(commented.length + 1);
    expect(comments.every((c) => c.author === 'Sở Nội vụ' && c.ours)).toBe(true);
    expect(comments[0]!.text).toMatch(new RegExp(`^baocao: ${report.summary.error} lỗi, ${report.summary.warning} cảnh báo; đã kiểm tra `));
    // Each finding's message is in exactly one comment, with what is expected when the check says it.
    for (const f of commented) {
      const holders = comments.filter((c) => c.text.includes(f.message));
      expect(holders).toHaveLength(1);
      if (f.expected) expect(holders[0]!.text).toContain(f.expected);
    }
    // Anchored on the figure: the ratio comment spans "3,24%", the summary spans the title.
    const ranges = rangesOf(new Uint8Array(readFileSync(output)));
    expect(ranges.size).toBe(comments.length);
    expect(ranges.get(comments[0]!.id)).toBe('BÁO CÁO');
    const ratio = comments.find((c) => c.text.includes('(tỷ lệ)') && c.text.includes('3,24%'))!;
    expect(ranges.get(ratio.id)).toBe('3,24%');
  });

  test('the body is unchanged: same snapshot by our engine, same text by LibreOffice', async () => {
    const src = new Uint8Array(readFileSync(source));
    const out = new Uint8Array(readFileSync(output));
    expect(snapshotOf(out)).toEqual(snapshotOf(src));
    expect(await sofficeText(out)).toBe(await sofficeText(src));
    // Only the main part, its relationships and the content types change; comments.xml is new.
    const a = unzipSync(src);
    const b = unzipSync(out);
    const changed = Object.keys(b).filter((k) => !a[k] || sha(a[k]!) !== sha(b[k]!)).sort();
    expect(changed).toEqual(['[Content_Types].xml', 'word/_rels/document.xml.rels', 'word/comments.xml', 'word/document.xml']);
    expect(Object.keys(a).every((k) => k in b)).toBe(true);
  });

  test('LibreOffice shows every comment with its text, anchored on the figure', async () => {
    const comments = commentsOf(new Uint8Array(readFileSync(output)));
    const annotations = odtAnnotations(await sofficeConvert(readFileSync(output), 'odt'));
    expect(annotations).toHaveLength(comments.length);
    const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
    expect(annotations.map((a) => norm(a.text)).sort()).toEqual(comments.map((c) => norm(c.text)).sort());
    expect(annotations.every((a) => a.author === 'Sở Nội vụ')).toBe(true);
    const ratio = annotations.find((a) => a.text.includes('(tỷ lệ)') && a.text.includes('3,24%'))!;
    expect(ratio.anchored).toBe('3,24%');
  }, 120_000);

  test('re-annotating replaces baocao comments and keeps people’s', async () => {
    // A person's comment: one of baocao's, rewritten as a person writes it (name, initials, text).
    const files = unzipSync(new Uint8Array(readFileSync(output)));
    const xml = strFromU8(files['word/comments.xml']!);
    const first = commentsOf(new Uint8Array(readFileSync(output)));
    const personId = first[3]!.id;
    const personText = 'Đề nghị đơn vị xem lại số liệu này.';
    files['word/comments.xml'] = strToU8(
      xml.replace(
        new RegExp(`<w:comment w:id="${personId}" w:author="[^"]*" (w:date="[^"]*") w:initials="baocao">.*?</w:comment>`),
        `<w:comment w:id="${personId}" w:author="Nguyễn Văn An" $1 w:initials="NVA"><w:p><w:r><w:t>${personText}</w:t></w:r></w:p></w:comment>`,
      ),
    );
    const withPerson = tmp('co-nhan-xet-nguoi.docx');
    writeFileSync(withPerson, zipSync(files));
    const again = tmp('lan-hai.docx');
    const r = await run('annotate', withPerson, '-o', again);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`thay ${first.length - 1} nhận xét cũ của baocao`);
    const bytes = new Uint8Array(readFileSync(again));
    const comments = commentsOf(bytes);
    const ours = comments.filter((c) => c.ours);
    const people = comments.filter((c) => !c.ours);
    expect(ours).toHaveLength(first.length);
    expect(people).toEqual([{ ...first[3]!, author: 'Nguyễn Văn An', initials: 'NVA', text: personText, ours: false }]);
    expect(ours.every((c) => c.author === 'baocao')).toBe(true);
    // Every comment has exactly one range; no marker of a removed comment is left behind.
    const ranges = rangesOf(bytes);
    expect([...ranges.keys()].sort()).toEqual(comments.map((c) => c.id).sort());
    expect(ranges.get(personId)).toBe(rangesOf(new Uint8Array(readFileSync(output))).get(personId));
    const docXml = strFromU8(unzipSync(bytes)['word/document.xml']!);
    expect(docXml.match(/<w:commentReference /g)).toHaveLength(comments.length);
    expect(snapshotOf(bytes)).toEqual(snapshotOf(new Uint8Array(readFileSync(source))));
    // Ids stay unique.
    expect(new Set(comments.map((c) => c.id)).size).toBe(comments.length);
  });
});

describe('baocao annotate --report: the HTML report names each finding’s comment', () => {
  test('every error and warning links to the id of the comment holding its message', async () => {
    const source = tmp('nguon-bao-cao.docx');
    writeFileSync(source, readFileSync(RECEIVED_SAMPLE));
    const out = tmp('nguon-nhan-xet.docx');
    const html = tmp('kiem-tra.html');
    const r = await run('annotate', source, '-o', out, '--report', html);
    expect(r.code).toBe(0);
    const page = readFileSync(html, 'utf8');
    const comments = commentsOf(new Uint8Array(readFileSync(out)));
    const ids = [...page.matchAll(/<article class="finding (error|warning)" id="nhan-xet-(\d+)">.*?<p class="msg">(.*?)<\/p>/gs)];
    expect(ids).toHaveLength(comments.length - 1);
    const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    for (const m of ids) {
      const comment = comments.find((c) => c.id === m[2]);
      expect(comment?.text).toContain(unescape(m[3]!));
    }
    // Infos get no comment and no id.
    expect(page).not.toMatch(/class="finding info" id=/);
  });
});

describe('baocao annotate: bound sample and output safety', () => {
  test('the bound sample gets one comment per error and warning; its controls and text are unchanged', async () => {
    const src = new Uint8Array(readFileSync(BOUND_SAMPLE));
    const { bytes, report, commentIds } = annotateDocx(src, { fileName: 'mau.docx', author: 'Sở Nội vụ' });
    expect(commentIds.size).toBe(report.summary.error + report.summary.warning);
    expect(commentsOf(bytes)).toHaveLength(commentIds.size + 1);
    expect(snapshotOf(bytes)).toEqual(snapshotOf(src));
    // Annotating again (in memory) keeps the count: baocao's comments are replaced, not added.
    const twice = annotateDocx(bytes, { fileName: 'mau.docx' });
    expect(commentsOf(twice.bytes)).toHaveLength(commentIds.size + 1);
    expect(twice.replaced).toBe(commentIds.size + 1);
    // Comments the Word panel wrote carry the user's name and initials: recognised by their text.
    const files = unzipSync(twice.bytes);
    files['word/comments.xml'] = strToU8(strFromU8(files['word/comments.xml']!).replace(/w:author="baocao"([^>]*)w:initials="baocao"/g, 'w:author="Trần Thị Bình"$1w:initials="TTB"'));
    const fromWord = zipSync(files);
    expect(commentsOf(fromWord).filter((c) => c.ours)).toHaveLength(0);
    const third = annotateDocx(fromWord, { fileName: 'mau.docx' });
    expect(third.replaced).toBe(commentIds.size + 1);
    expect(commentsOf(third.bytes)).toHaveLength(commentIds.size + 1);
  });

  test('refuses to write over the input or an existing file without --force; needs -o', async () => {
    const source = tmp('nguon.docx');
    writeFileSync(source, readFileSync(RECEIVED_SAMPLE));
    const same = await run('annotate', source, '-o', source);
    expect(same.code).toBe(2);
    expect(same.err).toContain('ghi đè lên tệp nguồn');
    const existing = tmp('da-co.docx');
    writeFileSync(existing, 'x');
    const exists = await run('annotate', source, '-o', existing);
    expect(exists.code).toBe(2);
    expect(exists.err).toContain('--force');
    expect(readFileSync(existing, 'utf8')).toBe('x');
    expect((await run('annotate', source, '-o', existing, '--force')).code).toBe(0);
    expect(commentsOf(new Uint8Array(readFileSync(existing))).length).toBeGreaterThan(1);
    const noOut = await run('annotate', source);
    expect(noOut.code).toBe(2);
    expect(noOut.err).toContain('-o');
    const corrupt = tmp('hong.docx');
    writeFileSync(corrupt, 'PK\u0003\u0004 not a zip');
    const bad = await run('annotate', corrupt, '-o', tmp('hong-ra.docx'));
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('hong.docx');
    expect(existsSync(tmp('hong-ra.docx'))).toBe(false);
  });
});
