import * as fs from 'node:fs';
import * as path from 'node:path';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { REQUIRED_WORD_API } from '../src/document/word/word-document';
import { REPO_DIR } from './helpers/paths';

const NS = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  ov: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
};

const MANIFEST = path.join(REPO_DIR, 'manifest.xml');
const xml = fs.readFileSync(MANIFEST, 'utf8');
const doc = new DOMParser({
  onError: (level, message) => {
    throw new Error(`manifest.xml ${level}: ${message}`);
  },
}).parseFromString(xml, 'text/xml');
const root = doc.documentElement as Element;

function all(scope: Element, ns: string, name: string): Element[] {
  return Array.from(scope.getElementsByTagNameNS(ns, name));
}
function one(scope: Element, ns: string, name: string): Element {
  const found = all(scope, ns, name);
  if (found.length !== 1) throw new Error(`expected one <${name}>, found ${found.length}`);
  return found[0]!;
}
function children(scope: Element, ns: string, name: string): Element[] {
  return Array.from(scope.childNodes).filter(
    (n): n is Element => n.nodeType === 1 && (n as Element).namespaceURI === ns && (n as Element).localName === name,
  );
}
function text(el: Element): string {
  return (el.textContent ?? '').trim();
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** assets/… file behind a dev URL https://localhost:3000/assets/… */
function assetFile(url: string): string {
  const prefix = 'https://localhost:3000/';
  expect(url.startsWith(prefix)).toBe(true);
  return path.join(REPO_DIR, url.slice(prefix.length));
}

const overrides = one(root, NS.ov, 'VersionOverrides');
const resources = one(overrides, NS.ov, 'Resources');
const resourceIds = (kind: string, entry: string): Map<string, string> =>
  new Map(all(one(resources, NS.bt, kind), NS.bt, entry).map((e) => [e.getAttribute('id') ?? '', e.getAttribute('DefaultValue') ?? '']));
const images = resourceIds('Images', 'Image');
const urls = resourceIds('Urls', 'Url');
const shortStrings = resourceIds('ShortStrings', 'String');
const longStrings = resourceIds('LongStrings', 'String');

describe('manifest.xml', () => {
  test('is a Word task pane add-in with a fixed id, Vietnamese name and locale', () => {
    expect(root.localName).toBe('OfficeApp');
    expect(root.namespaceURI).toBe(NS.app);
    expect(root.getAttributeNS(NS.xsi, 'type')).toBe('TaskPaneApp');
    expect(text(one(root, NS.app, 'Id'))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(text(one(root, NS.app, 'ProviderName'))).not.toBe('');
    expect(text(one(root, NS.app, 'DefaultLocale'))).toBe('vi-VN');
    expect(one(root, NS.app, 'DisplayName').getAttribute('DefaultValue')).toBe('baocao – Báo cáo định kỳ');
    expect(one(root, NS.app, 'Description').getAttribute('DefaultValue')).toMatch(/báo cáo định kỳ/);
    expect(all(root, NS.app, 'AppDomains')).toHaveLength(0);
  });

  test('targets the Word Document host with read/write permission and WordApi 1.3 (what the adapter needs; 1.4/1.5 checked at run time)', () => {
    const hosts = children(one(root, NS.app, 'Hosts'), NS.app, 'Host');
    expect(hosts.map((h) => h.getAttribute('Name'))).toEqual(['Document']);
    expect(text(one(root, NS.app, 'Permissions'))).toBe('ReadWriteDocument');
    const sets = one(root, NS.app, 'Sets');
    expect(sets.getAttribute('DefaultMinVersion')).toBe('1.3');
    const setList = all(sets, NS.app, 'Set').map((s) => [s.getAttribute('Name'), s.getAttribute('MinVersion')]);
    expect(setList).toEqual([['WordApi', '1.3']]);
    // The same minimum the Word adapter is proven against (tests/word/requirements.test.ts).
    expect(REQUIRED_WORD_API).toBe('1.3');
    expect(one(root, NS.app, 'SourceLocation').getAttribute('DefaultValue')).toBe('https://localhost:3000/taskpane.html');
    expect(overrides.getAttributeNS(NS.xsi, 'type')).toBe('VersionOverridesV1_0');
    const ovHosts = all(overrides, NS.ov, 'Host');
    expect(ovHosts.map((h) => h.getAttributeNS(NS.xsi, 'type'))).toEqual(['Document']);
  });

  test('has a Home-tab group with the "Số liệu" and "Kiểm tra" buttons opening the same pane', () => {
    const tab = one(overrides, NS.ov, 'OfficeTab');
    expect(tab.getAttribute('id')).toBe('TabHome');
    const controls = all(tab, NS.ov, 'Control');
    expect(controls.map((c) => c.getAttributeNS(NS.xsi, 'type'))).toEqual(['Button', 'Button']);
    const summarize = (control: Element) => {
      const label = shortStrings.get(children(control, NS.ov, 'Label')[0]?.getAttribute('resid') ?? '');
      const action = one(control, NS.ov, 'Action');
      return {
        label,
        action: action.getAttributeNS(NS.xsi, 'type'),
        paneId: text(one(action, NS.ov, 'TaskpaneId')),
        url: urls.get(one(action, NS.ov, 'SourceLocation').getAttribute('resid') ?? ''),
      };
    };
    expect(controls.map(summarize)).toEqual([
      { label: 'Số liệu', action: 'ShowTaskpane', paneId: 'Baocao.Pane', url: 'https://localhost:3000/taskpane.html' },
      { label: 'Kiểm tra', action: 'ShowTaskpane', paneId: 'Baocao.Pane', url: 'https://localhost:3000/taskpane.html?panel=kiem-tra' },
    ]);
    expect(urls.get(one(overrides, NS.ov, 'FunctionFile').getAttribute('resid') ?? '')).toBe('https://localhost:3000/commands.html');
    const ids = controls.map((c) => c.getAttribute('id'));
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('every resid refers to a declared resource, and labels fit their limits', () => {
    const declared = new Set([...images.keys(), ...urls.keys(), ...shortStrings.keys(), ...longStrings.keys()]);
    const used = Array.from(overrides.getElementsByTagName('*'))
      .map((e) => e.getAttribute('resid'))
      .filter((r): r is string => r !== null);
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((r) => !declared.has(r))).toEqual([]);
    for (const value of shortStrings.values()) expect(value.length).toBeLessThanOrEqual(125);
    for (const value of longStrings.values()) expect(value.length).toBeLessThanOrEqual(250);
    for (const control of all(overrides, NS.ov, 'Control')) {
      const label = shortStrings.get(children(control, NS.ov, 'Label')[0]?.getAttribute('resid') ?? '') ?? '';
      expect(label.length).toBeLessThanOrEqual(32);
    }
  });

  test('icon files exist with the declared pixel sizes', () => {
    const checked: string[] = [];
    for (const image of all(overrides, NS.bt, 'Image').filter((e) => e.hasAttribute('size'))) {
      const size = Number(image.getAttribute('size'));
      const url = images.get(image.getAttribute('resid') ?? '');
      expect(url).toBeDefined();
      expect(pngSize(assetFile(url!))).toEqual({ width: size, height: size });
      checked.push(url!);
    }
    expect(pngSize(assetFile(one(root, NS.app, 'IconUrl').getAttribute('DefaultValue') ?? ''))).toEqual({ width: 64, height: 64 });
    expect(pngSize(assetFile(one(root, NS.app, 'HighResolutionIconUrl').getAttribute('DefaultValue') ?? ''))).toEqual({
      width: 128,
      height: 128,
    });
    // The resource images themselves, by id: icon-<n>.png is n×n.
    for (const [id, url] of images) {
      const size = Number(/(\d+)x\d+$/.exec(id)?.[1]);
      expect(pngSize(assetFile(url))).toEqual({ width: size, height: size });
    }
    expect(checked.length).toBeGreaterThanOrEqual(9);
  });

  test('every URL is https', () => {
    const values = Array.from(root.getElementsByTagName('*')).flatMap((e) => {
      const v = e.getAttribute('DefaultValue');
      return v && /^[a-z]+:\/\//i.test(v) ? [v] : [];
    });
    expect(values.length).toBeGreaterThan(8);
    for (const v of values) expect(v).toMatch(/^https:\/\//);
    expect(xml).not.toMatch(/http:\/\/(?!schemas\.microsoft\.com|www\.w3\.org)/);
  });
});

describe('manifest.xml support page', () => {
  test('SupportUrl is the help page the build ships, not the task pane', () => {
    const url = one(root, NS.app, 'SupportUrl').getAttribute('DefaultValue') ?? '';
    expect(url).toBe('https://localhost:3000/help.html');
    const page = fs.readFileSync(path.join(REPO_DIR, 'src', 'help', 'help.html'), 'utf8');
    expect(page).toContain('lang="vi"');
    expect(page).toMatch(/Hoàn tác \(Undo\)/);
  });
});
