import * as fs from 'node:fs';
import * as path from 'node:path';
import { OoxmlDocument } from '../../src/document/ooxml/document';
import { KEEP_KIDS, KEEP_TEXT, LiteElement, parseLite } from '../../src/document/ooxml/fastxml';
import { encodeXml, parseXml } from '../../src/document/ooxml/xml';
import { createZip } from '../../src/document/ooxml/zip';
import { DocumentError, type ParagraphBlock, type TableBlock } from '../../src/document/types';
import { CORPUS_DIR, REPO_DIR, RECEIVED_SAMPLE } from '../helpers/paths';
import { liteOps } from '../../src/document/ooxml/walker';
import { CONTROLS_BODY, edgeDocumentXmls } from './fixtures';
import { buildDocx, catchDocumentError, CONTENT_TYPES, documentXml, rawIdenticalExcept, ROOT_RELS } from './helpers';

const BOUND_SAMPLE = path.join(REPO_DIR, 'src', 'templates', 'cchc-6-thang', 'sample.docx');
const enc = new TextEncoder();

function corpusFiles(): string[] {
  const out: string[] = [];
  for (const dir of ['docx4j', 'docxtemplater']) {
    for (const f of fs.readdirSync(path.join(CORPUS_DIR, dir)).sort()) if (f.endsWith('.docx')) out.push(path.join(CORPUS_DIR, dir, f));
  }
  return out;
}

/** The hand-made documents: controls, markup edge cases (several prefixes, Strict), UTF-16. */
function handMade(): Array<[string, Uint8Array]> {
  const docs: Array<[string, Uint8Array]> = [['controls', buildDocx(documentXml(CONTROLS_BODY))]];
  for (const [name, xml] of edgeDocumentXmls()) docs.push([`edge: ${name}`, buildDocx(xml)]);
  const [, first] = edgeDocumentXmls()[0]!;
  const utf16 = encodeXml('\uFEFF' + first.replace('encoding="UTF-8"', 'encoding="UTF-16"'), 'utf-16le');
  docs.push([
    'edge: UTF-16',
    createZip([
      ['[Content_Types].xml', enc.encode(CONTENT_TYPES)],
      ['_rels/.rels', enc.encode(ROOT_RELS)],
      ['word/document.xml', utf16],
    ]),
  ]);
  return docs;
}

