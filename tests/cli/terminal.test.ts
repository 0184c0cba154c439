/** Control characters and escape sequences never leave the CLI as text (src/cli/terminal.ts). */
import { escapeJsonControls, stripControls, stripControlsDeep } from '../../src/cli/terminal';

describe('stripControls', () => {
  test.each([
    ['CSI: clear screen, colours, cursor moves', 'a\u001b[2Jb\u001b[31;1mc\u001b[10;20Hd', 'abcd'],
    ['C1 CSI (U+009B)', 'a\u009b31mb', 'ab'],
    ['OSC: window title, ended by BEL or ST, or cut short', 'a\u001b]0;tiêu đề\u0007b\u001b]8;;http://x\u001b\\c\u001b]2;x', 'abc'],
    ['C1 OSC (U+009D) ended by C1 ST', 'a\u009d0;t\u009cb', 'ab'],
    ['an OSC left open hides nothing past its line', 'a\u001b]0;t\nb\u001bPq\nc', 'a\nb\nc'],
    ['DCS, APC, PM, SOS', 'a\u001bPq#0\u001b\\b\u001b_x\u001b\\c\u0090y\u009cd\u009ez\u009ce', 'abcde'],
    ['ESC with one character, and ESC at the end', 'a\u001bcb\u001b7c\u001b', 'abc'],
    ['other C0, DEL and C1; CR, BS and BEL too', 'a\u0000\u0007\b\rb\u007f\u0085c\u009f', 'abc'],
  ])('%s', (_what, input, expected) => {
    expect(stripControls(input)).toBe(expected);
  });

  test('keeps newlines, tabs and all Vietnamese text', () => {
    const text = 'Mục A.2.2:\tTỷ lệ hồ sơ trả đúng hạn ghi 3,24%\nnhưng 921/28.375 = 3,25% — “đúng”…';
    expect(stripControls(text)).toBe(text);
  });

  test('deep: every string of a report, other values untouched', () => {
    const report = { file: 'a\u001b[2J.docx', summary: { error: 1 }, findings: [{ message: 'x\u009b1my', ok: true, n: null }] };
    expect(stripControlsDeep(report)).toEqual({ file: 'a.docx', summary: { error: 1 }, findings: [{ message: 'xy', ok: true, n: null }] });
  });
});

test('escapeJsonControls escapes DEL and C1 in JSON text, the same string to a JSON reader', () => {
  const value = { text: 'a\u001b[2Jb\u009b31mc\u007fd' };
  const json = escapeJsonControls(JSON.stringify(value));
  expect(json).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/u);
  expect(json).toBe('{"text":"a\\u001b[2Jb\\u009b31mc\\u007fd"}');
  expect(JSON.parse(json)).toEqual(value);
});