describe('fast read path: same snapshot as the DOM path', () => {
  test('every corpus file, both samples and the hand-made documents: fast snapshot deep-equals the DOM snapshot', () => {
    const inputs: Array<[string, Uint8Array]> = [
      ...corpusFiles().map((f): [string, Uint8Array] => [path.relative(CORPUS_DIR, f), new Uint8Array(fs.readFileSync(f))]),
      ['bound sample', new Uint8Array(fs.readFileSync(BOUND_SAMPLE))],
      ['received sample', new Uint8Array(fs.readFileSync(RECEIVED_SAMPLE))],
      ...handMade(),
    ];
    expect(inputs.length).toBeGreaterThanOrEqual(292 + 2 + 6);
    const declined: string[] = [];
    let compared = 0;
    let blocks = 0;
    let controls = 0;
    for (const [name, bytes] of inputs) {
      const { path: readPath, fast, dom } = OoxmlDocument.compareReadPaths(bytes);
      if (!fast) {
        declined.push(`${name}: ${readPath}`);
        continue;
      }
      expect({ name, snapshot: fast }).toEqual({ name, snapshot: dom });
      compared++;
      blocks += dom.blocks.length;
      controls += dom.controls.length;
    }
    console.log(`fast read path: ${compared} of ${inputs.length} documents compared (${blocks} blocks, ${controls} controls), declined: ${declined.length}`);
    // Every real document takes the fast path; none of them needs the DOM for reading.
    expect(declined).toEqual([]);
    expect(controls).toBeGreaterThan(100);
  });

  test('the hand-made edge documents read as expected (not only "equal to the DOM")', () => {
    for (const [name, bytes] of handMade().filter(([n]) => n.startsWith('edge'))) {
      const doc = OoxmlDocument.open(bytes);
      expect({ name, path: doc.readPath }).toEqual({ name, path: 'fast' });
      const snap = doc.readSync();
      const paras = snap.blocks.filter((b): b is ParagraphBlock => b.type === 'paragraph').map((b) => b.text);
      expect(paras).toContain('A & B <C> "D" \'E\' ạạ😀<raw> & xy\r\nline');
      // Drawings, alternate content and foreign elements are skipped; w:ptab is a tab too.
      expect(paras).toContain('shownspaced\t\t-moveddirbdo');
      expect(paras).toContain('linkgi\uFFFDa');
      const styled = snap.blocks.find((b): b is ParagraphBlock => b.type === 'paragraph' && b.text.startsWith('A &'))!;
      expect(styled.style).toBe('Heading 1  x');
      const checkbox = snap.controls.find((c) => c.title === 'Ô & chọn')!;
      expect([checkbox.kind, checkbox.level, checkbox.text, checkbox.showingPlaceholder]).toEqual(['checkBox', 'block', '☒', false]);
      const rep = snap.controls.find((c) => c.tag === 'rep')!;
      expect([rep.kind, rep.lock, rep.text]).toEqual(['other', 'sdtContentLocked', '']);
      const table = snap.blocks.find((b): b is TableBlock => b.type === 'table')!;
      expect(table.rows.map((r) => [r.header, r.cells.map((c) => [c.text, c.span, c.mergedUp])])).toEqual([
        [false, [['a', 3, false]]],
        [
          true,
          [
            ['', 1, true],
            ['nested', 1, false],
          ],
        ],
      ]);
    }
  });

  test('open + read builds no DOM, nor does an edit: it edits, through the edit tree, the element the fast snapshot named', () => {
    const original = new Uint8Array(fs.readFileSync(RECEIVED_SAMPLE));
    const doc = OoxmlDocument.open(original);
    const snap = doc.readSync();
    expect(doc.readPath).toBe('fast');
    expect(doc.package.isParsed(doc.package.mainPartName)).toBe(false);
    // Saving without edits needs no DOM either.
    expect(rawIdenticalExcept(original, doc.save())).toEqual([]);
    expect(doc.package.isParsed(doc.package.mainPartName)).toBe(false);

    const para = snap.blocks.find((b): b is ParagraphBlock => b.type === 'paragraph' && b.text.includes('30.407'))!;
    const start = para.text.indexOf('30.407');
    doc.applySync([{ kind: 'paragraph', blockIndex: para.index, start, end: start + 6, text: '31.512' }]);
    expect(doc.package.isParsed(doc.package.mainPartName)).toBe(false);
    expect(doc.readPath).toBe('edit tree');
    const after = doc.readSync();
    expect((after.blocks[para.index] as ParagraphBlock).text).toBe(para.text.replace('30.407', '31.512'));
    // A fresh open of the saved file takes the fast path again and sees the edit.
    const reopened = OoxmlDocument.open(doc.save());
    expect(reopened.readPath).toBe('fast');
    expect(reopened.readSync()).toEqual(after);
  });

  test('if the fast and edit-tree snapshots ever disagreed, an edit is refused and the next read uses the edit tree', () => {
    // Simulate a divergence: the lite tree reports different text for w:t.
    const spy = jest.spyOn(liteOps, 'text').mockImplementation(() => 'khác');
    let saved: Uint8Array;
    try {
      const doc = OoxmlDocument.open(buildDocx(documentXml('<w:p><w:r><w:t>một</w:t></w:r></w:p>')));
      const fast = doc.readSync();
      expect((fast.blocks[0] as ParagraphBlock).text).toBe('khác');
      const err = catchDocumentError(() => doc.applySync([{ kind: 'paragraph', blockIndex: 0, start: 0, end: 1, text: 'x' }]));
      expect(err.code).toBe('stale-edit');
      expect(doc.readPath).toBe('edit tree: fast and DOM snapshots differ');
      const dom = doc.readSync();
      expect((dom.blocks[0] as ParagraphBlock).text).toBe('một');
      doc.applySync([{ kind: 'paragraph', blockIndex: 0, start: 0, end: 3, text: 'hai' }]);
      saved = doc.save();
    } finally {
      spy.mockRestore();
    }
    expect((OoxmlDocument.open(saved).readSync().blocks[0] as ParagraphBlock).text).toBe('hai');
  });

  test('a document outside the fast subset is read by the DOM path, with the same result as before', () => {
    // A bare "&" in text is accepted by xmldom (kept literally) but not by the strict reader;
    // a processing instruction inside the body likewise.
    const cases: Array<[string, string, string]> = [
      ['bare ampersand', documentXml('<w:p><w:r><w:t>AT& T</w:t></w:r></w:p>'), 'AT& T'],
      ['processing instruction', documentXml('<w:p><?pi data?><w:r><w:t>pi</w:t></w:r></w:p>'), 'pi'],
      // xmldom accepts a CDATA section after the root element; the strict reader leaves it to the DOM.
      ['CDATA after the root', documentXml('<w:p><w:r><w:t>cdata</w:t></w:r></w:p>') + '<![CDATA[x]]>', 'cdata'],
    ];
    for (const [name, xml, text] of cases) {
      const doc = OoxmlDocument.open(buildDocx(xml));
      expect({ name, path: doc.readPath.startsWith('dom') }).toEqual({ name, path: true });
      expect(doc.readSync().blocks[0]).toMatchObject({ type: 'paragraph', text });
    }
  });

  test('a body in the default namespace or under another prefix is read by the fast path, as the DOM reads it', () => {
    const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    const body = '<body><p><pPr><pStyle val="Heading1"/></pPr><r><t>plain</t></r></p><sdt><sdtPr><tag val="k"/></sdtPr><sdtContent><p/></sdtContent></sdt></body>';
    const cases = [
      `<document xmlns="${W}">${body}</document>`,
      `<document xmlns="${W}" xmlns:w="${W}">${body.replace(/ val=/g, ' w:val=')}</document>`,
      `<x:document xmlns:x="${W}">${body.replace(/<(\/?)([a-z])/gi, '<$1x:$2').replace(/ val=/g, ' x:val=')}</x:document>`,
    ];
    for (const xml of cases) {
      const { path, fast, dom } = OoxmlDocument.compareReadPaths(buildDocx(xml));
      expect(path).toBe('fast');
      expect(fast).toEqual(dom);
      expect(dom.blocks[0]).toMatchObject({ type: 'paragraph', text: 'plain', style: 'Heading1' });
      expect(dom.controls[0]).toMatchObject({ tag: 'k', level: 'block' });
    }
  });
});

describe('fast read path: refusals are unchanged', () => {
  const cases: Array<[string, string, string]> = [
    ['unbalanced tag', documentXml('<w:p><w:r><w:t>x</w:r></w:p>'), 'xml-malformed'],
    ['unclosed element at the end', documentXml('<w:p>').replace('</w:body></w:document>', '</w:body>'), 'xml-malformed'],
    ['mismatched end tag with a longer name', documentXml('<w:p><w:pPr></w:pPrx></w:p>'), 'xml-malformed'],
    ['duplicate attribute', documentXml('<w:p w:rsidR="1" w:rsidR="2"/>'), 'xml-malformed'],
    ['unbound prefix', documentXml('<w:p><q:r/></w:p>'), 'xml-malformed'],
    ["'<' in an attribute value", documentXml('<w:p w:rsidR="a<b"/>'), 'xml-malformed'],
    ['unquoted attribute', documentXml('<w:p w:rsidR=1/>'), 'xml-malformed'],
    ['unknown entity', documentXml('<w:p><w:r><w:t>&nbsp;</w:t></w:r></w:p>'), 'xml-malformed'],
    ['text after the root', documentXml('') + 'junk', 'xml-malformed'],
    ['two roots', documentXml('') + '<w:document/>', 'xml-malformed'],
    ['bad comment', documentXml('<!-- a -- b -->'), 'xml-malformed'],
    ['DOCTYPE', '<!DOCTYPE w:document>' + documentXml(''), 'xml-doctype'],
    ['entity declaration in a comment', documentXml('<!-- <!ENTITY x "y"> -->'), 'xml-doctype'],
    ['lower-case doctype', '<!doctype w:document>' + documentXml(''), 'xml-doctype'],
    ['not WordprocessingML', '<a:document xmlns:a="urn:a"><a:body/></a:document>', 'unsupported'],
    ['no body', `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:bodyx/></w:document>`, 'missing-part'],
  ];
  test.each(cases.map(([name, xml, code]) => [name, code, xml]))('%s → %s', (_name, code, xml) => {
    const err = catchDocumentError(() => OoxmlDocument.open(buildDocx(xml)));
    expect(err.code).toBe(code);
    // The strict reader never accepts what the DOM parser refuses.
    if (code.startsWith('xml-')) {
      expect(catchDocumentError(() => parseXml(xml, 'word/document.xml')).code).toBe(code);
      if (code === 'xml-malformed') {
        // The strict reader bails (the DOM decides), or refuses what the DOM refuses fatally.
        let lite: ReturnType<typeof parseLite> | DocumentError;
        try {
          lite = parseLite(xml, () => 0);
        } catch (e) {
          if (!(e instanceof DocumentError)) throw e;
          lite = e;
        }
        if (lite instanceof DocumentError) expect(lite.code).toBe('xml-malformed');
        else expect(lite).toHaveProperty('bail');
      }
    }
  });

  test('invalid UTF-8 in document.xml is still xml-malformed', () => {
    const bytes = createZip([
      ['[Content_Types].xml', enc.encode(CONTENT_TYPES)],
      ['_rels/.rels', enc.encode(ROOT_RELS)],
      ['word/document.xml', new Uint8Array([...enc.encode(documentXml('<w:p><w:r><w:t>')), 0xff, ...enc.encode('</w:t></w:r></w:p>')])],
    ]);
    expect(catchDocumentError(() => OoxmlDocument.open(bytes)).code).toBe('xml-malformed');
  });
});

// ---------------------------------------------------------------------------------------------
// Fuzzing the one-sided contract: parseLite accepts ⇒ parseXml accepts, with the same tree.

/** Mulberry32: a small deterministic PRNG, so failures reproduce. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CHARS = ['<', '>', '&', '"', "'", '/', '=', ' ', ':', 'x', '!', '?', '\n', ';', '#', ']', '-', '\t', '\u0001', 'é', '\uD83D'];
const SNIPPETS = [
  '<!--c-->',
  '<!--a--b-->',
  '<![CDATA[x]]>',
  '&amp;',
  '&#65;',
  '&#x1F600;',
  '&#X41;',
  '&bogus;',
  '&#;',
  ' xmlns:q="urn:q"',
  ' q:a="1"',
  ' xmlns:w=""',
  ' xmlns=""',
  ' xml:space="preserve"',
  ' w:val="a"',
  '<?pi x?>',
  '</w:r>',
  '<w:t>',
  '<w:t/>',
  '<q:x/>',
  '<xmlns/>',
  '<!DOCTYPE x>',
  '<w:p',
  '/>',
  '\uFFFD',
];

function mutate(src: string, next: () => number): string {
  let s = src;
  const n = 1 + Math.floor(next() * 3);
  for (let k = 0; k < n; k++) {
    const at = Math.floor(next() * (s.length + 1));
    const op = Math.floor(next() * 6);
    if (op === 0) s = s.slice(0, at) + s.slice(at + 1);
    else if (op === 1) s = s.slice(0, at) + CHARS[Math.floor(next() * CHARS.length)]! + s.slice(at);
    else if (op === 2) s = s.slice(0, at) + SNIPPETS[Math.floor(next() * SNIPPETS.length)]! + s.slice(at);
    else if (op === 3) {
      // Remove one whole tag.
      const lt = s.indexOf('<', at);
      const gt = lt < 0 ? -1 : s.indexOf('>', lt);
      if (gt > 0) s = s.slice(0, lt) + s.slice(gt + 1);
    } else if (op === 4) {
      // Duplicate a short span.
      const len = Math.floor(next() * 40);
      s = s.slice(0, at) + s.slice(at, at + len) + s.slice(at);
    } else {
      // Rename a tag occurrence.
      const lt = s.indexOf('<w:', at);
      if (lt >= 0) s = s.slice(0, lt + 3) + 'z' + s.slice(lt + 3);
    }
  }
  return s;
}

/** Compares a fully materialized lite tree with the DOM tree: names, namespaces, attributes, text. */
function sameTree(lite: LiteElement, dom: Element, where: string, problems: string[]): void {
  if (lite.ns !== dom.namespaceURI || lite.local !== dom.localName || lite.qname !== dom.tagName) {
    problems.push(`${where}: element ${lite.qname}/${lite.ns} vs ${dom.tagName}/${dom.namespaceURI}`);
    return;
  }
  const attrs = lite.attrList();
  if (attrs.length !== dom.attributes.length) problems.push(`${where}/${lite.qname}: ${attrs.length} attributes vs ${dom.attributes.length}`);
  for (let i = 0; i < dom.attributes.length; i++) {
    const a = dom.attributes.item(i)!;
    if (lite.attr(a.name) !== a.value) problems.push(`${where}/${lite.qname}@${a.name}: ${JSON.stringify(lite.attr(a.name))} vs ${JSON.stringify(a.value)}`);
    if (lite.attrNS(a.namespaceURI ?? '', a.localName) !== a.value) problems.push(`${where}/${lite.qname}@{${a.namespaceURI}}${a.localName}`);
  }
  let text = '';
  const kids: Element[] = [];
  for (let c = dom.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 3 || c.nodeType === 4) text += (c as CharacterData).data;
    else if (c.nodeType === 1) kids.push(c as Element);
  }
  if (lite.text !== text) problems.push(`${where}/${lite.qname}: text ${JSON.stringify(lite.text)} vs ${JSON.stringify(text)}`);
  const liteKids = lite.kids ?? [];
  if (liteKids.length !== kids.length) {
    problems.push(`${where}/${lite.qname}: ${liteKids.length} children vs ${kids.length}`);
    return;
  }
  kids.forEach((k, i) => sameTree(liteKids[i]!, k, `${where}/${lite.qname}[${i}]`, problems));
}

describe('fast reader fuzzing (deterministic)', () => {
  const seeds: Array<[string, string]> = [
    ['controls', documentXml(CONTROLS_BODY)],
    ...edgeDocumentXmls().map(([n, x]): [string, string] => [`edge: ${n}`, x.replace(/^\uFEFF/, '')]),
  ];
  const keepAll = (): number => KEEP_KIDS | KEEP_TEXT;

  test('unmutated seeds: the lite tree equals the DOM tree', () => {
    for (const [name, xml] of seeds) {
      const lite = parseLite(xml, keepAll);
      expect({ name, lite: 'root' in lite }).toEqual({ name, lite: true });
      const problems: string[] = [];
      sameTree((lite as { root: LiteElement }).root, parseXml(xml).root, name, problems);
      expect(problems).toEqual([]);
    }
  });

  test('mutants: whenever the strict reader accepts, the DOM parser accepts with the same tree and the same snapshot', () => {
    const next = rng(20221130);
    let accepted = 0;
    let domOnly = 0;
    let bothRefused = 0;
    const violations: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const [name, seed] = seeds[i % seeds.length]!;
      const xml = mutate(seed, next);
      let lite: ReturnType<typeof parseLite>;
      let liteRefused: DocumentError | undefined;
      try {
        lite = parseLite(xml, keepAll);
      } catch (e) {
        if (!(e instanceof DocumentError)) throw e;
        liteRefused = e;
        lite = { bail: e.code };
      }
      let dom: ReturnType<typeof parseXml> | undefined;
      try {
        dom = parseXml(xml, 'word/document.xml');
      } catch (e) {
        if (!(e instanceof DocumentError)) throw e;
      }
      // What the strict reader refuses outright, the DOM parser refuses too.
      if (liteRefused && dom) violations.push(`#${i} (${name}): refused by the strict reader (${liteRefused.detail}), accepted by the DOM`);
      if (!('root' in lite)) {
        if (dom) domOnly++;
        else bothRefused++;
        continue;
      }
      accepted++;
      if (!dom) {
        violations.push(`#${i} (${name}): accepted by the strict reader, refused by the DOM: ${JSON.stringify(xml.slice(0, 300))}`);
        continue;
      }
      const problems: string[] = [];
      sameTree(lite.root, dom.root, `#${i}`, problems);
      violations.push(...problems.slice(0, 3));
      // And at the document level, when the mutant is still a Word document.
      let cmp: ReturnType<typeof OoxmlDocument.compareReadPaths> | undefined;
      try {
        cmp = OoxmlDocument.compareReadPaths(buildDocx(xml));
      } catch (e) {
        if (!(e instanceof DocumentError)) throw e;
      }
      if (cmp?.fast && JSON.stringify(cmp.fast) !== JSON.stringify(cmp.dom)) violations.push(`#${i} (${name}): snapshots differ`);
    }
    console.log(`fuzz: 3000 mutants, ${accepted} accepted by both, ${domOnly} left to the DOM path, ${bothRefused} refused by both`);
    expect(violations).toEqual([]);
    // The test means something only if many mutants are accepted and many refused.
    expect(accepted).toBeGreaterThan(250);
    expect(bothRefused).toBeGreaterThan(1000);
  });
});
